#include "dnsdiscovery.h"

#include "config/address.h"
#include "config/configlimits.h"
#include "logcategories.h"
#include "platform/socketops.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

constexpr qint64 TtlFloorMs = 1000;

QString watchKey(const QString &service, const QString &group, const QString &host = {})
{
    QString key = service + u'\n' + group;
    if (!host.isEmpty())
        key += u'\n' + host;
    return key;
}

QString srvText(const DnsSrvRecord &record)
{
    return QStringLiteral("%1 %2 %3 %4")
        .arg(record.priority)
        .arg(record.weight)
        .arg(record.port)
        .arg(record.target);
}

QString hostPort(const QString &host, quint16 port)
{
    return host.contains(u':') ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                               : QStringLiteral("%1:%2").arg(host).arg(port);
}

}  // namespace

struct DnsDiscovery::Watch
{
    bool srv = true;
    QString service;
    QString group;
    QString host;  // resolve="all": the host of the config
    QString name;  // what is looked up
    quint16 port = 0;  // resolve="all": the host's port
    qint64 intervalMs = 30000;
    QTimer timer;
    int lookupId = -1;
    bool haveGood = false;
    QList<DnsSrvRecord> records;
    QList<QHostAddress> addresses;
    QDateTime lastLookup;
    QString result = QStringLiteral("pending");
    QString error;
    qint64 plannedWaitMs = 0;
    qint64 lookupsOk = 0;
    qint64 lookupsFailed = 0;

    QStringList names() const
    {
        QStringList list;
        if (srv) {
            for (const DnsSrvRecord &record : records)
                list.append(hostPort(record.target, record.port));
        } else {
            for (const QHostAddress &address : addresses)
                list.append(host + u'/' + address.toString());
        }
        list.sort();
        return list;
    }
};

DnsDiscovery::DnsDiscovery(QObject *parent)
    : QObject(parent)
{ }

DnsDiscovery::~DnsDiscovery() = default;

int DnsDiscovery::hostWeight(quint16 srvWeight)
{
    return std::clamp(int(srvWeight), 1, ConfigLimits::maxWeight);
}

void DnsDiscovery::setDnsResolver(std::shared_ptr<DnsResolver> resolver)
{
    if (m_dns == resolver)
        return;
    m_dns = std::move(resolver);
    // What the old resolver said stays until the new one answers.
    for (auto it = m_watches.begin(); it != m_watches.end(); ++it) {
        (*it)->lookupId = -1;
        arm(**it, 0);
    }
}

void DnsDiscovery::setConfig(const Config &config, qint64 addressIntervalMs)
{
    QHash<QString, std::shared_ptr<Watch>> next;
    const auto want = [&](const QString &key, bool srv, const QString &service, const QString &group,
                          const QString &host, const QString &name, quint16 port, qint64 intervalMs) {
        std::shared_ptr<Watch> watch = m_watches.take(key);
        if (watch && watch->name == name && watch->port == port && watch->intervalMs == intervalMs) {
            next.insert(key, watch);
            return;
        }
        watch = std::make_shared<Watch>();
        watch->srv = srv;
        watch->service = service;
        watch->group = group;
        watch->host = host;
        watch->name = name;
        watch->port = port;
        watch->intervalMs = intervalMs;
        watch->timer.setSingleShot(true);
        connect(&watch->timer, &QTimer::timeout, this, [this, key] { lookup(key); });
        next.insert(key, watch);
        arm(*watch, 0);
    };
    for (const ServiceConfig &service : config.services) {
        for (const GroupConfig &group : service.groups) {
            if (group.discover && !group.discover->srv.isEmpty()) {
                want(watchKey(service.name, group.name), true, service.name, group.name, {},
                    group.discover->srv, 0, group.discover->intervalMs);
            }
            for (const HostConfig &host : group.hosts) {
                if (host.resolve != HostResolveMode::All)
                    continue;
                const std::optional<Address> address = parseAddress(host.address, false);
                QHostAddress numeric;
                if (!address || numeric.setAddress(address->host))
                    continue;  // a number needs no lookup
                want(watchKey(service.name, group.name, host.name), false, service.name, group.name,
                    host.name, address->host, address->port, addressIntervalMs);
            }
        }
    }
    // Watches left here are no longer wanted; their hosts leave with them.
    const bool dropped = std::any_of(m_watches.cbegin(), m_watches.cend(),
        [](const std::shared_ptr<Watch> &watch) { return watch->haveGood; });
    m_watches = std::move(next);
    if (dropped)
        QMetaObject::invokeMethod(this, &DnsDiscovery::hostsChanged, Qt::QueuedConnection);
}

