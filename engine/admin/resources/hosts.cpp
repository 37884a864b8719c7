// The host resources under /api/v1/services/{service}/groups/{group}/hosts.

#include "admin/resources/hosts.h"

#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "admin/resources/resourcehelpers.h"
#include "config/address.h"
#include "config/configvalidator.h"
#include "engine.h"
#include "ops/operations.h"

#include <QJsonArray>
#include <QJsonObject>

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
        object.insert(QStringLiteral("active"), runtime->active);
        object.insert(QStringLiteral("total"), runtime->total);
        object.insert(QStringLiteral("failedConnects"), runtime->failedConnects);
        object.insert(QStringLiteral("lastProbe"), runtime->lastProbeResult);
    }
    return HttpResponse::json(200, compact(object));
}

HttpResponse put(ResourceEnv &env, RequestContext &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    const QString serviceName = context.capture(QStringLiteral("service"));
    const QString groupName = context.capture(QStringLiteral("group"));
    const QString hostName = context.capture(QStringLiteral("host"));
    const Config config = env.engine.runningConfig();
    const ServiceConfig *service = config.service(serviceName);
    const GroupConfig *group = service ? service->group(groupName) : nullptr;
    if (!group)
        return HttpResponse::error(
            404, QStringLiteral("no group '%1' in service '%2'").arg(groupName, serviceName), true);
    const HostConfig *existing = group->host(hostName);
    const bool created = !existing;
    // The host as it would be, for the address check below.
    HostConfig host = created ? HostConfig{} : *existing;
    host.name = hostName;
    static const QStringList known = {QStringLiteral("address"), QStringLiteral("weight"),
        QStringLiteral("maxconns"), QStringLiteral("state")};
    if (const auto unknown = unknownFields(*body, known))
        return *unknown;
    if (created) {
        const QString problem = itemNameProblem(hostName);
        if (!problem.isEmpty())
            return HttpResponse::error(400, QStringLiteral("host name in the path: ") + problem, true);
    }
    Operations::HostEdit edit;
    if (body->contains(QStringLiteral("address"))) {
        if (!body->value(QStringLiteral("address")).isString())
            return HttpResponse::error(400, QStringLiteral("body: 'address' must be a string"), true);
        host.address = body->value(QStringLiteral("address")).toString().trimmed();
        QString why;
        if (!parseAddress(host.address, false, &why))
            return HttpResponse::error(400, QStringLiteral("body: 'address': ") + why, true);
        edit.address = host.address;
    } else if (created) {
        return HttpResponse::error(400, QStringLiteral("body: a new host needs 'address'"), true);
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
    if (const auto conflict = sameAddressConflict(*group, host, serviceName, true))
        return *conflict;
    HttpResponse response = applyOutcome(
        Operations(env.engine).editHost(serviceName, groupName, hostName, edit, created), true, {});
    if (created && response.status == 200)
        response.status = 201;
    return response;
}

HttpResponse remove(ResourceEnv &env, RequestContext &context)
{
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const QString host = context.capture(QStringLiteral("host"));
    const HttpResponse notFound = pathNotFound(env.engine.runningConfig(), service, group, host);
    if (notFound.status)
        return notFound;
    const bool force = forceParameter(context);
    if (context.failed())
        return context.failure();
    return applyOutcome(Operations(env.engine).removeHost(service, group, host, force), true, {});
}

HttpResponse action(ResourceEnv &env, RequestContext &context)
{
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const QString host = context.capture(QStringLiteral("host"));
    const QString action = context.capture(QStringLiteral("action"));
    const HttpResponse notFound = pathNotFound(env.engine.runningConfig(), service, group, host);
    if (notFound.status)
        return notFound;
    if (action == u"retry") {
        const OpResult result = Operations(env.engine).retryHost(service, group, host);
        if (!result.ok)
            return applyOutcome(result, true, {});
        return HttpResponse::json(200, R"({"ok":true})");
    }
    HostAdminState state;
    if (action == u"drain")
        state = HostAdminState::Drain;
    else if (action == u"maintenance")
        state = HostAdminState::Maintenance;
    else if (action == u"ready")
        state = HostAdminState::Ready;
    else
        return HttpResponse::error(404,
            QStringLiteral("unknown host action '%1'; expected drain, maintenance, ready or retry")
                .arg(action),
            true);
    return applyOutcome(Operations(env.engine).setHostAdminState(service, group, host, state), true, {});
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
