#pragma once

#include "admin/resources/resourceenv.h"

/// The host resources under /api/v1/services/{service}/groups/{group}/hosts.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Hosts {

HttpResponse list(ResourceEnv &env, RequestContext &context);
HttpResponse get(ResourceEnv &env, RequestContext &context);
HttpResponse put(ResourceEnv &env, RequestContext &context);
HttpResponse remove(ResourceEnv &env, RequestContext &context);
HttpResponse action(ResourceEnv &env, RequestContext &context);
HttpResponse history(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::Hosts
