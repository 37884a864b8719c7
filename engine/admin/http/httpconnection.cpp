#include "admin/http/httpconnection.h"

#include "logcategories.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace Balancier {

namespace {
/// How much the socket may buffer that we have not taken yet; beyond that the
/// kernel's flow control holds the client back.
constexpr qint64 SocketReadBufferBytes = 256 * 1024;
/// The parser takes at most this much at a time, and only while it lacks a
/// complete request, so that pipelined requests wait in the socket's bounded
/// buffer (and then in the kernel's) rather than in ours.
constexpr qint64 ReadChunkBytes = 64 * 1024;
constexpr int CloseGraceMs = 5000;
}  // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(SocketReadBufferBytes);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::handleTimeout);
    m_stallTimer.setSingleShot(true);
    m_stallTimer.setInterval(StalledOutputTimeoutMs);
    connect(&m_stallTimer, &QTimer::timeout, this, &HttpConnection::handleStalledOutput);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::handleReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::handleBytesWritten);
    // Over TLS, bytesWritten comes when a response is encrypted, not when
    // it is sent: the encrypted bytes waiting for the peer count too.
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::handleBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_closing = true;
        m_timer.stop();
        m_stallTimer.stop();
        Q_EMIT closed(this);
    });
    // A connection that never sends a request is cut like a slow one, and
    // the first request's clock starts here: a late first byte does not
    // restart it.
    m_waiting.start();
    m_requestTimerArmed = true;
    m_timer.start(m_requestTimeoutMs);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::setTimeouts(int requestTimeoutMs, int idleTimeoutMs, int stalledOutputTimeoutMs)
{
    m_requestTimeoutMs = requestTimeoutMs;
    m_idleTimeoutMs = idleTimeoutMs;
    m_stallTimer.setInterval(stalledOutputTimeoutMs);
    if (m_timer.isActive() && !m_closing && !m_busy)
        m_timer.start(m_requestTimeoutMs);
}

void HttpConnection::close()
{
    if (m_closing)
        return;
    m_closing = true;
    // disconnectFromHost() flushes what was written first; `disconnected` then
    // emits closed(). A peer that never reads is cut after a grace period.
    m_timer.start(CloseGraceMs);
    m_socket->disconnectFromHost();
}

void HttpConnection::evict()
{
    if (!isEvictable())
        return;
    if (m_parser.inProgress()) {
        m_socket->write(HttpResponse::text(503,
            QStringLiteral("too many admin connections; this one made the "
                           "least progress"))
                            .serialize(false));
    }
    close();
}

void HttpConnection::closeAfterResponse()
{
    if (m_busy) {
        m_closeAfterResponse = true;
        return;
    }
    close();
}

void HttpConnection::handleTimeout()
{
    if (m_closing) {
        m_socket->abort();
        return;
    }
    // A client that does not read its answers is the stall timer's business.
    if (m_streaming || m_busy || outputAboveBound())
        return;
    if (m_parser.inProgress()) {
        qCInfo(lcAdmin, "admin: request from %s not completed within %d ms; closing",
            qUtf8Printable(m_socket->peerAddress().toString()), m_requestTimeoutMs);
        HttpResponse response = HttpResponse::text(408, QStringLiteral("request not completed in time"));
        m_socket->write(response.serialize(false));
    }
    close();
}

void HttpConnection::handleReadyRead()
{
    if (m_closing) {
        m_socket->readAll();
        return;
    }
    if (m_streaming) {
        m_socket->readAll();  // an event stream takes no further requests
        return;
    }
    // While a response is pending the bytes wait in the socket (bounded by
    // its read buffer); respond() picks them up.
    if (m_busy)
        return;
    processInput();
}

qint64 HttpConnection::unsentBytes() const
{
    qint64 bytes = m_socket->bytesToWrite();
    if (const auto *ssl = qobject_cast<const QSslSocket *>(m_socket))
        bytes += ssl->encryptedBytesToWrite();
    return bytes;
}

void HttpConnection::handleBytesWritten()
{
    if (m_closing)
        return;
    if (outputAboveBound()) {
        // Still above the bound, but the client is reading: the stall
        // timeout is for a client that takes nothing, not a slow one.
        if (m_stallTimer.isActive())
            m_stallTimer.start();
        return;
    }
    if (m_stallTimer.isActive()) {
        m_stallTimer.stop();
        // Reading was held back: resume it.
        scheduleInput();
    }
}

