#include "net/portableeventdispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_WIN
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#else
#include <poll.h>
#endif

namespace Balancier {

namespace {

// Which readiness activates which QSocketNotifier type: as in Qt's UNIX
// dispatcher, an error or hang-up wakes every type.
constexpr int NotifierTriggers[3] = {
    0x1 | 0x8 | 0x10,  // Read: ReadyRead | ReadyError | ReadyInvalid
    0x2 | 0x8 | 0x10,  // Write: ReadyWrite | ReadyError | ReadyInvalid
    0x4 | 0x8 | 0x10,  // Exception: ReadyPriority | ReadyError | ReadyInvalid
};
constexpr int NotifierInterest[3] = {0x1, 0x2, 0x4};  // WantRead, WantWrite, WantPriority

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

int handlerInterest(int events)
{
    return ((events & IoHandler::Readable) ? 0x1 : 0) | ((events & IoHandler::Writable) ? 0x2 : 0);
}

// One descriptor, for the wait without sockets: poll() exists everywhere
// (WSAPoll() on Windows, where the wake-up channel is a socket).
int pollOne(qintptr fd, int timeoutMs)
{
#ifdef Q_OS_WIN
    WSAPOLLFD descriptor{};
    descriptor.fd = SOCKET(fd);
    descriptor.events = POLLRDNORM;
    const int count = ::WSAPoll(&descriptor, 1, timeoutMs);
    if (count < 0)
        errno = EINVAL;
    return count;
#else
    pollfd descriptor{};
    descriptor.fd = int(fd);
    descriptor.events = POLLIN;
    return ::poll(&descriptor, 1, timeoutMs);
#endif
}

}  // namespace

PortableEventDispatcher::PortableEventDispatcher(const char *name, QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_name(name)
{ }

PortableEventDispatcher::~PortableEventDispatcher() = default;

void PortableEventDispatcher::watchWakeUpChannel()
{
    if (!m_wakeUp.isValid() || !backendValid())
        return;
    if (!backendWatch(m_wakeUp.descriptor(), 0, 0, WantRead, m_wakeUpSlot)) {
        qErrnoWarning("%s: cannot watch the wake-up channel", m_name);
        return;
    }
    m_wakeUpWatched = true;
}

bool PortableEventDispatcher::isValid() const
{
    return m_wakeUpWatched && backendValid();
}

// ---------------------------------------------------------------- the loop

bool PortableEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
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
    // leaves the channel readable and the wait below returns at once.
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
        // A nested processEvents() from a handler reuses nothing of this
        // batch: take the vector out for the length of the pass.
        std::vector<Ready> ready;
        ready.swap(m_ready);
        ready.clear();
        backendWait(waitTimeout(mayWait, includeTimers), ready);
        if (mayWait)
            emit awake();
        for (const Ready &entry : ready)
            processed += dispatch(entry);
        ready.clear();
        if (m_ready.capacity() < ready.capacity())
            m_ready.swap(ready);
    } else {
        // Sockets stay ready (level-triggered), so waiting on all of them
        // would spin; wait on the wake-up channel alone.
        processed += waitForWakeUpOnly(mayWait, includeTimers);
        if (mayWait)
            emit awake();
    }

    if (includeTimers)
        processed += m_timers.activate();
    return processed > 0;
}

int PortableEventDispatcher::waitTimeout(bool mayWait, bool includeTimers) const
{
    if (!mayWait)
        return 0;
    return includeTimers ? m_timers.nextTimeout() : -1;
}

int PortableEventDispatcher::waitForWakeUpOnly(bool mayWait, bool includeTimers)
{
    for (;;) {
        const int count = pollOne(m_wakeUp.descriptor(), waitTimeout(mayWait, includeTimers));
        if (count > 0) {
            drainWakeUp();
            return 1;
        }
        if (count == 0)
            return 0;
        if (errno != EINTR) {
            qErrnoWarning("%s: poll failed", m_name);
            return 0;
        }
    }
}

