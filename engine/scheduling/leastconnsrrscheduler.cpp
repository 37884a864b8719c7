#include "leastconnsrrscheduler.h"

#include "runtime/hostruntime.h"

#include <QVarLengthArray>

namespace Balancier {

LeastConnsRrScheduler::LeastConnsRrScheduler(QList<HostRuntime *> hosts)
    : Scheduler(std::move(hosts))
{ }

PickResult LeastConnsRrScheduler::pick(const PickContext &context)
{
    // Hosts tied on both keys, in list order; the rotating counter picks
    // among them so that they take turns evenly.
    QVarLengthArray<HostRuntime *, 16> tied;
    qint64 bestActive = 0;
    qint64 bestClosed = 0;
    for (HostRuntime *host : m_hosts) {
        if (!isEligible(host, context))
            continue;
        const qint64 active = host->active.load(std::memory_order_relaxed);
        const qint64 closed = host->lastClosedNs.load(std::memory_order_relaxed);
        if (tied.isEmpty() || active < bestActive || (active == bestActive && closed < bestClosed)) {
            tied.clear();
            bestActive = active;
            bestClosed = closed;
        } else if (active > bestActive || closed > bestClosed) {
            continue;
        }
        tied.append(host);
    }
    if (tied.isEmpty())
        return nullptr;
    if (tied.size() == 1)
        return {tied.first(), PickCode::LeastConnsRr};
    const quint64 turn = m_turn.fetch_add(1, std::memory_order_relaxed);
    return {tied.at(qsizetype(turn % quint64(tied.size()))), PickCode::LeastConnsRr};
}

}  // namespace Balancier
