#include "engine.h"

#include "config/configlimits.h"
#include "config/configvalidator.h"
#include "config/schedulerregistry.h"
#include "engineprivate.h"
#include "logcategories.h"
#include "net/worker.h"
#include "ops/operations.h"
#include "runtime/haroleprobe.h"
#include "runtime/hostruntime.h"
#include "scheduling/scheduler.h"

#include <algorithm>

namespace Balancier {

namespace {

ConnectionLog::Settings connectionLogSettings(const LoggingConfig &logging)
{
    ConnectionLog::Settings settings;
    settings.enabled = logging.connections;
    settings.format = logging.format == u"json" ? ConnectionLog::Format::Json : ConnectionLog::Format::Text;
    settings.to
        = logging.to == u"syslog" ? ConnectionLog::Destination::Syslog : ConnectionLog::Destination::Log;
    settings.syslogPath = logging.syslog;
    settings.interimMs = logging.interimMs;
    settings.atConnect = logging.atConnect;
    return settings;
}

}  // namespace

QString ApplyResult::errorString() const
{
    QStringList lines;
    for (const Diagnostic &error : errors)
        lines.append(error.toString());
    return lines.join(u'\n');
}

Engine::Engine(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<EnginePrivate>(this))
{
    qRegisterMetaType<Balancier::StatsSnapshot>();
    qRegisterMetaType<Balancier::HostStateEvent>();
    qRegisterMetaType<QList<Balancier::ConfigChange>>();
    d->clock.start();
    d->alerts = std::make_unique<AlertManager>(*this);
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
            const HostReason &reason) { d->handleHealthChange(host, from, to, reason); });
    // Aggressive mode is logged by the health monitor, which decides it.
    d->statsTimer.setInterval(1000 / DefaultStatsRate);
    connect(&d->statsTimer, &QTimer::timeout, this, [this] {
        d->pruneDraining();
        Q_EMIT statsUpdated(snapshot());
        d->reportRefusals();
    });
    d->drainTimer.setInterval(50);
    connect(&d->drainTimer, &QTimer::timeout, this, [this] { d->checkDrained(); });
    connect(&d->slowStartTimer, &QTimer::timeout, this, [this] { d->tickSlowStart(); });
    connect(&d->agents, &AgentMonitor::answered, this,
        [this](const std::shared_ptr<HostRuntime> &host, const QByteArray &line) {
            d->handleAgentAnswer(host, line);
        });
    connect(&d->agents, &AgentMonitor::failed, this,
        [this](const std::shared_ptr<HostRuntime> &host, const QString &error) {
            d->handleAgentFailure(host, error);
        });
    d->hostDrainTimer.setSingleShot(true);
    connect(&d->hostDrainTimer, &QTimer::timeout, this, [this] { d->cutOverdueDrains(); });
    connect(&d->guidedDrainTimer, &QTimer::timeout, this, [this] { d->tickGuidedDrains(); });
    // Acceptors on inherited sockets wait for the host names (at most 5 s).
    d->deferredAcceptorsTimer.setSingleShot(true);
    d->deferredAcceptorsTimer.setInterval(5000);
    connect(&d->deferredAcceptorsTimer, &QTimer::timeout, this, [this] { d->startDeferredAcceptors(true); });
    connect(&d->resolver, &HostResolver::resolved, this, [this] { d->startDeferredAcceptors(false); });
    connect(&d->discovery, &DnsDiscovery::hostsChanged, this, [this] { d->applyDiscovered(); });
    connect(&d->discovery, &DnsDiscovery::discoveryChanged, this, &Engine::discoveryChanged);
}

Engine::~Engine()
{
    d->stopWorkers();
}

namespace {

/// Scheduler aliases ("rr") become the names the running config and its diff use.
Config withCanonicalSchedulers(const Config &input)
{
    Config config = input;
    for (ServiceConfig &service : config.services) {
        for (GroupConfig &group : service.groups) {
            const QString canonical = SchedulerRegistry::canonicalName(group.scheduler);
            if (!canonical.isEmpty())
                group.scheduler = canonical;
        }
    }
    return config;
}

}  // namespace

