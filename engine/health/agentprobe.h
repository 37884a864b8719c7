#pragma once

#include "runtime/hostruntime.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

class QTcpSocket;

namespace Balancier {

/// One query of a host's agent (HAProxy's agent check): connect to the
/// host's address on the agent port, write `send` if not empty, read one
/// line (up to '\n', or to the close), all within one timeout. Never blocks;
/// a line longer than AgentAnswer::MaxLineBytes is refused without being
/// kept, so an agent cannot make the balancer buffer without bound.
///
/// Single use: start() once; finished() follows exactly once, always from the
/// event loop (never from inside start()), unless cancel() came first.
///
/// Thread contract: lives in the thread that created it (the engine's control
/// thread); its socket lives there too.
class AgentProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentProbe)

public:
    explicit AgentProbe(QObject *parent = nullptr);
    ~AgentProbe() override;

    /// Connects to `endpoint`'s address when it is valid, else to the host
    /// part of `address` ("host:port", resolved by the socket), on `port`.
    void start(
        const Endpoint &endpoint, const QString &address, int port, const QByteArray &send, qint64 timeoutMs);

    /// Stops the probe without emitting finished().
    void cancel();

Q_SIGNALS:
    /// `ok`: `line` is the agent's line without its line end. Otherwise
    /// `error` says why ("connection refused", "no answer within 2000 ms").
    void finished(bool ok, const QByteArray &line, const QString &error);

private:
    void handleConnected();
    void handleReadyRead();
    void handleClosed();
    void handleTimeout();
    void finish(bool ok, const QByteArray &line, const QString &error);

    QTcpSocket *m_socket = nullptr;
    QTimer m_timer;
    QByteArray m_send;
    QByteArray m_line;
    qint64 m_timeoutMs = 0;
    bool m_started = false;
    bool m_connected = false;
    bool m_done = false;
};

}  // namespace Balancier
