#pragma once

#include "platform/socketops.h"

#include <QList>
#include <QString>

/// A listening socket on 127.0.0.1 that never completes a handshake: it
/// listens with a backlog of 0 and never accepts, and one connection is
/// left queued so the accept queue is full; the kernel then drops every
/// further SYN and a connect to it hangs until the connecter gives up.
///
/// Thread contract: one thread; open() waits (briefly, in the event loop)
/// for the queued connection to complete.
class BlackholeListener final
{
    Q_DISABLE_COPY_MOVE(BlackholeListener)

public:
    BlackholeListener() = default;
    ~BlackholeListener();

    /// False when the socket cannot be set up or the queue does not fill.
    bool open();
    quint16 port() const { return m_port; }
    QString address() const;  ///< "127.0.0.1:<port>"

private:
    Balancier::SocketOps::Socket m_listener = Balancier::SocketOps::InvalidSocket;
    QList<Balancier::SocketOps::Socket> m_fillers;
    quint16 m_port = 0;
};
