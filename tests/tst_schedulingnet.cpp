// Every scheduler on real connections through the engine: exact sequences
// where the algorithm is deterministic, invariants and statistical bounds
// where it is not.

#include "config/schedulerregistry.h"
#include "engine.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QTest>

#include <algorithm>
#include <map>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// Backends named a, b, c... listening, and the host list for them.
struct Backends
{
    std::vector<std::unique_ptr<StubBackend>> stubs;
    QList<HostConfig> hosts;

    explicit Backends(const QStringList &names, const QList<int> &weights = {})
    {
        for (qsizetype i = 0; i < names.size(); ++i) {
            stubs.push_back(std::make_unique<StubBackend>(names.at(i)));
            stubs.back()->listen();
            hosts.append(ProxyConfig::host(names.at(i), stubs.back()->address(), weights.value(i, 1)));
        }
    }

    bool ok() const
    {
        return std::all_of(stubs.begin(), stubs.end(), [](const auto &stub) { return stub->isListening(); });
    }
};

QHostAddress clientAddress(int index)
{
    return QHostAddress(u"127.0.0.%1"_s.arg(index));
}

/// The names reached by `count` clients, each closed before the next opens.
QStringList sequence(quint16 port, int count)
{
    QStringList names;
    for (int i = 0; i < count; ++i)
        names.append(TestConnection::open(port)->waitForLine());
    return names;
}

}  // namespace

class tst_SchedulingNet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everySchedulerRelays_data();
    void everySchedulerRelays();
    void roundRobinSequence();
    void weightedSequence();
    void randomSpread();
    void p2cBalancesHeldConnections();
    void leastConnsFillsTheEmptiest();
    void leastConnsHonoursWeights();
    void leastConnsRrPrefersLongestIdle();
    void shortConnectionsShareFairly_data();
    void shortConnectionsShareFairly();
    void hashKeepsClientOnOneHost();
    void stickyHoldsClient();
};

void tst_SchedulingNet::initTestCase()
{
    // The hash and sticky tests appear as several clients by binding to
    // 127.0.0.x, which every Linux loopback accepts.
    TestConnection probe;
    StubBackend stub(u"probe"_s);
    QVERIFY(stub.listen());
    QVERIFY(probe.connectTo(stub.port(), QHostAddress(QHostAddress::LocalHost), clientAddress(7)));
    QCOMPARE(probe.waitForLine(), u"probe"_s);
}

void tst_SchedulingNet::everySchedulerRelays_data()
{
    QTest::addColumn<QString>("scheduler");
    for (const SchedulerInfo &info : SchedulerRegistry::all())
        QTest::newRow(qPrintable(info.name)) << info.name;
}

void tst_SchedulingNet::everySchedulerRelays()
{
    QFETCH(QString, scheduler);
    Backends backends({u"a"_s, u"b"_s, u"c"_s});
    QVERIFY(backends.ok());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make(backends.hosts, scheduler));
    QVERIFY(port);

    std::vector<std::unique_ptr<TestConnection>> clients;
    for (int i = 0; i < 6; ++i) {
        clients.push_back(TestConnection::open(port, clientAddress(1 + i % 3)));
        const QString name = clients.back()->waitForLine();
        QVERIFY2(QStringList({u"a"_s, u"b"_s, u"c"_s}).contains(name), qPrintable(name));
        QVERIFY(clients.back()->roundTrip("ping " + QByteArray::number(i)));
    }
    QCOMPARE(engine.activeConnections(), 6);
    int open = 0;
    for (const auto &stub : backends.stubs)
        open += stub->openConnections();
    QCOMPARE(open, 6);
    clients.clear();
    QTRY_COMPARE(engine.activeConnections(), 0);
}

void tst_SchedulingNet::roundRobinSequence()
{
    Backends backends({u"a"_s, u"b"_s, u"c"_s});
    QVERIFY(backends.ok());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make(backends.hosts, u"roundrobin"_s));
    QVERIFY(port);
    QCOMPARE(sequence(port, 7).join(QString()), u"abcabca"_s);
}

