#include "statsjson.h"

#include <QJsonArray>

namespace Balancier {

namespace {

template<typename Stats>
void writeTotals(QJsonObject &object, const Stats &stats)
{
    object.insert(QStringLiteral("active"), stats.active);
    object.insert(QStringLiteral("total"), stats.total);
    object.insert(QStringLiteral("bytesIn"), stats.bytesIn);
    object.insert(QStringLiteral("bytesOut"), stats.bytesOut);
    object.insert(QStringLiteral("connectionRate"), stats.connectionRate);
    object.insert(QStringLiteral("bytesInRate"), stats.bytesInRate);
    object.insert(QStringLiteral("bytesOutRate"), stats.bytesOutRate);
}

template<typename Stats>
void readTotals(const QJsonObject &object, Stats &stats)
{
    stats.active = object.value(QStringLiteral("active")).toInteger();
    stats.total = object.value(QStringLiteral("total")).toInteger();
    stats.bytesIn = object.value(QStringLiteral("bytesIn")).toInteger();
    stats.bytesOut = object.value(QStringLiteral("bytesOut")).toInteger();
    stats.connectionRate = object.value(QStringLiteral("connectionRate")).toDouble();
    stats.bytesInRate = object.value(QStringLiteral("bytesInRate")).toDouble();
    stats.bytesOutRate = object.value(QStringLiteral("bytesOutRate")).toDouble();
}

QJsonObject hostToJson(const HostStats &host)
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), host.name);
    object.insert(QStringLiteral("address"), host.address);
    if (!host.discovered.isEmpty())
        object.insert(QStringLiteral("discovered"), host.discovered);
    object.insert(QStringLiteral("state"), host.state);
    object.insert(QStringLiteral("reason"), host.reason);
    if (!host.reasonCode.isEmpty()) {
        object.insert(QStringLiteral("reasonCode"), host.reasonCode);
        object.insert(QStringLiteral("reasonParams"), QJsonObject::fromVariantMap(host.reasonParams));
    }
    object.insert(QStringLiteral("lastChange"), host.lastChange.toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("weight"), host.weight);
    object.insert(QStringLiteral("effectiveWeight"), host.effectiveWeight);
    object.insert(QStringLiteral("ramping"), host.ramping);
    if (host.agent) {
        QJsonObject agent;
        agent.insert(QStringLiteral("lastAnswer"), host.agentAnswer);
        agent.insert(QStringLiteral("changed"), QJsonArray::fromStringList(host.agentChanged));
        agent.insert(QStringLiteral("answers"), host.agentAnswers);
        agent.insert(QStringLiteral("failures"), host.agentFailures);
        object.insert(QStringLiteral("agent"), agent);
    }
    object.insert(QStringLiteral("maxConns"), host.maxConns);
    object.insert(QStringLiteral("failedConnects"), host.failedConnects);
    // Issue 16: only when set, to keep the stream small.
    if (host.backup) {
        object.insert(QStringLiteral("backup"), true);
        object.insert(QStringLiteral("standby"), host.standby);
    }
    if (host.drainDeadlineMs > 0)
        object.insert(QStringLiteral("drainDeadlineMs"), host.drainDeadlineMs);
    if (!host.drainThen.isEmpty())
        object.insert(QStringLiteral("drainThen"), host.drainThen);
    writeTotals(object, host);
    return object;
}

