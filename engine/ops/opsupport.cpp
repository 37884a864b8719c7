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
            QStringLiteral("no service named '%1'").arg(service));
        return target;
    }
    if (group.isNull())
        return target;
    target.group = target.service->group(group);
    if (!target.group) {
        target.failure = OpResult::fail(OpResult::Failure::NotFound, QStringLiteral("group"),
            QStringLiteral("service '%1' has no group named '%2'").arg(service, group));
        return target;
    }
    if (host.isNull())
        return target;
    target.host = target.group->host(host);
    if (!target.host) {
        target.failure = OpResult::fail(OpResult::Failure::NotFound, QStringLiteral("host"),
            QStringLiteral("group '%1' of service '%2' has no host named '%3'").arg(group, service, host));
    }
    return target;
}

std::optional<OpResult> checkName(const QString &element, const QString &name)
{
    if (name.isEmpty())
        return OpResult::fail(OpResult::Failure::BadInput, element, QStringLiteral("missing; give a name"));
    const QString problem = itemNameProblem(name);
    if (problem.isEmpty())
        return std::nullopt;
    return OpResult::fail(OpResult::Failure::BadInput, element, problem);
}

std::optional<OpResult> checkAddress(const QString &element, const QString &address, bool forListening)
{
    QString why;
    if (parseAddress(address, forListening, &why))
        return std::nullopt;
    return OpResult::fail(OpResult::Failure::BadInput, element, why);
}

std::optional<OpResult> checkScheduler(const QString &element, const QString &scheduler)
{
    if (scheduler.isEmpty() || !SchedulerRegistry::canonicalName(scheduler).isEmpty())
        return std::nullopt;
    QStringList names;
    for (const SchedulerInfo &info : SchedulerRegistry::all())
        names.append(info.name);
    return OpResult::fail(OpResult::Failure::BadInput, element,
        QStringLiteral("unknown scheduler '%1'; expected one of %2")
            .arg(scheduler, names.join(QStringLiteral(", "))));
}

}  // namespace Balancier::OpSupport
