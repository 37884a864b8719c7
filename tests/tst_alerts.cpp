// Alerts (<alert>): webhooks received by a loopback HTTP server in the test
// (JSON asserted), a slow receiver (timeout, then retry), a receiver that is
// down (retries with backoff, then given up and counted), the rate limit
// and its bounded queue (dropped events counted), the filters by kind,
// service and group, an exec hook writing its environment to a file, and
// a control thread that stays responsive while receivers hang. Also the
// <alert> element itself: located errors, writing and the diff.

#include "alerts/alertmanager.h"
#include "config/configdiff.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "engine.h"
#include "ops/operations.h"
#include "proxyconfig.h"
#include "stubbackend.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// A webhook receiver on 127.0.0.1:0: reads each HTTP request (headers and
/// Content-Length body), keeps it, and answers `status` at once, or never
/// for the first `ignoreFirst` requests (a slow receiver: the sender's
/// timeout fires).
class WebhookReceiver final : public QObject
{
public:
    struct Request
    {
        QByteArray head;
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };

    WebhookReceiver()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleRead(socket); });
            }
        });
    }

    QString url(const QString &path = u"/hook/T000/SECRET"_s) const
    {
        return u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path);
    }
    int status = 200;
    int ignoreFirst = 0;
    QList<Request> requests;
    QList<qint64> arrivalsMs;
    QElapsedTimer clock;

private:
    void handleRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return;
            requests.append({head, buffer.mid(end + 4, length)});
            arrivalsMs.append(clock.isValid() ? clock.elapsed() : 0);
            buffer.remove(0, end + 4 + length);
            if (requests.size() <= ignoreFirst)
                continue;  // never answered: the sender gives up on it
            socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: 0\r\n\r\n");
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

AlertConfig webhook(const QString &url)
{
    AlertConfig alert;
    alert.url = url;
    alert.timeoutMs = 2000;
    alert.retries = 0;
    alert.backoffMs = 50;
    return alert;
}

/// Service "svc" (ProxyConfig) with group "g" (hosts a, b) and a second
/// group "spare" (host c), and `alerts`.
Config configWith(const QList<StubBackend *> &backends, const QList<AlertConfig> &alerts)
{
    Config config
        = ProxyConfig::make({ProxyConfig::host(u"a"_s, ProxyConfig::loopback(backends.at(0)->port())),
            ProxyConfig::host(u"b"_s, ProxyConfig::loopback(backends.at(1)->port()))});
    config.services.first().groups.append(ProxyConfig::group(
        u"spare"_s, {ProxyConfig::host(u"c"_s, ProxyConfig::loopback(backends.at(2)->port()))}));
    config.alerts = alerts;
    return config;
}

/// Every alert's queue empty and nothing under way.
bool alertsIdle(const Engine &engine)
{
    for (const QJsonValue &value : engine.alerts().statusJson()) {
        const QJsonObject alert = value.toObject();
        if (alert.value(u"queued"_s).toInt() != 0 || alert.value(u"inFlight"_s).toInt() != 0)
            return false;
    }
    return true;
}

}  // namespace

class tst_Alerts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void parseErrors_data();
    void parseErrors();
    void writeReadsBack();
    void diffNamesAlertsWithoutSecrets();

    void webhookReceivesJson();
    void slackFormat();
    void filters_data();
    void filters();
    void groupLosesLastLiveHost();
    void certExpiryEvent();
    void slowReceiverTimesOutThenRetries();
    void downReceiverBacksOffThenGivesUp();
    void rateLimitQueuesAndDrops();
    void execHookGetsEnvironment();
    void execHookTimeoutKills();
    void execMissingProgramFails();
    void controlThreadStaysResponsive();

private:
    void startEngine(const QList<AlertConfig> &alerts);
    OpResult setState(const QString &group, const QString &host, HostAdminState state);

    QList<StubBackend *> m_backends;
    std::unique_ptr<Engine> m_engine;
};

void tst_Alerts::init()
{
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s}) {
        m_backends.append(new StubBackend(name));
        QVERIFY(m_backends.last()->listen());
    }
}

void tst_Alerts::cleanup()
{
    m_engine.reset();
    qDeleteAll(m_backends);
    m_backends.clear();
}

void tst_Alerts::startEngine(const QList<AlertConfig> &alerts)
{
    m_engine = std::make_unique<Engine>();
    QVERIFY(ProxyConfig::start(*m_engine, configWith(m_backends, alerts)) != 0);
}

