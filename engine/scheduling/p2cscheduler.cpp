#include "p2cscheduler.h"

#include "fastrandom.h"
#include "runtime/hostruntime.h"

#include <QVarLengthArray>

namespace Balancier {

P2cScheduler::P2cScheduler(QList<HostRuntime *> hosts)
    : Scheduler(std::move(hosts))
    , m_lastPick(std::make_unique<std::atomic<quint64>[]>(std::size_t(m_hosts.size())))
{ }

PickResult P2cScheduler::pick(const PickContext &context)
{
    const auto count = quint32(m_hosts.size());
    if (count == 0)
        return nullptr;

    // Fast path for the usual case where (nearly) all hosts are eligible:
    // rejection sampling gives a uniform pair of distinct eligible hosts.
    qsizetype first = -1;
    qsizetype second = -1;
    for (int attempt = 0; attempt < 4 && second < 0; ++attempt) {
        const auto index = qsizetype(FastRandom::below(count));
        if (index == first || !isEligible(m_hosts.at(index), context))
            continue;
        (first < 0 ? first : second) = index;
    }
    if (second < 0) {
        QVarLengthArray<qsizetype, 64> candidates;
        for (qsizetype i = 0; i < m_hosts.size(); ++i) {
            if (isEligible(m_hosts.at(i), context))
                candidates.append(i);
        }
        if (candidates.isEmpty())
            return nullptr;
        if (candidates.size() == 1)
            return taken(candidates.first());
        const auto size = quint32(candidates.size());
        const quint32 i = FastRandom::below(size);
        // Uniform over the other size-1 candidates.
        const quint32 j = (i + 1 + FastRandom::below(size - 1)) % size;
        first = candidates.at(i);
        second = candidates.at(j);
    }

    // active/weight compared by cross-multiplication; weights re-read, and a
    // weight that dropped to 0 since the eligibility check loses.
    const HostRuntime *a = m_hosts.at(first);
    const HostRuntime *b = m_hosts.at(second);
    const qint64 firstWeight = a->effectiveWeight.load(std::memory_order_relaxed);
    const qint64 secondWeight = b->effectiveWeight.load(std::memory_order_relaxed);
    if (firstWeight <= 0)
        return taken(second);
    if (secondWeight <= 0)
        return taken(first);
    const qint64 firstLoad = a->active.load(std::memory_order_relaxed) * secondWeight;
    const qint64 secondLoad = b->active.load(std::memory_order_relaxed) * firstWeight;
    if (firstLoad != secondLoad)
        return taken(firstLoad < secondLoad ? first : second);
    // A tie goes to the one picked less recently: a coin flip would leave
    // the shares of short connections (all idle, all tied) to chance.
    const quint64 firstLast = m_lastPick[std::size_t(first)].load(std::memory_order_relaxed);
    const quint64 secondLast = m_lastPick[std::size_t(second)].load(std::memory_order_relaxed);
    if (firstLast != secondLast)
        return taken(firstLast < secondLast ? first : second);
    return taken((FastRandom::next() & 1) ? first : second);
}

PickResult P2cScheduler::taken(qsizetype index)
{
    m_lastPick[std::size_t(index)].store(
        m_turn.fetch_add(1, std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    return {m_hosts.at(index), PickCode::P2c};
}

}  // namespace Balancier
