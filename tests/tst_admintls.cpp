// The admin API's TLS files and listening rules: one check (checkAdminListen)
// behind the validator, `balancierd --check`, the daemon's start and
// AdminServer::start(); and the logging of failed TLS handshakes.

#include "admin/adminserver.h"
#include "admin/http/admintlsserver.h"
#include "admintestbed.h"
#include "config/adminlistencheck.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "config/configvalidator.h"
#include "engine.h"
#include "testcertificate.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// Collects the log lines that contain a text, from this thread, while it
/// exists; passes every message on to the previous handler.
class LogCapture final
{
    Q_DISABLE_COPY_MOVE(LogCapture)

public:
    explicit LogCapture(QString text)
        : m_text(std::move(text))
    {
        s_current = this;
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_current = nullptr;
    }
    QStringList lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }
    int count() const { return int(lines().size()); }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        LogCapture *self = s_current;
        if (self) {
            if (message.contains(self->m_text)) {
                QMutexLocker lock(&self->m_mutex);
                self->m_lines.append(message);
            }
            if (self->m_previous)
                self->m_previous(type, context, message);
        }
    }

    static inline LogCapture *s_current = nullptr;
    const QString m_text;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_lines;
};

/// A config whose <admin> (line 2, column 3) has these attributes.
QByteArray configWithAdmin(const QString &attributes)
{
    return u"<balancier version=\"1\">\n"
           u"  <admin "_s.toUtf8()
        + attributes.toUtf8()
        + "/>\n"
          "  <service name=\"web\">\n"
          "    <listen ip=\"127.0.0.1:0\"/>\n"
          "    <group name=\"main\">\n"
          "      <host name=\"a\" ip=\"127.0.0.1:9001\"/>\n"
          "    </group>\n"
          "  </service>\n"
          "</balancier>\n";
}

QString tlsAttributes(const QString &certificate, const QString &key)
{
    return u"listen=\"127.0.0.1:0\" cert=\""_s + certificate + u"\" key=\""_s + key + u'"';
}

QStringList errorsOf(const QList<Diagnostic> &diagnostics)
{
    QStringList out;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.severity == Diagnostic::Severity::Error)
            out.append(diagnostic.toString());
    }
    return out;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

/// Runs balancierd to its end (bounded); stdout and stderr together.
struct DaemonRun
{
    int exitCode = -1;
    QString output;
};

DaemonRun runDaemon(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(BALANCIERD_PATH), arguments);
    DaemonRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        run.output = u"balancierd did not end within 60 s"_s;
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = QString::fromLocal8Bit(process.readAll());
    return run;
}

/// Connects, sends plain HTTP, and waits (serving events: the server is
/// in this thread) until the server hangs up.
bool plainHttpClient(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::ConnectedState; }, 10000))
        return false;
    socket.write("GET /running.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    return QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::UnconnectedState; }, 10000);
}

}  // namespace

class tst_AdminTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badFiles_data();
    void badFiles();
    void keyMatch_data();
    void keyMatch();
    void validatorRunsTheCheck();
    void filesOfOtherMachinesAreNotRead();
    void runtimeChangesDoNotRereadFiles();
    void startRefusesWithTheSameMessage();
    void plainAddressRuleEverywhere();
    void checkAndStartRefuseMismatch();
    void plainClientIsLogged();
    void handshakeFailuresAreRateLimited();

private:
    bool makeCertificate(const QString &name, TestCertificate::KeyType type, TestCertificate *out);

    QTemporaryDir m_dir;
    bool m_haveOpenssl = true;
    QString m_skipReason;
    TestCertificate m_rsa;
    TestCertificate m_rsa2;
    TestCertificate m_ec;
};

bool tst_AdminTls::makeCertificate(const QString &name, TestCertificate::KeyType type, TestCertificate *out)
{
    QDir(m_dir.path()).mkpath(name);
    bool missing = false;
    QString error;
    if (out->generate(m_dir.filePath(name), &error, &missing, type))
        return true;
    m_haveOpenssl = false;
    m_skipReason = error;
    return false;
}

void tst_AdminTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (makeCertificate(u"rsa"_s, TestCertificate::KeyType::Rsa, &m_rsa))
        makeCertificate(u"rsa2"_s, TestCertificate::KeyType::Rsa, &m_rsa2)
            && makeCertificate(u"ec"_s, TestCertificate::KeyType::Ec, &m_ec);
}

