#include "config.h"

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

// Returns const or non-const pointers to match the list it searches.
template<typename List>
auto findByName(List &items, QStringView name) -> decltype(items.data())
{
    for (auto &item : items) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

}  // namespace

QString hostAdminStateName(HostAdminState state)
{
    switch (state) {
    case HostAdminState::Ready:
        return u"ready"_s;
    case HostAdminState::Drain:
        return u"drain"_s;
    case HostAdminState::Maintenance:
        return u"maintenance"_s;
    }
    return u"ready"_s;
}

std::optional<HostAdminState> hostAdminStateFromName(QStringView name)
{
    if (name == u"ready")
        return HostAdminState::Ready;
    if (name == u"drain")
        return HostAdminState::Drain;
    if (name == u"maintenance")
        return HostAdminState::Maintenance;
    return std::nullopt;
}

const HostConfig *GroupConfig::host(QStringView hostName) const
{
    return findByName(hosts, hostName);
}

HostConfig *GroupConfig::host(QStringView hostName)
{
    return findByName(hosts, hostName);
}

const GroupConfig *ServiceConfig::group(QStringView groupName) const
{
    return findByName(groups, groupName);
}

GroupConfig *ServiceConfig::group(QStringView groupName)
{
    return findByName(groups, groupName);
}

const ServiceConfig *Config::service(QStringView serviceName) const
{
    return findByName(services, serviceName);
}

ServiceConfig *Config::service(QStringView serviceName)
{
    return findByName(services, serviceName);
}

HealthConfig Config::effectiveHealth(const ServiceConfig &serviceConfig, const GroupConfig &groupConfig) const
{
    // A stored override is complete (the reader resolves attribute-by-attribute
    // inheritance when it reads the file), so the nearest one wins outright.
    if (groupConfig.health)
        return *groupConfig.health;
    if (serviceConfig.health)
        return *serviceConfig.health;
    return health;
}

TimeoutConfig Config::effectiveTimeouts(const ServiceConfig &serviceConfig) const
{
    return serviceConfig.timeouts ? *serviceConfig.timeouts : timeouts;
}

}  // namespace Balancier
