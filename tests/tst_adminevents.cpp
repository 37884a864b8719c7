// The live event stream (/api/v1/events, Server-Sent Events): state changes
// as they happen, stats at the rate asked for, and resuming after a
// reconnect with Last-Event-ID.

#include "admin/adminserver.h"
#include "admintestbed.h"
#include "loghub.h"
#include "ssetestclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Balancier;

namespace {

QJsonObject dataOf(const SseTestClient::Event &event)
{
    return QJsonDocument::fromJson(event.data).object();
}

/// A host event about `host` in `state`.
std::function<bool(const SseTestClient::Event &)> hostEvent(const QString &host, const QString &state)
{
    return [host, state](const SseTestClient::Event &event) {
        const QJsonObject data = dataOf(event);
        return event.type == "host" && data.value(QStringLiteral("host")).toString() == host
            && data.value(QStringLiteral("state")).toString() == state;
    };
}

LogLine logLine(const QString &message, const QString &level = QStringLiteral("info"))
{
    return {QDateTime::currentDateTimeUtc(), level, QStringLiteral("balancier.admin"), message};
}

int countOf(const SseTestClient &client, const QByteArray &type, qsizetype from = 0)
{
    int count = 0;
    for (qsizetype i = from; i < client.events().size(); ++i)
        count += client.events().at(i).type == type ? 1 : 0;
    return count;
}

}  // namespace

class tst_AdminEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamBasics();
    void needsAuthentication();
    void rate_data();
    void rate();
    void ratesAreKeptApart();
    void badRate_data();
    void badRate();
    void adminChangeArrivesAtOnce();
    void drainTimeoutIsAnEvent();
    void hostDownWithinProbeInterval();
    void hostDownReportedByTraffic();
    void resumeReplaysMissedEvents();
    void resumeUpToDate();
    void resumeTooOld();
    void resumeUnknownId_data();
    void resumeUnknownId();
    void clientsComeAndGo();
    void statsRateSharedWithOtherCallers();
    void logLineStreamedAndListed();
    void logListKeepsTheLastLines();
    void badLogLines_data();
    void badLogLines();
    void logIsReadOnly();
    void logFloodIsBounded();
    void logDoesNotFeedItself();
};

void tst_AdminEvents::streamBasics()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    SseTestClient client;
    client.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QVERIFY(client.waitForHeader());
    QCOMPARE(client.status(), 200);
    QCOMPARE(client.header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(client.header("cache-control"), QByteArray("no-store"));
    // The current picture at once, without waiting for a tick.
    QCOMPARE(client.waitForEvent("stats", 500), 0);
    QCOMPARE(client.retryMs(), 2000);
    const QJsonObject stats = dataOf(client.events().constFirst());
    QCOMPARE(stats.value(QStringLiteral("services"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
        QStringLiteral("web"));
    // Stats carry no id: only state changes are replayed on resume.
    QVERIFY(client.events().constFirst().id.isEmpty());
    QVERIFY(client.waitForEvent("stats", 3000, 1) > 0);
    QVERIFY2(client.protocolError().isEmpty(), qPrintable(client.protocolError()));
    QVERIFY(client.isConnected());
}

void tst_AdminEvents::needsAuthentication()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    SseTestClient client;
    client.open(bed.port(), "/api/v1/events", QString(), QString());
    QVERIFY(client.waitForHeader());
    QCOMPARE(client.status(), 401);
    QVERIFY(client.events().isEmpty());
    SseTestClient wrong;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed login")));
    wrong.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, QStringLiteral("nope"));
    QVERIFY(wrong.waitForHeader());
    QCOMPARE(wrong.status(), 401);
}

void tst_AdminEvents::rate_data()
{
    QTest::addColumn<int>("rate");
    QTest::newRow("2 Hz") << 2;
    QTest::newRow("5 Hz") << 5;
    QTest::newRow("10 Hz") << 10;
}

void tst_AdminEvents::rate()
{
    QFETCH(int, rate);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    SseTestClient client;
    client.open(bed.port(), "/api/v1/events?rate=" + QByteArray::number(rate), AdminTestBed::Viewer,
        AdminTestBed::ViewerPassword);
    QCOMPARE(client.waitForEvent("stats", 2000), 0);
    const qint64 start = client.events().constFirst().receivedMs;
    QTest::qWait(2000);
    int count = 0;
    for (const SseTestClient::Event &event : client.events()) {
        if (event.type == "stats" && event.receivedMs > start && event.receivedMs <= start + 2000)
            ++count;
    }
    qInfo("%d Hz: %d stats events in 2 s", rate, count);
    // Timers jitter and a busy machine may skip a beat; the rate must still be the one asked for.
    QVERIFY2(count >= rate, qPrintable(QString::number(count)));
    QVERIFY2(count <= 2 * rate + 1, qPrintable(QString::number(count)));
}

