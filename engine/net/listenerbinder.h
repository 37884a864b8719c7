#pragma once

#include "net/listensocket.h"

#include <QList>
#include <QString>
#include <memory>

namespace Balancier {

/// The sockets of one listener: one per worker with SO_REUSEPORT (the kernel
/// spreads clients across workers), else one shared by all workers.
struct BoundSockets
{
    QList<std::shared_ptr<ListenSocket>> sockets;
    QString bound;  ///< actual address, e.g. "127.0.0.1:40123"
    quint16 port = 0;
    QString error;  ///< "cannot listen on 127.0.0.1:80: Permission denied"

    bool ok() const { return error.isEmpty(); }
};

/// Binds a listener address as written in a config ("*:8080", "[::1]:0",
/// "localhost:8080"). "*" listens on every IPv6 and IPv4 interface (falling
/// back to IPv4 only where IPv6 is missing). Port 0 lets the OS choose; every
/// socket of the listener then shares the chosen port.
///
/// Thread contract: control thread; the only blocking call is the name
/// lookup of a listener given by host name, done once per bind.
BoundSockets bindListener(const QString &address, int count);

}  // namespace Balancier
