// HAProxy's agent check on real sockets: an agent in the test (a
// QTcpServer) answers each kind of word, and the host's state is read back
// through the engine and the traffic that stub backends, answering their
// own names, receive.

#include "admintestbed.h"
#include "engine.h"
#include "health/agentanswer.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <map>
#include <memory>
#include <vector>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// An agent: answers every query (a line) with `reply` and closes; with
/// `silent` it accepts and says nothing. Remembers what it was sent.
class TestAgent final : public QObject
{
public:
    TestAgent()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++queries;
                socket->setParent(this);
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                // Answers once the request (agentsend, a line) is in.
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    const QByteArray bytes = socket->readAll();
                    received += bytes;
                    if (silent || !bytes.contains('\n'))
                        return;
                    socket->write(reply);
                    socket->disconnectFromHost();
                });
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }

    QByteArray reply;
    bool silent = false;
    int queries = 0;
    QByteArray received;

private:
    QTcpServer m_server;
};

/// a and b behind a weighted group; b has an agent queried every 100 ms.
struct Bed
{
    StubBackend a{u"a"_s};
    StubBackend b{u"b"_s};
    TestAgent agent;
    Engine engine;
    Config config;
    quint16 port = 0;

    bool start(const QByteArray &reply, const QString &scheduler = u"weighted"_s, int agentPort = -1)
    {
        if (!a.listen() || !b.listen())
            return false;
        agent.reply = reply;
        config = ProxyConfig::make(
            {ProxyConfig::host(u"a"_s, a.address(), 4), ProxyConfig::host(u"b"_s, b.address(), 4)},
            scheduler);
        GroupConfig &group = config.services.first().groups.first();
        group.agent.intervalMs = 100;
        group.agent.send = "status\n";
        group.hosts[1].agentPort = agentPort < 0 ? agent.port() : agentPort;
        port = ProxyConfig::start(engine, config);
        return port != 0;
    }

    HostView host(const QString &name) const { return engine.host(u"svc"_s, u"g"_s, name).value(); }

    /// b's share of `count` short connections.
    int toB(int count)
    {
        int toHostB = 0;
        for (int i = 0; i < count; ++i)
            toHostB += TestConnection::open(port)->waitForLine() == u"b"_s;
        return toHostB;
    }
};

int g_unknownWarnings = 0;
QtMessageHandler g_previousHandler = nullptr;

void countUnknownWords(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(u"which is not a known word"_s))
        ++g_unknownWarnings;
    g_previousHandler(type, context, message);
}

}  // namespace

class tst_AgentCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void weightPercent_data();
    void weightPercent();
    void maxconn();
    void adminState_data();
    void adminState();
    void health_data();
    void health();
    void unknownWordLoggedOnce();
    void noAnswerChangesNothing_data();
    void noAnswerChangesNothing();
    void agentSwitchedOff();
    void throughTheAdminApi();
};

void tst_AgentCheck::parse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("percent");  // -1: none
    QTest::addColumn<int>("maxconn");  // -1: none
    QTest::addColumn<QString>("admin");  // "" none
    QTest::addColumn<QString>("health");  // "" none
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("unknown");

    QTest::newRow("percent") << "75%"_ba << 75 << -1 << QString() << QString() << QString() << QStringList();
    QTest::newRow("all, commas and spaces")
        << "ready, 50%  maxconn:30,up"_ba << 50 << 30 << u"ready"_s << u"up"_s << QString() << QStringList();
    QTest::newRow("case-insensitive")
        << "DRAIN 10%"_ba << 10 << -1 << u"drain"_s << QString() << QString() << QStringList();
    QTest::newRow("down with reason") << "down #disk full, sorry"_ba << -1 << -1 << QString() << u"down"_s
                                      << u"disk full, sorry"_s << QStringList();
    QTest::newRow("stopped") << "maint stopped#upgrade"_ba << -1 << -1 << u"maint"_s << u"stopped"_s
                             << u"upgrade"_s << QStringList();
    QTest::newRow("last wins") << "10% 20% fail up"_ba << 20 << -1 << QString() << u"up"_s << QString()
                               << QStringList();
    QTest::newRow("unknown and bad values")
        << "hello 1001% maxconn:x -5% 50%"_ba << 50 << -1 << QString() << QString() << QString()
        << QStringList{u"hello"_s, u"1001%"_s, u"maxconn:x"_s, u"-5%"_s};
    QTest::newRow("garbage") << "\x01\x02\xff"_ba << -1 << -1 << QString() << QString() << QString()
                             << QStringList{u"\\x01\\x02\\xff"_s};
    QTest::newRow("empty") << QByteArray() << -1 << -1 << QString() << QString() << QString()
                           << QStringList();
}

