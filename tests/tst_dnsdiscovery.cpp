// DNS discovery: the resolver seam, <discover srv>, resolve="all" and TTLs,
// with a fake resolver (unit) and with a real dnsmasq on a loopback port
// that the test starts, rewrites and stops (end to end).

#include "admin/adminformats.h"
#include "config/configdiff.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "config/discoverlimits.h"
#include "engine.h"
#include "fakednsresolver.h"
#include "net/dnsdiscovery.h"
#include "net/hostresolver.h"
#include "net/udpdnsresolver.h"
#include "proxyconfig.h"
#include "stats/statsjson.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <csignal>
#include <unistd.h>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

const QString Srv = u"_web._tcp.test"_s;

Config discoverConfig(const QString &srv, qint64 intervalMs, const QList<HostConfig> &hosts = {})
{
    Config config = ProxyConfig::make(hosts);
    config.services[0].groups[0].discover = DiscoverConfig{srv, intervalMs, {}};
    return config;
}

const GroupStats *groupOf(const StatsSnapshot &snapshot)
{
    return snapshot.services.isEmpty() || snapshot.services[0].groups.isEmpty()
        ? nullptr
        : &snapshot.services[0].groups[0];
}

QStringList hostNames(Engine &engine)
{
    QStringList names;
    const StatsSnapshot snapshot = engine.snapshot();  // kept: group points into it
    if (const GroupStats *group = groupOf(snapshot)) {
        for (const HostStats &host : group->hosts) {
            const std::optional<HostView> view = engine.host(u"svc"_s, group->name, host.name);
            if (view && !view->removed)
                names.append(host.name);
        }
    }
    names.sort();
    return names;
}

QString discoveredOf(Engine &engine, const QString &name)
{
    const StatsSnapshot snapshot = engine.snapshot();  // kept: group points into it
    if (const GroupStats *group = groupOf(snapshot)) {
        for (const HostStats &host : group->hosts) {
            if (host.name == name)
                return host.discovered;
        }
    }
    return u"(none)"_s;
}

/// The names the balancer's clients reach (stub backends answer theirs).
QSet<QString> reached(quint16 port, int connections)
{
    QSet<QString> names;
    for (int i = 0; i < connections; ++i) {
        const std::unique_ptr<TestConnection> client = TestConnection::open(port);
        const QString line = client->waitForLine(2000);
        if (!line.isEmpty())
            names.insert(line);
    }
    return names;
}

// dnsmasq listens on TCP too: a port free for both.
quint16 freeUdpPort()
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        QUdpSocket socket;
        socket.bind(QHostAddress::LocalHost, 0);
        QTcpServer tcp;
        if (tcp.listen(QHostAddress::LocalHost, socket.localPort()))
            return socket.localPort();
    }
    return 0;
}

/// A dnsmasq on 127.0.0.1:<port> that answers only what the test gives it:
/// --addn-hosts (re-read on SIGHUP) and --srv-host (a restart on the same port).
class Dnsmasq
{
public:
    explicit Dnsmasq(const QString &dir)
        : m_hostsFile(dir + u"/hosts"_s)
        , m_port(freeUdpPort())
    { }
    ~Dnsmasq() { stop(); }

    static QString program()
    {
        return QStandardPaths::findExecutable(u"dnsmasq"_s, {u"/usr/sbin"_s, u"/sbin"_s});
    }
    QString server() const { return u"127.0.0.1:"_s + QString::number(m_port); }

