#include "stubbackend.h"

#include "patternsource.h"
#include "testconnection.h"

#include <QSignalBlocker>
#include <QSocketNotifier>

using namespace Balancier;

namespace {
constexpr qint64 StreamChunk = 256 * 1024;
constexpr qint64 StreamQueue = 512 * 1024;  // keep at most this much queued per connection
}  // namespace

struct StubBackend::StreamState
{
    explicit StreamState(quint64 seed)
        : source(seed)
    { }
    PatternSource source;
};

StubBackend::StubBackend(QString name, Mode mode, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_mode(mode)
{ }

StubBackend::~StubBackend()
{
    // Receivers of connectionClosed() may be going away with us.
    const QSignalBlocker blocker(this);
    close();
    closeConnections();
}

bool StubBackend::listen(const QHostAddress &address, quint16 port)
{
    close();
    const int family = address.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
    const SocketOps::Result created = SocketOps::createTcpSocket(family);
    if (!created.ok())
        return false;
    const SocketOps::Socket socket = created.socket();
    SocketOps::setReuseAddress(socket, true);
    if (!SocketOps::bind(socket, address, port).ok() || !SocketOps::listen(socket).ok()) {
        SocketOps::close(socket);
        return false;
    }
    QHostAddress bound;
    SocketOps::localAddress(socket, &bound, &m_port);
    m_listener = socket;
    m_notifier = std::make_unique<QSocketNotifier>(socket, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &StubBackend::handleAcceptable);
    return true;
}

void StubBackend::close()
{
    m_notifier.reset();
    if (m_listener != SocketOps::InvalidSocket)
        SocketOps::close(m_listener);
    m_listener = SocketOps::InvalidSocket;
    m_port = 0;
}

void StubBackend::closeConnections()
{
    const QList<TestConnection *> open = m_open;
    for (TestConnection *connection : open)
        connection->close();  // handleClosed() forgets it
}

void StubBackend::abortConnections()
{
    const QList<TestConnection *> open = m_open;
    for (TestConnection *connection : open)
        connection->abort();
}

quint16 StubBackend::port() const
{
    return m_port;
}

QString StubBackend::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(port());
}

void StubBackend::setStream(qint64 bytes, quint64 seed)
{
    m_streamBytes = bytes;
    m_streamSeed = seed;
}

qint64 StubBackend::sentCount() const
{
    qint64 sent = m_sentByClosed;
    for (const TestConnection *connection : m_open)
        sent += connection->sentCount();
    return sent;
}

void StubBackend::handleAcceptable()
{
    for (;;) {
        const SocketOps::Result accepted = SocketOps::accept(m_listener);
        if (!accepted.ok())
            return;  // WouldBlock, or a connection that died in the queue
        auto *connection = new TestConnection(accepted.socket(), this);
        if (m_sendBufferSize > 0)
            connection->setSendBufferSize(m_sendBufferSize);
        ++m_connections;
        m_open.append(connection);
        connect(connection, &TestConnection::readyRead, this,
            [this, connection] { handleReadyRead(connection); });
        connect(connection, &TestConnection::readFinished, this,
            [this, connection] { handleReadFinished(connection); });
        connect(connection, &TestConnection::closed, this, [this, connection] { handleClosed(connection); });
        const QByteArray greeting = m_name.toUtf8() + '\n';
        switch (m_mode) {
        case Mode::NameThenEcho:
            connection->write(greeting);
            break;
        case Mode::Echo:
        case Mode::NameOnEof:
            break;
        case Mode::Silent:
            connection->setReadingPaused(true);
            break;
        case Mode::NameAndClose:
            connection->write(greeting);
            connection->shutdownWrite();
            break;
        case Mode::Stream:
            m_streams.insert(connection, std::make_shared<StreamState>(m_streamSeed));
            connect(
                connection, &TestConnection::bytesWritten, this, [this, connection] { pump(connection); });
            pump(connection);
            break;
        }
        Q_EMIT connectionAccepted();
    }
}

void StubBackend::pump(TestConnection *connection)
{
    const std::shared_ptr<StreamState> stream = m_streams.value(connection);
    if (!stream)
        return;
    PatternSource &source = stream->source;
    while (source.position() < m_streamBytes && connection->bytesToWrite() < StreamQueue
        && connection->isConnected()) {
        connection->write(source.next(std::min(StreamChunk, m_streamBytes - source.position())));
    }
    if (source.position() >= m_streamBytes) {
        m_streams.remove(connection);
        connection->finish();  // closes once the peer has ended too
    }
}

void StubBackend::handleReadyRead(TestConnection *connection)
{
    const QByteArray data = connection->takeReceived();
    m_receivedCount += data.size();
    if (m_keepReceived)
        m_received += data;
    switch (m_mode) {
    case Mode::NameThenEcho:
    case Mode::Echo:
        connection->write(data);
        break;
    case Mode::NameOnEof:
        m_requests[connection] += data;
        break;
    case Mode::NameAndClose:
    case Mode::Stream:
    case Mode::Silent:
        break;
    }
}

void StubBackend::handleReadFinished(TestConnection *connection)
{
    if (m_mode == Mode::NameOnEof) {
        const QByteArray request = m_requests.take(connection);
        connection->write(m_name.toUtf8() + ':' + QByteArray::number(request.size()) + '\n' + request);
    }
    if (m_mode == Mode::Stream && m_streams.contains(connection))
        return;  // the stream goes on; pump() finishes the connection
    connection->finish();
}

void StubBackend::handleClosed(TestConnection *connection)
{
    m_open.removeOne(connection);
    m_requests.remove(connection);
    m_streams.remove(connection);
    m_sentByClosed += connection->sentCount();
    connection->deleteLater();
    Q_EMIT connectionClosed();
}
