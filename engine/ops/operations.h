#pragma once

#include "engine.h"
#include "ops/connectionquery.h"
#include "ops/opresult.h"

#include <functional>
#include <optional>

namespace Balancier {

/// The one place where a running balancer is changed. The admin API, the
/// desktop app's local client and the daemon's reload translate requests
/// into these operations and results into replies; they decide nothing. The
/// rules live here: what must exist, what exists already, name, address,
/// weight and user name checks (the validator's rules, said about the
/// argument: OpResult::parameter), one backend once per group, scheduler
/// names, "a change never takes away the last user with full
/// access", the dry-run diff, and "move the admin listener first, roll it
/// back when the apply is refused". Each operation edits a copy of the
/// running config and goes through Engine::apply(), so it is validated and
/// diffed like a reload. Administrative host state changes come out as
/// Engine::hostStateChanged (the engine emits them for every apply).
///
/// Thread contract: lives in the engine's control thread and is called only
/// from there (as the Engine). Cheap: a front end may keep one or make one
/// per request. It does not own the engine.
class Operations final
{
    Q_DISABLE_COPY_MOVE(Operations)

public:
    /// Starts, moves or stops the admin API as `config` says, the way the
    /// program that hosts it does (the daemon, or an admin server answering
    /// its own PUT): bind the new address before giving up the old one, and
    /// on failure leave the API as it was and say why in `error`. The host
    /// decides what a disabled <admin> means for it.
    using AdminMover = std::function<bool(const AdminConfig &config, QString *error)>;

    /// The fields of a host to change; unset ones stay as they are.
    struct HostEdit
    {
        std::optional<QString> address;
        std::optional<int> weight;
        std::optional<int> maxConns;
        std::optional<HostAdminState> state;
        /// The host's PROXY header choice; an inner nullopt: its group's again.
        std::optional<std::optional<ProxySendMode>> proxy;
        std::optional<bool> backup;  ///< backup="yes"
        /// Backend feedback of the host (slowstart, agent, agentinterval,
        /// agentsend); an inner nullopt: its group's again.
        std::optional<std::optional<qint64>> slowStartMs;
        std::optional<std::optional<int>> agentPort;
        std::optional<std::optional<qint64>> agentIntervalMs;
        std::optional<std::optional<QByteArray>> agentSend;
    };

    /// A guided drain: how long the open connections may take, and what
    /// runs when the last one closed or the deadline passed.
    struct DrainRequest
    {
        qint64 deadlineMs = 0;  ///< from now; 0: <settings draintimeout>, as a plain drain
        DrainThen then = DrainThen::None;
    };

    /// A group's backup and health-change behaviour; unset fields stay.
    struct LifecycleEdit
    {
        std::optional<HostDownAction> onDown;
        std::optional<PrimaryUpAction> onPrimaryUp;
        std::optional<bool> allBackups;
    };

    struct ReplaceOptions
    {
        bool dryRun = false;  ///< validate and diff only
        /// Refuse a config that takes away the last user with full access
        /// (the admin API, the desktop app). A reload from the operator's
        /// own file does not: the file is authoritative.
        bool keepFullAccessUser = true;
        QString source;  ///< names the config in errors, e.g. "request body"
    };

    explicit Operations(Engine &engine);

    /// The hook that moves the admin listener (replaceConfig(), moveAdmin());
    /// without one, <admin> changes only in the running config.
    void setAdminMover(AdminMover mover);

