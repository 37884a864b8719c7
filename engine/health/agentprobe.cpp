#include "agentprobe.h"

#include "config/address.h"
#include "health/agentanswer.h"
#include "platform/socketops.h"

#include <QHostAddress>
#include <QNetworkProxy>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Balancier {

AgentProbe::AgentProbe(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AgentProbe::handleTimeout);
}

AgentProbe::~AgentProbe() = default;

void AgentProbe::start(
    const Endpoint &endpoint, const QString &address, int port, const QByteArray &send, qint64 timeoutMs)
{
    Q_ASSERT(!m_started);
    m_started = true;
    m_send = send;
    m_timeoutMs = std::max<qint64>(timeoutMs, 1);

    m_socket = new QTcpSocket(this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    // Only one line is wanted: the socket buffers a little more than that.
    m_socket->setReadBufferSize(AgentAnswer::MaxLineBytes + 2);
    connect(m_socket, &QTcpSocket::connected, this, &AgentProbe::handleConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &AgentProbe::handleReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->error() == QAbstractSocket::RemoteHostClosedError)
            handleClosed();
        else
            finish(false, {},
                m_socket->error() == QAbstractSocket::ConnectionRefusedError ? u"connection refused"_s
                                                                             : m_socket->errorString());
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &AgentProbe::handleClosed);
    m_timer.start(std::chrono::milliseconds(m_timeoutMs));

    QHostAddress host;
    quint16 ignoredPort = 0;
    if (endpoint.isValid()
        && SocketOps::fromSockaddr(endpoint.storage, endpoint.length, &host, &ignoredPort)) {
        m_socket->connectToHost(host, quint16(port));
        return;
    }
    QString error;
    const std::optional<Address> parsed = parseAddress(address, false, &error);
    if (!parsed) {
        QMetaObject::invokeMethod(
            this,
            [this, address, error] { finish(false, {}, u"invalid address '%1': %2"_s.arg(address, error)); },
            Qt::QueuedConnection);
        return;
    }
    m_socket->connectToHost(parsed->host, quint16(port));
}

void AgentProbe::cancel()
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

void AgentProbe::handleConnected()
{
    m_connected = true;
    if (!m_send.isEmpty())
        m_socket->write(m_send);
    handleReadyRead();
}

void AgentProbe::handleReadyRead()
{
    if (m_done)
        return;
    while (m_socket->bytesAvailable() > 0) {
        char chunk[256];
        const qint64 room = AgentAnswer::MaxLineBytes + 1 - m_line.size();
        const qint64 got = m_socket->read(chunk, std::min<qint64>(qint64(sizeof chunk), room));
        if (got <= 0)
            break;
        const QByteArrayView bytes(chunk, got);
        if (const qsizetype end = bytes.indexOf('\n'); end >= 0) {
            m_line += bytes.first(end);
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            finish(true, m_line, {});
            return;
        }
        m_line += bytes;
        if (m_line.size() > AgentAnswer::MaxLineBytes) {
            finish(false, {},
                u"answer longer than %1 bytes without a line end"_s.arg(AgentAnswer::MaxLineBytes));
            return;
        }
    }
}

void AgentProbe::handleClosed()
{
    if (m_done)
        return;
    if (m_socket->bytesAvailable() > 0)
        handleReadyRead();
    if (m_done)
        return;
    // HAProxy takes a line ended by the close too.
    const QByteArray line = m_line.trimmed();
    if (line.isEmpty())
        finish(false, {}, u"closed without an answer"_s);
    else
        finish(true, m_line.endsWith('\r') ? m_line.chopped(1) : m_line, {});
}

void AgentProbe::handleTimeout()
{
    if (m_done)
        return;
    finish(false, {},
        m_connected ? u"no answer within %1 ms"_s.arg(m_timeoutMs)
                    : u"connect timeout after %1 ms"_s.arg(m_timeoutMs));
}

void AgentProbe::finish(bool ok, const QByteArray &line, const QString &error)
{
    if (m_done)
        return;
    cancel();
    Q_EMIT finished(ok, line, error);
}

}  // namespace Balancier
