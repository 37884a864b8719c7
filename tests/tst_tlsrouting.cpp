// TLS routing with passthrough (<route>) over real sockets: `openssl
// s_server` backends, each with its own throw-away certificate whose CN
// names it, so that a client tells which backend finished its handshake;
// QSslSocket and `openssl s_client` clients with SNI and ALPN; raw clients
// that write a captured ClientHello byte by byte, or split over two records,
// or garbage; plain clients that speak first or wait for the server (SSH).

#include "admintestbed.h"
#include "config/configdiff.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "engine.h"
#include "ops/operations.h"
#include "platform/socketops.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testcertificate.h"
#include "testconnection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// `openssl s_server -www` on 127.0.0.1 with a certificate whose CN is `name`.
class TlsBackend final
{
    Q_DISABLE_COPY_MOVE(TlsBackend)

public:
    explicit TlsBackend(QString name)
        : m_name(std::move(name))
    { }
    ~TlsBackend()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(QString *error)
    {
        TestCertificate certificate;
        certificate.setCommonName(m_name);
        if (!m_dir.isValid()
            || !certificate.generate(m_dir.path(), error, nullptr, TestCertificate::KeyType::Ec))
            return false;
        m_port = ProxyConfig::unusedPort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStandardPaths::findExecutable(u"openssl"_s),
            {u"s_server"_s, u"-accept"_s, u"127.0.0.1:%1"_s.arg(m_port), u"-cert"_s,
                certificate.certificatePath(), u"-key"_s, certificate.keyPath(), u"-www"_s, u"-alpn"_s,
                u"h2,http/1.1,acme-tls/1"_s});
        QByteArray output;
        QElapsedTimer clock;
        clock.start();
        // s_server says ACCEPT once it listens.
        while (!output.contains("ACCEPT") && clock.elapsed() < 10000) {
            if (!m_process.waitForReadyRead(10000 - int(clock.elapsed())))
                break;
            output += m_process.readAll();
        }
        if (!output.contains("ACCEPT")) {
            *error = u"openssl s_server did not start: "_s + QString::fromLocal8Bit(output);
            return false;
        }
        return true;
    }

    const QString &name() const { return m_name; }
    QString address() const { return ProxyConfig::loopback(m_port); }

private:
    QString m_name;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

/// Handshakes with 127.0.0.1:`port` sending `sni` (an IP literal sends
/// none) and offering `alpn`; the CN of the certificate that came back, or
/// "error: ..." .
QString handshake(quint16 port, const QString &sni, const QList<QByteArray> &alpn = {})
{
    QSslSocket socket;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setAllowedNextProtocols(alpn);
    socket.setSslConfiguration(configuration);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, port, sni);
    if (!encrypted.wait(8000))
        return u"error: "_s + socket.errorString();
    const QString name = socket.peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0);
    socket.disconnectFromHost();
    return name;
}

