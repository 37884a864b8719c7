#include "platform/socketops.h"

#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTest>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

#ifdef Q_OS_WIN
constexpr int ConnectionRefused = WSAECONNREFUSED;
constexpr int AddressInUse = WSAEADDRINUSE;
#else
constexpr int ConnectionRefused = ECONNREFUSED;
constexpr int AddressInUse = EADDRINUSE;
#endif

/// Closes the socket when the test leaves, whatever the outcome.
class ScopedSocket
{
    Q_DISABLE_COPY_MOVE(ScopedSocket)

public:
    explicit ScopedSocket(SocketOps::Socket socket = SocketOps::InvalidSocket)
        : m_socket(socket)
    { }
    ~ScopedSocket() { reset(); }

    SocketOps::Socket get() const { return m_socket; }
    bool isValid() const { return m_socket != SocketOps::InvalidSocket; }
    void reset(SocketOps::Socket socket = SocketOps::InvalidSocket)
    {
        if (isValid())
            SocketOps::close(m_socket);
        m_socket = socket;
    }

private:
    SocketOps::Socket m_socket;
};

/// Waits, without sleeping, until the event loop reports the socket ready.
bool waitFor(SocketOps::Socket socket, QSocketNotifier::Type type, int timeout = 5000)
{
    QSocketNotifier notifier(socket, type);
    QSignalSpy spy(&notifier, &QSocketNotifier::activated);
    return spy.wait(timeout);
}

SocketOps::Result recvAll(SocketOps::Socket socket, QByteArray *data)
{
    char buffer[4096];
    for (;;) {
        const SocketOps::Result result = SocketOps::recv(socket, buffer, sizeof buffer);
        if (!result.ok() || result.value == 0)
            return result;
        data->append(buffer, result.value);
    }
}

}  // namespace

class tst_SocketOps : public QObject
{
    Q_OBJECT

private:
    /// A listener on 127.0.0.1, port chosen by the OS.
    bool makeListener(ScopedSocket *listener, quint16 *port);
    /// A connected pair through `listener`: client side and accepted side.
    bool makeConnection(ScopedSocket *client, ScopedSocket *server);

private slots:
    void createSocket_data();
    void createSocket();
    void nonBlockingConnect();
    void connectRefused();
    void acceptWouldBlock();
    void recvWouldBlock();
    void sendUntilWouldBlock();
    void shutdownWriteGivesEof();
    void acceptedSocketInheritsNoDelay();
    void reusePort();
    void addressConversion_data();
    void addressConversion();
    void anyAddressIsDualStack();
    void nullAddressIsRejected();
    void errorString();
    void raiseFileLimit();
    void tooManyFiles();
};

bool tst_SocketOps::makeListener(ScopedSocket *listener, quint16 *port)
{
    const SocketOps::Result created = SocketOps::createTcpSocket(AF_INET);
    if (!created.ok())
        return false;
    listener->reset(created.socket());
    if (!SocketOps::setReuseAddress(listener->get(), true).ok())
        return false;
    if (!SocketOps::bind(listener->get(), QHostAddress::LocalHost, 0).ok())
        return false;
    if (!SocketOps::listen(listener->get()).ok())
        return false;
    QHostAddress address;
    return SocketOps::localAddress(listener->get(), &address, port) && address == QHostAddress::LocalHost
        && *port != 0;
}

bool tst_SocketOps::makeConnection(ScopedSocket *client, ScopedSocket *server)
{
    ScopedSocket listener;
    quint16 port = 0;
    if (!makeListener(&listener, &port))
        return false;
    const SocketOps::Result created = SocketOps::createTcpSocket(AF_INET);
    if (!created.ok())
        return false;
    client->reset(created.socket());
    sockaddr_storage address{};
    socklen_t length = 0;
    if (!SocketOps::toSockaddr(QHostAddress::LocalHost, port, &address, &length))
        return false;
    const SocketOps::Result connecting = SocketOps::connect(client->get(), address, length);
    if (connecting.status != SocketOps::Status::Ok && connecting.status != SocketOps::Status::InProgress)
        return false;
    if (!waitFor(listener.get(), QSocketNotifier::Read))
        return false;
    const SocketOps::Result accepted = SocketOps::accept(listener.get());
    if (!accepted.ok())
        return false;
    server->reset(accepted.socket());
    return waitFor(client->get(), QSocketNotifier::Write) && SocketOps::socketError(client->get()) == 0;
}

