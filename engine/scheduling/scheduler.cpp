#include "scheduler.h"

#include "runtime/hostruntime.h"

#include <algorithm>
#include <numeric>

namespace Balancier {

bool PickContext::isExcluded(const HostRuntime *host) const
{
    // The list is the few hosts already tried for one client: a linear scan
    // beats any set here.
    for (std::size_t i = 0; i < excludedCount; ++i) {
        if (excluded[i] == host)
            return true;
    }
    return false;
}

Scheduler::Scheduler(QList<HostRuntime *> hosts)
    : m_hosts(std::move(hosts))
{ }

Scheduler::~Scheduler() = default;

void Scheduler::hostUp(HostRuntime *)
{ }

void Scheduler::hostDown(HostRuntime *)
{ }

void Scheduler::connectionTaken(HostRuntime *)
{ }

void Scheduler::connectionDropped(HostRuntime *)
{ }

void Scheduler::weightChanged(HostRuntime *)
{ }

void Scheduler::effectiveWeightChanged(HostRuntime *)
{ }

bool Scheduler::isEligible(const HostRuntime *host, const PickContext &context)
{
    return host->effectiveWeight.load(std::memory_order_relaxed) > 0 && host->isAvailable()
        && !context.isExcluded(host);
}

QList<int> Scheduler::normalizedWeights(const QList<int> &weights, qint64 budget)
{
    QList<int> result;
    result.reserve(weights.size());
    int divisor = 0;
    for (const int weight : weights)
        divisor = std::gcd(divisor, std::max(weight, 0));
    qint64 sum = 0;
    for (const int weight : weights) {
        const int reduced = divisor > 0 ? std::max(weight, 0) / divisor : 0;
        result.append(reduced);
        sum += reduced;
    }
    if (sum > budget && budget > 0) {
        // Proportional scaling; rounding to at least 1 keeps every weighted
        // host in the table, so the sum may overshoot by the host count.
        for (int &weight : result) {
            if (weight > 0)
                weight = int(std::max<qint64>(1, qint64(weight) * budget / sum));
        }
    }
    return result;
}

}  // namespace Balancier