HostStats hostFromJson(const QJsonObject &object)
{
    HostStats host;
    host.name = object.value(QStringLiteral("name")).toString();
    host.address = object.value(QStringLiteral("address")).toString();
    host.discovered = object.value(QStringLiteral("discovered")).toString();
    host.state = object.value(QStringLiteral("state")).toString();
    host.reason = object.value(QStringLiteral("reason")).toString();
    host.reasonCode = object.value(QStringLiteral("reasonCode")).toString();
    host.reasonParams = object.value(QStringLiteral("reasonParams")).toObject().toVariantMap();
    host.lastChange
        = QDateTime::fromString(object.value(QStringLiteral("lastChange")).toString(), Qt::ISODateWithMs);
    host.weight = object.value(QStringLiteral("weight")).toInt(1);
    host.effectiveWeight = object.value(QStringLiteral("effectiveWeight")).toDouble(host.weight);
    host.ramping = object.value(QStringLiteral("ramping")).toBool();
    if (const QJsonValue agent = object.value(QStringLiteral("agent")); agent.isObject()) {
        const QJsonObject fields = agent.toObject();
        host.agent = true;
        host.agentAnswer = fields.value(QStringLiteral("lastAnswer")).toString();
        for (const QJsonValue &item : fields.value(QStringLiteral("changed")).toArray())
            host.agentChanged.append(item.toString());
        host.agentAnswers = fields.value(QStringLiteral("answers")).toInteger();
        host.agentFailures = fields.value(QStringLiteral("failures")).toInteger();
    }
    host.maxConns = object.value(QStringLiteral("maxConns")).toInt();
    host.failedConnects = object.value(QStringLiteral("failedConnects")).toInteger();
    host.backup = object.value(QStringLiteral("backup")).toBool();
    host.standby = object.value(QStringLiteral("standby")).toBool();
    host.drainDeadlineMs = object.value(QStringLiteral("drainDeadlineMs")).toInteger();
    host.drainThen = object.value(QStringLiteral("drainThen")).toString();
    readTotals(object, host);
    return host;
}

// DNS discovery: the "discover" object of a group with <discover>.
QJsonObject discoveryToJson(const DiscoveryStats &discovery)
{
    QJsonObject object;
    object.insert(QStringLiteral("srv"), discovery.srv);
    object.insert(QStringLiteral("intervalMs"), discovery.intervalMs);
    object.insert(QStringLiteral("lastLookup"),
        discovery.lastLookup.isValid() ? QJsonValue(discovery.lastLookup.toString(Qt::ISODateWithMs))
                                       : QJsonValue());
    object.insert(QStringLiteral("result"), discovery.result);
    if (!discovery.error.isEmpty())
        object.insert(QStringLiteral("error"), discovery.error);
    object.insert(QStringLiteral("records"), QJsonArray::fromStringList(discovery.records));
    object.insert(QStringLiteral("nextLookupMs"), discovery.nextLookupMs);
    object.insert(QStringLiteral("lookupsOk"), discovery.lookupsOk);
    object.insert(QStringLiteral("lookupsFailed"), discovery.lookupsFailed);
    return object;
}

DiscoveryStats discoveryFromJson(const QJsonObject &object)
{
    DiscoveryStats discovery;
    discovery.srv = object.value(QStringLiteral("srv")).toString();
    discovery.intervalMs = object.value(QStringLiteral("intervalMs")).toInteger();
    discovery.lastLookup
        = QDateTime::fromString(object.value(QStringLiteral("lastLookup")).toString(), Qt::ISODateWithMs);
    discovery.result = object.value(QStringLiteral("result")).toString();
    discovery.error = object.value(QStringLiteral("error")).toString();
    for (const QJsonValue &record : object.value(QStringLiteral("records")).toArray())
        discovery.records.append(record.toString());
    discovery.nextLookupMs = object.value(QStringLiteral("nextLookupMs")).toInteger();
    discovery.lookupsOk = object.value(QStringLiteral("lookupsOk")).toInteger();
    discovery.lookupsFailed = object.value(QStringLiteral("lookupsFailed")).toInteger();
    return discovery;
}

}  // namespace

QJsonArray tlsListenersToJson(const QList<TlsListenerStats> &listeners)
{
    QJsonArray array;
    for (const TlsListenerStats &tls : listeners) {
        QJsonObject listener;
        listener.insert(QStringLiteral("listen"), tls.listen);
        listener.insert(QStringLiteral("subject"), tls.subject);
        listener.insert(QStringLiteral("names"), QJsonArray::fromStringList(tls.names));
        listener.insert(QStringLiteral("notAfter"), tls.notAfter.toString(Qt::ISODate));
        listener.insert(QStringLiteral("daysLeft"), tls.daysLeft);
        listener.insert(QStringLiteral("expiresSoon"), tls.expiresSoon);
        listener.insert(QStringLiteral("certificates"), tls.certificates);
        listener.insert(QStringLiteral("earliestNotAfter"), tls.earliestNotAfter.toString(Qt::ISODate));
        listener.insert(QStringLiteral("handshakes"), tls.handshakes);
        listener.insert(QStringLiteral("handshakeFailures"), tls.failures);
        listener.insert(QStringLiteral("handshakeTimeouts"), tls.timeouts);
        listener.insert(QStringLiteral("handshakeRate"), tls.handshakeRate);
        listener.insert(QStringLiteral("ktls"), tls.ktls);
        listener.insert(QStringLiteral("ktlsConnections"), tls.ktlsConnections);
        array.append(listener);
    }
    return array;
}

