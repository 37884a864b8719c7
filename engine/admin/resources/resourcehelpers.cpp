#include "admin/resources/resourcehelpers.h"

#include "config/configchangejson.h"
#include "config/duration.h"
#include "ops/operations.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

namespace Balancier::AdminResources {

namespace {

/// Password hashes can be cracked offline: a read-only user sees none.
const QString HiddenPassword = QStringLiteral("(hidden)");

}  // namespace

namespace {

/// The status of a failure of the JSON API (and of a pythondirector command
/// whose failure is about no parameter): NotFound 404, Conflict 409,
/// BadInput 400, Refused 400 (the config the change would make does not validate).
int failureStatus(const OpResult &result)
{
    switch (result.failure) {
    case OpResult::Failure::NotFound:
        return 404;
    case OpResult::Failure::Conflict:
        return 409;
    default:
        return 400;
    }
}

/// The errors, each after `label` when there is one, else after its element.
QString errorText(const OpResult &result, const QString &label)
{
    QStringList messages;
    for (const Diagnostic &error : result.errors) {
        const QString &prefix = label.isEmpty() ? error.element : label;
        messages.append(prefix.isEmpty() ? error.message : prefix + u": " + error.message);
    }
    return messages.join(QStringLiteral("; "));
}

}  // namespace

/// pythondirector's commands answer a failure about one of their parameters
/// with a 400 that names it ("parameter 'ip': ..."), whatever its kind; the
/// other failures by their kind. On success, `done` and the warnings.
HttpResponse legacyOutcome(const OpResult &result, const QString &done, const ParameterNames &names)
{
    if (!result.ok) {
        if (!result.parameter.isEmpty()) {
            const QString parameter = names.value(result.parameter, result.parameter);
            return HttpResponse::error(
                400, errorText(result, QStringLiteral("parameter '%1'").arg(parameter)), false);
        }
        return HttpResponse::error(failureStatus(result), errorText(result, {}), false);
    }
    QString text = done;
    for (const QString &warning : result.warnings)
        text += QStringLiteral("\nwarning: ") + warning;
    return HttpResponse::text(200, text);
}

/// The JSON API answers by the kind of failure, the error said after the
/// label of the part of the request at fault (`labels`), else after its
/// element; on success, the changes and the warnings.
HttpResponse jsonOutcome(const OpResult &result, const ParameterNames &labels)
{
    if (!result.ok)
        return HttpResponse::error(failureStatus(result),
            errorText(result, result.parameter.isEmpty() ? QString() : labels.value(result.parameter)), true);
    const QJsonArray changes = configChangesToJson(result.changes);
    QJsonObject object;
    object.insert(QStringLiteral("ok"), true);
    object.insert(QStringLiteral("changes"), changes);
    object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings));
    return HttpResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
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
    // The host's own PROXY header choice, or "group" when it follows its group's.
    object.insert(
        QStringLiteral("proxy"), host.proxy ? proxySendModeName(*host.proxy) : QStringLiteral("group"));
    // Issue 16: a backup host; a guided drain's deadline and action.
    object.insert(QStringLiteral("backup"), host.backup);
    if (host.drainDeadlineMs > 0)
        object.insert(QStringLiteral("drainDeadline"),
            QDateTime::fromMSecsSinceEpoch(host.drainDeadlineMs, QTimeZone::utc()).toString(Qt::ISODate));
    if (host.drainThen != DrainThen::None)
        object.insert(QStringLiteral("drainThen"), drainThenName(host.drainThen));
    // Backend feedback: the host's own values; null when it follows its group.
    object.insert(QStringLiteral("slowstart"),
        host.slowStartMs ? QJsonValue(formatDuration(*host.slowStartMs)) : QJsonValue());
    object.insert(QStringLiteral("agent"), host.agentPort ? QJsonValue(*host.agentPort) : QJsonValue());
    object.insert(QStringLiteral("agentinterval"),
        host.agentIntervalMs ? QJsonValue(formatDuration(*host.agentIntervalMs)) : QJsonValue());
    object.insert(QStringLiteral("agentsend"),
        host.agentSend ? QJsonValue(QString::fromUtf8(*host.agentSend)) : QJsonValue());
    return object;
}

void insertHostFeedback(QJsonObject &object, const HostView &host)
{
    object.insert(QStringLiteral("effectiveWeight"), host.effectiveWeight);
    object.insert(QStringLiteral("slowStartLeftMs"), host.slowStartLeftMs);
    const HostAgentView &agent = host.agent;
    if (!agent.enabled)
        return;
    const auto when = [](const QDateTime &time) {
        return time.isValid() ? QJsonValue(time.toString(Qt::ISODateWithMs)) : QJsonValue();
    };
    QJsonObject json;
    json.insert(QStringLiteral("port"), agent.port);
    json.insert(QStringLiteral("lastAnswer"), agent.lastAnswer);
    json.insert(QStringLiteral("lastAnswerAt"), when(agent.lastAnswerAt));
    json.insert(QStringLiteral("lastError"), agent.lastError);
    json.insert(QStringLiteral("lastErrorAt"), when(agent.lastErrorAt));
    json.insert(QStringLiteral("changed"), QJsonArray::fromStringList(agent.changed));
    json.insert(QStringLiteral("changedAt"), when(agent.changedAt));
    json.insert(QStringLiteral("weightPercent"), agent.weightPercent);
    json.insert(QStringLiteral("maxconns"), agent.maxConns >= 0 ? QJsonValue(agent.maxConns) : QJsonValue());
    json.insert(QStringLiteral("adminState"), agent.adminState.isEmpty() ? QJsonValue() : agent.adminState);
    json.insert(QStringLiteral("down"), agent.down);
    json.insert(QStringLiteral("downReason"), agent.downReason);
    json.insert(QStringLiteral("answers"), agent.answers);
    json.insert(QStringLiteral("failures"), agent.failures);
    // "agent" is the configured port (hostConfigJson).
    object.insert(QStringLiteral("agentState"), json);
}

std::optional<qint64> jsonDuration(const QJsonValue &value, const QString &field, HttpResponse *error)
{
    const std::optional<qint64> duration = value.isString() ? parseDuration(value.toString()) : std::nullopt;
    if (!duration)
        *error = HttpResponse::error(400,
            QStringLiteral("body: '%1' must be a duration such as \"500ms\", \"2s\" or \"1m\"").arg(field),
            true);
    return duration;
}

Config withoutPasswords(Config config)
{
    for (AdminUser &user : config.admin.users)
        user.passwordHash = HiddenPassword;
    // A webhook's path and query are often its secret (Slack, Teams).
    for (AlertConfig &alert : config.alerts) {
        if (!alert.url.isEmpty()) {
            QUrl url(alert.url);
            alert.url = url.scheme() + QStringLiteral("://") + url.host()
                + (url.port() > 0 ? u':' + QString::number(url.port()) : QString())
                + QStringLiteral("/(hidden)");
        }
    }
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
