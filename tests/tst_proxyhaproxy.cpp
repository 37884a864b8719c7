// The PROXY protocol end to end over real sockets: a real HAProxy (Debian's
// /usr/sbin/haproxy, started with a generated config and killed by PID)
// as the sender in front of Balancier and as the receiver behind it; and,
// without HAProxy, the refusals (untrusted peer, timeout, garbage,
// truncated header), the header replayed on failover, and the health
// probes' LOCAL / UNKNOWN headers.

#include "admin/adminformats.h"
#include "admintestbed.h"
#include "engine.h"
#include "net/proxyprotocol.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

const QString HaproxyPath = u"/usr/sbin/haproxy"_s;
const QHostAddress OtherClient(u"127.0.0.2"_s);  // the "real" client, apart from HAProxy's 127.0.0.1

/// `count` distinct free ports on 127.0.0.1: all held open at once while
/// they are chosen, so that no two are the same (the system may hand a
/// port just released out again).
QList<quint16> freePorts(int count)
{
    std::vector<std::unique_ptr<StubBackend>> held;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        held.push_back(std::make_unique<StubBackend>(u"port"_s));
        ports.append(held.back()->listen() ? held.back()->port() : 0);
    }
    return ports;
}

/// HAProxy in the foreground with a generated config, stopped by PID.
class Haproxy final
{
public:
    Haproxy() = default;
    ~Haproxy() { stop(); }
    Q_DISABLE_COPY_MOVE(Haproxy)

    /// `body`: frontends and backends. A readiness frontend on `readyPort`
    /// is added: once it accepts, every bind is in place.
    bool start(const QString &body, quint16 readyPort)
    {
        if (!m_dir.isValid())
            return false;
        m_readyPort = readyPort;
        const QString config = u"global\n"
                               u"    maxconn 100\n"
                               u"defaults\n"
                               u"    mode tcp\n"
                               u"    timeout connect 5s\n"
                               u"    timeout client 30s\n"
                               u"    timeout server 30s\n"
                               u"frontend ready\n"
                               u"    bind 127.0.0.1:%1\n"
                               u"    tcp-request connection reject\n"_s.arg(m_readyPort)
            + body;
        QFile file(m_dir.filePath(u"haproxy.cfg"_s));
        if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0)
            return false;
        file.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(HaproxyPath, {u"-db"_s, u"-f"_s, file.fileName()});
        return m_process.waitForStarted(5000);
    }

    /// Its readiness frontend accepts: every bind is in place.
    bool isReady()
    {
        if (m_process.state() != QProcess::Running) {
            qWarning().noquote() << "haproxy exited:" << m_process.readAll();
            return false;
        }
        if (m_process.bytesAvailable() > 0)
            qInfo().noquote() << "haproxy:" << m_process.readAll();
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_readyPort);
        return probe.waitForConnected(200);
    }

    /// Waits (the event loop runs) until isReady(), at most `timeoutMs`.
    bool waitUntilReady(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (!isReady()) {
            if (clock.elapsed() > timeoutMs || m_process.state() != QProcess::Running)
                return false;
            QTest::qWait(20);
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();  // SIGKILL to the PID we started
        m_process.waitForFinished(5000);
    }

    QByteArray output() { return m_process.readAll(); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_readyPort = 0;
};

/// "PROXY TCP4 <src> <dst> <sport> <dport>\r\n" at the start of `bytes`, parsed.
std::optional<ProxyProtocol::Header> headerAt(const QByteArray &bytes, qsizetype *length = nullptr)
{
    ProxyProtocol::Parser parser;
    if (parser.feed(bytes.constData(), bytes.size()) != ProxyProtocol::Parser::Status::Done)
        return std::nullopt;
    if (length)
        *length = parser.header().length;
    return parser.header();
}

quint16 localPort(const TestConnection &connection)
{
    QHostAddress address;
    quint16 port = 0;
    SocketOps::localAddress(connection.socket(), &address, &port);
    return port;
}

std::unique_ptr<TestConnection> connectFrom(quint16 port, const QHostAddress &from)
{
    auto connection = std::make_unique<TestConnection>();
    if (!connection->connectTo(port, QHostAddress(QHostAddress::LocalHost), from))
        return nullptr;
    return connection;
}

ListenerProxyConfig acceptOptions(
    const QString &listener, quint8 versions, const QStringList &trusted, qint64 timeoutMs = 3000)
{
    ListenerProxyConfig options;
    options.listener = listener;
    options.versions = versions;
    options.trusted = trusted;
    options.timeoutMs = timeoutMs;
    return options;
}

qint64 refused(const Engine &engine, const QString &code)
{
    const StatsSnapshot snapshot = engine.snapshot();
    const ServiceStats *service = snapshot.service(u"svc");
    return service ? service->refused.value(code) : -1;
}

}  // namespace

