#include "fakednsresolver.h"
#include "health/healthmonitor.h"
#include "health/healthprobe.h"
#include "net/hostresolver.h"
#include "runtime/hostruntime.h"
#include "stubbackend.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <cstring>
#include <memory>

#include <netinet/in.h>

using namespace Balancier;

namespace {

std::shared_ptr<HostRuntime> makeHost(
    const QString &name, const QString &address, const QString &service = QStringLiteral("svc"))
{
    HostConfig config;
    config.name = name;
    config.address = address;
    return std::make_shared<HostRuntime>(service, QStringLiteral("grp"), config);
}

// Short intervals so that a whole rise/fall cycle takes a fraction of a second.
HealthConfig fastConfig()
{
    HealthConfig config;
    config.intervalMs = 50;
    config.timeoutMs = 1000;
    config.rise = 2;
    config.fall = 3;
    config.downIntervalMs = 50;
    config.aggressiveIntervalMs = 50;
    config.active = true;
    return config;
}

// Intervals so long that no probe of this kind can happen during a test.
constexpr qint64 Never = 600000;

// A stub that listened once, so its port is known, and is closed now:
// connects are refused until the test calls listen(port) again.
std::unique_ptr<StubBackend> closedStub(const QString &name)
{
    auto stub = std::make_unique<StubBackend>(name);
    if (!stub->listen())
        return nullptr;
    const quint16 port = stub->port();
    stub->close();
    stub->setProperty("reservedPort", port);
    return stub;
}

quint16 reservedPort(const StubBackend &stub)
{
    return quint16(stub.property("reservedPort").toUInt());
}

QString reservedAddress(const StubBackend &stub)
{
    return QStringLiteral("127.0.0.1:%1").arg(reservedPort(stub));
}

HostHealth healthArg(const QList<QVariant> &args, int index)
{
    return qvariant_cast<HostHealth>(args.at(index));
}

}  // namespace

class tst_Health final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportFailureMarksDownAndRiseBringsBack();
    void activeProbingFallsAfterFallFailures_data();
    void activeProbingFallsAfterFallFailures();
    void successResetsFailureCount();
    void activeOffDoesNotProbeUpHosts();
    void checkTimeDelaysFirstProbe();
    void aggressiveModeTakesFirstAnsweringHost();
    void probeSendExpect_data();
    void probeSendExpect();
    void probeInvalidAddress();
    void adminStateControlsProbing_data();
    void adminStateControlsProbing();
    void setTargetsKeepsCounters();
    void removedHostsStopBeingProbed();
    void probeUsesResolvedEndpoint();
    void retryNowProbesAtOnce();
    void retryNowSkipsMaintenance();

    void resolverNumeric_data();
    void resolverNumeric();
    void resolverInvalidAddress();
    void resolverLocalhost();
    void resolverUnresolvable();
    void resolverRefreshesPeriodically();
    void resolverFollowsAddressChange();
};

void tst_Health::reportFailureMarksDownAndRiseBringsBack()
{
    auto stub = closedStub(QStringLiteral("a"));
    QVERIFY(stub);
    StubBackend other(QStringLiteral("b"));
    QVERIFY(other.listen());
    auto a = makeHost(QStringLiteral("a"), reservedAddress(*stub));
    auto b = makeHost(QStringLiteral("b"), other.address());

    HealthConfig config = fastConfig();
    config.active = false;
    HealthMonitor monitor;
    QSignalSpy spy(&monitor, &HealthMonitor::hostStateChanged);
    QSignalSpy modes(&monitor, &HealthMonitor::aggressiveModeChanged);
    // b stays up in the same enabled group, so aggressive mode stays off and rise applies.
    monitor.setTargets({{a, config, true}, {b, config, true}}, 0);

    monitor.reportFailure(a, QStringLiteral("connection refused"));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(qvariant_cast<std::shared_ptr<HostRuntime>>(spy.at(0).at(0)), a);
    QCOMPARE(healthArg(spy.at(0), 1), HostHealth::Up);
    QCOMPARE(healthArg(spy.at(0), 2), HostHealth::Down);
    QCOMPARE(spy.at(0).at(3).value<HostReason>().text(), QStringLiteral("connection refused"));
    QCOMPARE(a->health.load(), HostHealth::Down);
    QCOMPARE(a->downReason, QStringLiteral("connection refused"));
    QCOMPARE(a->history().last().state, QStringLiteral("down"));
    QCOMPARE(a->history().last().reason, QStringLiteral("connection refused"));
    QVERIFY(!monitor.isAggressive(QStringLiteral("svc")));

    // A second report of a host already down changes nothing visible.
    monitor.reportFailure(a, QStringLiteral("connection refused"));
    QCOMPARE(spy.size(), 1);

    // While the port is closed, probes fail and say so.
    QTRY_VERIFY(a->lastProbeResult.startsWith(QStringLiteral("failed: connection refused")));
    QCOMPARE(a->health.load(), HostHealth::Down);

    int acceptedAtUp = -1;
    connect(&monitor, &HealthMonitor::hostStateChanged, this,
        [&](std::shared_ptr<HostRuntime> host, HostHealth, HostHealth to, const HostReason &) {
            if (host == a && to == HostHealth::Up)
                acceptedAtUp = stub->connectionCount();
        });
    QVERIFY(stub->listen(QHostAddress::LocalHost, reservedPort(*stub)));
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(healthArg(spy.at(1), 2), HostHealth::Up);
    QCOMPARE(spy.at(1).at(3).value<HostReason>().text(), QStringLiteral("2 consecutive probes succeeded"));
    QCOMPARE(acceptedAtUp, config.rise);
    QCOMPARE(a->health.load(), HostHealth::Up);
    QVERIFY(a->downReason.isEmpty());
    QCOMPARE(a->history().last().state, QStringLiteral("up"));
    QVERIFY(a->lastProbeResult.startsWith(QStringLiteral("ok")));
    QCOMPARE(other.connectionCount(), 0);  // active off: the up host was never probed
    QCOMPARE(modes.size(), 0);
}

