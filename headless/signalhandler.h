#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace Balancier {

/// Turns the operating system's stop and reload requests into Qt signals,
/// delivered in the thread that owns this object (the main thread).
///
/// POSIX (signalhandler_posix.cpp): SIGHUP, SIGTERM, SIGINT and SIGUSR2. The C
/// handler only write()s the signal number to a socketpair; a
/// QSocketNotifier on the other end emits the Qt signal from the event
/// loop, where any code may run. SIGPIPE is ignored.
/// Windows (signalhandler_win.cpp): Ctrl-C, Ctrl-Break and closing the
/// console window are stop requests (SIGINT, SIGTERM, SIGTERM); there is no
/// reload and no upgrade.
///
/// Thread contract: create, install and destroy in the main thread; at
/// most one instance may be installed at a time.
class SignalHandler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalHandler)

public:
    explicit SignalHandler(QObject *parent = nullptr);
    /// Restores the default dispositions.
    ~SignalHandler() override;

    /// Starts catching the signals. False with `error` set when the
    /// operating system refused (no descriptors, ...).
    bool install(QString *error = nullptr);

    /// "SIGTERM" for 15 and so on, for log lines.
    static QString signalName(int signalNumber);

Q_SIGNALS:
    /// SIGHUP: reopen logs and reload the config.
    void reloadRequested();
    /// SIGTERM, SIGINT or their Windows equivalents.
    void terminateRequested(int signalNumber);
    /// SIGUSR2: a hitless upgrade to the program on disk.
    void upgradeRequested();

private:
    struct Platform;
    std::unique_ptr<Platform> d;
};

}  // namespace Balancier
