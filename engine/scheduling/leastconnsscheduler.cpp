#include "leastconnsscheduler.h"

#include "runtime/hostruntime.h"

namespace Balancier {

LeastConnsScheduler::LeastConnsScheduler(QList<HostRuntime *> hosts)
    : Scheduler(std::move(hosts))
    , m_lastPick(std::make_unique<std::atomic<quint64>[]>(std::size_t(m_hosts.size())))
{ }

PickResult LeastConnsScheduler::pick(const PickContext &context)
{
    // The lowest load wins; among hosts tied for it, the one picked least
    // recently. Ties must not be broken by a counter over the tied hosts
    // only: with short back-to-back connections the previous host often
    // still counts its closing connection, the tied set is then "the two
    // others", and such a counter alternates between the same positions and
    // starves a host. A rotating start position would be no better: the
    // host after a down one would get a double share.
    qsizetype best = -1;
    qint64 bestActive = 0;
    qint64 bestWeight = 1;
    quint64 bestLastPick = 0;
    for (qsizetype i = 0; i < m_hosts.size(); ++i) {
        HostRuntime *host = m_hosts.at(i);
        // Read the weight once: it can change under us, and the eligibility
        // check and the comparison must agree on it.
        const qint64 weight = host->effectiveWeight.load(std::memory_order_relaxed);
        if (weight <= 0 || !host->isAvailable() || context.isExcluded(host))
            continue;
        const qint64 active = host->active.load(std::memory_order_relaxed);
        const quint64 lastPick = m_lastPick[std::size_t(i)].load(std::memory_order_relaxed);
        // Compare active/weight with bestActive/bestWeight without division.
        const qint64 lhs = active * bestWeight;
        const qint64 rhs = bestActive * weight;
        if (best < 0 || lhs < rhs || (lhs == rhs && lastPick < bestLastPick)) {
            best = i;
            bestActive = active;
            bestWeight = weight;
            bestLastPick = lastPick;
        }
    }
    if (best < 0)
        return nullptr;
    m_lastPick[std::size_t(best)].store(
        m_turn.fetch_add(1, std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    return {m_hosts.at(best), PickCode::LeastConns};
}

}  // namespace Balancier