OpResult tst_Alerts::setState(const QString &group, const QString &host, HostAdminState state)
{
    return Operations(*m_engine).setHostAdminState(u"svc"_s, group, host, state);
}

void tst_Alerts::parseErrors_data()
{
    QTest::addColumn<QString>("element");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no target") << u"<alert events=\"host\"/>"_s << u"neither url nor exec"_s;
    QTest::newRow("both targets") << u"<alert url=\"http://h/\" exec=\"/bin/true\"/>"_s
                                  << u"both url and exec"_s;
    QTest::newRow("bad scheme") << u"<alert url=\"ftp://h/x\"/>"_s << u"scheme \"ftp\" is not supported"_s;
    QTest::newRow("no host") << u"<alert url=\"http:///x\"/>"_s << u"not a URL with a host"_s;
    QTest::newRow("relative exec") << u"<alert exec=\"notify.sh\"/>"_s << u"relative path"_s;
    QTest::newRow("unknown kind") << u"<alert url=\"http://h/\" events=\"host,disk\"/>"_s
                                  << u"unknown event kind \"disk\""_s;
    QTest::newRow("bad timeout") << u"<alert url=\"http://h/\" timeout=\"soon\"/>"_s << u"timeout"_s;
    QTest::newRow("bad retries") << u"<alert url=\"http://h/\" retries=\"-1\"/>"_s << u"retries"_s;
    QTest::newRow("bad ratelimit") << u"<alert url=\"http://h/\" ratelimit=\"fast\"/>"_s << u"not a rate"_s;
    QTest::newRow("bad format") << u"<alert url=\"http://h/\" format=\"xml\"/>"_s << u"format"_s;
    QTest::newRow("unknown attribute") << u"<alert url=\"http://h/\" colour=\"red\"/>"_s << u"colour"_s;
    QTest::newRow("bad history") << u"<settings history=\"0\"/>"_s << u"history"_s;
}

void tst_Alerts::parseErrors()
{
    QFETCH(QString, element);
    QFETCH(QString, expected);
    const QByteArray xml = "<balancier version=\"1\">\n  " + element.toUtf8()
        + "\n  <service name=\"s\"><listen ip=\"127.0.0.1:0\"/><group name=\"g\">"
          "<host name=\"h\" ip=\"127.0.0.1:1\"/></group></service>\n</balancier>\n";
    const LoadResult result = ConfigReader::readData(xml, u"t.xml"_s);
    QVERIFY(!result.ok());
    bool found = false;
    for (const Diagnostic &diagnostic : result.diagnostics) {
        if (diagnostic.severity == Diagnostic::Severity::Error && diagnostic.toString().contains(expected)) {
            found = true;
            QCOMPARE(diagnostic.line, 2);  // located: the <alert> (or <settings>) line
        }
    }
    QVERIFY2(found,
        qPrintable(
            result.diagnostics.isEmpty() ? u"no diagnostic"_s : result.diagnostics.first().toString()));
}

void tst_Alerts::writeReadsBack()
{
    const QByteArray xml = R"(<balancier version="1">
  <settings history="7"/>
  <alert url="https://hooks.example.org/services/T/B/X" events="host,group" services="s" groups="g"
         timeout="3s" retries="5" backoff="250ms" ratelimit="10/s" queue="20" format="slack"/>
  <alert exec="/usr/local/bin/notify" events="cert"/>
  <service name="s"><listen ip="127.0.0.1:0"/><group name="g"><host name="h" ip="127.0.0.1:1"/></group></service>
</balancier>
)";
    const LoadResult read = ConfigReader::readData(xml, u"t.xml"_s);
    QVERIFY2(
        read.ok(), qPrintable(read.diagnostics.isEmpty() ? QString() : read.diagnostics.first().toString()));
    const Config &config = read.config;
    QCOMPARE(config.settings.history, 7);
    QCOMPARE(config.alerts.size(), 2);
    const AlertConfig &hook = config.alerts.at(0);
    QCOMPARE(hook.events, quint8(AlertConfig::Host | AlertConfig::Group));
    QCOMPARE(hook.services, QStringList{u"s"_s});
    QCOMPARE(hook.timeoutMs, 3000);
    QCOMPARE(hook.retries, 5);
    QCOMPARE(hook.backoffMs, 250);
    QCOMPARE(hook.rate, 10);
    QCOMPARE(hook.ratePeriodS, 1);
    QCOMPARE(hook.queue, 20);
    QCOMPARE(hook.format, AlertConfig::Format::Slack);
    QCOMPARE(config.alerts.at(1).exec, u"/usr/local/bin/notify"_s);
    QCOMPARE(config.alerts.at(1).events, quint8(AlertConfig::Cert));
    const LoadResult again = ConfigReader::readData(ConfigDocument::serialize(config), u"again.xml"_s);
    QVERIFY(again.ok());
    QVERIFY(again.config == config);
}

