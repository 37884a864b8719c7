// The pythondirector-compatible commands: the status page, running.txt/.xml,
// config.xml, and the form commands (addHost, delHost, … delGroup).

#include "admin/resources/legacycommands.h"

#include "admin/adminformats.h"
#include "admin/adminhost.h"
#include "admin/auth/csrf.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "admin/resources/resourcehelpers.h"
#include "config/configdocument.h"
#include "config/passwordhash.h"
#include "config/schedulerregistry.h"
#include "engine.h"
#include "ops/operations.h"

namespace Balancier::AdminResources::Legacy {

namespace {

/// The operation's arguments as the host commands call them: a host is
/// "name" and "ip" there. Every other argument (service, group, weight,
/// scheduler, listen) has its own name.
const ParameterNames HostParameters
    = {{QStringLiteral("host"), QStringLiteral("name")}, {QStringLiteral("address"), QStringLiteral("ip")}};
/// addUser and delUser: the user is "name".
const ParameterNames UserParameters = {{QStringLiteral("user"), QStringLiteral("name")}};

struct HostTarget
{
    QString service;
    QString group;
    QString host;
};

/// service and group, the parameters of the group commands (in a HostTarget
/// without host); nullopt when one is missing (the reply is context.failure()).
std::optional<HostTarget> groupTarget(RequestContext &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (context.failed())
        return std::nullopt;
    return HostTarget{service, group, {}};
}

/// service, group and the host of the host commands: by `name`, or else by
/// its address `ip` (pythondirector scripts use either). Without one,
/// `failure` is the reply.
std::optional<HostTarget> hostTarget(ResourceEnv &env, RequestContext &context, HttpResponse *failure)
{
    std::optional<HostTarget> target = groupTarget(context);
    const QString name = context.request.parameter(QStringLiteral("name")).trimmed();
    const QString ip = context.request.parameter(QStringLiteral("ip")).trimmed();
    if (target && name.isEmpty() && ip.isEmpty())
        context.reject(
            QStringLiteral("ip"), QStringLiteral("missing; give the host's address (ip) or its name (name)"));
    if (context.failed()) {
        *failure = context.failure();
        return std::nullopt;
    }
    target->host = name;
    if (name.isEmpty()) {
        const OpResult result
            = Operations(env.engine).findHostAt(target->service, target->group, ip, &target->host);
        if (!result.ok) {
            *failure = legacyOutcome(result, {}, HostParameters);
            return std::nullopt;
        }
    }
    return target;
}

/// hostAdminDown, hostAdminUp and hostDrain: `done` says the new state ("%1" is the host).
HttpResponse hostStateCommand(
    ResourceEnv &env, RequestContext &context, HostAdminState state, const QString &done)
{
    HttpResponse failure;
    const std::optional<HostTarget> target = hostTarget(env, context, &failure);
    if (!target)
        return failure;
    return legacyOutcome(
        Operations(env.engine).setHostAdminState(target->service, target->group, target->host, state),
        done.arg(target->host), HostParameters);
}

}  // namespace

HttpResponse runningPage(ResourceEnv &env, RequestContext &context)
{
    return HttpResponse::html(200,
        AdminFormats::statusPage(env.engine.snapshot(), context.user.name, context.fullAccess(),
            env.csrf.token(context.user.name), context.request.parameter(QStringLiteral("notice"))));
}

HttpResponse runningText(ResourceEnv &env, RequestContext &)
{
    HttpResponse response;
    response.headers.emplaceBack("Content-Type", "text/plain; charset=utf-8");
    response.body = AdminFormats::runningText(env.engine.snapshot());
    return response;
}

HttpResponse runningXml(ResourceEnv &env, RequestContext &context)
{
    const Config config = env.engine.runningConfig();
    return HttpResponse::xml(
        200, ConfigDocument::serialize(context.fullAccess() ? config : withoutPasswords(config)));
}

HttpResponse configXml(ResourceEnv &env, RequestContext &context)
{
    const QByteArray loaded = env.host ? env.host->loadedConfig() : QByteArray();
    if (loaded.isEmpty())
        return runningXml(env, context);
    return HttpResponse::xml(200, context.fullAccess() ? loaded : withoutPasswords(loaded));
}

HttpResponse addHost(ResourceEnv &env, RequestContext &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    const QString name = context.need(QStringLiteral("name"));
    const QString ip = context.need(QStringLiteral("ip"));
    HostConfig host;
    host.name = name;
    host.address = ip;
    if (context.request.hasParameter(QStringLiteral("weight"))) {
        bool ok = false;
        host.weight = context.request.parameter(QStringLiteral("weight")).trimmed().toInt(&ok);
        if (!ok)
            context.reject(QStringLiteral("weight"), QStringLiteral("expected a whole number"));
    }
    if (context.failed())
        return context.failure();
    return legacyOutcome(Operations(env.engine).addHost(service, group, host),
        QStringLiteral("host %1 (%2) added to %3/%4").arg(name, ip, service, group), HostParameters);
}

HttpResponse delHost(ResourceEnv &env, RequestContext &context)
{
    HttpResponse failure;
    const std::optional<HostTarget> target = hostTarget(env, context, &failure);
    if (!target)
        return failure;
    const bool force = forceParameter(context);
    if (context.failed())
        return context.failure();
    return legacyOutcome(
        Operations(env.engine).removeHost(target->service, target->group, target->host, force),
        QStringLiteral("host %1 removed from %2/%3; open connections drain")
            .arg(target->host, target->service, target->group),
        HostParameters);
}

HttpResponse delAllHosts(ResourceEnv &env, RequestContext &context)
{
    const std::optional<HostTarget> target = groupTarget(context);
    if (!target)
        return context.failure();
    const QString &service = target->service;
    const QString &group = target->group;
    // Allowed for the enabled group too, as pythondirector did: hosts are
    // swapped by removing all, then adding the new ones. The operation warns
    // that the service refuses new clients meanwhile.
    return legacyOutcome(Operations(env.engine).removeAllHosts(service, group),
        QStringLiteral("all hosts removed from %1/%2; open connections drain").arg(service, group));
}

HttpResponse enableGroup(ResourceEnv &env, RequestContext &context)
{
    const std::optional<HostTarget> target = groupTarget(context);
    if (!target)
        return context.failure();
    const QString &service = target->service;
    const QString &group = target->group;
    return legacyOutcome(Operations(env.engine).enableGroup(service, group),
        QStringLiteral("group %1 enabled for service %2").arg(group, service));
}

HttpResponse changeScheduler(ResourceEnv &env, RequestContext &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    const QString scheduler = context.need(QStringLiteral("scheduler"));
    if (context.failed())
        return context.failure();
    return legacyOutcome(Operations(env.engine).setScheduler(service, group, scheduler),
        QStringLiteral("scheduler of %1/%2 is now %3")
            .arg(service, group, SchedulerRegistry::canonicalName(scheduler)));
}

HttpResponse addUser(ResourceEnv &env, RequestContext &context)
{
    const QString name = context.need(QStringLiteral("name"));
    // Not trimmed: a password may begin or end with a blank.
    const QString password = context.request.parameter(QStringLiteral("password"));
    if (context.failed())
        return context.failure();
    if (password.isEmpty())
        context.missing = QStringLiteral("password");
    const QString access = context.request.parameter(QStringLiteral("access")).trimmed();
    AdminUser user;
    user.name = name;
    if (access.isEmpty() || access == u"readonly")
        user.access = AdminUser::Access::ReadOnly;
    else if (access == u"full")
        user.access = AdminUser::Access::Full;
    else
        context.reject(QStringLiteral("access"), QStringLiteral("expected 'full' or 'readonly'"));
    if (context.failed())
        return context.failure();
    // pythondirector scripts send the crypt hash a <user password> holds:
    // what parses as a hash is taken as one, anything else is a password.
    const bool isHash = PasswordHash::isWellFormed(password);
    user.passwordHash = isHash ? password : PasswordHash::create(password);
    OpResult result = Operations(env.engine).addUser(user);
    if (result.ok && PasswordHash::isLegacyCrypt(password))
        result.warnings.append(QStringLiteral("user %1: %2").arg(name, PasswordHash::legacyCryptWarning()));
    return legacyOutcome(result,
        QStringLiteral("user %1 added").arg(name)
            + (isHash ? QStringLiteral(" (the password was given as a hash)") : QString()),
        UserParameters);
}

HttpResponse delUser(ResourceEnv &env, RequestContext &context)
{
    const QString name = context.need(QStringLiteral("name"));
    if (context.failed())
        return context.failure();
    // Never the last user with full access: the operation has the rule.
    return legacyOutcome(
        Operations(env.engine).removeUser(name), QStringLiteral("user %1 removed").arg(name), UserParameters);
}

HttpResponse save(ResourceEnv &env, RequestContext &context)
{
    QString error;
    if (!env.host || !env.host->saveRunningConfig(&error))
        return HttpResponse::error(500,
            error.isEmpty() ? QStringLiteral("this balancer has no config file to save to") : error,
            context.json);
    return context.json ? HttpResponse::json(200, R"({"ok":true})")
                        : HttpResponse::text(200, QStringLiteral("running config saved"));
}

HttpResponse retryHost(ResourceEnv &env, RequestContext &context)
{
    HttpResponse failure;
    const std::optional<HostTarget> target = hostTarget(env, context, &failure);
    if (!target)
        return failure;
    const OpResult result = Operations(env.engine).retryHost(target->service, target->group, target->host);
    if (!result.ok)
        return legacyOutcome(result, {}, HostParameters);
    return HttpResponse::text(200, QStringLiteral("probing host %1 now").arg(target->host));
}

HttpResponse hostAdminDown(ResourceEnv &env, RequestContext &context)
{
    return hostStateCommand(
        env, context, HostAdminState::Maintenance, QStringLiteral("host %1 is in maintenance"));
}

HttpResponse hostAdminUp(ResourceEnv &env, RequestContext &context)
{
    return hostStateCommand(env, context, HostAdminState::Ready, QStringLiteral("host %1 is ready"));
}

HttpResponse hostDrain(ResourceEnv &env, RequestContext &context)
{
    // Issue 16: deadline and then make it a guided drain, as POST …/drain.
    const QString deadline = context.request.parameter(QStringLiteral("deadline")).trimmed();
    const QString then = context.request.parameter(QStringLiteral("then")).trimmed();
    if (deadline.isEmpty() && then.isEmpty())
        return hostStateCommand(env, context, HostAdminState::Drain, QStringLiteral("host %1 is draining"));
    HttpResponse failure;
    const std::optional<HostTarget> target = hostTarget(env, context, &failure);
    if (!target)
        return failure;
    Operations::DrainRequest request;
    const OpResult parsed = Operations::parseDrainRequest(deadline, then, &request);
    if (!parsed.ok)
        return legacyOutcome(parsed, {}, HostParameters);
    return legacyOutcome(
        Operations(env.engine).drainHost(target->service, target->group, target->host, request),
        QStringLiteral("host %1 is draining (then %2)").arg(target->host, drainThenName(request.then)),
        HostParameters);
}

HttpResponse newService(ResourceEnv &env, RequestContext &context)
{
    const QString name = context.need(QStringLiteral("service"));
    const QString listen = context.need(QStringLiteral("listen"));
    const QString group = context.need(QStringLiteral("group"));
    const QString host = context.need(QStringLiteral("name"));
    const QString ip = context.need(QStringLiteral("ip"));
    if (context.failed())
        return context.failure();
    ServiceConfig service;
    service.name = name;
    service.listeners = {listen};
    GroupConfig groupConfig;
    groupConfig.name = group;
    const QString scheduler = context.request.parameter(QStringLiteral("scheduler")).trimmed();
    if (!scheduler.isEmpty())
        groupConfig.scheduler = scheduler;
    HostConfig hostConfig;
    hostConfig.name = host;
    hostConfig.address = ip;
    groupConfig.hosts = {hostConfig};
    service.groups = {groupConfig};
    service.enabledGroup = group;
    return legacyOutcome(Operations(env.engine).addService(service),
        QStringLiteral("service %1 listening on %2 created").arg(name, listen), HostParameters);
}

HttpResponse newGroup(ResourceEnv &env, RequestContext &context)
{
    const std::optional<HostTarget> target = groupTarget(context);
    if (!target)
        return context.failure();
    const QString &service = target->service;
    const QString &group = target->group;
    const QString scheduler = context.request.parameter(QStringLiteral("scheduler")).trimmed();
    return legacyOutcome(Operations(env.engine).addGroup(service, group, scheduler),
        QStringLiteral("group %1 added to %2").arg(group, service));
}

HttpResponse delGroup(ResourceEnv &env, RequestContext &context)
{
    const std::optional<HostTarget> target = groupTarget(context);
    if (!target)
        return context.failure();
    const QString &service = target->service;
    const QString &group = target->group;
    // Never the enabled group: the operation has the rule.
    return legacyOutcome(Operations(env.engine).removeGroup(service, group),
        QStringLiteral("group %1 removed from %2").arg(group, service));
}

}  // namespace Balancier::AdminResources::Legacy
