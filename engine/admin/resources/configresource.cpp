// GET and PUT /api/v1/config, POST /api/v1/save.

#include "admin/resources/configresource.h"

#include "admin/adminhost.h"
#include "admin/http/httpserver.h"
#include "admin/resources/legacycommands.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "admin/resources/resourcehelpers.h"
#include "config/appliedconfighistory.h"
#include "config/configchangejson.h"
#include "config/configdocument.h"
#include "config/configetag.h"
#include "config/configreader.h"
#include "engine.h"
#include "ops/operations.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Balancier::AdminResources::ConfigResource {

namespace {

// Optimistic concurrency for /api/v1/config: the ETag names the running
// config (a hash of its canonical XML, passwords included, so a changed
// password moves it on too); a PUT with If-Match applies only while the
// running config still has that tag. Both run on the control thread, so
// nothing can apply between the check and the replace.

QByteArray runningConfigEtag(const Config &running)
{
    return ConfigEtag::of(running);
}

bool ifMatchAccepts(const QByteArray &ifMatch, const QByteArray &etag)
{
    return ConfigEtag::matches(ifMatch, etag);
}

/// 412 Precondition Failed when the request has an If-Match that the
/// running config no longer matches (RFC 9110 13.1.1).
std::optional<HttpResponse> configPreconditionFailure(const HttpRequest &request, const QByteArray &etag)
{
    const QByteArray ifMatch = request.header("if-match").trimmed();
    if (ifMatch.isEmpty() || ifMatchAccepts(ifMatch, etag))
        return std::nullopt;
    const QString message
        = QStringLiteral("the running config has moved on: it is now %1, the request's If-Match was %2; "
                         "fetch it again (GET /api/v1/config), review the changes and apply again")
              .arg(QString::fromLatin1(etag), QString::fromLatin1(ifMatch));
    QJsonObject error;
    error.insert(QStringLiteral("severity"), QStringLiteral("error"));
    error.insert(QStringLiteral("message"), message);
    error.insert(QStringLiteral("text"), message);
    QJsonObject object;
    object.insert(QStringLiteral("ok"), false);
    object.insert(QStringLiteral("error"), message);
    object.insert(QStringLiteral("etag"), QString::fromLatin1(etag));
    object.insert(QStringLiteral("errors"), QJsonArray{error});
    HttpResponse response = HttpResponse::json(412, compact(object));
    response.headers.append({QByteArrayLiteral("ETag"), etag});
    return response;
}

HttpResponse withEtag(HttpResponse response, const QByteArray &etag)
{
    response.headers.append({QByteArrayLiteral("ETag"), etag});
    return response;
}

}  // namespace

HttpResponse get(ResourceEnv &env, RequestContext &context)
{
    HttpResponse response
        = withEtag(Legacy::runningXml(env, context), runningConfigEtag(env.engine.runningConfig()));
    response.headers.append(
        {QByteArrayLiteral("X-Config-Version"), QByteArray::number(env.engine.history().currentVersion())});
    return response;
}

HttpResponse put(ResourceEnv &env, RequestContext &context)
{
    const LoadResult loaded = context.parsedBody
        ? *context.parsedBody
        : ConfigReader::readData(context.request.body, QStringLiteral("request body"));
    return replace(env, context, loaded, QStringLiteral("request body"));
}

HttpResponse replace(
    ResourceEnv &env, RequestContext &context, const LoadResult &loaded, const QString &source)
{
    const QByteArray runningEtag = runningConfigEtag(env.engine.runningConfig());
    if (std::optional<HttpResponse> failure = configPreconditionFailure(context.request, runningEtag))
        return *failure;
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
    options.source = source;
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
        // The tag the changes were computed against: a PUT with it as
        // If-Match applies exactly this diff, or answers 412.
        return withEtag(HttpResponse::json(200, compact(object)), runningEtag);
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
    object.insert(QStringLiteral("version"), env.engine.history().currentVersion());
    if (!saved)
        object.insert(
            QStringLiteral("saveError"), saveError.isEmpty() ? QStringLiteral("no config file") : saveError);
    HttpResponse response
        = withEtag(HttpResponse::json(200, compact(object)), runningConfigEtag(env.engine.runningConfig()));
    response.headers.append(
        {QByteArrayLiteral("X-Config-Version"), QByteArray::number(env.engine.history().currentVersion())});
    return response;
}

}  // namespace Balancier::AdminResources::ConfigResource
