#pragma once

#include "scheduler.h"

#include <atomic>

namespace Balancier {

/// "roundrobin" (alias "roundr"): each eligible host in turn.
///
/// With every host eligible the picks follow the host list exactly
/// (a, b, c, a, ...), even across threads: each pick claims a distinct
/// position from one atomic counter. A position whose host is not eligible
/// moves on to the next eligible host and pushes the counter past the
/// skipped positions, so the remaining hosts keep an even share.
///
/// Thread contract: as Scheduler; lock-free (one or two atomic additions).
class RoundRobinScheduler final : public Scheduler
{
public:
    explicit RoundRobinScheduler(QList<HostRuntime *> hosts);

    PickResult pick(const PickContext &context) override;

private:
    std::atomic<quint64> m_next{0};
};

}  // namespace Balancier