void tst_Health::activeProbingFallsAfterFallFailures_data()
{
    QTest::addColumn<int>("fall");
    QTest::newRow("fall 1") << 1;
    QTest::newRow("fall 3") << 3;
}

void tst_Health::activeProbingFallsAfterFallFailures()
{
    QFETCH(int, fall);
    // The stub accepts, so every probe is counted, but greets with its name,
    // which fails the expectation.
    StubBackend stub(QStringLiteral("-ERR busy"));
    QVERIFY(stub.listen());
    auto host = makeHost(QStringLiteral("a"), stub.address());
    HealthConfig config = fastConfig();
    config.fall = fall;
    config.expect = QByteArrayLiteral("+OK");
    config.downIntervalMs = Never;

    HealthMonitor monitor;
    QSignalSpy spy(&monitor, &HealthMonitor::hostStateChanged);
    int acceptedAtDown = -1;
    connect(&monitor, &HealthMonitor::hostStateChanged, this,
        [&](std::shared_ptr<HostRuntime>, HostHealth, HostHealth to, const HostReason &) {
            if (to == HostHealth::Down)
                acceptedAtDown = stub.connectionCount();
        });
    monitor.setTargets({{host, config, false}}, 0);

    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(healthArg(spy.at(0), 2), HostHealth::Down);
    QCOMPARE(acceptedAtDown, fall);
    const HostReason why = spy.at(0).at(3).value<HostReason>();
    // A code with parameters for front ends to word, the English text for logs.
    QCOMPARE(why.code, QStringLiteral("probeFailed"));
    QCOMPARE(why.params.value(QStringLiteral("count")).toInt(), fall);
    QCOMPARE(why.params.value(QStringLiteral("detail")).toString(),
        QStringLiteral("expected \"+OK\", got \"-ERR busy\\n\""));
    QCOMPARE(host->history().last().reasonCode, QStringLiteral("probeFailed"));
    const QString reason = why.text();
    const QString expectedReason = fall == 1
        ? QStringLiteral("probe failed: expected \"+OK\", got \"-ERR busy\\n\"")
        : QStringLiteral("%1 consecutive probes failed: expected \"+OK\", got "
                         "\"-ERR busy\\n\"")
              .arg(fall);
    QCOMPARE(reason, expectedReason);
    QCOMPARE(host->downReason, expectedReason);
    QVERIFY2(host->lastProbeResult.startsWith(QStringLiteral("failed: expected")),
        qPrintable(host->lastProbeResult));
    QCOMPARE(host->health.load(), HostHealth::Down);
}

