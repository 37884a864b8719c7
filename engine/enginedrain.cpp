// Issue 16 in the engine: backup hosts taking over and giving way, cutting a
// host's connections when health marks it down, and guided drains (a
// deadline and an action kept in the config). Part of EnginePrivate.

#include "engineprivate.h"

#include "config/duration.h"
#include "logcategories.h"
#include "net/worker.h"
#include "ops/operations.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace Balancier {

namespace {

/// How often a running guided drain is said on the event stream, at most.
constexpr qint64 drainReportIntervalMs = 1000;
/// How often the guided drains are looked at.
constexpr int drainTickMs = 100;

}  // namespace

int EnginePrivate::cutHostSessions(const HostRuntime *host, Termination why)
{
    if (host->active.load() == 0)
        return 0;
    int cut = 0;
    for (const WorkerThread &entry : std::as_const(workers)) {
        int count = 0;
        // Blocking, as cutOverdueDrains(): the count goes into the event, and
        // a worker never waits on the control thread.
        QMetaObject::invokeMethod(
            entry.worker, [worker = entry.worker, host, why] { return worker->cutSessionsOf(host, why); },
            Qt::BlockingQueuedConnection, &count);
        cut += count;
    }
    return cut;
}

void EnginePrivate::updateBackups(const std::shared_ptr<GroupRuntime> &group)
{
    if (!group->updateBackups())
        return;
    const bool active = group->backupActive();
    int cut = 0;
    if (!active && group->onPrimaryUp() == PrimaryUpAction::ShutdownBackupSessions) {
        for (const auto &host : group->hosts()) {
            if (host->backup.load())
                cut += cutHostSessions(host.get(), Termination::BackupShutdown);
        }
    }
    if (active)
        qCWarning(lcNet, "service %s: group %s: no primary host is up; backup hosts take new clients",
            qUtf8Printable(group->service()), qUtf8Printable(group->name()));
    else
        qCInfo(lcNet,
            "service %s: group %s: a primary host is up again; backups stand by (%d connection(s) cut)",
            qUtf8Printable(group->service()), qUtf8Printable(group->name()), cut);
    Q_EMIT q->backupStateChanged(group->service(), group->name(), active, cut);
}

QVariantMap EnginePrivate::drainProgress(const GuidedDrain &drain, qint64 nowUtcMs) const
{
    QVariantMap progress;
    progress.insert(QStringLiteral("open"), drain.host->active.load());
    progress.insert(QStringLiteral("remainingMs"),
        drain.deadlineMs > 0 ? std::max<qint64>(0, drain.deadlineMs - nowUtcMs) : qint64(-1));
    progress.insert(QStringLiteral("deadline"),
        drain.deadlineMs > 0
            ? QDateTime::fromMSecsSinceEpoch(drain.deadlineMs, QTimeZone::utc()).toString(Qt::ISODate)
            : QString());
    progress.insert(QStringLiteral("then"), drainThenName(drain.then));
    progress.insert(QStringLiteral("phase"), QStringLiteral("progress"));
    return progress;
}

void EnginePrivate::syncGuidedDrains()
{
    QList<GuidedDrain> next;
    for (const ServiceConfig &service : running.services) {
        const ServiceState state = services.value(service.name);
        for (const GroupConfig &group : service.groups) {
            const std::shared_ptr<GroupRuntime> runtime = state.group(group.name);
            if (!runtime)
                continue;
            for (const HostConfig &host : group.hosts) {
                if (!host.isGuidedDrain())
                    continue;
                const std::shared_ptr<HostRuntime> hostRuntime = runtime->host(host.name);
                if (!hostRuntime)
                    continue;
                GuidedDrain drain;
                for (const GuidedDrain &old : std::as_const(guidedDrains)) {
                    if (old.host == hostRuntime)
                        drain = old;
                }
                const bool fresh = !drain.host;
                drain.host = hostRuntime;
                drain.deadlineMs = host.drainDeadlineMs;
                drain.then = host.drainThen;
                if (fresh)
                    qCInfo(lcNet,
                        "service %s: group %s: host %s: guided drain, %lld open, deadline %s, then %s",
                        qUtf8Printable(service.name), qUtf8Printable(group.name), qUtf8Printable(host.name),
                        static_cast<long long>(hostRuntime->active.load()),
                        host.drainDeadlineMs > 0 ? qUtf8Printable(
                            QDateTime::fromMSecsSinceEpoch(host.drainDeadlineMs, QTimeZone::utc())
                                .toString(Qt::ISODate))
                                                 : "none",
                        qUtf8Printable(drainThenName(host.drainThen)));
                // Its own deadline replaces <settings draintimeout>.
                if (host.drainDeadlineMs > 0)
                    endHostDrain(hostRuntime.get());
                next.append(drain);
            }
        }
    }
    // Those that ended by another change (a new state, the host removed).
    for (const GuidedDrain &old : std::as_const(guidedDrains)) {
        const bool kept = std::any_of(
            next.cbegin(), next.cend(), [&](const GuidedDrain &drain) { return drain.host == old.host; });
        if (kept)
            continue;
        QVariantMap progress = drainProgress(old, QDateTime::currentMSecsSinceEpoch());
        progress.insert(QStringLiteral("phase"), QStringLiteral("done"));
        progress.insert(QStringLiteral("outcome"), QStringLiteral("cancelled"));
        progress.insert(QStringLiteral("cut"), 0);
        Q_EMIT q->hostDrainProgress(old.host->service(), old.host->group(), old.host->name(), progress);
    }
    guidedDrains = std::move(next);
    if (guidedDrains.isEmpty()) {
        guidedDrainTimer.stop();
    } else if (!guidedDrainTimer.isActive()) {
        guidedDrainTimer.start(drainTickMs);
    }
}

