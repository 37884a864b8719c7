#pragma once

#include "engine.h"

namespace Balancier {

/// What one operation did, or why it did nothing: the structured changes it
/// executed (or, for a dry run, would execute), the errors with where they
/// are, warnings, and what kind of failure it was, so that every front end
/// answers alike (the admin API maps it to a status code, the desktop app
/// to a message).
///
/// Thread contract: a plain value; copy it anywhere.
struct OpResult : ApplyResult
{
    enum class Failure
    {
        None,  ///< ok
        NotFound,  ///< a service, group, host, user or listener named in the request does not exist
        BadInput,  ///< a name, address or value is malformed
        Conflict,  ///< the request is sound but the running state forbids it (exists already, last full user,
                   ///< ...)
        Refused,  ///< the resulting config does not validate, or the balancer refused it (shutting down,
                  ///< admin move failed)
    };

    Failure failure = Failure::None;
    /// The argument of the operation that the failure is about, in the
    /// operation's own words: "service", "group", "host" (a host's name),
    /// "address", "weight", "maxconns", "scheduler", "listen", "user" (a
    /// user's name), "password". Empty when the request is sound and the
    /// running state forbids it (the last live host, a host that is not
    /// probed, two hosts at one address), and for Refused. A front end names
    /// the part of its request that carried the argument (addHost's "ip",
    /// the JSON body's 'address') and takes the rest from the error.
    QString parameter;
    bool dryRun = false;  ///< the changes were computed, nothing was applied

    /// A failed result with one error. `element` says what is concerned
    /// ("host", "<admin listen>", ...), `message` what is wrong, `parameter`
    /// which argument is at fault (see above).
    static OpResult fail(
        Failure failure, const QString &element, const QString &message, const QString &parameter = {});
    /// The outcome of an apply: Refused when it did not go through.
    static OpResult from(const ApplyResult &result);
};

}  // namespace Balancier
