#pragma once

#include "net/dispatchertimers.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <atomic>

namespace Balancier {

/// What every Balancier event dispatcher does apart from the kernel's
/// readiness interface, written once for EpollEventDispatcher and
/// PortableEventDispatcher (poll, kqueue): the steps of a processEvents()
/// pass around the wait (posted events, aboutToBlock()/awake(), interrupt()),
/// the coalescing of wake-ups, the timers (DispatcherTimers, with the
/// argument and thread checks of registerTimer()), and the socket notifiers
/// of one descriptor. A dispatcher holds one as a member and forwards to it;
/// the wait, the descriptor table and the delivery to IoHandlers stay in the
/// dispatcher, so the hot path pays no virtual call for this.
///
/// Thread contract: owned by one dispatcher and used in its thread, except
/// claimWakeUp() and interrupt(), which are thread-safe (as the dispatcher's
/// wakeUp() and interrupt()).
class DispatcherCore final
{
    Q_DISABLE_COPY_MOVE(DispatcherCore)

public:
    /// `name` prefixes the warnings ("EpollEventDispatcher", ...).
    DispatcherCore(QAbstractEventDispatcher *dispatcher, const char *name);

    const char *name() const { return m_name; }

    /// One processEvents() call.
    struct Pass
    {
        bool mayWait = false;  ///< WaitForMoreEvents
        bool includeSockets = true;  ///< not ExcludeSocketNotifiers
        bool includeTimers = true;  ///< not X11ExcludeTimers
    };

    /// Opens a pass: awake() at once when it may not block, the posted
    /// events, aboutToBlock() when it may. False when interrupt() was called
    /// meanwhile: the pass is over (awake() emitted) and returns false.
    bool begin(QEventLoop::ProcessEventsFlags flags, Pass &pass);
    /// After the wait: awake() when the pass was allowed to block.
    void waited(const Pass &pass) const
    {
        if (pass.mayWait)
            emit m_dispatcher->awake();
    }
    /// Closes a pass: fires the due timers unless excluded; returns how many.
    int finish(const Pass &pass) { return pass.includeTimers ? m_timers.activate() : 0; }
    /// The wait's timeout in ms: 0 when it may not block, -1 for no limit.
    int waitTimeout(const Pass &pass) const
    {
        if (!pass.mayWait)
            return 0;
        return pass.includeTimers ? m_timers.nextTimeout() : -1;
    }
    /// With sockets excluded: waits on the wake-up descriptor alone (it
    /// stays O(1), and level-triggered sockets would make a full wait spin).
    /// True when it became readable; the caller drains it.
    bool waitForWakeUpOnly(qintptr wakeUpFd, const Pass &pass) const;

    /// wakeUp(): true when the caller must signal its wake-up descriptor.
    /// One signal per sleep is enough: a flood of cross-thread postEvent()
    /// calls then costs one system call, not one each.
    bool claimWakeUp() { return !m_wakeUpPending.exchange(true, std::memory_order_acq_rel); }
    /// Called after the wake-up descriptor was drained. Cleared only after
    /// reading: a wakeUp() in between finds the flag still set and skips its
    /// signal, but what it announced was posted before this point and the
    /// next pass sends it before waiting.
    void wakeUpDrained() { m_wakeUpPending.store(false, std::memory_order_release); }
    /// interrupt(): ends the current or next pass before it waits.
    void interrupt();

    /// registerTimer() with its checks (arguments, thread), warning when refused.
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object);
    DispatcherTimers &timers() { return m_timers; }
    const DispatcherTimers &timers() const { return m_timers; }

    /// The socket notifiers of one descriptor, by QSocketNotifier::Type.
    struct Notifiers
    {
        QSocketNotifier *byType[3] = {nullptr, nullptr, nullptr};

        /// Bit (1 << type) for each type with a notifier.
        int typeMask() const { return (byType[0] ? 0x1 : 0) | (byType[1] ? 0x2 : 0) | (byType[2] ? 0x4 : 0); }
    };
    /// registerSocketNotifier()'s thread check, warning when it fails.
    bool mayRegister(const QSocketNotifier *notifier) const;
    /// Puts `notifier` in `notifiers` (warning when it replaces another
    /// one); returns what it replaced, for restore() if the kernel refuses.
    static QSocketNotifier *attach(Notifiers &notifiers, QSocketNotifier *notifier);
    /// Undoes attach() after the kernel refused, with a warning saying why (errno).
    static void restore(Notifiers &notifiers, QSocketNotifier *notifier, QSocketNotifier *previous);
    /// Warns that `fd` cannot take notifiers: it is watched by an IoHandler.
    void warnHandlerWatched(qintptr fd) const;

    /// Sends SockAct to each notifier whose type is in `readyTypes` (bit
    /// 1 << type). `current()` returns the descriptor's Notifiers, or null
    /// once its registration is gone; it is asked again before each
    /// delivery, since a notifier's handler may remove or replace it.
    template<typename Current>
    static int activate(int readyTypes, Current current)
    {
        int delivered = 0;
        for (int type = QSocketNotifier::Read; type <= QSocketNotifier::Exception; ++type) {
            if (!(readyTypes & (1 << type)))
                continue;
            const Notifiers *notifiers = current();
            if (!notifiers)
                break;
            if (QSocketNotifier *notifier = notifiers->byType[type]) {
                QEvent activation(QEvent::SockAct);
                QCoreApplication::sendEvent(notifier, &activation);
                ++delivered;
            }
        }
        return delivered;
    }

private:
    QAbstractEventDispatcher *m_dispatcher;
    const char *m_name;
    std::atomic<bool> m_wakeUpPending{false};
    std::atomic<bool> m_interrupted{false};
    DispatcherTimers m_timers;
};

}  // namespace Balancier