void EnginePrivate::tickGuidedDrains()
{
    const qint64 nowUtc = QDateTime::currentMSecsSinceEpoch();
    const qint64 now = clock.elapsed();
    struct Finished
    {
        GuidedDrain drain;
        QString outcome;
        int cut = 0;
    };
    QList<Finished> finished;
    for (qsizetype i = 0; i < guidedDrains.size();) {
        GuidedDrain &drain = guidedDrains[i];
        const qint64 open = drain.host->active.load();
        if (open == 0 || (drain.deadlineMs > 0 && nowUtc >= drain.deadlineMs)) {
            finished.append({drain, open == 0 ? QStringLiteral("empty") : QStringLiteral("deadline"), 0});
            guidedDrains.removeAt(i);
            continue;
        }
        if (now - drain.lastReportMs >= drainReportIntervalMs) {
            drain.lastReportMs = now;
            drain.lastReportedOpen = open;
            Q_EMIT q->hostDrainProgress(
                drain.host->service(), drain.host->group(), drain.host->name(), drainProgress(drain, nowUtc));
        }
        ++i;
    }
    if (guidedDrains.isEmpty())
        guidedDrainTimer.stop();
    for (Finished &end : finished) {
        const std::shared_ptr<HostRuntime> &host = end.drain.host;
        if (end.outcome == u"deadline") {
            end.cut = cutHostSessions(host.get(), Termination::DrainDeadline);
            const HostReason reason{QStringLiteral("drainDeadline"), {{QStringLiteral("cut"), end.cut}}};
            host->recordEvent(host->stateName(), reason);
            if (end.cut > 0) {
                HostStateEvent event = host->history().constLast();
                Q_EMIT q->hostStateChanged(host->service(), host->group(), host->name(), event);
            }
        }
        qCInfo(lcNet, "service %s: group %s: host %s: guided drain done (%s, %d cut); then %s",
            qUtf8Printable(host->service()), qUtf8Printable(host->group()), qUtf8Printable(host->name()),
            qUtf8Printable(end.outcome), end.cut, qUtf8Printable(drainThenName(end.drain.then)));
        QVariantMap progress = drainProgress(end.drain, nowUtc);
        progress.insert(QStringLiteral("phase"), QStringLiteral("done"));
        progress.insert(QStringLiteral("outcome"), end.outcome);
        progress.insert(QStringLiteral("cut"), end.cut);
        Q_EMIT q->hostDrainProgress(host->service(), host->group(), host->name(), progress);
    }
    // The actions change the config: through Operations, like any change,
    // after the walk (an apply syncs the list again).
    for (const Finished &end : std::as_const(finished)) {
        const std::shared_ptr<HostRuntime> &host = end.drain.host;
        Operations operations(*q);
        OpResult result;
        switch (end.drain.then) {
        case DrainThen::Remove:
            result = operations.removeHost(host->service(), host->group(), host->name(), true);
            break;
        case DrainThen::Maintenance:
            result = operations.setHostAdminState(
                host->service(), host->group(), host->name(), HostAdminState::Maintenance);
            break;
        case DrainThen::None: {
            // The deadline is spent: the host stays in drain, as a plain drain.
            Operations::HostEdit edit;
            edit.state = HostAdminState::Drain;
            result = operations.editHost(host->service(), host->group(), host->name(), edit);
            break;
        }
        }
        if (!result.ok)
            qCWarning(lcNet, "service %s: group %s: host %s: the drain's action %s failed: %s",
                qUtf8Printable(host->service()), qUtf8Printable(host->group()), qUtf8Printable(host->name()),
                qUtf8Printable(drainThenName(end.drain.then)), qUtf8Printable(result.errorString()));
    }
}

}  // namespace Balancier
