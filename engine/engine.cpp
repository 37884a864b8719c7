#include "engine.h"

#include "config/configlimits.h"
#include "config/configvalidator.h"
#include "config/duration.h"
#include "config/schedulerregistry.h"
#include "health/healthmonitor.h"
#include "logcategories.h"
#include "net/enginecontext.h"
#include "net/eventdispatcherfactory.h"
#include "net/hostresolver.h"
#include "net/listenerbinder.h"
#include "net/worker.h"
#include "runtime/groupruntime.h"
#include "runtime/serviceroute.h"
#include "stats/statscollector.h"

#include <QHash>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace Balancier {

QString ApplyResult::errorString() const
{
    QStringList lines;
    for (const Diagnostic &error : errors)
        lines.append(error.toString());
    return lines.join(u'\n');
}

namespace {

struct WorkerThread
{
    QThread *thread = nullptr;
    Worker *worker = nullptr;
};

struct ServiceState
{
    std::shared_ptr<RouteSlot> slot = std::make_shared<RouteSlot>();
    QList<std::shared_ptr<GroupRuntime>> groups;
    QString enabledGroup;
    bool enabledGroupEmpty = false;  // said in the log once per change

    std::shared_ptr<GroupRuntime> group(QStringView name) const
    {
        for (const auto &group : groups) {
            if (group->name() == name)
                return group;
        }
        return {};
    }
};

struct ListenerState
{
    quint64 id = 0;
    QString service;
    QString configured;
    BoundSockets bound;
};

}  // namespace

class EnginePrivate
{
public:
    explicit EnginePrivate(Engine *engine)
        : q(engine)
    { }

    Engine *q;
    Config running;
    bool started = false;
    bool stopping = false;
    EngineContext context;
    QList<WorkerThread> workers;
    QHash<QString, ServiceState> services;
    QList<ListenerState> listeners;
    quint64 nextListenerId = 1;
    QList<std::shared_ptr<HostRuntime>> draining;
    HealthMonitor health;
    HostResolver resolver;
    StatsCollector stats;
    QTimer statsTimer;
    /// One request per caller of requestStatsRate(). `owner` goes null when
    /// the object dies; `serial` tells a request from a later one made by
    /// another object at the same address.
    struct StatsRequest
    {
        QPointer<const QObject> owner;
        int hertz = Engine::DefaultStatsRate;
        quint64 serial = 0;
        QMetaObject::Connection destroyed;
    };
    QHash<const QObject *, StatsRequest> statsRequests;
    quint64 nextStatsSerial = 1;
    QTimer drainTimer;
    qint64 drainDeadlineMs = 0;
    QElapsedTimer clock;
    /// A host whose connections drain (removed from the config, or set to
    /// drain) and when what is left of them is cut: <settings draintimeout>
    /// after the drain began.
    struct HostDrain
    {
        std::shared_ptr<HostRuntime> host;
        qint64 deadlineMs = 0;
        qint64 timeoutMs = 0;
    };
    QList<HostDrain> hostDrains;
    QTimer hostDrainTimer;  // single shot, at the earliest deadline
    qint64 hostDrainTimeoutMs = 0;  // <settings draintimeout> of the config being applied

    void startWorkers(int count);
    void stopWorkers();
    void stopAccepting();
    void releaseStatsRequest(const QObject *owner, quint64 serial);
    void updateStatsInterval();
    template<typename Function>
    void forEachWorker(Function function);

    void reconcileServices(const Config &config);
    void reconcileListeners(const Config &config, ApplyResult &result);
    void updateWatchers(const Config &config);
    void retireHost(const std::shared_ptr<HostRuntime> &host, const QString &reason);
    QList<ServiceView> views() const;
    std::shared_ptr<HostRuntime> findHost(
        const QString &service, const QString &group, const QString &host) const;
    void handleHealthChange(
        const std::shared_ptr<HostRuntime> &host, HostHealth from, HostHealth to, const QString &reason);
    void pruneDraining();
    void checkDrained();
    void beginHostDrain(const std::shared_ptr<HostRuntime> &host);
    void endHostDrain(const HostRuntime *host);
    void armHostDrainTimer();
    void cutOverdueDrains();
};

void EnginePrivate::startWorkers(int count)
{
    for (int i = 0; i < count; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("balancier-worker-%1").arg(i));
        if (QAbstractEventDispatcher *dispatcher = createWorkerEventDispatcher())
            thread->setEventDispatcher(dispatcher);
        auto *worker = new Worker(context, i);
        worker->moveToThread(thread);
        thread->start();
        workers.append({thread, worker});
    }
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

