#include "agentmonitor.h"

#include "agentprobe.h"

#include <QTimer>

namespace Balancier {

namespace {

// The validator's lower bound too; this keeps a model built in code from
// turning the control thread into a busy loop.
constexpr qint64 MinimumIntervalMs = 100;

}  // namespace

struct AgentMonitor::Watch
{
    std::shared_ptr<HostRuntime> host;
    AgentCheckConfig config;
    QTimer timer;  // periodic: the next query
    AgentProbe *probe = nullptr;  // in flight, owned by the monitor
};

AgentMonitor::AgentMonitor(QObject *parent)
    : QObject(parent)
{ }

AgentMonitor::~AgentMonitor()
{
    for (auto &[key, watch] : m_watches) {
        if (watch->probe) {
            watch->probe->cancel();
            delete watch->probe;
            watch->probe = nullptr;
        }
    }
}

void AgentMonitor::setTargets(const QList<Target> &targets)
{
    std::unordered_map<HostRuntime *, std::unique_ptr<Watch>> previous;
    previous.swap(m_watches);
    for (const Target &target : targets) {
        if (!target.host || !target.config.isEnabled())
            continue;
        HostRuntime *key = target.host.get();
        if (m_watches.count(key))
            continue;
        std::unique_ptr<Watch> watch;
        if (const auto kept = previous.find(key); kept != previous.end()) {
            watch = std::move(kept->second);
            previous.erase(kept);
            if (watch->config == target.config) {
                m_watches.emplace(key, std::move(watch));
                continue;
            }
            if (watch->probe) {
                watch->probe->cancel();
                watch->probe->deleteLater();
                watch->probe = nullptr;
            }
        } else {
            watch = std::make_unique<Watch>();
            watch->host = target.host;
            Watch *raw = watch.get();
            connect(&watch->timer, &QTimer::timeout, this, [this, raw] { startProbe(*raw); });
        }
        watch->config = target.config;
        watch->timer.start(std::chrono::milliseconds(std::max(watch->config.intervalMs, MinimumIntervalMs)));
        // The first query at once (from the event loop): a new agent's word counts from the start.
        Watch *raw = watch.get();
        QTimer::singleShot(0, &watch->timer, [this, raw] { startProbe(*raw); });
        m_watches.emplace(key, std::move(watch));
    }
    for (auto &[key, watch] : previous) {
        if (watch->probe) {
            watch->probe->cancel();
            watch->probe->deleteLater();
            watch->probe = nullptr;
        }
    }
}

bool AgentMonitor::isWatching(const HostRuntime *host) const
{
    return m_watches.count(const_cast<HostRuntime *>(host)) > 0;
}

void AgentMonitor::startProbe(Watch &watch)
{
    if (watch.probe)
        return;
    auto *probe = new AgentProbe(this);
    HostRuntime *key = watch.host.get();
    connect(probe, &AgentProbe::finished, this,
        [this, key, probe](bool ok, const QByteArray &line, const QString &error) {
            probe->deleteLater();
            const auto it = m_watches.find(key);
            if (it == m_watches.end() || it->second->probe != probe)
                return;
            it->second->probe = nullptr;
            // A copy: a receiver may call setTargets() and end this watch.
            const std::shared_ptr<HostRuntime> host = it->second->host;
            if (ok)
                Q_EMIT answered(host, line);
            else
                Q_EMIT failed(host, error);
        });
    watch.probe = probe;
    probe->start(watch.host->endpoint(), watch.host->address(), watch.config.port, watch.config.send,
        std::min(std::max(watch.config.intervalMs, MinimumIntervalMs), MaxTimeoutMs));
}

}  // namespace Balancier
