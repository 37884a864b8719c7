// Changes to a running engine while connections are open: draining,
// removing, switching groups, every live change and a whole new config.
// No open connection may be dropped, and unchanged listeners keep their port.

#include "engine.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

using Clients = std::vector<std::unique_ptr<TestConnection>>;

/// Every client still echoes a token of its own; names the first that does not.
QString firstDead(const Clients &clients, const QByteArray &tag)
{
    for (std::size_t i = 0; i < clients.size(); ++i) {
        if (!clients.at(i)->roundTrip(tag + ' ' + QByteArray::number(qulonglong(i)) + '\n'))
            return u"client %1 (error: %2)"_s.arg(i).arg(clients.at(i)->errorString());
    }
    return {};
}

}  // namespace

class tst_LiveChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drainKeepsOpenConnection();
    void removeHostKeepsOpenConnection();
    void groupSwitchUnderLoad();
    void liveChangesKeepTraffic();
    void drainTimeoutCutsTheRest_data();
    void drainTimeoutCutsTheRest();
    void drainFinishedInTimeIsNotCut();
    void drainEndedInTimeIsNotCut();
};

void tst_LiveChanges::drainKeepsOpenConnection()
{
    StubBackend a(u"a"_s), b(u"b"_s);
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine,
        ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address()), ProxyConfig::host(u"b"_s, b.address())}));
    QVERIFY(port);
    const std::unique_ptr<TestConnection> onA = TestConnection::open(port);
    QCOMPARE(onA->waitForLine(), u"a"_s);

    const ApplyResult drained = engine.setHostAdminState(u"svc"_s, u"g"_s, u"a"_s, HostAdminState::Drain);
    QVERIFY2(drained.ok, qPrintable(drained.errorString()));
    const auto hostA = [&] {
        return engine.host(u"svc"_s, u"g"_s, u"a"_s).value();
    };
    QCOMPARE(hostA().state, u"draining"_s);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(TestConnection::open(port)->waitForLine(), u"b"_s);
    QCOMPARE(a.connectionCount(), 1);

    // The open connection is untouched and finishes normally.
    QVERIFY(onA->roundTrip("still served by a"));
    QCOMPARE(hostA().active, qint64(1));
    onA->shutdownWrite();
    QVERIFY(onA->waitForEnd());
    QCOMPARE(onA->error(), 0);
    QTRY_COMPARE(hostA().active, qint64(0));
    QTRY_COMPARE(a.openConnections(), 0);
    QCOMPARE(a.received(), QByteArrayLiteral("still served by a"));
}

void tst_LiveChanges::removeHostKeepsOpenConnection()
{
    StubBackend a(u"a"_s), b(u"b"_s);
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine,
        ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address()), ProxyConfig::host(u"b"_s, b.address())}));
    QVERIFY(port);
    const std::unique_ptr<TestConnection> onA = TestConnection::open(port);
    QCOMPARE(onA->waitForLine(), u"a"_s);
    const auto hostA = [&] {
        return engine.host(u"svc"_s, u"g"_s, u"a"_s).value();
    };

    const ApplyResult removed = engine.removeHost(u"svc"_s, u"g"_s, u"a"_s);
    QVERIFY2(removed.ok, qPrintable(removed.errorString()));
    QVERIFY(!engine.runningConfig().service(u"svc")->group(u"g")->host(u"a"));
    QVERIFY(hostA().removed);  // still there, draining
    QCOMPARE(hostA().state, u"draining"_s);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(TestConnection::open(port)->waitForLine(), u"b"_s);

    QVERIFY(onA->roundTrip("after removal"));
    QCOMPARE(hostA().active, qint64(1));
    onA->close();
    // Drained, it goes away: as the stats timer ticks.
    QTRY_VERIFY(!engine.host(u"svc"_s, u"g"_s, u"a"_s));
    QTRY_COMPARE(a.openConnections(), 0);
    QTRY_COMPARE(engine.activeConnections(), 0);
}

