#pragma once

#include "config/config.h"
#include "config/configdiff.h"
#include "config/diagnostic.h"
#include "enginetypes.h"
#include "net/connectiontable.h"
#include "stats/balancerhealth.h"
#include "stats/statssnapshot.h"

#include <QHash>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace Balancier {

/// What an apply (or a live change, which is an apply) did.
struct ApplyResult
{
    bool ok = false;  ///< false: nothing changed
    QList<Diagnostic> errors;  ///< why it was refused (validation)
    QList<ConfigChange> changes;  ///< what was executed
    QStringList warnings;  ///< e.g. a listener that failed to bind; the rest runs

    QString errorString() const;  ///< all errors, one per line
};

/// A listener as bound: the configured text and the address the OS gave.
struct BoundListener
{
    QString service;
    QString configured;  ///< as in the config, e.g. "127.0.0.1:0"
    QString bound;  ///< e.g. "127.0.0.1:40123"; empty when binding failed
    quint16 port = 0;
    QString error;  ///< bind failure with the OS reason
};

/// The listening sockets of one listener, as native handles, for a hitless
/// upgrade: the old process hands them to the new one, which adopts them.
struct ListenerSockets
{
    QString configured;  ///< the listener as in the config, e.g. "*:8080"
    QList<qintptr> sockets;  ///< one per worker with SO_REUSEPORT, else one
};

class AlertManager;
class AppliedConfigHistory;
class EnginePrivate;
class DnsResolver;
struct ConnectionSelection;
struct ConnectionPart;

