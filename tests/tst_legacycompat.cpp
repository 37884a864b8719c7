// A user migrating from pythondirector or txLoadBalancer: their files
// through the real `balancierd --check`, `--import` and a running daemon,
// and pythondirector's web commands scripted against it with its exact
// parameter forms (POST instead of GET, Balancier's one deliberate change).
// Stub backends answer with their names, so each command's effect on
// traffic is seen.

#include "config/passwordhash.h"
#include "httptestclient.h"
#include "stubbackend.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

constexpr int CommandTimeoutMs = 20000;
constexpr int StartTimeoutMs = 15000;

QString dataFile(const QString &name)
{
    return QStringLiteral(BALANCIER_TEST_DATA) + u"/legacycompat/"_s + name;
}

/// balancierd as a child process; killed (by its own handle) if a test leaves it running.
class Daemon final
{
    Q_DISABLE_COPY_MOVE(Daemon)

public:
    Daemon()
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
            [this] { m_err += m_process.readAllStandardError(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
            [this] { m_out += m_process.readAllStandardOutput(); });
    }
    ~Daemon()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    void start(const QStringList &arguments) { m_process.start(QStringLiteral(BALANCIERD_PATH), arguments); }
    bool run(const QStringList &arguments)
    {
        start(arguments);
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
    /// The first capture of `pattern` in stderr, once it shows; empty when it does not.
    QString waitForError(const QString &pattern)
    {
        const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
        QRegularExpressionMatch match;
        static_cast<void>(QTest::qWaitFor(
            [&] {
                match = expression.match(QString::fromUtf8(m_err));
                return match.hasMatch() || m_process.state() == QProcess::NotRunning;
            },
            StartTimeoutMs));
        return match.hasMatch() ? match.captured(1) : QString();
    }
    void terminate() { m_process.terminate(); }
    int exitCode() const { return m_process.exitCode(); }
    QString out() const { return QString::fromUtf8(m_out); }
    QString err() const { return QString::fromUtf8(m_err); }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};

/// The greeting (backend name) one new connection through `port` gets; empty on a refusal or timeout.
QString greeting(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray buffer;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            buffer += socket.readAll();
            return buffer.contains('\n') || socket.state() == QAbstractSocket::UnconnectedState;
        },
        5000));
    const qsizetype end = buffer.indexOf('\n');
    return end < 0 ? QString() : QString::fromUtf8(buffer.left(end));
}

/// The distinct backends `count` connections reach, sorted.
QStringList reached(quint16 port, int count)
{
    QSet<QString> names;
    for (int i = 0; i < count; ++i)
        names.insert(greeting(port));
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    return sorted;
}

}  // namespace

class tst_LegacyCompat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkRefusesWhatStartRefuses_data();
    void checkRefusesWhatStartRefuses();
    void importSaysWhatToChange();
    void importWebWithoutEnable();
    void pythonDirectorWebCommands();
};

void tst_LegacyCompat::checkRefusesWhatStartRefuses_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("error");
    QTest::newRow("tx admin on *:7000 without TLS")
        << u"txloadbalancer.xml"_s
        << u"txloadbalancer.xml:11:3: error: <admin listen>: refusing to serve the admin API without TLS on "
           u"*:7000"_s;
    QTest::newRow("pd duplicate address")
        << u"pythondirector-duplicate.xml"_s
        << u"pythondirector-duplicate.xml:6:13: error: <host name=\"again\" ip>: host \"again\" has the "
           u"address \"127.0.0.1:9001\" of host \"one\""_s;
}

void tst_LegacyCompat::checkRefusesWhatStartRefuses()
{
    // --check says no, with the message and the place the daemon gives when it refuses to start.
    QFETCH(QString, file);
    QFETCH(QString, error);
    Daemon check;
    QVERIFY(check.run({u"--check"_s, dataFile(file)}));
    QCOMPARE(check.exitCode(), 1);
    QVERIFY2(check.out().contains(error), qPrintable(check.out()));
    QVERIFY2(check.out().contains(u"balancierd would refuse to start with it"_s), qPrintable(check.out()));
    Daemon start;
    start.start({u"--config"_s, dataFile(file)});
    QVERIFY(start.waitForExit(StartTimeoutMs));
    QCOMPARE(start.exitCode(), 1);
    QVERIFY2(start.err().contains(error), qPrintable(start.err()));
}

