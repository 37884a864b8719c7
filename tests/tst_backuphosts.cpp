// Backup hosts (issue 16) over real sockets: backups stay idle while a
// primary is up, take over when every primary is down (the first one only,
// or all of them with allbackups), give way to a primary at once, and
// onprimaryup="shutdown-backup-sessions" cuts their connections. For every
// scheduler.

#include "admin/adminformats.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "engine.h"
#include "ops/operations.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QSignalSpy>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// Hosts p1, p2 (primaries) and b1, b2 (backups) of group "g".
Config backupConfig(const StubBackend &p1, const StubBackend &p2, const StubBackend &b1,
    const StubBackend &b2, const QString &scheduler, bool allBackups,
    PrimaryUpAction onPrimaryUp = PrimaryUpAction::None)
{
    HostConfig backup1 = ProxyConfig::host(u"b1"_s, b1.address());
    backup1.backup = true;
    HostConfig backup2 = ProxyConfig::host(u"b2"_s, b2.address());
    backup2.backup = true;
    Config config = ProxyConfig::make({ProxyConfig::host(u"p1"_s, p1.address()),
                                          ProxyConfig::host(u"p2"_s, p2.address()), backup1, backup2},
        scheduler);
    config.services[0].groups[0].allBackups = allBackups;
    config.services[0].groups[0].onPrimaryUp = onPrimaryUp;
    return config;
}

/// The host names `count` new clients land on, each from its own address
/// (127.0.0.10, .11, ...) so that the hashing schedulers spread them too.
QStringList landOn(quint16 port, int count, std::vector<std::unique_ptr<TestConnection>> *keep = nullptr)
{
    QStringList names;
    for (int i = 0; i < count; ++i) {
        std::unique_ptr<TestConnection> client
            = TestConnection::open(port, QHostAddress(u"127.0.0.%1"_s.arg(10 + i)));
        names.append(client->waitForLine());
        if (keep)
            keep->push_back(std::move(client));
    }
    return names;
}

bool allIn(const QStringList &names, const QStringList &allowed)
{
    return !names.isEmpty() && std::all_of(names.cbegin(), names.cend(), [&](const QString &name) {
        return allowed.contains(name);
    });
}

void setState(Engine &engine, const QString &host, HostAdminState state)
{
    const OpResult result = Operations(engine).setHostAdminState(u"svc"_s, u"g"_s, host, state);
    QVERIFY2(result.ok, qPrintable(result.errorString()));
}

}  // namespace

class tst_BackupHosts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyScheduler_data();
    void everyScheduler();
    void firstBackupPassesTheTurnOn();
    void primaryUpCutsBackupSessions_data();
    void primaryUpCutsBackupSessions();
    void addedPrimaryEndsBackup();
    void healthDownSwitchesToBackup();
    void configReadWriteValidate();
};

void tst_BackupHosts::everyScheduler_data()
{
    QTest::addColumn<QString>("scheduler");
    QTest::addColumn<bool>("allBackups");
    for (const char *scheduler : {"roundrobin", "weighted", "random", "leastconns", "leastconnsrr", "sticky",
             "hash", "p2c", "maglev"}) {
        QTest::addRow("%s first", scheduler) << QString::fromLatin1(scheduler) << false;
        QTest::addRow("%s all", scheduler) << QString::fromLatin1(scheduler) << true;
    }
}

void tst_BackupHosts::everyScheduler()
{
    QFETCH(QString, scheduler);
    QFETCH(bool, allBackups);
    StubBackend p1(u"p1"_s), p2(u"p2"_s), b1(u"b1"_s), b2(u"b2"_s);
    QVERIFY(p1.listen() && p2.listen() && b1.listen() && b2.listen());
    Engine engine;
    QSignalSpy switches(&engine, &Engine::backupStateChanged);
    const quint16 port = ProxyConfig::start(engine, backupConfig(p1, p2, b1, b2, scheduler, allBackups));
    QVERIFY(port);

    // Backups idle while a primary is up.
    QStringList names = landOn(port, 8);
    QVERIFY2(allIn(names, {u"p1"_s, u"p2"_s}), qPrintable(names.join(u',')));
    QCOMPARE(b1.connectionCount() + b2.connectionCount(), 0);
    setState(engine, u"p1"_s, HostAdminState::Maintenance);
    names = landOn(port, 4);
    QVERIFY2(allIn(names, {u"p2"_s}), qPrintable(names.join(u',')));
    QCOMPARE(switches.size(), 0);

    // Every primary down: the backups take over.
    setState(engine, u"p2"_s, HostAdminState::Maintenance);
    QCOMPARE(switches.size(), 1);
    QCOMPARE(switches.at(0).at(2).toBool(), true);
    QVERIFY(engine.snapshot().services.at(0).groups.at(0).backupActive);
    const QByteArray metrics = AdminFormats::metrics(engine.snapshot());
    QVERIFY2(metrics.contains("balancier_group_backup_active{service=\"svc\",group=\"g\"} 1\n")
            && metrics.contains("balancier_host_backup{service=\"svc\",group=\"g\",host=\"b1\"} 1\n"),
        metrics.constData());
    names = landOn(port, 12);
    if (allBackups) {
        QVERIFY2(allIn(names, {u"b1"_s, u"b2"_s}), qPrintable(names.join(u',')));
        // Spread by the scheduler: the spreading ones use both (the hashing
        // ones may put few clients on one; they still may use both).
        if (scheduler == u"roundrobin" || scheduler == u"weighted" || scheduler == u"leastconnsrr")
            QVERIFY2(names.contains(u"b1"_s) && names.contains(u"b2"_s), qPrintable(names.join(u',')));
    } else {
        QVERIFY2(allIn(names, {u"b1"_s}), qPrintable(names.join(u',')));
    }

    // A primary back: new clients go to it at once.
    setState(engine, u"p1"_s, HostAdminState::Ready);
    QCOMPARE(switches.size(), 2);
    QCOMPARE(switches.at(1).at(2).toBool(), false);
    QVERIFY(!engine.snapshot().services.at(0).groups.at(0).backupActive);
    names = landOn(port, 8);
    QVERIFY2(allIn(names, {u"p1"_s}), qPrintable(names.join(u',')));
}

