#pragma once

#include "rcupointer.h"
#include "scheduler.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace Balancier {

/// "weighted" (legacy alias "weightr"): smooth weighted round robin, the
/// algorithm of nginx's upstream module. Weights 5, 1, 1 give the cycle
/// a a b a c a a: each host's turns are spread over the cycle rather than
/// bunched. Weight 0 means never.
///
/// The cycle for the current weights is computed once (weights reduced by
/// their common divisor and bounded to MaxCycle entries) and indexed with
/// an atomic counter, so concurrent picks follow the cycle exactly. A host
/// that is not eligible is skipped and its position consumed, so the other
/// hosts keep their proportions. The skip is bounded (16 entries, or twice
/// the host count): past it, the pick falls back to a random choice in
/// proportion to weight among the eligible hosts, so a heavy host being out
/// cannot make each pick walk thousands of entries.
///
/// Thread contract: as Scheduler. pick() is wait-free apart from the skip
/// loop: the cycle is read through an RcuPointer. weightChanged() computes
/// a new cycle (rebuilders are serialised by a mutex pickers never take)
/// and publishes it; the old one is freed once no pick can still see it.
class WeightedScheduler final : public Scheduler
{
public:
    explicit WeightedScheduler(QList<HostRuntime *> hosts);
    ~WeightedScheduler() override;

    PickResult pick(const PickContext &context) override;
    void weightChanged(HostRuntime *host) override;
    /// A new cycle too, but the position goes on: restarting at the top at
    /// every ramp step would serve the heaviest host first each time and
    /// starve a ramping host under light traffic.
    void effectiveWeightChanged(HostRuntime *host) override;

    /// Upper bound on the precomputed cycle's length (weights are scaled down beyond it).
    static constexpr qint64 MaxCycle = 65536;

private:
    struct Cycle
    {
        std::vector<quint32> order;  // indexes into m_hosts
    };

    std::unique_ptr<const Cycle> buildCycle() const;
    HostRuntime *pickByWeight(const PickContext &context) const;

    std::mutex m_rebuildMutex;
    RcuPointer<Cycle> m_cycle;
    std::atomic<quint64> m_next{0};
};

}  // namespace Balancier
