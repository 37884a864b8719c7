#pragma once

// The engine's private state, shared by engine.cpp (the façade) and
// enginereconcile.cpp (the apply path: reconcile services, listeners,
// health watches and drains). Not part of the public API.
//
// Thread contract: as Engine: everything here lives in the control thread,
// except what the workers reach through shared pointers and atomics.

#include "alerts/alertmanager.h"
#include "config/appliedconfighistory.h"
#include "engine.h"
#include "health/agentmonitor.h"
#include "health/healthmonitor.h"
#include "net/connectionlog.h"
#include "net/dnsdiscovery.h"
#include "net/enginecontext.h"
#include "net/hostresolver.h"
#include "net/listenerbinder.h"
#include "net/sourceacl.h"
#include "net/sourcelimiter.h"
#include "net/tlsrouter.h"
#include "net/tlsservercontext.h"
#include "runtime/groupruntime.h"
#include "runtime/hostruntime.h"
#include "runtime/serviceroute.h"
#include "stats/statscollector.h"

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QHash>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <array>

namespace Balancier {

class Worker;

struct WorkerThread
{
    QThread *thread = nullptr;
    Worker *worker = nullptr;
};

struct ServiceState
{
    std::shared_ptr<RouteSlot> slot = std::make_shared<RouteSlot>();
    QList<std::shared_ptr<GroupRuntime>> groups;
    std::shared_ptr<TerminationCounts> terminations = std::make_shared<TerminationCounts>();
    QString enabledGroup;
    bool enabledGroupEmpty = false;  // said in the log once per change
    /// Admission: the compiled rules and the limiter in force, and what they
    /// were made from (a kept <acl> or <limit> keeps them: the limiter's
    /// table survives an unrelated change).
    AclConfig aclConfig;
    std::shared_ptr<const SourceAcl> acl;
    LimitConfig limitConfig;
    std::shared_ptr<SourceLimiter> limiter;
    std::shared_ptr<RefusalCounters> refusals = std::make_shared<RefusalCounters>();
    /// The counts said in the last "refused" event (Engine::connectionsRefused).
    std::array<qint64, 12> reportedRefusals{};
    qint64 lastRefusalEventMs = -1000000;
    /// TLS routing (<route>): the compiled rules in force (null without
    /// routes), and each route's connection count by label, kept across applies.
    std::shared_ptr<const TlsRouter> tls;
    QHash<QString, std::shared_ptr<TlsRouter::Counter>> routeCounters;
    /// TLS termination, per listener address (enginetls.cpp): the options and
    /// the context built from them, and the handshake counters (kept across reloads).
    struct TlsState
    {
        ListenerTlsConfig config;
        std::shared_ptr<const TlsServerContext> context;
        std::shared_ptr<TlsCounters> counters = std::make_shared<TlsCounters>();
        bool expiryReported = false;  ///< the "expiring" event was sent for this context
    };
    QHash<QString, TlsState> tlsListeners;

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

class EnginePrivate
{
public:
    explicit EnginePrivate(Engine *engine)
        : q(engine)
    { }

    Engine *q;
    Config running;
    bool started = false;
    bool historyStarted = false;  ///< the first apply was recorded
    bool stopping = false;
    EngineContext context;
    /// Made with the workers (startWorkers()), destroyed after them: it
    /// writes what they queued last.
    std::unique_ptr<ConnectionLog> connectionLog;
    /// The applied configs (Engine::history()) and the alerts' delivery (Engine::alerts()).
    AppliedConfigHistory history;
    std::unique_ptr<AlertManager> alerts;
    QList<WorkerThread> workers;
    /// IoPoller::pollerName() of the workers' dispatchers: "epoll", "poll", ...
    QString pollerName;
    QHash<QString, ServiceState> services;
    QList<ListenerState> listeners;
    quint64 nextListenerId = 1;
    /// Sockets inherited in a hitless upgrade, by address text; taken by
    /// the first apply's listeners (adoptListenSockets()).
    QHash<QString, QList<SocketOps::Socket>> inheritedSockets;
    /// Listeners on inherited sockets whose acceptors wait until no host
    /// name is being looked up: clients already queue on those sockets, and
    /// must not meet a host that is "not resolved yet".
    struct DeferredAcceptors
    {
        quint64 listenerId = 0;
        QString configured;
        QList<std::shared_ptr<ListenSocket>> sockets;
        std::shared_ptr<RouteSlot> slot;
    };
    QList<DeferredAcceptors> deferredAcceptors;
    QTimer deferredAcceptorsTimer;  // the longest wait for the lookups
    QList<std::shared_ptr<HostRuntime>> draining;
    /// Administrative state changes made by the apply in progress; emitted
    /// as hostStateChanged after its configApplied.
    QList<std::pair<std::shared_ptr<HostRuntime>, HostStateEvent>> adminEvents;
    HealthMonitor health;
    /// Backend feedback (enginefeedback.cpp): the agents queried, and the
    /// timer that moves slow-start ramps (running only while one ramps).
    AgentMonitor agents;
    QTimer slowStartTimer;
    bool servicesReconciled = false;  ///< a first config was applied: new hosts ramp up
    HostResolver resolver;
    /// DNS discovery (<discover>, resolve="all"): hosts the running config
    /// does not list; applied through expand() (docs/dns-discovery.md).
    DnsDiscovery discovery;
    std::shared_ptr<DnsResolver> dnsOverride;  // Engine::setDnsResolver (tests)
    QString dnsServer;  // the <settings dnsserver> the resolver in use was made from
    bool dnsMade = false;
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