void tst_AdminEvents::ratesAreKeptApart()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    SseTestClient fast;
    SseTestClient slow;
    fast.open(bed.port(), "/api/v1/events?rate=10", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    slow.open(bed.port(), "/api/v1/events?rate=2", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(fast.waitForEvent("stats", 2000), 0);
    QCOMPARE(slow.waitForEvent("stats", 2000), 0);
    QTest::qWait(2000);
    const int fastCount = countOf(fast, "stats", 1);
    const int slowCount = countOf(slow, "stats", 1);
    qInfo("10 Hz stream: %d, 2 Hz stream: %d", fastCount, slowCount);
    QVERIFY2(fastCount >= 10, qPrintable(QString::number(fastCount)));
    QVERIFY2(slowCount >= 2 && slowCount <= 6, qPrintable(QString::number(slowCount)));
}

void tst_AdminEvents::badRate_data()
{
    QTest::addColumn<QByteArray>("rate");
    QTest::newRow("1") << QByteArray("1");
    QTest::newRow("11") << QByteArray("11");
    QTest::newRow("0") << QByteArray("0");
    QTest::newRow("-5") << QByteArray("-5");
    QTest::newRow("word") << QByteArray("fast");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("fraction") << QByteArray("2.5");
}

void tst_AdminEvents::badRate()
{
    QFETCH(QByteArray, rate);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    SseTestClient client;
    client.open(bed.port(), "/api/v1/events?rate=" + rate, AdminTestBed::Admin, AdminTestBed::AdminPassword);
    QVERIFY(client.waitForHeader());
    QCOMPARE(client.status(), 400);
    QVERIFY(client.header("content-type").startsWith("application/json"));
    QVERIFY(client.body().contains("parameter 'rate'"));
    QVERIFY(client.events().isEmpty());
}

void tst_AdminEvents::adminChangeArrivesAtOnce()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    SseTestClient client;
    client.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(client.waitForEvent("stats", 2000), 0);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(bed.post("/hostAdminDown?service=web&group=prod&name=a").status, 200);
    const qsizetype host
        = client.waitForEvent(hostEvent(QStringLiteral("a"), QStringLiteral("maintenance")), 2000);
    QVERIFY(host > 0);
    QCOMPARE(dataOf(client.events().at(host)).value(QStringLiteral("reasonCode")).toString(),
        QStringLiteral("adminChange"));
    // At once: not with a later stats tick or probe (the default probe interval is 5 s).
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    const qsizetype config = client.waitForEvent("config", 100);
    QVERIFY(config > 0);
    const QJsonArray changes = dataOf(client.events().at(config)).value(QStringLiteral("changes")).toArray();
    QCOMPARE(changes.size(), 1);
    QVERIFY(changes.first()
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QStringLiteral("host a")));
    QCOMPARE(
        changes.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("hostChanged"));
    QCOMPARE(changes.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("a"));
    // State events carry ids, in order.
    const QByteArray configId = client.events().at(config).id;
    const QByteArray hostId = client.events().at(host).id;
    QVERIFY(!configId.isEmpty());
    QVERIFY(!hostId.isEmpty());
    QVERIFY(configId != hostId);
    QVERIFY2(client.protocolError().isEmpty(), qPrintable(client.protocolError()));
}

