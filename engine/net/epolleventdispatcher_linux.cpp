#include "net/epolleventdispatcher_linux.h"

#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Balancier {

namespace {

// One epoll_wait() returns at most this many events; the kernel rotates its
// ready list, so with more ready descriptors the rest come next time, fairly.
constexpr int MaxEventsPerWait = 256;

// Descriptor numbers index a vector. A garbage number (a QSocketNotifier on
// a bogus value) must not make it allocate gigabytes; real descriptors stay
// far below this (the kernel's nr_open default is 2^20).
constexpr qintptr MaxDescriptor = qintptr(1) << 24;

// Which epoll conditions activate which QSocketNotifier type: the same
// mapping as Qt's UNIX dispatcher (hang-up and error wake every type).
int notifierReadyTypes(quint32 events)
{
    const bool failed = events & (EPOLLHUP | EPOLLERR);
    return ((failed || (events & EPOLLIN)) ? 0x1 : 0) | ((failed || (events & EPOLLOUT)) ? 0x2 : 0)
        | ((failed || (events & EPOLLPRI)) ? 0x4 : 0);
}

// The kernel interest for DispatcherCore::Notifiers::typeMask().
quint32 notifierInterest(int typeMask)
{
    return ((typeMask & 0x1) ? quint32(EPOLLIN) : 0) | ((typeMask & 0x2) ? quint32(EPOLLOUT) : 0)
        | ((typeMask & 0x4) ? quint32(EPOLLPRI) : 0);
}

// An edge-triggered handler watches both directions for its whole life, and
// learns of the peer's end of stream from the event itself.
constexpr quint32 EdgeTriggeredInterest = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;

quint32 handlerInterest(int events)
{
    quint32 mask = 0;
    if (events & IoHandler::Readable)
        mask |= EPOLLIN;
    if (events & IoHandler::Writable)
        mask |= EPOLLOUT;
    return mask;
}

quint64 epollData(int fd, quint32 serial)
{
    return (quint64(serial) << 32) | quint32(fd);
}

}  // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
{
    m_epollFd = epoll_create1(EPOLL_CLOEXEC);
    if (m_epollFd < 0) {
        qErrnoWarning("EpollEventDispatcher: epoll_create1 failed");
        return;
    }
    m_wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_wakeFd < 0) {
        qErrnoWarning("EpollEventDispatcher: eventfd failed");
        return;
    }
    // Serial 0 marks the wake-up descriptor; registrations start at 1.
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = epollData(m_wakeFd, 0);
    if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_wakeFd, &event) != 0) {
        qErrnoWarning("EpollEventDispatcher: cannot watch the wake-up eventfd");
        ::close(m_wakeFd);
        m_wakeFd = -1;
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epollFd >= 0)
        ::close(m_epollFd);
}

bool EpollEventDispatcher::isValid() const
{
    return m_epollFd >= 0 && m_wakeFd >= 0;
}

// ---------------------------------------------------------------- the loop

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    DispatcherCore::Pass pass;
    if (!m_core.begin(flags, pass))
        return false;

    int processed = 0;
    if (pass.includeSockets) {
        epoll_event events[MaxEventsPerWait];
        const int count = waitForEvents(events, MaxEventsPerWait, pass);
        m_core.waited(pass);
        for (int i = 0; i < count; ++i)
            processed += dispatch(events[i]);
    } else {
        if (m_core.waitForWakeUpOnly(m_wakeFd, pass)) {
            drainWakeUp();
            ++processed;
        }
        m_core.waited(pass);
    }

    processed += m_core.finish(pass);
    return processed > 0;
}

int EpollEventDispatcher::waitForEvents(epoll_event *events, int capacity, const DispatcherCore::Pass &pass)
{
    for (;;) {
        const int count = epoll_wait(m_epollFd, events, capacity, m_core.waitTimeout(pass));
        if (count >= 0)
            return count;
        if (errno != EINTR) {
            qErrnoWarning("EpollEventDispatcher: epoll_wait failed");
            return 0;
        }
        // A signal arrived: wait again with the timeout recomputed from the deadlines.
    }
}