void tst_SocketOps::createSocket_data()
{
    QTest::addColumn<int>("family");
    QTest::newRow("IPv4") << int(AF_INET);
    QTest::newRow("IPv6") << int(AF_INET6);
}

void tst_SocketOps::createSocket()
{
    QFETCH(int, family);
    const SocketOps::Result created = SocketOps::createTcpSocket(family);
    if (family == AF_INET6 && created.status == SocketOps::Status::Error)
        QSKIP("no IPv6 on this host");
    QVERIFY2(created.ok(), qPrintable(SocketOps::errorString(created.error)));
    ScopedSocket socket(created.socket());
    QVERIFY(socket.get() >= 0);

    QVERIFY(SocketOps::setNoDelay(socket.get(), true).ok());
    QVERIFY(SocketOps::setReuseAddress(socket.get(), true).ok());
    if (family == AF_INET6)
        QVERIFY(SocketOps::setIpv6Only(socket.get(), false).ok());

#ifdef Q_OS_UNIX
    const int fd = int(socket.get());
    QVERIFY(::fcntl(fd, F_GETFL) & O_NONBLOCK);
    QVERIFY(::fcntl(fd, F_GETFD) & FD_CLOEXEC);
    int noDelay = 0;
    socklen_t length = sizeof noDelay;
    QCOMPARE(::getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &noDelay, &length), 0);
    QCOMPARE(noDelay, 1);
#endif
}

