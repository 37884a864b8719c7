#pragma once

#include "net/dispatchercore.h"
#include "net/iopoller.h"
#include "net/wakeupchannel.h"

#include <QAbstractEventDispatcher>

#include <unordered_map>
#include <vector>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace Balancier {

/// The part of a Qt event dispatcher that does not depend on the kernel's
/// readiness interface: posted events, timers and notifier bookkeeping
/// (DispatcherCore, shared with EpollEventDispatcher), the wake-up channel, and the two ways to watch a
/// descriptor (QSocketNotifier, so that QTcpSocket, QTcpServer and QLocalSocket work unchanged, or one
/// IoHandler). A subclass supplies the readiness interface: poll()/WSAPoll()
/// (PollEventDispatcher) or kqueue (KqueueEventDispatcher, macOS).
///
/// The semantics are EpollEventDispatcher's: level-triggered; each
/// registration carries a serial number, so an event for a registration
/// removed earlier in the same batch is dropped even when the descriptor
/// number is reused meanwhile; awake() once per processEvents() call;
/// ExcludeSocketNotifiers suspends every socket, X11ExcludeTimers the timers.
/// A descriptor found invalid by the kernel (closed without being removed)
/// is reported once as Closed (an IoHandler) or activated (notifiers), with
/// a warning, and then forgotten, instead of making the thread spin.
///
/// Thread contract: create it anywhere, then install it with
/// QThread::setEventDispatcher() before the thread starts; the thread owns
/// it. From then on every function runs in that thread, except wakeUp() and
/// interrupt(), which are thread-safe.
class PortableEventDispatcher : public QAbstractEventDispatcher, public IoPoller
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortableEventDispatcher)

public:
    ~PortableEventDispatcher() override;

    /// False when the kernel interface or the wake-up channel could not be
    /// set up (descriptor limit); such a dispatcher must not be installed.
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

    /// Descriptors currently registered (sockets and IoHandlers), for tests and stats.
    int watchedCount() const { return int(m_watches.size()); }

protected:
    /// What the kernel is asked to watch.
    enum Interest : int
    {
        WantRead = 0x1,
        WantWrite = 0x2,
        WantPriority = 0x4,
    };
    /// What the kernel reported.
    enum Readiness : int
    {
        ReadyRead = 0x1,
        ReadyWrite = 0x2,
        ReadyPriority = 0x4,
        ReadyError = 0x8,  ///< error or hang-up
        ReadyInvalid = 0x10,  ///< not an open descriptor (closed without remove())
    };
    struct Ready
    {
        qintptr fd = -1;
        quint32 serial = 0;  ///< as given to backendWatch(); 0 is the wake-up channel
        int readiness = 0;
    };
    /// The subclass's per-descriptor state, kept with the registration.
    struct BackendSlot
    {
        bool registered = false;  ///< set by backendWatch(), cleared by backendUnwatch()
        qsizetype index = -1;  ///< free for the subclass (the poll set's entry)
    };

    explicit PortableEventDispatcher(const char *name, QObject *parent);

    /// Called once by the subclass's constructor when its kernel interface
    /// is ready: watches the wake-up channel (serial 0).
    void watchWakeUpChannel();
    const char *dispatcherName() const { return m_core.name(); }

    virtual bool backendValid() const = 0;
    /// Starts watching `fd` (when !slot.registered) or changes its interest
    /// from `oldInterest`. Interest 0 still watches, for errors where the
    /// kernel reports them. Returns false with errno set when refused.
    virtual bool backendWatch(qintptr fd, quint32 serial, int oldInterest, int interest, BackendSlot &slot)
        = 0;
    /// Stops watching `fd`, registered with `interest`; never fails.
    virtual void backendUnwatch(qintptr fd, int interest, BackendSlot &slot) = 0;
    /// Waits up to `timeoutMs` (-1: no limit) and appends what is ready.
    virtual void backendWait(int timeoutMs, std::vector<Ready> &ready) = 0;

private:
    struct Watch
    {
        IoHandler *handler = nullptr;
        DispatcherCore::Notifiers notifiers;
        quint32 serial = 0;
        int events = 0;  ///< IoHandler::Event mask wanted by the handler
        int interest = 0;  ///< Interest given to the kernel
        BackendSlot slot;
    };

    bool setInterest(qintptr fd, Watch &watch, int interest);
    void forget(qintptr fd);
    quint32 nextSerial();
    int dispatch(const Ready &ready);
    void drainWakeUp();

    DispatcherCore m_core;
    WakeUpChannel m_wakeUp;
    BackendSlot m_wakeUpSlot;
    bool m_wakeUpWatched = false;

    std::unordered_map<qintptr, Watch> m_watches;
    quint32 m_lastSerial = 0;
    std::vector<Ready> m_ready;  ///< reused by every pass
};

}  // namespace Balancier