void tst_SchedulingNet::weightedSequence()
{
    // nginx's smooth weighted round robin for 5/1/1.
    Backends backends({u"a"_s, u"b"_s, u"c"_s}, {5, 1, 1});
    QVERIFY(backends.ok());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make(backends.hosts, u"weighted"_s));
    QVERIFY(port);
    QCOMPARE(sequence(port, 14).join(QString()), u"aabacaaaabacaa"_s);
}

void tst_SchedulingNet::randomSpread()
{
    // 300 clients over 3 hosts: each expects 100 (sd ~8.2); 60..140 is
    // beyond 4.8 sd, so a false failure is about one in a million.
    Backends backends({u"a"_s, u"b"_s, u"c"_s});
    QVERIFY(backends.ok());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make(backends.hosts, u"random"_s));
    QVERIFY(port);

    std::map<QString, int> counts;
    for (int batch = 0; batch < 6; ++batch) {
        std::vector<std::unique_ptr<TestConnection>> clients;
        for (int i = 0; i < 50; ++i)
            clients.push_back(TestConnection::open(port));
        for (const auto &client : clients)
            ++counts[client->waitForLine()];
    }
    QCOMPARE(int(counts.size()), 3);
    for (const auto &[name, count] : counts) {
        QVERIFY2(name == u"a"_s || name == u"b"_s || name == u"c"_s, qPrintable(name));
        QVERIFY2(count >= 60 && count <= 140, qPrintable(u"%1 got %2 of 300"_s.arg(name).arg(count)));
    }
}

void tst_SchedulingNet::p2cBalancesHeldConnections()
{
    // Power of two choices never gives a connection to the busier host of
    // its pair, so with every connection held open the most loaded host is
    // at most one ahead of the second.
    Backends backends({u"a"_s, u"b"_s, u"c"_s});
    QVERIFY(backends.ok());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make(backends.hosts, u"p2c"_s));
    QVERIFY(port);

    std::vector<std::unique_ptr<TestConnection>> clients;
    for (int i = 0; i < 60; ++i) {
        clients.push_back(TestConnection::open(port));
        QVERIFY(!clients.back()->waitForLine().isEmpty());
        QList<int> loads;
        for (const auto &stub : backends.stubs)
            loads.append(stub->openConnections());
        std::sort(loads.begin(), loads.end());
        QVERIFY2(loads.at(2) <= loads.at(1) + 1,
            qPrintable(u"after %1 connections: %2 %3 %4"_s.arg(i + 1)
                           .arg(loads.at(0))
                           .arg(loads.at(1))
                           .arg(loads.at(2))));
    }
    for (const auto &stub : backends.stubs) {
        // The least loaded host is in two of three pairs: it cannot lag far.
        QVERIFY2(stub->openConnections() >= 10,
            qPrintable(u"%1 has %2"_s.arg(stub->name()).arg(stub->openConnections())));
        QCOMPARE(engine.host(u"svc"_s, u"g"_s, stub->name()).value().active, qint64(stub->openConnections()));
    }
}

void tst_SchedulingNet::leastConnsFillsTheEmptiest()
{
    Backends backends({u"a"_s, u"b"_s, u"c"_s});
    QVERIFY(backends.ok());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make(backends.hosts, u"leastconns"_s));
    QVERIFY(port);

    std::map<QString, std::vector<std::unique_ptr<TestConnection>>> held;
    const auto open = [&] {
        auto client = TestConnection::open(port);
        const QString name = client->waitForLine();
        held[name].push_back(std::move(client));
        return name;
    };
    // Three connections, one per host, whatever the order.
    QStringList first = {open(), open(), open()};
    first.sort();
    QCOMPARE(first, (QStringList{u"a"_s, u"b"_s, u"c"_s}));

    // b becomes the emptiest: the next one goes there.
    held[u"b"_s].clear();
    QTRY_COMPARE(engine.host(u"svc"_s, u"g"_s, u"b"_s).value().active, qint64(0));
    QCOMPARE(open(), u"b"_s);

    // Everyone at 2, then a drops to 0: a takes the next two.
    QStringList more = {open(), open(), open()};
    more.sort();
    QCOMPARE(more, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    held[u"a"_s].clear();
    QTRY_COMPARE(engine.host(u"svc"_s, u"g"_s, u"a"_s).value().active, qint64(0));
    QCOMPARE(open(), u"a"_s);
    QCOMPARE(open(), u"a"_s);
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s})
        QCOMPARE(int(held[name].size()), 2);
}

