// GET /api/v1/events: opens an event stream.

#include "admin/resources/events.h"

#include "admin/events/eventhub.h"
#include "admin/http/httpconnection.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"

namespace Balancier::AdminResources::Events {

HttpResponse open(ResourceEnv &env, RequestContext &context)
{
    int rate = 2;
    if (context.request.hasParameter(QStringLiteral("rate"))) {
        bool ok = false;
        rate = context.request.parameter(QStringLiteral("rate")).toInt(&ok);
        if (!ok || rate < EventHub::MinStreamRate || rate > EventHub::MaxStreamRate)
            return HttpResponse::error(400,
                QStringLiteral("parameter 'rate': expected an integer from %1 to %2 (Hz)")
                    .arg(EventHub::MinStreamRate)
                    .arg(EventHub::MaxStreamRate),
                true);
    }
    // Last-Event-ID is "<epoch>-<number>" as we issued it.
    const QByteArray lastEventId = context.request.header("last-event-id").trimmed();
    context.connection->startEventStream();
    context.streamStarted = true;
    env.events.openStream(context.connection, rate, lastEventId);
    return {};
}

}  // namespace Balancier::AdminResources::Events