void tst_Alerts::diffNamesAlertsWithoutSecrets()
{
    Config before;
    before.alerts = {webhook(u"https://hooks.example.org/services/T/B/SECRET"_s)};
    Config after = before;
    after.alerts[0].url = u"https://hooks.example.org/services/T/B/OTHER"_s;
    after.alerts[0].retries = 4;
    AlertConfig exec;
    exec.exec = u"/bin/true"_s;
    after.alerts.append(exec);
    const QList<ConfigChange> changes = diffConfigs(before, after);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).kind, ConfigChange::Kind::AlertChanged);
    QCOMPARE(changes.at(0).fields, (QStringList{u"url"_s, u"retries"_s}));
    QCOMPARE(changes.at(1).kind, ConfigChange::Kind::AlertAdded);
    QCOMPARE(changes.at(1).after, u"exec /bin/true"_s);
    for (const ConfigChange &change : changes)
        QVERIFY2(!change.description().contains(u"SECRET"_s) && !change.description().contains(u"OTHER"_s),
            qPrintable(change.description()));
}

void tst_Alerts::webhookReceivesJson()
{
    WebhookReceiver receiver;
    startEngine({webhook(receiver.url())});
    QVERIFY(setState(u"g"_s, u"a"_s, HostAdminState::Maintenance).ok);
    // The first apply's config event, then that apply's and its host event, in that order.
    QTRY_COMPARE(receiver.requests.size(), 3);
    QCOMPARE(receiver.requests.at(0).json().value(u"version"_s).toInteger(), 1);
    const WebhookReceiver::Request &config = receiver.requests.at(1);
    QVERIFY(config.head.startsWith("POST /hook/T000/SECRET HTTP/1.1"));
    QVERIFY(config.head.toLower().contains("content-type: application/json"));
    QCOMPARE(config.json().value(u"event"_s).toString(), u"config"_s);
    QVERIFY(config.json().value(u"version"_s).toInteger() >= 2);
    const QJsonObject host = receiver.requests.at(2).json();
    QCOMPARE(host.value(u"event"_s).toString(), u"host"_s);
    QCOMPARE(host.value(u"service"_s).toString(), u"svc"_s);
    QCOMPARE(host.value(u"group"_s).toString(), u"g"_s);
    QCOMPARE(host.value(u"host"_s).toString(), u"a"_s);
    QCOMPARE(host.value(u"state"_s).toString(), u"maintenance"_s);
    QVERIFY(!host.value(u"time"_s).toString().isEmpty());
    QVERIFY(host.value(u"summary"_s).toString().contains(u"svc/g/a"_s));
    QTRY_COMPARE(m_engine->alerts().totals().sent, quint64(3));
    QCOMPARE(m_engine->alerts().totals().failed, quint64(0));
}

void tst_Alerts::slackFormat()
{
    WebhookReceiver receiver;
    AlertConfig alert = webhook(receiver.url());
    alert.format = AlertConfig::Format::Slack;
    alert.events = AlertConfig::Host;
    startEngine({alert});
    QVERIFY(setState(u"g"_s, u"b"_s, HostAdminState::Drain).ok);
    QTRY_COMPARE(receiver.requests.size(), 1);
    const QJsonObject body = receiver.requests.first().json();
    QCOMPARE(body.keys(), QStringList{u"text"_s});
    QVERIFY2(body.value(u"text"_s).toString().contains(u"host svc/g/b is draining"_s),
        qPrintable(body.value(u"text"_s).toString()));
}

