#include "groupruntime.h"

#include "config/schedulerregistry.h"
#include "scheduling/schedulerfactory.h"

namespace Balancier {

namespace {

QList<HostRuntime *> rawHosts(const QList<std::shared_ptr<HostRuntime>> &hosts)
{
    QList<HostRuntime *> raw;
    raw.reserve(hosts.size());
    for (const auto &host : hosts)
        raw.append(host.get());
    return raw;
}

}  // namespace

GroupRuntime::GroupRuntime(
    QString service, const GroupConfig &config, QList<std::shared_ptr<HostRuntime>> hosts)
    : m_service(std::move(service))
    , m_name(config.name)
    , m_schedulerName(SchedulerRegistry::canonicalName(config.scheduler))
    , m_stickyTimeoutMs(config.stickyTimeoutMs)
    , m_maglevTableSize(config.maglevTableSize)
    , m_balanceFactor(config.balanceFactor)
    , m_hosts(std::move(hosts))
{
    SchedulerOptions options;
    options.stickyTimeoutMs = config.stickyTimeoutMs;
    options.maglevTableSize = config.maglevTableSize;
    options.balanceFactor = config.balanceFactor;
    // A group rebuilt for the same hosts (a new scheduler, a host added)
    // starts from what their standby flags say, so that a primary added while
    // backups serve is a switch (onprimaryup), not a fresh start.
    for (const auto &host : m_hosts) {
        if (host->backup.load(std::memory_order_relaxed) && !host->standby.load(std::memory_order_relaxed)
            && host->isLive())
            m_backupActive.store(true, std::memory_order_relaxed);
    }
    m_scheduler = SchedulerFactory::create(m_schedulerName, rawHosts(m_hosts), options);
    // Validation refuses unknown names; this keeps a programming error from crashing a worker.
    if (!m_scheduler)
        m_scheduler = SchedulerFactory::create(u"roundrobin", rawHosts(m_hosts), options);
}

bool GroupRuntime::hasSchedulingOf(const GroupConfig &config) const
{
    return m_schedulerName == SchedulerRegistry::canonicalName(config.scheduler)
        && m_stickyTimeoutMs == config.stickyTimeoutMs && m_maglevTableSize == config.maglevTableSize
        && m_balanceFactor == config.balanceFactor;
}

void GroupRuntime::setLifecyclePolicy(const GroupConfig &config)
{
    m_onDown = config.onDown;
    m_onPrimaryUp = config.onPrimaryUp;
    m_allBackups = config.allBackups;
}

bool GroupRuntime::hasBackups() const
{
    for (const auto &host : m_hosts) {
        if (host->backup.load(std::memory_order_relaxed))
            return true;
    }
    return false;
}

bool GroupRuntime::updateBackups()
{
    bool primaryLive = false;
    for (const auto &host : m_hosts) {
        if (!host->backup.load(std::memory_order_relaxed) && host->isLive()) {
            primaryLive = true;
            break;
        }
    }
    bool active = false;
    bool firstTaken = false;
    for (const auto &host : m_hosts) {
        if (!host->backup.load(std::memory_order_relaxed)) {
            host->standby.store(false, std::memory_order_relaxed);
            continue;
        }
        bool standby = primaryLive;
        if (!primaryLive && !m_allBackups) {
            // HAProxy without "option allbackups": the first backup (config
            // order) that is live; a dead one passes the turn on.
            standby = firstTaken || !host->isLive();
            firstTaken = firstTaken || host->isLive();
        }
        host->standby.store(standby, std::memory_order_relaxed);
        active = active || (!standby && host->isLive());
    }
    return m_backupActive.exchange(active, std::memory_order_relaxed) != active;
}

std::shared_ptr<HostRuntime> GroupRuntime::host(QStringView name) const
{
    for (const auto &host : m_hosts) {
        if (host->name() == name)
            return host;
    }
    return {};
}

std::shared_ptr<HostRuntime> GroupRuntime::share(const HostRuntime *host) const
{
    for (const auto &candidate : m_hosts) {
        if (candidate.get() == host)
            return candidate;
    }
    return {};
}

}  // namespace Balancier
