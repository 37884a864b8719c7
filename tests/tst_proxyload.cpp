// Many connections at once, and the limits on them: per-host maxconns and
// the global connection cap.

#include "engine.h"
#include "messagecounter.h"
#include "platform/socketops.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QTest>

#include <algorithm>

using namespace Balancier;
using namespace Qt::StringLiterals;

class tst_ProxyLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoThousandConnections();
    void hostMaxConns();
    void globalConnectionCap();
};

void tst_ProxyLoad::twoThousandConnections()
{
    constexpr int Count = 2000;
    // Each connection costs 4 descriptors in this process: the client, the
    // balancer's two sockets and the backend's.
    const qint64 limit = SocketOps::raiseFileLimit();
    if (limit < 4 * Count + 200)
        QSKIP(qPrintable(u"the descriptor limit is %1"_s.arg(limit)));

    StubBackend a(u"a"_s), b(u"b"_s), c(u"c"_s);
    for (StubBackend *stub : {&a, &b, &c})
        QVERIFY(stub->listen());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine,
        ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address()), ProxyConfig::host(u"b"_s, b.address()),
            ProxyConfig::host(u"c"_s, c.address())}));
    QVERIFY(port);

    std::vector<std::unique_ptr<TestConnection>> clients;
    clients.reserve(Count);
    for (int i = 0; i < Count; ++i) {
        clients.push_back(TestConnection::open(port));
        QVERIFY2(!clients.back()->isClosed(), qPrintable(clients.back()->errorString()));
    }
    const auto greeted = [&] {
        return std::count_if(clients.begin(), clients.end(),
            [](const auto &client) { return client->received().endsWith('\n'); });
    };
    const auto failed = [&] {
        return std::count_if(
            clients.begin(), clients.end(), [](const auto &client) { return client->isClosed(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(greeted() == Count || failed() > 0, 40000);
    QCOMPARE(failed(), 0);
    QCOMPARE(engine.activeConnections(), Count);
    QCOMPARE(a.openConnections() + b.openConnections() + c.openConnections(), Count);
    // Round robin over 2000 picks, whichever worker made them.
    QList<int> open = {a.openConnections(), b.openConnections(), c.openConnections()};
    std::sort(open.begin(), open.end());
    QCOMPARE(open, (QList<int>{666, 667, 667}));
    qint64 active = 0;
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s})
        active += engine.host(u"svc"_s, u"g"_s, name).value().active;
    QCOMPARE(active, qint64(Count));

    // Still relaying: a sample echoes.
    for (int i = 0; i < Count; i += 97)
        QVERIFY(clients.at(std::size_t(i))->roundTrip("still here"));

    for (const auto &client : clients)
        client->close();
    QTRY_COMPARE_WITH_TIMEOUT(engine.activeConnections(), 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(a.openConnections() + b.openConnections() + c.openConnections(), 0, 30000);
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s})
        QCOMPARE(engine.host(u"svc"_s, u"g"_s, name).value().active, qint64(0));
}

void tst_ProxyLoad::hostMaxConns()
{
    StubBackend a(u"a"_s), b(u"b"_s);
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine,
        ProxyConfig::make(
            {ProxyConfig::host(u"a"_s, a.address(), 1, 1), ProxyConfig::host(u"b"_s, b.address())}));
    QVERIFY(port);
    const auto hostA = [&] {
        return engine.host(u"svc"_s, u"g"_s, u"a"_s).value();
    };

    std::vector<std::unique_ptr<TestConnection>> clients;
    QStringList seen;
    for (int i = 0; i < 6; ++i) {
        clients.push_back(TestConnection::open(port));
        seen.append(clients.back()->waitForLine());
    }
    QCOMPARE(seen.count(u"a"_s), 1);
    QCOMPARE(seen.count(u"b"_s), 5);
    QCOMPARE(hostA().active, qint64(1));
    QCOMPARE(a.openConnections(), 1);
    QCOMPARE(hostA().failedConnects, 0);  // full is not failed
    QCOMPARE(hostA().state, u"up"_s);

    // Its connection closed, a takes one again, and only one.
    clients.at(std::size_t(seen.indexOf(u"a"_s))).reset();
    QTRY_COMPARE(hostA().active, qint64(0));
    seen.clear();
    for (int i = 0; i < 4; ++i) {
        clients.push_back(TestConnection::open(port));
        seen.append(clients.back()->waitForLine());
    }
    QCOMPARE(seen.count(u"a"_s), 1);
    QCOMPARE(seen.count(u"b"_s), 3);
}

void tst_ProxyLoad::globalConnectionCap()
{
    constexpr int Cap = 3;
    MessageCounter capWarnings(u"connection cap of 3 reached"_s);  // outlives the engine
    StubBackend a(u"a"_s);
    QVERIFY(a.listen());
    Config config = ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address())});
    config.settings.maxConnections = Cap;
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);

    std::vector<std::unique_ptr<TestConnection>> served;
    for (int i = 0; i < Cap; ++i) {
        served.push_back(TestConnection::open(port));
        QCOMPARE(served.back()->waitForLine(), u"a"_s);
    }
    QCOMPARE(engine.activeConnections(), Cap);
    // At the cap, but nobody is turned away yet: nothing to warn about.
    QCOMPARE(capWarnings.count(), 0);

    // Over the cap: the handshake completes in the kernel's backlog, but
    // nobody serves the client while the cap holds. Two of them, so that
    // the acceptors are retried several times.
    const std::unique_ptr<TestConnection> waiting = TestConnection::open(port);
    const std::unique_ptr<TestConnection> alsoWaiting = TestConnection::open(port);
    waiting->write("queued");
    QVERIFY(waiting->waitForLine(700).isEmpty());
    QVERIFY(alsoWaiting->waitForLine(300).isEmpty());
    QVERIFY(waiting->isConnected() && alsoWaiting->isConnected());
    QCOMPARE(engine.activeConnections(), Cap);
    QCOMPARE(a.connectionCount(), Cap);
    QCOMPARE(capWarnings.count(), 1);

    // One leaves: one waiting client is served, with the bytes it sent.
    served.front()->close();
    QTRY_COMPARE(a.connectionCount(), Cap + 1);
    QTRY_VERIFY(!waiting->firstLine().isEmpty() || !alsoWaiting->firstLine().isEmpty());
    QCOMPARE(engine.activeConnections(), Cap);
    QCOMPARE(a.openConnections(), Cap);

    // Another leaves: the last one is served too.
    served.back()->close();
    QCOMPARE(waiting->waitForLine(), u"a"_s);
    QCOMPARE(alsoWaiting->waitForLine(), u"a"_s);
    QVERIFY(waiting->waitForReceived(8));
    QCOMPARE(waiting->received(), QByteArrayLiteral("a\nqueued"));
    QCOMPARE(engine.activeConnections(), Cap);
    // Once more at most: alsoWaiting may have been turned away again while
    // the first of them took the free place.
    QVERIFY(capWarnings.count() <= 2);
}

QTEST_MAIN(tst_ProxyLoad)
#include "tst_proxyload.moc"
