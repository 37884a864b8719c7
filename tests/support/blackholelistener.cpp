#include "blackholelistener.h"

#include <QHostAddress>
#include <QTest>

using namespace Balancier;

BlackholeListener::~BlackholeListener()
{
    for (const SocketOps::Socket filler : std::as_const(m_fillers))
        SocketOps::close(filler);
    if (m_listener != SocketOps::InvalidSocket)
        SocketOps::close(m_listener);
}

bool BlackholeListener::open()
{
    const QHostAddress loopback(QHostAddress::LocalHost);
    const SocketOps::Result created = SocketOps::createTcpSocket(AF_INET);
    if (!created.ok())
        return false;
    m_listener = created.socket();
    if (!SocketOps::bind(m_listener, loopback, 0).ok() || !SocketOps::listen(m_listener, 0).ok())
        return false;
    QHostAddress ignored;
    if (!SocketOps::localAddress(m_listener, &ignored, &m_port))
        return false;

    // One completed connection fills a queue of backlog 0 (Linux allows
    // backlog + 1); the second makes sure, whatever the platform's rounding.
    sockaddr_storage address{};
    socklen_t length = 0;
    SocketOps::toSockaddr(loopback, m_port, &address, &length);
    for (int i = 0; i < 2; ++i) {
        const SocketOps::Result filler = SocketOps::createTcpSocket(AF_INET);
        if (!filler.ok())
            return false;
        m_fillers.append(filler.socket());
        const SocketOps::Result connected = SocketOps::connect(filler.socket(), address, length);
        if (!connected.ok() && connected.status != SocketOps::Status::InProgress)
            return false;
    }
    // The first filler completes at once: getpeername() succeeds once connected.
    return QTest::qWaitFor([&] {
        QHostAddress peer;
        quint16 peerPort = 0;
        return SocketOps::peerAddress(m_fillers.constFirst(), &peer, &peerPort);
    });
}

QString BlackholeListener::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}