void tst_SocketOps::nonBlockingConnect()
{
    ScopedSocket listener;
    quint16 port = 0;
    QVERIFY(makeListener(&listener, &port));

    const SocketOps::Result created = SocketOps::createTcpSocket(AF_INET);
    QVERIFY(created.ok());
    ScopedSocket client(created.socket());
    sockaddr_storage address{};
    socklen_t length = 0;
    QVERIFY(SocketOps::toSockaddr(QHostAddress::LocalHost, port, &address, &length));
    const SocketOps::Result connecting = SocketOps::connect(client.get(), address, length);
    QVERIFY2(connecting.status == SocketOps::Status::InProgress || connecting.status == SocketOps::Status::Ok,
        qPrintable(SocketOps::errorString(connecting.error)));

    QVERIFY(waitFor(client.get(), QSocketNotifier::Write));
    QCOMPARE(SocketOps::socketError(client.get()), 0);
    QVERIFY(waitFor(listener.get(), QSocketNotifier::Read));

    sockaddr_storage peer{};
    socklen_t peerLength = 0;
    const SocketOps::Result accepted = SocketOps::accept(listener.get(), &peer, &peerLength);
    QVERIFY2(accepted.ok(), qPrintable(SocketOps::errorString(accepted.error)));
    ScopedSocket server(accepted.socket());
#ifdef Q_OS_UNIX
    QVERIFY(::fcntl(int(server.get()), F_GETFL) & O_NONBLOCK);
    QVERIFY(::fcntl(int(server.get()), F_GETFD) & FD_CLOEXEC);
#endif

    // Both ends agree on the addresses, in every form the seam offers.
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    QVERIFY(SocketOps::fromSockaddr(peer, peerLength, &peerAddress, &peerPort));
    QHostAddress clientAddress;
    quint16 clientPort = 0;
    QVERIFY(SocketOps::localAddress(client.get(), &clientAddress, &clientPort));
    QCOMPARE(peerAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(peerPort, clientPort);
    QCOMPARE(SocketOps::peerAddressString(server.get()), SocketOps::localAddressString(client.get()));
    QCOMPARE(SocketOps::peerAddressString(client.get()), u"127.0.0.1:"_s + QString::number(port));

    const SocketOps::Result sent = SocketOps::send(client.get(), "ping", 4);
    QVERIFY(sent.ok());
    QCOMPARE(sent.value, 4);
    QVERIFY(waitFor(server.get(), QSocketNotifier::Read));
    char buffer[16];
    const SocketOps::Result received = SocketOps::recv(server.get(), buffer, sizeof buffer);
    QVERIFY(received.ok());
    QCOMPARE(QByteArray(buffer, received.value), QByteArrayLiteral("ping"));
}

void tst_SocketOps::connectRefused()
{
    // A bound socket that does not listen reserves a port nobody accepts on.
    const SocketOps::Result reserved = SocketOps::createTcpSocket(AF_INET);
    QVERIFY(reserved.ok());
    ScopedSocket placeholder(reserved.socket());
    QVERIFY(SocketOps::bind(placeholder.get(), QHostAddress::LocalHost, 0).ok());
    quint16 port = 0;
    QVERIFY(SocketOps::localAddress(placeholder.get(), nullptr, &port));
    QVERIFY(port != 0);

    const SocketOps::Result created = SocketOps::createTcpSocket(AF_INET);
    QVERIFY(created.ok());
    ScopedSocket client(created.socket());
    sockaddr_storage address{};
    socklen_t length = 0;
    QVERIFY(SocketOps::toSockaddr(QHostAddress::LocalHost, port, &address, &length));
    const SocketOps::Result connecting = SocketOps::connect(client.get(), address, length);
    if (connecting.status == SocketOps::Status::Error) {
        QCOMPARE(connecting.error, ConnectionRefused);  // refused at once, also legal
        return;
    }
    QCOMPARE(connecting.status, SocketOps::Status::InProgress);
    QVERIFY(waitFor(client.get(), QSocketNotifier::Write));
    const int error = SocketOps::socketError(client.get());
    QCOMPARE(error, ConnectionRefused);
    QVERIFY(!SocketOps::errorString(error).isEmpty());
}

void tst_SocketOps::acceptWouldBlock()
{
    ScopedSocket listener;
    quint16 port = 0;
    QVERIFY(makeListener(&listener, &port));
    const SocketOps::Result accepted = SocketOps::accept(listener.get());
    QCOMPARE(accepted.status, SocketOps::Status::WouldBlock);
    QVERIFY(!accepted.ok());
}

void tst_SocketOps::recvWouldBlock()
{
    ScopedSocket client;
    ScopedSocket server;
    QVERIFY(makeConnection(&client, &server));
    char buffer[16];
    QCOMPARE(SocketOps::recv(server.get(), buffer, sizeof buffer).status, SocketOps::Status::WouldBlock);
    QCOMPARE(SocketOps::recv(client.get(), buffer, sizeof buffer).status, SocketOps::Status::WouldBlock);
}

void tst_SocketOps::sendUntilWouldBlock()
{
    ScopedSocket client;
    ScopedSocket server;
    QVERIFY(makeConnection(&client, &server));
    // Nobody reads: the socket buffers fill up and send() must say so
    // instead of blocking the thread.
    const QByteArray chunk(64 * 1024, 'x');
    qint64 total = 0;
    SocketOps::Result result;
    for (int i = 0; i < 4096; ++i) {
        result = SocketOps::send(client.get(), chunk.constData(), chunk.size());
        if (!result.ok())
            break;
        total += result.value;
    }
    QCOMPARE(result.status, SocketOps::Status::WouldBlock);
    QVERIFY(total > 0);

    // What was accepted arrives intact.
    QByteArray received;
    while (received.size() < total) {
        const SocketOps::Result read = recvAll(server.get(), &received);
        QCOMPARE(read.status, SocketOps::Status::WouldBlock);
        if (received.size() < total)
            QVERIFY(waitFor(server.get(), QSocketNotifier::Read));
    }
    QCOMPARE(received.size(), total);
    QCOMPARE(received.count('x'), total);
}

void tst_SocketOps::shutdownWriteGivesEof()
{
    ScopedSocket client;
    ScopedSocket server;
    QVERIFY(makeConnection(&client, &server));

    QVERIFY(SocketOps::send(client.get(), "last", 4).ok());
    QVERIFY(SocketOps::shutdownWrite(client.get()).ok());

    // The peer reads the data, then end of stream...
    QByteArray received;
    SocketOps::Result read;
    do {
        QVERIFY(waitFor(server.get(), QSocketNotifier::Read));
        read = recvAll(server.get(), &received);
    } while (read.status == SocketOps::Status::WouldBlock);
    QVERIFY(read.ok());
    QCOMPARE(read.value, 0);
    QCOMPARE(received, QByteArrayLiteral("last"));

    // ...while the other direction still works.
    QVERIFY(SocketOps::send(server.get(), "reply", 5).ok());
    QVERIFY(waitFor(client.get(), QSocketNotifier::Read));
    char buffer[16];
    const SocketOps::Result reply = SocketOps::recv(client.get(), buffer, sizeof buffer);
    QVERIFY(reply.ok());
    QCOMPARE(QByteArray(buffer, reply.value), QByteArrayLiteral("reply"));

    // Writing after the half-close fails with an error, not a signal.
    const SocketOps::Result late = SocketOps::send(client.get(), "x", 1);
    QCOMPARE(late.status, SocketOps::Status::Error);
#ifdef Q_OS_UNIX
    QCOMPARE(late.error, EPIPE);
#endif
}

// The acceptor relies on it to skip a setsockopt() per connection.
void tst_SocketOps::acceptedSocketInheritsNoDelay()
{
    if (!SocketOps::AcceptInheritsNoDelay)
        QSKIP("accepted sockets do not inherit TCP_NODELAY here; the acceptor sets it");
    for (const bool noDelay : {true, false}) {
        ScopedSocket listener;
        quint16 port = 0;
        QVERIFY(makeListener(&listener, &port));
        QVERIFY(SocketOps::setNoDelay(listener.get(), noDelay).ok());
        const SocketOps::Result created = SocketOps::createTcpSocket(AF_INET);
        QVERIFY(created.ok());
        ScopedSocket client(created.socket());
        sockaddr_storage address{};
        socklen_t length = 0;
        QVERIFY(SocketOps::toSockaddr(QHostAddress::LocalHost, port, &address, &length));
        SocketOps::connect(client.get(), address, length);
        QVERIFY(waitFor(listener.get(), QSocketNotifier::Read));
        const SocketOps::Result accepted = SocketOps::accept(listener.get());
        QVERIFY(accepted.ok());
        ScopedSocket server(accepted.socket());
        int value = -1;
        socklen_t size = sizeof value;
        QCOMPARE(::getsockopt(int(server.get()), IPPROTO_TCP, TCP_NODELAY, &value, &size), 0);
        QCOMPARE(value != 0, noDelay);
    }
}

void tst_SocketOps::reusePort()
{
    const SocketOps::Result first = SocketOps::createTcpSocket(AF_INET);
    QVERIFY(first.ok());
    ScopedSocket a(first.socket());
    if (!SocketOps::supportsReusePort()) {
        QCOMPARE(SocketOps::setReusePort(a.get(), true).status, SocketOps::Status::Error);
        QSKIP("SO_REUSEPORT balancing is Linux-only");
    }
    QVERIFY(SocketOps::setReusePort(a.get(), true).ok());
    QVERIFY(SocketOps::bind(a.get(), QHostAddress::LocalHost, 0).ok());
    QVERIFY(SocketOps::listen(a.get()).ok());
    quint16 port = 0;
    QVERIFY(SocketOps::localAddress(a.get(), nullptr, &port));

    const SocketOps::Result second = SocketOps::createTcpSocket(AF_INET);
    QVERIFY(second.ok());
    ScopedSocket b(second.socket());
    QVERIFY(SocketOps::setReusePort(b.get(), true).ok());
    const SocketOps::Result bound = SocketOps::bind(b.get(), QHostAddress::LocalHost, port);
    QVERIFY2(bound.ok(), qPrintable(SocketOps::errorString(bound.error)));
    QVERIFY(SocketOps::listen(b.get()).ok());

    // Without the option the port is taken.
    const SocketOps::Result third = SocketOps::createTcpSocket(AF_INET);
    QVERIFY(third.ok());
    ScopedSocket c(third.socket());
    const SocketOps::Result refused = SocketOps::bind(c.get(), QHostAddress::LocalHost, port);
    QCOMPARE(refused.status, SocketOps::Status::Error);
    QCOMPARE(refused.error, AddressInUse);
}

void tst_SocketOps::addressConversion_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<quint16>("port");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("text");

    QTest::newRow("IPv4 loopback") << u"127.0.0.1"_s << quint16(80) << int(AF_INET) << u"127.0.0.1:80"_s;
    QTest::newRow("IPv4 high port") << u"10.1.2.3"_s << quint16(65535) << int(AF_INET) << u"10.1.2.3:65535"_s;
    QTest::newRow("IPv6 loopback") << u"::1"_s << quint16(443) << int(AF_INET6) << u"[::1]:443"_s;
    QTest::newRow("IPv6 any") << u"::"_s << quint16(8080) << int(AF_INET6) << u"[::]:8080"_s;
    QTest::newRow("IPv4-mapped shown as IPv4")
        << u"::ffff:10.1.2.3"_s << quint16(8080) << int(AF_INET6) << u"10.1.2.3:8080"_s;
    QTest::newRow("IPv6 with scope") << u"fe80::1%1"_s << quint16(22) << int(AF_INET6) << u"[fe80::1%1]:22"_s;
}

