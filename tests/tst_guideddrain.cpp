// Guided drains (issue 16) over real sockets: POST …/drain?deadline=…&then=…
// and Operations::drainHost(). The action runs when the last connection
// closes, or at the deadline after what is left was cut (drain-deadline);
// progress is reported; the deadline and action survive a restart through
// the saved config; bad parameters are a 400 naming the parameter.

#include "admintestbed.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "engine.h"
#include "ops/operations.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

const HostConfig *configHost(const Engine &engine, const QString &name)
{
    static Config config;
    config = engine.runningConfig();
    return config.services.at(0).group(u"g")->host(name);
}

/// The last progress event of `spy` with `key` == `value`, or empty.
QVariantMap lastWith(const QSignalSpy &spy, const QString &key, const QVariant &value)
{
    for (qsizetype i = spy.size() - 1; i >= 0; --i) {
        const QVariantMap progress = spy.at(i).at(3).toMap();
        if (progress.value(key) == value)
            return progress;
    }
    return {};
}

}  // namespace

class tst_GuidedDrain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removeAfterLastConnection();
    void deadlineCutsThenMaintenance();
    void survivesRestart();
    void plainDrainUnchanged();
    void adminApi_data();
    void adminApi();
    void configErrors_data();
    void configErrors();
};

void tst_GuidedDrain::removeAfterLastConnection()
{
    StubBackend a(u"a"_s), b(u"b"_s);
    QVERIFY(a.listen() && b.listen());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine,
        ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address()), ProxyConfig::host(u"b"_s, b.address())}));
    QVERIFY(port);
    const std::unique_ptr<TestConnection> onA = TestConnection::open(port);
    QCOMPARE(onA->waitForLine(), u"a"_s);
    QSignalSpy progress(&engine, &Engine::hostDrainProgress);

    Operations::DrainRequest request;
    QVERIFY(Operations::parseDrainRequest(u"10m"_s, u"remove"_s, &request).ok);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const OpResult result = Operations(engine).drainHost(u"svc"_s, u"g"_s, u"a"_s, request);
    QVERIFY2(result.ok, qPrintable(result.errorString()));
    const HostConfig *host = configHost(engine, u"a"_s);
    QVERIFY(host);
    QCOMPARE(host->adminState, HostAdminState::Drain);
    QCOMPARE(host->drainThen, DrainThen::Remove);
    QVERIFY(host->drainDeadlineMs >= before + 600000 && host->drainDeadlineMs <= before + 601000);

    // Progress while the connection is open: "1 open, 10 min left".
    QTRY_VERIFY(!progress.isEmpty());
    const QVariantMap first = progress.at(0).at(3).toMap();
    QCOMPARE(first.value(u"phase"_s).toString(), u"progress"_s);
    QCOMPARE(first.value(u"open"_s).toLongLong(), 1);
    QVERIFY(first.value(u"remainingMs"_s).toLongLong() > 590000);
    QCOMPARE(first.value(u"then"_s).toString(), u"remove"_s);
    // The drained connection still works; the host is kept meanwhile.
    QVERIFY(onA->roundTrip("still draining"));
    QVERIFY(configHost(engine, u"a"_s));

    onA->finish();
    QVERIFY(onA->waitForEnd());
    QTRY_VERIFY_WITH_TIMEOUT(!configHost(engine, u"a"_s), 5000);
    const QVariantMap done = lastWith(progress, u"phase"_s, u"done"_s);
    QCOMPARE(done.value(u"outcome"_s).toString(), u"empty"_s);
    QCOMPARE(done.value(u"cut"_s).toInt(), 0);
    QCOMPARE(engine.snapshot().services.at(0).closed.value(u"drain-deadline"_s), 0);
}

