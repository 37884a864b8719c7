#pragma once

#include "config/config.h"
#include "enginetypes.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <atomic>
#include <mutex>

#include <sys/types.h>
#ifdef _WIN32
// Keep windows.h's min/max macros out of every file that includes this one.
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <sys/socket.h>
#endif

namespace Balancier {

/// A resolved backend address, ready for connect().
struct Endpoint
{
    sockaddr_storage storage{};
    socklen_t length = 0;

    bool isValid() const { return length > 0; }
};

/// The live state of one backend host, shared by every worker thread.
///
/// Thread contract: created, re-configured and destroyed by the engine's
/// control thread. Workers hold it through shared pointers and touch only
/// the atomics and endpoint(). Everything not atomic is control-thread only.
class HostRuntime final
{
    Q_DISABLE_COPY_MOVE(HostRuntime)

public:
    HostRuntime(QString service, QString group, const HostConfig &config);

    const QString &service() const { return m_service; }
    const QString &group() const { return m_group; }
    const QString &name() const { return m_name; }
    /// HostConfig::discovered: "srv", "resolve", or empty for a host of the config.
    const QString &discovered() const { return m_discovered; }

    // --- configuration, set by the control thread, read anywhere ---
    QString address() const;  ///< as written in the config
    void setAddress(const QString &address);
    Endpoint endpoint() const;  ///< last resolution; invalid when unresolved
    void setEndpoint(const Endpoint &endpoint, const QString &resolveError);
    QString resolveError() const;

    std::atomic<int> weight{1};  ///< the configured weight
    /// Units of effectiveWeight per unit of weight: a ramp has steps even
    /// for weight 1 (HAProxy's BE_WEIGHT_SCALE).
    static constexpr int WeightScale = 16;
    /// What the weight-aware schedulers read: weight x WeightScale x the
    /// agent's % x the slow-start ramp, at least 1 while weight and the
    /// agent's % are above 0. Written by the control thread only
    /// (refreshEffectiveWeight()); 0 means no new connections.
    std::atomic<int> effectiveWeight{WeightScale};
    std::atomic<int> maxConns{0};  ///< in force: the agent's maxconn, else the configured one
    std::atomic<HostAdminState> adminState{HostAdminState::Ready};  ///< in force: see combinedAdminState()
    std::atomic<HostHealth> health{HostHealth::Up};
    /// The PROXY header sent before the client's bytes (the host's proxy, else
    /// its group's); read at each connect and health probe, so a change
    /// applies to new connections.
    std::atomic<ProxySendMode> proxyMode{ProxySendMode::None};
    std::atomic<bool> removed{false};  ///< removed from the config; draining its last connections
    /// backup="yes": a host that takes over only while no primary of its group is up.
    std::atomic<bool> backup{false};
    /// A backup host held back now (a primary is up, or allbackups="no" and
    /// another backup comes first). Computed on the control thread
    /// (GroupRuntime::updateBackups()) when health or admin state changes;
    /// workers only read it, through isAvailable().
    std::atomic<bool> standby{false};

    // --- counters, updated by workers with relaxed atomics ---
    std::atomic<qint64> active{0};
    std::atomic<qint64> total{0};  ///< connections established to this host
    std::atomic<qint64> failedConnects{0};
    std::atomic<qint64> bytesIn{0};  ///< bytes from the backend to clients
    std::atomic<qint64> bytesOut{0};  ///< bytes from clients to the backend
    std::atomic<qint64> lastClosedNs{0};  ///< steady clock; leastconnsrr breaks ties on it

    /// Up, ready, not removed, not a backup on standby, and not full.
    bool isAvailable() const;
    /// Up, ready and not removed: it would take clients (a primary that is
    /// live holds the group's backups back).
    bool isLive() const;

    /// Takes a connection slot if the host is available and below maxconns.
    /// Exact across threads. Pair every success with release().
    bool tryAcquire();
    void release();

    // --- control thread only ---
    QString downReason;
    HostReason downCause;  ///< downReason as a code and parameters, for translated front ends
    QDateTime lastChange;
    QString lastProbeResult;
    /// Its guided drain (HostConfig::drainDeadlineMs, drainThen), as applied.
    qint64 drainDeadlineMs = 0;
    DrainThen drainThen = DrainThen::None;
    void recordEvent(const QString &state, const HostReason &reason);
    const QList<HostStateEvent> &history() const { return m_history; }
    static constexpr int HistoryLimit = 100;

    // --- backend feedback: agent check and slow start (control thread only) ---
    HostAdminState configAdminState = HostAdminState::Ready;  ///< as the config says
    int configMaxConns = 0;  ///< as the config says
    qint64 slowStartMs = 0;  ///< GroupConfig::slowStartOf()
    qint64 rampStartMs = -1;  ///< steady ms when the ramp began; -1: not ramping
    HostAgentView agent;  ///< the agent's last answer and the state it set
    QStringList unknownAgentWords;  ///< logged once each (bounded)

    /// The stricter of the config's administrative state and the agent's:
    /// an agent cannot make ready a host the operator drains.
    HostAdminState combinedAdminState() const;
    /// The agent's maxconn:N, else the configured maxconns.
    int combinedMaxConns() const;
    /// Begins the slow-start ramp at `nowMs` (steady) if the host has one.
    /// Called when the host comes back (health up, admin back to ready) and
    /// when it is added to a running balancer (discovery included).
    void startSlowStart(qint64 nowMs);
    /// effectiveWeight as it should be at `nowMs`; ends a finished ramp.
    int computeEffectiveWeight(qint64 nowMs);
    /// Stores computeEffectiveWeight(); true if it changed (then tell the
    /// group's scheduler: weightChanged()).
    bool refreshEffectiveWeight(qint64 nowMs);
    bool isRamping() const { return rampStartMs >= 0; }

    /// Current state name: "up", "down", "draining", "maintenance".
    QString stateName() const;

    /// Everything above as one value, for the façade (Engine::host()).
    HostView view() const;
    /// view() with the slow start left at `nowMs` (steady).
    HostView view(qint64 nowMs) const;

private:
    const QString m_service;
    const QString m_group;
    const QString m_name;
    const QString m_discovered;
    mutable std::mutex m_mutex;  // guards m_address, m_endpoint, m_resolveError
    QString m_address;
    Endpoint m_endpoint;
    QString m_resolveError;
    QList<HostStateEvent> m_history;
};

}  // namespace Balancier
