#pragma once

#include "admin/http/httpmessage.h"
#include "admin/resources/requestcontext.h"
#include "config/config.h"

#include <QByteArray>
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

/// The one translation of an operation's result into a reply of both APIs
/// (see resourcehelpers.cpp).
HttpResponse applyOutcome(
    const OpResult &result, bool json, const QString &done, const QString &parameter = {});
QByteArray compact(const QJsonObject &object);
QJsonObject hostConfigJson(const HostConfig &host);

/// The config without password hashes (a read-only user sees none).
Config withoutPasswords(Config config);
/// The same for a config file as loaded, in whatever dialect.
QByteArray withoutPasswords(const QByteArray &xml);

/// The config's rule for service, group and host names (the validator's), said about `parameter`.
void checkName(RequestContext &context, const QString &parameter, const QString &name);
void checkAddress(RequestContext &context, const QString &parameter, const QString &text, bool allowPortZero);
void checkScheduler(RequestContext &context, const QString &parameter, const QString &name);
const ServiceConfig *findService(RequestContext &context, const Config &config, const QString &name);
const GroupConfig *findGroup(RequestContext &context, const ServiceConfig *service, const QString &name);
/// The host given by `name`, or else by its address `ip`.
const HostConfig *findHost(RequestContext &context, const ServiceConfig *service, const GroupConfig *group);

struct HostTarget
{
    QString service;
    QString group;
    QString host;
};

/// service and group of the group commands (in a HostTarget without host); nullopt when one is missing or
/// bad.
std::optional<HostTarget> groupTarget(RequestContext &context, const Config &config);
/// service, group and name-or-ip of the host commands; nullopt when one is missing or bad.
std::optional<HostTarget> hostTarget(RequestContext &context, const Config &config);
/// The optional scheduler parameter of newService and newGroup.
QString optionalScheduler(RequestContext &context);
/// The 409 for a host at the address of another host of its group.
std::optional<HttpResponse> sameAddressConflict(
    const GroupConfig &group, const HostConfig &host, const QString &service, bool json);
/// force=1 (or true, yes) of delHost and DELETE …/hosts/{host}; false when absent.
bool forceParameter(RequestContext &context);
/// hostAdminDown, hostAdminUp and hostDrain: `done` says the new state ("%1" is the host).
HttpResponse hostStateCommand(
    Engine &engine, RequestContext &context, HostAdminState state, const QString &done);
/// The 404 for a path naming a service, group or host that does not exist;
/// status 0 when everything named exists.
HttpResponse pathNotFound(
    const Config &config, const QString &service, const QString &group = {}, const QString &host = {});
/// The request body as a JSON object, or an error response.
std::optional<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse *error);
/// The 400 for the fields of a JSON body that its endpoint does not take; nullopt when there are none.
std::optional<HttpResponse> unknownFields(const QJsonObject &body, const QStringList &known);

}  // namespace AdminResources

}  // namespace Balancier
