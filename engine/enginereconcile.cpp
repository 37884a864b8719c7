#include "engineprivate.h"

#include "config/duration.h"
#include "config/schedulerregistry.h"
#include "logcategories.h"
#include "net/connectionlog.h"
#include "net/eventdispatcherfactory.h"
#include "net/proxyprotocol.h"
#include "net/worker.h"
#include "scheduling/scheduler.h"

#include <algorithm>
#include <limits>

namespace Balancier {

void EnginePrivate::startWorkers(int count)
{
    // Before any worker runs: they reach it through the context.
    connectionLog = std::make_unique<ConnectionLog>(count);
    context.connectionLog = connectionLog.get();
    const PollerSetting poller = pollerSettingFromEnvironment();
    if (!poller.error.isEmpty())
        qCWarning(lcNet, "%s", qUtf8Printable(poller.error));
    for (int i = 0; i < count; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("balancier-worker-%1").arg(i));
        QAbstractEventDispatcher *dispatcher = createWorkerEventDispatcher(poller.choice);
        if (dispatcher)
            thread->setEventDispatcher(dispatcher);
        // All workers get the same kind unless one ran out of descriptors.
        if (i == 0)
            pollerName = QString::fromLatin1(workerPollerName(dispatcher));
        auto *worker = new Worker(context, i);
        worker->moveToThread(thread);
        thread->start();
        workers.append({thread, worker});
    }
    qCInfo(lcNet, "%d worker thread(s), poller %s", count, qUtf8Printable(pollerName));
}

void EnginePrivate::stopWorkers()
{
    for (const WorkerThread &entry : std::as_const(workers)) {
        QMetaObject::invokeMethod(
            entry.worker, [worker = entry.worker] { worker->shutdownNow(); }, Qt::BlockingQueuedConnection);
        entry.thread->quit();
        entry.thread->wait();
        delete entry.worker;
        delete entry.thread;
    }
    workers.clear();
}

void EnginePrivate::stopAccepting()
{
    deferredAcceptors.clear();  // their sockets close with the rest
    deferredAcceptorsTimer.stop();
    // Blocking: when this returns, no worker holds a listening socket any
    // more, so clearing ours closes them and the system refuses new clients.
    // A queued stop would let a worker accept (and serve) a client that
    // arrived after shutdown() had returned. Workers never block on the
    // control thread, so waiting for them cannot deadlock; a worker calling
    // this itself is stopped directly, not through its own (waiting) queue.
    for (const WorkerThread &entry : std::as_const(workers)) {
        if (QThread::currentThread() == entry.thread) {
            entry.worker->stopAccepting();
            continue;
        }
        QMetaObject::invokeMethod(
            entry.worker, [worker = entry.worker] { worker->stopAccepting(); }, Qt::BlockingQueuedConnection);
    }
    listeners.clear();
}

void EnginePrivate::releaseStatsRequest(const QObject *owner, quint64 serial)
{
    const auto it = statsRequests.find(owner);
    if (it == statsRequests.end() || it->serial != serial)
        return;  // released already, or the address belongs to a newer requester
    statsRequests.erase(it);
    updateStatsInterval();
}

void EnginePrivate::updateStatsInterval()
{
    int fastest = 0;
    for (const StatsRequest &request : std::as_const(statsRequests))
        fastest = std::max(fastest, request.hertz);
    const int interval = 1000 / (fastest > 0 ? fastest : Engine::DefaultStatsRate);
    if (statsTimer.interval() != interval)
        statsTimer.setInterval(interval);
}

template<typename Function>
void EnginePrivate::forEachWorker(Function function)
{
    for (const WorkerThread &entry : std::as_const(workers)) {
        QMetaObject::invokeMethod(
            entry.worker, [worker = entry.worker, function] { function(*worker); }, Qt::QueuedConnection);
    }
}

void EnginePrivate::retireHost(const std::shared_ptr<HostRuntime> &host, const HostReason &reason)
{
    if (host->removed.exchange(true))
        return;
    host->recordEvent(QStringLiteral("removed"), reason);
    qCInfo(lcConfig, "service %s: group %s: host %s removed (%s); %lld connection(s) drain",
        qUtf8Printable(host->service()), qUtf8Printable(host->group()), qUtf8Printable(host->name()),
        qUtf8Printable(reason.text()), static_cast<long long>(host->active.load()));
    if (host->active.load() > 0)
        draining.append(host);
    beginHostDrain(host);
}