/// The load balancer: listeners, worker threads, schedulers, health checks,
/// statistics. Every change, from a reload, the admin API or the GUI, goes
/// through apply(): read -> validate -> diff -> apply.
///
/// Thread contract: an Engine lives in one "control" thread (the thread that
/// created it, or the one it is moved to before the first apply()); call all
/// its methods from there. Signals are emitted from that thread. Proxying
/// runs in the engine's own worker threads.
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

    /// Validates and applies a whole config. The first call starts the
    /// workers; later calls execute only the diff. Established connections
    /// are never dropped; removed hosts drain; unchanged listeners keep their sockets.
    ApplyResult apply(const Config &config);
    /// What apply() would do with `config`, without doing it: its errors,
    /// or the changes it would execute (ok). The dry run of every front end.
    ApplyResult check(const Config &config) const;

    /// The config in force, including runtime changes (what /running.xml serves).
    Config runningConfig() const;

    // Live changes, kept for the front ends that still call them: each
    // forwards to Operations (ops/operations.h), where the rules live. New
    // code calls Operations.
    ApplyResult addHost(const QString &service, const QString &group, const HostConfig &host);
    /// With force: the caller decides about the last live host (Operations::removeHost()).
    ApplyResult removeHost(const QString &service, const QString &group, const QString &host);
    ApplyResult enableGroup(const QString &service, const QString &group);
    ApplyResult setScheduler(const QString &service, const QString &group, const QString &scheduler);
    ApplyResult setHostWeight(const QString &service, const QString &group, const QString &host, int weight);
    ApplyResult setHostMaxConns(
        const QString &service, const QString &group, const QString &host, int maxConns);
    ApplyResult setHostAdminState(
        const QString &service, const QString &group, const QString &host, HostAdminState state);
    ApplyResult addListener(const QString &service, const QString &address);
    ApplyResult removeListener(const QString &service, const QString &address);

    /// Probes a host now instead of waiting for its interval. False, with
    /// the reason in `why` (when given), for an unknown host, a host that is
    /// not health-checked, or a host in maintenance (never probed).
    bool retryHost(const QString &service, const QString &group, const QString &host, QString *why = nullptr);

    QList<BoundListener> listeners() const;

    /// The directory of the config file: relative file names in it (the
    /// certificates of <listen tls="terminate">) are under it. Empty: the
    /// working directory. Set it before the first apply().
    void setConfigDirectory(const QString &directory);
    QString configDirectory() const;
    /// Reads every certificate and key of the terminating listeners again
    /// and swaps in those that changed: new handshakes use them, open
    /// connections keep theirs. A broken file leaves the old certificate in
    /// place (a warning and tlsCertificateEvent). An apply does the same;
    /// so does a change of a watched file.
    void reloadCertificates();

    /// Hitless upgrade, new process: listening sockets inherited from the
    /// process being replaced. Call before the first apply(); the engine
    /// owns them from now on. A listener of the config whose address text
    /// matches one of them accepts on those very sockets instead of binding
    /// (so nothing queued on them is lost); the first apply() closes the
    /// ones no listener took, and logs them.
    void adoptListenSockets(const QList<ListenerSockets> &inherited);
    /// Hitless upgrade, old process: the sockets of every bound listener,
    /// still owned (and, until shutdown(), accepted from) by this engine.
    /// The caller duplicates them (SCM_RIGHTS) and never closes them.
    QList<ListenerSockets> listenSockets() const;
    /// The live state of a host as a value: one in the running config, or
    /// one removed from it whose last connections still drain (`removed`).
    /// nullopt when there is neither.
    std::optional<HostView> host(const QString &service, const QString &group, const QString &host) const;
    /// A fresh snapshot (also emitted periodically through statsUpdated).
    StatsSnapshot snapshot() const;
    /// Whether this balancer serves and reaches a backend, with its VRRP
    /// role: what GET /api/v1/health and balancierd --health-check answer.
    BalancerHealth health() const;
    qint64 activeConnections() const;
    int workerCount() const;
    /// What the worker threads wait with: "epoll", "kqueue", "poll" or "qt"
    /// (see BALANCIER_POLLER); empty before the first apply().
    QString pollerName() const;

    /// The snapshot rate when nobody asks for one (Hz).
    static constexpr int DefaultStatsRate = 2;

    /// Asks for statsUpdated at least `hertz` times a second (clamped to
    /// 1..10) on behalf of `owner`. Every caller (the admin API's event
    /// streams, the desktop app) has its own request; the engine runs at the
    /// fastest one, or DefaultStatsRate when there is none. A request ends
    /// when its owner asks for 0 (or less) or is destroyed. The owner may
    /// live in another thread; the call itself is made in the engine's.
    void requestStatsRate(const QObject *owner, int hertz);
    /// The request of one caller that has no owner object of its own (the
    /// desktop app's local client): requestStatsRate(this engine, hertz).
    void setStatsRate(int hertz);
    /// The interval between two statsUpdated signals now.
    int statsIntervalMs() const;

    // The live connection table (Operations::listConnections(), talkers(),
    // closeConnection(), where the filter is checked, sorted and paged):
    // each worker answers for its own sessions in its own thread, between
    // two events; none stops. `done` runs in this (the control) thread once
    // every worker answered; never when the engine is destroyed first.
    void collectConnections(
        const ConnectionSelection &selection, std::function<void(const ConnectionPart &)> done);
    void collectTalkers(
        const ConnectionSelection &selection, std::function<void(const QHash<QString, Talker> &)> done);
    /// Cuts connection `id` with Termination::AdminClose in the worker that
    /// owns it (the id's top 16 bits); `done(false)` when it has none such.
    void closeConnection(quint64 id, std::function<void(bool found)> done);
    /// Connection log records dropped because the writer fell behind.
    quint64 connectionLogDropped() const;

    /// The applied configs: every apply that changes something (and the
    /// first) is a new version, recorded with the origin in force
    /// (AppliedConfigHistory::OriginScope). In memory unless the host gives it a
    /// file (AppliedConfigHistory::setStorage(), the daemon).
    AppliedConfigHistory &history();
    const AppliedConfigHistory &history() const;
    /// The delivery of the config's <alert>s (webhooks, exec hooks); idle
    /// while the config has none.
    AlertManager &alerts();
    const AlertManager &alerts() const;
    // DNS discovery (docs/dns-discovery.md).
    /// Replaces the resolver of host names and <discover> SRV lookups (a
    /// test's fake); null: the one <settings dnsserver> says, again. A
    /// resolver set here stays across applies.
    void setDnsResolver(std::shared_ptr<DnsResolver> resolver);
    /// DNS lookups made by the discovery (<discover>, resolve="all") so far, by
    /// result ("ok", "error"): balancier_discovery_lookups_total.
    QHash<QString, qint64> discoveryLookups() const;

    /// Stops accepting, lets open connections finish for up to `drainTimeoutMs`,
    /// then cuts the rest and emits stopped(). When it returns, every
    /// listening socket is closed: a new client is refused by the system,
    /// never accepted. Call from the engine's thread (a call from a worker
    /// thread is tolerated: that worker is stopped directly).
    void shutdown(qint64 drainTimeoutMs);

