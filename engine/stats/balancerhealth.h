#pragma once

#include "stats/statssnapshot.h"

#include <QJsonObject>
#include <QString>

namespace Balancier {

/// What keepalived (GET /api/v1/health, balancierd --health-check) and the
/// desktop app's fleet view ask of a balancer: does it serve, and can it
/// reach a backend. Healthy means serving and at least one service whose
/// enabled group has a host that is up.
///
/// Thread contract: a plain value; made and read in the engine's (control) thread.
struct BalancerHealth
{
    bool healthy = false;
    bool serving = false;  ///< started, not stopping, at least one listener bound
    int liveServices = 0;  ///< services whose enabled group has a host that is up
    int services = 0;
    QString role = QStringLiteral("unknown");  ///< "master", "backup" or "unknown" (HaRoleProbe)

    /// The health of `snapshot` (its services and role) for an engine that serves or not.
    static BalancerHealth from(const StatsSnapshot &snapshot, bool serving);
    /// {"healthy", "serving", "liveServices", "services", "role"}: the body of GET /api/v1/health.
    QJsonObject toJson() const;
    static BalancerHealth fromJson(const QJsonObject &object);
};

}  // namespace Balancier
