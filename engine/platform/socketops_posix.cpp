#include "platform/socketops.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <unistd.h>

#ifdef __APPLE__
#include <sys/syslimits.h>  // OPEN_MAX
#endif

// POSIX sockets: Linux, macOS and the BSDs.

namespace Balancier::SocketOps {

namespace {

Result success(qint64 value = 0)
{
    return Result{Status::Ok, 0, value};
}

Result failure(int error)
{
    Result result;
    result.error = error;
    if (error == EAGAIN || error == EWOULDBLOCK)
        result.status = Status::WouldBlock;
    else if (error == EMFILE || error == ENFILE)
        result.status = Status::TooManyFiles;
    else
        result.status = Status::Error;
    return result;
}

Result setOption(Socket socket, int level, int option, int value)
{
    if (::setsockopt(int(socket), level, option, &value, socklen_t(sizeof value)) != 0)
        return failure(errno);
    return success();
}

#if !defined(__linux__)
// Where socket()/accept() cannot set the flags atomically. A fork() in
// between could leak the descriptor into a child; the engine does not fork.
int prepareDescriptor(int fd)
{
    const int descriptorFlags = ::fcntl(fd, F_GETFD);
    if (descriptorFlags < 0 || ::fcntl(fd, F_SETFD, descriptorFlags | FD_CLOEXEC) != 0)
        return errno;
    const int statusFlags = ::fcntl(fd, F_GETFL);
    if (statusFlags < 0 || ::fcntl(fd, F_SETFL, statusFlags | O_NONBLOCK) != 0)
        return errno;
#ifdef SO_NOSIGPIPE
    // No MSG_NOSIGNAL on macOS: the socket itself must not raise SIGPIPE.
    const int on = 1;
    if (::setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(sizeof on)) != 0)
        return errno;
#endif
    return 0;
}
#endif

std::size_t clampedLength(qint64 size)
{
    if (size <= 0)
        return 0;
    return std::size_t(std::min<qint64>(size, std::numeric_limits<ssize_t>::max()));
}

// GNU strerror_r returns the text, XSI strerror_r fills the buffer and
// returns 0; the overload picks whichever this libc has.
[[maybe_unused]] const char *strerrorText(int result, const char *buffer)
{
    return result == 0 ? buffer : nullptr;
}

[[maybe_unused]] const char *strerrorText(const char *result, const char *)
{
    return result;
}

}  // namespace

Result createTcpSocket(int family)
{
#ifdef __linux__
    const int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);
    if (fd < 0)
        return failure(errno);
#else
    const int fd = ::socket(family, SOCK_STREAM, IPPROTO_TCP);
    if (fd < 0)
        return failure(errno);
    if (const int error = prepareDescriptor(fd)) {
        ::close(fd);
        return failure(error);
    }
#endif
    return success(fd);
}

void close(Socket socket)
{
    // No retry on EINTR: the descriptor is released whatever close() returns,
    // and a retry could close a descriptor another thread just opened.
    ::close(int(socket));
}

Result setNoDelay(Socket socket, bool enabled)
{
    return setOption(socket, IPPROTO_TCP, TCP_NODELAY, enabled ? 1 : 0);
}

Result setReuseAddress(Socket socket, bool enabled)
{
    return setOption(socket, SOL_SOCKET, SO_REUSEADDR, enabled ? 1 : 0);
}

bool supportsReusePort()
{
#if defined(__linux__) && defined(SO_REUSEPORT)
    return true;
#else
    return false;
#endif
}

Result setReusePort(Socket socket, bool enabled)
{
#if defined(__linux__) && defined(SO_REUSEPORT)
    return setOption(socket, SOL_SOCKET, SO_REUSEPORT, enabled ? 1 : 0);
#else
    Q_UNUSED(socket);
    Q_UNUSED(enabled);
    return failure(ENOPROTOOPT);
#endif
}

Result setIpv6Only(Socket socket, bool enabled)
{
    return setOption(socket, IPPROTO_IPV6, IPV6_V6ONLY, enabled ? 1 : 0);
}

Result bind(Socket socket, const sockaddr_storage &address, socklen_t length)
{
    if (::bind(int(socket), reinterpret_cast<const sockaddr *>(&address), length) != 0)
        return failure(errno);
    return success();
}

Result listen(Socket socket, int backlog)
{
    if (::listen(int(socket), backlog) != 0)
        return failure(errno);
    return success();
}