void tst_Alerts::filters_data()
{
    QTest::addColumn<QString>("events");
    QTest::addColumn<QStringList>("services");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QStringList>("expected");  // "event:host" of what arrives, in order
    // The first apply (startup) is a config event too; draining c, the one
    // host of "spare", leaves that group without a live host.
    QTest::newRow("all") << u"host,group,config,cert"_s << QStringList() << QStringList()
                         << QStringList{u"config:"_s, u"config:"_s, u"host:a"_s, u"config:"_s, u"host:c"_s,
                                u"group:spare"_s};
    QTest::newRow("host only") << u"host"_s << QStringList() << QStringList()
                               << QStringList{u"host:a"_s, u"host:c"_s};
    QTest::newRow("config only") << u"config"_s << QStringList() << QStringList()
                                 << QStringList{u"config:"_s, u"config:"_s, u"config:"_s};
    QTest::newRow("group spare") << u"host,group"_s << QStringList() << QStringList{u"spare"_s}
                                 << QStringList{u"host:c"_s, u"group:spare"_s};
    QTest::newRow("other service") << u"host,group"_s << QStringList{u"other"_s} << QStringList()
                                   << QStringList();
    QTest::newRow("this service") << u"host"_s << QStringList{u"svc"_s} << QStringList()
                                  << QStringList{u"host:a"_s, u"host:c"_s};
}

void tst_Alerts::filters()
{
    QFETCH(QString, events);
    QFETCH(QStringList, services);
    QFETCH(QStringList, groups);
    QFETCH(QStringList, expected);
    WebhookReceiver filtered;
    WebhookReceiver everything;
    AlertConfig alert = webhook(filtered.url());
    alert.events = alertKindsFromName(events).value_or(0);
    alert.services = services;
    alert.groups = groups;
    startEngine({alert, webhook(everything.url())});
    QVERIFY(setState(u"g"_s, u"a"_s, HostAdminState::Drain).ok);
    QVERIFY(setState(u"spare"_s, u"c"_s, HostAdminState::Drain).ok);
    // The unfiltered alert hears all six; then the filtered one has had its chance.
    QTRY_COMPARE(everything.requests.size(), 6);
    QTRY_VERIFY(alertsIdle(*m_engine));
    QStringList got;
    for (const WebhookReceiver::Request &request : std::as_const(filtered.requests)) {
        const QJsonObject body = request.json();
        const QString event = body.value(u"event"_s).toString();
        got.append(event + u':' + body.value(event == u"group" ? u"group"_s : u"host"_s).toString());
    }
    QCOMPARE(got, expected);
}

void tst_Alerts::groupLosesLastLiveHost()
{
    WebhookReceiver receiver;
    AlertConfig alert = webhook(receiver.url());
    alert.events = AlertConfig::Group;
    startEngine({alert});
    QVERIFY(setState(u"g"_s, u"a"_s, HostAdminState::Maintenance).ok);
    QVERIFY(setState(u"g"_s, u"b"_s, HostAdminState::Maintenance).ok);
    QTRY_COMPARE(receiver.requests.size(), 1);
    QJsonObject group = receiver.requests.at(0).json();
    QCOMPARE(group.value(u"event"_s).toString(), u"group"_s);
    QCOMPARE(group.value(u"group"_s).toString(), u"g"_s);
    QCOMPARE(group.value(u"state"_s).toString(), u"down"_s);
    QCOMPARE(group.value(u"lastHost"_s).toString(), u"b"_s);
    // Said once: another change in the dead group is no new "down".
    QVERIFY(setState(u"g"_s, u"a"_s, HostAdminState::Drain).ok);
    QVERIFY(setState(u"g"_s, u"b"_s, HostAdminState::Ready).ok);
    QTRY_COMPARE(receiver.requests.size(), 2);
    group = receiver.requests.at(1).json();
    QCOMPARE(group.value(u"state"_s).toString(), u"up"_s);
    QTRY_VERIFY(alertsIdle(*m_engine));
    QCOMPARE(receiver.requests.size(), 2);
}

void tst_Alerts::certExpiryEvent()
{
    WebhookReceiver receiver;
    AlertConfig alert = webhook(receiver.url());
    alert.events = AlertConfig::Cert;
    startEngine({alert});
    m_engine->alerts().raise(u"cert-expiry"_s,
        {{u"service"_s, u"svc"_s}, {u"listener"_s, u"127.0.0.1:443"_s}, {u"subject"_s, u"CN=web.example"_s},
            {u"notAfter"_s, u"2027-01-01T00:00:00Z"_s}, {u"daysLeft"_s, 12}});
    QTRY_COMPARE(receiver.requests.size(), 1);
    const QJsonObject cert = receiver.requests.first().json();
    QCOMPARE(cert.value(u"event"_s).toString(), u"cert-expiry"_s);
    QCOMPARE(cert.value(u"service"_s).toString(), u"svc"_s);
    QCOMPARE(cert.value(u"subject"_s).toString(), u"CN=web.example"_s);
    QCOMPARE(cert.value(u"daysLeft"_s).toInt(), 12);
}

