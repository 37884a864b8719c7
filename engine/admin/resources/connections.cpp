// The live connection table under /api/v1/connections and /api/v1/talkers.

#include "admin/resources/connections.h"

#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "engine.h"
#include "ops/operations.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Balancier::AdminResources::Connections {

namespace {

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The JSON API's error, with the parameter at fault (connections-api.md).
HttpResponse failure(int status, const QString &message, const QString &parameter)
{
    QJsonObject object;
    object.insert(QStringLiteral("ok"), false);
    object.insert(QStringLiteral("error"), message);
    if (!parameter.isEmpty())
        object.insert(QStringLiteral("parameter"), parameter);
    object.insert(QStringLiteral("status"), status);
    return HttpResponse::json(status, compactJson(object));
}

HttpResponse failure(const OpResult &result)
{
    QStringList messages;
    for (const Diagnostic &error : result.errors)
        messages.append(error.element.isEmpty() ? error.message : error.element + u": " + error.message);
    const int status = result.failure == OpResult::Failure::NotFound ? 404 : 400;
    return failure(status, messages.join(QStringLiteral("; ")), result.parameter);
}

// A whole number in [minimum, maximum], or the parameter is rejected.
bool readNumber(RequestContext &context, const QString &name, qint64 minimum, qint64 maximum, qint64 *value)
{
    const QString text = context.request.parameter(name).trimmed();
    if (text.isEmpty())
        return true;
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < minimum || number > maximum) {
        context.reject(name,
            QStringLiteral("'%1' is not a whole number from %2 to %3").arg(text).arg(minimum).arg(maximum));
        return false;
    }
    *value = number;
    return true;
}

HttpResponse parameterFailure(const RequestContext &context)
{
    // "parameter 'limit': ..." -> the name between the quotes.
    const QString &invalid = context.invalid;
    const qsizetype open = invalid.indexOf(u'\'');
    const qsizetype closing = open >= 0 ? invalid.indexOf(u'\'', open + 1) : -1;
    const QString parameter = closing > open ? invalid.mid(open + 1, closing - open - 1) : QString();
    return failure(400, invalid, parameter);
}

}  // namespace

QJsonObject rowJson(const ConnectionRow &row)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), QString::number(row.id));
    object.insert(QStringLiteral("service"), row.service);
    object.insert(QStringLiteral("group"), row.group);
    object.insert(QStringLiteral("backend"), row.backend);
    object.insert(QStringLiteral("client"), row.client);
    object.insert(QStringLiteral("local"), row.local);
    object.insert(QStringLiteral("ageMs"), row.ageMs);
    object.insert(QStringLiteral("bytesIn"), row.bytesIn);
    object.insert(QStringLiteral("bytesOut"), row.bytesOut);
    object.insert(QStringLiteral("state"), row.state);
    if (!row.sni.isEmpty())
        object.insert(QStringLiteral("sni"), row.sni);
    object.insert(QStringLiteral("reason"),
        QJsonObject{{QStringLiteral("code"), row.reason.code},
            {QStringLiteral("params"), QJsonObject::fromVariantMap(row.reason.params)}});
    QJsonArray attempts;
    for (const ConnectAttempt &attempt : row.attempts) {
        attempts.append(QJsonObject{
            {QStringLiteral("backend"), attempt.backend}, {QStringLiteral("result"), attempt.result}});
    }
    object.insert(QStringLiteral("attempts"), attempts);
    return object;
}

QJsonObject talkerJson(const Talker &talker)
{
    QJsonObject object;
    object.insert(QStringLiteral("prefix"), talker.prefix);
    object.insert(QStringLiteral("open"), talker.open);
    object.insert(QStringLiteral("ratePerSecond"), talker.ratePerSecond);
    object.insert(QStringLiteral("bytesIn"), talker.bytesIn);
    object.insert(QStringLiteral("bytesOut"), talker.bytesOut);
    return object;
}