    void setHosts(const QByteArray &lines)
    {
        QFile file(m_hostsFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lines);
    }
    /// Starts (again) with these SRV records ("name,target,port,priority,weight").
    bool start(const QStringList &srv, int localTtlS = 1)
    {
        stop();
        QStringList arguments{u"--keep-in-foreground"_s, u"--port="_s + QString::number(m_port),
            u"--listen-address=127.0.0.1"_s, u"--bind-interfaces"_s, u"--no-resolv"_s, u"--no-hosts"_s,
            u"--conf-file=/dev/null"_s, u"--pid-file"_s, u"--addn-hosts="_s + m_hostsFile,
            u"--local-ttl="_s + QString::number(localTtlS), u"--log-facility=-"_s};
        if (::geteuid() == 0)
            arguments.append(u"--user=root"_s);  // reads the test's 0700 folder after SIGHUP
        for (const QString &record : srv)
            arguments.append(u"--srv-host="_s + record);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(program(), arguments);
        if (!m_process.waitForStarted(3000))
            return false;
        // Ready when it answers.
        UdpDnsResolver probe(QHostAddress::LocalHost, m_port);
        probe.setTimeout(200);
        for (int attempt = 0; attempt < 20; ++attempt) {
            bool answered = false;
            bool done = false;
            probe.lookupSrv(u"_ready._tcp.test"_s, nullptr, [&](const DnsAnswer &answer) {
                answered = answer.ok() || !answer.error.startsWith(u"no answer"_s);
                done = true;
            });
            if (!QTest::qWaitFor([&done] { return done; }, 2000))
                return false;
            if (answered)
                return true;
        }
        return false;
    }
    void reload() { ::kill(pid_t(m_process.processId()), SIGHUP); }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(3000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }

private:
    QString m_hostsFile;
    quint16 m_port = 0;
    QProcess m_process;
};

}  // namespace

class tst_DnsDiscovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void udpCodec();
    void srvNames_data();
    void srvNames();
    void xmlRoundTrip();
    void xmlErrors_data();
    void xmlErrors();
    void fakeSrvPrioritiesAndWeights();
    void fakeSrvJoinAndLeave();
    void fakeFailureKeepsSet();
    void fakeTtlBoundsNextLookup_data();
    void fakeTtlBoundsNextLookup();
    void fakeResolveAll();
    void dnsmasqResolveAll();
    void dnsmasqSrv();
};

void tst_DnsDiscovery::udpCodec()
{
    const QByteArray query = UdpDnsResolver::buildQuery(0x1234, u"_web._tcp.test"_s, 33);
    QVERIFY(!query.isEmpty());
    QCOMPARE(query.left(2), QByteArray("\x12\x34"));
    QVERIFY(UdpDnsResolver::buildQuery(1, u"bad name.test"_s, 1).isEmpty());
    QVERIFY(UdpDnsResolver::buildQuery(1, QString(64, u'a') + u".test"_s, 1).isEmpty());
    // An answer: the question, then one SRV record whose target is a pointer to the question's name.
    QByteArray answer = query;
    answer[2] = char(0x81);
    answer[3] = char(0x80);
    answer[7] = 1;  // one answer
    answer += QByteArray::fromHex("c00c"
                                  "0021"
                                  "0001"
                                  "0000003c"
                                  "0008"
                                  "0000"
                                  "0005"
                                  "1f90"
                                  "c00c");
    DnsAnswer parsed;
    QVERIFY(UdpDnsResolver::parseAnswer(answer, 0x1234, 33, &parsed));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.srv.size(), 1);
    QCOMPARE(parsed.srv[0].target, u"_web._tcp.test"_s);
    QCOMPARE(parsed.srv[0].port, quint16(8080));
    QCOMPARE(parsed.srv[0].weight, quint16(5));
    QCOMPARE(parsed.minTtlMs(), qint64(60000));
    // Another id, a truncated record, a pointer loop: not this answer.
    QVERIFY(!UdpDnsResolver::parseAnswer(answer, 0x1235, 33, &parsed));
    QVERIFY(!UdpDnsResolver::parseAnswer(answer.left(answer.size() - 3), 0x1234, 33, &parsed));
    QByteArray loop = answer;
    // The last pointer (to the target) now points at itself.
    loop[loop.size() - 2] = char(0xc0 | ((loop.size() - 2) >> 8));
    loop[loop.size() - 1] = char((loop.size() - 2) & 0xff);
    DnsAnswer ignored;
    UdpDnsResolver::parseAnswer(loop, 0x1234, 33, &ignored);  // must not hang or crash
    // NXDOMAIN is an answer with an error.
    QByteArray missing = query;
    missing[2] = char(0x81);
    missing[3] = char(0x83);
    DnsAnswer none;
    QVERIFY(UdpDnsResolver::parseAnswer(missing, 0x1234, 33, &none));
    QVERIFY(none.error.contains(u"NXDOMAIN"_s));
}

