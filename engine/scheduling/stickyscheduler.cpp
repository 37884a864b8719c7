#include "stickyscheduler.h"

#include "runtime/hostruntime.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <vector>

namespace Balancier {

namespace {

// The client key is already a hash, but of what quality is up to the
// caller; a finaliser makes the shard choice depend on every bit.
quint64 mixKey(quint64 key)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    key *= 0xc4ceb9fe1a85ec53ULL;
    key ^= key >> 33;
    return key;
}

}  // namespace

StickyScheduler::StickyScheduler(QList<HostRuntime *> hosts, const SchedulerOptions &options)
    : Scheduler(hosts)
    , m_roundRobin(std::move(hosts))
    , m_timeoutMs(options.stickyTimeoutMs)
    , m_shardCapacity(std::max<qsizetype>(1, options.stickyCapacity / ShardCount))
{ }

StickyScheduler::~StickyScheduler() = default;

PickResult StickyScheduler::pick(const PickContext &context)
{
    const qint64 now = nowMs();
    Shard &shard = m_shards[std::size_t(mixKey(context.clientKey) >> 60) % ShardCount];
    // The lock spans the look-up and the placement so that two first
    // connections of one client, on two threads, agree on its host.
    std::lock_guard lock(shard.mutex);
    const auto it = shard.entries.find(context.clientKey);
    if (it != shard.entries.end() && !isExpired(*it, now) && isEligible(it->host, context)) {
        const qint64 seenAgo
            = std::clamp<qint64>(now - it->lastUsedMs, 0, std::numeric_limits<qint32>::max());
        it->lastUsedMs = now;
        return {it->host, PickCode::StickySeen, qint32(seenAgo)};
    }
    HostRuntime *host = m_roundRobin.pick(context);
    if (!host)
        return nullptr;  // keep any entry: its host may come back in time
    if (it != shard.entries.end()) {
        *it = Entry{host, now};
        return {host, PickCode::StickyNew};
    }
    if (shard.entries.size() >= m_shardCapacity)
        makeRoom(shard, now);
    shard.entries.insert(context.clientKey, Entry{host, now});
    return {host, PickCode::StickyNew};
}

void StickyScheduler::setClockForTesting(Clock clock)
{
    m_clock = std::move(clock);
}

qsizetype StickyScheduler::entryCount() const
{
    qsizetype count = 0;
    for (const Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        count += shard.entries.size();
    }
    return count;
}

qint64 StickyScheduler::nowMs() const
{
    if (m_clock)
        return m_clock();
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool StickyScheduler::isExpired(const Entry &entry, qint64 now) const
{
    return m_timeoutMs > 0 && now - entry.lastUsedMs > m_timeoutMs;
}

void StickyScheduler::makeRoom(Shard &shard, qint64 now)
{
    shard.entries.removeIf([&](const auto &item) { return isExpired(item.value(), now); });
    if (shard.entries.size() < m_shardCapacity)
        return;
    // Still full of live clients: forget the least recently seen eighth at
    // once, so that the next inserts do not each pay for a scan.
    std::vector<qint64> ages;
    ages.reserve(std::size_t(shard.entries.size()));
    for (const Entry &entry : std::as_const(shard.entries))
        ages.push_back(entry.lastUsedMs);
    const auto evict = std::max<std::size_t>(1, ages.size() / 8);
    std::nth_element(ages.begin(), ages.begin() + qsizetype(evict - 1), ages.end());
    const qint64 threshold = ages[evict - 1];
    shard.entries.removeIf([threshold](const auto &item) { return item.value().lastUsedMs <= threshold; });
}

}  // namespace Balancier
