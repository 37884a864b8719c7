#include "randomscheduler.h"

#include "fastrandom.h"
#include "runtime/hostruntime.h"

#include <QVarLengthArray>

namespace Balancier {

RandomScheduler::RandomScheduler(QList<HostRuntime *> hosts)
    : Scheduler(std::move(hosts))
{ }

PickResult RandomScheduler::pick(const PickContext &context)
{
    const auto count = quint32(m_hosts.size());
    if (count == 0)
        return nullptr;
    // Usually every host is eligible: a couple of rejection-sampling draws
    // avoid touching the whole list. A draw accepted this way is uniform
    // over the eligible hosts, and so is the fallback below.
    for (int attempt = 0; attempt < 2; ++attempt) {
        HostRuntime *host = m_hosts.at(FastRandom::below(count));
        if (isEligible(host, context))
            return {host, PickCode::Random};
    }
    QVarLengthArray<HostRuntime *, 64> candidates;
    for (HostRuntime *host : m_hosts) {
        if (isEligible(host, context))
            candidates.append(host);
    }
    if (candidates.isEmpty())
        return nullptr;
    return {candidates.at(FastRandom::below(quint32(candidates.size()))), PickCode::Random};
}

}  // namespace Balancier
