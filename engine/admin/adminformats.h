#pragma once

#include "config/config.h"
#include "stats/statssnapshot.h"

#include <QByteArray>
#include <QString>

namespace Balancier {

/// The non-JSON renderings the admin API serves. Thread contract: stateless.
namespace AdminFormats {

/// pythondirector's /running.txt grammar:
///   service NAME LISTEN ENABLEDGROUP
///   group NAME enabled|inactive
///   host NAME ADDR OPEN -
///   disabled NAME ADDR REASON -
QByteArray runningText(const StatsSnapshot &snapshot);

/// Prometheus text exposition format 0.0.4.
QByteArray metrics(const StatsSnapshot &snapshot);

/// The live status page. Every value is HTML-escaped; forms POST with `csrfToken`.
QByteArray statusPage(const StatsSnapshot &snapshot, const QString &user, bool canWrite,
    const QString &csrfToken, const QString &notice);

}  // namespace AdminFormats

}  // namespace Balancier
