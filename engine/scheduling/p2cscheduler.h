#pragma once

#include "scheduler.h"

namespace Balancier {

/// "p2c": power of two choices. Two distinct eligible hosts drawn at
/// random; the one with fewer active connections relative to its weight
/// wins (a random one of the two on a tie). Nearly as even as leastconns
/// without every pick scanning, and without the herd effect of every
/// thread seeing the same least-loaded host. Weight 0 means never.
///
/// Thread contract: as Scheduler; lock-free, per-thread generator.
class P2cScheduler final : public Scheduler
{
public:
    explicit P2cScheduler(QList<HostRuntime *> hosts);

    HostRuntime *pick(const PickContext &context) override;
};

}  // namespace Balancier