void DnsDiscovery::arm(Watch &watch, qint64 waitMs)
{
    watch.plannedWaitMs = waitMs;
    watch.timer.start(int(std::clamp<qint64>(waitMs, 0, std::numeric_limits<int>::max())));
}

void DnsDiscovery::lookup(const QString &key)
{
    const std::shared_ptr<Watch> watch = m_watches.value(key);
    if (!watch)
        return;
    if (!m_dns)
        m_dns = DnsResolver::create({});
    const int id = m_nextLookupId++;
    watch->lookupId = id;
    auto done = [this, key, id](const DnsAnswer &answer) {
        handleAnswer(key, id, answer);
    };
    if (watch->srv)
        m_dns->lookupSrv(watch->name, this, std::move(done));
    else
        m_dns->lookupAddresses(watch->name, this, std::move(done));
}

void DnsDiscovery::handleAnswer(const QString &key, int lookupId, const DnsAnswer &answer)
{
    const std::shared_ptr<Watch> watch = m_watches.value(key);
    if (!watch || watch->lookupId != lookupId)
        return;  // stopped or restarted meanwhile
    watch->lookupId = -1;
    watch->lastLookup = QDateTime::currentDateTimeUtc();
    // An answer without records is a set of none (a service scaled to
    // zero); only a failure (no such name, no answer, server failure) keeps
    // the last good set.
    const QString error = answer.error;
    const QString what = watch->srv
        ? QStringLiteral("service %1: group %2: discover %3").arg(watch->service, watch->group, watch->name)
        : QStringLiteral("service %1: group %2: host %3: resolve=\"all\" %4")
              .arg(watch->service, watch->group, watch->host, watch->name);
    QVariantMap details{{QStringLiteral("name"), watch->name},
        {QStringLiteral("type"), watch->srv ? QStringLiteral("srv") : QStringLiteral("address")}};
    if (!watch->host.isEmpty())
        details.insert(QStringLiteral("host"), watch->host);
    if (!error.isEmpty()) {
        ++m_lookupsFailed;
        ++watch->lookupsFailed;
        arm(*watch, watch->intervalMs);
        const bool first = watch->result != u"error";
        watch->result = QStringLiteral("error");
        watch->error = error;
        if (first) {  // logged once, until a lookup succeeds again
            qCWarning(lcNet).noquote() << what + u": lookup failed: "_s + error
                    + (watch->haveGood ? u"; keeping the last good set"_s : QString());
            details.insert(QStringLiteral("kind"), QStringLiteral("failed"));
            details.insert(QStringLiteral("error"), error);
            details.insert(QStringLiteral("records"), watch->names());
            Q_EMIT discoveryChanged(watch->service, watch->group, details);
        }
        return;
    }
    ++m_lookupsOk;
    ++watch->lookupsOk;
    const qint64 ttl = answer.minTtlMs();
    arm(*watch,
        ttl < 0 ? watch->intervalMs
                : std::max(std::min(ttl, watch->intervalMs), std::min(TtlFloorMs, watch->intervalMs)));
    const bool recovered = watch->result == u"error";
    watch->result = QStringLiteral("ok");
    watch->error.clear();
    const QStringList before = watch->haveGood ? watch->names() : QStringList();
    watch->haveGood = true;
    if (watch->srv) {
        watch->records = answer.srv;
        std::sort(
            watch->records.begin(), watch->records.end(), [](const DnsSrvRecord &a, const DnsSrvRecord &b) {
                return std::tie(a.priority, a.target, a.port) < std::tie(b.priority, b.target, b.port);
            });
    } else {
        watch->addresses.clear();
        for (const DnsAddressRecord &record : answer.addresses) {
            if (!watch->addresses.contains(record.address))
                watch->addresses.append(record.address);
        }
    }
    const QStringList after = watch->names();
    QStringList added;
    QStringList removed;
    for (const QString &name : after) {
        if (!before.contains(name))
            added.append(name);
    }
    for (const QString &name : before) {
        if (!after.contains(name))
            removed.append(name);
    }
    QStringList records;
    if (watch->srv) {
        for (const DnsSrvRecord &record : std::as_const(watch->records))
            records.append(srvText(record));
    }
    // Weights and priorities may change without a name coming or going.
    const bool recordsChanged = watch->srv && m_lastSrv.value(key) != records;
    m_lastSrv.insert(key, records);
    if (recovered)
        qCInfo(lcNet).noquote() << what + u": lookup succeeds again"_s;
    if (!added.isEmpty() || !removed.isEmpty())
        qCInfo(lcNet).noquote() << what + u": "_s + QString::number(after.size()) + u" host(s); added: "_s
                + (added.isEmpty() ? u"none"_s : added.join(u", "_s)) + u"; removed: "_s
                + (removed.isEmpty() ? u"none"_s : removed.join(u", "_s));
    if (!added.isEmpty() || !removed.isEmpty() || recovered || recordsChanged) {
        details.insert(QStringLiteral("kind"),
            recovered && added.isEmpty() && removed.isEmpty() && !recordsChanged ? QStringLiteral("recovered")
                                                                                 : QStringLiteral("changed"));
        details.insert(QStringLiteral("added"), added);
        details.insert(QStringLiteral("removed"), removed);
        details.insert(QStringLiteral("records"), watch->srv ? records : after);
        Q_EMIT discoveryChanged(watch->service, watch->group, details);
    }
    if (!added.isEmpty() || !removed.isEmpty() || recordsChanged)
        Q_EMIT hostsChanged();
}

