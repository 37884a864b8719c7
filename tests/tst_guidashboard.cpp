// The dashboard's additions: the traffic history and its graph, the fleet
// overview (rows follow the clients and windows), "probe this address",
// the log view and the engine log capture, the group-down notification,
// and the accessible texts of the custom drawing.

#include "client/localclient.h"
#include "common/preferences.h"
#include "common/traynotifier.h"
#include "dashboard/addressprobe.h"
#include "dashboard/dashboardmodel.h"
#include "dashboard/dashboardwidget.h"
#include "dashboard/hostfilterproxymodel.h"
#include "dashboard/trafficgraph.h"
#include "dashboard/traffichistory.h"
#include "fleet/fleetmodel.h"
#include "fleet/fleetwindow.h"
#include "log/enginelogcapture.h"
#include "log/eventlogmodel.h"
#include "logcategories.h"
#include "mainwindow.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"
#include "windowmanager.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>
#include <vector>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

StatsSnapshot trafficSnapshot(const QDateTime &taken, qint64 active, double rate, bool withHost = true)
{
    StatsSnapshot s;
    s.taken = taken;
    s.activeConnections = active;
    ServiceStats service;
    service.name = u"web"_s;
    service.active = active;
    service.bytesInRate = rate;
    service.bytesOutRate = rate / 2;
    GroupStats group;
    group.name = u"prod"_s;
    group.enabled = true;
    group.active = active;
    if (withHost) {
        HostStats host;
        host.name = u"a"_s;
        host.address = u"127.0.0.1:1"_s;
        host.state = u"up"_s;
        host.active = active;
        host.bytesInRate = rate;
        group.hosts.append(host);
    }
    service.groups.append(group);
    s.services.append(service);
    return s;
}

StatsSnapshot groupSnapshot(const QStringList &states)
{
    StatsSnapshot s;
    ServiceStats service;
    service.name = u"web"_s;
    GroupStats group;
    group.name = u"prod"_s;
    group.enabled = true;
    for (qsizetype i = 0; i < states.size(); ++i) {
        HostStats host;
        host.name = u"h%1"_s.arg(i);
        host.state = states.at(i);
        group.hosts.append(host);
    }
    service.groups.append(group);
    s.services.append(service);
    return s;
}

}  // namespace

class tst_GuiDashboard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trafficHistorySamples();
    void trafficGraphDescribesValues();
    void trafficGraphFollowsLiveEngine();
    void trafficGraphShowsAllServicesWithoutSelection();
    void fleetRowsFollowClients();
    void fleetFollowsWindows();
    void probeConnectsToBackend();
    void probeReportsFailure_data();
    void probeReportsFailure();
    void probeActionOnSelection();
    void eventLogModel();
    void engineLogReachesLogView();
    void groupAllDownNotifies();
    void accessibleTexts();
    void backendFeedbackShown();
    void removeLastLiveHostAsksFirst();

private:
    QTemporaryDir m_dir;
};

