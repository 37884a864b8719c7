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
#include "config/configlimits.h"
#include "config/passwordhash.h"
#include "config/schedulerregistry.h"
#include "engine.h"
#include "ops/operations.h"

namespace Balancier::AdminResources::Legacy {

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
    if (context.failed())
        return context.failure();
    const Config config = env.engine.runningConfig();
    const ServiceConfig *serviceConfig = findService(context, config, service);
    const GroupConfig *groupConfig = findGroup(context, serviceConfig, group);
    if (groupConfig && groupConfig->host(name))
        context.reject(QStringLiteral("name"),
            QStringLiteral("group '%1' of service '%2' has a host named '%3' already")
                .arg(group, service, name));
    checkName(context, QStringLiteral("name"), name);
    checkAddress(context, QStringLiteral("ip"), ip, false);
    HostConfig host;
    host.name = name;
    host.address = ip;
    if (context.request.hasParameter(QStringLiteral("weight"))) {
        bool ok = false;
        host.weight = context.request.parameter(QStringLiteral("weight")).trimmed().toInt(&ok);
        if (!ok || host.weight < 0 || host.weight > ConfigLimits::maxWeight)
            context.reject(QStringLiteral("weight"),
                QStringLiteral("expected a whole number from 0 to %1").arg(ConfigLimits::maxWeight));
    }
    if (context.failed())
        return context.failure();
    if (const auto conflict = sameAddressConflict(*groupConfig, host, service, context.json))
        return *conflict;
    return applyOutcome(Operations(env.engine).addHost(service, group, host), context.json,
        QStringLiteral("host %1 (%2) added to %3/%4").arg(name, ip, service, group));
}

HttpResponse delHost(ResourceEnv &env, RequestContext &context)
{
    const std::optional<HostTarget> target = hostTarget(context, env.engine.runningConfig());
    const bool force = forceParameter(context);
    if (!target || context.failed())
        return context.failure();
    return applyOutcome(
        Operations(env.engine).removeHost(target->service, target->group, target->host, force), context.json,
        QStringLiteral("host %1 removed from %2/%3; open connections drain")
            .arg(target->host, target->service, target->group));
}

HttpResponse delAllHosts(ResourceEnv &env, RequestContext &context)
{
    const std::optional<HostTarget> target = groupTarget(context, env.engine.runningConfig());
    if (!target)
        return context.failure();
    // Allowed for the enabled group too, as pythondirector did: hosts are
    // swapped by removing all, then adding the new ones. The operation warns
    // that the service refuses new clients meanwhile.
    return applyOutcome(Operations(env.engine).removeAllHosts(target->service, target->group), context.json,
        QStringLiteral("all hosts removed from %1/%2; open connections drain")
            .arg(target->service, target->group));
}

HttpResponse enableGroup(ResourceEnv &env, RequestContext &context)
{
    const std::optional<HostTarget> target = groupTarget(context, env.engine.runningConfig());
    if (!target)
        return context.failure();
    return applyOutcome(Operations(env.engine).enableGroup(target->service, target->group), context.json,
        QStringLiteral("group %1 enabled for service %2").arg(target->group, target->service));
}