    // --- hosts ---
    OpResult addHost(const QString &service, const QString &group, const HostConfig &host);
    /// Without `force`, never the last live host of the enabled group (a
    /// Conflict, in pythondirector's words): without it every new client
    /// of the service would be refused.
    OpResult removeHost(
        const QString &service, const QString &group, const QString &host, bool force = false);
    /// Every host of a group, the enabled one included (pythondirector's
    /// delAllHosts): the service then refuses clients until a host is added.
    OpResult removeAllHosts(const QString &service, const QString &group);
    OpResult setHostAdminState(
        const QString &service, const QString &group, const QString &host, HostAdminState state);
    OpResult setHostWeight(const QString &service, const QString &group, const QString &host, int weight);
    OpResult setHostMaxConns(const QString &service, const QString &group, const QString &host, int maxConns);
    /// Changes the given fields of a host; with `create`, a missing host is
    /// added (it then needs an address).
    OpResult editHost(const QString &service, const QString &group, const QString &host, const HostEdit &edit,
        bool create = false);
    /// The name of the host of `service`/`group` at `address` (pythondirector's
    /// commands name a host by its address); NotFound when there is none.
    /// Changes nothing.
    OpResult findHostAt(
        const QString &service, const QString &group, const QString &address, QString *name) const;
    /// Drains a host with a deadline and an action (POST .../drain?deadline=10m&then=remove):
    /// the host goes to state drain, its deadline (an absolute UTC time) and
    /// action are kept in the config, so that the drain survives a restart;
    /// the engine cuts what is left at the deadline (Termination::DrainDeadline)
    /// and then runs the action through removeHost() or setHostAdminState().
    /// Without a deadline and an action it is today's drain.
    OpResult drainHost(
        const QString &service, const QString &group, const QString &host, const DrainRequest &request);
    /// Reads `deadline` ("10m", "90s", "1h"; empty: none) and `then`
    /// ("remove", "maintenance", "none"; empty: none): BadInput naming the
    /// parameter for anything else, or a deadline of more than 7 days.
    static OpResult parseDrainRequest(const QString &deadline, const QString &then, DrainRequest *out);
    /// Probes a host now. Changes nothing in the config.
    OpResult retryHost(const QString &service, const QString &group, const QString &host);

    // --- groups ---
    /// An empty `scheduler` keeps the default.
    OpResult addGroup(const QString &service, const QString &group, const QString &scheduler = {});
    /// Not the enabled group: enable another one first.
    OpResult removeGroup(const QString &service, const QString &group);
    OpResult enableGroup(const QString &service, const QString &group);
    OpResult setScheduler(const QString &service, const QString &group, const QString &scheduler);
    /// A group's scheduler and its options; unset fields stay as they are.
    struct SchedulingEdit
    {
        std::optional<QString> scheduler;
        std::optional<int> tableSize;  ///< "maglev": a prime (SchedulingOptions::tableSizeProblem)
        std::optional<double> balanceFactor;  ///< "maglev": above 1.0, or 0 for none
    };
    /// Changes a running group's scheduling: the group gets a new scheduler
    /// (a new Maglev table, built here on the control thread) and open
    /// connections stay where they are.
    OpResult editScheduling(const QString &service, const QString &group, const SchedulingEdit &edit);
    /// The PROXY protocol header a group sends its hosts (those without
    /// their own choice); new connections get it, open ones stay.
    OpResult setGroupProxy(const QString &service, const QString &group, ProxySendMode mode);
    /// ondown, onprimaryup and allbackups of a group; they apply at the next
    /// health or admin change (and at once for which backups take clients).
    OpResult editGroupLifecycle(const QString &service, const QString &group, const LifecycleEdit &edit);
    /// A group's backend feedback; unset fields stay as they are.
    struct FeedbackEdit
    {
        std::optional<qint64> slowStartMs;  ///< 0: none
        std::optional<int> agentPort;  ///< 0: no agent
        std::optional<qint64> agentIntervalMs;
        std::optional<QByteArray> agentSend;
    };
    /// Slow start and agent check of a group (hosts without their own).
    /// BadInput names the field: "slowstart", "agent", "agentinterval", "agentsend".
    OpResult editGroupFeedback(const QString &service, const QString &group, const FeedbackEdit &edit);

    // --- services ---
    OpResult addService(const ServiceConfig &service);
    OpResult removeService(const QString &service);
    OpResult addListener(const QString &service, const QString &address);
    OpResult removeListener(const QString &service, const QString &address);

