#pragma once

#include "admin/adminhost.h"
#include "config/config.h"

#include <QList>

namespace Balancier {
class AdminServer;
class Engine;
}  // namespace Balancier

/// The AdminHost double of the admin tests: serves a given "loaded" file
/// and, instead of writing a file, records each save as the running config
/// it would have written. A save can be made to fail. updateAdmin() moves
/// the server set with setServer() in place, as the daemon does.
///
/// Thread contract: the admin server's thread (the test's).
class FakeAdminHost final : public Balancier::AdminHost
{
    Q_DISABLE_COPY_MOVE(FakeAdminHost)

public:
    explicit FakeAdminHost(const Balancier::Engine &engine);

    QByteArray loadedConfig() const override { return m_loaded; }
    bool saveRunningConfig(QString *error) override;
    bool updateAdmin(const Balancier::AdminConfig &config, QString *error) override;

    void setServer(Balancier::AdminServer *server) { m_server = server; }
    /// The <admin> configs updateAdmin() was asked for, oldest first.
    const QList<Balancier::AdminConfig> &adminUpdates() const { return m_adminUpdates; }

    void setLoadedConfig(const QByteArray &xml) { m_loaded = xml; }
    /// Makes every later save fail with `reason` (empty: succeed again).
    void setSaveFailure(const QString &reason) { m_failure = reason; }
    /// The running configs saved, oldest first.
    const QList<Balancier::Config> &saved() const { return m_saved; }

private:
    const Balancier::Engine &m_engine;
    QByteArray m_loaded;
    QString m_failure;
    QList<Balancier::Config> m_saved;
    Balancier::AdminServer *m_server = nullptr;
    QList<Balancier::AdminConfig> m_adminUpdates;
};