void tst_DnsDiscovery::srvNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::newRow("srv") << u"_web._tcp.example.org"_s << true;
    QTest::newRow("consul") << u"web.service.consul."_s << true;
    QTest::newRow("single label") << u"web"_s << false;
    QTest::newRow("blank") << u"_web._tcp.exa mple"_s << false;
    QTest::newRow("two dots") << u"_web.._tcp"_s << false;
    QTest::newRow("long label") << QString(64, u'a') + u".org"_s << false;
}

void tst_DnsDiscovery::srvNames()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QCOMPARE(DiscoverLimits::srvNameProblem(name).isEmpty(), ok);
}

void tst_DnsDiscovery::xmlRoundTrip()
{
    const QByteArray xml = R"(<balancier version="1">
  <settings dnsserver="127.0.0.1:8600" dnsinterval="20s"/>
  <service name="svc">
    <listen ip="127.0.0.1:0"/>
    <group name="g">
      <discover srv="_web._tcp.test" interval="5s"/>
      <host name="web" ip="web.test:80" resolve="all"/>
    </group>
    <enable group="g"/>
  </service>
</balancier>
)";
    const LoadResult read = ConfigReader::readData(xml, u"t.xml"_s);
    QVERIFY2(read.ok(), qPrintable(read.diagnostics.isEmpty() ? QString() : read.diagnostics[0].message));
    const GroupConfig &group = read.config.services[0].groups[0];
    QVERIFY(group.discover);
    QCOMPARE(group.discover->srv, u"_web._tcp.test"_s);
    QCOMPARE(group.discover->intervalMs, qint64(5000));
    QCOMPARE(group.hosts[0].resolve, HostResolveMode::All);
    QCOMPARE(read.config.settings.dnsServer, u"127.0.0.1:8600"_s);
    QCOMPARE(read.config.settings.dnsIntervalMs, qint64(20000));
    const QByteArray written = ConfigDocument::serialize(read.config);
    QVERIFY2(written.contains("<discover srv=\"_web._tcp.test\" interval=\"5s\"/>"), written.constData());
    const LoadResult again = ConfigReader::readData(written, u"t.xml"_s);
    QVERIFY(again.ok());
    QVERIFY(again.config == read.config);
    // A group of discovered hosts only is a valid group.
    Config withoutHosts = read.config;
    withoutHosts.services[0].groups[0].hosts.clear();
    QVERIFY(ConfigReader::readData(ConfigDocument::serialize(withoutHosts), u"t.xml"_s).ok());
    // The diff says what changed.
    Config changed = read.config;
    changed.services[0].groups[0].discover->srv = u"_api._tcp.test"_s;
    const QList<ConfigChange> changes = diffConfigs(read.config, changed);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0].kind, ConfigChange::Kind::GroupDiscoverChanged);
    QCOMPARE(changes[0].description(),
        u"service svc: group g: DNS discovery: srv _web._tcp.test -> _api._tcp.test"_s);
}

