#include "leastconnsscheduler.h"

#include "runtime/hostruntime.h"

#include <QVarLengthArray>

namespace Balancier {

LeastConnsScheduler::LeastConnsScheduler(QList<HostRuntime *> hosts)
    : Scheduler(std::move(hosts))
{ }

HostRuntime *LeastConnsScheduler::pick(const PickContext &context)
{
    // All hosts tied for the lowest load, in list order; the rotating
    // counter then picks among them, so equally loaded hosts take turns
    // evenly instead of the first one in the list taking every burst.
    QVarLengthArray<HostRuntime *, 16> tied;
    qint64 bestActive = 0;
    qint64 bestWeight = 1;
    for (HostRuntime *host : m_hosts) {
        // Read the weight once: it can change under us, and the eligibility
        // check and the comparison must agree on it.
        const qint64 weight = host->weight.load(std::memory_order_relaxed);
        if (weight <= 0 || !host->isAvailable() || context.isExcluded(host))
            continue;
        const qint64 active = host->active.load(std::memory_order_relaxed);
        // Compare active/weight with bestActive/bestWeight without division.
        const qint64 lhs = active * bestWeight;
        const qint64 rhs = bestActive * weight;
        if (tied.isEmpty() || lhs < rhs) {
            tied.clear();
            bestActive = active;
            bestWeight = weight;
        } else if (lhs > rhs) {
            continue;
        }
        tied.append(host);
    }
    if (tied.isEmpty())
        return nullptr;
    if (tied.size() == 1)
        return tied.first();
    const quint64 turn = m_turn.fetch_add(1, std::memory_order_relaxed);
    return tied.at(qsizetype(turn % quint64(tied.size())));
}

}  // namespace Balancier
