#pragma once

#include "admin/resources/resourceenv.h"

/// GET and PUT /api/v1/config, with an ETag for optimistic concurrency
/// (If-Match on PUT; 409 when the running config has moved on). POST
/// /api/v1/save is Legacy::save.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::ConfigResource {

/// Legacy::runningXml with the running config's ETag.
HttpResponse get(ResourceEnv &env, RequestContext &context);
HttpResponse put(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::ConfigResource