    // --- admission (engine/ops/admissionops.cpp) ---
    /// Replaces the <acl> of `service` (`acl.enabled` false: the service has
    /// none). The workers take the new rule set at once and whole: the
    /// next client is judged by it, none by a mix. BadInput "from" names the
    /// rule and the item at fault.
    OpResult setAcl(const QString &service, const AclConfig &acl);
    /// Replaces the <limit> of `service` (`limit.enabled` false: none). A
    /// changed limit starts a new tracking table. BadInput names the field:
    /// "perip", "prefix", "prefix6", "rate", "burst", "table".
    OpResult setLimit(const QString &service, const LimitConfig &limit);
    /// The rules behind setAcl() and setLimit(), said about the argument.
    static std::optional<OpResult> checkAcl(const AclConfig &acl);
    static std::optional<OpResult> checkLimit(const LimitConfig &limit);

    // --- TLS routing (engine/ops/routeops.cpp) ---
    /// Replaces the <route> rules of `service` and its peek limits (<service
    /// peektimeout peeksize>); an empty list turns TLS routing off. New
    /// connections take the new rules at once; open ones stay where they
    /// went. BadInput names the item at fault: "routes[1].sni[0]",
    /// "routes[0].group", "peeksize" (RouteRules).
    OpResult setRoutes(
        const QString &service, const QList<RouteConfig> &routes, qint64 peekTimeoutMs, int peekSize);

    // --- users ---
    /// `user.passwordHash` is a hash already (hashing is slow and belongs off this thread).
    OpResult addUser(const AdminUser &user);
    /// Never the last user with full access.
    OpResult removeUser(const QString &name);

    // --- the live connection table (engine/ops/connectionops.cpp) ---
    /// Asks each worker for its own open connections (the workers never
    /// stop); `done` runs in the control thread, in `context`, once every
    /// worker answered, with the rows that match `filter`, sorted and paged.
    void listConnections(
        const ConnectionFilter &filter, QObject *context, std::function<void(const ConnectionPage &)> done);
    /// Closes connection `id` with Termination::AdminClose; NotFound (parameter "id") when no worker has it.
    void closeConnection(quint64 id, QObject *context, std::function<void(const OpResult &)> done);
    /// Open connections, new connections per second and bytes by client prefix, the largest first.
    void talkers(const TalkerQuery &query, QObject *context, std::function<void(const QList<Talker> &)> done);
    /// The rules of a filter and a talkers query: BadInput naming the parameter ("client",
    /// "minage", "minbytes", "sort", "offset", "limit", "prefix4", "prefix6"), or ok.
    /// listConnections() and talkers() answer nothing for a query that fails them.
    static OpResult checkConnectionFilter(const ConnectionFilter &filter);
    static OpResult checkTalkerQuery(const TalkerQuery &query);

    // --- the whole config ---
    /// Replaces the running config: with a dry run, only validates and
    /// diffs. Otherwise the admin listener moves first (setAdminMover());
    /// when it cannot, nothing changes; when the apply is then refused, it
    /// is moved back.
    OpResult replaceConfig(const Config &next, const ReplaceOptions &options);
    /// Moves the admin listener (and changes <admin>), nothing else.
    OpResult moveAdmin(const AdminConfig &admin);

    /// The rule behind removeUser() and replaceConfig(): does `config` keep a user with full access?
    static bool hasFullAccessUser(const Config &config);
    /// The rule behind removeHost(): is `host` the one host of the enabled
    /// group that takes new clients (up, ready, not removed; a host at its
    /// maxconns is still live)? False for an
    /// unknown host, a host of another group, and a host that is not live.
    bool isLastLiveHost(const QString &service, const QString &group, const QString &host) const;

private:
    OpResult applyEdited(const Config &config);

    Engine &m_engine;
    AdminMover m_adminMover;
};

}  // namespace Balancier