class tst_ProxyHaproxy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void haproxySendsToUs_data();
    void haproxySendsToUs();
    void weSendToHaproxy_data();
    void weSendToHaproxy();
    void untrustedPeerRefused();
    void refusedHeaders_data();
    void refusedHeaders();
    void headerTimeout();
    void headerThenDataInOneWrite();
    void failoverReplaysHeader();
    void healthProbeSendsLocal_data();
    void healthProbeSendsLocal();
    void listenerOptionsChangeLive();
    void ipv6Listener();
    void sendModeChangesLive();
    void adminApi();
};

void tst_ProxyHaproxy::haproxySendsToUs_data()
{
    QTest::addColumn<QString>("sendProxy");
    QTest::newRow("send-proxy-v2") << u"send-proxy-v2"_s;
    QTest::newRow("send-proxy") << u"send-proxy"_s;
}

void tst_ProxyHaproxy::haproxySendsToUs()
{
    if (!QFile::exists(HaproxyPath))
        QSKIP("haproxy is not installed (tools/deps.sh installs it)");
    QFETCH(QString, sendProxy);

    // client 127.0.0.2 -> HAProxy (send-proxy[-v2]) -> Balancier (acceptproxy,
    // proxy="v1" on) -> stub: the stub must see 127.0.0.2 and the client's port.
    StubBackend stub(u"s"_s, StubBackend::Mode::Echo);
    QVERIFY(stub.listen());
    Engine engine;
    Config config = ProxyConfig::make({ProxyConfig::host(u"s"_s, stub.address())});
    config.services[0].groups[0].proxy = ProxySendMode::V1;
    config.services[0].listenerProxy = {
        acceptOptions(u"127.0.0.1:0"_s, ListenerProxyConfig::V1 | ListenerProxyConfig::V2, {u"127.0.0.1"_s})};
    const quint16 balancier = ProxyConfig::start(engine, config);
    QVERIFY(balancier);

    const QList<quint16> ports = freePorts(2);
    const quint16 front = ports.at(0);
    Haproxy haproxy;
    QVERIFY(haproxy.start(u"frontend fe\n    bind 127.0.0.1:%1\n    default_backend be\n"
                          u"backend be\n    server b 127.0.0.1:%2 %3\n"_s.arg(front)
                              .arg(balancier)
                              .arg(sendProxy),
        ports.at(1)));
    QVERIFY(haproxy.waitUntilReady(20000));

    const std::unique_ptr<TestConnection> client = connectFrom(front, OtherClient);
    QVERIFY(client);
    QTRY_VERIFY(client->isConnected());
    client->write("hello through two proxies");
    QTRY_VERIFY(stub.received().endsWith("hello through two proxies"));
    qsizetype length = 0;
    const std::optional<ProxyProtocol::Header> header = headerAt(stub.received(), &length);
    QVERIFY2(header, stub.received().left(120).constData());
    QCOMPARE(header->version, 1);
    QCOMPARE(header->source.addressString(), u"127.0.0.2"_s);
    QCOMPARE(header->source.port, localPort(*client));
    // The destination is where the client connected: HAProxy's frontend.
    QCOMPARE(header->destination.port, front);
    QCOMPARE(stub.received().mid(length), QByteArray("hello through two proxies"));
    QCOMPARE(refused(engine, u"proxy-bad-header"_s), 0);
}

void tst_ProxyHaproxy::weSendToHaproxy_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("v2") << int(ProxySendMode::V2);
    QTest::newRow("v1") << int(ProxySendMode::V1);
}

