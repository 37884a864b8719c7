#include "listenerbinder.h"

#include "config/address.h"

#include <QHostAddress>
#include <QHostInfo>

namespace Balancier {

namespace {

QString failure(const QString &address, const QString &reason)
{
    return QStringLiteral("cannot listen on %1: %2").arg(address, reason);
}

/// One socket bound to `host`:`port`; fills `error` on failure.
SocketOps::Socket bindOne(
    const QHostAddress &host, quint16 port, bool reusePort, bool dualStack, QString *error)
{
    const int family = host.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
    const SocketOps::Result created = SocketOps::createTcpSocket(family);
    if (!created.ok()) {
        *error = SocketOps::errorString(created.error);
        return SocketOps::InvalidSocket;
    }
    const SocketOps::Socket socket = created.socket();
    SocketOps::setReuseAddress(socket, true);
    if (reusePort)
        SocketOps::setReusePort(socket, true);
    if (family == AF_INET6)
        SocketOps::setIpv6Only(socket, !dualStack);
    // Inherited by every accepted connection where AcceptInheritsNoDelay holds.
    SocketOps::setNoDelay(socket, true);
    SocketOps::Result result = SocketOps::bind(socket, host, port);
    if (result.ok())
        result = SocketOps::listen(socket);
    if (!result.ok()) {
        *error = SocketOps::errorString(result.error);
        SocketOps::close(socket);
        return SocketOps::InvalidSocket;
    }
    return socket;
}

}  // namespace

BoundSockets bindListener(const QString &text, int count)
{
    BoundSockets result;
    QString parseError;
    const std::optional<Address> address = parseAddress(text, true, &parseError);
    if (!address) {
        result.error = failure(text, parseError);
        return result;
    }

    QList<QHostAddress> candidates;
    bool dualStack = false;
    if (address->host == u"*") {
        candidates = {QHostAddress(QHostAddress::AnyIPv6), QHostAddress(QHostAddress::AnyIPv4)};
        dualStack = true;
    } else if (QHostAddress literal; literal.setAddress(address->host)) {
        candidates = {literal};
    } else {
        const QHostInfo info = QHostInfo::fromName(address->host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            result.error = failure(
                text, QStringLiteral("cannot resolve '%1': %2").arg(address->host, info.errorString()));
            return result;
        }
        candidates = {info.addresses().constFirst()};
    }

    const bool reusePort = count > 1 && SocketOps::supportsReusePort();
    const int wanted = reusePort ? count : 1;
    QString error;
    for (const QHostAddress &host : std::as_const(candidates)) {
        error.clear();
        quint16 port = address->port;
        if (reusePort && port != 0) {
            // SO_REUSEPORT would let us share a port that another process of
            // the same user holds; a plain bind first refuses a busy port.
            const SocketOps::Socket probe = bindOne(host, port, false, dualStack, &error);
            if (probe == SocketOps::InvalidSocket)
                continue;
            SocketOps::close(probe);
        }
        QList<std::shared_ptr<ListenSocket>> sockets;
        for (int i = 0; i < wanted; ++i) {
            const SocketOps::Socket socket = bindOne(host, port, reusePort, dualStack, &error);
            if (socket == SocketOps::InvalidSocket)
                break;
            sockets.append(std::make_shared<ListenSocket>(socket));
            if (port == 0) {
                QHostAddress ignored;
                SocketOps::localAddress(socket, &ignored, &port);
            }
        }
        if (sockets.size() == wanted) {
            result.sockets = std::move(sockets);
            result.port = port;
            result.bound = address->host == u"*" ? QStringLiteral("*:%1").arg(port)
                                                 : SocketOps::addressToString(host, port);
            return result;
        }
    }
    result.error = failure(text, error);
    return result;
}

}  // namespace Balancier