void tst_LegacyCompat::importSaysWhatToChange()
{
    // A txLoadBalancer admin on *:7000 without TLS: the legacy format cannot
    // say cert, key or insecure, so --import writes the native file and the
    // report says what to change in it; once changed, it passes --check.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString output = dir.filePath(u"balancier.xml"_s);
    Daemon import;
    QVERIFY(import.run({u"--import"_s, dataFile(u"txloadbalancer.xml"_s), u"-o"_s, output}));
    QCOMPARE(import.exitCode(), 0);
    QVERIFY2(import.err().contains(
                 u"txloadbalancer.xml:12:10: warning: <web listen>: the admin API would serve plain HTTP on "
                 u"\"*:7000\""_s),
        qPrintable(import.err()));
    QVERIFY2(
        import.err().contains(u"in the native file, add cert=\"…\" and key=\"…\" (PEM files) to <admin>, "
                              u"or listen on 127.0.0.1, or set insecure=\"yes\""_s),
        qPrintable(import.err()));
    QVERIFY2(
        import.err().contains(u"balancierd refuses to start with "_s + output), qPrintable(import.err()));
    // TX booleans in several spellings: enable="TRUE" enabled a, "no" did not enable b.
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray xml = file.readAll();
    file.close();
    QVERIFY2(xml.contains("<enable group=\"a\"/>"), xml.constData());
    Daemon before;
    QVERIFY(before.run({u"--check"_s, output}));
    QCOMPARE(before.exitCode(), 1);
    QVERIFY2(
        before.out().contains(u"refusing to serve the admin API without TLS"_s), qPrintable(before.out()));
    xml.replace("<admin ", "<admin insecure=\"yes\" ");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(xml), xml.size());
    file.close();
    Daemon after;
    QVERIFY(after.run({u"--check"_s, output}));
    QVERIFY2(after.exitCode() == 0, qPrintable(after.out()));
}

void tst_LegacyCompat::importWebWithoutEnable()
{
    // txLoadBalancer left <web> off without enable="true": so does the import, and says so.
    Daemon check;
    QVERIFY(check.run({u"--check"_s, dataFile(u"txloadbalancer-webnoenable.xml"_s)}));
    QCOMPARE(check.exitCode(), 0);
    QVERIFY2(check.out().contains(u"no enable=\"true\": txLoadBalancer leaves the web admin off"_s),
        qPrintable(check.out()));
}