    /// A guided drain (HostConfig::isGuidedDrain()): its own deadline (an
    /// absolute UTC time, ms since the epoch; 0: none) and action, run by
    /// tickGuidedDrains() (enginedrain.cpp).
    struct GuidedDrain
    {
        std::shared_ptr<HostRuntime> host;
        qint64 deadlineMs = 0;
        DrainThen then = DrainThen::None;
        qint64 lastReportMs = -1000000;  // clock.elapsed() of the last progress event
        qint64 lastReportedOpen = -1;
    };
    QList<GuidedDrain> guidedDrains;
    QTimer guidedDrainTimer;  // runs while there are guided drains

    void startWorkers(int count);
    void stopWorkers();
    void stopAccepting();
    void releaseStatsRequest(const QObject *owner, quint64 serial);
    void updateStatsInterval();
    template<typename Function>
    void forEachWorker(Function function);

    void reconcileServices(const Config &config);
    /// Compiles a service's <route> rules into state.tls (TLS routing).
    void reconcileTlsRoutes(const ServiceConfig &serviceConfig, ServiceState &state);
    /// The resolver and discovery for `config` (before it is reconciled).
    void configureDns(const Config &config);
    /// The discovered hosts changed: reconcile the running config expanded again.
    void applyDiscovered();
    /// A host that was not there before enters its group (added to the
    /// config or discovered). The seam of slow start (issue 16): a joining
    /// host ramps up from here once that lands.
    void hostJoined(const std::shared_ptr<HostRuntime> &host, const HostConfig &config);
    // TLS termination (enginetls.cpp).
    /// The config file's directory: relative certificate paths are under it.
    QString configDirectory;
    QFileSystemWatcher *tlsWatcher = nullptr;  ///< made with the first terminating listener
    QTimer tlsReloadTimer;  ///< a short pause after a file event: editors write in steps
    /// Brings `state`'s TLS contexts in line with `service`: new or changed
    /// options are built, unchanged ones are rebuilt when their files'
    /// bytes changed (a broken file: a warning and an event, the old
    /// context stays). Returns what the route carries.
    QList<ListenerTlsRoute> refreshTls(ServiceState &state, const ServiceConfig &service);
    /// The located errors of `config`'s new or changed terminating listeners
    /// (files, keys, versions, ciphers), for check().
    QList<Diagnostic> checkTls(const Config &config) const;
    /// Re-reads every certificate now and publishes the routes that changed.
    void reloadTls(const char *why);
    /// Watches every file (and its directory) the running listeners read.
    void watchTlsFiles();
    void reconcileListeners(const Config &config, ApplyResult &result);
    BoundSockets bindOrAdopt(const QString &address, bool *adopted);
    void addAcceptors(quint64 listenerId, const QString &configured,
        const QList<std::shared_ptr<ListenSocket>> &sockets, std::shared_ptr<RouteSlot> slot);
    bool resolvingHosts() const;
    void startDeferredAcceptors(bool force);
    void closeUnadoptedSockets();
    void updateWatchers(const Config &config);
    void retireHost(const std::shared_ptr<HostRuntime> &host, const HostReason &reason);
    QList<ServiceView> views() const;
    /// Emits Engine::connectionsRefused for each service whose refusal
    /// counters moved, at most once a second per service.
    void reportRefusals();
    std::shared_ptr<HostRuntime> findHost(
        const QString &service, const QString &group, const QString &host) const;
    void handleHealthChange(
        const std::shared_ptr<HostRuntime> &host, HostHealth from, HostHealth to, const HostReason &reason);
    void pruneDraining();
    void checkDrained();
    void beginHostDrain(const std::shared_ptr<HostRuntime> &host);
    void endHostDrain(const HostRuntime *host);
    void armHostDrainTimer();
    void cutOverdueDrains();
    // --- issue 16: backups, ondown, guided drains (enginedrain.cpp) ---
    /// Cuts every connection to `host` in every worker with `why`; returns how many.
    int cutHostSessions(const HostRuntime *host, Termination why);
    /// Recomputes which backups of `group` take clients; says and does what
    /// a switch means (Engine::backupStateChanged, onprimaryup).
    void updateBackups(const std::shared_ptr<GroupRuntime> &group);
    /// After an apply: the guided drains the running config asks for.
    void syncGuidedDrains();
    void tickGuidedDrains();
    QVariantMap drainProgress(const GuidedDrain &drain, qint64 nowUtcMs) const;

    // --- backend feedback (enginefeedback.cpp) ---
    /// Steady milliseconds for ramps (clock).
    qint64 feedbackNowMs() const;
    /// Begins `host`'s slow start now, if it has one: it came back (health
    /// up, admin back to ready) or joined a running balancer (discovery too).
    void startSlowStart(const std::shared_ptr<HostRuntime> &host);
    /// Recomputes the effective weight of every ramping host (the timer).
    void tickSlowStart();
    /// Stores `host`'s effective weight and, when it changed, tells its
    /// group's scheduler.
    void refreshEffectiveWeight(const std::shared_ptr<HostRuntime> &host);
    void armSlowStartTimer();
    /// Sets the agents queried; during an apply, after reconcileServices().
    void updateAgents(const Config &config);
    void handleAgentAnswer(const std::shared_ptr<HostRuntime> &host, const QByteArray &line);
    void handleAgentFailure(const std::shared_ptr<HostRuntime> &host, const QString &error);
    /// Forgets what `host`'s agent set (its check was switched off).
    void clearAgent(const std::shared_ptr<HostRuntime> &host);
    /// Puts the combined administrative state (config and agent) in force;
    /// true if it changed. `reason` goes to the host's history and event,
    /// which an apply in progress (`duringApply`) says after its configApplied.
    bool applyAdminState(
        const std::shared_ptr<HostRuntime> &host, const HostReason &reason, bool duringApply);
};

}  // namespace Balancier
