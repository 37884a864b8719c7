#pragma once

#include <QHostAddress>
#include <QString>
#include <QtGlobal>

#include <sys/types.h>
#ifdef _WIN32
// Keep windows.h's min/max macros out of every file that includes this one.
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <sys/socket.h>
#endif

/// Raw non-blocking TCP sockets for the data plane: the few calls it needs,
/// with the differences between POSIX, macOS and winsock hidden here
/// (socketops_posix.cpp, socketops_win.cpp) so that the proxy code has no
/// #ifdef. Every socket made or accepted here is non-blocking, is not
/// inherited by child processes, and never raises SIGPIPE.
///
/// Thread contract: free functions without shared state; a socket is used
/// by one thread at a time (the worker that owns it).
namespace Balancier::SocketOps {

/// A native socket: int on POSIX, SOCKET on Windows; both fit in qintptr.
using Socket = qintptr;
inline constexpr Socket InvalidSocket = -1;

enum class Status
{
    Ok,
    WouldBlock,  ///< EAGAIN/EWOULDBLOCK: retry when the poller reports readiness
    InProgress,  ///< connect() started: wait for Writable, then read socketError()
    TooManyFiles,  ///< out of descriptors (EMFILE/ENFILE, WSAEMFILE): back off, do not spin
    Error,  ///< anything else; `error` holds the OS code
};

/// Outcome of one call. `value` is the byte count for recv()/send() (0 from
/// recv() means end of stream) and the new socket for createTcpSocket()/accept().
struct Result
{
    Status status = Status::Ok;
    int error = 0;  ///< errno or WSAGetLastError() when status is not Ok
    qint64 value = 0;

    bool ok() const { return status == Status::Ok; }
    Socket socket() const { return Socket(value); }
};

/// A TCP socket for `family` (AF_INET or AF_INET6), non-blocking and close-on-exec.
Result createTcpSocket(int family);
void close(Socket socket);

Result setNoDelay(Socket socket, bool enabled);
/// True where an accepted socket inherits TCP_NODELAY from its listening
/// socket (Linux copies the listener's TCP options into each new
/// connection): set it on the listener and save a call per connection.
inline constexpr bool AcceptInheritsNoDelay =
#ifdef __linux__
    true;
#else
    false;
#endif
/// SO_REUSEADDR, so a restarted listener can bind while old connections sit in
/// TIME_WAIT. On Windows a no-op: there SO_REUSEADDR would let another
/// process steal the port, and rebinding over TIME_WAIT is allowed anyway.
Result setReuseAddress(Socket socket, bool enabled);
/// True when several sockets may bind one address and port and the kernel
/// spreads incoming connections across them (SO_REUSEPORT on Linux). macOS
/// has the option but does not balance, so false there, as on Windows.
bool supportsReusePort();
/// Fails with ENOPROTOOPT/WSAENOPROTOOPT where supportsReusePort() is false.
Result setReusePort(Socket socket, bool enabled);
/// IPV6_V6ONLY; switch it off to accept IPv4 too on a [::] listener.
Result setIpv6Only(Socket socket, bool enabled);

Result bind(Socket socket, const sockaddr_storage &address, socklen_t length);
Result bind(Socket socket, const QHostAddress &address, quint16 port);
Result listen(Socket socket, int backlog = SOMAXCONN);
/// Takes one pending connection, already non-blocking and close-on-exec.
/// Error (for example ECONNABORTED) concerns that one connection only:
/// keep accepting until WouldBlock.
Result accept(Socket listener, sockaddr_storage *peer = nullptr, socklen_t *peerLength = nullptr);
/// Ok (connected at once), InProgress, or Error (for example ECONNREFUSED).
Result connect(Socket socket, const sockaddr_storage &address, socklen_t length);
/// SO_ERROR: 0 once a connect() in progress has succeeded, else its error
/// code (ECONNREFUSED, ETIMEDOUT...). Reading it clears it.
int socketError(Socket socket);

Result recv(Socket socket, char *buffer, qint64 size);
Result send(Socket socket, const char *data, qint64 size);
/// Half-close: the peer reads end of stream; this side can still read.
Result shutdownWrite(Socket socket);

bool localAddress(Socket socket, QHostAddress *address, quint16 *port);
/// The socket's own address as the system gives it (getsockname): no
/// QHostAddress on the way, for the data plane.
bool localSockaddr(Socket socket, sockaddr_storage *storage);
bool peerAddress(Socket socket, QHostAddress *address, quint16 *port);
/// "127.0.0.1:8080" or "[::1]:8080"; empty when the socket has no address.
QString localAddressString(Socket socket);
QString peerAddressString(Socket socket);
/// The same format; an IPv4-mapped IPv6 address (from a dual-stack
/// listener) is shown as plain IPv4.
QString addressToString(const QHostAddress &address, quint16 port);

/// QHostAddress::Any (dual stack) becomes [::]. False for a null address.
bool toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage *storage, socklen_t *length);
bool fromSockaddr(const sockaddr_storage &storage, socklen_t length, QHostAddress *address, quint16 *port);

/// The OS's text for an error code (strerror, FormatMessage).
QString errorString(int error);

/// Raises the soft RLIMIT_NOFILE to the hard limit (never lowers it) and
/// returns the soft limit in force afterwards; a proxy needs two
/// descriptors per connection. Returns the largest qint64 where there is no
/// such limit (Windows) and -1 when the limit cannot be read.
qint64 raiseFileLimit();

}  // namespace Balancier::SocketOps
