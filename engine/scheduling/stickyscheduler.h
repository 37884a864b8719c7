#pragma once

#include "roundrobinscheduler.h"
#include "scheduler.h"

#include <QHash>

#include <array>
#include <functional>
#include <mutex>

namespace Balancier {

/// "sticky": a client (PickContext::clientKey) keeps the host it was given
/// while that host is eligible and the client came back within the timeout
/// (SchedulerOptions::stickyTimeoutMs since its last pick; <= 0: no expiry).
/// New clients, expired ones and those whose host went away or was excluded
/// are placed round robin and remembered on their new host.
///
/// The table is bounded (SchedulerOptions::stickyCapacity): when a shard is
/// full, expired entries go first, then the least recently used eighth.
///
/// Thread contract: as Scheduler. The table is split into ShardCount shards,
/// each behind its own mutex held for a hash lookup and a round-robin pick
/// (a table clean-up when a shard is full). setClockForTesting() must be
/// called before the scheduler is shared.
class StickyScheduler final : public Scheduler
{
public:
    /// Milliseconds on a monotonic clock.
    using Clock = std::function<qint64()>;

    StickyScheduler(QList<HostRuntime *> hosts, const SchedulerOptions &options);
    ~StickyScheduler() override;

    PickResult pick(const PickContext &context) override;

    /// Replaces the steady clock, so tests can move time without sleeping.
    void setClockForTesting(Clock clock);
    /// Clients currently remembered, expired ones included until cleaned up.
    qsizetype entryCount() const;

    static constexpr int ShardCount = 16;

private:
    struct Entry
    {
        HostRuntime *host = nullptr;
        qint64 lastUsedMs = 0;
    };
    struct Shard
    {
        mutable std::mutex mutex;
        QHash<quint64, Entry> entries;
    };

    qint64 nowMs() const;
    bool isExpired(const Entry &entry, qint64 now) const;
    void makeRoom(Shard &shard, qint64 now);

    RoundRobinScheduler m_roundRobin;
    const qint64 m_timeoutMs;
    const qsizetype m_shardCapacity;
    Clock m_clock;
    std::array<Shard, ShardCount> m_shards;
};

}  // namespace Balancier
