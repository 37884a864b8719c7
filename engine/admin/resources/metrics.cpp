// GET /metrics: Prometheus text.

#include "admin/resources/metrics.h"

#include "admin/adminformats.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "alerts/alertmanager.h"
#include "engine.h"

namespace Balancier::AdminResources::Metrics {

HttpResponse prometheus(ResourceEnv &env, RequestContext &)
{
    HttpResponse response;
    response.headers.emplaceBack("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.body = AdminFormats::metrics(env.engine.snapshot());
    // The alerts' delivery (engine/alerts): every <alert> together.
    const AlertManager::Counters alerts = env.engine.alerts().totals();
    response.body += "# HELP balancier_alerts_sent_total Alert deliveries by outcome: ok (delivered) or "
                     "failed (given up after the last retry).\n"
                     "# TYPE balancier_alerts_sent_total counter\n"
                     "balancier_alerts_sent_total{result=\"ok\"} "
        + QByteArray::number(alerts.sent) + "\nbalancier_alerts_sent_total{result=\"failed\"} "
        + QByteArray::number(alerts.failed)
        + "\n# HELP balancier_alerts_dropped_total Alert events dropped because an alert's queue was full.\n"
          "# TYPE balancier_alerts_dropped_total counter\nbalancier_alerts_dropped_total "
        + QByteArray::number(alerts.dropped)
        + "\n# HELP balancier_alerts_retries_total Alert delivery attempts after a failed one.\n"
          "# TYPE balancier_alerts_retries_total counter\nbalancier_alerts_retries_total "
        + QByteArray::number(alerts.retried) + "\n";
    return response;
}

}  // namespace Balancier::AdminResources::Metrics
