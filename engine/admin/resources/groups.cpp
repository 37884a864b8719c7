// The group resources: POST …/groups/{group}/enable, PUT …/groups/{group}/scheduler
// and PUT …/groups/{group}/proxy.

#include "admin/resources/groups.h"

#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "admin/resources/resourcehelpers.h"
#include "engine.h"
#include "ops/operations.h"

#include <cmath>

namespace Balancier::AdminResources::Groups {

HttpResponse enable(ResourceEnv &env, RequestContext &context)
{
    return jsonOutcome(Operations(env.engine)
                           .enableGroup(context.capture(QStringLiteral("service")),
                               context.capture(QStringLiteral("group"))));
}

HttpResponse setScheduler(ResourceEnv &env, RequestContext &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    const QString schedulerField = QStringLiteral("scheduler");
    const QString tableSizeField = QStringLiteral("tablesize");
    const QString factorField = QStringLiteral("balancefactor");
    if (const auto unknown = unknownFields(*body, {schedulerField, tableSizeField, factorField}))
        return *unknown;
    // The Maglev options may come alone; the rules (names, ranges) are the operation's.
    Operations::SchedulingEdit edit;
    if (body->contains(tableSizeField)) {
        const QJsonValue value = body->value(tableSizeField);
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != std::floor(number) || number < 0 || number > 1e9)
            return HttpResponse::error(400, QStringLiteral("body: 'tablesize' must be a whole number"), true);
        edit.tableSize = int(number);
    }
    if (body->contains(factorField)) {
        const QJsonValue value = body->value(factorField);
        if (!value.isDouble())
            return HttpResponse::error(400, QStringLiteral("body: 'balancefactor' must be a number"), true);
        edit.balanceFactor = value.toDouble();
    }
    const QString scheduler = body->value(schedulerField).toString();
    if (scheduler.isEmpty() && !edit.tableSize && !edit.balanceFactor)
        return HttpResponse::error(400, QStringLiteral("body: missing string field 'scheduler'"), true);
    if (!scheduler.isEmpty())
        edit.scheduler = scheduler;
    return jsonOutcome(Operations(env.engine)
                           .editScheduling(context.capture(QStringLiteral("service")),
                               context.capture(QStringLiteral("group")), edit),
        {{schedulerField, QStringLiteral("body: 'scheduler'")},
            {tableSizeField, QStringLiteral("body: 'tablesize'")},
            {factorField, QStringLiteral("body: 'balancefactor'")}});
}

HttpResponse setProxy(ResourceEnv &env, RequestContext &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    const QString proxyField = QStringLiteral("proxy");
    if (const auto unknown = unknownFields(*body, {proxyField}))
        return *unknown;
    const std::optional<ProxySendMode> mode = proxySendModeFromName(body->value(proxyField).toString());
    if (!mode)
        return HttpResponse::error(400, QStringLiteral("body: 'proxy' must be v1, v2 or no"), true);
    return jsonOutcome(Operations(env.engine)
                           .setGroupProxy(context.capture(QStringLiteral("service")),
                               context.capture(QStringLiteral("group")), *mode));
}

HttpResponse setLifecycle(ResourceEnv &env, RequestContext &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    const QString onDownField = QStringLiteral("ondown");
    const QString onPrimaryUpField = QStringLiteral("onprimaryup");
    const QString allBackupsField = QStringLiteral("allbackups");
    if (const auto unknown = unknownFields(*body, {onDownField, onPrimaryUpField, allBackupsField}))
        return *unknown;
    Operations::LifecycleEdit edit;
    if (body->contains(onDownField)) {
        edit.onDown = hostDownActionFromName(body->value(onDownField).toString());
        if (!edit.onDown)
            return HttpResponse::error(
                400, QStringLiteral("body: 'ondown' must be none or shutdown-sessions"), true);
    }
    if (body->contains(onPrimaryUpField)) {
        edit.onPrimaryUp = primaryUpActionFromName(body->value(onPrimaryUpField).toString());
        if (!edit.onPrimaryUp)
            return HttpResponse::error(
                400, QStringLiteral("body: 'onprimaryup' must be none or shutdown-backup-sessions"), true);
    }
    if (body->contains(allBackupsField)) {
        if (!body->value(allBackupsField).isBool())
            return HttpResponse::error(400, QStringLiteral("body: 'allbackups' must be true or false"), true);
        edit.allBackups = body->value(allBackupsField).toBool();
    }
    if (!edit.onDown && !edit.onPrimaryUp && !edit.allBackups)
        return HttpResponse::error(
            400, QStringLiteral("body: expected one of 'ondown', 'onprimaryup', 'allbackups'"), true);
    return jsonOutcome(Operations(env.engine)
                           .editGroupLifecycle(context.capture(QStringLiteral("service")),
                               context.capture(QStringLiteral("group")), edit));
}

HttpResponse setFeedback(ResourceEnv &env, RequestContext &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    const QString slowStartField = QStringLiteral("slowstart");
    const QString agentField = QStringLiteral("agent");
    const QString intervalField = QStringLiteral("agentinterval");
    const QString sendField = QStringLiteral("agentsend");
    if (const auto unknown = unknownFields(*body, {slowStartField, agentField, intervalField, sendField}))
        return *unknown;
    Operations::FeedbackEdit edit;
    if (body->contains(slowStartField)) {
        edit.slowStartMs = jsonDuration(body->value(slowStartField), slowStartField, &error);
        if (!edit.slowStartMs)
            return error;
    }
    if (body->contains(intervalField)) {
        edit.agentIntervalMs = jsonDuration(body->value(intervalField), intervalField, &error);
        if (!edit.agentIntervalMs)
            return error;
    }
    if (body->contains(agentField)) {
        const QJsonValue value = body->value(agentField);
        if (!value.isDouble() || value.toDouble() != double(value.toInt()))
            return HttpResponse::error(
                400, QStringLiteral("body: 'agent' must be a port number (0: none)"), true);
        edit.agentPort = value.toInt();
    }
    if (body->contains(sendField)) {
        if (!body->value(sendField).isString())
            return HttpResponse::error(400, QStringLiteral("body: 'agentsend' must be a string"), true);
        edit.agentSend = body->value(sendField).toString().toUtf8();
    }
    return jsonOutcome(Operations(env.engine)
                           .editGroupFeedback(context.capture(QStringLiteral("service")),
                               context.capture(QStringLiteral("group")), edit),
        {{slowStartField, QStringLiteral("body: 'slowstart'")}, {agentField, QStringLiteral("body: 'agent'")},
            {intervalField, QStringLiteral("body: 'agentinterval'")},
            {sendField, QStringLiteral("body: 'agentsend'")}});
}

}  // namespace Balancier::AdminResources::Groups
