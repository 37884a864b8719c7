// The editor's config history: the model (QAbstractItemModelTester), the
// panel, and rollback through a LocalClient, including versions that come
// from outside the editor (a host action).

#include "admintestbed.h"
#include "client/localclient.h"
#include "client/remoteclient.h"
#include "config/configdocument.h"
#include "editor/configdraft.h"
#include "editor/configeditor.h"
#include "editor/confighistory.h"
#include "editor/draftrebase.h"
#include "editor/historypanel.h"
#include "editor/propertyform.h"
#include "proxyconfig.h"
#include "stubbackend.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeView>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// A config whose single host has `weight`.
Config weighted(int weight)
{
    Config config = ProxyConfig::make({ProxyConfig::host(u"a"_s, u"127.0.0.1:9001"_s)});
    config.services.first().groups.first().hosts.first().weight = weight;
    return config;
}

void record(ConfigHistory &history, const Config &config, const QString &origin, bool expected = true)
{
    QCOMPARE(history.record(ConfigDocument::serialize(config), config, origin), expected);
}

int weightOf(const Config &config, const QString &host)
{
    return config.services.constFirst().groups.constFirst().host(host)->weight;
}

}  // namespace

class tst_GuiHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsVersionsNewestFirst();
    void capacityDropsOldest();
    void panelShowsChangesAndAsksForRollback();
    void rollbackThroughLocalClient();
    void showsChangesMadeWhileAway();
    void rebaseAfterAnotherApply_data();
    void rebaseAfterAnotherApply();
    void rebaseThroughLocalClient();
    void rollbackThroughApiIsRecordedAsRollback();
    void draftRebaseMergesItems();
};

void tst_GuiHistory::recordsVersionsNewestFirst()
{
    ConfigHistory history;
    QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
    record(history, weighted(1), u"first"_s);
    QCOMPARE(history.count(), 1);
    QVERIFY(history.version(0).changes.isEmpty());
    QVERIFY(history.version(0).running);
    // The same config again (a refresh): no new version.
    record(history, weighted(1), u"refresh"_s, false);
    record(history, weighted(4), u"second"_s);
    QCOMPARE(history.count(), 2);
    QCOMPARE(history.version(0).number, 2);
    QCOMPARE(history.version(0).origin, u"second"_s);
    QVERIFY(history.version(0).running);
    QVERIFY(!history.version(1).running);
    QCOMPARE(history.version(0).changes.size(), 1);
    QCOMPARE(history.version(0).changes.constFirst().kind, ConfigChange::Kind::HostChanged);
    QCOMPARE(history.version(0).changes.constFirst().after, u"4"_s);
    // What the view shows: the running one marked, the change in words.
    QVERIFY(history.index(0, ConfigHistory::WhenColumn).data().toString().contains(u"running"_s));
    QVERIFY(!history.index(1, ConfigHistory::WhenColumn).data().toString().contains(u"running"_s));
    QVERIFY(history.index(0, ConfigHistory::ChangesColumn).data().toString().contains(u"weight 1 -> 4"_s));
    QCOMPARE(history.index(0, ConfigHistory::OriginColumn).data().toString(), u"#2 second"_s);
    history.clear();
    QCOMPARE(history.rowCount(), 0);
}

void tst_GuiHistory::capacityDropsOldest()
{
    ConfigHistory history;
    QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
    history.setCapacity(3);
    for (int weight = 1; weight <= 5; ++weight)
        record(history, weighted(weight), u"w%1"_s.arg(weight));
    QCOMPARE(history.count(), 3);
    QCOMPARE(history.version(0).number, 5);
    QCOMPARE(history.version(2).number, 3);
    QCOMPARE(history.rowOfNumber(2), -1);
    QCOMPARE(history.rowOfNumber(4), 1);
    history.setCapacity(1);
    QCOMPARE(history.count(), 1);
    QCOMPARE(history.version(0).number, 5);
}

void tst_GuiHistory::panelShowsChangesAndAsksForRollback()
{
    ConfigHistory history;
    HistoryPanel panel(&history);
    panel.resize(800, 300);
    panel.show();
    record(history, weighted(1), u"first"_s);
    QVERIFY(!panel.rollbackButton()->isEnabled());
    record(history, weighted(2), u"second"_s);
    // The newest is selected and shows its changes; rolling back to it
    // would change nothing.
    QCOMPARE(panel.selectedNumber(), 2);
    QCOMPARE(panel.changeList()->count(), 1);
    QVERIFY(panel.changeList()->item(0)->text().contains(u"weight 1 -> 2"_s));
    panel.setRollbackAvailable(true);
    QVERIFY(!panel.rollbackButton()->isEnabled());
    panel.versionView()->setCurrentIndex(history.index(1, 0));
    QCOMPARE(panel.selectedNumber(), 1);
    QCOMPARE(panel.changeList()->count(), 0);
    QVERIFY(panel.rollbackButton()->isEnabled());
    QSignalSpy requested(&panel, &HistoryPanel::rollbackRequested);
    QTest::mouseClick(panel.rollbackButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.constFirst().at(0).toInt(), 1);
    // Without a balancer there is nothing to roll back.
    panel.setRollbackAvailable(false);
    QVERIFY(!panel.rollbackButton()->isEnabled());
    // A new version while an older one is looked at keeps the user's choice.
    record(history, weighted(3), u"third"_s);
    QCOMPARE(panel.selectedNumber(), 1);
}

