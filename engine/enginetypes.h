#pragma once

#include "config/config.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace Balancier {

/// Value types the Engine façade hands out. No runtime, network or platform
/// header comes in through here: a front end that includes engine.h sees
/// values, never the data plane's atomics or socket types.
///
/// Thread contract: plain values; copy them anywhere.

/// Health as the checks and the data plane see it; administrative state
/// (ready/drain/maintenance) is separate.
enum class HostHealth : int
{
    Up,
    Down,
};

/// Why a host's state changed: a stable code with its parameters, so that a
/// front end words it in its own language, and the English text for logs.
/// Codes (parameters): added, adminChange, addressChanged (from, to),
/// removedFromConfig, groupRemoved, serviceRemoved, connectFailed (detail),
/// probeFailed (count, detail), probeSucceeded (count),
/// answeredWhileGroupDown (group), drainTimeout (timeout, cut), agentDown
/// (word, reason), agentUp, agentAdmin (state), agentOff. A client
/// ignores a code it does not know and shows the text.
struct HostReason
{
    QString code;
    QVariantMap params;

    /// The English sentence: logs, the admin API's "reason", old clients.
    QString text() const;
};

/// One entry of a host's bounded state history.
struct HostStateEvent
{
    QDateTime when;
    QString state;  ///< "up", "down", "draining", "maintenance", "ready", "removed"
    QString reason;  ///< why, in English, e.g. "connection refused", "3 consecutive probes failed: ..."
    QString reasonCode;  ///< HostReason::code; empty from an older balancer
    QVariantMap reasonParams;  ///< HostReason::params
};

/// What a host's agent (HAProxy's agent check, <group agent="PORT">) said
/// last and what that changed. The agent's state is runtime only: it is not
/// written to the config, as in HAProxy, and it is forgotten when the agent
/// is switched off or the balancer restarts.
struct HostAgentView
{
    bool enabled = false;  ///< the host has an agent port
    int port = 0;
    QString lastAnswer;  ///< the last line, printable (escaped), empty before the first
    QDateTime lastAnswerAt;
    QString lastError;  ///< why the last attempt failed; empty when it answered
    QDateTime lastErrorAt;
    /// What the last answer that changed something changed, in words a script
    /// can match: "weight 75%", "maxconn 30", "admin drain", "health down: reason", ...
    QStringList changed;
    QDateTime changedAt;
    int weightPercent = 100;  ///< the agent's weight, % of the configured weight
    int maxConns = -1;  ///< the agent's maxconn:N; -1: none (the configured one)
    QString adminState;  ///< "", "drain", "maintenance": the agent's own administrative state
    bool down = false;  ///< the agent said down, fail or stopped (and not up since)
    QString downReason;  ///< its #reason
    qint64 answers = 0;
    qint64 failures = 0;  ///< connect errors, timeouts, over-long or empty lines
};

/// The live state of one backend host at the moment it was read
/// (Engine::host()). Counters are read one by one, without a common lock:
/// each is exact, together they are as consistent as a snapshot's.
struct HostView
{
    QString service;
    QString group;
    QString name;
    QString address;  ///< as written in the config
    QString discovered;  ///< "srv", "resolve" for a host found by DNS discovery; empty otherwise
    QString state;  ///< "up", "down", "draining", "maintenance"
    HostAdminState adminState = HostAdminState::Ready;
    HostHealth health = HostHealth::Up;
    bool removed = false;  ///< removed from the config; its last connections drain
    QString downReason;  ///< why it is down, or empty
    QString downReasonCode;  ///< HostReason::code of downReason
    QVariantMap downReasonParams;  ///< HostReason::params of downReason
    QString lastProbeResult;  ///< empty before the first probe
    QString resolveError;  ///< why its address did not resolve, or empty
    QDateTime lastChange;
    int weight = 1;
    /// The weight new connections see: weight x agent % x slow-start ramp,
    /// in weight units (fractions while ramping).
    double effectiveWeight = 1;
    qint64 slowStartMs = 0;  ///< the host's slow start (its own, else its group's); 0: none
    qint64 slowStartLeftMs = 0;  ///< what is left of its ramp; 0: not ramping
    HostAgentView agent;
    int maxConns = 0;
    qint64 active = 0;
    qint64 total = 0;  ///< connections established to this host
    qint64 failedConnects = 0;
    qint64 bytesIn = 0;  ///< backend -> clients
    qint64 bytesOut = 0;  ///< clients -> backend
    qint64 lastClosedNs = 0;  ///< steady clock of the last closed connection (leastconnsrr's tie-break)
    QList<HostStateEvent> history;  ///< oldest first, bounded
    bool backup = false;  ///< backup="yes"
    bool standby = false;  ///< a backup held back now (a primary is up, or another backup comes first)
    qint64 drainDeadlineMs = 0;  ///< a guided drain's deadline (ms since the epoch, UTC), or 0
    DrainThen drainThen = DrainThen::None;  ///< a guided drain's action
};

}  // namespace Balancier
