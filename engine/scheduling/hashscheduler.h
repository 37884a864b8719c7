#pragma once

#include "rcupointer.h"
#include "scheduler.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace Balancier {

/// "hash": consistent hashing of PickContext::clientKey onto a ring of
/// virtual nodes, VirtualNodesPerWeight per unit of weight, placed by a
/// hash of the host's name (so the placement survives reloads and
/// restarts). A client goes to the owner of the first point at or after
/// its key's hash; if that host is not eligible, to the next distinct
/// eligible host along the ring. Taking one of N hosts away (down, or a
/// new scheduler built without it) moves only that host's clients, about
/// 1/N of them, and the same clients either way. Weight 0 means never.
///
/// Thread contract: as Scheduler. pick() is lock-free: the ring is read
/// through an RcuPointer. weightChanged() computes a new ring (rebuilders
/// are serialised by a mutex pickers never take) and publishes it; the old
/// one is freed once no pick can still see it.
class HashScheduler final : public Scheduler
{
public:
    explicit HashScheduler(QList<HostRuntime *> hosts);
    ~HashScheduler() override;

    PickResult pick(const PickContext &context) override;
    void weightChanged(HostRuntime *host) override;

    static constexpr int VirtualNodesPerWeight = 160;
    /// Upper bound on ring points (virtual nodes per weight shrink beyond it).
    static constexpr qint64 MaxPoints = 1 << 18;

private:
    struct Point
    {
        quint64 hash;
        quint32 host;  // index into m_hosts
    };
    struct Ring
    {
        std::vector<Point> points;  // sorted by hash
        quint32 distinctHosts = 0;
    };

    std::unique_ptr<const Ring> buildRing() const;

    std::mutex m_rebuildMutex;
    RcuPointer<Ring> m_ring;
};

}  // namespace Balancier
