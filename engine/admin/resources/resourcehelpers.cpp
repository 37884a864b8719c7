#include "admin/resources/resourcehelpers.h"

#include "config/address.h"
#include "config/configchangejson.h"
#include "config/configvalidator.h"
#include "config/schedulerregistry.h"
#include "engine.h"
#include "ops/operations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Balancier::AdminResources {

namespace {

/// Password hashes can be cracked offline: a read-only user sees none.
const QString HiddenPassword = QStringLiteral("(hidden)");

}  // namespace

/// The one translation of an operation's result into a reply of both
/// APIs. The status comes from the kind of failure: NotFound 404, BadInput
/// 400, Conflict 409, Refused 400 (the config the change would make does not
/// validate). `parameter` names the legacy command's parameter that the
/// operation judges: pythondirector's commands answer a refused parameter
/// with a 400 that names it.
HttpResponse applyOutcome(const OpResult &result, bool json, const QString &done, const QString &parameter)
{
    if (!result.ok) {
        const bool aboutParameter = !parameter.isEmpty() && result.failure != OpResult::Failure::Refused;
        QStringList messages;
        for (const Diagnostic &error : result.errors) {
            if (aboutParameter)
                messages.append(QStringLiteral("parameter '%1': ").arg(parameter) + error.message);
            else
                messages.append(
                    error.element.isEmpty() ? error.message : error.element + u": " + error.message);
        }
        int status = 400;
        if (!aboutParameter && result.failure == OpResult::Failure::NotFound)
            status = 404;
        else if (!aboutParameter && result.failure == OpResult::Failure::Conflict)
            status = 409;
        return HttpResponse::error(status, messages.join(QStringLiteral("; ")), json);
    }
    if (json) {
        const QJsonArray changes = configChangesToJson(result.changes);
        QJsonObject object;
        object.insert(QStringLiteral("ok"), true);
        object.insert(QStringLiteral("changes"), changes);
        object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings));
        return HttpResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    QString text = done;
    for (const QString &warning : result.warnings)
        text += QStringLiteral("\nwarning: ") + warning;
    return HttpResponse::text(200, text);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject hostConfigJson(const HostConfig &host)
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), host.name);
    object.insert(QStringLiteral("address"), host.address);
    object.insert(QStringLiteral("weight"), host.weight);
    object.insert(QStringLiteral("maxconns"), host.maxConns);
    object.insert(QStringLiteral("state"), hostAdminStateName(host.adminState));
    return object;
}

Config withoutPasswords(Config config)
{
    for (AdminUser &user : config.admin.users)
        user.passwordHash = HiddenPassword;
    return config;
}

/// The same for a config file as loaded, in whatever dialect: every
/// password attribute loses its value.
QByteArray withoutPasswords(const QByteArray &xml)
{
    static const QRegularExpression attribute(QStringLiteral("(\\bpassword\\s*=\\s*)(\"[^\"]*\"|'[^']*')"),
        QRegularExpression::CaseInsensitiveOption);
    return QString::fromUtf8(xml).replace(attribute, QStringLiteral("\\1\"(hidden)\"")).toUtf8();
}

/// The config's rule for service, group and host names (the validator's), said about `parameter`.
void checkName(RequestContext &context, const QString &parameter, const QString &name)
{
    const QString problem = itemNameProblem(name);
    if (!problem.isEmpty())
        context.reject(parameter, problem);
}

void checkAddress(RequestContext &context, const QString &parameter, const QString &text, bool allowPortZero)
{
    QString why;
    if (!parseAddress(text, allowPortZero, &why))
        context.reject(parameter, why);
}

void checkScheduler(RequestContext &context, const QString &parameter, const QString &name)
{
    if (!SchedulerRegistry::canonicalName(name).isEmpty())
        return;
    QStringList names;
    for (const SchedulerInfo &info : SchedulerRegistry::all())
        names.append(info.name);
    context.reject(parameter,
        QStringLiteral("unknown scheduler '%1'; expected one of %2")
            .arg(name, names.join(QStringLiteral(", "))));
}

const ServiceConfig *findService(RequestContext &context, const Config &config, const QString &name)
{
    const ServiceConfig *service = config.service(name);
    if (!service)
        context.reject(QStringLiteral("service"), QStringLiteral("no service named '%1'").arg(name));
    return service;
}

const GroupConfig *findGroup(RequestContext &context, const ServiceConfig *service, const QString &name)
{
    if (!service)
        return nullptr;
    const GroupConfig *group = service->group(name);
    if (!group)
        context.reject(QStringLiteral("group"),
            QStringLiteral("service '%1' has no group named '%2'").arg(service->name, name));
    return group;
}

/// The host given by `name`, or else by its address `ip`: pythondirector
/// scripts use either.
const HostConfig *findHost(RequestContext &context, const ServiceConfig *service, const GroupConfig *group)
{
    const QString name = context.request.parameter(QStringLiteral("name")).trimmed();
    const QString ip = context.request.parameter(QStringLiteral("ip")).trimmed();
    if (name.isEmpty() && ip.isEmpty()) {
        context.reject(
            QStringLiteral("ip"), QStringLiteral("missing; give the host's address (ip) or its name (name)"));
        return nullptr;
    }
    if (!service || !group)
        return nullptr;
    if (!name.isEmpty()) {
        const HostConfig *host = group->host(name);
        if (!host)
            context.reject(QStringLiteral("name"),
                QStringLiteral("group '%1' of service '%2' has no host named '%3'")
                    .arg(group->name, service->name, name));
        return host;
    }
    for (const HostConfig &host : group->hosts) {
        if (host.address == ip)
            return &host;
    }
    context.reject(QStringLiteral("ip"),
        QStringLiteral("group '%1' of service '%2' has no host with address '%3'")
            .arg(group->name, service->name, ip));
    return nullptr;
}