void tst_AdminEvents::drainTimeoutIsAnEvent()
{
    // A removed host's connection cut at <settings draintimeout> is a host
    // event: the stream says which host, and why.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    Config config = bed.engine().runningConfig();
    config.settings.drainTimeoutMs = 300;
    QVERIFY(bed.engine().apply(config).ok);
    QTcpSocket held;
    held.connectToHost(QHostAddress::LocalHost, bed.engine().listeners().constFirst().port);
    QTRY_VERIFY_WITH_TIMEOUT(held.canReadLine(), 5000);
    const QString name = QString::fromLatin1(held.readLine().trimmed());
    QVERIFY2(name == QStringLiteral("a") || name == QStringLiteral("b"), qPrintable(name));
    SseTestClient client;
    client.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(client.waitForEvent("stats", 2000), 0);

    QTest::ignoreMessage(QtWarningMsg,
        QRegularExpression(QStringLiteral("^service web: group prod: host %1 \\(removed\\): drain timeout "
                                          "300ms passed: 1 open connection\\(s\\) cut$")
                               .arg(name)));
    QCOMPARE(bed.post("/delHost?service=web&group=prod&name=" + name.toLatin1()).status, 200);
    const qsizetype cut = client.waitForEvent(hostEvent(name, QStringLiteral("removed")), 30000);
    QVERIFY2(cut > 0, "no event for the cut");
    const QJsonObject data = dataOf(client.events().at(cut));
    QCOMPARE(data.value(QStringLiteral("service")).toString(), QStringLiteral("web"));
    QCOMPARE(data.value(QStringLiteral("group")).toString(), QStringLiteral("prod"));
    QCOMPARE(data.value(QStringLiteral("reason")).toString(),
        QStringLiteral("drain timeout 300ms passed: 1 open connection(s) cut"));
    QTRY_COMPARE_WITH_TIMEOUT(held.state(), QAbstractSocket::UnconnectedState, 10000);
    QVERIFY2(client.protocolError().isEmpty(), qPrintable(client.protocolError()));
}

void tst_AdminEvents::hostDownWithinProbeInterval()
{
    AdminTestBed::Options options;
    options.activeHealth = true;
    options.healthIntervalMs = 500;
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    SseTestClient client;
    client.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(client.waitForEvent("stats", 2000), 0);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("host 'a' .* is down")));
    const quint16 port = bed.backend(QStringLiteral("a")).port();
    QElapsedTimer timer;
    timer.start();
    bed.backend(QStringLiteral("a")).close();
    bed.backend(QStringLiteral("a")).closeConnections();
    const qsizetype index = client.waitForEvent(hostEvent(QStringLiteral("a"), QStringLiteral("down")), 5000);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(index >= 0);
    qInfo("host-down event after %lld ms (probe interval 500 ms)", elapsed);
    // One probe interval, plus a little for the refused connect and the delivery.
    QVERIFY2(elapsed <= 500 + 400, qPrintable(QString::number(elapsed)));
    const QJsonObject data = dataOf(client.events().at(index));
    QCOMPARE(data.value(QStringLiteral("service")).toString(), QStringLiteral("web"));
    QCOMPARE(data.value(QStringLiteral("group")).toString(), QStringLiteral("prod"));
    QVERIFY(!data.value(QStringLiteral("reason")).toString().isEmpty());
    QVERIFY(
        QDateTime::fromString(data.value(QStringLiteral("when")).toString(), Qt::ISODateWithMs).isValid());
    // And back up when it returns.
    QVERIFY(bed.backend(QStringLiteral("a")).listen(QHostAddress::LocalHost, port));
    QVERIFY(client.waitForEvent(hostEvent(QStringLiteral("a"), QStringLiteral("up")), 5000, index) > index);
}

void tst_AdminEvents::hostDownReportedByTraffic()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    SseTestClient client;
    client.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(client.waitForEvent("stats", 2000), 0);
    bed.backend(QStringLiteral("a")).close();
    const quint16 servicePort = bed.engine().listeners().constFirst().port;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("host 'a' .* is down")));
    QElapsedTimer timer;
    timer.start();
    // Round robin sends one of the first two connections to a.
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 2; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QHostAddress::LocalHost, servicePort);
    }
    const qsizetype index = client.waitForEvent(hostEvent(QStringLiteral("a"), QStringLiteral("down")), 3000);
    QVERIFY(index >= 0);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

void tst_AdminEvents::resumeReplaysMissedEvents()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    auto first = std::make_unique<SseTestClient>();
    first->open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(first->waitForEvent("stats", 2000), 0);
    QCOMPARE(bed.post("/hostDrain?service=web&group=prod&name=a").status, 200);
    QVERIFY(first->waitForEvent(hostEvent(QStringLiteral("a"), QStringLiteral("draining")), 2000) > 0);
    const QByteArray lastId = first->lastEventId();
    QVERIFY(!lastId.isEmpty());
    first->close();
    first.reset();

    // Missed while away: two changes, four events (config + host each).
    QCOMPARE(bed.post("/hostAdminDown?service=web&group=prod&name=b").status, 200);
    QCOMPARE(bed.post("/hostAdminUp?service=web&group=prod&name=a").status, 200);

    SseTestClient second;
    second.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword, lastId);
    QVERIFY(second.waitForEvent("stats", 2000) >= 0);
    const QList<SseTestClient::Event> events = second.events();
    QCOMPARE(countOf(second, "reset"), 0);
    // The replay comes first, in order, then the current stats.
    QList<QByteArray> types;
    for (const SseTestClient::Event &event : events) {
        if (event.type == "stats")
            break;
        types.append(event.type);
    }
    QCOMPARE(types, (QList<QByteArray>{"config", "host", "config", "host"}));
    QVERIFY(hostEvent(QStringLiteral("b"), QStringLiteral("maintenance"))(events.at(1)));
    QVERIFY(hostEvent(QStringLiteral("a"), QStringLiteral("up"))(events.at(3)));
    // Ids continue where the client left off.
    const auto number = [](const QByteArray &id) {
        return id.mid(id.lastIndexOf('-') + 1).toULongLong();
    };
    for (int i = 0; i < 4; ++i)
        QCOMPARE(number(events.at(i).id), number(lastId) + 1 + quint64(i));
    QVERIFY2(second.protocolError().isEmpty(), qPrintable(second.protocolError()));
}