void EnginePrivate::beginHostDrain(const std::shared_ptr<HostRuntime> &host)
{
    // A guided drain with a deadline of its own: tickGuidedDrains() cuts.
    if (host->drainDeadlineMs > 0 && !host->removed.load())
        return;
    // Even without open connections: a worker may be taking one on the
    // route this apply is replacing. pruneDraining() drops the deadline of
    // a host that has none left, as the stats timer ticks.
    for (const HostDrain &drain : std::as_const(hostDrains)) {
        if (drain.host == host)
            return;  // already draining (set to drain, now removed): the deadline stands
    }
    hostDrains.append({host, clock.elapsed() + hostDrainTimeoutMs, hostDrainTimeoutMs});
    armHostDrainTimer();
}

void EnginePrivate::endHostDrain(const HostRuntime *host)
{
    if (hostDrains.removeIf([host](const HostDrain &drain) { return drain.host.get() == host; }) > 0)
        armHostDrainTimer();
}

void EnginePrivate::armHostDrainTimer()
{
    if (hostDrains.isEmpty()) {
        hostDrainTimer.stop();
        return;
    }
    qint64 earliest = hostDrains.constFirst().deadlineMs;
    for (const HostDrain &drain : std::as_const(hostDrains))
        earliest = std::min(earliest, drain.deadlineMs);
    const qint64 wait = std::clamp<qint64>(earliest - clock.elapsed(), 0, std::numeric_limits<int>::max());
    hostDrainTimer.start(int(wait));
}

void EnginePrivate::cutOverdueDrains()
{
    const qint64 now = clock.elapsed();
    QList<HostDrain> due;
    hostDrains.removeIf([&](const HostDrain &drain) {
        if (drain.deadlineMs > now)
            return false;
        due.append(drain);
        return true;
    });
    for (const HostDrain &drain : std::as_const(due)) {
        const std::shared_ptr<HostRuntime> &host = drain.host;
        const bool removed = host->removed.load();
        if (!removed && host->adminState.load() != HostAdminState::Drain)
            continue;  // back in service: its connections are welcome
        if (host->active.load() == 0)
            continue;
        int cut = 0;
        for (const WorkerThread &entry : std::as_const(workers)) {
            int count = 0;
            QMetaObject::invokeMethod(
                entry.worker,
                [worker = entry.worker, target = host.get()] { return worker->cutSessionsOf(target); },
                Qt::BlockingQueuedConnection, &count);
            cut += count;
        }
        if (cut == 0)
            continue;
        HostStateEvent event;
        event.when = QDateTime::currentDateTimeUtc();
        event.state = removed ? QStringLiteral("removed") : host->stateName();
        const HostReason reason{QStringLiteral("drainTimeout"),
            {{QStringLiteral("timeout"), formatDuration(drain.timeoutMs)}, {QStringLiteral("cut"), cut}}};
        event.reason = reason.text();
        event.reasonCode = reason.code;
        event.reasonParams = reason.params;
        qCWarning(lcNet, "service %s: group %s: host %s (%s): %s", qUtf8Printable(host->service()),
            qUtf8Printable(host->group()), qUtf8Printable(host->name()), removed ? "removed" : "set to drain",
            qUtf8Printable(event.reason));
        host->recordEvent(event.state, reason);
        Q_EMIT q->hostStateChanged(host->service(), host->group(), host->name(), event);
    }
    armHostDrainTimer();
}

void EnginePrivate::hostJoined(const std::shared_ptr<HostRuntime> &host, const HostConfig &config)
{
    if (config.discovered.isEmpty()) {
        host->recordEvent(host->stateName(), {QStringLiteral("added"), {}});
        return;
    }
    host->recordEvent(
        host->stateName(), {QStringLiteral("discovered"), {{QStringLiteral("from"), config.discoveredFrom}}});
    // Slow start (issue 16) hooks in here: a discovered host joins through
    // its group's ramp when the group has one.
}