void tst_ProxyHaproxy::weSendToHaproxy()
{
    if (!QFile::exists(HaproxyPath))
        QSKIP("haproxy is not installed (tools/deps.sh installs it)");
    QFETCH(int, mode);

    // client 127.0.0.2 -> Balancier (proxy="v1|v2") -> HAProxy (accept-proxy,
    // send-proxy on) -> stub: HAProxy passes on the address it read from us.
    StubBackend stub(u"s"_s, StubBackend::Mode::Echo);
    QVERIFY(stub.listen());
    const QList<quint16> ports = freePorts(2);
    const quint16 front = ports.at(0);
    Haproxy haproxy;
    QVERIFY(haproxy.start(u"frontend fe\n    bind 127.0.0.1:%1 accept-proxy\n    default_backend be\n"
                          u"backend be\n    server s 127.0.0.1:%2 send-proxy\n"_s.arg(front)
                              .arg(stub.port()),
        ports.at(1)));
    QVERIFY(haproxy.waitUntilReady(20000));

    Engine engine;
    Config config = ProxyConfig::make({ProxyConfig::host(u"h"_s, ProxyConfig::loopback(front))});
    config.services[0].groups[0].hosts[0].proxy = ProxySendMode(mode);  // the host's own choice
    const quint16 balancier = ProxyConfig::start(engine, config);
    QVERIFY(balancier);

    const std::unique_ptr<TestConnection> client = connectFrom(balancier, OtherClient);
    QVERIFY(client);
    QTRY_VERIFY(client->isConnected());
    client->write("ping");
    QTRY_VERIFY(stub.received().endsWith("ping"));
    qsizetype length = 0;
    const std::optional<ProxyProtocol::Header> header = headerAt(stub.received(), &length);
    QVERIFY2(header, stub.received().left(120).constData());
    QCOMPARE(header->source.addressString(), u"127.0.0.2"_s);
    QCOMPARE(header->source.port, localPort(*client));
    QCOMPARE(header->destination.port, balancier);
    QCOMPARE(stub.received().mid(length), QByteArray("ping"));
}

void tst_ProxyHaproxy::untrustedPeerRefused()
{
    StubBackend stub(u"s"_s);
    QVERIFY(stub.listen());
    Engine engine;
    Config config = ProxyConfig::make({ProxyConfig::host(u"s"_s, stub.address())});
    config.services[0].listenerProxy
        = {acceptOptions(u"127.0.0.1:0"_s, ListenerProxyConfig::V2, {u"10.0.0.0/8"_s, u"::1"_s})};
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    QSignalSpy refusedEvents(&engine, &Engine::connectionsRefused);

    const std::unique_ptr<TestConnection> client = TestConnection::open(port);
    const ProxyProtocol::Bytes header = ProxyProtocol::buildV2Local();
    client->write(QByteArray(header.constData(), header.size()) + "data");
    QVERIFY(client->waitForEnd());
    QCOMPARE(client->received(), QByteArray());
    QCOMPARE(stub.connectionCount(), 0);
    QTRY_COMPARE(refused(engine, u"proxy-untrusted"_s), 1);
    QTRY_COMPARE(engine.activeConnections(), 0);
    // Counted like the ACL's refusals: one metric family, one event.
    QVERIFY(AdminFormats::metrics(engine.snapshot())
                .contains("balancier_refused_total{service=\"svc\",reason=\"proxy-untrusted\"} 1"));
    QTRY_VERIFY_WITH_TIMEOUT(!refusedEvents.isEmpty(), 5000);
    QCOMPARE(refusedEvents.constFirst().at(1).toMap().value(u"proxy-untrusted"_s).toLongLong(), 1);
}

void tst_ProxyHaproxy::refusedHeaders_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<bool>("endStream");  // the client ends its stream after `sent`
    QTest::newRow("garbage") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("bad v1") << QByteArray("PROXY TCP4 1.2.3.999 1.2.3.4 1 2\r\n") << false;
    QTest::newRow("v1 on a v2 listener") << QByteArray("PROXY UNKNOWN\r\n") << false;
    QTest::newRow("truncated v2") << QByteArray("\r\n\r\n\0\r\nQUIT\n\x21\x11\x00\x0c\x7f", 17) << true;
    QTest::newRow("nothing") << QByteArray() << true;
}

