#pragma once

#include "admin/http/httpmessage.h"
#include "admin/resources/requestcontext.h"
#include "config/config.h"
#include "enginetypes.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace Balancier {

class Engine;
struct OpResult;

/// What the admin API's resource handlers share: turning an operation's
/// result into a reply, reading parameters and JSON bodies, finding the
/// items a request names. Thread contract: the control thread (plain functions).
namespace AdminResources {

/// How a request names the arguments of the operation it runs, where an
/// error about one is worded for it: the operation's parameter
/// (OpResult::parameter, "host", "address", ...) to the command's parameter
/// ("name", "ip") for the pythondirector commands, or to a label ("body:
/// 'address'") for the JSON API.
using ParameterNames = QHash<QString, QString>;

/// The one translation of an operation's result into a pythondirector
/// command's reply (see resourcehelpers.cpp).
HttpResponse legacyOutcome(const OpResult &result, const QString &done, const ParameterNames &names = {});
/// The one translation of an operation's result into a JSON API reply.
HttpResponse jsonOutcome(const OpResult &result, const ParameterNames &labels = {});
QByteArray compact(const QJsonObject &object);
QJsonObject hostConfigJson(const HostConfig &host);
/// A host's backend feedback as it runs: effectiveWeight, slowStartLeftMs
/// and "agentState" (its agent's last answer, when, what it changed, the
/// state it set).
void insertHostFeedback(QJsonObject &object, const HostView &host);
/// A JSON value for a field taking a duration: a string such as "30s"
/// (parseDuration). nullopt with `*error` set when it is not one.
std::optional<qint64> jsonDuration(const QJsonValue &value, const QString &field, HttpResponse *error);

/// The config without password hashes (a read-only user sees none).
Config withoutPasswords(Config config);
/// The same for a config file as loaded, in whatever dialect.
QByteArray withoutPasswords(const QByteArray &xml);

/// force=1 (or true, yes) of delHost and DELETE …/hosts/{host}; false when absent.
bool forceParameter(RequestContext &context);
/// The request body as a JSON object, or an error response.
std::optional<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse *error);
/// The 400 for the fields of a JSON body that its endpoint does not take; nullopt when there are none.
std::optional<HttpResponse> unknownFields(const QJsonObject &body, const QStringList &known);

}  // namespace AdminResources

}  // namespace Balancier
