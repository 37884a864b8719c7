#pragma once

// Shared by the fuzz targets (docs/fuzzing.md): the entry point libFuzzer
// calls, and a check whose failure is a finding.

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace Balancier::Fuzz {

/// The input as bytes, copied (a QByteArray over libFuzzer's buffer would
/// read past it where Qt expects a terminating NUL).
inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// An invariant of the code under test: when it does not hold, abort, so
/// that libFuzzer (or the replay) reports the input as a crash.
inline void check(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
}

}  // namespace Balancier::Fuzz