Config DnsDiscovery::expand(const Config &input) const
{
    Config config = input;
    for (ServiceConfig &service : config.services) {
        for (GroupConfig &group : service.groups) {
            QList<HostConfig> hosts;
            for (const HostConfig &host : std::as_const(group.hosts)) {
                const std::shared_ptr<Watch> watch = host.resolve == HostResolveMode::All
                    ? m_watches.value(watchKey(service.name, group.name, host.name))
                    : nullptr;
                if (!watch || !watch->haveGood || watch->addresses.isEmpty()) {
                    hosts.append(host);
                    continue;
                }
                for (const QHostAddress &address : std::as_const(watch->addresses)) {
                    HostConfig child = host;
                    child.name = host.name + u'/' + address.toString();
                    child.address = hostPort(address.toString(), watch->port);
                    child.resolve = HostResolveMode::First;
                    child.discovered = QStringLiteral("resolve");
                    child.discoveredFrom = host.name;
                    hosts.append(child);
                }
            }
            if (group.discover) {
                const std::shared_ptr<Watch> watch = m_watches.value(watchKey(service.name, group.name));
                if (watch && watch->haveGood && !watch->records.isEmpty()) {
                    const quint16 primary = watch->records.constFirst().priority;  // sorted by priority
                    for (const DnsSrvRecord &record : std::as_const(watch->records)) {
                        HostConfig host;
                        host.name = hostPort(record.target, record.port);
                        const bool taken = std::any_of(hosts.cbegin(), hosts.cend(),
                            [&](const HostConfig &other) { return other.name == host.name; });
                        if (taken)
                            continue;  // a host of the file, or a record listed twice
                        host.address = host.name;
                        host.weight = hostWeight(record.weight);
                        host.backup = record.priority > primary;
                        host.discovered = QStringLiteral("srv");
                        host.discoveredFrom = watch->name;
                        hosts.append(host);
                    }
                }
            }
            group.hosts = hosts;
        }
    }
    return config;
}

QHash<QString, DiscoveryState> DnsDiscovery::stats(const QString &service) const
{
    QHash<QString, DiscoveryState> result;
    for (const std::shared_ptr<Watch> &watch : m_watches) {
        if (!watch->srv || watch->service != service)
            continue;
        DiscoveryState stats;
        stats.srv = watch->name;
        stats.intervalMs = watch->intervalMs;
        stats.lastLookup = watch->lastLookup;
        stats.result = watch->result;
        stats.error = watch->error;
        for (const DnsSrvRecord &record : watch->records)
            stats.records.append(srvText(record));
        stats.nextLookupMs = watch->plannedWaitMs;
        stats.lookupsOk = watch->lookupsOk;
        stats.lookupsFailed = watch->lookupsFailed;
        result.insert(watch->group, stats);
    }
    return result;
}

}  // namespace Balancier
