// Applying one draft to a fleet of two real daemons (BALANCIERD_PATH, each
// with its own generated config and the admin API on a free port of
// 127.0.0.1): the dry run on every node, then the rolling apply with
// If-Match, one node at a time. A node whose running config moved on after
// the dry run answers 412: the roll-out stops there, the node before it is
// changed, that node is not.

#include "client/remoteclient.h"
#include "common/preferences.h"
#include "config/passwordhash.h"
#include "dashboard/dashboardwidget.h"
#include "fleet/fleetapply.h"
#include "fleet/fleetcompare.h"
#include "fleet/fleetdrain.h"
#include "fleet/fleetmodel.h"
#include "fleet/fleetwindow.h"
#include "stubbackend.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>
#include <optional>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

const QString adminPassword = u"tst_guifleet secret"_s;

/// balancierd on a config file; its stderr collected to learn the admin port.
class Daemon final
{
    Q_DISABLE_COPY_MOVE(Daemon)

public:
    Daemon()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"JOURNAL_STREAM"_s);
        m_process.setProcessEnvironment(environment);
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
            [this] { m_err += m_process.readAllStandardError(); });
        m_process.setStandardOutputFile(QProcess::nullDevice());
    }

    ~Daemon()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }

    bool start(const QString &configPath, QString *error)
    {
        m_process.start(QStringLiteral(BALANCIERD_PATH), {u"--config"_s, configPath});
        const bool up = QTest::qWaitFor(
            [this] {
                return m_process.state() == QProcess::NotRunning
                    || (m_err.contains("started: ") && m_err.contains("admin API: http"));
            },
            20000);
        static const QRegularExpression admin(
            u"^admin API: http://127\\.0\\.0\\.1:(\\d+)$"_s, QRegularExpression::MultilineOption);
        m_adminPort = quint16(admin.match(QString::fromUtf8(m_err)).captured(1).toUInt());
        if (!up || m_adminPort == 0) {
            *error = u"balancierd did not start:\n"_s + QString::fromUtf8(m_err);
            return false;
        }
        return true;
    }

    QUrl adminUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_adminPort)); }

private:
    QProcess m_process;
    QByteArray m_err;
    quint16 m_adminPort = 0;
};

/// A node without a daemon, for the order and the wait: it reports `role`,
/// unhealthy for its first `unhealthyAnswers` health answers after an
/// apply, and records into `log` when it is applied.
class FakeNode final : public BalancerClient
{
public:
    FakeNode(QString name, NodeHealth::Role role, QStringList *log)
        : m_name(std::move(name))
        , m_role(role)
        , m_log(log)
    { }

    int unhealthyAnswers = 0;

    QString description() const override { return m_name; }
    bool isLocal() const override { return false; }
    void start() override { setState(State::Connected); }
    void stop() override { setState(State::Disconnected); }
    void fetchRunningConfig(QObject *context, ReplyHandler handler) override
    {
        deliver(context, handler, {});
    }
    void applyConfig(const QByteArray &, bool dryRun, QObject *context, ReplyHandler handler) override
    {
        ClientReply reply;
        reply.ok = true;
        reply.etag = "\"v1\"";
        if (!dryRun) {
            m_log->append(m_name);
            m_applied = true;
        }
        deliver(context, handler, reply);
    }
    void applyConfigIfMatch(
        const QByteArray &xml, const QByteArray &ifMatch, QObject *context, ReplyHandler handler) override
    {
        if (ifMatch != "\"v1\"") {
            ClientReply reply;
            reply.conflict = true;
            reply.error = u"wrong version"_s;
            return deliver(context, handler, reply);
        }
        applyConfig(xml, false, context, std::move(handler));
    }
    void fetchHealth(QObject *context, ReplyHandler handler) override
    {
        ClientReply reply;
        reply.ok = true;
        reply.health.known = true;
        reply.health.role = m_role;
        reply.health.services = 1;
        reply.health.healthy = !m_applied || unhealthyAnswers-- <= 0;
        reply.health.liveServices = reply.health.healthy ? 1 : 0;
        deliver(context, handler, reply);
    }
    void hostAction(const HostRef &, HostAction, int, QObject *context, ReplyHandler handler) override
    {
        deliver(context, handler, {});
    }
    void fetchHistory(const HostRef &, QObject *context, ReplyHandler handler) override
    {
        deliver(context, handler, {});
    }
    void setRefreshRate(int) override { }

private:
    QString m_name;
    NodeHealth::Role m_role;
    QStringList *m_log;
    bool m_applied = false;
};

