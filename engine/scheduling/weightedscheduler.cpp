#include "weightedscheduler.h"

#include "fastrandom.h"
#include "runtime/hostruntime.h"

#include <QVarLengthArray>

#include <algorithm>

namespace Balancier {

WeightedScheduler::WeightedScheduler(QList<HostRuntime *> hosts)
    : Scheduler(std::move(hosts))
    , m_cycle(buildCycle())
{ }

WeightedScheduler::~WeightedScheduler() = default;

PickResult WeightedScheduler::pick(const PickContext &context)
{
    const auto cycle = m_cycle.read();
    const auto length = quint64(cycle->order.size());
    if (length == 0)
        return nullptr;
    const quint64 position = m_next.fetch_add(1, std::memory_order_relaxed);
    // A bounded scan: with skewed weights and the heavy host out, the next
    // eligible entry can be thousands of entries away.
    const quint64 scanLimit = std::min<quint64>(length, std::max<quint64>(16, 2 * quint64(m_hosts.size())));
    for (quint64 skipped = 0; skipped < scanLimit; ++skipped) {
        HostRuntime *host = m_hosts.at(qsizetype(cycle->order[(position + skipped) % length]));
        if (!isEligible(host, context))
            continue;
        // Consume the skipped positions too, so that every eligible entry of
        // the cycle is served once per cycle and proportions hold.
        if (skipped > 0)
            m_next.fetch_add(skipped, std::memory_order_relaxed);
        return {host, PickCode::Weighted};
    }
    if (scanLimit == length)
        return nullptr;  // the whole cycle was refused
    m_next.fetch_add(scanLimit, std::memory_order_relaxed);
    return {pickByWeight(context), PickCode::Weighted};
}

HostRuntime *WeightedScheduler::pickByWeight(const PickContext &context) const
{
    // Random in proportion to weight among the eligible hosts: the same
    // shares as the cycle, in O(hosts) whatever the weights.
    QVarLengthArray<std::pair<HostRuntime *, qint64>, 16> candidates;
    qint64 total = 0;
    for (HostRuntime *host : m_hosts) {
        const qint64 weight = host->effectiveWeight.load(std::memory_order_relaxed);
        if (weight <= 0 || !host->isAvailable() || context.isExcluded(host))
            continue;
        total += weight;
        candidates.append({host, total});
    }
    if (candidates.isEmpty())
        return nullptr;
    const auto draw = qint64(FastRandom::next() % quint64(total));
    for (const auto &[host, cumulative] : candidates) {
        if (draw < cumulative)
            return host;
    }
    return candidates.last().first;
}

void WeightedScheduler::weightChanged(HostRuntime *)
{
    // Serialised so that the last weights read are the last published.
    std::lock_guard lock(m_rebuildMutex);
    m_cycle.publish(buildCycle());
    // Restart at the top of the new cycle so that it is followed as computed.
    m_next.store(0, std::memory_order_relaxed);
}

void WeightedScheduler::effectiveWeightChanged(HostRuntime *)
{
    std::lock_guard lock(m_rebuildMutex);
    m_cycle.publish(buildCycle());
}

std::unique_ptr<const WeightedScheduler::Cycle> WeightedScheduler::buildCycle() const
{
    QList<int> weights;
    weights.reserve(m_hosts.size());
    for (const HostRuntime *host : m_hosts)
        weights.append(host->effectiveWeight.load(std::memory_order_relaxed));
    weights = normalizedWeights(weights, MaxCycle);

    qint64 total = 0;
    for (const int weight : weights)
        total += weight;

    auto cycle = std::make_unique<Cycle>();
    cycle->order.reserve(std::size_t(total));
    // nginx's smooth weighted round robin: every host gains its weight, the
    // one with the most credit is chosen and pays the total. The first host
    // wins ties, which gives nginx's order.
    std::vector<qint64> credit(std::size_t(weights.size()), 0);
    for (qint64 step = 0; step < total; ++step) {
        qsizetype best = -1;
        for (qsizetype i = 0; i < weights.size(); ++i) {
            if (weights.at(i) <= 0)
                continue;
            credit[std::size_t(i)] += weights.at(i);
            if (best < 0 || credit[std::size_t(i)] > credit[std::size_t(best)])
                best = i;
        }
        credit[std::size_t(best)] -= total;
        cycle->order.push_back(quint32(best));
    }
    return cycle;
}

}  // namespace Balancier
