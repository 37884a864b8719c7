#pragma once

#include "admin/http/httpmessage.h"

namespace Balancier {

struct RequestContext;
struct ResourceEnv;

/// GET /api/v1/events: opens an event stream (EventHub).
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace AdminResources::Events {

HttpResponse open(ResourceEnv &env, RequestContext &context);

}  // namespace AdminResources::Events

}  // namespace Balancier
