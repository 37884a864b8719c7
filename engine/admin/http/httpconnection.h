#pragma once

#include "admin/http/httpparser.h"

#include <QElapsedTimer>
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
/// held back by TCP flow control instead of growing our buffers. The next
/// pipelined request is parsed in a later event-loop turn, never from within
/// respond() (no recursion however many are queued), and only while the
/// unsent output stays below MaxPendingOutputBytes (back-pressure on a client
/// that does not read its answers). What is buffered is bounded: the
/// socket's read buffer plus the request being parsed and one read chunk.
///
/// Thread contract: lives in the admin server's thread with its socket.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    static constexpr int IdleTimeoutMs = 60000;
    /// A started request (the first one: from the accept) must be complete by then.
    static constexpr int RequestTimeoutMs = 10000;
    /// Above this much unsent output no further request is read.
    static constexpr qint64 MaxPendingOutputBytes = 1024 * 1024;
    /// A connection whose unsent output stays above MaxPendingOutputBytes this long is closed.
    static constexpr int StalledOutputTimeoutMs = 30000;
    /// An event stream whose client falls this far behind is closed at once.
    static constexpr qint64 MaxEventBacklogBytes = 4 * 1024 * 1024;

    HttpConnection(QTcpSocket *socket, QObject *parent = nullptr);
    ~HttpConnection() override;

    /// Overrides the timeouts (tests use short ones). Call right after construction.
    void setTimeouts(
        int requestTimeoutMs, int idleTimeoutMs, int stalledOutputTimeoutMs = StalledOutputTimeoutMs);

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
    bool isClosing() const { return m_closing; }
    /// May be closed to make room for another client: not handling a request,
    /// not an event stream, not closing already.
    bool isEvictable() const { return !m_busy && !m_streaming && !m_closing; }
    /// How long this connection has been waiting for its current request to
    /// complete: since the accept, or since its last response.
    qint64 waitingMs() const { return m_waiting.elapsed(); }
    /// Closes an evictable connection to make room (503 when a request had begun).
    void evict();
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
    void handleBytesWritten();
    /// What the peer has not taken yet: the socket's buffer, and over TLS
    /// also the encrypted bytes not yet sent (bytesToWrite() alone drops to
    /// 0 once a response is encrypted).
    qint64 unsentBytes() const;
    void handleStalledOutput();
    /// Feeds what the socket holds to the parser and dispatches a complete request.
    void processInput();
    /// Runs processInput() in a later event-loop turn (at most one pending).
    void scheduleInput();
    bool outputAboveBound() const;
    /// Starts the stall clock when the unsent output is above the bound.
    void checkOutput();

    QTcpSocket *m_socket;
    HttpParser m_parser;
    QTimer m_timer;
    QTimer m_stallTimer;  ///< runs while the unsent output is above the bound
    QElapsedTimer m_waiting;
    int m_requestTimeoutMs = RequestTimeoutMs;
    int m_idleTimeoutMs = IdleTimeoutMs;
    bool m_requestTimerArmed = false;  ///< m_timer measures a request in progress, not idleness
    bool m_busy = false;
    bool m_streaming = false;
    bool m_closing = false;
    bool m_closeAfterResponse = false;
    bool m_inputScheduled = false;
};

}  // namespace Balancier
