#include "healthprobe.h"

#include "config/address.h"
#include "platform/socketops.h"

#include <QHostAddress>
#include <QNetworkProxy>
#include <QTcpSocket>

namespace Balancier {

namespace {

// Bytes kept beyond the expected prefix, for error messages.
constexpr qsizetype ReplyContext = 40;

QString lowerFirst(QString text)
{
    if (!text.isEmpty() && text.at(0).isUpper() && (text.size() < 2 || !text.at(1).isUpper()))
        text[0] = text.at(0).toLower();
    return text;
}

}  // namespace

HealthProbe::HealthProbe(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HealthProbe::handleTimeout);
}

HealthProbe::~HealthProbe() = default;

void HealthProbe::start(const Endpoint &endpoint, const QString &address, const QByteArray &send,
    const QByteArray &expect, qint64 timeoutMs)
{
    Q_ASSERT(!m_started);
    m_started = true;
    m_send = send;
    m_expect = expect;
    m_timeoutMs = std::max<qint64>(timeoutMs, 1);
    m_clock.start();

    m_socket = new QTcpSocket(this);
    // A health check goes straight to the backend, whatever the application proxy.
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QTcpSocket::connected, this, &HealthProbe::handleConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &HealthProbe::handleReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HealthProbe::handleBytesWritten);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HealthProbe::handleSocketError);
    connect(m_socket, &QTcpSocket::disconnected, this, &HealthProbe::handleDisconnected);
    m_timer.start(std::chrono::milliseconds(m_timeoutMs));

    QHostAddress host;
    quint16 port = 0;
    if (endpoint.isValid() && SocketOps::fromSockaddr(endpoint.storage, endpoint.length, &host, &port)) {
        m_target = SocketOps::addressToString(host, port);
        m_socket->connectToHost(host, port);
        return;
    }
    m_target = address;
    QString error;
    const std::optional<Address> parsed = parseAddress(address, false, &error);
    if (!parsed) {
        // finished() must never come from inside start(): the caller is still
        // setting up its bookkeeping.
        QMetaObject::invokeMethod(
            this,
            [this, address, error] {
                finish(false, QStringLiteral("invalid address '%1': %2").arg(address, error));
            },
            Qt::QueuedConnection);
        return;
    }
    m_lookupName = parsed->host;
    m_socket->connectToHost(parsed->host, parsed->port);
}

void HealthProbe::cancel()
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

QString HealthProbe::describeBytes(const QByteArray &bytes, int limit)
{
    QString text;
    const qsizetype shown = std::min<qsizetype>(bytes.size(), limit);
    for (qsizetype i = 0; i < shown; ++i) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        switch (c) {
        case '\r':
            text += QStringLiteral("\\r");
            break;
        case '\n':
            text += QStringLiteral("\\n");
            break;
        case '\t':
            text += QStringLiteral("\\t");
            break;
        case '\\':
            text += QStringLiteral("\\\\");
            break;
        case '"':
            text += QStringLiteral("\\\"");
            break;
        default:
            if (c >= 0x20 && c < 0x7f)
                text += QLatin1Char(static_cast<char>(c));
            else
                text += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        }
    }
    if (bytes.size() > shown)
        text += QStringLiteral("...");
    return QLatin1Char('"') + text + QLatin1Char('"');
}

void HealthProbe::handleConnected()
{
    m_connected = true;
    if (!m_send.isEmpty()) {
        m_socket->write(m_send);
        // Without an expectation, success means the backend took the request;
        // wait for the write to complete (handleBytesWritten).
        return;
    }
    if (m_expect.isEmpty()) {
        finish(true, QStringLiteral("ok"));
        return;
    }
    // A reply may already be buffered.
    handleReadyRead();
}

void HealthProbe::handleBytesWritten()
{
    if (m_expect.isEmpty() && m_socket->bytesToWrite() == 0)
        finish(true, QStringLiteral("ok"));
}

void HealthProbe::handleReadyRead()
{
    if (m_done || m_expect.isEmpty()) {
        m_socket->readAll();  // not interested; keep the buffer small
        return;
    }
    // Keep a little more than the expectation so that a mismatch can show
    // what the backend said ("-ERR busy"), not just as many bytes as expected.
    const qsizetype keep = m_expect.size() + ReplyContext;
    m_reply += m_socket->read(std::max<qsizetype>(keep - m_reply.size(), 0));
    const qsizetype compared = std::min(m_reply.size(), m_expect.size());
    if (m_reply.left(compared) != m_expect.left(compared)) {
        finish(false,
            QStringLiteral("expected %1, got %2").arg(describeBytes(m_expect), describeBytes(m_reply)));
        return;
    }
    if (compared == m_expect.size())
        finish(true, QStringLiteral("ok"));
}

void HealthProbe::handleSocketError()
{
    if (m_done)
        return;
    // The backend closing after a complete expected reply is handled in
    // handleReadyRead before this runs; anything else here is a failure.
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError) {
        handleDisconnected();
        return;
    }
    finish(false, socketErrorText());
}

void HealthProbe::handleDisconnected()
{
    if (m_done)
        return;
    // Drain whatever arrived with the close before judging.
    if (m_socket->bytesAvailable() > 0)
        handleReadyRead();
    if (m_done)
        return;
    if (!m_expect.isEmpty())
        finish(false,
            QStringLiteral("connection closed before the expected reply: expected %1, got %2")
                .arg(describeBytes(m_expect), describeBytes(m_reply)));
    else
        finish(false, QStringLiteral("connection closed by the backend"));
}

void HealthProbe::handleTimeout()
{
    if (m_done)
        return;
    if (!m_connected)
        finish(false, QStringLiteral("connect timeout after %1 ms").arg(m_timeoutMs));
    else if (!m_expect.isEmpty())
        finish(false,
            QStringLiteral("timeout after %1 ms: expected %2, got %3")
                .arg(QString::number(m_timeoutMs), describeBytes(m_expect), describeBytes(m_reply)));
    else
        finish(false, QStringLiteral("timeout after %1 ms sending the request").arg(m_timeoutMs));
}

void HealthProbe::finish(bool ok, const QString &detail)
{
    if (m_done)
        return;
    cancel();
    Q_EMIT finished(ok, detail);
}

QString HealthProbe::socketErrorText() const
{
    switch (m_socket->error()) {
    case QAbstractSocket::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QAbstractSocket::HostNotFoundError:
        return QStringLiteral("cannot resolve '%1': %2")
            .arg(m_lookupName.isEmpty() ? m_target : m_lookupName, lowerFirst(m_socket->errorString()));
    case QAbstractSocket::SocketTimeoutError:
        return QStringLiteral("connect timeout");
    case QAbstractSocket::RemoteHostClosedError:
        return QStringLiteral("connection closed by the backend");
    default:
        return lowerFirst(m_socket->errorString());
    }
}

}  // namespace Balancier