int EpollEventDispatcher::dispatch(const epoll_event &event)
{
    const int fd = int(quint32(event.data.u64));
    const quint32 serial = quint32(event.data.u64 >> 32);
    if (serial == 0) {
        drainWakeUp();
        return 1;
    }

    // Look the registration up afresh for every delivery: an earlier handler
    // in this batch may have removed it, replaced it (new serial) or grown
    // the table (which moves every Watch).
    Watch *watch = watchFor(fd, false);
    if (!watch || watch->serial != serial)
        return 0;

    if (IoHandler *handler = watch->handler) {
        int ready = 0;
        if (event.events & EPOLLIN)
            ready |= IoHandler::Readable;
        if (event.events & EPOLLOUT)
            ready |= IoHandler::Writable;
        ready &= watch->events;
        if (event.events & (EPOLLERR | EPOLLHUP))
            ready |= IoHandler::Closed;
        if ((event.events & EPOLLRDHUP) && watch->edgeTriggered)
            ready |= IoHandler::ReadClosed | IoHandler::Readable;
        if (ready == 0)
            return 0;
        handler->ioReady(fd, ready);
        return 1;
    }

    return DispatcherCore::activate(notifierReadyTypes(event.events), [this, fd, serial] {
        const Watch *current = watchFor(fd, false);
        return current && current->serial == serial ? &current->notifiers : nullptr;
    });
}

void EpollEventDispatcher::drainWakeUp()
{
    eventfd_t value = 0;
    while (eventfd_read(m_wakeFd, &value) != 0 && errno == EINTR) { }
    m_core.wakeUpDrained();
}

void EpollEventDispatcher::wakeUp()
{
    if (m_core.claimWakeUp()) {
        while (eventfd_write(m_wakeFd, 1) != 0 && errno == EINTR) { }
    }
}

void EpollEventDispatcher::interrupt()
{
    m_core.interrupt();
}

// ---------------------------------------------------------------- descriptors

EpollEventDispatcher::Watch *EpollEventDispatcher::watchFor(qintptr fd, bool create)
{
    if (fd < 0 || fd >= MaxDescriptor)
        return nullptr;
    const auto index = std::size_t(fd);
    if (index >= m_watches.size()) {
        if (!create)
            return nullptr;
        m_watches.resize(std::max<std::size_t>({index + 1, m_watches.size() * 2, 64}));
    }
    return &m_watches[index];
}

quint32 EpollEventDispatcher::nextSerial()
{
    // Wrapping after 4 billion registrations is harmless: a stale event would
    // need to survive that long inside one batch. Only 0 is reserved.
    if (++m_lastSerial == 0)
        m_lastSerial = 1;
    return m_lastSerial;
}

bool EpollEventDispatcher::updateKernel(int fd, Watch &watch, quint32 wanted)
{
    epoll_event event{};
    event.events = wanted;
    if (watch.serial == 0) {
        const quint32 serial = nextSerial();
        event.data.u64 = epollData(fd, serial);
        if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event) != 0) {
            // Still in the set although we forgot it: closed without remove()
            // while a duplicate keeps the file open. Take it over.
            if (errno != EEXIST || epoll_ctl(m_epollFd, EPOLL_CTL_MOD, fd, &event) != 0)
                return false;
        }
        watch.serial = serial;
        watch.epollEvents = wanted;
        ++m_watched;
        return true;
    }
    if (watch.epollEvents == wanted)
        return true;
    event.data.u64 = epollData(fd, watch.serial);
    if (epoll_ctl(m_epollFd, EPOLL_CTL_MOD, fd, &event) != 0) {
        // Closed and reopened under the same number without our knowledge.
        if (errno != ENOENT || epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event) != 0)
            return false;
    }
    watch.epollEvents = wanted;
    return true;
}

void EpollEventDispatcher::forget(int fd, Watch &watch)
{
    if (watch.serial != 0) {
        // EBADF/ENOENT: already closed, and closing left the set by itself.
        epoll_event unused{};
        epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, &unused);
        --m_watched;
    }
    watch = Watch{};
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    if (!m_core.mayRegister(notifier))
        return;
    const qintptr fd = notifier->socket();
    Watch *watch = watchFor(fd, true);
    if (!watch) {
        qWarning("QSocketNotifier: Invalid socket %lld", static_cast<long long>(fd));
        return;
    }
    if (watch->handler) {
        m_core.warnHandlerWatched(fd);
        return;
    }
    QSocketNotifier *previous = DispatcherCore::attach(watch->notifiers, notifier);
    if (!updateKernel(int(fd), *watch, notifierInterest(watch->notifiers.typeMask())))
        DispatcherCore::restore(watch->notifiers, notifier, previous);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const qintptr fd = notifier->socket();
    const int type = notifier->type();
    Watch *watch = watchFor(fd, false);
    if (!watch || watch->notifiers.byType[type] != notifier)
        return;
    watch->notifiers.byType[type] = nullptr;
    if (const int types = watch->notifiers.typeMask())
        updateKernel(int(fd), *watch, notifierInterest(types));
    else
        forget(int(fd), *watch);
}

