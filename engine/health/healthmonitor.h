#pragma once

#include "config/config.h"
#include "runtime/hostruntime.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>
#include <unordered_map>

namespace Balancier {

class HealthProbe;

/// Decides whether each backend host is Up or Down and writes the answer
/// into HostRuntime::health, where the data plane reads it.
///
/// The model is pythondirector's re-add timer with HAProxy's hysteresis:
///  - The data plane reports connect failures (reportFailure()); an Up host
///    goes Down at once.
///  - A Down host is probed every downIntervalMs, but not before checkTimeMs
///    has passed since it went down; `rise` consecutive successes bring it Up.
///  - With `active` on, an Up host is probed every intervalMs and `fall`
///    consecutive failures take it Down. With `active` off only the data
///    plane takes hosts down.
///  - Aggressive mode: when every ready host of a service's enabled group is
///    Down, the service has no backend at all. Those hosts are then probed
///    every aggressiveIntervalMs, ignoring checkTimeMs, and the first one that
///    answers is Up at once (rise is ignored). The mode ends when any of them
///    is Up. Drain and maintenance hosts do not count: they take no new
///    connections anyway.
///  - Hosts in maintenance are not probed; drain hosts are probed normally.
///
/// A probe is a TCP connect, optionally followed by sending `send` and
/// requiring a reply that starts with `expect`, within `timeoutMs`
/// (HealthProbe). The probe connects to HostRuntime::endpoint() when it is
/// valid, else to the configured address text.
///
/// Thread contract: lives in the engine's control thread; call every method
/// from there, including reportFailure() (workers queue it). Reads the hosts'
/// atomics, writes HostRuntime::health (atomic) and the control-thread-only
/// fields downReason, lastProbeResult and history. Signals are emitted from
/// the control thread, after the monitor's own state is consistent, so a
/// receiver may call back into the monitor (e.g. setTargets()).
class HealthMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthMonitor)

public:
    /// One host to watch, with the health settings in force for its group.
    struct Target
    {
        Target() = default;
        Target(std::shared_ptr<HostRuntime> host_, HealthConfig config_, bool inEnabledGroup_ = false,
            QByteArray proxyHeader_ = {})
            : host(std::move(host_))
            , config(std::move(config_))
            , inEnabledGroup(inEnabledGroup_)
            , proxyHeader(std::move(proxyHeader_))
        { }

        std::shared_ptr<HostRuntime> host;
        HealthConfig config;
        bool inEnabledGroup = false;  ///< the host's group is its service's enabled group
        /// Sent first by every probe of a host that receives PROXY headers: a
        /// v2 LOCAL or v1 UNKNOWN header (HAProxy's check-send-proxy); empty otherwise.
        QByteArray proxyHeader;
    };

    explicit HealthMonitor(QObject *parent = nullptr);
    ~HealthMonitor() override;

    /// Replaces the watched set; call after every config apply, including
    /// admin-state changes (maintenance stops probing). Hosts that stay (same
    /// HostRuntime pointer) keep their counters, down time and probe timing;
    /// removed hosts stop being probed at once. May emit aggressiveModeChanged.
    void setTargets(const QList<Target> &targets, qint64 checkTimeMs);

    /// The data plane failed to connect to `host` (refused, timeout,
    /// unreachable, unresolvable). An Up host goes Down at once; a Down host
    /// restarts its rise count. Hosts not watched are ignored.
    void reportFailure(const std::shared_ptr<HostRuntime> &host, const QString &reason);

    /// Probes `host` at once (unless a probe is already running). Returns
    /// false, with the reason in `why` (when given), when the host is not
    /// watched or is in maintenance: maintenance hosts are never probed, not
    /// even on request (the refusal is logged too).
    bool retryNow(const std::shared_ptr<HostRuntime> &host, QString *why = nullptr);

    /// The host's agent said down, fail or stopped (`down`), or up. Down: an
    /// Up host goes Down at once and stays Down, whatever its probes say,
    /// until the agent says up. Up: a host the agent took down comes back at
    /// once unless its last probe failed (then the probes bring it back).
    /// Hosts not watched are ignored.
    void setAgentDown(const std::shared_ptr<HostRuntime> &host, bool down, const HostReason &reason);

    /// Every ready host of the service's enabled group is Down.
    bool isAggressive(const QString &service) const;

    /// Whether `host` is watched.
    bool isWatching(const std::shared_ptr<HostRuntime> &host) const;

Q_SIGNALS:
    /// `host` went from `from` to `to`; `reason` says why. Emitted once per change.
    void hostStateChanged(std::shared_ptr<Balancier::HostRuntime> host, Balancier::HostHealth from,
        Balancier::HostHealth to, const Balancier::HostReason &reason);
    /// The service entered (`on`) or left aggressive mode.
    void aggressiveModeChanged(const QString &service, bool on);

private:
    struct Watch;
    struct StateChange
    {
        std::shared_ptr<HostRuntime> host;
        HostHealth from;
        HostHealth to;
        HostReason reason;
    };
    struct ModeChange
    {
        QString service;
        bool on;
    };

    qint64 now() const;
    std::optional<qint64> nextProbeAt(const Watch &watch) const;
    void schedule(Watch &watch);
    void handleTimer(Watch &watch);
    void startProbe(Watch &watch);
    void handleProbeFinished(HostRuntime *key, HealthProbe *probe, bool ok, const QString &detail);
    StateChange changeHealth(Watch &watch, HostHealth to, const HostReason &reason);
    bool probesAggressively(const Watch &watch) const;
    QList<ModeChange> updateAggressiveModes();
    void emitChanges(const QList<StateChange> &states, const QList<ModeChange> &modes);

    std::unordered_map<HostRuntime *, std::unique_ptr<Watch>> m_watches;
    QSet<QString> m_aggressive;  // services in aggressive mode
    qint64 m_checkTimeMs = 0;
    QElapsedTimer m_clock;  // steady time base for all scheduling
};

}  // namespace Balancier
