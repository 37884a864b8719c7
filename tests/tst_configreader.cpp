#include "config/address.h"
#include "config/config.h"
#include "config/configlimits.h"
#include "config/configreader.h"
#include "config/configvalidator.h"
#include "config/diagnostic.h"
#include "config/duration.h"
#include "config/xmlnode.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

QString dataDir()
{
    return QStringLiteral(BALANCIER_TEST_DATA "/config");
}

QString fixture(const QString &relative)
{
    return dataDir() + u'/' + relative;
}

// A diagnostic as the tests write it: toString() without the file name,
// which depends on where the source tree is.
QString located(const Diagnostic &diagnostic)
{
    QString text = diagnostic.toString();
    const QString prefix = diagnostic.file + u':';
    if (!diagnostic.file.isEmpty() && text.startsWith(prefix))
        text.remove(0, prefix.size());
    return text;
}

QStringList locatedAll(const QList<Diagnostic> &diagnostics)
{
    QStringList out;
    for (const Diagnostic &diagnostic : diagnostics)
        out.append(located(diagnostic));
    return out;
}

// A fixture's expected diagnostics live next to it in "<name>.expected":
// one per line, "report " in front of the import-report entries. No file
// means no diagnostic and no report entry at all.
void readExpectations(const QString &xmlPath, QStringList *diagnostics, QStringList *report)
{
    QString expectedPath = xmlPath;
    expectedPath.replace(expectedPath.size() - 4, 4, u".expected"_s);
    QFile file(expectedPath);
    if (!file.exists())
        return;
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(expectedPath));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u"report "))
            report->append(line.mid(7));
        else
            diagnostics->append(line);
    }
}

void compareLists(const QStringList &actual, const QStringList &expected)
{
    // One failure message that shows both lists in full beats "counts differ".
    if (actual != expected) {
        QString text = u"\nactual:\n"_s;
        for (const QString &line : actual)
            text += u"  "_s + line + u'\n';
        text += u"expected:\n"_s;
        for (const QString &line : expected)
            text += u"  "_s + line + u'\n';
        QFAIL(qPrintable(text));
    }
}

QString yesNo(bool value)
{
    return value ? u"yes"_s : u"no"_s;
}

QString bytesText(const QByteArray &bytes)
{
    QString out;
    for (char c : bytes) {
        if (c == '\r')
            out += u"\\r"_s;
        else if (c == '\n')
            out += u"\\n"_s;
        else if (c == '\\')
            out += u"\\\\"_s;
        else if (c >= 0x20 && c < 0x7f)
            out += QLatin1Char(c);
        else
            out += u"\\x"_s + QString::number(static_cast<uchar>(c), 16).rightJustified(2, u'0');
    }
    return out;
}

void flattenHealth(QMap<QString, QString> &out, const QString &prefix, const HealthConfig &health)
{
    out[prefix + u"interval"_s] = formatDuration(health.intervalMs);
    out[prefix + u"timeout"_s] = formatDuration(health.timeoutMs);
    out[prefix + u"rise"_s] = QString::number(health.rise);
    out[prefix + u"fall"_s] = QString::number(health.fall);
    out[prefix + u"downinterval"_s] = formatDuration(health.downIntervalMs);
    out[prefix + u"aggressiveinterval"_s] = formatDuration(health.aggressiveIntervalMs);
    out[prefix + u"active"_s] = yesNo(health.active);
    out[prefix + u"send"_s] = bytesText(health.send);
    out[prefix + u"expect"_s] = bytesText(health.expect);
}

// Every value of a model under a readable key, so that data rows can name
// the values they check: "host[web/prod/a].weight" -> "3".
QMap<QString, QString> flatten(const Config &config)
{
    QMap<QString, QString> out;
    out[u"version"_s] = QString::number(config.version);
    out[u"settings.workers"_s] = QString::number(config.settings.workers);
    out[u"settings.maxconns"_s] = QString::number(config.settings.maxConnections);
    out[u"settings.draintimeout"_s] = formatDuration(config.settings.drainTimeoutMs);
    out[u"settings.persist"_s] = config.settings.persist == PersistMode::Auto ? u"auto"_s : u"manual"_s;
    out[u"checktime"_s] = formatDuration(config.checkTimeMs);
    flattenHealth(out, u"health."_s, config.health);
    out[u"timeouts.connect"_s] = formatDuration(config.timeouts.connectMs);
    out[u"timeouts.idle"_s] = formatDuration(config.timeouts.idleMs);
    out[u"logging.file"_s] = config.logging.file;
    out[u"logging.level"_s] = config.logging.level;
    out[u"logging.connections"_s] = yesNo(config.logging.connections);
    out[u"admin.enabled"_s] = yesNo(config.admin.enabled);
    out[u"admin.listen"_s] = config.admin.listen;
    out[u"admin.cert"_s] = config.admin.tlsCertificate;
    out[u"admin.key"_s] = config.admin.tlsKey;
    out[u"admin.insecure"_s] = yesNo(config.admin.allowInsecureRemote);
    out[u"admin.metricspublic"_s] = yesNo(config.admin.metricsPublic);
    out[u"admin.origins"_s] = config.admin.origins.join(u'|');
    out[u"admin.line"_s] = QString::number(config.admin.pos.line);
    QStringList users;
    for (const AdminUser &user : config.admin.users) {
        users.append(user.name);
        const QString key = u"user["_s + user.name + u"]."_s;
        out[key + u"password"_s] = user.passwordHash;
        out[key + u"access"_s] = user.access == AdminUser::Access::Full ? u"full"_s : u"readonly"_s;
        out[key + u"line"_s] = QString::number(user.pos.line);
    }
    out[u"admin.users"_s] = users.join(u',');
    QStringList services;
    for (const ServiceConfig &service : config.services) {
        services.append(service.name);
        const QString key = u"service["_s + service.name + u"]."_s;
        out[key + u"listeners"_s] = service.listeners.join(u',');
        QStringList listenLines;
        for (const SourcePos &pos : service.listenerPos.items)
            listenLines.append(QString::number(pos.line));
        out[key + u"listeners.lines"_s] = listenLines.join(u',');
        out[key + u"enabled"_s] = service.enabledGroup;
        out[key + u"enable.line"_s] = QString::number(service.enablePos.line);
        out[key + u"line"_s] = QString::number(service.pos.line);
        out[key + u"ownhealth"_s] = yesNo(service.health.has_value());
        out[key + u"owntimeouts"_s] = yesNo(service.timeouts.has_value());
        const TimeoutConfig timeouts = config.effectiveTimeouts(service);
        out[key + u"timeouts.connect"_s] = formatDuration(timeouts.connectMs);
        out[key + u"timeouts.idle"_s] = formatDuration(timeouts.idleMs);
        QStringList groups;
        for (const GroupConfig &group : service.groups) {
            groups.append(group.name);
            const QString groupKey = u"group["_s + service.name + u'/' + group.name + u"]."_s;
            out[groupKey + u"scheduler"_s] = group.scheduler;
            out[groupKey + u"stickytime"_s] = formatDuration(group.stickyTimeoutMs);
            out[groupKey + u"line"_s] = QString::number(group.pos.line);
            out[groupKey + u"ownhealth"_s] = yesNo(group.health.has_value());
            flattenHealth(out, groupKey + u"health."_s, config.effectiveHealth(service, group));
            QStringList hosts;
            for (const HostConfig &host : group.hosts) {
                hosts.append(host.name);
                const QString hostKey
                    = u"host["_s + service.name + u'/' + group.name + u'/' + host.name + u"]."_s;
                out[hostKey + u"ip"_s] = host.address;
                out[hostKey + u"weight"_s] = QString::number(host.weight);
                out[hostKey + u"maxconns"_s] = QString::number(host.maxConns);
                out[hostKey + u"state"_s] = hostAdminStateName(host.adminState);
                out[hostKey + u"line"_s] = QString::number(host.pos.line);
                out[hostKey + u"column"_s] = QString::number(host.pos.column);
            }
            out[groupKey + u"hosts"_s] = hosts.join(u',');
        }
        out[key + u"groups"_s] = groups.join(u',');
    }
    out[u"services"_s] = services.join(u',');
    return out;
}

QStringList allFixtures()
{
    QStringList files;
    QDirIterator it(dataDir(), {u"*.xml"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(dataDir()).relativeFilePath(it.next()));
    files.sort();
    return files;
}

// Exactly one error whose text contains `needle`: for inputs that must be
// refused as a whole (and not produce a cascade of invented follow-ups).
void expectSingleError(const LoadResult &result, const QString &needle, int line = -1)
{
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &diagnostic = result.diagnostics.constFirst();
    QCOMPARE(diagnostic.severity, Diagnostic::Severity::Error);
    QVERIFY2(diagnostic.message.contains(needle), qPrintable(diagnostic.toString()));
    if (line >= 0)
        QCOMPARE(diagnostic.line, line);
}

}  // namespace

class TestConfigReader final : public QObject
{
    Q_OBJECT

private slots:
    void durations_data();
    void durations();
    void formatDurations_data();
    void formatDurations();
    void addresses_data();
    void addresses();
    void diagnosticText_data();
    void diagnosticText();

    void fixtureDiagnostics_data();
    void fixtureDiagnostics();
    void modelValues_data();
    void modelValues();
    void defaultsOfMinimalFile();
    void legacyEqualsNative_data();
    void legacyEqualsNative();
    void txBooleans_data();
    void txBooleans();
    void txWebNeedsEnable_data();
    void txWebNeedsEnable();
    void dialects_data();
    void dialects();
    void exampleFileIsClean();

    void programmaticModel();
    void validModelHasNoDiagnostics();

