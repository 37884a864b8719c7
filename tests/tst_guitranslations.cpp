// Every shipped translation loads, is complete, and the main window shows
// translated text; the window itself comes up against a local balancer.

#include "admintestbed.h"
#include "client/connectionbanner.h"
#include "client/localclient.h"
#include "client/remoteclient.h"
#include "common/preferences.h"
#include "common/translationloader.h"
#include "dashboard/dashboardmodel.h"
#include "dashboard/dashboardwidget.h"
#include "dashboard/hostfilterproxymodel.h"
#include "editor/changetext.h"
#include "mainwindow.h"
#include "proxyconfig.h"
#include "stats/statsjson.h"
#include "stubbackend.h"

#include <QDomDocument>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Balancier;
using namespace Qt::StringLiterals;

class tst_GuiTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void translationLoads_data();
    void translationLoads();
    void tsFilesComplete_data();
    void tsFilesComplete();
    void windowShowsLocalBalancer();
    void preferencesKeepNoPassword();
    void remoteChangeInGerman();
    void dashboardReasonInGerman();

private:
    QTemporaryDir m_dir;
};

void tst_GuiTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_GuiTranslations::translationLoads_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("dashboardTab");
    QTest::addColumn<QString>("notConnected");  // the start of the banner's text
    QTest::addColumn<QString>("hostAdded");  // a config change as the editor and the Apply dialog show it

    QTest::newRow("en") << u"en"_s << u"&File"_s << u"&Dashboard"_s << u"Not connected."_s
                        << u"service web: group prod: host a added (127.0.0.1:9001)"_s;
    QTest::newRow("de") << u"de"_s << u"&Datei"_s << u"Ü&bersicht"_s << u"Nicht verbunden."_s
                        << u"Dienst web: Gruppe prod: Host a hinzugefügt (127.0.0.1:9001)"_s;
    QTest::newRow("fr") << u"fr"_s << u"&Fichier"_s << u"&Tableau de bord"_s << u"Non connecté."_s
                        << u"service web : groupe prod : hôte a ajouté (127.0.0.1:9001)"_s;
    QTest::newRow("es") << u"es"_s << u"&Archivo"_s << u"&Panel"_s << u"Sin conexión."_s
                        << u"servicio web: grupo prod: host a añadido (127.0.0.1:9001)"_s;
}

void tst_GuiTranslations::translationLoads()
{
    QFETCH(QString, language);
    QFETCH(QString, fileMenu);
    QFETCH(QString, dashboardTab);
    QFETCH(QString, notConnected);
    QFETCH(QString, hostAdded);
    TranslationLoader loader;
    QVERIFY(loader.install(language));
    QCOMPARE(loader.current(), language);
    Preferences preferences(m_dir.filePath(u"translations-%1.ini"_s.arg(language)));
    MainWindow window(&preferences);
    window.show();
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), fileMenu);
    auto *tabs = window.findChild<QTabWidget *>();
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(0), dashboardTab);
    QVERIFY2(window.banner()->text().startsWith(notConnected), qPrintable(window.banner()->text()));
    QVERIFY(window.windowTitle().contains(u"Balancier"_s));

    ConfigChange change{
        ConfigChange::Kind::HostAdded, u"web"_s, u"prod"_s, u"a"_s, {}, {}, u"127.0.0.1:9001"_s};
    QCOMPARE(ChangeText::describe(change), hostAdded);
}

void tst_GuiTranslations::tsFilesComplete_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : TranslationLoader::available())
        QTest::newRow(qPrintable(language)) << language;
}

