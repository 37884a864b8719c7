// The Log page for a remote balancierd: a real daemon (BALANCIERD_PATH)
// reached over its admin API fills the page with its recent log lines on
// connect (GET /api/v1/log), then streams new ones ("log" events) with
// their level, and a reconnect does not repeat what was shown.

#include "client/remoteclient.h"
#include "common/preferences.h"
#include "config/passwordhash.h"
#include "log/eventlogmodel.h"
#include "mainwindow.h"
#include "stubbackend.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

const QString adminPassword = u"tst_guilog secret"_s;

/// balancierd with one service "web" (group "prod", host "one") and the
/// admin API on 127.0.0.1:0; its stderr collected to learn the admin port.
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

    /// SIGTERM; true when it exited cleanly with no sanitizer report.
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

    QUrl adminUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_adminPort)); }
    QString err() const { return QString::fromUtf8(m_err); }

private:
    QProcess m_process;
    QByteArray m_err;
    quint16 m_adminPort = 0;
};

}  // namespace

class tst_GuiLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void daemonLogReachesLogPage();

private:
    QTemporaryDir m_dir;
};

void tst_GuiLog::daemonLogReachesLogPage()
{
    QVERIFY(m_dir.isValid());
    StubBackend one(u"one"_s);
    QVERIFY(one.listen());
    const QString configPath = m_dir.filePath(u"balancier.xml"_s);
    {
        QFile file(configPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Few iterations: the client logs in on every request.
        file.write((u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<balancier version=\"1\">\n"
                    "  <settings draintimeout=\"2s\"/>\n"
                    "  <health active=\"no\"/>\n"
                    "  <admin listen=\"127.0.0.1:0\">\n"
                    "    <user name=\"admin\" password=\"%1\" access=\"full\"/>\n"
                    "  </admin>\n"
                    "  <service name=\"web\">\n"
                    "    <listen ip=\"127.0.0.1:0\"/>\n"
                    "    <group name=\"prod\" scheduler=\"roundrobin\">\n"
                    "      <host name=\"one\" ip=\"%2\"/>\n"
                    "    </group>\n"
                    "    <enable group=\"prod\"/>\n"
                    "  </service>\n"
                    "</balancier>\n"_s)
                       .arg(PasswordHash::create(adminPassword, 1000), one.address())
                       .toUtf8());
    }
    Daemon daemon;
    QString error;
    QVERIFY2(daemon.start(configPath, &error), qPrintable(error));

    Preferences preferences(m_dir.filePath(u"log.ini"_s));
    MainWindow window(&preferences);
    QAbstractItemModelTester tester(window.log());
    auto remote = std::make_unique<RemoteClient>(daemon.adminUrl(), u"admin"_s, adminPassword);
    RemoteClient *client = remote.get();
    window.setClient(std::move(remote));
    const auto count = [&window](const QString &source, const QString &text,
                           EventLogModel::Level level = EventLogModel::Level::Info) {
        int found = 0;
        for (const EventLogModel::Entry &entry : window.log()->entries()) {
            if (entry.source == source && entry.message.contains(text) && entry.level == level)
                ++found;
        }
        return found;
    };

    // On connect, what the daemon logged before: the admin API's start.
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), BalancerClient::State::Connected, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(count(u"admin"_s, u"admin API on http://127.0.0.1"_s), 1, 10000);

    // A host drained through the admin API: the daemon's line arrives live.
    bool drained = false;
    client->hostAction({u"web"_s, u"prod"_s, u"one"_s}, HostAction::Drain, 0, this,
        [&drained](const ClientReply &reply) { drained = reply.ok; });
    QTRY_VERIFY(drained);
    const QString drainLine = u"admin: POST /api/v1/services/web/groups/prod/hosts/one/drain by admin"_s;
    QTRY_VERIFY2_WITH_TIMEOUT(count(u"admin"_s, drainLine) == 1, qPrintable(window.log()->toText()), 10000);

    // A refused login is a warning in the daemon's log, and on the page.
    RemoteClient intruder(daemon.adminUrl(), u"admin"_s, u"wrong"_s);
    intruder.start();
    QTRY_COMPARE_WITH_TIMEOUT(count(u"admin"_s, u"failed login"_s, EventLogModel::Level::Warning), 1, 10000);
    intruder.stop();

    // A new refresh rate reopens the stream and fetches the log again: the
    // lines already shown are not repeated. The next live line is streamed
    // only after that fetch, so once it is there, the fetch was handled.
    const int connects = client->connectCount();
    client->setRefreshRate(5);
    QTRY_VERIFY_WITH_TIMEOUT(client->connectCount() > connects, 10000);
    QTRY_COMPARE(client->state(), BalancerClient::State::Connected);
    bool ready = false;
    client->hostAction({u"web"_s, u"prod"_s, u"one"_s}, HostAction::Ready, 0, this,
        [&ready](const ClientReply &reply) { ready = reply.ok; });
    QTRY_VERIFY(ready);
    QTRY_COMPARE_WITH_TIMEOUT(
        count(u"admin"_s, u"admin: POST /api/v1/services/web/groups/prod/hosts/one/ready"_s), 1, 10000);
    QCOMPARE(count(u"admin"_s, u"admin API on http://127.0.0.1"_s), 1);
    QCOMPARE(count(u"admin"_s, drainLine), 1);
    QCOMPARE(count(u"admin"_s, u"failed login"_s, EventLogModel::Level::Warning), 1);

    window.disconnectClient();
    QVERIFY2(daemon.stop(), qPrintable(daemon.err()));
}

QTEST_MAIN(tst_GuiLog)
#include "tst_guilog.moc"
