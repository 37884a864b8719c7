#pragma once

#include <QByteArray>
#include <QString>

namespace Balancier {

/// What the admin API needs from the program that hosts it (the daemon, or
/// the desktop app's local engine) beyond the engine itself: the config as
/// loaded, and persistence. The host implements it; tests supply a double.
///
/// Thread contract: called from the admin server's (control) thread.
class AdminHost
{
public:
    virtual ~AdminHost() = default;

    /// The config file as loaded (for /config.xml); empty when there is none.
    virtual QByteArray loadedConfig() const = 0;
    /// Writes the running config back to its file (with a backup). False with a reason when it cannot.
    virtual bool saveRunningConfig(QString *error) = 0;
};

}  // namespace Balancier
