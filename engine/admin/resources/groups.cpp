// The group resources: POST …/groups/{group}/enable and PUT …/groups/{group}/scheduler.

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

HttpResponse AdminServer::apiEnableGroup(Context &context)
{
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const HttpResponse notFound = pathNotFound(m_engine.runningConfig(), service, group);
    if (notFound.status)
        return notFound;
    return applyOutcome(Operations(m_engine).enableGroup(service, group), true, {});
}

HttpResponse AdminServer::apiSetScheduler(Context &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const HttpResponse notFound = pathNotFound(m_engine.runningConfig(), service, group);
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
    return applyOutcome(Operations(m_engine).setScheduler(service, group, scheduler), true, {});
}

}  // namespace Balancier
