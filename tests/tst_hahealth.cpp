// A balancer behind keepalived (docs/high-availability.md): GET /api/v1/health
// (no login, loopback only unless <admin healthpublic>), the node's VRRP role
// from <ha> (state file or virtual address) in the health answer, the status
// and the metrics, the <ha> element's validation, diff and writing, and the
// one-shot `balancierd --health-check` against a real daemon.
// The pair itself, with keepalived in network namespaces, is tests/ha/run.sh.

#include "admintestbed.h"
#include "config/configdiff.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "engine.h"
#include "runtime/haroleprobe.h"
#include "stubbackend.h"
#include "testcertificate.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// A local address that is not loopback (a client there is "not on
/// loopback" for the server); null when the machine has none.
QHostAddress nonLoopbackAddress()
{
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            return address;
    }
    return {};
}

/// One GET to address:port; the status and the body. The server runs in
/// this thread: wait with the event loop turning, never block in waitFor*().
QPair<int, QByteArray> rawGet(const QHostAddress &address, quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    QByteArray answer;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { answer += socket.readAll(); });
    socket.connectToHost(address, port);
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 10000))
        return {0, socket.errorString().toUtf8()};
    socket.write("GET " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 10000))
        return {0, "no answer within 10 s: " + answer};
    answer += socket.readAll();
    return {answer.mid(9, 3).toInt(), answer.mid(answer.indexOf("\r\n\r\n") + 4)};
}

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QString errorsOf(const LoadResult &result)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : result.diagnostics)
        lines.append(diagnostic.toString());
    return lines.join(u'\n');
}

QByteArray minimalConfig(const QByteArray &extra)
{
    return "<balancier version=\"1\">" + extra
        + "<service name=\"web\"><listen ip=\"127.0.0.1:0\"/><group name=\"g\">"
          "<host name=\"a\" ip=\"127.0.0.1:9\"/></group></service></balancier>";
}

}  // namespace

class tst_HaHealth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyWithoutLogin();
    void unhealthyWithoutLiveHost();
    void refusedFromOtherAddresses_data();
    void refusedFromOtherAddresses();
    void roleFromStateFile_data();
    void roleFromStateFile();
    void roleFromVirtualAddress();
    void haValidation_data();
    void haValidation();
    void haDiffAndWrite();
    void healthCheckCommand();
    void healthCheckOverTls();
};

void tst_HaHealth::healthyWithoutLogin()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response = bed.request("GET", "/api/v1/health", QString());
    QCOMPARE(response.status, 200);
    const QJsonObject body = jsonOf(response.body);
    QCOMPARE(
        body.keys(), (QStringList{u"healthy"_s, u"liveServices"_s, u"role"_s, u"services"_s, u"serving"_s}));
    QCOMPARE(body.value(u"healthy"_s).toBool(), true);
    QCOMPARE(body.value(u"serving"_s).toBool(), true);
    QCOMPARE(body.value(u"liveServices"_s).toInt(), 1);
    QCOMPARE(body.value(u"services"_s).toInt(), 1);
    QCOMPARE(body.value(u"role"_s).toString(), u"unknown"_s);
    // Only the health answers without a login.
    QCOMPARE(bed.request("GET", "/api/v1/status", QString()).status, 401);
}

void tst_HaHealth::unhealthyWithoutLiveHost()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // Every host of the enabled group out of rotation; the spare group's
    // host is up, but it takes no client.
    for (const QString &host : {u"a"_s, u"b"_s})
        QVERIFY(bed.engine().setHostAdminState(u"web"_s, u"prod"_s, host, HostAdminState::Maintenance).ok);
    const HttpTestResponse response = bed.request("GET", "/api/v1/health", QString());
    QCOMPARE(response.status, 503);
    const QJsonObject body = jsonOf(response.body);
    QCOMPARE(body.value(u"healthy"_s).toBool(), false);
    QCOMPARE(body.value(u"serving"_s).toBool(), true);
    QCOMPARE(body.value(u"liveServices"_s).toInt(), 0);
    QCOMPARE(bed.request("HEAD", "/api/v1/health", QString()).status, 503);
    QVERIFY(bed.engine().setHostAdminState(u"web"_s, u"prod"_s, u"b"_s, HostAdminState::Ready).ok);
    QCOMPARE(bed.request("GET", "/api/v1/health", QString()).status, 200);
}

void tst_HaHealth::refusedFromOtherAddresses_data()
{
    QTest::addColumn<bool>("healthPublic");
    QTest::newRow("loopback only (default)") << false;
    QTest::newRow("healthpublic=yes") << true;
}

