#pragma once

#include "admin/resources/resourceenv.h"

/// GET /metrics: Prometheus text.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Metrics {

HttpResponse prometheus(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::Metrics
