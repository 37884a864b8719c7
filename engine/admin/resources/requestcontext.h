#pragma once

#include "admin/http/httpmessage.h"
#include "config/config.h"

#include <QHash>
#include <QString>
#include <functional>
#include <memory>

namespace Balancier {

class HttpConnection;
struct LoadResult;

/// One request on its way through a resource handler: the request, the user
/// it is answered for, the captured path segments, and the first bad or
/// missing parameter. Thread contract: lives for one handler call in the
/// control thread.
struct RequestContext
{
    const HttpRequest &request;
    const AdminUser &user;
    const QHash<QString, QString> &captures;
    HttpConnection *connection;
    bool json;  ///< answer errors as JSON (the /api/ paths)
    QString missing;  ///< first missing parameter, set by need()
    QString invalid;  ///< first bad parameter, "parameter 'x': why", set by reject()
    bool streamStarted = false;
    /// The body read as a config, off the control thread (commands that take one).
    std::shared_ptr<const LoadResult> parsedBody = {};
    /// Answers a request later (a handler that waits for the workers, e.g.
    /// GET /api/v1/connections): set by the server; see deferResponse().
    std::function<void(const HttpResponse &)> later = {};
    bool deferred = false;

    /// Takes the answer out of the handler's return: the server ignores what
    /// the handler returns and waits for the returned function, which the
    /// handler (or what it starts) calls once, in the control thread.
    /// Harmless when the connection is gone by then.
    std::function<void(const HttpResponse &)> deferResponse()
    {
        deferred = true;
        return later;
    }

    /// A required parameter; records the first missing one.
    QString need(const QString &name)
    {
        const QString value = request.parameter(name).trimmed();
        if (value.isEmpty() && missing.isEmpty())
            missing = name;
        return value;
    }
    /// Records a bad parameter; the first one is reported.
    void reject(const QString &parameter, const QString &why)
    {
        if (invalid.isEmpty())
            invalid = QStringLiteral("parameter '%1': %2").arg(parameter, why);
    }
    bool failed() const { return !missing.isEmpty() || !invalid.isEmpty(); }
    /// The 400 for the first missing or bad parameter.
    HttpResponse failure() const
    {
        return HttpResponse::error(400,
            missing.isEmpty() ? invalid : QStringLiteral("missing or empty parameter '%1'").arg(missing),
            json);
    }
    QString capture(const QString &name) const { return captures.value(name); }
    bool fullAccess() const { return user.access == AdminUser::Access::Full; }
};

}  // namespace Balancier