void tst_AgentCheck::parse()
{
    QFETCH(QByteArray, line);
    QFETCH(int, percent);
    QFETCH(int, maxconn);
    QFETCH(QString, admin);
    QFETCH(QString, health);
    QFETCH(QString, reason);
    QFETCH(QStringList, unknown);
    const AgentAnswer answer = AgentAnswer::parse(line);
    QCOMPARE(answer.weightPercent.value_or(-1), percent);
    QCOMPARE(answer.maxConns.value_or(-1), maxconn);
    const QString adminName = !answer.adminState      ? QString()
        : *answer.adminState == HostAdminState::Ready ? u"ready"_s
        : *answer.adminState == HostAdminState::Drain ? u"drain"_s
                                                      : u"maint"_s;
    QCOMPARE(adminName, admin);
    QCOMPARE(answer.healthWord, health);
    QCOMPARE(answer.up.has_value(), !health.isEmpty());
    QCOMPARE(answer.reason, reason);
    QCOMPARE(answer.unknown, unknown);
}

void tst_AgentCheck::weightPercent_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<double>("effective");
    QTest::addColumn<int>("bOf30");  // b's share of 30 connections, weighted a=4, b=4*%
    QTest::newRow("100%") << "100%\n"_ba << 4.0 << 15;
    QTest::newRow("50%") << "50%\n"_ba << 2.0 << 10;
    QTest::newRow("200%, CRLF") << "200%\r\n"_ba << 8.0 << 20;
    QTest::newRow("0%: no new connections") << "0%\n"_ba << 0.0 << 0;
    QTest::newRow("line ended by the close") << "25%"_ba << 1.0 << 6;
}

void tst_AgentCheck::weightPercent()
{
    QFETCH(QByteArray, reply);
    QFETCH(double, effective);
    QFETCH(int, bOf30);
    Bed bed;
    QVERIFY(bed.start(reply));
    QTRY_VERIFY(bed.host(u"b"_s).agent.answers >= 1);
    QCOMPARE(bed.agent.received.left(7), "status\n"_ba);
    const HostView b = bed.host(u"b"_s);
    QCOMPARE(b.effectiveWeight, effective);
    QCOMPARE(b.weight, 4);  // the configured weight stays
    QCOMPARE(b.agent.lastAnswer, QString::fromLatin1(reply.trimmed()));
    QCOMPARE(bed.host(u"a"_s).effectiveWeight, 4.0);
    QCOMPARE(bed.toB(30), bOf30);
    // Runtime only: the config is as written.
    QCOMPARE(bed.engine.runningConfig().services.first().groups.first().hosts.at(1).weight, 4);
}

void tst_AgentCheck::maxconn()
{
    Bed bed;
    QVERIFY(bed.start("maxconn:2 ready\n", u"roundrobin"_s));
    QTRY_COMPARE(bed.host(u"b"_s).maxConns, 2);
    QCOMPARE(bed.host(u"b"_s).agent.changed, QStringList{u"maxconn 2"_s});
    // Held connections: round robin gives b its turn until it is full.
    std::vector<std::unique_ptr<TestConnection>> held;
    std::map<QString, int> counts;
    for (int i = 0; i < 8; ++i) {
        held.push_back(TestConnection::open(bed.port));
        ++counts[held.back()->waitForLine()];
    }
    QCOMPARE(counts[u"b"_s], 2);
    QCOMPARE(counts[u"a"_s], 6);
    QCOMPARE(bed.engine.runningConfig().services.first().groups.first().hosts.at(1).maxConns, 0);
}

void tst_AgentCheck::adminState_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("state");
    QTest::newRow("drain") << "drain\n"_ba << u"draining"_s;
    QTest::newRow("maint") << "maint\n"_ba << u"maintenance"_s;
}

