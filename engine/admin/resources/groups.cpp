// The group resources: POST …/groups/{group}/enable and PUT …/groups/{group}/scheduler.

#include "admin/resources/groups.h"

#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "admin/resources/resourcehelpers.h"
#include "engine.h"
#include "ops/operations.h"

namespace Balancier::AdminResources::Groups {

HttpResponse enable(ResourceEnv &env, RequestContext &context)
{
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const HttpResponse notFound = pathNotFound(env.engine.runningConfig(), service, group);
    if (notFound.status)
        return notFound;
    return applyOutcome(Operations(env.engine).enableGroup(service, group), true, {});
}

HttpResponse setScheduler(ResourceEnv &env, RequestContext &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const HttpResponse notFound = pathNotFound(env.engine.runningConfig(), service, group);
    if (notFound.status)
        return notFound;
    if (const auto unknown = unknownFields(*body, {QStringLiteral("scheduler")}))
        return *unknown;
    const QString scheduler = body->value(QStringLiteral("scheduler")).toString();
    if (scheduler.isEmpty())
        return HttpResponse::error(400, QStringLiteral("body: missing string field 'scheduler'"), true);
    checkScheduler(context, QStringLiteral("scheduler"), scheduler);
    if (context.failed())
        return HttpResponse::error(400, u"body: " + context.invalid, true);
    return applyOutcome(Operations(env.engine).setScheduler(service, group, scheduler), true, {});
}

}  // namespace Balancier::AdminResources::Groups
