// The editor's draft -> diff -> apply flow and the config history, against
// a real balancierd (BALANCIERD_PATH) reached over its admin API: edits made
// through the editor's UI are shown as a semantic diff with their impact,
// applied live while a client connection through the balancer keeps
// flowing, and a version from the history is rolled back to.

#include "client/remoteclient.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "config/passwordhash.h"
#include "editor/applydialog.h"
#include "editor/configdraft.h"
#include "editor/configeditor.h"
#include "editor/confighistory.h"
#include "editor/historypanel.h"
#include "editor/propertyform.h"
#include "stubbackend.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

const QString adminPassword = u"tst_guiapply secret"_s;

/// A commented config for one service "web" on 127.0.0.1:0 with group
/// "prod" holding host "one", and the admin API on 127.0.0.1:0.
QByteArray daemonConfig(const StubBackend &one)
{
    // Few iterations: the client logs in on every request.
    const QString hash = PasswordHash::create(adminPassword, 1000);
    return (u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!-- written by tst_guiapply -->\n"
            "<balancier version=\"1\">\n"
            "  <settings draintimeout=\"2s\" persist=\"manual\"/>\n"
            "  <health active=\"no\"/>\n"
            "  <admin listen=\"127.0.0.1:0\">\n"
            "    <user name=\"admin\" password=\"%1\" access=\"full\"/>\n"
            "  </admin>\n"
            "  <service name=\"web\">\n"
            "    <listen ip=\"127.0.0.1:0\"/>\n"
            "    <group name=\"prod\" scheduler=\"roundrobin\">\n"
            "      <host name=\"one\" ip=\"%2\"/> <!-- the first backend -->\n"
            "    </group>\n"
            "    <enable group=\"prod\"/>\n"
            "  </service>\n"
            "</balancier>\n"_s)
        .arg(hash, one.address())
        .toUtf8();
}

/// balancierd with a config, its stderr collected to learn its ports.
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

    /// Starts with `configPath`; false (with the output) when it does not come up.
    bool start(const QString &configPath, QString *error)
    {
        m_process.start(QStringLiteral(BALANCIERD_PATH), {u"--config"_s, configPath});
        const bool up = QTest::qWaitFor(
            [this] {
                return m_process.state() == QProcess::NotRunning
                    || (m_err.contains("started: ") && m_err.contains("admin API: http"));
            },
            20000);
        const QString err = QString::fromUtf8(m_err);
        static const QRegularExpression listening(
            u"^listening: web 127\\.0\\.0\\.1:(\\d+)$"_s, QRegularExpression::MultilineOption);
        static const QRegularExpression admin(
            u"^admin API: http://127\\.0\\.0\\.1:(\\d+)$"_s, QRegularExpression::MultilineOption);
        m_port = quint16(listening.match(err).captured(1).toUInt());
        m_adminPort = quint16(admin.match(err).captured(1).toUInt());
        if (!up || m_port == 0 || m_adminPort == 0) {
            *error = u"balancierd did not start:\n"_s + err;
            return false;
        }
        return true;
    }

    /// Stops it with SIGTERM; true when it exited cleanly, with no
    /// sanitizer report.
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return false;
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            return false;
        m_err += m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0
            && !m_err.contains("Sanitizer") && !m_err.contains("runtime error");
    }

    quint16 port() const { return m_port; }
    QUrl adminUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_adminPort)); }
    QString err() const { return QString::fromUtf8(m_err); }

private:
    QProcess m_process;
    QByteArray m_err;
    quint16 m_port = 0;
    quint16 m_adminPort = 0;
};

/// A client connection through the balancer to a StubBackend (NameThenEcho).
class Connection final
{
    Q_DISABLE_COPY_MOVE(Connection)

public:
    Connection() = default;

    /// Connects and returns the name of the backend reached ("" on failure).
    QByteArray open(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!expect("\n"))
            return {};
        return m_seen.trimmed();
    }

    /// Sends `data` and waits for its echo.
    bool echoes(const QByteArray &data)
    {
        m_seen.clear();
        m_socket.write(data);
        return expect(data);
    }

    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    bool expect(const QByteArray &wanted)
    {
        return QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                const qsizetype at = m_buffer.indexOf(wanted);
                if (at < 0)
                    return false;
                m_seen = m_buffer.left(at + wanted.size());
                m_buffer.remove(0, at + wanted.size());
                return true;
            },
            5000);
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_seen;
};

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

