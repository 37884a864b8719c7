#pragma once

#include "patternsource.h"
#include "platform/socketops.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QSocketNotifier;

/// One TCP connection on a raw non-blocking socket, for tests: the client
/// side (connectTo()) or a connection a test server accepted. Unlike
/// QTcpSocket it keeps a half-closed connection open in both directions:
/// shutdownWrite() sends end of stream and reading goes on, and the peer's
/// end of stream (atEnd()) leaves the write side working.
///
/// Counts every byte received and, on request, checksums them, so that
/// large transfers can be checked without keeping them (setKeepReceived(false)).
/// Reading can be paused to play a slow reader.
///
/// Thread contract: lives in the thread that created it and is driven by
/// that thread's event loop (QSocketNotifier). Signals are emitted from
/// there, never from inside write() or connectTo().
class TestConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestConnection)

public:
    enum class State
    {
        Unconnected,
        Connecting,
        Connected,
        Closed,
    };

    /// An unconnected client; call connectTo().
    explicit TestConnection(QObject *parent = nullptr);
    /// Takes over an accepted, connected, non-blocking socket.
    TestConnection(Balancier::SocketOps::Socket socket, QObject *parent);
    ~TestConnection() override;

    /// Starts a non-blocking connect to `host`:`port`, from `bindAddress`
    /// (any port) when it is set, e.g. 127.0.0.2 to appear as another client.
    /// False when the connect failed at once (see error()).
    bool connectTo(quint16 port, const QHostAddress &host = QHostAddress(QHostAddress::LocalHost),
        const QHostAddress &bindAddress = QHostAddress());

    /// SO_RCVBUF / SO_SNDBUF; set the receive size before connectTo() for it
    /// to shape the TCP window (that makes an IPv4 socket at once). Returns
    /// the size the kernel reports afterwards (Linux doubles the request).
    int setReceiveBufferSize(int bytes);
    int setSendBufferSize(int bytes);

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    bool isClosed() const { return m_state == State::Closed; }
    /// The OS error that ended the connection (refused, reset...), or 0.
    int error() const { return m_error; }
    QString errorString() const;

    // --- writing ---
    /// Queues bytes; they are sent as the socket accepts them.
    void write(const QByteArray &data);
    /// Half-close once every queued byte is sent; reading goes on.
    void shutdownWrite();
    /// Sends what is queued, half-closes, and closes once the peer has ended too.
    void finish();
    /// Closes the descriptor now (unsent and unread bytes are lost).
    void close();
    /// Closes with a reset (RST) instead of an orderly end of stream.
    void abort();
    qint64 bytesToWrite() const { return m_out.size() - m_outOffset; }
    qint64 sentCount() const { return m_written; }  ///< accepted by the kernel
    bool isWriteShutdown() const { return m_writeShutdown; }
    /// Milliseconds since the kernel last accepted a byte (or since the start).
    qint64 msSinceWriteProgress() const { return m_writeProgress.elapsed(); }

    // --- reading ---
    void setReadingPaused(bool paused);
    /// Keep received bytes in received() (default); otherwise only count and hash them.
    void setKeepReceived(bool keep) { m_keepReceived = keep; }
    const QByteArray &received() const { return m_received; }
    QByteArray takeReceived();
    qint64 receivedCount() const { return m_receivedCount; }
    /// Checksum every byte received from now on (PatternSource::HashAlgorithm).
    void setChecksumReceived(bool enabled) { m_checksumming = enabled; }
    /// The checksum of what was received while checksumming was on.
    QByteArray receivedChecksum() const;
    /// The peer sent end of stream.
    bool atEnd() const { return m_atEnd; }
    /// received() up to the first '\n' (without it); empty until a line arrived.
    QString firstLine() const;

    Balancier::SocketOps::Socket socket() const { return m_socket; }

    // --- waiting, for tests (the event loop runs meanwhile) ---
    /// A new client connecting to 127.0.0.1:`port`, from `from` when set.
    static std::unique_ptr<TestConnection> open(quint16 port, const QHostAddress &from = QHostAddress());
    /// Waits for the first line; returns it, or empty on timeout or close.
    QString waitForLine(int timeoutMs = 5000);
    /// Waits until at least `count` bytes arrived in all.
    bool waitForReceived(qint64 count, int timeoutMs = 5000);
    /// Waits until the peer's end of stream or the connection's end.
    bool waitForEnd(int timeoutMs = 5000);
    /// Writes `token` and waits until it came back (an echo); false otherwise.
    bool roundTrip(const QByteArray &token, int timeoutMs = 5000);

Q_SIGNALS:
    void connected();
    void readyRead();
    void bytesWritten(qint64 count);
    void readFinished();  ///< the peer sent end of stream
    void errorOccurred(int error);
    void closed();

private:
    void setUp();
    void dropNotifiers();
    void handleReadable();
    void handleWritable();
    /// Sends queued bytes; returns how many; false in `*ok` after a fatal error.
    qint64 flush(bool *ok);
    void fail(int error);
    void updateNotifiers();
    void closeIfDone();
    /// Runs the event loop until `done` or the timeout; returns `done()`.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs);

    Balancier::SocketOps::Socket m_socket = Balancier::SocketOps::InvalidSocket;
    State m_state = State::Unconnected;
    QSocketNotifier *m_readNotifier = nullptr;  // children: gone with us at the latest
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_out;
    qint64 m_outOffset = 0;
    qint64 m_written = 0;
    QElapsedTimer m_writeProgress;
    bool m_shutdownRequested = false;
    bool m_writeShutdown = false;
    bool m_finishRequested = false;
    bool m_readingPaused = false;
    bool m_keepReceived = true;
    bool m_atEnd = false;
    QByteArray m_received;
    qint64 m_receivedCount = 0;
    bool m_checksumming = false;
    QCryptographicHash m_hash{PatternSource::HashAlgorithm};
    int m_error = 0;
};