void EnginePrivate::configureDns(const Config &config)
{
    std::shared_ptr<DnsResolver> dns = dnsOverride;
    if (!dns && (!dnsMade || dnsServer != config.settings.dnsServer)) {
        QString error;
        dns = DnsResolver::create(config.settings.dnsServer, &error);
        if (!dns) {  // the validator refuses such a server; never without a resolver
            qCWarning(lcConfig, "settings dnsserver: %s; using the system resolver", qUtf8Printable(error));
            dns = DnsResolver::create({});
        }
        qCInfo(lcNet, "DNS lookups ask the %s", qUtf8Printable(dns->describe()));
    }
    if (dns && dns != resolver.dnsResolver()) {
        dnsServer = config.settings.dnsServer;
        dnsMade = true;
        resolver.setDnsResolver(dns);
        discovery.setDnsResolver(dns);
    }
    resolver.setRefreshInterval(config.settings.dnsIntervalMs);
    discovery.setConfig(config, config.settings.dnsIntervalMs);
}

void EnginePrivate::applyDiscovered()
{
    if (!started || stopping)
        return;
    const Config effective = discovery.expand(running);
    reconcileServices(effective);
    updateWatchers(effective);
    for (const auto &[host, event] : std::exchange(adminEvents, {}))
        Q_EMIT q->hostStateChanged(host->service(), host->group(), host->name(), event);
}

