#include "hostresolver.h"

#include "config/address.h"
#include "logcategories.h"
#include "platform/socketops.h"

#include <algorithm>
#include <limits>

namespace Balancier {

namespace {

constexpr qint64 MinimumRefreshMs = 10;
constexpr qint64 TtlFloorMs = 1000;

// The address to connect to when a name has several: IPv4 first, because
// many backends listen on 0.0.0.0 only while "localhost" often lists ::1 first.
QHostAddress preferredAddress(const QList<DnsAddressRecord> &records)
{
    for (const DnsAddressRecord &record : records) {
        if (record.address.protocol() == QAbstractSocket::IPv4Protocol)
            return record.address;
    }
    for (const DnsAddressRecord &record : records) {
        if (record.address.protocol() == QAbstractSocket::IPv6Protocol)
            return record.address;
    }
    return {};
}

QString describeHost(const HostRuntime &host)
{
    return QStringLiteral("host '%1' (service '%2', group '%3'):")
        .arg(host.name(), host.service(), host.group());
}

}  // namespace

HostResolver::HostResolver(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &HostResolver::handleRefresh);
}

HostResolver::~HostResolver() = default;

void HostResolver::setDnsResolver(std::shared_ptr<DnsResolver> resolver)
{
    m_dns = std::move(resolver);
    for (auto &[key, entry] : m_entries) {
        entry.lookupId = -1;  // an answer from the old resolver is stale
        entry.dueMs = 0;
    }
    handleRefresh();
}

void HostResolver::setHosts(const QList<std::shared_ptr<HostRuntime>> &hosts)
{
    std::unordered_map<HostRuntime *, Entry> previous;
    previous.swap(m_entries);
    for (const std::shared_ptr<HostRuntime> &host : hosts) {
        if (!host)
            continue;
        const QString address = host->address();
        const auto kept = previous.find(host.get());
        if (kept != previous.end()) {
            Entry entry = std::move(kept->second);
            previous.erase(kept);
            // setAddress() clears the endpoint even when the text is the same;
            // an invalid endpoint without an error means "never resolved".
            const bool cleared = !host->endpoint().isValid() && host->resolveError().isEmpty();
            if (entry.address == address && !(cleared && entry.lookupId < 0)) {
                m_entries.emplace(host.get(), std::move(entry));
                continue;
            }
        }
        Entry entry;
        entry.host = host;
        entry.address = address;
        auto inserted = m_entries.emplace(host.get(), std::move(entry));
        prepare(inserted.first->second);
    }
    // Answers for the hosts left in `previous` are dropped: their entries are gone.
    armTimer();
}

void HostResolver::setRefreshInterval(qint64 ms)
{
    m_intervalMs = std::max(ms, MinimumRefreshMs);
    const qint64 now = m_clock.elapsed();
    for (auto &[key, entry] : m_entries)
        entry.dueMs = std::min(entry.dueMs, now + m_intervalMs);
    armTimer();
}

qint64 HostResolver::refreshInterval() const
{
    return m_intervalMs;
}

void HostResolver::refreshNow()
{
    for (auto &[key, entry] : m_entries)
        entry.dueMs = 0;
    handleRefresh();
}

qint64 HostResolver::plannedWaitMs(const std::shared_ptr<HostRuntime> &host) const
{
    const auto it = m_entries.find(host.get());
    return it == m_entries.end() ? -1 : it->second.plannedWaitMs;
}

void HostResolver::armTimer()
{
    qint64 earliest = -1;
    for (const auto &[key, entry] : m_entries) {
        if (entry.name.isEmpty() || entry.lookupId >= 0)
            continue;
        earliest = earliest < 0 ? entry.dueMs : std::min(earliest, entry.dueMs);
    }
    if (earliest < 0) {
        m_refreshTimer.stop();
        return;
    }
    const qint64 wait = std::clamp<qint64>(earliest - m_clock.elapsed(), 0, std::numeric_limits<int>::max());
    m_refreshTimer.start(int(wait));
}

