#include "net/epolleventdispatcher_linux.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QTimerEvent>
#include <QVarLengthArray>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include <poll.h>
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
constexpr quint32 NotifierTriggers[3] = {
    EPOLLIN | EPOLLHUP | EPOLLERR,  // QSocketNotifier::Read
    EPOLLOUT | EPOLLHUP | EPOLLERR,  // QSocketNotifier::Write
    EPOLLPRI | EPOLLHUP | EPOLLERR,  // QSocketNotifier::Exception
};
constexpr quint32 NotifierInterest[3] = {EPOLLIN, EPOLLOUT, EPOLLPRI};

const char *notifierTypeName(int type)
{
    switch (type) {
    case QSocketNotifier::Read:
        return "Read";
    case QSocketNotifier::Write:
        return "Write";
    default:
        return "Exception";
    }
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
    // As Qt's own dispatchers do: an interrupt() aimed at an earlier call does
    // not cut this one short (its wake-up still makes the wait return).
    m_interrupted.store(false, std::memory_order_relaxed);

    const bool mayWait = flags.testFlag(QEventLoop::WaitForMoreEvents);
    const bool includeSockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    const bool includeTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);

    if (!mayWait)
        emit awake();

    // postEvent() always calls wakeUp(), so anything posted after this call
    // leaves the eventfd readable and the wait below returns at once.
    QCoreApplication::sendPostedEvents();

    if (mayWait)
        emit aboutToBlock();

    if (m_interrupted.load(std::memory_order_acquire)) {
        if (mayWait)
            emit awake();
        return false;
    }

    int processed = 0;
    if (includeSockets) {
        epoll_event events[MaxEventsPerWait];
        const int count = waitForEvents(events, MaxEventsPerWait, mayWait, includeTimers);
        if (mayWait)
            emit awake();
        for (int i = 0; i < count; ++i)
            processed += dispatch(events[i]);
    } else {
        // Sockets stay ready (level-triggered), so waiting on the epoll set
        // would spin; wait on the wake-up descriptor alone, still O(1).
        processed += waitForWakeUpOnly(mayWait, includeTimers);
        if (mayWait)
            emit awake();
    }

    if (includeTimers)
        processed += activateTimers();
    return processed > 0;
}

int EpollEventDispatcher::waitTimeout(bool mayWait, bool includeTimers) const
{
    if (!mayWait)
        return 0;
    if (!includeTimers || m_timerQueue.empty())
        return -1;
    const Clock::duration left = m_timerQueue.begin()->first - Clock::now();
    if (left <= Clock::duration::zero())
        return 0;
    // Round up: waking a little early would only cost another wait.
    const qint64 ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
    return int(std::min<qint64>(ms, INT_MAX));
}

int EpollEventDispatcher::waitForEvents(epoll_event *events, int capacity, bool mayWait, bool includeTimers)
{
    for (;;) {
        const int count = epoll_wait(m_epollFd, events, capacity, waitTimeout(mayWait, includeTimers));
        if (count >= 0)
            return count;
        if (errno != EINTR) {
            qErrnoWarning("EpollEventDispatcher: epoll_wait failed");
            return 0;
        }
        // A signal arrived: wait again with the timeout recomputed from the deadlines.
    }
}

