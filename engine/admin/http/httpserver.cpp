#include "admin/http/httpserver.h"

#include "admin/http/admintlsserver.h"
#include "config/adminlistencheck.h"
#include "logcategories.h"

#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

namespace Balancier {

namespace {

/// Whether two peers count as one client for the per-address share: the
/// same IPv4 address, or the same IPv6 /64 (what one host is usually given).
bool sameClientAddress(const QHostAddress &a, const QHostAddress &b)
{
    bool aIsV4 = false;
    bool bIsV4 = false;
    const quint32 a4 = a.toIPv4Address(&aIsV4);
    const quint32 b4 = b.toIPv4Address(&bIsV4);
    if (aIsV4 || bIsV4)
        return aIsV4 && bIsV4 && a4 == b4;
    return a.isInSubnet(b, 64);
}

}  // namespace

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{ }

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::setTimeouts(int requestTimeoutMs, int idleTimeoutMs, int stalledOutputTimeoutMs)
{
    m_requestTimeoutMs = requestTimeoutMs;
    m_idleTimeoutMs = idleTimeoutMs;
    m_stalledOutputTimeoutMs = stalledOutputTimeoutMs;
}

bool HttpServer::listen(
    const QHostAddress &host, quint16 port, const AdminTlsIdentity &identity, QString *error)
{
    const bool tls = !identity.chain.isEmpty();
    std::unique_ptr<QTcpServer> next;
    if (tls) {
        auto server = std::make_unique<AdminTlsServer>();
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(identity.chain);
        ssl.setPrivateKey(identity.key);
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
        server->setSslConfiguration(ssl);
        server->setHandshakeTimeout(m_requestTimeoutMs);
        next = std::move(server);
    } else {
        next = std::make_unique<QTcpServer>();
    }
    next->setMaxPendingConnections(MaxConnections);
    bool listening = next->listen(host, port);
    if (!listening && isListening() && port != 0 && port == m_server->serverPort()) {
        // This server itself holds the port (same address, other settings):
        // hand it over, and take it back when the new server cannot have it.
        const QHostAddress oldHost = m_server->serverAddress();
        const quint16 oldPort = m_server->serverPort();
        m_server->close();
        listening = next->listen(host, port);
        if (!listening && !m_server->listen(oldHost, oldPort)) {
            qCCritical(lcAdmin, "admin API: cannot listen on %s:%u again: %s",
                qUtf8Printable(oldHost.toString()), unsigned(oldPort),
                qUtf8Printable(m_server->errorString()));
        }
    }
    if (!listening) {
        *error = next->errorString();
        return false;
    }
    // With TLS, a connection is handed over only after its handshake.
    if (tls)
        connect(next.get(), &QSslServer::pendingConnectionAvailable, this, &HttpServer::handleNewConnection);
    else
        connect(next.get(), &QTcpServer::newConnection, this, &HttpServer::handleNewConnection);

    const bool moved = m_server != nullptr;
    // The old listener closes here. Its connections own their sockets
    // (HttpConnection), so they outlive it.
    m_server = std::move(next);
    m_tls = tls;
    if (moved) {
        // Clients of the old listener are not left on an address (or
        // without the TLS) the operator has just given up: each finishes
        // the response in progress, if any, and is closed. This includes
        // the one whose request (PUT /api/v1/config) moved the API.
        for (const QPointer<HttpConnection> &connection : std::as_const(m_connections)) {
            if (connection)
                connection->closeAfterResponse();
        }
    }
    return true;
}

void HttpServer::stop()
{
    for (const QPointer<HttpConnection> &connection : std::as_const(m_connections)) {
        if (connection)
            connection->deleteLater();
    }
    m_connections.clear();
    m_server.reset();
}

void HttpServer::stopListening()
{
    if (!isListening())
        return;
    qCInfo(lcAdmin, "admin API: stopped listening on %s; open connections stay", qUtf8Printable(url()));
    m_server->close();
}

bool HttpServer::isListening() const
{
    return m_server && m_server->isListening();
}

bool HttpServer::isTls() const
{
    return m_tls;
}

QHostAddress HttpServer::address() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

quint16 HttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString HttpServer::url() const
{
    if (!m_server)
        return {};
    QHostAddress address = m_server->serverAddress();
    QString host = address.toString();
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6)
        host = QStringLiteral("127.0.0.1");
    else if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return QStringLiteral("%1://%2:%3")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), host, QString::number(port()));
}

void HttpServer::handleNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_connections.removeIf([](const QPointer<HttpConnection> &c) { return c.isNull(); });
        // Closing connections linger only until flushed (or a grace period); they hold no slot.
        const QHostAddress peer = socket->peerAddress();
        qsizetype open = 0;
        qsizetype fromPeer = 0;
        HttpConnection *slowest = nullptr;  // among all
        HttpConnection *slowestOfPeer = nullptr;  // among the newcomer's address
        for (const QPointer<HttpConnection> &connection : std::as_const(m_connections)) {
            if (connection->isClosing())
                continue;
            ++open;
            const bool samePeer = sameClientAddress(connection->socket()->peerAddress(), peer);
            fromPeer += samePeer ? 1 : 0;
            if (!connection->isEvictable())
                continue;
            if (!slowest || connection->waitingMs() > slowest->waitingMs())
                slowest = connection;
            if (samePeer && (!slowestOfPeer || connection->waitingMs() > slowestOfPeer->waitingMs()))
                slowestOfPeer = connection;
        }
        // One address cannot take the others' share; a full server makes room
        // by closing whoever has waited longest for a request to complete (an
        // idle or slow client), rather than turning the newcomer away.
        const bool overShare = fromPeer >= MaxConnectionsPerAddress;
        const bool full = open >= MaxConnections;
        HttpConnection *victim = overShare ? slowestOfPeer : full ? slowest : nullptr;
        if ((overShare || full) && !victim) {
            if (overShare)
                qCWarning(lcAdmin, "admin: %s holds %d connections, its limit, all busy; refusing another",
                    qUtf8Printable(peer.toString()), MaxConnectionsPerAddress);
            else
                qCWarning(lcAdmin, "admin: connection limit %d reached; refusing %s", MaxConnections,
                    qUtf8Printable(peer.toString()));
            socket->write(
                HttpResponse::text(503, QStringLiteral("too many admin connections")).serialize(false));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        if (victim) {
            qCInfo(lcAdmin, "admin: %s; closing a connection of %s that waited %lld ms for a request",
                overShare ? "connection limit per address reached" : "connection limit reached",
                qUtf8Printable(victim->socket()->peerAddress().toString()), victim->waitingMs());
            victim->evict();
        }
        auto *connection = new HttpConnection(socket, this);
        connection->setTimeouts(m_requestTimeoutMs, m_idleTimeoutMs, m_stalledOutputTimeoutMs);
        m_connections.append(connection);
        connect(connection, &HttpConnection::requestReceived, this, &HttpServer::requestReceived);
        connect(
            connection, &HttpConnection::closed, this, [](HttpConnection *closed) { closed->deleteLater(); });
    }
}

}  // namespace Balancier