void tst_ProxyHaproxy::refusedHeaders()
{
    QFETCH(QByteArray, sent);
    QFETCH(bool, endStream);
    StubBackend stub(u"s"_s);
    QVERIFY(stub.listen());
    Engine engine;
    Config config = ProxyConfig::make({ProxyConfig::host(u"s"_s, stub.address())});
    config.services[0].listenerProxy
        = {acceptOptions(u"127.0.0.1:0"_s, ListenerProxyConfig::V2, {u"127.0.0.1"_s})};
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);

    const std::unique_ptr<TestConnection> client = TestConnection::open(port);
    if (!sent.isEmpty())
        client->write(sent);
    if (endStream)
        client->shutdownWrite();
    QVERIFY(client->waitForEnd());
    QCOMPARE(client->received(), QByteArray());
    QCOMPARE(stub.connectionCount(), 0);
    QTRY_COMPARE(refused(engine, u"proxy-bad-header"_s), 1);
    QCOMPARE(refused(engine, u"proxy-timeout"_s), 0);
}

void tst_ProxyHaproxy::headerTimeout()
{
    StubBackend stub(u"s"_s);
    QVERIFY(stub.listen());
    Engine engine;
    Config config = ProxyConfig::make({ProxyConfig::host(u"s"_s, stub.address())});
    config.services[0].listenerProxy = {acceptOptions(
        u"127.0.0.1:0"_s, ListenerProxyConfig::V1 | ListenerProxyConfig::V2, {u"127.0.0.0/8"_s}, 300)};
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);

    // Half a header, then silence.
    const std::unique_ptr<TestConnection> client = TestConnection::open(port);
    client->write("PROXY TCP4 10.");
    QElapsedTimer clock;
    clock.start();
    QVERIFY(client->waitForEnd(5000));
    QVERIFY2(clock.elapsed() >= 150, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(stub.connectionCount(), 0);
    QTRY_COMPARE(refused(engine, u"proxy-timeout"_s), 1);
}

void tst_ProxyHaproxy::headerThenDataInOneWrite()
{
    // A v2 header with a TLV, then the client's bytes, in one write: the
    // bytes after the header are the client's, and the header's address
    // is the client on (the v1 header sent to the stub says so).
    StubBackend stub(u"s"_s, StubBackend::Mode::Echo);
    QVERIFY(stub.listen());
    Engine engine;
    Config config = ProxyConfig::make({ProxyConfig::host(u"s"_s, stub.address())});
    config.services[0].groups[0].proxy = ProxySendMode::V1;
    config.services[0].listenerProxy
        = {acceptOptions(u"127.0.0.1:0"_s, ListenerProxyConfig::V2, {u"127.0.0.1"_s})};
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);

    const quint8 source[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x42};
    const quint8 destination[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01};
    const ProxyProtocol::Bytes header = ProxyProtocol::buildV2(
        IpEndpoint::fromV6(source, 40001), IpEndpoint::fromV6(destination, 443), "id-1", "example.com");
    const std::unique_ptr<TestConnection> client = TestConnection::open(port);
    client->write(QByteArray(header.constData(), header.size()) + "GET /");
    const QByteArray expected("PROXY TCP6 2001:db8::42 2001:db8::1 40001 443\r\nGET /");
    QVERIFY(client->waitForReceived(expected.size()));
    QCOMPARE(stub.received(), expected);
    QCOMPARE(client->received(), expected);  // the stub's echo
}

void tst_ProxyHaproxy::failoverReplaysHeader()
{
    // The first host refuses; the second gets its own header (v1, where the
    // first wanted v2) and then every byte the client sent meanwhile.
    StubBackend stub(u"s"_s, StubBackend::Mode::Echo);
    QVERIFY(stub.listen());
    const quint16 dead = ProxyConfig::unusedPort();
    Engine engine;
    HostConfig first = ProxyConfig::host(u"dead"_s, ProxyConfig::loopback(dead));
    first.proxy = ProxySendMode::V2;
    HostConfig second = ProxyConfig::host(u"s"_s, stub.address());
    second.proxy = ProxySendMode::V1;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make({first, second}));
    QVERIFY(port);

    const std::unique_ptr<TestConnection> client = TestConnection::open(port);
    client->write("early bytes");
    QTRY_VERIFY(stub.received().endsWith("early bytes"));
    QCOMPARE(engine.host(u"svc"_s, u"g"_s, u"dead"_s)->failedConnects, 1);
    qsizetype length = 0;
    const std::optional<ProxyProtocol::Header> header = headerAt(stub.received(), &length);
    QVERIFY2(header, stub.received().constData());
    QCOMPARE(header->version, 1);
    QCOMPARE(header->source.port, localPort(*client));
    QCOMPARE(header->destination.port, port);
    QCOMPARE(stub.received().mid(length), QByteArray("early bytes"));
}