void tst_AdminTls::badFiles_data()
{
    QTest::addColumn<QString>("which");  // "cert" or "key"
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");

    const QString big = m_dir.filePath(u"big.pem"_s);
    QByteArray data = "-----BEGIN CERTIFICATE-----\n";
    data += QByteArray(2 * 1024 * 1024, 'A');
    QVERIFY(writeFile(big, data));
    const QString text = m_dir.filePath(u"text.pem"_s);
    QVERIFY(writeFile(text, "hello\n"));

    QTest::newRow("/dev/zero as cert") << u"cert"_s << u"/dev/zero"_s << u"not a regular file"_s;
    QTest::newRow("/dev/zero as key") << u"key"_s << u"/dev/zero"_s << u"not a regular file"_s;
    QTest::newRow("/dev/urandom as key") << u"key"_s << u"/dev/urandom"_s << u"not a regular file"_s;
    QTest::newRow("2 MiB cert") << u"cert"_s << big << u"too large"_s;
    QTest::newRow("2 MiB key") << u"key"_s << big << u"too large"_s;
    QTest::newRow("directory") << u"cert"_s << m_dir.path() << u"directory"_s;
    QTest::newRow("missing") << u"key"_s << m_dir.filePath(u"nothing.pem"_s) << u"no such file"_s;
    QTest::newRow("not PEM cert") << u"cert"_s << text << u"no PEM certificate"_s;
    QTest::newRow("not PEM key") << u"key"_s << text << u"no unencrypted PEM RSA or EC private key"_s;
#ifdef Q_OS_UNIX
    const QString fifo = m_dir.filePath(u"fifo"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QTest::newRow("FIFO") << u"cert"_s << fifo << u"not a regular file"_s;
#endif
}

void tst_AdminTls::badFiles()
{
    QFETCH(QString, which);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    if (path.startsWith(u"/dev/") && !QFile::exists(path))
        QSKIP("no such device here");
    if (!m_haveOpenssl)
        QSKIP(qPrintable(m_skipReason));
    AdminConfig admin;
    admin.enabled = true;
    admin.listen = u"127.0.0.1:0"_s;
    admin.tlsCertificate = which == u"cert" ? path : m_rsa.certificatePath();
    admin.tlsKey = which == u"key" ? path : m_rsa.keyPath();
    admin.pos = {7, 3};

    // Refused quickly, with the path, the attribute and the place; the
    // device is never read to its end (it has none).
    QElapsedTimer clock;
    clock.start();
    AdminTlsIdentity identity;
    const QList<Diagnostic> problems = checkAdminListen(admin, u"b.xml"_s, &identity);
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(problems.size(), 1);
    const Diagnostic &problem = problems.constFirst();
    QCOMPARE(problem.severity, Diagnostic::Severity::Error);
    QCOMPARE(problem.element, u"<admin "_s + which + u'>');
    QCOMPARE(problem.line, 7);
    QCOMPARE(problem.column, 3);
    QCOMPARE(problem.file, u"b.xml"_s);
    QVERIFY2(problem.message.contains(u'"' + path + u'"'), qPrintable(problem.message));
    QVERIFY2(problem.message.contains(expected), qPrintable(problem.message));
    QVERIFY(identity.chain.isEmpty());
    QVERIFY(identity.key.isNull());
}

void tst_AdminTls::keyMatch_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");  // empty: accepted
    QTest::newRow("RSA pair") << m_rsa.certificatePath() << m_rsa.keyPath() << QString();
    QTest::newRow("EC pair") << m_ec.certificatePath() << m_ec.keyPath() << QString();
    QTest::newRow("RSA cert, EC key")
        << m_rsa.certificatePath() << m_ec.keyPath() << u"an EC key for a certificate with an RSA key"_s;
    QTest::newRow("EC cert, RSA key")
        << m_ec.certificatePath() << m_rsa.keyPath() << u"an RSA key for a certificate with an EC key"_s;
    QTest::newRow("RSA cert, other RSA key")
        << m_rsa.certificatePath() << m_rsa2.keyPath() << u"another RSA key than the certificate's"_s;
}

void tst_AdminTls::keyMatch()
{
    if (!m_haveOpenssl)
        QSKIP(qPrintable(m_skipReason));
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    AdminConfig admin;
    admin.enabled = true;
    admin.tlsCertificate = certificate;
    admin.tlsKey = key;
    AdminTlsIdentity identity;
    const QList<Diagnostic> problems = checkAdminListen(admin, QString(), &identity);
    if (expected.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(errorsOf(problems).join(u'\n')));
        QVERIFY(!identity.chain.isEmpty());
        QVERIFY(!identity.key.isNull());
        return;
    }
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.constFirst().element, u"<admin key>"_s);
    const QString message = problems.constFirst().message;
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(certificate) && message.contains(key), qPrintable(message));
    QVERIFY(identity.chain.isEmpty());
}

