// The admission resources: GET/PUT …/services/{service}/acl and …/limit.
//
// The JSON forms say what the XML says:
//   acl:   {"enabled": true, "default": "allow"|"deny",
//           "rules": [{"action": "allow"|"deny", "from": ["10.0.0.0/8", "::1"]}, ...]}
//   limit: {"enabled": true, "perip": 0, "prefix": 32, "prefix6": 64, "rate": "10/s",
//           "burst": 20, "mode": "enforce"|"dryrun", "table": 65536}
// A PUT replaces the whole element; "enabled": false removes it. Fields left
// out take the XML's defaults. The rules (CIDRs, ranges) are the operation's.

#include "admin/resources/admission.h"

#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "admin/resources/resourcehelpers.h"
#include "config/cidr.h"
#include "engine.h"
#include "ops/operations.h"

#include <QJsonArray>

#include <cmath>

namespace Balancier::AdminResources::Admission {

namespace {

const ServiceConfig *findService(const Config &config, const QString &name)
{
    for (const ServiceConfig &service : config.services) {
        if (service.name == name)
            return &service;
    }
    return nullptr;
}

HttpResponse noService(const QString &name)
{
    return HttpResponse::error(404, QStringLiteral("no service named '%1'").arg(name), true);
}

HttpResponse badField(const QString &field, const QString &message)
{
    return HttpResponse::error(400, QStringLiteral("body: '%1': %2").arg(field, message), true);
}

QJsonObject aclJson(const AclConfig &acl)
{
    QJsonArray rules;
    for (const AclRule &rule : acl.rules) {
        QJsonObject object;
        object.insert(QStringLiteral("action"),
            rule.action == AclRule::Action::Allow ? QStringLiteral("allow") : QStringLiteral("deny"));
        object.insert(QStringLiteral("from"), QJsonArray::fromStringList(rule.from));
        rules.append(object);
    }
    QJsonObject object;
    object.insert(QStringLiteral("enabled"), acl.enabled);
    object.insert(
        QStringLiteral("default"), acl.defaultAllow ? QStringLiteral("allow") : QStringLiteral("deny"));
    object.insert(QStringLiteral("rules"), rules);
    return object;
}

QJsonObject limitJson(const LimitConfig &limit)
{
    QJsonObject object;
    object.insert(QStringLiteral("enabled"), limit.enabled);
    object.insert(QStringLiteral("perip"), limit.perIp);
    object.insert(QStringLiteral("prefix"), limit.prefix);
    object.insert(QStringLiteral("prefix6"), limit.prefix6);
    object.insert(QStringLiteral("rate"), limit.rate > 0 ? QJsonValue(limit.rateText()) : QJsonValue());
    object.insert(QStringLiteral("burst"), limit.effectiveBurst());
    object.insert(
        QStringLiteral("mode"), limit.dryRun ? QStringLiteral("dryrun") : QStringLiteral("enforce"));
    object.insert(QStringLiteral("table"), limit.table);
    return object;
}

/// A whole number field; nullopt with `error` set when it is not one.
std::optional<int> intField(const QJsonObject &body, const QString &field, int fallback, HttpResponse *error)
{
    if (!body.contains(field))
        return fallback;
    const QJsonValue value = body.value(field);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != std::floor(number) || number < 0 || number > 1e9) {
        *error = badField(field, QStringLiteral("must be a whole number >= 0"));
        return std::nullopt;
    }
    return int(number);
}

std::optional<bool> enabledField(const QJsonObject &body, HttpResponse *error)
{
    const QString field = QStringLiteral("enabled");
    if (!body.contains(field))
        return true;
    if (!body.value(field).isBool()) {
        *error = badField(field, QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return body.value(field).toBool();
}

}  // namespace

HttpResponse getAcl(ResourceEnv &env, RequestContext &context)
{
    const QString name = context.capture(QStringLiteral("service"));
    const Config config = env.engine.runningConfig();
    const ServiceConfig *service = findService(config, name);
    if (!service)
        return noService(name);
    return HttpResponse::json(200, compact(aclJson(service->acl)));
}

HttpResponse putAcl(ResourceEnv &env, RequestContext &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    if (const auto unknown = unknownFields(
            *body, {QStringLiteral("enabled"), QStringLiteral("default"), QStringLiteral("rules")}))
        return *unknown;
    AclConfig acl;
    const std::optional<bool> enabled = enabledField(*body, &error);
    if (!enabled)
        return error;
    acl.enabled = *enabled;
    if (body->contains(QStringLiteral("default"))) {
        const QString action = body->value(QStringLiteral("default")).toString();
        if (action != u"allow" && action != u"deny")
            return badField(QStringLiteral("default"), QStringLiteral("must be \"allow\" or \"deny\""));
        acl.defaultAllow = action == u"allow";
    }
    const QJsonValue rulesValue = body->value(QStringLiteral("rules"));
    if (!rulesValue.isUndefined() && !rulesValue.isArray())
        return badField(QStringLiteral("rules"), QStringLiteral("must be an array of rules"));
    const QJsonArray rules = rulesValue.toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString where = QStringLiteral("rules[%1]").arg(i);
        if (!rules.at(i).isObject())
            return badField(where, QStringLiteral("must be an object with \"action\" and \"from\""));
        const QJsonObject object = rules.at(i).toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != u"action" && it.key() != u"from")
                return badField(
                    where + u'.' + it.key(), QStringLiteral("unknown field; expected action, from"));
        }
        AclRule rule;
        const QString action = object.value(QStringLiteral("action")).toString();
        if (action != u"allow" && action != u"deny")
            return badField(
                where + QStringLiteral(".action"), QStringLiteral("must be \"allow\" or \"deny\""));
        rule.action = action == u"allow" ? AclRule::Action::Allow : AclRule::Action::Deny;
        const QJsonValue from = object.value(QStringLiteral("from"));
        if (from.isString()) {
            rule.from = Cidr::splitList(from.toString());
        } else if (from.isArray()) {
            for (const QJsonValue &item : from.toArray()) {
                if (!item.isString())
                    return badField(where + QStringLiteral(".from"), QStringLiteral("must hold strings"));
                rule.from.append(item.toString().trimmed());
            }
        } else {
            return badField(where + QStringLiteral(".from"),
                QStringLiteral("must be a list of addresses or prefixes, e.g. [\"10.0.0.0/8\"]"));
        }
        // Said about its own index: the operation's "from" does not know it.
        for (qsizetype item = 0; item < rule.from.size(); ++item) {
            QString problem;
            if (!Cidr::parse(rule.from.at(item), &problem))
                return badField(where + QStringLiteral(".from[%1]").arg(item), problem);
        }
        acl.rules.append(rule);
    }
    return jsonOutcome(Operations(env.engine).setAcl(context.capture(QStringLiteral("service")), acl),
        {{QStringLiteral("from"), QStringLiteral("body: 'rules'")}});
}

