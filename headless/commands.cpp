#include "commands.h"

#include "config/adminlistencheck.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "config/passwordhash.h"
#include "console.h"

#include <QSaveFile>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

QString dialectName(ConfigDialect dialect)
{
    switch (dialect) {
    case ConfigDialect::Native:
        return u"native"_s;
    case ConfigDialect::PythonDirector:
        return u"pythondirector"_s;
    case ConfigDialect::TxLoadBalancer:
        return u"txLoadBalancer"_s;
    }
    return {};
}

QString count(qsizetype n, const QString &singular)
{
    return QString::number(n) + u' ' + singular + (n == 1 ? QString() : u"s"_s);
}

struct Tally
{
    qsizetype errors = 0;
    qsizetype warnings = 0;
};

Tally tally(const QList<Diagnostic> &diagnostics)
{
    Tally t;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.severity == Diagnostic::Severity::Error)
            ++t.errors;
        else if (diagnostic.severity == Diagnostic::Severity::Warning)
            ++t.warnings;
    }
    return t;
}

QString lines(const QList<Diagnostic> &diagnostics)
{
    QString text;
    for (const Diagnostic &diagnostic : diagnostics)
        text += diagnostic.toString() + u'\n';
    return text;
}

QString importReportText(const QString &path, const LoadResult &result)
{
    QString text = u"import report (%1 file %2):\n"_s.arg(dialectName(result.dialect), path);
    if (result.importReport.isEmpty())
        text += u"  nothing was changed or dropped\n"_s;
    for (const Diagnostic &entry : result.importReport)
        text += u"  "_s + entry.toString() + u'\n';
    return text;
}

}  // namespace

int Commands::check(const QString &path)
{
    const LoadResult result = ConfigReader::readFile(path);
    QString text = lines(result.diagnostics);
    if (result.dialect != ConfigDialect::Native)
        text += importReportText(path, result);
    const Tally t = tally(result.diagnostics + result.importReport);
    if (t.errors > 0) {
        text += u"%1: %2, %3; balancierd would refuse to start with it\n"_s.arg(
            path, count(t.errors, u"error"_s), count(t.warnings, u"warning"_s));
    } else {
        text += u"%1: OK (%2 format, %3)\n"_s.arg(
            path, dialectName(result.dialect), count(t.warnings, u"warning"_s));
        if (result.dialect != ConfigDialect::Native)
            text += u"convert it with: balancierd --import %1 -o balancier.xml\n"_s.arg(path);
    }
    Console::writeOutput(text);
    return t.errors > 0 ? 1 : 0;
}

int Commands::importLegacy(const QString &path, const QString &outputPath)
{
    const LoadResult result = ConfigReader::readFile(path);
    QString report = lines(result.diagnostics);
    if (result.dialect == ConfigDialect::Native)
        report += u"%1 is already in the native format; writing it out normalized\n"_s.arg(path);
    else
        report += importReportText(path, result);
    // What only the native format can fix (an admin API on a public address
    // needs cert and key, or insecure="yes", which the legacy formats cannot
    // say) does not stop the conversion: the file is written, with what to
    // change before it starts.
    QList<Diagnostic> nativeOnly;
    if (result.dialect != ConfigDialect::Native && result.config.admin.enabled)
        nativeOnly = checkAdminListen(result.config.admin, path, nullptr, false);
    QList<Diagnostic> blocking = result.diagnostics;
    blocking.removeIf([&](const Diagnostic &diagnostic) { return nativeOnly.contains(diagnostic); });
    const Tally t = tally(blocking);
    if (t.errors > 0) {
        report += u"%1: %2; nothing written\n"_s.arg(path, count(t.errors, u"error"_s));
        Console::writeError(report);
        return 1;
    }
    const qsizetype toFix = tally(result.diagnostics).errors;
    const QString startHint = toFix == 0
        ? QString()
        : u"balancierd refuses to start with %1 until %2 fixed there (see above)\n"_s.arg(
            outputPath.isEmpty() ? u"the output"_s : outputPath,
            toFix == 1 ? u"this error is"_s : u"these errors are"_s);

    const QByteArray xml = ConfigDocument::serialize(result.config);
    if (outputPath.isEmpty()) {
        Console::writeError(report + startHint);
        Console::writeOutput(QString::fromUtf8(xml));
        return 0;
    }
    QSaveFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(xml) != xml.size() || !file.commit()) {
        report += u"cannot write %1: %2\n"_s.arg(outputPath, file.errorString());
        Console::writeError(report);
        return 1;
    }
    report += u"wrote %1\n"_s.arg(outputPath) + startHint;
    Console::writeError(report);
    return 0;
}

int Commands::hashPassword()
{
    const bool interactive = Console::stdinIsTerminal();
    if (interactive)
        Console::writeError(u"Password: "_s);
    const std::optional<QString> password = Console::readLine(false);
    if (!password) {
        Console::writeError(u"balancierd: no password on standard input\n"_s);
        return 1;
    }
    if (password->isEmpty()) {
        Console::writeError(u"balancierd: an empty password is not accepted\n"_s);
        return 1;
    }
    if (interactive) {
        Console::writeError(u"Again: "_s);
        const std::optional<QString> again = Console::readLine(false);
        if (!again || *again != *password) {
            Console::writeError(u"balancierd: the passwords differ; nothing printed\n"_s);
            return 1;
        }
    }
    const QString hash = PasswordHash::create(*password);
    Console::writeOutput(hash + u'\n');
    if (interactive) {
        Console::writeError(
            u"Put it in the config as: <user name=\"admin\" password=\"%1\" access=\"full\"/>\n"_s.arg(hash));
    }
    return 0;
}

}  // namespace Balancier
