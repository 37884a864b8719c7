#include "net/dispatchercore.h"

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

// One descriptor: poll() exists everywhere (WSAPoll() on Windows, where the
// wake-up channel is a socket).
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

DispatcherCore::DispatcherCore(QAbstractEventDispatcher *dispatcher, const char *name)
    : m_dispatcher(dispatcher)
    , m_name(name)
{ }

bool DispatcherCore::begin(QEventLoop::ProcessEventsFlags flags, Pass &pass)
{
    // As Qt's own dispatchers do: an interrupt() aimed at an earlier call does
    // not cut this one short (its wake-up still makes the wait return).
    m_interrupted.store(false, std::memory_order_relaxed);

    pass.mayWait = flags.testFlag(QEventLoop::WaitForMoreEvents);
    pass.includeSockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    pass.includeTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);

    if (!pass.mayWait)
        emit m_dispatcher->awake();

    // postEvent() always calls wakeUp(), so anything posted after this call
    // leaves the wake-up descriptor readable and the wait returns at once.
    QCoreApplication::sendPostedEvents();

    if (pass.mayWait)
        emit m_dispatcher->aboutToBlock();

    if (m_interrupted.load(std::memory_order_acquire)) {
        waited(pass);
        return false;
    }
    return true;
}

bool DispatcherCore::waitForWakeUpOnly(qintptr wakeUpFd, const Pass &pass) const
{
    for (;;) {
        // The timeout is recomputed from the deadlines after a signal.
        const int count = pollOne(wakeUpFd, waitTimeout(pass));
        if (count >= 0)
            return count > 0;
        if (errno != EINTR) {
            qErrnoWarning("%s: poll failed", m_name);
            return false;
        }
    }
}

void DispatcherCore::interrupt()
{
    m_interrupted.store(true, std::memory_order_release);
    m_dispatcher->wakeUp();
}

void DispatcherCore::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (Q_UNLIKELY(timerId < 1 || interval < 0 || !object)) {
        qWarning("%s::registerTimer: invalid arguments", m_name);
        return;
    }
    const QThread *own = m_dispatcher->thread();
    if (Q_UNLIKELY(object->thread() != own || own != QThread::currentThread())) {
        qWarning("%s::registerTimer: timers cannot be started from another thread", m_name);
        return;
    }
    m_timers.add(timerId, interval, timerType, object);
}

bool DispatcherCore::mayRegister(const QSocketNotifier *notifier) const
{
    const QThread *own = m_dispatcher->thread();
    if (Q_LIKELY(notifier->thread() == own && own == QThread::currentThread()))
        return true;
    qWarning("%s: socket notifier (%lld) cannot be enabled from another thread", m_name,
        static_cast<long long>(notifier->socket()));
    return false;
}

QSocketNotifier *DispatcherCore::attach(Notifiers &notifiers, QSocketNotifier *notifier)
{
    const int type = notifier->type();
    QSocketNotifier *previous = notifiers.byType[type];
    if (previous && previous != notifier)
        qWarning("QSocketNotifier: Multiple socket notifiers for same socket %lld and type %s",
            static_cast<long long>(notifier->socket()), notifierTypeName(type));
    notifiers.byType[type] = notifier;
    return previous;
}

void DispatcherCore::restore(Notifiers &notifiers, QSocketNotifier *notifier, QSocketNotifier *previous)
{
    const int error = errno;
    const int type = notifier->type();
    qWarning("QSocketNotifier: cannot watch socket %lld (%s): %s", static_cast<long long>(notifier->socket()),
        notifierTypeName(type), std::strerror(error));
    notifiers.byType[type] = previous;
}

void DispatcherCore::warnHandlerWatched(qintptr fd) const
{
    qWarning("%s: socket %lld is already watched by an IoHandler", m_name, static_cast<long long>(fd));
}

}  // namespace Balancier