QByteArray captured(const QString &name)
{
    QFile file(QStringLiteral(BALANCIER_TEST_DATA "/clienthello/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

RouteConfig route(const QStringList &sni, const QStringList &alpn, const QString &group)
{
    RouteConfig route;
    route.sni = sni;
    route.alpn = alpn;
    route.group = group;
    return route;
}

RouteConfig plainRoute(const QString &group, qint64 silenceMs)
{
    RouteConfig route;
    route.plain = true;
    route.group = group;
    route.silenceMs = silenceMs;
    return route;
}

/// A raw client that has TCP_NODELAY: each write() goes out as its own segment.
std::unique_ptr<TestConnection> rawClient(quint16 port)
{
    auto client = TestConnection::open(port);
    if (client)
        SocketOps::setNoDelay(client->socket(), true);
    return client;
}

qint64 closedWith(Engine &engine, const QString &code)
{
    return engine.snapshot().services.constFirst().closed.value(code);
}

}  // namespace

class tst_TlsRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The config: XML, located errors, writing, the diff (no sockets).
    void configErrors_data();
    void configErrors();
    void configRoundTrip();
    void configDiff();
    void adminApi_data();
    void adminApi();

    void initTestCase();
    void routesByRule_data();
    void routesByRule();
    void opensslClient_data();
    void opensslClient();
    void plainClientSpeaksFirst();
    void plainClientWaits();
    void helloByteByByte();
    void helloOverTwoRecords();
    void sniInProxyV2Authority();
    void sniInConnectionTable();
    void refusals_data();
    void refusals();
    void peekTimeout();
    void failoverReplaysTheHello();
    void liveRouteChange();
    void routeCounters();

private:
    Config makeConfig() const;
    quint16 start(Engine &engine, const Config &config);

    std::unique_ptr<TlsBackend> m_a;
    std::unique_ptr<TlsBackend> m_b;
    std::unique_ptr<TlsBackend> m_wild;
    std::unique_ptr<TlsBackend> m_h2;
    std::unique_ptr<TlsBackend> m_default;
    std::unique_ptr<StubBackend> m_ssh;
    const char *m_skip = nullptr;
};

#define NEEDS_TLS_TOOLS()                                                                                    \
    do {                                                                                                     \
        if (m_skip)                                                                                          \
            QSKIP(m_skip);                                                                                   \
    } while (false)

namespace {

/// A service "s" with groups g and h, and `inner` (routes) inside it.
QByteArray xmlWith(const QByteArray &serviceAttributes, const QByteArray &inner)
{
    return "<balancier version=\"1\">\n<service name=\"s\"" + serviceAttributes
        + ">\n"
          "<listen ip=\"127.0.0.1:0\"/>\n"
        + inner
        + "\n"
          "<group name=\"g\"><host name=\"a\" ip=\"127.0.0.1:9001\"/></group>\n"
          "<group name=\"h\"><host name=\"b\" ip=\"127.0.0.1:9002\"/></group>\n"
          "<enable group=\"g\"/>\n</service>\n</balancier>\n";
}

}  // namespace

void tst_TlsRouting::configErrors_data()
{
    QTest::addColumn<QByteArray>("attributes");
    QTest::addColumn<QByteArray>("routes");
    QTest::addColumn<QString>("message");  // empty: no error
    QTest::newRow("fine") << QByteArray()
                          << QByteArray("<route sni=\"a.example,*.b.example\" alpn=\"h2\" group=\"h\"/>")
                          << QString();
    QTest::newRow("unknown group") << QByteArray() << QByteArray("<route sni=\"a.example\" group=\"x\"/>")
                                   << u"4:1: error: <route group>: group \"x\" does not exist"_s;
    QTest::newRow("empty sni") << QByteArray() << QByteArray("<route sni=\"\" group=\"h\"/>")
                               << u"<route sni>: item 1: empty name"_s;
    QTest::newRow("bad wildcard") << QByteArray()
                                  << QByteArray("<route sni=\"ok.example,a*.b\" group=\"h\"/>")
                                  << u"<route sni>: item 2: \"a*.b\": a wildcard"_s;
    QTest::newRow("two plain routes")
        << QByteArray() << QByteArray("<route plain=\"yes\" group=\"h\"/><route plain=\"yes\" group=\"g\"/>")
        << u"a second plain route"_s;
    QTest::newRow("route without group")
        << QByteArray() << QByteArray("<route sni=\"a.example\"/>") << u"group"_s;
    QTest::newRow("bad alpn token") << QByteArray() << QByteArray("<route alpn=\"h2,http 1.1\" group=\"h\"/>")
                                    << u"<route alpn>: item 2: \"http 1.1\" is not an ALPN name"_s;
    QTest::newRow("route matching nothing")
        << QByteArray() << QByteArray("<route group=\"h\"/>") << u"a route needs sni, alpn or plain"_s;
    QTest::newRow("plain with sni") << QByteArray()
                                    << QByteArray("<route plain=\"yes\" sni=\"a.example\" group=\"h\"/>")
                                    << u"has no sni or alpn"_s;
    QTest::newRow("peeksize out of range")
        << QByteArray(" peeksize=\"64k\"") << QByteArray() << u"peeksize>: \"64k\" is out of range"_s;
    QTest::newRow("peeksize not a size")
        << QByteArray(" peeksize=\"lots\"") << QByteArray() << u"is not a size"_s;
    QTest::newRow("peektimeout") << QByteArray(" peektimeout=\"soon\"") << QByteArray() << u"peektimeout"_s;
}

void tst_TlsRouting::configErrors()
{
    QFETCH(QByteArray, attributes);
    QFETCH(QByteArray, routes);
    QFETCH(QString, message);
    const LoadResult result = ConfigReader::readData(xmlWith(attributes, routes), u"t.xml"_s);
    QStringList texts;
    for (const Diagnostic &diagnostic : result.diagnostics)
        texts.append(diagnostic.toString());
    if (message.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(texts.join(u'\n')));
        return;
    }
    QVERIFY(!result.ok());
    QVERIFY2(texts.join(u'\n').contains(message), qPrintable(texts.join(u'\n')));
}

