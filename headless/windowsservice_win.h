#pragma once

#include <QObject>
#include <QString>
#include <QtGlobal>

#include <memory>

namespace Balancier {

/// balancierd under the Windows service control manager (SCM): what
/// `balancierd --service --config FILE` does, the command line the installer
/// registers with `sc create`. It connects the process to the SCM, reports
/// the service's state (start pending, running, stop pending, stopped with
/// the exit code) and turns the SCM's stop and shutdown requests into
/// stopRequested(), which main() connects to the same graceful stop as
/// Ctrl+C (drain, then exit).
///
/// StartServiceCtrlDispatcherW blocks its thread until the service has
/// stopped, so it runs in a thread of its own and the main thread keeps Qt's
/// event loop. The SCM calls the control handler in that dispatcher thread;
/// the handler only records the state and queues the signal.
///
/// Thread contract: create, start(), report*() and destroy in the main
/// thread; stopRequested() is emitted in the main thread. One instance per
/// process. Windows only (the file is not built elsewhere).
class WindowsService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowsService)

public:
    explicit WindowsService(QObject *parent = nullptr);
    /// Reports the service stopped (exit code 0 unless reportStopped() gave
    /// another) and waits for the dispatcher thread to end.
    ~WindowsService() override;

    /// Connects to the SCM and reports "start pending". False, with `error`
    /// set, when the process was not started by the SCM (for example from a
    /// console) or the SCM refused.
    bool start(QString *error);

    /// The daemon serves: the SCM shows the service running and from now on
    /// passes on stop and shutdown requests.
    void reportRunning();
    /// A stop is under way and may take up to `waitHintMs` (the drain).
    void reportStopping(qint64 waitHintMs);
    /// The last report. A non-zero `exitCode` becomes the service-specific
    /// error code that `sc query` and the event log show.
    void reportStopped(int exitCode);

Q_SIGNALS:
    /// The SCM asked the service to stop (sc stop, the Services console, or
    /// the system shutting down). `signalNumber` is SIGTERM, as for Ctrl-Break.
    void stopRequested(int signalNumber);

private:
    struct Platform;
    std::unique_ptr<Platform> d;
};

}  // namespace Balancier