int PortableEventDispatcher::dispatch(const Ready &ready)
{
    if (ready.serial == 0) {
        drainWakeUp();
        return 1;
    }
    // Look the registration up afresh for every delivery: an earlier handler
    // in this batch may have removed or replaced it (new serial).
    auto it = m_watches.find(ready.fd);
    if (it == m_watches.end() || it->second.serial != ready.serial)
        return 0;

    int delivered = 0;
    if (IoHandler *handler = it->second.handler) {
        int events = 0;
        if (ready.readiness & ReadyRead)
            events |= IoHandler::Readable;
        if (ready.readiness & ReadyWrite)
            events |= IoHandler::Writable;
        events &= it->second.events;
        if (ready.readiness & (ReadyError | ReadyInvalid))
            events |= IoHandler::Closed;
        if (events != 0) {
            handler->ioReady(ready.fd, events);
            delivered = 1;
        }
    } else {
        for (int type = QSocketNotifier::Read; type <= QSocketNotifier::Exception; ++type) {
            if (!(ready.readiness & NotifierTriggers[type]))
                continue;
            it = m_watches.find(ready.fd);
            if (it == m_watches.end() || it->second.serial != ready.serial)
                break;
            if (QSocketNotifier *notifier = it->second.notifiers[type]) {
                QEvent activation(QEvent::SockAct);
                QCoreApplication::sendEvent(notifier, &activation);
                ++delivered;
            }
        }
    }

    if (ready.readiness & ReadyInvalid) {
        // Still registered: it would be reported again on every pass.
        it = m_watches.find(ready.fd);
        if (it != m_watches.end() && it->second.serial == ready.serial) {
            qWarning("%s: descriptor %lld was closed without being removed; no longer watched", m_name,
                static_cast<long long>(ready.fd));
            forget(ready.fd);
        }
    }
    return delivered;
}

void PortableEventDispatcher::drainWakeUp()
{
    m_wakeUp.drain();
    // Clear the flag only after reading: a wakeUp() in between then finds the
    // flag still set and skips its write, but what it announced was posted
    // before this point and the next processEvents() sends it before waiting.
    m_wakeUpPending.store(false, std::memory_order_release);
}

void PortableEventDispatcher::wakeUp()
{
    // One write per sleep is enough: a flood of cross-thread postEvent()
    // calls then costs one system call, not one each.
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel))
        return;
    m_wakeUp.signal();
}

void PortableEventDispatcher::interrupt()
{
    m_interrupted.store(true, std::memory_order_release);
    wakeUp();
}

// ---------------------------------------------------------------- descriptors

quint32 PortableEventDispatcher::nextSerial()
{
    // Only 0 is reserved (the wake-up channel); wrapping is harmless, as a
    // stale event would have to survive 4 billion registrations in one batch.
    if (++m_lastSerial == 0)
        m_lastSerial = 1;
    return m_lastSerial;
}

bool PortableEventDispatcher::setInterest(qintptr fd, Watch &watch, int interest)
{
    if (watch.slot.registered && watch.interest == interest)
        return true;
    if (!watch.slot.registered)
        watch.serial = nextSerial();
    if (!backendWatch(fd, watch.serial, watch.interest, interest, watch.slot))
        return false;
    watch.interest = interest;
    return true;
}

void PortableEventDispatcher::forget(qintptr fd)
{
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    if (it->second.slot.registered)
        backendUnwatch(fd, it->second.interest, it->second.slot);
    m_watches.erase(it);
}

void PortableEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const qintptr fd = notifier->socket();
    const int type = notifier->type();
    if (Q_UNLIKELY(notifier->thread() != thread() || thread() != QThread::currentThread())) {
        qWarning("%s: socket notifier (%lld) cannot be enabled from another thread", m_name,
            static_cast<long long>(fd));
        return;
    }
    if (fd < 0) {
        qWarning("QSocketNotifier: Invalid socket %lld", static_cast<long long>(fd));
        return;
    }
    const bool isNew = m_watches.find(fd) == m_watches.end();
    Watch &watch = m_watches[fd];
    if (watch.handler) {
        qWarning("%s: socket %lld is already watched by an IoHandler", m_name, static_cast<long long>(fd));
        return;
    }
    if (watch.notifiers[type] && watch.notifiers[type] != notifier)
        qWarning("QSocketNotifier: Multiple socket notifiers for same socket %lld and type %s",
            static_cast<long long>(fd), notifierTypeName(type));

    QSocketNotifier *previous = watch.notifiers[type];
    watch.notifiers[type] = notifier;
    int interest = 0;
    for (int t = 0; t < 3; ++t) {
        if (watch.notifiers[t])
            interest |= NotifierInterest[t];
    }
    if (!setInterest(fd, watch, interest)) {
        const int error = errno;
        qWarning("QSocketNotifier: cannot watch socket %lld (%s): %s", static_cast<long long>(fd),
            notifierTypeName(type), std::strerror(error));
        watch.notifiers[type] = previous;
        if (isNew)
            m_watches.erase(fd);
    }
}

void PortableEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const qintptr fd = notifier->socket();
    const int type = notifier->type();
    const auto it = m_watches.find(fd);
    if (it == m_watches.end() || it->second.notifiers[type] != notifier)
        return;
    Watch &watch = it->second;
    watch.notifiers[type] = nullptr;
    int interest = 0;
    for (int t = 0; t < 3; ++t) {
        if (watch.notifiers[t])
            interest |= NotifierInterest[t];
    }
    if (interest != 0)
        setInterest(fd, watch, interest);
    else
        forget(fd);
}

bool PortableEventDispatcher::add(qintptr fd, IoHandler *handler, int events)
{
    if (!handler) {
        errno = EINVAL;
        return false;
    }
    if (fd < 0) {
        errno = EBADF;
        return false;
    }
    if (m_watches.find(fd) != m_watches.end()) {
        qWarning("%s: descriptor %lld is already watched", m_name, static_cast<long long>(fd));
        errno = EEXIST;
        return false;
    }
    Watch &watch = m_watches[fd];
    watch.handler = handler;
    watch.events = events & (IoHandler::Readable | IoHandler::Writable);
    if (!setInterest(fd, watch, handlerInterest(watch.events))) {
        const int error = errno;
        m_watches.erase(fd);
        errno = error;
        return false;
    }
    return true;
}

void PortableEventDispatcher::modify(qintptr fd, int events)
{
    const auto it = m_watches.find(fd);
    if (it == m_watches.end() || !it->second.handler) {
        qWarning("%s::modify: descriptor %lld is not registered", m_name, static_cast<long long>(fd));
        return;
    }
    it->second.events = events & (IoHandler::Readable | IoHandler::Writable);
    if (!setInterest(fd, it->second, handlerInterest(it->second.events)))
        qErrnoWarning("%s::modify: descriptor %lld", m_name, static_cast<long long>(fd));
}

void PortableEventDispatcher::remove(qintptr fd)
{
    const auto it = m_watches.find(fd);
    if (it != m_watches.end() && it->second.handler)
        forget(fd);
}

// ---------------------------------------------------------------- timers

void PortableEventDispatcher::registerTimer(
    int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (Q_UNLIKELY(timerId < 1 || interval < 0 || !object)) {
        qWarning("%s::registerTimer: invalid arguments", m_name);
        return;
    }
    if (Q_UNLIKELY(object->thread() != thread() || thread() != QThread::currentThread())) {
        qWarning("%s::registerTimer: timers cannot be started from another thread", m_name);
        return;
    }
    m_timers.add(timerId, interval, timerType, object);
}

bool PortableEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.remove(timerId);
}

bool PortableEventDispatcher::unregisterTimers(QObject *object)
{
    return m_timers.removeAll(object);
}

QList<QAbstractEventDispatcher::TimerInfo> PortableEventDispatcher::registeredTimers(QObject *object) const
{
    return m_timers.timersOf(object);
}

int PortableEventDispatcher::remainingTime(int timerId)
{
    return m_timers.remainingTime(timerId);
}

}  // namespace Balancier
