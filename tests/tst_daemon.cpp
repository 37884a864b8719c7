// The real balancierd binary, driven from outside as an operator or a
// service manager would: arguments, exit codes, output, signals, sockets.

#include "config/configpersistence.h"
#include "config/configreader.h"
#include "config/passwordhash.h"
#include "handformattedconfig.h"
#include "httptestclient.h"
#include "stubbackend.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/types.h>
#include <unistd.h>
#endif

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

constexpr int CommandTimeoutMs = 20000;
constexpr int StartTimeoutMs = 15000;

const QString hintLine = u"Try 'balancierd --help'."_s;

/// One balancierd process with its output collected as it arrives.
class DaemonProcess final
{
    Q_DISABLE_COPY_MOVE(DaemonProcess)

public:
    DaemonProcess()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // The format of stderr depends on where it goes; make it the pipe's.
        environment.remove(u"JOURNAL_STREAM"_s);
        m_process.setProcessEnvironment(environment);
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
            [this] { m_err += m_process.readAllStandardError(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
            [this] { m_out += m_process.readAllStandardOutput(); });
    }

    ~DaemonProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QProcess &process() { return m_process; }

    void setEnvironment(const QString &name, const QString &value)
    {
        QProcessEnvironment environment = m_process.processEnvironment();
        environment.insert(name, value);
        m_process.setProcessEnvironment(environment);
    }

    void start(const QStringList &arguments, const QString &workingDirectory = {})
    {
        if (!workingDirectory.isEmpty())
            m_process.setWorkingDirectory(workingDirectory);
        m_process.start(QStringLiteral(BALANCIERD_PATH), arguments);
    }

    /// Runs to completion; false on a timeout.
    bool run(const QStringList &arguments, const QByteArray &input = {}, bool closeInput = true)
    {
        start(arguments);
        if (!input.isEmpty())
            m_process.write(input);
        if (closeInput)
            m_process.closeWriteChannel();
        return waitForExit(CommandTimeoutMs);
    }

    bool waitForExit(int timeoutMs)
    {
        const bool exited
            = QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
        m_err += m_process.readAllStandardError();
        m_out += m_process.readAllStandardOutput();
        return exited;
    }

    /// Waits until stderr matches `pattern`; the match is returned.
    QRegularExpressionMatch waitForError(const QString &pattern, int timeoutMs = StartTimeoutMs)
    {
        const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
        QRegularExpressionMatch match;
        static_cast<void>(QTest::qWaitFor(
            [&] {
                match = expression.match(QString::fromUtf8(m_err));
                return match.hasMatch() || m_process.state() == QProcess::NotRunning;
            },
            timeoutMs));
        if (!match.hasMatch())
            match = expression.match(QString::fromUtf8(m_err + m_process.readAllStandardError()));
        return match;
    }

    /// Starts a config and returns the port of its first listener, 0 on failure.
    quint16 startAndWaitForListener(const QStringList &arguments, const QString &service)
    {
        start(arguments);
        const QRegularExpressionMatch listening
            = waitForError(u"^listening: "_s + service + u" 127\\.0\\.0\\.1:(\\d+)$"_s);
        if (!listening.hasMatch() || !waitForError(u"^started: "_s).hasMatch())
            return 0;
        return quint16(listening.captured(1).toUInt());
    }

    /// Waits for the "admin API: URL" status line (the `occurrence`th one)
    /// and returns its port, 0 when none came.
    quint16 waitForAdminPort(int occurrence = 1)
    {
        static const QRegularExpression adminLine(
            u"^admin API: http://127\\.0\\.0\\.1:(\\d+)$"_s, QRegularExpression::MultilineOption);
        quint16 port = 0;
        static_cast<void>(QTest::qWaitFor(
            [&] {
                int seen = 0;
                QRegularExpressionMatchIterator it = adminLine.globalMatch(QString::fromUtf8(m_err));
                while (it.hasNext()) {
                    const QRegularExpressionMatch match = it.next();
                    if (++seen == occurrence) {
                        port = quint16(match.captured(1).toUInt());
                        return true;
                    }
                }
                return m_process.state() == QProcess::NotRunning;
            },
            StartTimeoutMs));
        return port;
    }

    bool signal(int signalNumber)
    {
#ifdef Q_OS_UNIX
        return ::kill(pid_t(m_process.processId()), signalNumber) == 0;
#else
        Q_UNUSED(signalNumber)
        return false;
#endif
    }

    int exitCode() const
    {
        return m_process.exitCode();
    }
    QProcess::ExitStatus exitStatus() const
    {
        return m_process.exitStatus();
    }
    QString out() const
    {
        return QString::fromUtf8(m_out);
    }
    QString err() const
    {
        return QString::fromUtf8(m_err);
    }
    QStringList errLines() const
    {
        return err().split(u'\n', Qt::SkipEmptyParts);
    }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};

/// A client connection through the balancer.
class Client final
{
    Q_DISABLE_COPY_MOVE(Client)

public:
    Client() = default;

    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }

    /// Reads until `expected` has arrived (it is then consumed); false on timeout.
    bool expect(const QByteArray &expected, int timeoutMs = 5000)
    {
        const bool arrived = QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return m_buffer.contains(expected);
            },
            timeoutMs);
        if (arrived)
            m_buffer.remove(0, m_buffer.indexOf(expected) + expected.size());
        return arrived;
    }

    /// The first line that arrives (a StubBackend's greeting is its name).
    QByteArray readLine(int timeoutMs = 5000)
    {
        static_cast<void>(QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return m_buffer.contains('\n');
            },
            timeoutMs));
        const qsizetype end = m_buffer.indexOf('\n');
        if (end < 0)
            return {};
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        return line;
    }

    /// Sends data and waits for the backend's echo.
    bool echoes(const QByteArray &data)
    {
        m_socket.write(data);
        return expect(data);
    }

    /// One HTTP/1.1 request on this connection; the body of the answer, or
    /// a null array when no complete answer came.
    QByteArray httpGet(const QByteArray &path = "/")
    {
        m_socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: tst_daemon\r\n\r\n");
        QByteArray body;
        const bool complete = QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
                if (headEnd < 0)
                    return false;
                static const QRegularExpression lengthHeader(u"(?im)^content-length:\\s*(\\d+)\\s*$"_s);
                const QRegularExpressionMatch length
                    = lengthHeader.match(QString::fromLatin1(m_buffer.left(headEnd)));
                if (!length.hasMatch())
                    return false;
                const qsizetype total = headEnd + 4 + length.captured(1).toLongLong();
                if (m_buffer.size() < total)
                    return false;
                m_lastHead = m_buffer.left(headEnd);
                body = m_buffer.mid(headEnd + 4, total - headEnd - 4);
                m_buffer.remove(0, total);
                return true;
            },
            5000);
        return complete ? body : QByteArray();
    }

    QByteArray lastHead() const { return m_lastHead; }

    bool waitForDisconnect(int timeoutMs)
    {
        return QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }

    void close() { m_socket.disconnectFromHost(); }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_lastHead;
};

/// True when a connection to `port` is refused (nothing listens there).
bool refused(quint16 port)
{
    QTcpSocket socket;
    bool wasRefused = false;
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &socket, [&](QAbstractSocket::SocketError error) {
        wasRefused = error == QAbstractSocket::ConnectionRefusedError;
    });
    socket.connectToHost(QHostAddress::LocalHost, port);
    static_cast<void>(QTest::qWaitFor(
        [&] { return wasRefused || socket.state() == QAbstractSocket::ConnectedState; }, 2000));
    return wasRefused;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// A native config: service "web" on 127.0.0.1:0, group "blue" (host a) and
/// "green" (host b), the named group enabled.
QByteArray twoGroupConfig(const StubBackend &a, const StubBackend &b, const QString &enabled,
    const QString &drainTimeout = u"10s"_s, const QString &extra = {})
{
    return (u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!-- written by tst_daemon -->\n"
            "<balancier version=\"1\">\n"
            "  <settings draintimeout=\"%1\"/>\n"
            "  <health active=\"no\"/>\n"
            "%2"
            "  <service name=\"web\">\n"
            "    <listen ip=\"127.0.0.1:0\"/>\n"
            "    <group name=\"blue\"><host name=\"a\" ip=\"%3\"/></group>\n"
            "    <group name=\"green\"><host name=\"b\" ip=\"%4\"/></group>\n"
            "    <enable group=\"%5\"/>\n"
            "  </service>\n"
            "</balancier>\n"_s)
        .arg(drainTimeout, extra, a.address(), b.address(), enabled)
        .toUtf8();
}

const QString adminPassword = u"tst_daemon secret"_s;

/// The hash of adminPassword, made once: few iterations, the tests log in often.
const QString &adminPasswordHash()
{
    static const QString hash = PasswordHash::create(adminPassword, 1000);
    return hash;
}

/// A commented native config with the admin API: service "web" on
/// 127.0.0.1:0, group "prod" (roundrobin) with one host per backend, named
/// after the backend in lower case; user "admin" with adminPassword.
QByteArray adminConfig(const QList<const StubBackend *> &backends, const QString &persist,
    const QString &adminListen = u"127.0.0.1:0"_s)
{
    QString hosts;
    for (const StubBackend *backend : backends) {
        hosts
            += u"      <host name=\"%1\" ip=\"%2\"/>\n"_s.arg(backend->name().toLower(), backend->address());
    }
    return (u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!-- written by tst_daemon: keep this comment -->\n"
            "<balancier version=\"1\">\n"
            "  <settings draintimeout=\"2s\" persist=\"%1\"/>\n"
            "  <health active=\"no\"/>\n"
            "  <admin listen=\"%2\">\n"
            "    <user name=\"admin\" password=\"%3\" access=\"full\"/> <!-- the operator -->\n"
            "  </admin>\n"
            "  <service name=\"web\">\n"
            "    <listen ip=\"127.0.0.1:0\"/>\n"
            "    <group name=\"prod\" scheduler=\"roundrobin\">\n"
            "      <!-- the hosts of prod -->\n"
            "%4"
            "    </group>\n"
            "    <enable group=\"prod\"/>\n"
            "  </service>\n"
            "</balancier>\n"_s)
        .arg(persist, adminListen, adminPasswordHash(), hosts)
        .toUtf8();
}

