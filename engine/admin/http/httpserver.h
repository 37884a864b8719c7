#pragma once

#include "admin/http/httpconnection.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

class QTcpServer;

namespace Balancier {

struct AdminTlsIdentity;
struct HttpRequest;

/// The admin API's listener: plain HTTP or TLS (a connection is handed
/// over after its handshake), a cap on connections and a per-address share
/// of it (the longest-waiting connection makes room), and moving to another
/// address or TLS setting without losing the port it holds. Each request
/// that arrives complete is signalled; answers go through the connection.
///
/// Thread contract: lives in the engine's control thread, as the
/// AdminServer that owns it; so do its connections.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    /// The connection cap. When it is reached, the connection that has
    /// waited longest for its request to complete (an idle keep-alive one,
    /// or a slow one) is closed to make room; 503 only when none can be.
    static constexpr int MaxConnections = 64;
    /// The share of MaxConnections one client address (an IPv6 /64) may hold;
    /// beyond it, its own longest-waiting connection makes room.
    static constexpr int MaxConnectionsPerAddress = MaxConnections / 2;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    /// See AdminServer::setTimeouts(); set before listen().
    void setTimeouts(int requestTimeoutMs, int idleTimeoutMs, int stalledOutputTimeoutMs);

    /// Listens on `host`:`port`, with TLS when `identity` has a certificate
    /// chain. Nothing changes until the new listener is bound: when it cannot
    /// be, false with the system's reason in `error`, and the old listener
    /// (if any) keeps serving. When it moved, the old listener's clients
    /// finish the answer in progress and are closed.
    bool listen(const QHostAddress &host, quint16 port, const AdminTlsIdentity &identity, QString *error);
    /// Closes the listener and every connection.
    void stop();
    /// Gives up the listening port and keeps the open connections.
    void stopListening();
    bool isListening() const;
    bool isTls() const;
    /// Null when not started.
    QHostAddress address() const;
    quint16 port() const;
    /// "http://127.0.0.1:8080" or "https://…"; empty when not started.
    QString url() const;

signals:
    void requestReceived(HttpConnection *connection, const HttpRequest &request);

private:
    void handleNewConnection();

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    int m_requestTimeoutMs = HttpConnection::RequestTimeoutMs;
    int m_idleTimeoutMs = HttpConnection::IdleTimeoutMs;
    int m_stalledOutputTimeoutMs = HttpConnection::StalledOutputTimeoutMs;
    QList<QPointer<HttpConnection>> m_connections;
};

}  // namespace Balancier
