#include "commandline.h"
#include "commands.h"
#include "console.h"
#include "daemon.h"
#include "healthcheck.h"
#include "logging.h"
#include "signalhandler.h"
#include "upgradecommand.h"

#include <QCoreApplication>

#ifdef Q_OS_WIN
#include "windowsservice_win.h"

#include <memory>
#endif

using namespace Qt::StringLiterals;
using namespace Balancier;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"balancierd"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BALANCIER_VERSION));

    CommandLine commandLine;
    if (!commandLine.parse(QCoreApplication::arguments())) {
        Console::writeError(
            u"balancierd: "_s + commandLine.errorText() + u'\n' + CommandLine::hint() + u'\n');
        return 2;
    }
    const DaemonOptions &options = commandLine.options();
    Logging logging;

    switch (options.mode) {
    case DaemonOptions::Mode::Help:
        Console::writeOutput(commandLine.helpText());
        return 0;
    case DaemonOptions::Mode::Version:
        Console::writeOutput(u"balancierd "_s + QStringLiteral(BALANCIER_VERSION) + u'\n');
        return 0;
    case DaemonOptions::Mode::Check:
        return Commands::check(options.inputFile);
    case DaemonOptions::Mode::Import:
        return Commands::importLegacy(options.inputFile, options.outputFile);
    case DaemonOptions::Mode::HashPassword:
        return Commands::hashPassword();
    case DaemonOptions::Mode::HealthCheck:
        return HealthCheck::run(options.configFile);
    case DaemonOptions::Mode::Upgrade:
        return UpgradeCommand::run(options.pidFile);
    case DaemonOptions::Mode::Run:
    case DaemonOptions::Mode::Demo:
        break;
    }

    // Installed before anything starts: a stop request during start-up is
    // queued and handled once the event loop runs, instead of killing us.
    SignalHandler signalHandler;
    QString error;
    if (!signalHandler.install(&error)) {
        logging.status(u"balancierd: "_s + error);
        return 1;
    }
    Daemon daemon(options, logging);
    QObject::connect(&signalHandler, &SignalHandler::reloadRequested, &daemon, &Daemon::reload);
    QObject::connect(&signalHandler, &SignalHandler::terminateRequested, &daemon, &Daemon::terminate);
    QObject::connect(&signalHandler, &SignalHandler::upgradeRequested, &daemon, &Daemon::upgrade);
    QObject::connect(
        &daemon, &Daemon::finished, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
#ifdef Q_OS_WIN
    // --service: the service control manager's stop is the same drain as
    // Ctrl+C, and it is told how long that may take and how it ended.
    std::unique_ptr<WindowsService> service;
    if (options.service) {
        service = std::make_unique<WindowsService>();
        if (!service->start(&error)) {
            logging.status(u"balancierd: "_s + error);
            return 1;
        }
        QObject::connect(
            service.get(), &WindowsService::stopRequested, &daemon, [&daemon, &service](int signalNumber) {
                service->reportStopping(daemon.engine().runningConfig().settings.drainTimeoutMs + 10000);
                daemon.terminate(signalNumber);
            });
    }
#endif
    if (!daemon.start()) {
#ifdef Q_OS_WIN
        if (service)
            service->reportStopped(daemon.exitCode());
#endif
        return daemon.exitCode();
    }
#ifdef Q_OS_WIN
    if (service)
        service->reportRunning();
    const int exitCode = QCoreApplication::exec();
    if (service)
        service->reportStopped(exitCode);
    return exitCode;
#else
    return QCoreApplication::exec();
#endif
}