    void missingFile();
    void directory();
    void notADirectory();
    void fifo();
    void duplicateBackendAddress();
    void unreadableFile();
    void emptyInput_data();
    void emptyInput();
    void overCapData();
    void overCapFile();
    void deepNesting();
    void entityExpansion();
    void binaryGarbage();
    void truncatedFiles();
    void mutatedFiles();
    void manyErrorsOnOneLine();
    void manyAttributes();
    void attributeCountIgnoresQuotesAndComments();
    void manyListenersAndGroups();
    void workersLimit();
    void badBackendAddresses_data();
    void badBackendAddresses();
    void optionalListener();
    void nonUtf8Encodings();
    void badNames_data();
    void badNames();
    void goodNames();
    void emptyEnabledGroupAllowedAtRuntime();
};

void TestConfigReader::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");  // -1: invalid

    QTest::newRow("milliseconds") << u"500ms"_s << qint64(500);
    QTest::newRow("seconds") << u"2s"_s << qint64(2000);
    QTest::newRow("minutes") << u"5m"_s << qint64(300000);
    QTest::newRow("hours") << u"1h"_s << qint64(3600000);
    QTest::newRow("days") << u"1d"_s << qint64(86400000);
    QTest::newRow("bare integer is seconds") << u"120"_s << qint64(120000);
    QTest::newRow("zero") << u"0"_s << qint64(0);
    QTest::newRow("zero ms") << u"0ms"_s << qint64(0);
    QTest::newRow("surrounding spaces") << u" 3s "_s << qint64(3000);
    QTest::newRow("leading zeros") << u"007s"_s << qint64(7000);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("unit only") << u"ms"_s << qint64(-1);
    QTest::newRow("fraction") << u"1.5s"_s << qint64(-1);
    QTest::newRow("negative") << u"-3s"_s << qint64(-1);
    QTest::newRow("plus sign") << u"+3s"_s << qint64(-1);
    QTest::newRow("unknown unit") << u"5x"_s << qint64(-1);
    QTest::newRow("upper-case unit") << u"5S"_s << qint64(-1);
    QTest::newRow("compound") << u"1h30m"_s << qint64(-1);
    QTest::newRow("space inside") << u"1 s"_s << qint64(-1);
    QTest::newRow("weeks") << u"1w"_s << qint64(-1);
    QTest::newRow("overflow") << u"99999999999999999999d"_s << qint64(-1);
    QTest::newRow("overflow after unit") << u"9223372036854775807s"_s << qint64(-1);
    QTest::newRow("largest ms") << u"9223372036854775807ms"_s << qint64(9223372036854775807LL);
    QTest::newRow("arabic-indic digits") << u"\u0663s"_s << qint64(-1);
}

void TestConfigReader::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const std::optional<qint64> value = parseDuration(text);
    if (expected < 0) {
        QVERIFY2(!value, qPrintable(QString::number(value.value_or(0))));
    } else {
        QVERIFY(value.has_value());
        QCOMPARE(*value, expected);
    }
}

void TestConfigReader::formatDurations_data()
{
    QTest::addColumn<qint64>("milliseconds");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << u"0s"_s;
    QTest::newRow("ms") << qint64(1500) << u"1500ms"_s;
    QTest::newRow("s") << qint64(2000) << u"2s"_s;
    QTest::newRow("m") << qint64(120000) << u"2m"_s;
    QTest::newRow("90s") << qint64(90000) << u"90s"_s;
    QTest::newRow("h") << qint64(3600000) << u"1h"_s;
    QTest::newRow("d") << qint64(2 * 86400000LL) << u"2d"_s;
    QTest::newRow("25h") << qint64(25 * 3600000LL) << u"25h"_s;
}

void TestConfigReader::formatDurations()
{
    QFETCH(qint64, milliseconds);
    QFETCH(QString, expected);
    QCOMPARE(formatDuration(milliseconds), expected);
    // What is written must read back as the same value.
    QCOMPARE(parseDuration(expected), std::optional<qint64>(milliseconds));
}

void TestConfigReader::addresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowPortZero");
    QTest::addColumn<QString>("host");  // empty: invalid
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("errorOrCanonical");  // error text, or toString() when valid
    QTest::addColumn<bool>("anyInterface");

    // The second column: an address to listen on (port 0 and wildcards allowed).
    QTest::newRow("star") << u"*:80"_s << true << u"*"_s << 80 << u"*:80"_s << true;
    QTest::newRow("ipv4 any") << u"0.0.0.0:80"_s << true << u"0.0.0.0"_s << 80 << u"0.0.0.0:80"_s << true;
    QTest::newRow("ipv6 any") << u"[::]:80"_s << true << u"::"_s << 80 << u"[::]:80"_s << true;
    const QString wildcard
        = u" is a wildcard (every interface), not an address to connect to; expected the backend's own "
          u"address, e.g. 192.0.2.10:80"_s;
    QTest::newRow("backend star") << u"*:80"_s << false << QString() << 0 << u"\"*:80\""_s + wildcard
                                  << false;
    QTest::newRow("backend ipv4 any")
        << u"0.0.0.0:80"_s << false << QString() << 0 << u"\"0.0.0.0:80\""_s + wildcard << false;
    QTest::newRow("backend ipv6 any")
        << u"[::]:80"_s << false << QString() << 0 << u"\"[::]:80\""_s + wildcard << false;
    QTest::newRow("backend ipv6 any long")
        << u"[0:0::0]:80"_s << false << QString() << 0 << u"\"[0:0::0]:80\""_s + wildcard << false;
    const QString notIpv4 = u" is not a valid IPv4 address; expected four numbers 0-255 such as 192.0.2.10"_s;
    QTest::newRow("three numbers") << u"1.2.3:80"_s << false << QString() << 0 << u"\"1.2.3\""_s + notIpv4
                                   << false;
    QTest::newRow("listener three numbers")
        << u"1.2.3:80"_s << true << QString() << 0 << u"\"1.2.3\""_s + notIpv4 << false;
    QTest::newRow("one number") << u"2130706433:80"_s << false << QString() << 0
                                << u"\"2130706433\""_s + notIpv4 << false;
    QTest::newRow("leading zero") << u"010.0.0.1:80"_s << false << QString() << 0
                                  << u"\"010.0.0.1\""_s + notIpv4 << false;
    QTest::newRow("five numbers") << u"1.2.3.4.5:80"_s << false << QString() << 0
                                  << u"\"1.2.3.4.5\""_s + notIpv4 << false;
    QTest::newRow("zero address is fine")
        << u"10.0.0.0:80"_s << false << u"10.0.0.0"_s << 80 << u"10.0.0.0:80"_s << false;
    QTest::newRow("ipv6 loopback") << u"[::1]:443"_s << false << u"::1"_s << 443 << u"[::1]:443"_s << false;
    QTest::newRow("ipv4") << u"127.0.0.1:8080"_s << false << u"127.0.0.1"_s << 8080 << u"127.0.0.1:8080"_s
                          << false;
    QTest::newRow("host name") << u"backend.example:9000"_s << false << u"backend.example"_s << 9000
                               << u"backend.example:9000"_s << false;
    QTest::newRow("port 1") << u"h:1"_s << false << u"h"_s << 1 << u"h:1"_s << false;
    QTest::newRow("port 65535") << u"h:65535"_s << false << u"h"_s << 65535 << u"h:65535"_s << false;
    QTest::newRow("listener port 0") << u"127.0.0.1:0"_s << true << u"127.0.0.1"_s << 0 << u"127.0.0.1:0"_s
                                     << false;
    QTest::newRow("host port 0") << u"127.0.0.1:0"_s << false << QString() << 0 << u"port 0 outside 1-65535"_s
                                 << false;
    QTest::newRow("port too big") << u"h:65536"_s << false << QString() << 0
                                  << u"port 65536 outside 1-65535"_s << false;
    QTest::newRow("listener port too big")
        << u"*:70000"_s << true << QString() << 0 << u"port 70000 outside 0-65535"_s << false;
    QTest::newRow("huge port") << u"h:99999999999999"_s << false << QString() << 0
                               << u"port 99999999999999 outside 1-65535"_s << false;
    QTest::newRow("negative port") << u"h:-1"_s << false << QString() << 0
                                   << u"port \"-1\" is not a number; expected 1-65535"_s << false;
    QTest::newRow("named port") << u"h:http"_s << false << QString() << 0
                                << u"port \"http\" is not a number; expected 1-65535"_s << false;
    QTest::newRow("missing port") << u"127.0.0.1"_s << false << QString() << 0
                                  << u"missing port in \"127.0.0.1\"; expected host:port"_s << false;
    QTest::newRow("empty port") << u"127.0.0.1:"_s << false << QString() << 0
                                << u"missing port in \"127.0.0.1:\"; expected host:port"_s << false;
    QTest::newRow("empty") << QString() << false << QString() << 0 << u"empty address; expected host:port"_s
                           << false;
    QTest::newRow("missing host")
        << u":80"_s << false << QString() << 0
        << u"missing host in \":80\"; expected host:port, or *:port for every interface"_s << false;
    QTest::newRow("ipv6 without brackets")
        << u"::1:80"_s << false << QString() << 0
        << u"IPv6 address without brackets in \"::1:80\"; expected [ipv6]:port, e.g. [::1]:80"_s << false;
    QTest::newRow("unclosed bracket") << u"[::1:80"_s << false << QString() << 0
                                      << u"missing ']' in \"[::1:80\"; expected [ipv6]:port"_s << false;
    QTest::newRow("ipv4 in brackets") << u"[127.0.0.1]:80"_s << false << QString() << 0
                                      << u"\"127.0.0.1\" is not an IPv6 address"_s << false;
    QTest::newRow("bad ipv4") << u"300.1.2.3:80"_s << false << QString() << 0
                              << u"\"300.1.2.3\" is not a valid IPv4 address; expected four numbers 0-255 "
                                 u"such as 192.0.2.10"_s
                              << false;
    QTest::newRow("space in host")
        << u"back end:80"_s << false << QString() << 0
        << u"\"back end\" is not a valid host name; expected an IP address, a host name or *"_s << false;
    QTest::newRow("spaces around") << u" h:80"_s << false << QString() << 0
                                   << u"spaces around the address \" h:80\"; expected host:port"_s << false;
}