void EnginePrivate::reconcileServices(const Config &config)
{
    hostDrainTimeoutMs = config.settings.drainTimeoutMs;
    QHash<QString, ServiceState> next;
    for (const ServiceConfig &serviceConfig : config.services) {
        ServiceState state = services.take(serviceConfig.name);
        QList<std::shared_ptr<GroupRuntime>> groups;
        for (const GroupConfig &groupConfig : serviceConfig.groups) {
            const std::shared_ptr<GroupRuntime> old = state.group(groupConfig.name);
            QList<std::shared_ptr<HostRuntime>> hosts;
            QList<HostRuntime *> weightChanged;
            for (const HostConfig &hostConfig : groupConfig.hosts) {
                std::shared_ptr<HostRuntime> host = old ? old->host(hostConfig.name) : nullptr;
                const qint64 slowStartMs = groupConfig.slowStartOf(hostConfig);
                if (host) {
                    // Issue 16: a backup, and a guided drain's deadline and action.
                    host->backup.store(hostConfig.backup, std::memory_order_relaxed);
                    host->drainDeadlineMs = hostConfig.drainDeadlineMs;
                    host->drainThen = hostConfig.drainThen;
                }
                if (!host) {
                    host = std::make_shared<HostRuntime>(serviceConfig.name, groupConfig.name, hostConfig);
                    host->drainDeadlineMs = hostConfig.drainDeadlineMs;
                    host->drainThen = hostConfig.drainThen;
                    hostJoined(host, hostConfig);
                    host->slowStartMs = slowStartMs;
                    // A host that joins a running balancer ramps up too (discovery included).
                    if (servicesReconciled)
                        host->startSlowStart(feedbackNowMs());
                } else {
                    host->slowStartMs = slowStartMs;
                    if (host->address() != hostConfig.address) {
                        host->recordEvent(host->stateName(),
                            {QStringLiteral("addressChanged"),
                                {{QStringLiteral("from"), host->address()},
                                    {QStringLiteral("to"), hostConfig.address}}});
                        host->setAddress(hostConfig.address);
                    }
                    host->weight.store(hostConfig.weight);
                    host->configMaxConns = hostConfig.maxConns;
                    host->maxConns.store(host->combinedMaxConns());
                    host->configAdminState = hostConfig.adminState;
                    // The agent's state counts too: an apply does not undo what it set.
                    const HostAdminState adminState = host->combinedAdminState();
                    if (host->adminState.exchange(adminState) != adminState) {
                        host->recordEvent(host->stateName(), {QStringLiteral("adminChange"), {}});
                        adminEvents.append({host, host->history().constLast()});
                        qCInfo(lcConfig, "service %s: group %s: host %s is now %s",
                            qUtf8Printable(serviceConfig.name), qUtf8Printable(groupConfig.name),
                            qUtf8Printable(hostConfig.name), qUtf8Printable(host->stateName()));
                        if (adminState == HostAdminState::Drain)
                            beginHostDrain(host);
                        else
                            endHostDrain(host.get());
                        if (adminState == HostAdminState::Ready)
                            host->startSlowStart(feedbackNowMs());
                    }
                }
                if (host->refreshEffectiveWeight(feedbackNowMs()))
                    weightChanged.append(host.get());
                host->proxyMode.store(groupConfig.proxyOf(hostConfig), std::memory_order_relaxed);
                hosts.append(host);
            }
            if (old) {
                for (const auto &host : old->hosts()) {
                    if (hosts.contains(host))
                        continue;
                    if (host->discovered().isEmpty())
                        retireHost(host, {QStringLiteral("removedFromConfig"), {}});
                    else
                        retireHost(host,
                            {QStringLiteral("undiscovered"), {{QStringLiteral("from"), host->discovered()}}});
                }
            }
            const bool reuse = old && old->hosts() == hosts && old->hasSchedulingOf(groupConfig);
            if (reuse) {
                for (HostRuntime *host : std::as_const(weightChanged))
                    old->scheduler().weightChanged(host);
                groups.append(old);
            } else {
                groups.append(std::make_shared<GroupRuntime>(serviceConfig.name, groupConfig, hosts));
            }
            groups.last()->setProxyMode(groupConfig.proxy);
            groups.last()->setLifecyclePolicy(groupConfig);
        }
        for (const auto &old : std::as_const(state.groups)) {
            bool kept = false;
            for (const auto &group : std::as_const(groups))
                kept = kept || group->name() == old->name();
            if (!kept) {
                for (const auto &host : old->hosts())
                    retireHost(host, {QStringLiteral("groupRemoved"), {}});
            }
        }
        state.groups = groups;
        for (const auto &group : std::as_const(groups)) {
            for (const auto &host : group->hosts()) {
                if (host->isRamping())
                    armSlowStartTimer();
            }
        }
        if (state.enabledGroup != serviceConfig.enabledGroup && !state.enabledGroup.isEmpty()) {
            qCInfo(lcConfig, "service %s: enabled group %s -> %s; open connections stay where they are",
                qUtf8Printable(serviceConfig.name), qUtf8Printable(state.enabledGroup),
                qUtf8Printable(serviceConfig.enabledGroup));
        }
        state.enabledGroup = serviceConfig.enabledGroup;

        auto route = std::make_shared<ServiceRoute>();
        route->service = serviceConfig.name;
        route->group = state.group(serviceConfig.enabledGroup);
        // Allowed at runtime (pythondirector's delAllHosts on the enabled
        // group); the acceptors then close new clients at once.
        const bool empty = route->group && route->group->hosts().isEmpty();
        if (empty && !state.enabledGroupEmpty) {
            qCWarning(lcConfig,
                "service %s: enabled group %s has no host: new clients are refused until a host is added",
                qUtf8Printable(serviceConfig.name), qUtf8Printable(serviceConfig.enabledGroup));
        } else if (!empty && state.enabledGroupEmpty) {
            qCInfo(lcConfig,
                "service %s: enabled group %s has %lld host(s) now; new clients are accepted again",
                qUtf8Printable(serviceConfig.name), qUtf8Printable(serviceConfig.enabledGroup),
                static_cast<long long>(route->group ? route->group->hosts().size() : 0));
        }
        state.enabledGroupEmpty = empty;
        route->timeouts = config.effectiveTimeouts(serviceConfig);
        route->terminations = state.terminations;
        for (const ListenerProxyConfig &options : serviceConfig.listenerProxy) {
            if (!options.acceptsProxy())
                continue;
            ListenerProxyRoute proxy;
            proxy.listener = options.listener;
            proxy.trustedText = options.trusted;
            proxy.versions = options.versions;
            proxy.timeoutMs = options.timeoutMs;
            for (const QString &entry : options.trusted) {
                if (const std::optional<ProxyTrust> range = ProxyTrust::parse(entry, nullptr))
                    proxy.trusted.append(*range);
            }
            route->acceptProxy.append(std::move(proxy));
        }
        // Built here, on the control thread; a reload publishes a new route.
        route->tlsListeners = refreshTls(state, serviceConfig);
        // Listener options change without rebinding: the acceptors read them
        // from the route at each accept.
        // Compiled here, on the control thread, and published with the
        // route: a worker sees the old rule set or the new one, whole.
        if (!serviceConfig.acl.enabled) {
            state.acl.reset();
        } else if (!state.acl || !(state.aclConfig == serviceConfig.acl)) {
            QElapsedTimer compileTime;
            compileTime.start();
            state.acl = SourceAcl::compile(serviceConfig.acl);
            qCInfo(lcConfig, "service %s: ACL of %lld rule(s) compiled into %lld range(s) in %lld ms",
                qUtf8Printable(serviceConfig.name), static_cast<long long>(serviceConfig.acl.rules.size()),
                static_cast<long long>(state.acl->rangeCount()),
                static_cast<long long>(compileTime.elapsed()));
        }
        state.aclConfig = serviceConfig.acl;
        if (!serviceConfig.limit.enabled) {
            state.limiter.reset();
        } else if (!state.limiter || !(state.limitConfig == serviceConfig.limit)) {
            // A changed <limit> starts a new table; connections counted in
            // the old one release their places there.
            state.limiter = std::make_shared<SourceLimiter>(serviceConfig.limit);
        }
        state.limitConfig = serviceConfig.limit;
        route->acl = state.acl;
        route->limiter = state.limiter;
        route->refusals = state.refusals;
        reconcileTlsRoutes(serviceConfig, state);
        route->tls = state.tls;
        const std::shared_ptr<const ServiceRoute> current = state.slot->load();
        if (!current || current->group != route->group || !(current->timeouts == route->timeouts)
            || current->acceptProxy != route->acceptProxy || current->acl != route->acl
            || current->limiter != route->limiter || current->tls != route->tls
            || current->tlsListeners != route->tlsListeners) {
            state.slot->store(std::move(route));
        }
        next.insert(serviceConfig.name, std::move(state));
    }
    // Services that are gone.
    for (auto it = services.cbegin(); it != services.cend(); ++it) {
        it->slot->store(nullptr);
        for (const auto &group : it->groups) {
            for (const auto &host : group->hosts())
                retireHost(host, {QStringLiteral("serviceRemoved"), {}});
        }
    }
    services = std::move(next);
    servicesReconciled = true;
}

