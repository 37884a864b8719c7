#include "socketactivation.h"

#include "config/address.h"
#include "platform/socketops.h"

#include <QHostAddress>

#include <algorithm>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Balancier::SocketActivation {

namespace {

constexpr int FirstFd = 3;  // SD_LISTEN_FDS_START

bool matches(const Address &address, const QHostAddress &bound, quint16 port)
{
    if (address.port != port)
        return false;
    if (address.isAnyInterface()) {
        return bound == QHostAddress(QHostAddress::AnyIPv6) || bound == QHostAddress(QHostAddress::AnyIPv4)
            || bound == QHostAddress(QHostAddress::Any);
    }
    QHostAddress literal;
    if (!literal.setAddress(address.host))
        return false;  // a host name: write the address in the config to use a systemd socket
    return literal.isEqual(bound, QHostAddress::ConvertV4MappedToIPv4);
}

}  // namespace

QList<ListenerSockets> take(const Config &config, QStringList *log)
{
    QList<ListenerSockets> result;
    const QByteArray pidText = qgetenv("LISTEN_PID");
    const QByteArray countText = qgetenv("LISTEN_FDS");
    qunsetenv("LISTEN_PID");
    qunsetenv("LISTEN_FDS");
    qunsetenv("LISTEN_FDNAMES");
    if (countText.isEmpty())
        return result;
    bool ok = false;
    if (pidText.toLongLong(&ok) != qint64(::getpid()) || !ok) {
        log->append(
            u"LISTEN_FDS is meant for pid %1, not this process: ignored"_s.arg(QString::fromLatin1(pidText)));
        return result;
    }
    const int count = countText.toInt(&ok);
    if (!ok || count < 0 || count > 1024) {
        log->append(
            u"LISTEN_FDS='%1' is not a number of sockets: ignored"_s.arg(QString::fromLatin1(countText)));
        return result;
    }
    for (int fd = FirstFd; fd < FirstFd + count; ++fd) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        QHostAddress bound;
        quint16 port = 0;
        int listening = 0;
        socklen_t length = sizeof listening;
        if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) != 0 || !listening
            || !SocketOps::localAddress(fd, &bound, &port)) {
            log->append(u"socket activation: descriptor %1 is not a listening TCP socket: closed"_s.arg(fd));
            ::close(fd);
            continue;
        }
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        const QString where = SocketOps::addressToString(bound, port);
        QString taker;
        for (const ServiceConfig &service : config.services) {
            for (const QString &listen : service.listeners) {
                const std::optional<Address> address = parseAddress(listen, true);
                if (taker.isEmpty() && address && matches(*address, bound, port))
                    taker = listen;
            }
        }
        if (taker.isEmpty()) {
            log->append(u"socket activation: no <listen> in the config matches %1: closed"_s.arg(where));
            ::close(fd);
            continue;
        }
        log->append(u"socket activation: %1 from systemd for <listen ip=\"%2\">"_s.arg(where, taker));
        auto existing = std::find_if(result.begin(), result.end(),
            [&](const ListenerSockets &listener) { return listener.configured == taker; });
        if (existing != result.end())
            existing->sockets.append(fd);
        else
            result.append({taker, {fd}});
    }
    return result;
}

}  // namespace Balancier::SocketActivation
