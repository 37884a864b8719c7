#include "upgradedonor.h"

using namespace Qt::StringLiterals;

namespace Balancier {

// Windows has no way to hand a listening socket to another process that
// keeps its accept queue (WSADuplicateSocket needs the target's pid before it
// starts, and the service control manager owns the process): a hitless
// upgrade is not supported there. Stop and start the service instead.

struct UpgradeDonor::Platform
{ };

UpgradeDonor::UpgradeDonor(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Platform>())
{ }

UpgradeDonor::~UpgradeDonor() = default;

qint64 UpgradeDonor::successorPid() const
{
    return -1;
}

bool UpgradeDonor::start(const QString &program, const QStringList &arguments,
    const QList<ListenerSockets> &listeners, QString *error)
{
    Q_UNUSED(program)
    Q_UNUSED(arguments)
    Q_UNUSED(listeners)
    *error = u"a hitless upgrade is not supported on Windows: restart the service instead"_s;
    return false;
}

void UpgradeDonor::confirmAdminReleased()
{ }

void UpgradeDonor::confirmHandedOver()
{ }

}  // namespace Balancier
