#include "worker.h"

#include "logcategories.h"
#include "net/acceptor.h"
#include "net/relaybuffer.h"
#include "net/session.h"

#include <QThread>
#include <algorithm>
#include <vector>

namespace Balancier {

namespace {
constexpr int TickMs = 100;  // connect timeouts are checked this often
constexpr int IdleScanEveryTicks = 10;  // idle timeouts once a second
constexpr int PauseMs = 100;  // back-off when out of descriptors or at the cap
// Bulk flows spliced at once per worker: 128 descriptors, at most 4 MiB of pipe buffers.
constexpr int PipesPerWorker = 64;

// BALANCIER_SPLICE=0 copies every flow: to compare the two in a benchmark.
int pipesPerWorker()
{
    return qEnvironmentVariable("BALANCIER_SPLICE") == u"0" ? 0 : PipesPerWorker;
}
}  // namespace

Worker::Worker(EngineContext &context, int index)
    : m_context(context)
    , m_index(index)
    , m_scratch(std::make_unique<char[]>(RelayBuffer::Capacity))
    , m_pipes(pipesPerWorker())
{
    m_clock.start();
}

Worker::~Worker() = default;

IoPoller &Worker::poller()
{
    if (!m_poller) {
        Q_ASSERT(QThread::currentThread() == thread());
        m_poller = IoPoller::forCurrentThread();
        m_tick = new QTimer(this);
        m_tick->setInterval(TickMs);
        connect(m_tick, &QTimer::timeout, this, &Worker::handleTick);
        m_tick->start();
        m_resume = new QTimer(this);
        m_resume->setSingleShot(true);
        m_resume->setInterval(PauseMs);
        connect(m_resume, &QTimer::timeout, this, &Worker::resumeAccepting);
    }
    return *m_poller;
}

void Worker::addAcceptor(quint64 listenerId, const QString &configured, std::shared_ptr<ListenSocket> socket,
    std::shared_ptr<RouteSlot> slot)
{
    if (!m_accepting)
        return;
    auto *acceptor = new Acceptor(*this, configured, std::move(socket), std::move(slot));
    if (m_paused)
        acceptor->setEnabled(false);
    m_acceptors.insert(listenerId, acceptor);
}

void Worker::removeAcceptor(quint64 listenerId)
{
    const QList<Acceptor *> acceptors = m_acceptors.values(listenerId);
    m_acceptors.remove(listenerId);
    qDeleteAll(acceptors);
}

void Worker::retargetAcceptor(quint64 listenerId, std::shared_ptr<RouteSlot> slot)
{
    for (auto it = m_acceptors.find(listenerId); it != m_acceptors.end() && it.key() == listenerId; ++it)
        it.value()->setSlot(slot);
}

void Worker::stopAccepting()
{
    m_accepting = false;
    qDeleteAll(m_acceptors);
    m_acceptors.clear();
}

int Worker::cutSessions(Termination why)
{
    std::vector<Session *> sessions(m_sessions.begin(), m_sessions.end());
    m_sessions.clear();
    m_connecting.clear();
    for (Session *session : sessions)
        session->cut(why);
    return int(sessions.size());
}

bool Worker::closeConnection(quint64 id)
{
    for (Session *session : m_sessions) {
        if (session->id() == id) {
            sessionFinished(session);
            session->cut(Termination::AdminClose);
            return true;
        }
    }
    return false;
}

ConnectionPart Worker::listConnections(const ConnectionSelection &selection)
{
    const qint64 now = nowMs();
    // Keys first, rows only for those kept: a page of 20 among 100,000
    // connections builds 20 rows in this worker, not 100,000.
    struct Candidate
    {
        ConnectionOrderKey key;
        const Session *session;
    };
    std::vector<Candidate> candidates;
    for (const Session *session : m_sessions) {
        if (!selection.service.isEmpty() && session->service() != selection.service)
            continue;
        if (!selection.group.isEmpty() && session->groupName() != selection.group)
            continue;
        if (!selection.backend.isEmpty() && session->backendName() != selection.backend)
            continue;
        if (selection.client && !selection.client->contains(session->client()))
            continue;
        if (session->ageMs(now) < selection.minAgeMs)
            continue;
        if (session->bytesIn() + session->bytesOut() < selection.minBytes)
            continue;
        Candidate candidate{
            {session->ageMs(now), session->bytesIn() + session->bytesOut(), {}, session->id()}, session};
        if (selection.sort == u"client")
            candidate.key.text = session->client().toString();
        else if (selection.sort == u"backend")
            candidate.key.text = session->backendName();
        candidates.push_back(std::move(candidate));
    }
    ConnectionPart part;
    part.matched = qint64(candidates.size());
    const auto before = [&selection](const Candidate &a, const Candidate &b) {
        return connectionOrderBefore(selection.sort, a.key, b.key);
    };
    if (selection.keep >= 0 && qint64(candidates.size()) > selection.keep) {
        const auto end = candidates.begin() + std::ptrdiff_t(selection.keep);
        std::partial_sort(candidates.begin(), end, candidates.end(), before);
        candidates.erase(end, candidates.end());
    }
    part.rows.reserve(qsizetype(candidates.size()));
    for (const Candidate &candidate : candidates)
        part.rows.append(candidate.session->row(now));
    return part;
}

QHash<QString, Talker> Worker::talkers(const ConnectionSelection &selection)
{
    QHash<QString, Talker> result;
    for (const Session *session : m_sessions) {
        if (!selection.service.isEmpty() && session->service() != selection.service)
            continue;
        const QString prefix
            = IpPrefix::of(session->client(), selection.prefix4, selection.prefix6).toString();
        Talker &talker = result[prefix];
        talker.prefix = prefix;
        ++talker.open;
        talker.bytesIn += session->bytesIn();
        talker.bytesOut += session->bytesOut();
    }
    // Recent accepts: per second over the window, or over the span the
    // ring still holds when it wrapped within the window (a busy worker).
    if (m_accepted && m_acceptedCount > 0) {
        const qint64 now = nowMs();
        const quint64 kept = std::min<quint64>(m_acceptedCount, AcceptHistory);
        qint64 window = selection.rateWindowMs;
        if (kept == AcceptHistory) {
            const Accepted &oldest = m_accepted[std::size_t(m_acceptedCount % AcceptHistory)];
            window = std::min(window, std::max<qint64>(now - oldest.atMs, 1));
        }
        QHash<QString, int> recent;
        for (quint64 i = 0; i < kept; ++i) {
            const Accepted &entry = m_accepted[std::size_t((m_acceptedCount - 1 - i) % AcceptHistory)];
            if (now - entry.atMs > window)
                break;
            if (!selection.service.isEmpty() && entry.service != selection.service)
                continue;
            ++recent[IpPrefix::of(entry.client, selection.prefix4, selection.prefix6).toString()];
        }
        for (auto it = recent.cbegin(); it != recent.cend(); ++it) {
            Talker &talker = result[it.key()];
            talker.prefix = it.key();
            talker.ratePerSecond = double(it.value()) * 1000.0 / double(std::max<qint64>(window, 1));
        }
    }
    return result;
}

void Worker::noteAccepted(const IpEndpoint &client, const QString &service)
{
    if (!m_accepted)
        m_accepted = std::make_unique<Accepted[]>(AcceptHistory);
    Accepted &slot = m_accepted[std::size_t(m_acceptedCount % AcceptHistory)];
    slot.client = client;
    slot.atMs = nowMs();
    slot.service = service;
    ++m_acceptedCount;
}

int Worker::cutSessionsOf(const HostRuntime *host, Termination why)
{
    std::vector<Session *> cut;
    for (Session *session : m_sessions) {
        if (session->host() == host)
            cut.push_back(session);
    }
    for (Session *session : cut) {
        sessionFinished(session);
        session->cut(why);
    }
    return int(cut.size());
}

void Worker::shutdownNow()
{
    stopAccepting();
    cutSessions(Termination::Shutdown);
    delete m_tick;
    m_tick = nullptr;
    delete m_resume;
    m_resume = nullptr;
}

void Worker::sessionStarted(Session *session)
{
    m_sessions.insert(session);
    m_connecting.insert(session);
    m_openSessions.store(qint64(m_sessions.size()), std::memory_order_relaxed);
}

void Worker::sessionConnected(Session *session)
{
    if (m_scanConnecting && session == m_scanNext)
        m_scanNext = m_connecting.next(session);
    m_connecting.erase(session);
}

void Worker::sessionFinished(Session *session)
{
    if (session == m_scanNext) {
        if (m_scanConnecting)
            m_scanNext = m_connecting.contains(session) ? m_connecting.next(session) : nullptr;
        else
            m_scanNext = m_sessions.next(session);
    }
    m_sessions.erase(session);
    m_connecting.erase(session);
    m_openSessions.store(qint64(m_sessions.size()), std::memory_order_relaxed);
    // The session still counts until it is destroyed, just after this.
    if (m_context.capReached.load(std::memory_order_relaxed)) {
        const int cap = m_context.maxConnections.load(std::memory_order_relaxed);
        if (cap <= 0 || m_context.activeClients.load(std::memory_order_relaxed) <= cap) {
            if (m_context.capReached.exchange(false))
                qCInfo(lcNet, "below the connection cap again: accepting new clients");
        }
    }
    // A place under the cap or a descriptor is free now: a client waiting in
    // this worker's backlog need not wait for the back-off timer. (Another
    // worker's paused acceptors retry on their timer.)
    resumeAccepting();
}

void Worker::pauseAccepting()
{
    if (m_paused)
        return;
    m_paused = true;
    for (Acceptor *acceptor : std::as_const(m_acceptors))
        acceptor->setEnabled(false);
    m_resume->start();
}

void Worker::resumeAccepting()
{
    if (!m_paused)
        return;
    m_paused = false;
    m_resume->stop();
    for (Acceptor *acceptor : std::as_const(m_acceptors))
        acceptor->setEnabled(true);
}

void Worker::handleTick()
{
    const qint64 now = nowMs();
    const bool idleScan = ++m_ticks % IdleScanEveryTicks == 0;
    // checkTimeouts may destroy the session, which erases it from m_sessions.
    // checkTimeouts may destroy the session (and with it take it out of
    // both lists) or move it out of m_connecting: m_scanNext is the next one
    // to look at, moved on by sessionConnected() and sessionFinished().
    m_scanConnecting = !idleScan;
    m_scanNext = idleScan ? m_sessions.first() : m_connecting.first();
    while (Session *session = m_scanNext) {
        m_scanNext = m_scanConnecting ? m_connecting.next(session) : m_sessions.next(session);
        session->checkTimeouts(now);
    }
}

}  // namespace Balancier
