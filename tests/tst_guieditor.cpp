// The visual config editor: load, edit through the form, validation as
// you type, the XML view in sync both ways with located errors, undo/redo,
// save with comments kept, legacy import, and apply through a LocalClient.

#include "client/localclient.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "config/schedulerregistry.h"
#include "config/xmllayoutmerge.h"
#include "editor/applydialog.h"
#include "editor/changeimpact.h"
#include "editor/configdraft.h"
#include "editor/configeditor.h"
#include "editor/configtreemodel.h"
#include "editor/propertyform.h"
#include "editor/xmlsourceedit.h"
#include "proxyconfig.h"
#include "stubbackend.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const HostConfig *findHost(
    const Config &config, const QString &service, const QString &group, const QString &host)
{
    const ServiceConfig *s = config.service(service);
    const GroupConfig *g = s ? s->group(group) : nullptr;
    return g ? g->host(host) : nullptr;
}

QString liveState(const BalancerClient &client, const QString &hostName)
{
    for (const ServiceStats &service : client.snapshot().services) {
        for (const GroupStats &group : service.groups) {
            for (const HostStats &host : group.hosts) {
                if (host.name == hostName)
                    return host.state;
            }
        }
    }
    return {};
}

/// Types `text` into a line edit of the form as a user would, then presses Enter.
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

}  // namespace

class tst_GuiEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void loadShowsTree();
    void editUndoRedoSave();
    void pairAndHealthFields();
    void aclAndLimitFields();
    void tlsRoutesField();
    void backupHostAndGroupFields();
    void dnsSettingsFields();
    void plainRouteSilenceField();
    void alertsEditor();
    void editThroughUiMatchesExpectedFile();
    void problemsListLineAndColumn();
    void layoutMerge_data();
    void layoutMerge();
    void impactSummary_data();
    void impactSummary();
    void impactFollowsScheduler_data();
    void impactFollowsScheduler();
    void validationAsYouType_data();
    void validationAsYouType();
    void sourceViewSyncsBothWays();
    void typingUndoSteps();
    void addAndRemoveItems();
    void legacyImport();
    void applyAndRevertThroughLocalClient();

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_original;
};

void tst_GuiEditor::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"commented.xml"_s);
    QFile::remove(m_path);
    QVERIFY(QFile::copy(QStringLiteral(BALANCIER_TEST_DATA) + u"/document/commented.xml"_s, m_path));
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    m_original = readAll(m_path);
    QVERIFY(!m_original.isEmpty());
}