void tst_GuiHistory::rollbackThroughLocalClient()
{
    StubBackend one(u"one"_s);
    StubBackend two(u"two"_s);
    QVERIFY(one.listen());
    QVERIFY(two.listen());
    const Config running = ProxyConfig::make(
        {ProxyConfig::host(u"one"_s, one.address()), ProxyConfig::host(u"two"_s, two.address())});
    LocalClient client(running, u"test"_s);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);

    ConfigEditor editor;
    QAbstractItemModelTester tester(editor.history(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    editor.setClient(&client);
    // The local engine's own history: version 1 is its first config.
    QTRY_VERIFY(editor.history()->isBalancers());
    QCOMPARE(editor.history()->count(), 1);
    QCOMPARE(editor.history()->version(0).origin, u"balancer"_s);
    editor.revertToRunning();

    // Version 2, from the editor.
    editor.selectItem({ConfigItemRef::Kind::Host, u"svc"_s, u"g"_s, u"two"_s});
    editor.form()->findChild<QSpinBox *>(u"field_weight"_s)->setValue(7);
    editor.applyDraft();
    QTRY_COMPARE(editor.history()->count(), 2);
    QCOMPARE(editor.history()->version(0).origin, u"desktop app"_s);
    QCOMPARE(weightOf(editor.runningConfig(), u"two"_s), 7);

    // Version 3, from outside the editor: a host action.
    int done = 0;
    client.hostAction(
        {u"svc"_s, u"g"_s, u"one"_s}, HostAction::Drain, 0, this, [&](const ClientReply &reply) {
            QVERIFY(reply.ok);
            ++done;
        });
    QTRY_COMPARE(done, 1);
    QTRY_COMPARE(editor.history()->count(), 3);
    QCOMPARE(editor.history()->version(0).origin, u"balancer"_s);
    QCOMPARE(editor.history()->version(0).changes.constFirst().name, u"one"_s);

    // Roll back to version 1: both changes are undone on the balancer.
    QVERIFY(editor.applyVersion(1));
    QTRY_COMPARE(editor.history()->count(), 4);
    // The engine's own rollback: recorded as one, not as a new apply.
    QCOMPARE(editor.history()->version(0).origin, u"rollback to version 1"_s);
    QCOMPARE(editor.history()->version(0).number, 4);
    QCOMPARE(editor.history()->version(0).changes.size(), 2);
    QCOMPARE(editor.runningConfig(), editor.history()->version(3).config);
    QCOMPARE(weightOf(editor.runningConfig(), u"two"_s), 1);
    QCOMPARE(editor.runningConfig().services.constFirst().groups.constFirst().host(u"one")->adminState,
        HostAdminState::Ready);
    // A version no longer kept cannot be rolled back to.
    QVERIFY(!editor.applyVersion(99));
    editor.setClient(nullptr);
    QCOMPARE(editor.history()->count(), 0);
}

void tst_GuiHistory::showsChangesMadeWhileAway()
{
    // A change through the admin API while no app is connected...
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    Config changed = bed.engine().runningConfig();
    changed.services.first().group(u"prod")->host(u"a")->weight = 5;
    QCOMPARE(
        bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, ConfigDocument::serialize(changed)).status,
        200);

    // ...is in the history panel once the app connects.
    RemoteClient client(QUrl(bed.server().url()), AdminTestBed::Admin, AdminTestBed::AdminPassword);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    ConfigEditor editor;
    QAbstractItemModelTester tester(editor.history(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    editor.setClient(&client);
    QTRY_VERIFY(editor.history()->isBalancers());
    QCOMPARE(editor.history()->count(), 2);
    const ConfigHistory::Version &latest = editor.history()->version(0);
    QCOMPARE(latest.number, 2);
    QVERIFY(latest.running);
    QCOMPARE(latest.origin, u"admin API, admin from 127.0.0.1"_s);
    QCOMPARE(latest.changes.size(), 1);
    QCOMPARE(latest.changes.constFirst().kind, ConfigChange::Kind::HostChanged);
    QCOMPARE(latest.changes.constFirst().after, u"5"_s);
    HistoryPanel panel(editor.history());
    QVERIFY(editor.history()
                ->index(0, ConfigHistory::ChangesColumn)
                .data()
                .toString()
                .contains(u"weight 1 -> 5"_s));

    // The app's own apply is recorded by the balancer as the desktop app's.
    changed.services.first().group(u"prod")->host(u"a")->weight = 6;
    int done = 0;
    client.applyConfig(ConfigDocument::serialize(changed), false, this, [&](const ClientReply &reply) {
        QVERIFY2(reply.ok, qPrintable(reply.error));
        ++done;
    });
    QTRY_COMPARE(done, 1);
    QTRY_COMPARE(editor.history()->count(), 3);
    QCOMPARE(editor.history()->version(0).origin, u"desktop app, admin from 127.0.0.1"_s);
    editor.setClient(nullptr);
}

namespace {

/// The running config of `bed` with host `host` of group prod at `weight`.
void setWeight(Config &config, const QString &host, int weight)
{
    config.services.first().group(u"prod")->host(host)->weight = weight;
}

int prodWeight(const Config &config, const QString &host)
{
    return config.services.constFirst().group(u"prod")->host(host)->weight;
}

}  // namespace

void tst_GuiHistory::rebaseAfterAnotherApply_data()
{
    QTest::addColumn<QString>("theirHost");  // the host the other client changes
    QTest::addColumn<int>("conflicts");
    QTest::addColumn<bool>("apply");  // apply the rebased draft, or discard the draft
    // The Apply button (applyToRunning) sees the moved-on config before it
    // sends anything; applyDraft() learns it from the 412.
    QTest::addColumn<bool>("button");
    QTest::newRow("other host, apply") << u"b"_s << 0 << true << false;
    QTest::newRow("same host, apply") << u"a"_s << 1 << true << false;
    QTest::newRow("other host, discard") << u"b"_s << 0 << false << false;
    QTest::newRow("apply button, same host") << u"a"_s << 1 << true << true;
}

void tst_GuiHistory::rebaseAfterAnotherApply()
{
    QFETCH(QString, theirHost);
    QFETCH(int, conflicts);
    QFETCH(bool, apply);
    QFETCH(bool, button);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    RemoteClient client(QUrl(bed.server().url()), AdminTestBed::Admin, AdminTestBed::AdminPassword);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    ConfigEditor editor;
    editor.setClient(&client);
    QTRY_VERIFY(editor.hasRunningConfig());
    QTRY_VERIFY(!editor.baseEtag().isEmpty());
    QCOMPARE(editor.draft()->config(), editor.runningConfig());

    // The user edits host a...
    Config draft = editor.draft()->config();
    setWeight(draft, u"a"_s, 7);
    editor.draft()->editModel(draft, u"weight"_s);
    // ...while another client applies through the API.
    Config theirs = bed.engine().runningConfig();
    setWeight(theirs, theirHost, 9);
    QCOMPARE(
        bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, ConfigDocument::serialize(theirs)).status,
        200);

    int asked = 0;
    editor.setRebaseQuestion([&](const DraftRebase &rebase) {
        ++asked;
        // Nothing was overwritten: what runs is the other client's config.
        [&] {
            QCOMPARE(bed.engine().runningConfig(), theirs);
        }();
        [&] {
            QCOMPARE(rebase.mine().size(), 1);
            QCOMPARE(rebase.theirs().size(), 1);
            QCOMPARE(rebase.conflicts().size(), conflicts);
            QCOMPARE(prodWeight(rebase.rebased(), u"a"_s), 7);
            QCOMPARE(prodWeight(rebase.rebased(), u"b"_s), theirHost == u"b"_s ? 9 : 1);
        }();
        return apply ? ConfigEditor::RebaseChoice::ApplyRebased : ConfigEditor::RebaseChoice::Discard;
    });
    if (button)
        editor.applyToRunning();
    else
        editor.applyDraft();
    QTRY_COMPARE(asked, 1);
    if (apply) {
        // The rebased draft applies and keeps both changes.
        QTRY_COMPARE(prodWeight(bed.engine().runningConfig(), u"a"_s), 7);
        QCOMPARE(prodWeight(bed.engine().runningConfig(), u"b"_s), theirHost == u"b"_s ? 9 : 1);
        QTRY_VERIFY(
            editor.pendingChanges().isEmpty() && editor.runningConfig() == bed.engine().runningConfig());
    } else {
        QTRY_COMPARE(editor.draft()->config(), theirs);
        QCOMPARE(bed.engine().runningConfig(), theirs);
    }
    QCOMPARE(asked, 1);
    editor.setClient(nullptr);
}

void tst_GuiHistory::rebaseThroughLocalClient()
{
    StubBackend one(u"one"_s);
    StubBackend two(u"two"_s);
    QVERIFY(one.listen());
    QVERIFY(two.listen());
    const Config running = ProxyConfig::make(
        {ProxyConfig::host(u"one"_s, one.address()), ProxyConfig::host(u"two"_s, two.address())});
    LocalClient client(running, u"test"_s);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    ConfigEditor editor;
    editor.setClient(&client);
    QTRY_VERIFY(editor.hasRunningConfig());
    QVERIFY(!editor.baseEtag().isEmpty());
    editor.revertToRunning();

    Config draft = editor.draft()->config();
    draft.services.first().groups.first().host(u"one")->weight = 4;
    editor.draft()->editModel(draft, u"weight"_s);
    // Another change to the same engine (a host action) moves the config on.
    int done = 0;
    client.hostAction(
        {u"svc"_s, u"g"_s, u"two"_s}, HostAction::SetWeight, 6, this, [&](const ClientReply &reply) {
            QVERIFY(reply.ok);
            ++done;
        });
    QTRY_COMPARE(done, 1);

    int asked = 0;
    editor.setRebaseQuestion([&](const DraftRebase &rebase) {
        ++asked;
        [&] {
            QCOMPARE(rebase.conflicts().size(), 0);
        }();
        return ConfigEditor::RebaseChoice::ApplyRebased;
    });
    editor.applyDraft();
    QTRY_COMPARE(asked, 1);
    QTRY_COMPARE(weightOf(editor.runningConfig(), u"one"_s), 4);
    QCOMPARE(weightOf(editor.runningConfig(), u"two"_s), 6);
    editor.setClient(nullptr);
}

void tst_GuiHistory::rollbackThroughApiIsRecordedAsRollback()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    Config changed = bed.engine().runningConfig();
    setWeight(changed, u"a"_s, 5);
    QCOMPARE(
        bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, ConfigDocument::serialize(changed)).status,
        200);
    RemoteClient client(QUrl(bed.server().url()), AdminTestBed::Admin, AdminTestBed::AdminPassword);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    ConfigEditor editor;
    editor.setClient(&client);
    QTRY_VERIFY(editor.history()->isBalancers());
    QTRY_COMPARE(editor.history()->count(), 2);

    QVERIFY(editor.applyVersion(1));
    QTRY_COMPARE(editor.history()->count(), 3);
    QCOMPARE(prodWeight(bed.engine().runningConfig(), u"a"_s), 1);
    QCOMPARE(editor.history()->version(0).origin.left(21), u"rollback to version 1"_s);
    const QJsonArray entries = QJsonDocument::fromJson(bed.get("/api/v1/config/history").body)
                                   .object()
                                   .value("entries"_L1)
                                   .toArray();
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.first().toObject().value("origin"_L1).toString(), u"rollback"_s);
    QCOMPARE(entries.first().toObject().value("rollbackOf"_L1).toInteger(), 1);
    editor.setClient(nullptr);
}

