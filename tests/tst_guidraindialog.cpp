// The drain dialog (issue 16), offscreen, against a balancer in the app
// over real sockets: a deadline and an action, then the open connections
// falling until the drain is done and the host removed.

#include "client/localclient.h"
#include "dashboard/dashboardmodel.h"
#include "dashboard/dashboardwidget.h"
#include "dashboard/hostdraindialog.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

class tst_GuiDrainDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drainsUntilRemoved();
    void badDeadlineIsSaid();
};

void tst_GuiDrainDialog::drainsUntilRemoved()
{
    StubBackend one(u"one"_s), two(u"two"_s);
    QVERIFY(one.listen() && two.listen());
    LocalClient client(ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address()),
                           ProxyConfig::host(u"two"_s, two.address())}),
        u"test"_s);
    client.setRefreshRate(10);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    const ServiceStats *service = client.snapshot().service(u"svc");
    QVERIFY(service);
    const quint16 port = quint16(service->listeners.constFirst().section(u':', -1).toUInt());
    std::vector<std::unique_ptr<TestConnection>> onOne;
    for (int i = 0; i < 4; ++i) {
        std::unique_ptr<TestConnection> connection = TestConnection::open(port);
        if (connection->waitForLine() == u"one")
            onOne.push_back(std::move(connection));
    }
    QCOMPARE(int(onOne.size()), 2);

    HostDrainDialog dialog(&client, {{u"svc"_s, u"g"_s, u"one"_s}});
    dialog.show();
    dialog.deadlineEdit()->setText(u"10m"_s);
    dialog.thenBox()->setCurrentIndex(1);  // remove
    QVERIFY(dialog.startDrain());
    QTRY_COMPARE(dialog.progressBar()->value(), 2);
    QTRY_VERIFY(dialog.progressLabel()->text().contains(u"2 open connection"_s));
    QVERIFY2(dialog.progressLabel()->text().contains(u"left"_s), qPrintable(dialog.progressLabel()->text()));
    // The dashboard shows the drain's countdown and action.
    DashboardWidget dashboard;
    dashboard.setClient(&client);
    QTRY_VERIFY(dashboard.model()->rowCount() > 0);
    const auto stateOfOne = [&dashboard] {
        const DashboardModel *model = dashboard.model();
        const QModelIndex group = model->index(0, 0, model->index(0, 0));
        for (int row = 0; row < model->rowCount(group); ++row) {
            if (model->index(row, DashboardModel::NameColumn, group).data().toString() == u"one")
                return model->index(row, DashboardModel::StateColumn, group).data().toString();
        }
        return QString();
    };
    QTRY_VERIFY2(stateOfOne().contains(u"drain:"_s) && stateOfOne().contains(u"then remove"_s),
        qPrintable(stateOfOne()));

    onOne.front()->finish();
    QVERIFY(onOne.front()->waitForEnd());
    QTRY_COMPARE(dialog.progressBar()->value(), 1);
    onOne.back()->finish();
    QVERIFY(onOne.back()->waitForEnd());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isDone(), 5000);
    QTRY_VERIFY(client.snapshot().service(u"svc")->groups.constFirst().hosts.size() == 1);
    dashboard.setClient(nullptr);
    client.stop();
}

void tst_GuiDrainDialog::badDeadlineIsSaid()
{
    StubBackend one(u"one"_s);
    QVERIFY(one.listen());
    LocalClient client(ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address())}), u"test"_s);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    HostDrainDialog dialog(&client, {{u"svc"_s, u"g"_s, u"one"_s}});
    dialog.deadlineEdit()->setText(u"soon"_s);
    QVERIFY(!dialog.startDrain());
    const QLabel *error = dialog.findChild<QLabel *>(u"errorLabel"_s);
    QVERIFY(error);
    QVERIFY(error->text().contains(u"soon"_s));
    QCOMPARE(client.snapshot().service(u"svc")->groups.constFirst().hosts.constFirst().state, u"up"_s);
    client.stop();
}

QTEST_MAIN(tst_GuiDrainDialog)
#include "tst_guidraindialog.moc"