void tst_AdminTls::filesOfOtherMachinesAreNotRead()
{
    // A draft for a remote balancer names that machine's files: the desktop
    // app must not report them missing here (the remote checks them on PUT).
    const QByteArray xml = configWithAdmin(
        u"listen=\"127.0.0.1:0\" cert=\"/nonexistent/remote-cert.pem\" key=\"/nonexistent/remote-key.pem\""_s);
    const LoadResult here = ConfigReader::readData(xml, u"draft.xml"_s);
    QVERIFY(!here.ok());
    QVERIFY2(errorsOf(here.diagnostics).join(u'\n').contains(u"/nonexistent/remote-cert.pem"_s),
        qPrintable(errorsOf(here.diagnostics).join(u'\n')));
    const LoadResult remote = ConfigReader::readData(xml, u"draft.xml"_s, AdminFiles::Skipped);
    QVERIFY2(remote.ok(), qPrintable(errorsOf(remote.diagnostics).join(u'\n')));
    // The rules that need no file still hold.
    const LoadResult half = ConfigReader::readData(
        configWithAdmin(u"listen=\"127.0.0.1:0\" cert=\"/x.pem\""_s), u"d.xml"_s, AdminFiles::Skipped);
    QVERIFY(!half.ok());
    const LoadResult plain
        = ConfigReader::readData(configWithAdmin(u"listen=\"0.0.0.0:0\""_s), u"d.xml"_s, AdminFiles::Skipped);
    QVERIFY(!plain.ok());
}

void tst_AdminTls::runtimeChangesDoNotRereadFiles()
{
    if (!m_haveOpenssl)
        QSKIP(qPrintable(m_skipReason));
    // The files are checked when <admin> is applied; a later runtime change
    // that leaves <admin> alone is not refused because a file went away.
    const QString dir = m_dir.filePath(u"moved"_s);
    QVERIFY(QDir().mkpath(dir));
    const QString certificate = dir + u"/cert.pem"_s;
    const QString key = dir + u"/key.pem"_s;
    QVERIFY(QFile::copy(m_rsa.certificatePath(), certificate));
    QVERIFY(QFile::copy(m_rsa.keyPath(), key));
    const LoadResult loaded
        = ConfigReader::readData(configWithAdmin(tlsAttributes(certificate, key)), u"moved.xml"_s);
    QVERIFY2(loaded.ok(), qPrintable(errorsOf(loaded.diagnostics).join(u'\n')));
    Engine engine;
    const ApplyResult first = engine.apply(loaded.config);
    QVERIFY2(first.ok, qPrintable(first.errorString()));
    QVERIFY(QFile::remove(certificate));
    HostConfig host;
    host.name = u"b"_s;
    host.address = u"127.0.0.1:9002"_s;
    const ApplyResult added = engine.addHost(u"web"_s, u"main"_s, host);
    QVERIFY2(added.ok, qPrintable(added.errorString()));
    // A change of <admin> checks the files again.
    Config moved = engine.runningConfig();
    moved.admin.listen = u"127.0.0.2:0"_s;
    const ApplyResult refused = engine.apply(moved);
    QVERIFY(!refused.ok);
    QVERIFY2(refused.errorString().contains(certificate), qPrintable(refused.errorString()));
}

