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
};

/// One batched picture of the whole balancer, taken at most 10 times a second.
struct StatsSnapshot
{
    QDateTime taken;
    quint64 sequence = 0;
    qint64 activeConnections = 0;  ///< client connections open right now
    qint64 connectionLogDropped = 0;  ///< connection log records dropped (the writer fell behind)
    QString poller;  ///< the workers' IoPoller: "epoll", "kqueue", "poll" or "qt"
    QList<ServiceStats> services;
    /// This node's VRRP role: "master", "backup" or "unknown" (HaRoleProbe, <ha>).
    QString haRole = QStringLiteral("unknown");

    const ServiceStats *service(QStringView name) const;
};

}  // namespace Balancier

Q_DECLARE_METATYPE(Balancier::StatsSnapshot)
