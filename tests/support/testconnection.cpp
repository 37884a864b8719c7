#include "testconnection.h"

#include <QEventLoop>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <vector>

using namespace Balancier;

namespace {

constexpr qint64 ReadChunk = 256 * 1024;
constexpr int ReadsPerEvent = 16;  // then let the other connections have a turn
constexpr qint64 SendChunk = 1024 * 1024;

char *scratch()
{
    // Shared by every connection of the thread: a read never outlives handleReadable().
    thread_local std::vector<char> buffer = std::vector<char>(std::size_t(ReadChunk));
    return buffer.data();
}

int family(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
}

int socketOption(SocketOps::Socket socket, int option)
{
    int value = 0;
    socklen_t length = socklen_t(sizeof value);
    if (::getsockopt(socket, SOL_SOCKET, option, reinterpret_cast<char *>(&value), &length) != 0)
        return -1;
    return value;
}

int setSocketOption(SocketOps::Socket socket, int option, int value)
{
    ::setsockopt(socket, SOL_SOCKET, option, reinterpret_cast<const char *>(&value), socklen_t(sizeof value));
    return socketOption(socket, option);
}

}  // namespace

TestConnection::TestConnection(QObject *parent)
    : QObject(parent)
{
    m_writeProgress.start();
}

TestConnection::TestConnection(SocketOps::Socket socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_state(State::Connected)
{
    m_writeProgress.start();
    setUp();
    updateNotifiers();
}

TestConnection::~TestConnection()
{
    dropNotifiers();
    if (m_socket != SocketOps::InvalidSocket)
        SocketOps::close(m_socket);
}

void TestConnection::dropNotifiers()
{
    // Possibly from inside one of their own signals: disable now, delete later.
    for (QSocketNotifier **notifier : {&m_readNotifier, &m_writeNotifier}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->deleteLater();
            *notifier = nullptr;
        }
    }
}

void TestConnection::setUp()
{
    m_readNotifier = new QSocketNotifier(m_socket, QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(m_socket, QSocketNotifier::Write, this);
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &TestConnection::handleReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &TestConnection::handleWritable);
}

bool TestConnection::connectTo(quint16 port, const QHostAddress &host, const QHostAddress &bindAddress)
{
    Q_ASSERT(m_state == State::Unconnected);
    if (m_socket == SocketOps::InvalidSocket) {
        const SocketOps::Result created = SocketOps::createTcpSocket(family(host));
        if (!created.ok()) {
            m_error = created.error;
            m_state = State::Closed;
            return false;
        }
        m_socket = created.socket();
    }
    if (!bindAddress.isNull()) {
        const SocketOps::Result bound = SocketOps::bind(m_socket, bindAddress, 0);
        if (!bound.ok()) {
            m_error = bound.error;
            close();
            return false;
        }
    }
    sockaddr_storage address{};
    socklen_t length = 0;
    SocketOps::toSockaddr(host, port, &address, &length);
    const SocketOps::Result result = SocketOps::connect(m_socket, address, length);
    if (!result.ok() && result.status != SocketOps::Status::InProgress) {
        m_error = result.error;
        close();
        return false;
    }
    SocketOps::setNoDelay(m_socket, true);
    m_state = result.ok() ? State::Connected : State::Connecting;
    setUp();
    updateNotifiers();
    return true;
}

int TestConnection::setReceiveBufferSize(int bytes)
{
    if (m_socket == SocketOps::InvalidSocket) {
        // A client before connectTo(): make the socket now so the size shapes the window.
        const SocketOps::Result created = SocketOps::createTcpSocket(AF_INET);
        if (!created.ok())
            return -1;
        m_socket = created.socket();
    }
    return setSocketOption(m_socket, SO_RCVBUF, bytes);
}

int TestConnection::setSendBufferSize(int bytes)
{
    if (m_socket == SocketOps::InvalidSocket)
        return -1;
    return setSocketOption(m_socket, SO_SNDBUF, bytes);
}

QString TestConnection::errorString() const
{
    return m_error ? SocketOps::errorString(m_error) : QString();
}

void TestConnection::write(const QByteArray &data)
{
    if (m_state == State::Closed || m_shutdownRequested)
        return;
    m_out.append(data);
    if (m_state == State::Connected) {
        bool ok = true;
        flush(&ok);
    }
    updateNotifiers();
}

void TestConnection::shutdownWrite()
{
    if (m_state == State::Closed)
        return;
    m_shutdownRequested = true;
    if (m_state == State::Connected) {
        bool ok = true;
        flush(&ok);
    }
    updateNotifiers();
}

void TestConnection::finish()
{
    m_finishRequested = true;
    shutdownWrite();
    // Defer: a caller in the middle of a signal handler must not see the object go.
    QMetaObject::invokeMethod(this, &TestConnection::closeIfDone, Qt::QueuedConnection);
}

void TestConnection::close()
{
    const bool wasOpen = m_state == State::Connecting || m_state == State::Connected;
    dropNotifiers();
    if (m_socket != SocketOps::InvalidSocket) {
        SocketOps::close(m_socket);
        m_socket = SocketOps::InvalidSocket;
    }
    m_state = State::Closed;
    if (wasOpen)
        Q_EMIT closed();
}

void TestConnection::abort()
{
    if (m_socket != SocketOps::InvalidSocket) {
        // A zero linger time turns close() into a reset.
        linger option{};
        option.l_onoff = 1;
        option.l_linger = 0;
        ::setsockopt(m_socket, SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&option),
            socklen_t(sizeof option));
    }
    close();
}

void TestConnection::setReadingPaused(bool paused)
{
    m_readingPaused = paused;
    updateNotifiers();
}