void tst_SchedulingNet::leastConnsHonoursWeights()
{
    // Load is active/weight: with weights 3 and 1, held connections split 3:1.
    Backends backends({u"a"_s, u"b"_s}, {3, 1});
    QVERIFY(backends.ok());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make(backends.hosts, u"leastconns"_s));
    QVERIFY(port);

    std::vector<std::unique_ptr<TestConnection>> clients;
    for (int i = 0; i < 12; ++i) {
        clients.push_back(TestConnection::open(port));
        QVERIFY(!clients.back()->waitForLine().isEmpty());
    }
    QCOMPARE(backends.stubs.at(0)->openConnections(), 9);
    QCOMPARE(backends.stubs.at(1)->openConnections(), 3);
}

void tst_SchedulingNet::shortConnectionsShareFairly_data()
{
    QTest::addColumn<QString>("scheduler");
    QTest::addColumn<QString>("pattern");
    for (const QString &scheduler : {u"leastconns"_s, u"leastconnsrr"_s, u"p2c"_s}) {
        for (const QString &pattern : {u"sequential"_s, u"concurrent"_s, u"mixed"_s})
            QTest::newRow(qPrintable(scheduler + u' ' + pattern)) << scheduler << pattern;
    }
}

void tst_SchedulingNet::shortConnectionsShareFairly()
{
    // Backends that speak first and clients that read that line and close at
    // once: the balancer often picks the next host before it has counted the
    // previous close. Over 300 connections to three equal hosts no host may
    // get less than 80 % of its fair share (100). A tie-break that rotates
    // over "the hosts tied right now" gave 26/137/137 here.
    QFETCH(QString, scheduler);
    QFETCH(QString, pattern);
    Backends backends({u"a"_s, u"b"_s, u"c"_s});
    QVERIFY(backends.ok());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make(backends.hosts, scheduler));
    QVERIFY(port);

    constexpr int Total = 300;
    std::map<QString, int> counts;
    std::vector<std::unique_ptr<TestConnection>> held;
    if (pattern == u"sequential") {
        for (const QString &name : sequence(port, Total))
            ++counts[name];
    } else if (pattern == u"concurrent") {
        // Ten at a time, all open together, then all closed.
        for (int batch = 0; batch < Total / 10; ++batch) {
            std::vector<std::unique_ptr<TestConnection>> clients;
            for (int i = 0; i < 10; ++i)
                clients.push_back(TestConnection::open(port));
            for (const auto &client : clients)
                ++counts[client->waitForLine()];
        }
    } else {
        // Every fifth connection stays open to the end; the others are short.
        for (int i = 0; i < Total; ++i) {
            auto client = TestConnection::open(port);
            ++counts[client->waitForLine()];
            if (i % 5 == 0)
                held.push_back(std::move(client));
        }
    }
    const QString split = u"%1/%2/%3"_s.arg(counts[u"a"_s]).arg(counts[u"b"_s]).arg(counts[u"c"_s]);
    QCOMPARE(int(counts.size()), 3);
    // p2c compares a random pair, so with held connections in the mix its
    // split is wider by design: an ideal p2c (instant closes, simulated)
    // leaves a host below 80 % in about one run of five. It must still not
    // starve anyone.
    const int floor = scheduler == u"p2c" && pattern == u"mixed" ? Total / 3 * 6 / 10 : Total / 3 * 8 / 10;
    if (!held.empty()) {
        // Whatever the split of the short ones, the held ones are balanced.
        const auto spread = [&] {
            QList<int> open;
            for (const auto &stub : backends.stubs)
                open.append(stub->openConnections());
            return *std::max_element(open.cbegin(), open.cend())
                - *std::min_element(open.cbegin(), open.cend());
        };
        QTRY_VERIFY2(spread() <= 2, qPrintable(split));
    }
    for (const auto &[name, count] : counts)
        QVERIFY2(count >= floor,
            qPrintable(u"%1 got %2 of %3 (a/b/c %4)"_s.arg(name).arg(count).arg(Total).arg(split)));
    held.clear();
    QTRY_COMPARE(engine.activeConnections(), 0);
}