void tst_DnsDiscovery::xmlErrors_data()
{
    QTest::addColumn<QByteArray>("inner");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::newRow("bad srv") << QByteArray(R"(<discover srv="_web tcp"/>)") << u"contains ' '"_s << 4;
    QTest::newRow("no srv") << QByteArray(R"(<discover interval="5s"/>)") << u"srv"_s << 4;
    QTest::newRow("short interval") << QByteArray(R"(<discover srv="_a._tcp.t" interval="10ms"/>)")
                                    << u"too short"_s << 4;
    QTest::newRow("long interval") << QByteArray(R"(<discover srv="_a._tcp.t" interval="2d"/>)")
                                   << u"too long"_s << 4;
    QTest::newRow("twice") << QByteArray(R"(<discover srv="_a._tcp.t"/><discover srv="_b._tcp.t"/>)")
                           << u"duplicate <discover>"_s << 4;
    QTest::newRow("resolve") << QByteArray(R"(<host name="a" ip="a.test:80" resolve="some"/>)")
                             << u"expected one of first, all"_s << 4;
}

void tst_DnsDiscovery::xmlErrors()
{
    QFETCH(QByteArray, inner);
    QFETCH(QString, message);
    QFETCH(int, line);
    const QByteArray xml
        = "<balancier version=\"1\">\n  <service name=\"svc\">\n    <listen ip=\"127.0.0.1:0\"/>\n"
          "    <group name=\"g\">"
        + inner + "<host name=\"h\" ip=\"127.0.0.1:1\"/></group>\n  </service>\n</balancier>\n";
    const LoadResult read = ConfigReader::readData(xml, u"t.xml"_s);
    QVERIFY(!read.ok());
    const Diagnostic &first = read.diagnostics.constFirst();
    QVERIFY2(first.message.contains(message), qPrintable(first.message));
    QCOMPARE(first.line, line);
    QVERIFY(first.column > 0);
    // The server of <settings dnsserver> must be an address.
    const LoadResult server = ConfigReader::readData(
        "<balancier version=\"1\">\n  <settings dnsserver=\"dns.example:53\"/>\n</balancier>\n", u"t.xml"_s);
    QVERIFY(!server.ok());
    QVERIFY2(server.diagnostics[0].message.contains(u"not a name server address"_s),
        qPrintable(server.diagnostics[0].message));
    QCOMPARE(server.diagnostics[0].line, 2);
}

void tst_DnsDiscovery::fakeSrvPrioritiesAndWeights()
{
    auto fake = std::make_shared<FakeDnsResolver>();
    DnsAnswer answer;
    answer.srv = {FakeDnsResolver::srv(u"a.test"_s, 80, 10, 5), FakeDnsResolver::srv(u"b.test"_s, 81, 10, 0),
        FakeDnsResolver::srv(u"c.test"_s, 82, 20, 3)};
    fake->setSrv(Srv, answer);
    DnsDiscovery discovery;
    discovery.setDnsResolver(fake);
    QSignalSpy changed(&discovery, &DnsDiscovery::hostsChanged);
    const Config config = discoverConfig(Srv, 1000, {ProxyConfig::host(u"static"_s, u"127.0.0.1:1"_s)});
    discovery.setConfig(config, 60000);
    QVERIFY(changed.wait(2000));
    const Config expanded = discovery.expand(config);
    const QList<HostConfig> &hosts = expanded.services[0].groups[0].hosts;
    QCOMPARE(hosts.size(), 4);
    QCOMPARE(hosts[0].name, u"static"_s);
    QVERIFY(hosts[0].discovered.isEmpty());
    QCOMPARE(hosts[1].name, u"a.test:80"_s);
    QCOMPARE(hosts[1].address, u"a.test:80"_s);
    QCOMPARE(hosts[1].discovered, u"srv"_s);
    QCOMPARE(hosts[1].weight, 5);
    QVERIFY(!hosts[1].backup);  // the lowest priority present is the primaries'
    QCOMPARE(hosts[2].weight, 1);  // weight 0: an equal share
    QVERIFY(!hosts[2].backup);
    QCOMPARE(hosts[3].name, u"c.test:82"_s);
    QVERIFY(hosts[3].backup);
    // The running config (what is saved) never holds them.
    QCOMPARE(config.services[0].groups[0].hosts.size(), 1);
    const QHash<QString, DiscoveryState> stats = discovery.stats(u"svc"_s);
    QCOMPARE(stats.value(u"g"_s).result, u"ok"_s);
    QCOMPARE(stats.value(u"g"_s).records.size(), 3);
    QCOMPARE(discovery.lookups(true), qint64(1));
}