HttpResponse getLimit(ResourceEnv &env, RequestContext &context)
{
    const QString name = context.capture(QStringLiteral("service"));
    const Config config = env.engine.runningConfig();
    const ServiceConfig *service = findService(config, name);
    if (!service)
        return noService(name);
    return HttpResponse::json(200, compact(limitJson(service->limit)));
}

HttpResponse putLimit(ResourceEnv &env, RequestContext &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    const QStringList fields = {QStringLiteral("enabled"), QStringLiteral("perip"), QStringLiteral("prefix"),
        QStringLiteral("prefix6"), QStringLiteral("rate"), QStringLiteral("burst"), QStringLiteral("mode"),
        QStringLiteral("table")};
    if (const auto unknown = unknownFields(*body, fields))
        return *unknown;
    LimitConfig limit;
    const std::optional<bool> enabled = enabledField(*body, &error);
    if (!enabled)
        return error;
    limit.enabled = *enabled;
    const auto readInt = [&](const QString &field, int *out) {
        const std::optional<int> value = intField(*body, field, *out, &error);
        if (value)
            *out = *value;
        return value.has_value();
    };
    if (!readInt(QStringLiteral("perip"), &limit.perIp) || !readInt(QStringLiteral("prefix"), &limit.prefix)
        || !readInt(QStringLiteral("prefix6"), &limit.prefix6)
        || !readInt(QStringLiteral("burst"), &limit.burst) || !readInt(QStringLiteral("table"), &limit.table))
        return error;
    const QJsonValue rate = body->value(QStringLiteral("rate"));
    if (rate.isString()) {
        QString problem;
        if (!LimitConfig::parseRate(rate.toString(), &limit.rate, &limit.ratePeriodS, &problem))
            return badField(QStringLiteral("rate"), problem);
    } else if (!rate.isUndefined() && !rate.isNull()) {
        return badField(
            QStringLiteral("rate"), QStringLiteral("must be a string such as \"10/s\" or \"600/m\""));
    }
    if (body->contains(QStringLiteral("mode"))) {
        const QString mode = body->value(QStringLiteral("mode")).toString();
        if (mode != u"enforce" && mode != u"dryrun")
            return badField(QStringLiteral("mode"), QStringLiteral("must be \"enforce\" or \"dryrun\""));
        limit.dryRun = mode == u"dryrun";
    }
    ParameterNames labels;
    for (const QString &field : fields)
        labels.insert(field, QStringLiteral("body: '%1'").arg(field));
    return jsonOutcome(
        Operations(env.engine).setLimit(context.capture(QStringLiteral("service")), limit), labels);
}

}  // namespace Balancier::AdminResources::Admission
