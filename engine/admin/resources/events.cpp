// GET /api/v1/events: opens an event stream.

#include "admin/adminformats.h"
#include "admin/adminhost.h"
#include "admin/events/eventhub.h"
#include "admin/http/httpconnection.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourcehelpers.h"
#include "config/address.h"
#include "config/configchangejson.h"
#include "config/configdocument.h"
#include "config/configlimits.h"
#include "config/configreader.h"
#include "config/configvalidator.h"
#include "config/passwordhash.h"
#include "config/schedulerregistry.h"
#include "engine.h"
#include "loghub.h"
#include "ops/operations.h"
#include "stats/statsjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Balancier {

using namespace AdminResources;

HttpResponse AdminServer::apiEvents(Context &context)
{
    int rate = 2;
    if (context.request.hasParameter(QStringLiteral("rate"))) {
        bool ok = false;
        rate = context.request.parameter(QStringLiteral("rate")).toInt(&ok);
        if (!ok || rate < MinEventRate || rate > MaxEventRate)
            return HttpResponse::error(400,
                QStringLiteral("parameter 'rate': expected an integer from %1 to %2 (Hz)")
                    .arg(MinEventRate)
                    .arg(MaxEventRate),
                true);
    }
    // Last-Event-ID is "<epoch>-<number>" as we issued it.
    const QByteArray lastEventId = context.request.header("last-event-id").trimmed();
    context.connection->startEventStream();
    context.streamStarted = true;
    m_events->openStream(context.connection, rate, lastEventId);
    return {};
}

}  // namespace Balancier