void tst_GuidedDrain::deadlineCutsThenMaintenance()
{
    StubBackend a(u"a"_s), b(u"b"_s);
    QVERIFY(a.listen() && b.listen());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine,
        ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address()), ProxyConfig::host(u"b"_s, b.address())}));
    QVERIFY(port);
    std::vector<std::unique_ptr<TestConnection>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(TestConnection::open(port));
        QVERIFY(!clients.back()->waitForLine().isEmpty());
    }
    QSignalSpy progress(&engine, &Engine::hostDrainProgress);
    const OpResult result
        = Operations(engine).drainHost(u"svc"_s, u"g"_s, u"a"_s, {1500, DrainThen::Maintenance});
    QVERIFY2(result.ok, qPrintable(result.errorString()));
    // a's two connections are cut at the deadline; b's stay.
    for (std::size_t i = 0; i < clients.size(); i += 2)
        QVERIFY(clients.at(i)->waitForEnd(5000));
    for (std::size_t i = 1; i < clients.size(); i += 2)
        QVERIFY(clients.at(i)->roundTrip("b"));
    QTRY_COMPARE(configHost(engine, u"a"_s)->adminState, HostAdminState::Maintenance);
    QCOMPARE(configHost(engine, u"a"_s)->drainDeadlineMs, 0);
    QCOMPARE(configHost(engine, u"a"_s)->drainThen, DrainThen::None);
    QCOMPARE(engine.snapshot().services.at(0).closed.value(u"drain-deadline"_s), 2);
    const QVariantMap done = lastWith(progress, u"phase"_s, u"done"_s);
    QCOMPARE(done.value(u"outcome"_s).toString(), u"deadline"_s);
    QCOMPARE(done.value(u"cut"_s).toInt(), 2);
    // Progress came at a bounded rate: about one a second.
    QVERIFY2(progress.size() <= 4, qPrintable(QString::number(progress.size())));
}

void tst_GuidedDrain::survivesRestart()
{
    StubBackend a(u"a"_s), b(u"b"_s);
    QVERIFY(a.listen() && b.listen());
    QByteArray saved;
    qint64 deadline = 0;
    {
        Engine engine;
        const quint16 port = ProxyConfig::start(engine,
            ProxyConfig::make(
                {ProxyConfig::host(u"a"_s, a.address()), ProxyConfig::host(u"b"_s, b.address())}));
        QVERIFY(port);
        const std::unique_ptr<TestConnection> onA = TestConnection::open(port);
        QCOMPARE(onA->waitForLine(), u"a"_s);
        QVERIFY(Operations(engine).drainHost(u"svc"_s, u"g"_s, u"a"_s, {600000, DrainThen::Maintenance}).ok);
        deadline = configHost(engine, u"a"_s)->drainDeadlineMs;
        saved = ConfigDocument::serialize(engine.runningConfig());
        QVERIFY2(saved.contains("draindeadline=\"") && saved.contains("drainthen=\"maintenance\""),
            saved.constData());
    }
    // The new daemon reads the saved file: the same drain, the same deadline.
    const LoadResult loaded = ConfigReader::readData(saved, u"saved.xml"_s);
    QVERIFY(loaded.ok());
    const HostConfig *host = loaded.config.services.at(0).group(u"g")->host(u"a");
    QCOMPARE(host->adminState, HostAdminState::Drain);
    QCOMPARE(host->drainThen, DrainThen::Maintenance);
    QCOMPARE(host->drainDeadlineMs / 1000, deadline / 1000);  // written to the second
    Engine engine;
    QSignalSpy progress(&engine, &Engine::hostDrainProgress);
    QVERIFY(ProxyConfig::start(engine, loaded.config));
    const std::optional<HostView> view = engine.host(u"svc"_s, u"g"_s, u"a"_s);
    QVERIFY(view);
    QCOMPARE(view->drainDeadlineMs, host->drainDeadlineMs);
    QCOMPARE(view->drainThen, DrainThen::Maintenance);
    // Its connections died with the old process: the drain ends and its action runs.
    QTRY_COMPARE(configHost(engine, u"a"_s)->adminState, HostAdminState::Maintenance);
    QCOMPARE(lastWith(progress, u"phase"_s, u"done"_s).value(u"outcome"_s).toString(), u"empty"_s);
}

