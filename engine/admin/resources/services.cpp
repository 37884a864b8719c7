// GET /api/v1/status, /api/v1/health, /api/v1/services and /api/v1/services/{service}.

#include "admin/resources/services.h"

#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "admin/resources/resourcehelpers.h"
#include "engine.h"
#include "stats/balancerhealth.h"
#include "stats/statsjson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Balancier::AdminResources::Services {

HttpResponse status(ResourceEnv &env, RequestContext &)
{
    return HttpResponse::json(200, compact(statsToJson(env.engine.snapshot())));
}

HttpResponse health(ResourceEnv &env, RequestContext &)
{
    const BalancerHealth health = env.engine.health();
    return HttpResponse::json(health.healthy ? 200 : 503, compact(health.toJson()));
}

HttpResponse all(ResourceEnv &env, RequestContext &)
{
    const QJsonObject status = statsToJson(env.engine.snapshot());
    QJsonObject object;
    object.insert(QStringLiteral("services"), status.value(QStringLiteral("services")));
    return HttpResponse::json(200, compact(object));
}

HttpResponse one(ResourceEnv &env, RequestContext &context)
{
    const QJsonArray services
        = statsToJson(env.engine.snapshot()).value(QStringLiteral("services")).toArray();
    for (const QJsonValue &service : services) {
        if (service.toObject().value(QStringLiteral("name")).toString()
            == context.capture(QStringLiteral("service")))
            return HttpResponse::json(200, compact(service.toObject()));
    }
    return HttpResponse::error(
        404, QStringLiteral("no service named '%1'").arg(context.capture(QStringLiteral("service"))), true);
}

}  // namespace Balancier::AdminResources::Services
