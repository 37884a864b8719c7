#pragma once

#include "admin/resources/resourceenv.h"

#include <QJsonObject>

namespace Balancier {
struct ServiceConfig;
}

/// GET/PUT /api/v1/services/{service}/routes: a service's TLS routing.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Routes {

HttpResponse getRoutes(ResourceEnv &env, RequestContext &context);
HttpResponse putRoutes(ResourceEnv &env, RequestContext &context);
/// {"peektimeout": "5s", "peeksize": 16384, "routes": [...]}, also in the service's JSON.
QJsonObject routingJson(const ServiceConfig &service);

}  // namespace Balancier::AdminResources::Routes
