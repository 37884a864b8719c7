#include "hostruntime.h"

#include <algorithm>
#include <limits>

namespace Balancier {

HostRuntime::HostRuntime(QString service, QString group, const HostConfig &config)
    : weight(config.weight)
    // Saturated: a config's weight is at most ConfigLimits::maxWeight, but a
    // model built in code may say more.
    , effectiveWeight(int(std::min<qint64>(
          qint64(std::max(config.weight, 0)) * WeightScale, std::numeric_limits<int>::max())))
    , maxConns(config.maxConns)
    , adminState(config.adminState)
    , backup(config.backup)
    , standby(config.backup)  // a new backup waits until GroupRuntime::updateBackups() calls it in
    , configAdminState(config.adminState)
    , configMaxConns(config.maxConns)
    , m_service(std::move(service))
    , m_group(std::move(group))
    , m_name(config.name)
    , m_discovered(config.discovered)
    , m_address(config.address)
{
    lastChange = QDateTime::currentDateTimeUtc();
}

QString HostRuntime::address() const
{
    std::lock_guard lock(m_mutex);
    return m_address;
}

void HostRuntime::setAddress(const QString &address)
{
    std::lock_guard lock(m_mutex);
    m_address = address;
    m_endpoint = {};
    m_resolveError.clear();
}

Endpoint HostRuntime::endpoint() const
{
    std::lock_guard lock(m_mutex);
    return m_endpoint;
}

void HostRuntime::setEndpoint(const Endpoint &endpoint, const QString &resolveError)
{
    std::lock_guard lock(m_mutex);
    m_endpoint = endpoint;
    m_resolveError = resolveError;
}

QString HostRuntime::resolveError() const
{
    std::lock_guard lock(m_mutex);
    return m_resolveError;
}

bool HostRuntime::isLive() const
{
    return health.load(std::memory_order_relaxed) == HostHealth::Up
        && adminState.load(std::memory_order_relaxed) == HostAdminState::Ready
        && !removed.load(std::memory_order_relaxed);
}

bool HostRuntime::isAvailable() const
{
    if (!isLive() || standby.load(std::memory_order_relaxed))
        return false;
    const int limit = maxConns.load(std::memory_order_relaxed);
    return limit <= 0 || active.load(std::memory_order_relaxed) < limit;
}

bool HostRuntime::tryAcquire()
{
    if (!isLive() || standby.load(std::memory_order_relaxed))
        return false;
    const int limit = maxConns.load(std::memory_order_relaxed);
    qint64 current = active.load(std::memory_order_relaxed);
    do {
        if (limit > 0 && current >= limit)
            return false;
    } while (!active.compare_exchange_weak(current, current + 1, std::memory_order_acq_rel));
    return true;
}

void HostRuntime::release()
{
    active.fetch_sub(1, std::memory_order_acq_rel);
}

void HostRuntime::recordEvent(const QString &state, const HostReason &reason)
{
    lastChange = QDateTime::currentDateTimeUtc();
    m_history.append({lastChange, state, reason.text(), reason.code, reason.params});
    if (m_history.size() > HistoryLimit)
        m_history.remove(0, m_history.size() - HistoryLimit);
}

QString HostRuntime::stateName() const
{
    if (removed.load(std::memory_order_relaxed))
        return QStringLiteral("draining");
    switch (adminState.load(std::memory_order_relaxed)) {
    case HostAdminState::Maintenance:
        return QStringLiteral("maintenance");
    case HostAdminState::Drain:
        return QStringLiteral("draining");
    case HostAdminState::Ready:
        break;
    }
    return health.load(std::memory_order_relaxed) == HostHealth::Up ? QStringLiteral("up")
                                                                    : QStringLiteral("down");
}

HostAdminState HostRuntime::combinedAdminState() const
{
    // Maintenance > Drain > Ready.
    const auto rank = [](HostAdminState state) {
        return state == HostAdminState::Maintenance ? 2 : state == HostAdminState::Drain ? 1 : 0;
    };
    HostAdminState agentState = HostAdminState::Ready;
    if (agent.adminState == QLatin1StringView("drain"))
        agentState = HostAdminState::Drain;
    else if (agent.adminState == QLatin1StringView("maintenance"))
        agentState = HostAdminState::Maintenance;
    return rank(agentState) > rank(configAdminState) ? agentState : configAdminState;
}

int HostRuntime::combinedMaxConns() const
{
    return agent.maxConns >= 0 ? agent.maxConns : configMaxConns;
}

void HostRuntime::startSlowStart(qint64 nowMs)
{
    rampStartMs = slowStartMs > 0 ? nowMs : -1;
}

int HostRuntime::computeEffectiveWeight(qint64 nowMs)
{
    const qint64 configured = std::max(weight.load(std::memory_order_relaxed), 0);
    qint64 full = configured * WeightScale * std::max(agent.weightPercent, 0) / 100;
    if (configured > 0 && agent.weightPercent > 0)
        full = std::max<qint64>(full, 1);
    if (rampStartMs >= 0) {
        const qint64 elapsed = nowMs - rampStartMs;
        if (slowStartMs <= 0 || elapsed >= slowStartMs) {
            rampStartMs = -1;
        } else if (full > 0) {
            // HAProxy's rounding: up, and at least 1, so that a host that has
            // just come back gets a little traffic from the start.
            const qint64 ramped = (full * std::max<qint64>(elapsed, 0) + slowStartMs - 1) / slowStartMs;
            return int(std::clamp<qint64>(ramped, 1, full));
        }
    }
    return int(std::min<qint64>(full, std::numeric_limits<int>::max()));
}

bool HostRuntime::refreshEffectiveWeight(qint64 nowMs)
{
    const int next = computeEffectiveWeight(nowMs);
    return effectiveWeight.exchange(next, std::memory_order_relaxed) != next;
}

HostView HostRuntime::view(qint64 nowMs) const
{
    HostView result = view();
    if (rampStartMs >= 0)
        result.slowStartLeftMs = std::max<qint64>(slowStartMs - (nowMs - rampStartMs), 0);
    return result;
}

HostView HostRuntime::view() const
{
    HostView view;
    view.service = m_service;
    view.group = m_group;
    view.name = m_name;
    view.discovered = m_discovered;
    {
        std::lock_guard lock(m_mutex);
        view.address = m_address;
        view.resolveError = m_resolveError;
    }
    view.state = stateName();
    view.adminState = adminState.load(std::memory_order_relaxed);
    view.health = health.load(std::memory_order_relaxed);
    view.removed = removed.load(std::memory_order_relaxed);
    view.downReason = downReason;
    view.downReasonCode = downCause.code;
    view.downReasonParams = downCause.params;
    view.lastProbeResult = lastProbeResult;
    view.lastChange = lastChange;
    view.weight = weight.load(std::memory_order_relaxed);
    view.effectiveWeight = double(effectiveWeight.load(std::memory_order_relaxed)) / WeightScale;
    view.slowStartMs = slowStartMs;
    view.agent = agent;
    view.maxConns = maxConns.load(std::memory_order_relaxed);
    view.active = active.load(std::memory_order_relaxed);
    view.total = total.load(std::memory_order_relaxed);
    view.failedConnects = failedConnects.load(std::memory_order_relaxed);
    view.bytesIn = bytesIn.load(std::memory_order_relaxed);
    view.bytesOut = bytesOut.load(std::memory_order_relaxed);
    view.lastClosedNs = lastClosedNs.load(std::memory_order_relaxed);
    view.history = m_history;
    view.backup = backup.load(std::memory_order_relaxed);
    view.standby = standby.load(std::memory_order_relaxed);
    view.drainDeadlineMs = drainDeadlineMs;
    view.drainThen = drainThen;
    return view;
}

}  // namespace Balancier
