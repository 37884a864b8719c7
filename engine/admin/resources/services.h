#pragma once

#include "admin/http/httpmessage.h"

namespace Balancier {

struct RequestContext;
struct ResourceEnv;

/// GET /api/v1/status, /api/v1/services and /api/v1/services/{service}.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace AdminResources::Services {

HttpResponse status(ResourceEnv &env, RequestContext &context);
HttpResponse all(ResourceEnv &env, RequestContext &context);
HttpResponse one(ResourceEnv &env, RequestContext &context);

}  // namespace AdminResources::Services

}  // namespace Balancier
