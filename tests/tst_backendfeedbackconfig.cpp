// Backend feedback in the config: slowstart, agent, agentinterval and
// agentsend on <group> and <host>, read with located errors, written back,
// validated, diffed, and changed through the operations.

#include "config/configdiff.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "config/configvalidator.h"
#include "engine.h"
#include "ops/operations.h"
#include "proxyconfig.h"

#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

QByteArray configWith(const QByteArray &groupAttributes, const QByteArray &hostAttributes)
{
    return "<balancier version=\"1\">\n"
           "  <service name=\"web\">\n"
           "    <listen ip=\"127.0.0.1:0\"/>\n"
           "    <group name=\"g\" "
        + groupAttributes
        + ">\n"
          "      <host name=\"a\" ip=\"127.0.0.1:8001\" "
        + hostAttributes
        + "/>\n"
          "      <host name=\"b\" ip=\"127.0.0.1:8002\"/>\n"
          "    </group>\n"
          "    <enable group=\"g\"/>\n"
          "  </service>\n"
          "</balancier>\n";
}

}  // namespace

class tst_BackendFeedbackConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads();
    void roundTrip();
    void errors_data();
    void errors();
    void diff();
    void operations();
};

void tst_BackendFeedbackConfig::reads()
{
    const LoadResult result = ConfigReader::readData(
        configWith(R"(slowstart="30s" agent="5555" agentinterval="500ms" agentsend="status\n")",
            R"(slowstart="2m" agent="0" agentsend="")"),
        u"f.xml"_s);
    QVERIFY2(result.ok(), qPrintable(result.diagnostics.value(0).toString()));
    const GroupConfig &group = result.config.services.first().groups.first();
    QCOMPARE(group.slowStartMs, 30000);
    QCOMPARE(group.agent.port, 5555);
    QCOMPARE(group.agent.intervalMs, 500);
    QCOMPARE(group.agent.send, "status\n"_ba);
    const HostConfig &a = group.hosts.at(0);
    const HostConfig &b = group.hosts.at(1);
    QCOMPARE(a.slowStartMs, std::optional<qint64>(120000));
    QCOMPARE(a.agentPort, std::optional<int>(0));
    QCOMPARE(a.agentSend, std::optional<QByteArray>(QByteArray()));
    QVERIFY(!a.agentIntervalMs);
    QCOMPARE(group.slowStartOf(a), 120000);
    QCOMPARE(group.agentOf(a).isEnabled(), false);
    QCOMPARE(group.slowStartOf(b), 30000);
    QCOMPARE(group.agentOf(b).port, 5555);
    QCOMPARE(group.agentOf(b).intervalMs, 500);
}

void tst_BackendFeedbackConfig::roundTrip()
{
    const LoadResult first = ConfigReader::readData(
        configWith(R"(slowstart="30s" agent="5555" agentinterval="3s" agentsend="hi\r\n")",
            R"(slowstart="1m" agent="6000" agentinterval="1s" agentsend="x")"),
        u"f.xml"_s);
    QVERIFY(first.ok());
    const QByteArray written = ConfigDocument::serialize(first.config);
    QVERIFY2(written.contains(R"(slowstart="30s")"), written.constData());
    QVERIFY2(written.contains(R"(agentsend="hi\r\n")"), written.constData());
    const LoadResult second = ConfigReader::readData(written, u"w.xml"_s);
    QVERIFY2(second.ok(), qPrintable(second.diagnostics.value(0).toString()));
    QVERIFY(diffConfigs(first.config, second.config).isEmpty());
    // A host without its own values writes none.
    Config config = second.config;
    HostConfig &a = config.services.first().groups.first().hosts.first();
    a.slowStartMs.reset();
    a.agentPort.reset();
    a.agentIntervalMs.reset();
    a.agentSend.reset();
    const QByteArray plain = ConfigDocument::serialize(config);
    QVERIFY(!plain.contains(R"(slowstart="1m")"));
    QVERIFY(!plain.contains(R"(agent="6000")"));
}

void tst_BackendFeedbackConfig::errors_data()
{
    QTest::addColumn<QByteArray>("group");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("agent port too high") << QByteArray(R"(agent="70000")") << QByteArray() << 4 << u"70000"_s;
    QTest::newRow("agent port not a number") << QByteArray() << QByteArray(R"(agent="web")") << 5 << u"web"_s;
    QTest::newRow("agentinterval too short")
        << QByteArray(R"(agentinterval="10ms")") << QByteArray() << 4 << u"too short"_s;
    QTest::newRow("agentinterval too long")
        << QByteArray() << QByteArray(R"(agentinterval="2h")") << 5 << u"too long"_s;
    QTest::newRow("slowstart too long")
        << QByteArray(R"(slowstart="2h")") << QByteArray() << 4 << u"too long"_s;
    QTest::newRow("slowstart not a duration")
        << QByteArray() << QByteArray(R"(slowstart="soon")") << 5 << u"not a duration"_s;
    QTest::newRow("agentsend too long")
        << (QByteArray("agentsend=\"") + QByteArray(1100, 'x') + '"') << QByteArray() << 4 << u"1100 bytes"_s;
}