void tst_SocketOps::addressConversion()
{
    QFETCH(QString, address);
    QFETCH(quint16, port);
    QFETCH(int, family);
    QFETCH(QString, text);

    const QHostAddress host(address);
    QVERIFY(!host.isNull());
    sockaddr_storage storage{};
    socklen_t length = 0;
    QVERIFY(SocketOps::toSockaddr(host, port, &storage, &length));
    QCOMPARE(int(storage.ss_family), family);
    QCOMPARE(length, socklen_t(family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6)));

    QHostAddress back;
    quint16 backPort = 0;
    QVERIFY(SocketOps::fromSockaddr(storage, length, &back, &backPort));
    QCOMPARE(back, host);
    QCOMPARE(backPort, port);
    QCOMPARE(SocketOps::addressToString(back, backPort), text);
}

void tst_SocketOps::anyAddressIsDualStack()
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    QVERIFY(SocketOps::toSockaddr(QHostAddress::Any, 9, &storage, &length));
    QCOMPARE(int(storage.ss_family), int(AF_INET6));
    QVERIFY(SocketOps::toSockaddr(QHostAddress::AnyIPv4, 9, &storage, &length));
    QCOMPARE(int(storage.ss_family), int(AF_INET));
}

void tst_SocketOps::nullAddressIsRejected()
{
    sockaddr_storage storage{};
    socklen_t length = 7;
    QVERIFY(!SocketOps::toSockaddr(QHostAddress(), 80, &storage, &length));
    QCOMPARE(length, socklen_t(0));
    QVERIFY(!SocketOps::fromSockaddr(storage, length, nullptr, nullptr));
    QVERIFY(SocketOps::addressToString(QHostAddress(), 80).isEmpty());

    const SocketOps::Result created = SocketOps::createTcpSocket(AF_INET);
    QVERIFY(created.ok());
    ScopedSocket socket(created.socket());
    QCOMPARE(SocketOps::bind(socket.get(), QHostAddress(), 80).status, SocketOps::Status::Error);
    // An unbound, unconnected socket has no peer to name.
    QVERIFY(SocketOps::peerAddressString(socket.get()).isEmpty());
}

