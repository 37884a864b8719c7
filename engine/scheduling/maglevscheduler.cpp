#include "maglevscheduler.h"

#include "runtime/hostruntime.h"
#include "scheduling/stablehash.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Balancier {

namespace {

constexpr quint32 EmptySlot = std::numeric_limits<quint32>::max();

// Our own hash rather than qHash: qHash is seeded per process and may change
// between Qt versions, and every balancer of a pair must build the same table.
quint64 nameHash(const QByteArray &name, quint64 seed)
{
    return StableHash::finalize(StableHash::fnv1a(reinterpret_cast<const unsigned char *>(name.constData()),
        name.size(), StableHash::FnvOffsetBasis ^ seed));
}

struct BuildEntry
{
    quint32 host;
    quint64 offset;
    quint64 skip;
    quint64 next = 0;
    qint64 weight;
    qint64 target = 0;
};

}  // namespace

MaglevScheduler::MaglevScheduler(QList<HostRuntime *> hosts, const SchedulerOptions &options)
    : Scheduler(std::move(hosts))
    // The validator keeps the size prime and in range; this only keeps a
    // model built in code from an empty or huge table.
    , m_tableSize(quint32(std::clamp(options.maglevTableSize, 2, 16777213)))
    , m_balanceFactor(
          std::isfinite(options.balanceFactor) && options.balanceFactor > 1.0 ? options.balanceFactor : 0.0)
    , m_table(makeTable())
{ }

MaglevScheduler::~MaglevScheduler() = default;

std::vector<quint32> MaglevScheduler::buildTable(
    const QStringList &names, const QList<int> &weights, quint32 tableSize)
{
    std::vector<BuildEntry> entries;
    qint64 maxWeight = 0;
    for (qsizetype i = 0; i < names.size() && i < weights.size(); ++i) {
        if (weights.at(i) <= 0)
            continue;
        const QByteArray name = names.at(i).toUtf8();
        const quint64 offset = nameHash(name, 0) % tableSize;
        const quint64 skip = tableSize > 1 ? nameHash(name, 0x9e3779b97f4a7c15ULL) % (tableSize - 1) + 1 : 1;
        entries.push_back({quint32(i), offset, skip, 0, weights.at(i), 0});
        maxWeight = std::max<qint64>(maxWeight, weights.at(i));
    }
    if (entries.empty() || tableSize == 0)
        return {};

    std::vector<quint32> table(tableSize, EmptySlot);
    quint32 filled = 0;
    // Envoy's weighting: in round k a host of weight w takes a turn while
    // k × w has not fallen behind its turns × the largest weight, so it takes
    // w/max turns per round. Integers only: the same table on every machine.
    for (qint64 round = 1; filled < tableSize; ++round) {
        for (BuildEntry &entry : entries) {
            if (filled == tableSize)
                break;
            if (round * entry.weight < entry.target)
                continue;
            entry.target += maxWeight;
            // The permutation (offset + next × skip) mod size visits every
            // slot once (size prime, 0 < skip < size), and the table is not
            // full: a free slot comes before it wraps. A size that is not
            // prime (a model built in code; the validator refuses it) may
            // cycle short of a free slot: then the next free slot in order.
            quint64 slot = 0;
            for (;;) {
                if (entry.next >= tableSize) {
                    slot = entry.offset;
                    while (table[slot] != EmptySlot)
                        slot = (slot + 1) % tableSize;
                    break;
                }
                slot = (entry.offset + entry.next * entry.skip) % tableSize;
                ++entry.next;
                if (table[slot] == EmptySlot)
                    break;
            }
            table[slot] = entry.host;
            ++filled;
        }
    }
    return table;
}

quint32 MaglevScheduler::slotOf(quint64 clientKey, quint32 tableSize)
{
    return tableSize == 0 ? 0 : quint32(StableHash::finalize(clientKey) % tableSize);
}

std::unique_ptr<const MaglevScheduler::Table> MaglevScheduler::makeTable() const
{
    QStringList names;
    QList<int> weights;
    names.reserve(m_hosts.size());
    weights.reserve(m_hosts.size());
    for (const HostRuntime *host : m_hosts) {
        names.append(host->name());
        weights.append(host->weight.load(std::memory_order_relaxed));
    }
    auto table = std::make_unique<Table>();
    table->entries = buildTable(names, weights, m_tableSize);
    QVarLengthArray<bool, 64> present(m_hosts.size(), false);
    for (const quint32 host : table->entries) {
        if (!present[host]) {
            present[host] = true;
            ++table->distinctHosts;
        }
    }
    return table;
}

PickResult MaglevScheduler::pick(const PickContext &context)
{
    const auto table = m_table.read();
    const std::vector<quint32> &entries = table->entries;
    if (entries.empty())
        return nullptr;

    qint64 totalActive = 0;
    qint64 totalWeight = 0;
    if (m_balanceFactor > 0) {
        for (const HostRuntime *host : m_hosts) {
            const int weight = host->weight.load(std::memory_order_relaxed);
            if (weight > 0 && host->isAvailable()) {
                totalActive += host->active.load(std::memory_order_relaxed);
                totalWeight += weight;
            }
        }
    }

    // Walk on from the client's slot until an eligible host within its
    // bound, giving up once every host in the table has been refused.
    const std::size_t start = slotOf(context.clientKey, quint32(entries.size()));
    QVarLengthArray<bool, 64> refused(m_hosts.size(), false);
    quint32 refusedCount = 0;
    HostRuntime *overloaded = nullptr;
    std::size_t overloadedEntry = 0;
    for (std::size_t step = 0; step < entries.size(); ++step) {
        const std::size_t entry = (start + step) % entries.size();
        const quint32 hostIndex = entries[entry];
        if (refused[hostIndex])
            continue;
        HostRuntime *host = m_hosts.at(hostIndex);
        if (isEligible(host, context)) {
            if (totalWeight == 0 || !isOverloaded(host, totalActive, totalWeight))
                return {host, PickCode::Maglev, qint32(entry), qint32(entries.size())};
            if (!overloaded) {
                overloaded = host;
                overloadedEntry = entry;
            }
        }
        refused[hostIndex] = true;
        if (++refusedCount == table->distinctHosts)
            break;
    }
    return {overloaded, PickCode::Maglev, qint32(overloadedEntry), qint32(entries.size())};
}

bool MaglevScheduler::isOverloaded(const HostRuntime *host, qint64 totalActive, qint64 totalWeight) const
{
    // HAProxy's rule: the connection about to be made counts in the total,
    // so that with no load every host has room for at least one.
    const int weight = host->weight.load(std::memory_order_relaxed);
    const double bound
        = std::ceil(m_balanceFactor * double(totalActive + 1) * double(weight) / double(totalWeight));
    return double(host->active.load(std::memory_order_relaxed)) >= bound;
}

void MaglevScheduler::weightChanged(HostRuntime *)
{
    // Serialised so that the last weights read are the last published.
    std::lock_guard lock(m_rebuildMutex);
    m_table.publish(makeTable());
}

}  // namespace Balancier
