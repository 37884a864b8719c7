#pragma once

#include <QList>
#include <QString>

#include <cstddef>

namespace Balancier {

class HostRuntime;

/// What a scheduler may look at to choose a host for one client.
struct PickContext
{
    quint64 clientKey = 0;  ///< stable hash of the client's IP address (not port)
    /// Hosts already tried for this client: never pick them again.
    const HostRuntime *const *excluded = nullptr;
    std::size_t excludedCount = 0;

    bool isExcluded(const HostRuntime *host) const;
};

/// Why a scheduler chose its host, compact: a code and two numbers, so that
/// pick() allocates nothing. PickReason (ops/connectionquery.h) is what an
/// edge shows; pickReason() in net/connectionrecord.h turns one into the other.
enum class PickCode : quint8
{
    None,  ///< nothing picked (yet)
    RoundRobin,
    Weighted,
    LeastConns,
    LeastConnsRr,
    P2c,
    Random,
    StickySeen,  ///< a client seen before: `a` = milliseconds since it was last seen
    StickyNew,  ///< a client not seen before (or expired, or its host unavailable): round robin
    Hash,  ///< `a` = the point on the ring, `b` = the ring's points
    Maglev,  ///< `a` = the entry of the lookup table, `b` = the table's entries
};

/// What pick() returns: the host (nullptr: none) and why. Converts to the
/// host pointer, so `HostRuntime *h = scheduler.pick(context)` still reads.
struct PickResult
{
    HostRuntime *host = nullptr;
    PickCode code = PickCode::None;
    qint32 a = 0;
    qint32 b = 0;

    PickResult() = default;
    // Implicit on purpose: `return nullptr;` and `HostRuntime *h = pick(...)`.
    PickResult(HostRuntime *picked, PickCode why = PickCode::None, qint32 first = 0, qint32 second = 0)
        : host(picked)
        , code(picked ? why : PickCode::None)
        , a(first)
        , b(second)
    { }
    PickResult(std::nullptr_t) { }

    operator HostRuntime *() const { return host; }
    HostRuntime *operator->() const { return host; }
};

/// One scheduling algorithm for one group's fixed list of hosts.
///
/// A scheduler is built for a host list and never sees that list change:
/// when the membership changes, the engine builds a new scheduler. Weights,
/// maxconns, admin state and health change under it; it is told through the
/// lifecycle hooks, and pick() must re-read HostRuntime's atomics anyway.
///
/// Thread contract: pick() and every hook are called concurrently from all
/// worker threads and the control thread. Implementations are lock-free or
/// hold a lock only for a few instructions. pick() returns a host for which
/// HostRuntime::isAvailable() was true and which is not excluded, or nullptr.
/// It does not acquire the host: the caller calls tryAcquire() and, if that
/// loses a race, picks again with the host excluded.
class Scheduler
{
public:
    explicit Scheduler(QList<HostRuntime *> hosts);
    virtual ~Scheduler();
    Q_DISABLE_COPY_MOVE(Scheduler)

    virtual PickResult pick(const PickContext &context) = 0;

    virtual void hostUp(HostRuntime *host);
    virtual void hostDown(HostRuntime *host);
    virtual void connectionTaken(HostRuntime *host);
    virtual void connectionDropped(HostRuntime *host);
    virtual void weightChanged(HostRuntime *host);
    /// The host's effective weight moved (a slow-start step, the agent's
    /// weight %) while its configured weight stayed. Called up to ten times
    /// a second per ramping host: algorithms that read the atomics at each
    /// pick need nothing; those with a table keep it (hash, maglev: their
    /// tables follow the configured weight, so clients do not move).
    virtual void effectiveWeightChanged(HostRuntime *host);

    const QList<HostRuntime *> &hosts() const { return m_hosts; }

protected:
    /// True if a new connection may go to \a host: available, weight above 0
    /// and not excluded. Weight 0 means "no new traffic" for every algorithm.
    static bool isEligible(const HostRuntime *host, const PickContext &context);

    /// \a weights (each >= 0) divided by their greatest common divisor and,
    /// if their sum still exceeds \a budget, scaled down to about \a budget
    /// (every positive weight stays >= 1). Keeps precomputed tables bounded.
    static QList<int> normalizedWeights(const QList<int> &weights, qint64 budget);

    const QList<HostRuntime *> m_hosts;
};

/// Per-group knobs some algorithms take.
struct SchedulerOptions
{
    /// "sticky": how long after its last pick a client keeps its host; <= 0: no expiry.
    qint64 stickyTimeoutMs = 1800000;
    /// "sticky": most clients remembered per group; the oldest are forgotten first.
    int stickyCapacity = 65536;
    /// "maglev": entries of the lookup table, a prime (the validator checks it).
    int maglevTableSize = 65537;
    /// "maglev": bounded load. A host whose active connections reach this
    /// factor times its weighted share of the group's is skipped, to the next
    /// entry of the table. 0: no bound.
    double balanceFactor = 0.0;
};

}  // namespace Balancier