void EnginePrivate::retireHost(const std::shared_ptr<HostRuntime> &host, const QString &reason)
{
    if (host->removed.exchange(true))
        return;
    host->recordEvent(QStringLiteral("removed"), reason);
    qCInfo(lcConfig, "service %s: group %s: host %s removed (%s); %lld connection(s) drain",
        qUtf8Printable(host->service()), qUtf8Printable(host->group()), qUtf8Printable(host->name()),
        qUtf8Printable(reason), static_cast<long long>(host->active.load()));
    if (host->active.load() > 0)
        draining.append(host);
    beginHostDrain(host);
}

void EnginePrivate::beginHostDrain(const std::shared_ptr<HostRuntime> &host)
{
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
        event.reason = QStringLiteral("drain timeout %1 passed: %2 open connection(s) cut")
                           .arg(formatDuration(drain.timeoutMs))
                           .arg(cut);
        qCWarning(lcNet, "service %s: group %s: host %s (%s): %s", qUtf8Printable(host->service()),
            qUtf8Printable(host->group()), qUtf8Printable(host->name()), removed ? "removed" : "set to drain",
            qUtf8Printable(event.reason));
        host->recordEvent(event.state, event.reason);
        Q_EMIT q->hostStateChanged(host->service(), host->group(), host->name(), event);
    }
    armHostDrainTimer();
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
                if (!host) {
                    host = std::make_shared<HostRuntime>(serviceConfig.name, groupConfig.name, hostConfig);
                    host->recordEvent(host->stateName(), QStringLiteral("added"));
                } else {
                    if (host->address() != hostConfig.address) {
                        host->recordEvent(host->stateName(),
                            QStringLiteral("address changed from %1 to %2")
                                .arg(host->address(), hostConfig.address));
                        host->setAddress(hostConfig.address);
                    }
                    if (host->weight.exchange(hostConfig.weight) != hostConfig.weight)
                        weightChanged.append(host.get());
                    host->maxConns.store(hostConfig.maxConns);
                    if (host->adminState.exchange(hostConfig.adminState) != hostConfig.adminState) {
                        host->recordEvent(host->stateName(), QStringLiteral("administrative change"));
                        qCInfo(lcConfig, "service %s: group %s: host %s is now %s",
                            qUtf8Printable(serviceConfig.name), qUtf8Printable(groupConfig.name),
                            qUtf8Printable(hostConfig.name), qUtf8Printable(host->stateName()));
                        if (hostConfig.adminState == HostAdminState::Drain)
                            beginHostDrain(host);
                        else
                            endHostDrain(host.get());
                    }
                }
                hosts.append(host);
            }
            if (old) {
                for (const auto &host : old->hosts()) {
                    if (!hosts.contains(host))
                        retireHost(host, QStringLiteral("removed from the config"));
                }
            }
            const bool reuse = old && old->hosts() == hosts
                && old->schedulerName() == SchedulerRegistry::canonicalName(groupConfig.scheduler)
                && old->stickyTimeoutMs() == groupConfig.stickyTimeoutMs;
            if (reuse) {
                for (HostRuntime *host : std::as_const(weightChanged))
                    old->scheduler().weightChanged(host);
                groups.append(old);
            } else {
                groups.append(std::make_shared<GroupRuntime>(serviceConfig.name, groupConfig, hosts));
            }
        }
        for (const auto &old : std::as_const(state.groups)) {
            bool kept = false;
            for (const auto &group : std::as_const(groups))
                kept = kept || group->name() == old->name();
            if (!kept) {
                for (const auto &host : old->hosts())
                    retireHost(host, QStringLiteral("its group was removed"));
            }
        }
        state.groups = groups;
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
        route->logConnections = config.logging.connections;
        const std::shared_ptr<const ServiceRoute> current = state.slot->load();
        if (!current || current->group != route->group || !(current->timeouts == route->timeouts)
            || current->logConnections != route->logConnections) {
            state.slot->store(std::move(route));
        }
        next.insert(serviceConfig.name, std::move(state));
    }
    // Services that are gone.
    for (auto it = services.cbegin(); it != services.cend(); ++it) {
        it->slot->store(nullptr);
        for (const auto &group : it->groups) {
            for (const auto &host : group->hosts())
                retireHost(host, QStringLiteral("its service was removed"));
        }
    }
    services = std::move(next);
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
        listener.bound = bindListener(address, int(workers.size()));
        if (!listener.bound.ok()) {
            qCCritical(
                lcNet, "service %s: %s", qUtf8Printable(service), qUtf8Printable(listener.bound.error));
            result.warnings.append(QStringLiteral("service %1: %2").arg(service, listener.bound.error));
            Q_EMIT q->listenerFailed(service, address, listener.bound.error);
        } else {
            qCInfo(lcNet, "service %s: listening on %s", qUtf8Printable(service),
                qUtf8Printable(listener.bound.bound));
            const std::shared_ptr<RouteSlot> slot = services.value(service).slot;
            const quint64 id = listener.id;
            for (int i = 0; i < workers.size(); ++i) {
                // One socket per worker with SO_REUSEPORT, else all share one.
                std::shared_ptr<ListenSocket> socket
                    = listener.bound.sockets.at(listener.bound.sockets.size() == 1 ? 0 : i);
                QMetaObject::invokeMethod(
                    workers.at(i).worker,
                    [worker = workers.at(i).worker, id, socket, slot] {
                        worker->addAcceptor(id, socket, slot);
                    },
                    Qt::QueuedConnection);
            }
        }
        kept.append(std::move(listener));
    }
    listeners = std::move(kept);
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
                targets.append({host, healthConfig, groupConfig.name == serviceConfig.enabledGroup});
                hosts.append(host);
            }
        }
    }
    resolver.setHosts(hosts);
    health.setTargets(targets, config.checkTimeMs);
}

