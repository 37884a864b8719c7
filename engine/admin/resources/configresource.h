#pragma once

#include "admin/http/httpmessage.h"

namespace Balancier {

struct RequestContext;
struct ResourceEnv;

/// PUT /api/v1/config (GET is Legacy::runningXml, POST /api/v1/save Legacy::save).
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace AdminResources::ConfigResource {

HttpResponse put(ResourceEnv &env, RequestContext &context);

}  // namespace AdminResources::ConfigResource

}  // namespace Balancier