void tst_HaHealth::refusedFromOtherAddresses()
{
    QFETCH(bool, healthPublic);
    const QHostAddress address = nonLoopbackAddress();
    if (address.isNull())
        QSKIP("this machine has no non-loopback IPv4 address to connect from");
    AdminTestBed::Options options;
    options.listen = address.toString() + u":0"_s;
    options.insecure = true;
    options.healthPublic = healthPublic;
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // The connection comes from `address` itself: a peer that is not loopback.
    const auto [status, body] = rawGet(address, bed.port(), "/api/v1/health");
    QVERIFY2(status != 0, body.constData());
    if (healthPublic) {
        QCOMPARE(status, 200);
        QCOMPARE(jsonOf(body).value(u"healthy"_s).toBool(), true);
    } else {
        QCOMPARE(status, 403);
        QVERIFY2(
            body.contains("healthpublic") && body.contains(address.toString().toUtf8()), body.constData());
    }
    // Everything else still wants a login.
    QCOMPARE(rawGet(address, bed.port(), "/api/v1/status").first, 401);
}

void tst_HaHealth::roleFromStateFile_data()
{
    QTest::addColumn<QByteArray>("state");
    QTest::addColumn<QString>("role");
    QTest::newRow("MASTER") << QByteArray("MASTER\n") << u"master"_s;
    QTest::newRow("BACKUP") << QByteArray("BACKUP\n") << u"backup"_s;
    QTest::newRow("FAULT") << QByteArray("FAULT\n") << u"backup"_s;
    QTest::newRow("STOP") << QByteArray("STOP") << u"backup"_s;
    QTest::newRow("not keepalived's") << QByteArray("primary\n") << u"unknown"_s;
    QTest::newRow("empty") << QByteArray() << u"unknown"_s;
}

void tst_HaHealth::roleFromStateFile()
{
    QFETCH(QByteArray, state);
    QFETCH(QString, role);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"vrrp.state"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(state);
    file.close();
    AdminTestBed::Options options;
    options.ha.enabled = true;
    options.ha.stateFile = path;
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(jsonOf(bed.request("GET", "/api/v1/health", QString()).body).value(u"role"_s).toString(), role);
    QCOMPARE(jsonOf(bed.get("/api/v1/status").body).value(u"role"_s).toString(), role);
    const QByteArray metrics = bed.get("/metrics").body;
    for (const QString &each : {u"master"_s, u"backup"_s, u"unknown"_s}) {
        const QByteArray line
            = "balancier_ha_role{role=\"" + each.toUtf8() + "\"} " + (each == role ? "1" : "0");
        QVERIFY2(metrics.contains(QByteArray(line + '\n')), line.constData());
    }
    // The file is read when asked: keepalived's next word is seen at once.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("MASTER\n");
    file.close();
    QCOMPARE(jsonOf(bed.request("GET", "/api/v1/health", QString()).body).value(u"role"_s).toString(),
        u"master"_s);
    // Without the file, nothing is known (no vip to fall back on).
    QVERIFY(QFile::remove(path));
    QCOMPARE(HaRoleProbe::role(bed.engine().runningConfig().ha), u"unknown"_s);
}

void tst_HaHealth::roleFromVirtualAddress()
{
    HaConfig ha;
    ha.enabled = true;
    ha.vip = u"198.18.255.254"_s;  // on no interface of a test machine
    QCOMPARE(HaRoleProbe::role(ha), u"backup"_s);
    // The state file decides when it holds a word of keepalived's.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ha.stateFile = dir.filePath(u"vrrp.state"_s);
    QFile file(ha.stateFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("MASTER\n");
    file.close();
    QCOMPARE(HaRoleProbe::role(ha), u"master"_s);
    ha.stateFile.clear();
    const QHostAddress local = nonLoopbackAddress();
    if (local.isNull())
        QSKIP("this machine has no non-loopback IPv4 address to play the virtual address");
    ha.vip = local.toString();
    QCOMPARE(HaRoleProbe::role(ha), u"master"_s);
    ha.enabled = false;
    QCOMPARE(HaRoleProbe::role(ha), u"unknown"_s);
}

void tst_HaHealth::haValidation_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QString>("problem");  // empty: valid
    QTest::newRow("both") << QByteArray("<ha vip=\"198.18.0.100\" statefile=\"/run/balancier/vrrp.state\"/>")
                          << QString();
    QTest::newRow("vip only") << QByteArray("<ha vip=\"2001:db8::100\"/>") << QString();
    QTest::newRow("statefile only") << QByteArray("<ha statefile=\"/run/balancier/vrrp.state\"/>")
                                    << QString();
    QTest::newRow("neither") << QByteArray("<ha/>") << u"neither vip nor statefile"_s;
    QTest::newRow("vip not an address") << QByteArray("<ha vip=\"1.2.3\"/>") << u"not an IP address"_s;
    QTest::newRow("vip with port") << QByteArray("<ha vip=\"198.18.0.100:80\"/>") << u"not an IP address"_s;
    QTest::newRow("vip loopback") << QByteArray("<ha vip=\"127.0.0.1\"/>")
                                  << u"cannot be a virtual address"_s;
    QTest::newRow("relative statefile") << QByteArray("<ha statefile=\"vrrp.state\"/>") << u"relative path"_s;
    QTest::newRow("unknown attribute")
        << QByteArray("<ha vip=\"198.18.0.100\" interface=\"eth0\"/>") << u"interface"_s;
    QTest::newRow("twice") << QByteArray("<ha vip=\"198.18.0.100\"/><ha vip=\"198.18.0.101\"/>")
                           << u"duplicate <ha>"_s;
    QTest::newRow("healthpublic not a boolean")
        << QByteArray("<admin listen=\"127.0.0.1:0\" healthpublic=\"maybe\"/>") << u"healthpublic"_s;
}

