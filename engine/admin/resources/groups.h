#pragma once

#include "admin/http/httpmessage.h"

namespace Balancier {

struct RequestContext;
struct ResourceEnv;

/// POST …/groups/{group}/enable and PUT …/groups/{group}/scheduler.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace AdminResources::Groups {

HttpResponse enable(ResourceEnv &env, RequestContext &context);
HttpResponse setScheduler(ResourceEnv &env, RequestContext &context);

}  // namespace AdminResources::Groups

}  // namespace Balancier