void tst_Health::successResetsFailureCount()
{
    // Probes 1-6 alternate fail/succeed, so fall=2 is never reached; from
    // probe 7 on every probe fails, so the host goes down at probe 8 exactly.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    int accepted = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            ++accepted;
            socket->setParent(&server);
            const bool good = accepted <= 6 && accepted % 2 == 0;
            socket->write(good ? QByteArrayLiteral("+OK\n") : QByteArrayLiteral("-ERR\n"));
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    auto host = makeHost(QStringLiteral("a"), QStringLiteral("127.0.0.1:%1").arg(server.serverPort()));
    HealthConfig config = fastConfig();
    config.fall = 2;
    config.expect = QByteArrayLiteral("+OK");
    config.downIntervalMs = Never;

    HealthMonitor monitor;
    QSignalSpy spy(&monitor, &HealthMonitor::hostStateChanged);
    int acceptedAtDown = -1;
    connect(&monitor, &HealthMonitor::hostStateChanged, this,
        [&](std::shared_ptr<HostRuntime>, HostHealth, HostHealth, const HostReason &) {
            acceptedAtDown = accepted;
        });
    monitor.setTargets({{host, config, false}}, 0);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(acceptedAtDown, 8);
    QCOMPARE(spy.at(0).at(3).value<HostReason>().text(),
        QStringLiteral("2 consecutive probes failed: expected \"+OK\", got \"-ERR\\n\""));
}

void tst_Health::activeOffDoesNotProbeUpHosts()
{
    StubBackend passive(QStringLiteral("passive"));
    StubBackend clock(QStringLiteral("clock"));
    QVERIFY(passive.listen());
    QVERIFY(clock.listen());
    auto a = makeHost(QStringLiteral("passive"), passive.address());
    auto b = makeHost(QStringLiteral("clock"), clock.address(), QStringLiteral("other"));
    HealthConfig off = fastConfig();
    off.active = false;

    HealthMonitor monitor;
    monitor.setTargets({{a, off, true}, {b, fastConfig(), true}}, 0);
    // Five probes of the active host: time enough for several of the passive one.
    QTRY_VERIFY(clock.connectionCount() >= 5);
    QCOMPARE(passive.connectionCount(), 0);
    QVERIFY(a->lastProbeResult.isEmpty());
    QVERIFY(b->lastProbeResult.startsWith(QStringLiteral("ok")));
}

