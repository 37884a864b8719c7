#pragma once

#include "admin/resources/resourceenv.h"

#include <QString>

namespace Balancier {
struct LoadResult;
}

/// GET and PUT /api/v1/config, with an ETag for optimistic concurrency
/// (If-Match on PUT; 412 when the running config has moved on). POST
/// /api/v1/save is Legacy::save.
/// Thread contract: free functions, called in the control thread (see commandtable.h).
namespace Balancier::AdminResources::ConfigResource {

/// Legacy::runningXml with the running config's ETag.
HttpResponse get(ResourceEnv &env, RequestContext &context);
HttpResponse put(ResourceEnv &env, RequestContext &context);
/// PUT's work on a config already read (also the history's rollback):
/// If-Match, the operation, saving, and the answer with the new version.
/// `source` names the config in errors.
HttpResponse replace(
    ResourceEnv &env, RequestContext &context, const LoadResult &loaded, const QString &source);

}  // namespace Balancier::AdminResources::ConfigResource
