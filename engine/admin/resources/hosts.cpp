// The host resources under /api/v1/services/{service}/groups/{group}/hosts.

#include "admin/resources/hosts.h"

#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "admin/resources/resourcehelpers.h"
#include "engine.h"
#include "ops/operations.h"

#include <QJsonArray>
#include <QJsonObject>

#include <tuple>

namespace Balancier::AdminResources::Hosts {

HttpResponse list(ResourceEnv &env, RequestContext &context)
{
    const Config config = env.engine.runningConfig();
    const ServiceConfig *service = config.service(context.capture(QStringLiteral("service")));
    const GroupConfig *group = service ? service->group(context.capture(QStringLiteral("group"))) : nullptr;
    if (!group)
        return HttpResponse::error(404, QStringLiteral("no such service or group"), true);
    QJsonArray hosts;
    for (const HostConfig &host : group->hosts) {
        QJsonObject object = hostConfigJson(host);
        if (const auto runtime = env.engine.host(service->name, group->name, host.name)) {
            object.insert(QStringLiteral("health"), runtime->state);
            object.insert(QStringLiteral("active"), runtime->active);
            insertHostFeedback(object, *runtime);
        }
        hosts.append(object);
    }
    QJsonObject object;
    object.insert(QStringLiteral("hosts"), hosts);
    return HttpResponse::json(200, compact(object));
}

HttpResponse get(ResourceEnv &env, RequestContext &context)
{
    const Config config = env.engine.runningConfig();
    const ServiceConfig *service = config.service(context.capture(QStringLiteral("service")));
    const GroupConfig *group = service ? service->group(context.capture(QStringLiteral("group"))) : nullptr;
    const HostConfig *host = group ? group->host(context.capture(QStringLiteral("host"))) : nullptr;
    if (!host)
        return HttpResponse::error(404, QStringLiteral("no such host"), true);
    QJsonObject object = hostConfigJson(*host);
    if (const auto runtime = env.engine.host(service->name, group->name, host->name)) {
        object.insert(QStringLiteral("health"), runtime->state);
        object.insert(QStringLiteral("reason"), runtime->downReason);
        if (!runtime->downReasonCode.isEmpty()) {
            object.insert(QStringLiteral("reasonCode"), runtime->downReasonCode);
            object.insert(
                QStringLiteral("reasonParams"), QJsonObject::fromVariantMap(runtime->downReasonParams));
        }
        object.insert(QStringLiteral("active"), runtime->active);
        object.insert(QStringLiteral("total"), runtime->total);
        object.insert(QStringLiteral("failedConnects"), runtime->failedConnects);
        object.insert(QStringLiteral("lastProbe"), runtime->lastProbeResult);
        insertHostFeedback(object, *runtime);
    }
    return HttpResponse::json(200, compact(object));
}

namespace {

/// slowstart, agent, agentinterval, agentsend of a host's PUT; null: the
/// group's value again. The ranges are the operation's.
std::optional<HttpResponse> readFeedbackFields(const QJsonObject &body, Operations::HostEdit &edit)
{
    HttpResponse error;
    for (const auto &[field, target] : {std::pair{QStringLiteral("slowstart"), &edit.slowStartMs},
             std::pair{QStringLiteral("agentinterval"), &edit.agentIntervalMs}}) {
        if (!body.contains(field))
            continue;
        if (body.value(field).isNull()) {
            *target = std::optional<qint64>();
            continue;
        }
        const std::optional<qint64> duration = jsonDuration(body.value(field), field, &error);
        if (!duration)
            return error;
        *target = duration;
    }
    if (body.contains(QStringLiteral("agent"))) {
        const QJsonValue value = body.value(QStringLiteral("agent"));
        if (value.isNull())
            edit.agentPort = std::optional<int>();
        else if (!value.isDouble() || value.toDouble() != double(value.toInt()))
            return HttpResponse::error(
                400, QStringLiteral("body: 'agent' must be a port number or null"), true);
        else
            edit.agentPort = value.toInt();
    }
    if (body.contains(QStringLiteral("agentsend"))) {
        const QJsonValue value = body.value(QStringLiteral("agentsend"));
        if (value.isNull())
            edit.agentSend = std::optional<QByteArray>();
        else if (!value.isString())
            return HttpResponse::error(
                400, QStringLiteral("body: 'agentsend' must be a string or null"), true);
        else
            edit.agentSend = value.toString().toUtf8();
    }
    return std::nullopt;
}

}  // namespace

HttpResponse put(ResourceEnv &env, RequestContext &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    static const QStringList known
        = {QStringLiteral("address"), QStringLiteral("weight"), QStringLiteral("maxconns"),
            QStringLiteral("state"), QStringLiteral("proxy"), QStringLiteral("backup"),
            // backend feedback
            QStringLiteral("slowstart"), QStringLiteral("agent"), QStringLiteral("agentinterval"),
            QStringLiteral("agentsend")};
    if (const auto unknown = unknownFields(*body, known))
        return *unknown;
    // The body's types are this API's; what the values may be is the operation's.
    Operations::HostEdit edit;
    if (body->contains(QStringLiteral("address"))) {
        if (!body->value(QStringLiteral("address")).isString())
            return HttpResponse::error(400, QStringLiteral("body: 'address' must be a string"), true);
        edit.address = body->value(QStringLiteral("address")).toString().trimmed();
    }
    for (const auto &[field, target] : {std::pair{QStringLiteral("weight"), &edit.weight},
             std::pair{QStringLiteral("maxconns"), &edit.maxConns}}) {
        if (!body->contains(field))
            continue;
        const QJsonValue value = body->value(field);
        if (!value.isDouble() || value.toDouble() != double(value.toInt()))
            return HttpResponse::error(400, QStringLiteral("body: '%1' must be an integer").arg(field), true);
        *target = value.toInt();
    }
    if (body->contains(QStringLiteral("state"))) {
        edit.state = hostAdminStateFromName(body->value(QStringLiteral("state")).toString());
        if (!edit.state)
            return HttpResponse::error(
                400, QStringLiteral("body: 'state' must be ready, drain or maintenance"), true);
    }
    if (body->contains(QStringLiteral("proxy"))) {
        const QString proxy = body->value(QStringLiteral("proxy")).toString();
        if (proxy == u"group") {
            edit.proxy = std::optional<ProxySendMode>();
        } else if (const std::optional<ProxySendMode> mode = proxySendModeFromName(proxy)) {
            edit.proxy = mode;
        } else {
            return HttpResponse::error(
                400, QStringLiteral("body: 'proxy' must be v1, v2, no or group (the group's choice)"), true);
        }
    }
    if (body->contains(QStringLiteral("backup"))) {
        if (!body->value(QStringLiteral("backup")).isBool())
            return HttpResponse::error(400, QStringLiteral("body: 'backup' must be true or false"), true);
        edit.backup = body->value(QStringLiteral("backup")).toBool();
    }
    if (const auto failure = readFeedbackFields(*body, edit))
        return *failure;
    static const ParameterNames labels = {{QStringLiteral("host"), QStringLiteral("host name in the path")},
        {QStringLiteral("slowstart"), QStringLiteral("body: 'slowstart'")},
        {QStringLiteral("agent"), QStringLiteral("body: 'agent'")},
        {QStringLiteral("agentinterval"), QStringLiteral("body: 'agentinterval'")},
        {QStringLiteral("agentsend"), QStringLiteral("body: 'agentsend'")},
        {QStringLiteral("address"), QStringLiteral("body: 'address'")},
        {QStringLiteral("weight"), QStringLiteral("body: 'weight'")},
        {QStringLiteral("maxconns"), QStringLiteral("body: 'maxconns'")}};
    const OpResult result
        = Operations(env.engine)
              .editHost(context.capture(QStringLiteral("service")), context.capture(QStringLiteral("group")),
                  context.capture(QStringLiteral("host")), edit, true);
    HttpResponse response = jsonOutcome(result, labels);
    if (result.ok && !result.changes.isEmpty()
        && result.changes.first().kind == ConfigChange::Kind::HostAdded)
        response.status = 201;
    return response;
}

HttpResponse remove(ResourceEnv &env, RequestContext &context)
{
    const bool force = forceParameter(context);
    if (context.failed())
        return context.failure();
    return jsonOutcome(
        Operations(env.engine)
            .removeHost(context.capture(QStringLiteral("service")), context.capture(QStringLiteral("group")),
                context.capture(QStringLiteral("host")), force));
}

HttpResponse action(ResourceEnv &env, RequestContext &context)
{
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const QString host = context.capture(QStringLiteral("host"));
    const QString action = context.capture(QStringLiteral("action"));
    Operations operations(env.engine);
    if (action == u"retry") {
        const OpResult result = operations.retryHost(service, group, host);
        if (!result.ok)
            return jsonOutcome(result);
        return HttpResponse::json(200, R"({"ok":true})");
    }
    if (action == u"drain") {
        // A guided drain: ?deadline=10m&then=remove|maintenance, or the same
        // in a JSON body. Without either: today's drain.
        QString deadline = context.request.parameter(QStringLiteral("deadline")).trimmed();
        QString then = context.request.parameter(QStringLiteral("then")).trimmed();
        QString deadlineLabel = QStringLiteral("parameter 'deadline'");
        QString thenLabel = QStringLiteral("parameter 'then'");
        if (!context.request.body.trimmed().isEmpty()) {
            HttpResponse error;
            const std::optional<QJsonObject> body = jsonBody(context.request, &error);
            if (!body)
                return error;
            if (const auto unknown
                = unknownFields(*body, {QStringLiteral("deadline"), QStringLiteral("then")}))
                return *unknown;
            for (const auto &[field, target, label] :
                {std::tuple{QStringLiteral("deadline"), &deadline, &deadlineLabel},
                    std::tuple{QStringLiteral("then"), &then, &thenLabel}}) {
                if (!body->contains(field))
                    continue;
                if (!body->value(field).isString())
                    return HttpResponse::error(
                        400, QStringLiteral("body: '%1' must be a string").arg(field), true);
                *target = body->value(field).toString().trimmed();
                *label = QStringLiteral("body: '%1'").arg(field);
            }
        }
        if (deadline.isEmpty() && then.isEmpty())
            return jsonOutcome(operations.setHostAdminState(service, group, host, HostAdminState::Drain));
        const ParameterNames labels
            = {{QStringLiteral("deadline"), deadlineLabel}, {QStringLiteral("then"), thenLabel}};
        Operations::DrainRequest request;
        const OpResult parsed = Operations::parseDrainRequest(deadline, then, &request);
        if (!parsed.ok)
            return jsonOutcome(parsed, labels);
        return jsonOutcome(operations.drainHost(service, group, host, request), labels);
    }
    if (context.request.hasParameter(QStringLiteral("deadline"))
        || context.request.hasParameter(QStringLiteral("then")))
        return HttpResponse::error(400,
            QStringLiteral("deadline and then belong to drain; %1 takes no parameter").arg(action.left(40)),
            true);
    HostAdminState state;
    if (action == u"maintenance")
        state = HostAdminState::Maintenance;
    else if (action == u"ready")
        state = HostAdminState::Ready;
    else
        return HttpResponse::error(404,
            QStringLiteral("unknown host action '%1'; expected drain, maintenance, ready or retry")
                .arg(action),
            true);
    return jsonOutcome(operations.setHostAdminState(service, group, host, state));
}

HttpResponse history(ResourceEnv &env, RequestContext &context)
{
    const auto runtime = env.engine.host(context.capture(QStringLiteral("service")),
        context.capture(QStringLiteral("group")), context.capture(QStringLiteral("host")));
    if (!runtime)
        return HttpResponse::error(404, QStringLiteral("no such host"), true);
    QJsonArray events;
    for (const HostStateEvent &event : runtime->history) {
        QJsonObject object;
        object.insert(QStringLiteral("when"), event.when.toString(Qt::ISODateWithMs));
        object.insert(QStringLiteral("state"), event.state);
        object.insert(QStringLiteral("reason"), event.reason);
        object.insert(QStringLiteral("reasonCode"), event.reasonCode);
        object.insert(QStringLiteral("reasonParams"), QJsonObject::fromVariantMap(event.reasonParams));
        events.append(object);
    }
    QJsonObject object;
    object.insert(QStringLiteral("history"), events);
    return HttpResponse::json(200, compact(object));
}

}  // namespace Balancier::AdminResources::Hosts
