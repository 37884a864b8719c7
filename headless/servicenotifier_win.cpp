#include "servicenotifier.h"

namespace Balancier {

// systemd's notify protocol does not exist on Windows: the service control
// manager hears from WindowsService instead. Every call does nothing.

ServiceNotifier::ServiceNotifier() = default;
ServiceNotifier::~ServiceNotifier() = default;

bool ServiceNotifier::send(const QByteArray &message)
{
    Q_UNUSED(message)
    return false;
}

void ServiceNotifier::ready(const QString &status)
{
    m_lastStatus = status;
}

void ServiceNotifier::reloading()
{ }

void ServiceNotifier::stopping(const QString &status)
{
    m_lastStatus = status;
}

void ServiceNotifier::status(const QString &status)
{
    m_lastStatus = status;
}

void ServiceNotifier::mainPid(qint64 pid, const QString &status)
{
    Q_UNUSED(pid)
    m_lastStatus = status;
}

}  // namespace Balancier
