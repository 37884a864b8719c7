#pragma once

#include "admin/resources/resourceenv.h"
#include "ops/connectionquery.h"

#include <QJsonObject>

/// The live connection table: GET /api/v1/connections, DELETE
/// /api/v1/connections/{id}, GET /api/v1/talkers. Each asks the workers
/// (Operations) and answers when they have (RequestContext::deferResponse()).
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Connections {

HttpResponse list(ResourceEnv &env, RequestContext &context);
HttpResponse close(ResourceEnv &env, RequestContext &context);
HttpResponse talkers(ResourceEnv &env, RequestContext &context);

/// One row as the API shows it (the desktop app's RemoteClient reads it back).
QJsonObject rowJson(const ConnectionRow &row);
QJsonObject talkerJson(const Talker &talker);

}  // namespace Balancier::AdminResources::Connections
