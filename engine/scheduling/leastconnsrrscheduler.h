#pragma once

#include "scheduler.h"

#include <atomic>

namespace Balancier {

/// "leastconnsrr": pythondirector's least-connections-round-robin. The
/// eligible host with the fewest active connections (weights are not
/// applied, as in pythondirector; weight 0 still means never); among those,
/// the one whose last connection closed longest ago
/// (HostRuntime::lastClosedNs, stamped by the engine on every close).
/// Hosts tied on both, such as hosts that never closed a connection, take
/// turns (a counter advanced by every tied pick chooses among them).
///
/// Thread contract: as Scheduler; lock-free.
class LeastConnsRrScheduler final : public Scheduler
{
public:
    explicit LeastConnsRrScheduler(QList<HostRuntime *> hosts);

    PickResult pick(const PickContext &context) override;

private:
    std::atomic<quint64> m_turn{0};  // rotates among tied hosts
};

}  // namespace Balancier