void tst_DnsDiscovery::fakeSrvJoinAndLeave()
{
    StubBackend a(u"a"_s);
    StubBackend b(u"b"_s);
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    auto fake = std::make_shared<FakeDnsResolver>();
    DnsAnswer answer;
    answer.srv = {FakeDnsResolver::srv(u"127.0.0.1"_s, a.port())};
    fake->setSrv(Srv, answer);
    Engine engine;
    engine.setDnsResolver(fake);
    QSignalSpy events(&engine, &Engine::discoveryChanged);
    const quint16 port = ProxyConfig::start(engine, discoverConfig(Srv, 150));
    QVERIFY(port);
    const QString nameA = u"127.0.0.1:"_s + QString::number(a.port());
    const QString nameB = u"127.0.0.1:"_s + QString::number(b.port());
    QTRY_COMPARE(hostNames(engine), QStringList{nameA});
    QCOMPARE(discoveredOf(engine, nameA), u"srv"_s);
    QCOMPARE(reached(port, 2), QSet<QString>{u"a"_s});
    QVERIFY(engine.runningConfig().services[0].groups[0].hosts.isEmpty());

    // A record appears: its host joins and takes traffic.
    answer.srv.append(FakeDnsResolver::srv(u"127.0.0.1"_s, b.port()));
    fake->setSrv(Srv, answer);
    QStringList both{nameA, nameB};
    both.sort();
    QTRY_COMPARE(hostNames(engine), both);
    QCOMPARE(reached(port, 4), (QSet<QString>{u"a"_s, u"b"_s}));
    QVERIFY(!events.isEmpty());
    const QVariantMap last = events.constLast().at(2).toMap();
    QCOMPARE(last.value(u"kind"_s).toString(), u"changed"_s);
    QCOMPARE(last.value(u"added"_s).toStringList(), QStringList{nameB});

    // A record disappears while a client is connected to it: the host drains,
    // then leaves when its last connection ends.
    std::unique_ptr<TestConnection> held;
    for (int i = 0; i < 4 && !held; ++i) {
        auto client = TestConnection::open(port);
        if (client->waitForLine(2000) == u"a"_s)
            held = std::move(client);
    }
    QVERIFY(held);
    answer.srv = {FakeDnsResolver::srv(u"127.0.0.1"_s, b.port())};
    fake->setSrv(Srv, answer);
    QTRY_COMPARE(hostNames(engine), QStringList{nameB});
    const std::optional<HostView> draining = engine.host(u"svc"_s, u"g"_s, nameA);
    QVERIFY(draining);
    QVERIFY(draining->removed);
    QCOMPARE(draining->active, qint64(1));
    QCOMPARE(draining->history.constLast().reasonCode, u"undiscovered"_s);
    QVERIFY(held->roundTrip("still here"));
    QCOMPARE(reached(port, 3), QSet<QString>{u"b"_s});
    held->close();
    QTRY_VERIFY(!engine.host(u"svc"_s, u"g"_s, nameA));
}