void EnginePrivate::handleHealthChange(
    const std::shared_ptr<HostRuntime> &host, HostHealth from, HostHealth to, const QString &reason)
{
    Q_UNUSED(from);
    const ServiceState state = services.value(host->service());
    if (const std::shared_ptr<GroupRuntime> group = state.group(host->group())) {
        if (to == HostHealth::Up)
            group->scheduler().hostUp(host.get());
        else
            group->scheduler().hostDown(host.get());
    }
    HostStateEvent event;
    event.when = QDateTime::currentDateTimeUtc();
    event.state = host->stateName();
    event.reason = reason;
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
        for (const auto &host : draining) {
            if (host->service() == serviceConfig.name)
                view.draining.append(host);
        }
        result.append(std::move(view));
    }
    return result;
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
                entry.worker, [worker = entry.worker] { return worker->cutSessions(); },
                Qt::BlockingQueuedConnection, &count);
            cut += count;
        }
        qCWarning(lcNet, "drain timeout: cut %d open connection(s)", cut);
    } else {
        qCInfo(lcNet, "all connections finished");
    }
    Q_EMIT q->stopped(cut);
}

Engine::Engine(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<EnginePrivate>(this))
{
    qRegisterMetaType<Balancier::StatsSnapshot>();
    qRegisterMetaType<Balancier::HostStateEvent>();
    qRegisterMetaType<QList<Balancier::ConfigChange>>();
    d->clock.start();
    d->context.reportFailure = [this](std::shared_ptr<HostRuntime> host, QString reason) {
        QMetaObject::invokeMethod(
            this,
            [this, host = std::move(host), reason = std::move(reason)] {
                d->health.reportFailure(host, reason);
            },
            Qt::QueuedConnection);
    };
    connect(&d->health, &HealthMonitor::hostStateChanged, this,
        [this](const std::shared_ptr<HostRuntime> &host, HostHealth from, HostHealth to,
            const QString &reason) { d->handleHealthChange(host, from, to, reason); });
    // Aggressive mode is logged by the health monitor, which decides it.
    d->statsTimer.setInterval(1000 / DefaultStatsRate);
    connect(&d->statsTimer, &QTimer::timeout, this, [this] {
        d->pruneDraining();
        Q_EMIT statsUpdated(snapshot());
    });
    d->drainTimer.setInterval(50);
    connect(&d->drainTimer, &QTimer::timeout, this, [this] { d->checkDrained(); });
    d->hostDrainTimer.setSingleShot(true);
    connect(&d->hostDrainTimer, &QTimer::timeout, this, [this] { d->cutOverdueDrains(); });
}

Engine::~Engine()
{
    d->stopWorkers();
}