ApplyResult Engine::check(const Config &input) const
{
    ApplyResult result;
    if (d->stopping) {
        result.errors.append(
            {Diagnostic::Severity::Error, {}, 0, 0, {}, QStringLiteral("the balancer is shutting down")});
        return result;
    }
    const Config config = withCanonicalSchedulers(input);
    // A file must give every service a host; the running balancer may be
    // without one for a while (all hosts of the enabled group removed).
    // The admin TLS files were checked when <admin> last changed; a runtime
    // change that leaves it alone is not refused because a file moved since.
    const bool adminChanged = !d->started || !(config.admin == d->running.admin);
    result.errors = validateConfig(
        config, {}, EmptyGroups::Allowed, adminChanged ? AdminFiles::Checked : AdminFiles::Skipped);
    if (hasErrors(result.errors))
        return result;
    // The certificates of new or changed terminating listeners (enginetls.cpp).
    result.errors += d->checkTls(config);
    if (hasErrors(result.errors))
        return result;
    result.errors.clear();
    result.changes = diffConfigs(d->started ? d->running : Config{}, config);
    result.ok = true;
    return result;
}

ApplyResult Engine::apply(const Config &input)
{
    ApplyResult result = check(input);
    if (!result.ok)
        return result;
    result.ok = false;
    const Config config = withCanonicalSchedulers(input);
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
    d->connectionLog->configure(connectionLogSettings(config.logging));

    // Discovered hosts (DNS discovery) join the config's in what is
    // reconciled; the running config keeps only what the file says.
    d->configureDns(config);
    const Config effective = d->discovery.expand(config);
    d->reconcileServices(effective);
    d->updateAgents(effective);
    // Hosts get their numeric endpoints before a new listener's workers can
    // accept: a client already waiting (on sockets inherited in an upgrade)
    // must not find its host "not resolved yet".
    d->updateWatchers(effective);
    d->reconcileListeners(config, result);
    d->closeUnadoptedSockets();
    const bool first = !d->historyStarted;
    const std::optional<Config> before = first ? d->history.latestConfig() : std::nullopt;
    d->running = config;
    // Issue 16: which backups take clients, and the guided drains, as the
    // config now says (enginedrain.cpp).
    for (const ServiceState &state : std::as_const(d->services)) {
        for (const auto &group : state.groups)
            d->updateBackups(group);
    }
    d->syncGuidedDrains();
    d->watchTlsFiles();
    result.ok = true;
    // The history and the alerts take the new config before anyone hears of it:
    // the "config" event carries the version just recorded.
    d->history.setLimit(config.settings.history);
    if (first || !result.changes.isEmpty()) {
        // At startup the changes are those since the version last recorded
        // (the file may have been edited while the daemon was stopped).
        d->history.record(config, before ? diffConfigs(*before, config) : result.changes);
        d->historyStarted = true;
    }
    d->alerts->configure(config.alerts);
    // An administrative state change is a host state change too, whichever
    // front end (or reload) made it: said once, here, after the change list.
    const QList<std::pair<std::shared_ptr<HostRuntime>, HostStateEvent>> adminEvents
        = std::exchange(d->adminEvents, {});
    Q_EMIT configApplied(result.changes);
    for (const auto &[host, event] : adminEvents)
        Q_EMIT hostStateChanged(host->service(), host->group(), host->name(), event);
    return result;
}

AppliedConfigHistory &Engine::history()
{
    return d->history;
}

const AppliedConfigHistory &Engine::history() const
{
    return d->history;
}

AlertManager &Engine::alerts()
{
    return *d->alerts;
}

const AlertManager &Engine::alerts() const
{
    return *d->alerts;
}

Config Engine::runningConfig() const
{
    return d->running;
}