void tst_Health::checkTimeDelaysFirstProbe()
{
    StubBackend stub(QStringLiteral("a"));
    QVERIFY(stub.listen());
    auto host = makeHost(QStringLiteral("a"), stub.address());
    HealthConfig config = fastConfig();
    config.active = false;
    config.rise = 1;
    constexpr qint64 checkTime = 600;

    HealthMonitor monitor;
    QSignalSpy spy(&monitor, &HealthMonitor::hostStateChanged);
    monitor.setTargets({{host, config, false}}, checkTime);
    QElapsedTimer clock;
    qint64 firstProbeAfter = -1;
    connect(&stub, &StubBackend::connectionAccepted, this, [&] {
        if (firstProbeAfter < 0)
            firstProbeAfter = clock.elapsed();
    });
    clock.start();
    monitor.reportFailure(host, QStringLiteral("connection timed out"));
    QCOMPARE(spy.size(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 5000);
    QCOMPARE(healthArg(spy.at(1), 2), HostHealth::Up);
    // downInterval is 50 ms; without checktime the first probe would come ~550 ms earlier.
    QVERIFY2(firstProbeAfter >= checkTime, qPrintable(QString::number(firstProbeAfter)));
    QCOMPARE(stub.connectionCount(), 1);
}

void tst_Health::aggressiveModeTakesFirstAnsweringHost()
{
    auto stubA = closedStub(QStringLiteral("a"));
    auto stubB = closedStub(QStringLiteral("b"));
    QVERIFY(stubA && stubB);
    auto a = makeHost(QStringLiteral("a"), reservedAddress(*stubA));
    auto b = makeHost(QStringLiteral("b"), reservedAddress(*stubB));
    // A host in another group of the service does not count.
    auto spare = makeHost(QStringLiteral("spare"), QStringLiteral("127.0.0.1:1"));
    HealthConfig config = fastConfig();
    config.active = false;
    config.rise = 5;
    // Outside aggressive mode no probe could happen during the test.
    config.downIntervalMs = Never;

    HealthMonitor monitor;
    QSignalSpy states(&monitor, &HealthMonitor::hostStateChanged);
    QSignalSpy modes(&monitor, &HealthMonitor::aggressiveModeChanged);
    monitor.setTargets({{a, config, true}, {b, config, true}, {spare, config, false}}, Never);

    monitor.reportFailure(a, QStringLiteral("connection refused"));
    QCOMPARE(modes.size(), 0);
    QVERIFY(!monitor.isAggressive(QStringLiteral("svc")));
    monitor.reportFailure(b, QStringLiteral("connection refused"));
    QCOMPARE(modes.size(), 1);
    QCOMPARE(modes.at(0).at(0).toString(), QStringLiteral("svc"));
    QCOMPARE(modes.at(0).at(1).toBool(), true);
    QVERIFY(monitor.isAggressive(QStringLiteral("svc")));

    // Probes run at the aggressive interval despite checktime and downinterval.
    QTRY_VERIFY(a->lastProbeResult.startsWith(QStringLiteral("failed")));
    QTRY_VERIFY(b->lastProbeResult.startsWith(QStringLiteral("failed")));
    QVERIFY(spare->lastProbeResult.isEmpty());

    int acceptedAtUp = -1;
    connect(&monitor, &HealthMonitor::hostStateChanged, this,
        [&](std::shared_ptr<HostRuntime> host, HostHealth, HostHealth to, const HostReason &) {
            if (host == b && to == HostHealth::Up)
                acceptedAtUp = stubB->connectionCount();
        });
    QVERIFY(stubB->listen(QHostAddress::LocalHost, reservedPort(*stubB)));
    QTRY_COMPARE(modes.size(), 2);
    QCOMPARE(modes.at(1).at(1).toBool(), false);
    QVERIFY(!monitor.isAggressive(QStringLiteral("svc")));
    QCOMPARE(states.size(), 3);
    QCOMPARE(qvariant_cast<std::shared_ptr<HostRuntime>>(states.at(2).at(0)), b);
    QCOMPARE(healthArg(states.at(2), 2), HostHealth::Up);
    QCOMPARE(acceptedAtUp, 1);  // rise=5 ignored: the first answer is enough
    QCOMPARE(b->health.load(), HostHealth::Up);
    QCOMPARE(a->health.load(), HostHealth::Down);

    // Back to normal: a, still down, is no longer probed every 50 ms. A probe
    // of a that was running when b came up may still finish: let it settle.
    StubBackend clock(QStringLiteral("clock"));
    QVERIFY(clock.listen());
    auto ticker = makeHost(QStringLiteral("clock"), clock.address(), QStringLiteral("clock"));
    monitor.setTargets({{a, config, true}, {b, config, true}, {ticker, fastConfig(), true}}, Never);
    QTRY_VERIFY(clock.connectionCount() >= 2);
    a->lastProbeResult.clear();
    QTRY_VERIFY(clock.connectionCount() >= 7);
    QVERIFY(a->lastProbeResult.isEmpty());
    QCOMPARE(a->health.load(), HostHealth::Down);
}

void tst_Health::probeSendExpect_data()
{
    QTest::addColumn<int>("mode");  // StubBackend::Mode, or -1: nothing listens
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("send");
    QTest::addColumn<QByteArray>("expect");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("detail");

    const int echo = int(StubBackend::Mode::Echo);
    const int greet = int(StubBackend::Mode::NameThenEcho);
    const int greetClose = int(StubBackend::Mode::NameAndClose);
    QTest::newRow("connect only") << echo << QStringLiteral("s") << QByteArray() << QByteArray() << true
                                  << QStringLiteral("ok");
    QTest::newRow("send only") << echo << QStringLiteral("s") << QByteArrayLiteral("PING\r\n") << QByteArray()
                               << true << QStringLiteral("ok");
    QTest::newRow("echo matches") << echo << QStringLiteral("s") << QByteArrayLiteral("PING\r\n")
                                  << QByteArrayLiteral("PING") << true << QStringLiteral("ok");
    QTest::newRow("greeting matches") << greet << QStringLiteral("+OK ready") << QByteArray()
                                      << QByteArrayLiteral("+OK") << true << QStringLiteral("ok");
    QTest::newRow("greeting mismatch")
        << greet << QStringLiteral("-ERR busy") << QByteArray() << QByteArrayLiteral("+OK") << false
        << QStringLiteral("expected \"+OK\", got \"-ERR busy\\n\"");
    QTest::newRow("binary mismatch") << echo << QStringLiteral("s") << QByteArrayLiteral("\x01\xff")
                                     << QByteArrayLiteral("+OK") << false
                                     << QStringLiteral("expected \"+OK\", got \"\\x01\\xff\"");
    QTest::newRow("no reply") << echo << QStringLiteral("s") << QByteArray() << QByteArrayLiteral("+OK")
                              << false << QStringLiteral("timeout after 300 ms: expected \"+OK\", got \"\"");
    QTest::newRow("closed before reply")
        << greetClose << QStringLiteral("+O") << QByteArray() << QByteArrayLiteral("+O\nX") << false
        << QStringLiteral("connection closed before the expected reply: expected \"+O\\nX\", got \"+O\\n\"");
    QTest::newRow("refused") << -1 << QStringLiteral("s") << QByteArray() << QByteArray() << false
                             << QStringLiteral("connection refused");
}

void tst_Health::probeSendExpect()
{
    QFETCH(int, mode);
    QFETCH(QString, name);
    QFETCH(QByteArray, send);
    QFETCH(QByteArray, expect);
    QFETCH(bool, ok);
    QFETCH(QString, detail);

    std::unique_ptr<StubBackend> stub;
    if (mode < 0) {
        stub = closedStub(name);
        QVERIFY(stub);
    } else {
        stub = std::make_unique<StubBackend>(name, StubBackend::Mode(mode));
        QVERIFY(stub->listen());
    }
    const QString address = mode < 0 ? reservedAddress(*stub) : stub->address();

    HealthProbe probe;
    QSignalSpy spy(&probe, &HealthProbe::finished);
    probe.start({}, address, send, expect, 300);
    QVERIFY(probe.isRunning());
    QCOMPARE(spy.size(), 0);  // never from inside start()
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.at(0).at(1).toString(), detail);
    QCOMPARE(spy.at(0).at(0).toBool(), ok);
    QVERIFY(!probe.isRunning());
    if (mode >= 0) {
        QCOMPARE(stub->connectionCount(), 1);
        if (!send.isEmpty())
            QTRY_COMPARE(stub->received(), send);
    }
    QCOMPARE(spy.size(), 1);
}