/// A config with service "web", group "prod" and one host per entry of `hosts` (name, address).
QByteArray configWith(const QString &passwordHash, const QList<std::pair<QString, QString>> &hosts)
{
    QString lines;
    for (const auto &[name, address] : hosts)
        lines += u"      <host name=\"%1\" ip=\"%2\"/>\n"_s.arg(name, address);
    return (u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<balancier version=\"1\">\n"
            "  <settings draintimeout=\"2s\"/>\n"
            "  <health active=\"no\"/>\n"
            "  <admin listen=\"127.0.0.1:0\">\n"
            "    <user name=\"admin\" password=\"%1\" access=\"full\"/>\n"
            "  </admin>\n"
            "  <service name=\"web\">\n"
            "    <listen ip=\"127.0.0.1:0\"/>\n"
            "    <group name=\"prod\" scheduler=\"roundrobin\">\n"
            "%2"
            "    </group>\n"
            "    <enable group=\"prod\"/>\n"
            "  </service>\n"
            "</balancier>\n"_s)
        .arg(passwordHash, lines)
        .toUtf8();
}

/// The node's running config, or an empty array on failure.
QByteArray runningConfig(BalancerClient &client)
{
    QObject context;
    QByteArray data;
    bool done = false;
    client.fetchRunningConfig(&context, [&](const ClientReply &reply) {
        data = reply.ok ? reply.data : QByteArray();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        return {};
    return data;
}

}  // namespace

class tst_GuiFleet final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rollsOutToEveryNode();
    void stopsAtNodeThatMovedOn();
    void stopsAtNodeThatRefuses();
    void comparesRunningConfigs();
    void backupsFirstAndWaitsUntilHealthy();
    void stopsWhenNodeStaysUnhealthy();
    void drainsHostEverywhere();
    void fleetWindowAppliesToSavedFleet();
    void rolesShowInFleetAndDashboard();

private:
    /// Dry run, then roll-out; `movedOn` runs between the two.
    void dryRunAndRollOut(
        FleetApply &apply, const std::function<void()> &movedOn, bool expectOk, QString *message);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StubBackend> m_one;
    std::unique_ptr<StubBackend> m_two;
    QString m_hash;
    std::unique_ptr<Daemon> m_daemons[2];
    std::unique_ptr<RemoteClient> m_clients[2];
};

void tst_GuiFleet::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_one = std::make_unique<StubBackend>(u"one"_s);
    m_two = std::make_unique<StubBackend>(u"two"_s);
    QVERIFY(m_one->listen());
    QVERIFY(m_two->listen());
    // Few iterations: the client logs in on every request.
    m_hash = PasswordHash::create(adminPassword, 1000);
    for (int i = 0; i < 2; ++i) {
        const QString path = m_dir->filePath(u"node%1.xml"_s.arg(i + 1));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(configWith(m_hash, {{u"one"_s, m_one->address()}}));
        file.close();
        m_daemons[i] = std::make_unique<Daemon>();
        QString error;
        QVERIFY2(m_daemons[i]->start(path, &error), qPrintable(error));
        m_clients[i] = std::make_unique<RemoteClient>(m_daemons[i]->adminUrl(), u"admin"_s, adminPassword);
    }
}

void tst_GuiFleet::cleanup()
{
    for (int i = 0; i < 2; ++i) {
        m_clients[i].reset();
        m_daemons[i].reset();
    }
    m_one.reset();
    m_two.reset();
    m_dir.reset();
}