void tst_AdminEvents::resumeUpToDate()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    SseTestClient first;
    first.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(first.waitForEvent("stats", 2000), 0);
    QCOMPARE(bed.post("/hostDrain?service=web&group=prod&name=a").status, 200);
    QVERIFY(first.waitForEvent(hostEvent(QStringLiteral("a"), QStringLiteral("draining")), 2000) > 0);
    SseTestClient second;
    second.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword,
        first.lastEventId());
    QCOMPARE(second.waitForEvent("stats", 2000), 0);
    QCOMPARE(countOf(second, "reset"), 0);
}

void tst_AdminEvents::resumeTooOld()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    SseTestClient first;
    first.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(first.waitForEvent("stats", 2000), 0);
    QCOMPARE(bed.post("/hostDrain?service=web&group=prod&name=a").status, 200);
    QVERIFY(first.waitForEvent(hostEvent(QStringLiteral("a"), QStringLiteral("draining")), 2000) > 0);
    const QByteArray oldId = first.lastEventId();
    first.close();
    // More changes than the server remembers.
    for (int i = 0; i < 300; ++i) {
        QVERIFY(bed.engine()
                    .setHostAdminState(QStringLiteral("web"), QStringLiteral("prod"), QStringLiteral("b"),
                        i % 2 ? HostAdminState::Ready : HostAdminState::Drain)
                    .ok);
    }
    SseTestClient second;
    second.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword, oldId);
    QVERIFY(second.waitForEvent("stats", 2000) >= 0);
    QCOMPARE(second.events().constFirst().type, QByteArray("reset"));
    QCOMPARE(countOf(second, "host"), 0);
}

void tst_AdminEvents::resumeUnknownId_data()
{
    QTest::addColumn<QByteArray>("lastEventId");
    QTest::newRow("from before a restart") << QByteArray("deadbeef-3");
    QTest::newRow("from the future") << QByteArray("SAME-999999");
    QTest::newRow("not ours") << QByteArray("abc");
    QTest::newRow("number only") << QByteArray("1");
}

void tst_AdminEvents::resumeUnknownId()
{
    QFETCH(QByteArray, lastEventId);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    SseTestClient first;
    first.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(first.waitForEvent("stats", 2000), 0);
    QCOMPARE(bed.post("/hostDrain?service=web&group=prod&name=a").status, 200);
    QVERIFY(first.waitForEvent(hostEvent(QStringLiteral("a"), QStringLiteral("draining")), 2000) > 0);
    const QByteArray current = first.lastEventId();
    if (lastEventId.startsWith("SAME-"))
        lastEventId.replace("SAME", current.left(current.lastIndexOf('-')));
    SseTestClient second;
    second.open(
        bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword, lastEventId);
    QVERIFY(second.waitForEvent("stats", 2000) >= 0);
    // The client cannot know what it missed: it is told to reload, and nothing stale is replayed.
    QCOMPARE(second.events().constFirst().type, QByteArray("reset"));
    QCOMPARE(countOf(second, "host"), 0);
    QCOMPARE(countOf(second, "config"), 0);
}

