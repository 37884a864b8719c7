#pragma once

#include <QList>
#include <QString>

namespace Balancier {

/// One problem, or one line of an import report, with its location.
struct Diagnostic
{
    enum class Severity
    {
        Error,  ///< the config cannot be used
        Warning,  ///< usable, but something deserves attention (weak hash, ...)
        Note,  ///< import report: something was mapped, changed or dropped
    };

    Severity severity = Severity::Error;
    QString file;  ///< may be empty for a model that never was a file
    int line = 0;  ///< 1-based; 0 when unknown
    int column = 0;  ///< 1-based; 0 when unknown
    QString element;  ///< what is concerned, e.g. "<host name=\"a\">" or "<listen ip>"
    QString message;  ///< what is wrong and what was expected

    /// "file:line:column: error: <element>: message", the form a compiler uses.
    QString toString() const;

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

bool hasErrors(const QList<Diagnostic> &diagnostics);

}  // namespace Balancier
