#pragma once

#include "admin/http/httpmessage.h"

namespace Balancier {

struct RequestContext;
struct ResourceEnv;

/// GET /api/v1/log: the latest lines of the log tap.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace AdminResources::Log {

HttpResponse lines(ResourceEnv &env, RequestContext &context);

}  // namespace AdminResources::Log

}  // namespace Balancier
