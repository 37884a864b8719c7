#pragma once

#include "admin/httpparser.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

namespace Balancier {

/// One admin client connection: parses requests, writes responses, and can
/// turn into a Server-Sent Events stream. Closes on idle, on a request that
/// takes too long to arrive (slowloris), and after a malformed request.
///
/// One request at a time: while a response is pending (isBusy()), nothing is
/// read from the socket, so a client that pipelines or floods meanwhile is
/// held back by TCP flow control instead of growing our buffers.
///
/// Thread contract: lives in the admin server's thread with its socket.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    static constexpr int IdleTimeoutMs = 60000;
    static constexpr int RequestTimeoutMs = 10000;  ///< a started request must be complete by then

    HttpConnection(QTcpSocket *socket, QObject *parent = nullptr);
    ~HttpConnection() override;

    /// Overrides the two timeouts (tests use short ones). Call right after construction.
    void setTimeouts(int requestTimeoutMs, int idleTimeoutMs);

    QTcpSocket *socket() const { return m_socket; }
    /// Sends a response; closes afterwards unless the request asked to keep alive.
    void respond(const HttpResponse &response, bool keepAlive);
    /// Answers with a text/event-stream header; afterwards use sendEvent().
    void startEventStream();
    bool isEventStream() const { return m_streaming; }
    /// One event; no id line when `id` is empty. `data` may span lines.
    void sendEvent(const QByteArray &id, const QByteArray &type, const QByteArray &data);
    /// Stops reading requests until respond() (a response is pending).
    bool isBusy() const { return m_busy; }
    void close();
    /// Closes once the pending response is sent (at once when none is
    /// pending, an event stream included): the admin API moved elsewhere.
    void closeAfterResponse();

Q_SIGNALS:
    void requestReceived(Balancier::HttpConnection *connection, const Balancier::HttpRequest &request);
    void closed(Balancier::HttpConnection *connection);

private:
    void handleReadyRead();
    void handleTimeout();
    /// Feeds what the socket holds to the parser and dispatches a complete request.
    void processInput();

    QTcpSocket *m_socket;
    HttpParser m_parser;
    QTimer m_timer;
    int m_requestTimeoutMs = RequestTimeoutMs;
    int m_idleTimeoutMs = IdleTimeoutMs;
    bool m_requestTimerArmed = false;  ///< m_timer measures a request in progress, not idleness
    bool m_busy = false;
    bool m_streaming = false;
    bool m_closing = false;
    bool m_closeAfterResponse = false;
};

}  // namespace Balancier