void tst_Health::probeInvalidAddress()
{
    HealthProbe probe;
    QSignalSpy spy(&probe, &HealthProbe::finished);
    probe.start({}, QStringLiteral("127.0.0.1"), {}, {}, 300);
    QCOMPARE(spy.size(), 0);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.at(0).at(0).toBool(), false);
    QVERIFY2(spy.at(0).at(1).toString().startsWith(QStringLiteral("invalid address '127.0.0.1': ")),
        qPrintable(spy.at(0).at(1).toString()));
}

void tst_Health::adminStateControlsProbing_data()
{
    QTest::addColumn<HostAdminState>("state");
    QTest::addColumn<bool>("probed");
    QTest::newRow("ready") << HostAdminState::Ready << true;
    QTest::newRow("drain") << HostAdminState::Drain << true;
    QTest::newRow("maintenance") << HostAdminState::Maintenance << false;
}

void tst_Health::adminStateControlsProbing()
{
    QFETCH(HostAdminState, state);
    QFETCH(bool, probed);
    StubBackend watched(QStringLiteral("watched"));
    StubBackend clock(QStringLiteral("clock"));
    QVERIFY(watched.listen());
    QVERIFY(clock.listen());
    auto up = makeHost(QStringLiteral("up"), watched.address());
    auto down = makeHost(QStringLiteral("down"), watched.address());
    auto ticker = makeHost(QStringLiteral("clock"), clock.address(), QStringLiteral("other"));
    up->adminState = state;
    down->adminState = state;
    HealthConfig config = fastConfig();
    config.rise = 1000;  // keep the down host down

    HealthMonitor monitor;
    monitor.setTargets({{up, config, false}, {down, config, false}, {ticker, config, false}}, 0);
    monitor.reportFailure(down, QStringLiteral("connection refused"));
    QTRY_VERIFY(clock.connectionCount() >= 6);
    if (probed) {
        QVERIFY(watched.connectionCount() >= 4);
        QVERIFY(up->lastProbeResult.startsWith(QStringLiteral("ok")));
        QVERIFY(down->lastProbeResult.startsWith(QStringLiteral("ok")));
    } else {
        QCOMPARE(watched.connectionCount(), 0);
        QVERIFY(up->lastProbeResult.isEmpty());
        QVERIFY(down->lastProbeResult.isEmpty());
    }
    QCOMPARE(down->health.load(), HostHealth::Down);

    // Leaving maintenance (an apply, so setTargets) resumes probing.
    if (!probed) {
        up->adminState = HostAdminState::Ready;
        down->adminState = HostAdminState::Ready;
        monitor.setTargets({{up, config, false}, {down, config, false}, {ticker, config, false}}, 0);
        QTRY_VERIFY(!up->lastProbeResult.isEmpty());
        QTRY_VERIFY(!down->lastProbeResult.isEmpty());
    }
}