HttpResponse list(ResourceEnv &env, RequestContext &context)
{
    ConnectionFilter filter;
    filter.service = context.request.parameter(QStringLiteral("service")).trimmed();
    filter.group = context.request.parameter(QStringLiteral("group")).trimmed();
    filter.backend = context.request.parameter(QStringLiteral("backend")).trimmed();
    filter.clientPrefix = context.request.parameter(QStringLiteral("client")).trimmed();
    filter.sort = context.request.parameter(QStringLiteral("sort")).trimmed();
    qint64 minAgeSeconds = 0;
    qint64 offset = 0;
    qint64 limit = 100;
    readNumber(context, QStringLiteral("minage"), 0, qint64(1) << 40, &minAgeSeconds);
    readNumber(context, QStringLiteral("minbytes"), 0, std::numeric_limits<qint64>::max(), &filter.minBytes);
    readNumber(context, QStringLiteral("offset"), 0, std::numeric_limits<int>::max(), &offset);
    readNumber(context, QStringLiteral("limit"), 1, 1000, &limit);
    if (context.failed())
        return parameterFailure(context);
    filter.minAgeMs = minAgeSeconds * 1000;
    filter.offset = int(offset);
    filter.limit = int(limit);
    if (const OpResult checked = Operations::checkConnectionFilter(filter); !checked.ok)
        return failure(checked);
    auto respond = context.deferResponse();
    Operations(env.engine)
        .listConnections(filter, &env.engine, [respond, filter](const ConnectionPage &page) {
            QJsonArray rows;
            for (const ConnectionRow &row : page.rows)
                rows.append(rowJson(row));
            QJsonObject object;
            object.insert(QStringLiteral("total"), page.total);
            object.insert(QStringLiteral("offset"), filter.offset);
            object.insert(QStringLiteral("connections"), rows);
            respond(HttpResponse::json(200, compactJson(object)));
        });
    return {};
}

HttpResponse close(ResourceEnv &env, RequestContext &context)
{
    const QString text = context.capture(QStringLiteral("id")).trimmed();
    bool ok = false;
    const quint64 id = text.toULongLong(&ok);
    if (!ok || id == 0)
        return failure(
            400, QStringLiteral("connection: '%1' is not a connection id").arg(text), QStringLiteral("id"));
    auto respond = context.deferResponse();
    Operations(env.engine).closeConnection(id, &env.engine, [respond, id](const OpResult &result) {
        if (!result.ok) {
            respond(failure(result));
            return;
        }
        QJsonObject object;
        object.insert(QStringLiteral("ok"), true);
        object.insert(QStringLiteral("closed"), QString::number(id));
        respond(HttpResponse::json(200, compactJson(object)));
    });
    return {};
}

HttpResponse talkers(ResourceEnv &env, RequestContext &context)
{
    TalkerQuery query;
    query.service = context.request.parameter(QStringLiteral("service")).trimmed();
    query.sort = context.request.parameter(QStringLiteral("sort")).trimmed();
    qint64 prefix4 = query.prefix4;
    qint64 prefix6 = query.prefix6;
    qint64 limit = query.limit;
    readNumber(context, QStringLiteral("prefix4"), 0, 32, &prefix4);
    readNumber(context, QStringLiteral("prefix6"), 0, 128, &prefix6);
    readNumber(context, QStringLiteral("limit"), 1, 1000, &limit);
    if (context.failed())
        return parameterFailure(context);
    query.prefix4 = int(prefix4);
    query.prefix6 = int(prefix6);
    query.limit = int(limit);
    if (const OpResult checked = Operations::checkTalkerQuery(query); !checked.ok)
        return failure(checked);
    auto respond = context.deferResponse();
    Operations(env.engine).talkers(query, &env.engine, [respond](const QList<Talker> &talkers) {
        QJsonArray rows;
        for (const Talker &talker : talkers)
            rows.append(talkerJson(talker));
        QJsonObject object;
        object.insert(QStringLiteral("talkers"), rows);
        respond(HttpResponse::json(200, compactJson(object)));
    });
    return {};
}

}  // namespace Balancier::AdminResources::Connections