void tst_AdminTls::validatorRunsTheCheck()
{
    if (!m_haveOpenssl)
        QSKIP(qPrintable(m_skipReason));
    // What the GUI's Problems list and --check show: located, with the path.
    const LoadResult result = ConfigReader::readData(
        configWithAdmin(tlsAttributes(m_rsa.certificatePath(), m_ec.keyPath())), u"draft.xml"_s);
    QVERIFY(!result.ok());
    const QStringList errors = errorsOf(result.diagnostics);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().startsWith(
                 u"draft.xml:2:3: error: <admin key>: the key in \""_s + m_ec.keyPath()),
        qPrintable(errors.constFirst()));

    const LoadResult zero
        = ConfigReader::readData(configWithAdmin(tlsAttributes(u"/dev/zero"_s, m_rsa.keyPath())), u"z.xml"_s);
    QCOMPARE(errorsOf(zero.diagnostics),
        QStringList(
            u"z.xml:2:3: error: <admin cert>: cannot read \"/dev/zero\": not a regular file (a device, "
            u"FIFO or socket); expected a PEM file"_s));

    // A good pair validates cleanly, and the model keeps the paths, also
    // when written out and read back.
    const LoadResult good = ConfigReader::readData(
        configWithAdmin(tlsAttributes(m_ec.certificatePath(), m_ec.keyPath())), u"good.xml"_s);
    QVERIFY2(good.ok(), qPrintable(errorsOf(good.diagnostics).join(u'\n')));
    QCOMPARE(good.config.admin.tlsCertificate, m_ec.certificatePath());
    QCOMPARE(good.config.admin.tlsKey, m_ec.keyPath());
    const LoadResult again = ConfigReader::readData(ConfigDocument::serialize(good.config), u"again.xml"_s);
    QVERIFY2(again.ok(), qPrintable(errorsOf(again.diagnostics).join(u'\n')));
    QCOMPARE(again.config.admin, good.config.admin);
}

void tst_AdminTls::startRefusesWithTheSameMessage()
{
    if (!m_haveOpenssl)
        QSKIP(qPrintable(m_skipReason));
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const quint16 before = bed.port();

    const LoadResult loaded = ConfigReader::readData(
        configWithAdmin(tlsAttributes(m_rsa.certificatePath(), m_ec.keyPath())), u"b.xml"_s);
    const QList<Diagnostic> problems = checkAdminListen(loaded.config.admin, QString());
    QCOMPARE(problems.size(), 1);
    const QString expected = problems.constFirst().element + u": "_s + problems.constFirst().message;
    QCOMPARE(loaded.diagnostics.constFirst().element + u": "_s + loaded.diagnostics.constFirst().message,
        expected);

    // A live move to a mismatched pair is refused; the API stays where it was.
    AdminConfig admin = bed.initialConfig().admin;
    admin.tlsCertificate = m_rsa.certificatePath();
    admin.tlsKey = m_ec.keyPath();
    error.clear();
    QVERIFY(!bed.server().start(admin, &error));
    QCOMPARE(error, expected);
    QVERIFY(bed.server().isListening());
    QCOMPARE(bed.port(), before);
    QVERIFY(bed.server().url().startsWith(u"http://"));

    // /dev/zero: refused at once, without reading it.
    admin.tlsCertificate = u"/dev/zero"_s;
    admin.tlsKey = m_rsa.keyPath();
    QElapsedTimer clock;
    clock.start();
    AdminServer fresh(bed.engine(), nullptr);
    error.clear();
    QVERIFY(!fresh.start(admin, &error));
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(error.contains(u"<admin cert>: cannot read \"/dev/zero\""_s), qPrintable(error));
    QVERIFY(!fresh.isListening());
}