void TestConfigReader::addresses()
{
    QFETCH(QString, text);
    QFETCH(bool, allowPortZero);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, errorOrCanonical);
    QFETCH(bool, anyInterface);

    QString error;
    const std::optional<Address> address = parseAddress(text, allowPortZero, &error);
    if (host.isEmpty()) {
        QVERIFY(!address);
        QCOMPARE(error, errorOrCanonical);
        return;
    }
    QVERIFY2(address.has_value(), qPrintable(error));
    QCOMPARE(address->host, host);
    QCOMPARE(int(address->port), port);
    QCOMPARE(address->toString(), errorOrCanonical);
    QCOMPARE(address->isAnyInterface(), anyInterface);
}

void TestConfigReader::diagnosticText_data()
{
    QTest::addColumn<Diagnostic>("diagnostic");
    QTest::addColumn<QString>("expected");

    using S = Diagnostic::Severity;
    QTest::newRow("full") << Diagnostic{S::Error, u"b.xml"_s, 12, 7, u"<host name=\"a\" ip>"_s, u"bad"_s}
                          << u"b.xml:12:7: error: <host name=\"a\" ip>: bad"_s;
    QTest::newRow("warning") << Diagnostic{S::Warning, u"b.xml"_s, 3, 1, u"<user>"_s, u"weak"_s}
                             << u"b.xml:3:1: warning: <user>: weak"_s;
    QTest::newRow("note") << Diagnostic{S::Note, u"b.xml"_s, 3, 1, u"<ssh>"_s, u"dropped"_s}
                          << u"b.xml:3:1: note: <ssh>: dropped"_s;
    QTest::newRow("no column") << Diagnostic{S::Error, u"b.xml"_s, 3, 0, QString(), u"m"_s}
                               << u"b.xml:3: error: m"_s;
    QTest::newRow("no line") << Diagnostic{S::Error, u"b.xml"_s, 0, 0, QString(), u"m"_s}
                             << u"b.xml: error: m"_s;
    QTest::newRow("no file") << Diagnostic{S::Error, QString(), 0, 0, u"<host name=\"a\" ip>"_s, u"m"_s}
                             << u"error: <host name=\"a\" ip>: m"_s;
    QTest::newRow("no file, with line")
        << Diagnostic{S::Error, QString(), 4, 2, u"<x>"_s, u"m"_s} << u"4:2: error: <x>: m"_s;
}

void TestConfigReader::diagnosticText()
{
    QFETCH(Diagnostic, diagnostic);
    QFETCH(QString, expected);
    QCOMPARE(diagnostic.toString(), expected);
}

void TestConfigReader::fixtureDiagnostics_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = allFixtures();
    QVERIFY(files.size() >= 30);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

void TestConfigReader::fixtureDiagnostics()
{
    QFETCH(QString, file);
    const QString path = fixture(file);
    const LoadResult result = ConfigReader::readFile(path);
    QStringList expectedDiagnostics;
    QStringList expectedReport;
    readExpectations(path, &expectedDiagnostics, &expectedReport);

    compareLists(locatedAll(result.diagnostics), expectedDiagnostics);
    compareLists(locatedAll(result.importReport), expectedReport);
    for (const Diagnostic &diagnostic : result.diagnostics)
        QCOMPARE(diagnostic.file, path);
    // Only an import has a report, and every entry of it has a line.
    if (result.dialect == ConfigDialect::Native)
        QVERIFY(result.importReport.isEmpty());
    for (const Diagnostic &entry : result.importReport)
        QVERIFY2(entry.line > 0, qPrintable(entry.toString()));
    // Files in invalid/ must fail; the others must load.
    QCOMPARE(result.ok(), !file.startsWith(u"invalid/") && !file.endsWith(u"-errors.xml"));
}

