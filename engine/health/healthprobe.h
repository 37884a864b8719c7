#pragma once

#include "runtime/hostruntime.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

class QTcpSocket;

namespace Balancier {

/// One health probe of one backend: a TCP connect and, optionally, a request
/// sent and a reply prefix expected, all within one timeout. Never blocks.
///
/// Single use: start() once; finished() follows exactly once, always from the
/// event loop (never from inside start()), unless cancel() came first.
///
/// Thread contract: lives in the thread that created it (the engine's control
/// thread); its socket lives there too.
class HealthProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthProbe)

public:
    explicit HealthProbe(QObject *parent = nullptr);
    ~HealthProbe() override;

    /// Connects to `endpoint` when it is valid (no name lookup), else to
    /// `address` ("host:port", resolved by the socket). After connecting,
    /// writes `send` if it is not empty, then requires the reply to start
    /// with `expect` if that is not empty.
    void start(const Endpoint &endpoint, const QString &address, const QByteArray &send,
        const QByteArray &expect, qint64 timeoutMs);

    /// Stops the probe without emitting finished().
    void cancel();

    bool isRunning() const { return m_started && !m_done; }
    /// Milliseconds since start().
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }

    /// Bytes made readable for a reason text: escapes, at most `limit` bytes shown.
    static QString describeBytes(const QByteArray &bytes, int limit = 40);

Q_SIGNALS:
    /// `detail` says why the probe failed ("connection refused",
    /// "expected \"+OK\", got \"-ERR\""); on success it is "ok".
    void finished(bool ok, const QString &detail);

private:
    void handleConnected();
    void handleReadyRead();
    void handleBytesWritten();
    void handleSocketError();
    void handleDisconnected();
    void handleTimeout();
    void finish(bool ok, const QString &detail);
    QString socketErrorText() const;

    QTcpSocket *m_socket = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QByteArray m_send;
    QByteArray m_expect;
    QByteArray m_reply;
    QString m_target;  // what we connect to, for messages
    QString m_lookupName;  // the name the socket resolves, when not numeric
    qint64 m_timeoutMs = 0;
    bool m_started = false;
    bool m_connected = false;
    bool m_done = false;
};

}  // namespace Balancier
