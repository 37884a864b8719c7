// GET /api/v1/status, /api/v1/health, /api/v1/services and /api/v1/services/{service}.

#include "admin/adminformats.h"
#include "admin/adminhost.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourcehelpers.h"
#include "config/address.h"
#include "config/configchangejson.h"
#include "config/configdocument.h"
#include "config/configlimits.h"
#include "config/configreader.h"
#include "config/configvalidator.h"
#include "config/passwordhash.h"
#include "config/schedulerregistry.h"
#include "engine.h"
#include "loghub.h"
#include "ops/operations.h"
#include "stats/statsjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Balancier {

using namespace AdminResources;

HttpResponse AdminServer::apiStatus(Context &)
{
    return HttpResponse::json(200, compact(statsToJson(m_engine.snapshot())));
}

HttpResponse AdminServer::apiHealth(Context &)
{
    const BalancerHealth health = m_engine.health();
    return HttpResponse::json(health.healthy ? 200 : 503, compact(health.toJson()));
}

HttpResponse AdminServer::apiServices(Context &)
{
    const QJsonObject status = statsToJson(m_engine.snapshot());
    QJsonObject object;
    object.insert(QStringLiteral("services"), status.value(QStringLiteral("services")));
    return HttpResponse::json(200, compact(object));
}

HttpResponse AdminServer::apiService(Context &context)
{
    const QJsonArray services = statsToJson(m_engine.snapshot()).value(QStringLiteral("services")).toArray();
    for (const QJsonValue &service : services) {
        if (service.toObject().value(QStringLiteral("name")).toString()
            == context.capture(QStringLiteral("service")))
            return HttpResponse::json(200, compact(service.toObject()));
    }
    return HttpResponse::error(
        404, QStringLiteral("no service named '%1'").arg(context.capture(QStringLiteral("service"))), true);
}

}  // namespace Balancier
