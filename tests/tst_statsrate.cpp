// How often the engine publishes statistics when several front ends ask for
// different rates: each caller has its own request, the fastest one wins,
// and a request ends when its owner asks for 0 or is destroyed.

#include "engine.h"
#include "proxyconfig.h"
#include "stubbackend.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Balancier;
using namespace Qt::StringLiterals;

class tst_StatsRate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultRate();
    void fastestRequestWins();
    void ownerDestroyedReleases();
    void clamped_data();
    void clamped();
    void legacySetterIsOneCaller();
    void signalFollowsRate();
};

void tst_StatsRate::defaultRate()
{
    Engine engine;
    QCOMPARE(engine.statsIntervalMs(), 1000 / Engine::DefaultStatsRate);
}

void tst_StatsRate::fastestRequestWins()
{
    Engine engine;
    QObject gui;
    QObject admin;
    engine.requestStatsRate(&gui, 4);
    QCOMPARE(engine.statsIntervalMs(), 250);
    engine.requestStatsRate(&admin, 10);
    QCOMPARE(engine.statsIntervalMs(), 100);
    // A slower request from another caller does not slow the fast one down...
    engine.requestStatsRate(&gui, 2);
    QCOMPARE(engine.statsIntervalMs(), 100);
    // ...and when the fast caller is done, the other's request is in force.
    engine.requestStatsRate(&admin, 0);
    QCOMPARE(engine.statsIntervalMs(), 500);
    engine.requestStatsRate(&gui, 5);
    QCOMPARE(engine.statsIntervalMs(), 200);
    engine.requestStatsRate(&gui, 0);
    QCOMPARE(engine.statsIntervalMs(), 1000 / Engine::DefaultStatsRate);
}

void tst_StatsRate::ownerDestroyedReleases()
{
    Engine engine;
    auto fast = std::make_unique<QObject>();
    QObject slow;
    engine.requestStatsRate(fast.get(), 10);
    engine.requestStatsRate(&slow, 4);
    QCOMPARE(engine.statsIntervalMs(), 100);
    fast.reset();
    QTRY_COMPARE(engine.statsIntervalMs(), 250);
    // A new object (perhaps at the same address) starts with no request.
    auto next = std::make_unique<QObject>();
    engine.requestStatsRate(next.get(), 5);
    QCOMPARE(engine.statsIntervalMs(), 200);
    next.reset();
    QTRY_COMPARE(engine.statsIntervalMs(), 250);
}

void tst_StatsRate::clamped_data()
{
    QTest::addColumn<int>("hertz");
    QTest::addColumn<int>("intervalMs");
    QTest::newRow("too fast") << 50 << 100;
    QTest::newRow("fastest") << 10 << 100;
    QTest::newRow("slowest") << 1 << 1000;
    QTest::newRow("negative is a release") << -3 << 1000 / Engine::DefaultStatsRate;
}

void tst_StatsRate::clamped()
{
    QFETCH(int, hertz);
    QFETCH(int, intervalMs);
    Engine engine;
    QObject owner;
    engine.requestStatsRate(&owner, hertz);
    QCOMPARE(engine.statsIntervalMs(), intervalMs);
}

void tst_StatsRate::legacySetterIsOneCaller()
{
    // setStatsRate() is the request of one caller (the desktop app's local
    // engine); it no longer overwrites what the admin API asked for.
    Engine engine;
    QObject admin;
    engine.requestStatsRate(&admin, 10);
    engine.setStatsRate(2);
    QCOMPARE(engine.statsIntervalMs(), 100);
    engine.requestStatsRate(&admin, 0);
    QCOMPARE(engine.statsIntervalMs(), 500);
    engine.setStatsRate(5);
    QCOMPARE(engine.statsIntervalMs(), 200);
}

void tst_StatsRate::signalFollowsRate()
{
    StubBackend a(u"a"_s);
    QVERIFY(a.listen());
    Engine engine;
    QVERIFY(ProxyConfig::start(engine, ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address())})));
    QObject owner;
    engine.requestStatsRate(&owner, 10);
    QSignalSpy spy(&engine, &Engine::statsUpdated);
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 5, 5000);
    // Five snapshots at 10 Hz take about 500 ms; at the default 2 Hz, 2.5 s.
    QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(tst_StatsRate)
#include "tst_statsrate.moc"