void tst_DnsDiscovery::fakeFailureKeepsSet()
{
    StubBackend a(u"a"_s);
    QVERIFY(a.listen());
    auto fake = std::make_shared<FakeDnsResolver>();
    DnsAnswer answer;
    answer.srv = {FakeDnsResolver::srv(u"127.0.0.1"_s, a.port())};
    fake->setSrv(Srv, answer);
    Engine engine;
    engine.setDnsResolver(fake);
    QSignalSpy events(&engine, &Engine::discoveryChanged);
    const quint16 port = ProxyConfig::start(engine, discoverConfig(Srv, 100));
    QTRY_COMPARE(hostNames(engine).size(), 1);
    events.clear();
    fake->setSrv(Srv, DnsAnswer{u"server failure (SERVFAIL)"_s, {}, {}});
    const int before = fake->srvLookups(Srv);
    QTRY_VERIFY(fake->srvLookups(Srv) >= before + 4);  // several failed lookups...
    QCOMPARE(events.size(), 1);  // ...said once
    QCOMPARE(events[0].at(2).toMap().value(u"kind"_s).toString(), u"failed"_s);
    QCOMPARE(hostNames(engine).size(), 1);  // the last good set stays
    QCOMPARE(reached(port, 1), QSet<QString>{u"a"_s});
    const DiscoveryStats stats = groupOf(engine.snapshot())->discovery;
    QCOMPARE(stats.result, u"error"_s);
    QVERIFY(stats.error.contains(u"SERVFAIL"_s));
    QCOMPARE(stats.records.size(), 1);
    QVERIFY(engine.discoveryLookups().value(u"error"_s) >= 4);
    // The admin API's JSON and /metrics say it too.
    const QJsonObject group = statsToJson(engine.snapshot())[u"services"_s][0][u"groups"_s][0].toObject();
    QCOMPARE(group[u"discover"_s][u"result"_s].toString(), u"error"_s);
    QCOMPARE(group[u"discover"_s][u"srv"_s].toString(), Srv);
    QCOMPARE(group[u"hosts"_s][0][u"discovered"_s].toString(), u"srv"_s);
    const QByteArray text = AdminFormats::metrics(engine.snapshot());
    QVERIFY2(
        text.contains("balancier_discovery_lookups_total{service=\"svc\",group=\"g\",result=\"error\"} "),
        text.constData());
    QVERIFY(text.contains("balancier_discovered_hosts{service=\"svc\",group=\"g\"} 1\n"));
    fake->setSrv(Srv, answer);
    QTRY_COMPARE(events.size(), 2);
    QCOMPARE(events[1].at(2).toMap().value(u"kind"_s).toString(), u"recovered"_s);
    QCOMPARE(groupOf(engine.snapshot())->discovery.result, u"ok"_s);
}

void tst_DnsDiscovery::fakeTtlBoundsNextLookup_data()
{
    QTest::addColumn<qint64>("ttlS");
    QTest::addColumn<qint64>("intervalMs");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("ttl shorter") << qint64(2) << qint64(30000) << qint64(2000);
    QTest::newRow("interval shorter") << qint64(300) << qint64(30000) << qint64(30000);
    QTest::newRow("ttl 0: the floor") << qint64(0) << qint64(30000) << qint64(1000);
    QTest::newRow("interval under the floor") << qint64(0) << qint64(200) << qint64(200);
    QTest::newRow("ttl unknown") << qint64(-1) << qint64(5000) << qint64(5000);
}

void tst_DnsDiscovery::fakeTtlBoundsNextLookup()
{
    QFETCH(qint64, ttlS);
    QFETCH(qint64, intervalMs);
    QFETCH(qint64, expected);
    auto fake = std::make_shared<FakeDnsResolver>();
    DnsAnswer answer;
    answer.srv = {FakeDnsResolver::srv(u"127.0.0.1"_s, 1, 0, 1, ttlS)};
    fake->setSrv(Srv, answer);
    fake->setAddresses(u"web.test"_s, FakeDnsResolver::addresses({u"127.0.0.1"_s}, ttlS));
    DnsDiscovery discovery;
    discovery.setDnsResolver(fake);
    QSignalSpy changed(&discovery, &DnsDiscovery::hostsChanged);
    discovery.setConfig(discoverConfig(Srv, intervalMs), 60000);
    QVERIFY(changed.wait(2000));
    QCOMPARE(discovery.stats(u"svc"_s).value(u"g"_s).nextLookupMs, expected);
    // A host name follows the same rule (resolver interval = intervalMs).
    HostResolver resolver;
    resolver.setDnsResolver(fake);
    resolver.setRefreshInterval(intervalMs);
    HostConfig config = ProxyConfig::host(u"web"_s, u"web.test:80"_s);
    auto host = std::make_shared<HostRuntime>(u"svc"_s, u"g"_s, config);
    QSignalSpy resolved(&resolver, &HostResolver::resolved);
    resolver.setHosts({host});
    QVERIFY(resolved.wait(2000));
    QVERIFY(host->endpoint().isValid());
    QCOMPARE(resolver.plannedWaitMs(host), expected);
    // A short TTL means faster lookups, seen in the count.
    if (expected <= 1000) {
        const int before = fake->addressLookups(u"web.test"_s);
        QTRY_VERIFY_WITH_TIMEOUT(fake->addressLookups(u"web.test"_s) >= before + 1, int(expected) + 2000);
    }
}