ApplyResult Engine::addHost(const QString &service, const QString &group, const HostConfig &host)
{
    return Operations(*this).addHost(service, group, host);
}

ApplyResult Engine::removeHost(const QString &service, const QString &group, const QString &host)
{
    return Operations(*this).removeHost(service, group, host, true);
}

ApplyResult Engine::enableGroup(const QString &service, const QString &group)
{
    return Operations(*this).enableGroup(service, group);
}

ApplyResult Engine::setScheduler(const QString &service, const QString &group, const QString &scheduler)
{
    return Operations(*this).setScheduler(service, group, scheduler);
}

ApplyResult Engine::setHostWeight(
    const QString &service, const QString &group, const QString &host, int weight)
{
    return Operations(*this).setHostWeight(service, group, host, weight);
}

ApplyResult Engine::setHostMaxConns(
    const QString &service, const QString &group, const QString &host, int maxConns)
{
    return Operations(*this).setHostMaxConns(service, group, host, maxConns);
}

ApplyResult Engine::setHostAdminState(
    const QString &service, const QString &group, const QString &host, HostAdminState state)
{
    return Operations(*this).setHostAdminState(service, group, host, state);
}

ApplyResult Engine::addListener(const QString &service, const QString &address)
{
    return Operations(*this).addListener(service, address);
}

ApplyResult Engine::removeListener(const QString &service, const QString &address)
{
    return Operations(*this).removeListener(service, address);
}

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

void Engine::adoptListenSockets(const QList<ListenerSockets> &inherited)
{
    for (const ListenerSockets &listener : inherited)
        d->inheritedSockets[listener.configured].append(listener.sockets);
}

QList<ListenerSockets> Engine::listenSockets() const
{
    QList<ListenerSockets> result;
    for (const ListenerState &listener : d->listeners) {
        if (!listener.bound.ok())
            continue;
        ListenerSockets sockets{listener.configured, {}};
        for (const auto &socket : listener.bound.sockets)
            sockets.sockets.append(socket->socket());
        result.append(sockets);
    }
    return result;
}

std::optional<HostView> Engine::host(const QString &service, const QString &group, const QString &host) const
{
    if (const std::shared_ptr<HostRuntime> runtime = d->findHost(service, group, host))
        return runtime->view(d->feedbackNowMs());
    for (const auto &runtime : d->draining) {
        if (runtime->service() == service && runtime->group() == group && runtime->name() == host)
            return runtime->view(d->feedbackNowMs());
    }
    return std::nullopt;
}

StatsSnapshot Engine::snapshot() const
{
    StatsSnapshot snapshot = d->stats.collect(d->views(), d->context.activeClients.load());
    snapshot.poller = d->pollerName;
    snapshot.haRole = HaRoleProbe::role(d->running.ha);
    snapshot.connectionLogDropped = connectionLogDropped();
    for (const WorkerThread &entry : d->workers)
        snapshot.workers.append({qint64(entry.worker->acceptedTotal()), entry.worker->openSessions()});
    for (ServiceStats &service : snapshot.services) {
        const auto it = d->services.constFind(service.name);
        if (it == d->services.cend() || !it->terminations)
            continue;
        for (int i = 1; i <= int(LastTermination); ++i) {
            const auto why = Termination(i);
            if (const quint64 count = it->terminations->value(why))
                service.closed.insert(QString(terminationCode(why)), qint64(count));
        }
    }
    return snapshot;
}

BalancerHealth Engine::health() const
{
    bool bound = false;
    for (const ListenerState &listener : d->listeners)
        bound = bound || !listener.bound.bound.isEmpty();
    return BalancerHealth::from(snapshot(), d->started && !d->stopping && bound);
}

qint64 Engine::activeConnections() const
{
    return d->context.activeClients.load();
}

int Engine::workerCount() const
{
    return int(d->workers.size());
}