/// service and group of the group commands (in a HostTarget without host); nullopt when one is missing or
/// bad.
std::optional<HostTarget> groupTarget(RequestContext &context, const Config &config)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (context.failed())
        return std::nullopt;
    findGroup(context, findService(context, config, service), group);
    if (context.failed())
        return std::nullopt;
    return HostTarget{service, group, {}};
}

/// service, group and name-or-ip of the host commands; nullopt when one is missing or bad.
std::optional<HostTarget> hostTarget(RequestContext &context, const Config &config)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (context.failed())
        return std::nullopt;
    const ServiceConfig *serviceConfig = findService(context, config, service);
    const GroupConfig *groupConfig = findGroup(context, serviceConfig, group);
    const HostConfig *host = findHost(context, serviceConfig, groupConfig);
    if (!host || context.failed())
        return std::nullopt;
    return HostTarget{service, group, host->name};
}

/// The optional scheduler parameter of newService and newGroup.
QString optionalScheduler(RequestContext &context)
{
    const QString scheduler = context.request.parameter(QStringLiteral("scheduler")).trimmed();
    if (!scheduler.isEmpty())
        checkScheduler(context, QStringLiteral("scheduler"), scheduler);
    return scheduler;
}

/// The 409 for a host at the address of another host of its group.
std::optional<HttpResponse> sameAddressConflict(
    const GroupConfig &group, const HostConfig &host, const QString &service, bool json)
{
    const HostConfig *other = hostAtSameAddress(group, host.address, host.name);
    if (!other)
        return std::nullopt;
    return HttpResponse::error(409,
        QStringLiteral("host %1 of %2/%3 has the address %4 already; one backend listed twice would take "
                       "twice its share")
            .arg(other->name, service, group.name, other->address),
        json);
}

/// force=1 (or true, yes) of delHost and DELETE …/hosts/{host}; false when absent.
bool forceParameter(RequestContext &context)
{
    if (!context.request.hasParameter(QStringLiteral("force")))
        return false;
    const QString value = context.request.parameter(QStringLiteral("force")).trimmed();
    if (value == u"1" || value == u"true" || value == u"yes")
        return true;
    if (value != u"0" && value != u"false" && value != u"no")
        context.reject(QStringLiteral("force"), QStringLiteral("expected 1 (or 0)"));
    return false;
}

/// hostAdminDown, hostAdminUp and hostDrain: `done` says the new state ("%1" is the host).
HttpResponse hostStateCommand(
    Engine &engine, RequestContext &context, HostAdminState state, const QString &done)
{
    const std::optional<HostTarget> target = hostTarget(context, engine.runningConfig());
    if (!target)
        return context.failure();
    return applyOutcome(
        Operations(engine).setHostAdminState(target->service, target->group, target->host, state),
        context.json, done.arg(target->host));
}

/// The 404 for a path naming a service, group or host that does not exist;
/// status 0 when everything named exists.
HttpResponse pathNotFound(
    const Config &config, const QString &service, const QString &group, const QString &host)
{
    const ServiceConfig *serviceConfig = config.service(service);
    if (!serviceConfig)
        return HttpResponse::error(404, QStringLiteral("no service named '%1'").arg(service), true);
    if (group.isEmpty())
        return HttpResponse{0, {}, {}, false};
    const GroupConfig *groupConfig = serviceConfig->group(group);
    if (!groupConfig)
        return HttpResponse::error(
            404, QStringLiteral("service '%1' has no group named '%2'").arg(service, group), true);
    if (host.isEmpty() || groupConfig->host(host))
        return HttpResponse{0, {}, {}, false};
    return HttpResponse::error(404,
        QStringLiteral("group '%1' of service '%2' has no host named '%3'").arg(group, service, host), true);
}

/// The request body as a JSON object, or an error response.
std::optional<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = HttpResponse::error(400,
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("body: invalid JSON at offset %1: %2")
                      .arg(parseError.offset)
                      .arg(parseError.errorString())
                : QStringLiteral("body: expected a JSON object"),
            true);
        return std::nullopt;
    }
    return document.object();
}

/// The 400 for the fields of a JSON body that its endpoint does not take,
/// named (as the query parameters are); nullopt when there are none.
std::optional<HttpResponse> unknownFields(const QJsonObject &body, const QStringList &known)
{
    QStringList unknown;
    for (auto it = body.begin(); it != body.end() && unknown.size() < 10; ++it) {
        if (!known.contains(it.key()))
            unknown.append(u'\'' + it.key().left(64) + u'\'');
    }
    if (unknown.isEmpty())
        return std::nullopt;
    return HttpResponse::error(400,
        QStringLiteral("body: unknown field%1 %2; expected %3")
            .arg(unknown.size() == 1 ? QString() : QStringLiteral("s"), unknown.join(QStringLiteral(", ")),
                known.join(QStringLiteral(", "))),
        true);
}

}  // namespace Balancier::AdminResources
