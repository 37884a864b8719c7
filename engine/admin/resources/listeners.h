#pragma once

#include "admin/resources/resourceenv.h"

/// GET /api/v1/services/{service}/listeners: a service's listeners, with the
/// TLS termination status of those that terminate (certificate subject, names,
/// expiry, handshakes, kTLS).
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::Listeners {

HttpResponse list(ResourceEnv &env, RequestContext &context);

}  // namespace Balancier::AdminResources::Listeners
