// Hitless binary upgrade of the real balancierd: SIGUSR2 or
// `balancierd --upgrade --pid-file FILE` starts the program again, hands it
// the listening sockets, and the old process drains. Clients must not
// notice: no connection refused or reset, and a stream that was open keeps
// going in the old process until it ends.

#include "daemonprocess.h"
#include "httptestclient.h"
#include "notifyreceiver.h"
#include "stubbackend.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#ifdef Q_OS_LINUX
#include <csignal>

#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr int StartTimeoutMs = 20000;
// Each step of the hand-over waits at most 10 s; under ASan start-up is slow.
constexpr int UpgradeTimeoutMs = 60000;

/// New connections, a few at a time, each until it has read the backend's
/// greeting: a connection refused, reset or closed early is a failure.
class ConnectionLoop final : public QObject
{
    Q_OBJECT

public:
    ConnectionLoop(quint16 port, QByteArray greeting, int parallel)
        : m_port(port)
        , m_greeting(std::move(greeting))
    {
        for (int i = 0; i < parallel; ++i)
            startOne();
    }

    void stop() { m_stopped = true; }
    bool idle() const { return m_open == 0; }
    int succeeded() const { return m_succeeded; }
    QStringList failures() const { return m_failures; }

private:
    void startOne()
    {
        if (m_stopped)
            return;
        auto *socket = new QTcpSocket(this);
        auto *received = new QByteArray;
        ++m_open;
        auto done = [this, socket, received](const QString &failure) {
            if (!failure.isEmpty())
                m_failures.append(failure);
            else
                ++m_succeeded;
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
            delete received;
            --m_open;
            startOne();
        };
        connect(socket, &QTcpSocket::readyRead, this, [socket, received, done, this] {
            *received += socket->readAll();
            if (received->contains('\n'))
                done(*received == m_greeting + '\n' ? QString()
                                                    : u"wrong greeting: "_s + QString::fromUtf8(*received));
        });
        connect(socket, &QTcpSocket::errorOccurred, this,
            [socket, done] { done(u"connection failed: "_s + socket->errorString()); });
        socket->connectToHost(QHostAddress::LocalHost, m_port);
    }

    quint16 m_port;
    QByteArray m_greeting;
    int m_open = 0;
    int m_succeeded = 0;
    QStringList m_failures;
    bool m_stopped = false;
};

/// Two workers, so two SO_REUSEPORT sockets per listener. `maxConns`: the
/// connection cap; clients beyond it wait in the listen backlog.
[[maybe_unused]] QByteArray config(const StubBackend &backend, quint16 adminPort, const QString &drainTimeout,
    int maxConns = 0, bool byName = false)
{
    return (u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<balancier version=\"1\">\n"
            "  <settings draintimeout=\"%1\" workers=\"2\" maxconns=\"%4\"/>\n"
            "  <health active=\"no\"/>\n"
            "  <admin listen=\"127.0.0.1:%2\"/>\n"
            "  <service name=\"web\">\n"
            "    <listen ip=\"127.0.0.1:0\"/>\n"
            "    <group name=\"g\"><host name=\"a\" ip=\"%3\"/></group>\n"
            "    <enable group=\"g\"/>\n"
            "  </service>\n"
            "</balancier>\n"_s)
        .arg(drainTimeout)
        .arg(adminPort)
        .arg(byName ? u"localhost:%1"_s.arg(backend.port()) : backend.address())
        .arg(maxConns)
        .toUtf8();
}

[[maybe_unused]] bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

[[maybe_unused]] qint64 readPid(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

/// A port that was free a moment ago: the admin API must keep its port
/// across an upgrade, so port 0 would not show that it did.
[[maybe_unused]] quint16 freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

/// The admin API answers on `port` (any HTTP status: it is up).
[[maybe_unused]] bool adminAnswers(quint16 port)
{
    return HttpTestClient(port).request("GET", "/api/v1/status").status != 0;
}

#ifdef Q_OS_LINUX
bool running(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0;
}

/// Stops the successor the old daemon started: this test is its subreaper,
/// so it can wait for it by pid.
bool stopSuccessor(qint64 pid, int signalNumber = SIGTERM)
{
    if (pid <= 0 || ::kill(pid_t(pid), signalNumber) != 0)
        return false;
    return QTest::qWaitFor([pid] { return ::waitpid(pid_t(pid), nullptr, WNOHANG) == pid_t(pid); }, 20000);
}

/// Kills the successor that `old` says it started, if it still runs when
/// the test ends (a failed check leaves it behind otherwise).
class SuccessorGuard final
{
    Q_DISABLE_COPY_MOVE(SuccessorGuard)

public:
    explicit SuccessorGuard(DaemonProcess &old)
        : m_old(old)
    { }
    ~SuccessorGuard()
    {
        // While the old process runs, the successor is its child, not ours:
        // kill it by the pid the old one announced, and reap it if it is ours.
        const QRegularExpressionMatch started
            = QRegularExpression(u"upgrade: started .* as pid (\\d+)"_s).match(m_old.output());
        if (!started.hasMatch())
            return;
        const auto pid = pid_t(started.captured(1).toLongLong());
        if (::kill(pid, SIGKILL) == 0)
            ::waitpid(pid, nullptr, WNOHANG);
    }

private:
    DaemonProcess &m_old;
};
#endif

}  // namespace