void tst_GuiDashboard::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_GuiDashboard::trafficHistorySamples()
{
    TrafficHistory history;
    QSignalSpy updates(&history, &TrafficHistory::updated);
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(100000, Qt::UTC);
    history.addSnapshot(trafficSnapshot(t0, 3, 1000));
    // Within the same second: ignored (one sample a second).
    history.addSnapshot(trafficSnapshot(t0.addMSecs(400), 9, 9000));
    history.addSnapshot(trafficSnapshot(t0.addSecs(1), 5, 2000));
    QCOMPARE(updates.count(), 2);
    const QList<TrafficHistory::Sample> service = history.samples(u"web"_s);
    QCOMPARE(service.size(), 2);
    QCOMPARE(service.at(0).connections, 3.0);
    QCOMPARE(service.at(0).throughput, 1500.0);
    QCOMPARE(service.at(1).connections, 5.0);
    QCOMPARE(service.at(1).throughput, 3000.0);
    QCOMPARE(history.samples(TrafficHistory::key({u"web"_s, u"prod"_s, {}})).size(), 2);
    const QList<TrafficHistory::Sample> host
        = history.samples(TrafficHistory::key({u"web"_s, u"prod"_s, u"a"_s}));
    QCOMPARE(host.size(), 2);
    QCOMPARE(host.at(1).throughput, 2000.0);

    // The ring keeps only the window.
    for (int i = 2; i < TrafficHistory::WindowSeconds + 50; ++i)
        history.addSnapshot(trafficSnapshot(t0.addSecs(i), i, 0));
    const QList<TrafficHistory::Sample> full = history.samples(u"web"_s);
    QVERIFY(full.size() <= TrafficHistory::Capacity + 1);
    QVERIFY(full.size() >= TrafficHistory::Capacity - 1);
    QCOMPARE(full.constLast().connections, double(TrafficHistory::WindowSeconds + 49));
    QVERIFY(full.constFirst().when >= full.constLast().when.addSecs(-TrafficHistory::WindowSeconds));

    // A host that vanished is forgotten.
    history.addSnapshot(trafficSnapshot(t0.addSecs(1000), 1, 0, false));
    QVERIFY(history.samples(u"web/prod/a"_s).isEmpty());
    QCOMPARE(history.samples(u"web"_s).size(), 1);
    history.clear();
    QVERIFY(history.samples(u"web"_s).isEmpty());
}

void tst_GuiDashboard::trafficGraphDescribesValues()
{
    TrafficHistory history;
    TrafficGraph graph;
    graph.resize(400, 200);
    QVERIFY(!graph.accessibleName().isEmpty());
    QVERIFY(graph.accessibleDescription().contains(u"Select"_s));
    graph.setSource(&history, u"web"_s, u"Service web"_s);
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(100000, Qt::UTC);
    history.addSnapshot(trafficSnapshot(t0, 4, 100));
    history.addSnapshot(trafficSnapshot(t0.addSecs(1), 12, 100));
    history.addSnapshot(trafficSnapshot(t0.addSecs(2), 7, 100));
    const QString text = graph.accessibleDescription();
    QVERIFY2(text.contains(u"7 open connections"_s), qPrintable(text));
    QVERIFY2(text.contains(u"peak 12"_s), qPrintable(text));
    QCOMPARE(graph.toolTip(), text);
    // It paints (no crash on either palette, with and without data).
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));
    const QImage image = graph.grab().toImage();
    QVERIFY(!image.isNull());
    graph.setSource(&history, u"nothing"_s, u"x"_s);
    QVERIFY(graph.accessibleDescription().contains(u"No traffic"_s));
    graph.grab();
}

void tst_GuiDashboard::trafficGraphFollowsLiveEngine()
{
    StubBackend one(u"one"_s);
    QVERIFY(one.listen());
    LocalClient client(ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address())}), u"test"_s);
    DashboardWidget dashboard;
    dashboard.setClient(&client);
    client.setRefreshRate(10);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    const ServiceStats *service = client.snapshot().service(u"svc");
    QVERIFY(service);
    const quint16 port = quint16(service->listeners.constFirst().section(u':', -1).toUInt());
    std::vector<std::unique_ptr<TestConnection>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(TestConnection::open(port));
        QVERIFY(!clients.back()->waitForLine().isEmpty());
    }
    dashboard.selectHost({u"svc"_s, u"g"_s, u"one"_s});
    QTRY_COMPARE(dashboard.graph()->key(), u"svc/g/one"_s);
    // The graph's history reaches the real count of open connections.
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.traffic()->samples(u"svc/g/one"_s).isEmpty()
            && dashboard.traffic()->samples(u"svc/g/one"_s).constLast().connections == 3.0,
        5000);
    QTRY_VERIFY(dashboard.graph()->accessibleDescription().contains(u"3 open connections"_s));
    clients.clear();
    QTRY_VERIFY_WITH_TIMEOUT(
        dashboard.traffic()->samples(u"svc/g/one"_s).constLast().connections == 0.0, 5000);
    dashboard.setClient(nullptr);
    QVERIFY(dashboard.traffic()->samples(u"svc"_s).isEmpty());
    client.stop();
}

