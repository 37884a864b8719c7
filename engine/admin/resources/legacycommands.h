#pragma once

#include "admin/resources/resourceenv.h"

/// The pythondirector-compatible commands: the status page, running.txt/.xml,
/// config.xml, and the form commands (addHost, delHost, … delGroup). They
/// parse their own wire format and leave every rule to Operations.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Legacy {

HttpResponse runningPage(ResourceEnv &env, RequestContext &context);
HttpResponse runningText(ResourceEnv &env, RequestContext &context);
HttpResponse runningXml(ResourceEnv &env, RequestContext &context);
HttpResponse configXml(ResourceEnv &env, RequestContext &context);
HttpResponse addHost(ResourceEnv &env, RequestContext &context);
HttpResponse delHost(ResourceEnv &env, RequestContext &context);
HttpResponse delAllHosts(ResourceEnv &env, RequestContext &context);
HttpResponse enableGroup(ResourceEnv &env, RequestContext &context);
HttpResponse changeScheduler(ResourceEnv &env, RequestContext &context);
HttpResponse addUser(ResourceEnv &env, RequestContext &context);
HttpResponse delUser(ResourceEnv &env, RequestContext &context);
HttpResponse save(ResourceEnv &env, RequestContext &context);
HttpResponse retryHost(ResourceEnv &env, RequestContext &context);
HttpResponse hostAdminDown(ResourceEnv &env, RequestContext &context);
HttpResponse hostAdminUp(ResourceEnv &env, RequestContext &context);
HttpResponse hostDrain(ResourceEnv &env, RequestContext &context);
HttpResponse newService(ResourceEnv &env, RequestContext &context);
HttpResponse newGroup(ResourceEnv &env, RequestContext &context);
HttpResponse delGroup(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::Legacy
