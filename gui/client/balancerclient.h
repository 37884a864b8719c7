#pragma once

#include "config/configdiff.h"
#include "config/diagnostic.h"
#include "enginetypes.h"
#include "log/eventlogmodel.h"
#include "ops/connectionquery.h"
#include "stats/statssnapshot.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace Balancier {

/// One host of the running balancer, as the dashboard and the actions name it.
struct HostRef
{
    QString service;
    QString group;
    QString host;

    friend bool operator==(const HostRef &, const HostRef &) = default;
};

/// What a host action asks the balancer to do.
enum class HostAction
{
    Drain,  ///< no new connections; open ones finish
    Maintenance,  ///< out of rotation, not probed as a failure
    Ready,  ///< back into rotation
    Retry,  ///< probe a down host now
    Remove,  ///< remove from the config (drains its connections); never the last live host of the enabled
             ///< group
    RemoveForced,  ///< Remove, even the last live host of the enabled group (the service then refuses
                   ///< clients)
    SetWeight,  ///< the value is the new weight
};

/// What GET /api/v1/health says about a balancer node.
struct NodeHealth
{
    enum class Role
    {
        Unknown,  ///< not in a VRRP pair, or the daemon cannot tell (or is too old to say)
        Master,
        Backup,
    };

    bool known = false;  ///< false: the node has no health endpoint (an older daemon: 404)
    bool healthy = false;
    bool serving = false;
    int liveServices = 0;
    int services = 0;
    Role role = Role::Unknown;

    /// "master", "backup", anything else is Unknown.
    static Role roleFromName(const QString &name);
    /// The translated name of a role, for tables and labels.
    static QString roleName(Role role);
};

/// The outcome of one request a client made on the user's behalf.
struct ClientReply
{
    bool ok = false;
    /// Refused because of the running state, not the request (HTTP 409,
    /// OpResult::Failure::Conflict): e.g. the last live host of a group, or
    /// a PUT whose If-Match names a config that has moved on.
    bool conflict = false;
    QString error;  ///< why it failed, in one or more lines
    QList<ConfigChange> changes;  ///< what the balancer executed (or, for a dry run, would execute)
    QStringList warnings;
    QList<Diagnostic> diagnostics;  ///< the located errors of a refused config
    QByteArray data;  ///< fetchRunningConfig(): the running config as XML
    QList<HostStateEvent> history;  ///< fetchHistory(): oldest first
    QByteArray etag;  ///< the running config's version (ETag) the answer names, when the balancer gives one
    NodeHealth health;  ///< fetchHealth()
    /// Refused because the user may not do this (HTTP 403): a read-only
    /// login asked for a change, or the request failed the API's CSRF check.
    bool forbidden = false;
    ConnectionPage connections;  ///< fetchConnections()
    QList<Talker> talkers;  ///< fetchTalkers()
};

/// The one interface the desktop app uses to watch and steer a balancer,
/// whether the engine runs in this process (LocalClient) or in a balancierd
/// reached over the admin API (RemoteClient).
///
/// Requests are asynchronous: each takes a context object and a handler; the
/// handler runs later in the context's thread, and not at all when the
/// context is gone by then. Snapshots and events are pushed as signals.
///
/// Thread contract: create, use and destroy a client in the GUI thread; every
/// signal and every handler is delivered there.
class BalancerClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BalancerClient)

