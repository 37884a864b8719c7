#pragma once

#include "rcupointer.h"
#include "scheduler.h"

#include <QStringList>

#include <memory>
#include <mutex>
#include <vector>

namespace Balancier {

/// "maglev": Maglev consistent hashing (Eisenbud et al., NSDI 2016) with
/// Envoy's weighting. Each host with weight above 0 gets a permutation of
/// the table's entries from two hashes of its name (offset and skip); the
/// hosts take turns claiming their next free preferred slot until the table
/// (a prime number of entries) is full, a host of weight w taking w/max
/// turns per round. A client goes to the host at slot hash(clientKey) mod
/// size.
///
/// The table depends only on the hosts' names and weights and the size: two
/// balancers with the same config, or one after a restart, send a client to
/// the same host. A host that is not eligible (down, draining, maintenance,
/// full, weight 0, already tried for this client) is skipped to the next
/// entry, so only its own clients move, spread over the others by weight.
/// A new scheduler built without one of N hosts moves about 1/N of the keys
/// (Maglev's table build is close to, not exactly, minimal).
///
/// With a balance factor f > 0 (bounded load, as HAProxy's
/// hash-balance-factor and Envoy's hash_balance_factor) a host whose active
/// connections reach ceil(f × (all active + 1) × weight / total weight) is
/// skipped to the next entry too; if every eligible host is at its bound,
/// the first one met is taken rather than refusing the client.
///
/// Thread contract: as Scheduler. pick() is lock-free: it reads the table
/// through an RcuPointer. weightChanged() (called by the control thread)
/// builds a new table and publishes it; workers keep picking from the old
/// one meanwhile, and it is freed once no pick can still see it.
class MaglevScheduler final : public Scheduler
{
public:
    MaglevScheduler(QList<HostRuntime *> hosts, const SchedulerOptions &options);
    ~MaglevScheduler() override;

    PickResult pick(const PickContext &context) override;
    void weightChanged(HostRuntime *host) override;

    static constexpr int DefaultTableSize = 65537;

    /// The lookup table for hosts named \a names with \a weights: for each
    /// of \a tableSize entries, the index of its host in \a names. Empty if no
    /// weight is above 0. A pure function of its arguments, the same on
    /// every machine: a shared or precomputed table can be built with it.
    static std::vector<quint32> buildTable(
        const QStringList &names, const QList<int> &weights, quint32 tableSize);

    /// The slot a client key maps to in a table of \a tableSize entries.
    static quint32 slotOf(quint64 clientKey, quint32 tableSize);

    quint32 tableSize() const { return m_tableSize; }
    double balanceFactor() const { return m_balanceFactor; }

private:
    struct Table
    {
        std::vector<quint32> entries;  // index into m_hosts for each slot
        quint32 distinctHosts = 0;
    };

    std::unique_ptr<const Table> makeTable() const;
    bool isOverloaded(const HostRuntime *host, qint64 totalActive, qint64 totalWeight) const;

    const quint32 m_tableSize;
    const double m_balanceFactor;
    std::mutex m_rebuildMutex;
    RcuPointer<Table> m_table;
};

}  // namespace Balancier
