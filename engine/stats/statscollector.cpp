#include "statscollector.h"

namespace Balancier {

const ServiceStats *StatsSnapshot::service(QStringView name) const
{
    for (const ServiceStats &service : services) {
        if (service.name == name)
            return &service;
    }
    return nullptr;
}

StatsCollector::StatsCollector()
{
    m_clock.start();
}

HostStats StatsCollector::hostStats(const std::shared_ptr<HostRuntime> &host, qint64 nowMs)
{
    HostStats stats;
    stats.name = host->name();
    stats.address = host->address();
    stats.state = host->stateName();
    if (host->health.load() == HostHealth::Down) {
        stats.reason = host->downReason;
        stats.reasonCode = host->downCause.code;
        stats.reasonParams = host->downCause.params;
    }
    stats.lastChange = host->lastChange;
    stats.weight = host->weight.load(std::memory_order_relaxed);
    stats.effectiveWeight
        = double(host->effectiveWeight.load(std::memory_order_relaxed)) / HostRuntime::WeightScale;
    stats.ramping = host->isRamping();
    stats.agent = host->agent.enabled;
    stats.agentAnswer = host->agent.lastAnswer;
    stats.agentChanged = host->agent.changed;
    stats.agentAnswers = host->agent.answers;
    stats.agentFailures = host->agent.failures;
    stats.maxConns = host->maxConns.load(std::memory_order_relaxed);
    stats.active = host->active.load(std::memory_order_relaxed);
    stats.total = host->total.load(std::memory_order_relaxed);
    stats.failedConnects = host->failedConnects.load(std::memory_order_relaxed);
    stats.bytesIn = host->bytesIn.load(std::memory_order_relaxed);
    stats.bytesOut = host->bytesOut.load(std::memory_order_relaxed);

    History &history = m_history[host.get()];
    if (history.host.lock() != host) {
        // A new host, or an address reused after the old one was freed.
        history = History{host, {}, 0};
    }
    history.seenAt = m_sequence;
    history.samples.append({nowMs, stats.total, stats.bytesIn, stats.bytesOut});
    while (history.samples.size() > 2 && nowMs - history.samples.at(1).atMs >= m_windowMs)
        history.samples.removeFirst();
    const Sample &first = history.samples.first();
    const qint64 spanMs = nowMs - first.atMs;
    if (spanMs > 0) {
        const double seconds = double(spanMs) / 1000.0;
        stats.connectionRate = double(stats.total - first.total) / seconds;
        stats.bytesInRate = double(stats.bytesIn - first.bytesIn) / seconds;
        stats.bytesOutRate = double(stats.bytesOut - first.bytesOut) / seconds;
    }
    return stats;
}

namespace {

template<typename Total, typename Part>
void addTo(Total &total, const Part &part)
{
    total.active += part.active;
    total.total += part.total;
    total.bytesIn += part.bytesIn;
    total.bytesOut += part.bytesOut;
    total.connectionRate += part.connectionRate;
    total.bytesInRate += part.bytesInRate;
    total.bytesOutRate += part.bytesOutRate;
}

}  // namespace

StatsSnapshot StatsCollector::collect(const QList<ServiceView> &services, qint64 activeConnections)
{
    ++m_sequence;
    const qint64 nowMs = m_clock.elapsed();
    StatsSnapshot snapshot;
    snapshot.taken = QDateTime::currentDateTimeUtc();
    snapshot.sequence = m_sequence;
    snapshot.activeConnections = activeConnections;

    for (const ServiceView &view : services) {
        ServiceStats service;
        service.name = view.name;
        service.listeners = view.listeners;
        service.enabledGroup = view.enabledGroup;
        service.aggressive = view.aggressive;
        for (const ListenerProxyRoute &proxy : view.acceptProxy) {
            QStringList versions;
            if (proxy.versions & ListenerProxyConfig::V1)
                versions.append(QStringLiteral("v1"));
            if (proxy.versions & ListenerProxyConfig::V2)
                versions.append(QStringLiteral("v2"));
            service.proxyListeners.append(
                {proxy.listener, versions.join(u','), proxy.trustedText, proxy.timeoutMs});
        }
        if (view.refusals) {
            const auto note = [&service](const char *code, const std::atomic<qint64> &count) {
                if (const qint64 value = count.load(std::memory_order_relaxed); value > 0)
                    service.refused.insert(QString::fromLatin1(code), value);
            };
            note("proxy-untrusted", view.refusals->proxyUntrusted);
            note("proxy-bad-header", view.refusals->proxyBadHeader);
            note("proxy-timeout", view.refusals->proxyTimeout);
        }
        if (view.refusals) {
            service.refusedAcl = view.refusals->aclDenied.load(std::memory_order_relaxed);
            service.refusedConcurrent = view.refusals->limitConcurrent.load(std::memory_order_relaxed);
            service.refusedRate = view.refusals->limitRate.load(std::memory_order_relaxed);
            service.dryRunConcurrent = view.refusals->dryRunConcurrent.load(std::memory_order_relaxed);
            service.dryRunRate = view.refusals->dryRunRate.load(std::memory_order_relaxed);
        }
        service.aclRules = view.aclRules;
        service.trackedSources = view.trackedSources;
        service.sourceEvictions = view.sourceEvictions;
        for (const auto &group : view.groups) {
            GroupStats groupStats;
            groupStats.name = group->name();
            groupStats.scheduler = group->schedulerName();
            if (groupStats.scheduler == u"maglev") {
                groupStats.tableSize = group->maglevTableSize();
                groupStats.balanceFactor = group->balanceFactor();
            }
            groupStats.enabled = group->name() == view.enabledGroup;
            groupStats.proxy = proxySendModeName(group->proxyMode());
            for (const auto &host : group->hosts()) {
                HostStats hostStatsValue = hostStats(host, nowMs);
                addTo(groupStats, hostStatsValue);
                groupStats.hosts.append(std::move(hostStatsValue));
            }
            service.groups.append(std::move(groupStats));
        }
        for (const auto &host : view.draining) {
            GroupStats *target = nullptr;
            for (GroupStats &groupStats : service.groups) {
                if (groupStats.name == host->group())
                    target = &groupStats;
            }
            if (!target) {
                GroupStats removedGroup;
                removedGroup.name = host->group();
                service.groups.append(std::move(removedGroup));
                target = &service.groups.last();
            }
            HostStats hostStatsValue = hostStats(host, nowMs);
            addTo(*target, hostStatsValue);
            target->hosts.append(std::move(hostStatsValue));
        }
        for (const GroupStats &groupStats : std::as_const(service.groups))
            addTo(service, groupStats);
        snapshot.services.append(std::move(service));
    }

    // Forget hosts that were not part of this snapshot.
    for (auto it = m_history.begin(); it != m_history.end();) {
        if (it->seenAt != m_sequence)
            it = m_history.erase(it);
        else
            ++it;
    }
    return snapshot;
}

}  // namespace Balancier