bool EpollEventDispatcher::add(qintptr fd, IoHandler *handler, int events)
{
    return addHandler(fd, handler, events, false);
}

bool EpollEventDispatcher::addEdgeTriggered(qintptr fd, IoHandler *handler)
{
    return addHandler(fd, handler, IoHandler::Readable | IoHandler::Writable, true);
}

bool EpollEventDispatcher::addHandler(qintptr fd, IoHandler *handler, int events, bool edgeTriggered)
{
    if (!handler) {
        errno = EINVAL;
        return false;
    }
    Watch *watch = watchFor(fd, true);
    if (!watch) {
        errno = EBADF;
        return false;
    }
    if (watch->serial != 0) {
        qWarning("EpollEventDispatcher: descriptor %lld is already watched", static_cast<long long>(fd));
        errno = EEXIST;
        return false;
    }
    watch->handler = handler;
    watch->events = events & (IoHandler::Readable | IoHandler::Writable);
    watch->edgeTriggered = edgeTriggered;
    if (!updateKernel(
            int(fd), *watch, edgeTriggered ? EdgeTriggeredInterest : handlerInterest(watch->events))) {
        const int error = errno;
        *watch = Watch{};
        errno = error;
        return false;
    }
    return true;
}

void EpollEventDispatcher::modify(qintptr fd, int events)
{
    Watch *watch = watchFor(fd, false);
    if (!watch || !watch->handler) {
        qWarning(
            "EpollEventDispatcher::modify: descriptor %lld is not registered", static_cast<long long>(fd));
        return;
    }
    if (watch->edgeTriggered) {
        qWarning(
            "EpollEventDispatcher::modify: descriptor %lld is edge-triggered", static_cast<long long>(fd));
        return;
    }
    watch->events = events & (IoHandler::Readable | IoHandler::Writable);
    if (!updateKernel(int(fd), *watch, handlerInterest(watch->events)))
        qErrnoWarning("EpollEventDispatcher::modify: descriptor %lld", static_cast<long long>(fd));
}

void EpollEventDispatcher::rearm(qintptr fd)
{
    Watch *watch = watchFor(fd, false);
    if (!watch || !watch->handler || !watch->edgeTriggered)
        return;
    // EPOLL_CTL_MOD checks the descriptor's readiness afresh and queues an
    // event if it is ready, as if a new edge had come.
    epoll_event event{};
    event.events = watch->epollEvents;
    event.data.u64 = epollData(int(fd), watch->serial);
    if (epoll_ctl(m_epollFd, EPOLL_CTL_MOD, int(fd), &event) != 0)
        qErrnoWarning("EpollEventDispatcher::rearm: descriptor %lld", static_cast<long long>(fd));
}

void EpollEventDispatcher::remove(qintptr fd)
{
    Watch *watch = watchFor(fd, false);
    if (watch && watch->handler)
        forget(int(fd), *watch);
}

void EpollEventDispatcher::removeClosing(qintptr fd)
{
    Watch *watch = watchFor(fd, false);
    if (!watch || !watch->handler)
        return;
    // No EPOLL_CTL_DEL: the close() that follows takes it out of the set.
    // Events already fetched for it are dropped by their serial.
    if (watch->serial != 0)
        --m_watched;
    *watch = Watch{};
}

// ---------------------------------------------------------------- timers

void EpollEventDispatcher::registerTimer(
    int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    m_core.registerTimer(timerId, interval, timerType, object);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_core.timers().remove(timerId);
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    return m_core.timers().removeAll(object);
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    return m_core.timers().timersOf(object);
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    return m_core.timers().remainingTime(timerId);
}

}  // namespace Balancier