void tst_GuiEditor::loadShowsTree()
{
    ConfigEditor editor;
    QAbstractItemModelTester tester(
        editor.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    QCOMPARE(editor.draft()->text(), m_original);
    QVERIFY(!editor.draft()->isModified());
    const QModelIndex host
        = editor.treeModel()->indexOf({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"c"_s});
    QVERIFY(host.isValid());
    QCOMPARE(host.data().toString(), u"c"_s);
    QVERIFY(
        editor.treeModel()->indexOf({ConfigItemRef::Kind::Listener, u"db"_s, {}, u"[::1]:5432"_s}).isValid());
    QVERIFY(editor.treeModel()->indexOf({ConfigItemRef::Kind::User, {}, {}, u"admin"_s}).isValid());
    editor.selectItem({ConfigItemRef::Kind::Group, u"web"_s, u"prod"_s, {}});
    // The scheduler choices are the registry's; the alias reads as its canonical name.
    auto *scheduler = editor.form()->findChild<QComboBox *>(u"field_scheduler"_s);
    QVERIFY(scheduler);
    QVERIFY(scheduler->count() >= 8);
    QCOMPARE(scheduler->currentData().toString(), u"leastconns"_s);
}

void tst_GuiEditor::editUndoRedoSave()
{
    ConfigEditor editor;
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    editor.selectItem({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"c"_s});
    QCOMPARE(editor.form()->item().name, u"c"_s);

    // Edit 1: the weight, through the form's spin box.
    auto *weight = editor.form()->findChild<QSpinBox *>(u"field_weight"_s);
    QVERIFY(weight);
    QCOMPARE(weight->value(), 3);
    weight->setValue(5);
    QCOMPARE(findHost(editor.draft()->config(), u"web"_s, u"prod"_s, u"c"_s)->weight, 5);
    QVERIFY(editor.draft()->isModified());
    QVERIFY(editor.draft()->text().contains(R"(<host name="c" ip="127.0.0.1:9003" weight="5"/>)"));

    // Edit 2: the address, typed.
    auto *address = editor.form()->findChild<QLineEdit *>(u"field_ip"_s);
    QVERIFY(address);
    typeInto(address, u"127.0.0.1:9333"_s);
    QCOMPARE(findHost(editor.draft()->config(), u"web"_s, u"prod"_s, u"c"_s)->address, u"127.0.0.1:9333"_s);
    // Edit 3: the state, picked from its list.
    auto *state = editor.form()->findChild<QComboBox *>(u"field_state"_s);
    QVERIFY(state);
    state->setCurrentIndex(state->findData(u"drain"_s));
    QCOMPARE(
        findHost(editor.draft()->config(), u"web"_s, u"prod"_s, u"c"_s)->adminState, HostAdminState::Drain);
    QCOMPARE(editor.draft()->undoStack()->count(), 3);

    // The source view says the same.
    QTRY_VERIFY(editor.sourceEdit()->toPlainText().contains(u"127.0.0.1:9333"_s));

    const QByteArray edited = editor.draft()->text();
    for (const char *kept : {"<!-- b is being retired -->", "<!-- c is the big one -->",
             "<!-- end of file -->", "Only local clients.", R"(ops:owner="alice")", R"(scheduler="leastc")",
             "<note>Owned by the platform team",
             R"(<ops:monitor url="http://monitor.example/web" ops:interval="30"/>)",
             "<!-- global settings -->"})
        QVERIFY2(edited.contains(kept), kept);

    // Undo all three: the exact original bytes come back.
    QUndoStack *stack = editor.draft()->undoStack();
    stack->undo();
    QCOMPARE(
        findHost(editor.draft()->config(), u"web"_s, u"prod"_s, u"c"_s)->adminState, HostAdminState::Ready);
    QCOMPARE(state->currentData().toString(), u"ready"_s);  // the form follows
    stack->undo();
    QCOMPARE(address->text(), u"127.0.0.1:9003"_s);
    editor.undoAction()->trigger();
    QCOMPARE(weight->value(), 3);
    QCOMPARE(editor.draft()->text(), m_original);
    QVERIFY(!editor.draft()->isModified());
    // Redo all three.
    stack->redo();
    stack->redo();
    editor.redoAction()->trigger();
    QCOMPARE(editor.draft()->text(), edited);

    // Save, and read back what was written.
    const QString saved = m_dir.filePath(u"saved.xml"_s);
    QVERIFY2(editor.saveFile(saved, &error), qPrintable(error));
    QVERIFY(!editor.draft()->isModified());
    QCOMPARE(readAll(saved), edited);
    const LoadResult reread = ConfigReader::readFile(saved);
    QVERIFY(reread.ok());
    QCOMPARE(reread.config, editor.draft()->config());
    const HostConfig *c = findHost(reread.config, u"web"_s, u"prod"_s, u"c"_s);
    QCOMPARE(c->weight, 5);
    QCOMPARE(c->address, u"127.0.0.1:9333"_s);
    QCOMPARE(c->adminState, HostAdminState::Drain);
}

void tst_GuiEditor::pairAndHealthFields()
{
    // <ha vip statefile> (the settings) and <admin healthpublic> are edited
    // in the form like the rest; <ha> is written while either is set.
    ConfigEditor editor;
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    editor.selectItem({ConfigItemRef::Kind::Settings, {}, {}, {}});
    auto *vip = editor.form()->findChild<QLineEdit *>(u"field_ha.vip"_s);
    QVERIFY(vip);
    QVERIFY(vip->text().isEmpty());
    typeInto(vip, u"198.18.0.100"_s);
    QVERIFY(editor.draft()->config().ha.enabled);
    QCOMPARE(editor.draft()->config().ha.vip, u"198.18.0.100"_s);
    QVERIFY2(
        editor.draft()->text().contains(R"(<ha vip="198.18.0.100")"), editor.draft()->text().constData());
    typeInto(vip, QString());
    QVERIFY(!editor.draft()->config().ha.enabled);
    QVERIFY(!editor.draft()->text().contains("<ha"));

    editor.selectItem({ConfigItemRef::Kind::Admin, {}, {}, {}});
    auto *healthPublic = editor.form()->findChild<QCheckBox *>(u"field_healthpublic"_s);
    QVERIFY(healthPublic);
    QVERIFY(!healthPublic->isChecked());
    healthPublic->setChecked(true);
    QVERIFY(editor.draft()->config().admin.healthPublic);
    QVERIFY2(editor.draft()->text().contains(R"(healthpublic="yes")"), editor.draft()->text().constData());
}

void tst_GuiEditor::tlsRoutesField()
{
    // The service's TLS routes: added, edited, moved by a drag (a row move
    // in the list's model, as a drop does) and by Up; written in order.
    ConfigEditor editor;
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    editor.selectItem({ConfigItemRef::Kind::Service, u"web"_s, {}, {}});
    auto *list = editor.form()->findChild<QListWidget *>(u"routes"_s);
    auto *add = editor.form()->findChild<QPushButton *>(u"routeAdd"_s);
    auto *sni = editor.form()->findChild<QLineEdit *>(u"routeSni"_s);
    auto *alpn = editor.form()->findChild<QLineEdit *>(u"routeAlpn"_s);
    auto *plain = editor.form()->findChild<QCheckBox *>(u"routePlain"_s);
    auto *group = editor.form()->findChild<QComboBox *>(u"routeGroup"_s);
    QVERIFY(list && add && sni && alpn && plain && group);
    QVERIFY(group->findText(u"test"_s) >= 0);  // the service's groups are offered
    add->click();
    sni->setText(u"a.example, *.b.example"_s);
    Q_EMIT sni->editingFinished();
    group->setCurrentText(u"test"_s);
    add->click();
    plain->setChecked(true);
    QList<RouteConfig> routes = editor.draft()->config().service(u"web"_s)->routes;
    QCOMPARE(routes.size(), 2);
    QCOMPARE(routes.at(0).sni, (QStringList{u"a.example"_s, u"*.b.example"_s}));
    QCOMPARE(routes.at(0).group, u"test"_s);
    QVERIFY(routes.at(1).plain);

    // A drop moves the plain route first.
    QVERIFY(list->model()->moveRow(QModelIndex(), 1, QModelIndex(), 0));
    routes = editor.draft()->config().service(u"web"_s)->routes;
    QVERIFY(routes.at(0).plain);
    QCOMPARE(routes.at(1).group, u"test"_s);
    // Up puts it back.
    list->setCurrentRow(1);
    editor.form()->findChild<QPushButton *>(u"routeUp"_s)->click();
    routes = editor.draft()->config().service(u"web"_s)->routes;
    QVERIFY(!routes.at(0).plain);
    const QByteArray text = editor.draft()->text();
    QVERIFY2(text.indexOf(R"(<route sni="a.example,*.b.example" group="test"/>)") >= 0
            && text.indexOf(R"(<route sni=)") < text.indexOf(R"(<route plain="yes")"),
        text.constData());
    const LoadResult reread = ConfigReader::readData(text, u"draft.xml"_s);
    QVERIFY(reread.ok());
    QCOMPARE(reread.config.service(u"web"_s)->routes, routes);

    // A bad name is refused where it is typed; the model keeps the last good list.
    list->setCurrentRow(0);
    sni->setText(u"a*.b"_s);
    Q_EMIT sni->editingFinished();
    QCOMPARE(editor.draft()->config().service(u"web"_s)->routes, routes);
    QVERIFY(!editor.form()->message(u"routes"_s).isEmpty());
}

void tst_GuiEditor::backupHostAndGroupFields()
{
    // <host backup> and <group ondown onprimaryup allbackups>: set in the
    // form, one undo step each, written back and read again.
    ConfigEditor editor;
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    editor.selectItem({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"c"_s});
    auto *backup = editor.form()->findChild<QCheckBox *>(u"field_backup"_s);
    QVERIFY(backup);
    QVERIFY(!backup->isChecked());
    QVERIFY(backup->toolTip().contains(u"primary"_s));  // says what the attribute does
    backup->setChecked(true);
    QVERIFY(findHost(editor.draft()->config(), u"web"_s, u"prod"_s, u"c"_s)->backup);
    QCOMPARE(editor.draft()->undoStack()->count(), 1);

    editor.selectItem({ConfigItemRef::Kind::Group, u"web"_s, u"prod"_s, {}});
    auto *onDown = editor.form()->findChild<QComboBox *>(u"field_ondown"_s);
    auto *onPrimaryUp = editor.form()->findChild<QComboBox *>(u"field_onprimaryup"_s);
    auto *allBackups = editor.form()->findChild<QCheckBox *>(u"field_allbackups"_s);
    QVERIFY(onDown && onPrimaryUp && allBackups);
    QCOMPARE(onDown->currentData().toString(), u"none"_s);
    onDown->setCurrentIndex(onDown->findData(u"shutdown-sessions"_s));
    onPrimaryUp->setCurrentIndex(onPrimaryUp->findData(u"shutdown-backup-sessions"_s));
    allBackups->setChecked(true);
    QCOMPARE(editor.draft()->undoStack()->count(), 4);
    const GroupConfig *prod = editor.draft()->config().service(u"web"_s)->group(u"prod"_s);
    QCOMPARE(prod->onDown, HostDownAction::ShutdownSessions);
    QCOMPARE(prod->onPrimaryUp, PrimaryUpAction::ShutdownBackupSessions);
    QVERIFY(prod->allBackups);

    const QByteArray text = editor.draft()->text();
    QVERIFY2(
        text.contains(R"(<host name="c" ip="127.0.0.1:9003" weight="3" backup="yes"/>)"), text.constData());
    QVERIFY2(text.contains(R"(ondown="shutdown-sessions")")
            && text.contains(R"(onprimaryup="shutdown-backup-sessions")")
            && text.contains(R"(allbackups="yes")"),
        text.constData());
    const LoadResult reread = ConfigReader::readData(text, u"draft.xml"_s);
    QVERIFY(reread.ok());
    QVERIFY(findHost(reread.config, u"web"_s, u"prod"_s, u"c"_s)->backup);
    QCOMPARE(reread.config.service(u"web"_s)->group(u"prod"_s)->onDown, HostDownAction::ShutdownSessions);

    // Undo walks back through the draft like every other field.
    editor.draft()->undoStack()->undo();
    QVERIFY(!editor.draft()->config().service(u"web"_s)->group(u"prod"_s)->allBackups);
    QVERIFY(!editor.draft()->text().contains("allbackups"));
}

void tst_GuiEditor::dnsSettingsFields()
{
    // <settings dnsserver dnsinterval>: a good value is written, a bad one
    // is refused where it is typed with the reason, the draft untouched.
    ConfigEditor editor;
    editor.show();
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    editor.selectItem({ConfigItemRef::Kind::Settings, {}, {}, {}});
    auto *server = editor.form()->findChild<QLineEdit *>(u"field_dnsserver"_s);
    auto *interval = editor.form()->findChild<QLineEdit *>(u"field_dnsinterval"_s);
    QVERIFY(server && interval);
    QVERIFY(server->text().isEmpty());

    typeInto(server, u"dns.example.org"_s);
    QVERIFY2(editor.form()->message(u"dnsserver"_s).contains(u"Not a name server address"_s),
        qPrintable(editor.form()->message(u"dnsserver"_s)));
    QVERIFY(editor.draft()->config().settings.dnsServer.isEmpty());
    typeInto(interval, u"10ms"_s);
    QVERIFY(!editor.form()->message(u"dnsinterval"_s).isEmpty());
    QCOMPARE(editor.draft()->config().settings.dnsIntervalMs, qint64(60000));
    QVERIFY(!editor.draft()->isModified());

    typeInto(server, u"[::1]:5353"_s);
    typeInto(interval, u"2m"_s);
    QCOMPARE(editor.form()->message(u"dnsserver"_s), QString());
    QCOMPARE(editor.draft()->config().settings.dnsServer, u"[::1]:5353"_s);
    QCOMPARE(editor.draft()->config().settings.dnsIntervalMs, qint64(120000));
    const QByteArray text = editor.draft()->text();
    QVERIFY2(
        text.contains(R"(dnsserver="[::1]:5353")") && text.contains(R"(dnsinterval="2m")"), text.constData());
    QVERIFY(ConfigReader::readData(text, u"draft.xml"_s).ok());
}

void tst_GuiEditor::plainRouteSilenceField()
{
    // The plain route's silence: written as silence="..." on <route plain>,
    // a bad duration refused with a message naming the route.
    ConfigEditor editor;
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    editor.selectItem({ConfigItemRef::Kind::Service, u"web"_s, {}, {}});
    auto *add = editor.form()->findChild<QPushButton *>(u"routeAdd"_s);
    auto *plain = editor.form()->findChild<QCheckBox *>(u"routePlain"_s);
    auto *silence = editor.form()->findChild<QLineEdit *>(u"routeSilence"_s);
    QVERIFY(add && plain && silence);
    add->click();
    QVERIFY(!silence->isEnabled());  // only for a plain route
    plain->setChecked(true);
    QVERIFY(silence->isEnabled());
    QVERIFY(!silence->toolTip().isEmpty());
    silence->setText(u"3s"_s);
    Q_EMIT silence->editingFinished();
    QList<RouteConfig> routes = editor.draft()->config().service(u"web"_s)->routes;
    QCOMPARE(routes.size(), 1);
    QVERIFY(routes.at(0).plain);
    QCOMPARE(routes.at(0).silenceMs, qint64(3000));
    const QByteArray text = editor.draft()->text();
    QVERIFY2(text.contains(R"(<route plain="yes" group="prod" silence="3s"/>)")
            || (text.contains(R"(plain="yes")") && text.contains(R"(silence="3s")")),
        text.constData());
    const LoadResult reread = ConfigReader::readData(text, u"draft.xml"_s);
    QVERIFY(reread.ok());
    QCOMPARE(reread.config.service(u"web"_s)->routes, routes);

    silence->setText(u"soon"_s);
    Q_EMIT silence->editingFinished();
    QCOMPARE(editor.draft()->config().service(u"web"_s)->routes, routes);
    QVERIFY2(editor.form()->message(u"routes"_s).contains(u"Route 1"_s),
        qPrintable(editor.form()->message(u"routes"_s)));
    silence->setText(u"0s"_s);
    Q_EMIT silence->editingFinished();
    QCOMPARE(editor.draft()->config().service(u"web"_s)->routes, routes);
    QVERIFY(!editor.form()->message(u"routes"_s).isEmpty());
}

void tst_GuiEditor::alertsEditor()
{
    // The <alert> list, reached from the tree's top level: a webhook added,
    // edited, a bad value refused with the reader's reason, removed.
    ConfigEditor editor;
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    const ConfigItemRef item{ConfigItemRef::Kind::Alerts, {}, {}, {}};
    QVERIFY(editor.treeModel()->indexOf(item).isValid());
    editor.selectItem(item);
    auto *list = editor.form()->findChild<QListWidget *>(u"alerts"_s);
    auto *add = editor.form()->findChild<QPushButton *>(u"alertAdd"_s);
    auto *remove = editor.form()->findChild<QPushButton *>(u"alertRemove"_s);
    auto *url = editor.form()->findChild<QLineEdit *>(u"alert_url"_s);
    auto *timeout = editor.form()->findChild<QLineEdit *>(u"alert_timeout"_s);
    auto *config = editor.form()->findChild<QCheckBox *>(u"alertEvent_config"_s);
    auto *format = editor.form()->findChild<QComboBox *>(u"alertFormat"_s);
    QVERIFY(list && add && remove && url && timeout && config && format);
    QCOMPARE(list->count(), 0);
    QVERIFY(!url->isEnabled());
    QVERIFY(!url->toolTip().isEmpty());

    add->click();
    QCOMPARE(editor.draft()->config().alerts.size(), 1);
    QCOMPARE(editor.draft()->config().alerts.at(0).events, quint8(AlertConfig::Host | AlertConfig::Group));
    const char *added = R"(<alert url="https://ops.example.org/hooks/balancier" events="host,group"/>)";
    QVERIFY2(editor.draft()->text().contains(added), editor.draft()->text().constData());

    url->setText(u"https://hooks.example.net/lb?token=x&y=1"_s);
    Q_EMIT url->editingFinished();
    timeout->setText(u"2s"_s);
    Q_EMIT timeout->editingFinished();
    config->setChecked(true);
    format->setCurrentIndex(format->findData(u"slack"_s));
    QCOMPARE(editor.draft()->undoStack()->count(), 5);
    AlertConfig alert = editor.draft()->config().alerts.at(0);
    QCOMPARE(alert.url, u"https://hooks.example.net/lb?token=x&y=1"_s);
    QCOMPARE(alert.timeoutMs, qint64(2000));
    QCOMPARE(alert.events, quint8(AlertConfig::Host | AlertConfig::Group | AlertConfig::ConfigApplied));
    QCOMPARE(alert.format, AlertConfig::Format::Slack);
    QByteArray text = editor.draft()->text();
    const char *edited = R"(url="https://hooks.example.net/lb?token=x&amp;y=1")";
    QVERIFY2(text.contains(edited) && text.contains(R"(events="host,group,config")")
            && text.contains(R"(timeout="2s")") && text.contains(R"(format="slack")"),
        text.constData());
    LoadResult reread = ConfigReader::readData(text, u"draft.xml"_s);
    QVERIFY(reread.ok());
    QCOMPARE(reread.config.alerts.size(), 1);
    QCOMPARE(reread.config.alerts.at(0).url, alert.url);

    // Bad values: refused with the config's own message, the draft unchanged.
    const int steps = editor.draft()->undoStack()->count();
    url->setText(u"ftp://hooks.example.net/"_s);
    Q_EMIT url->editingFinished();
    QVERIFY2(editor.form()->message(u"alerts"_s).startsWith(u"Alert 1, url: "_s),
        qPrintable(editor.form()->message(u"alerts"_s)));
    QCOMPARE(editor.draft()->config().alerts.at(0).url, alert.url);
    url->setText(alert.url);
    Q_EMIT url->editingFinished();
    QCOMPARE(editor.form()->message(u"alerts"_s), QString());
    timeout->setText(u"soon"_s);
    Q_EMIT timeout->editingFinished();
    QVERIFY2(editor.form()->message(u"alerts"_s).startsWith(u"Alert 1, timeout: "_s),
        qPrintable(editor.form()->message(u"alerts"_s)));
    QCOMPARE(editor.draft()->config().alerts.at(0).timeoutMs, qint64(2000));
    QCOMPARE(editor.draft()->undoStack()->count(), steps);

    // Until the value is fixed, no other change of the list is taken.
    timeout->setText(u"2s"_s);
    Q_EMIT timeout->editingFinished();
    QCOMPARE(editor.form()->message(u"alerts"_s), QString());

    // A second one, moved up; then both removed.
    list->setCurrentRow(0);
    add->click();
    QCOMPARE(editor.draft()->config().alerts.size(), 2);
    editor.form()->findChild<QPushButton *>(u"alertUp"_s)->click();
    QCOMPARE(editor.draft()->config().alerts.at(0).url, u"https://ops.example.org/hooks/balancier"_s);
    QCOMPARE(editor.draft()->config().alerts.at(1).url, alert.url);
    list->setCurrentRow(0);
    remove->click();
    QCOMPARE(editor.draft()->config().alerts.size(), 1);
    QCOMPARE(editor.draft()->config().alerts.at(0).url, alert.url);
    list->setCurrentRow(0);
    remove->click();
    QVERIFY(editor.draft()->config().alerts.isEmpty());
    QVERIFY(!editor.draft()->text().contains("<alert"));

    // An alert the source view got wrong: its problem is shown on the page, with its line.
    QByteArray source = editor.draft()->text();
    source.replace("<service name=\"web\">", "<alert exec=\"relative/hook\"/>\n    <service name=\"web\">");
    editor.draft()->editText(source);
    QVERIFY2(editor.form()->message(u"alerts"_s).startsWith(u"Line "_s)
            && editor.form()->message(u"alerts"_s).contains(u"relative/hook"_s),
        qPrintable(editor.form()->message(u"alerts"_s)));
}

void tst_GuiEditor::aclAndLimitFields()
{
    // The service's <acl>: switched on, rules added, edited, moved and
    // removed through the rule list; the diff words them; then <limit>.
    ConfigEditor editor;
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    editor.selectItem({ConfigItemRef::Kind::Service, u"web"_s, {}, {}});
    auto *enabled = editor.form()->findChild<QCheckBox *>(u"field_acl.enabled"_s);
    QVERIFY(enabled);
    QVERIFY(!enabled->isChecked());
    enabled->setChecked(true);
    QVERIFY(editor.draft()->config().service(u"web"_s)->acl.enabled);
    QVERIFY2(editor.draft()->text().contains("<acl"), editor.draft()->text().constData());

    auto *list = editor.form()->findChild<QListWidget *>(u"aclRules"_s);
    auto *add = editor.form()->findChild<QPushButton *>(u"aclAdd"_s);
    auto *from = editor.form()->findChild<QLineEdit *>(u"aclFrom"_s);
    auto *action = editor.form()->findChild<QComboBox *>(u"aclAction"_s);
    QVERIFY(list && add && from && action);
    add->click();
    from->setText(u"10.0.0.0/8, 2001:db8::/32"_s);
    Q_EMIT from->editingFinished();
    add->click();  // a second rule after it
    action->setCurrentIndex(action->findData(u"allow"_s));
    from->setText(u"10.1.0.0/16"_s);
    Q_EMIT from->editingFinished();
    AclConfig acl = editor.draft()->config().service(u"web"_s)->acl;
    QCOMPARE(acl.rules.size(), 2);
    QCOMPARE(acl.rules.at(0).action, AclRule::Action::Deny);
    QCOMPARE(acl.rules.at(0).from, (QStringList{u"10.0.0.0/8"_s, u"2001:db8::/32"_s}));
    QCOMPARE(acl.rules.at(1).action, AclRule::Action::Allow);

    // The allow first: it then wins for 10.1/16.
    list->setCurrentRow(1);
    editor.form()->findChild<QPushButton *>(u"aclUp"_s)->click();
    acl = editor.draft()->config().service(u"web"_s)->acl;
    QCOMPARE(acl.rules.at(0).action, AclRule::Action::Allow);
    QCOMPARE(acl.rules.at(1).action, AclRule::Action::Deny);
    const QByteArray text = editor.draft()->text();
    QVERIFY2(text.indexOf(R"(<allow from="10.1.0.0/16"/>)")
                < text.indexOf(R"(<deny from="10.0.0.0/8,2001:db8::/32"/>)")
            && text.contains("<allow"),
        text.constData());
    const LoadResult reread = ConfigReader::readData(text, u"draft.xml"_s);
    QVERIFY(reread.ok());
    QCOMPARE(reread.config.service(u"web"_s)->acl, acl);

    // A bad address is refused where it is typed; the model keeps the last good list.
    list->setCurrentRow(0);
    from->setText(u"10.1.0.300"_s);
    Q_EMIT from->editingFinished();
    QCOMPARE(editor.draft()->config().service(u"web"_s)->acl, acl);
    QVERIFY(!editor.form()->message(u"acl.rules"_s).isEmpty());

    editor.form()->findChild<QPushButton *>(u"aclRemove"_s)->click();
    QCOMPARE(editor.draft()->config().service(u"web"_s)->acl.rules.size(), 1);

    // Limits.
    auto *limit = editor.form()->findChild<QCheckBox *>(u"field_limit.enabled"_s);
    QVERIFY(limit);
    limit->setChecked(true);
    editor.form()->findChild<QSpinBox *>(u"field_limit.perip"_s)->setValue(20);
    typeInto(editor.form()->findChild<QLineEdit *>(u"field_limit.rate"_s), u"10/s"_s);
    auto *mode = editor.form()->findChild<QComboBox *>(u"field_limit.mode"_s);
    mode->setCurrentIndex(mode->findData(u"dryrun"_s));
    const LimitConfig limitConfig = editor.draft()->config().service(u"web"_s)->limit;
    QVERIFY(limitConfig.enabled);
    QCOMPARE(limitConfig.perIp, 20);
    QCOMPARE(limitConfig.rate, 10);
    QVERIFY(limitConfig.dryRun);
    QVERIFY2(editor.draft()->text().contains(R"(<limit perip="20" rate="10/s" mode="dryrun"/>)"),
        editor.draft()->text().constData());
}

void tst_GuiEditor::editThroughUiMatchesExpectedFile()
{
    // Every kind of UI edit on a commented file, undone and redone, then
    // saved: the bytes must be exactly the expected file's, so a comment,
    // a blank line or an attribute order lost anywhere fails here.
    ConfigEditor editor;
    editor.resize(1200, 800);
    editor.show();
    QAbstractItemModelTester tester(
        editor.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    const QList<QAction *> actions = editor.itemActions();
    QAction *addHost = actions.at(3);
    QAction *remove = actions.at(5);

    // A spin box: host c's weight.
    editor.selectItem({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"c"_s});
    editor.form()->findChild<QSpinBox *>(u"field_weight"_s)->setValue(5);
    // A typed duration in the settings.
    editor.selectItem({ConfigItemRef::Kind::Settings, {}, {}, {}});
    typeInto(editor.form()->findChild<QLineEdit *>(u"field_draintimeout"_s), u"45s"_s);
    // A new host in group test, named and addressed through the form.
    editor.selectItem({ConfigItemRef::Kind::Group, u"web"_s, u"test"_s, {}});
    addHost->trigger();
    typeInto(editor.form()->findChild<QLineEdit *>(u"field_name"_s), u"t2"_s);
    QCOMPARE(editor.selectedItem(), (ConfigItemRef{ConfigItemRef::Kind::Host, u"web"_s, u"test"_s, u"t2"_s}));
    typeInto(editor.form()->findChild<QLineEdit *>(u"field_ip"_s), u"127.0.0.1:9102"_s);
    // A removed host (its trailing comment goes with it).
    editor.selectItem({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"b"_s});
    remove->trigger();
    // A choice: the group's scheduler.
    editor.selectItem({ConfigItemRef::Kind::Group, u"web"_s, u"test"_s, {}});
    auto *scheduler = editor.form()->findChild<QComboBox *>(u"field_scheduler"_s);
    scheduler->setCurrentIndex(scheduler->findData(u"p2c"_s));

    QUndoStack *stack = editor.draft()->undoStack();
    QCOMPARE(stack->count(), 7);
    const QByteArray edited = editor.draft()->text();

    // Undo everything through the editor's action: the original bytes.
    while (editor.undoAction()->isEnabled())
        editor.undoAction()->trigger();
    QCOMPARE(editor.draft()->text(), m_original);
    QVERIFY(!editor.draft()->isModified());
    QVERIFY(!findHost(editor.draft()->config(), u"web"_s, u"test"_s, u"t2"_s));
    QVERIFY(editor.treeModel()->indexOf({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"b"_s}).isValid());
    // Redo everything: the edited bytes again, and the tree follows.
    while (editor.redoAction()->isEnabled())
        editor.redoAction()->trigger();
    QCOMPARE(editor.draft()->text(), edited);
    QVERIFY(editor.treeModel()->indexOf({ConfigItemRef::Kind::Host, u"web"_s, u"test"_s, u"t2"_s}).isValid());
    QVERIFY(!editor.treeModel()->indexOf({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"b"_s}).isValid());

    const QString saved = m_dir.filePath(u"edited.xml"_s);
    QVERIFY2(editor.saveFile(saved, &error), qPrintable(error));
    const QByteArray expected
        = readAll(QStringLiteral(BALANCIER_TEST_DATA) + u"/document/commented-gui-edited.xml"_s);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(readAll(saved), expected);
    const LoadResult reread = ConfigReader::readFile(saved);
    QVERIFY(reread.ok());
    QCOMPARE(reread.config.service(u"web")->group(u"test")->scheduler, u"p2c"_s);
    QCOMPARE(reread.config.settings.drainTimeoutMs, 45000);
}

void tst_GuiEditor::problemsListLineAndColumn()
{
    ConfigEditor editor;
    editor.resize(1200, 800);
    editor.show();
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    XmlSourceEdit *source = editor.sourceEdit();
    QString text = source->toPlainText();
    text.replace(u"<checktime time=\"120\"/>"_s, u"<checktime time=\"120\" bogus=\"1\"/>"_s);
    source->setPlainText(text);
    source->flushEdits();
    QVERIFY(editor.draft()->hasErrors());
    Diagnostic first;
    for (const Diagnostic &diagnostic : editor.draft()->diagnostics()) {
        if (diagnostic.severity == Diagnostic::Severity::Error) {
            first = diagnostic;
            break;
        }
    }
    QCOMPARE(first.line, 6);
    QVERIFY(first.column > 0);
    // Listed as line:column, underlined in the source, and a click on the
    // problem puts the cursor there.
    QListWidgetItem *item = editor.problemList()->item(0);
    QVERIFY2(item->text().startsWith(u"Line 6:%1: "_s.arg(first.column)), qPrintable(item->text()));
    QVERIFY(item->text().contains(u"bogus"_s));
    bool underlined = false;
    for (const QTextEdit::ExtraSelection &selection : source->extraSelections()) {
        underlined = underlined
            || (selection.cursor.blockNumber() == 5
                && selection.format.underlineStyle() == QTextCharFormat::WaveUnderline);
    }
    QVERIFY(underlined);
    source->moveCursor(QTextCursor::Start);
    QListWidget *problems = editor.problemList();
    QTest::mouseClick(problems->viewport(), Qt::LeftButton, {}, problems->visualItemRect(item).center());
    QCOMPARE(source->textCursor().blockNumber() + 1, 6);
    QCOMPARE(source->textCursor().positionInBlock() + 1, first.column);
    // The typing is one undo step: undo, and the problem is gone.
    editor.undoAction()->trigger();
    QVERIFY(!editor.draft()->hasErrors());
    QCOMPARE(editor.problemList()->item(0)->text(), u"No problems."_s);
}

void tst_GuiEditor::layoutMerge_data()
{
    QTest::addColumn<QByteArray>("user");  // the user's file
    QTest::addColumn<QByteArray>("model");  // the edited config, in any layout
    QTest::addColumn<QByteArray>("expected");  // the user's file with the edit

    const QByteArray tabs = "<balancier version=\"1\">\n"
                            "\t<service name='s'>\n"
                            "\t\t<listen ip='*:80'/>   <!-- spaced -->\n"
                            "\t\t<group name=\"g\">\n"
                            "\t\t\t<host name=\"a\"\n"
                            "\t\t\t      ip=\"127.0.0.1:1\"/>\n"
                            "\t\t</group>\n"
                            "\t</service>\n"
                            "</balancier>\n";
    QByteArray added = tabs;
    added.replace("</group>", "<host name=\"b\" ip=\"127.0.0.1:2\"/>\n\t\t</group>");
    QByteArray expectedAdded = tabs;
    expectedAdded.replace("\t\t</group>", "\t\t\t<host name=\"b\" ip=\"127.0.0.1:2\"/>\n\t\t</group>");
    QTest::newRow("added host, tab indented") << tabs << added << expectedAdded;

    QByteArray renamed = tabs;
    renamed.replace("name=\"g\"", "name=\"g\" scheduler=\"p2c\"");
    QTest::newRow("changed tag keeps its line") << tabs << renamed << renamed;

    QByteArray removed = tabs;
    removed.replace("\t\t<listen ip='*:80'/>   <!-- spaced -->\n", "\t\t<listen ip='*:81'/>\n");
    QByteArray expectedRemoved = tabs;
    expectedRemoved.replace("<listen ip='*:80'/>   <!-- spaced -->", "<listen ip=\"*:81\"/>");
    QTest::newRow("replaced listener") << tabs << removed << expectedRemoved;

    QTest::newRow("no change") << tabs << tabs << tabs;
}

void tst_GuiEditor::layoutMerge()
{
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, model);
    QFETCH(QByteArray, expected);
    ConfigDocument document;
    QString error;
    QVERIFY2(document.setContent(user, &error), qPrintable(error));
    const QByteArray userWritten = document.toXml();
    const LoadResult edited = ConfigReader::readData(model, u"model"_s);
    QVERIFY(edited.ok());
    document.update(edited.config);
    const QByteArray merged = XmlLayoutMerge::merge(user, userWritten, document.toXml());
    QCOMPARE(merged, expected);
    // What the editor checks before it takes a merge: the same document.
    ConfigDocument check;
    QVERIFY(check.setContent(merged));
    QCOMPARE(check.toXml(), document.toXml());
}

void tst_GuiEditor::impactSummary_data()
{
    using Kind = ConfigChange::Kind;
    QTest::addColumn<QList<ConfigChange>>("changes");
    QTest::addColumn<QStringList>("phrases");

    QTest::newRow("issue example") << QList<ConfigChange>{{Kind::HostAdded, u"web"_s, u"prod"_s, u"x"_s, {},
                                                              {}, u"127.0.0.1:1"_s},
        {Kind::HostRemoved, u"web"_s, u"prod"_s, u"y"_s, {}, {}, {}},
        {Kind::GroupEnabled, u"z"_s, {}, {}, {}, u"prod"_s, u"upgrade"_s},
        {Kind::ListenerRemoved, u"web"_s, {}, u"127.0.0.1:80"_s, {}, {}, {}},
        {Kind::ListenerAdded, u"web"_s, {}, u"127.0.0.1:81"_s, {}, {}, {}}}
                                   << QStringList{u"adds host x"_s,
                                          u"drains host y (14 open connection(s))"_s,
                                          u"switches service z to group 'upgrade'"_s,
                                          u"rebinds listener 127.0.0.1:80 to 127.0.0.1:81"_s};
    QTest::newRow("listener closed, another opened elsewhere")
        << QList<ConfigChange>{{Kind::ListenerRemoved, u"a"_s, {}, u"*:80"_s, {}, {}, {}},
               {Kind::ListenerAdded, u"b"_s, {}, u"*:81"_s, {}, {}, {}}}
        << QStringList{u"opens listener *:81"_s, u"closes listener *:80"_s};
    QTest::newRow("host drained and reweighted")
        << QList<ConfigChange>{{Kind::HostChanged, u"web"_s, u"prod"_s, u"y"_s, {u"weight"_s, u"state"_s},
               u"weight 1, state ready"_s, u"weight 4, state drain"_s}}
        << QStringList{u"drains host y (14 open connection(s))"_s, u"sets the weight of host y to 4"_s};
    QTest::newRow("host to maintenance") << QList<ConfigChange>{{Kind::HostChanged, u"web"_s, u"prod"_s,
        u"x"_s, {u"state"_s}, u"ready"_s, u"maintenance"_s}}
                                         << QStringList{u"takes host x out of rotation"_s};
}

void tst_GuiEditor::impactSummary()
{
    QFETCH(QList<ConfigChange>, changes);
    QFETCH(QStringList, phrases);
    StatsSnapshot snapshot;
    ServiceStats web;
    web.name = u"web"_s;
    GroupStats prod;
    prod.name = u"prod"_s;
    HostStats y;
    y.name = u"y"_s;
    y.active = 14;
    prod.hosts.append(y);
    web.groups.append(prod);
    snapshot.services.append(web);
    QCOMPARE(ChangeImpact::summarize(changes, snapshot), phrases);
    // The Apply dialog leads with the same phrases.
    ApplyDialog dialog(changes, snapshot, u"test"_s);
    QVERIFY(dialog.summaryText().contains(phrases.constLast(), Qt::CaseInsensitive));
    QCOMPARE(dialog.changeList()->topLevelItemCount(), changes.size());
}

void tst_GuiEditor::impactFollowsScheduler_data()
{
    using Kind = ConfigChange::Kind;
    QTest::addColumn<QString>("scheduler");  // what the group runs now
    QTest::addColumn<ConfigChange>("change");
    QTest::addColumn<QList<ConfigChange>>("together");
    QTest::addColumn<QString>("impact");
    QTest::addColumn<bool>("disruptive");

    // What each scheduler does with a host's weight (docs/scheduling.md), and
    // whether it keeps clients on their hosts. A scheduler missing here fails
    // the test: its impact texts must be decided, not inherited.
    struct Expected
    {
        QString weightUp;
        QString weightDown;
        QString hostAdded;
        bool keepsClients = false;
    };
    const QString ignores = u"no effect on traffic: %1 ignores weights"_s;
    const QString added = u"host b starts taking connections once it is up"_s;
    const QString share = u"host b gets a %1 share of new connections"_s;
    const QString load = u"host b is given %1 open connections than before, relative to the others"_s;
    const QHash<QString, Expected> expected{
        {u"roundrobin"_s, {ignores.arg(u"roundrobin"_s), ignores.arg(u"roundrobin"_s), added, false}},
        {u"weighted"_s, {share.arg(u"larger"_s), share.arg(u"smaller"_s), added, false}},
        {u"random"_s, {ignores.arg(u"random"_s), ignores.arg(u"random"_s), added, false}},
        {u"leastconns"_s, {load.arg(u"more"_s), load.arg(u"fewer"_s), added, false}},
        {u"leastconnsrr"_s, {ignores.arg(u"leastconnsrr"_s), ignores.arg(u"leastconnsrr"_s), added, false}},
        {u"sticky"_s,
            {ignores.arg(u"sticky"_s), ignores.arg(u"sticky"_s),
                u"host b takes new clients once it is up; known clients keep their hosts"_s, true}},
        {u"hash"_s,
            {u"some clients move to host b (its part of the hash ring grows)"_s,
                u"some clients of host b move to other hosts (its part of the hash ring shrinks)"_s,
                u"host b starts taking connections once it is up; the clients that hash to it move to it"_s,
                true}},
        {u"p2c"_s, {load.arg(u"more"_s), load.arg(u"fewer"_s), added, false}},
        {u"maglev"_s,
            {u"some clients move to host b (its part of the Maglev table grows)"_s,
                u"some clients of host b move to other hosts (its part of the Maglev table shrinks)"_s,
                u"host b starts taking connections once it is up; the clients that hash to it move to it"_s,
                true}},
    };

    const auto host = [](const QStringList &fields, const QString &before, const QString &after) {
        return ConfigChange{Kind::HostChanged, u"web"_s, u"prod"_s, u"b"_s, fields, before, after};
    };
    const auto switchTo = [](const QString &from, const QString &to) {
        return ConfigChange{Kind::SchedulerChanged, u"web"_s, u"prod"_s, {}, {}, from, to};
    };
    for (const SchedulerInfo &info : SchedulerRegistry::all()) {
        const QString s = info.name;
        const QByteArray nameBytes = s.toUtf8();
        const char *name = nameBytes.constData();
        if (!expected.contains(s)) {
            QTest::addRow("%s: undecided", name)
                << s << host({u"weight"_s}, u"1"_s, u"3"_s) << QList<ConfigChange>()
                << u"(the test has no impact texts for this scheduler)"_s << true;
            continue;
        }
        const Expected &e = expected[s];
        const QString moved
            = e.keepsClients ? u"; the clients it kept are placed on other hosts"_s : QString();
        const bool weightMoves = e.weightUp != ignores.arg(s);
        QTest::addRow("%s: weight up", name)
            << s << host({u"weight"_s}, u"1"_s, u"3"_s) << QList<ConfigChange>() << e.weightUp << weightMoves;
        QTest::addRow("%s: weight down", name) << s << host({u"weight"_s}, u"3"_s, u"1"_s)
                                               << QList<ConfigChange>() << e.weightDown << weightMoves;
        QTest::addRow("%s: weight to 0", name)
            << s << host({u"weight"_s}, u"2"_s, u"0"_s) << QList<ConfigChange>()
            << u"no new connections to host b; 4 open connection(s) finish"_s + moved << true;
        QTest::addRow("%s: weight from 0", name)
            << s << host({u"weight"_s}, u"0"_s, u"2"_s) << QList<ConfigChange>()
            << u"host b takes new connections again"_s << true;
        QTest::addRow("%s: weight and address", name)
            << s
            << host({u"address"_s, u"weight"_s}, u"address 10.0.0.1:80, weight 1"_s,
                   u"address 10.0.0.2:80, weight 3"_s)
            << QList<ConfigChange>()
            << u"new connections to b go to the new address; 4 open connection(s) stay; "_s + e.weightUp
            << true;
        QTest::addRow("%s: weight up, switching to roundrobin", name)
            << s << host({u"weight"_s}, u"1"_s, u"3"_s) << QList<ConfigChange>{switchTo(s, u"roundrobin"_s)}
            << ignores.arg(u"roundrobin"_s) << false;
        QTest::addRow("%s: weight up, switching from roundrobin", name)
            << u"roundrobin"_s << host({u"weight"_s}, u"1"_s, u"3"_s)
            << QList<ConfigChange>{switchTo(u"roundrobin"_s, s)} << e.weightUp << weightMoves;
        QTest::addRow("%s: host added", name)
            << s << ConfigChange{Kind::HostAdded, u"web"_s, u"prod"_s, u"b"_s, {}, {}, u"10.0.0.2:80"_s}
            << QList<ConfigChange>() << e.hostAdded << false;
        QTest::addRow("%s: host removed", name)
            << s << ConfigChange{Kind::HostRemoved, u"web"_s, u"prod"_s, u"b"_s, {}, u"10.0.0.2:80"_s, {}}
            << QList<ConfigChange>() << u"drains host b (4 open connection(s))"_s + moved << true;
        QTest::addRow("%s: drain", name)
            << s << host({u"state"_s}, u"ready"_s, u"drain"_s) << QList<ConfigChange>()
            << u"drains host b (4 open connection(s))"_s + moved << true;
        QTest::addRow("%s: maintenance", name)
            << s << host({u"state"_s}, u"ready"_s, u"maintenance"_s) << QList<ConfigChange>()
            << u"takes host b out of rotation (4 open connection(s) finish)"_s + moved << true;
        QTest::addRow("%s: address", name)
            << s << host({u"address"_s}, u"10.0.0.1:80"_s, u"10.0.0.2:80"_s) << QList<ConfigChange>()
            << u"new connections to b go to the new address; 4 open connection(s) stay"_s << true;
        QTest::addRow("%s: scheduler switched away", name)
            << s << switchTo(s, u"roundrobin"_s) << QList<ConfigChange>()
            << (e.keepsClients
                       ? u"new connections are placed by roundrobin; clients lose the host %1 kept for them"_s
                             .arg(s)
                       : u"new connections are placed by roundrobin; open connections stay"_s)
            << false;
        QTest::addRow("%s: scheduler switched to", name)
            << u"roundrobin"_s << switchTo(u"roundrobin"_s, s) << QList<ConfigChange>()
            << u"new connections are placed by %1; open connections stay"_s.arg(s) << false;
    }
}

void tst_GuiEditor::impactFollowsScheduler()
{
    QFETCH(QString, scheduler);
    QFETCH(ConfigChange, change);
    QFETCH(QList<ConfigChange>, together);
    QFETCH(QString, impact);
    QFETCH(bool, disruptive);
    QVERIFY(ChangeImpact::knowsScheduler(scheduler));
    StatsSnapshot snapshot;
    ServiceStats web;
    web.name = u"web"_s;
    GroupStats prod;
    prod.name = u"prod"_s;
    prod.scheduler = scheduler;
    HostStats b;
    b.name = u"b"_s;
    b.active = 4;
    prod.hosts.append(b);
    web.groups.append(prod);
    snapshot.services.append(web);
    together.prepend(change);
    QCOMPARE(ChangeImpact::describe(change, snapshot, together), impact);
    QCOMPARE(ChangeImpact::isDisruptive(change, snapshot, together), disruptive);
    // The Apply dialog shows the same text.
    ApplyDialog dialog(together, snapshot, u"test"_s);
    QCOMPARE(dialog.changeList()->topLevelItem(0)->text(1), impact);
}

void tst_GuiEditor::validationAsYouType_data()
{
    QTest::addColumn<ConfigItemRef>("item");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");  // part of the message shown; empty: accepted

    const ConfigItemRef host{ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"a"_s};
    const ConfigItemRef listener{ConfigItemRef::Kind::Listener, u"web"_s, {}, u"*:8080"_s};
    const ConfigItemRef settings{ConfigItemRef::Kind::Settings, {}, {}, {}};
    QTest::newRow("host address without port") << host << u"ip"_s << u"127.0.0.1"_s << u"Not an address"_s;
    QTest::newRow("host port out of range") << host << u"ip"_s << u"127.0.0.1:70000"_s << u"Not an address"_s;
    QTest::newRow("host port zero") << host << u"ip"_s << u"127.0.0.1:0"_s << u"Not an address"_s;
    QTest::newRow("host address fine") << host << u"ip"_s << u"[::1]:81"_s << QString();
    QTest::newRow("duplicate host name") << host << u"name"_s << u"b"_s << u"already called"_s;
    QTest::newRow("empty host name") << host << u"name"_s << QString() << u"needs a name"_s;
    QTest::newRow("listener port zero") << listener << u"ip"_s << u"*:0"_s << QString();
    QTest::newRow("bad duration") << settings << u"draintimeout"_s << u"30 parsecs"_s << u"not a duration"_s;
    QTest::newRow("good duration") << settings << u"draintimeout"_s << u"90s"_s << QString();
    // backend feedback
    const ConfigItemRef group{ConfigItemRef::Kind::Group, u"web"_s, u"prod"_s, {}};
    QTest::newRow("group slowstart too long") << group << u"slowstart"_s << u"2h"_s << u"At most 1h"_s;
    QTest::newRow("group slowstart") << group << u"slowstart"_s << u"30s"_s << QString();
    QTest::newRow("group agentinterval too short")
        << group << u"agentinterval"_s << u"10ms"_s << u"from 100ms to 1h"_s;
    QTest::newRow("group agentsend") << group << u"agentsend"_s << u"status\\n"_s << QString();
    QTest::newRow("host agent port too high")
        << host << u"agent"_s << u"70000"_s << u"port from 1 to 65535"_s;
    QTest::newRow("host agent port") << host << u"agent"_s << u"5555"_s << QString();
    QTest::newRow("host own slowstart") << host << u"slowstart"_s << u"1m"_s << QString();
}

void tst_GuiEditor::validationAsYouType()
{
    QFETCH(ConfigItemRef, item);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    ConfigEditor editor;
    editor.show();
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    editor.selectItem(item);
    auto *edit = editor.form()->findChild<QLineEdit *>(u"field_"_s + field);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, value);
    // The message is there before the user is done typing.
    if (message.isEmpty())
        QCOMPARE(editor.form()->message(field), QString());
    else
        QVERIFY2(editor.form()->message(field).contains(message, Qt::CaseInsensitive),
            qPrintable(editor.form()->message(field)));
    QTest::keyClick(edit, Qt::Key_Return);
    // A bad value never reaches the draft; a good one does.
    QCOMPARE(editor.draft()->isModified(), message.isEmpty());
    QCOMPARE(editor.draft()->undoStack()->count(), message.isEmpty() ? 1 : 0);
}

