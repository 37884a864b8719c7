#pragma once

#include <QString>

namespace Balancier {

/// The one-shot modes of balancierd: they do their work, print, and return
/// the process exit code (0 success, 1 failure).
///
/// Thread contract: main thread; they block (file and terminal I/O).
class Commands final
{
public:
    Commands() = delete;

    /// --check: every problem of `path` with its location on stdout, then
    /// the import report for a legacy file and a summary line. 0 when the
    /// file has no errors (warnings allowed).
    static int check(const QString &path);

    /// --import: the native equivalent of `path` on stdout, or written
    /// atomically to `outputPath`; the problems and the import report on
    /// stderr. Nothing is written when the file has errors.
    static int importLegacy(const QString &path, const QString &outputPath);

    /// --hash-password: a password from stdin (unechoed and asked twice on a
    /// terminal; the first line when piped), its hash on stdout.
    static int hashPassword();
};

}  // namespace Balancier