void tst_TlsRouting::configRoundTrip()
{
    const QByteArray xml = xmlWith(" peektimeout=\"2s\" peeksize=\"8k\"",
        "<route sni=\"a.example\" group=\"h\"/>\n<route alpn=\"h2,http/1.1\" group=\"g\"/>\n"
        "<route plain=\"yes\" silence=\"500ms\" group=\"h\"/>");
    const LoadResult read = ConfigReader::readData(xml, u"t.xml"_s);
    QVERIFY(read.ok());
    const ServiceConfig &service = read.config.services.constFirst();
    QCOMPARE(service.routes.size(), 3);
    QCOMPARE(service.peekTimeoutMs, qint64(2000));
    QCOMPARE(service.peekSize, 8192);
    QCOMPARE(service.routes.at(1).alpn, (QStringList{u"h2"_s, u"http/1.1"_s}));
    QVERIFY(service.routes.at(2).plain);
    QCOMPARE(service.routes.at(2).silenceMs, qint64(500));
    // Written and read again: the same model; a reordered model writes the new order.
    const QByteArray written = ConfigDocument::serialize(read.config);
    const LoadResult again = ConfigReader::readData(written, u"w.xml"_s);
    QVERIFY2(again.ok(), written.constData());
    QCOMPARE(again.config, read.config);
    Config reordered = read.config;
    reordered.services[0].routes.move(0, 2);
    const LoadResult third = ConfigReader::readData(ConfigDocument::serialize(reordered), u"r.xml"_s);
    QCOMPARE(third.config.services.constFirst().routes, reordered.services.constFirst().routes);
}

void tst_TlsRouting::configDiff()
{
    const LoadResult before = ConfigReader::readData(
        xmlWith({}, "<route sni=\"a.example\" group=\"h\"/><route alpn=\"h2\" group=\"g\"/>"), u"t.xml"_s);
    QVERIFY(before.ok());
    Config after = before.config;
    ServiceConfig &service = after.services[0];
    service.routes.move(0, 1);  // reordered
    service.routes[0].group = u"h"_s;  // alpn=h2 -> h
    RouteConfig plain;
    plain.plain = true;
    plain.group = u"g"_s;
    service.routes.append(plain);
    service.peekSize = 4096;
    QStringList lines;
    for (const ConfigChange &change : diffConfigs(before.config, after))
        lines.append(change.description());
    const QString text = lines.join(u'\n');
    QVERIFY2(text.contains(u"route alpn=h2: group g -> h"_s), qPrintable(text));
    QVERIFY2(text.contains(u"route plain -> group g added"_s), qPrintable(text));
    QVERIFY2(text.contains(u"routes: "_s) && text.contains(u"order"_s) && text.contains(u"peeksize"_s),
        qPrintable(text));
    service.routes.clear();
    lines.clear();
    for (const ConfigChange &change : diffConfigs(before.config, after))
        lines.append(change.description());
    QVERIFY2(lines.join(u'\n').contains(u"route sni=a.example -> group h removed"_s),
        qPrintable(lines.join(u'\n')));
}

