#pragma once

#include "admin/http/httpmessage.h"

namespace Balancier {

struct RequestContext;
struct ResourceEnv;

/// The host resources under /api/v1/services/{service}/groups/{group}/hosts.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace AdminResources::Hosts {

HttpResponse list(ResourceEnv &env, RequestContext &context);
HttpResponse get(ResourceEnv &env, RequestContext &context);
HttpResponse put(ResourceEnv &env, RequestContext &context);
HttpResponse remove(ResourceEnv &env, RequestContext &context);
HttpResponse action(ResourceEnv &env, RequestContext &context);
HttpResponse history(ResourceEnv &env, RequestContext &context);

}  // namespace AdminResources::Hosts

}  // namespace Balancier