ApplyResult Engine::apply(const Config &input)
{
    ApplyResult result;
    if (d->stopping) {
        result.errors.append(
            {Diagnostic::Severity::Error, {}, 0, 0, {}, QStringLiteral("the balancer is shutting down")});
        return result;
    }
    Config config = input;
    for (ServiceConfig &service : config.services) {
        for (GroupConfig &group : service.groups) {
            const QString canonical = SchedulerRegistry::canonicalName(group.scheduler);
            if (!canonical.isEmpty())
                group.scheduler = canonical;
        }
    }
    // A file must give every service a host; the running balancer may be
    // without one for a while (all hosts of the enabled group removed).
    // The admin TLS files were checked when <admin> last changed; a runtime
    // change that leaves it alone is not refused because a file moved since.
    const bool adminChanged = !d->started || !(config.admin == d->running.admin);
    result.errors = validateConfig(
        config, {}, EmptyGroups::Allowed, adminChanged ? AdminFiles::Checked : AdminFiles::Skipped);
    if (hasErrors(result.errors))
        return result;
    result.errors.clear();

    result.changes = diffConfigs(d->started ? d->running : Config{}, config);
    if (!d->started) {
        // A written count was validated against the same limit; only "one
        // per core" is bounded here.
        const int count = config.settings.workers > 0
            ? config.settings.workers
            : qBound(1, QThread::idealThreadCount(), ConfigLimits::maxWorkers);
        d->startWorkers(count);
        d->started = true;
        d->statsTimer.start();
    } else if (config.settings.workers != d->running.settings.workers) {
        result.warnings.append(QStringLiteral("the number of workers changes at the next restart"));
        qCWarning(lcConfig, "settings workers: the number of worker threads changes at the next restart");
    }
    d->context.maxConnections.store(config.settings.maxConnections);
    d->context.logConnections.store(config.logging.connections);

    d->reconcileServices(config);
    d->reconcileListeners(config, result);
    d->updateWatchers(config);
    d->running = config;
    result.ok = true;
    Q_EMIT configApplied(result.changes);
    return result;
}

Config Engine::runningConfig() const
{
    return d->running;
}

namespace {

/// Finds service/group/host in a copy of the config, or says which is missing.
struct Target
{
    ServiceConfig *service = nullptr;
    GroupConfig *group = nullptr;
    HostConfig *host = nullptr;
    QString error;
};

Target locate(Config &config, const QString &service, const QString &group = {}, const QString &host = {})
{
    Target target;
    target.service = config.service(service);
    if (!target.service) {
        target.error = QStringLiteral("no service named '%1'").arg(service);
        return target;
    }
    if (group.isNull())
        return target;
    target.group = target.service->group(group);
    if (!target.group) {
        target.error = QStringLiteral("service '%1' has no group named '%2'").arg(service, group);
        return target;
    }
    if (host.isNull())
        return target;
    target.host = target.group->host(host);
    if (!target.host)
        target.error
            = QStringLiteral("group '%1' of service '%2' has no host named '%3'").arg(group, service, host);
    return target;
}

ApplyResult refused(const QString &message)
{
    ApplyResult result;
    result.errors.append({Diagnostic::Severity::Error, {}, 0, 0, {}, message});
    return result;
}

}  // namespace

#define BALANCIER_LOCATE(...)                                                                                \
    Config config = d->running;                                                                              \
    Target target = locate(config, __VA_ARGS__);                                                             \
    if (!target.error.isEmpty())                                                                             \
        return refused(target.error);

ApplyResult Engine::addHost(const QString &service, const QString &group, const HostConfig &host)
{
    BALANCIER_LOCATE(service, group)
    target.group->hosts.append(host);
    return apply(config);
}

ApplyResult Engine::removeHost(const QString &service, const QString &group, const QString &host)
{
    BALANCIER_LOCATE(service, group, host)
    target.group->hosts.removeIf([&](const HostConfig &entry) { return entry.name == host; });
    return apply(config);
}

bool Engine::isLastLiveHost(const QString &service, const QString &group, const QString &host) const
{
    const ServiceConfig *serviceConfig = d->running.service(service);
    if (!serviceConfig || serviceConfig->enabledGroup != group)
        return false;
    const GroupConfig *groupConfig = serviceConfig->group(group);
    if (!groupConfig || !groupConfig->host(host))
        return false;
    const auto isLive = [&](const QString &name) {
        const auto runtime = d->findHost(service, group, name);
        return runtime && runtime->health.load() == HostHealth::Up
            && runtime->adminState.load() == HostAdminState::Ready && !runtime->removed.load();
    };
    if (!isLive(host))
        return false;
    return std::none_of(groupConfig->hosts.cbegin(), groupConfig->hosts.cend(),
        [&](const HostConfig &other) { return other.name != host && isLive(other.name); });
}

ApplyResult Engine::enableGroup(const QString &service, const QString &group)
{
    BALANCIER_LOCATE(service, group)
    target.service->enabledGroup = group;
    return apply(config);
}

