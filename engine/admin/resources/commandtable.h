#pragma once

#include "admin/http/httpmessage.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Balancier {

struct RequestContext;
struct ResourceEnv;

/// The admin API's explicit command table: every endpoint, its method, the
/// role it needs, the parameters it takes and the handler that answers it.
/// AdminServer routes, authenticates and dispatches by it; tests and the
/// documentation check walk it.
///
/// Thread contract: a constant table; handlers run in the control thread.
namespace AdminResources {

enum class Access
{
    Public,  ///< /metrics when metricspublic="yes"
    /// /api/v1/health: no authentication, from loopback only unless healthpublic="yes"
    Health,
    Read,
    Write,
};

/// What the server does with the body before the handler runs.
enum class Body
{
    Plain,  ///< nothing: the handler reads it, if it takes one
    /// A config: read and validated off the control thread (an 8 MiB one
    /// takes about a second); the handler gets it as RequestContext::parsedBody.
    Config,
};

/// A resource handler: a free function of what it may use and the request.
using Handler = HttpResponse (*)(ResourceEnv &env, RequestContext &context);

struct Command
{
    QByteArray method;
    QString pattern;  ///< "/api/v1/services/{service}"; segments in braces are captured
    Access access;
    Handler handler;
    /// The query and form parameters it takes; any other is answered
    /// with 400 before the handler runs. Write commands also take csrf
    /// and redirect (the status page's forms).
    QStringList parameters = {};
    Body body = Body::Plain;
};

/// Every endpoint (resources/commandtable.cpp).
const QList<Command> &commands();

}  // namespace AdminResources

}  // namespace Balancier
