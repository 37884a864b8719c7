#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace Balancier {

/// What the command line asked for, checked and ready to use.
struct DaemonOptions
{
    enum class Mode
    {
        Run,  ///< run a config: --config FILE, or the first one found, else the demo
        Demo,  ///< --demo
        Check,  ///< --check FILE
        Import,  ///< --import FILE [-o OUT]
        HashPassword,  ///< --hash-password
        HealthCheck,  ///< --health-check --config FILE
        Upgrade,  ///< --upgrade --pid-file FILE: ask the daemon in FILE for a hitless upgrade
        Help,
        Version,
    };

    Mode mode = Mode::Run;
    QString configFile;  ///< --config; empty: search the usual places
    QString inputFile;  ///< --check / --import
    QString outputFile;  ///< -o with --import; empty: stdout
    int demoPort = 8080;  ///< the balancer's port in the demo; 0: the system chooses
    int demoBackendPort = 9001;  ///< first backend port in the demo; 0: the system chooses
    int demoAdminPort = 8081;  ///< the demo's admin API port; 0: the system chooses
    QString logLevel;  ///< empty: from the config (default info)
    QString logFile;  ///< empty: from the config (default stderr)
    QString pidFile;
    bool service = false;  ///< --service (Windows only): run under the service control manager
};

/// Parses balancierd's arguments. Every mistake becomes one line of text
/// (errorText()); the caller prints it with hint() and exits with 2.
///
/// Thread contract: main thread, during start-up.
class CommandLine final
{
    Q_DISABLE_COPY_MOVE(CommandLine)

public:
    CommandLine();

    /// `arguments` includes the program name first, as QCoreApplication::arguments().
    bool parse(const QStringList &arguments);
    const DaemonOptions &options() const { return m_options; }
    QString errorText() const { return m_error; }
    QString helpText() const;

    /// The second line of every command-line error.
    static QString hint();

private:
    bool fail(const QString &message);
    bool parsePort(const QCommandLineOption &option, int *port);

    QCommandLineParser m_parser;
    QCommandLineOption m_config;
    QCommandLineOption m_check;
    QCommandLineOption m_import;
    QCommandLineOption m_output;
    QCommandLineOption m_demo;
    QCommandLineOption m_demoPort;
    QCommandLineOption m_demoBackendPort;
    QCommandLineOption m_demoAdminPort;
    QCommandLineOption m_hashPassword;
    QCommandLineOption m_healthCheck;
    QCommandLineOption m_logLevel;
    QCommandLineOption m_logFile;
    QCommandLineOption m_pidFile;
    QCommandLineOption m_upgrade;
    QCommandLineOption m_service;  // offered on Windows only
    QCommandLineOption m_help;
    QCommandLineOption m_version;
    DaemonOptions m_options;
    QString m_error;
};

}  // namespace Balancier
