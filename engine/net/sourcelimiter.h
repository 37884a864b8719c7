#pragma once

#include "config/config.h"
#include "net/ipendpoint.h"

#include <QtGlobal>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace Balancier {

/// A service's <limit>: open connections and new connections per second
/// per source (the client's address cut to `prefix` / `prefix6` bits), in a
/// bounded table shared by the service's workers.
///
/// The table has `table` entries at most, spread over 16 shards, each with
/// its own lock, entries and least-recently-used list of the sources without
/// open connections. A new source takes a free entry, or the least recently
/// used one of its shard without open connections; an open count is never
/// forgotten. When every entry of the shard has open connections, the new
/// source is admitted without being counted (untracked()). Entries
/// live in one vector per shard that grows up to the shard's share and is
/// then reused: no allocation per connection once the table is full.
///
/// The rate is a token bucket per source: `burst` tokens, refilled at
/// `rate`; a new connection takes one. In dry-run mode nothing is refused,
/// but the verdict says what enforcing would have done.
///
/// Thread contract: any thread; admit() and the tickets' release lock one
/// shard for a few dozen instructions and never block on anything else.
/// The limiter outlives its tickets (a session holds its route, which holds
/// the limiter).
class SourceLimiter final
{
    Q_DISABLE_COPY_MOVE(SourceLimiter)

public:
    enum class Verdict
    {
        Admit,
        Concurrent,  ///< perip: the source has that many open connections
        Rate,  ///< rate: the source's bucket is empty
    };

    /// The place an admitted connection holds in its source's open count;
    /// released when destroyed (or reset()). Move-only.
    class Ticket
    {
    public:
        Ticket() = default;
        Ticket(Ticket &&other) noexcept { *this = std::move(other); }
        Ticket &operator=(Ticket &&other) noexcept;
        Ticket(const Ticket &) = delete;
        Ticket &operator=(const Ticket &) = delete;
        ~Ticket() { reset(); }

        void reset();
        bool isHeld() const { return m_limiter != nullptr; }

    private:
        friend class SourceLimiter;
        SourceLimiter *m_limiter = nullptr;
        quint32 m_shard = 0;
        qint32 m_index = -1;
        quint32 m_generation = 0;
    };

    struct Result
    {
        /// What happens: Admit, or why the client is refused (never in dry run).
        Verdict verdict = Verdict::Admit;
        /// What enforcing would have done (equals `verdict` when enforcing).
        Verdict enforced = Verdict::Admit;
    };

    explicit SourceLimiter(const LimitConfig &config);
    ~SourceLimiter();

    /// Checks and counts a new connection from `client` at `nowMs` (a
    /// monotonic clock in milliseconds; tests pass their own). On Admit,
    /// `ticket` holds its place in the open count.
    Result admit(const IpEndpoint &client, qint64 nowMs, Ticket *ticket);
    /// The same with the limiter's steady clock.
    Result admit(const IpEndpoint &client, Ticket *ticket);

    const LimitConfig &config() const { return m_config; }
    /// Sources tracked now, and sources forgotten to make room so far.
    qint64 trackedSources() const;
    qint64 evictions() const { return m_evictions.load(std::memory_order_relaxed); }
    /// Connections admitted without a count because their shard was full of
    /// sources with open connections.
    qint64 untracked() const { return m_untracked.load(std::memory_order_relaxed); }
    /// Open connections counted for `client`'s source (tests, diagnostics).
    int openCount(const IpEndpoint &client) const;

    /// The memory one table entry takes, its share of the hash index included.
    static constexpr std::size_t bytesPerEntry();
    static constexpr int shardCount = 16;

private:
    struct Key
    {
        std::array<quint8, 16> bytes{};
        bool v6 = false;
        friend bool operator==(const Key &, const Key &) = default;
    };

    struct Entry
    {
        Key key;
        quint32 generation = 0;
        qint32 active = 0;
        qint64 tokens = 0;  ///< millionths of a token
        qint64 refilledMs = 0;
        qint32 lruPrev = -1;
        qint32 lruNext = -1;
        qint32 chain = -1;  ///< next entry in the same bucket
        quint32 hash = 0;
    };

    struct Shard
    {
        mutable std::mutex mutex;
        std::vector<Entry> entries;  ///< grows to `capacity`, then is reused
        std::vector<qint32> buckets;  ///< heads of the hash chains
        qint32 lruHead = -1;  ///< most recently used
        qint32 lruTail = -1;
    };

    Key keyOf(const IpEndpoint &client) const;
    quint32 hashOf(const Key &key) const;
    qint32 find(const Shard &shard, const Key &key, quint32 hash) const;
    qint32 takeEntry(Shard &shard);
    void unlinkLru(Shard &shard, qint32 index);
    void pushFrontLru(Shard &shard, qint32 index);
    void unlinkChain(Shard &shard, qint32 index);
    void release(const Ticket &ticket);

    const LimitConfig m_config;
    const qint64 m_burstMicro;  ///< the bucket's size in millionths of a token
    std::size_t m_capacityPerShard = 1;
    quint32 m_bucketMask = 0;
    std::size_t m_seed = 0;
    std::array<Shard, shardCount> m_shards;
    std::atomic<qint64> m_evictions{0};
    std::atomic<qint64> m_untracked{0};
};

constexpr std::size_t SourceLimiter::bytesPerEntry()
{
    // The hash index has a power of two of buckets, at least one per entry
    // and fewer than two: 4 to 8 bytes; count the worst.
    return sizeof(Entry) + 2 * sizeof(qint32);
}

}  // namespace Balancier
