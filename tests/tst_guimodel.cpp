// The dashboard's models: structure and in-place updates under
// QAbstractItemModelTester, sorting and filtering, and the live count of
// open connections through a LocalClient running a real engine.

#include "client/localclient.h"
#include "dashboard/dashboardmodel.h"
#include "dashboard/hostfilterproxymodel.h"
#include "dashboard/hosthistorymodel.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

HostStats hostStats(const QString &name, const QString &state, qint64 active, int maxConns = 0)
{
    HostStats host;
    host.name = name;
    host.address = u"127.0.0.1:1"_s;
    host.state = state;
    host.active = active;
    host.total = active * 2;
    host.maxConns = maxConns;
    host.lastChange = QDateTime::fromSecsSinceEpoch(1000);
    return host;
}

/// Services "web" (groups prod: a, b; spare: c) and "mail" (group main: m).
StatsSnapshot snapshot(qint64 activeA = 1, bool withMail = true, bool withB = true)
{
    StatsSnapshot s;
    s.taken = QDateTime::fromSecsSinceEpoch(1060);
    ServiceStats web;
    web.name = u"web"_s;
    web.listeners = {u"127.0.0.1:8080"_s};
    web.enabledGroup = u"prod"_s;
    GroupStats prod;
    prod.name = u"prod"_s;
    prod.scheduler = u"roundrobin"_s;
    prod.enabled = true;
    prod.hosts.append(hostStats(u"a"_s, u"up"_s, activeA, 10));
    if (withB)
        prod.hosts.append(hostStats(u"b"_s, u"down"_s, 0));
    GroupStats spare;
    spare.name = u"spare"_s;
    spare.scheduler = u"random"_s;
    spare.hosts.append(hostStats(u"c"_s, u"maintenance"_s, 3));
    prod.active = activeA;
    spare.active = 3;
    web.active = activeA + 3;
    web.groups = {prod, spare};
    s.services.append(web);
    if (withMail) {
        ServiceStats mail;
        mail.name = u"mail"_s;
        GroupStats main;
        main.name = u"main"_s;
        main.enabled = true;
        main.hosts.append(hostStats(u"m"_s, u"draining"_s, 7));
        main.active = 7;
        mail.active = 7;
        mail.groups = {main};
        s.services.append(mail);
    }
    return s;
}

qint64 sumActive(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    qint64 sum = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (DashboardModel::Kind(index.data(DashboardModel::KindRole).toInt()) == DashboardModel::Kind::Host)
            sum += index.data(DashboardModel::ActiveRole).toLongLong();
        else
            sum += sumActive(model, index);
    }
    return sum;
}

}  // namespace

class tst_GuiModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeShape();
    void updatesInPlace();
    void selectionSurvivesUpdates();
    void sortAndFilter_data();
    void sortAndFilter();
    void historyModel();
    void activeConnectionsFollowEngine();
};

void tst_GuiModel::treeShape()
{
    DashboardModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applySnapshot(snapshot());
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex web = model.index(0, 0);
    QCOMPARE(web.data().toString(), u"web"_s);
    QCOMPARE(model.rowCount(web), 2);
    const QModelIndex prod = model.index(0, 0, web);
    QCOMPARE(model.rowCount(prod), 2);
    const QModelIndex a = model.index(0, 0, prod);
    QCOMPARE(a.data().toString(), u"a"_s);
    QCOMPARE(a.siblingAtColumn(DashboardModel::ActiveColumn).data().toString(), u"1 / 10"_s);
    QCOMPARE(a.data(DashboardModel::MaxConnsRole).toInt(), 10);
    QCOMPARE(a.data(DashboardModel::StateRole).toString(), u"up"_s);
    QCOMPARE(a.siblingAtColumn(DashboardModel::SinceColumn).data().toString(), u"1 min"_s);
    const auto ref = a.data(DashboardModel::HostRefRole).value<HostRef>();
    QCOMPARE(ref, (HostRef{u"web"_s, u"prod"_s, u"a"_s}));
    QCOMPARE(model.findHost(ref), a);
    QVERIFY(a.siblingAtColumn(DashboardModel::StateColumn).data(Qt::DecorationRole).isValid());
    QCOMPARE(prod.siblingAtColumn(DashboardModel::ActiveColumn).data().toString(), u"1"_s);
}

