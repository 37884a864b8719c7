#pragma once

#include "admin/resources/resourceenv.h"

/// GET /api/v1/status, /api/v1/health, /api/v1/services and /api/v1/services/{service}.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Services {

HttpResponse status(ResourceEnv &env, RequestContext &context);
/// 200 or 503 with Engine::health(); no login (Access::Health).
HttpResponse health(ResourceEnv &env, RequestContext &context);
HttpResponse all(ResourceEnv &env, RequestContext &context);
HttpResponse one(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::Services
