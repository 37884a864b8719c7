#pragma once

#include <QtGlobal>

namespace Balancier {

/// Receives readiness for one descriptor registered with an IoPoller.
class IoHandler
{
public:
    enum Event : int
    {
        Readable = 0x1,
        Writable = 0x2,
        /// Error or hang-up (EPOLLERR/EPOLLHUP, POLLERR/POLLHUP), reported
        /// whatever was asked for; read or check SO_ERROR to learn which. The
        /// epoll and poll pollers report it (kqueue only with an error code);
        /// with Qt's notifiers a dead socket shows up as Readable/Writable
        /// and recv()/send() tell. So never rely on Closed alone.
        Closed = 0x4,
        /// The peer sent its end of stream (EPOLLRDHUP): everything it sent
        /// before is already in the receive queue, so a read that returns
        /// less than asked has reached the end. Only edge-triggered epoll
        /// registrations report it, always together with Readable.
        ReadClosed = 0x8,
    };

    virtual ~IoHandler() = default;
    /// `events` is a mask of Event, never 0. Readiness is level-triggered and
    /// may be spurious: the handler must cope with recv()/send() returning
    /// WouldBlock. The handler may add, modify or remove any registration,
    /// including its own, and may delete itself after removing it; events
    /// still queued for a removed registration are dropped, even when the
    /// descriptor number is reused at once (close + accept).
    virtual void ioReady(qintptr fd, int events) = 0;
};

/// Level-triggered readiness for raw non-blocking sockets, one per worker
/// thread. The data plane's hot path: no QObject, no event per wake-up.
///
/// Thread contract: an IoPoller belongs to the thread whose event loop runs
/// it; call it only from that thread. The handler is not owned. Remove a
/// descriptor before closing it. The cost of add/modify/remove and of one
/// delivered event does not depend on how many descriptors are watched
/// (epoll on Linux; elsewhere QSocketNotifier, whose cost depends on Qt's
/// dispatcher).
class IoPoller
{
public:
    virtual ~IoPoller() = default;

    /// `events` is a mask of IoHandler::Readable|Writable. With 0, the epoll
    /// poller reports only Closed and the portable poller reports nothing.
    /// Fails (false) for an invalid descriptor or one already registered.
    virtual bool add(qintptr fd, IoHandler *handler, int events) = 0;
    /// Changes the wanted events of a registered descriptor; cheap when unchanged.
    virtual void modify(qintptr fd, int events) = 0;
    /// Forgets a descriptor; no event is delivered for it afterwards. Does not close it.
    virtual void remove(qintptr fd) = 0;

    /// Watches `fd` for Readable and Writable, edge-triggered: an event
    /// comes when the descriptor becomes ready (data or a connection
    /// arrived, buffer space freed), not again while it stays ready. The
    /// handler reads until a read is short or would block, and writes until
    /// a write is short or would block, before it can count on another
    /// event; to stop early with work left, it calls rearm(). Never call
    /// modify() on such a registration. Saves the system calls that switch
    /// interest on and off. False where unsupported (the default: every
    /// poller but epoll) or on error; then use add().
    virtual bool addEdgeTriggered(qintptr fd, IoHandler *handler);
    /// For an edge-triggered registration: reports the descriptor again if
    /// it is still ready (one system call). No-op elsewhere.
    virtual void rearm(qintptr fd);
    /// remove() for a descriptor that the caller closes right after. epoll
    /// drops a descriptor from its set when it is closed, so the epoll poller
    /// skips the system call; this relies on the descriptor not being
    /// duplicated (dup(), or fork() without exec), which the engine never
    /// does (every socket is close-on-exec).
    virtual void removeClosing(qintptr fd);
    /// What waits for readiness: "epoll", "kqueue", "poll" (poll() or
    /// WSAPoll()) or "qt" (QSocketNotifier on Qt's own dispatcher). Shown in
    /// the log and in the statistics, so that a test can tell which ran.
    virtual const char *pollerName() const = 0;

    /// The poller of the calling thread's event dispatcher when it is one
    /// (EpollEventDispatcher, PollEventDispatcher, KqueueEventDispatcher),
    /// else a QSocketNotifier-based poller owned by the thread and destroyed
    /// when the thread finishes. nullptr only in a thread that has no Qt
    /// event dispatcher at all.
    static IoPoller *forCurrentThread();
};

}  // namespace Balancier
