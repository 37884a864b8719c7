#pragma once

#include "config.h"
#include "configvalidator.h"
#include "diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Balancier {

enum class ConfigDialect
{
    Native,  ///< <balancier version="1">
    PythonDirector,  ///< <pdconfig>
    TxLoadBalancer,  ///< <config>
};

struct LoadResult
{
    Config config;  ///< what was read; only meaningful when ok()
    ConfigDialect dialect = ConfigDialect::Native;
    QList<Diagnostic> diagnostics;  ///< errors and warnings, in file order
    QList<Diagnostic> importReport;  ///< notes on what a legacy import mapped, changed or dropped

    bool ok() const { return !hasErrors(diagnostics); }
};

/// Reads native and legacy configs. Never crashes or hangs on any input:
/// every problem becomes a located Diagnostic, and all of them are reported.
/// Files over 16 MiB, nesting deeper than 64 and any DTD are refused. The
/// semantic checks are validateConfig()'s; the reader runs them on what it
/// read. In a legacy import, warnings go to the import report.
/// docs/configuration.md describes the formats and the legacy mappings.
/// Thread contract: stateless; call from any thread.
class ConfigReader final
{
public:
    /// `adminFiles`: whether the <admin> TLS files are read and checked
    /// (Skipped for a draft meant for a remote balancer; see AdminFiles).
    static LoadResult readFile(const QString &path, AdminFiles adminFiles = AdminFiles::Checked);
    static LoadResult readData(
        const QByteArray &data, const QString &fileName, AdminFiles adminFiles = AdminFiles::Checked);
};

}  // namespace Balancier
