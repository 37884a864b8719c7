#pragma once

#include "admin/resources/resourceenv.h"

/// GET /api/v1/events: opens an event stream (EventHub).
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Events {

HttpResponse open(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::Events
