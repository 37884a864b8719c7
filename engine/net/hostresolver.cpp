#include "hostresolver.h"

#include "config/address.h"
#include "logcategories.h"
#include "platform/socketops.h"

#include <QHostInfo>

namespace Balancier {

namespace {

constexpr qint64 DefaultRefreshMs = 60000;
constexpr qint64 MinimumRefreshMs = 10;

// The address to connect to when a name has several: IPv4 first, because
// many backends listen on 0.0.0.0 only while "localhost" often lists ::1 first.
QHostAddress preferredAddress(const QList<QHostAddress> &addresses)
{
    for (const QHostAddress &address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            return address;
    }
    for (const QHostAddress &address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv6Protocol)
            return address;
    }
    return {};
}

QString lowerFirst(QString text)
{
    // "Host not found" -> "host not found", but leave "DNS ..." alone.
    if (text.size() > 1 && text.at(0).isUpper() && !text.at(1).isUpper())
        text[0] = text.at(0).toLower();
    return text;
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
    m_refreshTimer.setInterval(std::chrono::milliseconds(DefaultRefreshMs));
    connect(&m_refreshTimer, &QTimer::timeout, this, &HostResolver::handleRefresh);
}

HostResolver::~HostResolver()
{
    for (const auto &[key, entry] : m_entries) {
        if (entry.lookupId >= 0)
            QHostInfo::abortHostLookup(entry.lookupId);
    }
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
            if (entry.lookupId >= 0)
                QHostInfo::abortHostLookup(entry.lookupId);
        }
        Entry entry;
        entry.host = host;
        entry.address = address;
        auto inserted = m_entries.emplace(host.get(), std::move(entry));
        prepare(inserted.first->second);
    }
    for (const auto &[key, entry] : previous) {
        if (entry.lookupId >= 0)
            QHostInfo::abortHostLookup(entry.lookupId);
    }

    bool anyName = false;
    for (const auto &[key, entry] : m_entries)
        anyName = anyName || !entry.name.isEmpty();
    if (anyName && !m_refreshTimer.isActive())
        m_refreshTimer.start();
    else if (!anyName)
        m_refreshTimer.stop();
}

void HostResolver::setRefreshInterval(qint64 ms)
{
    m_refreshTimer.setInterval(std::chrono::milliseconds(std::max(ms, MinimumRefreshMs)));
}

qint64 HostResolver::refreshInterval() const
{
    return m_refreshTimer.intervalAsDuration().count();
}

void HostResolver::refreshNow()
{
    handleRefresh();
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
    HostRuntime *key = entry.host.get();
    entry.lookupId = QHostInfo::lookupHost(
        entry.name, this, [this, key](const QHostInfo &info) { handleLookup(key, info); });
}

void HostResolver::handleLookup(HostRuntime *key, const QHostInfo &info)
{
    const auto it = m_entries.find(key);
    // The host was removed, or its address changed: this answer is stale.
    if (it == m_entries.end() || it->second.lookupId != info.lookupId())
        return;
    Entry &entry = it->second;
    entry.lookupId = -1;

    const QHostAddress address
        = info.error() == QHostInfo::NoError ? preferredAddress(info.addresses()) : QHostAddress();
    if (!address.isNull()) {
        entry.resolvedOnce = true;
        entry.host->setEndpoint(makeEndpoint(address, entry.port), {});
        qCDebug(lcNet).noquote() << "resolved" << entry.name << "to" << address.toString() << "for host"
                                 << entry.host->name();
    } else {
        const QString reason = info.error() == QHostInfo::NoError ? QStringLiteral("no IPv4 or IPv6 address")
                                                                  : lowerFirst(info.errorString());
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
    for (auto &[key, entry] : m_entries)
        startLookup(entry);
}

}  // namespace Balancier