void tst_GuiEditor::sourceViewSyncsBothWays()
{
    ConfigEditor editor;
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    XmlSourceEdit *source = editor.sourceEdit();
    QCOMPARE(source->toPlainText(), QString::fromUtf8(m_original));

    // Text -> model: rename host b in the XML.
    QString text = source->toPlainText();
    text.replace(
        uR"(<host name="b" ip="127.0.0.1:9002"/>)"_s, uR"(<host name="bee" ip="127.0.0.1:9002"/>)"_s);
    source->setPlainText(text);
    QSignalSpy edited(source, &XmlSourceEdit::textEditedByUser);
    QVERIFY(edited.wait(3000));  // after the typing pause
    QVERIFY(findHost(editor.draft()->config(), u"web"_s, u"prod"_s, u"bee"_s));
    QVERIFY(
        editor.treeModel()->indexOf({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"bee"_s}).isValid());
    QVERIFY(editor.draft()->text().contains("<!-- b is being retired -->"));

    // An error is located on its line: in the problems, the source view and the form.
    text = source->toPlainText();
    text.replace(u"127.0.0.1:9003"_s, u"127.0.0.1:99999"_s);
    source->setPlainText(text);
    source->flushEdits();
    QVERIFY(editor.draft()->hasErrors());
    const int line = int(text.left(text.indexOf(u"99999"_s)).count(u'\n')) + 1;
    bool found = false;
    for (const Diagnostic &diagnostic : editor.draft()->diagnostics())
        found = found || (diagnostic.line == line && diagnostic.severity == Diagnostic::Severity::Error);
    QVERIFY2(found, "no error on the line of the bad port");
    QVERIFY(!source->extraSelections().isEmpty());
    QCOMPARE(source->extraSelections().constFirst().cursor.blockNumber() + 1, line);
    QVERIFY(editor.problemList()->item(0)->text().contains(u"Line %1"_s.arg(line)));
    editor.selectItem({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"c"_s});
    QVERIFY(!editor.form()->message(u"ip"_s).isEmpty());

    // Not well-formed: the form is read-only until the text is fixed.
    source->setPlainText(text.left(text.size() / 2));
    source->flushEdits();
    QVERIFY(!editor.draft()->isWellFormed());
    QVERIFY(!editor.form()->fieldWidget(u"ip"_s)->isEnabled());
    // Undo the broken text and the bad port: model and view come back.
    // Typing on one line is one step, on another line the next: three
    // steps (rename, bad port, broken text), undone one by one.
    QCOMPARE(editor.draft()->undoStack()->count(), 3);
    editor.undoAction()->trigger();
    QVERIFY(editor.draft()->isWellFormed());
    QVERIFY(editor.draft()->hasErrors());
    editor.undoAction()->trigger();
    QVERIFY(!editor.draft()->hasErrors());
    QVERIFY(findHost(editor.draft()->config(), u"web"_s, u"prod"_s, u"bee"_s));
    editor.undoAction()->trigger();
    QVERIFY(editor.draft()->isWellFormed());
    QVERIFY(findHost(editor.draft()->config(), u"web"_s, u"prod"_s, u"b"_s));
    QCOMPARE(source->toPlainText(), QString::fromUtf8(m_original));

    // Model -> text: a form edit shows in the source view at once.
    editor.selectItem({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"a"_s});
    editor.form()->findChild<QSpinBox *>(u"field_maxconns"_s)->setValue(40);
    QVERIFY(source->toPlainText().contains(uR"(maxconns="40")"_s));
}