void TestConfigReader::modelValues_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *file, const char *key, const QString &expected) {
        QTest::addRow("%s %s", file, key)
            << QString::fromLatin1(file) << QString::fromLatin1(key) << expected;
    };

    row("valid/full.xml", "settings.workers", u"4"_s);
    row("valid/full.xml", "settings.maxconns", u"5000"_s);
    row("valid/full.xml", "settings.draintimeout", u"2m"_s);
    row("valid/full.xml", "settings.persist", u"auto"_s);
    row("valid/full.xml", "checktime", u"90s"_s);
    row("valid/full.xml", "health.interval", u"3s"_s);
    row("valid/full.xml", "health.timeout", u"1500ms"_s);
    row("valid/full.xml", "health.rise", u"4"_s);
    row("valid/full.xml", "health.fall", u"5"_s);
    row("valid/full.xml", "health.downinterval", u"20s"_s);
    row("valid/full.xml", "health.aggressiveinterval", u"250ms"_s);
    row("valid/full.xml", "health.active", u"no"_s);
    row("valid/full.xml", "health.send", u"GET / HTTP/1.0\\r\\n\\r\\n"_s);
    row("valid/full.xml", "health.expect", u"HTTP/1.0"_s);
    row("valid/full.xml", "timeouts.connect", u"4s"_s);
    row("valid/full.xml", "timeouts.idle", u"0s"_s);
    row("valid/full.xml", "logging.file", u"/var/log/balancier.log"_s);
    row("valid/full.xml", "logging.level", u"debug"_s);
    row("valid/full.xml", "logging.connections", u"yes"_s);
    row("valid/full.xml", "admin.enabled", u"yes"_s);
    row("valid/full.xml", "admin.listen", u"[::1]:8443"_s);
    row("valid/full.xml", "admin.cert", QString());
    row("valid/full.xml", "admin.key", QString());
    row("valid/full.xml", "admin.insecure", u"yes"_s);
    row("valid/full.xml", "admin.metricspublic", u"yes"_s);
    row("valid/full.xml", "admin.origins", u"https://lb.example:8443|http://10.0.0.5:8080"_s);
    row("valid/full.xml", "admin.line", u"10"_s);
    row("valid/full.xml", "admin.users", u"root,viewer"_s);
    row("valid/full.xml", "user[root].access", u"full"_s);
    row("valid/full.xml", "user[viewer].access", u"readonly"_s);
    row("valid/full.xml", "user[viewer].line", u"13"_s);
    row("valid/full.xml", "services", u"web,db"_s);
    row("valid/full.xml", "service[web].listeners", u"*:8080,[::]:8081"_s);
    row("valid/full.xml", "service[web].listeners.lines", u"16,17"_s);
    row("valid/full.xml", "service[web].line", u"15"_s);
    row("valid/full.xml", "service[web].groups", u"blue,green"_s);
    row("valid/full.xml", "service[web].enabled", u"green"_s);
    row("valid/full.xml", "service[web].enable.line", u"28"_s);
    row("valid/full.xml", "service[web].timeouts.connect", u"1s"_s);
    row("valid/full.xml", "service[web].timeouts.idle", u"0s"_s);  // inherited
    row("valid/full.xml", "group[web/blue].scheduler", u"weighted"_s);
    row("valid/full.xml", "group[web/blue].stickytime", u"1h"_s);
    row("valid/full.xml", "group[web/blue].line", u"20"_s);
    row("valid/full.xml", "group[web/blue].health.interval", u"1s"_s);
    row("valid/full.xml", "group[web/blue].health.active", u"yes"_s);
    row("valid/full.xml", "group[web/blue].health.rise", u"1"_s);  // from the service
    row("valid/full.xml", "group[web/blue].health.fall", u"5"_s);  // from the top level
    row("valid/full.xml", "group[web/blue].hosts", u"b1,b2"_s);
    row("valid/full.xml", "host[web/blue/b1].ip", u"127.0.0.1:9001"_s);
    row("valid/full.xml", "host[web/blue/b1].weight", u"3"_s);
    row("valid/full.xml", "host[web/blue/b1].maxconns", u"10"_s);
    row("valid/full.xml", "host[web/blue/b1].state", u"drain"_s);
    row("valid/full.xml", "host[web/blue/b1].line", u"22"_s);
    row("valid/full.xml", "host[web/blue/b1].column", u"7"_s);
    row("valid/full.xml", "host[web/blue/b2].ip", u"backend.example:9002"_s);
    row("valid/full.xml", "host[web/blue/b2].weight", u"0"_s);
    row("valid/full.xml", "host[web/blue/b2].state", u"maintenance"_s);
    row("valid/full.xml", "group[web/green].scheduler", u"sticky"_s);
    row("valid/full.xml", "group[web/green].health.interval", u"3s"_s);
    row("valid/full.xml", "group[web/green].health.rise", u"1"_s);
    row("valid/full.xml", "host[web/green/g1].ip", u"[::1]:9003"_s);
    row("valid/full.xml", "group[db/main].scheduler", u"p2c"_s);
    row("valid/full.xml", "service[db].enabled", u"main"_s);
    row("valid/full.xml", "service[db].enable.line", u"0"_s);  // implied
    row("valid/full.xml", "service[db].owntimeouts", u"no"_s);

    row("valid/inheritance.xml", "health.interval", u"7s"_s);
    row("valid/inheritance.xml", "health.rise", u"3"_s);
    row("valid/inheritance.xml", "health.timeout", u"2s"_s);
    row("valid/inheritance.xml", "service[web].ownhealth", u"yes"_s);
    row("valid/inheritance.xml", "group[web/a].health.interval", u"7s"_s);
    row("valid/inheritance.xml", "group[web/a].health.rise", u"3"_s);
    row("valid/inheritance.xml", "group[web/a].health.timeout", u"3s"_s);
    row("valid/inheritance.xml", "group[web/a].health.fall", u"7"_s);
    row("valid/inheritance.xml", "group[web/b].ownhealth", u"no"_s);
    row("valid/inheritance.xml", "group[web/b].health.timeout", u"3s"_s);
    row("valid/inheritance.xml", "group[web/b].health.fall", u"3"_s);
    row("valid/inheritance.xml", "group[plain/c].health.interval", u"7s"_s);
    row("valid/inheritance.xml", "group[plain/c].health.timeout", u"2s"_s);
    row("valid/inheritance.xml", "group[plain/c].health.rise", u"9"_s);
    row("valid/inheritance.xml", "service[web].timeouts.connect", u"2s"_s);
    row("valid/inheritance.xml", "service[web].timeouts.idle", u"5m"_s);
    row("valid/inheritance.xml", "service[plain].timeouts.connect", u"2s"_s);
    row("valid/inheritance.xml", "service[plain].timeouts.idle", u"1h"_s);
    row("valid/inheritance.xml", "service[web].enabled", u"a"_s);

    row("valid/tolerated.xml", "services", u"web"_s);
    row("valid/tolerated.xml", "host[web/main/a].ip", u"127.0.0.1:9001"_s);
    row("valid/tolerated.xml", "host[web/main/a].line", u"12"_s);
    row("valid/tolerated.xml", "service[web].enabled", u"main"_s);

    row("valid/aliases.xml", "group[web/a].scheduler", u"roundrobin"_s);
    row("valid/aliases.xml", "group[web/b].scheduler", u"leastconns"_s);
    row("valid/aliases.xml", "group[web/c].scheduler", u"roundrobin"_s);
    row("valid/aliases.xml", "group[web/d].scheduler", u"weighted"_s);
    row("valid/aliases.xml", "group[web/e].scheduler", u"random"_s);
    row("valid/aliases.xml", "group[web/f].scheduler", u"leastconnsrr"_s);
    row("valid/aliases.xml", "group[web/g].scheduler", u"hash"_s);

    row("legacy/pythondirector.xml", "checktime", u"1m"_s);
    row("legacy/pythondirector.xml", "admin.listen", u"127.0.0.1:7001"_s);
    row("legacy/pythondirector.xml", "admin.cert", QString());
    row("legacy/pythondirector.xml", "user[anthony].password", u"iy910VlMkG1DE"_s);
    row("legacy/pythondirector.xml", "service[prod-http].listeners", u"*:8080,127.0.0.1:8081"_s);
    row("legacy/pythondirector.xml", "service[prod-http].enabled", u"main"_s);
    row("legacy/pythondirector.xml", "service[prod-http].enable.line", u"13"_s);
    row("legacy/pythondirector.xml", "host[prod-http/main/two].line", u"8"_s);
    row("legacy/pythondirector-quirks.xml", "checktime", u"2m"_s);
    row("legacy/pythondirector-quirks.xml", "group[old/main].hosts", u"two,client.1"_s);
    row("legacy/pythondirector-quirks.xml", "group[old/main].scheduler", u"roundrobin"_s);
    row("legacy/pythondirector-quirks.xml", "service[old].enabled", u"main"_s);
    row("legacy/pythondirector-quirks.xml", "admin.listen", u"127.0.0.1:7001"_s);
    row("legacy/pythondirector-quirks.xml", "admin.insecure", u"no"_s);

    row("legacy/txloadbalancer.xml", "checktime", u"500s"_s);
    row("legacy/txloadbalancer.xml", "health.downinterval", u"500s"_s);
    row("legacy/txloadbalancer.xml", "health.active", u"no"_s);
    row("legacy/txloadbalancer.xml", "admin.enabled", u"yes"_s);
    row("legacy/txloadbalancer.xml", "admin.listen", u"127.0.0.1:7000"_s);
    row("legacy/txloadbalancer.xml", "logging.file", u"txlb.log"_s);
    row("legacy/txloadbalancer.xml", "group[twisted/servers1].scheduler", u"weighted"_s);
    row("legacy/txloadbalancer.xml", "group[twisted/servers2].scheduler", u"leastconns"_s);
    row("legacy/txloadbalancer.xml", "group[apache/servers].scheduler", u"roundrobin"_s);
    row("legacy/txloadbalancer.xml", "group[misc/r].scheduler", u"random"_s);
    row("legacy/txloadbalancer.xml", "host[twisted/servers1/server3].weight", u"20"_s);
    row("legacy/txloadbalancer.xml", "host[misc/r/m].weight", u"0"_s);
    row("legacy/txloadbalancer.xml", "service[twisted].enabled", u"servers1"_s);
    row("legacy/txloadbalancer.xml", "service[twisted].enable.line", u"7"_s);
    row("legacy/txloadbalancer.xml", "service[misc].enabled", u"r"_s);
    row("legacy/txloadbalancer-quirks.xml", "service[s].enabled", u"a"_s);
    row("legacy/txloadbalancer-quirks.xml", "checktime", u"30s"_s);
    row("legacy/txloadbalancer-quirks.xml", "health.downinterval", u"30s"_s);
    row("legacy/txloadbalancer-quirks.xml", "admin.enabled", u"no"_s);
    row("legacy/txloadbalancer-quirks.xml", "admin.users", QString());
}

void TestConfigReader::modelValues()
{
    QFETCH(QString, file);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const LoadResult result = ConfigReader::readFile(fixture(file));
    QVERIFY2(result.ok(), qPrintable(locatedAll(result.diagnostics).join(u'\n')));
    const QMap<QString, QString> values = flatten(result.config);
    QVERIFY2(values.contains(key), qPrintable(u"no value "_s + key));
    QCOMPARE(values.value(key), expected);
}

void TestConfigReader::defaultsOfMinimalFile()
{
    const LoadResult result = ConfigReader::readFile(fixture(u"valid/minimal.xml"_s));
    QVERIFY(result.ok());
    QVERIFY(result.diagnostics.isEmpty());
    QCOMPARE(result.dialect, ConfigDialect::Native);

    // Everything not written keeps the defaults of config.h.
    Config expected;
    ServiceConfig service;
    service.name = u"web"_s;
    service.listeners = {u"127.0.0.1:0"_s};
    GroupConfig group;
    group.name = u"main"_s;
    HostConfig host;
    host.name = u"a"_s;
    host.address = u"127.0.0.1:9001"_s;
    group.hosts.append(host);
    service.groups.append(group);
    service.enabledGroup = u"main"_s;
    expected.services.append(service);
    QCOMPARE(result.config, expected);
    QCOMPARE(result.config.checkTimeMs, qint64(0));
    QCOMPARE(result.config.services.constFirst().groups.constFirst().scheduler, u"roundrobin"_s);
    QVERIFY(!result.config.admin.enabled);
}

void TestConfigReader::legacyEqualsNative_data()
{
    QTest::addColumn<QString>("legacy");
    QTest::addColumn<QString>("native");
    QTest::newRow("pythondirector") << u"legacy/pythondirector.xml"_s
                                    << u"legacy/pythondirector-native.xml"_s;
    QTest::newRow("txloadbalancer") << u"legacy/txloadbalancer.xml"_s
                                    << u"legacy/txloadbalancer-native.xml"_s;
}

void TestConfigReader::legacyEqualsNative()
{
    QFETCH(QString, legacy);
    QFETCH(QString, native);
    const LoadResult imported = ConfigReader::readFile(fixture(legacy));
    const LoadResult written = ConfigReader::readFile(fixture(native));
    QVERIFY(imported.ok());
    QVERIFY(written.ok());
    QCOMPARE_NE(imported.dialect, ConfigDialect::Native);
    QCOMPARE(written.dialect, ConfigDialect::Native);
    QVERIFY(!imported.importReport.isEmpty());
    // Compare key by key first: a failure then names the value that differs.
    const QMap<QString, QString> a = flatten(imported.config);
    const QMap<QString, QString> b = flatten(written.config);
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        if (it.key().endsWith(u".line"_s) || it.key().endsWith(u".lines"_s)
            || it.key().endsWith(u".column"_s))
            continue;
        QVERIFY2(b.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(it.value(), b.value(it.key()));
    }
    QCOMPARE(a.size(), b.size());
    QVERIFY(imported.config == written.config);
}

void TestConfigReader::txBooleans_data()
{
    // txLoadBalancer: yes, 1, on, enable and true, in any case, are true;
    // everything else is false. The group read as enabled goes live.
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<bool>("enabled");
    for (const QString &word : {u"yes"_s, u"1"_s, u"on"_s, u"enable"_s, u"true"_s, u"Enable"_s, u"ENABLE"_s,
             u"True"_s, u"YES"_s, u"On"_s, u" true "_s})
        QTest::newRow(qPrintable(u"true: '"_s + word + u'\'')) << word << true;
    for (const QString &word : {u"no"_s, u"0"_s, u"off"_s, u"disable"_s, u"false"_s, u"FALSE"_s, u"enabled"_s,
             u"sometimes"_s, u""_s})
        QTest::newRow(qPrintable(u"false: '"_s + word + u'\'')) << word << false;
}

