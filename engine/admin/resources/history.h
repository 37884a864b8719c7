#pragma once

#include "admin/resources/resourceenv.h"

/// The config history: GET /api/v1/config/history (newest first, without
/// the configs themselves), GET /api/v1/config/history/{n} (one version with
/// its XML and changes), POST /api/v1/config/history/{n}/rollback (applies
/// version n again through the usual diff and apply, recorded as a new
/// version with origin "rollback"; honours If-Match like PUT /api/v1/config).
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::History {

HttpResponse list(ResourceEnv &env, RequestContext &context);
HttpResponse one(ResourceEnv &env, RequestContext &context);
HttpResponse rollback(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::History
