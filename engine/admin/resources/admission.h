#pragma once

#include "admin/resources/resourceenv.h"

/// GET/PUT /api/v1/services/{service}/acl and …/limit: a service's admission.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Admission {

HttpResponse getAcl(ResourceEnv &env, RequestContext &context);
HttpResponse putAcl(ResourceEnv &env, RequestContext &context);
HttpResponse getLimit(ResourceEnv &env, RequestContext &context);
HttpResponse putLimit(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::Admission