QList<TlsListenerStats> tlsListenersFromJson(const QJsonArray &array)
{
    QList<TlsListenerStats> listeners;
    for (const QJsonValue &value : array) {
        const QJsonObject listener = value.toObject();
        TlsListenerStats tls;
        tls.listen = listener.value(QStringLiteral("listen")).toString();
        tls.subject = listener.value(QStringLiteral("subject")).toString();
        for (const QJsonValue &name : listener.value(QStringLiteral("names")).toArray())
            tls.names.append(name.toString());
        tls.notAfter
            = QDateTime::fromString(listener.value(QStringLiteral("notAfter")).toString(), Qt::ISODate);
        tls.daysLeft = listener.value(QStringLiteral("daysLeft")).toInteger();
        tls.expiresSoon = listener.value(QStringLiteral("expiresSoon")).toBool();
        tls.certificates = listener.value(QStringLiteral("certificates")).toInt();
        tls.earliestNotAfter = QDateTime::fromString(
            listener.value(QStringLiteral("earliestNotAfter")).toString(), Qt::ISODate);
        tls.handshakes = listener.value(QStringLiteral("handshakes")).toInteger();
        tls.failures = listener.value(QStringLiteral("handshakeFailures")).toInteger();
        tls.timeouts = listener.value(QStringLiteral("handshakeTimeouts")).toInteger();
        tls.handshakeRate = listener.value(QStringLiteral("handshakeRate")).toDouble();
        tls.ktls = listener.value(QStringLiteral("ktls")).toBool();
        tls.ktlsConnections = listener.value(QStringLiteral("ktlsConnections")).toInteger();
        listeners.append(tls);
    }
    return listeners;
}