void tst_HaHealth::haValidation()
{
    QFETCH(QByteArray, extra);
    QFETCH(QString, problem);
    const LoadResult result = ConfigReader::readData(minimalConfig(extra), u"ha.xml"_s);
    if (problem.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(errorsOf(result)));
        QVERIFY(result.config.ha.enabled);
        return;
    }
    QVERIFY2(!result.ok(), "accepted");
    const QString errors = errorsOf(result);
    QVERIFY2(errors.contains(problem), qPrintable(errors));
    // Located: the file and the line.
    QVERIFY2(errors.contains(u"ha.xml:1"_s), qPrintable(errors));
}

void tst_HaHealth::haDiffAndWrite()
{
    const LoadResult before = ConfigReader::readData(
        minimalConfig("<admin listen=\"127.0.0.1:0\"/><ha vip=\"198.18.0.100\"/>"), u"a.xml"_s);
    QVERIFY2(before.ok(), qPrintable(errorsOf(before)));
    Config next = before.config;
    next.admin.healthPublic = true;
    next.ha.vip = u"198.18.0.101"_s;
    next.ha.stateFile = u"/run/balancier/vrrp.state"_s;
    const QList<ConfigChange> changes = diffConfigs(before.config, next);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).name, u"admin"_s);
    QCOMPARE(changes.at(0).fields, QStringList{u"healthpublic"_s});
    QCOMPARE(changes.at(1).kind, ConfigChange::Kind::SettingsChanged);
    QCOMPARE(changes.at(1).name, u"ha"_s);
    QCOMPARE(changes.at(1).fields, (QStringList{u"vip"_s, u"statefile"_s}));

    // Written and read back: the same model.
    const QByteArray xml = ConfigDocument::serialize(next);
    QVERIFY2(
        xml.contains("<ha vip=\"198.18.0.101\" statefile=\"/run/balancier/vrrp.state\""), xml.constData());
    QVERIFY2(xml.contains("healthpublic=\"yes\""), xml.constData());
    const LoadResult reread = ConfigReader::readData(xml, u"b.xml"_s);
    QVERIFY2(reread.ok(), qPrintable(errorsOf(reread)));
    QVERIFY(reread.config.ha == next.ha);
    QCOMPARE(reread.config.admin.healthPublic, true);
    // Removing <ha> is a change, and the element goes.
    Config without = next;
    without.ha = HaConfig();
    QVERIFY(!ConfigDocument::serialize(without).contains("<ha"));
    QCOMPARE(diffConfigs(next, without).size(), 1);
}

