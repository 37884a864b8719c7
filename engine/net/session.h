#pragma once

#include "net/connectionrecord.h"
#include "net/intrusivelist.h"
#include "net/iopoller.h"
#include "net/ipendpoint.h"
#include "net/pipepool.h"
#include "net/proxyprotocol.h"
#include "net/relaybuffer.h"
#include "net/sourcelimiter.h"
#include "net/termination.h"
#include "net/tlsrouter.h"
#include "platform/socketops.h"
#include "runtime/serviceroute.h"

#include <QString>
#include <QVarLengthArray>
#include <memory>

namespace Balancier {

class TlsStream;
class Worker;

/// One client connection paired with one backend connection.
///
/// Bytes flow both ways unchanged. A side is read only while the other side
/// has taken everything read so far (back-pressure): a connection never holds
/// more than 2 x RelayBuffer::Capacity. A half-close travels through: the
/// client's end of stream becomes shutdown(SHUT_WR) on the backend and the
/// response still flows back, and the same the other way.
///
/// Until a backend accepts, the client's bytes stay in the upstream buffer;
/// if the backend refuses, times out, is unreachable or unresolved, the host
/// is reported down and the next host the scheduler picks gets the same
/// bytes. Each host is tried at most once per client. Once a backend has
/// accepted, a failure closes both sides.
///
/// Bulk flows: once a read fills the whole 64 KiB scratch buffer, that
/// direction moves with splice(2) through a pipe from the worker's PipePool
/// (socket -> pipe -> socket, no copy into user space), as long as a pipe is
/// free; the bytes in the pipe count like the relay buffer's for
/// back-pressure, the counters and the half-close. Linux with epoll only.
///
/// System calls: on epoll both sockets are registered once, edge-triggered,
/// and never modified; the session keeps the readiness it learnt in each
/// Pipe (`readable`, `writable`) and reads or writes until a call is short
/// or would block. Elsewhere (level-triggered pollers) it switches interest
/// on and off as the buffers fill and drain. A read shorter than asked after
/// the peer's end of stream was announced (ReadClosed) is the end: no read
/// that returns 0. When the last direction ends, close() sends the FIN: no
/// shutdown() just before it.
///
/// Thread contract: created, driven and destroyed in one worker thread.
class Session final : public IoHandler
{
    Q_DISABLE_COPY_MOVE(Session)

public:
    /// `client` is already counted in EngineContext::activeClients (the
    /// acceptor reserved its place under the cap); the session releases
    /// that place when it is destroyed. `peer` is the address accept()
    /// returned; `id` is unique in this run (Worker::nextConnectionId()).
    Session(Worker &worker, SocketOps::Socket client, std::shared_ptr<const ServiceRoute> route,
        const IpEndpoint &peer, quint64 id);
    ~Session() override;

    /// Admits the client (the service's <acl> and <limit>, on
    /// m_clientAddress), then picks a host and connects. A refused client
    /// is closed at once (Termination::AclDenied, LimitConcurrent,
    /// LimitRate). The session may be destroyed before this returns.
    void start();

    /// For a listener with acceptproxy: refuses a peer outside `options`'
    /// trusted list at once (proxy-untrusted); else reads the PROXY header
    /// first ("identifying"), within options.timeoutMs, and then start()s
    /// with the header's client. `options` lives in this session's route.
    /// The session may be destroyed before this returns.
    void identify(const ListenerProxyRoute &options);

    /// For a listener with tls="terminate": start() completes the TLS
    /// handshake (within options.handshakeTimeoutMs) before it picks a host,
    /// and the relay then reads and writes the client through TLS.
    /// `options` lives in this session's route. Call before start() or identify().
    void setTls(const ListenerTlsRoute &options);

    /// After a terminated handshake: the name the client asked for (SNI),
    /// empty without one or without TLS. The seam for routing by the name a
    /// terminated handshake saw (<route sni>): it is known before the host is picked.
    QString tlsServerName() const;
    /// After a terminated handshake: the ALPN protocol chosen, or empty.
    QString tlsAlpn() const;

    void ioReady(qintptr fd, int events) override;

    /// Connect and idle timeouts; `nowMs` from the worker's monotonic clock.
    /// The session may be destroyed before this returns.
    void checkTimeouts(qint64 nowMs);

    /// Closes both sides at once (a drain deadline passed, the balancer
    /// stops, an operator closed it). Destroys the session.
    void cut(Termination why);

    /// Unique in this balancer's run: the connection log's id, the
    /// connection table's and PP2_TYPE_UNIQUE_ID.
    quint64 id() const { return m_id; }
    /// The client's address: the peer's, or the one its PROXY header carried.
    const IpEndpoint &client() const { return m_clientAddress; }
    /// The address the client connected to: the one its PROXY header
    /// carried, else the socket's own (asked once, when first needed).
    const IpEndpoint &local();

    /// The address the client reached, when it is known without asking
    /// the system (a listener on one address; later: a PROXY header).
    void setLocalAddress(const IpEndpoint &local) { m_localAddress = local; }

