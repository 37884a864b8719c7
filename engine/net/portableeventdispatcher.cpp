#include "net/portableeventdispatcher.h"

#include <QSocketNotifier>

#include <cerrno>

namespace Balancier {

namespace {

// Which readiness activates which QSocketNotifier type (bit 1 << type): as
// in Qt's UNIX dispatcher, an error or hang-up wakes every type. ReadyRead,
// ReadyWrite and ReadyPriority are those bits already.
int notifierReadyTypes(int readiness)
{
    return (readiness & 0x8) || (readiness & 0x10) ? 0x7 : (readiness & 0x7);
}

int handlerInterest(int events)
{
    return ((events & IoHandler::Readable) ? 0x1 : 0) | ((events & IoHandler::Writable) ? 0x2 : 0);
}

}  // namespace

PortableEventDispatcher::PortableEventDispatcher(const char *name, QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_core(this, name)
{ }

PortableEventDispatcher::~PortableEventDispatcher() = default;

void PortableEventDispatcher::watchWakeUpChannel()
{
    if (!m_wakeUp.isValid() || !backendValid())
        return;
    if (!backendWatch(m_wakeUp.descriptor(), 0, 0, WantRead, m_wakeUpSlot)) {
        qErrnoWarning("%s: cannot watch the wake-up channel", m_core.name());
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
    DispatcherCore::Pass pass;
    if (!m_core.begin(flags, pass))
        return false;

    int processed = 0;
    if (pass.includeSockets) {
        // A nested processEvents() from a handler reuses nothing of this
        // batch: take the vector out for the length of the pass.
        std::vector<Ready> ready;
        ready.swap(m_ready);
        ready.clear();
        backendWait(m_core.waitTimeout(pass), ready);
        m_core.waited(pass);
        for (const Ready &entry : ready)
            processed += dispatch(entry);
        ready.clear();
        if (m_ready.capacity() < ready.capacity())
            m_ready.swap(ready);
    } else {
        if (m_core.waitForWakeUpOnly(m_wakeUp.descriptor(), pass)) {
            drainWakeUp();
            ++processed;
        }
        m_core.waited(pass);
    }

    processed += m_core.finish(pass);
    return processed > 0;
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
        delivered = DispatcherCore::activate(notifierReadyTypes(ready.readiness), [this, &ready] {
            const auto current = m_watches.find(ready.fd);
            return current != m_watches.end() && current->second.serial == ready.serial
                ? &current->second.notifiers
                : nullptr;
        });
    }

    if (ready.readiness & ReadyInvalid) {
        // Still registered: it would be reported again on every pass.
        it = m_watches.find(ready.fd);
        if (it != m_watches.end() && it->second.serial == ready.serial) {
            qWarning("%s: descriptor %lld was closed without being removed; no longer watched", m_core.name(),
                static_cast<long long>(ready.fd));
            forget(ready.fd);
        }
    }
    return delivered;
}

void PortableEventDispatcher::drainWakeUp()
{
    m_wakeUp.drain();
    m_core.wakeUpDrained();
}

void PortableEventDispatcher::wakeUp()
{
    if (m_core.claimWakeUp())
        m_wakeUp.signal();
}

void PortableEventDispatcher::interrupt()
{
    m_core.interrupt();
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
    if (!m_core.mayRegister(notifier))
        return;
    const qintptr fd = notifier->socket();
    if (fd < 0) {
        qWarning("QSocketNotifier: Invalid socket %lld", static_cast<long long>(fd));
        return;
    }
    const bool isNew = m_watches.find(fd) == m_watches.end();
    Watch &watch = m_watches[fd];
    if (watch.handler) {
        m_core.warnHandlerWatched(fd);
        return;
    }
    QSocketNotifier *previous = DispatcherCore::attach(watch.notifiers, notifier);
    if (!setInterest(fd, watch, watch.notifiers.typeMask())) {
        DispatcherCore::restore(watch.notifiers, notifier, previous);
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
    if (it == m_watches.end() || it->second.notifiers.byType[type] != notifier)
        return;
    Watch &watch = it->second;
    watch.notifiers.byType[type] = nullptr;
    if (const int interest = watch.notifiers.typeMask())
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
        qWarning("%s: descriptor %lld is already watched", m_core.name(), static_cast<long long>(fd));
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
        qWarning("%s::modify: descriptor %lld is not registered", m_core.name(), static_cast<long long>(fd));
        return;
    }
    it->second.events = events & (IoHandler::Readable | IoHandler::Writable);
    if (!setInterest(fd, it->second, handlerInterest(it->second.events)))
        qErrnoWarning("%s::modify: descriptor %lld", m_core.name(), static_cast<long long>(fd));
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
    m_core.registerTimer(timerId, interval, timerType, object);
}

bool PortableEventDispatcher::unregisterTimer(int timerId)
{
    return m_core.timers().remove(timerId);
}

bool PortableEventDispatcher::unregisterTimers(QObject *object)
{
    return m_core.timers().removeAll(object);
}

QList<QAbstractEventDispatcher::TimerInfo> PortableEventDispatcher::registeredTimers(QObject *object) const
{
    return m_core.timers().timersOf(object);
}

int PortableEventDispatcher::remainingTime(int timerId)
{
    return m_core.timers().remainingTime(timerId);
}

}  // namespace Balancier
