// The service-manager files in resources/: systemd itself must accept the
// unit and rate its hardening, the unit must run the program where the
// packages install it, and the other files must parse.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString resource(const QString &name)
{
    return QStringLiteral(BALANCIER_SOURCE_DIR) + u"/resources/"_s + name;
}

QByteArray readResource(const QString &name)
{
    QFile file(resource(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The unit's directives as "Key=Value" lines, comments and sections left out.
QList<QByteArray> directives(const QByteArray &unit)
{
    QList<QByteArray> result;
    for (const QByteArray &raw : unit.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#') || line.startsWith('['))
            continue;
        result.append(line);
    }
    return result;
}

struct ProcessResult
{
    bool finished = false;
    int exitCode = -1;
    QString output;
};

ProcessResult runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    ProcessResult result;
    result.finished = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000);
    result.output = QString::fromUtf8(process.readAll());
    result.exitCode = process.exitCode();
    return result;
}

/// systemd-analyze, or empty. Packaging depends on systemd on Linux, and
/// tools/deps.sh installs it there: a missing tool fails the test rather
/// than skipping it. Elsewhere the unit is not checked.
QString systemdAnalyze()
{
    return QStandardPaths::findExecutable(u"systemd-analyze"_s);
}

/// The unit with `pattern` (a multi-line regular expression) replaced by
/// `replacement`, pointed at the daemon just built (verify insists that the
/// programs exist), written as balancierd.service in `dir`. Its path, or
/// empty when it could not be written.
QString writeUnit(const QTemporaryDir &dir, const QString &pattern, const QString &replacement)
{
    QString unit = QString::fromUtf8(readResource(u"balancierd.service"_s));
    if (unit.isEmpty())
        return {};
    if (!pattern.isEmpty()) {
        const QString before = unit;
        unit.replace(QRegularExpression(pattern, QRegularExpression::MultilineOption), replacement);
        if (unit == before)
            return {};  // the edit must change something, or the row tests nothing
    }
    unit.replace(u"/usr/bin/balancierd"_s, QStringLiteral(BALANCIERD_PATH));
    const QString path = dir.filePath(u"balancierd.service"_s);
    QFile file(path);
    const QByteArray data = unit.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return path;
}

/// A value from the build tree's CMakeCache.txt ("NAME:TYPE=value").
QString cacheValue(const QString &name)
{
    QDir dir = QFileInfo(QStringLiteral(BALANCIERD_PATH)).absoluteDir();
    for (int up = 0; up < 3; ++up) {
        QFile cache(dir.filePath(u"CMakeCache.txt"_s));
        if (cache.open(QIODevice::ReadOnly)) {
            const QRegularExpression line(u"^"_s + QRegularExpression::escape(name) + u":[A-Z]+=(.*)$"_s,
                QRegularExpression::MultilineOption);
            return line.match(QString::fromUtf8(cache.readAll())).captured(1).trimmed();
        }
        if (!dir.cdUp())
            break;
    }
    return {};
}

}  // namespace

class tst_ServiceFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void systemdUnitVerifies_data();
    void systemdUnitVerifies();
    void systemdUnitHardening_data();
    void systemdUnitHardening();
    void systemdUnitRunsInstalledProgram();
    void systemdUnitNotifies();
    void sysusers();
    void launchdPlist();
};

// The unit as shipped, and broken copies that prove the check sees a
// mistake: systemd only warns about unknown keys and bad values, and verify
// still exits with 0, so any output is a failure.
void tst_ServiceFiles::systemdUnitVerifies_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<bool>("valid");
    QTest::newRow("as shipped") << QString() << QString() << true;
    QTest::newRow("misspelt key") << u"^NoNewPrivileges="_s << u"NoNewPrivilege="_s << false;
    QTest::newRow("bad value") << u"^Restart=on-failure$"_s << u"Restart=on-failur"_s << false;
    QTest::newRow("missing program") << u"^ExecStart=/usr/bin/balancierd "_s
                                     << u"ExecStart=/nonexistent/balancierd "_s << false;
}

void tst_ServiceFiles::systemdUnitVerifies()
{
    QFETCH(QString, pattern);
    QFETCH(QString, replacement);
    QFETCH(bool, valid);
#ifndef Q_OS_LINUX
    QSKIP("systemd units are checked on Linux only");
#endif
    const QString analyze = systemdAnalyze();
    QVERIFY2(
        !analyze.isEmpty(), "systemd-analyze is not installed: install the systemd package (tools/deps.sh)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeUnit(dir, pattern, replacement);
    QVERIFY2(
        !path.isEmpty(), "resources/balancierd.service is missing, or the edit of this row changed nothing");

    const ProcessResult result = runTool(analyze, {u"verify"_s, path});
    QVERIFY(result.finished);
    const bool clean = result.exitCode == 0 && result.output.trimmed().isEmpty();
    QVERIFY2(
        clean == valid, qPrintable(u"exit code %1, output: %2"_s.arg(result.exitCode).arg(result.output)));
}

// systemd rates the unit's sandboxing itself (exposure 0.0 = fully locked
// down, 10.0 = none), offline, without running anything: the shipped unit
// must stay well hardened, and one stripped of its hardening must not pass.
void tst_ServiceFiles::systemdUnitHardening_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("hardened");
    QTest::newRow("as shipped") << QString() << true;
    QTest::newRow("hardening removed")
        << uR"(^(Protect|Private|Restrict|NoNewPrivileges|CapabilityBoundingSet|)"
           uR"(SystemCall|LockPersonality|MemoryDenyWriteExecute)[A-Za-z]*=.*$)"_s
        << false;
}