void tst_Health::setTargetsKeepsCounters()
{
    StubBackend stub(QStringLiteral("a"));
    QVERIFY(stub.listen());
    auto host = makeHost(QStringLiteral("a"), stub.address());
    HealthConfig config = fastConfig();
    config.active = false;
    config.rise = 3;
    config.downIntervalMs = 100;

    HealthMonitor monitor;
    QSignalSpy spy(&monitor, &HealthMonitor::hostStateChanged);
    int acceptedAtUp = -1;
    connect(&monitor, &HealthMonitor::hostStateChanged, this,
        [&](std::shared_ptr<HostRuntime>, HostHealth, HostHealth to, const HostReason &) {
            if (to == HostHealth::Up)
                acceptedAtUp = stub.connectionCount();
        });
    // Re-applying after two successes keeps them: the third probe brings it up.
    auto newcomer = makeHost(QStringLiteral("b"), stub.address());
    connect(&stub, &StubBackend::connectionAccepted, this, [&] {
        if (stub.connectionCount() == 2) {
            QCOMPARE(spy.size(), 1);
            monitor.setTargets({{host, config, false}, {newcomer, config, false}}, 0);
        }
    });
    monitor.setTargets({{host, config, false}}, 0);
    monitor.reportFailure(host, QStringLiteral("connection refused"));
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(acceptedAtUp, 3);
    QCOMPARE(spy.at(1).at(3).value<HostReason>().text(), QStringLiteral("3 consecutive probes succeeded"));
}

void tst_Health::removedHostsStopBeingProbed()
{
    StubBackend stubA(QStringLiteral("a"));
    StubBackend stubB(QStringLiteral("b"));
    QVERIFY(stubA.listen());
    QVERIFY(stubB.listen());
    auto a = makeHost(QStringLiteral("a"), stubA.address());
    auto b = makeHost(QStringLiteral("b"), stubB.address());

    HealthMonitor monitor;
    monitor.setTargets({{a, fastConfig(), true}, {b, fastConfig(), true}}, 0);
    QTRY_VERIFY(stubA.connectionCount() >= 2);
    monitor.setTargets({{b, fastConfig(), true}}, 0);
    QVERIFY(!monitor.isWatching(a));
    QVERIFY(monitor.isWatching(b));
    // A probe accepted just before removal may still be counted; let it settle.
    const int bBefore = stubB.connectionCount();
    QTRY_VERIFY(stubB.connectionCount() >= bBefore + 2);
    const int aAfter = stubA.connectionCount();
    QTRY_VERIFY(stubB.connectionCount() >= bBefore + 7);
    QCOMPARE(stubA.connectionCount(), aAfter);
    // Reports about an unwatched host are ignored.
    QSignalSpy spy(&monitor, &HealthMonitor::hostStateChanged);
    monitor.reportFailure(a, QStringLiteral("connection refused"));
    QCOMPARE(spy.size(), 0);
    QCOMPARE(a->health.load(), HostHealth::Up);
    QVERIFY(!monitor.retryNow(a));
}

void tst_Health::probeUsesResolvedEndpoint()
{
    StubBackend stub(QStringLiteral("a"));
    QVERIFY(stub.listen());
    // The address text cannot be resolved; only the endpoint can succeed.
    auto host = makeHost(QStringLiteral("a"), QStringLiteral("no-such-host.invalid:1"));
    host->setEndpoint(HostResolver::makeEndpoint(QHostAddress::LocalHost, stub.port()), {});
    HealthConfig config = fastConfig();
    config.active = false;
    config.rise = 1;

    HealthMonitor monitor;
    QSignalSpy spy(&monitor, &HealthMonitor::hostStateChanged);
    monitor.setTargets({{host, config, false}}, 0);
    monitor.reportFailure(host, QStringLiteral("connection refused"));
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 5000);
    QCOMPARE(healthArg(spy.at(1), 2), HostHealth::Up);
    QCOMPARE(stub.connectionCount(), 1);
}

void tst_Health::retryNowProbesAtOnce()
{
    StubBackend stub(QStringLiteral("a"));
    QVERIFY(stub.listen());
    auto host = makeHost(QStringLiteral("a"), stub.address());
    HealthConfig config = fastConfig();
    config.active = false;
    config.rise = 1;
    config.downIntervalMs = Never;

    HealthMonitor monitor;
    QSignalSpy spy(&monitor, &HealthMonitor::hostStateChanged);
    monitor.setTargets({{host, config, false}}, Never);
    monitor.reportFailure(host, QStringLiteral("connection refused"));
    QVERIFY(monitor.retryNow(host));
    QVERIFY(monitor.retryNow(host));  // a probe already runs: no second one
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(3).value<HostReason>().text(), QStringLiteral("probe succeeded"));
    QCOMPARE(stub.connectionCount(), 1);
}