void tst_TlsRouting::adminApi_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("needle");
    QTest::newRow("fine") << QByteArray(R"({"peeksize":8192,"routes":[{"sni":["a.example"],"group":"spare"},)"
                                        R"({"plain":true,"silence":"2s","group":"prod"}]})")
                          << 200 << u"routeAdded"_s;
    QTest::newRow("bad wildcard") << QByteArray(R"({"routes":[{"sni":"ok.example","group":"spare"},)"
                                                R"({"sni":["a*.b"],"group":"spare"}]})")
                                  << 400 << u"body: 'routes[1].sni[0]'"_s;
    QTest::newRow("unknown group") << QByteArray(R"({"routes":[{"alpn":["h2"],"group":"nope"}]})") << 400
                                   << u"body: 'routes[0].group'"_s;
    QTest::newRow("peeksize out of range")
        << QByteArray(R"({"peeksize":100,"routes":[]})") << 400 << u"body: 'peeksize'"_s;
    QTest::newRow("unknown field") << QByteArray(R"({"routes":[{"host":"x","group":"spare"}]})") << 400
                                   << u"routes[0].host"_s;
}

void tst_TlsRouting::adminApi()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, needle);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response
        = bed.request("PUT", "/api/v1/services/web/routes", AdminTestBed::Admin, body);
    QCOMPARE(response.status, status);
    QVERIFY2(QString::fromUtf8(response.body).contains(needle), response.body.constData());
    const ServiceConfig &service = bed.engine().runningConfig().services.constFirst();
    if (status != 200) {
        QVERIFY(service.routes.isEmpty());  // nothing changed
        return;
    }
    QCOMPARE(service.routes.size(), 2);
    QCOMPARE(service.peekSize, 8192);
    QCOMPARE(service.routes.at(1).silenceMs, qint64(2000));
    const HttpTestResponse get = bed.request("GET", "/api/v1/services/web/routes", AdminTestBed::Viewer);
    QCOMPARE(get.status, 200);
    QVERIFY2(get.body.contains(R"("label":"sni=a.example")"), get.body.constData());
    // The service's JSON carries the routes and their counters.
    const HttpTestResponse one = bed.request("GET", "/api/v1/services/web", AdminTestBed::Viewer);
    QVERIFY2(one.body.contains(R"("routes":[)") && one.body.contains(R"("label":"default")"),
        one.body.constData());
}

void tst_TlsRouting::initTestCase()
{
    // The config tests need nothing; the others skip without the tools.
    if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty()) {
        m_skip = "the openssl tool is not installed (package openssl)";
        return;
    }
    if (!QSslSocket::supportsSsl()) {
        m_skip = "Qt has no TLS backend here";
        return;
    }
    m_a = std::make_unique<TlsBackend>(u"a-backend"_s);
    m_b = std::make_unique<TlsBackend>(u"b-backend"_s);
    m_wild = std::make_unique<TlsBackend>(u"wild-backend"_s);
    m_h2 = std::make_unique<TlsBackend>(u"h2-backend"_s);
    m_default = std::make_unique<TlsBackend>(u"default-backend"_s);
    for (TlsBackend *backend : {m_a.get(), m_b.get(), m_wild.get(), m_h2.get(), m_default.get()}) {
        QString error;
        QVERIFY2(backend->start(&error), qPrintable(error));
    }
    m_ssh = std::make_unique<StubBackend>(u"ssh"_s);
    QVERIFY(m_ssh->listen());
}