void tst_GuiFleet::dryRunAndRollOut(
    FleetApply &apply, const std::function<void()> &movedOn, bool expectOk, QString *message)
{
    apply.addNode(u"node1"_s, m_clients[0].get());
    apply.addNode(u"node2"_s, m_clients[1].get());
    QSignalSpy checked(&apply, &FleetApply::dryRunFinished);
    apply.dryRun();
    QVERIFY(checked.wait(30000));
    QCOMPARE(checked.first().first().toBool(), true);
    for (const FleetApply::Node &node : apply.nodes()) {
        QCOMPARE(node.status, FleetApply::Status::Checked);
        QVERIFY2(!node.etag.isEmpty(), qPrintable(node.name));
        QCOMPARE(node.changes.size(), 1);
        QCOMPARE(node.changes.first().kind, ConfigChange::Kind::HostAdded);
        QVERIFY2(!node.impact.isEmpty(), qPrintable(node.name));
    }
    // Without a VRRP role the nodes keep the order they were given.
    QCOMPARE(apply.order(), (QList<int>{0, 1}));
    if (movedOn)
        movedOn();
    QSignalSpy done(&apply, &FleetApply::finished);
    apply.rollOut();
    QVERIFY(done.wait(60000));
    *message = done.first().at(1).toString();
    QVERIFY2(done.first().first().toBool() == expectOk, qPrintable(*message));
}

void tst_GuiFleet::rollsOutToEveryNode()
{
    const QByteArray draft = configWith(m_hash, {{u"one"_s, m_one->address()}, {u"two"_s, m_two->address()}});
    FleetApply apply(draft);
    QString message;
    dryRunAndRollOut(apply, {}, true, &message);
    if (QTest::currentTestFailed())
        return;
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(apply.nodes().at(i).status, FleetApply::Status::Applied);
        QVERIFY(runningConfig(*m_clients[i]).contains("name=\"two\""));
    }
}

