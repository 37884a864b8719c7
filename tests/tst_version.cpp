// One version for everything: project() in the top-level CMakeLists.txt is the
// only place it is written; the BALANCIER_VERSION define and the packages take
// it from there, and the built programs must print exactly that.

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

/// The desktop app next to the daemon in the build tree, or empty when it is
/// not built (BALANCIER_BUILD_GUI=OFF).
QString guiPath()
{
    const QString buildDir = QFileInfo(QStringLiteral(BALANCIERD_PATH)).absolutePath() + u"/../gui/"_s;
    for (const QString &candidate :
        {u"balancier"_s, u"balancier.exe"_s, u"balancier.app/Contents/MacOS/balancier"_s}) {
        const QFileInfo info(buildDir + candidate);
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
    void defineMatchesProject();
    void daemonPrintsVersion_data();
    void daemonPrintsVersion();
    void guiPrintsVersion_data();
    void guiPrintsVersion();
};

void tst_Version::defineMatchesProject()
{
    const QString version = projectVersion();
    QVERIFY2(!version.isEmpty(), "no project(Balancier VERSION x.y.z) in the top-level CMakeLists.txt");
    QCOMPARE(QStringLiteral(BALANCIER_VERSION), version);
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
