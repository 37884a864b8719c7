// GET /api/v1/log: the latest log lines.

#include "admin/resources/log.h"

#include "admin/events/eventhub.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "admin/resources/resourcehelpers.h"
#include "loghub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Balancier::AdminResources::Log {

HttpResponse lines(ResourceEnv &env, RequestContext &context)
{
    LogHub *logHub = env.events.logHub();
    int count = EventHub::DefaultLogLines;
    const int most = logHub ? logHub->capacity() : LogHub::DefaultCapacity;
    if (context.request.hasParameter(QStringLiteral("lines"))) {
        bool ok = false;
        count = context.request.parameter(QStringLiteral("lines")).toInt(&ok);
        // The value itself is not echoed: it is the client's text.
        if (!ok || count < 1 || count > most)
            return HttpResponse::error(
                400, QStringLiteral("parameter 'lines': expected an integer from 1 to %1").arg(most), true);
    }
    QJsonArray lines;
    if (logHub) {
        const QList<LogLine> found = logHub->lines(count);
        for (const LogLine &line : found)
            lines.append(QJsonDocument::fromJson(line.toJson()).object());
    }
    QJsonObject object;
    object.insert(QStringLiteral("lines"), lines);
    object.insert(QStringLiteral("capacity"), most);
    return HttpResponse::json(200, compact(object));
}

}  // namespace Balancier::AdminResources::Log
