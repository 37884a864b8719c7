#include "balancerhealth.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

BalancerHealth BalancerHealth::from(const StatsSnapshot &snapshot, bool serving)
{
    BalancerHealth health;
    health.serving = serving;
    health.role = snapshot.haRole;
    health.services = int(snapshot.services.size());
    for (const ServiceStats &service : snapshot.services) {
        for (const GroupStats &group : service.groups) {
            if (group.name != service.enabledGroup)
                continue;
            if (std::any_of(group.hosts.cbegin(), group.hosts.cend(),
                    [](const HostStats &host) { return host.state == u"up"; }))
                ++health.liveServices;
        }
    }
    health.healthy = health.serving && health.liveServices > 0;
    return health;
}

QJsonObject BalancerHealth::toJson() const
{
    QJsonObject object;
    object.insert(u"healthy"_s, healthy);
    object.insert(u"serving"_s, serving);
    object.insert(u"liveServices"_s, liveServices);
    object.insert(u"services"_s, services);
    object.insert(u"role"_s, role);
    return object;
}

BalancerHealth BalancerHealth::fromJson(const QJsonObject &object)
{
    BalancerHealth health;
    health.healthy = object.value(u"healthy"_s).toBool();
    health.serving = object.value(u"serving"_s).toBool();
    health.liveServices = object.value(u"liveServices"_s).toInt();
    health.services = object.value(u"services"_s).toInt();
    health.role = object.value(u"role"_s).toString(u"unknown"_s);
    return health;
}

}  // namespace Balancier
