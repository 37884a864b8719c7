#pragma once

#include "scheduler.h"

#include <atomic>
#include <memory>

namespace Balancier {

/// "p2c": power of two choices. Two distinct eligible hosts drawn at
/// random; the one with fewer active connections relative to its weight
/// wins; on a tie, the one picked less recently (so that short connections,
/// which leave every host idle and tied, are shared evenly, not by chance). Nearly as even as leastconns
/// without every pick scanning, and without the herd effect of every
/// thread seeing the same least-loaded host. Weight 0 means never.
///
/// Thread contract: as Scheduler; lock-free, per-thread generator.
class P2cScheduler final : public Scheduler
{
public:
    explicit P2cScheduler(QList<HostRuntime *> hosts);

    PickResult pick(const PickContext &context) override;

private:
    /// Stamps the pick of host `index` and returns it.
    PickResult taken(qsizetype index);

    std::atomic<quint64> m_turn{0};  // numbers the picks
    std::unique_ptr<std::atomic<quint64>[]> m_lastPick;  // per host (list order): its last pick's number
};

}  // namespace Balancier
