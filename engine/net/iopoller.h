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
        Closed = 0x4,  ///< error or hang-up (EPOLLERR/EPOLLHUP); read to learn which
    };

    virtual ~IoHandler() = default;
    /// `events` is a mask of Event. The handler may modify or remove any
    /// registration, including its own, and may delete itself after removing it.
    virtual void ioReady(qintptr fd, int events) = 0;
};

/// Level-triggered readiness for raw non-blocking sockets, one per worker
/// thread. The data plane's hot path: no QObject, no event per wake-up.
///
/// Thread contract: an IoPoller belongs to the thread whose event loop runs
/// it; call it only from that thread. The cost of add/modify/remove and of
/// one delivered event does not depend on how many descriptors are watched
/// (epoll on Linux; elsewhere QSocketNotifier, whose cost depends on Qt's
/// dispatcher).
class IoPoller
{
public:
    virtual ~IoPoller() = default;

    /// `events` is a mask of IoHandler::Readable|Writable (0 watches only for errors).
    virtual bool add(qintptr fd, IoHandler *handler, int events) = 0;
    virtual void modify(qintptr fd, int events) = 0;
    virtual void remove(qintptr fd) = 0;

    /// The poller of the calling thread's event dispatcher when it has one
    /// (EpollEventDispatcher), else a QSocketNotifier-based poller owned by
    /// the thread. Never nullptr inside a thread with an event loop.
    static IoPoller *forCurrentThread();
};

}  // namespace Balancier
