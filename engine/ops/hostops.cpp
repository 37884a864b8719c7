// Operations on hosts.

#include "ops/operations.h"
#include "ops/opsupport.h"

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
                .arg(group, service, host.name));
    if (auto failure = checkName(QStringLiteral("host"), host.name))
        return *failure;
    if (auto failure = checkAddress(QStringLiteral("address"), host.address, false))
        return *failure;
    target.group->hosts.append(host);
    return applyEdited(config);
}

OpResult Operations::removeHost(const QString &service, const QString &group, const QString &host)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group, host);
    if (target.failure)
        return *target.failure;
    target.group->hosts.removeIf([&](const HostConfig &entry) { return entry.name == host; });
    return applyEdited(config);
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
                QStringLiteral("a new host needs an address"));
        target.group->hosts.append(HostConfig{});
        entry = &target.group->hosts.last();
        entry->name = host;
    }
    if (edit.address) {
        if (auto failure = checkAddress(QStringLiteral("address"), *edit.address, false))
            return *failure;
        entry->address = *edit.address;
    }
    // Ranges are the validator's: apply() says them with the host's element.
    if (edit.weight)
        entry->weight = *edit.weight;
    if (edit.maxConns)
        entry->maxConns = *edit.maxConns;
    if (edit.state)
        entry->adminState = *edit.state;
    return applyEdited(config);
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
