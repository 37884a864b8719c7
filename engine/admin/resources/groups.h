#pragma once

#include "admin/resources/resourceenv.h"

/// POST …/groups/{group}/enable and PUT …/groups/{group}/scheduler.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Groups {

HttpResponse enable(ResourceEnv &env, RequestContext &context);
HttpResponse setScheduler(ResourceEnv &env, RequestContext &context);
/// PUT …/groups/{group}/proxy {"proxy": "v1|v2|no"}: the PROXY header sent to its hosts.
HttpResponse setProxy(ResourceEnv &env, RequestContext &context);
/// PUT …/groups/{group}/lifecycle: ondown, onprimaryup, allbackups (issue 16).
HttpResponse setLifecycle(ResourceEnv &env, RequestContext &context);
/// PUT …/groups/{group}/feedback {"slowstart": "30s", "agent": 5555,
/// "agentinterval": "2s", "agentsend": "..."}: any of them.
HttpResponse setFeedback(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::Groups
