#pragma once

#include "admin/resources/resourceenv.h"

/// PUT /api/v1/config (GET is Legacy::runningXml, POST /api/v1/save Legacy::save).
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::ConfigResource {

HttpResponse put(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::ConfigResource