void tst_GuiHistory::draftRebaseMergesItems()
{
    // Base: hosts a, b in prod. Mine: a removed, new host d. Theirs: b's
    // weight, group prod's scheduler. Nothing collides.
    Config base = weighted(1);
    base.services.first().groups.first().hosts.append(ProxyConfig::host(u"b"_s, u"127.0.0.1:9002"_s));
    Config mine = base;
    mine.services.first().groups.first().hosts.removeFirst();
    mine.services.first().groups.first().hosts.append(ProxyConfig::host(u"d"_s, u"127.0.0.1:9004"_s));
    Config theirs = base;
    theirs.services.first().groups.first().hosts[1].weight = 3;
    theirs.services.first().groups.first().scheduler = u"leastconns"_s;
    const DraftRebase rebase(base, mine, theirs);
    QCOMPARE(rebase.conflicts().size(), 0);
    const GroupConfig &group = rebase.rebased().services.constFirst().groups.constFirst();
    QCOMPARE(group.scheduler, u"leastconns"_s);
    QVERIFY(!group.host(u"a"));
    QCOMPARE(group.host(u"b")->weight, 3);
    QVERIFY(group.host(u"d"));
    // Their removal of the group collides with my host in it.
    Config gone = base;
    gone.services.first().groups.first().name = u"other"_s;
    const DraftRebase clash(base, mine, gone);
    QCOMPARE(clash.conflicts().size(), 2);
}

QTEST_MAIN(tst_GuiHistory)
#include "tst_guihistory.moc"