    bool isConnecting() const { return m_state == State::Connecting; }
    /// Waiting for the client's PROXY header (acceptproxy).
    bool isIdentifying() const { return m_state == State::Identifying; }
    /// Reading the client's TLS ClientHello to pick a route (<route>).
    bool isPeeking() const { return m_state == State::Peeking; }
    /// In the TLS handshake (tls="terminate").
    bool isHandshaking() const { return m_state == State::Handshaking; }

    /// The links of the worker's lists (all its sessions, those connecting):
    /// Worker's, not the session's.
    IntrusiveHook workerHook;
    IntrusiveHook connectingHook;
    /// Its row of the live connection table now; `nowMs` from the worker's clock.
    ConnectionRow row(qint64 nowMs) const;
    /// Age in milliseconds and bytes both ways, for the table's filters.
    qint64 ageMs(qint64 nowMs) const { return nowMs - m_acceptMs; }
    qint64 bytesIn() const { return m_bytesIn; }
    qint64 bytesOut() const { return m_bytesOut; }
    const QString &service() const { return m_route->service; }
    const QString &groupName() const;
    /// The backend's name; empty while none accepted or is being tried.
    QString backendName() const;
    /// The host this session holds a place on (connecting or connected), or nullptr.
    const HostRuntime *host() const { return m_hostAcquired ? m_host.get() : nullptr; }

private:
    enum class State
    {
        Identifying,  ///< reading the PROXY header (acceptproxy)
        Peeking,  ///< reading the TLS ClientHello, kept for the backend (<route>)
        Handshaking,  ///< in the TLS handshake with the client (tls="terminate")
        Connecting,
        Established,
    };

    /// One direction of the relay.
    struct Pipe
    {
        SocketOps::Socket from = SocketOps::InvalidSocket;
        SocketOps::Socket to = SocketOps::InvalidSocket;
        RelayBuffer pending;
        bool eof = false;  ///< `from` reported end of stream
        bool shutdownSent = false;  ///< `to` was half-closed after the last byte
        /// `from` may have bytes (or its end) to read: set by an event,
        /// cleared by a short read or one that would block.
        bool readable = false;
        /// `from` announced its end of stream (ReadClosed).
        bool peerClosed = false;
        /// `to` may take bytes: cleared by a short write or one that would
        /// block, set again by an event.
        bool writable = false;
        /// A read filled the whole scratch buffer: splice from now on.
        bool bulk = false;
        /// While splicing: the pipe the bytes go through, and how many are in it.
        PipePool::Pipe kernel;
        qint64 inKernel = 0;
    };

    /// Takes the TLS handshake as far as it goes now; on completion picks a
    /// host (connectNext()). False when the session closed or moved on.
    bool continueHandshake();
    /// Ends a connection whose TLS handshake failed or timed out: counted, logged (rate-limited).
    void refuseHandshake(Termination why, const QString &reason);
    /// recv() from `fd`, or SSL_read() when `fd` is a terminated client.
    /// `exact`: a short result says the socket is drained (false through
    /// TLS, whose reads stop at a record).
    SocketOps::Result receive(SocketOps::Socket fd, char *data, qint64 size, bool *exact);
    /// send() to `fd`, or SSL_write() when `fd` is a terminated client.
    SocketOps::Result transmit(SocketOps::Socket fd, const char *data, qint64 size);
    /// The end of stream toward `fd`: close_notify first through TLS.
    void sendEnd(SocketOps::Socket fd);
    /// How a failed receive()/transmit() on `fd` is told in the log.
    QString ioError(SocketOps::Socket fd, const SocketOps::Result &result) const;
    /// Reads what the client sent while identifying; false when the session closed.
    bool readProxyHeader();
    /// Ends a connection whose PROXY header was refused: counted per reason and logged (rate-limited).
    void refuseProxy(Termination why, const QString &reason);
    /// TLS routing: starts reading the ClientHello (bytes already read,
    /// e.g. after a PROXY header, count); false when the session closed.
    bool beginPeek();
    /// Reads what the client sent while peeking and routes once the hello
    /// says enough; false when the session closed or moved on.
    bool readHello();
    /// Looks at the bytes kept so far; false when the session closed or moved on.
    bool examineHello();
    /// Sends the client through `route` (nullptr: the enabled group) and connects.
    void takeRoute(const TlsRouter::Route *route);
    /// Ends a connection refused by TLS routing: counted, logged (rate-limited).
    void refuseTls(Termination why, const QString &reason);
    /// Puts the PROXY header `m_host` wants before the client's bytes; false when the session closed.
    bool queueProxyHeader();
    /// The service's <acl> and <limit>; false when the client was refused
    /// (the session is then destroyed).
    bool admit();
    /// True at most once a second per service (the refusal log's brake);
    /// when false, the refusal is counted as unlogged.
    bool refusalLogDue();
    /// Logs `what` about this client; call only when refusalLogDue() said so.
    void logRefusal(QLatin1StringView what, const QString &detail);
    void connectNext();
    void handleConnected();
    void failHost(AttemptResult result, const QString &reason);
    /// Hands a record of this session to the connection log (when it is on).
    void record(ConnectionRecord::Event event, qint64 nowMs);
    /// The listener's address the client reached (getsockname); asked only
    /// when the log or the table needs it.
    IpEndpoint localAddress() const;
    /// Before giving up on a client: end of stream rather than a reset.
    void endClientGracefully();
    /// False when the session closed.
    bool readClientWhileConnecting();
    /// Records what an event says about `fd` in the pipes.
    void noteReadiness(qintptr fd, int events);
    /// Moves bytes both ways until nothing more can move now (or a bound on
    /// reads per wake-up is reached); false when the session closed.
    bool pump();
    /// One step of one direction; sets `progress` when something moved.
    /// False when the session closed.
    bool step(Pipe &pipe, int &reads, bool &progress);
    /// Writes pending bytes; false when the session closed.
    bool flush(Pipe &pipe);
    /// One read through the pipe, and its write; false when the session closed.
    bool spliceStep(Pipe &pipe, bool &progress);
    /// Writes the bytes in the pipe; false when the session closed.
    bool drainKernel(Pipe &pipe);
    void releaseKernel(Pipe &pipe);
    /// Passes the end of stream on once everything before it went out.
    void endStream(Pipe &pipe);
    void countBytes(const Pipe &pipe, qint64 bytes);
    int wantedClientEvents() const;
    int wantedBackendEvents() const;
    /// Re-registers both sockets for what they are wanted for now.
    /// `hungUp`: the socket that just reported Closed, if any.
    void updateInterest(SocketOps::Socket hungUp = SocketOps::InvalidSocket);
    void watch(SocketOps::Socket fd, int &current, int wanted, bool hungUp);
    void finishIfDone();
    /// Ends the session `why`; `reason` is the detail for the log. Destroys the session.
    void close(Termination why, const QString &reason);
    QString clientAddress() const;