/// One admin API request as user "admin"; the response.
HttpTestResponse adminRequest(
    quint16 port, const QByteArray &method, const QByteArray &path, const QString &password = adminPassword)
{
    return HttpTestClient(port).request(method, path, u"admin"_s, password);
}

/// The sorted, distinct greetings (backend names) that `count` new
/// connections through the balancer get, one connection after the other.
QStringList backendsReached(quint16 port, int count)
{
    QSet<QString> names;
    for (int i = 0; i < count; ++i) {
        Client client;
        if (!client.connectTo(port))
            return {u"(connection failed)"_s};
        names.insert(QString::fromUtf8(client.readLine()));
        client.close();
    }
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    return sorted;
}

/// A port nothing listens on right now (the system's choice, released).
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

const QByteArray pythonDirectorConfig = R"(<pdconfig>
    <service name="web">
        <listen ip="*:8080"/>
        <group name="main" scheduler="roundr">
            <host name="one" ip="127.0.0.1:9001"/>
            <host name="two" ip="127.0.0.1:9002"/>
        </group>
        <enable group="main"/>
    </service>
    <admin listen="127.0.0.1:7001">
        <user name="admin" password="abgOeLfPimXQo" access="full"/>
    </admin>
    <checktime time="60"/>
</pdconfig>
)";

const QByteArray txLoadBalancerConfig = R"(<config>
  <service name="tx">
    <listen ip="127.0.0.1:8081"/>
    <group name="servers" scheduler="weightr" enable="true">
      <host name="s1" ip="127.0.0.1:7001" weight="5"/>
      <host name="s2" ip="127.0.0.1:7002" weight="20"/>
    </group>
  </service>
  <admin>
    <web listen="127.0.0.1:7000" enable="true"/>
    <user name="admin" password="xy/gRonXQz8UE" access="full"/>
  </admin>
</config>
)";

// Errors on lines 4, 5, 6 and 8.
const QByteArray invalidConfig = R"(<?xml version="1.0" encoding="UTF-8"?>
<balancier version="1">
  <service name="web">
    <listen ip="127.0.0.1:99999"/>
    <group name="g" scheduler="fastest">
      <host name="a" ip="127.0.0.1:9001" weight="-1"/>
    </group>
    <enable group="nope"/>
  </service>
</balancier>
)";

}  // namespace

class tst_Daemon final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    // Command line.
    void version();
    void help();
    void badArguments_data();
    void badArguments();

    // One-shot commands.
    void checkValid();
    void checkInvalid();
    void checkLegacy();
    void importLegacy_data();
    void importLegacy();
    void importErrors();
    void hashPassword();
    void hashPasswordRefusesEmpty_data();
    void hashPasswordRefusesEmpty();

    // Running.
    void refusesConfigWithErrors();
    void findsConfigInWorkingDirectory();
    void withoutConfigRunsDemo();
    void logLevelAndFormat_data();
    void logLevelAndFormat();
    void demo();
    void demoPortBusy();
    void reloadKeepsConnections();
    void reloadBrokenFileKeepsServing();
    void reloadDrainTimeoutCutsRemovedHost();
    void terminateDrains();
    void terminateCutsAtTimeout();
    void secondSignalStopsAtOnce_data();
    void secondSignalStopsAtOnce();
    void logFileReopenedOnHangup();
    void pidFile();
    void restartWhileDraining();

    // The admin API in the running daemon.
    void demoAdminApi();
    void adminBindFailureRefusesStart();
    void listenerBindFailureRefusesStart();
    void reloadMovesAdmin();
    void reloadRefusedAdminMoveChangesNothing_data();
    void reloadRefusedAdminMoveChangesNothing();
    void persistenceAcrossRestart();
    void persistAutoWritesAtOnce();
    void saveKeepsUserLayout_data();
    void saveKeepsUserLayout();
    void reloadKeepsRuntimeAdminStates();
    void putConfigMovesAdmin();
    void putConfigSavesOnce();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Daemon::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_Daemon::version()
{
    DaemonProcess daemon;
    QVERIFY(daemon.run({u"--version"_s}));
    QCOMPARE(daemon.exitCode(), 0);
    QCOMPARE(daemon.out(), u"balancierd "_s + QStringLiteral(BALANCIER_VERSION) + u'\n');
    QCOMPARE(daemon.err(), QString());
}

void tst_Daemon::help()
{
    DaemonProcess daemon;
    QVERIFY(daemon.run({u"--help"_s}));
    QCOMPARE(daemon.exitCode(), 0);
    const QString help = daemon.out();
    QVERIFY2(help.startsWith(u"Usage: balancierd [options]\n"_s), qPrintable(help));
    for (const QString &option : {u"--config <FILE>"_s, u"--check <FILE>"_s, u"--import <FILE>"_s,
             u"--output <OUT>"_s, u"--demo "_s, u"--demo-port <PORT>"_s, u"--hash-password"_s,
             u"--log-level <LEVEL>"_s, u"--log-file <FILE>"_s, u"--pid-file <FILE>"_s, u"--version"_s,
             u"--help"_s, u"SIGHUP"_s, u"SIGTERM"_s, u"/etc/balancier/balancier.xml"_s,
             u"--demo-admin-port <PORT>"_s, u"one-time password"_s, u"'admin API: URL'"_s,
             u"persist=\"auto\""_s, u"the newest %1 are kept"_s.arg(ConfigPersistence::KeptBackups)}) {
        QVERIFY2(help.contains(option), qPrintable(option));
    }
}

void tst_Daemon::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList{u"--bogus"_s} << u"Unknown option 'bogus'"_s;
    QTest::newRow("positional") << QStringList{u"balancier.xml"_s}
                                << u"unexpected argument 'balancier.xml'"_s;
    QTest::newRow("missing value") << QStringList{u"--check"_s} << u"Missing value after '--check'"_s;
    QTest::newRow("two modes") << QStringList{u"--check"_s, u"a.xml"_s, u"--import"_s, u"b.xml"_s}
                               << u"--check and --import cannot be combined"_s;
    QTest::newRow("config and demo") << QStringList{u"--config"_s, u"a.xml"_s, u"--demo"_s}
                                     << u"--config and --demo cannot be combined"_s;
    QTest::newRow("config twice") << QStringList{u"--config"_s, u"a.xml"_s, u"--config"_s, u"b.xml"_s}
                                  << u"--config given more than once"_s;
    QTest::newRow("output without import")
        << QStringList{u"-o"_s, u"out.xml"_s} << u"--output only goes with --import"_s;
    QTest::newRow("log level") << QStringList{u"--demo"_s, u"--log-level"_s, u"loud"_s}
                               << u"invalid --log-level 'loud': expected debug, info, warning or critical"_s;
    QTest::newRow("demo port range") << QStringList{u"--demo"_s, u"--demo-port"_s, u"70000"_s}
                                     << u"invalid --demo-port '70000'"_s;
    QTest::newRow("demo port text") << QStringList{u"--demo"_s, u"--demo-port"_s, u"http"_s}
                                    << u"invalid --demo-port 'http'"_s;
    QTest::newRow("demo port with config") << QStringList{u"--config"_s, u"a.xml"_s, u"--demo-port"_s, u"1"_s}
                                           << u"--demo-port only goes with --demo"_s;
    QTest::newRow("demo admin port with config") << QStringList{u"--config"_s, u"a.xml"_s,
        u"--demo-admin-port"_s, u"0"_s} << u"--demo-admin-port only goes with --demo"_s;
    QTest::newRow("demo admin port range") << QStringList{u"--demo"_s, u"--demo-admin-port"_s, u"65536"_s}
                                           << u"invalid --demo-admin-port '65536'"_s;
    QTest::newRow("pid file with check") << QStringList{u"--check"_s, u"a.xml"_s, u"--pid-file"_s, u"p"_s}
                                         << u"--pid-file only goes with a running balancer"_s;
    QTest::newRow("empty config") << QStringList{u"--config="_s} << u"--config needs a file name"_s;
}

void tst_Daemon::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    DaemonProcess daemon;
    QVERIFY(daemon.run(arguments));
    QCOMPARE(daemon.exitCode(), 2);
    QCOMPARE(daemon.out(), QString());
    const QStringList lines = daemon.errLines();
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(u"balancierd: "_s + message), qPrintable(lines.at(0)));
    QCOMPARE(lines.at(1), hintLine);
}

void tst_Daemon::checkValid()
{
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"good.xml"_s);
    QVERIFY(writeFile(file, twoGroupConfig(a, b, u"blue"_s)));
    DaemonProcess daemon;
    QVERIFY(daemon.run({u"--check"_s, file}));
    QCOMPARE(daemon.exitCode(), 0);
    QCOMPARE(daemon.out(), file + u": OK (native format, 0 warnings)\n"_s);
    QCOMPARE(daemon.err(), QString());
}

