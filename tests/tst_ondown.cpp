// ondown="shutdown-sessions" (issue 16) over real sockets: when health marks
// a host down, its open connections are cut, each counted and logged with
// the termination host-down; without it they stay until they end.

#include "engine.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QSignalSpy>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

class tst_OnDown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthDownCutsConnections_data();
    void healthDownCutsConnections();
    void adminMaintenanceDoesNotCut();
};

void tst_OnDown::healthDownCutsConnections_data()
{
    QTest::addColumn<bool>("shutdown");
    QTest::newRow("ondown=shutdown-sessions") << true;
    QTest::newRow("ondown=none") << false;
}

void tst_OnDown::healthDownCutsConnections()
{
    QFETCH(bool, shutdown);
    StubBackend a(u"a"_s), b(u"b"_s);
    QVERIFY(a.listen() && b.listen());
    Config config
        = ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address()), ProxyConfig::host(u"b"_s, b.address())});
    config.health = ProxyConfig::fastHealth();
    config.health.active = true;
    config.services[0].groups[0].onDown = shutdown ? HostDownAction::ShutdownSessions : HostDownAction::None;
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    std::vector<std::unique_ptr<TestConnection>> onA;
    std::unique_ptr<TestConnection> onB;
    // Round robin: a, b, a, b.
    for (int i = 0; i < 4; ++i) {
        std::unique_ptr<TestConnection> client = TestConnection::open(port);
        const QString name = client->waitForLine();
        if (name == u"a")
            onA.push_back(std::move(client));
        else if (name == u"b")
            onB = std::move(client);
    }
    QCOMPARE(int(onA.size()), 2);
    QVERIFY(onB);
    QSignalSpy states(&engine, &Engine::hostStateChanged);

    // a stops answering probes; its open connections are still fine.
    a.close();
    QTRY_VERIFY_WITH_TIMEOUT(engine.host(u"svc"_s, u"g"_s, u"a"_s)->state == u"down", 5000);
    if (shutdown) {
        for (const auto &client : onA)
            QVERIFY(client->waitForEnd());
        QTRY_COMPARE(a.openConnections(), 0);
        QCOMPARE(engine.snapshot().services.at(0).closed.value(u"host-down"_s), 2);
    } else {
        for (const auto &client : onA)
            QVERIFY(client->roundTrip("still here"));
        QCOMPARE(a.openConnections(), 2);
        QCOMPARE(engine.snapshot().services.at(0).closed.value(u"host-down"_s), 0);
    }
    // The host that is up keeps its connection either way.
    QVERIFY(onB->roundTrip("b is up"));
}

void tst_OnDown::adminMaintenanceDoesNotCut()
{
    // ondown is about health; an operator's maintenance drains as before.
    StubBackend a(u"a"_s), b(u"b"_s);
    QVERIFY(a.listen() && b.listen());
    Config config
        = ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address()), ProxyConfig::host(u"b"_s, b.address())});
    config.services[0].groups[0].onDown = HostDownAction::ShutdownSessions;
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    const std::unique_ptr<TestConnection> client = TestConnection::open(port);
    QCOMPARE(client->waitForLine(), u"a"_s);
    QVERIFY(engine.setHostAdminState(u"svc"_s, u"g"_s, u"a"_s, HostAdminState::Maintenance).ok);
    QVERIFY(client->roundTrip("kept"));
    QCOMPARE(engine.snapshot().services.at(0).closed.value(u"host-down"_s), 0);
}

QTEST_GUILESS_MAIN(tst_OnDown)
#include "tst_ondown.moc"