int EpollEventDispatcher::waitForWakeUpOnly(bool mayWait, bool includeTimers)
{
    pollfd descriptor{};
    descriptor.fd = m_wakeFd;
    descriptor.events = POLLIN;
    for (;;) {
        const int count = ::poll(&descriptor, 1, waitTimeout(mayWait, includeTimers));
        if (count > 0) {
            drainWakeUp();
            return 1;
        }
        if (count == 0)
            return 0;
        if (errno != EINTR) {
            qErrnoWarning("EpollEventDispatcher: poll failed");
            return 0;
        }
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

    int delivered = 0;
    for (int type = QSocketNotifier::Read; type <= QSocketNotifier::Exception; ++type) {
        if (!(event.events & NotifierTriggers[type]))
            continue;
        watch = watchFor(fd, false);
        if (!watch || watch->serial != serial)
            break;
        if (QSocketNotifier *notifier = watch->notifiers[type]) {
            QEvent activation(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &activation);
            ++delivered;
        }
    }
    return delivered;
}

void EpollEventDispatcher::drainWakeUp()
{
    eventfd_t value = 0;
    while (eventfd_read(m_wakeFd, &value) != 0 && errno == EINTR) { }
    // Clear the flag only after reading: a wakeUp() in between then finds the
    // flag still set and skips its write, but what it announced was posted
    // before this point and the next processEvents() sends it before waiting.
    m_wakeUpPending.store(false, std::memory_order_release);
}

void EpollEventDispatcher::wakeUp()
{
    // One write per sleep is enough; this keeps a flood of cross-thread
    // postEvent() calls from costing a syscall each.
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel))
        return;
    while (eventfd_write(m_wakeFd, 1) != 0 && errno == EINTR) { }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true, std::memory_order_release);
    wakeUp();
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
    const qintptr fd = notifier->socket();
    const int type = notifier->type();
    if (Q_UNLIKELY(notifier->thread() != thread() || thread() != QThread::currentThread())) {
        qWarning("EpollEventDispatcher: socket notifier (%lld) cannot be enabled from another thread",
            static_cast<long long>(fd));
        return;
    }
    Watch *watch = watchFor(fd, true);
    if (!watch) {
        qWarning("QSocketNotifier: Invalid socket %lld", static_cast<long long>(fd));
        return;
    }
    if (watch->handler) {
        qWarning("EpollEventDispatcher: socket %lld is already watched by an IoHandler",
            static_cast<long long>(fd));
        return;
    }
    if (watch->notifiers[type] && watch->notifiers[type] != notifier)
        qWarning("QSocketNotifier: Multiple socket notifiers for same socket %lld and type %s",
            static_cast<long long>(fd), notifierTypeName(type));

    QSocketNotifier *previous = watch->notifiers[type];
    watch->notifiers[type] = notifier;
    quint32 wanted = 0;
    for (int t = 0; t < 3; ++t) {
        if (watch->notifiers[t])
            wanted |= NotifierInterest[t];
    }
    if (!updateKernel(int(fd), *watch, wanted)) {
        const int error = errno;
        qWarning("QSocketNotifier: cannot watch socket %lld (%s): %s", static_cast<long long>(fd),
            notifierTypeName(type), std::strerror(error));
        watch->notifiers[type] = previous;
    }
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const qintptr fd = notifier->socket();
    const int type = notifier->type();
    Watch *watch = watchFor(fd, false);
    if (!watch || watch->notifiers[type] != notifier)
        return;
    watch->notifiers[type] = nullptr;
    quint32 wanted = 0;
    bool any = false;
    for (int t = 0; t < 3; ++t) {
        if (watch->notifiers[t]) {
            wanted |= NotifierInterest[t];
            any = true;
        }
    }
    if (any)
        updateKernel(int(fd), *watch, wanted);
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

EpollEventDispatcher::Clock::time_point EpollEventDispatcher::firstDeadline(
    const Timer &timer, Clock::time_point now) const
{
    if (timer.type == Qt::VeryCoarseTimer) {
        // Whole seconds, so that all very coarse timers wake the thread together.
        return Clock::time_point(
            std::chrono::round<std::chrono::seconds>((now + timer.period).time_since_epoch()));
    }
    return now + timer.period;
}

EpollEventDispatcher::Clock::time_point EpollEventDispatcher::nextDeadline(
    const Timer &timer, Clock::time_point now) const
{
    const Clock::time_point next = timer.queued->first + timer.period;
    if (next > now || (timer.period == Clock::duration::zero() && next == now))
        return next;
    // Late (the thread was busy): skip the missed beats instead of firing a burst.
    const Clock::time_point restart = firstDeadline(timer, now);
    return restart > now ? restart : now + timer.period;
}