void EnginePrivate::reconcileTlsRoutes(const ServiceConfig &serviceConfig, ServiceState &state)
{
    if (serviceConfig.routes.isEmpty()) {
        state.tls.reset();
        return;
    }
    // Compiled here, on the control thread, and published with the route;
    // built anew at each apply because the groups it points to may be new.
    state.tls = TlsRouter::compile(
        serviceConfig, [&state](const QString &name) { return state.group(name); },
        [&state](const QString &label) {
            std::shared_ptr<TlsRouter::Counter> &counter = state.routeCounters[label];
            if (!counter)
                counter = std::make_shared<TlsRouter::Counter>(0);
            return counter;
        });
}

void EnginePrivate::reconcileListeners(const Config &config, ApplyResult &result)
{
    // Keyed by address text: a listener that moves to another service keeps its sockets.
    QList<ListenerState> kept;
    QList<QPair<QString, QString>> wanted;  // service, address
    for (const ServiceConfig &service : config.services) {
        for (const QString &address : service.listeners)
            wanted.append({service.name, address});
    }
    for (ListenerState &listener : listeners) {
        auto match = std::find_if(wanted.begin(), wanted.end(),
            [&](const auto &entry) { return entry.second == listener.configured; });
        if (match == wanted.end() || !listener.bound.ok()) {
            const quint64 id = listener.id;
            forEachWorker([id](Worker &worker) { worker.removeAcceptor(id); });
            if (listener.bound.ok())
                qCInfo(lcNet, "service %s: stopped listening on %s", qUtf8Printable(listener.service),
                    qUtf8Printable(listener.bound.bound));
            continue;
        }
        if (match->first != listener.service) {
            listener.service = match->first;
            const quint64 id = listener.id;
            const std::shared_ptr<RouteSlot> slot = services.value(listener.service).slot;
            forEachWorker([id, slot](Worker &worker) { worker.retargetAcceptor(id, slot); });
        }
        wanted.erase(match);
        kept.append(std::move(listener));
    }
    for (const auto &[service, address] : std::as_const(wanted)) {
        ListenerState listener;
        listener.id = nextListenerId++;
        listener.service = service;
        listener.configured = address;
        bool adopted = false;
        listener.bound = bindOrAdopt(address, &adopted);
        if (!listener.bound.ok()) {
            qCCritical(
                lcNet, "service %s: %s", qUtf8Printable(service), qUtf8Printable(listener.bound.error));
            result.warnings.append(QStringLiteral("service %1: %2").arg(service, listener.bound.error));
            Q_EMIT q->listenerFailed(service, address, listener.bound.error);
        } else {
            qCInfo(lcNet, "service %s: listening on %s", qUtf8Printable(service),
                qUtf8Printable(listener.bound.bound));
            const std::shared_ptr<RouteSlot> slot = services.value(service).slot;
            if (adopted && resolvingHosts()) {
                deferredAcceptors.append({listener.id, address, listener.bound.sockets, slot});
                deferredAcceptorsTimer.start();
            } else {
                addAcceptors(listener.id, address, listener.bound.sockets, slot);
            }
        }
        kept.append(std::move(listener));
    }
    listeners = std::move(kept);
}