/// The modal dialog shown next, once it is up: its summary and its changes;
/// accepted or rejected as asked.
struct DialogWatcher
{
    QString title;
    QString summary;
    QStringList changes;
    QStringList impacts;
    bool seen = false;

    void arm(bool accept)
    {
        auto *timer = new QTimer;
        timer->setInterval(20);
        QObject::connect(timer, &QTimer::timeout, timer, [this, timer, accept] {
            auto *dialog = qobject_cast<ApplyDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            seen = true;
            title = dialog->windowTitle();
            summary = dialog->summaryText();
            for (int i = 0; i < dialog->changeList()->topLevelItemCount(); ++i) {
                changes.append(dialog->changeList()->topLevelItem(i)->text(0));
                impacts.append(dialog->changeList()->topLevelItem(i)->text(1));
            }
            timer->deleteLater();
            if (accept)
                dialog->accept();
            else
                dialog->reject();
        });
        timer->start();
    }
};

}  // namespace

class tst_GuiApply final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void draftDiffApplyKeepsConnection();
    void rollbackFromHistory();
    void editorStartsFromRunningConfig();
    void editedDraftIsKeptWhenAsked_data();
    void editedDraftIsKeptWhenAsked();

private:
    /// Starts the daemon with its config file and connects a RemoteClient.
    void startDaemon();
    /// startDaemon(), then an editor showing the daemon's own config file.
    void startAll();
    /// The daemon's running config as its admin API serves it.
    QByteArray fetchRunning();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StubBackend> m_one;
    std::unique_ptr<StubBackend> m_two;
    std::unique_ptr<Daemon> m_daemon;
    std::unique_ptr<RemoteClient> m_client;
    std::unique_ptr<ConfigEditor> m_editor;
    std::unique_ptr<QAbstractItemModelTester> m_historyTester;
    QString m_configPath;
};

void tst_GuiApply::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_one = std::make_unique<StubBackend>(u"one"_s);
    m_two = std::make_unique<StubBackend>(u"two"_s);
    QVERIFY(m_one->listen());
    QVERIFY(m_two->listen());
}

void tst_GuiApply::cleanup()
{
    // The editor and the client go before the daemon they talk to.
    m_historyTester.reset();
    m_editor.reset();
    m_client.reset();
    if (m_daemon)
        QVERIFY2(m_daemon->stop(), qPrintable(m_daemon->err()));
    m_daemon.reset();
    m_two.reset();
    m_one.reset();
    m_dir.reset();
}

void tst_GuiApply::startDaemon()
{
    m_configPath = m_dir->filePath(u"balancier.xml"_s);
    QFile file(m_configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(daemonConfig(*m_one));
    file.close();
    m_daemon = std::make_unique<Daemon>();
    QString error;
    QVERIFY2(m_daemon->start(m_configPath, &error), qPrintable(error));

    m_client = std::make_unique<RemoteClient>(m_daemon->adminUrl(), u"admin"_s, adminPassword);
    m_client->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), BalancerClient::State::Connected, 10000);
}

