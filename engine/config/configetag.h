#pragma once

#include "config/config.h"

#include <QByteArray>

namespace Balancier::ConfigEtag {

/// The entity tag that names a running config (GET /api/v1/config's ETag,
/// If-Match on PUT): a quoted hash of its canonical XML, passwords included,
/// so a changed password moves it on too. The admin API and the desktop
/// app's local engine use this one definition.
///
/// Thread contract: a pure function, callable from any thread.
QByteArray of(const Config &config);

/// True when `ifMatch` (an If-Match header: "*", or a comma-separated list
/// of entity tags) names `etag`. If-Match compares strongly (RFC 9110
/// 13.1.1): a weak tag ("W/...") never matches.
bool matches(const QByteArray &ifMatch, const QByteArray &etag);

}  // namespace Balancier::ConfigEtag
