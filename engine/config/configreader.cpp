#include "configreader.h"

#include "configlimits.h"
#include "configvalidator.h"
#include "configxmlstream.h"
#include "legacyimporter.h"
#include "nativeconfigparser.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

Diagnostic fileError(const QString &fileName, const QString &message, int line = 0, int column = 0)
{
    Diagnostic diagnostic;
    diagnostic.file = fileName;
    diagnostic.line = line;
    diagnostic.column = column;
    diagnostic.message = message;
    return diagnostic;
}

QString tooBigMessage(qint64 size)
{
    return u"the file is "_s + QString::number(size) + u" bytes; a config may be at most "_s
        + QString::number(ConfigLimits::maxFileBytes / (1024 * 1024)) + u" MiB"_s;
}

// File order; diagnostics without a line (whole-model ones) go last.
void sortByPosition(QList<Diagnostic> &diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
        const int lineA = a.line > 0 ? a.line : std::numeric_limits<int>::max();
        const int lineB = b.line > 0 ? b.line : std::numeric_limits<int>::max();
        if (lineA != lineB)
            return lineA < lineB;
        return a.column < b.column;
    });
}

// A missing required attribute was already reported where it was missing;
// what the model holds instead (an empty name or address) is the same
// problem, so its semantic echo is left out.
bool isEchoOfMissingAttribute(
    const Diagnostic &diagnostic, const QList<ConfigXmlStream::MissingAttribute> &missing)
{
    for (const ConfigXmlStream::MissingAttribute &m : missing) {
        if (diagnostic.line == m.pos.line && diagnostic.column == m.pos.column
            && diagnostic.element.endsWith(u' ' + m.attribute + u'>')) {
            return true;
        }
    }
    return false;
}

}  // namespace

LoadResult ConfigReader::readFile(const QString &path, AdminFiles adminFiles)
{
    LoadResult result;
    const QFileInfo info(path);
    if (info.isDir()) {
        result.diagnostics.append(fileError(path, u"cannot read \""_s + path + u"\": it is a directory"_s));
        return result;
    }
    if (info.exists() && !info.isFile()) {
        // A FIFO or a device could block the read forever or never end.
        result.diagnostics.append(fileError(path, u"cannot read \""_s + path + u"\": not a regular file"_s));
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.diagnostics.append(
            fileError(path, u"cannot open \""_s + path + u"\": "_s + file.errorString()));
        return result;
    }
    // The size check comes first so a huge file is never read into memory;
    // the capped read also covers files whose size is unknown (pipes, /dev/*).
    if (file.size() > ConfigLimits::maxFileBytes) {
        result.diagnostics.append(fileError(path, tooBigMessage(file.size())));
        return result;
    }
    const QByteArray data = file.read(ConfigLimits::maxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        result.diagnostics.append(
            fileError(path, u"cannot read \""_s + path + u"\": "_s + file.errorString()));
        return result;
    }
    return readData(data, path, adminFiles);
}

LoadResult ConfigReader::readData(const QByteArray &data, const QString &fileName, AdminFiles adminFiles)
{
    LoadResult result;
    if (data.size() > ConfigLimits::maxFileBytes) {
        result.diagnostics.append(fileError(fileName, tooBigMessage(data.size())));
        return result;
    }
    if (data.trimmed().isEmpty()) {
        result.diagnostics.append(fileError(
            fileName, u"the file is empty; expected an XML document with <balancier version=\"1\">"_s, 1, 1));
        return result;
    }

    ConfigXmlStream xml(data, fileName, &result.diagnostics);
    if (!xml.readRootElement()) {
        sortByPosition(result.diagnostics);
        return result;
    }

    bool parsed = false;
    if (!xml.namespaceUri().isEmpty()) {
        xml.error(xml.elementPos(), u'<' + xml.name() + u'>',
            u"the root element is in namespace \""_s + xml.namespaceUri()
                + u"\"; expected <balancier version=\"1\"> without a namespace"_s);
    } else if (xml.isElement(u"balancier")) {
        result.dialect = ConfigDialect::Native;
        NativeConfigParser parser(xml, &result.config);
        parsed = parser.parse();
    } else if (xml.isElement(u"pdconfig") || xml.isElement(u"config")) {
        result.dialect
            = xml.isElement(u"pdconfig") ? ConfigDialect::PythonDirector : ConfigDialect::TxLoadBalancer;
        LegacyImporter importer(xml, result.dialect, &result.config, &result.importReport);
        importer.parse();
        parsed = true;
    } else {
        xml.error(xml.elementPos(), u'<' + xml.name() + u'>',
            u"unknown root element <"_s + xml.name()
                + u">; expected <balancier version=\"1\">, pythondirector's <pdconfig> "
                  u"or txLoadBalancer's <config>"_s);
    }
    if (!parsed) {
        // The root is not ours, but the file may still be broken further
        // down (a fragment with an unclosed element): say where, too.
        xml.finish();
    }

    if (parsed) {
        xml.finish();
        // A model cut short by broken XML would only add invented problems.
        if (!xml.isFatal()) {
            const bool legacy = result.dialect != ConfigDialect::Native;
            for (const Diagnostic &diagnostic :
                validateConfig(result.config, fileName, EmptyGroups::Refused, adminFiles)) {
                if (isEchoOfMissingAttribute(diagnostic, xml.missingAttributes()))
                    continue;
                // In an import, a warning is about what the old file carried
                // (a weak password hash): it belongs with the import report.
                if (legacy && diagnostic.severity == Diagnostic::Severity::Warning)
                    result.importReport.append(diagnostic);
                else
                    result.diagnostics.append(diagnostic);
            }
        }
    }
    sortByPosition(result.diagnostics);
    sortByPosition(result.importReport);
    return result;
}

}  // namespace Balancier