QJsonObject statsToJson(const StatsSnapshot &snapshot)
{
    QJsonArray services;
    for (const ServiceStats &service : snapshot.services) {
        QJsonArray groups;
        for (const GroupStats &group : service.groups) {
            QJsonArray hosts;
            for (const HostStats &host : group.hosts)
                hosts.append(hostToJson(host));
            QJsonObject groupObject;
            groupObject.insert(QStringLiteral("name"), group.name);
            groupObject.insert(QStringLiteral("scheduler"), group.scheduler);
            if (group.tableSize > 0)
                groupObject.insert(QStringLiteral("tableSize"), group.tableSize);
            if (group.balanceFactor > 0)
                groupObject.insert(QStringLiteral("balanceFactor"), group.balanceFactor);
            groupObject.insert(QStringLiteral("enabled"), group.enabled);
            groupObject.insert(QStringLiteral("proxy"), group.proxy);
            if (group.backupActive)
                groupObject.insert(QStringLiteral("backupActive"), true);
            if (!group.discovery.srv.isEmpty())
                groupObject.insert(QStringLiteral("discover"), discoveryToJson(group.discovery));
            groupObject.insert(QStringLiteral("hosts"), hosts);
            writeTotals(groupObject, group);
            groups.append(groupObject);
        }
        QJsonObject serviceObject;
        serviceObject.insert(QStringLiteral("name"), service.name);
        serviceObject.insert(QStringLiteral("listeners"), QJsonArray::fromStringList(service.listeners));
        serviceObject.insert(QStringLiteral("enabledGroup"), service.enabledGroup);
        serviceObject.insert(QStringLiteral("aggressive"), service.aggressive);
        // Admission: only for a service that has or had <acl> or <limit>.
        if (service.aclRules >= 0 || service.trackedSources >= 0 || service.refusedAcl
            || service.refusedConcurrent || service.refusedRate || service.dryRunConcurrent
            || service.dryRunRate) {
            QJsonObject refused;
            refused.insert(QStringLiteral("acl-denied"), service.refusedAcl);
            refused.insert(QStringLiteral("limit-concurrent"), service.refusedConcurrent);
            refused.insert(QStringLiteral("limit-rate"), service.refusedRate);
            serviceObject.insert(QStringLiteral("refused"), refused);
            QJsonObject dryRun;
            dryRun.insert(QStringLiteral("limit-concurrent"), service.dryRunConcurrent);
            dryRun.insert(QStringLiteral("limit-rate"), service.dryRunRate);
            serviceObject.insert(QStringLiteral("dryRun"), dryRun);
            serviceObject.insert(QStringLiteral("aclRules"), service.aclRules);
            serviceObject.insert(QStringLiteral("trackedSources"), service.trackedSources);
            serviceObject.insert(QStringLiteral("sourceEvictions"), service.sourceEvictions);
            serviceObject.insert(QStringLiteral("sourceUntracked"), service.sourceUntracked);
        }
        serviceObject.insert(QStringLiteral("groups"), groups);
        if (!service.proxyListeners.isEmpty()) {
            QJsonArray listeners;
            for (const ProxyListenerStats &proxy : service.proxyListeners) {
                QJsonObject listener;
                listener.insert(QStringLiteral("listen"), proxy.listen);
                listener.insert(QStringLiteral("acceptproxy"), proxy.acceptProxy);
                listener.insert(QStringLiteral("trusted"), QJsonArray::fromStringList(proxy.trusted));
                listener.insert(QStringLiteral("proxytimeoutMs"), proxy.timeoutMs);
                listeners.append(listener);
            }
            serviceObject.insert(QStringLiteral("proxyListeners"), listeners);
        }
        if (!service.tlsListeners.isEmpty())
            serviceObject.insert(QStringLiteral("tlsListeners"), tlsListenersToJson(service.tlsListeners));
        if (!service.refused.isEmpty()) {
            // One "refused" object per service: the PROXY codes join the ACL/limit ones above.
            QJsonObject refused = serviceObject.value(QStringLiteral("refused")).toObject();
            for (auto it = service.refused.cbegin(); it != service.refused.cend(); ++it)
                refused.insert(it.key(), it.value());
            serviceObject.insert(QStringLiteral("refused"), refused);
        }
        if (!service.routes.isEmpty()) {
            QJsonArray routes;
            for (const RouteStats &route : service.routes) {
                routes.append(QJsonObject{{QStringLiteral("label"), route.label},
                    {QStringLiteral("group"), route.group},
                    {QStringLiteral("connections"), route.connections}});
            }
            serviceObject.insert(QStringLiteral("routes"), routes);
        }
        writeTotals(serviceObject, service);
        services.append(serviceObject);
    }
    QJsonObject object;
    object.insert(QStringLiteral("taken"), snapshot.taken.toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("sequence"), qint64(snapshot.sequence));
    object.insert(QStringLiteral("activeConnections"), snapshot.activeConnections);
    object.insert(QStringLiteral("role"), snapshot.haRole);
    object.insert(QStringLiteral("poller"), snapshot.poller);
    object.insert(QStringLiteral("services"), services);
    QJsonArray workers;
    for (const WorkerStats &worker : snapshot.workers)
        workers.append(QJsonObject{
            {QStringLiteral("accepted"), worker.accepted}, {QStringLiteral("open"), worker.open}});
    object.insert(QStringLiteral("workers"), workers);
    return object;
}