void tst_DnsDiscovery::fakeResolveAll()
{
    auto fake = std::make_shared<FakeDnsResolver>();
    fake->setAddresses(u"web.test"_s, FakeDnsResolver::addresses({u"127.0.0.2"_s, u"127.0.0.3"_s, u"::1"_s}));
    DnsDiscovery discovery;
    discovery.setDnsResolver(fake);
    QSignalSpy changed(&discovery, &DnsDiscovery::hostsChanged);
    HostConfig web = ProxyConfig::host(u"web"_s, u"web.test:8080"_s, 3, 7);
    web.resolve = HostResolveMode::All;
    const Config config = ProxyConfig::make({web});
    // Before the first answer the host stays as written.
    QCOMPARE(discovery.expand(config).services[0].groups[0].hosts, config.services[0].groups[0].hosts);
    discovery.setConfig(config, 60000);
    QVERIFY(changed.wait(2000));
    const QList<HostConfig> hosts = discovery.expand(config).services[0].groups[0].hosts;
    QCOMPARE(hosts.size(), 3);
    QCOMPARE(hosts[0].name, u"web/127.0.0.2"_s);
    QCOMPARE(hosts[0].address, u"127.0.0.2:8080"_s);
    QCOMPARE(hosts[2].address, u"[::1]:8080"_s);
    for (const HostConfig &host : hosts) {
        QCOMPARE(host.weight, 3);  // the parent's settings
        QCOMPARE(host.maxConns, 7);
        QCOMPARE(host.discovered, u"resolve"_s);
        QCOMPARE(host.discoveredFrom, u"web"_s);
    }
}

void tst_DnsDiscovery::dnsmasqResolveAll()
{
    if (Dnsmasq::program().isEmpty())
        QSKIP("dnsmasq is not installed (Debian package dnsmasq; tools/deps.sh installs it)");
    QTemporaryDir dir;
    Dnsmasq dns(dir.path());
    StubBackend two(u"two"_s);
    StubBackend three(u"three"_s);
    QVERIFY(two.listen(QHostAddress(u"127.0.0.2"_s)));
    QVERIFY(three.listen(QHostAddress(u"127.0.0.3"_s), two.port()));
    dns.setHosts("127.0.0.2 web.test\n127.0.0.3 web.test\n");
    QVERIFY(dns.start({}));

    HostConfig web = ProxyConfig::host(u"web"_s, u"web.test:"_s + QString::number(two.port()));
    web.resolve = HostResolveMode::All;
    Config config = ProxyConfig::make({web});
    config.settings.dnsServer = dns.server();
    config.settings.dnsIntervalMs = 30000;  // the TTL of 1 s (--local-ttl) is what sets the pace
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    QTRY_COMPARE(hostNames(engine), (QStringList{u"web/127.0.0.2"_s, u"web/127.0.0.3"_s}));
    QCOMPARE(discoveredOf(engine, u"web/127.0.0.3"_s), u"resolve"_s);
    QCOMPARE(reached(port, 4), (QSet<QString>{u"two"_s, u"three"_s}));

    // One address leaves the name: within the TTL its host leaves too.
    dns.setHosts("127.0.0.2 web.test\n");
    dns.reload();
    QTRY_COMPARE_WITH_TIMEOUT(hostNames(engine), QStringList{u"web/127.0.0.2"_s}, 5000);
    QCOMPARE(reached(port, 3), QSet<QString>{u"two"_s});
    // The server goes away: the last good set stays.
    dns.stop();
    QTest::qWait(2500);
    QCOMPARE(hostNames(engine), QStringList{u"web/127.0.0.2"_s});
    QCOMPARE(reached(port, 1), QSet<QString>{u"two"_s});
}