void tst_ProxyHaproxy::healthProbeSendsLocal_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("v2 LOCAL") << int(ProxySendMode::V2)
                              << QByteArray("\r\n\r\n\0\r\nQUIT\n\x20\x00\x00\x00", 16);
    QTest::newRow("v1 UNKNOWN") << int(ProxySendMode::V1) << QByteArray("PROXY UNKNOWN\r\n");
}

void tst_ProxyHaproxy::healthProbeSendsLocal()
{
    QFETCH(int, mode);
    QFETCH(QByteArray, expected);
    StubBackend stub(u"s"_s, StubBackend::Mode::Echo);
    QVERIFY(stub.listen());
    Engine engine;
    Config config = ProxyConfig::make({ProxyConfig::host(u"s"_s, stub.address())});
    config.health = ProxyConfig::fastHealth();
    config.health.active = true;
    config.health.send = "ping\n";
    config.services[0].groups[0].proxy = ProxySendMode(mode);
    QVERIFY(ProxyConfig::start(engine, config));
    QTRY_VERIFY(stub.received().size() >= expected.size() + 5);
    QCOMPARE(stub.received().left(expected.size() + 5), expected + "ping\n");
}

void tst_ProxyHaproxy::listenerOptionsChangeLive()
{
    // Turning acceptproxy on keeps the socket (same port) and applies to
    // the next connection; turning it off again too.
    StubBackend stub(u"s"_s, StubBackend::Mode::Echo);
    QVERIFY(stub.listen());
    Engine engine;
    Config config = ProxyConfig::make({ProxyConfig::host(u"s"_s, stub.address())});
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    config.services[0].listenerProxy
        = {acceptOptions(u"127.0.0.1:0"_s, ListenerProxyConfig::V1, {u"127.0.0.1"_s})};
    QVERIFY(engine.apply(config).ok);
    QCOMPARE(engine.listeners().constFirst().port, port);
    {
        const std::unique_ptr<TestConnection> client = TestConnection::open(port);
        client->write("PROXY TCP4 192.0.2.7 192.0.2.1 5555 80\r\nx");
        QVERIFY(client->waitForReceived(1));
        QCOMPARE(stub.received(), QByteArray("x"));
    }
    config.services[0].listenerProxy.clear();
    QVERIFY(engine.apply(config).ok);
    const std::unique_ptr<TestConnection> client = TestConnection::open(port);
    QTRY_VERIFY(client->isConnected());
    QVERIFY(client->roundTrip("PROXY UNKNOWN\r\n"));  // now plain client bytes
    QCOMPARE(stub.received(), QByteArray("xPROXY UNKNOWN\r\n"));
}

void tst_ProxyHaproxy::ipv6Listener()
{
    // An IPv6 proxy (::1) in front, trusted by its IPv6 range: its v1 TCP4
    // header's addresses (client and local) go on in our v2 header, not the
    // IPv6 ones of the connection itself.
    StubBackend stub(u"s"_s, StubBackend::Mode::Echo);
    QVERIFY(stub.listen());
    Engine engine;
    Config config = ProxyConfig::make({ProxyConfig::host(u"s"_s, stub.address())});
    config.services[0].listeners = {u"[::1]:0"_s};
    config.services[0].listenerProxy = {acceptOptions(u"[::1]:0"_s, ListenerProxyConfig::V1, {u"::1/128"_s})};
    config.services[0].groups[0].proxy = ProxySendMode::V2;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);

    auto client = std::make_unique<TestConnection>();
    QVERIFY(client->connectTo(port, QHostAddress(QHostAddress::LocalHostIPv6)));
    client->write("PROXY TCP4 198.51.100.7 203.0.113.1 61000 443\r\nhi");
    QTRY_VERIFY(stub.received().endsWith("hi"));
    qsizetype length = 0;
    const std::optional<ProxyProtocol::Header> header = headerAt(stub.received(), &length);
    QVERIFY(header);
    QCOMPARE(header->version, 2);
    QCOMPARE(header->source.toString(), u"198.51.100.7:61000"_s);
    QCOMPARE(header->destination.toString(), u"203.0.113.1:443"_s);
    QCOMPARE(stub.received().mid(length), QByteArray("hi"));

    // An IPv4 peer is not in an IPv6 range.
    config.services[0].listeners.append(u"127.0.0.1:0"_s);
    config.services[0].listenerProxy.append(
        acceptOptions(u"127.0.0.1:0"_s, ListenerProxyConfig::V1, {u"::/0"_s}));
    QVERIFY(engine.apply(config).ok);
    quint16 v4Port = 0;
    for (const BoundListener &listener : engine.listeners()) {
        if (listener.configured == u"127.0.0.1:0")
            v4Port = listener.port;
    }
    QVERIFY(v4Port);
    const std::unique_ptr<TestConnection> v4 = TestConnection::open(v4Port);
    v4->write("PROXY UNKNOWN\r\n");
    QVERIFY(v4->waitForEnd());
    QTRY_COMPARE(refused(engine, u"proxy-untrusted"_s), 1);
}