void tst_AgentCheck::adminState()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, state);
    Bed bed;
    QVERIFY(bed.start(reply));
    QSignalSpy agentEvents(&bed.engine, &Engine::agentChanged);
    QSignalSpy hostEvents(&bed.engine, &Engine::hostStateChanged);
    QTRY_COMPARE(bed.host(u"b"_s).state, state);
    QCOMPARE(bed.toB(10), 0);
    QCOMPARE(agentEvents.size(), 1);
    QVERIFY(hostEvents.size() >= 1);
    QCOMPARE(hostEvents.constLast().at(3).value<HostStateEvent>().reasonCode, u"agentAdmin"_s);
    // Not written to the config (HAProxy does not either); an apply keeps it.
    Config config = bed.engine.runningConfig();
    QCOMPARE(config.services.first().groups.first().hosts.at(1).adminState, HostAdminState::Ready);
    config.services.first().groups.first().hosts[0].weight = 5;
    QVERIFY(bed.engine.apply(config).ok);
    QCOMPARE(bed.host(u"b"_s).state, state);
    // "ready" ends it.
    bed.agent.reply = "ready\n";
    QTRY_COMPARE(bed.host(u"b"_s).state, u"up"_s);
    QVERIFY(bed.toB(10) > 0);
    // The agent cannot make ready a host the operator put in maintenance.
    config.services.first().groups.first().hosts[1].adminState = HostAdminState::Maintenance;
    QVERIFY(bed.engine.apply(config).ok);
    const int answers = int(bed.host(u"b"_s).agent.answers);
    QTRY_VERIFY(bed.host(u"b"_s).agent.answers > answers + 1);
    QCOMPARE(bed.host(u"b"_s).state, u"maintenance"_s);
}

void tst_AgentCheck::health_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("reason");
    QTest::newRow("down") << "down\n"_ba << u"the agent said down"_s;
    QTest::newRow("fail #reason") << "fail #disk full\n"_ba << u"the agent said fail: disk full"_s;
    QTest::newRow("stopped, with a weight")
        << "stopped,50% #upgrade\n"_ba << u"the agent said stopped: upgrade"_s;
}

void tst_AgentCheck::health()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, reason);
    Bed bed;
    QVERIFY(bed.start(reply));
    QTRY_COMPARE(bed.host(u"b"_s).state, u"down"_s);
    QCOMPARE(bed.host(u"b"_s).downReason, reason);
    QCOMPARE(bed.host(u"b"_s).downReasonCode, u"agentDown"_s);
    QVERIFY(bed.host(u"b"_s).agent.down);
    QCOMPARE(bed.toB(10), 0);
    // "up" brings it back at once.
    bed.agent.reply = "up\n";
    QTRY_COMPARE(bed.host(u"b"_s).state, u"up"_s);
    QCOMPARE(bed.host(u"b"_s).agent.changed.constFirst(), u"health up"_s);
    QVERIFY(bed.toB(10) > 0);
}

void tst_AgentCheck::unknownWordLoggedOnce()
{
    g_unknownWarnings = 0;
    g_previousHandler = qInstallMessageHandler(countUnknownWords);
    Bed bed;
    QVERIFY(bed.start("hello 50%\n"));
    QTRY_VERIFY(bed.host(u"b"_s).agent.answers >= 4);
    qInstallMessageHandler(g_previousHandler);
    QCOMPARE(g_unknownWarnings, 1);
    QCOMPARE(bed.host(u"b"_s).effectiveWeight, 2.0);
}

void tst_AgentCheck::noAnswerChangesNothing_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<bool>("silent");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<QString>("error");  // start of lastError; empty: it is an answer
    QTest::newRow("garbage") << "\x01\x02###\n"_ba << false << false << QString();
    QTest::newRow("silence") << QByteArray() << true << false << u"no answer within"_s;
    QTest::newRow("closed at once") << QByteArray() << false << false << u"closed without an answer"_s;
    QTest::newRow("over-long line") << QByteArray(4000, 'x') << false << false << u"answer longer than"_s;
    QTest::newRow("no agent listening") << QByteArray() << false << true << u"connection refused"_s;
}