void TestConfigReader::txBooleans()
{
    QFETCH(QString, spelling);
    QFETCH(bool, enabled);
    // Group "a" comes first but is enabled only if the spelling is true;
    // otherwise "b", which says enable="yes", is the live group.
    const QByteArray xml = "<config>\n"
                           "  <service name=\"s\">\n"
                           "    <listen ip=\"127.0.0.1:8000\"/>\n"
                           "    <group name=\"a\" scheduler=\"roundr\" enable=\""
        + spelling.toUtf8()
        + "\"><host name=\"h\" ip=\"127.0.0.1:8001\"/></group>\n"
          "    <group name=\"b\" scheduler=\"roundr\" enable=\"yes\"><host name=\"h\" "
          "ip=\"127.0.0.1:8002\"/></group>\n"
          "  </service>\n"
          "</config>\n";
    const LoadResult result = ConfigReader::readData(xml, u"tx.xml"_s);
    QVERIFY2(result.ok(),
        qPrintable(result.diagnostics.isEmpty() ? QString() : result.diagnostics.first().toString()));
    QCOMPARE(result.dialect, ConfigDialect::TxLoadBalancer);
    QCOMPARE(result.config.services.constFirst().enabledGroup, enabled ? u"a"_s : u"b"_s);
}

void TestConfigReader::txWebNeedsEnable_data()
{
    QTest::addColumn<QString>("web");
    QTest::addColumn<bool>("adminOn");
    QTest::addColumn<QString>("reportPart");
    QTest::newRow("no enable") << u"<web listen=\"127.0.0.1:7000\"/>"_s << false
                               << u"no enable=\"true\": txLoadBalancer leaves the web admin off"_s;
    QTest::newRow("enable=true") << u"<web listen=\"127.0.0.1:7000\" enable=\"true\"/>"_s << true
                                 << u"mapped to <admin listen=\"127.0.0.1:7000\">"_s;
    QTest::newRow("enable=Enable") << u"<web listen=\"127.0.0.1:7000\" enable=\"Enable\"/>"_s << true
                                   << u"mapped to <admin listen=\"127.0.0.1:7000\">"_s;
    QTest::newRow("enable=false") << u"<web listen=\"127.0.0.1:7000\" enable=\"false\"/>"_s << false
                                  << u"the web admin is disabled"_s;
}

void TestConfigReader::txWebNeedsEnable()
{
    QFETCH(QString, web);
    QFETCH(bool, adminOn);
    QFETCH(QString, reportPart);
    const QByteArray xml = "<config>\n"
                           "  <service name=\"s\">\n"
                           "    <listen ip=\"127.0.0.1:8000\"/>\n"
                           "    <group name=\"a\" scheduler=\"roundr\" enable=\"true\"><host name=\"h\" "
                           "ip=\"127.0.0.1:8001\"/></group>\n"
                           "  </service>\n"
                           "  <admin>\n"
                           "    "
        + web.toUtf8()
        + "\n"
          "    <user name=\"admin\" password=\"..xpoEyRReGzk\" access=\"full\"/>\n"
          "  </admin>\n"
          "</config>\n";
    const LoadResult result = ConfigReader::readData(xml, u"tx.xml"_s);
    QVERIFY(result.ok());
    QCOMPARE(result.config.admin.enabled, adminOn);
    QCOMPARE(result.config.admin.users.isEmpty(), !adminOn);
    bool found = false;
    for (const Diagnostic &line : result.importReport)
        found = found || line.toString().contains(reportPart);
    QVERIFY2(found, qPrintable(reportPart));
}

void TestConfigReader::dialects_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("dialect");
    QTest::newRow("native") << u"valid/minimal.xml"_s << int(ConfigDialect::Native);
    QTest::newRow("pythondirector") << u"legacy/pythondirector.xml"_s << int(ConfigDialect::PythonDirector);
    QTest::newRow("txloadbalancer") << u"legacy/txloadbalancer.xml"_s << int(ConfigDialect::TxLoadBalancer);
}

void TestConfigReader::dialects()
{
    QFETCH(QString, file);
    QFETCH(int, dialect);
    QCOMPARE(int(ConfigReader::readFile(fixture(file)).dialect), dialect);
}

void TestConfigReader::exampleFileIsClean()
{
    const QString path = QStringLiteral(BALANCIER_SOURCE_DIR "/resources/balancier.example.xml");
    const LoadResult result = ConfigReader::readFile(path);
    compareLists(locatedAll(result.diagnostics), {});
    QVERIFY(result.ok());
    QCOMPARE(result.dialect, ConfigDialect::Native);
    const ServiceConfig *web = result.config.service(u"web");
    QVERIFY(web);
    QCOMPARE(web->listeners, QStringList{u"*:8080"_s});
    QCOMPARE(web->enabledGroup, u"prod"_s);
    const GroupConfig *prod = web->group(u"prod");
    QVERIFY(prod);
    QCOMPARE(prod->hosts.size(), 3);
    QCOMPARE(prod->hosts.at(0).address, u"127.0.0.1:9001"_s);
    QCOMPARE(prod->hosts.at(2).address, u"127.0.0.1:9003"_s);
    QVERIFY(prod->health.has_value());
    QCOMPARE(prod->health->send, QByteArray("PING\r\n"));
    QCOMPARE(result.config.admin.users.size(), 1);
}

void TestConfigReader::programmaticModel()
{
    // A model built in code has no positions: messages name where in the
    // tree the problem is instead.
    Config config;
    ServiceConfig web;
    web.name = u"web"_s;
    web.listeners = {u"*:8080"_s, u"*:70000"_s};
    GroupConfig group;
    group.name = u"prod"_s;
    group.scheduler = u"fastest"_s;
    HostConfig a;
    a.name = u"a"_s;
    a.address = u"127.0.0.1:0"_s;
    a.weight = -2;
    HostConfig b = a;
    b.name = u"a"_s;
    b.address = u"127.0.0.1:9001"_s;
    b.weight = 1;
    group.hosts = {a, b};
    web.groups = {group};
    web.enabledGroup = u"blue"_s;
    ServiceConfig empty;
    empty.name = u"web"_s;
    config.services = {web, empty};
    config.settings.workers = -1;
    config.logging.level = u"loud"_s;
    config.admin.enabled = true;
    config.admin.listen = u"127.0.0.1:8080"_s;
    config.admin.users = {AdminUser{u"u"_s, u"plaintext"_s, AdminUser::Access::Full, {}}};

    const QStringList actual = locatedAll(validateConfig(config));
    const QStringList expected = {
        u"error: <settings workers>: settings: -1 is negative; expected a whole number from 0 to 256"_s,
        u"error: <logging level>: \"loud\" is not valid; expected one of debug, info, warning, critical"_s,
        u"error: <user name=\"u\" password>: admin user \"u\": not a password hash: expected "
        u"\"pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>\" or a 13-character legacy crypt string; "
        u"make one with `balancierd --hash-password`"_s,
        u"error: <listen ip>: service \"web\": *:8080 clashes with 127.0.0.1:8080, already used by the admin "
        u"API; "
        u"each listening address and port may be used once"_s,
        u"error: <listen ip>: service \"web\": port 70000 outside 0-65535"_s,
        u"error: <group name=\"prod\" scheduler>: service \"web\", group \"prod\": unknown scheduler "
        u"\"fastest\"; "
        u"expected one of roundrobin, weighted, random, leastconns, leastconnsrr, sticky, hash, p2c, maglev "
        u"(or a legacy alias: roundr, weightr, rand, leastc)"_s,
        u"error: <host name=\"a\" ip>: service \"web\", group \"prod\", host \"a\": port 0 outside 1-65535"_s,
        u"error: <host name=\"a\" weight>: service \"web\", group \"prod\", host \"a\": -2 is negative; "
        u"expected "
        u"a whole number from 0 to 10000"_s,
        u"error: <host name=\"a\">: service \"web\", group \"prod\": duplicate host name \"a\" in group \"prod\""_s,
        u"error: <enable group>: service \"web\": enabled group \"blue\" does not exist; expected one of \"prod\""_s,
        u"error: <service name=\"web\">: duplicate service name \"web\""_s,
        u"error: <service name=\"web\">: service \"web\": no <listen>; a service needs at least one listener"_s,
        u"error: <service name=\"web\">: service \"web\": no <host>; a service needs at least one host in a "
        u"<group>"_s,
    };
    compareLists(actual, expected);
}

void TestConfigReader::validModelHasNoDiagnostics()
{
    // The default model plus one working service validates cleanly, and a
    // model read from a file validates the same way when checked again.
    const LoadResult result = ConfigReader::readFile(fixture(u"valid/full.xml"_s));
    QVERIFY(result.ok());
    QVERIFY(validateConfig(result.config).isEmpty());
    QVERIFY(validateConfig(Config()).isEmpty());
}

void TestConfigReader::missingFile()
{
    const QString path = dataDir() + u"/does-not-exist.xml"_s;
    const LoadResult result = ConfigReader::readFile(path);
    expectSingleError(result, u"No such file or directory"_s, 0);
    QVERIFY(result.diagnostics.constFirst().message.contains(path));
    QCOMPARE(result.diagnostics.constFirst().toString(),
        path + u": error: cannot open \""_s + path + u"\": No such file or directory"_s);
}

void TestConfigReader::directory()
{
    expectSingleError(ConfigReader::readFile(dataDir()), u"is a directory"_s, 0);
}

void TestConfigReader::notADirectory()
{
    // An OS refusal that even root gets: a file used as a directory.
    const QString path = fixture(u"valid/minimal.xml/inner.xml"_s);
    const LoadResult result = ConfigReader::readFile(path);
    expectSingleError(result, u"Not a directory"_s, 0);
    QVERIFY(result.diagnostics.constFirst().message.contains(path));
}