void tst_GuidedDrain::plainDrainUnchanged()
{
    // Without deadline and then: today's drain; <settings draintimeout> cuts.
    StubBackend a(u"a"_s), b(u"b"_s);
    QVERIFY(a.listen() && b.listen());
    Config config
        = ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address()), ProxyConfig::host(u"b"_s, b.address())});
    config.settings.drainTimeoutMs = 500;
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    const std::unique_ptr<TestConnection> onA = TestConnection::open(port);
    QCOMPARE(onA->waitForLine(), u"a"_s);
    QSignalSpy progress(&engine, &Engine::hostDrainProgress);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"drain timeout 500ms passed"_s));
    QVERIFY(Operations(engine).drainHost(u"svc"_s, u"g"_s, u"a"_s, {}).ok);
    QVERIFY(onA->waitForEnd(5000));
    QCOMPARE(configHost(engine, u"a"_s)->adminState, HostAdminState::Drain);
    QCOMPARE(configHost(engine, u"a"_s)->drainThen, DrainThen::None);
    QVERIFY(progress.isEmpty());
}

void tst_GuidedDrain::adminApi_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("said");
    QTest::newRow("ok") << QByteArray("?deadline=10m&then=maintenance") << QByteArray() << 200 << QString();
    QTest::newRow("body") << QByteArray() << QByteArray(R"({"deadline":"90s","then":"remove"})") << 200
                          << QString();
    QTest::newRow("bad deadline") << QByteArray("?deadline=soon&then=remove") << QByteArray() << 400
                                  << u"parameter 'deadline'"_s;
    QTest::newRow("deadline too long")
        << QByteArray("?deadline=30d") << QByteArray() << 400 << u"parameter 'deadline'"_s;
    QTest::newRow("bad then") << QByteArray("?deadline=10m&then=delete") << QByteArray() << 400
                              << u"parameter 'then'"_s;
    QTest::newRow("bad body then") << QByteArray() << QByteArray(R"({"then":"explode"})") << 400
                                   << u"body: 'then'"_s;
}

void tst_GuidedDrain::adminApi()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, said);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // b keeps an open connection so that the drain is still running when looked at.
    const HttpTestResponse response = bed.request(
        "POST", "/api/v1/services/web/groups/prod/hosts/a/drain" + query, AdminTestBed::Admin, body);
    QVERIFY2(response.status == status, response.body.constData());
    if (status != 200) {
        QVERIFY2(QString::fromUtf8(response.body).contains(said), response.body.constData());
        QCOMPARE(bed.hostState(u"prod"_s, u"a"_s), u"up"_s);
        return;
    }
    const HttpTestResponse host = bed.get("/api/v1/services/web/groups/prod/hosts/a");
    const QJsonObject object = QJsonDocument::fromJson(host.body).object();
    // Drained already (no connection): the action ran, or it is about to.
    QTRY_VERIFY(bed.engine().runningConfig().service(u"web")->group(u"prod")->host(u"a") == nullptr
        || bed.hostState(u"prod"_s, u"a"_s) == u"maintenance");
    Q_UNUSED(object);
}

void tst_GuidedDrain::configErrors_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QString>("said");
    QTest::newRow("not drain") << QByteArray(R"(<host name="a" ip="127.0.0.1:81" drainthen="remove"/>)")
                               << u"need state=\"drain\""_s;
    QTest::newRow("bad then") << QByteArray(
        R"(<host name="a" ip="127.0.0.1:81" state="drain" drainthen="delete"/>)")
                              << u"delete"_s;
    QTest::newRow("no zone") << QByteArray(
        R"(<host name="a" ip="127.0.0.1:81" state="drain" draindeadline="2026-01-31T14:05:00"/>)")
                             << u"not a UTC time"_s;
}

void tst_GuidedDrain::configErrors()
{
    QFETCH(QByteArray, host);
    QFETCH(QString, said);
    const QByteArray xml = "<balancier version=\"1\">\n<service name=\"s\">\n<listen ip=\"127.0.0.1:0\"/>\n"
                           "<group name=\"g\">\n"
        + host + "\n</group>\n</service>\n</balancier>\n";
    const LoadResult loaded = ConfigReader::readData(xml, u"drain.xml"_s);
    QVERIFY(!loaded.ok());
    const Diagnostic &first = loaded.diagnostics.first();
    QVERIFY2(first.message.contains(said), qPrintable(first.message));
    QCOMPARE(first.line, 5);
}

QTEST_GUILESS_MAIN(tst_GuidedDrain)
#include "tst_guideddrain.moc"
