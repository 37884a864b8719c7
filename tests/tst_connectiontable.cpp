// The live connection table over real connections: GET /api/v1/connections
// with its filters, sort and paging, DELETE /api/v1/connections/{id},
// GET /api/v1/talkers, and the same through Operations directly.

#include "admintestbed.h"
#include "engine.h"
#include "ops/operations.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const HttpTestResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QJsonArray rows(const HttpTestResponse &response)
{
    return json(response).value("connections"_L1).toArray();
}

}  // namespace

class TestConnectionTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsEveryOpenConnection();
    void filters_data();
    void filters();
    void sortAndPaging();
    void badParameters_data();
    void badParameters();
    void deleteClosesExactlyThatConnection();
    void deleteUnknownAndForbidden();
    void talkers();
    void throughOperations();

private:
    std::unique_ptr<AdminTestBed> m_bed;
    std::vector<std::unique_ptr<TestConnection>> m_clients;
    quint16 m_port = 0;
};

void TestConnectionTable::init()
{
    m_bed = std::make_unique<AdminTestBed>();
    QString error;
    QVERIFY2(m_bed->start(&error), qPrintable(error));
    m_port = m_bed->engine().listeners().constFirst().port;
    // Three clients from three addresses; the first sends 1000 bytes, which
    // the backend echoes.
    for (const char *from : {"127.0.0.1", "127.0.0.2", "127.0.0.3"}) {
        m_clients.push_back(TestConnection::open(m_port, QHostAddress(QString::fromLatin1(from))));
        QVERIFY(!m_clients.back()->waitForLine().isEmpty());
        QTest::qWait(20);  // distinct ages
    }
    QVERIFY(m_clients.front()->roundTrip(QByteArray(1000, 'x')));
}

void TestConnectionTable::cleanup()
{
    m_clients.clear();
    m_bed.reset();
}

void TestConnectionTable::listsEveryOpenConnection()
{
    const HttpTestResponse response = m_bed->get("/api/v1/connections", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    const QJsonObject body = json(response);
    QCOMPARE(body.value("total"_L1).toInt(), 3);
    QCOMPARE(body.value("offset"_L1).toInt(), 0);
    const QJsonArray list = rows(response);
    QCOMPARE(list.size(), 3);
    // Oldest first: the order the clients came in.
    QStringList clients;
    for (const QJsonValue &value : list) {
        const QJsonObject row = value.toObject();
        QVERIFY(row.value("id"_L1).isString());
        QVERIFY(row.value("id"_L1).toString().toULongLong() > (quint64(1) << 48));
        QCOMPARE(row.value("service"_L1).toString(), u"web"_s);
        QCOMPARE(row.value("group"_L1).toString(), u"prod"_s);
        QVERIFY(row.value("backend"_L1).toString() == u"a" || row.value("backend"_L1).toString() == u"b");
        QCOMPARE(row.value("local"_L1).toString(), ProxyConfig::loopback(m_port));
        QCOMPARE(row.value("state"_L1).toString(), u"established"_s);
        QCOMPARE(row.value("reason"_L1).toObject().value("code"_L1).toString(), u"roundrobin"_s);
        QVERIFY(row.value("reason"_L1).toObject().value("params"_L1).toObject().isEmpty());
        QVERIFY(row.value("attempts"_L1).toArray().isEmpty());
        QVERIFY(row.value("ageMs"_L1).toInteger() >= 0);
        clients.append(row.value("client"_L1).toString().section(u':', 0, 0));
    }
    QCOMPARE(clients, (QStringList{u"127.0.0.1"_s, u"127.0.0.2"_s, u"127.0.0.3"_s}));
    const QJsonObject first = list.at(0).toObject();
    QCOMPARE(first.value("bytesIn"_L1).toInteger(), 1000);
    QCOMPARE(first.value("bytesOut"_L1).toInteger(), 1002);  // "a\n" or "b\n", then the echo
}

void TestConnectionTable::filters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("total");
    QTest::newRow("service") << QByteArray("service=web") << 3;
    QTest::newRow("other service") << QByteArray("service=nosuch") << 0;
    QTest::newRow("group") << QByteArray("group=prod") << 3;
    QTest::newRow("other group") << QByteArray("group=spare") << 0;
    QTest::newRow("one client") << QByteArray("client=127.0.0.2/32") << 1;
    QTest::newRow("bare address") << QByteArray("client=127.0.0.3") << 1;
    QTest::newRow("prefix") << QByteArray("client=127.0.0.0/24") << 3;
    QTest::newRow("v6 prefix") << QByteArray("client=::1/128") << 0;
    QTest::newRow("bytes") << QByteArray("minbytes=1000") << 1;
    QTest::newRow("age") << QByteArray("minage=3600") << 0;
    QTest::newRow("backend a or b") << QByteArray("backend=c") << 0;
}