Config tst_TlsRouting::makeConfig() const
{
    Config config = ProxyConfig::make({ProxyConfig::host(u"default-backend"_s, m_default->address())});
    ServiceConfig &service = config.services[0];
    service.groups[0].name = u"default"_s;
    service.enabledGroup = u"default"_s;
    const auto addGroup = [&service](const QString &name, const QString &address) {
        service.groups.append(ProxyConfig::group(name, {ProxyConfig::host(name + u"-host"_s, address)}));
    };
    addGroup(u"a"_s, m_a->address());
    addGroup(u"b"_s, m_b->address());
    addGroup(u"wild"_s, m_wild->address());
    addGroup(u"h2"_s, m_h2->address());
    addGroup(u"ssh"_s, m_ssh->address());
    service.routes = {route({u"a.example"_s, u"legacy.capture.example"_s}, {}, u"a"_s),
        route({u"*.wild.example"_s}, {}, u"wild"_s), route({u"h2.example"_s}, {u"h2"_s}, u"h2"_s),
        route({}, {u"acme-tls/1"_s}, u"b"_s), plainRoute(u"ssh"_s, 300)};
    return config;
}

quint16 tst_TlsRouting::start(Engine &engine, const Config &config)
{
    return ProxyConfig::start(engine, config);
}

void tst_TlsRouting::routesByRule_data()
{
    QTest::addColumn<QString>("sni");
    QTest::addColumn<QList<QByteArray>>("alpn");
    QTest::addColumn<QString>("backend");
    const QList<QByteArray> none;
    QTest::newRow("exact") << u"a.example"_s << none << u"a-backend"_s;
    QTest::newRow("second name of a list") << u"legacy.capture.example"_s << none << u"a-backend"_s;
    QTest::newRow("wildcard, one label") << u"x.wild.example"_s << none << u"wild-backend"_s;
    QTest::newRow("wildcard, two labels: default") << u"y.x.wild.example"_s << none << u"default-backend"_s;
    QTest::newRow("sni and alpn") << u"h2.example"_s << QList<QByteArray>{"h2"} << u"h2-backend"_s;
    QTest::newRow("sni without its alpn: default")
        << u"h2.example"_s << QList<QByteArray>{"http/1.1"} << u"default-backend"_s;
    QTest::newRow("alpn only, no sni") << u"127.0.0.1"_s << QList<QByteArray>{"acme-tls/1"} << u"b-backend"_s;
    QTest::newRow("unknown name: default") << u"other.example"_s << none << u"default-backend"_s;
    QTest::newRow("no sni: default") << u"127.0.0.1"_s << none << u"default-backend"_s;
}

void tst_TlsRouting::routesByRule()
{
    NEEDS_TLS_TOOLS();
    QFETCH(QString, sni);
    QFETCH(QList<QByteArray>, alpn);
    QFETCH(QString, backend);
    Engine engine;
    const quint16 port = start(engine, makeConfig());
    QVERIFY(port != 0);
    QCOMPARE(handshake(port, sni, alpn), backend);
}

void tst_TlsRouting::opensslClient_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("backend");
    QTest::newRow("-servername") << QStringList{u"-servername"_s, u"a.example"_s} << u"a-backend"_s;
    QTest::newRow("-servername -alpn")
        << QStringList{u"-servername"_s, u"h2.example"_s, u"-alpn"_s, u"h2"_s} << u"h2-backend"_s;
    QTest::newRow("TLS 1.2 wildcard")
        << QStringList{u"-servername"_s, u"z.wild.example"_s, u"-tls1_2"_s} << u"wild-backend"_s;
}

