#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace Balancier {

/// Rates are per second, averaged over the last few seconds.
struct HostStats
{
    QString name;
    QString address;
    QString discovered;  ///< "srv", "resolve" for a host found by DNS discovery; empty otherwise
    QString state;  ///< "up", "down", "draining", "maintenance"
    QString reason;  ///< why it is down, in English, or empty
    QString reasonCode;  ///< HostReason::code of reason; empty from an older balancer
    QVariantMap reasonParams;  ///< HostReason::params of reason
    QDateTime lastChange;
    int weight = 1;
    // backend feedback
    double effectiveWeight = 1;  ///< weight x agent % x slow-start ramp (HostView::effectiveWeight)
    bool ramping = false;  ///< in its slow start
    bool agent = false;  ///< the host has an agent check
    QString agentAnswer;  ///< its agent's last line, printable
    QStringList agentChanged;  ///< what the agent's last effective answer changed
    qint64 agentAnswers = 0;
    qint64 agentFailures = 0;
    int maxConns = 0;
    qint64 active = 0;
    qint64 total = 0;
    qint64 failedConnects = 0;
    qint64 bytesIn = 0;  ///< backend -> client
    qint64 bytesOut = 0;  ///< client -> backend
    double connectionRate = 0;
    double bytesInRate = 0;
    double bytesOutRate = 0;
    bool backup = false;  ///< backup="yes"
    bool standby = false;  ///< a backup held back now
    qint64 drainDeadlineMs = 0;  ///< a guided drain's deadline (ms since the epoch, UTC), or 0
    QString drainThen;  ///< a guided drain's action ("remove", "maintenance"), or empty
};

/// A group's DNS discovery (<discover srv>) as last seen.
struct DiscoveryStats
{
    QString srv;  ///< empty: the group has no <discover>
    qint64 intervalMs = 0;
    QDateTime lastLookup;  ///< invalid before the first answer
    QString result;  ///< "pending", "ok", "error"
    QString error;  ///< the last failure, while it lasts
    QStringList records;  ///< "priority weight port target" of the last good answer
    qint64 nextLookupMs = 0;  ///< the wait before the next lookup, as planned (TTL-bound)
    qint64 lookupsOk = 0;  ///< lookups of this group's SRV record so far that answered
    qint64 lookupsFailed = 0;  ///< ... and that failed (balancier_discovery_lookups_total)
};

struct GroupStats
{
    QString name;
    QString scheduler;
    int tableSize = 0;  ///< "maglev" only: the lookup table's entries; 0 for the others
    double balanceFactor = 0;  ///< "maglev" only: the bounded load factor; 0 when none
    bool enabled = false;
    QString proxy = QStringLiteral("no");  ///< the PROXY header it sends its hosts: "no", "v1", "v2"
    QList<HostStats> hosts;
    bool backupActive = false;  ///< no primary is up: backup hosts take the clients
    DiscoveryStats discovery;
    qint64 active = 0;
    qint64 total = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    double connectionRate = 0;
    double bytesInRate = 0;
    double bytesOutRate = 0;
};

/// A listener that expects a PROXY protocol header (<listen acceptproxy>).
struct ProxyListenerStats
{
    QString listen;  ///< as configured
    QString acceptProxy;  ///< "v1", "v2" or "v1,v2"
    QStringList trusted;
    qint64 timeoutMs = 0;
};

/// One TLS route of a service (<route>) and the connections it took since
/// start; label "default" is the enabled group's share.
struct RouteStats
{
    QString label;  ///< RouteConfig::label(): "sni=a.example alpn=h2", "plain", "default"
    QString group;
    qint64 connections = 0;

    friend bool operator==(const RouteStats &, const RouteStats &) = default;
};

/// A listener that terminates TLS (<listen tls="terminate">): its default
/// certificate and its handshakes.
struct TlsListenerStats
{
    static constexpr int ExpiryWarningDays = 14;

    QString listen;  ///< as configured
    QString subject;  ///< the default certificate's subject, e.g. "CN=www.example"
    QStringList names;  ///< its subject alternative names (DNS and IP)
    QDateTime notAfter;  ///< its expiry (UTC)
    qint64 daysLeft = 0;  ///< whole days until notAfter; negative once expired
    bool expiresSoon = false;  ///< under 14 days left (or expired)
    int certificates = 0;  ///< the default one and the <cert> ones
    /// The earliest expiry among all its certificates (the SNI ones too).
    QDateTime earliestNotAfter;
    qint64 handshakes = 0;
    qint64 failures = 0;
    qint64 timeouts = 0;
    double handshakeRate = 0;  ///< completed handshakes per second, over the rate window
    bool ktls = false;  ///< kernel TLS in use on at least one connection of this listener
    qint64 ktlsConnections = 0;
};

struct ServiceStats
{
    QString name;
    QStringList listeners;  ///< bound addresses, actual ports
    QString enabledGroup;
    QList<GroupStats> groups;
    qint64 active = 0;
    qint64 total = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    double connectionRate = 0;
    double bytesInRate = 0;
    double bytesOutRate = 0;
    bool aggressive = false;  ///< every host of the enabled group is down
    /// Connections refused before a backend was picked, by termination code
    /// ("proxy-untrusted", "proxy-bad-header", "proxy-timeout"); only codes seen.
    QMap<QString, qint64> refused;
    QList<ProxyListenerStats> proxyListeners;
    QList<TlsListenerStats> tlsListeners;
    /// Connections that ended, by termination code ("client-close", ...);
    /// codes never seen are absent.
    QMap<QString, qint64> closed;
    /// Admission (<acl>, <limit>): clients refused since start, by reason,
    /// and those a dry-run limit would have refused.
    qint64 refusedAcl = 0;
    qint64 refusedConcurrent = 0;
    qint64 refusedRate = 0;
    qint64 dryRunConcurrent = 0;
    qint64 dryRunRate = 0;
    qint64 aclRules = -1;  ///< rules of the <acl> in force; -1: none
    qint64 trackedSources = -1;  ///< sources in the <limit> table; -1: no <limit>
    qint64 sourceEvictions = 0;  ///< sources forgotten to make room in that table
    qint64 sourceUntracked = 0;  ///< connections let through uncounted: that table was full of busy sources
    /// TLS routing: each route in order, then the plain one, then "default"; empty without <route>.
    QList<RouteStats> routes;
};

/// One batched picture of the whole balancer, taken at most 10 times a second.
/// One worker thread's share of the clients (SO_REUSEPORT spreads them by
/// hash, not by load).
struct WorkerStats
{
    qint64 accepted = 0;  ///< connections its acceptors took since start
    qint64 open = 0;  ///< its sessions open now
};

struct StatsSnapshot
{
    QDateTime taken;
    quint64 sequence = 0;
    qint64 activeConnections = 0;  ///< client connections open right now
    qint64 connectionLogDropped = 0;  ///< connection log records dropped (the writer fell behind)
    QString poller;  ///< the workers' IoPoller: "epoll", "kqueue", "poll" or "qt"
    QList<ServiceStats> services;
    QList<WorkerStats> workers;  ///< by worker index
    /// This node's VRRP role: "master", "backup" or "unknown" (HaRoleProbe, <ha>).
    QString haRole = QStringLiteral("unknown");

    const ServiceStats *service(QStringView name) const;
};

}  // namespace Balancier

Q_DECLARE_METATYPE(Balancier::StatsSnapshot)
