#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

/// A minimal blocking HTTP/1.1 client for tests: sends raw bytes to
/// 127.0.0.1:port and parses one response (status, headers, body by
/// Content-Length, or until close).
struct HttpTestResponse
{
    int status = 0;  ///< 0: no response (connection failed or closed early)
    QList<QPair<QByteArray, QByteArray>> headers;  ///< names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
};

class HttpTestClient final
{
public:
    explicit HttpTestClient(quint16 port);

    /// Sends `method path` with Basic credentials (when user is not empty), extra headers and a body.
    HttpTestResponse request(const QByteArray &method, const QByteArray &path, const QString &user = {},
        const QString &password = {}, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000);
    /// Sends raw bytes and reads one response.
    HttpTestResponse raw(const QByteArray &bytes, int timeoutMs = 15000);

private:
    quint16 m_port;
};
