#pragma once

#include "config/config.h"

#include <QByteArray>
#include <QString>

namespace Balancier {

/// What the admin API needs from the program that hosts it beyond the engine
/// itself: the config as loaded, and persistence. Only the daemon (balancierd)
/// hosts the admin API; the desktop app is one of its clients. The host
/// implements this interface; tests supply a double.
///
/// Thread contract: called from the admin server's (control) thread.
class AdminHost
{
public:
    virtual ~AdminHost() = default;

    /// The config file as loaded (for /config.xml); empty when there is none.
    virtual QByteArray loadedConfig() const = 0;
    /// Writes the running config back to its file (with a backup). False with a reason when it cannot.
    /// When the file already holds the running config, nothing is written and the answer is true.
    virtual bool saveRunningConfig(QString *error) = 0;
    /// Starts or moves the admin API as `config` says (listen address, TLS,
    /// options), the way a reload does: the new address is bound before the
    /// old one is given up, and on failure the API stays as it was and
    /// `error` says why. Nothing happens when only the users differ. The
    /// admin server calls this for PUT /api/v1/config while it is answering
    /// that request, so the host must move that server in place
    /// (AdminServer::start()), never destroy it.
    virtual bool updateAdmin(const AdminConfig &config, QString *error) = 0;
};

}  // namespace Balancier
