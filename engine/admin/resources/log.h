#pragma once

#include "admin/resources/resourceenv.h"

/// GET /api/v1/log: the latest lines of the log tap.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Log {

HttpResponse lines(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::Log