bool HostResolver::isResolving(const std::shared_ptr<HostRuntime> &host) const
{
    const auto it = m_entries.find(host.get());
    return it != m_entries.end() && it->second.lookupId >= 0;
}

Endpoint HostResolver::makeEndpoint(const QHostAddress &address, quint16 port)
{
    Endpoint endpoint;
    if (!SocketOps::toSockaddr(address, port, &endpoint.storage, &endpoint.length))
        endpoint = {};
    return endpoint;
}

// Fills numeric addresses in at once; names get a lookup.
void HostResolver::prepare(Entry &entry)
{
    QString error;
    const std::optional<Address> parsed = parseAddress(entry.address, false, &error);
    if (!parsed) {
        const QString message = QStringLiteral("invalid address '%1': %2").arg(entry.address, error);
        entry.host->setEndpoint({}, message);
        qCWarning(lcNet).noquote() << describeHost(*entry.host) << message;
        return;
    }
    entry.port = parsed->port;
    QHostAddress numeric;
    if (numeric.setAddress(parsed->host)) {
        entry.host->setEndpoint(makeEndpoint(numeric, entry.port), {});
        return;
    }
    entry.name = parsed->host;
    // Mark "resolving" rather than leaving the previous address's error.
    entry.host->setEndpoint({}, {});
    startLookup(entry);
}

void HostResolver::startLookup(Entry &entry)
{
    if (entry.name.isEmpty() || entry.lookupId >= 0)
        return;
    if (!m_dns)
        m_dns = DnsResolver::create({});
    HostRuntime *key = entry.host.get();
    const int id = m_nextLookupId++;
    entry.lookupId = id;
    m_dns->lookupAddresses(
        entry.name, this, [this, key, id](const DnsAnswer &answer) { handleLookup(key, id, answer); });
}

void HostResolver::handleLookup(HostRuntime *key, int lookupId, const DnsAnswer &answer)
{
    const auto it = m_entries.find(key);
    // The host was removed, or its address changed: this answer is stale.
    if (it == m_entries.end() || it->second.lookupId != lookupId)
        return;
    Entry &entry = it->second;
    entry.lookupId = -1;

    const QHostAddress address = answer.ok() ? preferredAddress(answer.addresses) : QHostAddress();
    // The next lookup: at the TTL when it is shorter than the interval, but
    // not in a loop; at the interval otherwise, and after a failure.
    qint64 wait = m_intervalMs;
    const qint64 ttl = answer.minTtlMs();
    if (!address.isNull() && ttl >= 0)
        wait = std::max(std::min(ttl, m_intervalMs), std::min(TtlFloorMs, m_intervalMs));
    entry.plannedWaitMs = wait;
    entry.dueMs = m_clock.elapsed() + wait;
    armTimer();
    if (!address.isNull()) {
        entry.resolvedOnce = true;
        entry.host->setEndpoint(makeEndpoint(address, entry.port), {});
        qCDebug(lcNet).noquote() << "resolved" << entry.name << "to" << address.toString() << "for host"
                                 << entry.host->name();
    } else {
        const QString reason = answer.ok() ? QStringLiteral("no IPv4 or IPv6 address") : answer.error;
        QString message = QStringLiteral("cannot resolve '%1': %2").arg(entry.name, reason);
        const Endpoint last = entry.host->endpoint();
        if (entry.resolvedOnce && last.isValid())
            message += QStringLiteral(" (keeping the last address)");
        // Say it once, not at every refresh of a name that stays unresolvable.
        if (message != entry.host->resolveError())
            qCWarning(lcNet).noquote() << describeHost(*entry.host) << message;
        entry.host->setEndpoint(entry.resolvedOnce ? last : Endpoint{}, message);
    }
    // Copy: a receiver may call setHosts() and drop the entry.
    const std::shared_ptr<HostRuntime> host = entry.host;
    Q_EMIT resolved(host);
}

void HostResolver::handleRefresh()
{
    const qint64 now = m_clock.elapsed();
    for (auto &[key, entry] : m_entries) {
        if (entry.dueMs <= now)
            startLookup(entry);
    }
    armTimer();
}

}  // namespace Balancier