QByteArray TestConnection::takeReceived()
{
    return std::exchange(m_received, {});
}

QByteArray TestConnection::receivedChecksum() const
{
    return m_hash.resultView().toByteArray();
}

QString TestConnection::firstLine() const
{
    const qsizetype end = m_received.indexOf('\n');
    return end < 0 ? QString() : QString::fromUtf8(m_received.left(end));
}

void TestConnection::handleReadable()
{
    if (m_state != State::Connected || m_atEnd)
        return;
    bool got = false;
    bool ended = false;
    for (int i = 0; i < ReadsPerEvent; ++i) {
        char *buffer = scratch();
        const SocketOps::Result result = SocketOps::recv(m_socket, buffer, ReadChunk);
        if (!result.ok()) {
            if (result.status == SocketOps::Status::WouldBlock)
                break;
            if (got)
                Q_EMIT readyRead();
            fail(result.error);
            return;
        }
        if (result.value == 0) {
            m_atEnd = true;
            ended = true;
            break;
        }
        got = true;
        m_receivedCount += result.value;
        if (m_checksumming)
            m_hash.addData(QByteArrayView(buffer, result.value));
        if (m_keepReceived)
            m_received.append(buffer, result.value);
    }
    updateNotifiers();
    const QPointer<TestConnection> self(this);
    if (got)
        Q_EMIT readyRead();
    if (ended && self)
        Q_EMIT readFinished();
    if (self)
        closeIfDone();
}

void TestConnection::handleWritable()
{
    if (m_state == State::Connecting) {
        const int error = SocketOps::socketError(m_socket);
        if (error != 0) {
            fail(error);
            return;
        }
        m_state = State::Connected;
        updateNotifiers();
        const QPointer<TestConnection> self(this);
        Q_EMIT connected();
        if (!self || m_state != State::Connected)
            return;
    }
    if (m_state != State::Connected)
        return;
    bool ok = true;
    const qint64 sent = flush(&ok);
    if (!ok)
        return;
    updateNotifiers();
    const QPointer<TestConnection> self(this);
    if (sent > 0)
        Q_EMIT bytesWritten(sent);
    if (self)
        closeIfDone();
}

qint64 TestConnection::flush(bool *ok)
{
    qint64 total = 0;
    while (m_outOffset < m_out.size()) {
        const qint64 size = std::min<qint64>(m_out.size() - m_outOffset, SendChunk);
        const SocketOps::Result result = SocketOps::send(m_socket, m_out.constData() + m_outOffset, size);
        if (!result.ok()) {
            if (result.status == SocketOps::Status::WouldBlock)
                break;
            *ok = false;
            fail(result.error);
            return total;
        }
        m_outOffset += result.value;
        m_written += result.value;
        total += result.value;
        m_writeProgress.restart();
    }
    if (m_outOffset == m_out.size()) {
        m_out.clear();
        m_outOffset = 0;
    } else if (m_outOffset > SendChunk) {
        m_out.remove(0, m_outOffset);
        m_outOffset = 0;
    }
    if (m_shutdownRequested && !m_writeShutdown && m_out.isEmpty()) {
        SocketOps::shutdownWrite(m_socket);
        m_writeShutdown = true;
    }
    return total;
}

void TestConnection::fail(int error)
{
    m_error = error;
    const QPointer<TestConnection> self(this);
    Q_EMIT errorOccurred(error);
    if (self)
        close();
}

void TestConnection::updateNotifiers()
{
    if (!m_readNotifier)
        return;
    const bool connecting = m_state == State::Connecting;
    const bool open = m_state == State::Connected;
    m_readNotifier->setEnabled(open && !m_atEnd && !m_readingPaused);
    m_writeNotifier->setEnabled(connecting || (open && bytesToWrite() > 0));
}

void TestConnection::closeIfDone()
{
    if (m_finishRequested && m_writeShutdown && m_atEnd && m_state == State::Connected)
        close();
}

std::unique_ptr<TestConnection> TestConnection::open(quint16 port, const QHostAddress &from)
{
    auto connection = std::make_unique<TestConnection>();
    connection->connectTo(port, QHostAddress(QHostAddress::LocalHost), from);
    return connection;
}

bool TestConnection::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    // A real event loop woken by this connection's signals, not QTest::qWaitFor(),
    // which sleeps 10 ms between rounds and would cap a transfer at a few MB/s.
    if (done())
        return true;
    QEventLoop loop;
    const auto check = [&] {
        if (done())
            loop.quit();
    };
    connect(this, &TestConnection::connected, &loop, check);
    connect(this, &TestConnection::readyRead, &loop, check);
    connect(this, &TestConnection::bytesWritten, &loop, check);
    connect(this, &TestConnection::readFinished, &loop, check);
    connect(this, &TestConnection::closed, &loop, check);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

QString TestConnection::waitForLine(int timeoutMs)
{
    // Timing out is not an error here: the caller sees an empty line.
    waitUntil([this] { return m_received.contains('\n') || m_state == State::Closed || m_atEnd; }, timeoutMs);
    return firstLine();
}

bool TestConnection::waitForReceived(qint64 count, int timeoutMs)
{
    waitUntil(
        [this, count] { return m_receivedCount >= count || m_state == State::Closed || m_atEnd; }, timeoutMs);
    return m_receivedCount >= count;
}

bool TestConnection::waitForEnd(int timeoutMs)
{
    return waitUntil([this] { return m_atEnd || m_state == State::Closed; }, timeoutMs);
}

bool TestConnection::roundTrip(const QByteArray &token, int timeoutMs)
{
    if (m_state != State::Connected)
        return false;
    const qint64 before = m_receivedCount;
    write(token);
    return waitForReceived(before + token.size(), timeoutMs) && m_received.endsWith(token);
}