void HttpConnection::handleStalledOutput()
{
    if (m_closing || !outputAboveBound())
        return;
    qCInfo(lcAdmin, "admin: client %s has not read %lld bytes of answers for %d ms; closing",
        qUtf8Printable(m_socket->peerAddress().toString()), unsentBytes(), m_stallTimer.interval());
    // Nothing more would be flushed: cut at once instead of waiting for a grace period.
    m_closing = true;
    m_timer.stop();
    m_socket->abort();
}

bool HttpConnection::outputAboveBound() const
{
    return unsentBytes() > MaxPendingOutputBytes;
}

void HttpConnection::checkOutput()
{
    if (outputAboveBound() && !m_stallTimer.isActive() && !m_closing)
        m_stallTimer.start();
}

void HttpConnection::scheduleInput()
{
    if (m_inputScheduled)
        return;
    m_inputScheduled = true;
    QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

void HttpConnection::processInput()
{
    m_inputScheduled = false;
    if (m_busy || m_closing || m_streaming || outputAboveBound())
        return;
    const auto feed = [this](const QByteArray &bytes) {
        const HttpParser::State state = m_parser.feed(bytes);
        if (m_parser.takeContinueRequest())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        return state;
    };
    // What the parser holds first (a pipelined request may be complete), then
    // the socket, a chunk at a time, only until a request is complete.
    HttpParser::State state = feed({});
    while (state == HttpParser::State::NeedMore && m_socket->bytesAvailable() > 0)
        state = feed(m_socket->read(ReadChunkBytes));
    if (state == HttpParser::State::Failed) {
        qCInfo(lcAdmin, "admin: malformed request from %s: %s",
            qUtf8Printable(m_socket->peerAddress().toString()), qUtf8Printable(m_parser.errorMessage()));
        m_socket->write(HttpResponse::text(m_parser.errorStatus(), m_parser.errorMessage()).serialize(false));
        close();
        return;
    }
    if (state != HttpParser::State::Complete) {
        // The clock of a request starts with its first byte and is not reset by later ones.
        if (m_parser.inProgress() && !m_requestTimerArmed) {
            m_requestTimerArmed = true;
            m_timer.start(m_requestTimeoutMs);
        }
        return;
    }
    HttpRequest request = m_parser.takeRequest();
    request.peer = m_socket->peerAddress();
    m_busy = true;
    m_requestTimerArmed = false;
    m_timer.stop();
    Q_EMIT requestReceived(this, request);
}

void HttpConnection::respond(const HttpResponse &response, bool keepAlive)
{
    if (m_closing)
        return;
    keepAlive = keepAlive && !m_closeAfterResponse;
    m_socket->write(response.serialize(keepAlive));
    m_busy = false;
    m_waiting.restart();
    if (!keepAlive) {
        close();
        return;
    }
    m_timer.start(m_idleTimeoutMs);
    checkOutput();
    // A pipelined request may be waiting in the parser or in the socket. It
    // is taken in a later turn of the event loop: handling it from here would
    // recurse once per pipelined request (respond() is usually called from
    // within requestReceived).
    scheduleInput();
}

void HttpConnection::startEventStream()
{
    m_streaming = true;
    m_busy = false;
    m_requestTimerArmed = false;
    m_timer.stop();
    m_socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
                    "X-Content-Type-Options: nosniff\r\nConnection: keep-alive\r\n\r\n"
                    "retry: 2000\n\n");
}

void HttpConnection::sendEvent(const QByteArray &id, const QByteArray &type, const QByteArray &data)
{
    if (m_closing)
        return;
    // A client that stops reading must not make us buffer without bound.
    if (unsentBytes() > MaxEventBacklogBytes) {
        qCInfo(lcAdmin, "admin: event stream client %s is not reading; closing it",
            qUtf8Printable(m_socket->peerAddress().toString()));
        close();
        return;
    }
    QByteArray frame;
    if (!id.isEmpty())
        frame += "id: " + id + '\n';
    frame += "event: " + type + '\n';
    for (const QByteArray &line : data.split('\n'))
        frame += "data: " + line + '\n';
    frame += '\n';
    m_socket->write(frame);
    checkOutput();
}

}  // namespace Balancier
