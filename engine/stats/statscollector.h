#pragma once

#include "runtime/groupruntime.h"
#include "runtime/refusalcounters.h"
#include "runtime/serviceroute.h"
#include "stats/statssnapshot.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace Balancier {

/// What the collector reads for one service.
struct ServiceView
{
    QString name;
    QStringList listeners;  ///< bound addresses
    QString enabledGroup;
    bool aggressive = false;
    QList<std::shared_ptr<GroupRuntime>> groups;
    QList<ListenerProxyRoute> acceptProxy;  ///< listeners that expect a PROXY header
    QList<ListenerTlsRoute> tls;  ///< listeners that terminate TLS
    /// Hosts removed from the config that still have open connections.
    QList<std::shared_ptr<HostRuntime>> draining;
    std::shared_ptr<RefusalCounters> refusals;
    qsizetype aclRules = -1;  ///< -1: no <acl>
    qint64 trackedSources = -1;  ///< -1: no <limit>
    qint64 sourceEvictions = 0;
    qint64 sourceUntracked = 0;
    /// TLS routing: each route's label, group and counter (the engine's, kept across applies).
    struct Route
    {
        QString label;
        QString group;
        std::shared_ptr<const std::atomic<qint64>> connections;
    };
    QList<Route> routes;
    /// DNS discovery of the groups that have <discover>, by group name.
    QHash<QString, DiscoveryStats> discovery;
};

/// Turns the hosts' atomic counters into snapshots with rates.
///
/// Thread contract: control thread only. collect() is called once per tick
/// (at most 10 Hz); it reads atomics and never blocks the data plane.
class StatsCollector final
{
    Q_DISABLE_COPY_MOVE(StatsCollector)

public:
    StatsCollector();

    /// Rates are averaged over this window (default 3 s).
    void setRateWindow(qint64 milliseconds) { m_windowMs = milliseconds; }

    StatsSnapshot collect(const QList<ServiceView> &services, qint64 activeConnections);

private:
    struct Sample
    {
        qint64 atMs;
        qint64 total;
        qint64 bytesIn;
        qint64 bytesOut;
    };
    struct History
    {
        std::weak_ptr<HostRuntime> host;
        QList<Sample> samples;
        quint64 seenAt = 0;
    };

    HostStats hostStats(const std::shared_ptr<HostRuntime> &host, qint64 nowMs);
    TlsListenerStats tlsStats(const QString &service, const ListenerTlsRoute &tls, qint64 nowMs);

    QElapsedTimer m_clock;
    qint64 m_windowMs = 3000;
    quint64 m_sequence = 0;
    QHash<const HostRuntime *, History> m_history;
    /// Handshake counts seen per terminating listener ("service\nlisten"), for the rate.
    struct HandshakeSample
    {
        qint64 atMs = 0;
        quint64 count = 0;
        double rate = 0;
    };
    QHash<QString, HandshakeSample> m_handshakes;
};

}  // namespace Balancier
