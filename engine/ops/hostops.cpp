// Operations on hosts.

#include "ops/operations.h"
#include "ops/opsupport.h"

#include <algorithm>

namespace Balancier {

using namespace OpSupport;

OpResult Operations::addHost(const QString &service, const QString &group, const HostConfig &host)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group);
    if (target.failure)
        return *target.failure;
    if (target.group->host(host.name))
        return OpResult::fail(OpResult::Failure::Conflict, QStringLiteral("host"),
            QStringLiteral("group '%1' of service '%2' has a host named '%3' already")
                .arg(group, service, host.name),
            QStringLiteral("host"));
    if (auto failure = checkName(QStringLiteral("host"), host.name))
        return *failure;
    if (auto failure = checkHostValues(host))
        return *failure;
    if (auto failure = checkSameAddress(service, *target.group, host))
        return *failure;
    target.group->hosts.append(host);
    return applyEdited(config);
}

OpResult Operations::removeHost(const QString &service, const QString &group, const QString &host, bool force)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group, host);
    if (target.failure)
        return *target.failure;
    if (!force && isLastLiveHost(service, group, host))
        return OpResult::fail(OpResult::Failure::Conflict, {},
            QStringLiteral("host %1 *not* deleted from active group: it is the last host of %2/%3 that takes "
                           "new clients, and every new client would be refused; add or enable another host "
                           "first, or repeat with force=1")
                .arg(host, service, group));
    target.group->hosts.removeIf([&](const HostConfig &entry) { return entry.name == host; });
    return applyEdited(config);
}

bool Operations::isLastLiveHost(const QString &service, const QString &group, const QString &host) const
{
    const Config config = m_engine.runningConfig();
    const ServiceConfig *serviceConfig = config.service(service);
    if (!serviceConfig || serviceConfig->enabledGroup != group)
        return false;
    const GroupConfig *groupConfig = serviceConfig->group(group);
    if (!groupConfig || !groupConfig->host(host))
        return false;
    const auto isLive = [&](const QString &name) {
        const std::optional<HostView> view = m_engine.host(service, group, name);
        return view && view->health == HostHealth::Up && view->adminState == HostAdminState::Ready
            && !view->removed;
    };
    if (!isLive(host))
        return false;
    return std::none_of(groupConfig->hosts.cbegin(), groupConfig->hosts.cend(),
        [&](const HostConfig &other) { return other.name != host && isLive(other.name); });
}

OpResult Operations::removeAllHosts(const QString &service, const QString &group)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group);
    if (target.failure)
        return *target.failure;
    target.group->hosts.clear();
    OpResult result = applyEdited(config);
    if (result.ok && target.service->enabledGroup == group)
        result.warnings.append(QStringLiteral(
            "service %1: %2 is the enabled group: new clients are refused until a host is added")
                                   .arg(service, group));
    return result;
}

OpResult Operations::setHostAdminState(
    const QString &service, const QString &group, const QString &host, HostAdminState state)
{
    HostEdit edit;
    edit.state = state;
    return editHost(service, group, host, edit);
}

OpResult Operations::setHostWeight(
    const QString &service, const QString &group, const QString &host, int weight)
{
    HostEdit edit;
    edit.weight = weight;
    return editHost(service, group, host, edit);
}

OpResult Operations::setHostMaxConns(
    const QString &service, const QString &group, const QString &host, int maxConns)
{
    HostEdit edit;
    edit.maxConns = maxConns;
    return editHost(service, group, host, edit);
}

OpResult Operations::editHost(
    const QString &service, const QString &group, const QString &host, const HostEdit &edit, bool create)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group, create ? QString() : host);
    if (target.failure)
        return *target.failure;
    HostConfig *entry = target.group->host(host);
    if (!entry) {
        if (auto failure = checkName(QStringLiteral("host"), host))
            return *failure;
        if (!edit.address)
            return OpResult::fail(OpResult::Failure::BadInput, QStringLiteral("address"),
                QStringLiteral("a new host needs an address"), QStringLiteral("address"));
        target.group->hosts.append(HostConfig{});
        entry = &target.group->hosts.last();
        entry->name = host;
    }
    if (edit.address)
        entry->address = *edit.address;
    if (edit.weight)
        entry->weight = *edit.weight;
    if (edit.maxConns)
        entry->maxConns = *edit.maxConns;
    if (edit.state) {
        entry->adminState = *edit.state;
        // A new state ends a guided drain: its deadline and action go.
        entry->drainDeadlineMs = 0;
        entry->drainThen = DrainThen::None;
    }
    if (edit.backup)
        entry->backup = *edit.backup;
    if (edit.proxy)
        entry->proxy = *edit.proxy;
    if (edit.slowStartMs)
        entry->slowStartMs = *edit.slowStartMs;
    if (edit.agentPort)
        entry->agentPort = *edit.agentPort;
    if (edit.agentIntervalMs)
        entry->agentIntervalMs = *edit.agentIntervalMs;
    if (edit.agentSend)
        entry->agentSend = *edit.agentSend;
    // The validator's rules for the values, said about the argument before anything is applied.
    if (auto failure = checkHostValues(*entry))
        return *failure;
    if (edit.address) {
        if (auto failure = checkSameAddress(service, *target.group, *entry))
            return *failure;
    }
    return applyEdited(config);
}

OpResult Operations::findHostAt(
    const QString &service, const QString &group, const QString &address, QString *name) const
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group);
    if (target.failure)
        return *target.failure;
    for (const HostConfig &host : std::as_const(target.group->hosts)) {
        if (host.address == address) {
            *name = host.name;
            OpResult result;
            result.ok = true;
            return result;
        }
    }
    return OpResult::fail(OpResult::Failure::NotFound, QStringLiteral("address"),
        QStringLiteral("group '%1' of service '%2' has no host with address '%3'")
            .arg(group, service, address),
        QStringLiteral("address"));
}

OpResult Operations::retryHost(const QString &service, const QString &group, const QString &host)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group, host);
    if (target.failure)
        return *target.failure;
    QString why;
    if (!m_engine.retryHost(service, group, host, &why))
        return OpResult::fail(OpResult::Failure::Conflict, QStringLiteral("host"),
            why.isEmpty() ? QStringLiteral("host %1 of %2/%3 is not health-checked").arg(host, service, group)
                          : why);
    OpResult result;
    result.ok = true;
    return result;
}

}  // namespace Balancier