void tst_AdminTls::plainAddressRuleEverywhere()
{
    // Plain HTTP on a public address: the validator (and so --check) and
    // AdminServer::start() say the same thing.
    const QString file = m_dir.filePath(u"public.xml"_s);
    QVERIFY(writeFile(file, configWithAdmin(u"listen=\"0.0.0.0:0\""_s)));
    const LoadResult loaded = ConfigReader::readFile(file);
    const QStringList errors = errorsOf(loaded.diagnostics);
    QCOMPARE(errors.size(), 1);
    const auto found = std::find_if(loaded.diagnostics.cbegin(), loaded.diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    QVERIFY(found != loaded.diagnostics.cend());
    const Diagnostic &problem = *found;
    QCOMPARE(problem.element, u"<admin listen>"_s);
    QCOMPARE(problem.line, 2);

    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    AdminServer fresh(bed.engine(), nullptr);
    error.clear();
    QVERIFY(!fresh.start(loaded.config.admin, &error));
    QCOMPARE(error, problem.element + u": "_s + problem.message);

    const DaemonRun check = runDaemon({u"--check"_s, file});
    QCOMPARE(check.exitCode, 1);
    QVERIFY2(check.output.contains(file + u":2:3: error: "_s + error), qPrintable(check.output));

    // insecure="yes" is the way out, for both.
    QVERIFY(writeFile(file, configWithAdmin(u"listen=\"0.0.0.0:0\" insecure=\"yes\""_s)));
    QVERIFY(ConfigReader::readFile(file).ok());
}

void tst_AdminTls::checkAndStartRefuseMismatch()
{
    if (!m_haveOpenssl)
        QSKIP(qPrintable(m_skipReason));
    const QString file = m_dir.filePath(u"mismatch.xml"_s);
    QVERIFY(writeFile(file, configWithAdmin(tlsAttributes(m_rsa.certificatePath(), m_ec.keyPath()))));
    const QString located = file + u":2:3: error: <admin key>: the key in \""_s + m_ec.keyPath()
        + u"\" does not belong to the certificate in \""_s + m_rsa.certificatePath() + u'"';

    const DaemonRun check = runDaemon({u"--check"_s, file});
    QCOMPARE(check.exitCode, 1);
    QVERIFY2(check.output.contains(located), qPrintable(check.output));

    const DaemonRun start = runDaemon({u"--config"_s, file});
    QCOMPARE(start.exitCode, 1);
    QVERIFY2(start.output.contains(located), qPrintable(start.output));
    QVERIFY2(start.output.contains(u"refusing to start"_s), qPrintable(start.output));

    // The same with /dev/zero: refused, not read.
    QVERIFY(writeFile(file, configWithAdmin(tlsAttributes(u"/dev/zero"_s, m_rsa.keyPath()))));
    const DaemonRun zero = runDaemon({u"--check"_s, file});
    QCOMPARE(zero.exitCode, 1);
    QVERIFY2(zero.output.contains(file + u":2:3: error: <admin cert>: cannot read \"/dev/zero\""_s),
        qPrintable(zero.output));
}

void tst_AdminTls::plainClientIsLogged()
{
    if (!m_haveOpenssl)
        QSKIP(qPrintable(m_skipReason));
    AdminTestBed::Options options;
    options.certificate = m_rsa.certificatePath();
    options.key = m_rsa.keyPath();
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QVERIFY(bed.server().url().startsWith(u"https://"));

    LogCapture log(u"TLS handshake"_s);
    QVERIFY(plainHttpClient(bed.port()));
    QTRY_COMPARE_WITH_TIMEOUT(log.count(), 1, 10000);
    const QString line = log.lines().constFirst();
    QVERIFY2(line.contains(u"127.0.0.1"_s) && line.contains(u"not a TLS client"_s), qPrintable(line));
}

void tst_AdminTls::handshakeFailuresAreRateLimited()
{
    if (!m_haveOpenssl)
        QSKIP(qPrintable(m_skipReason));
    AdminConfig admin;
    admin.tlsCertificate = m_rsa.certificatePath();
    admin.tlsKey = m_rsa.keyPath();
    AdminTlsIdentity identity;
    QVERIFY(checkAdminListen(admin, QString(), &identity).isEmpty());
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain(identity.chain);
    ssl.setPrivateKey(identity.key);

    AdminTlsServer server;
    server.setSslConfiguration(ssl);
    // Long enough that the clients below all fall in the first interval,
    // even on a slow machine; short enough to wait for the summary.
    server.setLogInterval(5000);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    LogCapture log(u"TLS handshake"_s);
    constexpr int Clients = 6;
    for (int i = 0; i < Clients; ++i)
        QVERIFY(plainHttpClient(server.serverPort()));
    QTRY_COMPARE_WITH_TIMEOUT(server.failedHandshakes(), quint64(Clients), 10000);
    // One line at once; the rest as one count when the interval is over.
    QCOMPARE(log.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(log.count(), 2, 20000);
    const QString summary = log.lines().constLast();
    QVERIFY2(summary.contains(QString::number(Clients - 1) + u" more failed TLS handshake"_s),
        qPrintable(summary));

    // A client that connects and closes without a byte is no handshake.
    {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QTRY_COMPARE_WITH_TIMEOUT(probe.state(), QAbstractSocket::ConnectedState, 10000);
        probe.disconnectFromHost();
    }
    // A TLS client that gives up (it does not trust the certificate) is one.
    QSslSocket client;
    client.connectToHostEncrypted(u"127.0.0.1"_s, server.serverPort());
    QTRY_COMPARE_WITH_TIMEOUT(server.failedHandshakes(), quint64(Clients + 1), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(log.count(), 3, 20000);
    QVERIFY2(log.lines().constLast().contains(u"1 more failed TLS handshake"_s)
            && log.lines().constLast().contains(u"127.0.0.1"_s),
        qPrintable(log.lines().constLast()));
}

QTEST_GUILESS_MAIN(tst_AdminTls)
#include "tst_admintls.moc"
