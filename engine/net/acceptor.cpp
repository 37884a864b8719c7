#include "acceptor.h"

#include "logcategories.h"
#include "net/connectionlog.h"
#include "net/ipendpoint.h"
#include "net/session.h"
#include "net/worker.h"
#include "runtime/groupruntime.h"

#ifndef _WIN32
#include <netinet/in.h>  // sockaddr_in; winsock2.h has it on Windows
#endif

namespace Balancier {

namespace {

/// Connections taken per wake-up of the listening socket, until accept()
/// would block: other events in this worker must not starve under a
/// connection flood. (Tried: one per wake-up saves the accept() that fails
/// with EAGAIN, 0.3 system calls per new connection, but costs more in extra
/// passes through epoll_wait(), 0.6, counted with bench/run.sh.)
constexpr int MaxAcceptsPerWakeUp = 64;

/// Counts one more client if that stays within `cap`; exact across workers.
bool reserveClient(EngineContext &context, int cap)
{
    qint64 current = context.activeClients.load(std::memory_order_relaxed);
    do {
        if (current >= cap)
            return false;
    } while (!context.activeClients.compare_exchange_weak(
        current, current + 1, std::memory_order_acq_rel, std::memory_order_relaxed));
    return true;
}

}  // namespace

Acceptor::Acceptor(
    Worker &worker, QString configured, std::shared_ptr<ListenSocket> socket, std::shared_ptr<RouteSlot> slot)
    : m_worker(worker)
    , m_configured(std::move(configured))
    , m_socket(std::move(socket))
    , m_slot(std::move(slot))
{
    m_worker.poller().add(m_socket->socket(), this, IoHandler::Readable);
    sockaddr_storage bound{};
    socklen_t length = socklen_t(sizeof bound);
#ifdef _WIN32
    const int got = ::getsockname(SOCKET(m_socket->socket()), reinterpret_cast<sockaddr *>(&bound), &length);
#else
    const int got = ::getsockname(int(m_socket->socket()), reinterpret_cast<sockaddr *>(&bound), &length);
#endif
    const IpEndpoint local = got == 0 ? IpEndpoint::from(bound) : IpEndpoint();
    bool wildcard = true;
    for (int i = 0; i < local.addressLength(); ++i)
        wildcard = wildcard && local.bytes[std::size_t(i)] == 0;
    if (local.valid && !wildcard)
        m_local = local;
}

Acceptor::~Acceptor()
{
    m_worker.poller().remove(m_socket->socket());
}

void Acceptor::recordNoBackend(const ServiceRoute &route, const IpEndpoint &client)
{
    ConnectionLog *log = m_worker.context().connectionLog;
    if (!log || !log->enabled())
        return;
    ConnectionRecord entry;
    entry.id = m_worker.nextConnectionId();
    entry.client = client;
    entry.local = m_local;
    entry.service = route.service;
    if (route.group)
        entry.group = route.group->name();
    entry.acceptedAtMs = QDateTime::currentMSecsSinceEpoch();
    entry.termination = Termination::NoBackend;
    log->push(m_worker.index(), entry);
}

void Acceptor::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    m_worker.poller().modify(m_socket->socket(), enabled ? IoHandler::Readable : 0);
}

void Acceptor::ioReady(qintptr, int)
{
    EngineContext &context = m_worker.context();
    for (int i = 0; i < MaxAcceptsPerWakeUp; ++i) {
        // With a cap, the client's place is reserved before accept(): every
        // worker accepts at once, and a check followed by an increment would
        // let them overshoot the cap together.
        const int cap = context.maxConnections.load(std::memory_order_relaxed);
        const bool capped = cap > 0;
        if (capped && !reserveClient(context, cap)) {
            // Woken with a client pending (i == 0) that we may not take: it
            // waits in the backlog, say so once. Having just filled the last
            // place (i > 0) says nothing about anyone waiting.
            if (i == 0 && !context.capReached.exchange(true)) {
                qCWarning(lcNet, "connection cap of %d reached: new clients wait in the listen backlog", cap);
            }
            m_worker.pauseAccepting();
            return;
        }
        sockaddr_storage peer{};
        socklen_t peerLength = sizeof(peer);
        const SocketOps::Result accepted = SocketOps::accept(m_socket->socket(), &peer, &peerLength);
        if (!accepted.ok() && capped)
            context.activeClients.fetch_sub(1, std::memory_order_relaxed);
        switch (accepted.status) {
        case SocketOps::Status::Ok:
            break;
        case SocketOps::Status::WouldBlock:
        case SocketOps::Status::InProgress:
            return;
        case SocketOps::Status::TooManyFiles:
            if (!context.outOfDescriptors.exchange(true)) {
                qCWarning(lcNet, "accept failed: %s; pausing accepts briefly",
                    qUtf8Printable(SocketOps::errorString(accepted.error)));
            }
            m_worker.pauseAccepting();
            return;
        case SocketOps::Status::Error:
            // Concerns that one connection only (e.g. ECONNABORTED).
            qCDebug(lcNet, "accept: %s", qUtf8Printable(SocketOps::errorString(accepted.error)));
            continue;
        }
        if (!capped)
            context.activeClients.fetch_add(1, std::memory_order_relaxed);
        context.outOfDescriptors.store(false, std::memory_order_relaxed);
        m_worker.countAccepted();
        std::shared_ptr<const ServiceRoute> route = m_slot->load();
        // No enabled group, or one emptied at runtime (the control thread
        // logged it once): nobody to pass the client to.
        // With TLS routes the group is chosen later, by the session.
        if (!route || !route->group || (!route->tls && route->group->hosts().isEmpty())) {
            // No session: the count and a log record of its own say it happened.
            if (route && route->terminations)
                route->terminations->add(Termination::NoBackend);
            if (route)
                recordNoBackend(*route, IpEndpoint::from(peer));
            SocketOps::close(accepted.socket());
            context.activeClients.fetch_sub(1, std::memory_order_relaxed);
            continue;
        }
        if (!SocketOps::AcceptInheritsNoDelay)
            SocketOps::setNoDelay(accepted.socket(), true);
        // Without PROXY options (the usual case) nothing is looked up.
        const ListenerProxyRoute *proxy
            = route->acceptProxy.isEmpty() ? nullptr : route->acceptProxyOf(m_configured);
        // Without TLS termination (the usual case) nothing is looked up either.
        // The pointer stays valid: the session holds the route.
        const ListenerTlsRoute *tls = route->tlsListeners.isEmpty() ? nullptr : route->tlsOf(m_configured);
        // The session takes over the place counted in activeClients.
        const IpEndpoint client = IpEndpoint::from(peer);
        if (!proxy)  // with a PROXY header, the address it carries is noted (Session::readProxyHeader())
            m_worker.noteAccepted(client, route->service);
        auto *session
            = new Session(m_worker, accepted.socket(), std::move(route), client, m_worker.nextConnectionId());
        if (m_local.valid)
            session->setLocalAddress(m_local);
        if (tls)
            session->setTls(*tls);
        m_worker.sessionStarted(session);
        if (proxy)
            session->identify(*proxy);  // reads the header, then start()
        else
            session->start();
    }
}

}  // namespace Balancier