void tst_TlsRouting::opensslClient()
{
    NEEDS_TLS_TOOLS();
    QFETCH(QStringList, arguments);
    QFETCH(QString, backend);
    Engine engine;
    const quint16 port = start(engine, makeConfig());
    QVERIFY(port != 0);
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(QStandardPaths::findExecutable(u"openssl"_s),
        QStringList{u"s_client"_s, u"-connect"_s, ProxyConfig::loopback(port)} + arguments);
    client.closeWriteChannel();  // end of input: s_client says goodbye after the handshake
    QVERIFY(client.waitForFinished(10000));
    const QString output = QString::fromLocal8Bit(client.readAll());
    QVERIFY2(
        output.contains(u"CN = "_s + backend) || output.contains(u"CN="_s + backend), qPrintable(output));
}

void tst_TlsRouting::plainClientSpeaksFirst()
{
    NEEDS_TLS_TOOLS();
    Engine engine;
    const quint16 port = start(engine, makeConfig());
    QVERIFY(port != 0);
    auto client = rawClient(port);
    QVERIFY(client);
    QElapsedTimer clock;
    clock.start();
    client->write("SSH-2.0-OpenSSH_9.6 test\r\n");
    QCOMPARE(client->waitForLine(), u"ssh"_s);
    // Routed by its first byte, not after the silence of 300 ms.
    QVERIFY2(clock.elapsed() < 300, qPrintable(QString::number(clock.elapsed())));
}

void tst_TlsRouting::plainClientWaits()
{
    NEEDS_TLS_TOOLS();
    Engine engine;
    const quint16 port = start(engine, makeConfig());
    QVERIFY(port != 0);
    auto client = rawClient(port);
    QVERIFY(client);
    QElapsedTimer clock;
    clock.start();
    // Like an SSH client that waits for the server's banner: after the
    // plain route's silence (300 ms) it goes there.
    QCOMPARE(client->waitForLine(3000), u"ssh"_s);
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
}