void tst_ProxyHaproxy::sendModeChangesLive()
{
    // A group's proxy applies to the next connection; an open one keeps
    // what it had; a host's own choice wins over the group's.
    StubBackend stub(u"s"_s, StubBackend::Mode::Echo);
    QVERIFY(stub.listen());
    Engine engine;
    Config config = ProxyConfig::make({ProxyConfig::host(u"s"_s, stub.address())});
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    const std::unique_ptr<TestConnection> first = TestConnection::open(port);
    QTRY_VERIFY(first->isConnected());
    QVERIFY(first->roundTrip("one"));
    QCOMPARE(stub.received(), QByteArray("one"));

    config.services[0].groups[0].proxy = ProxySendMode::V1;
    QVERIFY(engine.apply(config).ok);
    QVERIFY(first->roundTrip("two"));  // the open connection is not touched
    QCOMPARE(stub.received(), QByteArray("onetwo"));
    const std::unique_ptr<TestConnection> second = TestConnection::open(port);
    second->write("three");
    QTRY_VERIFY(stub.received().endsWith("three"));
    QVERIFY2(
        stub.received().mid(6).startsWith("PROXY TCP4 127.0.0.1 127.0.0.1 "), stub.received().constData());

    config.services[0].groups[0].hosts[0].proxy = ProxySendMode::None;
    QVERIFY(engine.apply(config).ok);
    const qsizetype before = stub.received().size();
    const std::unique_ptr<TestConnection> third = TestConnection::open(port);
    third->write("four");
    QTRY_VERIFY(stub.received().endsWith("four"));
    QCOMPARE(stub.received().mid(before), QByteArray("four"));
}

void tst_ProxyHaproxy::adminApi()
{
    // The group's and a host's proxy through the JSON API (Operations), with
    // the diff it answers with, and what the status and the host show.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestResponse response = bed.request(
        "PUT", "/api/v1/services/web/groups/prod/proxy", AdminTestBed::Admin, R"({"proxy":"v2"})");
    QCOMPARE(response.status, 200);
    QVERIFY2(response.body.contains("groupProxyChanged"), response.body.constData());
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(u"prod")->proxy, ProxySendMode::V2);
    response = bed.request(
        "PUT", "/api/v1/services/web/groups/prod/proxy", AdminTestBed::Admin, R"({"proxy":"v3"})");
    QCOMPARE(response.status, 400);
    QVERIFY2(response.body.contains("'proxy' must be v1, v2 or no"), response.body.constData());

    response = bed.request(
        "PUT", "/api/v1/services/web/groups/prod/hosts/a", AdminTestBed::Admin, R"({"proxy":"v1"})");
    QCOMPARE(response.status, 200);
    QVERIFY2(response.body.contains("\"proxy\""), response.body.constData());
    response = bed.get("/api/v1/services/web/groups/prod/hosts/a", AdminTestBed::Viewer);
    QVERIFY2(response.body.contains("\"proxy\":\"v1\""), response.body.constData());
    response = bed.request(
        "PUT", "/api/v1/services/web/groups/prod/hosts/a", AdminTestBed::Admin, R"({"proxy":"group"})");
    QCOMPARE(response.status, 200);
    QVERIFY(!bed.engine().runningConfig().service(u"web")->group(u"prod")->host(u"a")->proxy);
    response = bed.request(
        "PUT", "/api/v1/services/web/groups/prod/hosts/a", AdminTestBed::Admin, R"({"proxy":"yes"})");
    QCOMPARE(response.status, 400);

    response = bed.get("/api/v1/services/web", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    QVERIFY2(response.body.contains("\"proxy\":\"v2\""), response.body.constData());
}

QTEST_GUILESS_MAIN(tst_ProxyHaproxy)
#include "tst_proxyhaproxy.moc"
