#pragma once

#include "config/config.h"
#include "net/dnsresolver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVariantMap>

#include <memory>

namespace Balancier {

/// A group's <discover> as last seen (the engine copies it into DiscoveryStats).
struct DiscoveryState
{
    QString srv;
    qint64 intervalMs = 0;
    QDateTime lastLookup;  ///< invalid before the first answer
    QString result;  ///< "pending", "ok", "error"
    QString error;
    QStringList records;  ///< "priority weight port target"
    qint64 nextLookupMs = 0;
    qint64 lookupsOk = 0;
    qint64 lookupsFailed = 0;
};

/// DNS discovery: the hosts a config does not list but DNS does.
///
/// - A group's <discover srv="_svc._tcp.example" interval="30s"/>: each SRV
///   record becomes a host named "target:port" (address "target:port",
///   resolved like any host name), with the record's weight (at least 1)
///   and, when its priority is above the lowest one present, backup="yes".
/// - A host with resolve="all" and a name for an address: each A/AAAA record
///   becomes a host named "host/address" with the host's settings, in its
///   place. Until the first good answer the host stays as written.
///
/// Lookups repeat after min(TTL, interval), at least min(1 s, interval)
/// apart; a failed lookup keeps the last good set (it is logged once, until
/// a lookup succeeds again) and is tried again after the interval.
/// expand() writes the discovered hosts into a config the engine applies;
/// they never reach the running config, the file or the diff.
///
/// Thread contract: control thread only (lookups answer through its event loop).
class DnsDiscovery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DnsDiscovery)

public:
    explicit DnsDiscovery(QObject *parent = nullptr);
    ~DnsDiscovery() override;

    void setDnsResolver(std::shared_ptr<DnsResolver> resolver);
    /// Starts, keeps or stops the lookups `config` asks for: a watch whose
    /// name and interval stay keeps its set and schedule; a changed one
    /// starts again with a lookup now. `addressIntervalMs` bounds resolve="all".
    void setConfig(const Config &config, qint64 addressIntervalMs);
    /// `config` with the discovered hosts in their groups.
    Config expand(const Config &config) const;
    /// The <discover> state of `service`'s groups, by group name.
    QHash<QString, DiscoveryState> stats(const QString &service) const;
    /// Lookups so far, by result ("ok", "error").
    qint64 lookups(bool ok) const { return ok ? m_lookupsOk : m_lookupsFailed; }

    /// SRV weight -> host weight: at least 1 (weight 0 shares equally), at most the config's maximum.
    static int hostWeight(quint16 srvWeight);

Q_SIGNALS:
    /// The discovered hosts changed: apply expand() again.
    void hostsChanged();
    /// As Engine::discoveryChanged.
    void discoveryChanged(const QString &service, const QString &group, const QVariantMap &details);

private:
    struct Watch;
    void lookup(const QString &key);
    void handleAnswer(const QString &key, int lookupId, const DnsAnswer &answer);
    void arm(Watch &watch, qint64 waitMs);

    std::shared_ptr<DnsResolver> m_dns;
    QHash<QString, std::shared_ptr<Watch>> m_watches;  // "service\ngroup" or "service\ngroup\nhost"
    QHash<QString, QStringList> m_lastSrv;  // the SRV records last applied, by watch
    qint64 m_lookupsOk = 0;
    qint64 m_lookupsFailed = 0;
    int m_nextLookupId = 1;
};

}  // namespace Balancier