void tst_GuiDashboard::trafficGraphShowsAllServicesWithoutSelection()
{
    // The history sums every service.
    {
        TrafficHistory history;
        StatsSnapshot snapshot = trafficSnapshot(QDateTime::fromSecsSinceEpoch(100000, Qt::UTC), 3, 1000);
        ServiceStats api = snapshot.services.constFirst();
        api.name = u"api"_s;
        api.active = 5;
        api.bytesInRate = 200;
        api.bytesOutRate = 100;
        snapshot.services.append(api);
        history.addSnapshot(snapshot);
        const QList<TrafficHistory::Sample> total = history.samples(TrafficHistory::totalKey());
        QCOMPARE(total.size(), 1);
        QCOMPARE(total.constFirst().connections, 8.0);
        QCOMPARE(total.constFirst().throughput, 1500.0 + 300.0);
    }

    // The dashboard shows that sum until something is selected, and again
    // when the selection goes.
    StubBackend one(u"one"_s);
    QVERIFY(one.listen());
    LocalClient client(ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address())}), u"test"_s);
    DashboardWidget dashboard;
    dashboard.setClient(&client);
    client.setRefreshRate(10);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    QCOMPARE(dashboard.graph()->key(), TrafficHistory::totalKey());
    QTRY_VERIFY(dashboard.graph()->summary().startsWith(u"All services"_s));
    const ServiceStats *service = client.snapshot().service(u"svc");
    QVERIFY(service);
    const quint16 port = quint16(service->listeners.constFirst().section(u':', -1).toUInt());
    std::vector<std::unique_ptr<TestConnection>> clients;
    for (int i = 0; i < 2; ++i) {
        clients.push_back(TestConnection::open(port));
        QVERIFY(!clients.back()->waitForLine().isEmpty());
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        dashboard.graph()->accessibleDescription().contains(u"2 open connections"_s), 5000);
    QVERIFY2(dashboard.graph()->accessibleDescription().startsWith(u"All services"_s),
        qPrintable(dashboard.graph()->accessibleDescription()));

    dashboard.selectHost({u"svc"_s, u"g"_s, u"one"_s});
    QTRY_COMPARE(dashboard.graph()->key(), u"svc/g/one"_s);
    dashboard.view()->setCurrentIndex(QModelIndex());
    QCOMPARE(dashboard.graph()->key(), TrafficHistory::totalKey());
    clients.clear();
    dashboard.setClient(nullptr);
    QVERIFY(dashboard.graph()->key().isEmpty());
    client.stop();
}

