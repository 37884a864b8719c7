#include "schedulerfactory.h"

#include "config/schedulerregistry.h"
#include "hashscheduler.h"
#include "leastconnsrrscheduler.h"
#include "leastconnsscheduler.h"
#include "maglevscheduler.h"
#include "p2cscheduler.h"
#include "randomscheduler.h"
#include "roundrobinscheduler.h"
#include "stickyscheduler.h"
#include "weightedscheduler.h"

namespace Balancier {

namespace {

using Maker = std::unique_ptr<Scheduler> (*)(QList<HostRuntime *>, const SchedulerOptions &);

template<typename T>
std::unique_ptr<Scheduler> makePlain(QList<HostRuntime *> hosts, const SchedulerOptions &)
{
    return std::make_unique<T>(std::move(hosts));
}

std::unique_ptr<Scheduler> makeSticky(QList<HostRuntime *> hosts, const SchedulerOptions &options)
{
    return std::make_unique<StickyScheduler>(std::move(hosts), options);
}

std::unique_ptr<Scheduler> makeMaglev(QList<HostRuntime *> hosts, const SchedulerOptions &options)
{
    return std::make_unique<MaglevScheduler>(std::move(hosts), options);
}

/// The algorithm for each canonical name of SchedulerRegistry; tst_schedulers
/// checks that every name has one.
Maker makerFor(const QString &canonicalName)
{
    static const QList<std::pair<QStringView, Maker>> table = {
        {u"roundrobin", &makePlain<RoundRobinScheduler>},
        {u"weighted", &makePlain<WeightedScheduler>},
        {u"random", &makePlain<RandomScheduler>},
        {u"leastconns", &makePlain<LeastConnsScheduler>},
        {u"leastconnsrr", &makePlain<LeastConnsRrScheduler>},
        {u"sticky", &makeSticky},
        {u"hash", &makePlain<HashScheduler>},
        {u"p2c", &makePlain<P2cScheduler>},
        {u"maglev", &makeMaglev},
    };
    for (const auto &[name, maker] : table) {
        if (name == canonicalName)
            return maker;
    }
    return nullptr;
}

}  // namespace

std::unique_ptr<Scheduler> SchedulerFactory::create(
    QStringView nameOrAlias, QList<HostRuntime *> hosts, const SchedulerOptions &options)
{
    const QString name = SchedulerRegistry::canonicalName(nameOrAlias);
    if (name.isEmpty())
        return nullptr;
    const Maker maker = makerFor(name);
    return maker ? maker(std::move(hosts), options) : nullptr;
}

}  // namespace Balancier
