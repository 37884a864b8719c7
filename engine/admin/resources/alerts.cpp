// GET /api/v1/alerts.

#include "admin/resources/alerts.h"

#include "admin/resources/resourcehelpers.h"
#include "alerts/alertmanager.h"
#include "engine.h"

#include <QJsonObject>

namespace Balancier::AdminResources::Alerts {

HttpResponse list(ResourceEnv &env, RequestContext &)
{
    const AlertManager &alerts = env.engine.alerts();
    const AlertManager::Counters totals = alerts.totals();
    QJsonObject sum;
    sum.insert(QStringLiteral("sent"), qint64(totals.sent));
    sum.insert(QStringLiteral("failed"), qint64(totals.failed));
    sum.insert(QStringLiteral("dropped"), qint64(totals.dropped));
    sum.insert(QStringLiteral("retried"), qint64(totals.retried));
    QJsonObject object;
    object.insert(QStringLiteral("alerts"), alerts.statusJson());
    object.insert(QStringLiteral("totals"), sum);
    return HttpResponse::json(200, compact(object));
}

}  // namespace Balancier::AdminResources::Alerts