void tst_Daemon::checkInvalid()
{
    const QString file = path(u"bad.xml"_s);
    QVERIFY(writeFile(file, invalidConfig));
    DaemonProcess daemon;
    QVERIFY(daemon.run({u"--check"_s, file}));
    QCOMPARE(daemon.exitCode(), 1);
    const QString out = daemon.out();
    // Every problem, each with its place, not just the first.
    for (const QString &where : {u":4:"_s, u":5:"_s, u":6:"_s, u":8:"_s}) {
        QVERIFY2(out.contains(QRegularExpression(
                     u"^"_s + QRegularExpression::escape(file + where) + u"\\d+: error: "_s,
                     QRegularExpression::MultilineOption)),
            qPrintable(where + u"\n"_s + out));
    }
    QVERIFY2(
        out.contains(u"99999"_s) && out.contains(u"fastest"_s) && out.contains(u"nope"_s), qPrintable(out));
    QVERIFY2(out.contains(u"would refuse to start"_s), qPrintable(out));

    DaemonProcess missing;
    QVERIFY(missing.run({u"--check"_s, path(u"absent.xml"_s)}));
    QCOMPARE(missing.exitCode(), 1);
    QVERIFY2(missing.out().contains(u"cannot open"_s), qPrintable(missing.out()));
}

void tst_Daemon::checkLegacy()
{
    const QString file = path(u"pydir.xml"_s);
    QVERIFY(writeFile(file, pythonDirectorConfig));
    DaemonProcess daemon;
    QVERIFY(daemon.run({u"--check"_s, file}));
    QCOMPARE(daemon.exitCode(), 0);  // a weak hash is a warning, not an error
    const QString out = daemon.out();
    QVERIFY2(out.contains(u"import report (pythondirector file "_s + file), qPrintable(out));
    // The scheduler alias on line 4 and the weak DES password on line 11 are reported where they stand.
    QVERIFY2(out.contains(file + u":4:"_s), qPrintable(out));
    QVERIFY2(out.contains(QRegularExpression(QRegularExpression::escape(file) + u":11:\\d+: warning: "_s)),
        qPrintable(out));
    QVERIFY2(out.contains(u"OK (pythondirector format, 1 warning)"_s), qPrintable(out));
    QVERIFY2(out.contains(u"balancierd --import"_s), qPrintable(out));
}

void tst_Daemon::importLegacy_data()
{
    QTest::addColumn<QByteArray>("legacy");
    QTest::addColumn<bool>("toFile");
    QTest::newRow("pythondirector, stdout") << pythonDirectorConfig << false;
    QTest::newRow("pythondirector, -o") << pythonDirectorConfig << true;
    QTest::newRow("txloadbalancer, stdout") << txLoadBalancerConfig << false;
    QTest::newRow("txloadbalancer, -o") << txLoadBalancerConfig << true;
}

void tst_Daemon::importLegacy()
{
    QFETCH(QByteArray, legacy);
    QFETCH(bool, toFile);
    const QString input = path(u"legacy.xml"_s);
    const QString output = path(u"native.xml"_s);
    QVERIFY(writeFile(input, legacy));

    DaemonProcess daemon;
    QStringList arguments{u"--import"_s, input};
    if (toFile)
        arguments << u"-o"_s << output;
    QVERIFY(daemon.run(arguments));
    QCOMPARE(daemon.exitCode(), 0);
    QVERIFY2(daemon.err().contains(u"import report"_s), qPrintable(daemon.err()));
    QByteArray native;
    if (toFile) {
        QCOMPARE(daemon.out(), QString());
        QVERIFY2(daemon.err().contains(u"wrote "_s + output), qPrintable(daemon.err()));
        native = readFile(output);
    } else {
        native = daemon.out().toUtf8();
    }
    QVERIFY(native.contains("<balancier version=\"1\">"));

    // The native text says exactly what the legacy file said.
    const LoadResult original = ConfigReader::readData(legacy, input);
    const LoadResult reread = ConfigReader::readData(native, output);
    QVERIFY2(reread.ok(), qPrintable(QString::fromUtf8(native)));
    QCOMPARE(reread.dialect, ConfigDialect::Native);
    QVERIFY(reread.config == original.config);

    const Config &config = reread.config;
    QCOMPARE(config.services.size(), 1);
    const ServiceConfig &service = config.services.constFirst();
    QCOMPARE(service.groups.size(), 1);
    const GroupConfig &group = service.groups.constFirst();
    QCOMPARE(service.enabledGroup, group.name);
    QCOMPARE(group.hosts.size(), 2);
    QVERIFY(config.admin.enabled);
    QCOMPARE(config.admin.users.size(), 1);
    QCOMPARE(config.admin.users.constFirst().access, AdminUser::Access::Full);
    if (legacy == pythonDirectorConfig) {
        QCOMPARE(service.name, u"web"_s);
        QCOMPARE(service.listeners, QStringList{u"*:8080"_s});
        QCOMPARE(group.scheduler, u"roundrobin"_s);
        QCOMPARE(group.hosts.at(1).address, u"127.0.0.1:9002"_s);
        QCOMPARE(config.admin.listen, u"127.0.0.1:7001"_s);
        QCOMPARE(config.admin.users.constFirst().passwordHash, u"abgOeLfPimXQo"_s);
        QCOMPARE(config.checkTimeMs, qint64(60000));
    } else {
        QCOMPARE(service.name, u"tx"_s);
        QCOMPARE(service.listeners, QStringList{u"127.0.0.1:8081"_s});
        QCOMPARE(group.scheduler, u"weighted"_s);
        QCOMPARE(group.hosts.at(0).weight, 5);
        QCOMPARE(group.hosts.at(1).weight, 20);
        QCOMPARE(config.admin.listen, u"127.0.0.1:7000"_s);
        QCOMPARE(config.admin.users.constFirst().passwordHash, u"xy/gRonXQz8UE"_s);
    }
}

void tst_Daemon::importErrors()
{
    const QString input = path(u"broken.xml"_s);
    const QString output = path(u"out.xml"_s);
    QVERIFY(
        writeFile(input, "<pdconfig>\n  <service name=\"s\">\n    <mystery/>\n  </service>\n</pdconfig>\n"));
    DaemonProcess daemon;
    QVERIFY(daemon.run({u"--import"_s, input, u"-o"_s, output}));
    QCOMPARE(daemon.exitCode(), 1);
    QCOMPARE(daemon.out(), QString());
    QVERIFY2(daemon.err().contains(input + u":3:"_s), qPrintable(daemon.err()));
    QVERIFY2(daemon.err().contains(u"nothing written"_s), qPrintable(daemon.err()));
    QVERIFY(!QFile::exists(output));
}

void tst_Daemon::hashPassword()
{
    DaemonProcess daemon;
    QVERIFY(daemon.run({u"--hash-password"_s}, "correct horse battery\n"));
    QCOMPARE(daemon.exitCode(), 0);
    const QStringList lines = daemon.out().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    const QString hash = lines.constFirst();
    QVERIFY2(hash.startsWith(u"pbkdf2-sha256$200000$"_s), qPrintable(hash));
    QCOMPARE(PasswordHash::verify(u"correct horse battery"_s, hash), PasswordHash::Result::Match);
    QCOMPARE(PasswordHash::verify(u"correct horse battery\n"_s, hash), PasswordHash::Result::Mismatch);
    QCOMPARE(PasswordHash::verify(u"correct horse"_s, hash), PasswordHash::Result::Mismatch);
    QVERIFY2(!daemon.out().contains(u"correct"_s), "the password itself is never printed");
}

void tst_Daemon::hashPasswordRefusesEmpty_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("no input") << QByteArray() << u"no password on standard input"_s;
    QTest::newRow("empty line") << QByteArray("\n") << u"an empty password is not accepted"_s;
}

void tst_Daemon::hashPasswordRefusesEmpty()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    DaemonProcess daemon;
    QVERIFY(daemon.run({u"--hash-password"_s}, input));
    QCOMPARE(daemon.exitCode(), 1);
    QCOMPARE(daemon.out(), QString());
    QVERIFY2(daemon.err().contains(message), qPrintable(daemon.err()));
}

void tst_Daemon::refusesConfigWithErrors()
{
    const QString file = path(u"bad.xml"_s);
    QVERIFY(writeFile(file, invalidConfig));
    DaemonProcess daemon;
    QVERIFY(daemon.run({u"--config"_s, file}));
    QCOMPARE(daemon.exitCode(), 1);
    const QString err = daemon.err();
    for (const QString &where : {u":4:"_s, u":5:"_s, u":6:"_s, u":8:"_s})
        QVERIFY2(err.contains(file + where), qPrintable(where + u"\n"_s + err));
    QVERIFY2(err.contains(u"refusing to start"_s), qPrintable(err));
    QVERIFY2(!err.contains(u"listening:"_s), qPrintable(err));

    // A service has no terminal: with --log-file the errors land in the log too.
    const QString log = path(u"bad.log"_s);
    DaemonProcess logged;
    QVERIFY(logged.run({u"--config"_s, file, u"--log-file"_s, log}));
    QCOMPARE(logged.exitCode(), 1);
    QFile logFile(log);
    QVERIFY2(logFile.open(QIODevice::ReadOnly), qPrintable(log));
    const QString written = QString::fromUtf8(logFile.readAll());
    QVERIFY2(written.contains(file + u":4:"_s), qPrintable(written));
    QVERIFY2(written.contains(u"refusing to start"_s), qPrintable(written));
}