void tst_Health::retryNowSkipsMaintenance()
{
    // A host in maintenance is not probed, not even on request: the operator
    // took it out, and a probe could disturb whatever is done to it. The
    // caller is told why.
    StubBackend stubA(QStringLiteral("a"));
    StubBackend stubB(QStringLiteral("b"));
    QVERIFY(stubA.listen());
    QVERIFY(stubB.listen());
    auto a = makeHost(QStringLiteral("a"), stubA.address());
    auto b = makeHost(QStringLiteral("b"), stubB.address());
    a->adminState.store(HostAdminState::Maintenance);
    HealthConfig config = fastConfig();
    config.active = false;
    config.downIntervalMs = Never;

    HealthMonitor monitor;
    monitor.setTargets({{a, config, false}, {b, config, false}}, Never);
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("host 'a'.*maintenance.*not probed")));
    QString why;
    QVERIFY(!monitor.retryNow(a, &why));
    QVERIFY2(why.contains(QStringLiteral("maintenance")), qPrintable(why));
    QVERIFY(monitor.isWatching(a));
    QVERIFY(monitor.retryNow(b, &why));
    QVERIFY(why.isEmpty());
    // b's probe was started after a's refusal: once it arrived, a would have too.
    QTRY_COMPARE(stubB.connectionCount(), 1);
    QTRY_VERIFY(!b->lastProbeResult.isEmpty());
    QCOMPARE(stubA.connectionCount(), 0);
    QVERIFY(a->lastProbeResult.isEmpty());
}

namespace {

// The machine's DNS is no part of these tests: "localhost" answers ::1 and
// 127.0.0.1 (IPv6 first, as some systems list it), anything else is NXDOMAIN.
std::shared_ptr<FakeDnsResolver> localResolver()
{
    auto fake = std::make_shared<FakeDnsResolver>();
    fake->setAddresses(QStringLiteral("localhost"),
        FakeDnsResolver::addresses({QStringLiteral("::1"), QStringLiteral("127.0.0.1")}, -1));
    return fake;
}

}  // namespace

void tst_Health::resolverNumeric_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:8080") << int(AF_INET) << QStringLiteral("127.0.0.1")
                          << 8080;
    QTest::newRow("ipv4 other") << QStringLiteral("10.1.2.3:1") << int(AF_INET) << QStringLiteral("10.1.2.3")
                                << 1;
    QTest::newRow("ipv6 loopback") << QStringLiteral("[::1]:9000") << int(AF_INET6) << QStringLiteral("::1")
                                   << 9000;
    QTest::newRow("ipv6") << QStringLiteral("[2001:db8::5]:65535") << int(AF_INET6)
                          << QStringLiteral("2001:db8::5") << 65535;
}

void tst_Health::resolverNumeric()
{
    QFETCH(QString, address);
    QFETCH(int, family);
    QFETCH(QString, host);
    QFETCH(int, port);

    auto runtime = makeHost(QStringLiteral("a"), address);
    HostResolver resolver;
    QSignalSpy spy(&resolver, &HostResolver::resolved);
    resolver.setHosts({runtime});
    const Endpoint endpoint = runtime->endpoint();
    QVERIFY(endpoint.isValid());
    QVERIFY(runtime->resolveError().isEmpty());
    QVERIFY(!resolver.isResolving(runtime));
    QCOMPARE(int(endpoint.storage.ss_family), family);
    const QHostAddress decoded(reinterpret_cast<const sockaddr *>(&endpoint.storage));
    QCOMPARE(decoded, QHostAddress(host));
    if (family == AF_INET) {
        QCOMPARE(endpoint.length, socklen_t(sizeof(sockaddr_in)));
        sockaddr_in in4{};
        std::memcpy(&in4, &endpoint.storage, sizeof in4);
        QCOMPARE(int(ntohs(in4.sin_port)), port);
    } else {
        QCOMPARE(endpoint.length, socklen_t(sizeof(sockaddr_in6)));
        sockaddr_in6 in6{};
        std::memcpy(&in6, &endpoint.storage, sizeof in6);
        QCOMPARE(int(ntohs(in6.sin6_port)), port);
    }
    QCOMPARE(spy.size(), 0);
}

void tst_Health::resolverInvalidAddress()
{
    auto runtime = makeHost(QStringLiteral("a"), QStringLiteral("127.0.0.1"));
    HostResolver resolver;
    resolver.setHosts({runtime});
    QVERIFY(!runtime->endpoint().isValid());
    QVERIFY2(runtime->resolveError().startsWith(QStringLiteral("invalid address '127.0.0.1': ")),
        qPrintable(runtime->resolveError()));
}