void tst_SocketOps::errorString()
{
    const QString refused = SocketOps::errorString(ConnectionRefused);
    QVERIFY2(refused.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(refused));
    QVERIFY(!SocketOps::errorString(987654).isEmpty());
}

void tst_SocketOps::raiseFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit before{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &before), 0);
    const qint64 raised = SocketOps::raiseFileLimit();
    QVERIFY(raised >= qint64(before.rlim_cur));
    rlimit after{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &after), 0);
    QCOMPARE(raised, qint64(after.rlim_cur));
#ifdef Q_OS_LINUX
    QCOMPARE(after.rlim_cur, after.rlim_max);
#endif
    // Idempotent, and never lowers it.
    QCOMPARE(SocketOps::raiseFileLimit(), raised);
#else
    QVERIFY(SocketOps::raiseFileLimit() > 0);
#endif
}

void tst_SocketOps::tooManyFiles()
{
#ifdef Q_OS_UNIX
    ScopedSocket listener;
    quint16 port = 0;
    QVERIFY(makeListener(&listener, &port));
    const SocketOps::Result created = SocketOps::createTcpSocket(AF_INET);
    QVERIFY(created.ok());
    ScopedSocket client(created.socket());
    sockaddr_storage address{};
    socklen_t length = 0;
    QVERIFY(SocketOps::toSockaddr(QHostAddress::LocalHost, port, &address, &length));
    SocketOps::connect(client.get(), address, length);
    QVERIFY(waitFor(listener.get(), QSocketNotifier::Read));

    // Lower the soft limit to the next free descriptor number, so the next
    // descriptor cannot be allocated; restore it whatever happens.
    rlimit original{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &original), 0);
    const int probe = ::dup(0);
    QVERIFY(probe >= 0);
    ::close(probe);
    rlimit lowered = original;
    lowered.rlim_cur = rlim_t(probe);
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
    const SocketOps::Result accepted = SocketOps::accept(listener.get());
    const SocketOps::Result socket = SocketOps::createTcpSocket(AF_INET);
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &original), 0);
    if (accepted.ok())
        SocketOps::close(accepted.socket());
    if (socket.ok())
        SocketOps::close(socket.socket());

    QCOMPARE(accepted.status, SocketOps::Status::TooManyFiles);
    QCOMPARE(accepted.error, EMFILE);
    QCOMPARE(socket.status, SocketOps::Status::TooManyFiles);

    // The pending connection is still there once descriptors are available.
    const SocketOps::Result retried = SocketOps::accept(listener.get());
    QVERIFY(retried.ok());
    SocketOps::close(retried.socket());
#else
    QSKIP("POSIX descriptor limits only");
#endif
}

QTEST_GUILESS_MAIN(tst_SocketOps)
#include "tst_socketops.moc"