void tst_LegacyCompat::pythonDirectorWebCommands()
{
    if (!PasswordHash::legacyCryptSupported())
        QSKIP("this platform cannot check pythondirector's crypt passwords");
    StubBackend one(u"one"_s);
    StubBackend two(u"two"_s);
    StubBackend three(u"three"_s);
    StubBackend four(u"four"_s);
    for (StubBackend *backend : {&one, &two, &three, &four})
        QVERIFY(backend->listen());
    QFile source(dataFile(u"pythondirector.xml"_s));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray xml = source.readAll();
    xml.replace("@ONE@", one.address().toUtf8());
    xml.replace("@TWO@", two.address().toUtf8());
    xml.replace("@THREE@", three.address().toUtf8());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"pdconfig.xml"_s);
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(xml), xml.size());
    file.close();

    Daemon check;
    QVERIFY(check.run({u"--check"_s, config}));
    QVERIFY2(check.exitCode() == 0, qPrintable(check.out()));
    QVERIFY2(check.out().contains(u"weak legacy DES crypt hash"_s), qPrintable(check.out()));

    Daemon daemon;
    daemon.start({u"--config"_s, config});
    const quint16 port = quint16(daemon.waitForError(u"^listening: web 127\\.0\\.0\\.1:(\\d+)$"_s).toUInt());
    const quint16 adminPort
        = quint16(daemon.waitForError(u"^admin API: http://127\\.0\\.0\\.1:(\\d+)$"_s).toUInt());
    QVERIFY2(port != 0 && adminPort != 0, qPrintable(daemon.err()));
    QVERIFY2(!daemon.waitForError(u"^(started): "_s).isEmpty(), qPrintable(daemon.err()));
    HttpTestClient admin(adminPort);
    const auto command = [&](const QByteArray &method, const QByteArray &path,
                             const QString &user = u"admin"_s, const QString &password = u"secret"_s) {
        return admin.request(method, path, user, password);
    };
    QCOMPARE(reached(port, 6), (QStringList{u"one"_s, u"two"_s}));

    // Anonymous clients learn nothing, not even which paths exist.
    QCOMPARE(command("GET", "/nosuch", QString(), QString()).status, 401);
    QCOMPARE(command("GET", "/addHost", QString(), QString()).status, 401);
    // pythondirector's GET is refused with a hint; the same parameters by POST work.
    const QByteArray addFour = "/addHost?service=web&group=main&name=four&ip=" + four.address().toUtf8();
    HttpTestResponse response = command("GET", addFour);
    QCOMPARE(response.status, 405);
    QVERIFY2(response.body.contains("use POST"), response.body.constData());
    // A misspelt parameter is named, not dropped.
    response = command("POST", addFour + "&wieght=2");
    QCOMPARE(response.status, 400);
    QVERIFY2(response.body.contains("'wieght'"), response.body.constData());
    QCOMPARE(command("POST", addFour).status, 200);
    QCOMPARE(reached(port, 9), (QStringList{u"four"_s, u"one"_s, u"two"_s}));
    // The same backend twice in one group: 409.
    response = command("POST", "/addHost?service=web&group=main&name=again&ip=" + one.address().toUtf8());
    QCOMPARE(response.status, 409);

    // running.txt in pythondirector's grammar: hosts sorted by address.
    response = command("GET", "/running.txt");
    QCOMPARE(response.status, 200);
    QStringList hosts;
    for (const QByteArray &line : response.body.split('\n')) {
        if (line.startsWith("host "))
            hosts.append(QString::fromUtf8(line.split(' ').at(2)));
    }
    QCOMPARE(hosts.size(), 4);
    QStringList sortedHosts = hosts.mid(0, 3);
    sortedHosts.sort();
    QCOMPARE(hosts.mid(0, 3), sortedHosts);
    const QByteArray head
        = "service web 127.0.0.1:" + QByteArray::number(port) + " main\ngroup main enabled\n";
    QVERIFY2(response.body.startsWith(head), response.body.constData());

    // delHost by ip, as pythondirector's page links it, until one host is left.
    QCOMPARE(command("POST", "/delHost?service=web&group=main&ip=" + one.address().toUtf8()).status, 200);
    QCOMPARE(command("POST", "/delHost?service=web&group=main&ip=" + two.address().toUtf8()).status, 200);
    response = command("POST", "/delHost?service=web&group=main&ip=" + four.address().toUtf8());
    QCOMPARE(response.status, 409);
    QVERIFY2(response.body.contains("host four *not* deleted from active group"), response.body.constData());
    QCOMPARE(reached(port, 3), QStringList{u"four"_s});
    // Another group enabled, the old one's last host may go.
    QCOMPARE(command("POST", "/enableGroup?service=web&group=spare").status, 200);
    QCOMPARE(reached(port, 3), QStringList{u"three"_s});
    QCOMPARE(command("POST", "/delHost?service=web&group=main&ip=" + four.address().toUtf8()).status, 200);

    // addUser with the crypt hash a pythondirector script sends.
    response = command("POST", "/addUser?name=ops&password=vwJkkKsMZVT.w&access=readonly");
    QCOMPARE(response.status, 200);
    QVERIFY2(response.body.contains("weak legacy DES crypt hash"), response.body.constData());
    QCOMPARE(command("GET", "/running.txt", u"ops"_s, u"look"_s).status, 200);
    QCOMPARE(command("GET", "/running.txt", u"viewer"_s, u"look"_s).status, 200);

    daemon.terminate();
    QVERIFY(daemon.waitForExit(CommandTimeoutMs));
}

QTEST_GUILESS_MAIN(tst_LegacyCompat)
#include "tst_legacycompat.moc"
