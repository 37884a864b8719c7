#pragma once

#include "admin/adminhost.h"
#include "commandline.h"
#include "config/config.h"
#include "config/configdiff.h"
#include "engine.h"
#include "pidfile.h"
#include "servicenotifier.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

namespace Balancier {

class AdminServer;
class Demo;
class Logging;
class UpgradeDonor;
class UpgradeHeir;

/// balancierd's life cycle around one Engine: find and read the config
/// (or set up the demo), apply it, report the listeners, then react to
/// reload and stop requests, and keep the config file in step with runtime
/// changes when <settings persist="auto">.
///
/// Start-up refuses a config with errors (every error listed, exit code 1).
/// A reload with errors, or one that moves <admin> where the admin server
/// cannot go, is refused and the running config kept. A stop gives up every
/// listening port at once (the admin API's too, so that a new process can
/// start) and drains for <settings draintimeout>, then finishes with 0; a second stop
/// request finishes at once with 128 + the signal number, like a shell
/// reports a process killed by that signal.
///
/// A hitless upgrade (SIGUSR2) starts the program on disk as a successor and
/// hands it the listening sockets (UpgradeDonor); this process then stops
/// accepting and drains as on a stop. Started as such a successor
/// (UpgradeHeir), start() adopts those sockets, takes the admin API's port
/// once the old process let go of it, then the pid file and the service
/// manager's main pid.
///
/// The service manager hears of each step (ServiceNotifier, Type=notify):
/// READY=1 once serving, RELOADING=1 and READY=1 around a reload,
/// STOPPING=1 when a drain begins, MAINPID= on an upgrade, and a STATUS=
/// line with the open connections and the hosts up.
///
/// Thread contract: lives in the main thread with its Engine; every method
/// is called from there (signals arrive through SignalHandler).
class Daemon final : public QObject, public AdminHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Daemon)

public:
    Daemon(DaemonOptions options, Logging &logging, QObject *parent = nullptr);
    ~Daemon() override;

    /// Loads and applies the config and starts serving. False when it
    /// cannot: the reason is printed and exitCode() says what to return.
    bool start();
    int exitCode() const { return m_exitCode; }

    /// The file the daemon runs; empty when it runs the built-in demo.
    QString configPath() const { return m_configPath; }
    Engine &engine() { return m_engine; }

    /// Reopens the log file and re-reads the config file (SIGHUP).
    void reload();
    /// Stops: drains on the first request, at once on the second.
    void terminate(int signalNumber);
    /// Hitless upgrade (SIGUSR2): hands the listeners to a new process of
    /// the program on disk and drains once it has taken over. A failure
    /// is logged and this process goes on serving.
    void upgrade();

    /// Writes the running config (runtime changes included) into the
    /// config file, keeping its comments, after a backup copy. For an
    /// explicit save (admin API, persist="manual") and the automatic one.
    bool saveRunningConfig(QString *error = nullptr) override;
    /// The config file as last read (for the admin API's /config.xml).
    QByteArray loadedConfig() const override { return m_loadedBytes; }
    /// Starts, moves or stops the admin API as <admin> says: the one path
    /// for start-up, reloads and PUT /api/v1/config. A running server is
    /// moved in place (it binds the new address first); on failure it is
    /// kept as it was and `error` says why (the caller says where).
    bool updateAdmin(const AdminConfig &config, QString *error) override;

Q_SIGNALS:
    /// The daemon has stopped; the process should exit with `exitCode`.
    void finished(int exitCode);

private:
    bool fail(const QString &message);
    std::optional<Config> readConfigFile(bool startup);
    bool startDemo(Config *config);
    bool configureLogging(const LoggingConfig &config, QString *error);
    void reportListeners();
    void reloadConfig();
    bool inheritListeners();
    bool completeUpgrade(QString *error);
    QString statusText() const;
    void handleAdminReleaseRequested();
    void handleTakenOver(qint64 pid);
    void handleUpgradeFailed(const QString &reason);
    void finish(int exitCode);
    void handleConfigApplied(const QList<Balancier::ConfigChange> &changes);
    void handleStopped(int cutConnections);

    const DaemonOptions m_options;
    Logging &m_logging;
    std::unique_ptr<Demo> m_demo;  // declared before the engine: outlives its connections
    Engine m_engine;
    std::unique_ptr<AdminServer> m_admin;  // after the engine: destroyed first
    AdminConfig m_adminConfig;  // what m_admin listens as, without the users
    QByteArray m_loadedBytes;
    PidFile m_pidFile;
    ServiceNotifier m_notifier;
    QTimer m_statusTimer;  // STATUS= for the service manager, when it listens
    std::unique_ptr<UpgradeHeir> m_heir;  // started by an upgrade: the line to the old process
    std::unique_ptr<UpgradeDonor> m_donor;  // an upgrade under way from this process
    QString m_program;  // the program file as at start-up, for an upgrade
    QStringList m_arguments;  // without the program name
    bool m_adminReleased = false;  // given to the successor, which has not taken over yet
    bool m_handedOver = false;  // a successor runs the service: its pid file, its port
    QString m_configPath;  // empty: the built-in demo
    Config m_fileConfig;  // what the file said when last read or saved
    QSet<QString> m_reportedListeners;
    bool m_applyingFromFile = false;  // the change being applied is the file's: nothing to save
    bool m_stopping = false;
    bool m_finished = false;
    int m_exitCode = 0;
};

}  // namespace Balancier