void tst_AdminEvents::clientsComeAndGo()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    std::vector<std::unique_ptr<SseTestClient>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(std::make_unique<SseTestClient>());
        clients.back()->open(
            bed.port(), "/api/v1/events?rate=10", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    }
    for (const auto &client : clients)
        QCOMPARE(client->waitForEvent("stats", 2000), 0);
    clients.at(0)->close();
    clients.at(1).reset();
    QCOMPARE(bed.post("/hostDrain?service=web&group=prod&name=a").status, 200);
    for (std::size_t i = 2; i < clients.size(); ++i)
        QVERIFY(clients.at(i)->waitForEvent(hostEvent(QStringLiteral("a"), QStringLiteral("draining")), 2000)
            > 0);
    // The server goes away with streams open: the clients see the end.
    bed.server().stop();
    QTRY_VERIFY(!clients.at(2)->isConnected());
    QTRY_VERIFY(!clients.at(3)->isConnected());
}

void tst_AdminEvents::statsRateSharedWithOtherCallers()
{
    // The engine's snapshot rate is the fastest of what its callers ask for:
    // the admin API's streams and, here, the desktop app's local client
    // (setStatsRate). Neither overwrites the other; a closed stream gives
    // its share back.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    Engine &engine = bed.engine();
    engine.setStatsRate(5);
    QCOMPARE(engine.statsIntervalMs(), 200);
    auto stream = std::make_unique<SseTestClient>();
    stream->open(bed.port(), "/api/v1/events?rate=10", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(stream->waitForEvent("stats", 2000), 0);
    QCOMPARE(engine.statsIntervalMs(), 100);
    // The local client slows down: the stream still gets its 10 Hz.
    engine.setStatsRate(2);
    QCOMPARE(engine.statsIntervalMs(), 100);
    stream.reset();
    QTRY_COMPARE(engine.statsIntervalMs(), 500);
    engine.setStatsRate(4);
    QCOMPARE(engine.statsIntervalMs(), 250);
}

void tst_AdminEvents::logLineStreamedAndListed()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    LogHub hub;
    // Lines logged before the server reads the tap (a daemon starting) are
    // listed, not streamed, and do not keep the next ones from being streamed.
    hub.append(logLine(QStringLiteral("before the server")));
    bed.server().setLogHub(&hub);
    SseTestClient client;
    client.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(client.waitForEvent("stats", 5000), 0);

    // Text a client could have put into a logged path: it must arrive escaped, on one data line.
    const QString message = QStringLiteral("GET /<script>\"x\"\nevent: host\ndata: {}");
    const LogLine line = logLine(message, QStringLiteral("warning"));
    hub.append(line);
    const qsizetype index = client.waitForEvent("log", 5000);
    QVERIFY(index >= 0);
    const SseTestClient::Event event = client.events().at(index);
    QVERIFY(!event.data.contains('\n'));
    QVERIFY(!event.data.contains("<script>\""));
    // Not remembered for resuming: GET /api/v1/log is the way to catch up.
    QVERIFY(event.id.isEmpty());
    const QJsonObject data = dataOf(event);
    QCOMPARE(data.value(QStringLiteral("message")).toString(), message);
    QCOMPARE(data.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
    QCOMPARE(data.value(QStringLiteral("category")).toString(), QStringLiteral("balancier.admin"));
    QCOMPARE(
        QDateTime::fromString(data.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs), line.time);
    QCOMPARE(countOf(client, "host"), 0);
    QCOMPARE(countOf(client, "log"), 1);

    // A readonly user reads the log.
    const HttpTestResponse response = bed.get("/api/v1/log?lines=5", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    QVERIFY(response.header("content-type").startsWith("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QJsonArray lines = body.value(QStringLiteral("lines")).toArray();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).toObject().value(QStringLiteral("message")).toString(),
        QStringLiteral("before the server"));
    QCOMPARE(lines.at(1).toObject().value(QStringLiteral("message")).toString(), message);
    QCOMPARE(body.value(QStringLiteral("capacity")).toInt(), LogHub::DefaultCapacity);
}

void tst_AdminEvents::logListKeepsTheLastLines()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // Without a tap the log is empty, not an error.
    HttpTestResponse response = bed.get("/api/v1/log");
    QCOMPARE(response.status, 200);
    QCOMPARE(
        QJsonDocument::fromJson(response.body).object().value(QStringLiteral("lines")).toArray().size(), 0);

    LogHub hub(50);
    bed.server().setLogHub(&hub);
    for (int i = 0; i < 80; ++i)
        hub.append(logLine(QStringLiteral("line %1").arg(i)));
    const auto messages = [&bed](const QByteArray &path) {
        QStringList list;
        const HttpTestResponse answer = bed.get(path, AdminTestBed::Viewer);
        for (const QJsonValue &value :
            QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("lines")).toArray())
            list.append(value.toObject().value(QStringLiteral("message")).toString());
        return list;
    };
    const QStringList all = messages("/api/v1/log?lines=50");
    QCOMPARE(all.size(), 50);
    QCOMPARE(all.constFirst(), QStringLiteral("line 30"));
    QCOMPARE(all.constLast(), QStringLiteral("line 79"));
    QCOMPARE(
        messages("/api/v1/log?lines=2"), (QStringList{QStringLiteral("line 78"), QStringLiteral("line 79")}));
    QCOMPARE(messages("/api/v1/log").size(), 50);  // the default, 100, bounded by the ring
    // More than the ring holds is refused, with the bound in the message.
    response = bed.get("/api/v1/log?lines=51", AdminTestBed::Viewer);
    QCOMPARE(response.status, 400);
    QVERIFY(response.body.contains("from 1 to 50"));
}

void tst_AdminEvents::badLogLines_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("zero") << QByteArray("0");
    QTest::newRow("negative") << QByteArray("-1");
    QTest::newRow("too many") << QByteArray("501");
    QTest::newRow("huge") << QByteArray("99999999999999999999");
    QTest::newRow("not a number") << QByteArray("ten");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("markup") << QByteArray("%3Cscript%3Ealert(1)%3C/script%3E");
}

