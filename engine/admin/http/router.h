#pragma once

#include "admin/http/httpmessage.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Balancier {

/// Finds the entry of a command table that answers a request. Patterns are
/// paths such as "/api/v1/services/{service}"; segments in braces capture
/// the request's segment there (split first, then decoded: see
/// HttpRequest::segments). A GET entry also answers HEAD; of two matching
/// entries the one with fewer captures wins ("/history" beats "/{action}").
///
/// Thread contract: plain functions of their arguments; any thread.
namespace Router {

/// What route() found: the index of the entry in the table (-1: none), its
/// captures, and the methods the path takes when the request's does not.
struct Match
{
    qsizetype index = -1;
    QHash<QString, QString> captures;
    QStringList allowed;

    bool found() const { return index >= 0; }
    /// The answer when nothing was found: 405 with Allow when the path takes
    /// other methods, else 404.
    HttpResponse failure(const HttpRequest &request, bool json) const;
};

/// Matches `have` (a request's segments) against `pattern`; fills captures.
bool matchPattern(const QString &pattern, const QStringList &have, QHash<QString, QString> *captures);

/// Whether an entry for `method` answers a request with `requestMethod`.
bool methodMatches(const QByteArray &method, const QByteArray &requestMethod);

/// `Table` is a list of entries with `method` (QByteArray) and `pattern` (QString).
template<typename Table>
Match route(const Table &table, const HttpRequest &request)
{
    Match match;
    for (qsizetype i = 0; i < table.size(); ++i) {
        const auto &candidate = table.at(i);
        QHash<QString, QString> found;
        if (!matchPattern(candidate.pattern, request.segments, &found))
            continue;
        if (methodMatches(candidate.method, request.method)) {
            if (!match.found() || found.size() < match.captures.size()) {
                match.index = i;
                match.captures = found;
            }
        } else {
            match.allowed.append(QString::fromLatin1(candidate.method));
        }
    }
    return match;
}

}  // namespace Router

}  // namespace Balancier
