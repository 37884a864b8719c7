// Guided drains, backup hosts and what a group does when health changes
// (issue 16): the operations; the engine runs the drains (enginedrain.cpp).

#include "config/duration.h"
#include "ops/operations.h"
#include "ops/opsupport.h"

#include <QDateTime>

namespace Balancier {

using namespace OpSupport;

namespace {

constexpr qint64 maxDrainDeadlineMs = 7LL * 24 * 3600 * 1000;

}  // namespace

OpResult Operations::parseDrainRequest(const QString &deadline, const QString &then, DrainRequest *out)
{
    DrainRequest request;
    if (!deadline.isEmpty()) {
        const std::optional<qint64> ms = parseDuration(deadline);
        if (!ms || *ms <= 0 || *ms > maxDrainDeadlineMs)
            return OpResult::fail(OpResult::Failure::BadInput, QStringLiteral("deadline"),
                QStringLiteral("deadline \"%1\" is not a duration from 1s to 7d, such as 90s, 10m or 1h")
                    .arg(deadline.left(40)),
                QStringLiteral("deadline"));
        request.deadlineMs = *ms;
    }
    if (!then.isEmpty()) {
        const std::optional<DrainThen> action = drainThenFromName(then);
        if (!action)
            return OpResult::fail(OpResult::Failure::BadInput, QStringLiteral("then"),
                QStringLiteral("then \"%1\" is not one of remove, maintenance, none").arg(then.left(40)),
                QStringLiteral("then"));
        request.then = *action;
    }
    *out = request;
    OpResult result;
    result.ok = true;
    return result;
}

OpResult Operations::drainHost(
    const QString &service, const QString &group, const QString &host, const DrainRequest &request)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group, host);
    if (target.failure)
        return *target.failure;
    if (request.deadlineMs < 0 || request.deadlineMs > maxDrainDeadlineMs)
        return OpResult::fail(OpResult::Failure::BadInput, QStringLiteral("deadline"),
            QStringLiteral("a drain deadline is from 1s to 7d"), QStringLiteral("deadline"));
    HostConfig *entry = target.group->host(host);
    entry->adminState = HostAdminState::Drain;
    entry->drainThen = request.then;
    // An absolute time: kept in the config, it means the same after a restart.
    entry->drainDeadlineMs
        = request.deadlineMs > 0 ? QDateTime::currentMSecsSinceEpoch() + request.deadlineMs : 0;
    return applyEdited(config);
}

OpResult Operations::editGroupLifecycle(
    const QString &service, const QString &group, const LifecycleEdit &edit)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service, group);
    if (target.failure)
        return *target.failure;
    if (edit.onDown)
        target.group->onDown = *edit.onDown;
    if (edit.onPrimaryUp)
        target.group->onPrimaryUp = *edit.onPrimaryUp;
    if (edit.allBackups)
        target.group->allBackups = *edit.allBackups;
    return applyEdited(config);
}

}  // namespace Balancier
