// One version for everything: project() in the top-level CMakeLists.txt is the
// only place it is written. What the built programs print and what the
// packages the build makes say (CPack's version, the manual pages) must be
// exactly that, read from the source file, not from CMake's own variables.

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

/// The VERSION argument of project(Balancier ...) in the source tree's CMakeLists.txt.
QString projectVersion()
{
    QFile file(QStringLiteral(BALANCIER_SOURCE_DIR) + u"/CMakeLists.txt"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression project(uR"(project\(\s*Balancier\s+VERSION\s+([0-9]+(?:\.[0-9]+)*))"_s);
    return project.match(QString::fromUtf8(file.readAll())).captured(1);
}

/// The build tree: the daemon is in its headless/ folder.
QString buildDir()
{
    return QFileInfo(QStringLiteral(BALANCIERD_PATH)).absolutePath() + u"/.."_s;
}

/// The desktop app next to the daemon in the build tree, or empty when it is
/// not built (BALANCIER_BUILD_GUI=OFF).
QString guiPath()
{
    const QString guiDir = buildDir() + u"/gui/"_s;
    for (const QString &candidate :
        {u"balancier"_s, u"balancier.exe"_s, u"balancier.app/Contents/MacOS/balancier"_s}) {
        const QFileInfo info(guiDir + candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return {};
}

struct Output
{
    bool finished = false;
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};

Output runProgram(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The desktop app builds its QApplication before it reads --version.
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Output output;
    output.finished = process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit;
    if (!output.finished)
        process.kill();
    process.waitForFinished(5000);
    output.exitCode = process.exitCode();
    output.standardOutput = process.readAllStandardOutput();
    output.standardError = process.readAllStandardError();
    return output;
}

}  // namespace

class tst_Version final : public QObject
{
    Q_OBJECT

private slots:
    void packagesCarryVersion_data();
    void packagesCarryVersion();
    void daemonPrintsVersion_data();
    void daemonPrintsVersion();
    void guiPrintsVersion_data();
    void guiPrintsVersion();
};

void tst_Version::packagesCarryVersion_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("linuxOnly");
    // Every CPack package (.deb, .tar.gz, NSIS, .dmg) takes CPACK_PACKAGE_VERSION,
    // unless a generator's own (CPACK_DEBIAN_PACKAGE_VERSION, ...) overrides it.
    QTest::newRow("CPack") << u"CPackConfig.cmake"_s
                           << uR"re(^set\(CPACK_(?:[A-Z0-9]+_)?PACKAGE_VERSION "([^"]*)"\))re"_s << false;
    QTest::newRow("balancierd.8") << u"installer/man/balancierd.8"_s
                                  << uR"re(^\.TH BALANCIERD 8 "[^"]*" "Balancier ([^"]*)")re"_s << true;
    QTest::newRow("balancier.1") << u"installer/man/balancier.1"_s
                                 << uR"re(^\.TH BALANCIER 1 "[^"]*" "Balancier ([^"]*)")re"_s << true;
}

void tst_Version::packagesCarryVersion()
{
    QFETCH(QString, file);
    QFETCH(QString, pattern);
    QFETCH(bool, linuxOnly);
#ifndef Q_OS_LINUX
    if (linuxOnly)
        QSKIP("the manual pages are made on Linux only");
#else
    Q_UNUSED(linuxOnly)
#endif
    const QString version = projectVersion();
    QVERIFY2(!version.isEmpty(), "no project(Balancier VERSION x.y.z) in the top-level CMakeLists.txt");

    QFile generated(buildDir() + u'/' + file);
    QVERIFY2(generated.open(QIODevice::ReadOnly),
        qPrintable(generated.fileName() + u": "_s + generated.errorString()));
    const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
    QRegularExpressionMatchIterator it = expression.globalMatch(QString::fromUtf8(generated.readAll()));
    QVERIFY2(it.hasNext(), qPrintable(generated.fileName() + u" has no line matching "_s + pattern));
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        QVERIFY2(match.captured(1) == version,
            qPrintable(
                generated.fileName() + u": "_s + match.captured(0) + u"; the project is "_s + version));
    }
}

void tst_Version::daemonPrintsVersion_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("long") << u"--version"_s;
    QTest::newRow("short") << u"-v"_s;
}

void tst_Version::daemonPrintsVersion()
{
    QFETCH(QString, option);
    const QString daemon = QStringLiteral(BALANCIERD_PATH);
    QVERIFY2(QFileInfo(daemon).isExecutable(), qPrintable(daemon + u" is not built"_s));

    const Output output = runProgram(daemon, {option});
    QVERIFY2(output.finished, "balancierd did not exit within 30 s");
    QCOMPARE(output.exitCode, 0);
    QCOMPARE(output.standardError, QByteArray());
    QCOMPARE(QString::fromUtf8(output.standardOutput), u"balancierd "_s + projectVersion() + u'\n');
}

void tst_Version::guiPrintsVersion_data()
{
    daemonPrintsVersion_data();
}

void tst_Version::guiPrintsVersion()
{
    QFETCH(QString, option);
    const QString gui = guiPath();
    if (gui.isEmpty())
        QSKIP("the desktop app is not built (BALANCIER_BUILD_GUI=OFF)");

    // stderr is not compared: Qt may warn there (e.g. XDG_RUNTIME_DIR not set).
    const Output output = runProgram(gui, {option});
    QVERIFY2(output.finished, "balancier did not exit within 30 s: does it handle --version?");
    QCOMPARE(output.exitCode, 0);
    QCOMPARE(QString::fromUtf8(output.standardOutput), u"balancier "_s + projectVersion() + u'\n');
}

QTEST_GUILESS_MAIN(tst_Version)
#include "tst_version.moc"