void tst_LiveChanges::groupSwitchUnderLoad()
{
    StubBackend a1(u"a1"_s), a2(u"a2"_s), b1(u"b1"_s), b2(u"b2"_s);
    for (StubBackend *stub : {&a1, &a2, &b1, &b2})
        QVERIFY(stub->listen());
    Config config = ProxyConfig::make(
        {ProxyConfig::host(u"a1"_s, a1.address()), ProxyConfig::host(u"a2"_s, a2.address())});
    config.services[0].groups[0].name = u"A"_s;
    config.services[0].groups.append(ProxyConfig::group(
        u"B"_s, {ProxyConfig::host(u"b1"_s, b1.address()), ProxyConfig::host(u"b2"_s, b2.address())}));
    config.services[0].enabledGroup = u"A"_s;
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);

    Clients onA;
    for (int i = 0; i < 4; ++i) {
        onA.push_back(TestConnection::open(port));
        QVERIFY(onA.back()->waitForLine().startsWith(u'a'));
    }
    const auto hostA1 = [&] {
        return engine.host(u"svc"_s, u"A"_s, u"a1"_s).value();
    };
    const auto hostA2 = [&] {
        return engine.host(u"svc"_s, u"A"_s, u"a2"_s).value();
    };

    const ApplyResult switched = engine.enableGroup(u"svc"_s, u"B"_s);
    QVERIFY2(switched.ok, qPrintable(switched.errorString()));
    Clients onB;
    for (int i = 0; i < 4; ++i) {
        onB.push_back(TestConnection::open(port));
        QVERIFY(onB.back()->waitForLine().startsWith(u'b'));
    }
    QCOMPARE(b1.openConnections() + b2.openConnections(), 4);

    // The old connections stay on A, echo, and stay counted there.
    QCOMPARE(firstDead(onA, "old"), QString());
    QCOMPARE(hostA1().active + hostA2().active, qint64(4));
    QCOMPARE(a1.openConnections() + a2.openConnections(), 4);
    const StatsSnapshot snapshot = engine.snapshot();
    const ServiceStats *service = snapshot.service(u"svc");
    QVERIFY(service);
    QCOMPARE(service->enabledGroup, u"B"_s);
    for (const GroupStats &group : service->groups)
        QCOMPARE(group.active, qint64(4));
    QCOMPARE(snapshot.activeConnections, qint64(8));

    onA.clear();
    QTRY_COMPARE(hostA1().active + hostA2().active, qint64(0));
    QCOMPARE(firstDead(onB, "new"), QString());
}