void tst_GuiApply::startAll()
{
    startDaemon();
    if (QTest::currentTestFailed())
        return;
    QString error;
    m_editor = std::make_unique<ConfigEditor>();
    m_historyTester = std::make_unique<QAbstractItemModelTester>(
        m_editor->history(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_editor->resize(1200, 800);
    m_editor->show();
    m_editor->setClient(m_client.get());
    QVERIFY2(m_editor->openFile(m_configPath, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_editor->hasRunningConfig(), 10000);
    // The file is what runs: nothing pending, and the history starts with it.
    QVERIFY(m_editor->pendingChanges().isEmpty());
    QCOMPARE(m_editor->history()->count(), 1);
    QVERIFY(!m_editor->applyAction()->isEnabled());
    // A draft that says what runs is kept as opened, file and all.
    QCOMPARE(m_editor->draft()->filePath(), QFileInfo(m_configPath).absoluteFilePath());
}

QByteArray tst_GuiApply::fetchRunning()
{
    QByteArray xml;
    bool done = false;
    m_client->fetchRunningConfig(m_client.get(), [&](const ClientReply &reply) {
        xml = reply.ok ? reply.data : QByteArray();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return {};
    return xml;
}

void tst_GuiApply::draftDiffApplyKeepsConnection()
{
    startAll();
    if (QTest::currentTestFailed())
        return;

    // A client that stays connected across the apply.
    Connection longLived;
    QCOMPARE(longLived.open(m_daemon->port()), QByteArray("one"));
    QVERIFY(longLived.echoes("before the apply\n"));

    // The draft, edited through the UI: a new group "upgrade" with host
    // "two", and the service switched to it.
    ConfigEditor &editor = *m_editor;
    editor.selectItem({ConfigItemRef::Kind::Group, u"web"_s, u"prod"_s, {}});
    editor.itemActions().at(2)->trigger();  // Add Group
    QCOMPARE(editor.selectedItem().kind, ConfigItemRef::Kind::Group);
    typeInto(editor.form()->findChild<QLineEdit *>(u"field_name"_s), u"upgrade"_s);
    QCOMPARE(editor.selectedItem().group, u"upgrade"_s);
    editor.itemActions().at(3)->trigger();  // Add Host
    QCOMPARE(editor.selectedItem().kind, ConfigItemRef::Kind::Host);
    typeInto(editor.form()->findChild<QLineEdit *>(u"field_name"_s), u"two"_s);
    typeInto(editor.form()->findChild<QLineEdit *>(u"field_ip"_s), m_two->address());
    editor.selectItem({ConfigItemRef::Kind::Service, u"web"_s, {}, {}});
    auto *enable = editor.form()->findChild<QComboBox *>(u"field_enable"_s);
    QVERIFY(enable);
    enable->setCurrentIndex(enable->findData(u"upgrade"_s));
    QVERIFY2(!editor.draft()->hasErrors(), editor.draft()->text().constData());

    // The pending changes are shown before anything is applied.
    const QList<ConfigChange> pending = editor.pendingChanges();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).kind, ConfigChange::Kind::GroupAdded);
    QCOMPARE(pending.at(1).kind, ConfigChange::Kind::GroupEnabled);
    QVERIFY(editor.applyAction()->isEnabled());
    auto *pendingLabel = editor.findChild<QLabel *>(u"pendingLabel"_s);
    QVERIFY(pendingLabel->text().contains(u"2 change"_s));

    // The impact is counted from the pushed snapshots: wait for one that
    // has seen the long-lived connection.
    const auto openOnProd = [this] {
        const ServiceStats *web = m_client->snapshot().service(u"web");
        for (const GroupStats &group : web ? web->groups : QList<GroupStats>()) {
            if (group.name == u"prod"_s)
                return group.active;
        }
        return qint64(-1);
    };
    QTRY_COMPARE_WITH_TIMEOUT(openOnProd(), qint64(1), 5000);

    // Apply: the dialog shows the semantic diff and its impact. Cancel first:
    // nothing changes.
    DialogWatcher cancelled;
    cancelled.arm(false);
    editor.applyAction()->trigger();
    QTRY_VERIFY(cancelled.seen);
    QCOMPARE(cancelled.changes.size(), 2);
    QVERIFY2(cancelled.summary.contains(u"switches service web to group 'upgrade'"_s),
        qPrintable(cancelled.summary));
    QVERIFY2(
        cancelled.summary.startsWith(u"Adds group upgrade to service web"_s), qPrintable(cancelled.summary));
    // The impact counts the open connections from the live snapshot.
    QVERIFY2(cancelled.impacts.at(1).contains(u"1 open connection"_s)
            && cancelled.impacts.at(1).contains(u"stay on prod"_s),
        qPrintable(cancelled.impacts.at(1)));
    QCOMPARE(editor.pendingChanges().size(), 2);
    QCOMPARE(longLived.echoes("still prod\n"), true);
    Connection stillOne;
    QCOMPARE(stillOne.open(m_daemon->port()), QByteArray("one"));

    // Now accept it.
    QSignalSpy applied(m_client.get(), &BalancerClient::configApplied);
    DialogWatcher accepted;
    accepted.arm(true);
    editor.applyAction()->trigger();
    QTRY_VERIFY(accepted.seen);
    QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(editor.pendingChanges().isEmpty() && editor.history()->count() == 2, 10000);
    // The balancer's own history (balancierd keeps it): the app's apply is the desktop app's.
    QCOMPARE(editor.history()->version(0).origin, u"desktop app, admin from 127.0.0.1"_s);
    QCOMPARE(editor.history()->version(0).changes, pending);

    // Live, no restart: the same listener, new connections go to "two" and
    // the long-lived one still flows to "one".
    Connection after;
    QCOMPARE(after.open(m_daemon->port()), QByteArray("two"));
    QVERIFY(longLived.isOpen());
    QVERIFY(longLived.echoes("after the apply, still flowing\n"));
    QVERIFY(after.echoes("new one\n"));
    // One process, started once.
    QCOMPARE(m_daemon->err().count(u"started: "_s), 1);

    // Revert: the draft says what runs again.
    editor.selectItem({ConfigItemRef::Kind::Host, u"web"_s, u"upgrade"_s, u"two"_s});
    editor.form()->findChild<QComboBox *>(u"field_state"_s)->setCurrentIndex(1);  // drain
    QCOMPARE(editor.pendingChanges().size(), 1);
    QVERIFY(editor.revertAction()->isEnabled());
    editor.revertAction()->trigger();
    QVERIFY(editor.pendingChanges().isEmpty());
}

void tst_GuiApply::rollbackFromHistory()
{
    startAll();
    if (QTest::currentTestFailed())
        return;
    ConfigEditor &editor = *m_editor;
    editor.historyAction()->trigger();
    QVERIFY(editor.historyPanel()->isVisible());
    QVERIFY(!editor.historyPanel()->rollbackButton()->isEnabled());  // version 1 is what runs

    // Version 2: host "one" moved to backend two's address, applied.
    editor.selectItem({ConfigItemRef::Kind::Host, u"web"_s, u"prod"_s, u"one"_s});
    typeInto(editor.form()->findChild<QLineEdit *>(u"field_ip"_s), m_two->address());
    QCOMPARE(editor.pendingChanges().size(), 1);
    editor.applyDraft();
    QTRY_VERIFY_WITH_TIMEOUT(editor.history()->count() == 2, 10000);
    {
        Connection probe;
        QCOMPARE(probe.open(m_daemon->port()), QByteArray("two"));
    }
    const ConfigHistory::Version &second = editor.history()->version(0);
    QCOMPARE(second.number, 2);
    QCOMPARE(second.changes.size(), 1);
    QCOMPARE(second.changes.constFirst().kind, ConfigChange::Kind::HostChanged);
    QVERIFY(editor.historyPanel()->changeList()->count() == 1);

    // Roll back to version 1 from the panel: select it, click, confirm.
    QTreeView *versions = editor.historyPanel()->versionView();
    versions->setCurrentIndex(editor.history()->index(1, 0));
    QCOMPARE(editor.historyPanel()->selectedNumber(), 1);
    QTRY_VERIFY(editor.historyPanel()->rollbackButton()->isEnabled());
    QSignalSpy applied(m_client.get(), &BalancerClient::configApplied);
    DialogWatcher dialog;
    dialog.arm(true);
    QTest::mouseClick(editor.historyPanel()->rollbackButton(), Qt::LeftButton);
    QTRY_VERIFY(dialog.seen);
    QCOMPARE(dialog.title, u"Roll Back to Version 1"_s);
    QCOMPARE(dialog.changes.size(), 1);
    QVERIFY2(dialog.summary.contains(u"moves host one to %1"_s.arg(m_one->address()), Qt::CaseInsensitive),
        qPrintable(dialog.summary));
    QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), 10000);

    // The daemon runs version 1 again; the history says so as version 3,
    // recorded as a rollback (POST …/history/1/rollback), not as a new apply.
    QTRY_VERIFY_WITH_TIMEOUT(editor.history()->count() == 3, 10000);
    QCOMPARE(editor.history()->version(0).origin, u"rollback to version 1, admin from 127.0.0.1"_s);
    QCOMPARE(editor.history()->version(0).config, editor.history()->version(2).config);
    QCOMPARE(editor.runningConfig(), editor.history()->version(2).config);
    const ServiceConfig *web = editor.runningConfig().service(u"web");
    QCOMPARE(web->group(u"prod")->host(u"one")->address, m_one->address());
    Connection probe;
    QCOMPARE(probe.open(m_daemon->port()), QByteArray("one"));
    // The draft is the user's and is left alone: it now differs from what runs.
    QCOMPARE(editor.pendingChanges().size(), 1);
}

void tst_GuiApply::editorStartsFromRunningConfig()
{
    // A new user connects: the editor holds the new-file template, which
    // differs from what runs. It must show the running config, not offer
    // to replace it with the template.
    startDaemon();
    if (QTest::currentTestFailed())
        return;
    m_editor = std::make_unique<ConfigEditor>();
    ConfigEditor &editor = *m_editor;
    int asked = 0;
    editor.setDraftQuestion([&asked](const QList<ConfigChange> &) {
        ++asked;
        return ConfigEditor::DraftChoice::KeepDraft;
    });
    QVERIFY(!editor.draft()->isModified());
    const QByteArray running = fetchRunning();
    QVERIFY(!running.isEmpty());
    QVERIFY(editor.draft()->text() != running);
    editor.setClient(m_client.get());
    QTRY_VERIFY_WITH_TIMEOUT(editor.hasRunningConfig(), 10000);
    // Unedited: replaced without a question.
    QCOMPARE(asked, 0);
    QCOMPARE(editor.draft()->text(), running);
    QCOMPARE(editor.draft()->config(), editor.runningConfig());
    QVERIFY(!editor.draft()->isModified());
    QVERIFY(editor.draft()->filePath().isEmpty());
    QVERIFY(editor.pendingChanges().isEmpty());
    QCOMPARE(
        editor.findChild<QLabel *>(u"pendingLabel"_s)->text(), u"The draft matches the running config."_s);
    QVERIFY(!editor.applyAction()->isEnabled());
    QVERIFY(editor.runningConfig().service(u"web"_s)->group(u"prod"_s)->host(u"one"_s));
    QCOMPARE(editor.selectedItem().kind, ConfigItemRef::Kind::Settings);
}

void tst_GuiApply::editedDraftIsKeptWhenAsked_data()
{
    QTest::addColumn<bool>("keep");
    QTest::newRow("keep my draft") << true;
    QTest::newRow("load the running config") << false;
}

void tst_GuiApply::editedDraftIsKeptWhenAsked()
{
    QFETCH(bool, keep);
    startDaemon();
    if (QTest::currentTestFailed())
        return;
    m_editor = std::make_unique<ConfigEditor>();
    ConfigEditor &editor = *m_editor;
    editor.resize(1200, 800);
    editor.show();
    // The user edits the template before connecting.
    editor.selectItem({ConfigItemRef::Kind::Host, u"web"_s, u"main"_s, u"a"_s});
    typeInto(editor.form()->findChild<QLineEdit *>(u"field_ip"_s), m_two->address());
    QVERIFY(editor.draft()->isModified());
    const QByteArray edited = editor.draft()->text();
    const Config editedConfig = editor.draft()->config();
    QList<QList<ConfigChange>> asked;
    editor.setDraftQuestion([&asked, keep](const QList<ConfigChange> &pending) {
        asked.append(pending);
        return keep ? ConfigEditor::DraftChoice::KeepDraft : ConfigEditor::DraftChoice::LoadRunning;
    });
    editor.setClient(m_client.get());
    QTRY_VERIFY_WITH_TIMEOUT(editor.hasRunningConfig(), 10000);
    // Asked once, with what applying the draft would change.
    QCOMPARE(asked.size(), 1);
    QVERIFY(!asked.constFirst().isEmpty());
    QCOMPARE(asked.constFirst(), diffConfigs(editor.runningConfig(), editedConfig));
    if (keep) {
        QCOMPARE(editor.draft()->text(), edited);
        QVERIFY(editor.draft()->isModified());
        QCOMPARE(editor.pendingChanges(), asked.constFirst());
    } else {
        QCOMPARE(editor.draft()->text(), fetchRunning());
        QVERIFY(!editor.draft()->isModified());
        QVERIFY(editor.pendingChanges().isEmpty());
    }
    // A later change from elsewhere does not ask again.
    QSignalSpy applied(m_client.get(), &BalancerClient::configApplied);
    Config next = editor.runningConfig();
    next.service(u"web"_s)->group(u"prod"_s)->host(u"one"_s)->weight = 5;
    bool done = false;
    m_client->applyConfig(
        ConfigDocument::serialize(next), false, this, [&](const ClientReply &) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(editor.history()->count() == 2, 10000);
    QCOMPARE(asked.size(), 1);
}

QTEST_MAIN(tst_GuiApply)
#include "tst_guiapply.moc"
