#include "ops/opsupport.h"

#include "config/address.h"
#include "config/configvalidator.h"
#include "config/schedulerregistry.h"
#include "scheduling/scheduler.h"

namespace Balancier::OpSupport {

Target locate(Config &config, const QString &service, const QString &group, const QString &host)
{
    Target target;
    target.service = config.service(service);
    if (!target.service) {
        target.failure = OpResult::fail(OpResult::Failure::NotFound, QStringLiteral("service"),
            QStringLiteral("no service named '%1'").arg(service), QStringLiteral("service"));
        return target;
    }
    if (group.isNull())
        return target;
    target.group = target.service->group(group);
    if (!target.group) {
        target.failure = OpResult::fail(OpResult::Failure::NotFound, QStringLiteral("group"),
            QStringLiteral("service '%1' has no group named '%2'").arg(service, group),
            QStringLiteral("group"));
        return target;
    }
    if (host.isNull())
        return target;
    target.host = target.group->host(host);
    if (!target.host) {
        target.failure = OpResult::fail(OpResult::Failure::NotFound, QStringLiteral("host"),
            QStringLiteral("group '%1' of service '%2' has no host named '%3'").arg(group, service, host),
            QStringLiteral("host"));
    }
    return target;
}

std::optional<OpResult> checkName(const QString &parameter, const QString &name)
{
    if (name.isEmpty())
        return OpResult::fail(
            OpResult::Failure::BadInput, parameter, QStringLiteral("missing; give a name"), parameter);
    const QString problem = itemNameProblem(name);
    if (problem.isEmpty())
        return std::nullopt;
    return OpResult::fail(OpResult::Failure::BadInput, parameter, problem, parameter);
}

std::optional<OpResult> checkAddress(const QString &parameter, const QString &address, bool forListening)
{
    QString why;
    if (parseAddress(address, forListening, &why))
        return std::nullopt;
    return OpResult::fail(OpResult::Failure::BadInput, parameter, why, parameter);
}

std::optional<OpResult> checkScheduler(const QString &parameter, const QString &scheduler)
{
    if (scheduler.isEmpty() || !SchedulerRegistry::canonicalName(scheduler).isEmpty())
        return std::nullopt;
    QStringList names;
    for (const SchedulerInfo &info : SchedulerRegistry::all())
        names.append(info.name);
    return OpResult::fail(OpResult::Failure::BadInput, parameter,
        QStringLiteral("unknown scheduler '%1'; expected one of %2")
            .arg(scheduler, names.join(QStringLiteral(", "))),
        parameter);
}

std::optional<OpResult> checkHostValues(const HostConfig &host)
{
    const QList<HostValueProblem> problems = hostValueProblems(host);
    if (problems.isEmpty())
        return std::nullopt;
    // The file's attribute "ip" is the operation's "address".
    const QString parameter
        = problems.first().attribute == u"ip" ? QStringLiteral("address") : problems.first().attribute;
    return OpResult::fail(OpResult::Failure::BadInput, parameter, problems.first().message, parameter);
}

std::optional<OpResult> checkSameAddress(
    const QString &service, const GroupConfig &group, const HostConfig &host)
{
    const HostConfig *other = hostAtSameAddress(group, host.address, host.name);
    if (!other)
        return std::nullopt;
    return OpResult::fail(OpResult::Failure::Conflict, QStringLiteral("address"),
        QStringLiteral("host %1 of %2/%3 has the address %4 already; one backend listed twice would take "
                       "twice its share")
            .arg(other->name, service, group.name, other->address));
}

}  // namespace Balancier::OpSupport
