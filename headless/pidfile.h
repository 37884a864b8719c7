#pragma once

#include <QString>

namespace Balancier {

/// The --pid-file: written once the daemon runs, removed when it stops.
///
/// Thread contract: main thread.
class PidFile final
{
    Q_DISABLE_COPY_MOVE(PidFile)

public:
    PidFile() = default;
    /// Removes the file if this object wrote it.
    ~PidFile();

    /// Writes the process id atomically: a reader never sees a half-written number.
    bool write(const QString &path, QString *error = nullptr);
    void remove();
    /// Whether `path` could be written now (a temporary file beside it is
    /// made and removed); nothing is written to `path` itself.
    static bool canWrite(const QString &path, QString *error = nullptr);
    /// Leaves the file as it is: it names another process now (a hitless upgrade).
    void forget() { m_path.clear(); }

private:
    QString m_path;
};

}  // namespace Balancier