void tst_DnsDiscovery::dnsmasqSrv()
{
    if (Dnsmasq::program().isEmpty())
        QSKIP("dnsmasq is not installed (Debian package dnsmasq; tools/deps.sh installs it)");
    QTemporaryDir dir;
    Dnsmasq dns(dir.path());
    StubBackend a(u"a"_s);
    StubBackend b(u"b"_s);
    StubBackend c(u"c"_s);
    QVERIFY(a.listen(QHostAddress(u"127.0.0.2"_s)));
    QVERIFY(b.listen(QHostAddress(u"127.0.0.3"_s)));
    QVERIFY(c.listen(QHostAddress(u"127.0.0.4"_s)));
    dns.setHosts("127.0.0.2 a.test\n127.0.0.3 b.test\n127.0.0.4 c.test\n");
    const auto record = [](const QString &target, quint16 port, int priority) -> QString {
        return Srv + u',' + target + u',' + QString::number(port) + u',' + QString::number(priority)
            + u",1"_s;
    };
    QVERIFY(dns.start({record(u"a.test"_s, a.port(), 0), record(u"c.test"_s, c.port(), 1)}));

    Config config = discoverConfig(Srv, 300);
    config.settings.dnsServer = dns.server();
    Engine engine;
    QSignalSpy events(&engine, &Engine::discoveryChanged);
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    const QString nameA = u"a.test:"_s + QString::number(a.port());
    const QString nameB = u"b.test:"_s + QString::number(b.port());
    const QString nameC = u"c.test:"_s + QString::number(c.port());
    QTRY_COMPARE(hostNames(engine), (QStringList{nameA, nameC}));
    const DiscoveryStats stats = groupOf(engine.snapshot())->discovery;
    QCOMPARE(stats.srv, Srv);
    QCOMPARE(stats.result, u"ok"_s);
    QCOMPARE(stats.records.size(), 2);
    QVERIFY(stats.lastLookup.isValid());
    // Targets are names: they resolve through the same server.
    QTRY_VERIFY(reached(port, 1).size() == 1);

    // b appears, c disappears (dnsmasq reads --srv-host at start only).
    QVERIFY(dns.start({record(u"a.test"_s, a.port(), 0), record(u"b.test"_s, b.port(), 0)}));
    QTRY_COMPARE_WITH_TIMEOUT(hostNames(engine), (QStringList{nameA, nameB}), 5000);
    QTRY_COMPARE(reached(port, 4), (QSet<QString>{u"a"_s, u"b"_s}));
    bool sawChange = false;
    for (const QList<QVariant> &event : std::as_const(events))
        sawChange = sawChange || event.at(2).toMap().value(u"removed"_s).toStringList() == QStringList{nameC};
    QVERIFY(sawChange);

    // The server stops: the set stays, the failure is said once.
    events.clear();
    dns.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 5000);
    QCOMPARE(events[0].at(2).toMap().value(u"kind"_s).toString(), u"failed"_s);
    QCOMPARE(hostNames(engine), (QStringList{nameA, nameB}));
    QCOMPARE(groupOf(engine.snapshot())->discovery.result, u"error"_s);
}

QTEST_GUILESS_MAIN(tst_DnsDiscovery)
#include "tst_dnsdiscovery.moc"