QString Engine::pollerName() const
{
    return d->pollerName;
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

namespace {

// Gathers one answer per worker in the control thread.
template<typename Part>
struct Gather
{
    int waiting = 0;
    QList<Part> parts;
    std::function<void(QList<Part> &)> done;
};

}  // namespace

template<typename Part, typename Ask>
static void askWorkers(
    Engine *engine, const QList<WorkerThread> &workers, Ask ask, std::function<void(QList<Part> &)> done)
{
    auto gather = std::make_shared<Gather<Part>>();
    gather->waiting = int(workers.size());
    gather->done = std::move(done);
    if (workers.isEmpty()) {
        QMetaObject::invokeMethod(
            engine, [gather] { gather->done(gather->parts); }, Qt::QueuedConnection);
        return;
    }
    for (const WorkerThread &entry : workers) {
        // The engine outlives its workers (they stop in its destructor), so
        // the answer can always be posted to it.
        QMetaObject::invokeMethod(
            entry.worker,
            [worker = entry.worker, engine, gather, ask] {
                Part part = ask(*worker);
                QMetaObject::invokeMethod(
                    engine,
                    [gather, part = std::move(part)]() mutable {
                        gather->parts.append(std::move(part));
                        if (--gather->waiting == 0)
                            gather->done(gather->parts);
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }
}

void Engine::collectConnections(
    const ConnectionSelection &selection, std::function<void(const ConnectionPart &)> done)
{
    askWorkers<ConnectionPart>(
        this, d->workers, [selection](Worker &worker) { return worker.listConnections(selection); },
        [done = std::move(done)](QList<ConnectionPart> &parts) {
            ConnectionPart all;
            for (ConnectionPart &part : parts) {
                all.matched += part.matched;
                all.rows.append(std::move(part.rows));
            }
            done(all);
        });
}

void Engine::collectTalkers(
    const ConnectionSelection &selection, std::function<void(const QHash<QString, Talker> &)> done)
{
    askWorkers<QHash<QString, Talker>>(
        this, d->workers, [selection](Worker &worker) { return worker.talkers(selection); },
        [done = std::move(done)](QList<QHash<QString, Talker>> &parts) {
            QHash<QString, Talker> merged;
            for (const QHash<QString, Talker> &part : std::as_const(parts)) {
                for (const Talker &talker : part) {
                    Talker &into = merged[talker.prefix];
                    into.prefix = talker.prefix;
                    into.open += talker.open;
                    into.ratePerSecond += talker.ratePerSecond;
                    into.bytesIn += talker.bytesIn;
                    into.bytesOut += talker.bytesOut;
                }
            }
            done(merged);
        });
}

void Engine::closeConnection(quint64 id, std::function<void(bool found)> done)
{
    const qsizetype index = qsizetype(id >> 48) - 1;
    if (index < 0 || index >= d->workers.size()) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done)] { done(false); }, Qt::QueuedConnection);
        return;
    }
    QList<WorkerThread> owner{d->workers.at(index)};
    askWorkers<bool>(
        this, owner, [id](Worker &worker) { return worker.closeConnection(id); },
        [done = std::move(done)](QList<bool> &parts) { done(!parts.isEmpty() && parts.constFirst()); });
}

void Engine::setDnsResolver(std::shared_ptr<DnsResolver> resolver)
{
    d->dnsOverride = std::move(resolver);
    d->dnsMade = false;
    if (d->dnsOverride) {
        d->resolver.setDnsResolver(d->dnsOverride);
        d->discovery.setDnsResolver(d->dnsOverride);
    } else if (d->started) {
        d->configureDns(d->running);
    }
}

QHash<QString, qint64> Engine::discoveryLookups() const
{
    return {{QStringLiteral("ok"), d->discovery.lookups(true)},
        {QStringLiteral("error"), d->discovery.lookups(false)}};
}

quint64 Engine::connectionLogDropped() const
{
    return d->connectionLog ? d->connectionLog->dropped() : 0;
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