ApplyResult Engine::setScheduler(const QString &service, const QString &group, const QString &scheduler)
{
    BALANCIER_LOCATE(service, group)
    target.group->scheduler = scheduler;
    return apply(config);
}

ApplyResult Engine::setHostWeight(
    const QString &service, const QString &group, const QString &host, int weight)
{
    BALANCIER_LOCATE(service, group, host)
    target.host->weight = weight;
    return apply(config);
}

ApplyResult Engine::setHostMaxConns(
    const QString &service, const QString &group, const QString &host, int maxConns)
{
    BALANCIER_LOCATE(service, group, host)
    target.host->maxConns = maxConns;
    return apply(config);
}

ApplyResult Engine::setHostAdminState(
    const QString &service, const QString &group, const QString &host, HostAdminState state)
{
    BALANCIER_LOCATE(service, group, host)
    target.host->adminState = state;
    return apply(config);
}

ApplyResult Engine::addListener(const QString &service, const QString &address)
{
    BALANCIER_LOCATE(service)
    target.service->listeners.append(address);
    return apply(config);
}

ApplyResult Engine::removeListener(const QString &service, const QString &address)
{
    BALANCIER_LOCATE(service)
    if (!target.service->listeners.removeOne(address))
        return refused(QStringLiteral("service '%1' has no listener '%2'").arg(service, address));
    if (!target.service->listeners.contains(address))
        target.service->optionalListeners.removeAll(address);
    return apply(config);
}

#undef BALANCIER_LOCATE

bool Engine::retryHost(const QString &service, const QString &group, const QString &host, QString *why)
{
    const std::shared_ptr<HostRuntime> runtime = d->findHost(service, group, host);
    if (!runtime) {
        if (why)
            *why = QStringLiteral("service '%1' has no host '%2' in group '%3'").arg(service, host, group);
        return false;
    }
    return d->health.retryNow(runtime, why);
}

QList<BoundListener> Engine::listeners() const
{
    QList<BoundListener> result;
    for (const ListenerState &listener : d->listeners) {
        result.append({listener.service, listener.configured, listener.bound.bound, listener.bound.port,
            listener.bound.error});
    }
    return result;
}

std::shared_ptr<HostRuntime> Engine::host(
    const QString &service, const QString &group, const QString &host) const
{
    return d->findHost(service, group, host);
}

StatsSnapshot Engine::snapshot() const
{
    return d->stats.collect(d->views(), d->context.activeClients.load());
}

qint64 Engine::activeConnections() const
{
    return d->context.activeClients.load();
}

int Engine::workerCount() const
{
    return int(d->workers.size());
}

void Engine::requestStatsRate(const QObject *owner, int hertz)
{
    if (!owner)
        return;
    auto it = d->statsRequests.find(owner);
    if (it != d->statsRequests.end() && it->owner.isNull()) {
        // The object that made this request is gone and another one now
        // lives at its address: its release is still on the way.
        disconnect(it->destroyed);
        d->statsRequests.erase(it);
        it = d->statsRequests.end();
    }
    if (hertz <= 0) {
        if (it != d->statsRequests.end()) {
            disconnect(it->destroyed);
            d->statsRequests.erase(it);
        }
    } else if (it != d->statsRequests.end()) {
        it->hertz = qBound(1, hertz, 10);
    } else {
        EnginePrivate::StatsRequest request;
        request.owner = owner;
        request.hertz = qBound(1, hertz, 10);
        request.serial = d->nextStatsSerial++;
        if (owner != this) {
            // Queued when the owner lives in another thread: the release
            // then runs here, in the engine's thread, like every change.
            request.destroyed = connect(owner, &QObject::destroyed, this,
                [this, owner, serial = request.serial] { d->releaseStatsRequest(owner, serial); });
        }
        d->statsRequests.insert(owner, request);
    }
    d->updateStatsInterval();
}

void Engine::setStatsRate(int hertz)
{
    requestStatsRate(this, hertz);
}

int Engine::statsIntervalMs() const
{
    return d->statsTimer.interval();
}

void Engine::shutdown(qint64 drainTimeoutMs)
{
    if (d->stopping)
        return;
    d->stopping = true;
    d->stopAccepting();
    qCInfo(lcNet, "stopped accepting; %lld open connection(s) may finish within %lld ms",
        static_cast<long long>(d->context.activeClients.load()), static_cast<long long>(drainTimeoutMs));
    d->drainDeadlineMs = d->clock.elapsed() + drainTimeoutMs;
    d->drainTimer.start();
    d->checkDrained();
}

}  // namespace Balancier