void tst_GuiTranslations::tsFilesComplete()
{
    // No unfinished, empty or vanished entries: every string the app shows is translated.
    QFETCH(QString, language);
    QFile file(QStringLiteral(BALANCIER_SOURCE_DIR) + u"/translations/balancier_"_s + language + u".ts"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QDomDocument document;
    QVERIFY(document.setContent(&file));
    const QDomNodeList messages = document.elementsByTagName(u"message"_s);
    QVERIFY(messages.size() > 100);
    QStringList problems;
    for (int i = 0; i < messages.size(); ++i) {
        const QDomElement message = messages.at(i).toElement();
        const QDomElement translation = message.firstChildElement(u"translation"_s);
        const QString source = message.firstChildElement(u"source"_s).text();
        const QString type = translation.attribute(u"type"_s);
        bool empty = translation.text().trimmed().isEmpty();
        if (message.attribute(u"numerus"_s) == u"yes"_s) {
            empty = translation.firstChildElement(u"numerusform"_s).text().trimmed().isEmpty();
        }
        if (!type.isEmpty() || empty)
            problems.append(source + u" (" + (type.isEmpty() ? u"empty"_s : type) + u')');
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

void tst_GuiTranslations::windowShowsLocalBalancer()
{
    TranslationLoader loader;
    QVERIFY(loader.install(u"en"_s));
    StubBackend one(u"one"_s);
    QVERIFY(one.listen());
    Preferences preferences(m_dir.filePath(u"window.ini"_s));
    preferences.setRefreshRate(10);
    MainWindow window(&preferences);
    window.show();
    window.setClient(std::make_unique<LocalClient>(
        ProxyConfig::make({ProxyConfig::host(u"one"_s, one.address(), 1, 5)}), u"test"_s));
    QTRY_COMPARE(window.client()->state(), BalancerClient::State::Connected);
    QTRY_VERIFY(window.banner()->isHidden());
    QTRY_VERIFY(window.totalsLabel()->text().contains(u"1 of 1 host up"_s));
    QTRY_COMPARE(window.dashboard()->model()->rowCount(), 1);
    // The dashboard's actions work on the selection: select host one, drain it.
    const QModelIndex host = window.dashboard()->model()->findHost({u"svc"_s, u"g"_s, u"one"_s});
    QVERIFY(host.isValid());
    window.dashboard()->view()->selectionModel()->select(window.dashboard()->proxy()->mapFromSource(host),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(window.dashboard()->selectedHosts().size(), 1);
    window.dashboard()->runHostAction(HostAction::Drain);
    QTRY_COMPARE(window.dashboard()
                     ->model()
                     ->findHost({u"svc"_s, u"g"_s, u"one"_s})
                     .data(DashboardModel::StateRole)
                     .toString(),
        u"draining"_s);
    window.disconnectClient();
    QVERIFY(!window.banner()->isHidden());
    window.close();
    QVERIFY(!preferences.windowGeometry().isEmpty());
}

void tst_GuiTranslations::preferencesKeepNoPassword()
{
    const QString path = m_dir.filePath(u"profiles.ini"_s);
    {
        Preferences preferences(path);
        ConnectionProfile remote;
        remote.name = u"prod"_s;
        remote.url = u"https://balancer.example:8443"_s;
        remote.user = u"admin"_s;
        remote.trustedCertificate = "ab12";
        preferences.saveProfile(remote);
        ConnectionProfile local;
        local.name = u"lab"_s;
        local.kind = ConnectionProfile::Kind::Local;
        local.configPath = u"/etc/balancier.xml"_s;
        preferences.saveProfile(local);
        preferences.setRefreshRate(50);
        preferences.addRecentFile(u"/a.xml"_s);
        preferences.addRecentFile(u"/b.xml"_s);
        preferences.addRecentFile(u"/a.xml"_s);
        preferences.sync();
    }
    Preferences preferences(path);
    const QList<ConnectionProfile> profiles = preferences.profiles();
    QCOMPARE(profiles.size(), 2);
    QCOMPARE(profiles.at(0).url, u"https://balancer.example:8443"_s);
    QCOMPARE(profiles.at(0).trustedCertificate, QByteArray("ab12"));
    QCOMPARE(profiles.at(1).kind, ConnectionProfile::Kind::Local);
    QCOMPARE(preferences.refreshRate(), 10);
    QCOMPARE(preferences.recentFiles(), (QStringList{u"/a.xml"_s, u"/b.xml"_s}));
    preferences.removeProfile(u"prod"_s);
    QCOMPARE(preferences.profiles().size(), 1);
    preferences.sync();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().toLower().contains("password"));
}

QTEST_MAIN(tst_GuiTranslations)
void tst_GuiTranslations::remoteChangeInGerman()
{
    // A change made on a balancierd arrives as structured data and is worded
    // here, in the user's language, like a local one (it used to stay English).
    TranslationLoader loader;
    QVERIFY(loader.install(u"de"_s));
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    RemoteClient client(QUrl(bed.server().url()), AdminTestBed::Admin, AdminTestBed::AdminPassword);
    QSignalSpy configs(&client, &BalancerClient::configApplied);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), BalancerClient::State::Connected, 10000);

    ClientReply reply;
    int done = 0;
    client.hostAction(
        {u"web"_s, u"prod"_s, u"b"_s}, HostAction::SetWeight, 4, this, [&](const ClientReply &r) {
            reply = r;
            ++done;
        });
    QTRY_COMPARE_WITH_TIMEOUT(done, 1, 10000);
    QVERIFY2(reply.ok, qPrintable(reply.error));
    QCOMPARE(reply.changes.size(), 1);
    const QString german = u"Dienst web: Gruppe prod: Host b: weight 1 -> 4"_s;
    QCOMPARE(ChangeText::describe(reply.changes.constFirst()), german);

    // The same change through the event stream.
    QTRY_VERIFY_WITH_TIMEOUT(!configs.isEmpty(), 10000);
    const auto changes = configs.constLast().at(0).value<QList<ConfigChange>>();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(ChangeText::describe(changes.constFirst()), german);

    // A host event's reason comes as a code and is worded here too.
    QSignalSpy hosts(&client, &BalancerClient::hostStateChanged);
    done = 0;
    client.hostAction(
        {u"web"_s, u"prod"_s, u"a"_s}, HostAction::Maintenance, 0, this, [&](const ClientReply &r) {
            reply = r;
            ++done;
        });
    QTRY_COMPARE_WITH_TIMEOUT(done, 1, 10000);
    QVERIFY2(reply.ok, qPrintable(reply.error));
    QTRY_VERIFY_WITH_TIMEOUT(!hosts.isEmpty(), 10000);
    const auto event = hosts.constLast().at(1).value<HostStateEvent>();
    QCOMPARE(event.reasonCode, u"adminChange"_s);
    QCOMPARE(event.reason, u"administrative change"_s);  // English, for logs and old clients
    QCOMPARE(ChangeText::describeReason(event), u"administrative Änderung"_s);
    // And with parameters (plural forms).
    HostStateEvent probes;
    probes.reasonCode = u"probeFailed"_s;
    probes.reasonParams = {{u"count"_s, 3}, {u"detail"_s, u"timeout"_s}};
    QCOMPARE(
        ChangeText::describeReason(probes), u"3 aufeinanderfolgende Prüfungen fehlgeschlagen: timeout"_s);
    // From an older balancer without a code: its text as it is.
    HostStateEvent old;
    old.reason = u"3 consecutive probes failed: timeout"_s;
    QCOMPARE(ChangeText::describeReason(old), old.reason);
    loader.install(u"en"_s);
}

void tst_GuiTranslations::dashboardReasonInGerman()
{
    // A down host's reason reaches the dashboard as a code with parameters
    // (through the stats JSON of a remote balancer) and is worded in the
    // user's language; without a code, the English text is shown as it is.
    TranslationLoader loader;
    QVERIFY(loader.install(u"de"_s));
    StatsSnapshot sent;
    ServiceStats service;
    service.name = u"web"_s;
    GroupStats group;
    group.name = u"prod"_s;
    group.enabled = true;
    HostStats coded;
    coded.name = u"a"_s;
    coded.state = u"down"_s;
    coded.reason = u"3 consecutive probes failed: timeout"_s;
    coded.reasonCode = u"probeFailed"_s;
    coded.reasonParams = {{u"count"_s, 3}, {u"detail"_s, u"timeout"_s}};
    HostStats old = coded;
    old.name = u"b"_s;
    old.reasonCode.clear();
    old.reasonParams.clear();
    group.hosts = {coded, old};
    service.groups.append(group);
    sent.services.append(service);
    const StatsSnapshot received = statsFromJson(statsToJson(sent));

    DashboardModel model;
    model.applySnapshot(received);
    const auto stateText = [&model](const QString &host) {
        return model.findHost({u"web"_s, u"prod"_s, host})
            .siblingAtColumn(DashboardModel::StateColumn)
            .data(Qt::ToolTipRole)
            .toString();
    };
    QVERIFY2(stateText(u"a"_s).contains(u"3 aufeinanderfolgende Prüfungen fehlgeschlagen: timeout"_s),
        qPrintable(stateText(u"a"_s)));
    QVERIFY2(stateText(u"b"_s).contains(old.reason), qPrintable(stateText(u"b"_s)));
    loader.install(u"en"_s);
}

#include "tst_guitranslations.moc"