void EpollEventDispatcher::registerTimer(
    int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (Q_UNLIKELY(timerId < 1 || interval < 0 || !object)) {
        qWarning("EpollEventDispatcher::registerTimer: invalid arguments");
        return;
    }
    if (Q_UNLIKELY(object->thread() != thread() || thread() != QThread::currentThread())) {
        qWarning("EpollEventDispatcher::registerTimer: timers cannot be started from another thread");
        return;
    }
    if (m_timers.count(timerId) != 0)
        unregisterTimer(timerId);

    auto timer = std::make_unique<Timer>();
    timer->id = timerId;
    timer->interval = interval;
    timer->object = object;
    timer->serial = ++m_lastTimerSerial;
    timer->type = timerType;
    // Qt's rule: beyond 20 s a 5% tolerance exceeds a second anyway.
    if (timerType == Qt::CoarseTimer && interval >= 20000)
        timer->type = Qt::VeryCoarseTimer;
    if (timer->type == Qt::VeryCoarseTimer)
        timer->period = std::chrono::seconds(std::max<qint64>(1, (interval + 500) / 1000));
    else
        timer->period = std::chrono::milliseconds(interval);

    const Clock::time_point now = Clock::now();
    Timer *raw = timer.get();
    raw->queued = m_timerQueue.emplace(firstDeadline(*raw, now), raw);
    m_timersByObject.emplace(object, timerId);
    m_timers.emplace(timerId, std::move(timer));
}

void EpollEventDispatcher::removeTimer(std::unordered_map<int, std::unique_ptr<Timer>>::iterator it)
{
    Timer *timer = it->second.get();
    m_timerQueue.erase(timer->queued);
    auto [first, last] = m_timersByObject.equal_range(timer->object);
    for (auto entry = first; entry != last; ++entry) {
        if (entry->second == timer->id) {
            m_timersByObject.erase(entry);
            break;
        }
    }
    m_timers.erase(it);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    removeTimer(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    QVarLengthArray<int, 8> ids;
    auto [first, last] = m_timersByObject.equal_range(object);
    for (auto entry = first; entry != last; ++entry)
        ids.append(entry->second);
    for (int id : ids)
        unregisterTimer(id);
    return !ids.isEmpty();
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> result;
    auto [first, last] = m_timersByObject.equal_range(object);
    for (auto entry = first; entry != last; ++entry) {
        const auto it = m_timers.find(entry->second);
        if (it != m_timers.end())
            result.append(TimerInfo(it->second->id, int(it->second->interval), it->second->type));
    }
    return result;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    const Clock::duration left = it->second->queued->first - Clock::now();
    if (left <= Clock::duration::zero())
        return 0;
    return int(std::min<qint64>(std::chrono::ceil<std::chrono::milliseconds>(left).count(), INT_MAX));
}

int EpollEventDispatcher::activateTimers()
{
    if (m_timerQueue.empty())
        return 0;
    const Clock::time_point now = Clock::now();

    // Snapshot the due timers first: a timer started or restarted during
    // this pass waits for the next one, and none fires twice in a pass.
    struct Due
    {
        int id;
        quint64 serial;
    };
    QVarLengthArray<Due, 32> due;
    for (auto it = m_timerQueue.begin(); it != m_timerQueue.end() && it->first <= now; ++it)
        due.append(Due{it->second->id, it->second->serial});

    int fired = 0;
    for (const Due &entry : due) {
        auto it = m_timers.find(entry.id);
        // Killed by an earlier handler, or killed and the id reused.
        if (it == m_timers.end() || it->second->serial != entry.serial)
            continue;
        Timer *timer = it->second.get();
        // Already delivered by a nested event loop run from a handler.
        if (timer->queued->first > now)
            continue;

        // Reschedule before delivering, so the handler may kill or restart it.
        const Clock::time_point next = nextDeadline(*timer, now);
        m_timerQueue.erase(timer->queued);
        timer->queued = m_timerQueue.emplace(next, timer);
        if (timer->inDelivery)
            continue;

        // Zero timers do not count as work: QCoreApplication::processEvents()
        // with a time limit loops while work was done.
        if (timer->period != Clock::duration::zero())
            ++fired;
        timer->inDelivery = true;
        QTimerEvent event(entry.id);
        QCoreApplication::sendEvent(timer->object, &event);
        // The handler may have deleted the object (and with it the timer).
        it = m_timers.find(entry.id);
        if (it != m_timers.end() && it->second->serial == entry.serial)
            it->second->inDelivery = false;
    }
    return fired;
}

}  // namespace Balancier
