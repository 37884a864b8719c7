// GET /api/v1/config/history, GET /api/v1/config/history/{n}, POST /api/v1/config/history/{n}/rollback.

#include "admin/resources/history.h"

#include "admin/resources/configresource.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourcehelpers.h"
#include "config/appliedconfighistory.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "engine.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Balancier::AdminResources::History {

namespace {

/// The version in the path: a whole number from 1; 400 for anything else,
/// 404 for one the history does not hold (any more).
std::optional<AppliedConfigEntry> entryOf(ResourceEnv &env, RequestContext &context, HttpResponse *failure)
{
    const QString text = context.capture(QStringLiteral("n"));
    bool ok = false;
    const qint64 version = text.toLongLong(&ok);
    if (!ok || version < 1 || text.startsWith(u'+')) {
        *failure = HttpResponse::error(400,
            QStringLiteral("parameter 'n': \"%1\" is not a config version; expected a whole number from 1")
                .arg(text.left(40)),
            true);
        return std::nullopt;
    }
    std::optional<AppliedConfigEntry> entry = env.engine.history().entry(version);
    if (!entry) {
        const AppliedConfigHistory &history = env.engine.history();
        const QList<AppliedConfigEntry> entries = history.entries();
        *failure = HttpResponse::error(404,
            entries.isEmpty()
                ? QStringLiteral("the config history has no version %1: it is empty").arg(version)
                : QStringLiteral("the config history has no version %1; it holds %2 to %3 (the last %4)")
                      .arg(version)
                      .arg(entries.constLast().version)
                      .arg(entries.constFirst().version)
                      .arg(history.limit()),
            true);
        return std::nullopt;
    }
    return entry;
}

/// One entry as a user may see it: with `withXml`, its changes and its
/// config (without secrets for a read-only user).
QJsonObject entryJson(const AppliedConfigEntry &entry, bool withXml, const RequestContext &context)
{
    QJsonObject object = entry.toJson(withXml);
    if (withXml && !context.fullAccess()) {
        // As /running.xml: a read-only user sees no password hash and no webhook secret.
        const LoadResult loaded
            = ConfigReader::readData(entry.xml, QStringLiteral("history"), AdminFiles::Skipped);
        object.insert(QStringLiteral("xml"),
            loaded.ok() ? QString::fromUtf8(ConfigDocument::serialize(withoutPasswords(loaded.config)))
                        : QString::fromUtf8(withoutPasswords(entry.xml)));
    }
    return object;
}

}  // namespace

HttpResponse list(ResourceEnv &env, RequestContext &context)
{
    const QString full = context.request.parameter(QStringLiteral("full")).trimmed();
    if (!full.isEmpty() && full != u"0" && full != u"1")
        return HttpResponse::error(400, QStringLiteral("parameter 'full': expected 1 (or 0)"), true);
    const AppliedConfigHistory &history = env.engine.history();
    QJsonArray entries;
    for (const AppliedConfigEntry &entry : history.entries())
        entries.append(entryJson(entry, full == u"1", context));
    QJsonObject object;
    object.insert(QStringLiteral("current"), history.currentVersion());
    object.insert(QStringLiteral("limit"), history.limit());
    object.insert(QStringLiteral("stored"), !history.storageDirectory().isEmpty());
    object.insert(QStringLiteral("entries"), entries);
    return HttpResponse::json(200, compact(object));
}

HttpResponse one(ResourceEnv &env, RequestContext &context)
{
    HttpResponse failure;
    const std::optional<AppliedConfigEntry> entry = entryOf(env, context, &failure);
    if (!entry)
        return failure;
    QJsonObject object = entryJson(*entry, true, context);
    object.insert(QStringLiteral("current"), entry->version == env.engine.history().currentVersion());
    return HttpResponse::json(200, compact(object));
}

HttpResponse rollback(ResourceEnv &env, RequestContext &context)
{
    HttpResponse failure;
    const std::optional<AppliedConfigEntry> entry = entryOf(env, context, &failure);
    if (!entry)
        return failure;
    const QString source = QStringLiteral("config history version %1").arg(entry->version);
    // Read as a file would be: the admin TLS files it names are checked again.
    const LoadResult loaded = ConfigReader::readData(entry->xml, source);
    ConfigOrigin origin = env.engine.history().origin();
    origin.kind = QStringLiteral("rollback");
    origin.rollbackOf = entry->version;
    const AppliedConfigHistory::OriginScope scope(env.engine.history(), origin);
    return ConfigResource::replace(env, context, loaded, source);
}

}  // namespace Balancier::AdminResources::History
