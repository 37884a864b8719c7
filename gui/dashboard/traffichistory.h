#pragma once

#include "client/balancerclient.h"
#include "stats/statssnapshot.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

namespace Balancier {

/// The recent traffic of every service, group and host, sampled from the
/// snapshots a client pushes: open connections and throughput (bytes in
/// plus out per second), at most one sample per second for the last
/// WindowSeconds seconds. The dashboard's TrafficGraph draws from it.
///
/// Keys: "service", "service/group", "service/group/host" (see key()),
/// and totalKey() for the sum of all services. Items that vanish from the
/// snapshots are forgotten.
///
/// Thread contract: GUI thread.
class TrafficHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficHistory)

public:
    struct Sample
    {
        QDateTime when;
        double connections = 0;  ///< open connections
        double throughput = 0;  ///< bytes per second, both directions
    };

    /// How far back the history reaches.
    static constexpr int WindowSeconds = 300;
    /// The most samples kept per item (one a second).
    static constexpr int Capacity = WindowSeconds;

    explicit TrafficHistory(QObject *parent = nullptr);
    ~TrafficHistory() override;

    /// Records what `snapshot` says (ignored within a second of the last sample).
    void addSnapshot(const StatsSnapshot &snapshot);
    /// Forgets everything (a new connection).
    void clear();

    /// Oldest first; empty for an unknown key.
    QList<Sample> samples(const QString &key) const { return m_samples.value(key); }
    /// The key of a host, group (empty host) or service (empty group and host).
    static QString key(const HostRef &ref);
    /// The key of the sum of all services: a name cannot hold a blank, so
    /// it is no service's key.
    static QString totalKey();
    QDateTime lastSampleTime() const { return m_last; }

Q_SIGNALS:
    /// New samples were added (at most once a second).
    void updated();

private:
    void add(QHash<QString, QList<Sample>> &next, const QString &key, const Sample &sample);

    QHash<QString, QList<Sample>> m_samples;
    QDateTime m_last;
};

}  // namespace Balancier
