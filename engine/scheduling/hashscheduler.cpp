#include "hashscheduler.h"

#include "runtime/hostruntime.h"
#include "scheduling/stablehash.h"

#include <QVarLengthArray>

#include <algorithm>

namespace Balancier {

namespace {

// Our own hash rather than qHash: qHash is seeded per process, and the ring
// must place a host at the same points after a restart.
quint64 pointHash(const QByteArray &name, quint32 replica)
{
    const quint64 hash
        = StableHash::fnv1a(reinterpret_cast<const unsigned char *>(name.constData()), name.size());
    return StableHash::finalize(hash ^ (quint64(replica) * 0x9e3779b97f4a7c15ULL));
}

}  // namespace

HashScheduler::HashScheduler(QList<HostRuntime *> hosts)
    : Scheduler(std::move(hosts))
    , m_ring(buildRing())
{ }

HashScheduler::~HashScheduler() = default;

PickResult HashScheduler::pick(const PickContext &context)
{
    const auto ring = m_ring.read();
    const std::vector<Point> &points = ring->points;
    if (points.empty())
        return nullptr;
    const quint64 key = StableHash::finalize(context.clientKey);
    auto it = std::lower_bound(points.begin(), points.end(), key,
        [](const Point &point, quint64 value) { return point.hash < value; });
    std::size_t index = it == points.end() ? 0 : std::size_t(it - points.begin());

    // Walk on until an eligible host, giving up once every distinct host on
    // the ring has been seen and refused.
    QVarLengthArray<bool, 64> refused(m_hosts.size(), false);
    quint32 refusedCount = 0;
    for (std::size_t step = 0; step < points.size(); ++step) {
        const std::size_t point = (index + step) % points.size();
        const quint32 hostIndex = points[point].host;
        if (refused[hostIndex])
            continue;
        HostRuntime *host = m_hosts.at(hostIndex);
        if (isEligible(host, context))
            return {host, PickCode::Hash, qint32(point), qint32(points.size())};
        refused[hostIndex] = true;
        if (++refusedCount == ring->distinctHosts)
            break;
    }
    return nullptr;
}

void HashScheduler::weightChanged(HostRuntime *)
{
    // Serialised so that the last weights read are the last published.
    std::lock_guard lock(m_rebuildMutex);
    m_ring.publish(buildRing());
}

std::unique_ptr<const HashScheduler::Ring> HashScheduler::buildRing() const
{
    QList<int> weights;
    weights.reserve(m_hosts.size());
    for (const HostRuntime *host : m_hosts)
        weights.append(host->weight.load(std::memory_order_relaxed));
    // Not reduced by the common divisor: weights 2,2 and 1,1 must give the
    // same ring only in proportion, and denser is better. Scaled only when huge.
    qint64 totalWeight = 0;
    for (const int weight : weights)
        totalWeight += std::max(weight, 0);
    if (totalWeight * VirtualNodesPerWeight > MaxPoints)
        weights = normalizedWeights(weights, MaxPoints / VirtualNodesPerWeight);

    auto ring = std::make_unique<Ring>();
    for (qsizetype i = 0; i < m_hosts.size(); ++i) {
        if (weights.at(i) <= 0)
            continue;
        ++ring->distinctHosts;
        const QByteArray name = m_hosts.at(i)->name().toUtf8();
        const auto replicas = quint32(weights.at(i)) * quint32(VirtualNodesPerWeight);
        for (quint32 replica = 0; replica < replicas; ++replica)
            ring->points.push_back({pointHash(name, replica), quint32(i)});
    }
    std::sort(ring->points.begin(), ring->points.end(), [](const Point &a, const Point &b) {
        return a.hash < b.hash || (a.hash == b.hash && a.host < b.host);
    });
    return ring;
}

}  // namespace Balancier