void EnginePrivate::addAcceptors(quint64 listenerId, const QString &configured,
    const QList<std::shared_ptr<ListenSocket>> &sockets, std::shared_ptr<RouteSlot> slot)
{
    // One socket per worker with SO_REUSEPORT, else all share one.
    // Inherited sockets may be fewer or more than the workers: every
    // worker accepts, and every socket is accepted from.
    const qsizetype pairs = std::max<qsizetype>(sockets.size(), workers.size());
    for (qsizetype i = 0; i < pairs; ++i) {
        std::shared_ptr<ListenSocket> socket = sockets.at(i % sockets.size());
        Worker *worker = workers.at(i % workers.size()).worker;
        QMetaObject::invokeMethod(
            worker,
            [worker, listenerId, configured, socket, slot] {
                worker->addAcceptor(listenerId, configured, socket, slot);
            },
            Qt::QueuedConnection);
    }
}

bool EnginePrivate::resolvingHosts() const
{
    for (const ServiceState &service : services) {
        for (const auto &group : service.groups) {
            for (const auto &host : group->hosts()) {
                if (resolver.isResolving(host))
                    return true;
            }
        }
    }
    return false;
}

void EnginePrivate::startDeferredAcceptors(bool force)
{
    if (deferredAcceptors.isEmpty() || (!force && resolvingHosts()))
        return;
    if (force)
        qCWarning(lcNet, "host names still being looked up; accepting on the inherited sockets anyway");
    deferredAcceptorsTimer.stop();
    for (const DeferredAcceptors &deferred : std::exchange(deferredAcceptors, {})) {
        // A reload in between may have removed the listener.
        const bool exists = std::any_of(listeners.cbegin(), listeners.cend(),
            [&](const ListenerState &listener) { return listener.id == deferred.listenerId; });
        if (exists)
            addAcceptors(deferred.listenerId, deferred.configured, deferred.sockets, deferred.slot);
    }
}

BoundSockets EnginePrivate::bindOrAdopt(const QString &address, bool *adopted)
{
    const QList<SocketOps::Socket> inherited = inheritedSockets.take(address);
    *adopted = !inherited.isEmpty();
    if (inherited.isEmpty())
        return bindListener(address, int(workers.size()));
    BoundSockets result;
    for (const SocketOps::Socket socket : inherited)
        result.sockets.append(std::make_shared<ListenSocket>(socket));
    QHostAddress host;
    SocketOps::localAddress(inherited.constFirst(), &host, &result.port);
    result.bound = address.startsWith(u"*:") ? QStringLiteral("*:%1").arg(result.port)
                                             : SocketOps::addressToString(host, result.port);
    qCInfo(lcNet, "listener %s: adopted %lld inherited socket(s) on %s", qUtf8Printable(address),
        static_cast<long long>(inherited.size()), qUtf8Printable(result.bound));
    return result;
}

void EnginePrivate::closeUnadoptedSockets()
{
    for (auto it = inheritedSockets.cbegin(); it != inheritedSockets.cend(); ++it) {
        qCInfo(lcNet, "listener %s: not in the config any more; its %lld inherited socket(s) are closed",
            qUtf8Printable(it.key()), static_cast<long long>(it.value().size()));
        for (const SocketOps::Socket socket : it.value())
            SocketOps::close(socket);
    }
    inheritedSockets.clear();
}