void tst_GuiEditor::typingUndoSteps()
{
    ConfigEditor editor;
    editor.resize(1200, 800);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    XmlSourceEdit *source = editor.sourceEdit();
    const auto typeAtEndOf = [source](int line, const QString &keys) {
        source->goToLine(line, 1000);
        QTest::keyClicks(source, keys);
    };
    // Two bursts on line 4, with a pause (a report) between them: one step.
    typeAtEndOf(4, u" <!-- one"_s);
    source->flushEdits();
    QTest::keyClicks(source, u" two -->"_s);
    source->flushEdits();
    QUndoStack *stack = editor.draft()->undoStack();
    QCOMPARE(stack->count(), 1);
    // On line 6: the next step. Ctrl+Z in the source view reaches the
    // editor's stack, with the typing not yet reported taken first.
    typeAtEndOf(6, u" <!-- three -->"_s);
    QVERIFY(source->hasPendingEdits());
    QTest::keySequence(source, QKeySequence::Undo);
    QCOMPARE(stack->count(), 2);
    QCOMPARE(stack->index(), 1);
    QVERIFY(editor.draft()->text().contains("<!-- global settings --> <!-- one two -->"));
    QVERIFY(!editor.draft()->text().contains("three"));
    QCOMPARE(source->toPlainText(), QString::fromUtf8(editor.draft()->text()));
    editor.undoAction()->trigger();
    QCOMPARE(editor.draft()->text(), m_original);
    editor.redoAction()->trigger();
    editor.redoAction()->trigger();
    QVERIFY(editor.draft()->text().contains("<checktime time=\"120\"/> <!-- three -->"));
}

