#pragma once

#include "net/dispatchercore.h"
#include "net/iopoller.h"

#include <QAbstractEventDispatcher>

#include <vector>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

struct epoll_event;

namespace Balancier {

/// A Qt event dispatcher built on one epoll instance, for the worker threads.
///
/// Why: Qt's UNIX dispatcher rebuilds a pollfd array over every socket
/// notifier on each wake-up, so one event costs O(n) with n open sockets.
/// Here an event costs O(1): sockets stay registered with the kernel, and
/// timers live in a deadline-ordered map (DispatcherTimers: O(log t) per
/// timer operation, t = number of timers, independent of the number of
/// sockets). What does not depend on epoll (posted events, wake-up
/// coalescing, interrupt(), timers, notifier bookkeeping) is DispatcherCore,
/// shared with PortableEventDispatcher.
///
/// Both faces share the epoll instance: the Qt side (QSocketNotifier, so
/// QTcpSocket, QTcpServer and QLocalSocket work unchanged, plus timers and
/// posted events) and the IoPoller side (raw descriptors with direct
/// IoHandler callbacks, no QObject per descriptor). A descriptor is watched
/// either by socket notifiers or by one IoHandler, not both.
///
/// Semantics worth knowing:
///  - Level-triggered, except IoHandlers added with addEdgeTriggered()
///    (EPOLLET, with EPOLLRDHUP reported as ReadClosed). Each registration carries a serial number in its
///    epoll data, so an event queued for a registration that was removed
///    earlier in the same batch is dropped, even if the descriptor number has
///    been reused meanwhile.
///  - Timers: PreciseTimer and CoarseTimer fire at millisecond precision
///    (CoarseTimer at or above 20 s is treated as VeryCoarseTimer, as Qt
///    does); VeryCoarseTimer is rounded to whole seconds (at least one).
///    Each due timer fires at most once per processEvents() pass, never
///    recursively, and timers started during a pass wait for the next one.
///  - processEvents() emits awake() exactly once per call: after the wait
///    when it was allowed to block (WaitForMoreEvents, announced by
///    aboutToBlock() just before), otherwise at the start. The time between
///    aboutToBlock() and awake() is idle time.
///  - ExcludeSocketNotifiers suspends every socket (notifiers and IoHandlers)
///    for that call; X11ExcludeTimers suspends timers. There is no user
///    input here, so ExcludeUserInputEvents changes nothing, and neither does
///    EventLoopExec.
///  - Regular files cannot be watched with epoll; a QSocketNotifier on one is
///    refused with a warning.
///
/// Thread contract: create it anywhere, then install it with
/// QThread::setEventDispatcher() before the thread starts (or with
/// QCoreApplication::setEventDispatcher()); the thread owns it. From then on
/// every function runs in that thread, except wakeUp() and interrupt(),
/// which are thread-safe.
class EpollEventDispatcher final : public QAbstractEventDispatcher, public IoPoller
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EpollEventDispatcher)

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    /// False when the epoll instance or the wake-up eventfd could not be
    /// created (descriptor limit); such a dispatcher must not be installed.
    bool isValid() const;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

    // IoPoller
    bool add(qintptr fd, IoHandler *handler, int events) override;
    void modify(qintptr fd, int events) override;
    void remove(qintptr fd) override;
    bool addEdgeTriggered(qintptr fd, IoHandler *handler) override;
    void rearm(qintptr fd) override;
    void removeClosing(qintptr fd) override;
    const char *pollerName() const override { return "epoll"; }

    /// Descriptors currently registered (sockets and IoHandlers), for tests and stats.
    int watchedCount() const { return m_watched; }

private:
    /// What is registered for one descriptor, indexed by descriptor number.
    struct Watch
    {
        IoHandler *handler = nullptr;
        DispatcherCore::Notifiers notifiers;
        quint32 serial = 0;  ///< 0: nothing registered
        int events = 0;  ///< IoHandler::Event mask wanted by the handler
        quint32 epollEvents = 0;  ///< the mask currently given to the kernel
        bool edgeTriggered = false;  ///< an IoHandler registered with addEdgeTriggered()
    };

    Watch *watchFor(qintptr fd, bool create);
    bool addHandler(qintptr fd, IoHandler *handler, int events, bool edgeTriggered);
    bool updateKernel(int fd, Watch &watch, quint32 wanted);
    quint32 nextSerial();
    void forget(int fd, Watch &watch);

    int waitForEvents(epoll_event *events, int capacity, const DispatcherCore::Pass &pass);
    int dispatch(const epoll_event &event);
    void drainWakeUp();

    DispatcherCore m_core{this, "EpollEventDispatcher"};
    int m_epollFd = -1;
    int m_wakeFd = -1;

    std::vector<Watch> m_watches;
    quint32 m_lastSerial = 0;
    int m_watched = 0;
};

}  // namespace Balancier