void tst_Daemon::findsConfigInWorkingDirectory()
{
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    QVERIFY(writeFile(path(u"balancier.xml"_s), twoGroupConfig(a, b, u"blue"_s)));
    QVERIFY(QDir(m_dir->path()).mkpath(u"xdg"_s));
    DaemonProcess daemon;
    // Nothing outside the temporary directory may be picked up.
    daemon.setEnvironment(u"XDG_CONFIG_HOME"_s, path(u"xdg"_s));
    daemon.setEnvironment(u"XDG_CONFIG_DIRS"_s, path(u"xdg"_s));
    daemon.start({}, m_dir->path());
    QVERIFY2(daemon.waitForError(u"^started: "_s).hasMatch(), qPrintable(daemon.err()));
    QVERIFY2(daemon.err().contains(
                 u"using config: "_s + QDir(m_dir->path()).canonicalPath() + u"/balancier.xml\n"_s)
            || daemon.err().contains(u"using config: "_s + path(u"balancier.xml"_s) + u'\n'),
        qPrintable(daemon.err()));
    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::withoutConfigRunsDemo()
{
    if (QFile::exists(u"/etc/balancier/balancier.xml"_s))
        QSKIP("this machine has /etc/balancier/balancier.xml, which balancierd would run");
    QVERIFY(QDir(m_dir->path()).mkpath(u"xdg"_s));
    DaemonProcess daemon;
    daemon.setEnvironment(u"XDG_CONFIG_HOME"_s, path(u"xdg"_s));
    daemon.setEnvironment(u"XDG_CONFIG_DIRS"_s, path(u"xdg"_s));
    daemon.start({u"--demo-port"_s, u"0"_s}, m_dir->path());
    const QRegularExpressionMatch listening
        = daemon.waitForError(u"^listening: demo 127\\.0\\.0\\.1:(\\d+)$"_s);
    QVERIFY2(listening.hasMatch(), qPrintable(daemon.err()));
    const QString err = daemon.err();
    // Says where it looked, then what it runs instead.
    QVERIFY2(err.contains(u"no config found (looked for "_s), qPrintable(err));
    QVERIFY2(err.contains(u"/balancier.xml, "_s + path(u"xdg/balancier/balancier.xml"_s)), qPrintable(err));
    QVERIFY2(err.contains(u"using config: the built-in demo"_s), qPrintable(err));
    Client client;
    QVERIFY(client.connectTo(quint16(listening.captured(1).toUInt())));
    QVERIFY(client.httpGet().startsWith("backend "));
    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::logLevelAndFormat_data()
{
    QTest::addColumn<QString>("fileLevel");
    QTest::addColumn<QStringList>("extraArguments");
    QTest::addColumn<bool>("infoShown");
    QTest::newRow("file info") << u"info"_s << QStringList() << true;
    QTest::newRow("file warning") << u"warning"_s << QStringList() << false;
    QTest::newRow("file info, --log-level warning")
        << u"info"_s << QStringList{u"--log-level"_s, u"warning"_s} << false;
    QTest::newRow("file critical, --log-level info")
        << u"critical"_s << QStringList{u"--log-level"_s, u"info"_s} << true;
}

void tst_Daemon::logLevelAndFormat()
{
    QFETCH(QString, fileLevel);
    QFETCH(QStringList, extraArguments);
    QFETCH(bool, infoShown);
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(
        file, twoGroupConfig(a, b, u"blue"_s, u"10s"_s, u"  <logging level=\"%1\"/>\n"_s.arg(fileLevel))));
    DaemonProcess daemon;
    const quint16 port
        = daemon.startAndWaitForListener(QStringList{u"--config"_s, file} + extraArguments, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    // stderr is a pipe here: "<level> <category>: message", no timestamp.
    const QRegularExpression infoLine(
        u"^info balancier\\.net: service web: listening on 127\\.0\\.0\\.1:%1$"_s.arg(port),
        QRegularExpression::MultilineOption);
    QCOMPARE(daemon.err().contains(infoLine), infoShown);
    // Status lines do not depend on the level.
    QVERIFY(daemon.err().contains(u"\nstarted: balancierd "_s));
    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
    QCOMPARE(daemon.err().contains(u"info balancier.net: stopped: every connection finished"_s), infoShown);
}

void tst_Daemon::demo()
{
    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--demo"_s, u"--demo-port"_s, u"0"_s}, u"demo"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    const QString err = daemon.err();
    QVERIFY2(err.contains(u"using config: the built-in demo"_s), qPrintable(err));
    // The exact command to try, with the real port.
    QVERIFY2(err.contains(u"  curl http://127.0.0.1:%1/\n"_s.arg(port)), qPrintable(err));
    const QRegularExpressionMatch backends = daemon.waitForError(
        u"^demo: 3 HTTP backends on 127\\.0\\.0\\.1:(\\d+), 127\\.0\\.0\\.1:(\\d+), 127\\.0\\.0\\.1:(\\d+)$"_s);
    QVERIFY2(backends.hasMatch(), qPrintable(err));

    // One connection per request: roundrobin walks through the three backends in turn.
    QStringList bodies;
    for (int i = 0; i < 4; ++i) {
        Client client;
        QVERIFY(client.connectTo(port));
        const QByteArray body = client.httpGet();
        QVERIFY2(!body.isNull(), "no complete HTTP answer");
        QVERIFY2(client.lastHead().startsWith("HTTP/1.1 200 OK"), client.lastHead().constData());
        bodies.append(QString::fromUtf8(body));
    }
    QStringList expected;
    for (int i = 1; i <= 3; ++i)
        expected.append(u"backend %1 of 3 (port %2)\n"_s.arg(i).arg(backends.captured(i)));
    QStringList sorted = bodies.mid(0, 3);
    sorted.sort();
    QCOMPARE(sorted, expected);
    QCOMPARE(bodies.at(3), bodies.at(0));

    // Keep-alive: several requests on one connection, each answer complete.
    Client keepAlive;
    QVERIFY(keepAlive.connectTo(port));
    const QByteArray first = keepAlive.httpGet("/one");
    QVERIFY(!first.isNull());
    QVERIFY(keepAlive.lastHead().contains(QByteArray("Content-Length: " + QByteArray::number(first.size()))));
    QCOMPARE(keepAlive.httpGet("/two"), first);
    QCOMPARE(keepAlive.httpGet("/three"), first);
    keepAlive.close();

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::demoPortBusy()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const QString busy = QString::number(occupant.serverPort());

    DaemonProcess front;
    QVERIFY(front.run({u"--demo"_s, u"--demo-port"_s, busy, u"--demo-backend-port"_s, u"0"_s}));
    QCOMPARE(front.exitCode(), 1);
    QVERIFY2(front.err().contains(u"cannot listen on 127.0.0.1:"_s + busy), qPrintable(front.err()));
    QVERIFY2(front.err().contains(u"--demo-port"_s), qPrintable(front.err()));

    DaemonProcess backend;
    QVERIFY(backend.run({u"--demo"_s, u"--demo-port"_s, u"0"_s, u"--demo-backend-port"_s, busy}));
    QCOMPARE(backend.exitCode(), 1);
    QVERIFY2(
        backend.err().contains(u"cannot start backend 1 on 127.0.0.1:"_s + busy), qPrintable(backend.err()));
    QVERIFY2(backend.err().contains(u"--demo-backend-port"_s), qPrintable(backend.err()));
}

void tst_Daemon::reloadKeepsConnections()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGHUP is POSIX only");
#endif
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, twoGroupConfig(a, b, u"blue"_s)));
    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));

    Client longLived;
    QVERIFY(longLived.connectTo(port));
    QCOMPARE(longLived.readLine(), QByteArray("A"));
    QVERIFY(longLived.echoes("before reload\n"));

    QVERIFY(writeFile(file, twoGroupConfig(a, b, u"green"_s)));
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY2(daemon.waitForError(u"reload: done, 1 change\\(s\\)$"_s).hasMatch(), qPrintable(daemon.err()));
    QVERIFY2(daemon.err().contains(u"green"_s), qPrintable(daemon.err()));

    // The old connection still works, on its old backend...
    QVERIFY(longLived.echoes("after reload\n"));
    QCOMPARE(a.openConnections(), 1);
    // ...the unchanged listener kept its port, and new connections go to the new group.
    Client fresh;
    QVERIFY(fresh.connectTo(port));
    QCOMPARE(fresh.readLine(), QByteArray("B"));
    QVERIFY(longLived.echoes("still here\n"));

    QVERIFY(daemon.signal(SIGTERM));
    longLived.close();
    fresh.close();
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::reloadBrokenFileKeepsServing()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGHUP is POSIX only");
#endif
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, twoGroupConfig(a, b, u"blue"_s)));
    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    Client longLived;
    QVERIFY(longLived.connectTo(port));
    QCOMPARE(longLived.readLine(), QByteArray("A"));

    // Switches to green, but with an error on line 7: nothing of it may be applied.
    QByteArray broken = twoGroupConfig(a, b, u"green"_s);
    broken.replace("<listen ip=\"127.0.0.1:0\"/>", "<listen ip=\"127.0.0.1:0\" colour=\"red\"/>");
    QVERIFY(writeFile(file, broken));
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY2(daemon.waitForError(u"reload refused"_s).hasMatch(), qPrintable(daemon.err()));
    QVERIFY2(
        daemon.err().contains(QRegularExpression(QRegularExpression::escape(file) + u":7:\\d+: error: "_s)),
        qPrintable(daemon.err()));

    QVERIFY(longLived.echoes("still served\n"));
    Client fresh;
    QVERIFY(fresh.connectTo(port));
    QCOMPARE(fresh.readLine(), QByteArray("A"));

    // Not even well-formed: refused too, and still serving.
    QVERIFY(writeFile(file, "<balancier version=\"1\"><service"));
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY(QTest::qWaitFor([&] { return daemon.err().count(u"reload refused"_s) == 2; }, 10000));
    Client third;
    QVERIFY(third.connectTo(port));
    QCOMPARE(third.readLine(), QByteArray("A"));

    QVERIFY(daemon.signal(SIGTERM));
    longLived.close();
    fresh.close();
    third.close();
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::reloadDrainTimeoutCutsRemovedHost()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGHUP is POSIX only");
#endif
    // A host removed by a reload drains for <settings draintimeout>, not
    // for ever: then what is left is cut, and the log says so.
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, twoGroupConfig(a, b, u"blue"_s, u"300ms"_s)));
    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    Client held;
    QVERIFY(held.connectTo(port));
    QCOMPARE(held.readLine(), QByteArray("A"));

    // Green enabled, blue (and host a with it) gone.
    QByteArray withoutBlue = twoGroupConfig(a, b, u"green"_s, u"300ms"_s);
    const qsizetype blue = withoutBlue.indexOf("    <group name=\"blue\">");
    QVERIFY(blue > 0);
    withoutBlue.remove(blue, withoutBlue.indexOf('\n', blue) + 1 - blue);
    QVERIFY(writeFile(file, withoutBlue));
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY2(daemon.waitForError(u"reload: done"_s).hasMatch(), qPrintable(daemon.err()));
    QVERIFY2(daemon.err().contains(u"host a removed (its group was removed); 1 connection(s) drain"_s),
        qPrintable(daemon.err()));

    QVERIFY2(held.waitForDisconnect(30000), "the drain timeout did not cut the connection");
    QVERIFY2(daemon
                 .waitForError(
                     u"service web: group blue: host a \\(removed\\): drain timeout 300ms passed: 1 open "
                     "connection\\(s\\) cut$"_s)
                 .hasMatch(),
        qPrintable(daemon.err()));
    QTRY_COMPARE_WITH_TIMEOUT(a.openConnections(), 0, 10000);
    // The service goes on, on green.
    Client fresh;
    QVERIFY(fresh.connectTo(port));
    QCOMPARE(fresh.readLine(), QByteArray("B"));
    fresh.close();

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::terminateDrains()
{
#ifndef Q_OS_UNIX
    QSKIP("signals are POSIX only");
#endif
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, twoGroupConfig(a, b, u"blue"_s, u"20s"_s)));
    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    Client client;
    QVERIFY(client.connectTo(port));
    QCOMPARE(client.readLine(), QByteArray("A"));

    QElapsedTimer clock;
    clock.start();
    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY2(daemon.waitForError(u"SIGTERM: stopping"_s).hasMatch(), qPrintable(daemon.err()));
    // No new connections, but the open one keeps working while it drains.
    QTRY_VERIFY_WITH_TIMEOUT(refused(port), 5000);
    QVERIFY(client.echoes("draining\n"));
    QCOMPARE(daemon.process().state(), QProcess::Running);

    client.close();
    QVERIFY(daemon.waitForExit(10000));
    QVERIFY2(
        clock.elapsed() < 15000, "the daemon waited for the drain timeout instead of the last connection");
    QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.exitCode(), 0);
    QVERIFY2(daemon.err().contains(u"stopped: every connection finished"_s), qPrintable(daemon.err()));
}

