// Operations on groups, services and listeners.

#include "ops/operations.h"

#include "config/configvalidator.h"
#include "ops/opsupport.h"

#include "config/schedulerregistry.h"
#include "config/schedulingoptions.h"

namespace Balancier {

using namespace OpSupport;

OpResult Operations::addGroup(const QString &service, const QString &group, const QString &scheduler)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service);
    if (target.failure)
        return *target.failure;
    if (target.service->group(group))
        return OpResult::fail(OpResult::Failure::Conflict, QStringLiteral("group"),
            QStringLiteral("group '%1' exists already in service '%2'").arg(group, service),
            QStringLiteral("group"));
    if (auto failure = checkName(QStringLiteral("group"), group))
        return *failure;
    if (auto failure = checkScheduler(QStringLiteral("scheduler"), scheduler))
        return *failure;
    GroupConfig entry;
    entry.name = group;
    if (!scheduler.isEmpty())
        entry.scheduler = scheduler;
    target.service->groups.append(entry);
    return applyEdited(config);
}

OpResult Operations::removeGroup(const QString &service, const QString &group)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group);
    if (target.failure)
        return *target.failure;
    if (target.service->enabledGroup == group)
        return OpResult::fail(OpResult::Failure::Conflict, QStringLiteral("group"),
            QStringLiteral("group '%1' is the enabled one; enable another group first").arg(group),
            QStringLiteral("group"));
    target.service->groups.removeIf([&](const GroupConfig &entry) { return entry.name == group; });
    return applyEdited(config);
}

OpResult Operations::enableGroup(const QString &service, const QString &group)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group);
    if (target.failure)
        return *target.failure;
    target.service->enabledGroup = group;
    return applyEdited(config);
}

OpResult Operations::setScheduler(const QString &service, const QString &group, const QString &scheduler)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group);
    if (target.failure)
        return *target.failure;
    if (scheduler.isEmpty())
        return OpResult::fail(OpResult::Failure::BadInput, QStringLiteral("scheduler"),
            QStringLiteral("missing"), QStringLiteral("scheduler"));
    if (auto failure = checkScheduler(QStringLiteral("scheduler"), scheduler))
        return *failure;
    target.group->scheduler = scheduler;
    return applyEdited(config);
}

OpResult Operations::editScheduling(const QString &service, const QString &group, const SchedulingEdit &edit)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group);
    if (target.failure)
        return *target.failure;
    if (!edit.scheduler && !edit.tableSize && !edit.balanceFactor)
        return OpResult::fail(OpResult::Failure::BadInput, QStringLiteral("scheduler"),
            QStringLiteral("nothing to change; give scheduler, tablesize or balancefactor"),
            QStringLiteral("scheduler"));
    if (edit.scheduler) {
        if (edit.scheduler->isEmpty())
            return OpResult::fail(OpResult::Failure::BadInput, QStringLiteral("scheduler"),
                QStringLiteral("missing"), QStringLiteral("scheduler"));
        if (auto failure = checkScheduler(QStringLiteral("scheduler"), *edit.scheduler))
            return *failure;
        target.group->scheduler = SchedulerRegistry::canonicalName(*edit.scheduler);
    }
    if (edit.tableSize) {
        const QString problem = SchedulingOptions::tableSizeProblem(*edit.tableSize);
        if (!problem.isEmpty())
            return OpResult::fail(OpResult::Failure::BadInput, QStringLiteral("tablesize"), problem,
                QStringLiteral("tablesize"));
        target.group->maglevTableSize = *edit.tableSize;
    }
    if (edit.balanceFactor) {
        const QString problem = SchedulingOptions::balanceFactorProblem(*edit.balanceFactor);
        if (!problem.isEmpty())
            return OpResult::fail(OpResult::Failure::BadInput, QStringLiteral("balancefactor"), problem,
                QStringLiteral("balancefactor"));
        target.group->balanceFactor = *edit.balanceFactor;
    }
    return applyEdited(config);
}

OpResult Operations::setGroupProxy(const QString &service, const QString &group, ProxySendMode mode)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group);
    if (target.failure)
        return *target.failure;
    target.group->proxy = mode;
    return applyEdited(config);
}

OpResult Operations::editGroupFeedback(const QString &service, const QString &group, const FeedbackEdit &edit)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group);
    if (target.failure)
        return *target.failure;
    const QList<HostValueProblem> problems
        = backendFeedbackProblems(edit.slowStartMs, edit.agentPort, edit.agentIntervalMs, edit.agentSend);
    if (!problems.isEmpty())
        return OpResult::fail(OpResult::Failure::BadInput, problems.first().attribute,
            problems.first().message, problems.first().attribute);
    if (edit.slowStartMs)
        target.group->slowStartMs = *edit.slowStartMs;
    if (edit.agentPort)
        target.group->agent.port = *edit.agentPort;
    if (edit.agentIntervalMs)
        target.group->agent.intervalMs = *edit.agentIntervalMs;
    if (edit.agentSend)
        target.group->agent.send = *edit.agentSend;
    return applyEdited(config);
}

OpResult Operations::addService(const ServiceConfig &service)
{
    Config config = m_engine.runningConfig();
    if (config.service(service.name))
        return OpResult::fail(OpResult::Failure::Conflict, QStringLiteral("service"),
            QStringLiteral("service '%1' exists already").arg(service.name), QStringLiteral("service"));
    if (auto failure = checkName(QStringLiteral("service"), service.name))
        return *failure;
    for (const QString &listener : service.listeners) {
        if (auto failure = checkAddress(QStringLiteral("listen"), listener, true))
            return *failure;
    }
    for (const GroupConfig &group : service.groups) {
        if (auto failure = checkName(QStringLiteral("group"), group.name))
            return *failure;
        if (auto failure = checkScheduler(QStringLiteral("scheduler"), group.scheduler))
            return *failure;
        for (const HostConfig &host : group.hosts) {
            if (auto failure = checkName(QStringLiteral("host"), host.name))
                return *failure;
            if (auto failure = checkHostValues(host))
                return *failure;
        }
    }
    // The rest (an enabled group that exists, duplicates, ranges) is the validator's.
    config.services.append(service);
    return applyEdited(config);
}

OpResult Operations::removeService(const QString &service)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service);
    if (target.failure)
        return *target.failure;
    config.services.removeIf([&](const ServiceConfig &entry) { return entry.name == service; });
    return applyEdited(config);
}

OpResult Operations::addListener(const QString &service, const QString &address)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service);
    if (target.failure)
        return *target.failure;
    if (auto failure = checkAddress(QStringLiteral("listen"), address, true))
        return *failure;
    target.service->listeners.append(address);
    return applyEdited(config);
}

OpResult Operations::removeListener(const QString &service, const QString &address)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service);
    if (target.failure)
        return *target.failure;
    if (!target.service->listeners.removeOne(address))
        return OpResult::fail(OpResult::Failure::NotFound, QStringLiteral("listen"),
            QStringLiteral("service '%1' has no listener '%2'").arg(service, address),
            QStringLiteral("listen"));
    if (!target.service->listeners.contains(address)) {
        target.service->optionalListeners.removeAll(address);
        target.service->listenerProxy.removeIf(
            [&address](const ListenerProxyConfig &options) { return options.listener == address; });
        target.service->listenerTls.removeIf(
            [&address](const ListenerTlsConfig &options) { return options.listener == address; });
    }
    return applyEdited(config);
}

}  // namespace Balancier
