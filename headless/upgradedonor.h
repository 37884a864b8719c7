#pragma once

#include "engine.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace Balancier {

/// Hitless binary upgrade, the side of the running process (SIGUSR2, or
/// `balancierd --upgrade`): starts the program on disk with the same
/// arguments and hands it the listening sockets over an AF_UNIX socket
/// pair (SCM_RIGHTS), as HAProxy's -x and Envoy's hot restart do. The
/// successor accepts on those very sockets, so nothing queued on them is
/// lost when this process closes its copies.
///
/// The exchange, each step a line on the socket pair:
///  1. start(): the successor is started; every listener's sockets go to it.
///  2. It applies its config and accepts. Then it asks for the admin API's
///     port: adminReleaseRequested(); the daemon stops listening there and
///     calls confirmAdminReleased().
///  3. Once its admin API listens, the successor reports takenOver(pid):
///     the daemon hands over the pid to the service manager (MAINPID=),
///     stops accepting, calls confirmHandedOver() and drains.
/// If the successor exits or fails before step 3, failed() says why and
/// the daemon takes its admin API back and goes on as before.
///
/// POSIX only (upgradedonor_posix.cpp); on Windows start() says it is not
/// supported there.
///
/// Thread contract: main thread.
class UpgradeDonor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpgradeDonor)

public:
    explicit UpgradeDonor(QObject *parent = nullptr);
    ~UpgradeDonor() override;

    /// Starts `program` with `arguments` (without the program name) and
    /// hands it `listeners`. False, with the reason in `error`, when it
    /// cannot even start.
    bool start(const QString &program, const QStringList &arguments, const QList<ListenerSockets> &listeners,
        QString *error);
    qint64 successorPid() const;

    void confirmAdminReleased();
    void confirmHandedOver();

Q_SIGNALS:
    void adminReleaseRequested();
    void takenOver(qint64 pid);
    void failed(const QString &reason);

private:
    struct Platform;
    std::unique_ptr<Platform> d;
};

}  // namespace Balancier