void tst_GuiDashboard::fleetRowsFollowClients()
{
    StubBackend one(u"one"_s);
    StubBackend two(u"two"_s);
    QVERIFY(one.listen());
    QVERIFY(two.listen());
    FleetModel fleet;
    QAbstractItemModelTester tester(&fleet, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto first = std::make_unique<LocalClient>(
        ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address())}), u"first"_s);
    auto second = std::make_unique<LocalClient>(ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address()),
                                                    ProxyConfig::host(u"two"_s, two.address())}),
        u"second"_s);
    QWidget window;
    fleet.addClient(first.get(), &window);
    fleet.addClient(second.get(), &window, u"Staging"_s);
    fleet.addClient(second.get(), &window);  // twice: still one row
    QCOMPARE(fleet.rowCount(), 2);
    QCOMPARE(fleet.index(0, FleetModel::NameColumn).data().toString(), u"first"_s);
    QCOMPARE(fleet.index(1, FleetModel::NameColumn).data().toString(), u"Staging"_s);
    QCOMPARE(fleet.index(0, FleetModel::StateColumn).data().toString(),
        BalancerClient::stateName(BalancerClient::State::Disconnected));
    QCOMPARE(fleet.worstSeverity(), 3);
    QCOMPARE(fleet.window(1), &window);

    first->setRefreshRate(10);
    second->setRefreshRate(10);
    first->start();
    second->start();
    QTRY_COMPARE(fleet.index(1, FleetModel::HostsColumn).data().toString(), u"2 of 2"_s);
    QTRY_COMPARE(fleet.index(0, FleetModel::HostsColumn).data().toString(), u"1 of 1"_s);
    QCOMPARE(fleet.index(0, FleetModel::StateColumn).data().toString(),
        BalancerClient::stateName(BalancerClient::State::Connected));
    QTRY_COMPARE(fleet.worstSeverity(), 0);
    QCOMPARE(fleet.index(0, FleetModel::HealthColumn).data().toString(), u"All hosts up"_s);

    // Open connections show per row.
    const ServiceStats *service = second->snapshot().service(u"svc");
    QVERIFY(service);
    const quint16 port = quint16(service->listeners.constFirst().section(u':', -1).toUInt());
    std::vector<std::unique_ptr<TestConnection>> clients;
    for (int i = 0; i < 2; ++i) {
        clients.push_back(TestConnection::open(port));
        QVERIFY(!clients.back()->waitForLine().isEmpty());
    }
    QTRY_COMPARE(fleet.index(1, FleetModel::ActiveColumn).data().toString(), u"2"_s);
    QCOMPARE(fleet.index(0, FleetModel::ActiveColumn).data().toString(), u"0"_s);

    // A host that goes down shows in the health column and the severity.
    QSignalSpy hostEvents(&fleet, &FleetModel::hostStateChanged);
    two.close();
    two.closeConnections();
    second->hostAction({u"svc"_s, u"g"_s, u"two"_s}, HostAction::Maintenance, 0, this, {});
    QTRY_VERIFY(!hostEvents.isEmpty());
    QCOMPARE(hostEvents.constFirst().at(0).toString(), u"Staging"_s);
    QTRY_COMPARE(fleet.index(1, FleetModel::HostsColumn).data().toString(), u"1 of 2"_s);

    clients.clear();
    // A client that goes away takes its row with it.
    second.reset();
    QCOMPARE(fleet.rowCount(), 1);
    QCOMPARE(fleet.index(0, FleetModel::NameColumn).data().toString(), u"first"_s);
    fleet.removeClient(first.get());
    QCOMPARE(fleet.rowCount(), 0);
    QCOMPARE(fleet.worstSeverity(), -1);
    first->stop();
}

void tst_GuiDashboard::fleetFollowsWindows()
{
    StubBackend one(u"one"_s);
    QVERIFY(one.listen());
    Preferences preferences(m_dir.filePath(u"fleet.ini"_s));
    WindowManager manager(&preferences);
    MainWindow *a = manager.createWindow();
    MainWindow *b = manager.createWindow();
    QCOMPARE(manager.windows().size(), 2);
    QCOMPARE(manager.fleet()->rowCount(), 0);
    a->setClient(std::make_unique<LocalClient>(
        ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address())}), u"alpha"_s));
    b->setClient(std::make_unique<LocalClient>(
        ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address())}), u"beta"_s));
    QCOMPARE(manager.fleet()->rowCount(), 2);
    QCOMPARE(manager.fleet()->window(1), b);
    QTRY_COMPARE(manager.fleet()->index(1, FleetModel::StateColumn).data().toString(),
        BalancerClient::stateName(BalancerClient::State::Connected));

    // "New Window" from a window's menu makes a third window.
    QSignalSpy requested(a, &MainWindow::newWindowRequested);
    QAction *newWindow = nullptr;
    for (QAction *action : a->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N))
            newWindow = action;
    }
    QVERIFY(newWindow);
    newWindow->trigger();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(manager.windows().size(), 3);

    // The overview lists them; disconnecting or closing a window removes its row.
    FleetWindow *overview = manager.showFleet();
    QVERIFY(overview);
    QCOMPARE(manager.fleet()->rowCount(), 2);
    a->disconnectClient();
    QCOMPARE(manager.fleet()->rowCount(), 1);
    QCOMPARE(manager.fleet()->index(0, FleetModel::NameColumn).data().toString(), u"beta"_s);
    QVERIFY(b->close());
    QTRY_COMPARE(manager.windows().size(), 2);
    QCOMPARE(manager.fleet()->rowCount(), 0);
}

