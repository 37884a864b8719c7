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

TlsListenerStats StatsCollector::tlsStats(const QString &service, const ListenerTlsRoute &tls, qint64 nowMs)
{
    TlsListenerStats stats;
    stats.listen = tls.listener;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!tls.certificates.isEmpty()) {
        const TlsCertificateInfo &main = tls.certificates.constFirst();
        stats.subject = main.subject;
        stats.names = main.names;
        stats.notAfter = main.notAfter;
        stats.daysLeft = main.daysLeft(now);
        stats.certificates = int(tls.certificates.size());
        for (const TlsCertificateInfo &certificate : tls.certificates) {
            if (!stats.earliestNotAfter.isValid() || certificate.notAfter < stats.earliestNotAfter)
                stats.earliestNotAfter = certificate.notAfter;
        }
        stats.expiresSoon = now.daysTo(stats.earliestNotAfter) < TlsListenerStats::ExpiryWarningDays;
    }
    if (tls.counters) {
        stats.handshakes = qint64(tls.counters->handshakes.load(std::memory_order_relaxed));
        stats.failures = qint64(tls.counters->failures.load(std::memory_order_relaxed));
        stats.timeouts = qint64(tls.counters->timeouts.load(std::memory_order_relaxed));
        stats.ktlsConnections = qint64(tls.counters->ktls.load(std::memory_order_relaxed));
        stats.ktls = stats.ktlsConnections > 0;
    }
    // The rate over the collector's window, like the hosts' connection rates.
    HandshakeSample &sample = m_handshakes[service + u'\n' + tls.listener];
    const quint64 count = quint64(stats.handshakes);
    if (sample.atMs == 0 || count < sample.count) {
        sample = {nowMs, count, 0};
    } else if (nowMs - sample.atMs >= std::min<qint64>(m_windowMs, 1000)) {
        sample.rate = double(count - sample.count) * 1000.0 / double(nowMs - sample.atMs);
        sample.atMs = nowMs;
        sample.count = count;
    }
    stats.handshakeRate = sample.rate;
    return stats;
}

HostStats StatsCollector::hostStats(const std::shared_ptr<HostRuntime> &host, qint64 nowMs)
{
    HostStats stats;
    stats.name = host->name();
    stats.address = host->address();
    stats.discovered = host->discovered();
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
    stats.backup = host->backup.load(std::memory_order_relaxed);
    stats.standby = host->standby.load(std::memory_order_relaxed);
    stats.drainDeadlineMs = host->drainDeadlineMs;
    if (host->drainThen != DrainThen::None)
        stats.drainThen = drainThenName(host->drainThen);

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
        for (const ListenerTlsRoute &tls : view.tls)
            service.tlsListeners.append(tlsStats(view.name, tls, nowMs));
        if (view.refusals) {
            const auto note = [&service](const char *code, const std::atomic<qint64> &count) {
                if (const qint64 value = count.load(std::memory_order_relaxed); value > 0)
                    service.refused.insert(QString::fromLatin1(code), value);
            };
            note("proxy-untrusted", view.refusals->proxyUntrusted);
            note("proxy-bad-header", view.refusals->proxyBadHeader);
            note("proxy-timeout", view.refusals->proxyTimeout);
            note("tls-peek-timeout", view.refusals->tlsPeekTimeout);
            note("tls-bad-hello", view.refusals->tlsBadHello);
            note("tls-hello-too-large", view.refusals->tlsHelloTooLarge);
            note("not-tls", view.refusals->notTls);
        }
        if (view.refusals) {
            service.refusedAcl = view.refusals->aclDenied.load(std::memory_order_relaxed);
            service.refusedConcurrent = view.refusals->limitConcurrent.load(std::memory_order_relaxed);
            service.refusedRate = view.refusals->limitRate.load(std::memory_order_relaxed);
            service.dryRunConcurrent = view.refusals->dryRunConcurrent.load(std::memory_order_relaxed);
            service.dryRunRate = view.refusals->dryRunRate.load(std::memory_order_relaxed);
        }
        service.aclRules = view.aclRules;
        for (const ServiceView::Route &route : view.routes)
            service.routes.append(
                {route.label, route.group, route.connections->load(std::memory_order_relaxed)});
        service.trackedSources = view.trackedSources;
        service.sourceEvictions = view.sourceEvictions;
        service.sourceUntracked = view.sourceUntracked;
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
            groupStats.backupActive = group->backupActive();
            groupStats.discovery = view.discovery.value(group->name());
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