void tst_TlsRouting::helloByteByByte()
{
    NEEDS_TLS_TOOLS();
    // TLS 1.2 only: the server's certificate (and its CN) travels in clear.
    const QByteArray hello = captured(u"clienthello-tls12-sni.bin"_s);
    QVERIFY(!hello.isEmpty());
    Engine engine;
    const quint16 port = start(engine, makeConfig());
    QVERIFY(port != 0);
    auto client = rawClient(port);
    QVERIFY(client);
    QTRY_VERIFY(client->isConnected());
    for (qsizetype i = 0; i < hello.size(); ++i) {
        client->write(hello.mid(i, 1));
        QTRY_COMPARE(client->bytesToWrite(), qint64(0));
        if (i == hello.size() / 2) {
            // Half a hello: still peeking, no backend has seen anything.
            QTRY_COMPARE(engine.snapshot().services.constFirst().active, qint64(0));
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(client->received().contains("a-backend"), 8000);
}

void tst_TlsRouting::helloOverTwoRecords()
{
    NEEDS_TLS_TOOLS();
    const QByteArray hello = captured(u"clienthello-tls12-sni.bin"_s);
    QVERIFY(hello.size() > 100);
    const QByteArray message = hello.mid(5);
    const auto record = [](const QByteArray &fragment) -> QByteArray {
        return QByteArray("\x16\x03\x01", 3) + char(fragment.size() >> 8) + char(fragment.size() & 0xff)
            + fragment;
    };
    const QByteArray split = record(message.left(60)) + record(message.mid(60));
    Engine engine;
    const quint16 port = start(engine, makeConfig());
    QVERIFY(port != 0);
    auto client = rawClient(port);
    QVERIFY(client);
    client->write(split);
    QTRY_VERIFY_WITH_TIMEOUT(client->received().contains("a-backend"), 8000);
}

void tst_TlsRouting::sniInProxyV2Authority()
{
    NEEDS_TLS_TOOLS();
    // A group that sends PROXY v2: the server name read goes in the
    // AUTHORITY TLV (type 0x02), before the replayed hello.
    const QByteArray hello = captured(u"clienthello-tls12-sni.bin"_s);
    QVERIFY(!hello.isEmpty());
    StubBackend recorder(u"recorder"_s, StubBackend::Mode::NameOnEof);
    QVERIFY(recorder.listen());
    Config config = makeConfig();
    GroupConfig group = ProxyConfig::group(u"pp"_s, {ProxyConfig::host(u"recorder"_s, recorder.address())});
    group.proxy = ProxySendMode::V2;
    config.services[0].groups.append(group);
    config.services[0].routes[0].group = u"pp"_s;
    Engine engine;
    const quint16 port = start(engine, config);
    QVERIFY(port != 0);
    auto client = rawClient(port);
    QVERIFY(client);
    client->write(hello);
    client->shutdownWrite();
    QVERIFY(client->waitForEnd());
    const QByteArray received = client->received();
    QVERIFY2(received.startsWith("recorder:"), received.left(40).constData());
    QVERIFY(received.contains(QByteArray("\x02\x00\x16legacy.capture.example", 25)));
    QVERIFY(received.endsWith(hello));  // the hello itself, unchanged, after the header
}

void tst_TlsRouting::sniInConnectionTable()
{
    NEEDS_TLS_TOOLS();
    Engine engine;
    const quint16 port = start(engine, makeConfig());
    QVERIFY(port != 0);
    // Half a hello: the row says "peeking"; the whole: the name and the route's group.
    const QByteArray hello = captured(u"clienthello-tls12-sni.bin"_s);
    auto client = rawClient(port);
    QVERIFY(client);
    client->write(hello.left(20));
    const auto rows = [&engine]() {
        QList<ConnectionRow> out;
        bool answered = false;
        Operations(engine).listConnections({}, &engine, [&](const ConnectionPage &page) {
            out = page.rows;
            answered = true;
        });
        if (!QTest::qWaitFor([&answered] { return answered; }, 5000))
            qWarning("the connection table did not answer");
        return out;
    };
    QTRY_VERIFY(!rows().isEmpty() && rows().constFirst().state == u"peeking");
    client->write(hello.mid(20));
    QTRY_VERIFY(!rows().isEmpty() && rows().constFirst().sni == u"legacy.capture.example");
    QCOMPARE(rows().constFirst().group, u"a"_s);
}

void tst_TlsRouting::refusals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::newRow("HTTP without a plain route") << QByteArray("GET / HTTP/1.0\r\n\r\n") << u"not-tls"_s;
    QTest::newRow("SSLv2-style hello") << QByteArray("\x80\x2e\x01\x03\x01", 5) << u"not-tls"_s;
    QTest::newRow("empty handshake record") << QByteArray("\x16\x03\x01\x00\x00", 5) << u"tls-bad-hello"_s;
    QTest::newRow("not a ClientHello")
        << QByteArray("\x16\x03\x01\x00\x05\x02\x00\x00\x01\x00", 10) << u"tls-bad-hello"_s;
    QTest::newRow("larger than peeksize")
        << QByteArray("\x16\x03\x01\x30\x00\x01\x00\x2f\xfc", 9) << u"tls-hello-too-large"_s;
}

void tst_TlsRouting::refusals()
{
    NEEDS_TLS_TOOLS();
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    Config config = makeConfig();
    config.services[0].routes.removeLast();  // no plain route
    config.services[0].peekSize = 1024;
    Engine engine;
    const quint16 port = start(engine, config);
    QVERIFY(port != 0);
    auto client = rawClient(port);
    QVERIFY(client);
    client->write(bytes);
    QVERIFY(client->waitForEnd());
    QVERIFY(client->received().isEmpty());
    QTRY_COMPARE(closedWith(engine, code), qint64(1));
    QCOMPARE(engine.snapshot().services.constFirst().refused.value(code), qint64(1));
}

void tst_TlsRouting::peekTimeout()
{
    NEEDS_TLS_TOOLS();
    Config config = makeConfig();
    config.services[0].peekTimeoutMs = 300;
    Engine engine;
    const quint16 port = start(engine, config);
    QVERIFY(port != 0);
    auto client = rawClient(port);
    QVERIFY(client);
    client->write(QByteArray("\x16\x03\x01", 3));  // a TLS start, then nothing
    QElapsedTimer clock;
    clock.start();
    QVERIFY(client->waitForEnd(3000));
    QVERIFY(clock.elapsed() >= 250);
    QTRY_COMPARE(closedWith(engine, u"tls-peek-timeout"_s), qint64(1));
}

void tst_TlsRouting::failoverReplaysTheHello()
{
    NEEDS_TLS_TOOLS();
    Config config = makeConfig();
    // Group "a" gets a first host where nothing listens: its refusal sends
    // the peeked hello, replayed, to the next host.
    GroupConfig &group = *config.services[0].group(u"a");
    group.hosts.prepend(ProxyConfig::host(u"dead"_s, ProxyConfig::loopback(ProxyConfig::unusedPort())));
    Engine engine;
    const quint16 port = start(engine, config);
    QVERIFY(port != 0);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(handshake(port, u"a.example"_s), u"a-backend"_s);
    qint64 failed = 0;
    const StatsSnapshot snapshot = engine.snapshot();  // kept: the loop reads into it
    for (const GroupStats &stats : snapshot.services.constFirst().groups) {
        for (const HostStats &host : stats.hosts) {
            if (host.name == u"dead")
                failed = host.failedConnects;
        }
    }
    QVERIFY(failed >= 1);
}

void tst_TlsRouting::liveRouteChange()
{
    NEEDS_TLS_TOOLS();
    Engine engine;
    const quint16 port = start(engine, makeConfig());
    QVERIFY(port != 0);
    QCOMPARE(handshake(port, u"a.example"_s), u"a-backend"_s);
    QList<RouteConfig> routes = engine.runningConfig().services.constFirst().routes;
    routes[0].group = u"b"_s;
    const OpResult result = Operations(engine).setRoutes(u"svc"_s, routes, 5000, 16 * 1024);
    QVERIFY2(result.ok, qPrintable(result.errorString()));
    QCOMPARE(handshake(port, u"a.example"_s), u"b-backend"_s);
    // A bad rule is refused with the item named, and nothing changes.
    routes[1].sni = {u"a*.b.example"_s};
    const OpResult bad = Operations(engine).setRoutes(u"svc"_s, routes, 5000, 16 * 1024);
    QVERIFY(!bad.ok);
    QCOMPARE(bad.parameter, u"routes[1].sni[0]"_s);
    QCOMPARE(handshake(port, u"x.wild.example"_s), u"wild-backend"_s);
}

void tst_TlsRouting::routeCounters()
{
    NEEDS_TLS_TOOLS();
    Engine engine;
    const quint16 port = start(engine, makeConfig());
    QVERIFY(port != 0);
    QCOMPARE(handshake(port, u"a.example"_s), u"a-backend"_s);
    QCOMPARE(handshake(port, u"other.example"_s), u"default-backend"_s);
    QCOMPARE(handshake(port, u"nothing.example"_s), u"default-backend"_s);
    const QList<RouteStats> routes = engine.snapshot().services.constFirst().routes;
    QCOMPARE(routes.size(), 6);  // four TLS routes, the plain one, the default
    QCOMPARE(routes.at(0).label, u"sni=a.example,legacy.capture.example"_s);
    QCOMPARE(routes.at(0).connections, qint64(1));
    QCOMPARE(routes.constLast().label, u"default"_s);
    QCOMPARE(routes.constLast().group, u"default"_s);
    QCOMPARE(routes.constLast().connections, qint64(2));
}

QTEST_MAIN(tst_TlsRouting)
#include "tst_tlsrouting.moc"
