#pragma once

#include "scheduler.h"

namespace Balancier {

/// "random" (alias "rand"): uniform over the eligible hosts.
///
/// Thread contract: as Scheduler. Stateless apart from a per-thread
/// generator (FastRandom), so pick() never contends.
class RandomScheduler final : public Scheduler
{
public:
    explicit RandomScheduler(QList<HostRuntime *> hosts);

    PickResult pick(const PickContext &context) override;
};

}  // namespace Balancier
