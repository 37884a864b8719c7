#include "admin/http/router.h"

namespace Balancier::Router {

bool matchPattern(const QString &pattern, const QStringList &have, QHash<QString, QString> *captures)
{
    const QStringList want = pattern.split(u'/');
    if (want.size() != have.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QString &segment = want.at(i);
        if (segment.startsWith(u'{') && segment.endsWith(u'}')) {
            if (have.at(i).isEmpty())
                return false;
            found.insert(segment.mid(1, segment.size() - 2), have.at(i));
        } else if (segment != have.at(i)) {
            return false;
        }
    }
    *captures = found;
    return true;
}

bool methodMatches(const QByteArray &method, const QByteArray &requestMethod)
{
    return method == requestMethod || (method == "GET" && requestMethod == "HEAD");
}

HttpResponse Match::failure(const HttpRequest &request, bool json) const
{
    if (!allowed.isEmpty()) {
        QStringList methods = allowed;
        methods.removeDuplicates();
        HttpResponse response = HttpResponse::error(405,
            methods.contains(QStringLiteral("POST")) && request.method == "GET"
                ? QStringLiteral("%1 changes state: use POST (for example: curl -u USER -X POST '…%1?…')")
                      .arg(request.path)
                : QStringLiteral("method %1 is not allowed here; use %2")
                      .arg(QString::fromLatin1(request.method), methods.join(QStringLiteral(", "))),
            json);
        response.headers.emplaceBack("Allow", methods.join(QStringLiteral(", ")).toLatin1());
        return response;
    }
    return HttpResponse::error(404, QStringLiteral("no such endpoint: %1").arg(request.path), json);
}

}  // namespace Balancier::Router