void tst_Daemon::terminateCutsAtTimeout()
{
#ifndef Q_OS_UNIX
    QSKIP("signals are POSIX only");
#endif
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, twoGroupConfig(a, b, u"blue"_s, u"300ms"_s)));
    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    Client client;
    QVERIFY(client.connectTo(port));
    QCOMPARE(client.readLine(), QByteArray("A"));

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(client.waitForDisconnect(10000));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
    QVERIFY2(daemon.err().contains(u"stopped: 1 connection(s) cut at the drain timeout"_s),
        qPrintable(daemon.err()));
}

void tst_Daemon::secondSignalStopsAtOnce_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("name");
#ifdef Q_OS_UNIX
    QTest::newRow("SIGTERM") << int(SIGTERM) << u"SIGTERM"_s;
    QTest::newRow("SIGINT") << int(SIGINT) << u"SIGINT"_s;
#endif
}

void tst_Daemon::secondSignalStopsAtOnce()
{
#ifndef Q_OS_UNIX
    QSKIP("signals are POSIX only");
#else
    QFETCH(int, signalNumber);
    QFETCH(QString, name);
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, twoGroupConfig(a, b, u"blue"_s, u"1h"_s)));
    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    Client client;
    QVERIFY(client.connectTo(port));
    QCOMPARE(client.readLine(), QByteArray("A"));

    QVERIFY(daemon.signal(signalNumber));
    QVERIFY2(daemon.waitForError(name + u": stopping"_s).hasMatch(), qPrintable(daemon.err()));
    QVERIFY(client.echoes("still draining\n"));
    QVERIFY(daemon.signal(signalNumber));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.exitCode(), 128 + signalNumber);
    QVERIFY2(daemon.err().contains(name + u" again: stopping at once; 1 open connection(s) cut"_s),
        qPrintable(daemon.err()));
    QVERIFY(client.waitForDisconnect(5000));
#endif
}

void tst_Daemon::logFileReopenedOnHangup()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGHUP is POSIX only");
#endif
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    const QString log = path(u"balancierd.log"_s);
    const QString rotated = path(u"balancierd.log.1"_s);
    QVERIFY(writeFile(file, twoGroupConfig(a, b, u"blue"_s)));
    DaemonProcess daemon;
    const quint16 port
        = daemon.startAndWaitForListener({u"--config"_s, file, u"--log-file"_s, log}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));

    // Status lines reach the file too, with timestamps.
    QTRY_VERIFY(readFile(log).contains("started: balancierd"));
    QVERIFY(
        QString::fromUtf8(readFile(log))
            .contains(QRegularExpression(
                u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* info: listening: web 127\\.0\\.0\\.1:"_s,
                QRegularExpression::MultilineOption)));
    // Ordinary messages go to the file, not to stderr.
    QVERIFY(readFile(log).contains("info balancier.net: service web: listening on"));
    QVERIFY(!daemon.err().contains(u"info balancier."_s));

    // What logrotate does: move the file away, then SIGHUP.
    QVERIFY(QFile::rename(log, rotated));
    QVERIFY(daemon.signal(SIGHUP));
    QTRY_VERIFY_WITH_TIMEOUT(readFile(log).contains("reload: done"), 10000);
    const QByteArray old = readFile(rotated);
    QVERIFY(old.contains("started: balancierd"));
    QVERIFY(!old.contains("reload: done"));
    QVERIFY(!readFile(log).contains("started: balancierd"));

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
    QVERIFY(readFile(log).contains("stopped: every connection finished"));
}

void tst_Daemon::pidFile()
{
#ifndef Q_OS_UNIX
    QSKIP("signals are POSIX only");
#endif
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    const QString pid = path(u"balancierd.pid"_s);
    QVERIFY(writeFile(file, twoGroupConfig(a, b, u"blue"_s)));
    DaemonProcess daemon;
    QVERIFY(daemon.startAndWaitForListener({u"--config"_s, file, u"--pid-file"_s, pid}, u"web"_s) != 0);
    QCOMPARE(readFile(pid), QByteArray::number(daemon.process().processId()) + '\n');
    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
    QVERIFY(!QFile::exists(pid));

    // A pid file that cannot be written stops the start, with the reason.
    DaemonProcess unwritable;
    QVERIFY(unwritable.run({u"--config"_s, file, u"--pid-file"_s, path(u"no/such/dir/balancierd.pid"_s)}));
    QCOMPARE(unwritable.exitCode(), 1);
    QVERIFY2(unwritable.err().contains(u"cannot write pid file"_s), qPrintable(unwritable.err()));
}

void tst_Daemon::restartWhileDraining()
{
#ifndef Q_OS_UNIX
    QSKIP("signals are POSIX only");
#else
    // A stop gives up every port at once, the admin API's too: the next
    // process starts on the same config while the first one drains.
    StubBackend a(u"A"_s);
    QVERIFY(a.listen());
    const quint16 adminPort = freePort();
    const quint16 dataPort = freePort();
    QVERIFY(adminPort != 0 && dataPort != 0 && adminPort != dataPort);
    QByteArray config = adminConfig({&a}, u"manual"_s, u"127.0.0.1:%1"_s.arg(adminPort));
    config.replace("draintimeout=\"2s\"", "draintimeout=\"1h\"");
    config.replace("<listen ip=\"127.0.0.1:0\"/>",
        QByteArray("<listen ip=\"127.0.0.1:" + QByteArray::number(dataPort) + "\"/>"));
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, config));

    DaemonProcess first;
    QCOMPARE(first.startAndWaitForListener({u"--config"_s, file}, u"web"_s), dataPort);
    QCOMPARE(first.waitForAdminPort(), adminPort);
    Client held;
    QVERIFY(held.connectTo(dataPort));
    QCOMPARE(held.readLine(), QByteArray("A"));

    QVERIFY(first.signal(SIGTERM));
    QVERIFY2(first.waitForError(u"SIGTERM: stopping"_s).hasMatch(), qPrintable(first.err()));
    DaemonProcess second;
    QCOMPARE(second.startAndWaitForListener({u"--config"_s, file}, u"web"_s), dataPort);
    QVERIFY2(second.waitForAdminPort() == adminPort, qPrintable(second.err()));
    QCOMPARE(adminRequest(adminPort, "GET", "/running.txt").status, 200);
    // The first one still drains: its connection is served to the end.
    QCOMPARE(first.process().state(), QProcess::Running);
    QVERIFY(held.echoes("still draining\n"));
    Client fresh;
    QVERIFY(fresh.connectTo(dataPort));
    QCOMPARE(fresh.readLine(), QByteArray("A"));
    fresh.close();

    QVERIFY(first.signal(SIGTERM));
    QVERIFY(first.waitForExit(10000));
    QCOMPARE(first.exitCode(), 128 + SIGTERM);
    QVERIFY(held.waitForDisconnect(5000));
    QVERIFY(second.signal(SIGTERM));
    QVERIFY(second.waitForExit(10000));
    QCOMPARE(second.exitCode(), 0);
#endif
}