void tst_GuiDashboard::probeConnectsToBackend()
{
    StubBackend backend(u"probe"_s);
    QVERIFY(backend.listen());
    AddressProbe probe;
    QSignalSpy finished(&probe, &AddressProbe::finished);
    probe.start(backend.address(), 5000);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    const AddressProbe::Result result = probe.result();
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.milliseconds > 0);
    QVERIFY(result.milliseconds < 5000);
    QTRY_COMPARE(backend.connectionCount(), 1);
    const QString line = AddressProbe::describe(u"a"_s, result);
    QVERIFY2(line.contains(u"connected in"_s) && line.contains(backend.address()), qPrintable(line));
}

void tst_GuiDashboard::probeReportsFailure_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("error");
    QTest::newRow("closed port") << ProxyConfig::loopback(ProxyConfig::unusedPort()) << u"refused"_s;
    QTest::newRow("no port") << u"127.0.0.1"_s << u"port"_s;
    QTest::newRow("any interface") << u"*:80"_s << u"wildcard"_s;
}

void tst_GuiDashboard::probeReportsFailure()
{
    QFETCH(QString, address);
    QFETCH(QString, error);
    AddressProbe probe;
    QSignalSpy finished(&probe, &AddressProbe::finished);
    probe.start(address, 5000);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!probe.result().ok);
    QVERIFY2(probe.result().error.contains(error, Qt::CaseInsensitive), qPrintable(probe.result().error));
    QVERIFY(AddressProbe::describe(u"a"_s, probe.result()).contains(u"failed"_s));
}

void tst_GuiDashboard::probeActionOnSelection()
{
    StubBackend one(u"one"_s);
    StubBackend two(u"two"_s);
    QVERIFY(one.listen());
    QVERIFY(two.listen());
    LocalClient client(ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address()),
                           ProxyConfig::host(u"two"_s, two.address())}),
        u"test"_s);
    DashboardWidget dashboard;
    dashboard.setClient(&client);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    QTRY_VERIFY(dashboard.model()->findHost({u"svc"_s, u"g"_s, u"two"_s}).isValid());
    QVERIFY(!dashboard.probeAction()->isEnabled());
    // Select the group: it stands for both hosts (bulk action).
    const QModelIndex group
        = dashboard.proxy()->mapFromSource(dashboard.model()->index(0, 0, dashboard.model()->index(0, 0)));
    dashboard.view()->selectionModel()->select(
        group, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(dashboard.selectedHosts().size(), 2);
    QVERIFY(dashboard.probeAction()->isEnabled());
    // Stop one backend: its probe fails, the other's succeeds.
    const QString twoAddress = two.address();
    two.close();
    QSignalSpy lines(&dashboard, &DashboardWidget::logMessage);
    QSignalSpy status(&dashboard, &DashboardWidget::statusMessage);
    dashboard.probeAction()->trigger();
    QTRY_COMPARE(lines.count(), 2);
    QStringList texts;
    int failures = 0;
    for (const QList<QVariant> &line : lines) {
        texts.append(line.at(0).toString());
        failures += line.at(1).toBool() ? 1 : 0;
    }
    QCOMPARE(failures, 1);
    QVERIFY2(texts.join(u'|').contains(u"one (%1): connected in"_s.arg(one.address())),
        qPrintable(texts.join(u'|')));
    QVERIFY2(texts.join(u'|').contains(u"two (%1): failed"_s.arg(twoAddress)), qPrintable(texts.join(u'|')));
    QTRY_VERIFY(status.constLast().at(0).toString().contains(u"1 failed"_s));
    QTRY_VERIFY(one.connectionCount() >= 1);
    client.stop();
}