void tst_GuiModel::updatesInPlace()
{
    DashboardModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applySnapshot(snapshot());
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutAboutToBeChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QPersistentModelIndex a = model.index(0, 0, model.index(0, 0, model.index(0, 0)));

    model.applySnapshot(snapshot(5));
    QVERIFY(a.isValid());
    QCOMPARE(a.data(DashboardModel::ActiveRole).toLongLong(), 5);
    QVERIFY(changed.count() > 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);

    // A host and a service vanish: rows removed, the others stay where they were.
    model.applySnapshot(snapshot(6, false, false));
    QCOMPARE(removed.count(), 2);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(a.isValid());
    QCOMPARE(a.data(DashboardModel::ActiveRole).toLongLong(), 6);
    // And come back: inserted (host b; service mail with its group and host).
    model.applySnapshot(snapshot(7));
    QCOMPARE(inserted.count(), 4);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(a.isValid());
    QCOMPARE(resets.count(), 0);
    QCOMPARE(layouts.count(), 0);
}

void tst_GuiModel::selectionSurvivesUpdates()
{
    DashboardModel model;
    HostFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTreeView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(DashboardModel::NameColumn, Qt::AscendingOrder);
    view.setSelectionMode(QAbstractItemView::ExtendedSelection);
    model.applySnapshot(snapshot());
    view.expandAll();
    const QModelIndex source = model.findHost({u"web"_s, u"prod"_s, u"b"_s});
    view.selectionModel()->select(
        proxy.mapFromSource(source), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    for (int i = 0; i < 5; ++i)
        model.applySnapshot(snapshot(i));
    const QModelIndexList selected = view.selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.constFirst().data().toString(), u"b"_s);
    QVERIFY(view.isExpanded(proxy.mapFromSource(model.index(0, 0))));
}

void tst_GuiModel::sortAndFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("problemsOnly");
    QTest::addColumn<QStringList>("hosts");  // visible hosts, in sort order (active, descending)

    QTest::newRow("all") << QString() << false << QStringList{u"m"_s, u"c"_s, u"a"_s, u"b"_s};
    // "a" is in host a's name and in "draining" and "maintenance".
    QTest::newRow("by name") << u"a"_s << false << QStringList{u"m"_s, u"c"_s, u"a"_s};
    QTest::newRow("by host name") << u"m"_s << false << QStringList{u"m"_s, u"c"_s};
    QTest::newRow("by state") << u"down"_s << false << QStringList{u"b"_s};
    QTest::newRow("problems") << QString() << true << QStringList{u"m"_s, u"c"_s, u"b"_s};
    QTest::newRow("problems by state") << u"maint"_s << true << QStringList{u"c"_s};
    QTest::newRow("nothing") << u"zzz"_s << false << QStringList{};
}

void tst_GuiModel::sortAndFilter()
{
    QFETCH(QString, filter);
    QFETCH(bool, problemsOnly);
    QFETCH(QStringList, hosts);
    DashboardModel model;
    HostFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applySnapshot(snapshot(1));
    proxy.sort(DashboardModel::ActiveColumn, Qt::DescendingOrder);
    proxy.setFilterText(filter);
    proxy.setProblemsOnly(problemsOnly);
    // Collect the visible hosts, depth first, then order by active as the sort does per level.
    QList<QPair<qint64, QString>> seen;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex index = proxy.index(row, 0, parent);
            if (DashboardModel::Kind(index.data(DashboardModel::KindRole).toInt())
                == DashboardModel::Kind::Host)
                seen.append({index.data(DashboardModel::ActiveRole).toLongLong(), index.data().toString()});
            walk(index);
        }
    };
    walk({});
    QStringList names;
    std::stable_sort(
        seen.begin(), seen.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
    for (const auto &entry : seen)
        names.append(entry.second);
    QCOMPARE(names, hosts);
    // Within one group the proxy itself sorts by active connections.
    const QModelIndex web = proxy.index(0, 0);
    if (!filter.isEmpty() || problemsOnly)
        return;
    QCOMPARE(web.data().toString(), u"mail"_s);  // 7 open connections beat web's 4
}

