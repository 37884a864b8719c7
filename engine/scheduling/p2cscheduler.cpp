#include "p2cscheduler.h"

#include "fastrandom.h"
#include "runtime/hostruntime.h"

#include <QVarLengthArray>

namespace Balancier {

P2cScheduler::P2cScheduler(QList<HostRuntime *> hosts)
    : Scheduler(std::move(hosts))
{ }

HostRuntime *P2cScheduler::pick(const PickContext &context)
{
    const auto count = quint32(m_hosts.size());
    if (count == 0)
        return nullptr;

    // Fast path for the usual case where (nearly) all hosts are eligible:
    // rejection sampling gives a uniform pair of distinct eligible hosts.
    HostRuntime *first = nullptr;
    HostRuntime *second = nullptr;
    for (int attempt = 0; attempt < 4 && !second; ++attempt) {
        HostRuntime *host = m_hosts.at(FastRandom::below(count));
        if (host == first || !isEligible(host, context))
            continue;
        (first ? second : first) = host;
    }
    if (!second) {
        QVarLengthArray<HostRuntime *, 64> candidates;
        for (HostRuntime *host : m_hosts) {
            if (isEligible(host, context))
                candidates.append(host);
        }
        if (candidates.isEmpty())
            return nullptr;
        if (candidates.size() == 1)
            return candidates.first();
        const auto size = quint32(candidates.size());
        const quint32 i = FastRandom::below(size);
        // Uniform over the other size-1 candidates.
        const quint32 j = (i + 1 + FastRandom::below(size - 1)) % size;
        first = candidates.at(i);
        second = candidates.at(j);
    }

    // active/weight compared by cross-multiplication; weights re-read, and a
    // weight that dropped to 0 since the eligibility check loses.
    const qint64 firstWeight = first->weight.load(std::memory_order_relaxed);
    const qint64 secondWeight = second->weight.load(std::memory_order_relaxed);
    if (firstWeight <= 0)
        return second;
    if (secondWeight <= 0)
        return first;
    const qint64 firstLoad = first->active.load(std::memory_order_relaxed) * secondWeight;
    const qint64 secondLoad = second->active.load(std::memory_order_relaxed) * firstWeight;
    if (firstLoad != secondLoad)
        return firstLoad < secondLoad ? first : second;
    return (FastRandom::next() & 1) ? first : second;
}

}  // namespace Balancier
