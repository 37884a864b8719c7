// GET /metrics: Prometheus text.

#include "admin/resources/metrics.h"

#include "admin/adminformats.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "engine.h"

namespace Balancier::AdminResources::Metrics {

HttpResponse prometheus(ResourceEnv &env, RequestContext &)
{
    HttpResponse response;
    response.headers.emplaceBack("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.body = AdminFormats::metrics(env.engine.snapshot());
    return response;
}

}  // namespace Balancier::AdminResources::Metrics