void tst_GuiModel::historyModel()
{
    HostHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<HostStateEvent> history;
    for (int i = 0; i < 3; ++i)
        history.append(
            {QDateTime::fromSecsSinceEpoch(100 + i), i % 2 ? u"down"_s : u"up"_s, u"r%1"_s.arg(i), {}, {}});
    model.setHistory(history);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, HostHistoryModel::ReasonColumn).data().toString(), u"r2"_s);  // newest first
    for (int i = 0; i < HostHistoryModel::Limit; ++i)
        model.append({QDateTime::fromSecsSinceEpoch(200 + i), u"up"_s, u"n%1"_s.arg(i), {}, {}});
    QCOMPARE(model.rowCount(), HostHistoryModel::Limit);
    QCOMPARE(model.index(0, HostHistoryModel::ReasonColumn).data().toString(),
        u"n%1"_s.arg(HostHistoryModel::Limit - 1));
    QCOMPARE(model.history().constFirst().reason, u"n0"_s);
}

void tst_GuiModel::activeConnectionsFollowEngine()
{
    StubBackend one(u"one"_s);
    StubBackend two(u"two"_s);
    QVERIFY(one.listen());
    QVERIFY(two.listen());
    const Config config = ProxyConfig::make(
        {ProxyConfig::host(u"one"_s, one.address()), ProxyConfig::host(u"two"_s, two.address(), 1, 50)});
    LocalClient client(config, u"test"_s);
    DashboardModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&client, &BalancerClient::snapshotReceived, &model, &DashboardModel::applySnapshot);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    client.setRefreshRate(10);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    QTRY_COMPARE(model.rowCount(), 1);
    const ServiceStats *service = client.snapshot().service(u"svc");
    QVERIFY(service);
    QCOMPARE(service->listeners.size(), 1);
    const quint16 port = quint16(service->listeners.constFirst().section(u':', -1).toUInt());
    QVERIFY(port != 0);

    std::vector<std::unique_ptr<TestConnection>> clients;
    const auto open = [&] {
        return one.openConnections() + two.openConnections();
    };
    for (int i = 0; i < 6; ++i) {
        clients.push_back(TestConnection::open(port));
        QVERIFY(!clients.back()->waitForLine().isEmpty());
    }
    QCOMPARE(open(), 6);
    QTRY_COMPARE(sumActive(model), qint64(6));
    QTRY_COMPARE(model.activeConnections(), qint64(6));
    const QModelIndex two_ = model.findHost({u"svc"_s, u"g"_s, u"two"_s});
    QCOMPARE(two_.data(DashboardModel::ActiveRole).toLongLong(), qint64(two.openConnections()));
    QCOMPARE(two_.siblingAtColumn(DashboardModel::ActiveColumn).data().toString(),
        u"%1 / 50"_s.arg(two.openConnections()));

    // Close half: the dashboard follows.
    for (int i = 0; i < 3; ++i) {
        clients.back()->close();
        clients.pop_back();
    }
    QTRY_COMPARE(open(), 3);
    QTRY_COMPARE(sumActive(model), qint64(3));
    clients.push_back(TestConnection::open(port));
    QVERIFY(!clients.back()->waitForLine().isEmpty());
    QTRY_COMPARE(sumActive(model), qint64(open()));
    clients.clear();
    QTRY_COMPARE(open(), 0);
    QTRY_COMPARE(sumActive(model), qint64(0));
    QCOMPARE(resets.count(), 0);
    client.stop();
    QCOMPARE(client.state(), BalancerClient::State::Disconnected);
}

QTEST_MAIN(tst_GuiModel)
#include "tst_guimodel.moc"
