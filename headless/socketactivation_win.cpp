#include "socketactivation.h"

namespace Balancier::SocketActivation {

// systemd socket activation does not exist on Windows.
QList<ListenerSockets> take(const Config &config, QStringList *log)
{
    Q_UNUSED(config)
    Q_UNUSED(log)
    return {};
}

}  // namespace Balancier::SocketActivation
