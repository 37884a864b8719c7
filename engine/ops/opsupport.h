#pragma once

// Helpers shared by the Operations source files; not part of the API.
// Thread contract: pure functions over a Config copy; any thread.

#include "ops/opresult.h"

namespace Balancier::OpSupport {

/// Where an operation acts in a copy of the config, or the NotFound failure
/// that says which part is missing.
struct Target
{
    ServiceConfig *service = nullptr;
    GroupConfig *group = nullptr;
    HostConfig *host = nullptr;
    std::optional<OpResult> failure;
};

/// A null `group` (or `host`) stops the search one level higher.
Target locate(Config &config, const QString &service, const QString &group = {}, const QString &host = {});

/// The validator's rule for service, group and host names, as a BadInput failure about `parameter`.
std::optional<OpResult> checkName(const QString &parameter, const QString &name);
/// parseAddress() as a BadInput failure about `parameter`.
std::optional<OpResult> checkAddress(const QString &parameter, const QString &address, bool forListening);
/// A known scheduler name or alias; an empty one is the default.
std::optional<OpResult> checkScheduler(const QString &parameter, const QString &scheduler);
/// The validator's rule for a host's address, weight and maxconns, as a
/// BadInput failure about the first wrong one ("address", "weight", "maxconns").
std::optional<OpResult> checkHostValues(const HostConfig &host);
/// The Conflict when another host of `group` is at `host`'s address: one
/// backend listed twice would take twice its share.
std::optional<OpResult> checkSameAddress(
    const QString &service, const GroupConfig &group, const HostConfig &host);

}  // namespace Balancier::OpSupport
