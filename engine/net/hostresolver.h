#pragma once

#include "net/dnsresolver.h"
#include "runtime/hostruntime.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <unordered_map>

namespace Balancier {

/// Turns each host's configured address into the Endpoint the data plane
/// connects to (HostRuntime::setEndpoint), so that worker threads never
/// resolve names.
///
/// Numeric addresses (IPv4, IPv6) are filled in synchronously by setHosts().
/// Names are looked up asynchronously through a DnsResolver (the seam: the
/// system's resolver, a configured name server, or a test's fake) and looked
/// up again because backends move: after min(TTL, refreshInterval()), but
/// not sooner than min(1 s, refreshInterval()) (a TTL of 0 must not make a
/// lookup loop); after refreshInterval() when the TTL is unknown or the
/// lookup failed. When a name has several addresses the first IPv4 one wins
/// (backends often listen on IPv4 only), else the first IPv6 one.
///
/// A failed first lookup leaves the endpoint invalid with resolveError
/// "cannot resolve 'name': <reason>". A failed refresh of a name that resolved
/// before keeps the last good endpoint (a DNS hiccup should not take a working
/// backend out) and sets resolveError to say so. So: endpoint().isValid() means
/// "usable"; resolveError() is the last resolution problem, for display.
///
/// Thread contract: lives in the engine's control thread; call every method
/// from there. It writes HostRuntime's endpoint, which is mutex-protected and
/// read by workers. resolved() is emitted from the control thread.
class HostResolver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostResolver)

public:
    explicit HostResolver(QObject *parent = nullptr);
    ~HostResolver() override;

    /// Replaces the set of hosts to resolve. Hosts that stay (same pointer)
    /// and whose address did not change keep their endpoint and are not
    /// looked up again before the next refresh. Removed hosts are forgotten;
    /// a pending lookup for them is ignored.
    void setHosts(const QList<std::shared_ptr<HostRuntime>> &hosts);

    /// The resolver names are asked of; by default the system's. Lookups
    /// in flight are dropped, and every name is looked up again.
    void setDnsResolver(std::shared_ptr<DnsResolver> resolver);
    const std::shared_ptr<DnsResolver> &dnsResolver() const { return m_dns; }

    /// The longest wait before a name is looked up again; default 60 s. Minimum 10 ms.
    void setRefreshInterval(qint64 ms);
    qint64 refreshInterval() const;

    /// Looks up every name again now (numeric addresses need nothing).
    void refreshNow();

    /// True while a lookup for this host is pending.
    bool isResolving(const std::shared_ptr<HostRuntime> &host) const;
    /// The wait planned after the last answer for this host's name (TTL
    /// bound), in ms; -1 for a numeric address or before the first answer.
    qint64 plannedWaitMs(const std::shared_ptr<HostRuntime> &host) const;

    /// A connect()-ready endpoint for an address and port.
    static Endpoint makeEndpoint(const QHostAddress &address, quint16 port);

Q_SIGNALS:
    /// A lookup for `host` finished; its endpoint and resolveError are updated.
    /// Not emitted for numeric addresses, which setHosts() fills in directly.
    void resolved(std::shared_ptr<Balancier::HostRuntime> host);

private:
    struct Entry
    {
        std::shared_ptr<HostRuntime> host;
        QString address;  // the address text this entry was built from
        QString name;  // empty for numeric addresses and parse errors
        quint16 port = 0;
        int lookupId = -1;  // the pending lookup's number, or -1
        bool resolvedOnce = false;  // a lookup of this name has succeeded
        qint64 dueMs = 0;  // when to look up again (m_clock)
        qint64 plannedWaitMs = -1;
    };

    void prepare(Entry &entry);
    void startLookup(Entry &entry);
    void handleLookup(HostRuntime *key, int lookupId, const DnsAnswer &answer);
    void handleRefresh();
    void armTimer();

    std::unordered_map<HostRuntime *, Entry> m_entries;
    std::shared_ptr<DnsResolver> m_dns;
    QTimer m_refreshTimer;  // single shot, at the earliest due lookup
    QElapsedTimer m_clock;
    qint64 m_intervalMs = 60000;
    int m_nextLookupId = 1;
};

}  // namespace Balancier
