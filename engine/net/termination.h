#pragma once

#include <QLatin1StringView>
#include <QtGlobal>

namespace Balancier {

/// Why a client connection ended: who ended it and how. Every connection
/// ends with exactly one; the connection log, the live connection table, the
/// stats and the refusal counters speak these codes (docs/connection-log.md
/// has the table). The codes are part of the interface: scripts grep for
/// them, so never rename one; add new ones at the end.
///
/// Thread contract: plain values, any thread.
enum class Termination : quint8
{
    None,  ///< still open
    ClientClose,  ///< the client ended its stream and everything was relayed
    ClientReset,  ///< the client reset or broke its connection
    BackendClose,  ///< the backend ended its stream and everything was relayed
    BackendReset,  ///< the backend reset or broke its connection after accepting
    IdleTimeout,  ///< nothing moved for the service's idle timeout
    ConnectTimeout,  ///< no backend accepted within the connect timeout (every host tried)
    ConnectRefused,  ///< every backend tried refused or was unreachable
    NoBackend,  ///< no live host to send the client to
    AclDenied,  ///< the service's <acl> refused the client's address
    LimitConcurrent,  ///< <limit perip>: too many open connections from the source
    LimitRate,  ///< <limit rate>: too many new connections per second from the source
    ProxyUntrusted,  ///< acceptproxy: the peer is not in the listener's trusted list
    ProxyBadHeader,  ///< acceptproxy: a missing, malformed or truncated PROXY header
    ProxyTimeout,  ///< acceptproxy: the header was not complete in time
    DrainDeadline,  ///< its host was drained or removed and draintimeout passed
    AdminClose,  ///< closed through the admin API or the desktop app
    Shutdown,  ///< the balancer stopped
    MaxConnections,  ///< the global connection cap (reserved: such clients wait in the backlog today)
    HostDown,  ///< health marked its host down and its group says ondown="shutdown-sessions"
    BackupShutdown,  ///< its backup host gave way to a primary (onprimaryup="shutdown-backup-sessions")
    TlsPeekTimeout,  ///< <route>: the ClientHello was not complete within peektimeout
    TlsBadHello,  ///< <route>: a malformed or truncated ClientHello
    TlsHelloTooLarge,  ///< <route>: the ClientHello is longer than peeksize
    NotTls,  ///< <route>: the client does not speak TLS and the service has no plain route
    TlsHandshakeFailed,  ///< tls="terminate": the TLS handshake failed (garbage, no shared version, bad
                         ///< client certificate)
    TlsHandshakeTimeout,  ///< tls="terminate": the handshake was not complete within handshaketimeout
};

/// The last code: counts (TerminationCounts) and loops over every code end
/// here. A new code goes before this line's neighbour and moves it.
constexpr Termination LastTermination = Termination::TlsHandshakeTimeout;

/// The stable code of `t`, e.g. "client-close", for logs, JSON and metrics labels.
constexpr QLatin1StringView terminationCode(Termination t)
{
    switch (t) {
    case Termination::None:
        return QLatin1StringView("open");
    case Termination::ClientClose:
        return QLatin1StringView("client-close");
    case Termination::ClientReset:
        return QLatin1StringView("client-reset");
    case Termination::BackendClose:
        return QLatin1StringView("backend-close");
    case Termination::BackendReset:
        return QLatin1StringView("backend-reset");
    case Termination::IdleTimeout:
        return QLatin1StringView("idle-timeout");
    case Termination::ConnectTimeout:
        return QLatin1StringView("connect-timeout");
    case Termination::ConnectRefused:
        return QLatin1StringView("connect-refused");
    case Termination::NoBackend:
        return QLatin1StringView("no-backend");
    case Termination::AclDenied:
        return QLatin1StringView("acl-denied");
    case Termination::LimitConcurrent:
        return QLatin1StringView("limit-concurrent");
    case Termination::LimitRate:
        return QLatin1StringView("limit-rate");
    case Termination::ProxyUntrusted:
        return QLatin1StringView("proxy-untrusted");
    case Termination::ProxyBadHeader:
        return QLatin1StringView("proxy-bad-header");
    case Termination::ProxyTimeout:
        return QLatin1StringView("proxy-timeout");
    case Termination::DrainDeadline:
        return QLatin1StringView("drain-deadline");
    case Termination::AdminClose:
        return QLatin1StringView("admin-close");
    case Termination::Shutdown:
        return QLatin1StringView("shutdown");
    case Termination::MaxConnections:
        return QLatin1StringView("max-connections");
    case Termination::HostDown:
        return QLatin1StringView("host-down");
    case Termination::BackupShutdown:
        return QLatin1StringView("backup-shutdown");
    case Termination::TlsPeekTimeout:
        return QLatin1StringView("tls-peek-timeout");
    case Termination::TlsBadHello:
        return QLatin1StringView("tls-bad-hello");
    case Termination::TlsHelloTooLarge:
        return QLatin1StringView("tls-hello-too-large");
    case Termination::NotTls:
        return QLatin1StringView("not-tls");
    case Termination::TlsHandshakeFailed:
        return QLatin1StringView("tls-handshake-failed");
    case Termination::TlsHandshakeTimeout:
        return QLatin1StringView("tls-handshake-timeout");
    }
    return QLatin1StringView("unknown");
}

}  // namespace Balancier
