// The service-manager files in resources/: they must parse, and the systemd
// unit must keep its hardening.

#include <QFile>
#include <QProcess>
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

}  // namespace

class tst_ServiceFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void systemdUnitHardening_data();
    void systemdUnitHardening();
    void systemdUnitVerifies();
    void sysusers();
    void launchdPlist();
};

void tst_ServiceFiles::systemdUnitHardening_data()
{
    QTest::addColumn<QByteArray>("directive");
    const char *const expected[] = {
        "ExecStart=/usr/bin/balancierd --config /etc/balancier/balancier.xml",
        "ExecReload=/usr/bin/balancierd --check /etc/balancier/balancier.xml",
        "ExecReload=/bin/kill -HUP $MAINPID",
        "User=balancier",
        "Group=balancier",
        "Restart=on-failure",
        "AmbientCapabilities=CAP_NET_BIND_SERVICE",
        "CapabilityBoundingSet=CAP_NET_BIND_SERVICE",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ReadWritePaths=/etc/balancier /var/log/balancier",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "PrivateDevices=yes",
        "ProtectKernelTunables=yes",
        "ProtectKernelModules=yes",
        "ProtectControlGroups=yes",
        "RestrictSUIDSGID=yes",
        "RestrictNamespaces=yes",
        "LockPersonality=yes",
        "MemoryDenyWriteExecute=yes",
        "SystemCallArchitectures=native",
        "SystemCallFilter=@system-service",
    };
    for (const char *directive : expected)
        QTest::newRow(directive) << QByteArray(directive);
}

void tst_ServiceFiles::systemdUnitHardening()
{
    QFETCH(QByteArray, directive);
    const QList<QByteArray> lines = directives(readResource(u"balancierd.service"_s));
    QVERIFY2(!lines.isEmpty(), "resources/balancierd.service is missing or empty");
    QVERIFY2(lines.contains(directive), directive.constData());
}

void tst_ServiceFiles::systemdUnitVerifies()
{
    const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
    if (analyze.isEmpty())
        QSKIP("systemd-analyze is not installed; the unit is not verified");
    // verify insists that the binaries exist: point the unit at the one just built.
    QByteArray unit = readResource(u"balancierd.service"_s);
    QVERIFY(!unit.isEmpty());
    unit.replace("/usr/bin/balancierd", QByteArrayLiteral(BALANCIERD_PATH));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"balancierd.service"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(unit), unit.size());
    file.close();

    const ProcessResult result = runTool(analyze, {u"verify"_s, path});
    QVERIFY(result.finished);
    // Unknown keys and bad values are only warnings to systemd: none may be printed.
    QVERIFY2(result.exitCode == 0 && result.output.trimmed().isEmpty(), qPrintable(result.output));
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
