#include "upgradeheir.h"

namespace Balancier {

// No hitless upgrade on Windows (see upgradedonor_win.cpp): this process is
// never a successor.

struct UpgradeHeir::Platform
{ };

UpgradeHeir::UpgradeHeir()
    : d(std::make_unique<Platform>())
{ }

UpgradeHeir::~UpgradeHeir() = default;

std::unique_ptr<UpgradeHeir> UpgradeHeir::fromEnvironment(QString *error)
{
    Q_UNUSED(error)
    return nullptr;
}

qint64 UpgradeHeir::predecessorPid() const
{
    return -1;
}

bool UpgradeHeir::receiveListeners(QList<ListenerSockets> *listeners, QString *error)
{
    Q_UNUSED(listeners)
    Q_UNUSED(error)
    return false;
}

bool UpgradeHeir::takeAdmin(QString *error)
{
    Q_UNUSED(error)
    return false;
}

bool UpgradeHeir::takeOver(QString *error)
{
    Q_UNUSED(error)
    return false;
}

void UpgradeHeir::fail(const QString &reason)
{
    Q_UNUSED(reason)
}

}  // namespace Balancier