Q_SIGNALS:
    void configApplied(const QList<Balancier::ConfigChange> &changes);
    /// A host changed state: a health check, a drain deadline, or an
    /// administrative change (ready/drain/maintenance through any front end
    /// or a reload; reason "administrative change"), which follows the
    /// configApplied of the apply that made it.
    void hostStateChanged(const QString &service, const QString &group, const QString &host,
        const Balancier::HostStateEvent &event);
    /// A host's agent answered something that changed its state (weight %,
    /// maxconn, administrative state, health), or its agent check was
    /// switched off; `agent` says what it answered and what that changed.
    void agentChanged(const QString &service, const QString &group, const QString &host,
        const Balancier::HostAgentView &agent);
    void statsUpdated(const Balancier::StatsSnapshot &snapshot);
    void listenerFailed(const QString &service, const QString &address, const QString &reason);
    /// Clients of `service` were refused by its <acl> or <limit> (or would
    /// have been, in dry run) since the last such signal: `counts` maps
    /// "acl-denied", "limit-concurrent", "limit-rate", "dryrun-concurrent"
    /// and "dryrun-rate" to how many, leaving out those that did not move.
    /// At most once a second per service; `sinceMs` is the time since the
    /// previous one (0 for the first).
    void connectionsRefused(const QString &service, const QVariantMap &counts, qint64 sinceMs);
    void stopped(int cutConnections);
    /// A guided drain (Operations::drainHost()) moved on: at most once a
    /// second per host while it runs, and once when it ends. `progress` has
    /// "open" (connections left), "remainingMs" (to the deadline; -1: none),
    /// "deadline" (ISO UTC, or empty), "then" ("none", "remove",
    /// "maintenance"), "phase" ("progress", "done"), and at the end "cut"
    /// (connections cut at the deadline) and "outcome" ("empty", "deadline",
    /// "cancelled").
    void hostDrainProgress(
        const QString &service, const QString &group, const QString &host, const QVariantMap &progress);
    /// A group's backup hosts took over (`active`: no primary is up) or gave
    /// way to a primary again; `cut`: backup connections closed with it
    /// (onprimaryup="shutdown-backup-sessions").
    void backupStateChanged(const QString &service, const QString &group, bool active, int cut);
    /// DNS discovery: a group's SRV set or a resolve="all" host's addresses
    /// changed, or a lookup failed or recovered (the `discovery` event).
    /// `details`: kind ("changed", "failed", "recovered"), name, host (for
    /// resolve="all"), added, removed, records, error.
    void discoveryChanged(const QString &service, const QString &group, const QVariantMap &details);
    /// A terminating listener's certificates: `kind` is "reloaded" (new
    /// files in force), "reload-failed" (`detail` names the file and the
    /// problem; the old certificates stay) or "expiring" (under 14 days
    /// left, or expired; `detail` says which file and when).
    void tlsCertificateEvent(
        const QString &service, const QString &listener, const QString &kind, const QString &detail);

private:
    std::unique_ptr<EnginePrivate> d;
};

}  // namespace Balancier