void tst_GuiDashboard::eventLogModel()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(EventLogModel::Level::Info, u"health"_s, u"first\nsecond line"_s);
    model.append(EventLogModel::Level::Error, u"connection"_s, u"gone"_s);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, EventLogModel::MessageColumn).data().toString(), u"first"_s);
    QVERIFY(model.index(0, EventLogModel::MessageColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"second line"_s));
    QCOMPARE(model.index(1, EventLogModel::SourceColumn).data().toString(), u"connection"_s);
    QCOMPARE(model.index(1, 0).data(EventLogModel::LevelRole).toInt(), int(EventLogModel::Level::Error));
    for (int i = 0; i < EventLogModel::Limit; ++i)
        model.append(EventLogModel::Level::Debug, u"x"_s, u"line %1"_s.arg(i));
    QCOMPARE(model.rowCount(), EventLogModel::Limit);
    QCOMPARE(model.entries().constFirst().message, u"line 0"_s);
    QVERIFY(model.toText().contains(u"line %1"_s.arg(EventLogModel::Limit - 1)));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_GuiDashboard::engineLogReachesLogView()
{
    EngineLogCapture capture;
    QVERIFY(capture.isActive());
    EngineLogCapture second;
    QVERIFY(!second.isActive());
    QSignalSpy messages(&capture, &EngineLogCapture::messageLogged);
    qCWarning(lcHealth) << "host x is down";
    qInfo() << "not an engine category";
    QTRY_COMPARE(messages.count(), 1);
    QCOMPARE(messages.constFirst().at(1).toString(), u"health"_s);
    QVERIFY(messages.constFirst().at(2).toString().contains(u"host x is down"_s));
    QCOMPARE(messages.constFirst().at(0).value<EventLogModel::Level>(), EventLogModel::Level::Warning);

    // A window with a local balancer logs the connection, the host events and the engine.
    StubBackend one(u"one"_s);
    QVERIFY(one.listen());
    Preferences preferences(m_dir.filePath(u"log.ini"_s));
    MainWindow window(&preferences);
    window.setEngineLog(&capture);
    window.setClient(std::make_unique<LocalClient>(
        ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address())}), u"local"_s));
    QTRY_COMPARE(window.client()->state(), BalancerClient::State::Connected);
    const auto logged = [&window](const QString &source, const QString &text) {
        for (const EventLogModel::Entry &entry : window.log()->entries()) {
            if (entry.source == source && entry.message.contains(text))
                return true;
        }
        return false;
    };
    QTRY_VERIFY(logged(u"connection"_s, u"Connected"_s));
    window.client()->hostAction({u"svc"_s, u"g"_s, u"one"_s}, HostAction::Drain, 0, this, {});
    QTRY_VERIFY2(logged(u"host"_s, u"svc/g/one"_s), qPrintable(window.log()->toText()));
    qCInfo(lcConfig) << "engine line for the window";
    QTRY_VERIFY(logged(u"config"_s, u"engine line for the window"_s));
    window.disconnectClient();
    // Without a local balancer the engine's log is not this window's.
    qCInfo(lcConfig) << "after disconnect";
    QTest::qWait(50);
    QVERIFY(!logged(u"config"_s, u"after disconnect"_s));
}

