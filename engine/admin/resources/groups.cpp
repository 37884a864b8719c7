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
    if (const auto unknown = unknownFields(*body, {QStringLiteral("scheduler")}))
        return *unknown;
    const QString scheduler = body->value(QStringLiteral("scheduler")).toString();
    if (scheduler.isEmpty())
        return HttpResponse::error(400, QStringLiteral("body: missing string field 'scheduler'"), true);
    return jsonOutcome(Operations(env.engine)
                           .setScheduler(context.capture(QStringLiteral("service")),
                               context.capture(QStringLiteral("group")), scheduler),
        {{QStringLiteral("scheduler"), QStringLiteral("body: 'scheduler'")}});
}

}  // namespace Balancier::AdminResources::Groups
