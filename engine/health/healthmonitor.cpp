#include "healthmonitor.h"

#include "healthprobe.h"
#include "logcategories.h"

#include <QMap>
#include <QTimer>

namespace Balancier {

namespace {

// A misconfigured interval of 0 must not turn the control thread into a busy loop.
constexpr qint64 MinimumIntervalMs = 10;

qint64 interval(qint64 configured)
{
    return std::max(configured, MinimumIntervalMs);
}

QString describeHost(const HostRuntime &host)
{
    return QStringLiteral("host '%1' (service '%2', group '%3')")
        .arg(host.name(), host.service(), host.group());
}

}  // namespace

/// Per-host bookkeeping. Times are on the monitor's steady clock (now()).
struct HealthMonitor::Watch
{
    std::shared_ptr<HostRuntime> host;
    HealthConfig config;
    bool inEnabledGroup = false;
    QByteArray proxyHeader;  // Target::proxyHeader
    int successes = 0;  // consecutive, while Down
    int failures = 0;  // consecutive, while Up
    bool agentDown = false;  // the host's agent said down (setAgentDown)
    bool lastProbeOk = true;  // no probe yet counts as ok
    qint64 lastProbeAt = 0;  // when the last probe ended (or watching began)
    qint64 downSince = 0;  // when the host went Down (or watching began)
    QTimer timer;  // single shot: the next probe
    HealthProbe *probe = nullptr;  // the probe in flight, owned by the monitor
};

HealthMonitor::HealthMonitor(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
}

HealthMonitor::~HealthMonitor()
{
    // Probes are children of the monitor; stop them before the watches go so
    // that nothing they do during destruction can reach a dead watch.
    for (auto &[key, watch] : m_watches) {
        if (watch->probe) {
            watch->probe->cancel();
            delete watch->probe;
            watch->probe = nullptr;
        }
    }
}

void HealthMonitor::setTargets(const QList<Target> &targets, qint64 checkTimeMs)
{
    m_checkTimeMs = std::max<qint64>(checkTimeMs, 0);

    std::unordered_map<HostRuntime *, std::unique_ptr<Watch>> previous;
    previous.swap(m_watches);
    for (const Target &target : targets) {
        if (!target.host)
            continue;
        HostRuntime *key = target.host.get();
        std::unique_ptr<Watch> watch;
        if (const auto kept = m_watches.find(key); kept != m_watches.end()) {
            // Listed twice: the last entry's settings win.
            kept->second->config = target.config;
            kept->second->inEnabledGroup = target.inEnabledGroup;
            kept->second->proxyHeader = target.proxyHeader;
            continue;
        }
        if (const auto kept = previous.find(key); kept != previous.end()) {
            watch = std::move(kept->second);
            previous.erase(kept);
        } else {
            watch = std::make_unique<Watch>();
            watch->host = target.host;
            watch->lastProbeAt = now();
            watch->downSince = now();
            watch->timer.setSingleShot(true);
            Watch *raw = watch.get();
            connect(&watch->timer, &QTimer::timeout, this, [this, raw] { handleTimer(*raw); });
        }
        watch->config = target.config;
        watch->inEnabledGroup = target.inEnabledGroup;
        watch->proxyHeader = target.proxyHeader;
        m_watches.emplace(key, std::move(watch));
    }
    for (auto &[key, watch] : previous) {
        if (watch->probe) {
            watch->probe->cancel();
            watch->probe->deleteLater();
            watch->probe = nullptr;
        }
    }
    previous.clear();

    const QList<ModeChange> modes = updateAggressiveModes();
    for (auto &[key, watch] : m_watches)
        schedule(*watch);
    emitChanges({}, modes);
}

void HealthMonitor::reportFailure(const std::shared_ptr<HostRuntime> &host, const QString &reason)
{
    const auto it = m_watches.find(host.get());
    if (it == m_watches.end()) {
        if (host)
            qCDebug(lcHealth).noquote()
                << "ignoring a failure of unwatched" << describeHost(*host) << ":" << reason;
        return;
    }
    Watch &watch = *it->second;
    if (watch.host->health.load(std::memory_order_acquire) != HostHealth::Up) {
        // Already down: a fresh failure means the host is not back yet.
        watch.successes = 0;
        return;
    }
    const StateChange change = changeHealth(
        watch, HostHealth::Down, {QStringLiteral("connectFailed"), {{QStringLiteral("detail"), reason}}});
    const QList<ModeChange> modes = updateAggressiveModes();
    schedule(watch);
    emitChanges({change}, modes);
}

bool HealthMonitor::retryNow(const std::shared_ptr<HostRuntime> &host, QString *why)
{
    const auto it = m_watches.find(host.get());
    if (it == m_watches.end()) {
        if (why)
            *why = host ? describeHost(*host) + QStringLiteral(" is not health-checked")
                        : QStringLiteral("no such host");
        return false;
    }
    if (host->adminState.load(std::memory_order_relaxed) == HostAdminState::Maintenance) {
        // The operator took it out, perhaps to work on it: a probe would
        // disturb that, and its answer would change nothing.
        const QString reason = describeHost(*host)
            + QStringLiteral(" is in maintenance and is not probed; set it to ready or drain first");
        qCInfo(lcHealth).noquote() << "retry refused:" << reason;
        if (why)
            *why = reason;
        return false;
    }
    if (why)
        why->clear();
    startProbe(*it->second);
    return true;
}

void HealthMonitor::setAgentDown(
    const std::shared_ptr<HostRuntime> &host, bool down, const HostReason &reason)
{
    const auto it = m_watches.find(host.get());
    if (it == m_watches.end())
        return;
    Watch &watch = *it->second;
    if (watch.agentDown == down)
        return;
    watch.agentDown = down;
    const HostHealth health = host->health.load(std::memory_order_acquire);
    QList<StateChange> states;
    if (down && health == HostHealth::Up)
        states.append(changeHealth(watch, HostHealth::Down, reason));
    else if (!down && health == HostHealth::Down && host->downCause.code == QLatin1StringView("agentDown")
        && watch.lastProbeOk)
        states.append(changeHealth(watch, HostHealth::Up, reason));
    if (states.isEmpty())
        return;
    const QList<ModeChange> modes = updateAggressiveModes();
    schedule(watch);
    emitChanges(states, modes);
}

bool HealthMonitor::isAggressive(const QString &service) const
{
    return m_aggressive.contains(service);
}

bool HealthMonitor::isWatching(const std::shared_ptr<HostRuntime> &host) const
{
    return m_watches.find(host.get()) != m_watches.end();
}

qint64 HealthMonitor::now() const
{
    return m_clock.elapsed();
}

std::optional<qint64> HealthMonitor::nextProbeAt(const Watch &watch) const
{
    const HostRuntime &host = *watch.host;
    if (watch.probe || host.adminState.load(std::memory_order_relaxed) == HostAdminState::Maintenance)
        return std::nullopt;
    if (host.health.load(std::memory_order_acquire) == HostHealth::Up) {
        if (!watch.config.active)
            return std::nullopt;
        return watch.lastProbeAt + interval(watch.config.intervalMs);
    }
    const qint64 base = std::max(watch.lastProbeAt, watch.downSince);
    if (probesAggressively(watch))
        return base + interval(watch.config.aggressiveIntervalMs);
    return std::max(base + interval(watch.config.downIntervalMs), watch.downSince + m_checkTimeMs);
}

void HealthMonitor::schedule(Watch &watch)
{
    watch.timer.stop();
    const std::optional<qint64> at = nextProbeAt(watch);
    if (!at)
        return;
    watch.timer.start(std::chrono::milliseconds(std::max<qint64>(*at - now(), 0)));
}

void HealthMonitor::handleTimer(Watch &watch)
{
    // Re-check: the admin state may have changed since this was scheduled,
    // and a coarse timer may fire a little early, which must not cut
    // checktime short.
    const std::optional<qint64> at = nextProbeAt(watch);
    if (!at)
        return;
    if (*at > now()) {
        watch.timer.start(std::chrono::milliseconds(*at - now()));
        return;
    }
    startProbe(watch);
}

void HealthMonitor::startProbe(Watch &watch)
{
    if (watch.probe)
        return;
    watch.timer.stop();
    auto *probe = new HealthProbe(this);
    HostRuntime *key = watch.host.get();
    connect(probe, &HealthProbe::finished, this,
        [this, key, probe](bool ok, const QString &detail) { handleProbeFinished(key, probe, ok, detail); });
    watch.probe = probe;
    probe->start(watch.host->endpoint(), watch.host->address(), watch.proxyHeader + watch.config.send,
        watch.config.expect, watch.config.timeoutMs);
}

void HealthMonitor::handleProbeFinished(HostRuntime *key, HealthProbe *probe, bool ok, const QString &detail)
{
    probe->deleteLater();
    const auto it = m_watches.find(key);
    if (it == m_watches.end() || it->second->probe != probe)
        return;
    Watch &watch = *it->second;
    HostRuntime &host = *watch.host;
    watch.probe = nullptr;
    watch.lastProbeAt = now();
    watch.lastProbeOk = ok;
    host.lastProbeResult = ok ? QStringLiteral("ok in %1 ms").arg(probe->elapsedMs())
                              : QStringLiteral("failed: %1").arg(detail);
    qCDebug(lcHealth).noquote() << "probe of" << describeHost(host) << ":" << host.lastProbeResult;

    QList<StateChange> states;
    if (host.health.load(std::memory_order_acquire) == HostHealth::Up) {
        if (ok) {
            watch.failures = 0;
        } else if (++watch.failures >= std::max(watch.config.fall, 1)) {
            states.append(changeHealth(watch, HostHealth::Down,
                {QStringLiteral("probeFailed"),
                    {{QStringLiteral("count"), watch.failures}, {QStringLiteral("detail"), detail}}}));
        }
    } else if (!ok || watch.agentDown) {
        // The agent's "down" holds until the agent itself says "up".
        watch.successes = 0;
    } else if (probesAggressively(watch)) {
        // The service has no backend at all: take the first one that answers.
        states.append(changeHealth(watch, HostHealth::Up,
            {QStringLiteral("answeredWhileGroupDown"), {{QStringLiteral("group"), host.group()}}}));
    } else if (++watch.successes >= std::max(watch.config.rise, 1)) {
        states.append(changeHealth(watch, HostHealth::Up,
            {QStringLiteral("probeSucceeded"), {{QStringLiteral("count"), watch.successes}}}));
    }

    QList<ModeChange> modes;
    if (!states.isEmpty())
        modes = updateAggressiveModes();
    schedule(watch);
    emitChanges(states, modes);
}

HealthMonitor::StateChange HealthMonitor::changeHealth(Watch &watch, HostHealth to, const HostReason &reason)
{
    HostRuntime &host = *watch.host;
    const HostHealth from = host.health.exchange(to, std::memory_order_acq_rel);
    watch.successes = 0;
    watch.failures = 0;
    if (watch.probe) {
        // Its answer would be about the state just left.
        watch.probe->cancel();
        watch.probe->deleteLater();
        watch.probe = nullptr;
    }
    if (to == HostHealth::Down) {
        watch.downSince = now();
        host.downReason = reason.text();
        host.downCause = reason;
        host.recordEvent(QStringLiteral("down"), reason);
        qCWarning(lcHealth).noquote() << describeHost(host) << "is down:" << reason.text();
    } else {
        host.downReason.clear();
        host.downCause = {};
        host.recordEvent(QStringLiteral("up"), reason);
        qCInfo(lcHealth).noquote() << describeHost(host) << "is up:" << reason.text();
    }
    return {watch.host, from, to, reason};
}

bool HealthMonitor::probesAggressively(const Watch &watch) const
{
    return watch.inEnabledGroup && m_aggressive.contains(watch.host->service())
        && watch.host->adminState.load(std::memory_order_relaxed) == HostAdminState::Ready;
}

QList<HealthMonitor::ModeChange> HealthMonitor::updateAggressiveModes()
{
    struct Count
    {
        int ready = 0;
        int down = 0;
        QString group;
    };
    QMap<QString, Count> counts;  // sorted: changes come out in a stable order
    for (const auto &[key, watch] : m_watches) {
        const HostRuntime &host = *watch->host;
        Count &count = counts[host.service()];
        if (!watch->inEnabledGroup
            || host.adminState.load(std::memory_order_relaxed) != HostAdminState::Ready)
            continue;
        count.group = host.group();
        ++count.ready;
        if (host.health.load(std::memory_order_acquire) == HostHealth::Down)
            ++count.down;
    }

    QList<ModeChange> changes;
    QSet<QString> aggressive;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const bool on = it->ready > 0 && it->down == it->ready;
        if (on)
            aggressive.insert(it.key());
        if (on == m_aggressive.contains(it.key()))
            continue;
        changes.append({it.key(), on});
        if (on)
            qCWarning(lcHealth).noquote()
                << QStringLiteral("service '%1': every host of group '%2' is down; probing them aggressively")
                       .arg(it.key(), it->group);
        else
            qCInfo(lcHealth).noquote() << QStringLiteral("service '%1': a host is up again").arg(it.key());
    }
    // Services no longer watched at all leave the mode too.
    for (const QString &service : std::as_const(m_aggressive)) {
        if (!counts.contains(service))
            changes.append({service, false});
    }
    m_aggressive = aggressive;

    for (const ModeChange &change : std::as_const(changes)) {
        for (auto &[key, watch] : m_watches) {
            if (watch->host->service() == change.service)
                schedule(*watch);
        }
    }
    return changes;
}

void HealthMonitor::emitChanges(const QList<StateChange> &states, const QList<ModeChange> &modes)
{
    // State is consistent by now; receivers may call back in (setTargets()),
    // so nothing here touches the watches.
    for (const StateChange &change : states)
        Q_EMIT hostStateChanged(change.host, change.from, change.to, change.reason);
    for (const ModeChange &mode : modes)
        Q_EMIT aggressiveModeChanged(mode.service, mode.on);
}

}  // namespace Balancier
