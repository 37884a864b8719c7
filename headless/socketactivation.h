#pragma once

#include "config/config.h"
#include "engine.h"

#include <QStringList>

namespace Balancier {

/// systemd socket activation (LISTEN_FDS): listening sockets that systemd
/// opened for balancierd (a .socket unit), passed as descriptors 3, 4, ...
/// Each goes to the config's listener with the same address and port ("*"
/// matches a socket bound to every interface); the engine adopts it instead
/// of binding, as in a hitless upgrade. A socket no listener matches is
/// closed with a warning. The variables are removed from the environment.
///
/// POSIX only; on Windows take() finds nothing.
///
/// Thread contract: main thread, during start-up.
namespace SocketActivation {

/// The sockets passed to this process, matched to `config`'s listeners.
/// `log` receives one line per socket (taken, or closed and why).
QList<ListenerSockets> take(const Config &config, QStringList *log);

}  // namespace SocketActivation

}  // namespace Balancier