void tst_GuiDashboard::groupAllDownNotifies()
{
    QCOMPARE(TrayNotifier::groupsAllDown(groupSnapshot({u"down"_s, u"down"_s})), QStringList{u"web/prod"_s});
    QVERIFY(TrayNotifier::groupsAllDown(groupSnapshot({u"down"_s, u"up"_s})).isEmpty());
    QVERIFY(TrayNotifier::groupsAllDown(groupSnapshot({})).isEmpty());

    QMenu menu;
    TrayNotifier tray(&menu);
    QSignalSpy notes(&tray, &TrayNotifier::notified);
    // The first picture is the baseline, not news.
    tray.handleSnapshot(u"dc1"_s, groupSnapshot({u"down"_s, u"up"_s}));
    tray.handleSnapshot(u"dc1"_s, groupSnapshot({u"down"_s, u"down"_s}));
    QVERIFY(notes.wait(5000));
    QCOMPARE(notes.count(), 1);
    QVERIFY2(notes.constFirst().at(0).toString().contains(u"Every host down"_s),
        qPrintable(notes.constFirst().at(0).toString()));
    QCOMPARE(notes.constFirst().at(1).toString(), u"dc1: web/prod"_s);
    // Unchanged: no repeat. Back: one "serving again".
    tray.handleSnapshot(u"dc1"_s, groupSnapshot({u"down"_s, u"down"_s}));
    tray.handleSnapshot(u"dc1"_s, groupSnapshot({u"up"_s, u"down"_s}));
    QVERIFY(notes.wait(5000));
    QCOMPARE(notes.count(), 2);
    QVERIFY(notes.constLast().at(0).toString().contains(u"serving again"_s));

    // Host events are batched into one notification.
    tray.handleHostStateChanged(
        {u"web"_s, u"prod"_s, u"h0"_s}, {QDateTime::currentDateTimeUtc(), u"down"_s, {}, {}, {}});
    tray.handleHostStateChanged(
        {u"web"_s, u"prod"_s, u"h1"_s}, {QDateTime::currentDateTimeUtc(), u"down"_s, {}, {}, {}});
    QVERIFY(notes.wait(5000));
    QCOMPARE(notes.count(), 3);
    QVERIFY(notes.constLast().at(0).toString().contains(u"2 host(s) down"_s));

    // Switched off: silent.
    tray.setNotificationsEnabled(false);
    tray.handleSnapshot(u"dc1"_s, groupSnapshot({u"down"_s, u"down"_s}));
    QVERIFY(!notes.wait(2500));
}

void tst_GuiDashboard::accessibleTexts()
{
    DashboardModel model;
    StatsSnapshot s = groupSnapshot({u"down"_s});
    s.services[0].groups[0].hosts[0].maxConns = 50;
    s.services[0].groups[0].hosts[0].active = 3;
    s.services[0].groups[0].hosts[0].reason = u"connection refused"_s;
    model.applySnapshot(s);
    const QModelIndex host = model.findHost({u"web"_s, u"prod"_s, u"h0"_s});
    QVERIFY(host.isValid());
    QCOMPARE(host.siblingAtColumn(DashboardModel::ActiveColumn).data(Qt::AccessibleTextRole).toString(),
        u"3 of at most 50 open connections"_s);
    QVERIFY(host.siblingAtColumn(DashboardModel::StateColumn)
                .data(Qt::AccessibleTextRole)
                .toString()
                .contains(u"connection refused"_s));

    DashboardWidget dashboard;
    QVERIFY(!dashboard.view()->accessibleName().isEmpty());
    QVERIFY(!dashboard.graph()->accessibleName().isEmpty());
    // Every host action has a shortcut, and the custom widgets take keyboard focus.
    for (QAction *action : dashboard.hostActions())
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
    QVERIFY(dashboard.graph()->focusPolicy() & Qt::TabFocus);
    // Tab goes from the tree to the graph.
    dashboard.show();
    QVERIFY(QTest::qWaitForWindowActive(&dashboard));
    dashboard.view()->setFocus();
    QTRY_VERIFY(dashboard.view()->hasFocus());
    QTest::keyClick(dashboard.view(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dashboard.graph()));
}

