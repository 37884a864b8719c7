#pragma once

#include "platform/socketops.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QSocketNotifier;
class TestConnection;

/// A backend for tests: listens on 127.0.0.1 port 0 and, in its default
/// mode, answers every connection with its own name followed by "\n", then
/// echoes whatever it receives. Counts what it saw so tests can assert on it.
///
/// Built on raw sockets (TestConnection), so a half-close is a half-close:
/// the client's end of stream does not close the backend's write side.
/// In every mode the backend closes a connection once the peer has sent end
/// of stream and everything queued for it was sent.
///
/// Modes:
///  - NameThenEcho: write "<name>\n" at once, then echo every byte.
///  - Echo: echo only.
///  - NameAndClose: write "<name>\n" and shut down the write side; keep
///    reading (and counting) until the peer ends.
///  - NameOnEof: collect the request until the client half-closes, then write
///    "<name>:<bytes received>\n" followed by the request, and close.
///  - Stream: send streamBytes() bytes of PatternSource(streamSeed()) as fast as
///    the peer takes them, then shut down the write side; discard what comes
///    in. The peer's end of stream does not stop the stream.
///  - Silent: a stuck backend; accepts, then never reads nor writes.
///
/// Thread contract: lives in the thread that created it (usually the test's).
class StubBackend final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StubBackend)

public:
    enum class Mode
    {
        NameThenEcho,
        Echo,
        NameAndClose,
        NameOnEof,
        Stream,
        Silent,
    };

    explicit StubBackend(QString name, Mode mode = Mode::NameThenEcho, QObject *parent = nullptr);
    ~StubBackend() override;

    /// Listens (SO_REUSEADDR, so a port used before can be taken again).
    bool listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost), quint16 port = 0);
    /// Stops listening; open connections go on.
    void close();
    /// Closes every open connection at once.
    void closeConnections();
    /// Resets (RST) every open connection.
    void abortConnections();
    bool isListening() const { return m_listener != Balancier::SocketOps::InvalidSocket; }
    quint16 port() const;  ///< 0 when not listening
    QString address() const;  ///< "127.0.0.1:<port>", ready for a <host ip>
    const QString &name() const { return m_name; }

    /// Stream mode: bytes per connection and the pattern's seed.
    void setStream(qint64 bytes, quint64 seed);
    qint64 streamBytes() const { return m_streamBytes; }
    quint64 streamSeed() const { return m_streamSeed; }
    /// SO_SNDBUF for accepted connections (0: the kernel's default).
    void setSendBufferSize(int bytes) { m_sendBufferSize = bytes; }
    /// Keep received bytes in received() (default); otherwise count only.
    void setKeepReceived(bool keep) { m_keepReceived = keep; }

    int connectionCount() const { return m_connections; }
    int openConnections() const { return int(m_open.size()); }
    /// Open connections, oldest first.
    const QList<TestConnection *> &connections() const { return m_open; }
    QByteArray received() const { return m_received; }
    qint64 receivedCount() const { return m_receivedCount; }
    qint64 sentCount() const;  ///< bytes the kernel accepted, all connections

Q_SIGNALS:
    void connectionAccepted();
    void connectionClosed();

private:
    void handleAcceptable();
    void handleReadyRead(TestConnection *connection);
    void handleReadFinished(TestConnection *connection);
    void handleClosed(TestConnection *connection);
    void pump(TestConnection *connection);

    QString m_name;
    Mode m_mode;
    Balancier::SocketOps::Socket m_listener = Balancier::SocketOps::InvalidSocket;
    quint16 m_port = 0;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QList<TestConnection *> m_open;
    QHash<TestConnection *, QByteArray> m_requests;  // NameOnEof
    struct StreamState;
    QHash<TestConnection *, std::shared_ptr<StreamState>> m_streams;  // Stream
    qint64 m_streamBytes = 64 * 1024 * 1024;
    quint64 m_streamSeed = 1;
    int m_sendBufferSize = 0;
    bool m_keepReceived = true;
    int m_connections = 0;
    QByteArray m_received;
    qint64 m_receivedCount = 0;
    qint64 m_sentByClosed = 0;
};
