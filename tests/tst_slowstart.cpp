// Slow start on real connections: after a host comes back (admin back to
// ready, newly added, health up) its share of new connections grows over
// the ramp, for the weighted scheduler, leastconns and p2c. Counted per
// stub backend that answers its own name.

#include "engine.h"
#include "proxyconfig.h"
#include "runtime/hostruntime.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>
#include <vector>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 RampMs = 2000;

/// How the returning host comes back.
enum class Return
{
    Admin,  ///< maintenance, then ready again
    Added,  ///< added to the running config
    Health,  ///< its backend stops, is marked down, and answers again
};

struct Share
{
    int first = 0;  ///< connections opened in the first third of the ramp
    int firstB = 0;  ///< ... of them to b
    int last = 0;
    int lastB = 0;

    double firstShare() const { return first ? double(firstB) / first : 0; }
    double lastShare() const { return last ? double(lastB) / last : 0; }
    QString text() const
    {
        return u"first third: b got %1 of %2 (%3), last third: b got %4 of %5 (%6)"_s.arg(firstB)
            .arg(first)
            .arg(firstShare(), 0, 'f', 2)
            .arg(lastB)
            .arg(last)
            .arg(lastShare(), 0, 'f', 2);
    }
};

}  // namespace

Q_DECLARE_METATYPE(Return)

class tst_SlowStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void effectiveWeight_data();
    void effectiveWeight();
    void shareGrowsOverTheRamp_data();
    void shareGrowsOverTheRamp();
    void noRampWithoutSlowStart();
};

void tst_SlowStart::effectiveWeight_data()
{
    QTest::addColumn<int>("weight");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("elapsed");  // since the ramp began; -1: no ramp
    QTest::addColumn<int>("expected");  // in 1/16 units

    QTest::newRow("full") << 10 << 100 << qint64(-1) << 160;
    QTest::newRow("agent 75%") << 10 << 75 << qint64(-1) << 120;
    QTest::newRow("agent 0%") << 10 << 0 << qint64(-1) << 0;
    QTest::newRow("weight 0") << 0 << 100 << qint64(-1) << 0;
    QTest::newRow("weight 1, agent 1%: at least 1") << 1 << 1 << qint64(-1) << 1;
    QTest::newRow("ramp start: at least 1") << 10 << 100 << qint64(0) << 1;
    QTest::newRow("ramp quarter") << 10 << 100 << qint64(500) << 40;
    QTest::newRow("ramp half x agent 50%") << 10 << 50 << qint64(1000) << 40;
    QTest::newRow("ramp end") << 10 << 100 << qint64(2000) << 160;
    QTest::newRow("weight 1 ramps in steps too") << 1 << 100 << qint64(1000) << 8;
    QTest::newRow("agent 0% ramping stays 0") << 10 << 0 << qint64(1000) << 0;
}

void tst_SlowStart::effectiveWeight()
{
    QFETCH(int, weight);
    QFETCH(int, percent);
    QFETCH(qint64, elapsed);
    QFETCH(int, expected);
    HostConfig config = ProxyConfig::host(u"a"_s, u"127.0.0.1:1"_s, weight);
    HostRuntime host(u"svc"_s, u"g"_s, config);
    host.slowStartMs = RampMs;
    host.agent.weightPercent = percent;
    if (elapsed >= 0)
        host.startSlowStart(1000);
    host.refreshEffectiveWeight(1000 + std::max<qint64>(elapsed, 0));
    QCOMPARE(host.effectiveWeight.load(), expected);
    QCOMPARE(host.isRamping(), elapsed >= 0 && elapsed < RampMs);
}

void tst_SlowStart::shareGrowsOverTheRamp_data()
{
    QTest::addColumn<QString>("scheduler");
    QTest::addColumn<Return>("how");
    QTest::newRow("weighted, admin ready") << u"weighted"_s << Return::Admin;
    QTest::newRow("weighted, health up") << u"weighted"_s << Return::Health;
    QTest::newRow("leastconns, added") << u"leastconns"_s << Return::Added;
    QTest::newRow("leastconns, admin ready") << u"leastconns"_s << Return::Admin;
    QTest::newRow("p2c, health up") << u"p2c"_s << Return::Health;
}

