#include "platform/socketops.h"

#include <QNetworkInterface>
#include <QtEndian>

#include <cerrno>
#include <cstring>

#ifndef _WIN32
#include <netinet/in.h>
#endif

// The parts of the socket seam that are the same everywhere: address
// conversions need only the common BSD structures.

namespace Balancier::SocketOps {

bool toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage *storage, socklen_t *length)
{
    *storage = sockaddr_storage{};
    *length = 0;
    switch (address.protocol()) {
    case QAbstractSocket::IPv4Protocol: {
        sockaddr_in v4{};
        v4.sin_family = AF_INET;
        v4.sin_port = qToBigEndian(port);
        v4.sin_addr.s_addr = qToBigEndian(address.toIPv4Address());
        std::memcpy(storage, &v4, sizeof v4);
        *length = socklen_t(sizeof v4);
        return true;
    }
    case QAbstractSocket::IPv6Protocol:
    case QAbstractSocket::AnyIPProtocol: {
        sockaddr_in6 v6{};
        v6.sin6_family = AF_INET6;
        v6.sin6_port = qToBigEndian(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&v6.sin6_addr, bytes.c, sizeof bytes.c);
        const QString scope = address.scopeId();
        if (!scope.isEmpty()) {
            bool numeric = false;
            const uint index = scope.toUInt(&numeric);
            v6.sin6_scope_id = numeric ? index : uint(QNetworkInterface::interfaceIndexFromName(scope));
        }
        std::memcpy(storage, &v6, sizeof v6);
        *length = socklen_t(sizeof v6);
        return true;
    }
    default:
        return false;
    }
}

bool fromSockaddr(const sockaddr_storage &storage, socklen_t length, QHostAddress *address, quint16 *port)
{
    if (storage.ss_family == AF_INET && std::size_t(length) >= sizeof(sockaddr_in)) {
        sockaddr_in v4{};
        std::memcpy(&v4, &storage, sizeof v4);
        if (address)
            address->setAddress(qFromBigEndian(quint32(v4.sin_addr.s_addr)));
        if (port)
            *port = qFromBigEndian(quint16(v4.sin_port));
        return true;
    }
    if (storage.ss_family == AF_INET6 && std::size_t(length) >= sizeof(sockaddr_in6)) {
        sockaddr_in6 v6{};
        std::memcpy(&v6, &storage, sizeof v6);
        if (address) {
            quint8 bytes[16];
            std::memcpy(bytes, &v6.sin6_addr, sizeof bytes);
            address->setAddress(bytes);
            if (v6.sin6_scope_id != 0)
                address->setScopeId(QString::number(v6.sin6_scope_id));
        }
        if (port)
            *port = qFromBigEndian(quint16(v6.sin6_port));
        return true;
    }
    return false;
}

QString addressToString(const QHostAddress &address, quint16 port)
{
    if (address.isNull())
        return {};
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        // Only ::ffff:a.b.c.d: QHostAddress::toIPv4Address() also converts
        // IPv4-compatible forms, which would show [::] as 0.0.0.0.
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        bool mapped = bytes[10] == 0xff && bytes[11] == 0xff;
        for (int i = 0; i < 10 && mapped; ++i)
            mapped = bytes[i] == 0;
        if (mapped)
            return QHostAddress(address.toIPv4Address()).toString() + u':' + QString::number(port);
        return u'[' + address.toString() + u"]:" + QString::number(port);
    }
    return address.toString() + u':' + QString::number(port);
}

QString localAddressString(Socket socket)
{
    QHostAddress address;
    quint16 port = 0;
    if (!localAddress(socket, &address, &port))
        return {};
    return addressToString(address, port);
}

QString peerAddressString(Socket socket)
{
    QHostAddress address;
    quint16 port = 0;
    if (!peerAddress(socket, &address, &port))
        return {};
    return addressToString(address, port);
}

Result bind(Socket socket, const QHostAddress &address, quint16 port)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (!toSockaddr(address, port, &storage, &length)) {
        Result result;
        result.status = Status::Error;
#ifdef _WIN32
        result.error = WSAEAFNOSUPPORT;
#else
        result.error = EAFNOSUPPORT;
#endif
        return result;
    }
    return bind(socket, storage, length);
}

}  // namespace Balancier::SocketOps
