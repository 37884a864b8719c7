#include "traffichistory.h"

namespace Balancier {

TrafficHistory::TrafficHistory(QObject *parent)
    : QObject(parent)
{ }

TrafficHistory::~TrafficHistory() = default;

QString TrafficHistory::key(const HostRef &ref)
{
    if (ref.group.isEmpty())
        return ref.service;
    if (ref.host.isEmpty())
        return ref.service + u'/' + ref.group;
    return ref.service + u'/' + ref.group + u'/' + ref.host;
}

QString TrafficHistory::totalKey()
{
    return QStringLiteral("all services");
}

void TrafficHistory::add(QHash<QString, QList<Sample>> &next, const QString &key, const Sample &sample)
{
    QList<Sample> list = m_samples.take(key);
    list.append(sample);
    // Drop what fell out of the window, and never keep more than Capacity.
    const QDateTime oldest = sample.when.addSecs(-WindowSeconds);
    qsizetype drop = 0;
    while (drop < list.size() && list.at(drop).when < oldest)
        ++drop;
    drop = qMax(drop, list.size() - Capacity);
    if (drop > 0)
        list.remove(0, drop);
    next.insert(key, std::move(list));
}

void TrafficHistory::addSnapshot(const StatsSnapshot &snapshot)
{
    const QDateTime when = snapshot.taken.isValid() ? snapshot.taken : QDateTime::currentDateTimeUtc();
    // Snapshots come 2-10 times a second; one sample a second is plenty
    // for a five-minute graph and keeps the memory flat.
    if (m_last.isValid() && m_last.msecsTo(when) < 1000 && m_last <= when)
        return;
    m_last = when;
    QHash<QString, QList<Sample>> next;
    Sample total{when, 0, 0};
    for (const ServiceStats &service : snapshot.services) {
        total.connections += double(service.active);
        total.throughput += service.bytesInRate + service.bytesOutRate;
        add(next, key({service.name, {}, {}}),
            {when, double(service.active), service.bytesInRate + service.bytesOutRate});
        for (const GroupStats &group : service.groups) {
            add(next, key({service.name, group.name, {}}),
                {when, double(group.active), group.bytesInRate + group.bytesOutRate});
            for (const HostStats &host : group.hosts)
                add(next, key({service.name, group.name, host.name}),
                    {when, double(host.active), host.bytesInRate + host.bytesOutRate});
        }
    }
    add(next, totalKey(), total);
    // What was not in this snapshot is gone from the balancer.
    m_samples = std::move(next);
    Q_EMIT updated();
}

void TrafficHistory::clear()
{
    m_samples.clear();
    m_last = {};
    Q_EMIT updated();
}

}  // namespace Balancier