void tst_Daemon::demoAdminApi()
{
    DaemonProcess daemon;
    QVERIFY(daemon.startAndWaitForListener({u"--demo"_s, u"--demo-port"_s, u"0"_s}, u"demo"_s) != 0);
    const QRegularExpressionMatch backends = daemon.waitForError(
        u"^demo: 3 HTTP backends on 127\\.0\\.0\\.1:(\\d+), 127\\.0\\.0\\.1:(\\d+), 127\\.0\\.0\\.1:(\\d+)$"_s);
    QVERIFY2(backends.hasMatch(), qPrintable(daemon.err()));
    // --demo-port 0 lets the system choose the admin port too.
    const QRegularExpressionMatch announced = daemon.waitForError(
        u"^demo: admin API on http://127\\.0\\.0\\.1:(\\d+) \\(user admin, one-time password (\\S+); "
        "shown only now\\):$"_s);
    QVERIFY2(announced.hasMatch(), qPrintable(daemon.err()));
    const quint16 port = daemon.waitForAdminPort();
    QCOMPARE(QString::number(port), announced.captured(1));
    const QString password = announced.captured(2);

    const HttpTestResponse running = adminRequest(port, "GET", "/running.txt", password);
    QCOMPARE(running.status, 200);
    const QString text = QString::fromUtf8(running.body);
    QVERIFY2(text.startsWith(u"service demo 127.0.0.1:"_s), qPrintable(text));
    const QRegularExpression hostLine(
        u"^(host|disabled) backend\\d 127\\.0\\.0\\.1:\\d+ "_s, QRegularExpression::MultilineOption);
    qsizetype hosts = 0;
    for (QRegularExpressionMatchIterator it = hostLine.globalMatch(text); it.hasNext(); it.next())
        ++hosts;
    QCOMPARE(hosts, qsizetype(3));
    for (int i = 1; i <= 3; ++i) {
        const QRegularExpression line(
            u"^(host|disabled) backend%1 127\\.0\\.0\\.1:%2 "_s.arg(i).arg(backends.captured(i)),
            QRegularExpression::MultilineOption);
        QVERIFY2(text.contains(line), qPrintable(text));
    }

    QCOMPARE(adminRequest(port, "GET", "/running.txt", password + u'x').status, 401);
    QCOMPARE(adminRequest(port, "GET", "/running.txt", {}).status, 401);
    QCOMPARE(HttpTestClient(port).request("GET", "/running.txt").status, 401);

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::adminBindFailureRefusesStart()
{
    StubBackend a(u"A"_s);
    QVERIFY(a.listen());
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const QString busy = u"127.0.0.1:%1"_s.arg(occupant.serverPort());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, adminConfig({&a}, u"manual"_s, busy)));

    DaemonProcess daemon;
    QVERIFY(daemon.run({u"--config"_s, file}));
    QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.exitCode(), 1);
    const QString err = daemon.err();
    // Says that it does not start, which file and address, and why.
    QVERIFY2(err.contains(u"balancierd: refusing to start: "_s + file + u": cannot listen on "_s + busy
                 + u" for the admin API: "_s),
        qPrintable(err));
    QVERIFY2(err.contains(u"<admin listen>"_s), qPrintable(err));
    QVERIFY2(!err.contains(u"\nstarted: "_s) && !err.contains(u"\nlistening: "_s), qPrintable(err));
    QCOMPARE(a.connectionCount(), 0);
}

void tst_Daemon::listenerBindFailureRefusesStart()
{
    StubBackend a(u"A"_s);
    QVERIFY(a.listen());
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const QString busy = u"127.0.0.1:%1"_s.arg(occupant.serverPort());
    const auto config = [&](const QString &optional) {
        return (u"<balancier version=\"1\">\n"
                "  <health active=\"no\"/>\n"
                "  <service name=\"web\">\n"
                "    <listen ip=\"127.0.0.1:0\"/>\n"
                "    <listen ip=\"%1\"%2/>\n"
                "    <group name=\"g\"><host name=\"a\" ip=\"%3\"/></group>\n"
                "  </service>\n"
                "</balancier>\n"_s)
            .arg(busy, optional, a.address())
            .toUtf8();
    };
    const QString file = path(u"balancier.xml"_s);

    // A port held by someone else: exit 1, saying which service, address and why.
    QVERIFY(writeFile(file, config(QString())));
    DaemonProcess refused;
    QVERIFY(refused.run({u"--config"_s, file}));
    QCOMPARE(refused.exitStatus(), QProcess::NormalExit);
    QCOMPARE(refused.exitCode(), 1);
    QString err = refused.err();
    QVERIFY2(err.contains(u"balancierd: service web: cannot listen on "_s + busy + u": "_s), qPrintable(err));
    QVERIFY2(err.contains(u"refusing to start: "_s + file + u": 1 listener(s) cannot be bound"_s),
        qPrintable(err));
    QVERIFY2(!err.contains(u"\nstarted: "_s), qPrintable(err));

    // Marked optional: it starts, serves on the other listener and says what it could not bind.
    QVERIFY(writeFile(file, config(u" optional=\"yes\""_s)));
    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    err = daemon.err();
    QVERIFY2(err.contains(u"not listening: web "_s + busy + u": cannot listen on "_s), qPrintable(err));
    QCOMPARE(backendsReached(port, 1), QStringList{u"A"_s});
}

void tst_Daemon::reloadMovesAdmin()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGHUP is POSIX only");
#endif
    StubBackend a(u"A"_s);
    QVERIFY(a.listen());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, adminConfig({&a}, u"manual"_s)));
    DaemonProcess daemon;
    QVERIFY(daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s) != 0);
    const quint16 first = daemon.waitForAdminPort();
    QVERIFY2(first != 0, qPrintable(daemon.err()));
    QCOMPARE(adminRequest(first, "GET", "/running.txt").status, 200);

    // A reload that changes only the users keeps the server (and its port).
    QByteArray sameListen = adminConfig({&a}, u"manual"_s);
    sameListen.replace("<!-- the operator -->", "<!-- still the operator -->");
    QVERIFY(writeFile(file, sameListen));
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY(QTest::qWaitFor([&] { return daemon.err().count(u"reload: done"_s) == 1; }, 10000));
    QCOMPARE(daemon.err().count(u"\nadmin API: "_s), 1);
    QCOMPARE(adminRequest(first, "GET", "/running.txt").status, 200);

    // A new address: the API moves there.
    const quint16 second = freePort();
    QVERIFY(second != 0 && second != first);
    QVERIFY(writeFile(file, adminConfig({&a}, u"manual"_s, u"127.0.0.1:%1"_s.arg(second))));
    QVERIFY(daemon.signal(SIGHUP));
    QCOMPARE(daemon.waitForAdminPort(2), second);
    QCOMPARE(adminRequest(second, "GET", "/running.txt").status, 200);
    QVERIFY(refused(first));

    // An address that cannot be bound: the reload says so and the API stays where it was.
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const QString busy = u"127.0.0.1:%1"_s.arg(occupant.serverPort());
    QVERIFY(writeFile(file, adminConfig({&a}, u"manual"_s, busy)));
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY2(
        daemon
            .waitForError(u"reload refused: .*: cannot listen on "_s + QRegularExpression::escape(busy)
                + u" for the admin API: .*; nothing was changed, the admin API stays on http://127\\.0\\.0\\.1:%1$"_s
                      .arg(second))
            .hasMatch(),
        qPrintable(daemon.err()));
    QCOMPARE(adminRequest(second, "GET", "/running.txt").status, 200);

    // Once the address is free, the next reload takes it.
    const quint16 third = occupant.serverPort();
    occupant.close();
    QVERIFY(daemon.signal(SIGHUP));
    QCOMPARE(daemon.waitForAdminPort(3), third);
    QCOMPARE(adminRequest(third, "GET", "/running.txt").status, 200);
    QVERIFY(refused(second));

    // Same address, other settings: the old server gives up the port to the new one.
    QCOMPARE(HttpTestClient(third).request("GET", "/metrics").status, 401);
    QByteArray publicMetrics = adminConfig({&a}, u"manual"_s, u"127.0.0.1:%1"_s.arg(third));
    publicMetrics.replace("<admin listen=", "<admin metricspublic=\"yes\" listen=");
    QVERIFY(writeFile(file, publicMetrics));
    QVERIFY(daemon.signal(SIGHUP));
    QCOMPARE(daemon.waitForAdminPort(4), third);
    QCOMPARE(HttpTestClient(third).request("GET", "/metrics").status, 200);

    // Without <admin>, the API stops.
    QByteArray withoutAdmin = adminConfig({&a}, u"manual"_s);
    const qsizetype begin = withoutAdmin.indexOf("  <admin");
    withoutAdmin.remove(begin, withoutAdmin.indexOf("</admin>\n") + 9 - begin);
    QVERIFY(writeFile(file, withoutAdmin));
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY2(daemon.waitForError(u"^admin API: off"_s).hasMatch(), qPrintable(daemon.err()));
    QTRY_VERIFY(refused(third));

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::reloadRefusedAdminMoveChangesNothing_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("why");
    QTest::newRow("address in use") << u"busy"_s << u"cannot listen on "_s;
    // Refused by the validator (the same check as --check and the start),
    // before anything is tried.
    QTest::newRow("public without TLS")
        << u"0.0.0.0:%1"_s.arg(freePort()) << u"refusing to serve the admin API without TLS on "_s;
}