void tst_LiveChanges::liveChangesKeepTraffic()
{
    StubBackend a(u"a"_s), b(u"b"_s), c(u"c"_s), d(u"d"_s), e(u"e"_s);
    for (StubBackend *stub : {&a, &b, &c, &d, &e})
        QVERIFY(stub->listen());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine,
        ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address()), ProxyConfig::host(u"b"_s, b.address())}));
    QVERIFY(port);
    const auto reach = [&](quint16 to = 0) {
        return TestConnection::open(to ? to : port)->waitForLine();
    };
    const auto ok = [](const ApplyResult &result) {
        if (!result.ok)
            qWarning().noquote() << result.errorString();
        return result.ok;
    };
    const auto firstPort = [&] {
        return engine.listeners().constFirst().port;
    };

    Clients clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(TestConnection::open(port));
        QVERIFY(!clients.back()->waitForLine().isEmpty());
    }
    QCOMPARE(a.openConnections(), 2);
    QCOMPARE(b.openConnections(), 2);

    // addHost: a new scheduler over a, b, c.
    QVERIFY(ok(engine.addHost(u"svc"_s, u"g"_s, ProxyConfig::host(u"c"_s, c.address()))));
    QCOMPARE(firstDead(clients, "addHost"), QString());
    QStringList seen = {reach(), reach(), reach()};
    seen.sort();
    QCOMPARE(seen, (QStringList{u"a"_s, u"b"_s, u"c"_s}));

    // setScheduler, then setHostWeight: weighted 3/1/1 over a full cycle.
    QVERIFY(ok(engine.setScheduler(u"svc"_s, u"g"_s, u"weighted"_s)));
    QVERIFY(ok(engine.setHostWeight(u"svc"_s, u"g"_s, u"a"_s, 3)));
    QCOMPARE(firstDead(clients, "weights"), QString());
    seen.clear();
    for (int i = 0; i < 10; ++i)
        seen.append(reach());
    QCOMPARE(seen.count(u"a"_s), 6);
    QCOMPARE(seen.count(u"b"_s), 2);
    QCOMPARE(seen.count(u"c"_s), 2);

    // setMaxConns: b is full with the connections it already has.
    QVERIFY(ok(engine.setHostMaxConns(u"svc"_s, u"g"_s, u"b"_s, 2)));
    QCOMPARE(firstDead(clients, "maxconns"), QString());
    for (int i = 0; i < 5; ++i)
        QVERIFY(reach() != u"b"_s);

    // removeHost: a's connections drain and keep working.
    QVERIFY(ok(engine.removeHost(u"svc"_s, u"g"_s, u"a"_s)));
    QCOMPARE(firstDead(clients, "removeHost"), QString());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(reach(), u"c"_s);  // b is still full

    // addListener / removeListener: a connection made through the removed
    // listener survives it.
    const quint16 extraPort = ProxyConfig::unusedPort();
    QVERIFY(extraPort);
    const QString extra = u"127.0.0.1:%1"_s.arg(extraPort);
    QVERIFY(ok(engine.addListener(u"svc"_s, extra)));
    QCOMPARE(engine.listeners().size(), 2);
    QCOMPARE(firstPort(), port);
    clients.push_back(TestConnection::open(extraPort));
    QCOMPARE(clients.back()->waitForLine(), u"c"_s);
    QVERIFY(ok(engine.removeListener(u"svc"_s, extra)));
    QCOMPARE(engine.listeners().size(), 1);
    QCOMPARE(firstPort(), port);
    QTRY_VERIFY(TestConnection::open(extraPort)->waitForEnd(2000));
    QCOMPARE(firstDead(clients, "listeners"), QString());

    // A whole new config: other hosts, another scheduler, the same listener.
    QVERIFY(ok(engine.apply(ProxyConfig::make(
        {ProxyConfig::host(u"d"_s, d.address()), ProxyConfig::host(u"e"_s, e.address())}, u"leastconns"_s))));
    QCOMPARE(firstPort(), port);
    QCOMPARE(firstDead(clients, "apply"), QString());
    seen = {reach(), reach(), reach(), reach()};
    QCOMPARE(seen.count(u"d"_s) + seen.count(u"e"_s), 4);

    // Everything still open was counted where it started, and ends cleanly.
    QTRY_COMPARE(engine.activeConnections(), qint64(clients.size()));
    for (const auto &client : clients)
        client->shutdownWrite();
    for (const auto &client : clients) {
        QVERIFY(client->waitForEnd());
        QCOMPARE(client->error(), 0);
    }
    QTRY_COMPARE(engine.activeConnections(), 0);
    for (StubBackend *stub : {&a, &b, &c, &d, &e})
        QTRY_COMPARE(stub->openConnections(), 0);
}