void TestConfigReader::duplicateBackendAddress()
{
    // One backend twice in a group would take twice its share: an error at
    // the second host, naming both. Other groups may share the backend.
    const QByteArray data = "<balancier version=\"1\">\n"
                            "<service name=\"s\"><listen ip=\"127.0.0.1:0\"/>\n"
                            "<group name=\"g\">\n"
                            "<host name=\"one\" ip=\"127.0.0.1:9001\"/>\n"
                            "<host name=\"two\" ip=\"LOCALHOST:9002\"/>\n"
                            "<host name=\"three\" ip=\"localhost:9002\"/>\n"
                            "</group>\n"
                            "<group name=\"h\"><host name=\"one\" ip=\"127.0.0.1:9001\"/></group>\n"
                            "<enable group=\"g\"/></service></balancier>\n";
    const LoadResult result = ConfigReader::readData(data, u"dup.xml"_s);
    expectSingleError(result, u"host \"three\" has the address \"localhost:9002\" of host \"two\""_s, 6);
    QVERIFY2(result.diagnostics.constFirst().message.contains(u"first defined on line 5"_s),
        qPrintable(result.diagnostics.constFirst().toString()));
    QCOMPARE(result.diagnostics.constFirst().element, u"<host name=\"three\" ip>"_s);
}

void TestConfigReader::fifo()
{
    // Opening a FIFO with no writer would block: it is refused unopened.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
#ifdef Q_OS_UNIX
    const QString path = dir.filePath(u"pipe.xml"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    expectSingleError(ConfigReader::readFile(path), u"not a regular file"_s, 0);
#else
    QSKIP("FIFOs are a POSIX thing");
#endif
}

void TestConfigReader::unreadableFile()
{
#ifdef Q_OS_UNIX
    if (::geteuid() == 0)
        QSKIP("root can read any file");
#else
    QSKIP("permissions as tested here are POSIX ones");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"secret.xml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<balancier version=\"1\"/>");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::Permissions()));
    const LoadResult result = ConfigReader::readFile(path);
    expectSingleError(result, u"Permission denied"_s, 0);
    QVERIFY(result.diagnostics.constFirst().message.contains(path));
}

void TestConfigReader::emptyInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::newRow("empty") << QByteArray() << u"the file is empty"_s << 1;
    QTest::newRow("whitespace") << QByteArray(" \n\t\n") << u"the file is empty"_s << 1;
    QTest::newRow("declaration only")
        << QByteArray("<?xml version=\"1.0\"?>\n") << u"the document ends too early"_s << 2;
    QTest::newRow("comment only") << QByteArray("<!-- nothing -->") << u"the document ends too early"_s << 1;
    QTest::newRow("plain text") << QByteArray("hello") << u"not well-formed XML"_s << 1;
    QTest::newRow("json") << QByteArray("{\"services\": []}") << u"not well-formed XML"_s << 1;
    QTest::newRow("two roots") << QByteArray("<balancier version=\"1\"/><balancier version=\"1\"/>")
                               << u"not well-formed XML: Extra content at end of document."_s << 1;
    QTest::newRow("self-closed root") << QByteArray("<balancier version=\"1\"/>") << QString() << 0;
}

void TestConfigReader::emptyInput()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    QFETCH(int, line);
    const LoadResult result = ConfigReader::readData(data, u"mem.xml"_s);
    if (message.isEmpty()) {
        // A root with nothing in it is well-formed and simply describes no service.
        QVERIFY(result.ok());
        QVERIFY(result.config.services.isEmpty());
        return;
    }
    expectSingleError(result, message, line);
}

void TestConfigReader::overCapData()
{
    QByteArray data("<balancier version=\"1\">");
    data += QByteArray(16 * 1024 * 1024, ' ');
    data += "</balancier>";
    expectSingleError(ConfigReader::readData(data, u"big.xml"_s),
        u"the file is "_s + QString::number(data.size()) + u" bytes; a config may be at most 16 MiB"_s, 0);
}

void TestConfigReader::overCapFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"big.xml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // A sparse file: big on paper, cheap to make; the reader must refuse it by size.
    QVERIFY(file.resize(qint64(1) << 30));
    file.close();
    expectSingleError(ConfigReader::readFile(path), u"a config may be at most 16 MiB"_s, 0);
}

void TestConfigReader::deepNesting()
{
    const int depth = 10000;
    QByteArray data("<balancier version=\"1\">\n");
    for (int i = 0; i < depth; ++i)
        data += "<a>";
    for (int i = 0; i < depth; ++i)
        data += "</a>";
    data += "\n</balancier>\n";
    const LoadResult result = ConfigReader::readData(data, u"deep.xml"_s);
    QVERIFY(!result.ok());
    // The first <a> is an unknown element; the nesting cap then stops the read.
    compareLists(locatedAll(result.diagnostics),
        {u"2:1: error: <a>: unknown element <a> in <balancier>; expected <settings>, <checktime>, <health>, "
         u"<timeouts>, <logging>, <admin>, <ha>, <alert>, <service>"_s,
            u"2:193: error: elements nested more than 64 levels deep"_s});

    // Inside tolerated content too, where nothing else is reported.
    QByteArray inNote("<balancier version=\"1\"><note>");
    for (int i = 0; i < depth; ++i)
        inNote += "<b>";
    inNote += "</note></balancier>";
    expectSingleError(ConfigReader::readData(inNote, u"deep.xml"_s), u"nested more than 64 levels"_s, 1);
}

void TestConfigReader::entityExpansion()
{
    // The fixtures dtd.xml and external-entity.xml are checked line by line in
    // fixtureDiagnostics; this one is the classic attack built at full size.
    QByteArray data("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 12; ++i) {
        data += "<!ENTITY lol" + QByteArray::number(i) + " \"";
        for (int j = 0; j < 10; ++j)
            data += "&lol" + (i == 1 ? QByteArray() : QByteArray::number(i - 1)) + ";";
        data += "\">\n";
    }
    data += "]>\n<balancier version=\"1\"><service name=\"&lol12;\"/></balancier>\n";
    QElapsedTimer timer;
    timer.start();
    const LoadResult result = ConfigReader::readData(data, u"lol.xml"_s);
    expectSingleError(result, u"document type declarations (<!DOCTYPE>) are not allowed"_s);
    QVERIFY(timer.elapsed() < 5000);
}

void TestConfigReader::binaryGarbage()
{
    QRandomGenerator random(20240611);
    for (int round = 0; round < 300; ++round) {
        QByteArray data(int(random.bounded(1, 4096)), Qt::Uninitialized);
        for (char &c : data)
            c = static_cast<char>(random.bounded(256));
        if (round % 3 == 0)
            data.prepend("<balancier version=\"1\">");
        const LoadResult result = ConfigReader::readData(data, u"garbage.xml"_s);
        QVERIFY(!result.ok());
        for (const Diagnostic &diagnostic : result.diagnostics)
            QVERIFY(!diagnostic.message.isEmpty());
    }
    const QByteArray nul("<balancier version=\"1\">\0\0\0</balancier>", 39);
    QVERIFY(!ConfigReader::readData(nul, u"nul.xml"_s).ok());
}