void tst_Alerts::slowReceiverTimesOutThenRetries()
{
    WebhookReceiver receiver;
    receiver.ignoreFirst = 1;
    AlertConfig alert = webhook(receiver.url());
    alert.events = AlertConfig::Host;
    alert.timeoutMs = 300;
    alert.retries = 2;
    startEngine({alert});
    QSignalSpy attempts(&m_engine->alerts(), &AlertManager::attemptFinished);
    QVERIFY(setState(u"g"_s, u"a"_s, HostAdminState::Drain).ok);
    QTRY_COMPARE(m_engine->alerts().totals().sent, quint64(1));
    QCOMPARE(receiver.requests.size(), 2);  // the first was not answered in time
    QCOMPARE(receiver.requests.at(0).body, receiver.requests.at(1).body);
    QCOMPARE(m_engine->alerts().totals().retried, quint64(1));
    QCOMPARE(m_engine->alerts().totals().failed, quint64(0));
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).at(1).toBool(), false);
    QCOMPARE(attempts.at(1).at(1).toBool(), true);
}

void tst_Alerts::downReceiverBacksOffThenGivesUp()
{
    AlertConfig alert = webhook(u"http://127.0.0.1:%1/hook"_s.arg(ProxyConfig::unusedPort()));
    alert.events = AlertConfig::Host;
    alert.retries = 3;
    alert.backoffMs = 60;
    startEngine({alert});
    QSignalSpy attempts(&m_engine->alerts(), &AlertManager::attemptFinished);
    QElapsedTimer clock;
    clock.start();
    QList<qint64> times;
    connect(
        &m_engine->alerts(), &AlertManager::attemptFinished, this, [&] { times.append(clock.elapsed()); });
    QVERIFY(setState(u"g"_s, u"a"_s, HostAdminState::Drain).ok);
    QTRY_COMPARE(m_engine->alerts().totals().failed, quint64(1));
    QCOMPARE(attempts.size(), 4);  // the first and three retries
    QCOMPARE(m_engine->alerts().totals().retried, quint64(3));
    QCOMPARE(m_engine->alerts().totals().sent, quint64(0));
    // Exponential backoff: 60, 120, 240 ms between the attempts (at least).
    QVERIFY2(times.at(1) - times.at(0) >= 55, qPrintable(QString::number(times.at(1) - times.at(0))));
    QVERIFY2(times.at(2) - times.at(1) >= 115, qPrintable(QString::number(times.at(2) - times.at(1))));
    QVERIFY2(times.at(3) - times.at(2) >= 235, qPrintable(QString::number(times.at(3) - times.at(2))));
    const QJsonObject status = m_engine->alerts().statusJson().first().toObject();
    QCOMPARE(status.value(u"failed"_s).toInt(), 1);
    QCOMPARE(
        status.value(u"target"_s).toString(), u"webhook http://127.0.0.1:%1"_s.arg(QUrl(alert.url).port()));
}

void tst_Alerts::rateLimitQueuesAndDrops()
{
    WebhookReceiver receiver;
    AlertConfig alert = webhook(receiver.url());
    alert.events = AlertConfig::Host;
    alert.rate = 1;
    alert.ratePeriodS = 60;  // one a minute: the second waits, the queue fills
    alert.queue = 2;
    startEngine({alert});
    QVERIFY(setState(u"g"_s, u"a"_s, HostAdminState::Drain).ok);
    QVERIFY(setState(u"g"_s, u"b"_s, HostAdminState::Drain).ok);
    QVERIFY(setState(u"spare"_s, u"c"_s, HostAdminState::Drain).ok);
    QVERIFY(setState(u"g"_s, u"a"_s, HostAdminState::Ready).ok);
    QVERIFY(setState(u"g"_s, u"b"_s, HostAdminState::Ready).ok);
    QTRY_COMPARE(receiver.requests.size(), 1);
    QCOMPARE(receiver.requests.first().json().value(u"host"_s).toString(), u"a"_s);
    const QJsonObject status = m_engine->alerts().statusJson().first().toObject();
    QCOMPARE(status.value(u"queued"_s).toInt(), 2);
    QCOMPARE(status.value(u"dropped"_s).toInt(), 2);
    QCOMPARE(m_engine->alerts().totals().dropped, quint64(2));
    QTest::qWait(100);
    QCOMPARE(receiver.requests.size(), 1);
}

