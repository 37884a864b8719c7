#include "roundrobinscheduler.h"

#include "runtime/hostruntime.h"

namespace Balancier {

RoundRobinScheduler::RoundRobinScheduler(QList<HostRuntime *> hosts)
    : Scheduler(std::move(hosts))
{ }

PickResult RoundRobinScheduler::pick(const PickContext &context)
{
    const auto count = quint64(m_hosts.size());
    if (count == 0)
        return nullptr;
    const quint64 position = m_next.fetch_add(1, std::memory_order_relaxed);
    for (quint64 skipped = 0; skipped < count; ++skipped) {
        HostRuntime *host = m_hosts.at(qsizetype((position + skipped) % count));
        if (!isEligible(host, context))
            continue;
        // Without this, the host after a down one would also take the down
        // one's turn and get twice the share.
        if (skipped > 0)
            m_next.fetch_add(skipped, std::memory_order_relaxed);
        return {host, PickCode::RoundRobin};
    }
    return nullptr;
}

}  // namespace Balancier
