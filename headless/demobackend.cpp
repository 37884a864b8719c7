#include "demobackend.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

// A request head larger than this is refused: the demo must not buffer without bound.
constexpr qsizetype MaxHeadBytes = 16 * 1024;

}  // namespace

DemoBackend::DemoBackend(int number, int count, QObject *parent)
    : QObject(parent)
    , m_number(number)
    , m_count(count)
{
    connect(&m_server, &QTcpServer::newConnection, this, &DemoBackend::handleNewConnection);
}

DemoBackend::~DemoBackend()
{
    // The sockets are children of this object; their disconnected() signals
    // must not reach a half-destroyed backend.
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it)
        it.key()->disconnect(this);
}

bool DemoBackend::listen(quint16 port, QString *error)
{
    if (m_server.listen(QHostAddress::LocalHost, port))
        return true;
    if (error)
        *error = m_server.errorString();
    return false;
}

quint16 DemoBackend::port() const
{
    return m_server.serverPort();
}

QString DemoBackend::name() const
{
    return u"backend %1 of %2 (port %3)"_s.arg(m_number).arg(m_count).arg(port());
}

void DemoBackend::handleNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void DemoBackend::handleReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer += socket->readAll();
    if (!serveRequests(socket, *it)) {
        m_connections.erase(it);
        socket->disconnectFromHost();
    }
}

bool DemoBackend::serveRequests(QTcpSocket *socket, Connection &connection)
{
    for (;;) {
        if (connection.bodyRemaining > 0) {
            const qsizetype skip
                = qsizetype(qMin<qint64>(connection.bodyRemaining, connection.buffer.size()));
            connection.buffer.remove(0, skip);
            connection.bodyRemaining -= skip;
            if (connection.bodyRemaining > 0)
                return true;
        }
        const qsizetype headEnd = connection.buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (connection.buffer.size() > MaxHeadBytes) {
                respond(socket, 431, "Request Header Fields Too Large", "request head too large\n", false);
                return false;
            }
            return true;
        }
        const QByteArray head = connection.buffer.left(headEnd);
        connection.buffer.remove(0, headEnd + 4);

        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            respond(socket, 400, "Bad Request", "malformed request line\n", false);
            return false;
        }
        const bool http10 = requestLine.at(2) == "HTTP/1.0";
        bool keepAlive = !http10;
        qint64 contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                respond(socket, 400, "Bad Request", "malformed header line\n", false);
                return false;
            }
            const QByteArray field = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed().toLower();
            if (field == "connection") {
                if (value.contains("close"))
                    keepAlive = false;
                else if (value.contains("keep-alive"))
                    keepAlive = true;
            } else if (field == "content-length") {
                bool ok = false;
                contentLength = value.toLongLong(&ok);
                if (!ok || contentLength < 0) {
                    respond(socket, 400, "Bad Request", "invalid Content-Length\n", false);
                    return false;
                }
            } else if (field == "transfer-encoding") {
                respond(socket, 501, "Not Implemented", "chunked request bodies are not supported\n", false);
                return false;
            }
        }
        connection.bodyRemaining = contentLength;
        respond(socket, 200, "OK", name().toUtf8() + '\n', keepAlive, requestLine.at(0) == "HEAD");
        if (!keepAlive)
            return false;
    }
}

void DemoBackend::respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
    bool keepAlive, bool headOnly)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: " + (keepAlive ? QByteArray("keep-alive") : QByteArray("close")) + "\r\n\r\n";
    if (!headOnly)
        response += body;
    socket->write(response);
}

}  // namespace Balancier