void tst_Alerts::execHookGetsEnvironment()
{
#ifdef Q_OS_WIN
    QSKIP("the hook is a shell script");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = dir.filePath(u"hook.sh"_s);
    const QString out = dir.filePath(u"env.txt"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\nenv | grep '^BALANCIER_EVENT_' | sort > \"" + out.toUtf8() + ".tmp\"\nmv \""
        + out.toUtf8() + ".tmp\" \"" + out.toUtf8() + "\"\n");
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    AlertConfig alert;
    alert.exec = script;
    alert.events = AlertConfig::Host;
    alert.retries = 0;
    startEngine({alert});
    QVERIFY(setState(u"g"_s, u"b"_s, HostAdminState::Maintenance).ok);
    QTRY_COMPARE(m_engine->alerts().totals().sent, quint64(1));
    QFile result(out);
    QVERIFY(result.open(QIODevice::ReadOnly));
    const QString environment = QString::fromUtf8(result.readAll());
    for (const QString &line : {u"BALANCIER_EVENT_NAME=host"_s, u"BALANCIER_EVENT_KIND=host"_s,
             u"BALANCIER_EVENT_SERVICE=svc"_s, u"BALANCIER_EVENT_GROUP=g"_s, u"BALANCIER_EVENT_HOST=b"_s,
             u"BALANCIER_EVENT_STATE=maintenance"_s, u"BALANCIER_EVENT_JSON={"_s}) {
        QVERIFY2(environment.contains(line), qPrintable(line + u" not in:\n"_s + environment));
    }
}

void tst_Alerts::execHookTimeoutKills()
{
#ifdef Q_OS_WIN
    QSKIP("the hook is /bin/sleep");
#endif
    AlertConfig alert;
    alert.exec = u"/bin/sleep"_s;  // with no argument it fails at once: use a script that sleeps
    QTemporaryDir dir;
    const QString script = dir.filePath(u"slow.sh"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\nexec sleep 30\n");
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    alert.exec = script;
    alert.events = AlertConfig::Host;
    alert.retries = 0;
    alert.timeoutMs = 200;
    startEngine({alert});
    QElapsedTimer clock;
    clock.start();
    QVERIFY(setState(u"g"_s, u"b"_s, HostAdminState::Maintenance).ok);
    QTRY_COMPARE(m_engine->alerts().totals().failed, quint64(1));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

void tst_Alerts::execMissingProgramFails()
{
    AlertConfig alert;
    alert.exec = u"/nonexistent/balancier-hook"_s;
    alert.events = AlertConfig::Host;
    alert.retries = 0;
    startEngine({alert});
    for (int i = 0; i < 4; ++i)
        QVERIFY(setState(u"g"_s, u"a"_s, i % 2 ? HostAdminState::Ready : HostAdminState::Drain).ok);
    QTRY_COMPARE(m_engine->alerts().totals().failed, quint64(4));
    QCOMPARE(m_engine->alerts().totals().sent, quint64(0));
}

void tst_Alerts::controlThreadStaysResponsive()
{
    // Receivers that never answer, several events each, and a proxy still
    // serving: the control thread's timer keeps its pace.
    WebhookReceiver silent;
    silent.ignoreFirst = 1000;
    AlertConfig alert = webhook(silent.url());
    alert.timeoutMs = 1500;
    alert.retries = 1;
    AlertConfig down = webhook(u"http://127.0.0.1:%1/"_s.arg(ProxyConfig::unusedPort()));
    down.retries = 3;
    startEngine({alert, down});
    qint64 longestGap = 0;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    QTimer tick;
    tick.setInterval(10);
    connect(&tick, &QTimer::timeout, this, [&] {
        longestGap = qMax(longestGap, clock.elapsed() - last);
        last = clock.elapsed();
    });
    tick.start();
    for (int i = 0; i < 5; ++i) {
        QVERIFY(setState(u"g"_s, u"a"_s, HostAdminState::Drain).ok);
        QVERIFY(setState(u"g"_s, u"a"_s, HostAdminState::Ready).ok);
    }
    QTest::qWait(800);
    QVERIFY2(longestGap < 250, qPrintable(QString::number(longestGap)));
    QVERIFY(!alertsIdle(*m_engine));  // still waiting for the silent receiver
    QCOMPARE(silent.requests.size(), 1);  // one at a time, in order
}

QTEST_GUILESS_MAIN(tst_Alerts)
#include "tst_alerts.moc"
