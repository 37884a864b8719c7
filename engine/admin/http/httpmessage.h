#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace Balancier {

/// One parsed HTTP/1.1 request.
struct HttpRequest
{
    QByteArray method;  ///< "GET", "POST", ...
    QString path;  ///< decoded path, e.g. "/api/v1/status" (for messages and prefixes, not for routing)
    /// The path split on '/' first, then each piece percent-decoded: a name
    /// holding a '/' ("a%2Fb") stays one segment. "/api/v1/status" gives
    /// {"", "api", "v1", "status"}. What the router matches.
    QStringList segments;
    QUrlQuery query;  ///< query string, merged with a form-encoded POST body
    QList<QPair<QByteArray, QByteArray>> headers;  ///< names lower-cased
    QByteArray body;
    QHostAddress peer;
    bool keepAlive = true;

    QByteArray header(const QByteArray &lowerCaseName) const;
    /// A query or form parameter; null when absent.
    QString parameter(const QString &name) const;
    bool hasParameter(const QString &name) const { return query.hasQueryItem(name); }
};

/// One HTTP response; the connection adds Date, Content-Length and Connection.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool headOnly = false;  ///< answer to HEAD: Content-Length of the body, but no body

    static HttpResponse text(int status, const QString &text);
    static HttpResponse json(int status, const QByteArray &json);
    static HttpResponse html(int status, const QByteArray &html);
    static HttpResponse xml(int status, const QByteArray &xml);
    /// A JSON or text error, depending on what the path is: {"error": message}.
    static HttpResponse error(int status, const QString &message, bool asJson);

    static QByteArray reasonPhrase(int status);
    QByteArray serialize(bool keepAlive) const;
};

}  // namespace Balancier
