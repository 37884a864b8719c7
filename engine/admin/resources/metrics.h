#pragma once

#include "admin/http/httpmessage.h"

namespace Balancier {

struct RequestContext;
struct ResourceEnv;

/// GET /metrics: Prometheus text.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace AdminResources::Metrics {

HttpResponse prometheus(ResourceEnv &env, RequestContext &context);

}  // namespace AdminResources::Metrics

}  // namespace Balancier
