#pragma once

#include "platform/socketops.h"

#include <QtGlobal>

namespace Balancier {

/// A bound, listening socket. Closed when the last owner lets go: with
/// SO_REUSEPORT each worker owns its own; without it, all workers share one.
///
/// Thread contract: created in the control thread; polled by workers.
class ListenSocket final
{
    Q_DISABLE_COPY_MOVE(ListenSocket)

public:
    explicit ListenSocket(SocketOps::Socket socket)
        : m_socket(socket)
    { }
    ~ListenSocket() { SocketOps::close(m_socket); }

    SocketOps::Socket socket() const { return m_socket; }

private:
    const SocketOps::Socket m_socket;
};

}  // namespace Balancier