StatsSnapshot statsFromJson(const QJsonObject &object)
{
    StatsSnapshot snapshot;
    snapshot.taken
        = QDateTime::fromString(object.value(QStringLiteral("taken")).toString(), Qt::ISODateWithMs);
    snapshot.sequence = quint64(object.value(QStringLiteral("sequence")).toInteger());
    snapshot.activeConnections = object.value(QStringLiteral("activeConnections")).toInteger();
    snapshot.haRole = object.value(QStringLiteral("role")).toString(QStringLiteral("unknown"));
    snapshot.poller = object.value(QStringLiteral("poller")).toString();
    for (const QJsonValue &value : object.value(QStringLiteral("workers")).toArray()) {
        const QJsonObject worker = value.toObject();
        snapshot.workers.append({worker.value(QStringLiteral("accepted")).toInteger(),
            worker.value(QStringLiteral("open")).toInteger()});
    }
    const QJsonArray services = object.value(QStringLiteral("services")).toArray();
    for (const QJsonValue &serviceValue : services) {
        const QJsonObject serviceObject = serviceValue.toObject();
        ServiceStats service;
        service.name = serviceObject.value(QStringLiteral("name")).toString();
        for (const QJsonValue &listener : serviceObject.value(QStringLiteral("listeners")).toArray())
            service.listeners.append(listener.toString());
        service.enabledGroup = serviceObject.value(QStringLiteral("enabledGroup")).toString();
        service.aggressive = serviceObject.value(QStringLiteral("aggressive")).toBool();
        for (const QJsonValue &value : serviceObject.value(QStringLiteral("proxyListeners")).toArray()) {
            const QJsonObject listener = value.toObject();
            QStringList trusted;
            for (const QJsonValue &entry : listener.value(QStringLiteral("trusted")).toArray())
                trusted.append(entry.toString());
            service.proxyListeners.append({listener.value(QStringLiteral("listen")).toString(),
                listener.value(QStringLiteral("acceptproxy")).toString(), trusted,
                listener.value(QStringLiteral("proxytimeoutMs")).toInteger()});
        }
        service.tlsListeners
            = tlsListenersFromJson(serviceObject.value(QStringLiteral("tlsListeners")).toArray());
        const QJsonObject refused = serviceObject.value(QStringLiteral("refused")).toObject();
        service.refusedAcl = refused.value(QStringLiteral("acl-denied")).toInteger();
        service.refusedConcurrent = refused.value(QStringLiteral("limit-concurrent")).toInteger();
        service.refusedRate = refused.value(QStringLiteral("limit-rate")).toInteger();
        const QJsonObject dryRun = serviceObject.value(QStringLiteral("dryRun")).toObject();
        service.dryRunConcurrent = dryRun.value(QStringLiteral("limit-concurrent")).toInteger();
        service.dryRunRate = dryRun.value(QStringLiteral("limit-rate")).toInteger();
        service.aclRules = serviceObject.value(QStringLiteral("aclRules")).toInteger(-1);
        service.trackedSources = serviceObject.value(QStringLiteral("trackedSources")).toInteger(-1);
        service.sourceEvictions = serviceObject.value(QStringLiteral("sourceEvictions")).toInteger();
        service.sourceUntracked = serviceObject.value(QStringLiteral("sourceUntracked")).toInteger();
        for (auto it = refused.constBegin(); it != refused.constEnd(); ++it) {
            // The ACL/limit codes have their own fields above; the map holds the others (PROXY).
            if (it.key() != u"acl-denied" && it.key() != u"limit-concurrent" && it.key() != u"limit-rate")
                service.refused.insert(it.key(), it.value().toInteger());
        }
        for (const QJsonValue &value : serviceObject.value(QStringLiteral("routes")).toArray()) {
            const QJsonObject route = value.toObject();
            service.routes.append({route.value(QStringLiteral("label")).toString(),
                route.value(QStringLiteral("group")).toString(),
                route.value(QStringLiteral("connections")).toInteger()});
        }
        readTotals(serviceObject, service);
        for (const QJsonValue &groupValue : serviceObject.value(QStringLiteral("groups")).toArray()) {
            const QJsonObject groupObject = groupValue.toObject();
            GroupStats group;
            group.name = groupObject.value(QStringLiteral("name")).toString();
            group.scheduler = groupObject.value(QStringLiteral("scheduler")).toString();
            group.tableSize = groupObject.value(QStringLiteral("tableSize")).toInt();
            group.balanceFactor = groupObject.value(QStringLiteral("balanceFactor")).toDouble();
            group.enabled = groupObject.value(QStringLiteral("enabled")).toBool();
            group.proxy = groupObject.value(QStringLiteral("proxy")).toString(QStringLiteral("no"));
            group.backupActive = groupObject.value(QStringLiteral("backupActive")).toBool();
            group.discovery = discoveryFromJson(groupObject.value(QStringLiteral("discover")).toObject());
            readTotals(groupObject, group);
            for (const QJsonValue &hostValue : groupObject.value(QStringLiteral("hosts")).toArray())
                group.hosts.append(hostFromJson(hostValue.toObject()));
            service.groups.append(std::move(group));
        }
        snapshot.services.append(std::move(service));
    }
    return snapshot;
}

}  // namespace Balancier