void tst_GuiEditor::addAndRemoveItems()
{
    ConfigEditor editor;
    QString error;
    QVERIFY2(editor.openFile(m_path, &error), qPrintable(error));
    editor.selectItem({ConfigItemRef::Kind::Group, u"web"_s, u"test"_s, {}});
    const QList<QAction *> actions = editor.itemActions();
    QAction *addHost = actions.at(3);
    QAction *remove = actions.at(5);
    addHost->trigger();
    const ConfigItemRef added = editor.selectedItem();
    QCOMPARE(added.kind, ConfigItemRef::Kind::Host);
    QCOMPARE(added.group, u"test"_s);
    QVERIFY(findHost(editor.draft()->config(), u"web"_s, u"test"_s, added.name));
    remove->trigger();
    QVERIFY(!findHost(editor.draft()->config(), u"web"_s, u"test"_s, added.name));
    QCOMPARE(editor.selectedItem().kind, ConfigItemRef::Kind::Group);
    // Removing host b removes its comment too; undo brings both back.
    editor.selectItem({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"b"_s});
    remove->trigger();
    QVERIFY(!editor.draft()->text().contains("b is being retired"));
    editor.draft()->undoStack()->undo();
    editor.draft()->undoStack()->undo();
    editor.draft()->undoStack()->undo();
    QCOMPARE(editor.draft()->text(), m_original);
}