void tst_ServiceFiles::systemdUnitHardening()
{
    QFETCH(QString, pattern);
    QFETCH(bool, hardened);
#ifndef Q_OS_LINUX
    QSKIP("systemd units are checked on Linux only");
#endif
    const QString analyze = systemdAnalyze();
    QVERIFY2(
        !analyze.isEmpty(), "systemd-analyze is not installed: install the systemd package (tools/deps.sh)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeUnit(dir, pattern, QString());
    QVERIFY2(
        !path.isEmpty(), "resources/balancierd.service is missing, or the edit of this row changed nothing");

    // --threshold is the exposure times ten: 2.5 or less (the unit as
    // shipped rates 1.7 with systemd 252). --offline needs systemd 250 or later.
    const ProcessResult result
        = runTool(analyze, {u"security"_s, u"--offline=yes"_s, u"--threshold=25"_s, u"--no-pager"_s, path});
    QVERIFY(result.finished);
    QVERIFY2(!result.output.contains(u"--offline"_s),
        qPrintable(u"systemd 250 or later is needed: "_s + result.output));
    static const QRegularExpression overall(uR"(Overall exposure level for \S+: (\d+\.\d+))"_s);
    const QRegularExpressionMatch match = overall.match(result.output);
    QVERIFY2(match.hasMatch(), qPrintable(result.output));
    QVERIFY2((result.exitCode == 0) == hardened,
        qPrintable(u"exposure %1 (exit code %2)"_s.arg(match.captured(1)).arg(result.exitCode)));
}

// The unit runs the daemon where the .deb installs it: CPack's DEB generator
// installs under /usr, and the program goes to CMAKE_INSTALL_BINDIR.
void tst_ServiceFiles::systemdUnitRunsInstalledProgram()
{
    const QString bindir = cacheValue(u"CMAKE_INSTALL_BINDIR"_s);
    QVERIFY2(!bindir.isEmpty(), "no CMAKE_INSTALL_BINDIR in the build tree's CMakeCache.txt");
    const QByteArray installed = QDir::isAbsolutePath(bindir)
        ? (bindir + u"/balancierd"_s).toUtf8()
        : (u"/usr/"_s + bindir + u"/balancierd"_s).toUtf8();
    int commands = 0;
    for (const QByteArray &line : directives(readResource(u"balancierd.service"_s))) {
        if (!line.startsWith("ExecStart=") && !line.startsWith("ExecReload="))
            continue;
        const QByteArray program = line.mid(line.indexOf('=') + 1).split(' ').constFirst();
        if (!program.endsWith("/balancierd"))
            continue;
        ++commands;
        QCOMPARE(program, installed);
    }
    QCOMPARE(commands, 2);  // ExecStart, and ExecReload's --check
}

// balancierd speaks the notify protocol (tst_servicenotify): systemd waits
// for READY=1 and hears only the main process, which an upgrade hands over.
void tst_ServiceFiles::systemdUnitNotifies()
{
    const QList<QByteArray> lines = directives(readResource(u"balancierd.service"_s));
    QVERIFY(lines.contains("Type=notify"));
    QVERIFY(lines.contains("NotifyAccess=main"));
}

void tst_ServiceFiles::sysusers()
{
    const QList<QByteArray> lines = directives(readResource(u"balancier-sysusers.conf"_s));
    QCOMPARE(lines.size(), 1);
    const QList<QByteArray> fields = lines.constFirst().simplified().split(' ');
    QVERIFY(fields.size() >= 3);
    QCOMPARE(fields.at(0), QByteArray("u"));
    QCOMPARE(fields.at(1), QByteArray("balancier"));
    QVERIFY(lines.constFirst().contains("/usr/sbin/nologin"));
}

void tst_ServiceFiles::launchdPlist()
{
    const QString path = resource(u"org.balancier.balancierd.plist"_s);
    QVERIFY(QFile::exists(path));
    const QString plutil = QStandardPaths::findExecutable(u"plutil"_s);
    if (!plutil.isEmpty()) {
        const ProcessResult result = runTool(plutil, {u"-lint"_s, path});
        QVERIFY(result.finished);
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        return;
    }
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("neither plutil nor python3 is installed; the plist is not checked");
    // plistlib parses strictly; print what launchd cares about most.
    const QString script = u"import plistlib, sys\n"
                           "d = plistlib.load(open(sys.argv[1], 'rb'))\n"
                           "print(d['Label']); print(' '.join(d['ProgramArguments']))\n"
                           "print(d['UserName']); print(d['KeepAlive']['Crashed'])\n"_s;
    const ProcessResult result = runTool(python, {u"-c"_s, script, path});
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    const QStringList lines = result.output.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), u"org.balancier.balancierd"_s);
    QVERIFY2(lines.at(1).startsWith(u"/usr/local/bin/balancierd --config "_s), qPrintable(lines.at(1)));
    QCOMPARE(lines.at(2), u"_balancier"_s);
    QCOMPARE(lines.at(3), u"True"_s);
}

QTEST_GUILESS_MAIN(tst_ServiceFiles)
#include "tst_servicefiles.moc"
