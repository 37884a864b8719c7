#pragma once

#include "config/config.h"
#include "runtime/hostruntime.h"
#include "scheduling/scheduler.h"

#include <QList>
#include <QString>
#include <atomic>
#include <memory>

namespace Balancier {

/// One group's hosts and the scheduler built for exactly that host list.
///
/// Thread contract: immutable after construction except through the hosts'
/// atomics and the scheduler's own thread-safe state. Sessions keep a shared
/// pointer to the group they started in, so a connection stays counted
/// against its group and host after a switch or a removal.
class GroupRuntime final
{
    Q_DISABLE_COPY_MOVE(GroupRuntime)

public:
    GroupRuntime(QString service, const GroupConfig &config, QList<std::shared_ptr<HostRuntime>> hosts);

    const QString &service() const { return m_service; }
    const QString &name() const { return m_name; }
    const QString &schedulerName() const { return m_schedulerName; }
    qint64 stickyTimeoutMs() const { return m_stickyTimeoutMs; }
    int maglevTableSize() const { return m_maglevTableSize; }
    double balanceFactor() const { return m_balanceFactor; }
    /// True if a group built from \a config would schedule as this one does
    /// (same algorithm and options): then the engine keeps this one.
    bool hasSchedulingOf(const GroupConfig &config) const;
    const QList<std::shared_ptr<HostRuntime>> &hosts() const { return m_hosts; }
    Scheduler &scheduler() const { return *m_scheduler; }
    /// The group's own PROXY header choice (<group proxy>), for the stats;
    /// what a connection sends is its host's HostRuntime::proxyMode.
    ProxySendMode proxyMode() const { return m_proxyMode.load(std::memory_order_relaxed); }
    void setProxyMode(ProxySendMode mode) { m_proxyMode.store(mode, std::memory_order_relaxed); }

    // --- backup hosts and what health changes do (control thread) ---
    /// The group's ondown, onprimaryup and allbackups, as applied.
    void setLifecyclePolicy(const GroupConfig &config);
    HostDownAction onDown() const { return m_onDown; }
    PrimaryUpAction onPrimaryUp() const { return m_onPrimaryUp; }
    bool allBackups() const { return m_allBackups; }
    /// Recomputes which backup hosts take new connections (HostRuntime::standby)
    /// from the hosts' health and admin state: none while a primary is live;
    /// else the first live backup in config order, or all of them with
    /// allbackups. Returns true when backupActive() changed. Cheap: a walk
    /// over the hosts; workers see only the atomics it sets.
    bool updateBackups();
    /// True while no primary is live and backups take the group's clients.
    bool backupActive() const { return m_backupActive.load(std::memory_order_relaxed); }
    bool hasBackups() const;

    std::shared_ptr<HostRuntime> host(QStringView name) const;
    /// The shared pointer for a raw host picked by the scheduler.
    std::shared_ptr<HostRuntime> share(const HostRuntime *host) const;

private:
    const QString m_service;
    const QString m_name;
    const QString m_schedulerName;
    const qint64 m_stickyTimeoutMs;
    const int m_maglevTableSize;
    const double m_balanceFactor;
    const QList<std::shared_ptr<HostRuntime>> m_hosts;
    std::unique_ptr<Scheduler> m_scheduler;
    std::atomic<ProxySendMode> m_proxyMode{ProxySendMode::None};
    HostDownAction m_onDown = HostDownAction::None;
    PrimaryUpAction m_onPrimaryUp = PrimaryUpAction::None;
    bool m_allBackups = false;
    std::atomic<bool> m_backupActive{false};
};

}  // namespace Balancier
