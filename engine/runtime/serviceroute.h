#pragma once

#include "config/config.h"
#include "config/proxytrust.h"
#include "runtime/groupruntime.h"
#include "runtime/refusalcounters.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <array>
#include <atomic>
#include <limits>
#include <memory>
#include <mutex>

namespace Balancier {

/// The PROXY protocol options of one listener of a service (<listen
/// acceptproxy trusted proxytimeout>), ready for the acceptor.
struct ListenerProxyRoute
{
    QString listener;  ///< the <listen ip> as configured
    quint8 versions = 0;  ///< ListenerProxyConfig::Version bits
    qint64 timeoutMs = 3000;
    QList<ProxyTrust> trusted;
    QStringList trustedText;  ///< as configured, for the status

    /// `address`: 4 bytes for IPv4, 16 for IPv6.
    bool trusts(const quint8 *address, bool v6) const
    {
        for (const ProxyTrust &range : trusted) {
            if (range.contains(address, v6))
                return true;
        }
        return false;
    }

    friend bool operator==(const ListenerProxyRoute &, const ListenerProxyRoute &) = default;
};

class TlsServerContext;  // net/tlsservercontext.h: the route only carries it

/// Handshakes of one terminating listener since start: the metric
/// balancier_tls_handshakes_total{service,listener,result} and the API's
/// per-listener figures. One per listener, kept across reloads.
///
/// Thread contract: any thread (relaxed atomics).
struct TlsCounters
{
    std::atomic<quint64> handshakes{0};  ///< completed
    std::atomic<quint64> failures{0};  ///< failed (garbage, versions, client certificate)
    std::atomic<quint64> timeouts{0};  ///< not complete within handshaketimeout
    std::atomic<quint64> ktls{0};  ///< completed handshakes whose connection uses kernel TLS
};

/// What one certificate of a terminating listener says about itself (read
/// by net/tlsservercontext when it is loaded).
struct TlsCertificateInfo
{
    QString file;  ///< as configured
    QStringList sni;  ///< the names it is chosen for; empty: the listener's default
    QString subject;  ///< RFC 2253, e.g. "CN=www.example"
    QStringList names;  ///< subject alternative names: DNS names and IP addresses
    QDateTime notAfter;  ///< UTC

    /// Whole days from `now` until notAfter; negative once expired.
    qint64 daysLeft(const QDateTime &now) const { return now.daysTo(notAfter); }

    friend bool operator==(const TlsCertificateInfo &, const TlsCertificateInfo &) = default;
};

/// A terminating listener of a service (<listen tls="terminate">), ready for
/// the acceptor: the server context (certificates, versions, ciphers) built
/// and checked on the control thread, swapped whole on a certificate reload.
/// A session keeps the context it started with.
struct ListenerTlsRoute
{
    QString listener;  ///< the <listen ip> as configured
    std::shared_ptr<const TlsServerContext> context;
    std::shared_ptr<TlsCounters> counters;
    qint64 handshakeTimeoutMs = ListenerTlsConfig::defaultHandshakeTimeoutMs;
    /// The context's certificates (the default one first), for the status.
    QList<TlsCertificateInfo> certificates;

    friend bool operator==(const ListenerTlsRoute &, const ListenerTlsRoute &) = default;
};

enum class Termination : quint8;  // net/termination.h; runtime/ does not include net/

/// Connections of one service that ended, by Termination: the metric
/// balancier_connections_closed_total{service,termination}. One per service,
/// kept across reloads (every route of the service shares it).
///
/// Thread contract: any thread (relaxed atomics).
struct TerminationCounts
{
    /// Room for every Termination code (net/session.cpp checks it at compile time).
    static constexpr int Size = 32;
    std::array<std::atomic<quint64>, Size> counts{};

    void add(Termination why)
    {
        const int index = int(why);
        if (index >= 0 && index < Size)
            counts[std::size_t(index)].fetch_add(1, std::memory_order_relaxed);
    }
    quint64 value(Termination why) const
    {
        const int index = int(why);
        return index >= 0 && index < Size ? counts[std::size_t(index)].load(std::memory_order_relaxed) : 0;
    }
};

class SourceAcl;  // net/: the route only carries them
class SourceLimiter;
class TlsRouter;

/// What a worker needs to route a new client of one service. Immutable.
struct ServiceRoute
{
    QString service;
    std::shared_ptr<GroupRuntime> group;  ///< the enabled group
    TimeoutConfig timeouts;
    /// Listeners that expect a PROXY header; empty (the usual case): none,
    /// and the acceptor looks nothing up.
    QList<ListenerProxyRoute> acceptProxy;

    /// The PROXY options of `listener`, or nullptr.
    const ListenerProxyRoute *acceptProxyOf(QStringView listener) const
    {
        for (const ListenerProxyRoute &options : acceptProxy) {
            if (options.listener == listener)
                return &options;
        }
        return nullptr;
    }
    /// Listeners that terminate TLS; empty (the usual case): none, and the
    /// acceptor looks nothing up.
    QList<ListenerTlsRoute> tlsListeners;

    /// The TLS options of `listener`, or nullptr.
    const ListenerTlsRoute *tlsOf(QStringView listener) const
    {
        for (const ListenerTlsRoute &options : tlsListeners) {
            if (options.listener == listener)
                return &options;
        }
        return nullptr;
    }
    /// The service's counters of ended connections (never null in a published route).
    std::shared_ptr<TerminationCounts> terminations;
    /// Admission (Session::start()): both null without <acl> and <limit>,
    /// and then nothing is looked up. Swapped with the route, whole: a
    /// connection sees one rule set, never half of one.
    std::shared_ptr<const SourceAcl> acl;
    std::shared_ptr<SourceLimiter> limiter;
    std::shared_ptr<RefusalCounters> refusals;  ///< the service's, kept across applies
    /// TLS routing (<route>): null without routes, and then a session does
    /// not peek at all. Compiled on the control thread, swapped with the route.
    std::shared_ptr<const TlsRouter> tls;
};

/// The current route of a service, shared by the control thread (writer)
/// and every worker's acceptors (readers, once per accepted connection).
///
/// Thread contract: any thread. A mutex rather than atomic<shared_ptr>
/// because the latter is missing from some standard libraries we target.
class RouteSlot final
{
    Q_DISABLE_COPY_MOVE(RouteSlot)

public:
    RouteSlot() = default;

    std::shared_ptr<const ServiceRoute> load() const
    {
        std::lock_guard lock(m_mutex);
        return m_route;
    }

    void store(std::shared_ptr<const ServiceRoute> route)
    {
        std::lock_guard lock(m_mutex);
        m_route.swap(route);
    }

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const ServiceRoute> m_route;
};

}  // namespace Balancier