public:
    enum class State
    {
        Disconnected,  ///< not started, stopped, or given up (see lastError())
        Connecting,  ///< first attempt in progress
        Connected,  ///< snapshots are flowing
        Reconnecting,  ///< the connection was lost; trying again with back-off
    };
    Q_ENUM(State)

    using ReplyHandler = std::function<void(const ClientReply &)>;

    explicit BalancerClient(QObject *parent = nullptr);
    ~BalancerClient() override;

    /// What this client talks to, for the title and the status bar.
    virtual QString description() const = 0;
    /// True for a client that can edit the running config (a read-only admin user cannot).
    virtual bool isLocal() const = 0;

    /// Connects (or starts the local engine). Progress shows in stateChanged().
    virtual void start() = 0;
    /// Disconnects (or stops the local engine). No signal is emitted afterwards.
    virtual void stop() = 0;

    /// The running config as XML (what /running.xml serves).
    virtual void fetchRunningConfig(QObject *context, ReplyHandler handler) = 0;
    /// Applies a whole config; with `dryRun`, only says what would change.
    virtual void applyConfig(const QByteArray &xml, bool dryRun, QObject *context, ReplyHandler handler) = 0;
    /// One host action; `value` is the weight for HostAction::SetWeight.
    virtual void hostAction(
        const HostRef &host, HostAction action, int value, QObject *context, ReplyHandler handler)
        = 0;
    /// A guided drain (issue 16): drain `host`, cut what is left after
    /// `deadlineMs` (0: <settings draintimeout>), then run `then`
    /// (POST …/drain?deadline=…&then=…, Operations::drainHost()). The
    /// default is the plain drain, for clients that cannot do more.
    virtual void drainHost(
        const HostRef &host, qint64 deadlineMs, DrainThen then, QObject *context, ReplyHandler handler);
    /// Applies a whole config only while the running config is still the
    /// version `ifMatch` (an etag of fetchRunningConfig() or of a dry run);
    /// otherwise fails with ClientReply::conflict. The default (a balancer
    /// in this process, which only this app changes) applies unconditionally.
    virtual void applyConfigIfMatch(
        const QByteArray &xml, const QByteArray &ifMatch, QObject *context, ReplyHandler handler);
    /// The node's health and VRRP role (ClientReply::health). The default
    /// (a balancer in this process) has no health endpoint: known is false.
    virtual void fetchHealth(QObject *context, ReplyHandler handler);
    /// The host's state history, oldest first.
    virtual void fetchHistory(const HostRef &host, QObject *context, ReplyHandler handler) = 0;
    /// The balancer's config history (GET /api/v1/config/history?full=1, or
    /// the local engine's): ClientReply::data holds its entries as a JSON
    /// array, newest first, each with its changes and XML. The default (a
    /// balancer that keeps none) fails.
    virtual void fetchConfigHistory(QObject *context, ReplyHandler handler);
    /// Rolls the running config back to version `version` of the
    /// balancer's config history, through the usual diff and apply, recorded
    /// with origin "rollback" (POST /api/v1/config/history/{n}/rollback, or
    /// the local engine's history). ClientReply::etag names the new running
    /// config. The default (a balancer that keeps no history) fails.
    virtual void rollbackConfig(qint64 version, QObject *context, ReplyHandler handler);
    /// How often snapshots should arrive, 2..10 Hz.
    virtual void setRefreshRate(int hertz) = 0;

    // --- the live connection table ---
    /// One page of the open connections that match `filter`
    /// (ClientReply::connections). The default (a client that cannot list
    /// connections) fails with a message.
    virtual void fetchConnections(const ConnectionFilter &filter, QObject *context, ReplyHandler handler);
    /// Closes one connection (termination code admin-close). A read-only
    /// login is refused with ClientReply::forbidden.
    virtual void closeConnection(quint64 id, QObject *context, ReplyHandler handler);
    /// Open connections, rate and bytes by client prefix (ClientReply::talkers).
    virtual void fetchTalkers(const TalkerQuery &query, QObject *context, ReplyHandler handler);

    State state() const { return m_state; }
    /// The last error that changed the state, or empty.
    QString lastError() const { return m_lastError; }
    /// The last snapshot received; empty before the first.
    const StatsSnapshot &snapshot() const { return m_snapshot; }

    /// The translated name of a state, for the status bar.
    static QString stateName(State state);

Q_SIGNALS:
    void stateChanged(Balancier::BalancerClient::State state);
    /// Emitted once per failure that changes the state, never once per retry.
    void errorOccurred(const QString &message);
    void snapshotReceived(const Balancier::StatsSnapshot &snapshot);
    void hostStateChanged(const Balancier::HostRef &host, const Balancier::HostStateEvent &event);
    /// The running config changed (from any source); `changes` describe it
    /// (ChangeText words them).
    void configApplied(const QList<Balancier::ConfigChange> &changes);
    /// A line of the balancer's own log (a remote balancierd's; a balancer
    /// in this process is heard through EngineLogCapture instead).
    /// `category` without the "balancier." prefix, as EngineLogCapture gives it.
    void logLineReceived(Balancier::EventLogModel::Level level, const QString &category,
        const QString &message, const QDateTime &when);

protected:
    /// Records and announces a state; an error is announced only when it is new.
    void setState(State state, const QString &error = {});
    void deliverSnapshot(const StatsSnapshot &snapshot);
    /// Runs `handler` with `reply` in `context`'s thread, later, if `context` still exists.
    static void deliver(QObject *context, const ReplyHandler &handler, const ClientReply &reply);

private:
    State m_state = State::Disconnected;
    QString m_lastError;
    StatsSnapshot m_snapshot;
};

}  // namespace Balancier

Q_DECLARE_METATYPE(Balancier::HostRef)