void EnginePrivate::updateWatchers(const Config &config)
{
    QList<HealthMonitor::Target> targets;
    QList<std::shared_ptr<HostRuntime>> hosts;
    for (const ServiceConfig &serviceConfig : config.services) {
        const ServiceState &state = services[serviceConfig.name];
        for (const GroupConfig &groupConfig : serviceConfig.groups) {
            const std::shared_ptr<GroupRuntime> group = state.group(groupConfig.name);
            const HealthConfig healthConfig = config.effectiveHealth(serviceConfig, groupConfig);
            for (const auto &host : group->hosts()) {
                QByteArray proxyHeader;
                if (const HostConfig *hostConfig = groupConfig.host(host->name())) {
                    const ProxySendMode mode = groupConfig.proxyOf(*hostConfig);
                    const ProxyProtocol::Bytes header = mode == ProxySendMode::V2
                        ? ProxyProtocol::buildV2Local()
                        : mode == ProxySendMode::V1 ? ProxyProtocol::buildV1Unknown()
                                                    : ProxyProtocol::Bytes();
                    proxyHeader = QByteArray(header.constData(), header.size());
                }
                targets.append(
                    {host, healthConfig, groupConfig.name == serviceConfig.enabledGroup, proxyHeader});
                hosts.append(host);
            }
        }
    }
    resolver.setHosts(hosts);
    health.setTargets(targets, config.checkTimeMs);
}

void EnginePrivate::handleHealthChange(
    const std::shared_ptr<HostRuntime> &host, HostHealth from, HostHealth to, const HostReason &reason)
{
    Q_UNUSED(from);
    const ServiceState state = services.value(host->service());
    if (to == HostHealth::Up)
        startSlowStart(host);
    if (const std::shared_ptr<GroupRuntime> group = state.group(host->group())) {
        if (to == HostHealth::Up)
            group->scheduler().hostUp(host.get());
        else
            group->scheduler().hostDown(host.get());
        // ondown="shutdown-sessions": its open connections go with it.
        if (to == HostHealth::Down && group->onDown() == HostDownAction::ShutdownSessions) {
            const int cut = cutHostSessions(host.get(), Termination::HostDown);
            if (cut > 0)
                qCWarning(lcNet, "service %s: group %s: host %s is down: cut %d open connection(s) (ondown)",
                    qUtf8Printable(host->service()), qUtf8Printable(host->group()),
                    qUtf8Printable(host->name()), cut);
        }
        updateBackups(group);
    }
    HostStateEvent event;
    event.when = QDateTime::currentDateTimeUtc();
    event.state = host->stateName();
    event.reason = reason.text();
    event.reasonCode = reason.code;
    event.reasonParams = reason.params;
    Q_EMIT q->hostStateChanged(host->service(), host->group(), host->name(), event);
}

std::shared_ptr<HostRuntime> EnginePrivate::findHost(
    const QString &service, const QString &group, const QString &host) const
{
    const auto it = services.constFind(service);
    if (it == services.cend())
        return {};
    const std::shared_ptr<GroupRuntime> runtime = it->group(group);
    return runtime ? runtime->host(host) : nullptr;
}

QList<ServiceView> EnginePrivate::views() const
{
    QList<ServiceView> result;
    for (const ServiceConfig &serviceConfig : running.services) {
        const ServiceState state = services.value(serviceConfig.name);
        ServiceView view;
        view.name = serviceConfig.name;
        for (const ListenerState &listener : listeners) {
            if (listener.service == serviceConfig.name && listener.bound.ok())
                view.listeners.append(listener.bound.bound);
        }
        view.enabledGroup = state.enabledGroup;
        view.aggressive = health.isAggressive(serviceConfig.name);
        view.groups = state.groups;
        if (const std::shared_ptr<const ServiceRoute> route = state.slot->load()) {
            view.acceptProxy = route->acceptProxy;
            view.tls = route->tlsListeners;
        }
        view.refusals = state.refusals;
        const QHash<QString, DiscoveryState> discovered = discovery.stats(serviceConfig.name);
        for (auto it = discovered.cbegin(); it != discovered.cend(); ++it) {
            const DiscoveryState &found = it.value();
            view.discovery.insert(it.key(),
                DiscoveryStats{found.srv, found.intervalMs, found.lastLookup, found.result, found.error,
                    found.records, found.nextLookupMs, found.lookupsOk, found.lookupsFailed});
        }
        view.aclRules = state.acl ? serviceConfig.acl.rules.size() : -1;
        if (state.tls) {
            for (const TlsRouter::Route &route : state.tls->routes())
                view.routes.append({route.label, route.group->name(), route.connections});
            if (const TlsRouter::Route *plain = state.tls->plain())
                view.routes.append({plain->label, plain->group->name(), plain->connections});
            view.routes.append({TlsRouter::defaultLabel(), state.enabledGroup,
                state.routeCounters.value(TlsRouter::defaultLabel())});
        }
        if (state.limiter) {
            view.trackedSources = state.limiter->trackedSources();
            view.sourceEvictions = state.limiter->evictions();
            view.sourceUntracked = state.limiter->untracked();
        }
        for (const auto &host : draining) {
            if (host->service() == serviceConfig.name)
                view.draining.append(host);
        }
        result.append(std::move(view));
    }
    return result;
}