void tst_BackupHosts::firstBackupPassesTheTurnOn()
{
    // allbackups="no": the first backup that is up; when it goes, the next.
    StubBackend p1(u"p1"_s), p2(u"p2"_s), b1(u"b1"_s), b2(u"b2"_s);
    QVERIFY(p1.listen() && p2.listen() && b1.listen() && b2.listen());
    Engine engine;
    Config config = backupConfig(p1, p2, b1, b2, u"roundrobin"_s, false);
    config.services[0].groups[0].hosts[0].adminState = HostAdminState::Maintenance;
    config.services[0].groups[0].hosts[1].adminState = HostAdminState::Maintenance;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    QVERIFY(allIn(landOn(port, 4), {u"b1"_s}));
    setState(engine, u"b1"_s, HostAdminState::Maintenance);
    QVERIFY(allIn(landOn(port, 4), {u"b2"_s}));
    setState(engine, u"b1"_s, HostAdminState::Ready);
    QVERIFY(allIn(landOn(port, 4), {u"b1"_s}));
}

void tst_BackupHosts::primaryUpCutsBackupSessions_data()
{
    QTest::addColumn<bool>("cut");
    QTest::newRow("onprimaryup=shutdown-backup-sessions") << true;
    QTest::newRow("onprimaryup=none") << false;
}

void tst_BackupHosts::primaryUpCutsBackupSessions()
{
    QFETCH(bool, cut);
    StubBackend p1(u"p1"_s), p2(u"p2"_s), b1(u"b1"_s), b2(u"b2"_s);
    QVERIFY(p1.listen() && p2.listen() && b1.listen() && b2.listen());
    Engine engine;
    Config config = backupConfig(p1, p2, b1, b2, u"roundrobin"_s, true,
        cut ? PrimaryUpAction::ShutdownBackupSessions : PrimaryUpAction::None);
    config.services[0].groups[0].hosts[1].adminState = HostAdminState::Maintenance;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    std::vector<std::unique_ptr<TestConnection>> onPrimary;
    QCOMPARE(landOn(port, 1, &onPrimary), QStringList{u"p1"_s});
    setState(engine, u"p1"_s, HostAdminState::Drain);
    std::vector<std::unique_ptr<TestConnection>> onBackups;
    QVERIFY(allIn(landOn(port, 4, &onBackups), {u"b1"_s, u"b2"_s}));
    QSignalSpy switches(&engine, &Engine::backupStateChanged);

    setState(engine, u"p2"_s, HostAdminState::Ready);
    QCOMPARE(switches.size(), 1);
    QCOMPARE(switches.at(0).at(2).toBool(), false);
    QCOMPARE(switches.at(0).at(3).toInt(), cut ? 4 : 0);
    for (const auto &client : onBackups) {
        if (cut)
            QVERIFY(client->waitForEnd());
        else
            QVERIFY(client->roundTrip("still here"));
    }
    // The drained primary's connection is no backup's: never cut by this.
    QVERIFY(onPrimary.front()->roundTrip("primary"));
    const QMap<QString, qint64> closed = engine.snapshot().services.at(0).closed;
    QCOMPARE(closed.value(u"backup-shutdown"_s), cut ? 4 : 0);
    QVERIFY(allIn(landOn(port, 2), {u"p2"_s}));
}

