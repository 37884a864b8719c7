// GET and PUT /api/v1/config, POST /api/v1/save.

#include "admin/resources/configresource.h"

#include "admin/adminhost.h"
#include "admin/http/httpserver.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "admin/resources/resourcehelpers.h"
#include "config/configchangejson.h"
#include "config/configreader.h"
#include "engine.h"
#include "ops/operations.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Balancier::AdminResources::ConfigResource {

HttpResponse put(ResourceEnv &env, RequestContext &context)
{
    const LoadResult loaded = context.parsedBody
        ? *context.parsedBody
        : ConfigReader::readData(context.request.body, QStringLiteral("request body"));
    const auto diagnosticsJson = [](const QList<Diagnostic> &diagnostics) {
        QJsonArray list;
        for (const Diagnostic &diagnostic : diagnostics) {
            QJsonObject object;
            object.insert(QStringLiteral("severity"),
                diagnostic.severity == Diagnostic::Severity::Error         ? QStringLiteral("error")
                    : diagnostic.severity == Diagnostic::Severity::Warning ? QStringLiteral("warning")
                                                                           : QStringLiteral("note"));
            object.insert(QStringLiteral("line"), diagnostic.line);
            object.insert(QStringLiteral("column"), diagnostic.column);
            object.insert(QStringLiteral("element"), diagnostic.element);
            object.insert(QStringLiteral("message"), diagnostic.message);
            object.insert(QStringLiteral("text"), diagnostic.toString());
            list.append(object);
        }
        return list;
    };
    if (!loaded.ok()) {
        QJsonObject object;
        object.insert(QStringLiteral("ok"), false);
        object.insert(QStringLiteral("errors"), diagnosticsJson(loaded.diagnostics));
        return HttpResponse::json(422, compact(object));
    }
    // The rules (a full user stays, <admin> moves first and back on a
    // refusal, the dry-run diff) are the operation's. <admin> takes effect
    // now, not at the next reload, through the host's one path for it (the
    // daemon's, shared with SIGHUP).
    Operations operations(env.engine);
    int moves = 0;  // the first is the move, a second one the move back
    bool moved = false;
    bool moveFailed = false;
    operations.setAdminMover([&env, &moves, &moved, &moveFailed](const AdminConfig &admin, QString *error) {
        if (moves++ > 0)
            return !moved || !admin.enabled || env.host->updateAdmin(admin, error);
        if (!env.host || !admin.enabled)
            return true;
        moved = true;
        moveFailed = !env.host->updateAdmin(admin, error);
        return !moveFailed;
    });
    Operations::ReplaceOptions options;
    const QString dryRun = context.request.parameter(QStringLiteral("dryrun"));
    options.dryRun = dryRun == u"1" || dryRun == u"true" || dryRun == u"yes";
    options.source = QStringLiteral("request body");
    OpResult result = operations.replaceConfig(loaded.config, options);
    if (!result.ok) {
        if (moveFailed && !result.errors.isEmpty())
            result.errors.first().message += QStringLiteral(", the admin API stays on ") + env.http.url();
        QJsonObject object;
        object.insert(QStringLiteral("ok"), false);
        object.insert(QStringLiteral("errors"), diagnosticsJson(result.errors));
        return HttpResponse::json(422, compact(object));
    }
    if (result.dryRun) {
        const QJsonArray changes = configChangesToJson(result.changes);
        QJsonObject object;
        object.insert(QStringLiteral("ok"), true);
        object.insert(QStringLiteral("dryRun"), true);
        object.insert(QStringLiteral("changes"), changes);
        object.insert(QStringLiteral("importReport"), diagnosticsJson(loaded.importReport));
        return HttpResponse::json(200, compact(object));
    }
    QString saveError;
    const bool saved = env.host && env.host->saveRunningConfig(&saveError);
    const QJsonArray changes = configChangesToJson(result.changes);
    QJsonObject object;
    object.insert(QStringLiteral("ok"), true);
    object.insert(QStringLiteral("changes"), changes);
    object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings));
    object.insert(QStringLiteral("saved"), saved);
    object.insert(QStringLiteral("admin"), env.http.url());
    if (!saved)
        object.insert(
            QStringLiteral("saveError"), saveError.isEmpty() ? QStringLiteral("no config file") : saveError);
    return HttpResponse::json(200, compact(object));
}

}  // namespace Balancier::AdminResources::ConfigResource