void TestConfigReader::truncatedFiles()
{
    QFile file(fixture(u"valid/full.xml"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    const qsizetype rootEnd = data.lastIndexOf("</balancier>");
    QVERIFY(rootEnd > 0);
    // Every cut before the end tag is complete must fail, and say where.
    for (qsizetype size = 1; size < rootEnd + 11; size += 3) {
        const LoadResult result = ConfigReader::readData(data.left(size), u"cut.xml"_s);
        QVERIFY2(!result.ok(), qPrintable(QString::number(size)));
        QVERIFY(result.diagnostics.constLast().line > 0);
    }
}

void TestConfigReader::mutatedFiles()
{
    // Random edits to a valid file: whatever comes out, it comes out without
    // a crash, and a failure always carries a message.
    QFile file(fixture(u"valid/full.xml"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    QRandomGenerator random(7);
    for (int round = 0; round < 500; ++round) {
        QByteArray data = original;
        const int edits = int(random.bounded(1, 6));
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = random.bounded(data.size());
            switch (random.bounded(3)) {
            case 0:
                data[at] = static_cast<char>(random.bounded(256));
                break;
            case 1:
                data.remove(at, random.bounded(1, 20));
                break;
            default:
                data.insert(at, data.mid(random.bounded(data.size()), random.bounded(1, 40)));
                break;
            }
        }
        const LoadResult result = ConfigReader::readData(data, u"mutated.xml"_s);
        for (const Diagnostic &diagnostic : result.diagnostics)
            QVERIFY(!diagnostic.message.isEmpty());
        QCOMPARE(result.ok(), !hasErrors(result.diagnostics));
    }
}

void TestConfigReader::manyErrorsOnOneLine()
{
    // Every error is located, even thousands of them on one long line, and
    // finding their columns must not make the read quadratic.
    const int hosts = 5000;
    QByteArray data(
        "<balancier version=\"1\"><service name=\"s\"><listen ip=\"127.0.0.1:0\"/><group name=\"g\">");
    for (int i = 0; i < hosts; ++i)
        data += "<host name=\"h" + QByteArray::number(i)
            + "\" ip=\"127.0.0.1:" + QByteArray::number(10000 + i) + "\" b=\"1\" weight=\"x\"/>";
    data += "</group></service></balancier>";
    QElapsedTimer timer;
    timer.start();
    const LoadResult result = ConfigReader::readData(data, u"long.xml"_s);
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(result.diagnostics.size(), 2 * hosts);
    const Diagnostic &last = result.diagnostics.constLast();
    QCOMPARE(last.line, 1);
    QCOMPARE(last.column, int(data.lastIndexOf("weight=")) + 1);
    QCOMPARE(last.element, u"<host name=\"h4999\" weight>"_s);
}

void TestConfigReader::manyAttributes()
{
    // QXmlStreamReader compares each attribute of a tag with all the earlier
    // ones: 200,000 of them took minutes. The tag is refused before the
    // reader gets to it, at once, where it starts.
    const int count = 200000;
    QByteArray data("<balancier version=\"1\">\n  <service name=\"s\"><listen "
                    "ip=\"127.0.0.1:0\"/></service>\n  <settings");
    data.reserve(count * 12);
    for (int i = 0; i < count; ++i)
        data += " a" + QByteArray::number(i) + "=\"1\"";
    data += "/>\n</balancier>\n";
    QElapsedTimer timer;
    timer.start();
    const LoadResult result = ConfigReader::readData(data, u"wide.xml"_s);
    const qint64 elapsed = timer.elapsed();
    // Well under a second on a quiet machine; the bound leaves room for a
    // loaded one and for sanitizers, and a quadratic read takes minutes.
    QVERIFY2(elapsed < 3000, qPrintable(QString::number(elapsed)));
    // One located error, and nothing invented after it.
    compareLists(locatedAll(result.diagnostics),
        {u"3:3: error: <settings> has 200000 attributes; an element may have at most 64"_s});

    // The same through the editable document tree (the GUI, saving).
    QString error;
    timer.restart();
    QVERIFY(!XmlNode::parse(data, &error));
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(error, u"line 3, column 3: <settings> has 200000 attributes; an element may have at most 64"_s);

    // At the limit an element is read as usual: 64 unknown attributes, 64 located errors.
    QByteArray atLimit("<balancier version=\"1\"><settings");
    for (int i = 0; i < 64; ++i)
        atLimit += " a" + QByteArray::number(i) + "=\"1\"";
    atLimit += "/></balancier>";
    const LoadResult limit = ConfigReader::readData(atLimit, u"wide.xml"_s);
    int unknown = 0;
    for (const Diagnostic &diagnostic : limit.diagnostics)
        unknown += diagnostic.message.startsWith(u"unknown attribute a"_s) ? 1 : 0;
    QCOMPARE(unknown, 64);
    QVERIFY(XmlNode::parse(atLimit, &error));
}

void TestConfigReader::attributeCountIgnoresQuotesAndComments()
{
    // '=' inside values, comments, CDATA and processing instructions are not
    // attributes; only a real tag with too many is refused.
    const QByteArray equals(200, '=');
    const QByteArray data = "<?xml version=\"1.0\"?>\n<?pi " + equals
        + "?>\n<balancier version=\"1\">\n"
          "  <!-- "
        + equals
        + " -->\n"
          "  <service name=\""
        + equals + "\"><note><![CDATA[" + equals
        + "]]></note>\n"
          "    <listen ip=\"127.0.0.1:0\"/>\n"
          "    <group name=\"g\"><host name=\"h\" ip=\"127.0.0.1:9001\"/></group>\n"
          "  </service>\n</balancier>\n";
    const LoadResult result = ConfigReader::readData(data, u"equals.xml"_s);
    QVERIFY2(result.ok(), qPrintable(locatedAll(result.diagnostics).join(u'\n')));
    QVERIFY(XmlNode::parse(data));
}

void TestConfigReader::manyListenersAndGroups()
{
    // An 8 MB file (what the admin API takes) full of listeners and groups:
    // the clash and enabled-group checks compared each with all the others,
    // half a minute of work. Now it is linear: about a second at most.
    const int count = 150000;
    QByteArray data("<balancier version=\"1\">\n<service name=\"s\">\n");
    data.reserve(count * 60);
    for (int i = 0; i < count; ++i) {
        data += "<listen ip=\"127.0." + QByteArray::number(i / 60000)
            + ".1:" + QByteArray::number(1 + i % 60000) + "\"/>\n";
    }
    for (int i = 0; i < count; ++i)
        data += "<group name=\"g" + QByteArray::number(i) + "\"/>\n";
    data += "<group name=\"live\"><host name=\"h\" ip=\"127.0.0.1:9001\"/></group>\n"
            "<enable group=\"live\"/>\n<listen ip=\"127.0.1.1:7\"/>\n</service>\n</balancier>\n";
    QElapsedTimer timer;
    timer.start();
    const LoadResult result = ConfigReader::readData(data, u"many.xml"_s);
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    // The one clash at the end is still found, and names the first listener it clashes with.
    compareLists(locatedAll(result.diagnostics),
        {u"%1:1: error: <listen ip>: 127.0.1.1:7 is already used by service \"s\" (line 60009); each "
         u"listening "
         u"address and port may be used once"_s.arg(2 * count + 5)});
}

void TestConfigReader::badBackendAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("needle");
    QTest::newRow("star") << u"*:80"_s << u"is a wildcard (every interface)"_s;
    QTest::newRow("ipv4 any") << u"0.0.0.0:80"_s << u"is a wildcard (every interface)"_s;
    QTest::newRow("ipv6 any") << u"[::]:80"_s << u"is a wildcard (every interface)"_s;
    QTest::newRow("three numbers") << u"1.2.3:80"_s << u"\"1.2.3\" is not a valid IPv4 address"_s;
}

void TestConfigReader::badBackendAddresses()
{
    QFETCH(QString, address);
    QFETCH(QString, needle);
    const auto config = [](const QString &listen, const QString &host) {
        return (u"<balancier version=\"1\">\n"
                "  <service name=\"web\">\n"
                "    <listen ip=\"%1\"/>\n"
                "    <group name=\"g\">\n"
                "      <host name=\"h\" ip=\"%2\"/>\n"
                "    </group>\n"
                "  </service>\n"
                "</balancier>\n"_s)
            .arg(listen, host)
            .toUtf8();
    };
    const LoadResult result = ConfigReader::readData(config(u"127.0.0.1:0"_s, address), u"backend.xml"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &diagnostic = result.diagnostics.constFirst();
    QCOMPARE(diagnostic.line, 5);
    QCOMPARE(diagnostic.column, 7);
    QCOMPARE(diagnostic.element, u"<host name=\"h\" ip>"_s);
    QVERIFY2(diagnostic.message.contains(needle), qPrintable(diagnostic.toString()));

    // A wildcard is fine to listen on.
    if (needle.contains(u"wildcard"_s)) {
        const LoadResult listening = ConfigReader::readData(config(address, u"127.0.0.1:9001"_s), u"l.xml"_s);
        QVERIFY2(listening.ok(), qPrintable(locatedAll(listening.diagnostics).join(u'\n')));
    }
}

void TestConfigReader::workersLimit()
{
    // One limit for the reader, the validator and the engine: more workers
    // than the engine starts is an error where it is written, not a clamp.
    const auto config = [](int workers) {
        return (u"<balancier version=\"1\">\n"
                "  <settings workers=\"%1\"/>\n"
                "  <service name=\"web\">\n"
                "    <listen ip=\"127.0.0.1:0\"/>\n"
                "    <group name=\"g\"><host name=\"h\" ip=\"127.0.0.1:9001\"/></group>\n"
                "  </service>\n"
                "</balancier>\n"_s)
            .arg(workers)
            .toUtf8();
    };
    const LoadResult most = ConfigReader::readData(config(ConfigLimits::maxWorkers), u"w.xml"_s);
    QVERIFY2(most.ok(), qPrintable(locatedAll(most.diagnostics).join(u'\n')));
    QCOMPARE(most.config.settings.workers, ConfigLimits::maxWorkers);

    const LoadResult tooMany = ConfigReader::readData(config(257), u"w.xml"_s);
    QVERIFY(!tooMany.ok());
    QCOMPARE(tooMany.diagnostics.size(), 1);
    const Diagnostic &diagnostic = tooMany.diagnostics.constFirst();
    QCOMPARE(diagnostic.line, 2);
    QCOMPARE(diagnostic.element, u"<settings workers>"_s);
    QVERIFY2(diagnostic.message.contains(u"from 0 to 256"_s), qPrintable(diagnostic.toString()));

    // A model built in code meets the same limit.
    Config model = most.config;
    model.settings.workers = 257;
    const QStringList errors = locatedAll(validateConfig(model));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(
        errors.constFirst().startsWith(u"error: <settings workers>: "_s), qPrintable(errors.constFirst()));
    QVERIFY2(errors.constFirst().contains(u"from 0 to 256"_s), qPrintable(errors.constFirst()));
}

void TestConfigReader::optionalListener()
{
    const QByteArray data = "<balancier version=\"1\">\n"
                            "  <service name=\"web\">\n"
                            "    <listen ip=\"127.0.0.1:0\"/>\n"
                            "    <listen ip=\"127.0.0.2:0\" optional=\"yes\"/>\n"
                            "    <listen ip=\"127.0.0.3:0\" optional=\"no\"/>\n"
                            "    <listen ip=\"127.0.0.4:0\" optional=\"maybe\"/>\n"
                            "    <group name=\"g\"><host name=\"h\" ip=\"127.0.0.1:9001\"/></group>\n"
                            "  </service>\n"
                            "</balancier>\n";
    const LoadResult result = ConfigReader::readData(data, u"optional.xml"_s);
    compareLists(locatedAll(result.diagnostics),
        {u"6:30: error: <listen optional>: \"maybe\" is not a boolean; expected yes, no, true, false, on, "
         u"off, "
         u"1 or 0"_s});
    const ServiceConfig &service = result.config.services.constFirst();
    QCOMPARE(service.listeners.size(), 4);
    QCOMPARE(service.optionalListeners, QStringList{u"127.0.0.2:0"_s});
}

void TestConfigReader::nonUtf8Encodings()
{
    // UTF-16 with a byte-order mark and a declared Latin-1: both read, and
    // positions still point at the right line and column.
    const QString text
        = u"<?xml version=\"1.0\"?>\n<balancier version=\"1\">\n  <service name=\"caf\u00e9\">\n"
          u"    <listen ip=\"127.0.0.1:0\"/>\n    <group name=\"g\"><host name=\"h\" ip=\"x:0\"/>"
          u"</group>\n  </service>\n</balancier>\n"_s;
    QByteArray utf16("\xff\xfe", 2);
    for (QChar c : text) {
        utf16 += static_cast<char>(c.unicode() & 0xff);
        utf16 += static_cast<char>(c.unicode() >> 8);
    }
    QByteArray latin1 = text.toLatin1();
    latin1.replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
    for (const QByteArray &data : {utf16, latin1}) {
        const LoadResult result = ConfigReader::readData(data, u"enc.xml"_s);
        QCOMPARE(result.config.services.size(), 1);
        QCOMPARE(result.config.services.constFirst().name, u"caf\u00e9"_s);
        compareLists(
            locatedAll(result.diagnostics), {u"5:21: error: <host name=\"h\" ip>: port 0 outside 1-65535"_s});
    }
}

void TestConfigReader::badNames_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("element");
    QTest::addColumn<QString>("needle");

    // Line 3: the user, 5: the service, 7: the group, 8: the host.
    const auto native = [](const QByteArray &user, const QByteArray &service, const QByteArray &group,
                            const QByteArray &host) -> QByteArray {
        return "<balancier version=\"1\">\n"
               "  <admin listen=\"127.0.0.1:0\">\n"
               "    <user name=\""
            + user
            + "\" password=\"pbkdf2-sha256$1000$c2FsdHNhbHQ=$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\" "
              "access=\"full\"/>\n"
              "  </admin>\n"
              "  <service name=\""
            + service
            + "\">\n"
              "    <listen ip=\"127.0.0.1:0\"/>\n"
              "    <group name=\""
            + group
            + "\">\n"
              "      <host name=\""
            + host
            + "\" ip=\"127.0.0.1:9001\"/>\n"
              "    </group>\n"
              "    <enable group=\""
            + group
            + "\"/>\n"
              "  </service>\n"
              "</balancier>\n";
    };
    QTest::newRow("service with a space") << native("admin", "web server", "g", "h") << 5 << 3
                                          << u"<service name>"_s << u"contains a space at position 4"_s;
    QTest::newRow("group with a tab") << native("admin", "web", "a&#9;b", "h") << 7 << 5 << u"<group name>"_s
                                      << u"\"a\\u0009b\" contains a tab at position 2"_s;
    QTest::newRow("host with a line break") << native("admin", "web", "g", "a&#10;b") << 8 << 7
                                            << u"<host name>"_s << u"contains a line break at position 2"_s;
    QTest::newRow("host with a no-break space") << native("admin", "web", "g",
        "a\xc2\xa0"
        "b") << 8 << 7 << u"<host name>"_s << u"a blank (U+00A0)"_s;
    QTest::newRow("host with a zero-width space") << native("admin", "web", "g",
        "a\xe2\x80\x8b"
        "b") << 8 << 7 << u"<host name>"_s << u"a control character (U+200B)"_s;
    QTest::newRow("host with U+0085") << native("admin", "web", "g",
        "a\xc2\x85"
        "b") << 8 << 7 << u"<host name>"_s
                                      << u"(U+0085) at position 2"_s;
    QTest::newRow("service named ..") << native("admin", "..", "g", "h") << 5 << 3 << u"<service name>"_s
                                      << u"\"..\" is not a name; expected a name other than . and .."_s;
    QTest::newRow("group named .") << native("admin", "web", ".", "h") << 7 << 5 << u"<group name>"_s
                                   << u"\".\" is not a name"_s;
    QTest::newRow("host named ..") << native("admin", "web", "g", "..") << 8 << 7 << u"<host name>"_s
                                   << u"\"..\" is not a name"_s;
    QTest::newRow("user with a colon") << native("ops:1", "web", "g", "h") << 3 << 5 << u"<user name>"_s
                                       << u"\"ops:1\" contains ':' at position 4"_s;
    QTest::newRow("user with a tab") << native("a&#9;b", "web", "g", "h") << 3 << 5 << u"<user name>"_s
                                     << u"contains a tab at position 2"_s;
    // A legacy name is refused like a native one, not renamed: scripts
    // address hosts and groups by name through the pythondirector URLs, and
    // a silent rename could collide with another name.
    QTest::newRow("pythondirector service with a space") << QByteArray(
        "<pdconfig>\n"
        "  <service name=\"web server\">\n"
        "    <listen ip=\"127.0.0.1:0\"/>\n"
        "    <group name=\"main\" scheduler=\"roundr\">\n"
        "      <host name=\"one\" ip=\"127.0.0.1:9001\"/>\n"
        "    </group>\n"
        "    <enable group=\"main\"/>\n"
        "  </service>\n"
        "</pdconfig>\n") << 2 << 3 << u"<service name>"_s << u"contains a space at position 4"_s;
    QTest::newRow("pythondirector host with a tab")
        << QByteArray("<pdconfig>\n"
                      "  <service name=\"web\">\n"
                      "    <listen ip=\"127.0.0.1:0\"/>\n"
                      "    <group name=\"main\" scheduler=\"roundr\">\n"
                      "      <host name=\"o&#9;ne\" ip=\"127.0.0.1:9001\"/>\n"
                      "    </group>\n"
                      "    <enable group=\"main\"/>\n"
                      "  </service>\n"
                      "</pdconfig>\n")
        << 5 << 7 << u"<host name>"_s << u"contains a tab at position 2"_s;
}

void TestConfigReader::badNames()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, element);
    QFETCH(QString, needle);
    const LoadResult result = ConfigReader::readData(xml, u"names.xml"_s);
    QVERIFY(!result.ok());
    QCOMPARE(locatedAll(result.diagnostics).size(), 1);
    const Diagnostic &diagnostic = result.diagnostics.constFirst();
    QCOMPARE(diagnostic.severity, Diagnostic::Severity::Error);
    QCOMPARE(diagnostic.file, u"names.xml"_s);
    QCOMPARE(diagnostic.line, line);
    QCOMPARE(diagnostic.column, column);
    QCOMPARE(diagnostic.element, element);
    QVERIFY2(diagnostic.message.contains(needle), qPrintable(diagnostic.toString()));
    QVERIFY2(diagnostic.message.contains(u"expected"_s), qPrintable(diagnostic.toString()));
    // The message never carries the character itself to a terminal.
    for (const QChar c : diagnostic.toString())
        QVERIFY2(c == u' ' || (!c.isSpace() && c.isPrint()), qPrintable(diagnostic.toString()));
}