void EnginePrivate::reportRefusals()
{
    const qint64 now = clock.elapsed();
    for (auto it = services.begin(); it != services.end(); ++it) {
        ServiceState &state = *it;
        const RefusalCounters &counters = *state.refusals;
        const std::array<qint64, 12> counts = {counters.aclDenied.load(std::memory_order_relaxed),
            counters.limitConcurrent.load(std::memory_order_relaxed),
            counters.limitRate.load(std::memory_order_relaxed),
            counters.dryRunConcurrent.load(std::memory_order_relaxed),
            counters.dryRunRate.load(std::memory_order_relaxed),
            counters.proxyUntrusted.load(std::memory_order_relaxed),
            counters.proxyBadHeader.load(std::memory_order_relaxed),
            counters.proxyTimeout.load(std::memory_order_relaxed),
            counters.tlsPeekTimeout.load(std::memory_order_relaxed),
            counters.tlsBadHello.load(std::memory_order_relaxed),
            counters.tlsHelloTooLarge.load(std::memory_order_relaxed),
            counters.notTls.load(std::memory_order_relaxed)};
        if (counts == state.reportedRefusals || now - state.lastRefusalEventMs < 1000)
            continue;
        static const std::array<QString, 12> names
            = {QStringLiteral("acl-denied"), QStringLiteral("limit-concurrent"), QStringLiteral("limit-rate"),
                QStringLiteral("dryrun-concurrent"), QStringLiteral("dryrun-rate"),
                QStringLiteral("proxy-untrusted"), QStringLiteral("proxy-bad-header"),
                QStringLiteral("proxy-timeout"), QStringLiteral("tls-peek-timeout"),
                QStringLiteral("tls-bad-hello"), QStringLiteral("tls-hello-too-large"),
                QStringLiteral("not-tls")};
        QVariantMap since;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] != state.reportedRefusals[i])
                since.insert(names[i], counts[i] - state.reportedRefusals[i]);
        }
        const qint64 span = state.lastRefusalEventMs < 0 ? 0 : now - state.lastRefusalEventMs;
        state.reportedRefusals = counts;
        state.lastRefusalEventMs = now;
        Q_EMIT q->connectionsRefused(it.key(), since, span);
    }
}

void EnginePrivate::pruneDraining()
{
    // A drain that has finished needs no deadline any more.
    hostDrains.removeIf([](const HostDrain &drain) { return drain.host->active.load() == 0; });
    draining.removeIf([](const std::shared_ptr<HostRuntime> &host) {
        if (host->active.load() > 0)
            return false;
        qCInfo(lcNet, "service %s: group %s: host %s drained", qUtf8Printable(host->service()),
            qUtf8Printable(host->group()), qUtf8Printable(host->name()));
        return true;
    });
}

void EnginePrivate::checkDrained()
{
    const qint64 open = context.activeClients.load();
    if (open > 0 && clock.elapsed() < drainDeadlineMs)
        return;
    drainTimer.stop();
    int cut = 0;
    if (open > 0) {
        for (const WorkerThread &entry : std::as_const(workers)) {
            int count = 0;
            QMetaObject::invokeMethod(
                entry.worker, [worker = entry.worker] { return worker->cutSessions(Termination::Shutdown); },
                Qt::BlockingQueuedConnection, &count);
            cut += count;
        }
        qCWarning(lcNet, "drain timeout: cut %d open connection(s)", cut);
    } else {
        qCInfo(lcNet, "all connections finished");
    }
    Q_EMIT q->stopped(cut);
}

}  // namespace Balancier