Result accept(Socket listener, sockaddr_storage *peer, socklen_t *peerLength)
{
    sockaddr_storage scratch{};
    socklen_t length = socklen_t(sizeof scratch);
    sockaddr_storage *target = peer ? peer : &scratch;
    for (;;) {
#ifdef __linux__
        const int fd = ::accept4(
            int(listener), reinterpret_cast<sockaddr *>(target), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
#else
        const int fd = ::accept(int(listener), reinterpret_cast<sockaddr *>(target), &length);
#endif
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            return failure(errno);
        }
#ifndef __linux__
        if (const int error = prepareDescriptor(fd)) {
            ::close(fd);
            return failure(error);
        }
#endif
        if (peerLength)
            *peerLength = length;
        return success(fd);
    }
}

Result connect(Socket socket, const sockaddr_storage &address, socklen_t length)
{
    if (::connect(int(socket), reinterpret_cast<const sockaddr *>(&address), length) == 0)
        return success();
    // EINTR: a non-blocking connect goes on in the background, as EINPROGRESS.
    if (errno == EINPROGRESS || errno == EINTR)
        return Result{Status::InProgress, errno, 0};
    return failure(errno);
}

int socketError(Socket socket)
{
    int error = 0;
    socklen_t length = socklen_t(sizeof error);
    if (::getsockopt(int(socket), SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        return errno;
    return error;
}

Result recv(Socket socket, char *buffer, qint64 size)
{
    const std::size_t wanted = clampedLength(size);
    for (;;) {
        const ssize_t received = ::recv(int(socket), buffer, wanted, 0);
        if (received >= 0)
            return success(received);
        if (errno != EINTR)
            return failure(errno);
    }
}

Result send(Socket socket, const char *data, qint64 size)
{
#ifdef MSG_NOSIGNAL
    constexpr int flags = MSG_NOSIGNAL;  // EPIPE instead of a process-killing SIGPIPE
#else
    constexpr int flags = 0;  // SO_NOSIGPIPE was set on the socket
#endif
    const std::size_t wanted = clampedLength(size);
    for (;;) {
        const ssize_t sent = ::send(int(socket), data, wanted, flags);
        if (sent >= 0)
            return success(sent);
        if (errno != EINTR)
            return failure(errno);
    }
}

Result shutdownWrite(Socket socket)
{
    if (::shutdown(int(socket), SHUT_WR) != 0)
        return failure(errno);
    return success();
}

bool localAddress(Socket socket, QHostAddress *address, quint16 *port)
{
    sockaddr_storage storage{};
    socklen_t length = socklen_t(sizeof storage);
    if (::getsockname(int(socket), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return false;
    return fromSockaddr(storage, length, address, port);
}

bool localSockaddr(Socket socket, sockaddr_storage *storage)
{
    *storage = sockaddr_storage{};
    socklen_t length = socklen_t(sizeof *storage);
    return ::getsockname(int(socket), reinterpret_cast<sockaddr *>(storage), &length) == 0;
}

bool peerAddress(Socket socket, QHostAddress *address, quint16 *port)
{
    sockaddr_storage storage{};
    socklen_t length = socklen_t(sizeof storage);
    if (::getpeername(int(socket), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return false;
    return fromSockaddr(storage, length, address, port);
}

QString errorString(int error)
{
    char buffer[256] = {};
    const char *text = strerrorText(::strerror_r(error, buffer, sizeof buffer), buffer);
    if (!text || !*text)
        return QStringLiteral("error %1").arg(error);
    return QString::fromLocal8Bit(text);
}

qint64 raiseFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    rlim_t target = limit.rlim_max;
#ifdef __APPLE__
    // macOS refuses a soft limit above OPEN_MAX even when the hard limit is
    // "unlimited" (setrlimit(2)).
    if (target > rlim_t(OPEN_MAX))
        target = rlim_t(OPEN_MAX);
#endif
    if (limit.rlim_cur != RLIM_INFINITY && target > limit.rlim_cur) {
        rlimit raised = limit;
        raised.rlim_cur = target;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit.rlim_cur = target;
    }
    if (limit.rlim_cur == RLIM_INFINITY)
        return std::numeric_limits<qint64>::max();
    return qint64(limit.rlim_cur);
}

}  // namespace Balancier::SocketOps
