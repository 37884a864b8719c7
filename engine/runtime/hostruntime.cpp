#include "hostruntime.h"

namespace Balancier {

HostRuntime::HostRuntime(QString service, QString group, const HostConfig &config)
    : weight(config.weight)
    , maxConns(config.maxConns)
    , adminState(config.adminState)
    , backup(config.backup)
    , standby(config.backup)  // a new backup waits until GroupRuntime::updateBackups() calls it in
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
