#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTcpServer>

class QTcpSocket;

namespace Balancier {

/// One backend of the --demo: a tiny HTTP/1.1 server on 127.0.0.1 that
/// answers every request with 200 and a body naming itself, e.g.
/// "backend 1 of 3 (port 9001)\n". Keep-alive and pipelining work, with a
/// correct Content-Length, so that curl, browsers and benchmark tools are
/// happy; request bodies (Content-Length) are read and ignored.
///
/// Thread contract: lives in the thread that created it (the daemon's main
/// thread); the engine's workers reach it over TCP like any backend.
class DemoBackend final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoBackend)

public:
    DemoBackend(int number, int count, QObject *parent = nullptr);
    ~DemoBackend() override;

    /// Listens on 127.0.0.1:`port` (0: the system chooses). On failure
    /// `error` holds the OS's reason.
    bool listen(quint16 port, QString *error = nullptr);
    quint16 port() const;
    int number() const { return m_number; }
    /// "backend 1 of 3 (port 9001)"; valid once listening.
    QString name() const;

private:
    struct Connection
    {
        QByteArray buffer;
        qint64 bodyRemaining = 0;  ///< bytes of a request body still to skip
    };

    void handleNewConnection();
    void handleReadyRead(QTcpSocket *socket);
    /// Answers the complete requests in the connection's buffer; false once
    /// the connection is to be closed.
    bool serveRequests(QTcpSocket *socket, Connection &connection);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
        bool keepAlive, bool headOnly = false);

    const int m_number;
    const int m_count;
    QTcpServer m_server;
    QHash<QTcpSocket *, Connection> m_connections;
};

}  // namespace Balancier