void tst_SchedulingNet::leastConnsRrPrefersLongestIdle()
{
    // Ties on active connections go to the host whose last connection
    // closed longest ago.
    Backends backends({u"a"_s, u"b"_s});
    QVERIFY(backends.ok());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make(backends.hosts, u"leastconnsrr"_s));
    QVERIFY(port);
    const auto hostA = [&] {
        return engine.host(u"svc"_s, u"g"_s, u"a"_s).value();
    };
    const auto hostB = [&] {
        return engine.host(u"svc"_s, u"g"_s, u"b"_s).value();
    };

    std::unique_ptr<TestConnection> first = TestConnection::open(port);
    std::unique_ptr<TestConnection> second = TestConnection::open(port);
    QStringList names = {first->waitForLine(), second->waitForLine()};
    QCOMPARE(names.count(u"a"_s), 1);
    QCOMPARE(names.count(u"b"_s), 1);
    std::unique_ptr<TestConnection> &onA = names.at(0) == u"a"_s ? first : second;
    std::unique_ptr<TestConnection> &onB = names.at(0) == u"a"_s ? second : first;

    // a closes first, then b: a has been idle longer.
    onA.reset();
    QTRY_COMPARE(hostA().active, qint64(0));
    onB.reset();
    QTRY_COMPARE(hostB().active, qint64(0));
    QVERIFY(hostA().lastClosedNs < hostB().lastClosedNs);
    QCOMPARE(TestConnection::open(port)->waitForLine(), u"a"_s);
    // That one closed last now, so b is next.
    QTRY_COMPARE(hostA().active, qint64(0));
    QCOMPARE(TestConnection::open(port)->waitForLine(), u"b"_s);
}

void tst_SchedulingNet::hashKeepsClientOnOneHost()
{
    Backends backends({u"a"_s, u"b"_s, u"c"_s});
    QVERIFY(backends.ok());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make(backends.hosts, u"hash"_s));
    QVERIFY(port);

    QSet<QString> used;
    for (int client = 1; client <= 12; ++client) {
        const QString first = TestConnection::open(port, clientAddress(client))->waitForLine();
        QVERIFY(!first.isEmpty());
        used.insert(first);
        // Held or not, in either worker: always the same host.
        std::unique_ptr<TestConnection> held = TestConnection::open(port, clientAddress(client));
        QCOMPARE(held->waitForLine(), first);
        for (int again = 0; again < 3; ++again)
            QCOMPARE(TestConnection::open(port, clientAddress(client))->waitForLine(), first);
    }
    // 12 addresses on one host of three: (1/3)^11, about 6e-6.
    QVERIFY2(used.size() >= 2, "every client address hashed to the same host");
}

void tst_SchedulingNet::stickyHoldsClient()
{
    Backends backends({u"a"_s, u"b"_s, u"c"_s});
    QVERIFY(backends.ok());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, ProxyConfig::make(backends.hosts, u"sticky"_s));
    QVERIFY(port);

    const auto reach = [&](int client) {
        return TestConnection::open(port, clientAddress(client))->waitForLine();
    };
    // First visits are placed round robin; later ones stick.
    QStringList seen;
    for (const int client : {1, 2, 3, 1, 2, 3, 1, 4, 2})
        seen.append(reach(client));
    QCOMPARE(seen.join(QString()), u"abcabcaab"_s);

    // Its host draining, client 1 moves (round robin goes on at b) and stays
    // on its new host when a is ready again.
    QVERIFY(engine.setHostAdminState(u"svc"_s, u"g"_s, u"a"_s, HostAdminState::Drain).ok);
    const QString moved = reach(1);
    QCOMPARE(moved, u"b"_s);
    QCOMPARE(reach(4), u"c"_s);  // client 4 was on a too
    QVERIFY(engine.setHostAdminState(u"svc"_s, u"g"_s, u"a"_s, HostAdminState::Ready).ok);
    QCOMPARE(reach(1), moved);
    QCOMPARE(reach(2), u"b"_s);
    QCOMPARE(reach(5), u"a"_s);
}

QTEST_MAIN(tst_SchedulingNet)
#include "tst_schedulingnet.moc"