void tst_Health::resolverLocalhost()
{
    StubBackend stub(QStringLiteral("a"));
    QVERIFY(stub.listen());
    auto runtime = makeHost(QStringLiteral("a"), QStringLiteral("localhost:%1").arg(stub.port()));
    HostResolver resolver;
    resolver.setDnsResolver(localResolver());
    QSignalSpy spy(&resolver, &HostResolver::resolved);
    resolver.setHosts({runtime});
    QVERIFY(!runtime->endpoint().isValid());  // asynchronous
    QVERIFY(resolver.isResolving(runtime));
    QVERIFY(spy.wait(5000));
    QCOMPARE(qvariant_cast<std::shared_ptr<HostRuntime>>(spy.at(0).at(0)), runtime);
    const Endpoint endpoint = runtime->endpoint();
    QVERIFY2(endpoint.isValid(), qPrintable(runtime->resolveError()));
    QVERIFY(runtime->resolveError().isEmpty());
    // IPv4 is preferred, so the stub on 127.0.0.1 is reachable.
    QCOMPARE(int(endpoint.storage.ss_family), int(AF_INET));
    QCOMPARE(QHostAddress(reinterpret_cast<const sockaddr *>(&endpoint.storage)),
        QHostAddress(QHostAddress::LocalHost));

    // And a probe through that endpoint reaches it.
    HealthProbe probe;
    QSignalSpy finished(&probe, &HealthProbe::finished);
    probe.start(endpoint, QString(), {}, {}, 1000);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(stub.connectionCount(), 1);
}

void tst_Health::resolverUnresolvable()
{
    auto runtime = makeHost(QStringLiteral("a"), QStringLiteral("no-such-host.invalid:80"));
    HostResolver resolver;
    resolver.setDnsResolver(localResolver());
    QSignalSpy spy(&resolver, &HostResolver::resolved);
    resolver.setHosts({runtime});
    QVERIFY(spy.wait(5000));
    QVERIFY(!runtime->endpoint().isValid());
    QVERIFY2(runtime->resolveError().startsWith(QStringLiteral("cannot resolve 'no-such-host.invalid': ")),
        qPrintable(runtime->resolveError()));
    QVERIFY(runtime->resolveError().size() > int(qstrlen("cannot resolve 'no-such-host.invalid': ")));
}

void tst_Health::resolverRefreshesPeriodically()
{
    auto runtime = makeHost(QStringLiteral("a"), QStringLiteral("localhost:80"));
    auto numeric = makeHost(QStringLiteral("b"), QStringLiteral("127.0.0.1:80"));
    HostResolver resolver;
    resolver.setDnsResolver(localResolver());
    resolver.setRefreshInterval(100);
    QCOMPARE(resolver.refreshInterval(), qint64(100));
    QSignalSpy spy(&resolver, &HostResolver::resolved);
    resolver.setHosts({runtime, numeric});
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 3, 10000);
    for (const QList<QVariant> &args : std::as_const(spy))
        QCOMPARE(qvariant_cast<std::shared_ptr<HostRuntime>>(args.at(0)), runtime);
    QVERIFY(runtime->endpoint().isValid());

    // Dropped hosts are no longer resolved; a second resolver serves as the clock.
    resolver.setHosts({numeric});
    QVERIFY(!resolver.isResolving(runtime));
    spy.clear();
    HostResolver clockResolver;
    clockResolver.setDnsResolver(localResolver());
    clockResolver.setRefreshInterval(100);
    QSignalSpy ticks(&clockResolver, &HostResolver::resolved);
    clockResolver.setHosts({makeHost(QStringLiteral("clock"), QStringLiteral("localhost:80"))});
    QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= 4, 10000);
    QCOMPARE(spy.size(), 0);
}

void tst_Health::resolverFollowsAddressChange()
{
    auto runtime = makeHost(QStringLiteral("a"), QStringLiteral("127.0.0.1:80"));
    HostResolver resolver;
    resolver.setDnsResolver(localResolver());
    resolver.setHosts({runtime});
    QVERIFY(runtime->endpoint().isValid());

    runtime->setAddress(QStringLiteral("127.0.0.2:81"));
    QVERIFY(!runtime->endpoint().isValid());
    resolver.setHosts({runtime});
    const Endpoint endpoint = runtime->endpoint();
    QVERIFY(endpoint.isValid());
    QCOMPARE(QHostAddress(reinterpret_cast<const sockaddr *>(&endpoint.storage)),
        QHostAddress(QStringLiteral("127.0.0.2")));

    // Same text set again (setAddress clears the endpoint): filled in again.
    runtime->setAddress(QStringLiteral("127.0.0.2:81"));
    resolver.setHosts({runtime});
    QVERIFY(runtime->endpoint().isValid());

    // From a number to a name: the old endpoint is gone until the lookup answers.
    QSignalSpy spy(&resolver, &HostResolver::resolved);
    runtime->setAddress(QStringLiteral("localhost:81"));
    resolver.setHosts({runtime});
    QVERIFY(resolver.isResolving(runtime));
    QVERIFY(spy.wait(5000));
    QVERIFY(runtime->endpoint().isValid());
}

QTEST_GUILESS_MAIN(tst_Health)
#include "tst_health.moc"
