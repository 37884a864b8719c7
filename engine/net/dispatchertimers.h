#pragma once

#include <QAbstractEventDispatcher>

#include <chrono>
#include <map>
#include <memory>
#include <unordered_map>

namespace Balancier {

/// The timers of one event dispatcher: a deadline-ordered map, O(log t) per
/// timer operation (t = number of timers). The one timer implementation of
/// every Balancier dispatcher (EpollEventDispatcher, PollEventDispatcher,
/// KqueueEventDispatcher), held by their DispatcherCore: PreciseTimer and
/// CoarseTimer at millisecond precision (CoarseTimer at or above 20 s
/// becomes VeryCoarseTimer, as in Qt), VeryCoarseTimer rounded to whole
/// seconds (at least one); each due timer fires at most once per activate()
/// pass, never recursively, and a timer started during a pass waits for the
/// next one.
///
/// Thread contract: owned by a dispatcher and used only in its thread.
class DispatcherTimers final
{
    Q_DISABLE_COPY_MOVE(DispatcherTimers)

public:
    DispatcherTimers() = default;
    ~DispatcherTimers();

    void add(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object);
    bool remove(int timerId);
    bool removeAll(QObject *object);
    QList<QAbstractEventDispatcher::TimerInfo> timersOf(QObject *object) const;
    /// Milliseconds until `timerId` is due, 0 when overdue, -1 when unknown.
    int remainingTime(int timerId) const;
    /// Milliseconds until the first deadline (rounded up), -1 with no timer.
    int nextTimeout() const;
    /// Sends a QTimerEvent for every due timer; returns how many fired
    /// (zero-interval timers do not count, as in Qt).
    int activate();

private:
    using Clock = std::chrono::steady_clock;
    struct Timer;
    using Queue = std::multimap<Clock::time_point, Timer *>;
    using Map = std::unordered_map<int, std::unique_ptr<Timer>>;

    struct Timer
    {
        int id = 0;
        qint64 interval = 0;  ///< as requested, in ms (reported by timersOf)
        Clock::duration period{};  ///< the interval actually used
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        quint64 serial = 0;  ///< tells a re-registered id from the original
        bool inDelivery = false;  ///< guards against recursive delivery from a nested loop
        Queue::iterator queued;
    };

    static Clock::time_point firstDeadline(const Timer &timer, Clock::time_point now);
    static Clock::time_point nextDeadline(const Timer &timer, Clock::time_point now);
    void erase(Map::iterator it);

    Map m_timers;
    std::unordered_multimap<const QObject *, int> m_byObject;
    Queue m_queue;
    quint64 m_lastSerial = 0;
};

}  // namespace Balancier