void tst_Daemon::reloadRefusedAdminMoveChangesNothing()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGHUP is POSIX only");
#endif
    // A reload whose <admin> move the admin server refuses is refused as a
    // whole: the running config keeps the <admin> in force, and a later
    // save writes a file the daemon starts on.
    QFETCH(QString, listen);
    QFETCH(QString, why);
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    if (listen == u"busy")
        listen = u"127.0.0.1:%1"_s.arg(occupant.serverPort());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, adminConfig({&a}, u"manual"_s)));
    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    const quint16 admin = daemon.waitForAdminPort();
    QVERIFY2(admin != 0, qPrintable(daemon.err()));

    // The move, with another change (host b) that must not happen either.
    QVERIFY(writeFile(file, adminConfig({&a, &b}, u"manual"_s, listen)));
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY2(daemon.waitForError(u"reload(: done| refused)"_s).hasMatch(), qPrintable(daemon.err()));
    const QByteArray running = adminRequest(admin, "GET", "/running.xml").body;
    QVERIFY2(running.contains("<admin listen=\"127.0.0.1:0\""), running.constData());
    QVERIFY2(!running.contains(listen.toUtf8()), running.constData());
    QVERIFY2(!running.contains("name=\"b\""), running.constData());
    QVERIFY2(!daemon.err().contains(u"reload: done"_s), qPrintable(daemon.err()));
    if (listen.startsWith(u"0.0.0.0"_s)) {
        QVERIFY2(daemon
                     .waitForError(QRegularExpression::escape(file) + u":\\d+:\\d+: error: <admin listen>: "_s
                         + QRegularExpression::escape(why))
                     .hasMatch(),
            qPrintable(daemon.err()));
        QVERIFY2(daemon
                     .waitForError(u"reload refused: "_s + QRegularExpression::escape(file)
                         + u" has 1 error\\(s\\); the running config stays"_s)
                     .hasMatch(),
            qPrintable(daemon.err()));
    } else {
        QVERIFY2(
            daemon
                .waitForError(u"reload refused: "_s + QRegularExpression::escape(file) + u":\\d+:\\d+: "_s
                    + QRegularExpression::escape(why)
                    + u".*; nothing was changed, the admin API stays on http://127\\.0\\.0\\.1:%1$"_s.arg(
                        admin))
                .hasMatch(),
            qPrintable(daemon.err()));
    }
    QCOMPARE(backendsReached(port, 4), QStringList{u"A"_s});

    // An explicit save writes the config in force, not the refused one.
    const HttpTestResponse saved = adminRequest(admin, "POST", "/save");
    QVERIFY2(saved.status == 200, saved.body.constData());
    const LoadResult reread = ConfigReader::readFile(file);
    QVERIFY2(reread.ok(), readFile(file).constData());
    QCOMPARE(reread.config.admin.listen, u"127.0.0.1:0"_s);
    QCOMPARE(reread.config.services.constFirst().groups.constFirst().hosts.size(), 1);

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::persistenceAcrossRestart()
{
#ifndef Q_OS_UNIX
    QSKIP("signals are POSIX only");
#endif
    StubBackend a(u"A"_s), b(u"B"_s), c(u"C"_s);
    QVERIFY(a.listen() && b.listen() && c.listen());
    const QString file = path(u"balancier.xml"_s);
    const QByteArray original = adminConfig({&a, &b}, u"manual"_s);
    QVERIFY(writeFile(file, original));

    {
        DaemonProcess daemon;
        const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
        QVERIFY2(port != 0, qPrintable(daemon.err()));
        const quint16 admin = daemon.waitForAdminPort();
        QVERIFY2(admin != 0, qPrintable(daemon.err()));
        QCOMPARE(backendsReached(port, 4), (QStringList{u"A"_s, u"B"_s}));

        HttpTestResponse response
            = adminRequest(admin, "POST", "/hostAdminDown?service=web&group=prod&name=b");
        QVERIFY2(response.status == 200, response.body.constData());
        response = adminRequest(
            admin, "POST", "/addHost?service=web&group=prod&name=c&ip=" + c.address().toUtf8());
        QVERIFY2(response.status == 200, response.body.constData());
        QCOMPARE(backendsReached(port, 4), (QStringList{u"A"_s, u"C"_s}));
        // persist="manual": nothing is written until asked.
        QCOMPARE(readFile(file), original);
        QVERIFY(QDir(m_dir->path()).entryList({u"*.bak"_s}).isEmpty());

        response = adminRequest(admin, "POST", "/save");
        QVERIFY2(response.status == 200, response.body.constData());
        // /config.xml shows the file as saved.
        QCOMPARE(adminRequest(admin, "GET", "/config.xml").body, readFile(file));

        QVERIFY(daemon.signal(SIGTERM));
        QVERIFY(daemon.waitForExit(10000));
        QCOMPARE(daemon.exitCode(), 0);
    }

    // The file has the changes and kept its comments; the backup has the original.
    const QByteArray saved = readFile(file);
    for (const QByteArray &comment : {QByteArray("<!-- written by tst_daemon: keep this comment -->"),
             QByteArray("<!-- the operator -->"), QByteArray("<!-- the hosts of prod -->")}) {
        QVERIFY2(saved.contains(comment), saved.constData());
    }
    const LoadResult reread = ConfigReader::readData(saved, file);
    QVERIFY2(reread.ok(), saved.constData());
    const GroupConfig &prod = reread.config.services.constFirst().groups.constFirst();
    QCOMPARE(prod.hosts.size(), 3);
    QCOMPARE(prod.host(u"a")->adminState, HostAdminState::Ready);
    QCOMPARE(prod.host(u"b")->adminState, HostAdminState::Maintenance);
    QVERIFY(prod.host(u"c"));
    QCOMPARE(prod.host(u"c")->address, c.address());
    QCOMPARE(reread.config.settings.persist, PersistMode::Manual);
    QCOMPARE(reread.config.admin.users.size(), 1);
    QCOMPARE(reread.config.admin.users.constFirst().passwordHash, adminPasswordHash());
    const QStringList copies = QDir(m_dir->path()).entryList({u"*.bak"_s});
    QCOMPARE(copies.size(), 1);
    QCOMPARE(readFile(path(copies.constFirst())), original);

    // Restarted: b is still out of rotation, c is served, and the admin API knows both.
    DaemonProcess restarted;
    const quint16 port = restarted.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(restarted.err()));
    const int bBefore = b.connectionCount();
    QCOMPARE(backendsReached(port, 4), (QStringList{u"A"_s, u"C"_s}));
    QCOMPARE(b.connectionCount(), bBefore);
    const quint16 admin = restarted.waitForAdminPort();
    const QString text = QString::fromUtf8(adminRequest(admin, "GET", "/running.txt").body);
    QVERIFY2(text.contains(u"\ndisabled b "_s + b.address() + u" maintenance"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\nhost c "_s + c.address()), qPrintable(text));

    QVERIFY(restarted.signal(SIGTERM));
    QVERIFY(restarted.waitForExit(10000));
    QCOMPARE(restarted.exitCode(), 0);
}

void tst_Daemon::persistAutoWritesAtOnce()
{
#ifndef Q_OS_UNIX
    QSKIP("signals are POSIX only");
#endif
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    const QByteArray original = adminConfig({&a, &b}, u"auto"_s);
    QVERIFY(writeFile(file, original));
    // A backup from long ago, and files that only look like backups.
    const QString ancient = path(u"balancier.xml.20000101-000000.bak"_s);
    const QStringList foreign{path(u"balancier.xml.mine.bak"_s), path(u"other.xml.20000101-000000.bak"_s)};
    QVERIFY(writeFile(ancient, "ancient\n"));
    for (const QString &name : foreign)
        QVERIFY(writeFile(name, "keep me\n"));
    const auto backups = [&] {
        QStringList names
            = QDir(m_dir->path()).entryList({u"balancier.xml.*.bak"_s}, QDir::Files, QDir::Name);
        names.removeAll(u"balancier.xml.mine.bak"_s);
        return names;
    };

    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    const quint16 admin = daemon.waitForAdminPort();
    QVERIFY2(admin != 0, qPrintable(daemon.err()));

    // The change is in the file by the time the request is answered.
    HttpTestResponse response = adminRequest(admin, "POST", "/hostAdminDown?service=web&group=prod&name=b");
    QVERIFY2(response.status == 200, response.body.constData());
    QByteArray saved = readFile(file);
    QVERIFY2(saved.contains(
                 QByteArray("<host name=\"b\" ip=\"" + b.address().toUtf8() + "\" state=\"maintenance\"/>")),
        saved.constData());
    QVERIFY(saved.contains("<!-- written by tst_daemon: keep this comment -->"));
    QVERIFY(saved.contains("<!-- the hosts of prod -->"));
    QCOMPARE(backups().size(), 2);
    QCOMPARE(readFile(path(backups().constLast())), original);
    QCOMPARE(backendsReached(port, 4), QStringList{u"A"_s});

    // More changes: each one is a save with a backup, but only the newest
    // backups are kept, the oldest going first. Each change is another
    // host (at its own address: one backend twice in a group is refused),
    // so that every version of the file differs from the others.
    QByteArrayList versions{original};  // the file before each change
    const int changes = ConfigPersistence::KeptBackups + 2;
    for (int i = 0; i < changes; ++i) {
        versions.append(readFile(file));
        response = adminRequest(admin, "POST",
            "/addHost?service=web&group=prod&name=extra" + QByteArray::number(i)
                + "&ip=127.0.0.1:" + QByteArray::number(1 + i));
        QVERIFY2(response.status == 200, response.body.constData());
    }
    QCOMPARE(backups().size(), ConfigPersistence::KeptBackups);
    QVERIFY(!QFile::exists(ancient));
    for (const QString &name : foreign)
        QCOMPARE(readFile(name), QByteArray("keep me\n"));
    QByteArrayList kept;
    for (const QString &name : backups())
        kept.append(readFile(path(name)));
    std::sort(kept.begin(), kept.end());
    QByteArrayList newest = versions.mid(versions.size() - ConfigPersistence::KeptBackups);
    std::sort(newest.begin(), newest.end());
    QVERIFY(kept == newest);
    QVERIFY(
        readFile(file).contains(QByteArray("<host name=\"extra" + QByteArray::number(changes - 1) + "\"")));
    QVERIFY(!daemon.err().contains(u"cannot save"_s));

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

// Both ways the daemon writes its file, POST /api/v1/save after a live
// change and persist="auto", keep a hand-formatted file byte for byte outside
// the changed lines.
void tst_Daemon::saveKeepsUserLayout_data()
{
    QTest::addColumn<QString>("persist");
    QTest::newRow("POST /api/v1/save") << u"manual"_s;
    QTest::newRow("persist=auto") << u"auto"_s;
}

void tst_Daemon::saveKeepsUserLayout()
{
#ifndef Q_OS_UNIX
    QSKIP("signals are POSIX only");
#endif
    QFETCH(QString, persist);
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    const QByteArray original
        = HandFormattedConfig::text(persist, a.address(), b.address(), adminPasswordHash());
    QVERIFY(writeFile(file, original));

    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    const quint16 admin = daemon.waitForAdminPort();
    QVERIFY2(admin != 0, qPrintable(daemon.err()));

    HttpTestResponse response
        = adminRequest(admin, "POST", "/api/v1/services/web/groups/prod/hosts/b/maintenance");
    QVERIFY2(response.status == 200, response.body.constData());
    if (persist == u"manual") {
        QCOMPARE(readFile(file), original);
        response = adminRequest(admin, "POST", "/api/v1/save");
        QVERIFY2(response.status == 200, response.body.constData());
    }

    const QByteArray saved = readFile(file);
    const HandFormattedConfig::LineChange diff = HandFormattedConfig::changedLines(original, saved);
    QCOMPARE(diff.removed, HandFormattedConfig::hostBLines(b.address()));
    QCOMPARE(diff.added,
        QByteArrayList{
            "            <host ip=\"" + b.address().toUtf8() + "\" name=\"b\" state=\"maintenance\"/>"});
    QVERIFY(!daemon.err().contains(u"cannot save"_s));

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::reloadKeepsRuntimeAdminStates()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGHUP is POSIX only");
#endif
    StubBackend a(u"A"_s), b(u"B"_s), c(u"C"_s);
    QVERIFY(a.listen() && b.listen() && c.listen());
    const QString file = path(u"balancier.xml"_s);
    const QByteArray original = adminConfig({&a, &b}, u"manual"_s);
    QVERIFY(writeFile(file, original));
    DaemonProcess daemon;
    const quint16 port = daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s);
    QVERIFY2(port != 0, qPrintable(daemon.err()));
    const quint16 admin = daemon.waitForAdminPort();
    QVERIFY2(admin != 0, qPrintable(daemon.err()));

    // At runtime, not saved: b in maintenance, c added.
    HttpTestResponse response = adminRequest(admin, "POST", "/hostAdminDown?service=web&group=prod&name=b");
    QVERIFY2(response.status == 200, response.body.constData());
    response
        = adminRequest(admin, "POST", "/addHost?service=web&group=prod&name=c&ip=" + c.address().toUtf8());
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(backendsReached(port, 4), (QStringList{u"A"_s, u"C"_s}));

    // The file did not change; a reload must not put b back into rotation.
    // The unsaved new host gives way to the file.
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY(QTest::qWaitFor([&] { return daemon.err().count(u"reload: done"_s) == 1; }, 10000));
    QVERIFY2(daemon.err().contains(
                 u"reload: service web: group prod: host b: keeping state maintenance set at runtime"_s),
        qPrintable(daemon.err()));
    const int bBefore = b.connectionCount();
    QCOMPARE(backendsReached(port, 4), QStringList{u"A"_s});
    QCOMPARE(b.connectionCount(), bBefore);
    QByteArray running = adminRequest(admin, "GET", "/running.xml").body;
    QVERIFY2(running.contains(
                 QByteArray("<host name=\"b\" ip=\"" + b.address().toUtf8() + "\" state=\"maintenance\"/>")),
        running.constData());
    QVERIFY2(!running.contains("name=\"c\""), running.constData());
    QCOMPARE(readFile(file), original);

    // The file drops b: the runtime state does not bring it back.
    QVERIFY(writeFile(file, adminConfig({&a}, u"manual"_s)));
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY(QTest::qWaitFor([&] { return daemon.err().count(u"reload: done"_s) == 2; }, 10000));
    running = adminRequest(admin, "GET", "/running.xml").body;
    QVERIFY2(running.contains("<host name=\"a\""), running.constData());
    QVERIFY2(!running.contains("name=\"b\""), running.constData());
    QCOMPARE(backendsReached(port, 4), QStringList{u"A"_s});

    // Nor does a later reload of a file that has b again (as ready): the
    // operator's runtime state went with the host.
    QVERIFY(writeFile(file, original));
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY(QTest::qWaitFor([&] { return daemon.err().count(u"reload: done"_s) == 3; }, 10000));
    QCOMPARE(backendsReached(port, 4), (QStringList{u"A"_s, u"B"_s}));

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::putConfigMovesAdmin()
{
    // PUT /api/v1/config that changes <admin listen> takes effect at once,
    // through the same path as a reload: the new address is bound first, and
    // when that fails nothing changes and the response says why.
    StubBackend a(u"A"_s);
    QVERIFY(a.listen());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, adminConfig({&a}, u"manual"_s)));
    DaemonProcess daemon;
    QVERIFY(daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s) != 0);
    const quint16 first = daemon.waitForAdminPort();
    QVERIFY2(first != 0, qPrintable(daemon.err()));

    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const QString busy = u"127.0.0.1:%1"_s.arg(occupant.serverPort());
    HttpTestResponse response = HttpTestClient(first).request(
        "PUT", "/api/v1/config", u"admin"_s, adminPassword, adminConfig({&a}, u"manual"_s, busy));
    QVERIFY2(response.status == 422, response.body.constData());
    QVERIFY2(
        response.body.contains(QByteArray("cannot listen on " + busy.toUtf8())), response.body.constData());
    QVERIFY2(response.body.contains("nothing was changed"), response.body.constData());
    QCOMPARE(adminRequest(first, "GET", "/running.txt").status, 200);
    QVERIFY(!adminRequest(first, "GET", "/api/v1/config").body.contains(busy.toUtf8()));

    const quint16 second = freePort();
    QVERIFY(second != 0 && second != first);
    const QString moved = u"127.0.0.1:%1"_s.arg(second);
    response = HttpTestClient(first).request(
        "PUT", "/api/v1/config", u"admin"_s, adminPassword, adminConfig({&a}, u"manual"_s, moved));
    QVERIFY2(response.status == 200, response.body.constData());
    QVERIFY2(response.body.contains(QByteArray("\"admin\":\"http://" + moved.toUtf8() + "\"")),
        response.body.constData());
    QCOMPARE(daemon.waitForAdminPort(2), second);
    QCOMPARE(adminRequest(second, "GET", "/running.txt").status, 200);
    QTRY_VERIFY(refused(first));
    QVERIFY(adminRequest(second, "GET", "/api/v1/config").body.contains(moved.toUtf8()));

