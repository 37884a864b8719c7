#include "diagnostic.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

QString severityWord(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return u"error"_s;
    case Diagnostic::Severity::Warning:
        return u"warning"_s;
    case Diagnostic::Severity::Note:
        return u"note"_s;
    }
    return u"error"_s;
}

}  // namespace

QString Diagnostic::toString() const
{
    // The compiler form, so editors and CI logs can jump to the place.
    QString location = file;
    if (line > 0) {
        if (!location.isEmpty())
            location += u':';
        location += QString::number(line);
        if (column > 0)
            location += u':' + QString::number(column);
    }
    QString out;
    if (!location.isEmpty())
        out = location + u": "_s;
    out += severityWord(severity) + u": "_s;
    if (!element.isEmpty())
        out += element + u": "_s;
    out += message;
    return out;
}

bool hasErrors(const QList<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
        [](const Diagnostic &diagnostic) { return diagnostic.severity == Diagnostic::Severity::Error; });
}

}  // namespace Balancier
