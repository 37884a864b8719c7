#pragma once

// The config targets (native, pythondirector, txLoadBalancer) share one
// body: ConfigReader::readData is the one entry point for every dialect,
// and each target differs by its corpus and dictionary, which steer it into
// its dialect.

#include "fuzzcheck.h"

#include "config/configdocument.h"
#include "config/configreader.h"

namespace Balancier::Fuzz {

/// Reads the input as a config (the admin TLS files are not opened: a
/// fuzzed path could name any file); every diagnostic must be located and
/// worded; a config read without errors must be written by the writer and
/// read back, without errors, as the same model.
inline int fuzzConfig(const std::uint8_t *data, std::size_t size)
{
    const LoadResult result
        = ConfigReader::readData(bytes(data, size), QStringLiteral("fuzz.xml"), AdminFiles::Skipped);
    for (const Diagnostic &diagnostic : result.diagnostics) {
        check(!diagnostic.message.isEmpty(), "a diagnostic without a message");
        check(diagnostic.line >= 0 && diagnostic.column >= 0, "a diagnostic at a negative position");
    }
    if (!result.ok())
        return 0;
    const QByteArray written = ConfigDocument::serialize(result.config);
    const LoadResult again
        = ConfigReader::readData(written, QStringLiteral("written.xml"), AdminFiles::Skipped);
    if (!again.ok()) {
        for (const Diagnostic &diagnostic : again.diagnostics)
            std::fprintf(stderr, "%s\n", qPrintable(diagnostic.toString()));
        std::fprintf(stderr, "written:\n%s\n", written.constData());
    }
    check(again.ok(), "a config read without errors, written out, does not read back");
    check(again.config == result.config, "a config written out reads back as another");
    return 0;
}

}  // namespace Balancier::Fuzz