void tst_SlowStart::shareGrowsOverTheRamp()
{
    QFETCH(QString, scheduler);
    QFETCH(Return, how);
    StubBackend a(u"a"_s);
    StubBackend b(u"b"_s);
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    const quint16 bPort = b.port();
    Config config = ProxyConfig::make(
        {ProxyConfig::host(u"a"_s, a.address(), 10), ProxyConfig::host(u"b"_s, b.address(), 10)}, scheduler);
    GroupConfig &group = config.services.first().groups.first();
    group.slowStartMs = RampMs;
    config.health = ProxyConfig::fastHealth();
    const HostConfig bConfig = group.hosts.at(1);
    Config before = config;
    if (how == Return::Admin)
        before.services.first().groups.first().hosts[1].adminState = HostAdminState::Maintenance;
    else if (how == Return::Added)
        before.services.first().groups.first().hosts.removeLast();

    Engine engine;
    const quint16 port = ProxyConfig::start(engine, before);
    QVERIFY(port);
    // Every host is up at the start: nothing ramps.
    QCOMPARE(engine.host(u"svc"_s, u"g"_s, u"a"_s)->slowStartLeftMs, qint64(0));

    switch (how) {
    case Return::Admin:
    case Return::Added:
        QVERIFY(engine.apply(config).ok);
        break;
    case Return::Health:
        b.close();
        // A client tried on b finds it refusing: b is down, the client goes to a.
        QTRY_VERIFY_WITH_TIMEOUT((TestConnection::open(port)->waitForLine(),
                                     engine.host(u"svc"_s, u"g"_s, u"b"_s)->state == u"down"_s),
            5000);
        QVERIFY(b.listen(QHostAddress(QHostAddress::LocalHost), bPort));
        QTRY_COMPARE_WITH_TIMEOUT(engine.host(u"svc"_s, u"g"_s, u"b"_s)->state, u"up"_s, 5000);
        break;
    }
    QElapsedTimer clock;
    clock.start();
    const std::optional<HostView> rampingB = engine.host(u"svc"_s, u"g"_s, u"b"_s);
    QVERIFY(rampingB);
    QVERIFY2(rampingB->slowStartLeftMs > RampMs / 2, qPrintable(QString::number(rampingB->slowStartLeftMs)));
    QVERIFY2(rampingB->effectiveWeight < 5, qPrintable(QString::number(rampingB->effectiveWeight)));
    Q_UNUSED(bConfig);

    // Weighted: short connections, one after another. leastconns and p2c
    // compare open connections, so they are held, two every 50 ms.
    const bool hold = scheduler != u"weighted"_s;
    std::vector<std::unique_ptr<TestConnection>> held;
    Share share;
    qint64 slot = 0;
    while (clock.elapsed() < RampMs - 50) {
        if (hold) {
            QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= slot, 1000);
            slot += 50;
        }
        for (int i = 0; i < (hold ? 2 : 1); ++i) {
            const qint64 at = clock.elapsed();
            auto client = TestConnection::open(port);
            const QString name = client->waitForLine();
            QVERIFY2(name == u"a"_s || name == u"b"_s, qPrintable(name));
            if (at < RampMs / 3) {
                ++share.first;
                share.firstB += name == u"b"_s;
            } else if (at >= 2 * RampMs / 3) {
                ++share.last;
                share.lastB += name == u"b"_s;
            }
            if (hold)
                held.push_back(std::move(client));
        }
    }
    qInfo().noquote() << scheduler << share.text();
    QVERIFY2(share.first >= 8 && share.last >= 8, qPrintable(share.text()));
    // Without a ramp b's share is 1/2 throughout. With it, weighted gives b
    // about 0.14 then 0.45; leastconns and p2c, which let b catch up, about
    // 0.25 then 0.7.
    QVERIFY2(share.firstShare() <= 0.34, qPrintable(share.text()));
    QVERIFY2(share.lastShare() >= 0.38, qPrintable(share.text()));
    QVERIFY2(share.lastShare() >= share.firstShare() + 0.15, qPrintable(share.text()));
    // The ramp ends at the full weight.
    QTRY_COMPARE_WITH_TIMEOUT(engine.host(u"svc"_s, u"g"_s, u"b"_s)->effectiveWeight, 10.0, 2000);
    QCOMPARE(engine.host(u"svc"_s, u"g"_s, u"b"_s)->slowStartLeftMs, qint64(0));
}

void tst_SlowStart::noRampWithoutSlowStart()
{
    // The control: the same return without slowstart gives b its full share at once.
    StubBackend a(u"a"_s);
    StubBackend b(u"b"_s);
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    Config config = ProxyConfig::make(
        {ProxyConfig::host(u"a"_s, a.address(), 10), ProxyConfig::host(u"b"_s, b.address(), 10)},
        u"weighted"_s);
    Config before = config;
    before.services.first().groups.first().hosts[1].adminState = HostAdminState::Maintenance;
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, before);
    QVERIFY(port);
    QVERIFY(engine.apply(config).ok);
    QCOMPARE(engine.host(u"svc"_s, u"g"_s, u"b"_s)->effectiveWeight, 10.0);
    int toB = 0;
    for (int i = 0; i < 20; ++i)
        toB += TestConnection::open(port)->waitForLine() == u"b"_s;
    QCOMPARE(toB, 10);
}

QTEST_GUILESS_MAIN(tst_SlowStart)
#include "tst_slowstart.moc"