void tst_AdminEvents::badLogLines()
{
    QFETCH(QByteArray, value);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    LogHub hub;
    bed.server().setLogHub(&hub);
    const HttpTestResponse response = bed.get("/api/v1/log?lines=" + value, AdminTestBed::Viewer);
    QCOMPARE(response.status, 400);
    const QString message
        = QJsonDocument::fromJson(response.body).object().value(QStringLiteral("error")).toString();
    QCOMPARE(message, QStringLiteral("parameter 'lines': expected an integer from 1 to 500"));
    QVERIFY(!response.body.contains("script"));
}

void tst_AdminEvents::logIsReadOnly()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    for (const QByteArray &method : {QByteArray("POST"), QByteArray("PUT"), QByteArray("DELETE")}) {
        const HttpTestResponse response = bed.request(method, "/api/v1/log");
        QCOMPARE(response.status, 405);
        QVERIFY(response.header("allow").contains("GET"));
    }
}

void tst_AdminEvents::logFloodIsBounded()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    LogHub hub(100);
    bed.server().setLogHub(&hub);
    SseTestClient client;
    client.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(client.waitForEvent("stats", 5000), 0);
    QSignalSpy told(&hub, &LogHub::linesAdded);
    // A burst the server cannot follow line by line: one notification is
    // queued, and the ring, not a queue of lines, holds what is pending.
    for (int i = 0; i < 1000; ++i)
        hub.append(logLine(QStringLiteral("flood %1").arg(i)));
    QCOMPARE(told.count(), 1);
    QTRY_COMPARE(countOf(client, "log"), 100);
    QStringList seen;
    for (const SseTestClient::Event &event : client.events()) {
        if (event.type == "log")
            seen.append(dataOf(event).value(QStringLiteral("message")).toString());
    }
    QCOMPARE(seen.constFirst(), QStringLiteral("flood 900"));
    QCOMPARE(seen.constLast(), QStringLiteral("flood 999"));
    // Rearmed once read: the next line is told and streamed.
    hub.append(logLine(QStringLiteral("after")));
    QCOMPARE(told.count(), 2);
    QTRY_COMPARE(countOf(client, "log"), 101);
}

void tst_AdminEvents::logDoesNotFeedItself()
{
    LogHub hub;
    // A receiver that logs while told of a line (directly, in this thread)
    // does not add a line, nor recurse.
    int calls = 0;
    connect(&hub, &LogHub::linesAdded, this, [&] {
        ++calls;
        hub.append(logLine(QStringLiteral("about the line")));
    });
    hub.append(logLine(QStringLiteral("first")));
    QCOMPARE(calls, 1);
    QCOMPARE(hub.lastSequence(), quint64(1));
    {
        const LogHub::SuppressScope suppress;
        hub.append(logLine(QStringLiteral("suppressed")));
    }
    QCOMPARE(hub.lastSequence(), quint64(1));
    quint64 last = 0;
    const QList<LogLine> lines = hub.linesAfter(0, &last);
    QCOMPARE(last, quint64(1));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.constFirst().message, QStringLiteral("first"));
    hub.append(logLine(QStringLiteral("second")));
    QCOMPARE(calls, 2);
    QCOMPARE(hub.linesAfter(1, &last).constFirst().message, QStringLiteral("second"));
}

QTEST_MAIN(tst_AdminEvents)
#include "tst_adminevents.moc"