void tst_HaHealth::healthCheckCommand()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    StubBackend backend(u"a"_s);
    QVERIFY(backend.listen());
    // A port nobody listens on: taken, then given back.
    quint16 adminPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        adminPort = probe.serverPort();
    }
    const auto write = [&](const QString &name, const QByteArray &admin, const QByteArray &state) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write("<balancier version=\"1\"><health active=\"no\"/>" + admin
            + "<service name=\"web\"><listen ip=\"127.0.0.1:0\"/><group name=\"g\"><host name=\"a\" ip=\""
            + backend.address().toUtf8() + "\" state=\"" + state + "\"/></group></service></balancier>");
        return path;
    };
    const QByteArray admin = "<admin listen=\"127.0.0.1:" + QByteArray::number(adminPort) + "\"/>";
    const QString healthy = write(u"healthy.xml"_s, admin, "ready");
    const QString unhealthy = write(u"unhealthy.xml"_s, admin, "maintenance");
    const QString noAdmin = write(u"noadmin.xml"_s, {}, "ready");
    QVERIFY(!healthy.isEmpty() && !unhealthy.isEmpty() && !noAdmin.isEmpty());

    const auto check = [](const QString &config, QByteArray *output) {
        QProcess process;
        process.start(QStringLiteral(BALANCIERD_PATH), {u"--health-check"_s, u"--config"_s, config});
        if (!process.waitForFinished(30000))
            return -1;
        *output = process.readAllStandardOutput() + process.readAllStandardError();
        return process.exitCode();
    };
    QByteArray output;
    // Nothing listening: it cannot tell.
    QCOMPARE(check(healthy, &output), 2);
    QVERIFY2(output.contains("cannot connect") && output.contains(QByteArray::number(adminPort)),
        output.constData());
    QCOMPARE(check(noAdmin, &output), 2);
    QVERIFY2(output.contains("has no <admin>"), output.constData());
    QCOMPARE(check(dir.filePath(u"missing.xml"_s), &output), 2);
    QVERIFY2(output.contains("missing.xml"), output.constData());

    for (const auto &[config, expected] : {std::pair{healthy, 0}, std::pair{unhealthy, 1}}) {
        QProcess daemon;
        daemon.setProcessChannelMode(QProcess::MergedChannels);
        daemon.start(QStringLiteral(BALANCIERD_PATH), {u"--config"_s, config});
        QVERIFY(daemon.waitForStarted(10000));
        // Until the admin API listens, the check says 2 (cannot tell).
        int exitCode = 2;
        QTRY_VERIFY_WITH_TIMEOUT((exitCode = check(config, &output)) != 2, 30000);
        QCOMPARE(exitCode, expected);
        QVERIFY2(
            output.contains(expected == 0 ? "healthy: http://127.0.0.1:" : "not healthy: http://127.0.0.1:"),
            output.constData());
        QVERIFY2(output.contains(QByteArray("\"liveServices\":" + QByteArray::number(expected == 0 ? 1 : 0))),
            output.constData());
        daemon.kill();
        QVERIFY(daemon.waitForFinished(10000));
    }
    // The command line wants the config.
    QProcess bare;
    bare.start(QStringLiteral(BALANCIERD_PATH), {u"--health-check"_s});
    QVERIFY(bare.waitForFinished(30000));
    QCOMPARE(bare.exitCode(), 2);
    QVERIFY(bare.readAllStandardError().contains("--health-check needs --config FILE"));
}

void tst_HaHealth::healthCheckOverTls()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestCertificate served;
    TestCertificate other;
    QString error;
    bool missingTool = false;
    QVERIFY(QDir(dir.path()).mkpath(u"served"_s) && QDir(dir.path()).mkpath(u"other"_s));
    if (!served.generate(dir.filePath(u"served"_s), &error, &missingTool)
        || !other.generate(dir.filePath(u"other"_s), &error, &missingTool)) {
        if (missingTool)
            QSKIP(qPrintable(error));
        QFAIL(qPrintable(error));
    }
    StubBackend backend(u"a"_s);
    QVERIFY(backend.listen());
    quint16 adminPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        adminPort = probe.serverPort();
    }
    const auto write = [&](const QString &name, const TestCertificate &certificate) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write("<balancier version=\"1\"><health active=\"no\"/><admin listen=\"127.0.0.1:"
            + QByteArray::number(adminPort) + "\" cert=\"" + certificate.certificatePath().toUtf8()
            + "\" key=\"" + certificate.keyPath().toUtf8()
            + "\"/><service name=\"web\"><listen ip=\"127.0.0.1:0\"/><group name=\"g\"><host name=\"a\" ip=\""
            + backend.address().toUtf8() + "\"/></group></service></balancier>");
        return path;
    };
    const QString config = write(u"served.xml"_s, served);
    const QString wrong = write(u"other.xml"_s, other);
    QVERIFY(!config.isEmpty() && !wrong.isEmpty());
    const auto check = [](const QString &path, QByteArray *output) {
        QProcess process;
        process.start(QStringLiteral(BALANCIERD_PATH), {u"--health-check"_s, u"--config"_s, path});
        if (!process.waitForFinished(30000))
            return -1;
        *output = process.readAllStandardOutput() + process.readAllStandardError();
        return process.exitCode();
    };
    QProcess daemon;
    daemon.setProcessChannelMode(QProcess::MergedChannels);
    daemon.start(QStringLiteral(BALANCIERD_PATH), {u"--config"_s, config});
    QVERIFY(daemon.waitForStarted(10000));
    QByteArray output;
    int exitCode = 2;
    QTRY_VERIFY_WITH_TIMEOUT((exitCode = check(config, &output)) != 2, 30000);
    QCOMPARE(exitCode, 0);
    QVERIFY2(output.contains("healthy: https://127.0.0.1:"), output.constData());
    // A server showing another certificate than the config names is not trusted.
    QCOMPARE(check(wrong, &output), 2);
    QVERIFY2(output.contains("is not the one in <admin cert="), output.constData());
    daemon.kill();
    QVERIFY(daemon.waitForFinished(10000));
}

QTEST_MAIN(tst_HaHealth)
#include "tst_hahealth.moc"