void tst_GuiFleet::stopsAtNodeThatMovedOn()
{
    const QByteArray draft = configWith(m_hash, {{u"one"_s, m_one->address()}, {u"two"_s, m_two->address()}});
    FleetApply apply(draft);
    QString message;
    // Someone else changes node 2 after the dry run: its weight of "one".
    const auto movedOn = [this] {
        QByteArray other = configWith(m_hash, {{u"one"_s, m_one->address()}});
        other.replace("name=\"one\"", "name=\"one\" weight=\"7\"");
        QObject context;
        bool applied = false;
        m_clients[1]->applyConfig(other, false, &context, [&](const ClientReply &reply) {
            QVERIFY2(reply.ok, qPrintable(reply.error));
            applied = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(applied, 15000);
    };
    dryRunAndRollOut(apply, movedOn, false, &message);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(apply.nodes().at(0).status, FleetApply::Status::Applied);
    QCOMPARE(apply.nodes().at(1).status, FleetApply::Status::Failed);
    QVERIFY2(message.contains(u"node2"_s) && message.contains(u"moved on"_s), qPrintable(message));
    QVERIFY(runningConfig(*m_clients[0]).contains("name=\"two\""));
    const QByteArray second = runningConfig(*m_clients[1]);
    QVERIFY(!second.isEmpty());
    QVERIFY(!second.contains("name=\"two\""));
    QVERIFY(second.contains("weight=\"7\""));
}

void tst_GuiFleet::stopsAtNodeThatRefuses()
{
    const QByteArray draft = configWith(m_hash, {{u"one"_s, m_one->address()}, {u"two"_s, m_two->address()}});
    FleetApply apply(draft);
    QString message;
    // Node 2's admin password is changed after the dry run: its PUT is refused.
    const auto refuses = [this] {
        const QByteArray other
            = configWith(PasswordHash::create(u"rotated"_s, 1000), {{u"one"_s, m_one->address()}});
        QObject context;
        bool applied = false;
        m_clients[1]->applyConfig(other, false, &context, [&](const ClientReply &reply) {
            QVERIFY2(reply.ok, qPrintable(reply.error));
            applied = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(applied, 15000);
    };
    dryRunAndRollOut(apply, refuses, false, &message);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(apply.nodes().at(0).status, FleetApply::Status::Applied);
    QCOMPARE(apply.nodes().at(1).status, FleetApply::Status::Failed);
    QVERIFY2(message.contains(u"node2"_s) && message.contains(u"refused"_s), qPrintable(message));
    QVERIFY(runningConfig(*m_clients[0]).contains("name=\"two\""));
    // Node 2 is read with the new password: unchanged.
    RemoteClient rotated(m_daemons[1]->adminUrl(), u"admin"_s, u"rotated"_s);
    const QByteArray second = runningConfig(rotated);
    QVERIFY(!second.isEmpty());
    QVERIFY(!second.contains("name=\"two\""));
}

void tst_GuiFleet::backupsFirstAndWaitsUntilHealthy()
{
    QStringList log;
    FakeNode master(u"master"_s, NodeHealth::Role::Master, &log);
    FakeNode backup(u"backup"_s, NodeHealth::Role::Backup, &log);
    FakeNode plain(u"plain"_s, NodeHealth::Role::Unknown, &log);
    backup.unhealthyAnswers = 3;  // the master must wait for these
    FleetApply apply("<balancier version=\"1\"/>");
    apply.setHealthInterval(20);
    apply.addNode(u"master"_s, &master);
    apply.addNode(u"plain"_s, &plain);
    apply.addNode(u"backup"_s, &backup);
    QSignalSpy checked(&apply, &FleetApply::dryRunFinished);
    apply.dryRun();
    QVERIFY(checked.wait(10000));
    QCOMPARE(apply.order(), (QList<int>{2, 1, 0}));
    QSignalSpy done(&apply, &FleetApply::finished);
    QStringList healthyBeforeNext;
    connect(&apply, &FleetApply::nodeChanged, this, [&](int index) {
        if (apply.nodes().at(index).status == FleetApply::Status::Applying)
            healthyBeforeNext.append(u"%1 after %2"_s.arg(apply.nodes().at(index).name, log.join(u',')));
    });
    apply.rollOut();
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
    QCOMPARE(log, (QStringList{u"backup"_s, u"plain"_s, u"master"_s}));
    // The backup answered unhealthy three times: the next node waited for it.
    QCOMPARE(backup.unhealthyAnswers, -1);
    QCOMPARE(healthyBeforeNext,
        (QStringList{u"backup after "_s, u"plain after backup"_s, u"master after backup,plain"_s}));
}

void tst_GuiFleet::stopsWhenNodeStaysUnhealthy()
{
    QStringList log;
    FakeNode backup(u"backup"_s, NodeHealth::Role::Backup, &log);
    FakeNode master(u"master"_s, NodeHealth::Role::Master, &log);
    backup.unhealthyAnswers = 1000000;
    FleetApply apply("<balancier version=\"1\"/>");
    apply.setHealthInterval(20);
    apply.setHealthTimeout(300);
    apply.addNode(u"master"_s, &master);
    apply.addNode(u"backup"_s, &backup);
    QSignalSpy checked(&apply, &FleetApply::dryRunFinished);
    apply.dryRun();
    QVERIFY(checked.wait(10000));
    QSignalSpy done(&apply, &FleetApply::finished);
    apply.rollOut();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().first().toBool(), false);
    const QString message = done.first().at(1).toString();
    QVERIFY2(message.contains(u"backup"_s) && message.contains(u"healthy"_s), qPrintable(message));
    QCOMPARE(log, QStringList{u"backup"_s});
    QCOMPARE(apply.nodes().at(0).status, FleetApply::Status::Untouched);
    QCOMPARE(apply.nodes().at(1).status, FleetApply::Status::Failed);
}

void tst_GuiFleet::comparesRunningConfigs()
{
    {
        FleetCompare compare;
        compare.addNode(u"node1"_s, m_clients[0].get());
        compare.addNode(u"node2"_s, m_clients[1].get());
        QSignalSpy done(&compare, &FleetCompare::finished);
        compare.start();
        QVERIFY(done.wait(30000));
        QVERIFY(compare.identical());
    }
    QByteArray other = configWith(m_hash, {{u"one"_s, m_one->address()}});
    other.replace("name=\"one\"", "name=\"one\" weight=\"3\"");
    QObject context;
    bool applied = false;
    m_clients[1]->applyConfig(other, false, &context, [&](const ClientReply &reply) { applied = reply.ok; });
    QTRY_VERIFY_WITH_TIMEOUT(applied, 15000);

    FleetCompare compare;
    compare.addNode(u"node1"_s, m_clients[0].get());
    compare.addNode(u"node2"_s, m_clients[1].get());
    QSignalSpy done(&compare, &FleetCompare::finished);
    compare.start();
    QVERIFY(done.wait(30000));
    QVERIFY(!compare.identical());
    QVERIFY(compare.nodes().at(0).differences.isEmpty());
    const QList<ConfigChange> &differences = compare.nodes().at(1).differences;
    QCOMPARE(differences.size(), 1);
    QCOMPARE(differences.first().kind, ConfigChange::Kind::HostChanged);
    QCOMPARE(differences.first().name, u"one"_s);
    QVERIFY(differences.first().fields.contains(u"weight"_s));
}

void tst_GuiFleet::drainsHostEverywhere()
{
    FleetDrain drain(u"one"_s);
    drain.addNode(u"node1"_s, m_clients[0].get());
    drain.addNode(u"node2"_s, m_clients[1].get());
    QSignalSpy done(&drain, &FleetDrain::finished);
    drain.start();
    QVERIFY(done.wait(30000));
    QVERIFY2(drain.allDrained(), qPrintable(drain.nodes().at(0).error + drain.nodes().at(1).error));
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(drain.nodes().at(i).drained, (QList<HostRef>{{u"web"_s, u"prod"_s, u"one"_s}}));
        QObject context;
        QString state;
        m_clients[i]->fetchHistory({u"web"_s, u"prod"_s, u"one"_s}, &context, [&](const ClientReply &reply) {
            state = reply.history.isEmpty() ? u"(none)"_s : reply.history.last().state;
        });
        QTRY_VERIFY_WITH_TIMEOUT(!state.isEmpty(), 15000);
        QCOMPARE(state, u"draining"_s);
    }
    // A name no node has: every node says so, none fails silently.
    FleetDrain missing(u"nosuch"_s);
    missing.addNode(u"node1"_s, m_clients[0].get());
    QSignalSpy missingDone(&missing, &FleetDrain::finished);
    missing.start();
    QVERIFY(missingDone.wait(30000));
    QVERIFY(!missing.allDrained());
    QVERIFY2(missing.nodes().at(0).error.contains(u"nosuch"_s), qPrintable(missing.nodes().at(0).error));
}

void tst_GuiFleet::fleetWindowAppliesToSavedFleet()
{
    // A third connection that is not in the fleet "prod-pair": it stays as it is.
    QStringList log;
    FakeNode other(u"other"_s, NodeHealth::Role::Unknown, &log);
    Preferences preferences(m_dir->filePath(u"prefs.ini"_s));
    preferences.saveFleet({u"prod-pair"_s, {u"node1"_s, u"node2"_s}});
    QCOMPARE(preferences.fleets().size(), 1);
    QCOMPARE(preferences.fleets().first().nodes, (QStringList{u"node1"_s, u"node2"_s}));

    FleetModel model;
    model.setHealthInterval(0);
    model.addClient(&other, nullptr, u"other"_s);
    model.addClient(m_clients[0].get(), nullptr, u"node1"_s);
    model.addClient(m_clients[1].get(), nullptr, u"node2"_s);
    FleetWindow window(&model);
    window.setPreferences(&preferences);
    const QByteArray draft = configWith(m_hash, {{u"one"_s, m_one->address()}, {u"two"_s, m_two->address()}});
    window.setDraftSource([&draft](QWidget *) { return draft; });
    QString asked;
    window.setConfirmation([&asked](const QString &question) {
        asked = question;
        return true;
    });
    window.fleetBox()->setCurrentIndex(window.fleetBox()->findData(u"prod-pair"_s));
    QCOMPARE(window.fleetRows(), (QList<int>{1, 2}));

    window.applyDraftToFleet();
    QTreeWidget *report = window.report();
    QTRY_COMPARE_WITH_TIMEOUT(report->topLevelItemCount(), 2, 5000);
    const QString applied = FleetApply::statusName(FleetApply::Status::Applied);
    QTRY_VERIFY_WITH_TIMEOUT(
        report->topLevelItem(0)->text(2) == applied && report->topLevelItem(1)->text(2) == applied, 60000);
    QVERIFY2(asked.contains(u"node1, node2"_s), qPrintable(asked));
    QCOMPARE(report->topLevelItem(0)->text(0), u"node1"_s);
    QVERIFY2(
        report->topLevelItem(0)->text(3).contains(u"two"_s), qPrintable(report->topLevelItem(0)->text(3)));
    QVERIFY(runningConfig(*m_clients[0]).contains("name=\"two\""));
    QVERIFY(runningConfig(*m_clients[1]).contains("name=\"two\""));
    QVERIFY(log.isEmpty());

    // Drain everywhere, in the window: one report line per node of the fleet.
    window.drainHostEverywhere(u"two"_s);
    QTRY_COMPARE_WITH_TIMEOUT(report->topLevelItemCount(), 2, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        report->topLevelItem(0)->text(2) == u"drained"_s && report->topLevelItem(1)->text(2) == u"drained"_s,
        30000);
}

void tst_GuiFleet::rolesShowInFleetAndDashboard()
{
    QStringList log;
    FakeNode master(u"master"_s, NodeHealth::Role::Master, &log);
    FakeNode backup(u"backup"_s, NodeHealth::Role::Backup, &log);
    FleetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addClient(&master, nullptr, u"a"_s);
    model.addClient(&backup, nullptr, u"b"_s);
    // Not connected yet: no role shown.
    QCOMPARE(model.index(0, FleetModel::RoleColumn).data().toString(), QString());
    master.start();
    backup.start();
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, FleetModel::RoleColumn).data().toString(), u"master"_s, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(1, FleetModel::RoleColumn).data().toString(), u"backup"_s, 5000);
    QCOMPARE(model.headerData(FleetModel::RoleColumn, Qt::Horizontal).toString(), u"Role"_s);
    // A daemon without the endpoint answers 404: health and role unknown, not an error.
    // (One with it answers 200 or 503 with a body: then known.)
    QObject context;
    std::optional<ClientReply> health;
    m_clients[0]->fetchHealth(&context, [&health](const ClientReply &reply) { health = reply; });
    QTRY_VERIFY_WITH_TIMEOUT(health.has_value(), 15000);
    QVERIFY2(health->ok, qPrintable(health->error));
    if (!health->health.known)
        QCOMPARE(health->health.role, NodeHealth::Role::Unknown);

    DashboardWidget dashboard;
    auto *role = dashboard.findChild<QLabel *>(u"roleLabel"_s);
    QVERIFY(role);
    dashboard.setClient(&backup);
    QTRY_COMPARE_WITH_TIMEOUT(role->text(), u"VRRP role: backup"_s, 5000);
    QVERIFY(!role->isHidden());
    backup.stop();
    QVERIFY(role->isHidden());
}

QTEST_MAIN(tst_GuiFleet)
#include "tst_guifleet.moc"