void tst_GuiEditor::legacyImport()
{
    ConfigEditor editor;
    QString error;
    QVERIFY2(editor.openFile(QStringLiteral(BALANCIER_TEST_DATA) + u"/document/pythondirector.xml"_s, &error),
        qPrintable(error));
    // Converted to native and left untitled, with the import report kept.
    QVERIFY(editor.draft()->filePath().isEmpty());
    QVERIFY(editor.draft()->text().contains("<balancier version=\"1\">"));
    QVERIFY(!editor.draft()->importReport().isEmpty());
    QCOMPARE(editor.draft()->config().service(u"web")->group(u"spare")->scheduler, u"roundrobin"_s);
    QVERIFY(!editor.draft()->hasErrors());

    // Opened as the user does (File > Open, or `balancier FILE`): the
    // import report is shown, every line of it.
    ConfigEditor interactive;
    QString shownText;
    QString shownDetails;
    auto *timer = new QTimer(&interactive);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, timer, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        shownText = box->text();
        shownDetails = box->detailedText();
        timer->stop();
        box->accept();
    });
    timer->start();
    QVERIFY(interactive.openFileInteractive(
        QStringLiteral(BALANCIER_TEST_DATA) + u"/document/pythondirector.xml"_s));
    QVERIFY2(shownText.contains(u"pythondirector.xml"_s), qPrintable(shownText));
    for (const Diagnostic &note : interactive.draft()->importReport())
        QVERIFY2(shownDetails.contains(note.toString()), qPrintable(note.toString()));
    QVERIFY(interactive.draft()->displayName().contains(u"imported"_s));
}