namespace {

/// How a test takes host "a" (of group "g", hosts a and b) out of service.
enum class DrainBy
{
    RemoveHost,  // removeHost (the admin API's delHost and DELETE)
    AdminDrain,  // setHostAdminState(drain) (hostDrain, POST .../drain)
    RemoveGroup,  // a config without the group (delGroup, a reload)
    RemoveAllHosts,  // a config with the group emptied (delAllHosts)
    RemoveService,  // a config without the service (a reload)
};

/// Takes host "a" out of the running drainConfig() as `how` says.
ApplyResult takeOut(Engine &engine, DrainBy how)
{
    Config config = engine.runningConfig();
    ServiceConfig &service = config.services[0];
    switch (how) {
    case DrainBy::RemoveHost:
        return engine.removeHost(u"svc"_s, u"g"_s, u"a"_s);
    case DrainBy::AdminDrain:
        return engine.setHostAdminState(u"svc"_s, u"g"_s, u"a"_s, HostAdminState::Drain);
    case DrainBy::RemoveGroup:
        service.enabledGroup = u"spare"_s;
        service.groups.removeIf([](const GroupConfig &group) { return group.name == u"g"; });
        break;
    case DrainBy::RemoveAllHosts:
        service.group(u"g")->hosts.clear();
        break;
    case DrainBy::RemoveService:
        service.name = u"other"_s;
        break;
    }
    return engine.apply(config);
}

/// Hosts a and b in group "g" (enabled), host c in group "spare".
Config drainConfig(const StubBackend &a, const StubBackend &b, const StubBackend &c, qint64 drainTimeoutMs)
{
    Config config
        = ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address()), ProxyConfig::host(u"b"_s, b.address())});
    config.services[0].groups.append(
        ProxyConfig::group(u"spare"_s, {ProxyConfig::host(u"c"_s, c.address())}));
    config.settings.drainTimeoutMs = drainTimeoutMs;
    return config;
}

}  // namespace

void tst_LiveChanges::drainTimeoutCutsTheRest_data()
{
    QTest::addColumn<DrainBy>("how");
    QTest::addColumn<QString>("state");
    QTest::newRow("removeHost") << DrainBy::RemoveHost << u"removed"_s;
    QTest::newRow("admin drain") << DrainBy::AdminDrain << u"draining"_s;
    QTest::newRow("group removed") << DrainBy::RemoveGroup << u"removed"_s;
    QTest::newRow("all hosts removed") << DrainBy::RemoveAllHosts << u"removed"_s;
    QTest::newRow("service removed") << DrainBy::RemoveService << u"removed"_s;
}

void tst_LiveChanges::drainTimeoutCutsTheRest()
{
    // <settings draintimeout> bounds every drain, not only the shutdown's:
    // what is still open when it passes is cut, said in the log and as a
    // host event.
    QFETCH(DrainBy, how);
    QFETCH(QString, state);
    StubBackend a(u"a"_s), b(u"b"_s), c(u"c"_s);
    QVERIFY(a.listen() && b.listen() && c.listen());
    Engine engine;
    constexpr qint64 DrainTimeoutMs = 2000;
    const quint16 port = ProxyConfig::start(engine, drainConfig(a, b, c, DrainTimeoutMs));
    QVERIFY(port);
    const std::unique_ptr<TestConnection> onA = TestConnection::open(port);
    QCOMPARE(onA->waitForLine(), u"a"_s);
    const std::unique_ptr<TestConnection> onB = TestConnection::open(port);
    QCOMPARE(onB->waitForLine(), u"b"_s);
    QSignalSpy events(&engine, &Engine::hostStateChanged);

    // a drains; b too when its group or service goes.
    const bool bDrains = how != DrainBy::RemoveHost && how != DrainBy::AdminDrain;
    for (int i = 0; i < (bDrains ? 2 : 1); ++i) {
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(
                u"^service svc: group g: host [ab] \\((removed|set to drain)\\): drain timeout "
                "2s passed: 1 open connection\\(s\\) cut$"_s));
    }
    const ApplyResult result = takeOut(engine, how);
    QVERIFY2(result.ok, qPrintable(result.errorString()));
    if (how == DrainBy::AdminDrain) {
        // The administrative change is a host event of its own, at once.
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).at(3).value<HostStateEvent>().reason, u"administrative change"_s);
        events.clear();
    }
    // Drained, not cut: it goes on until the deadline.
    QVERIFY(onA->roundTrip("draining"));
    QVERIFY(!onA->isClosed() && !onA->atEnd());

    QVERIFY2(onA->waitForEnd(30000), "the drain timeout did not cut the connection");
    QTRY_COMPARE_WITH_TIMEOUT(a.openConnections(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), bDrains ? 2 : 1, 10000);
    QStringList hosts;
    for (const QList<QVariant> &event : std::as_const(events)) {
        QCOMPARE(event.at(0).toString(), u"svc"_s);
        QCOMPARE(event.at(1).toString(), u"g"_s);
        hosts.append(event.at(2).toString());
        const auto hostEvent = event.at(3).value<HostStateEvent>();
        QCOMPARE(hostEvent.state, state);
        QCOMPARE(hostEvent.reason, u"drain timeout 2s passed: 1 open connection(s) cut"_s);
    }
    hosts.sort();
    QCOMPARE(hosts, bDrains ? (QStringList{u"a"_s, u"b"_s}) : (QStringList{u"a"_s}));
    if (bDrains) {
        QVERIFY(onB->waitForEnd(10000));
    } else {
        // b is in service: its connection is not touched.
        QVERIFY(onB->roundTrip("b is in service"));
        QCOMPARE(b.openConnections(), 1);
    }
}