void tst_BackupHosts::addedPrimaryEndsBackup()
{
    // A primary that joins (an operator's addHost, DNS discovery) while the
    // backups serve is a primary coming back: the group is rebuilt for the
    // new host list, and onprimaryup still applies.
    StubBackend p1(u"p1"_s), p2(u"p2"_s), b1(u"b1"_s), b2(u"b2"_s);
    QVERIFY(p1.listen() && p2.listen() && b1.listen() && b2.listen());
    Engine engine;
    Config config
        = backupConfig(p1, p2, b1, b2, u"roundrobin"_s, false, PrimaryUpAction::ShutdownBackupSessions);
    config.services[0].groups[0].hosts.removeFirst();
    config.services[0].groups[0].hosts.first().adminState = HostAdminState::Maintenance;  // p2
    QSignalSpy switches(&engine, &Engine::backupStateChanged);
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    QCOMPARE(switches.size(), 1);  // the backups serve from the start
    std::vector<std::unique_ptr<TestConnection>> onBackup;
    QVERIFY(allIn(landOn(port, 2, &onBackup), {u"b1"_s}));
    const OpResult added
        = Operations(engine).addHost(u"svc"_s, u"g"_s, ProxyConfig::host(u"p1"_s, p1.address()));
    QVERIFY2(added.ok, qPrintable(added.errorString()));
    QCOMPARE(switches.size(), 2);
    QCOMPARE(switches.at(1).at(2).toBool(), false);
    QCOMPARE(switches.at(1).at(3).toInt(), 2);
    for (const auto &client : onBackup)
        QVERIFY(client->waitForEnd());
    QVERIFY(allIn(landOn(port, 2), {u"p1"_s}));
}

void tst_BackupHosts::healthDownSwitchesToBackup()
{
    // Health, not an operator, takes the primary down and brings it back.
    StubBackend p1(u"p1"_s), b1(u"b1"_s);
    QVERIFY(p1.listen() && b1.listen());
    HostConfig backup = ProxyConfig::host(u"b1"_s, b1.address());
    backup.backup = true;
    Config config = ProxyConfig::make({ProxyConfig::host(u"p1"_s, p1.address()), backup});
    config.health = ProxyConfig::fastHealth();
    config.health.active = true;
    Engine engine;
    QSignalSpy switches(&engine, &Engine::backupStateChanged);
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port);
    QVERIFY(allIn(landOn(port, 3), {u"p1"_s}));
    const quint16 p1Port = p1.port();
    p1.close();
    QTRY_COMPARE_WITH_TIMEOUT(switches.size(), 1, 5000);
    QVERIFY(switches.at(0).at(2).toBool());
    QVERIFY(allIn(landOn(port, 3), {u"b1"_s}));
    QVERIFY(p1.listen(QHostAddress(QHostAddress::LocalHost), p1Port));
    QTRY_COMPARE_WITH_TIMEOUT(switches.size(), 2, 5000);
    QVERIFY(allIn(landOn(port, 3), {u"p1"_s}));
}

void tst_BackupHosts::configReadWriteValidate()
{
    const QByteArray xml = R"(<balancier version="1">
  <service name="db">
    <listen ip="127.0.0.1:0"/>
    <group name="g" ondown="shutdown-sessions" onprimaryup="shutdown-backup-sessions" allbackups="yes">
      <host name="p" ip="127.0.0.1:5432"/>
      <host name="b" ip="127.0.0.1:5433" backup="yes"/>
    </group>
  </service>
</balancier>)";
    const LoadResult loaded = ConfigReader::readData(xml, u"test.xml"_s);
    QVERIFY2(loaded.ok(),
        qPrintable(loaded.diagnostics.isEmpty() ? QString() : loaded.diagnostics.first().message));
    const Config *config = &loaded.config;
    const GroupConfig &group = config->services.at(0).groups.at(0);
    QCOMPARE(group.onDown, HostDownAction::ShutdownSessions);
    QCOMPARE(group.onPrimaryUp, PrimaryUpAction::ShutdownBackupSessions);
    QVERIFY(group.allBackups);
    QVERIFY(!group.hosts.at(0).backup);
    QVERIFY(group.hosts.at(1).backup);

    // A wrong word is an error at its line.
    QByteArray bad = xml;
    bad.replace("ondown=\"shutdown-sessions\"", "ondown=\"cut\"");
    const LoadResult refused = ConfigReader::readData(bad, u"test.xml"_s);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.diagnostics.first().line, 4);
    QVERIFY2(refused.diagnostics.first().message.contains(u"cut"_s),
        qPrintable(refused.diagnostics.first().message));

    // Written and read back: the same.
    const LoadResult again = ConfigReader::readData(ConfigDocument::serialize(*config), u"again.xml"_s);
    QVERIFY(again.ok());
    QCOMPARE(again.config.services.at(0).groups.at(0).onDown, HostDownAction::ShutdownSessions);
    QCOMPARE(again.config.services.at(0).groups.at(0).onPrimaryUp, PrimaryUpAction::ShutdownBackupSessions);
    QVERIFY(again.config.services.at(0).groups.at(0).allBackups);
    QVERIFY(again.config.services.at(0).groups.at(0).hosts.at(1).backup);

    // Every host a backup: a warning.
    Config allBackups = *config;
    allBackups.services[0].groups[0].hosts[0].backup = true;
    bool warned = false;
    for (const Diagnostic &diagnostic : validateConfig(allBackups, {}))
        warned = warned
            || (diagnostic.severity == Diagnostic::Severity::Warning
                && diagnostic.message.contains(u"every host of group"_s));
    QVERIFY(warned);
}

QTEST_GUILESS_MAIN(tst_BackupHosts)
#include "tst_backuphosts.moc"