void tst_AgentCheck::noAnswerChangesNothing()
{
    QFETCH(QByteArray, reply);
    QFETCH(bool, silent);
    QFETCH(bool, refused);
    QFETCH(QString, error);
    Bed bed;
    bed.agent.silent = silent;
    QVERIFY(bed.start(reply, u"weighted"_s, refused ? ProxyConfig::unusedPort() : -1));
    if (error.isEmpty()) {
        QTRY_VERIFY(bed.host(u"b"_s).agent.answers >= 2);
    } else {
        QTRY_VERIFY(bed.host(u"b"_s).agent.failures >= 2);
        QVERIFY2(
            bed.host(u"b"_s).agent.lastError.startsWith(error), qPrintable(bed.host(u"b"_s).agent.lastError));
    }
    const HostView b = bed.host(u"b"_s);
    QCOMPARE(b.state, u"up"_s);
    QCOMPARE(b.effectiveWeight, 4.0);
    QVERIFY(b.agent.changed.isEmpty());
    QCOMPARE(bed.toB(10), 5);
}

void tst_AgentCheck::agentSwitchedOff()
{
    Bed bed;
    QVERIFY(bed.start("drain 50%\n"));
    QTRY_COMPARE(bed.host(u"b"_s).state, u"draining"_s);
    Config config = bed.engine.runningConfig();
    config.services.first().groups.first().hosts[1].agentPort = 0;
    QVERIFY(bed.engine.apply(config).ok);
    QCOMPARE(bed.host(u"b"_s).state, u"up"_s);
    QCOMPARE(bed.host(u"b"_s).effectiveWeight, 4.0);
    QVERIFY(!bed.host(u"b"_s).agent.enabled);
}

void tst_AgentCheck::throughTheAdminApi()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    TestAgent agent;
    agent.reply = "drain 50% maxconn:7\n";
    // A bad value: 400 naming the field.
    HttpTestResponse response = bed.request("PUT", "/api/v1/services/web/groups/prod/feedback",
        AdminTestBed::Admin, R"({"agentinterval":"10ms"})");
    QCOMPARE(response.status, 400);
    QVERIFY2(response.body.contains("agentinterval"), response.body.constData());
    response = bed.request("PUT", "/api/v1/services/web/groups/prod/feedback", AdminTestBed::Admin,
        R"({"agentinterval":"100ms","agentsend":"hi\n","slowstart":"1m"})");
    QCOMPARE(response.status, 200);
    response = bed.request("PUT", "/api/v1/services/web/groups/prod/hosts/b", AdminTestBed::Admin,
        QByteArray(R"({"agent":)") + QByteArray::number(agent.port()) + '}');
    QCOMPARE(response.status, 200);
    QTRY_COMPARE(bed.hostState(u"prod"_s, u"b"_s), u"draining"_s);

    response = bed.get("/api/v1/services/web/groups/prod/hosts/b");
    QCOMPARE(response.status, 200);
    const QJsonObject host = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(host.value(u"agent"_s).toInt(), int(agent.port()));
    QVERIFY(host.value(u"slowstart"_s).isNull());  // follows the group
    QCOMPARE(host.value(u"effectiveWeight"_s).toDouble(), 0.5);
    // "agent" is the configured port; what the agent said is in "agentState".
    const QJsonObject runtime = host.value(u"agentState"_s).toObject();
    QCOMPARE(runtime.value(u"lastAnswer"_s).toString(), u"drain 50% maxconn:7"_s);
    QCOMPARE(runtime.value(u"weightPercent"_s).toInt(), 50);
    QCOMPARE(runtime.value(u"maxconns"_s).toInt(), 7);
    QCOMPARE(runtime.value(u"adminState"_s).toString(), u"drain"_s);
    QCOMPARE(runtime.value(u"changed"_s).toArray().size(), 3);

    const HttpTestResponse metrics = bed.get("/metrics");
    QVERIFY2(
        metrics.body.contains(R"(balancier_host_effective_weight{service="web",group="prod",host="b"} 0.5)"),
        metrics.body.constData());
    QVERIFY(metrics.body.contains("balancier_host_agent_answers_total{"));
    // Back to the group's: no agent on b any more, its state is the config's again.
    response = bed.request(
        "PUT", "/api/v1/services/web/groups/prod/hosts/b", AdminTestBed::Admin, R"({"agent":null})");
    QCOMPARE(response.status, 200);
    QCOMPARE(bed.hostState(u"prod"_s, u"b"_s), u"up"_s);
}

QTEST_GUILESS_MAIN(tst_AgentCheck)
#include "tst_agentcheck.moc"