void TestConfigReader::goodNames()
{
    // Blanks are fine inside a user name (HTTP Basic allows them), ':' in
    // the other names; dots, dashes and non-ASCII letters anywhere.
    const QByteArray xml = "<balancier version=\"1\">\n"
                           "  <admin listen=\"127.0.0.1:0\">\n"
                           "    <user name=\"Jos\xc3\xa9 Smith\" password=\"pbkdf2-sha256$1000$c2FsdHNhbHQ=$"
                           "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\" access=\"full\"/>\n"
                           "  </admin>\n"
                           "  <service name=\"web:443\">\n"
                           "    <listen ip=\"127.0.0.1:0\"/>\n"
                           "    <group name=\"blue-2.prod\">\n"
                           "      <host name=\"h\xc3\xb6st_1\" ip=\"127.0.0.1:9001\"/>\n"
                           "    </group>\n"
                           "    <enable group=\"blue-2.prod\"/>\n"
                           "  </service>\n"
                           "</balancier>\n";
    const LoadResult result = ConfigReader::readData(xml, u"names.xml"_s);
    QVERIFY2(result.ok(), qPrintable(locatedAll(result.diagnostics).join(u'\n')));
    QVERIFY2(result.diagnostics.isEmpty(), qPrintable(locatedAll(result.diagnostics).join(u'\n')));
}

void TestConfigReader::emptyEnabledGroupAllowedAtRuntime()
{
    // A file must give the enabled group a host; the running balancer may
    // have emptied it (delAllHosts), so Engine::apply validates with
    // EmptyGroups::Allowed.
    Config config;
    ServiceConfig service;
    service.name = u"web"_s;
    service.listeners = {u"127.0.0.1:0"_s};
    GroupConfig group;
    group.name = u"prod"_s;
    service.groups = {group};
    service.enabledGroup = u"prod"_s;
    config.services = {service};
    const QList<Diagnostic> strict = validateConfig(config);
    QVERIFY(hasErrors(strict));
    QVERIFY2(
        locatedAll(strict).join(u'\n').contains(u"no <host>"_s), qPrintable(locatedAll(strict).join(u'\n')));
    const QList<Diagnostic> runtime = validateConfig(config, {}, EmptyGroups::Allowed);
    QVERIFY2(runtime.isEmpty(), qPrintable(locatedAll(runtime).join(u'\n')));
    // The enabled group must still exist.
    config.services.first().enabledGroup = u"gone"_s;
    QVERIFY(hasErrors(validateConfig(config, {}, EmptyGroups::Allowed)));
}

QTEST_GUILESS_MAIN(TestConfigReader)
#include "tst_configreader.moc"
