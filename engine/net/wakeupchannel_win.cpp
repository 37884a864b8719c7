#include "net/wakeupchannel.h"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#include <ws2tcpip.h>

namespace Balancier {

namespace {

void warn(const char *what)
{
    qWarning("WakeUpChannel: %s failed (WSA error %d)", what, WSAGetLastError());
}

}  // namespace

// WSAPoll() takes sockets only, so the channel is one UDP socket bound to
// 127.0.0.1 and connected to itself: signal() sends it a datagram.
WakeUpChannel::WakeUpChannel()
{
    const SOCKET s = ::WSASocketW(AF_INET, SOCK_DGRAM, IPPROTO_UDP, nullptr, 0, WSA_FLAG_NO_HANDLE_INHERIT);
    if (s == INVALID_SOCKET) {
        warn("WSASocket");
        return;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    int length = int(sizeof address);
    u_long nonBlocking = 1;
    if (::bind(s, reinterpret_cast<const sockaddr *>(&address), length) != 0
        || ::getsockname(s, reinterpret_cast<sockaddr *>(&address), &length) != 0
        || ::connect(s, reinterpret_cast<const sockaddr *>(&address), length) != 0
        || ::ioctlsocket(s, FIONBIO, &nonBlocking) != 0) {
        warn("setting up the loopback socket");
        ::closesocket(s);
        return;
    }
    m_read = qintptr(s);
    m_write = qintptr(s);
}

WakeUpChannel::~WakeUpChannel()
{
    if (m_read != -1)
        ::closesocket(SOCKET(m_read));
}

bool WakeUpChannel::isValid() const
{
    return m_read != -1;
}

void WakeUpChannel::signal()
{
    const char byte = 1;
    // WSAEWOULDBLOCK: the buffer is full of wake-ups already.
    ::send(SOCKET(m_write), &byte, 1, 0);
}

void WakeUpChannel::drain()
{
    char byte = 0;
    while (::recv(SOCKET(m_read), &byte, 1, 0) > 0) { }
}

}  // namespace Balancier
