#include "httptestclient.h"

#include <QEventLoop>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

QByteArray HttpTestResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

HttpTestClient::HttpTestClient(quint16 port)
    : m_port(port)
{ }

HttpTestResponse HttpTestClient::request(const QByteArray &method, const QByteArray &path,
    const QString &user, const QString &password, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QByteArray bytes
        = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
    if (!user.isEmpty())
        bytes += "Authorization: Basic " + (user + u':' + password).toUtf8().toBase64() + "\r\n";
    for (const auto &[name, value] : headers)
        bytes += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "Connection: close\r\n\r\n" + body;
    return raw(bytes, timeoutMs);
}

HttpTestResponse HttpTestClient::raw(const QByteArray &bytes, int timeoutMs)
{
    // The server usually runs in this thread: wait in an event loop, never block it.
    HttpTestResponse response;
    QTcpSocket socket;
    QByteArray data;
    qsizetype headerEnd = -1;
    qsizetype length = -1;
    QEventLoop loop;
    const auto parse = [&] {
        data += socket.readAll();
        if (headerEnd < 0) {
            headerEnd = data.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = data.left(headerEnd).split('\n');
            const QList<QByteArray> statusLine = lines.constFirst().trimmed().split(' ');
            response.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    response.headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
            }
            const QByteArray lengthHeader = response.header("content-length");
            if (!lengthHeader.isEmpty())
                length = lengthHeader.toLongLong();
        }
        if (length >= 0 && data.size() - headerEnd - 4 >= length)
            loop.quit();
    };
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(bytes); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, parse);
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, [&] {
        parse();
        loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    loop.exec();
    if (headerEnd >= 0)
        response.body = length >= 0 ? data.mid(headerEnd + 4, length) : data.mid(headerEnd + 4);
    else
        response.status = 0;
    return response;
}