void tst_GuiDashboard::backendFeedbackShown()
{
    // A ramping host reads its effective weight; an agent's answer and what
    // it changed are in the tooltip.
    DashboardModel model;
    StatsSnapshot s = groupSnapshot({u"up"_s, u"up"_s});
    HostStats &ramping = s.services[0].groups[0].hosts[0];
    ramping.weight = 10;
    ramping.effectiveWeight = 2.5;
    ramping.ramping = true;
    HostStats &agent = s.services[0].groups[0].hosts[1];
    agent.weight = 4;
    agent.effectiveWeight = 2;
    agent.agent = true;
    agent.agentAnswer = u"50% drain"_s;
    agent.agentChanged = {u"weight 50%"_s};
    model.applySnapshot(s);
    const QModelIndex first = model.findHost({u"web"_s, u"prod"_s, u"h0"_s});
    const QModelIndex second = model.findHost({u"web"_s, u"prod"_s, u"h1"_s});
    QVERIFY(first.isValid() && second.isValid());
    const QString rampText = first.siblingAtColumn(DashboardModel::StateColumn).data().toString();
    QVERIFY2(rampText.contains(u"slow start: weight 2.5 of 10"_s), qPrintable(rampText));
    const QString agentText = second.siblingAtColumn(DashboardModel::StateColumn).data().toString();
    QVERIFY2(agentText.contains(u"agent: weight 2 of 4"_s), qPrintable(agentText));
    const QString tip = second.siblingAtColumn(DashboardModel::StateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"agent said \"50% drain\""_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"agent changed: weight 50%"_s), qPrintable(tip));
    // When the ramp is over the state is plain again.
    s.services[0].groups[0].hosts[0].effectiveWeight = 10;
    s.services[0].groups[0].hosts[0].ramping = false;
    model.applySnapshot(s);
    QVERIFY(!model.findHost({u"web"_s, u"prod"_s, u"h0"_s})
                 .siblingAtColumn(DashboardModel::StateColumn)
                 .data()
                 .toString()
                 .contains(u"slow start"_s));
}

void tst_GuiDashboard::removeLastLiveHostAsksFirst()
{
    // The balancer refuses to remove the last live host of the enabled
    // group; the dashboard then asks, and removes it only when told to.
    StubBackend one(u"one"_s);
    QVERIFY(one.listen());
    LocalClient client(ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address())}), u"test"_s);
    DashboardWidget dashboard;
    dashboard.setClient(&client);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    const HostRef host{u"svc"_s, u"g"_s, u"one"_s};
    QTRY_VERIFY(dashboard.model()->findHost(host).isValid());
    QSignalSpy status(&dashboard, &DashboardWidget::statusMessage);

    dashboard.runHostActionOn({host}, HostAction::Remove);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dashboard.findChild<QMessageBox *>(u"forceRemoveBox"_s)) != nullptr);
    QVERIFY2(box->text().contains(u"one"_s), qPrintable(box->text()));
    QVERIFY(!status.isEmpty());
    QVERIFY2(status.constLast().at(0).toString().contains(u"Failed for 1 host"_s),
        qPrintable(status.constLast().at(0).toString()));
    // Cancel: nothing happens.
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!dashboard.findChild<QMessageBox *>(u"forceRemoveBox"_s));
    QVERIFY(dashboard.model()->findHost(host).isValid());

    // Again, and this time Yes: the host goes.
    dashboard.runHostActionOn({host}, HostAction::Remove);
    QTRY_VERIFY((box = dashboard.findChild<QMessageBox *>(u"forceRemoveBox"_s)) != nullptr);
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(!dashboard.model()->findHost(host).isValid());
    QTRY_VERIFY(status.constLast().at(0).toString().contains(u"Done for 1 host"_s));
    client.stop();
}

QTEST_MAIN(tst_GuiDashboard)
#include "tst_guidashboard.moc"
