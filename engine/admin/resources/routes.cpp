// The TLS routing resource: GET/PUT …/services/{service}/routes.
//
// The JSON form says what the XML says (docs/tls-routing.md):
//   {"peektimeout": "5s", "peeksize": 16384,
//    "routes": [{"sni": ["a.example", "*.b.example"], "alpn": ["h2"], "group": "G"},
//               {"plain": true, "silence": "1s", "group": "ssh"}]}
// A PUT replaces every route and the peek limits; fields left out take the
// XML's defaults; "routes": [] turns routing off. The rules are the
// operation's (RouteRules), and a 400 names the item: 'routes[1].sni[0]'.

#include "admin/resources/routes.h"

#include "admin/resources/requestcontext.h"
#include "admin/resources/resourcehelpers.h"
#include "config/config.h"
#include "config/duration.h"
#include "engine.h"
#include "ops/operations.h"

#include <QJsonArray>

#include <cmath>

namespace Balancier::AdminResources::Routes {

namespace {

HttpResponse badField(const QString &field, const QString &message)
{
    return HttpResponse::error(400, QStringLiteral("body: '%1': %2").arg(field, message), true);
}

/// A list of strings, or one comma-separated string.
bool stringList(const QJsonValue &value, QStringList *out)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (value.isString()) {
        for (const QString &item : value.toString().split(u','))
            out->append(item.trimmed());
        return true;
    }
    if (!value.isArray())
        return false;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return false;
        out->append(item.toString().trimmed());
    }
    return true;
}

}  // namespace

QJsonObject routingJson(const ServiceConfig &service)
{
    QJsonArray routes;
    for (const RouteConfig &route : service.routes) {
        QJsonObject object;
        if (route.plain) {
            object.insert(QStringLiteral("plain"), true);
            object.insert(QStringLiteral("silence"), formatDuration(route.silenceMs));
        } else {
            object.insert(QStringLiteral("sni"), QJsonArray::fromStringList(route.sni));
            object.insert(QStringLiteral("alpn"), QJsonArray::fromStringList(route.alpn));
        }
        object.insert(QStringLiteral("group"), route.group);
        object.insert(QStringLiteral("label"), route.label());
        routes.append(object);
    }
    QJsonObject object;
    object.insert(QStringLiteral("peektimeout"), formatDuration(service.peekTimeoutMs));
    object.insert(QStringLiteral("peeksize"), service.peekSize);
    object.insert(QStringLiteral("routes"), routes);
    return object;
}

HttpResponse getRoutes(ResourceEnv &env, RequestContext &context)
{
    const QString name = context.capture(QStringLiteral("service"));
    const Config config = env.engine.runningConfig();
    const ServiceConfig *service = config.service(name);
    if (!service)
        return HttpResponse::error(404, QStringLiteral("no service named '%1'").arg(name), true);
    return HttpResponse::json(200, compact(routingJson(*service)));
}

HttpResponse putRoutes(ResourceEnv &env, RequestContext &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    if (const auto unknown = unknownFields(
            *body, {QStringLiteral("peektimeout"), QStringLiteral("peeksize"), QStringLiteral("routes")}))
        return *unknown;
    qint64 peekTimeoutMs = ServiceConfig::defaultPeekTimeoutMs;
    if (body->contains(QStringLiteral("peektimeout"))) {
        const std::optional<qint64> parsed
            = parseDuration(body->value(QStringLiteral("peektimeout")).toString());
        if (!parsed)
            return badField(
                QStringLiteral("peektimeout"), QStringLiteral("must be a duration such as \"5s\""));
        peekTimeoutMs = *parsed;
    }
    int peekSize = ServiceConfig::defaultPeekSize;
    if (body->contains(QStringLiteral("peeksize"))) {
        const QJsonValue value = body->value(QStringLiteral("peeksize"));
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != std::floor(number) || number < 0 || number > 1e9)
            return badField(QStringLiteral("peeksize"), QStringLiteral("must be a number of bytes"));
        peekSize = int(number);
    }
    const QJsonValue routesValue = body->value(QStringLiteral("routes"));
    if (!routesValue.isUndefined() && !routesValue.isArray())
        return badField(QStringLiteral("routes"), QStringLiteral("must be an array of routes"));
    const QJsonArray array = routesValue.toArray();
    QList<RouteConfig> routes;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("routes[%1]").arg(i);
        if (!array.at(i).isObject())
            return badField(
                where, QStringLiteral("must be an object with \"group\" and \"sni\", \"alpn\" or \"plain\""));
        const QJsonObject object = array.at(i).toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            static const QStringList known
                = {QStringLiteral("sni"), QStringLiteral("alpn"), QStringLiteral("plain"),
                    QStringLiteral("silence"), QStringLiteral("group"), QStringLiteral("label")};
            if (!known.contains(it.key()))
                return badField(where + u'.' + it.key(),
                    QStringLiteral("unknown field; expected sni, alpn, plain, silence, group"));
        }
        RouteConfig route;
        if (!stringList(object.value(QStringLiteral("sni")), &route.sni))
            return badField(where + QStringLiteral(".sni"), QStringLiteral("must be a list of names"));
        if (!stringList(object.value(QStringLiteral("alpn")), &route.alpn))
            return badField(where + QStringLiteral(".alpn"), QStringLiteral("must be a list of protocols"));
        const QJsonValue plain = object.value(QStringLiteral("plain"));
        if (!plain.isUndefined() && !plain.isBool())
            return badField(where + QStringLiteral(".plain"), QStringLiteral("must be true or false"));
        route.plain = plain.toBool(false);
        if (object.contains(QStringLiteral("silence"))) {
            const std::optional<qint64> parsed
                = parseDuration(object.value(QStringLiteral("silence")).toString());
            if (!parsed)
                return badField(
                    where + QStringLiteral(".silence"), QStringLiteral("must be a duration such as \"1s\""));
            route.silenceMs = *parsed;
        }
        const QJsonValue group = object.value(QStringLiteral("group"));
        if (!group.isUndefined() && !group.isString())
            return badField(where + QStringLiteral(".group"), QStringLiteral("must be a group name"));
        route.group = group.toString();
        routes.append(route);
    }
    const OpResult result
        = Operations(env.engine)
              .setRoutes(context.capture(QStringLiteral("service")), routes, peekTimeoutMs, peekSize);
    return jsonOutcome(result, {{result.parameter, QStringLiteral("body: '%1'").arg(result.parameter)}});
}

}  // namespace Balancier::AdminResources::Routes
