#pragma once

#include "net/connectionselection.h"
#include "net/enginecontext.h"
#include "net/intrusivelist.h"
#include "net/iopoller.h"
#include "net/ipendpoint.h"
#include "net/pipepool.h"
#include "net/session.h"
#include "net/termination.h"
#include "platform/socketops.h"
#include "runtime/serviceroute.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>

namespace Balancier {

class Acceptor;
class ListenSocket;
class Session;

/// One proxy thread: its acceptors and every session they accepted. Each
/// connection lives in exactly one worker for its whole life.
///
/// Thread contract: created in the control thread, then moved to its own
/// QThread (with the epoll dispatcher on Linux). The public slots are
/// called through queued QMetaObject::invokeMethod from the control thread;
/// everything else runs in the worker's thread. Sessions and acceptors are
/// destroyed by shutdownNow() in that thread before the thread quits.
class Worker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Worker)

public:
    Worker(EngineContext &context, int index);
    ~Worker() override;

    int index() const { return m_index; }
    EngineContext &context() const { return m_context; }

    // --- control thread, queued ---
    /// `configured`: the listener's address as the config writes it (the
    /// key of its PROXY options in the route).
    void addAcceptor(quint64 listenerId, const QString &configured, std::shared_ptr<ListenSocket> socket,
        std::shared_ptr<RouteSlot> slot);
    void removeAcceptor(quint64 listenerId);
    void retargetAcceptor(quint64 listenerId, std::shared_ptr<RouteSlot> slot);
    /// Deletes every acceptor (releasing its listening socket) and takes no
    /// new one. The engine calls it blocking, so that no client is accepted
    /// once shutdown() has returned.
    void stopAccepting();
    /// Closes every session now (`why`: Shutdown when the balancer stops);
    /// returns how many were cut.
    int cutSessions(Termination why = Termination::Shutdown);
    /// Closes every session that holds `host` now (its drain timeout
    /// passed, `why` DrainDeadline; health marked it down, HostDown; it is a
    /// backup that gave way, BackupShutdown); returns how many were cut. The other sessions go on.
    int cutSessionsOf(const HostRuntime *host, Termination why = Termination::DrainDeadline);
    /// Closes connection `id` (Termination::AdminClose); false when this worker has none such.
    bool closeConnection(quint64 id);
    /// Its open connections that match `selection`, as the table shows them.
    /// How many match, and rows for the first `selection.keep` in its order only.
    ConnectionPart listConnections(const ConnectionSelection &selection);
    /// Its open connections and recent accepts by client prefix
    /// (selection.prefix4/prefix6), of `selection.service` or all.
    QHash<QString, Talker> talkers(const ConnectionSelection &selection);
    /// Frees everything that uses the poller; call (blocking) before the thread quits.
    void shutdownNow();

    // --- worker thread ---
    IoPoller &poller();
    qint64 nowMs() const { return m_clock.elapsed(); }
    /// 64 KiB scratch space for one read; never kept across events.
    char *scratch() { return m_scratch.get(); }
    /// The pipes this worker's sessions splice bulk flows through.
    PipePool &pipes() { return m_pipes; }
    /// A new session, connecting to its first backend.
    void sessionStarted(Session *session);
    /// A connection id unique in this run: the worker's index + 1 in the top
    /// 16 bits, a counter below (Session::id()).
    quint64 nextConnectionId() { return (quint64(m_index + 1) << 48) | ++m_connectionCounter; }
    /// Its backend accepted: only the idle scan looks at it from now on.
    void sessionConnected(Session *session);
    void sessionFinished(Session *session);
    /// Pauses every acceptor for a moment: out of descriptors, or the global cap reached.
    void pauseAccepting();
    /// A client was accepted (for the talkers' recent accept rate). Cheap:
    /// a slot of a fixed ring is overwritten.
    void noteAccepted(const IpEndpoint &client, const QString &service);
    /// Every connection its acceptors took (refused ones too), and its
    /// sessions open now: how evenly SO_REUSEPORT spreads the clients.
    /// Written by its thread, read from any (statistics).
    void countAccepted()
    {
        m_acceptedTotal.store(m_acceptedTotal.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }
    quint64 acceptedTotal() const { return m_acceptedTotal.load(std::memory_order_relaxed); }
    qint64 openSessions() const { return m_openSessions.load(std::memory_order_relaxed); }

private:
    void handleTick();
    void resumeAccepting();

    EngineContext &m_context;
    const int m_index;
    quint64 m_connectionCounter = 0;
    IoPoller *m_poller = nullptr;
    QElapsedTimer m_clock;
    std::unique_ptr<char[]> m_scratch;
    PipePool m_pipes;
    // Several per listener when it has more sockets than there are workers
    // (sockets inherited from a process with more workers).
    QMultiHash<quint64, Acceptor *> m_acceptors;
    IntrusiveList<Session, &Session::workerHook> m_sessions;
    // The sessions still connecting: the 100 ms connect-timeout check walks
    // only these, so its cost does not grow with the idle connections.
    IntrusiveList<Session, &Session::connectingHook> m_connecting;
    /// While handleTick() scans: the next session to look at, and which list it walks.
    Session *m_scanNext = nullptr;
    bool m_scanConnecting = false;
    struct Accepted
    {
        IpEndpoint client;
        qint64 atMs = -1;
        QString service;
    };
    static constexpr int AcceptHistory = 4096;
    std::unique_ptr<Accepted[]> m_accepted;
    quint64 m_acceptedCount = 0;
    std::atomic<quint64> m_acceptedTotal{0};
    std::atomic<qint64> m_openSessions{0};
    QTimer *m_tick = nullptr;
    QTimer *m_resume = nullptr;
    int m_ticks = 0;
    bool m_accepting = true;
    bool m_paused = false;
};

}  // namespace Balancier
