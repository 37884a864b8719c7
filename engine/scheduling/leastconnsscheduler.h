#pragma once

#include "scheduler.h"

#include <atomic>
#include <memory>

namespace Balancier {

/// "leastconns" (alias "leastc"): the eligible host with the fewest active
/// connections relative to its weight (active / weight, compared by
/// cross-multiplication, so no rounding). Weight 0 means never.
///
/// Among hosts tied for the lowest load, the one picked least recently wins,
/// so equally loaded hosts take turns (a, b, c, a, ...) instead of the first
/// one in the list taking every burst, even when the tied set changes from
/// one pick to the next (short connections whose close is not counted yet).
///
/// Thread contract: as Scheduler; lock-free. The counts are read without a
/// snapshot, so concurrent picks may both choose the same host; the next
/// picks see its raised count.
class LeastConnsScheduler final : public Scheduler
{
public:
    explicit LeastConnsScheduler(QList<HostRuntime *> hosts);

    PickResult pick(const PickContext &context) override;

private:
    std::atomic<quint64> m_turn{0};  // numbers the picks
    std::unique_ptr<std::atomic<quint64>[]> m_lastPick;  // per host (list order): its last pick's number
};

}  // namespace Balancier
