#include "sourcelimiter.h"

#include <QHashFunctions>
#include <QRandomGenerator>

#include <algorithm>
#include <chrono>

namespace Balancier {

namespace {

constexpr qint64 microPerToken = 1000000;

quint32 roundUpToPowerOfTwo(std::size_t value)
{
    quint32 out = 1;
    while (out < value)
        out <<= 1;
    return out;
}

}  // namespace

SourceLimiter::Ticket &SourceLimiter::Ticket::operator=(Ticket &&other) noexcept
{
    if (this != &other) {
        reset();
        m_limiter = other.m_limiter;
        m_shard = other.m_shard;
        m_index = other.m_index;
        m_generation = other.m_generation;
        other.m_limiter = nullptr;
    }
    return *this;
}

void SourceLimiter::Ticket::reset()
{
    if (m_limiter) {
        m_limiter->release(*this);
        m_limiter = nullptr;
    }
}

SourceLimiter::SourceLimiter(const LimitConfig &config)
    : m_config(config)
    , m_burstMicro(qint64(std::max(config.effectiveBurst(), 1)) * microPerToken)
{
    const std::size_t table = std::size_t(std::max(config.table, LimitConfig::minTable));
    m_capacityPerShard = std::max<std::size_t>(1, (table + shardCount - 1) / shardCount);
    const quint32 buckets = roundUpToPowerOfTwo(m_capacityPerShard);
    m_bucketMask = buckets - 1;
    // A secret seed: a client cannot choose addresses that fill one chain.
    m_seed = std::size_t(QRandomGenerator::system()->generate64());
    for (Shard &shard : m_shards)
        shard.buckets.assign(buckets, -1);
}

SourceLimiter::~SourceLimiter() = default;

SourceLimiter::Key SourceLimiter::keyOf(const IpEndpoint &client) const
{
    Key key;
    if (!client.valid)
        return key;  // every unknown source is one source
    key.v6 = client.v6;
    const int bits = client.v6 ? m_config.prefix6 : m_config.prefix;
    const int length = client.v6 ? 16 : 4;
    for (int i = 0; i < length; ++i) {
        const int keep = std::clamp(bits - i * 8, 0, 8);
        const quint8 mask = quint8(0xFF00 >> keep);
        key.bytes[std::size_t(i)] = client.bytes[std::size_t(i)] & mask;
    }
    return key;
}

quint32 SourceLimiter::hashOf(const Key &key) const
{
    const std::size_t h = qHashBits(key.bytes.data(), key.bytes.size(), m_seed ^ (key.v6 ? 0x9e37 : 0));
    return quint32(h ^ (quint64(h) >> 32));
}

qint32 SourceLimiter::find(const Shard &shard, const Key &key, quint32 hash) const
{
    for (qint32 i = shard.buckets[(hash >> 4) & m_bucketMask]; i >= 0;
         i = shard.entries[std::size_t(i)].chain) {
        const Entry &entry = shard.entries[std::size_t(i)];
        if (entry.hash == hash && entry.key == key)
            return i;
    }
    return -1;
}

void SourceLimiter::unlinkLru(Shard &shard, qint32 index)
{
    Entry &entry = shard.entries[std::size_t(index)];
    if (entry.lruPrev >= 0)
        shard.entries[std::size_t(entry.lruPrev)].lruNext = entry.lruNext;
    else
        shard.lruHead = entry.lruNext;
    if (entry.lruNext >= 0)
        shard.entries[std::size_t(entry.lruNext)].lruPrev = entry.lruPrev;
    else
        shard.lruTail = entry.lruPrev;
    entry.lruPrev = entry.lruNext = -1;
}

void SourceLimiter::pushFrontLru(Shard &shard, qint32 index)
{
    Entry &entry = shard.entries[std::size_t(index)];
    entry.lruPrev = -1;
    entry.lruNext = shard.lruHead;
    if (shard.lruHead >= 0)
        shard.entries[std::size_t(shard.lruHead)].lruPrev = index;
    shard.lruHead = index;
    if (shard.lruTail < 0)
        shard.lruTail = index;
}

void SourceLimiter::unlinkChain(Shard &shard, qint32 index)
{
    Entry &entry = shard.entries[std::size_t(index)];
    qint32 *link = &shard.buckets[(entry.hash >> 4) & m_bucketMask];
    while (*link >= 0 && *link != index)
        link = &shard.entries[std::size_t(*link)].chain;
    if (*link == index)
        *link = entry.chain;
    entry.chain = -1;
}

qint32 SourceLimiter::takeEntry(Shard &shard)
{
    if (shard.entries.size() < m_capacityPerShard) {
        shard.entries.emplace_back();
        return qint32(shard.entries.size() - 1);
    }
    // Only sources without open connections are in the LRU list: an entry
    // whose count is still needed is never forgotten.
    const qint32 victim = shard.lruTail;
    if (victim < 0)
        return -1;
    unlinkLru(shard, victim);
    unlinkChain(shard, victim);
    m_evictions.fetch_add(1, std::memory_order_relaxed);
    return victim;
}

SourceLimiter::Result SourceLimiter::admit(const IpEndpoint &client, Ticket *ticket)
{
    const qint64 nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
                             .count();
    return admit(client, nowMs, ticket);
}

SourceLimiter::Result SourceLimiter::admit(const IpEndpoint &client, qint64 nowMs, Ticket *ticket)
{
    // Before the lock: the place it held may be in the very shard.
    if (ticket)
        ticket->reset();
    const Key key = keyOf(client);
    const quint32 hash = hashOf(key);
    const quint32 shardIndex = hash & (shardCount - 1);
    Shard &shard = m_shards[shardIndex];
    std::lock_guard lock(shard.mutex);

    qint32 index = find(shard, key, hash);
    if (index < 0) {
        index = takeEntry(shard);
        if (index < 0) {
            // Every entry of the shard counts open connections: this source
            // is let through without a count (as HAProxy does when its stick
            // table is full) rather than refused, or another source forgotten.
            m_untracked.fetch_add(1, std::memory_order_relaxed);
            return Result{};
        }
        Entry &entry = shard.entries[std::size_t(index)];
        const quint32 generation = entry.generation + 1;
        entry = Entry{};
        entry.key = key;
        entry.hash = hash;
        entry.generation = generation;
        entry.tokens = m_burstMicro;
        entry.refilledMs = nowMs;
        qint32 &head = shard.buckets[(hash >> 4) & m_bucketMask];
        entry.chain = head;
        head = index;
    } else if (shard.entries[std::size_t(index)].active == 0) {
        unlinkLru(shard, index);
    }
    Entry &entry = shard.entries[std::size_t(index)];
    // Back in the LRU list only while it has no open connection (below).
    const auto relist = [&] {
        if (entry.active == 0)
            pushFrontLru(shard, index);
    };

    Result result;
    if (m_config.perIp > 0 && entry.active >= m_config.perIp) {
        result.enforced = Verdict::Concurrent;
    } else if (m_config.rate > 0) {
        const qint64 elapsed = std::max<qint64>(0, nowMs - entry.refilledMs);
        // Bounded first, so that the product cannot overflow: the time it
        // takes to fill the whole bucket.
        const qint64 fillMs = m_burstMicro * m_config.ratePeriodS / (qint64(m_config.rate) * 1000) + 1;
        const qint64 refill = std::min(elapsed, fillMs) * qint64(m_config.rate) * 1000 / m_config.ratePeriodS;
        entry.tokens = std::min(m_burstMicro, entry.tokens + refill);
        entry.refilledMs = nowMs;
        if (entry.tokens < microPerToken)
            result.enforced = Verdict::Rate;
    }
    if (result.enforced != Verdict::Admit && !m_config.dryRun) {
        result.verdict = result.enforced;
        relist();
        return result;
    }
    // A connection let through by a dry run takes no token: the bucket
    // stays as enforcing would have left it, so the counts say what enforcing would do.
    if (m_config.rate > 0 && result.enforced == Verdict::Admit)
        entry.tokens -= microPerToken;
    // Counted only with a ticket to release it: without one the source would
    // hold its place for ever.
    if (!ticket) {
        relist();
        return result;
    }
    ++entry.active;
    {
        ticket->m_limiter = this;
        ticket->m_shard = shardIndex;
        ticket->m_index = index;
        ticket->m_generation = entry.generation;
    }
    return result;
}

void SourceLimiter::release(const Ticket &ticket)
{
    Shard &shard = m_shards[ticket.m_shard];
    std::lock_guard lock(shard.mutex);
    if (ticket.m_index < 0 || std::size_t(ticket.m_index) >= shard.entries.size())
        return;
    Entry &entry = shard.entries[std::size_t(ticket.m_index)];
    // Evicted and reused since: the count it held was forgotten with it.
    if (entry.generation == ticket.m_generation && entry.active > 0 && --entry.active == 0)
        pushFrontLru(shard, ticket.m_index);
}

qint64 SourceLimiter::trackedSources() const
{
    qint64 total = 0;
    for (const Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        total += qint64(shard.entries.size());
    }
    return total;
}

int SourceLimiter::openCount(const IpEndpoint &client) const
{
    const Key key = keyOf(client);
    const quint32 hash = hashOf(key);
    const Shard &shard = m_shards[hash & (shardCount - 1)];
    std::lock_guard lock(shard.mutex);
    const qint32 index = find(shard, key, hash);
    return index < 0 ? 0 : shard.entries[std::size_t(index)].active;
}

}  // namespace Balancier
