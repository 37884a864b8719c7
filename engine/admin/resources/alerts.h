#pragma once

#include "admin/resources/resourceenv.h"

/// GET /api/v1/alerts: the config's <alert>s with their delivery counters
/// (a webhook's URL shows its scheme, host and port only).
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Alerts {

HttpResponse list(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::Alerts