void TestConnectionTable::filters()
{
    QFETCH(QByteArray, query);
    QFETCH(int, total);
    const HttpTestResponse response = m_bed->get("/api/v1/connections?" + query);
    QCOMPARE(response.status, 200);
    QCOMPARE(json(response).value("total"_L1).toInt(), total);
    QCOMPARE(rows(response).size(), total);
    // Backends: each row of backend=a is on a.
    const QJsonArray onA = rows(m_bed->get("/api/v1/connections?backend=a"));
    const QJsonArray onB = rows(m_bed->get("/api/v1/connections?backend=b"));
    QCOMPARE(onA.size() + onB.size(), 3);
    for (const QJsonValue &row : onA)
        QCOMPARE(row.toObject().value("backend"_L1).toString(), u"a"_s);
}

void TestConnectionTable::sortAndPaging()
{
    QJsonArray list = rows(m_bed->get("/api/v1/connections?sort=bytes"));
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).toObject().value("bytesIn"_L1).toInteger(), 1000);
    list = rows(m_bed->get("/api/v1/connections?sort=client"));
    QCOMPARE(list.at(2).toObject().value("client"_L1).toString().section(u':', 0, 0), u"127.0.0.3"_s);
    list = rows(m_bed->get("/api/v1/connections?sort=id"));
    QVERIFY(list.at(0).toObject().value("id"_L1).toString().toULongLong()
        < list.at(1).toObject().value("id"_L1).toString().toULongLong());
    const HttpTestResponse page = m_bed->get("/api/v1/connections?sort=age&offset=1&limit=1");
    QCOMPARE(page.status, 200);
    QCOMPARE(json(page).value("total"_L1).toInt(), 3);
    QCOMPARE(json(page).value("offset"_L1).toInt(), 1);
    QCOMPARE(rows(page).size(), 1);
    QCOMPARE(rows(page).at(0).toObject().value("client"_L1).toString().section(u':', 0, 0), u"127.0.0.2"_s);
    QCOMPARE(rows(m_bed->get("/api/v1/connections?offset=5")).size(), 0);

    // Each worker sends only its first offset + limit rows in order: every
    // one-row page is still the same row as in the whole list, in every order.
    for (const char *sort : {"age", "bytes", "client", "backend", "id"}) {
        const QByteArray base = QByteArray("/api/v1/connections?sort=") + sort;
        const QJsonArray all = rows(m_bed->get(base));
        QCOMPARE(all.size(), 3);
        for (int offset = 0; offset < 3; ++offset) {
            const HttpTestResponse one = m_bed->get(base + "&limit=1&offset=" + QByteArray::number(offset));
            QCOMPARE(json(one).value("total"_L1).toInt(), 3);
            QCOMPARE(rows(one).size(), 1);
            QCOMPARE(rows(one).at(0).toObject().value("id"_L1).toString(),
                all.at(offset).toObject().value("id"_L1).toString());
        }
    }
}

void TestConnectionTable::badParameters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("limit 0") << QByteArray("limit=0") << u"limit"_s;
    QTest::newRow("limit 1001") << QByteArray("limit=1001") << u"limit"_s;
    QTest::newRow("offset") << QByteArray("offset=-1") << u"offset"_s;
    QTest::newRow("minage") << QByteArray("minage=old") << u"minage"_s;
    QTest::newRow("minbytes") << QByteArray("minbytes=-5") << u"minbytes"_s;
    QTest::newRow("client") << QByteArray("client=10.0.0.0/33") << u"client"_s;
    QTest::newRow("client text") << QByteArray("client=everyone") << u"client"_s;
    QTest::newRow("sort") << QByteArray("sort=size") << u"sort"_s;
}

void TestConnectionTable::badParameters()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, parameter);
    const HttpTestResponse response = m_bed->get("/api/v1/connections?" + query);
    QCOMPARE(response.status, 400);
    QCOMPARE(json(response).value("parameter"_L1).toString(), parameter);
    QCOMPARE(json(response).value("ok"_L1).toBool(true), false);
    QVERIFY(!json(response).value("error"_L1).toString().isEmpty());
}

void TestConnectionTable::deleteClosesExactlyThatConnection()
{
    const QJsonArray list = rows(m_bed->get("/api/v1/connections?client=127.0.0.2"));
    QCOMPARE(list.size(), 1);
    const QString id = list.at(0).toObject().value("id"_L1).toString();
    const HttpTestResponse response = m_bed->request("DELETE", "/api/v1/connections/" + id.toLatin1());
    QCOMPARE(response.status, 200);
    QCOMPARE(json(response).value("ok"_L1).toBool(), true);
    QCOMPARE(json(response).value("closed"_L1).toString(), id);
    QVERIFY(m_clients.at(1)->waitForEnd());
    // The others go on.
    QVERIFY(m_clients.at(0)->roundTrip("still"));
    QVERIFY(m_clients.at(2)->roundTrip("here"));
    QTRY_COMPARE(json(m_bed->get("/api/v1/connections")).value("total"_L1).toInt(), 2);
    // Counted by its termination code (the log is off: counted anyway).
    QTRY_VERIFY(
        m_bed->get("/metrics")
            .body.contains(
                "balancier_connections_closed_total{service=\"web\",termination=\"admin-close\"} 1\n"));
    // Closed already: gone.
    QCOMPARE(m_bed->request("DELETE", "/api/v1/connections/" + id.toLatin1()).status, 404);
}

