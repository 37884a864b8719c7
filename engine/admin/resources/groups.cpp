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

#include <cmath>

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
    const QString tableSizeField = QStringLiteral("tablesize");
    const QString factorField = QStringLiteral("balancefactor");
    if (const auto unknown = unknownFields(*body, {QStringLiteral("scheduler"), tableSizeField, factorField}))
        return *unknown;
    // The Maglev options may come alone; the ranges are the operation's.
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
    const QString scheduler = body->value(QStringLiteral("scheduler")).toString();
    if (scheduler.isEmpty() && !edit.tableSize && !edit.balanceFactor)
        return HttpResponse::error(400, QStringLiteral("body: missing string field 'scheduler'"), true);
    if (!scheduler.isEmpty()) {
        checkScheduler(context, QStringLiteral("scheduler"), scheduler);
        if (context.failed())
            return HttpResponse::error(400, u"body: " + context.invalid, true);
        edit.scheduler = scheduler;
    }
    return applyOutcome(Operations(m_engine).editScheduling(service, group, edit), true, {});
}

}  // namespace Balancier
