#pragma once

#include "engine.h"

#include <QString>

#include <memory>

namespace Balancier {

/// Hitless binary upgrade, the side of the new process (see UpgradeDonor
/// for the exchange). The predecessor passes its end of the socket pair in
/// the environment variable BALANCIER_UPGRADE_FD. Every call blocks (it
/// runs during start-up, before the event loop) for at most StepTimeoutMs.
///
/// POSIX only (upgradeheir_posix.cpp); on Windows fromEnvironment()
/// always returns null.
///
/// Thread contract: main thread, during Daemon::start().
class UpgradeHeir final
{
    Q_DISABLE_COPY_MOVE(UpgradeHeir)

public:
    static constexpr int StepTimeoutMs = 10000;

    ~UpgradeHeir();

    /// Null when this process was not started for an upgrade. Removes the
    /// variable from the environment either way. A variable that names no
    /// usable socket sets `error`.
    static std::unique_ptr<UpgradeHeir> fromEnvironment(QString *error);

    qint64 predecessorPid() const;
    /// The listening sockets of the predecessor, for Engine::adoptListenSockets().
    bool receiveListeners(QList<ListenerSockets> *listeners, QString *error);
    /// Asks the predecessor to give up the admin API's port and waits until it has.
    bool takeAdmin(QString *error);
    /// Says this process accepts and serves the admin API; waits until the
    /// predecessor has stopped accepting and handed over the main pid. False
    /// only when the message could not be sent; once sent there is no going
    /// back (the predecessor stops accepting), so a missing confirmation is
    /// logged and this process serves on.
    bool takeOver(QString *error);
    /// Tells the predecessor why this process gives up (it keeps serving).
    void fail(const QString &reason);

private:
    UpgradeHeir();
    struct Platform;
    std::unique_ptr<Platform> d;
};

}  // namespace Balancier