HttpResponse changeScheduler(ResourceEnv &env, RequestContext &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    const QString scheduler = context.need(QStringLiteral("scheduler"));
    if (context.failed())
        return context.failure();
    findGroup(context, findService(context, env.engine.runningConfig(), service), group);
    checkScheduler(context, QStringLiteral("scheduler"), scheduler);
    if (context.failed())
        return context.failure();
    return applyOutcome(Operations(env.engine).setScheduler(service, group, scheduler), context.json,
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
    checkName(context, QStringLiteral("name"), name);
    if (name.contains(u':'))
        context.reject(QStringLiteral("name"),
            QStringLiteral("a user name cannot contain ':' (HTTP Basic splits there)"));
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
    return applyOutcome(result, context.json,
        QStringLiteral("user %1 added").arg(name)
            + (isHash ? QStringLiteral(" (the password was given as a hash)") : QString()),
        QStringLiteral("name"));
}

HttpResponse delUser(ResourceEnv &env, RequestContext &context)
{
    const QString name = context.need(QStringLiteral("name"));
    if (context.failed())
        return context.failure();
    // Never the last user with full access: the operation has the rule.
    return applyOutcome(Operations(env.engine).removeUser(name), context.json,
        QStringLiteral("user %1 removed").arg(name), QStringLiteral("name"));
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
    const std::optional<HostTarget> target = hostTarget(context, env.engine.runningConfig());
    if (!target)
        return context.failure();
    const OpResult result = Operations(env.engine).retryHost(target->service, target->group, target->host);
    if (!result.ok)
        return applyOutcome(result, context.json, {});
    return HttpResponse::text(200, QStringLiteral("probing host %1 now").arg(target->host));
}

HttpResponse hostAdminDown(ResourceEnv &env, RequestContext &context)
{
    return hostStateCommand(
        env.engine, context, HostAdminState::Maintenance, QStringLiteral("host %1 is in maintenance"));
}

HttpResponse hostAdminUp(ResourceEnv &env, RequestContext &context)
{
    return hostStateCommand(env.engine, context, HostAdminState::Ready, QStringLiteral("host %1 is ready"));
}

HttpResponse hostDrain(ResourceEnv &env, RequestContext &context)
{
    return hostStateCommand(
        env.engine, context, HostAdminState::Drain, QStringLiteral("host %1 is draining"));
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
    if (env.engine.runningConfig().service(name))
        context.reject(QStringLiteral("service"), QStringLiteral("service '%1' exists already").arg(name));
    checkName(context, QStringLiteral("service"), name);
    checkAddress(context, QStringLiteral("listen"), listen, true);
    checkName(context, QStringLiteral("group"), group);
    checkName(context, QStringLiteral("name"), host);
    checkAddress(context, QStringLiteral("ip"), ip, false);
    const QString scheduler = optionalScheduler(context);
    if (context.failed())
        return context.failure();
    ServiceConfig service;
    service.name = name;
    service.listeners = {listen};
    GroupConfig groupConfig;
    groupConfig.name = group;
    if (!scheduler.isEmpty())
        groupConfig.scheduler = scheduler;
    HostConfig hostConfig;
    hostConfig.name = host;
    hostConfig.address = ip;
    groupConfig.hosts = {hostConfig};
    service.groups = {groupConfig};
    service.enabledGroup = group;
    return applyOutcome(Operations(env.engine).addService(service), context.json,
        QStringLiteral("service %1 listening on %2 created").arg(name, listen));
}

HttpResponse newGroup(ResourceEnv &env, RequestContext &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (context.failed())
        return context.failure();
    const ServiceConfig *serviceConfig = findService(context, env.engine.runningConfig(), service);
    if (serviceConfig && serviceConfig->group(group))
        context.reject(QStringLiteral("group"),
            QStringLiteral("group '%1' exists already in service '%2'").arg(group, service));
    checkName(context, QStringLiteral("group"), group);
    const QString scheduler = optionalScheduler(context);
    if (context.failed())
        return context.failure();
    return applyOutcome(Operations(env.engine).addGroup(service, group, scheduler), context.json,
        QStringLiteral("group %1 added to %2").arg(group, service));
}

HttpResponse delGroup(ResourceEnv &env, RequestContext &context)
{
    const std::optional<HostTarget> target = groupTarget(context, env.engine.runningConfig());
    if (!target)
        return context.failure();
    // Never the enabled group: the operation has the rule.
    return applyOutcome(Operations(env.engine).removeGroup(target->service, target->group), context.json,
        QStringLiteral("group %1 removed from %2").arg(target->group, target->service),
        QStringLiteral("group"));
}

}  // namespace Balancier::AdminResources::Legacy
