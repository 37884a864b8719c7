#include "admin/http/httpmessage.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Balancier {

QByteArray HttpRequest::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

QString HttpRequest::parameter(const QString &name) const
{
    if (!query.hasQueryItem(name))
        return {};
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

HttpResponse HttpResponse::text(int status, const QString &text)
{
    HttpResponse response;
    response.status = status;
    response.headers.emplaceBack("Content-Type", "text/plain; charset=utf-8");
    response.body = text.toUtf8();
    if (!response.body.endsWith('\n'))
        response.body.append('\n');
    return response;
}

HttpResponse HttpResponse::json(int status, const QByteArray &json)
{
    HttpResponse response;
    response.status = status;
    response.headers.emplaceBack("Content-Type", "application/json");
    response.body = json;
    return response;
}

HttpResponse HttpResponse::html(int status, const QByteArray &html)
{
    HttpResponse response;
    response.status = status;
    response.headers.emplaceBack("Content-Type", "text/html; charset=utf-8");
    // No other site may frame a page whose forms change the balancer (clickjacking).
    response.headers.emplaceBack("X-Frame-Options", "DENY");
    response.headers.emplaceBack("Content-Security-Policy", "frame-ancestors 'none'");
    response.body = html;
    return response;
}

HttpResponse HttpResponse::xml(int status, const QByteArray &xml)
{
    HttpResponse response;
    response.status = status;
    response.headers.emplaceBack("Content-Type", "application/xml; charset=utf-8");
    response.body = xml;
    return response;
}

HttpResponse HttpResponse::error(int status, const QString &message, bool asJson)
{
    if (asJson) {
        QJsonObject object;
        object.insert(QStringLiteral("error"), message);
        object.insert(QStringLiteral("status"), status);
        return json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    return text(status, message);
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 303:
        return "See Other";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Payload Too Large";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

QByteArray HttpResponse::serialize(bool keepAlive) const
{
    QByteArray out;
    out.reserve(body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Date: "
        + QLocale::c()
              .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
              .toLatin1()
        + "\r\n";
    out += "Server: balancier\r\n";
    out += "X-Content-Type-Options: nosniff\r\n";
    out += "Cache-Control: no-store\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n";
    if (!headOnly)
        out += body;
    return out;
}

}  // namespace Balancier