class TestUpgrade final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void upgradeLosesNoConnection_data();
    void upgradeLosesNoConnection();
    void failedUpgradeKeepsServing();
    void upgradeNeedsPidFile();
};

void TestUpgrade::initTestCase()
{
#ifdef Q_OS_LINUX
    // The successor is the old daemon's child; when the old one exits it
    // becomes ours, so the test can reap it.
    QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
#else
    QSKIP("a hitless upgrade is tested on Linux (SO_REUSEPORT, SCM_RIGHTS, SO_PASSCRED)");
#endif
}

void TestUpgrade::upgradeLosesNoConnection_data()
{
    QTest::addColumn<bool>("byName");
    QTest::newRow("host by address") << false;
    // The new process accepts on the inherited sockets only once the name
    // is resolved: a waiting client must not find its host unresolved.
    QTest::newRow("host by name") << true;
}

void TestUpgrade::upgradeLosesNoConnection()
{
#ifdef Q_OS_LINUX
    QFETCH(bool, byName);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    StubBackend backend(u"A"_s);
    QVERIFY(backend.listen());
    const quint16 adminPort = freePort();
    QVERIFY(adminPort != 0);
    const QString configPath = dir.filePath(u"balancier.xml"_s);
    const QString pidPath = dir.filePath(u"balancierd.pid"_s);
    // A cap of 2 with the stream holding one place: the other clients take
    // turns at the second, the rest wait in the backlogs of both sockets.
    // So at the switch there are always clients queued on the sockets the
    // old process closes; had it not passed the very sockets (or had the
    // new one not accepted from each of them), those would be reset.
    QVERIFY(writeFile(configPath, config(backend, adminPort, u"30s"_s, 2, byName)));
    NotifyReceiver notify;
    QVERIFY(notify.listen(dir.filePath(u"notify"_s)));

    DaemonProcess old(QStringLiteral(BALANCIERD_PATH));
    old.setEnvironment(u"NOTIFY_SOCKET"_s, notify.address());
    old.start({u"--config"_s, configPath, u"--pid-file"_s, pidPath});
    const QRegularExpressionMatch listening
        = old.waitForOutput(u"^listening: web 127\\.0\\.0\\.1:(\\d+)$"_s, StartTimeoutMs);
    QVERIFY2(listening.hasMatch(), qPrintable(old.output()));
    const quint16 port = quint16(listening.captured(1).toUInt());
    QTRY_VERIFY_WITH_TIMEOUT(notify.indexOf("READY=1") >= 0, StartTimeoutMs);
    const qint64 oldPid = old.pid();
    QCOMPARE(readPid(pidPath), oldPid);
    const SuccessorGuard guard(old);

    // A long-lived stream, opened before the upgrade.
    QTcpSocket stream;
    QByteArray streamed;
    connect(&stream, &QTcpSocket::readyRead, this, [&] { streamed += stream.readAll(); });
    stream.connectToHost(QHostAddress::LocalHost, port);
    QTRY_VERIFY_WITH_TIMEOUT(streamed == "A\n", 10000);

    ConnectionLoop loop(port, "A", 8);
    QTRY_VERIFY_WITH_TIMEOUT(loop.succeeded() >= 50, 20000);
    QVERIFY(old.waitForOutput(u"connection cap of 2 reached: new clients wait in the listen backlog"_s)
                .hasMatch());

    QProcess command;
    command.setProcessChannelMode(QProcess::MergedChannels);
    command.start(QStringLiteral(BALANCIERD_PATH), {u"--upgrade"_s, u"--pid-file"_s, pidPath});
    QTRY_VERIFY_WITH_TIMEOUT(command.state() == QProcess::NotRunning, UpgradeTimeoutMs);
    const QString commandOutput = QString::fromUtf8(command.readAll());
    QVERIFY2(command.exitCode() == 0, qPrintable(commandOutput + old.output()));
    const qint64 newPid = readPid(pidPath);
    QVERIFY(newPid != oldPid);
    QVERIFY(running(newPid));
    QVERIFY2(commandOutput.contains(u"upgraded: pid %1 serves"_s.arg(newPid)), qPrintable(commandOutput));

    // The new process accepts now, from the very same sockets.
    const int before = loop.succeeded();
    QTRY_VERIFY_WITH_TIMEOUT(loop.succeeded() >= before + 200, 30000);
    loop.stop();
    QTRY_VERIFY_WITH_TIMEOUT(loop.idle(), 10000);
    qInfo("%d connections across the upgrade, %d after it, %lld failed", loop.succeeded(),
        loop.succeeded() - before, static_cast<long long>(loop.failures().size()));
    QVERIFY2(loop.failures().isEmpty(),
        qPrintable(loop.failures().mid(0, 5).join(u'\n') + u"\n...\n"_s + old.output()));
    QVERIFY(
        old.output().contains(u"upgrade: took over 1 listener(s) (2 socket(s)) from pid %1"_s.arg(oldPid)));

    // The admin API moved to the new process, on the same port.
    QVERIFY(adminAnswers(adminPort));

    // The stream lives on in the old process, which drains until it ends.
    QVERIFY(running(oldPid));
    QCOMPARE(old.process().state(), QProcess::Running);
    stream.write("still there\n");
    QTRY_VERIFY_WITH_TIMEOUT(streamed == "A\nstill there\n", 10000);
    QVERIFY(stream.state() == QAbstractSocket::ConnectedState);
    stream.disconnectFromHost();
    QVERIFY(old.waitForExit(20000));
    QCOMPARE(old.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(old.process().exitCode(), 0);
    QCOMPARE(readPid(pidPath), newPid);  // the old one leaves the successor's pid file alone

    // systemd followed: the old process handed over the main pid, then the new one was ready.
    const qsizetype mainPid = notify.indexOf("MAINPID=" + QByteArray::number(newPid));
    QVERIFY2(mainPid > notify.indexOf("READY=1"), qPrintable(notify.dump()));
    QCOMPARE(notify.messages().at(mainPid).pid, oldPid);
    const qsizetype ready = notify.indexOf("READY=1", mainPid + 1);
    QVERIFY2(ready > mainPid, qPrintable(notify.dump()));
    QCOMPARE(notify.messages().at(ready).pid, newPid);
    QVERIFY2(notify.indexOf("STOPPING=1") < 0, qPrintable(notify.dump()));  // the service never stopped

    QVERIFY(stopSuccessor(newPid));
#endif
}

void TestUpgrade::failedUpgradeKeepsServing()
{
#ifdef Q_OS_LINUX
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    StubBackend backend(u"A"_s);
    QVERIFY(backend.listen());
    const quint16 adminPort = freePort();
    QVERIFY(adminPort != 0);
    const QString configPath = dir.filePath(u"balancier.xml"_s);
    const QString pidPath = dir.filePath(u"balancierd.pid"_s);
    QVERIFY(writeFile(configPath, config(backend, adminPort, u"2s"_s)));

    DaemonProcess old(QStringLiteral(BALANCIERD_PATH));
    old.start({u"--config"_s, configPath, u"--pid-file"_s, pidPath});
    const QRegularExpressionMatch listening
        = old.waitForOutput(u"^listening: web 127\\.0\\.0\\.1:(\\d+)$"_s, StartTimeoutMs);
    QVERIFY2(listening.hasMatch(), qPrintable(old.output()));
    const quint16 port = quint16(listening.captured(1).toUInt());
    QVERIFY(old.waitForOutput(u"^started: "_s).hasMatch());

    // The new process reads the config again: one it refuses fails the upgrade.
    QVERIFY(writeFile(configPath, "<balancier version=\"1\"><service name=\"web\"></balancier>\n"));
    const SuccessorGuard guard(old);
    QVERIFY(old.signal(SIGUSR2));
    QVERIFY2(
        old.waitForOutput(u"upgrade failed: .* \\(it exited with code 1\\); this process goes on serving"_s,
               UpgradeTimeoutMs)
            .hasMatch(),
        qPrintable(old.output()));
    QCOMPARE(readPid(pidPath), old.pid());
    ConnectionLoop loop(port, "A", 2);
    QTRY_VERIFY_WITH_TIMEOUT(loop.succeeded() >= 20, 20000);
    loop.stop();
    QTRY_VERIFY_WITH_TIMEOUT(loop.idle(), 10000);
    QVERIFY2(loop.failures().isEmpty(), qPrintable(loop.failures().join(u'\n')));
    QVERIFY(adminAnswers(adminPort));

    QVERIFY(old.signal(SIGTERM));
    QVERIFY(old.waitForExit(20000));
    QCOMPARE(old.process().exitCode(), 0);
#endif
}

void TestUpgrade::upgradeNeedsPidFile()
{
    DaemonProcess command(QStringLiteral(BALANCIERD_PATH));
    command.start({u"--upgrade"_s});
    QVERIFY(command.waitForExit(20000));
    QCOMPARE(command.process().exitCode(), 2);
    QVERIFY2(command.output().contains(u"--upgrade needs --pid-file FILE"_s), qPrintable(command.output()));

    QTemporaryDir dir;
    DaemonProcess missing(QStringLiteral(BALANCIERD_PATH));
    missing.start({u"--upgrade"_s, u"--pid-file"_s, dir.filePath(u"none.pid"_s)});
    QVERIFY(missing.waitForExit(20000));
    QCOMPARE(missing.process().exitCode(), 1);
    QVERIFY2(missing.output().contains(u"cannot read the pid file"_s), qPrintable(missing.output()));
}

QTEST_MAIN(TestUpgrade)
#include "tst_upgrade.moc"
