#include "net/dispatchertimers.h"

#include <QCoreApplication>
#include <QTimerEvent>
#include <QVarLengthArray>

#include <algorithm>
#include <climits>

namespace Balancier {

DispatcherTimers::~DispatcherTimers() = default;

DispatcherTimers::Clock::time_point DispatcherTimers::firstDeadline(const Timer &timer, Clock::time_point now)
{
    if (timer.type == Qt::VeryCoarseTimer) {
        // Whole seconds, so that all very coarse timers wake the thread together.
        return Clock::time_point(
            std::chrono::round<std::chrono::seconds>((now + timer.period).time_since_epoch()));
    }
    return now + timer.period;
}

DispatcherTimers::Clock::time_point DispatcherTimers::nextDeadline(const Timer &timer, Clock::time_point now)
{
    const Clock::time_point next = timer.queued->first + timer.period;
    if (next > now || (timer.period == Clock::duration::zero() && next == now))
        return next;
    // Late (the thread was busy): skip the missed beats instead of firing a burst.
    const Clock::time_point restart = firstDeadline(timer, now);
    return restart > now ? restart : now + timer.period;
}

void DispatcherTimers::add(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (m_timers.count(timerId) != 0)
        remove(timerId);

    auto timer = std::make_unique<Timer>();
    timer->id = timerId;
    timer->interval = interval;
    timer->object = object;
    timer->serial = ++m_lastSerial;
    timer->type = timerType;
    // Qt's rule: beyond 20 s a 5% tolerance exceeds a second anyway.
    if (timerType == Qt::CoarseTimer && interval >= 20000)
        timer->type = Qt::VeryCoarseTimer;
    if (timer->type == Qt::VeryCoarseTimer)
        timer->period = std::chrono::seconds(std::max<qint64>(1, (interval + 500) / 1000));
    else
        timer->period = std::chrono::milliseconds(interval);

    Timer *raw = timer.get();
    raw->queued = m_queue.emplace(firstDeadline(*raw, Clock::now()), raw);
    m_byObject.emplace(object, timerId);
    m_timers.emplace(timerId, std::move(timer));
}

void DispatcherTimers::erase(Map::iterator it)
{
    Timer *timer = it->second.get();
    m_queue.erase(timer->queued);
    auto [first, last] = m_byObject.equal_range(timer->object);
    for (auto entry = first; entry != last; ++entry) {
        if (entry->second == timer->id) {
            m_byObject.erase(entry);
            break;
        }
    }
    m_timers.erase(it);
}

bool DispatcherTimers::remove(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    erase(it);
    return true;
}

bool DispatcherTimers::removeAll(QObject *object)
{
    QVarLengthArray<int, 8> ids;
    auto [first, last] = m_byObject.equal_range(object);
    for (auto entry = first; entry != last; ++entry)
        ids.append(entry->second);
    for (int id : ids)
        remove(id);
    return !ids.isEmpty();
}

QList<QAbstractEventDispatcher::TimerInfo> DispatcherTimers::timersOf(QObject *object) const
{
    QList<QAbstractEventDispatcher::TimerInfo> result;
    auto [first, last] = m_byObject.equal_range(object);
    for (auto entry = first; entry != last; ++entry) {
        const auto it = m_timers.find(entry->second);
        if (it != m_timers.end())
            result.append(QAbstractEventDispatcher::TimerInfo(
                it->second->id, int(it->second->interval), it->second->type));
    }
    return result;
}

int DispatcherTimers::remainingTime(int timerId) const
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    const Clock::duration left = it->second->queued->first - Clock::now();
    if (left <= Clock::duration::zero())
        return 0;
    return int(std::min<qint64>(std::chrono::ceil<std::chrono::milliseconds>(left).count(), INT_MAX));
}

int DispatcherTimers::nextTimeout() const
{
    if (m_queue.empty())
        return -1;
    const Clock::duration left = m_queue.begin()->first - Clock::now();
    if (left <= Clock::duration::zero())
        return 0;
    // Round up: waking a little early would only cost another wait.
    return int(std::min<qint64>(std::chrono::ceil<std::chrono::milliseconds>(left).count(), INT_MAX));
}

int DispatcherTimers::activate()
{
    if (m_queue.empty())
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
    for (auto it = m_queue.begin(); it != m_queue.end() && it->first <= now; ++it)
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
        m_queue.erase(timer->queued);
        timer->queued = m_queue.emplace(next, timer);
        if (timer->inDelivery)
            continue;

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
