#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif

#include "platform/socketops.h"

#include <limits>

#include <windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>

// Winsock. Differences from POSIX handled here: WSAStartup, SOCKET handles,
// int lengths, WSAEWOULDBLOCK from connect() meaning "in progress", no
// SIGPIPE at all, and no descriptor limit to raise.

namespace Balancier::SocketOps {

namespace {

void ensureWinsock()
{
    // Qt Network starts winsock too, but only once one of its sockets is
    // used; the data plane may come first. Never cleaned up: process lifetime.
    static const bool started = [] {
        WSADATA data;
        return WSAStartup(MAKEWORD(2, 2), &data) == 0;
    }();
    Q_UNUSED(started);
}

SOCKET native(Socket socket)
{
    return static_cast<SOCKET>(socket);
}

Result success(qint64 value = 0)
{
    return Result{Status::Ok, 0, value};
}

Result failure(int error)
{
    Result result;
    result.error = error;
    if (error == WSAEWOULDBLOCK)
        result.status = Status::WouldBlock;
    else if (error == WSAEMFILE)
        result.status = Status::TooManyFiles;
    else
        result.status = Status::Error;
    return result;
}

Result setOption(Socket socket, int level, int option, int value)
{
    if (::setsockopt(native(socket), level, option, reinterpret_cast<const char *>(&value), int(sizeof value))
        == SOCKET_ERROR)
        return failure(WSAGetLastError());
    return success();
}

int clampedLength(qint64 size)
{
    if (size <= 0)
        return 0;
    return size > qint64(std::numeric_limits<int>::max()) ? std::numeric_limits<int>::max() : int(size);
}

int makeNonBlocking(SOCKET socket)
{
    u_long nonBlocking = 1;
    if (::ioctlsocket(socket, FIONBIO, &nonBlocking) == SOCKET_ERROR)
        return WSAGetLastError();
    return 0;
}

}  // namespace

Result createTcpSocket(int family)
{
    ensureWinsock();
    const SOCKET socket = ::WSASocketW(
        family, SOCK_STREAM, IPPROTO_TCP, nullptr, 0, WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (socket == INVALID_SOCKET)
        return failure(WSAGetLastError());
    if (const int error = makeNonBlocking(socket)) {
        ::closesocket(socket);
        return failure(error);
    }
    return success(qint64(socket));
}

void close(Socket socket)
{
    ::closesocket(native(socket));
}

Result setNoDelay(Socket socket, bool enabled)
{
    return setOption(socket, IPPROTO_TCP, TCP_NODELAY, enabled ? 1 : 0);
}

Result setReuseAddress(Socket socket, bool enabled)
{
    Q_UNUSED(socket);
    Q_UNUSED(enabled);
    return success();
}

bool supportsReusePort()
{
    return false;
}

Result setReusePort(Socket socket, bool enabled)
{
    Q_UNUSED(socket);
    Q_UNUSED(enabled);
    return failure(WSAENOPROTOOPT);
}

Result setIpv6Only(Socket socket, bool enabled)
{
    return setOption(socket, IPPROTO_IPV6, IPV6_V6ONLY, enabled ? 1 : 0);
}

Result bind(Socket socket, const sockaddr_storage &address, socklen_t length)
{
    if (::bind(native(socket), reinterpret_cast<const sockaddr *>(&address), length) == SOCKET_ERROR)
        return failure(WSAGetLastError());
    return success();
}

Result listen(Socket socket, int backlog)
{
    if (::listen(native(socket), backlog) == SOCKET_ERROR)
        return failure(WSAGetLastError());
    return success();
}

Result accept(Socket listener, sockaddr_storage *peer, socklen_t *peerLength)
{
    sockaddr_storage scratch{};
    int length = int(sizeof scratch);
    sockaddr_storage *target = peer ? peer : &scratch;
    const SOCKET socket = ::accept(native(listener), reinterpret_cast<sockaddr *>(target), &length);
    if (socket == INVALID_SOCKET)
        return failure(WSAGetLastError());
    // The accepted socket must not leak into child processes either.
    ::SetHandleInformation(reinterpret_cast<HANDLE>(socket), HANDLE_FLAG_INHERIT, 0);
    if (const int error = makeNonBlocking(socket)) {
        ::closesocket(socket);
        return failure(error);
    }
    if (peerLength)
        *peerLength = length;
    return success(qint64(socket));
}

Result connect(Socket socket, const sockaddr_storage &address, socklen_t length)
{
    if (::connect(native(socket), reinterpret_cast<const sockaddr *>(&address), length) != SOCKET_ERROR)
        return success();
    const int error = WSAGetLastError();
    // A non-blocking connect reports WSAEWOULDBLOCK where POSIX says EINPROGRESS.
    if (error == WSAEWOULDBLOCK || error == WSAEINPROGRESS)
        return Result{Status::InProgress, error, 0};
    return failure(error);
}

int socketError(Socket socket)
{
    int error = 0;
    int length = int(sizeof error);
    if (::getsockopt(native(socket), SOL_SOCKET, SO_ERROR, reinterpret_cast<char *>(&error), &length)
        == SOCKET_ERROR)
        return WSAGetLastError();
    return error;
}

Result recv(Socket socket, char *buffer, qint64 size)
{
    const int received = ::recv(native(socket), buffer, clampedLength(size), 0);
    if (received == SOCKET_ERROR)
        return failure(WSAGetLastError());
    return success(received);
}

Result send(Socket socket, const char *data, qint64 size)
{
    const int sent = ::send(native(socket), data, clampedLength(size), 0);
    if (sent == SOCKET_ERROR)
        return failure(WSAGetLastError());
    return success(sent);
}

Result shutdownWrite(Socket socket)
{
    if (::shutdown(native(socket), SD_SEND) == SOCKET_ERROR)
        return failure(WSAGetLastError());
    return success();
}

bool localAddress(Socket socket, QHostAddress *address, quint16 *port)
{
    sockaddr_storage storage{};
    int length = int(sizeof storage);
    if (::getsockname(native(socket), reinterpret_cast<sockaddr *>(&storage), &length) == SOCKET_ERROR)
        return false;
    return fromSockaddr(storage, length, address, port);
}

bool localSockaddr(Socket socket, sockaddr_storage *storage)
{
    *storage = sockaddr_storage{};
    int length = int(sizeof *storage);
    return ::getsockname(native(socket), reinterpret_cast<sockaddr *>(storage), &length) != SOCKET_ERROR;
}

bool peerAddress(Socket socket, QHostAddress *address, quint16 *port)
{
    sockaddr_storage storage{};
    int length = int(sizeof storage);
    if (::getpeername(native(socket), reinterpret_cast<sockaddr *>(&storage), &length) == SOCKET_ERROR)
        return false;
    return fromSockaddr(storage, length, address, port);
}

QString errorString(int error)
{
    wchar_t *buffer = nullptr;
    const DWORD length = ::FormatMessageW(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
        DWORD(error), MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), reinterpret_cast<LPWSTR>(&buffer), 0,
        nullptr);
    QString text;
    if (length != 0 && buffer)
        text = QString::fromWCharArray(buffer, int(length)).trimmed();  // drops the trailing CR LF
    if (buffer)
        ::LocalFree(buffer);
    if (text.isEmpty())
        text = QStringLiteral("error %1").arg(error);
    return text;
}

qint64 raiseFileLimit()
{
    // Sockets are kernel handles on Windows, not bounded by a per-process table.
    return std::numeric_limits<qint64>::max();
}

}  // namespace Balancier::SocketOps
