// GET /api/v1/events: opens an event stream.

#include "admin/adminformats.h"
#include "admin/adminhost.h"
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
    HttpConnection *connection = context.connection;
    connection->startEventStream();
    context.streamStarted = true;
    if (!lastEventId.isEmpty()) {
        const qsizetype dash = lastEventId.lastIndexOf('-');
        bool numberOk = false;
        const quint64 lastId = dash < 0 ? 0 : lastEventId.mid(dash + 1).toULongLong(&numberOk);
        const bool ours = numberOk && lastEventId.left(dash) == m_eventEpoch && lastId < m_nextEventId;
        // Complete when every event after lastId is still remembered.
        const bool complete = ours
            && (lastId + 1 == m_nextEventId
                || (!m_recentEvents.isEmpty() && m_recentEvents.constFirst().id <= lastId + 1));
        if (!complete) {
            connection->sendEvent({}, "reset", R"({"reason":"events were missed; reload the state"})");
        } else {
            for (const Event &event : std::as_const(m_recentEvents)) {
                if (event.id > lastId)
                    connection->sendEvent(eventId(event.id), event.type, event.data);
            }
        }
    }
    connection->sendEvent({}, "stats", compact(statsToJson(m_engine.snapshot())));
    m_streams.append({connection, 1000 / rate, m_clock.elapsed()});
    updateStatsRate();
    return {};
}

}  // namespace Balancier