void TestConnectionTable::deleteUnknownAndForbidden()
{
    HttpTestResponse response = m_bed->request("DELETE", "/api/v1/connections/42");
    QCOMPARE(response.status, 404);
    QCOMPARE(json(response).value("parameter"_L1).toString(), u"id"_s);
    QCOMPARE(json(response).value("error"_L1).toString(), u"connection: no open connection with id 42"_s);
    response = m_bed->request("DELETE", "/api/v1/connections/" + QByteArray::number(quint64(9) << 48 | 1));
    QCOMPARE(response.status, 404);
    response = m_bed->request("DELETE", "/api/v1/connections/abc");
    QCOMPARE(response.status, 400);
    QCOMPARE(json(response).value("parameter"_L1).toString(), u"id"_s);

    const QString id = rows(m_bed->get("/api/v1/connections")).at(0).toObject().value("id"_L1).toString();
    response = m_bed->request("DELETE", "/api/v1/connections/" + id.toLatin1(), AdminTestBed::Viewer);
    QCOMPARE(response.status, 403);
    QCOMPARE(json(m_bed->get("/api/v1/connections")).value("total"_L1).toInt(), 3);
}

void TestConnectionTable::talkers()
{
    HttpTestResponse response = m_bed->get("/api/v1/talkers?prefix4=32&sort=bytes", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    QJsonArray list = json(response).value("talkers"_L1).toArray();
    QCOMPARE(list.size(), 3);
    const QJsonObject top = list.at(0).toObject();
    QCOMPARE(top.value("prefix"_L1).toString(), u"127.0.0.1/32"_s);
    QCOMPARE(top.value("open"_L1).toInt(), 1);
    QCOMPARE(top.value("bytesIn"_L1).toInteger(), 1000);
    QVERIFY(top.value("ratePerSecond"_L1).toDouble() > 0);

    response = m_bed->get("/api/v1/talkers");  // /24 by default: one prefix
    list = json(response).value("talkers"_L1).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value("prefix"_L1).toString(), u"127.0.0.0/24"_s);
    QCOMPARE(list.at(0).toObject().value("open"_L1).toInt(), 3);

    QCOMPARE(json(m_bed->get("/api/v1/talkers?prefix4=33")).value("parameter"_L1).toString(), u"prefix4"_s);
    QCOMPARE(m_bed->get("/api/v1/talkers?sort=loud").status, 400);
    QCOMPARE(json(m_bed->get("/api/v1/talkers?service=nosuch")).value("talkers"_L1).toArray().size(), 0);
}

void TestConnectionTable::throughOperations()
{
    // Two workers: the id's top bits find the worker that owns it.
    StubBackend backend(u"b1"_s);
    QVERIFY(backend.listen());
    Engine engine;
    const quint16 port
        = ProxyConfig::start(engine, ProxyConfig::make({ProxyConfig::host(u"b1"_s, backend.address())}));
    QVERIFY(port != 0);
    std::vector<std::unique_ptr<TestConnection>> clients;
    for (int i = 0; i < 6; ++i) {
        clients.push_back(TestConnection::open(port));
        QCOMPARE(clients.back()->waitForLine(), u"b1"_s);
    }
    Operations operations(engine);
    ConnectionPage page;
    bool answered = false;
    ConnectionFilter filter;
    filter.sort = u"id"_s;
    operations.listConnections(filter, this, [&](const ConnectionPage &answer) {
        page = answer;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(page.total, 6);
    QSet<quint64> workers;
    for (const ConnectionRow &row : std::as_const(page.rows))
        workers.insert(row.id >> 48);
    QVERIFY(!workers.isEmpty());

    for (const ConnectionRow &row : std::as_const(page.rows)) {
        bool closed = false;
        operations.closeConnection(row.id, this, [&](const OpResult &result) { closed = result.ok; });
        QTRY_VERIFY(closed);
    }
    for (const auto &client : clients)
        QVERIFY(client->waitForEnd());

    OpResult missing;
    answered = false;
    operations.closeConnection(page.rows.first().id, this, [&](const OpResult &result) {
        missing = result;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(missing.failure, OpResult::Failure::NotFound);
    QCOMPARE(missing.parameter, u"id"_s);

    QList<Talker> talkers;
    answered = false;
    operations.talkers({}, this, [&](const QList<Talker> &answer) {
        talkers = answer;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(talkers.size(), 1);  // no open connection, but six recent accepts
    QCOMPARE(talkers.first().open, 0);
    QVERIFY(talkers.first().ratePerSecond > 0);

    ConnectionFilter bad;
    bad.limit = 0;
    QCOMPARE(Operations::checkConnectionFilter(bad).parameter, u"limit"_s);
}

QTEST_GUILESS_MAIN(TestConnectionTable)
#include "tst_connectiontable.moc"