void tst_GuiEditor::applyAndRevertThroughLocalClient()
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
    // Start from what runs: nothing pending.
    editor.revertToRunning();
    QVERIFY(editor.pendingChanges().isEmpty());
    editor.selectItem({ConfigItemRef::Kind::Host, u"svc"_s, u"g"_s, u"two"_s});
    editor.form()->findChild<QComboBox *>(u"field_state"_s)->setCurrentIndex(2);  // maintenance
    QCOMPARE(editor.pendingChanges().size(), 1);
    QCOMPARE(editor.pendingChanges().constFirst().kind, ConfigChange::Kind::HostChanged);
    QVERIFY(editor.applyAction()->isEnabled());

    QSignalSpy applied(&client, &BalancerClient::configApplied);
    editor.applyDraft();
    QVERIFY(applied.wait(5000));
    QTRY_VERIFY(editor.pendingChanges().isEmpty());
    QTRY_COMPARE(liveState(client, u"two"_s), u"maintenance"_s);

    // A draft change, then Revert: the draft says what runs again.
    editor.form()->findChild<QSpinBox *>(u"field_weight"_s)->setValue(9);
    QCOMPARE(editor.pendingChanges().size(), 1);
    // However long the pending list, it never widens the editor (the window
    // would be cut at the screen's edge): the label cuts, its tooltip has all.
    auto *pendingLabel = editor.findChild<QLabel *>(u"pendingLabel"_s);
    QVERIFY(pendingLabel);
    const int narrow = editor.minimumSizeHint().width();
    pendingLabel->setText(QString(400, u'x'));
    QCOMPARE(editor.minimumSizeHint().width(), narrow);
    editor.revertToRunning();
    QVERIFY(editor.pendingChanges().isEmpty());
    QCOMPARE(findHost(editor.draft()->config(), u"svc"_s, u"g"_s, u"two"_s)->weight, 1);
    editor.setClient(nullptr);
}

QTEST_MAIN(tst_GuiEditor)
#include "tst_guieditor.moc"
