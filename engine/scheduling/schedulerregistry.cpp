#include "hashscheduler.h"
#include "leastconnsrrscheduler.h"
#include "leastconnsscheduler.h"
#include "p2cscheduler.h"
#include "randomscheduler.h"
#include "roundrobinscheduler.h"
#include "scheduler.h"
#include "stickyscheduler.h"
#include "weightedscheduler.h"

namespace Balancier {

namespace {

template<typename T>
std::unique_ptr<Scheduler> makePlain(QList<HostRuntime *> hosts, const SchedulerOptions &)
{
    return std::make_unique<T>(std::move(hosts));
}

std::unique_ptr<Scheduler> makeSticky(QList<HostRuntime *> hosts, const SchedulerOptions &options)
{
    return std::make_unique<StickyScheduler>(std::move(hosts), options);
}

QList<SchedulerInfo> buildTable()
{
    // Order is the order shown to users (GUI choices, admin API listing).
    return {
        {QStringLiteral("roundrobin"), {QStringLiteral("roundr")},
            QStringLiteral("Each available host in turn"), &makePlain<RoundRobinScheduler>},
        {QStringLiteral("weighted"), {QStringLiteral("weightr")},
            QStringLiteral("Smooth weighted round robin: turns in proportion to weight"),
            &makePlain<WeightedScheduler>},
        {QStringLiteral("random"), {QStringLiteral("rand")},
            QStringLiteral("A uniformly random available host"), &makePlain<RandomScheduler>},
        {QStringLiteral("leastconns"), {QStringLiteral("leastc")},
            QStringLiteral("Fewest active connections relative to weight"), &makePlain<LeastConnsScheduler>},
        {QStringLiteral("leastconnsrr"), {},
            QStringLiteral("Fewest active connections; ties go to the host whose last connection closed "
                           "longest ago"),
            &makePlain<LeastConnsRrScheduler>},
        {QStringLiteral("sticky"), {},
            QStringLiteral("A client keeps its host while it is available and the client returns within "
                           "stickytime; new clients round robin"),
            &makeSticky},
        {QStringLiteral("hash"), {},
            QStringLiteral("Consistent hashing of the client address: a host change moves few clients"),
            &makePlain<HashScheduler>},
        {QStringLiteral("p2c"), {},
            QStringLiteral("Power of two choices: the less loaded of two random hosts"),
            &makePlain<P2cScheduler>},
    };
}

const SchedulerInfo *findInfo(QStringView nameOrAlias)
{
    const QStringView trimmed = nameOrAlias.trimmed();
    for (const SchedulerInfo &info : SchedulerRegistry::all()) {
        if (trimmed.compare(info.name, Qt::CaseInsensitive) == 0)
            return &info;
        for (const QString &alias : info.aliases) {
            if (trimmed.compare(alias, Qt::CaseInsensitive) == 0)
                return &info;
        }
    }
    return nullptr;
}

}  // namespace

const QList<SchedulerInfo> &SchedulerRegistry::all()
{
    static const QList<SchedulerInfo> table = buildTable();
    return table;
}

QString SchedulerRegistry::canonicalName(QStringView nameOrAlias)
{
    const SchedulerInfo *info = findInfo(nameOrAlias);
    return info ? info->name : QString();
}

std::unique_ptr<Scheduler> SchedulerRegistry::create(
    QStringView nameOrAlias, QList<HostRuntime *> hosts, const SchedulerOptions &options)
{
    const SchedulerInfo *info = findInfo(nameOrAlias);
    return info ? info->create(std::move(hosts), options) : nullptr;
}

}  // namespace Balancier