void tst_LiveChanges::drainFinishedInTimeIsNotCut()
{
    StubBackend a(u"a"_s), b(u"b"_s), c(u"c"_s);
    QVERIFY(a.listen() && b.listen() && c.listen());
    Engine engine;
    constexpr qint64 DrainTimeoutMs = 1000;
    const quint16 port = ProxyConfig::start(engine, drainConfig(a, b, c, DrainTimeoutMs));
    QVERIFY(port);
    const std::unique_ptr<TestConnection> onA = TestConnection::open(port);
    QCOMPARE(onA->waitForLine(), u"a"_s);
    QSignalSpy events(&engine, &Engine::hostStateChanged);

    QVERIFY(engine.removeHost(u"svc"_s, u"g"_s, u"a"_s).ok);
    QVERIFY(onA->roundTrip("last words"));
    onA->shutdownWrite();
    QVERIFY(onA->waitForEnd());
    QCOMPARE(onA->error(), 0);
    QCOMPARE(a.received(), QByteArrayLiteral("last words"));
    // Well past the deadline: nothing to cut, nothing said.
    QVERIFY(!events.wait(int(3 * DrainTimeoutMs)));
    QCOMPARE(engine.activeConnections(), 0);
}

void tst_LiveChanges::drainEndedInTimeIsNotCut()
{
    // Set to drain, then back to ready before the deadline: its connection
    // is in service again and nobody cuts it.
    StubBackend a(u"a"_s), b(u"b"_s), c(u"c"_s);
    QVERIFY(a.listen() && b.listen() && c.listen());
    Engine engine;
    constexpr qint64 DrainTimeoutMs = 1000;
    const quint16 port = ProxyConfig::start(engine, drainConfig(a, b, c, DrainTimeoutMs));
    QVERIFY(port);
    const std::unique_ptr<TestConnection> onA = TestConnection::open(port);
    QCOMPARE(onA->waitForLine(), u"a"_s);
    QSignalSpy events(&engine, &Engine::hostStateChanged);

    QVERIFY(engine.setHostAdminState(u"svc"_s, u"g"_s, u"a"_s, HostAdminState::Drain).ok);
    QVERIFY(engine.setHostAdminState(u"svc"_s, u"g"_s, u"a"_s, HostAdminState::Ready).ok);
    QVERIFY(!events.wait(int(3 * DrainTimeoutMs)));
    QVERIFY(onA->roundTrip("still in service"));
    QVERIFY(!onA->atEnd());
    QCOMPARE(a.openConnections(), 1);
}

QTEST_MAIN(tst_LiveChanges)
#include "tst_livechanges.moc"