void tst_BackendFeedbackConfig::errors()
{
    QFETCH(QByteArray, group);
    QFETCH(QByteArray, host);
    QFETCH(int, line);
    QFETCH(QString, message);
    const LoadResult result = ConfigReader::readData(configWith(group, host), u"f.xml"_s);
    QVERIFY(!result.ok());
    const Diagnostic &error = result.diagnostics.first();
    QCOMPARE(error.line, line);
    QVERIFY(error.column > 0);
    QVERIFY2(error.toString().contains(message), qPrintable(error.toString()));
    QVERIFY2(error.toString().contains(u"f.xml:"_s), qPrintable(error.toString()));
}

void tst_BackendFeedbackConfig::diff()
{
    const LoadResult before = ConfigReader::readData(configWith({}, {}), u"f.xml"_s);
    const LoadResult after = ConfigReader::readData(
        configWith(R"(slowstart="30s" agent="5555")", R"(agentinterval="1s")"), u"f.xml"_s);
    QVERIFY(before.ok() && after.ok());
    const QList<ConfigChange> changes = diffConfigs(before.config, after.config);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).kind, ConfigChange::Kind::GroupFeedbackChanged);
    QCOMPARE(changes.at(0).fields, (QStringList{u"slowstart"_s, u"agent"_s}));
    QCOMPARE(changes.at(0).description(),
        u"service web: group g: backend feedback: slowstart 0s, agent 0 -> slowstart 30s, agent 5555"_s);
    QCOMPARE(changes.at(1).kind, ConfigChange::Kind::HostChanged);
    QCOMPARE(changes.at(1).fields, QStringList{u"agentinterval"_s});
    QCOMPARE(changes.at(1).before, u"group"_s);
    QCOMPARE(changes.at(1).after, u"1s"_s);
}

void tst_BackendFeedbackConfig::operations()
{
    Engine engine;
    Config config
        = ProxyConfig::make({ProxyConfig::host(u"a"_s, ProxyConfig::loopback(ProxyConfig::unusedPort())),
            ProxyConfig::host(u"b"_s, ProxyConfig::loopback(ProxyConfig::unusedPort()))});
    QVERIFY(ProxyConfig::start(engine, config));
    Operations ops(engine);

    Operations::FeedbackEdit bad;
    bad.agentIntervalMs = 5;
    OpResult result = ops.editGroupFeedback(u"svc"_s, u"g"_s, bad);
    QVERIFY(!result.ok);
    QCOMPARE(result.parameter, u"agentinterval"_s);

    Operations::FeedbackEdit edit;
    edit.slowStartMs = 10000;
    edit.agentPort = 5555;
    result = ops.editGroupFeedback(u"svc"_s, u"g"_s, edit);
    QVERIFY(result.ok);
    QCOMPARE(engine.runningConfig().services.first().groups.first().slowStartMs, 10000);
    QCOMPARE(engine.host(u"svc"_s, u"g"_s, u"a"_s)->slowStartMs, 10000);
    QVERIFY(engine.host(u"svc"_s, u"g"_s, u"a"_s)->agent.enabled);

    Operations::HostEdit hostEdit;
    hostEdit.agentPort = std::optional<int>(70000);
    result = ops.editHost(u"svc"_s, u"g"_s, u"a"_s, hostEdit);
    QVERIFY(!result.ok);
    QCOMPARE(result.parameter, u"agent"_s);
    hostEdit.agentPort = std::optional<int>(0);
    hostEdit.slowStartMs = std::optional<qint64>(0);
    QVERIFY(ops.editHost(u"svc"_s, u"g"_s, u"a"_s, hostEdit).ok);
    QVERIFY(!engine.host(u"svc"_s, u"g"_s, u"a"_s)->agent.enabled);
    QCOMPARE(engine.host(u"svc"_s, u"g"_s, u"a"_s)->slowStartMs, 0);
    // Back to the group's.
    hostEdit.agentPort = std::optional<int>();
    hostEdit.slowStartMs = std::optional<qint64>();
    QVERIFY(ops.editHost(u"svc"_s, u"g"_s, u"a"_s, hostEdit).ok);
    QVERIFY(engine.host(u"svc"_s, u"g"_s, u"a"_s)->agent.enabled);
    QVERIFY(!engine.runningConfig().services.first().groups.first().hosts.first().agentPort);
}

QTEST_GUILESS_MAIN(tst_BackendFeedbackConfig)
#include "tst_backendfeedbackconfig.moc"