#ifdef Q_OS_UNIX
    // The PUT saved the file: a reload keeps the API where it is now.
    QVERIFY(daemon.signal(SIGHUP));
    QVERIFY(QTest::qWaitFor([&] { return daemon.err().count(u"reload: done"_s) == 1; }, 10000));
    QCOMPARE(adminRequest(second, "GET", "/running.txt").status, 200);
    QCOMPARE(daemon.err().count(u"\nadmin API: "_s), 2);
#endif

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

void tst_Daemon::putConfigSavesOnce()
{
    // With persist="auto" the apply itself saves; the PUT must not save a
    // second time (one change, one backup).
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    const QString file = path(u"balancier.xml"_s);
    QVERIFY(writeFile(file, adminConfig({&a}, u"auto"_s)));
    const auto backups = [&] {
        return QDir(m_dir->path()).entryList({u"balancier.xml.*.bak"_s}, QDir::Files, QDir::Name);
    };
    DaemonProcess daemon;
    QVERIFY(daemon.startAndWaitForListener({u"--config"_s, file}, u"web"_s) != 0);
    const quint16 admin = daemon.waitForAdminPort();
    QVERIFY2(admin != 0, qPrintable(daemon.err()));
    QCOMPARE(backups().size(), 0);

    HttpTestResponse response = HttpTestClient(admin).request(
        "PUT", "/api/v1/config", u"admin"_s, adminPassword, adminConfig({&a, &b}, u"auto"_s));
    QVERIFY2(response.status == 200, response.body.constData());
    QVERIFY2(response.body.contains("\"saved\":true"), response.body.constData());
    QCOMPARE(backups().size(), 1);
    QVERIFY(readFile(file).contains(QByteArray("<host name=\"b\" ip=\"" + b.address().toUtf8() + "\"")));
    QTRY_COMPARE(daemon.err().count(u"saved the running config"_s), 1);

    // The same config again changes nothing and writes nothing.
    response = HttpTestClient(admin).request(
        "PUT", "/api/v1/config", u"admin"_s, adminPassword, adminConfig({&a, &b}, u"auto"_s));
    QVERIFY2(response.status == 200, response.body.constData());
    QVERIFY2(response.body.contains("\"saved\":true"), response.body.constData());
    QCOMPARE(backups().size(), 1);

    // With persist="manual" the PUT is the one save.
    response = HttpTestClient(admin).request(
        "PUT", "/api/v1/config", u"admin"_s, adminPassword, adminConfig({&a}, u"manual"_s));
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(backups().size(), 2);
    QVERIFY(readFile(file).contains("persist=\"manual\""));

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(10000));
    QCOMPARE(daemon.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_Daemon)
#include "tst_daemon.moc"
