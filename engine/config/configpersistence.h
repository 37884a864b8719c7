#pragma once

#include "config/config.h"

#include <QString>
#include <QStringList>

namespace Balancier {

/// How runtime changes (admin API, GUI) and the config file meet:
/// saving the running config into the file, and reloading the file without
/// undoing what an operator did at runtime.
///
/// Thread contract: stateless; call from the engine's control thread
/// (save() does blocking file I/O, which is small and local).
class ConfigPersistence final
{
public:
    ConfigPersistence() = delete;

    /// Prepares a reload. `fileBefore` is what the file said when it was
    /// last read (or saved), `running` the config in force, `next` what the
    /// file says now. A host whose admin state was changed at runtime
    /// (running differs from fileBefore) keeps that state in `next` unless
    /// the file changed that host's state itself: a reload must not put
    /// back into rotation a host an operator took out. Hosts that are no
    /// longer in the file stay gone. Returns one log line per state carried.
    static QStringList carryRuntimeAdminStates(const Config &fileBefore, const Config &running, Config *next);

    /// How many backups of a config file save() keeps (docs/configuration.md,
    /// "Saving runtime changes"): with persist="auto" every runtime change is
    /// a save, and the backups must not pile up without end.
    static constexpr int KeptBackups = 10;

    /// Writes `running` into the config file at `path`: the file is read,
    /// updated where it differs, kept in the user's own layout (only the
    /// changed lines differ: comments, order, indentation and attribute
    /// quoting stay, see ConfigDocument::toXmlInLayout) and written
    /// atomically after a backup copy "<path>.<timestamp>.bak"; then only the
    /// newest KeptBackups backups are kept. A legacy or unreadable file is
    /// replaced by a native one (the backup keeps it); a missing file is
    /// created. `note` (when given) tells about such a replacement, or about
    /// an old backup that could not be deleted, for the log.
    static bool save(
        const QString &path, const Config &running, QString *error = nullptr, QString *note = nullptr);

    /// Deletes all but the newest `keep` backups of `path`: the files named
    /// as ConfigDocument::save names them, "<path>.<yyyyMMdd-HHmmss>.bak" and
    /// "<path>.<stamp>-N.bak", ordered by stamp and then N. Other files,
    /// whatever their name, are never touched. Returns the paths deleted;
    /// `error` says which could not be, and why.
    static QStringList pruneBackups(const QString &path, int keep = KeptBackups, QString *error = nullptr);
};

}  // namespace Balancier
