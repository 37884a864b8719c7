#include "session.h"

#include "net/clientkey.h"
#include "net/sourceacl.h"

#include "logcategories.h"
#include "net/connectionlog.h"
#include "net/tlsservercontext.h"
#include "net/tlsstream.h"
#include "net/worker.h"

#include <QDateTime>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>

namespace Balancier {

static_assert(int(LastTermination) < TerminationCounts::Size,
    "TerminationCounts (runtime/serviceroute.h) has no room for every Termination");

namespace {

qint64 steadyNanoseconds()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Reads of RelayBuffer::Capacity per wake-up (1 MiB): a bulk flow then lets
// the other sessions of the worker run.
constexpr int MaxReadsPerWakeUp = 16;

// Until a backend accepts, the client's bytes leave this much room in the
// upstream buffer: the PROXY header goes in front of them (Session::queueProxyHeader()).
constexpr qsizetype HeaderRoom = ProxyProtocol::MaxBuiltLength;

qint64 steadyMilliseconds()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// How a failed connect is told in the log and the table.
AttemptResult attemptResultOf(int error)
{
#ifdef _WIN32
    return error == WSAECONNREFUSED ? AttemptResult::Refused
        : error == WSAETIMEDOUT     ? AttemptResult::Timeout
                                    : AttemptResult::Unreachable;
#else
    return error == ECONNREFUSED ? AttemptResult::Refused
        : error == ETIMEDOUT     ? AttemptResult::Timeout
                                 : AttemptResult::Unreachable;
#endif
}

}  // namespace

Session::Session(Worker &worker, SocketOps::Socket client, std::shared_ptr<const ServiceRoute> route,
    const IpEndpoint &peer, quint64 id)
    : m_worker(worker)
    , m_route(std::move(route))
    , m_group(m_route->group.get())
    , m_client(client)
    , m_id(id)
    , m_clientAddress(peer)
    , m_clientKey(ClientKey::of(peer))
{
    m_up.from = m_client;
    m_down.to = m_client;
    m_down.writable = true;  // a new connection has room
    m_lastActivityMs = m_worker.nowMs();
    m_acceptMs = m_lastActivityMs;
    IoPoller &poller = m_worker.poller();
    m_edgeTriggered = poller.addEdgeTriggered(m_client, this);
    if (m_edgeTriggered) {
        m_clientInterest = IoHandler::Readable | IoHandler::Writable;
    } else {
        // What wantedClientEvents() asks for while connecting.
        poller.add(m_client, this, IoHandler::Readable);
        m_clientInterest = IoHandler::Readable;
    }
}

Session::~Session()
{
    // Before the sockets close: the record may ask for the local address.
    if (m_route->terminations)
        m_route->terminations->add(m_termination);
    if (const ConnectionLog *log = m_worker.context().connectionLog; log && log->enabled())
        record(ConnectionRecord::Event::Close, m_worker.nowMs());
    releaseKernel(m_up);
    releaseKernel(m_down);
    if (m_backend != SocketOps::InvalidSocket) {
        if (m_backendInterest >= 0)
            m_worker.poller().removeClosing(m_backend);
        SocketOps::close(m_backend);
    }
    if (m_clientInterest != Detached)
        m_worker.poller().removeClosing(m_client);
    m_tls.reset();  // SSL_free; the socket is ours to close
    SocketOps::close(m_client);
    if (m_hostAcquired) {
        m_host->lastClosedNs.store(steadyNanoseconds(), std::memory_order_relaxed);
        m_host->release();
        if (m_counted)
            m_group->scheduler().connectionDropped(m_host.get());
    }
    m_worker.context().activeClients.fetch_sub(1, std::memory_order_relaxed);
}

QString Session::clientAddress() const
{
    return m_clientAddress.toString();
}

const QString &Session::groupName() const
{
    return m_group->name();
}

QString Session::backendName() const
{
    return m_hostAcquired ? m_host->name() : QString();
}

IpEndpoint Session::localAddress() const
{
    if (m_localAddress.valid)
        return m_localAddress;
    sockaddr_storage storage;
    if (SocketOps::localSockaddr(m_client, &storage))
        m_localAddress = IpEndpoint::from(storage);
    return m_localAddress;
}

void Session::record(ConnectionRecord::Event event, qint64 nowMs)
{
    ConnectionLog *log = m_worker.context().connectionLog;
    if (!log || !log->enabled())
        return;
    ConnectionRecord entry;
    entry.event = event;
    entry.id = m_id;
    entry.client = m_clientAddress;
    entry.local = localAddress();
    entry.service = m_route->service;
    entry.group = groupName();
    if (m_state == State::Established)
        entry.backend = m_host->name();
    entry.pickCode = m_pickCode;
    entry.pickA = m_pickA;
    entry.pickB = m_pickB;
    entry.attempts = m_attempts;
    entry.acceptedAtMs = QDateTime::currentMSecsSinceEpoch() - (nowMs - m_acceptMs);
    entry.connectMs = m_connectedMs < 0 ? -1 : m_connectedMs - m_acceptMs;
    entry.firstByteMs = m_firstByteMs < 0 ? -1 : m_firstByteMs - m_acceptMs;
    entry.durationMs = nowMs - m_acceptMs;
    entry.bytesIn = m_bytesIn;
    entry.bytesOut = m_bytesOut;
    if (event == ConnectionRecord::Event::Close) {
        entry.termination = m_termination;
        entry.detail = m_detail;
    }
    entry.sni = m_sni;
    log->push(m_worker.index(), entry);
    m_lastRecordMs = nowMs;
}

ConnectionRow Session::row(qint64 nowMs) const
{
    ConnectionRow row;
    row.id = m_id;
    row.service = m_route->service;
    row.group = groupName();
    row.backend = backendName();
    row.client = m_clientAddress.toString();
    const IpEndpoint local = localAddress();
    row.local = local.valid ? local.toString() : QString();
    row.ageMs = nowMs - m_acceptMs;
    row.bytesIn = m_bytesIn;
    row.bytesOut = m_bytesOut;
    row.state = m_state == State::Established ? QStringLiteral("established")
        : m_state == State::Identifying       ? QStringLiteral("identifying")
        : m_state == State::Peeking           ? QStringLiteral("peeking")
        : m_state == State::Handshaking       ? QStringLiteral("handshaking")
                                              : QStringLiteral("connecting");
    row.sni = QString::fromLatin1(m_sni);
    row.reason = pickReason(m_pickCode, m_pickA, m_pickB);
    for (const ConnectionRecord::Attempt &attempt : m_attempts)
        row.attempts.append({attempt.backend, QString(attemptResultCode(attempt.result))});
    return row;
}

void Session::start()
{
    // Without <acl> and <limit> both are null: no lookup, no lock.
    if ((m_route->acl || m_route->limiter) && !admit())
        return;
    if (m_tlsRoute) {
        // The handshake comes before a host is picked: a client that cannot
        // speak TLS costs no backend connection.
        if (!m_tls) {
            refuseHandshake(
                Termination::TlsHandshakeFailed, QStringLiteral("OpenSSL cannot start a connection"));
            return;
        }
        m_state = State::Handshaking;
        m_connectDeadlineMs = m_worker.nowMs() + m_tlsRoute->handshakeTimeoutMs;
        if (continueHandshake())
            updateInterest();
        return;
    }
    // Without <route> (the usual case) nothing is peeked at.
    if (m_route->tls && !beginPeek())
        return;
    if (m_state == State::Peeking)
        return;  // routed once the ClientHello is read (readHello())
    connectNext();
}

void Session::setTls(const ListenerTlsRoute &options)
{
    m_tlsRoute = &options;
    if (options.context) {
        if (ssl_st *ssl = options.context->newConnection(qintptr(m_client)))
            m_tls = std::make_unique<TlsStream>(ssl);
    }
}

QString Session::tlsServerName() const
{
    return m_tls && m_state != State::Handshaking ? m_tls->serverName() : QString();
}

QString Session::tlsAlpn() const
{
    return m_tls && m_state != State::Handshaking ? m_tls->alpn() : QString();
}

bool Session::continueHandshake()
{
    switch (m_tls->handshake()) {
    case TlsStream::Status::Done: {
        TlsCounters &counters = *m_tlsRoute->counters;
        counters.handshakes.fetch_add(1, std::memory_order_relaxed);
        if (m_tls->kernelTls())
            counters.ktls.fetch_add(1, std::memory_order_relaxed);
        m_tlsWantsWrite = false;
        m_state = State::Connecting;
        // Application data may have come with the client's last flight and
        // sit in OpenSSL already: no new event would say so.
        m_up.readable = true;
        // Seam (issue 15, <route sni>): tlsServerName() and tlsAlpn() are
        // known here, before a host is picked; a route chosen by them
        // would select the group that connectNext() asks.
        connectNext();
        return false;
    }
    case TlsStream::Status::WantRead:
        m_tlsWantsWrite = false;
        return true;
    case TlsStream::Status::WantWrite:
        m_tlsWantsWrite = true;
        return true;
    case TlsStream::Status::Closed:
        refuseHandshake(
            Termination::TlsHandshakeFailed, QStringLiteral("the client closed during the TLS handshake"));
        return false;
    case TlsStream::Status::Failed:
        break;
    }
    refuseHandshake(Termination::TlsHandshakeFailed, m_tls->error());
    return false;
}

void Session::refuseHandshake(Termination why, const QString &reason)
{
    if (m_tlsRoute && m_tlsRoute->counters) {
        (why == Termination::TlsHandshakeTimeout ? m_tlsRoute->counters->timeouts
                                                 : m_tlsRoute->counters->failures)
            .fetch_add(1, std::memory_order_relaxed);
    }
    // Logged like the refusals: one line a second per service at most.
    if (m_route->refusals && refusalLogDue())
        logRefusal(terminationCode(why), reason);
    close(why, reason);
}

SocketOps::Result Session::receive(SocketOps::Socket fd, char *data, qint64 size, bool *exact)
{
    if (!m_tls || fd != m_client) {
        *exact = true;
        return SocketOps::recv(fd, data, size);
    }
    *exact = false;
    SocketOps::Result result;
    qint64 got = 0;
    switch (m_tls->read(data, size, &got)) {
    case TlsStream::Status::Done:
        result.value = got;
        break;
    case TlsStream::Status::WantWrite:
        m_tlsWantsWrite = true;
        result.status = SocketOps::Status::WouldBlock;
        break;
    case TlsStream::Status::WantRead:
        result.status = SocketOps::Status::WouldBlock;
        break;
    case TlsStream::Status::Closed:
        break;  // close_notify (or a FIN): the end of the client's stream
    case TlsStream::Status::Failed:
        result.status = SocketOps::Status::Error;
        result.error = -1;  // ioError() asks the stream
        break;
    }
    return result;
}

SocketOps::Result Session::transmit(SocketOps::Socket fd, const char *data, qint64 size)
{
    if (!m_tls || fd != m_client)
        return SocketOps::send(fd, data, size);
    // A partial SSL_write stops after a record, not because the socket is
    // full: write on until everything went or the socket says "would block",
    // so that a short count means what it means for send() (edge-triggered
    // polling waits for the socket to drain only when it really is full).
    SocketOps::Result result;
    qint64 total = 0;
    while (total < size) {
        qint64 put = 0;
        switch (m_tls->write(data + total, size - total, &put)) {
        case TlsStream::Status::Done:
            m_tlsWantsWrite = false;
            total += put;
            continue;
        case TlsStream::Status::WantWrite:
            m_tlsWantsWrite = true;
            break;
        case TlsStream::Status::WantRead:
            break;
        case TlsStream::Status::Closed:
        case TlsStream::Status::Failed:
            if (total > 0)
                break;  // said at the next call
            result.status = SocketOps::Status::Error;
            result.error = -1;
            return result;
        }
        break;
    }
    if (total == 0)
        result.status = SocketOps::Status::WouldBlock;
    result.value = total;
    return result;
}

void Session::sendEnd(SocketOps::Socket fd)
{
    if (m_tls && fd == m_client)
        m_tls->shutdown();  // close_notify, then the FIN
    SocketOps::shutdownWrite(fd);
}

QString Session::ioError(SocketOps::Socket fd, const SocketOps::Result &result) const
{
    if (m_tls && fd == m_client && result.error == -1)
        return m_tls->error();
    return SocketOps::errorString(result.error);
}

bool Session::admit()
{
    const ServiceRoute &route = *m_route;
    RefusalCounters &refusals = *route.refusals;
    if (route.acl) {
        const SourceAcl::Decision decision = route.acl->decide(m_clientAddress);
        if (!decision.allowed) {
            refusals.aclDenied.fetch_add(1, std::memory_order_relaxed);
            if (refusalLogDue()) {
                logRefusal(terminationCode(Termination::AclDenied),
                    decision.rule < 0 ? QStringLiteral("the ACL's default")
                                      : QStringLiteral("ACL rule %1").arg(decision.rule + 1));
            }
            close(Termination::AclDenied, QStringLiteral("refused by the service's ACL"));
            return false;
        }
    }
    if (route.limiter) {
        const SourceLimiter::Result result = route.limiter->admit(m_clientAddress, &m_sourceTicket);
        if (result.enforced != SourceLimiter::Verdict::Admit) {
            const bool concurrent = result.enforced == SourceLimiter::Verdict::Concurrent;
            const bool dryRun = result.verdict == SourceLimiter::Verdict::Admit;
            const Termination why = concurrent ? Termination::LimitConcurrent : Termination::LimitRate;
            if (dryRun)
                (concurrent ? refusals.dryRunConcurrent : refusals.dryRunRate)
                    .fetch_add(1, std::memory_order_relaxed);
            else
                (concurrent ? refusals.limitConcurrent : refusals.limitRate)
                    .fetch_add(1, std::memory_order_relaxed);
            if (refusalLogDue()) {
                const LimitConfig &limit = route.limiter->config();
                QString detail = concurrent
                    ? QStringLiteral("%1 open connections from its source already (perip %1)")
                          .arg(limit.perIp)
                    : QStringLiteral("faster than rate %1, burst %2")
                          .arg(limit.rateText())
                          .arg(limit.effectiveBurst());
                if (dryRun)
                    detail += QStringLiteral(" (dry run: let through)");
                logRefusal(terminationCode(why), detail);
            }
            if (!dryRun) {
                close(why, QStringLiteral("refused by the service's <limit>"));
                return false;
            }
        }
    }
    return true;
}

bool Session::refusalLogDue()
{
    RefusalCounters &refusals = *m_route->refusals;
    const qint64 now = steadyMilliseconds();
    qint64 last = refusals.lastLogMs.load(std::memory_order_relaxed);
    // One line a second per service at most, whichever worker writes it: a
    // flood of refused clients must not become a flood of log lines.
    if (now - last < 1000
        || !refusals.lastLogMs.compare_exchange_strong(last, now, std::memory_order_relaxed)) {
        refusals.unlogged.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    return true;
}

void Session::logRefusal(QLatin1StringView what, const QString &detail)
{
    const qint64 unsaid = m_route->refusals->unlogged.exchange(0, std::memory_order_relaxed);
    const QString more = unsaid > 0
        ? QStringLiteral("; %1 more refused or counted since the last line").arg(unsaid)
        : QString();
    qCWarning(lcNet, "service %s: client %s: %.*s: %s%s", qUtf8Printable(m_route->service),
        qUtf8Printable(clientAddress()), int(what.size()), what.data(), qUtf8Printable(detail),
        qUtf8Printable(more));
}

const IpEndpoint &Session::local()
{
    localAddress();  // fills m_localAddress once
    return m_localAddress;
}

void Session::identify(const ListenerProxyRoute &options)
{
    if (!m_clientAddress.valid || !options.trusts(m_clientAddress.bytes.data(), m_clientAddress.v6)) {
        refuseProxy(Termination::ProxyUntrusted,
            QStringLiteral("%1 may not send a PROXY header (not in trusted of listener %2)")
                .arg(m_clientAddress.addressString(), options.listener));
        return;
    }
    m_state = State::Identifying;
    m_proxyParser = std::make_unique<ProxyProtocol::Parser>(options.versions);
    m_proxyTimeoutMs = options.timeoutMs;
    m_connectDeadlineMs = m_worker.nowMs() + options.timeoutMs;
    // The header usually came with the connection: the poller reports the
    // socket readable (at once on epoll, where it was added edge-triggered).
}

bool Session::readProxyHeader()
{
    while (m_up.readable) {
        qsizetype room = 0;
        char *tail = m_up.pending.tail(&room);
        room = std::min(room, m_up.pending.space() - HeaderRoom);
        const SocketOps::Result got = SocketOps::recv(m_client, tail, room);
        if (!got.ok()) {
            if (got.status == SocketOps::Status::WouldBlock) {
                m_up.readable = false;
                break;
            }
            close(Termination::ClientReset,
                QStringLiteral("client error before its PROXY header: %1")
                    .arg(SocketOps::errorString(got.error)));
            return false;
        }
        if (got.value == 0) {
            refuseProxy(Termination::ProxyBadHeader,
                m_up.pending.isEmpty() ? QStringLiteral("closed without sending a PROXY header")
                                       : QStringLiteral("closed before its PROXY header was complete"));
            return false;
        }
        m_up.pending.commit(got.value);
        if (got.value < room) {
            m_up.readable = false;
            m_up.eof = m_up.peerClosed;
        }
        switch (m_proxyParser->feed(tail, got.value)) {
        case ProxyProtocol::Parser::Status::Error:
            refuseProxy(Termination::ProxyBadHeader, QString(m_proxyParser->error()));
            return false;
        case ProxyProtocol::Parser::Status::Done: {
            const ProxyProtocol::Header &header = m_proxyParser->header();
            // What followed the header is the client's: it stays, in order.
            m_up.pending.consume(header.length);
            if (header.carriesAddresses()) {
                m_clientAddress = header.source;
                m_localAddress = header.destination;
                m_clientKey = ClientKey::of(m_clientAddress);
            }
            m_worker.noteAccepted(m_clientAddress, m_route->service);  // the talkers' rate
            m_proxyParser.reset();
            m_state = State::Connecting;
            start();
            return false;
        }
        case ProxyProtocol::Parser::Status::NeedMore:
            break;
        }
        if (m_up.eof) {
            refuseProxy(
                Termination::ProxyBadHeader, QStringLiteral("closed before its PROXY header was complete"));
            return false;
        }
    }
    return true;
}

void Session::refuseProxy(Termination why, const QString &reason)
{
    // Counted and logged like the ACL's and the limit's refusals: one brake per service.
    if (RefusalCounters *refusals = m_route->refusals.get()) {
        std::atomic<qint64> &count = why == Termination::ProxyUntrusted ? refusals->proxyUntrusted
            : why == Termination::ProxyTimeout                          ? refusals->proxyTimeout
                                                                        : refusals->proxyBadHeader;
        count.fetch_add(1, std::memory_order_relaxed);
        if (refusalLogDue())
            logRefusal(terminationCode(why), reason);
    }
    close(why, reason);
}

bool Session::beginPeek()
{
    m_state = State::Peeking;
    m_peekStartMs = m_worker.nowMs();
    m_connectDeadlineMs = m_peekStartMs + m_route->tls->peekTimeoutMs();
    // Bytes that came after a PROXY header are the hello's start; and the
    // socket may hold more that no new edge will announce.
    if (m_up.readable)
        return readHello();
    if (!m_up.pending.isEmpty())
        return examineHello();
    // The hello usually came with the connection: the poller reports the
    // socket readable (at once on epoll, where it was added edge-triggered).
    return true;
}

bool Session::readHello()
{
    const qsizetype limit = m_route->tls->peekSize();
    while (m_up.readable) {
        qsizetype room = 0;
        char *tail = m_up.pending.tail(&room);
        // One byte past the peek size tells a hello that is too large.
        room = std::min({room, m_up.pending.space() - HeaderRoom, limit + 1 - m_up.pending.size()});
        if (room <= 0)
            break;
        const SocketOps::Result got = SocketOps::recv(m_client, tail, room);
        if (!got.ok()) {
            if (got.status == SocketOps::Status::WouldBlock) {
                m_up.readable = false;
                break;
            }
            close(Termination::ClientReset,
                QStringLiteral("client error before its ClientHello: %1")
                    .arg(SocketOps::errorString(got.error)));
            return false;
        }
        if (got.value == 0) {
            m_up.eof = true;
            m_up.readable = false;
            break;
        }
        m_up.pending.commit(got.value);
        if (got.value < room) {
            m_up.readable = false;
            m_up.eof = m_up.peerClosed;
        }
    }
    if (!m_up.pending.isEmpty() && !examineHello())
        return false;
    if (m_up.eof) {
        if (m_up.pending.isEmpty()) {
            close(Termination::ClientClose, QStringLiteral("closed before sending anything"));
        } else {
            refuseTls(Termination::TlsBadHello,
                QStringLiteral("closed before its ClientHello was complete (%1 bytes)")
                    .arg(m_up.pending.size()));
        }
        return false;
    }
    return true;
}

bool Session::examineHello()
{
    const TlsRouter &router = *m_route->tls;
    // A hello that comes a byte at a time is parsed again only when it can tell more.
    if (m_up.pending.size() < m_helloNeeded)
        return true;
    const ClientHello hello = ClientHello::parse(m_up.pending.data(), m_up.pending.size(), router.peekSize());
    m_helloNeeded = hello.needed();
    switch (hello.status()) {
    case ClientHello::Status::NeedMore:
        if (m_up.pending.size() > router.peekSize()) {
            refuseTls(Termination::TlsHelloTooLarge,
                QStringLiteral("the ClientHello is larger than peeksize %1").arg(router.peekSize()));
            return false;
        }
        return true;
    case ClientHello::Status::Done:
        m_sni = hello.serverName();
        takeRoute(router.match(hello));
        return false;
    case ClientHello::Status::NotTls:
        if (const TlsRouter::Route *plain = router.plain()) {
            takeRoute(plain);
            return false;
        }
        refuseTls(
            Termination::NotTls, QStringLiteral("%1, and the service has no plain route").arg(hello.error()));
        return false;
    case ClientHello::Status::TooLarge:
        refuseTls(Termination::TlsHelloTooLarge,
            QStringLiteral("the ClientHello is larger than peeksize %1").arg(router.peekSize()));
        return false;
    case ClientHello::Status::Error:
        break;
    }
    refuseTls(Termination::TlsBadHello, QStringLiteral("a bad ClientHello: %1").arg(hello.error()));
    return false;
}

void Session::takeRoute(const TlsRouter::Route *route)
{
    if (route) {
        m_group = route->group.get();
        route->connections->fetch_add(1, std::memory_order_relaxed);
    } else {
        m_route->tls->defaultCounter().fetch_add(1, std::memory_order_relaxed);
    }
    m_state = State::Connecting;
    if (!m_group) {
        close(Termination::NoBackend, QStringLiteral("no group to route to"));
        return;
    }
    connectNext();
}

void Session::refuseTls(Termination why, const QString &reason)
{
    if (RefusalCounters *refusals = m_route->refusals.get()) {
        std::atomic<qint64> &count = why == Termination::TlsPeekTimeout ? refusals->tlsPeekTimeout
            : why == Termination::TlsHelloTooLarge                      ? refusals->tlsHelloTooLarge
            : why == Termination::NotTls                                ? refusals->notTls
                                                                        : refusals->tlsBadHello;
        count.fetch_add(1, std::memory_order_relaxed);
        if (refusalLogDue())
            logRefusal(terminationCode(why), reason);
    }
    close(why, reason);
}

bool Session::queueProxyHeader()
{
    const ProxySendMode mode = m_host->proxyMode.load(std::memory_order_relaxed);
    if (mode == ProxySendMode::None)
        return true;
    // Built for this host at this attempt: after a failover the next host
    // may speak another version, and it gets the client's bytes after its own header.
    ProxyProtocol::Bytes header;
    if (mode == ProxySendMode::V1) {
        header = ProxyProtocol::buildV1(m_clientAddress, local());
    } else {
        char id[24];
        const int length = std::snprintf(id, sizeof(id), "%llu", static_cast<unsigned long long>(m_id));
        // PP2_TYPE_AUTHORITY: the ClientHello's server name, when TLS routing read one.
        header = ProxyProtocol::buildV2(m_clientAddress, local(), QByteArrayView(id, length), m_sni);
    }
    if (!m_up.pending.prepend(header.constData(), header.size())) {
        // Cannot happen: the client's bytes leave HeaderRoom free until now.
        close(Termination::ConnectRefused, QStringLiteral("no room for the PROXY header"));
        return false;
    }
    return true;
}

void Session::connectNext()
{
    GroupRuntime &group = *m_group;
    for (;;) {
        PickContext pick;
        pick.clientKey = m_clientKey;
        pick.excluded = m_tried.constData();
        pick.excludedCount = std::size_t(m_tried.size());
        const PickResult pickResult = group.scheduler().pick(pick);
        HostRuntime *picked = pickResult.host;
        if (!picked) {
            qCWarning(lcNet, "service %s: no live host left for client %s (tried %d); closing it",
                qUtf8Printable(m_route->service), qUtf8Printable(clientAddress()), int(m_attempts.size()));
            endClientGracefully();
            // No host was tried at all (every one down, full or in
            // maintenance): no backend. Otherwise the last failure says how
            // the connect ended: timed out, or refused (or unreachable).
            Termination why = Termination::NoBackend;
            if (!m_attempts.isEmpty()) {
                why = m_attempts.last().result == AttemptResult::Timeout ? Termination::ConnectTimeout
                                                                         : Termination::ConnectRefused;
            }
            close(why, {});
            return;
        }
        m_tried.append(picked);
        if (!picked->tryAcquire())
            continue;  // became full or unavailable since pick(): try another
        m_host = group.share(picked);
        m_hostAcquired = true;
        m_pickCode = pickResult.code;
        m_pickA = pickResult.a;
        m_pickB = pickResult.b;

        const Endpoint endpoint = m_host->endpoint();
        if (!endpoint.isValid()) {
            const QString error = m_host->resolveError();
            failHost(AttemptResult::Unresolved,
                error.isEmpty() ? QStringLiteral("address %1 is not resolved yet").arg(m_host->address())
                                : error);
            continue;
        }
        const SocketOps::Result created = SocketOps::createTcpSocket(endpoint.storage.ss_family);
        if (!created.ok()) {
            failHost(AttemptResult::Unreachable,
                QStringLiteral("cannot create a socket: %1").arg(SocketOps::errorString(created.error)));
            continue;
        }
        m_backend = created.socket();
        SocketOps::setNoDelay(m_backend, true);
        const SocketOps::Result connected = SocketOps::connect(m_backend, endpoint.storage, endpoint.length);
        if (connected.status == SocketOps::Status::Ok || connected.status == SocketOps::Status::InProgress) {
            m_up.to = m_backend;
            m_down.from = m_backend;
            m_up.writable = false;
            m_down.readable = false;
            m_down.peerClosed = false;
            if (m_edgeTriggered) {
                if (!m_worker.poller().addEdgeTriggered(m_backend, this)) {
                    const int error = errno;
                    SocketOps::close(m_backend);
                    m_backend = SocketOps::InvalidSocket;
                    m_up.to = SocketOps::InvalidSocket;
                    m_down.from = SocketOps::InvalidSocket;
                    failHost(AttemptResult::Unreachable,
                        QStringLiteral("cannot watch the socket: %1").arg(SocketOps::errorString(error)));
                    continue;
                }
                m_backendInterest = IoHandler::Readable | IoHandler::Writable;
            } else {
                m_worker.poller().add(m_backend, this, IoHandler::Writable);
                m_backendInterest = IoHandler::Writable;
            }
            m_connectDeadlineMs = m_worker.nowMs() + m_route->timeouts.connectMs;
            updateInterest();
            return;
        }
        failHost(attemptResultOf(connected.error), SocketOps::errorString(connected.error));
    }
}

void Session::endClientGracefully()
{
    // Closing a socket with unread bytes sends a reset, and a client may
    // have sent more since we last read. End of stream first, so the client
    // reads a clean end even if a reset follows; then take what is there
    // (bounded), which usually avoids the reset altogether.
    sendEnd(m_client);
    for (int i = 0; i < 16; ++i) {
        const SocketOps::Result got = SocketOps::recv(m_client, m_worker.scratch(), RelayBuffer::Capacity);
        if (!got.ok() || got.value == 0)
            break;
    }
}

void Session::failHost(AttemptResult result, const QString &reason)
{
    m_attempts.append({m_host->name(), result});
    m_detail = reason;
    if (m_backend != SocketOps::InvalidSocket) {
        if (m_backendInterest >= 0)
            m_worker.poller().removeClosing(m_backend);
        SocketOps::close(m_backend);
        m_backend = SocketOps::InvalidSocket;
        m_backendInterest = Detached;
        m_up.to = SocketOps::InvalidSocket;
        m_down.from = SocketOps::InvalidSocket;
    }
    m_host->failedConnects.fetch_add(1, std::memory_order_relaxed);
    m_host->release();
    m_hostAcquired = false;
    qCInfo(lcNet, "service %s: host %s (%s) failed: %s; trying the next host",
        qUtf8Printable(m_route->service), qUtf8Printable(m_host->name()), qUtf8Printable(m_host->address()),
        qUtf8Printable(reason));
    m_worker.context().reportFailure(m_host, reason);
}

void Session::handleConnected()
{
    m_state = State::Established;
    m_worker.sessionConnected(this);
    m_counted = true;
    m_host->total.fetch_add(1, std::memory_order_relaxed);
    m_group->scheduler().connectionTaken(m_host.get());
    m_connectedMs = m_lastActivityMs;
    m_lastRecordMs = m_lastActivityMs;
    m_detail.clear();  // the failures before are in m_attempts
    if (const ConnectionLog *log = m_worker.context().connectionLog;
        log && log->enabled() && log->atConnect()) {
        record(ConnectionRecord::Event::Connect, m_lastActivityMs);
    }
    if (!queueProxyHeader())
        return;
    // Replay what the client sent while we were connecting, and go on.
    m_up.writable = true;
    if (!pump())
        return;
    updateInterest();
    finishIfDone();
}

bool Session::readClientWhileConnecting()
{
    while (m_up.readable && !m_up.eof && m_up.pending.space() > HeaderRoom) {
        qsizetype room = 0;
        char *tail = m_up.pending.tail(&room);
        room = std::min(room, m_up.pending.space() - HeaderRoom);
        bool exact = true;
        const SocketOps::Result got = receive(m_client, tail, room, &exact);
        if (got.ok()) {
            if (got.value == 0) {
                m_up.eof = true;
                m_up.readable = false;
                break;
            }
            m_up.pending.commit(got.value);
            if (exact && got.value < room) {
                // Drained for now; and if the end was announced, this was the end.
                m_up.readable = false;
                m_up.eof = m_up.peerClosed;
            }
            continue;
        }
        if (got.status == SocketOps::Status::WouldBlock) {
            m_up.readable = false;
            break;
        }
        close(Termination::ClientReset,
            QStringLiteral("client error while connecting: %1").arg(ioError(m_client, got)));
        return false;
    }
    return true;
}

void Session::countBytes(const Pipe &pipe, qint64 bytes)
{
    if (&pipe == &m_up) {
        m_host->bytesOut.fetch_add(bytes, std::memory_order_relaxed);
        m_bytesIn += bytes;
    } else {
        m_host->bytesIn.fetch_add(bytes, std::memory_order_relaxed);
        if (m_bytesOut == 0)
            m_firstByteMs = m_lastActivityMs;
        m_bytesOut += bytes;
    }
}

void Session::noteReadiness(qintptr fd, int events)
{
    Pipe &in = fd == m_client ? m_up : m_down;  // bytes arriving on fd
    Pipe &out = fd == m_client ? m_down : m_up;  // bytes to be written to fd
    // An error or hang-up: the next read or write tells which.
    if (events & (IoHandler::Readable | IoHandler::Closed))
        in.readable = true;
    if (events & IoHandler::ReadClosed)
        in.peerClosed = true;
    if (events & (IoHandler::Writable | IoHandler::Closed))
        out.writable = true;
    if (m_tls && fd == m_client) {
        // Through TLS a read may need the socket writable and a write
        // readable: any event on it may unblock either. A wrong guess costs
        // one call that says "would block".
        in.readable = true;
        out.writable = true;
    }
}

bool Session::flush(Pipe &pipe)
{
    while (!pipe.pending.isEmpty()) {
        const qsizetype size = pipe.pending.size();
        const SocketOps::Result sent = transmit(pipe.to, pipe.pending.data(), size);
        if (sent.ok()) {
            countBytes(pipe, sent.value);
            pipe.pending.consume(sent.value);
            if (sent.value < size) {
                // The socket buffer is full: an event comes when it has room.
                pipe.writable = false;
                return true;
            }
            continue;
        }
        if (sent.status == SocketOps::Status::WouldBlock) {
            pipe.writable = false;
            return true;
        }
        close(pipe.to == m_client ? Termination::ClientReset : Termination::BackendReset,
            QStringLiteral("%1 error: %2")
                .arg(pipe.to == m_client ? u"client" : u"backend", ioError(pipe.to, sent)));
        return false;
    }
    return true;
}

void Session::endStream(Pipe &pipe)
{
    if (!pipe.eof || !pipe.pending.isEmpty() || pipe.inKernel > 0 || pipe.shutdownSent)
        return;
    // When the other direction has ended too, the session closes both
    // sockets in this same wake-up (finishIfDone()), and close() sends the FIN.
    const Pipe &other = &pipe == &m_up ? m_down : m_up;
    if (!other.shutdownSent) {
        m_clientEndedFirst = &pipe == &m_up;  // the first end decides who closed (Termination)
        sendEnd(pipe.to);
    } else if (m_tls && pipe.to == m_client) {
        m_tls->shutdown();  // close_notify; close() sends the FIN
    }
    pipe.shutdownSent = true;
}

void Session::releaseKernel(Pipe &pipe)
{
    if (!pipe.kernel.isValid())
        return;
    m_worker.pipes().release(pipe.kernel, pipe.inKernel == 0);
    pipe.kernel = {};
    pipe.inKernel = 0;
}

bool Session::drainKernel(Pipe &pipe)
{
    while (pipe.inKernel > 0) {
        const SocketOps::Result sent = PipePool::drain(pipe.kernel, pipe.to, pipe.inKernel);
        if (sent.ok() && sent.value > 0) {
            countBytes(pipe, sent.value);
            pipe.inKernel -= sent.value;
            if (pipe.inKernel > 0) {
                pipe.writable = false;  // short: the socket buffer is full
                return true;
            }
            continue;
        }
        if (sent.status == SocketOps::Status::WouldBlock) {
            pipe.writable = false;
            return true;
        }
        close(pipe.to == m_client ? Termination::ClientReset : Termination::BackendReset,
            QStringLiteral("%1 error: %2")
                .arg(pipe.to == m_client ? u"client" : u"backend",
                    sent.ok() ? QStringLiteral("splice moved nothing") : SocketOps::errorString(sent.error)));
        return false;
    }
    return true;
}

bool Session::spliceStep(Pipe &pipe, bool &progress)
{
    const SocketOps::Result got = PipePool::fill(pipe.kernel, pipe.from, RelayBuffer::Capacity);
    if (!got.ok()) {
        if (got.status == SocketOps::Status::WouldBlock) {
            // Drained: the pipe is empty, another flow may use it meanwhile.
            pipe.readable = false;
            releaseKernel(pipe);
            return true;
        }
        close(pipe.from == m_client ? Termination::ClientReset : Termination::BackendReset,
            QStringLiteral("%1 error: %2")
                .arg(pipe.from == m_client ? u"client" : u"backend", SocketOps::errorString(got.error)));
        return false;
    }
    progress = true;
    if (got.value == 0) {
        pipe.eof = true;
        pipe.readable = false;
        releaseKernel(pipe);
        endStream(pipe);
        return true;
    }
    // A short splice does not say the socket is drained (the pipe may have
    // run out of slots first): `readable` stays until a splice would block.
    pipe.inKernel = got.value;
    return !pipe.writable || drainKernel(pipe);
}

bool Session::step(Pipe &pipe, int &reads, bool &progress)
{
    if (pipe.inKernel > 0) {
        if (!pipe.writable)
            return true;
        if (!drainKernel(pipe))
            return false;
        if (pipe.inKernel > 0)
            return true;
        progress = true;
    }
    if (!pipe.pending.isEmpty()) {
        if (!pipe.writable)
            return true;
        if (!flush(pipe))
            return false;
        if (!pipe.pending.isEmpty())
            return true;
        progress = true;
    }
    if (pipe.eof) {
        endStream(pipe);
        return true;
    }
    // The pending buffer is empty here: the source is read only then (back-pressure).
    if (!pipe.readable || reads <= 0)
        return true;
    --reads;
    if (pipe.bulk && m_edgeTriggered && !pipe.kernel.isValid())
        pipe.kernel = m_worker.pipes().acquire();
    if (pipe.kernel.isValid())
        return spliceStep(pipe, progress);
    char *scratch = m_worker.scratch();
    bool exact = true;
    const SocketOps::Result got = receive(pipe.from, scratch, RelayBuffer::Capacity, &exact);
    if (!got.ok()) {
        if (got.status == SocketOps::Status::WouldBlock) {
            pipe.readable = false;
            return true;
        }
        close(pipe.from == m_client ? Termination::ClientReset : Termination::BackendReset,
            QStringLiteral("%1 error: %2")
                .arg(pipe.from == m_client ? u"client" : u"backend", ioError(pipe.from, got)));
        return false;
    }
    progress = true;
    if (got.value == 0) {
        pipe.eof = true;
        pipe.readable = false;
        endStream(pipe);
        return true;
    }
    if (!exact) {
        // A TLS read stops at a record: the socket may hold more, and
        // `readable` stays until a read would block.
    } else if (got.value < RelayBuffer::Capacity) {
        pipe.readable = false;
        pipe.eof = pipe.peerClosed;
    } else {
        // Not through TLS: splice would move the ciphertext around OpenSSL.
        pipe.bulk = !m_tls && m_worker.pipes().supported();
    }
    qint64 written = 0;
    if (pipe.writable) {
        const SocketOps::Result sent = transmit(pipe.to, scratch, got.value);
        if (sent.ok()) {
            written = sent.value;
            if (written < got.value)
                pipe.writable = false;
        } else if (sent.status == SocketOps::Status::WouldBlock) {
            pipe.writable = false;
        } else {
            close(pipe.to == m_client ? Termination::ClientReset : Termination::BackendReset,
                QStringLiteral("%1 error: %2")
                    .arg(pipe.to == m_client ? u"client" : u"backend", ioError(pipe.to, sent)));
            return false;
        }
    }
    if (written > 0)
        countBytes(pipe, written);
    if (written < got.value)
        pipe.pending.append(scratch + written, got.value - written);
    endStream(pipe);
    return true;
}

bool Session::pump()
{
    int reads = MaxReadsPerWakeUp;
    for (;;) {
        bool progress = false;
        if (!step(m_up, reads, progress) || !step(m_down, reads, progress))
            return false;
        if (!progress)
            break;
    }
    if (m_edgeTriggered && reads <= 0) {
        // Stopped early with bytes perhaps still waiting: no new edge would
        // come for them, so ask for the event again.
        if (m_up.readable && !m_up.eof && m_up.pending.isEmpty() && m_up.inKernel == 0)
            m_worker.poller().rearm(m_client);
        if (m_down.readable && !m_down.eof && m_down.pending.isEmpty() && m_down.inKernel == 0)
            m_worker.poller().rearm(m_backend);
    }
    return true;
}

int Session::wantedClientEvents() const
{
    int events = 0;
    if (m_state == State::Identifying || m_state == State::Peeking)
        return IoHandler::Readable;
    if (m_state == State::Handshaking)
        return m_tlsWantsWrite ? IoHandler::Writable : IoHandler::Readable;
    if (m_tlsWantsWrite)
        events |= IoHandler::Writable;
    if (m_state == State::Connecting) {
        if (!m_up.eof && m_up.pending.space() > HeaderRoom)
            events |= IoHandler::Readable;
        return events;
    }
    if (!m_up.eof && m_up.pending.isEmpty())
        events |= IoHandler::Readable;
    if (!m_down.pending.isEmpty())
        events |= IoHandler::Writable;
    return events;
}

int Session::wantedBackendEvents() const
{
    if (m_state == State::Connecting)
        return IoHandler::Writable;
    int events = 0;
    if (!m_down.eof && m_down.pending.isEmpty())
        events |= IoHandler::Readable;
    if (!m_up.pending.isEmpty())
        events |= IoHandler::Writable;
    return events;
}

void Session::updateInterest(SocketOps::Socket hungUp)
{
    if (m_edgeTriggered)
        return;  // registered once for both directions
    watch(m_client, m_clientInterest, wantedClientEvents(), hungUp == m_client);
    if (m_backend != SocketOps::InvalidSocket)
        watch(m_backend, m_backendInterest, wantedBackendEvents(), hungUp == m_backend);
}

void Session::watch(SocketOps::Socket fd, int &current, int wanted, bool hungUp)
{
    if (current == Detached) {
        // Set aside after a hang-up (below): back as soon as there is
        // something to do with it again.
        if (wanted != 0) {
            m_worker.poller().add(fd, this, wanted);
            current = wanted;
        }
        return;
    }
    if (wanted == 0 && hungUp) {
        // A hang-up or error is reported whatever the interest, on every
        // wake-up, for as long as the descriptor is watched. Nothing can be
        // done with this one until the other side takes the bytes buffered
        // for it (or ever, when both directions are finished), so stop
        // watching it meanwhile; otherwise the worker would spin, and every
        // spurious wake-up would count as activity against the idle timeout.
        m_worker.poller().remove(fd);
        current = Detached;
        return;
    }
    if (wanted != current) {
        m_worker.poller().modify(fd, wanted);
        current = wanted;
    }
}

void Session::finishIfDone()
{
    if (m_up.shutdownSent && m_down.shutdownSent)
        close(m_clientEndedFirst ? Termination::ClientClose : Termination::BackendClose, {});
}

void Session::ioReady(qintptr fd, int events)
{
    m_lastActivityMs = m_worker.nowMs();
    const bool hungUp = events & IoHandler::Closed;
    if (m_state == State::Identifying) {
        noteReadiness(fd, events);
        if (readProxyHeader())
            updateInterest(hungUp ? m_client : SocketOps::InvalidSocket);
        return;
    }
    if (m_state == State::Peeking) {
        noteReadiness(fd, events);
        if (readHello())
            updateInterest(hungUp ? m_client : SocketOps::InvalidSocket);
        return;
    }
    if (m_state == State::Handshaking) {
        if (continueHandshake())
            updateInterest(hungUp ? m_client : SocketOps::InvalidSocket);
        return;
    }
    if (m_state == State::Connecting) {
        if (fd == m_client) {
            if (hungUp) {
                // A client that reset is gone: there is no one to connect for.
                if (const int error = SocketOps::socketError(m_client)) {
                    close(Termination::ClientReset,
                        QStringLiteral("client reset while connecting: %1")
                            .arg(SocketOps::errorString(error)));
                    return;
                }
            }
            noteReadiness(fd, events);
            if (readClientWhileConnecting())
                updateInterest(hungUp ? m_client : SocketOps::InvalidSocket);
            return;
        }
        // epoll reports a failed connect as an error (Closed), so without one
        // the connection stands; other pollers only say Writable either way.
        const int error = hungUp || !m_edgeTriggered ? SocketOps::socketError(m_backend) : 0;
        if (error == 0 && !hungUp) {
            noteReadiness(fd, events);
            handleConnected();
            return;
        }
        failHost(error ? attemptResultOf(error) : AttemptResult::Unreachable,
            error ? SocketOps::errorString(error) : QStringLiteral("connection failed"));
        connectNext();
        return;
    }

    noteReadiness(fd, events);
    const bool client = fd == m_client;
    const Pipe &in = client ? m_up : m_down;  // bytes arriving on fd
    const Pipe &out = client ? m_down : m_up;  // bytes waiting to be written to fd
    if (!pump())
        return;
    if (hungUp && in.eof && out.pending.isEmpty() && !(m_up.shutdownSent && m_down.shutdownSent)) {
        // Hang-up or error on a side we have finished reading: a reset, or
        // the normal end once our own end of stream went out too. (When
        // both directions have ended, the session closes below anyway.)
        const int error = SocketOps::socketError(fd);
        if (error != 0 || !out.shutdownSent) {
            close(client ? Termination::ClientReset : Termination::BackendReset,
                error ? QStringLiteral("%1 reset: %2")
                            .arg(client ? u"client" : u"backend", SocketOps::errorString(error))
                      : QStringLiteral("%1 hung up").arg(client ? u"client" : u"backend"));
            return;
        }
    }
    updateInterest(hungUp ? fd : SocketOps::InvalidSocket);
    finishIfDone();
}

void Session::checkTimeouts(qint64 nowMs)
{
    if (m_state == State::Identifying) {
        if (nowMs >= m_connectDeadlineMs) {
            refuseProxy(Termination::ProxyTimeout,
                QStringLiteral("no complete PROXY header within %1 ms").arg(m_proxyTimeoutMs));
        }
        return;
    }
    if (m_state == State::Peeking) {
        const TlsRouter &router = *m_route->tls;
        const TlsRouter::Route *plain = router.plain();
        // A client that waits for the server to speak first (SSH) sends
        // nothing: after the plain route's silence it takes that route.
        if (plain && m_up.pending.isEmpty() && nowMs - m_peekStartMs >= plain->silenceMs) {
            takeRoute(plain);
            return;
        }
        if (nowMs >= m_connectDeadlineMs) {
            refuseTls(Termination::TlsPeekTimeout,
                m_up.pending.isEmpty()
                    ? QStringLiteral("nothing received within %1 ms").arg(router.peekTimeoutMs())
                    : QStringLiteral("no complete ClientHello within %1 ms (%2 bytes received)")
                          .arg(router.peekTimeoutMs())
                          .arg(m_up.pending.size()));
        }
        return;
    }
    if (m_state == State::Handshaking) {
        if (nowMs >= m_connectDeadlineMs) {
            refuseHandshake(Termination::TlsHandshakeTimeout,
                QStringLiteral("no complete TLS handshake within %1 ms").arg(m_tlsRoute->handshakeTimeoutMs));
        }
        return;
    }
    if (m_state == State::Connecting) {
        if (nowMs >= m_connectDeadlineMs) {
            failHost(AttemptResult::Timeout,
                QStringLiteral("connect timeout after %1 ms").arg(m_route->timeouts.connectMs));
            connectNext();
        }
        return;
    }
    const qint64 idle = m_route->timeouts.idleMs;
    if (idle > 0 && nowMs - m_lastActivityMs >= idle) {
        close(Termination::IdleTimeout, QStringLiteral("idle for %1 ms").arg(idle));
        return;
    }
    if (const ConnectionLog *log = m_worker.context().connectionLog; log && log->enabled()) {
        const qint64 interim = log->interimMs();
        if (interim > 0 && nowMs - m_lastRecordMs >= interim)
            record(ConnectionRecord::Event::Interim, nowMs);
    }
}

void Session::cut(Termination why)
{
    m_termination = why;
    delete this;
}

void Session::close(Termination why, const QString &reason)
{
    m_termination = why;
    if (!reason.isEmpty()) {
        m_detail = reason;
        qCDebug(lcNet, "service %s: closing client %s: %s", qUtf8Printable(m_route->service),
            qUtf8Printable(clientAddress()), qUtf8Printable(reason));
    }
    m_worker.sessionFinished(this);
    delete this;
}

}  // namespace Balancier