    Worker &m_worker;
    std::shared_ptr<const ServiceRoute> m_route;
    /// The group this client goes to: the route's enabled group, or the one
    /// a TLS route chose (kept alive by m_route).
    GroupRuntime *m_group = nullptr;
    /// The ClientHello's server name (TLS routing), for the log, the table and PROXY v2.
    QByteArray m_sni;
    /// The place in the source's open count (<limit perip>); declared after
    /// m_route, which keeps the limiter alive, so that it is released first.
    SourceLimiter::Ticket m_sourceTicket;
    std::shared_ptr<HostRuntime> m_host;  ///< current (or last tried) backend
    QVarLengthArray<const HostRuntime *, 4> m_tried;
    SocketOps::Socket m_client;
    SocketOps::Socket m_backend = SocketOps::InvalidSocket;
    Pipe m_up;  ///< client -> backend
    Pipe m_down;  ///< backend -> client
    State m_state = State::Connecting;
    /// Not in the poller: not yet added, finished, or set aside after a
    /// hang-up until there is something to do with it (watch()).
    static constexpr int Detached = -1;
    int m_clientInterest = Detached;
    int m_backendInterest = Detached;
    bool m_edgeTriggered = false;  ///< both sockets added with IoPoller::addEdgeTriggered()
    quint64 m_id;
    IpEndpoint m_clientAddress;
    quint64 m_clientKey;
    /// While identifying: the parser and the deadline's length (for the log).
    std::unique_ptr<ProxyProtocol::Parser> m_proxyParser;
    /// tls="terminate": the client's TLS connection, and its listener's options
    /// (in m_route). Null otherwise: the relay's calls stay plain.
    std::unique_ptr<TlsStream> m_tls;
    const ListenerTlsRoute *m_tlsRoute = nullptr;
    /// The last TLS call on the client wanted the socket writable (a
    /// handshake flight, a read that must answer a key update).
    bool m_tlsWantsWrite = false;
    qint64 m_proxyTimeoutMs = 0;
    qint64 m_peekStartMs = 0;
    /// While peeking: bytes the ClientHello needs before another parse can tell more.
    qsizetype m_helloNeeded = 0;  ///< when peeking began (the plain route's silence counts from here)
    Termination m_termination = Termination::None;
    bool m_clientEndedFirst = false;  ///< the client's stream ended before the backend's
    qint64 m_lastActivityMs = 0;
    qint64 m_connectDeadlineMs = 0;
    bool m_hostAcquired = false;
    bool m_counted = false;  ///< counted in the host's `total` and the scheduler
    // For the connection log and the table; times from the worker's clock.
    qint64 m_acceptMs = 0;
    qint64 m_connectedMs = -1;
    qint64 m_firstByteMs = -1;
    qint64 m_lastRecordMs = 0;  ///< the last connect or interim record
    qint64 m_bytesIn = 0;  ///< from the client, relayed
    qint64 m_bytesOut = 0;  ///< to the client, relayed
    PickCode m_pickCode = PickCode::None;
    qint32 m_pickA = 0;
    qint32 m_pickB = 0;
    QVarLengthArray<ConnectionRecord::Attempt, 4> m_attempts;
    QString m_detail;  ///< what ended it, when the system said something
    /// The address the client reached (after PROXY, when a header said it);
    /// invalid until asked (localAddress()).
    mutable IpEndpoint m_localAddress;
};

}  // namespace Balancier
