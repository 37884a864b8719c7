#include "net/eventdispatcherfactory.h"
#include "net/iopoller.h"
#include "net/notifierpoller.h"
#include "net/portableeventdispatcher.h"
#include "platform/socketops.h"
#include "stubbackend.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#ifdef Q_OS_LINUX
#include "net/epolleventdispatcher_linux.h"
#endif

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// A QThread running its own event loop, with the given dispatcher (nullptr:
/// Qt's default), and a context object living there to run code in it.
class Worker
{
    Q_DISABLE_COPY_MOVE(Worker)

public:
    explicit Worker(QAbstractEventDispatcher *dispatcher)
    {
        if (dispatcher)
            m_thread.setEventDispatcher(dispatcher);
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        // Deleted in the thread, after its loop, before its dispatcher.
        QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
        m_thread.start();
    }
    ~Worker() { stop(); }

    bool stop(int timeout = 10000)
    {
        m_thread.quit();
        return m_thread.wait(timeout);
    }
    QThread *thread() { return &m_thread; }
    QObject *context() const { return m_context; }

    /// Runs `function` in the worker thread and returns its result.
    template<typename Function>
    auto run(Function function)
    {
        using Result = std::invoke_result_t<Function>;
        if constexpr (std::is_void_v<Result>) {
            QMetaObject::invokeMethod(m_context, std::move(function), Qt::BlockingQueuedConnection);
        } else {
            Result result{};
            QMetaObject::invokeMethod(m_context, std::move(function), Qt::BlockingQueuedConnection, &result);
            return result;
        }
    }
    /// Queues `function` in the worker thread without waiting.
    template<typename Function>
    void post(Function function)
    {
        QMetaObject::invokeMethod(m_context, std::move(function), Qt::QueuedConnection);
    }
    /// Lets the worker go round its loop a few times, so that whatever was
    /// ready before the call has been delivered when it returns.
    void settle()
    {
        for (int i = 0; i < 3; ++i)
            run([] {});
    }

private:
    QThread m_thread;
    QObject *m_context = nullptr;
};

// `epoll`: the engine's own worker dispatcher, as BALANCIER_POLLER chooses
// it (epoll by default on Linux; ctest runs this suite a second time with
// BALANCIER_POLLER=poll, as tst_eventdispatcher_poll). Else Qt's default.
std::unique_ptr<Worker> startWorker(bool epoll)
{
    QAbstractEventDispatcher *dispatcher = nullptr;
    if (epoll) {
        dispatcher = createWorkerEventDispatcher(pollerSettingFromEnvironment().choice);
        if (!dispatcher)
            return nullptr;
    }
    return std::make_unique<Worker>(dispatcher);
}

#define START_WORKER(epoll)                                                                                  \
    const std::unique_ptr<Worker> worker = startWorker(epoll);                                               \
    if (!worker)                                                                                             \
        QSKIP("no epoll dispatcher on this platform");

/// Receives timer events through a callback.
class TimerProbe final : public QObject
{
public:
    using QObject::QObject;
    std::function<void(int)> onTimer;

protected:
    void timerEvent(QTimerEvent *event) override
    {
        if (onTimer)
            onTimer(event->timerId());
    }
};

/// A posted event carrying a sequence number.
class SequenceEvent final : public QEvent
{
public:
    static QEvent::Type eventType()
    {
        static const auto type = QEvent::Type(QEvent::registerEventType());
        return type;
    }
    explicit SequenceEvent(int sequence)
        : QEvent(eventType())
        , m_sequence(sequence)
    { }
    int sequence() const { return m_sequence; }

private:
    int m_sequence;
};

class EventProbe final : public QObject
{
public:
    using QObject::QObject;
    QList<int> received;  ///< worker thread only
    std::atomic<int> count{0};
    std::atomic<QThread *> thread{nullptr};

protected:
    bool event(QEvent *event) override
    {
        if (event->type() != SequenceEvent::eventType())
            return QObject::event(event);
        received.append(static_cast<SequenceEvent *>(event)->sequence());
        thread = QThread::currentThread();
        ++count;
        return true;
    }
};

class CallbackHandler final : public IoHandler
{
public:
    explicit CallbackHandler(std::function<void(qintptr, int)> callback)
        : m_callback(std::move(callback))
    { }
    void ioReady(qintptr fd, int events) override { m_callback(fd, events); }

private:
    std::function<void(qintptr, int)> m_callback;
};

/// Drains its descriptor and counts, checking it is called for its own descriptor.
class CountingHandler final : public IoHandler
{
public:
    CountingHandler(qintptr fd, std::atomic<int> *total, std::atomic<int> *wrongDescriptor)
        : m_fd(fd)
        , m_total(total)
        , m_wrongDescriptor(wrongDescriptor)
    { }
    void ioReady(qintptr fd, int events) override
    {
        if (fd != m_fd || !(events & Readable))
            ++*m_wrongDescriptor;
        char buffer[64];
        while (SocketOps::recv(fd, buffer, sizeof buffer).value > 0) { }
        ++count;
        ++*m_total;
    }
    qintptr fd() const { return m_fd; }
    int count = 0;  ///< worker thread only

private:
    qintptr m_fd;
    std::atomic<int> *m_total;
    std::atomic<int> *m_wrongDescriptor;
};

/// Removes and closes its descriptor, then deletes itself, from its own callback.
class SelfDeletingHandler final : public IoHandler
{
public:
    SelfDeletingHandler(IoPoller *poller, std::atomic<int> *deleted)
        : m_poller(poller)
        , m_deleted(deleted)
    { }
    ~SelfDeletingHandler() override { ++*m_deleted; }
    void ioReady(qintptr fd, int) override
    {
        // Drained first, so that the peer sees a clean end of stream, not a reset.
        char buffer[64];
        while (SocketOps::recv(fd, buffer, sizeof buffer).value > 0) { }
        m_poller->remove(fd);
        SocketOps::close(fd);
        delete this;
    }

private:
    IoPoller *m_poller;
    std::atomic<int> *m_deleted;
};

#ifdef Q_OS_UNIX
std::atomic<int> signalsHandled{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void countSignal(int)
{
    ++signalsHandled;
}
#endif

/// A connected pair of non-blocking stream sockets.
struct Pair
{
    qintptr a = -1;
    qintptr b = -1;
};

Pair makePair()
{
#ifdef Q_OS_UNIX
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
        return {};
    for (int fd : fds) {
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    return {fds[0], fds[1]};
#else
    // Through loopback TCP where there is no socketpair().
    const SocketOps::Result listener = SocketOps::createTcpSocket(AF_INET);
    if (!listener.ok())
        return {};
    Pair pair;
    quint16 port = 0;
    if (SocketOps::bind(listener.socket(), QHostAddress::LocalHost, 0).ok()
        && SocketOps::listen(listener.socket()).ok()
        && SocketOps::localAddress(listener.socket(), nullptr, &port)) {
        const SocketOps::Result client = SocketOps::createTcpSocket(AF_INET);
        sockaddr_storage address{};
        socklen_t length = 0;
        SocketOps::toSockaddr(QHostAddress::LocalHost, port, &address, &length);
        if (client.ok()) {
            SocketOps::connect(client.socket(), address, length);
            for (int i = 0; i < 5000 && pair.b < 0; ++i) {
                const SocketOps::Result accepted = SocketOps::accept(listener.socket());
                if (accepted.ok())
                    pair = {client.socket(), accepted.socket()};
                else
                    QTest::qWait(1);
            }
        }
    }
    SocketOps::close(listener.socket());
    return pair;
#endif
}

/// Waits in the test's thread, without sleeping, until `fd` is readable.
bool waitReadable(qintptr fd)
{
    QSocketNotifier notifier(fd, QSocketNotifier::Read);
    QSignalSpy spy(&notifier, &QSocketNotifier::activated);
    return spy.wait(5000);
}

void closePair(const Pair &pair)
{
    SocketOps::close(pair.a);
    SocketOps::close(pair.b);
}

/// Descriptors registered with the calling thread's own dispatcher; -1
/// when it is Qt's.
int watchedCount()
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
#ifdef Q_OS_LINUX
    if (auto *epoll = qobject_cast<EpollEventDispatcher *>(dispatcher))
        return epoll->watchedCount();
#endif
    if (auto *portable = qobject_cast<PortableEventDispatcher *>(dispatcher))
        return portable->watchedCount();
    return -1;
}

void addDispatcherRows()
{
    QTest::addColumn<bool>("epoll");
    QTest::newRow("own") << true;  // epoll, or what BALANCIER_POLLER chose
    QTest::newRow("qt-default") << false;
}

}  // namespace

class tst_EventDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void dispatcherIsInstalled();
    void notifierPollerPerThread();

    void singleShotTimer_data();
    void singleShotTimer();
    void repeatingTimerStops_data() { addDispatcherRows(); }
    void repeatingTimerStops();
    void timerKilledByAnotherTimer_data() { addDispatcherRows(); }
    void timerKilledByAnotherTimer();
    void timerRestartedDuringDelivery_data() { addDispatcherRows(); }
    void timerRestartedDuringDelivery();
    void zeroTimerDoesNotStarve_data() { addDispatcherRows(); }
    void zeroTimerDoesNotStarve();
    void timerBookkeeping_data() { addDispatcherRows(); }
    void timerBookkeeping();
    void timerMovesWithObject_data() { addDispatcherRows(); }
    void timerMovesWithObject();
    void excludeTimers();
    void refusedRegistrations();

    void postedEventsArriveInOrder_data() { addDispatcherRows(); }
    void postedEventsArriveInOrder();
    void queuedCallsArriveInOrder_data() { addDispatcherRows(); }
    void queuedCallsArriveInOrder();
    void nestedLoopQuits_data() { addDispatcherRows(); }
    void nestedLoopQuits();
    void quitWakesBlockedThread_data() { addDispatcherRows(); }
    void quitWakesBlockedThread();
    void interruptWakesBlockedThread();
    void awakeFollowsAboutToBlock();
    void signalsDoNotDisturbWaiting();

    void tcpEchoServerInWorker_data() { addDispatcherRows(); }
    void tcpEchoServerInWorker();
    void tcpClientInWorker_data() { addDispatcherRows(); }
    void tcpClientInWorker();
    void localSocketInWorker_data() { addDispatcherRows(); }
    void localSocketInWorker();
    void socketNotifier_data() { addDispatcherRows(); }
    void socketNotifier();
    void threeNotifiersOnOneSocket_data() { addDispatcherRows(); }
    void threeNotifiersOnOneSocket();

    void pollerReadable_data() { addDispatcherRows(); }
    void pollerReadable();
    void pollerWritableAfterModify_data() { addDispatcherRows(); }
    void pollerWritableAfterModify();
    void pollerRemoveDuringDispatch_data() { addDispatcherRows(); }
    void pollerRemoveDuringDispatch();
    void pollerDescriptorReusedInBatch_data() { addDispatcherRows(); }
    void pollerDescriptorReusedInBatch();
    void pollerHandlerDeletesItself_data() { addDispatcherRows(); }
    void pollerHandlerDeletesItself();
    void pollerManyDescriptors_data() { addDispatcherRows(); }
    void pollerManyDescriptors();
    void excludeSocketNotifiers();
    void pollerRejectsBadRegistrations_data() { addDispatcherRows(); }
    void pollerRejectsBadRegistrations();
    void pollerReportsHangUp();
    void pollerEdgeTriggered();
    void pollerEdgeTriggeredUnsupported();
    void pollerRemoveClosing();

private:
    qint64 m_fileLimit = 0;
};

void tst_EventDispatcher::initTestCase()
{
    m_fileLimit = SocketOps::raiseFileLimit();
}

// ---------------------------------------------------------------- set-up

void tst_EventDispatcher::dispatcherIsInstalled()
{
    START_WORKER(true);
    const auto [isPoller, samePoller] = worker->run([] {
        auto *dispatcher = QAbstractEventDispatcher::instance();
        auto *poller = dynamic_cast<IoPoller *>(dispatcher);
        return std::pair{poller != nullptr, IoPoller::forCurrentThread() == poller};
    });
    QVERIFY(isPoller);
    QVERIFY(samePoller);
    // The one BALANCIER_POLLER asks for, not a silent fallback.
    const PollerChoice choice = pollerSettingFromEnvironment().choice;
    const QByteArray name = worker->run([] {
        return QByteArray(dynamic_cast<IoPoller *>(QAbstractEventDispatcher::instance())->pollerName());
    });
    if (choice == PollerChoice::Poll) {
        QCOMPARE(name, "poll");
        QVERIFY(worker->run([] {
            auto *dispatcher = qobject_cast<PortableEventDispatcher *>(QAbstractEventDispatcher::instance());
            return dispatcher && dispatcher->isValid();
        }));
    }
#ifdef Q_OS_LINUX
    if (choice == PollerChoice::Native) {
        QCOMPARE(name, "epoll");
        QVERIFY(worker->run([] {
            auto *dispatcher = qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
            return dispatcher && dispatcher->isValid();
        }));
    }
#endif
    QCOMPARE(QByteArray(workerPollerName(nullptr)), "qt");
}

void tst_EventDispatcher::notifierPollerPerThread()
{
    QObject observer;
    std::atomic<int> destroyed{0};
    IoPoller *first = nullptr;
    {
        START_WORKER(false);
        first = worker->run([&] {
            IoPoller *poller = IoPoller::forCurrentThread();
            auto *notifierPoller = dynamic_cast<NotifierPoller *>(poller);
            if (!notifierPoller || IoPoller::forCurrentThread() != poller)
                return static_cast<IoPoller *>(nullptr);
            QObject::connect(
                notifierPoller, &QObject::destroyed, &observer, [&] { ++destroyed; }, Qt::DirectConnection);
            return poller;
        });
        QVERIFY(first);
        // Another thread gets its own.
        const std::unique_ptr<Worker> other = startWorker(false);
        const IoPoller *second = other->run([] { return IoPoller::forCurrentThread(); });
        QVERIFY(second);
        QVERIFY(second != first);
        QCOMPARE(destroyed.load(), 0);
        QVERIFY(worker->stop());
    }
    // Destroyed with its thread (and ASan sees no leak).
    QCOMPARE(destroyed.load(), 1);
}

// ---------------------------------------------------------------- timers

void tst_EventDispatcher::singleShotTimer_data()
{
    QTest::addColumn<bool>("epoll");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("minimum");  ///< earliest acceptable delivery, ms
    for (bool epoll : {true, false}) {
        const char *name = epoll ? "epoll" : "qt-default";
        QTest::addRow("%s precise", name) << epoll << int(Qt::PreciseTimer) << 50 << 49;
        // Qt allows a coarse timer to fire up to 5% early.
        QTest::addRow("%s coarse", name) << epoll << int(Qt::CoarseTimer) << 50 << 47;
        // Very coarse: whole seconds, rounded to the nearest.
        QTest::addRow("%s very coarse", name) << epoll << int(Qt::VeryCoarseTimer) << 1000 << 499;
    }
}

void tst_EventDispatcher::singleShotTimer()
{
    QFETCH(bool, epoll);
    QFETCH(int, type);
    QFETCH(int, interval);
    QFETCH(int, minimum);
    START_WORKER(epoll);

    std::atomic<int> fired{0};
    std::atomic<qint64> elapsed{-1};
    std::atomic<QThread *> firedIn{nullptr};
    worker->run([&] {
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        QTimer::singleShot(interval, Qt::TimerType(type), worker->context(), [&, clock] {
            elapsed = clock->elapsed();
            firedIn = QThread::currentThread();
            ++fired;
        });
    });
    QTRY_COMPARE_WITH_TIMEOUT(fired.load(), 1, 5000);
    QCOMPARE(firedIn.load(), worker->thread());
    QVERIFY2(elapsed >= minimum, qPrintable(QString::number(elapsed.load())));
    worker->settle();
    QCOMPARE(fired.load(), 1);
}

void tst_EventDispatcher::repeatingTimerStops()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    std::atomic<int> ticks{0};
    QTimer *timer = worker->run([&] {
        auto *repeating = new QTimer(worker->context());
        repeating->setTimerType(Qt::PreciseTimer);
        repeating->setInterval(10);
        QObject::connect(repeating, &QTimer::timeout, repeating, [&] { ++ticks; });
        repeating->start();
        return repeating;
    });
    QTRY_VERIFY(ticks >= 5);

    const int stoppedAt = worker->run([&] {
        timer->stop();
        return ticks.load();
    });
    // Long enough for several more ticks, had it not stopped.
    std::atomic<int> afterwards{-1};
    worker->run([&] { QTimer::singleShot(80, worker->context(), [&] { afterwards = ticks.load(); }); });
    QTRY_VERIFY(afterwards >= 0);
    QCOMPARE(afterwards.load(), stoppedAt);
}

void tst_EventDispatcher::timerKilledByAnotherTimer()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    // Two timers due in the same pass; the first kills the second, which
    // must then never be delivered.
    std::atomic<int> first{0};
    std::atomic<int> second{0};
    TimerProbe *probe = worker->run([&] {
        auto *timers = new TimerProbe(worker->context());
        const int a = timers->startTimer(10, Qt::PreciseTimer);
        const int b = timers->startTimer(10, Qt::PreciseTimer);
        timers->onTimer = [&, timers, a, b](int id) {
            if (id == a) {
                ++first;
                timers->killTimer(b);
                timers->killTimer(a);
            } else if (id == b) {
                ++second;
            }
        };
        return timers;
    });
    QTRY_COMPARE(first.load(), 1);
    std::atomic<bool> later{false};
    worker->run([&] { QTimer::singleShot(60, worker->context(), [&] { later = true; }); });
    QTRY_VERIFY(later);
    QCOMPARE(first.load(), 1);
    QCOMPARE(second.load(), 0);
    QVERIFY(
        worker->run([&] { return QAbstractEventDispatcher::instance()->registeredTimers(probe).isEmpty(); }));
}

void tst_EventDispatcher::timerRestartedDuringDelivery()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    // The handler kills its timer and starts a new one (which may get the
    // same id back): the new one waits a full interval, it does not fire in
    // the same pass.
    constexpr int Interval = 30;
    std::atomic<int> fired{0};
    std::atomic<qint64> gap{-1};
    std::atomic<int> registered{-1};
    worker->run([&] {
        auto *probe = new TimerProbe(worker->context());
        auto clock = std::make_shared<QElapsedTimer>();
        auto current = std::make_shared<int>(probe->startTimer(Interval, Qt::PreciseTimer));
        probe->onTimer = [&, probe, clock, current](int id) {
            if (id != *current)
                return;
            const int n = ++fired;
            if (n == 1) {
                clock->start();
                probe->killTimer(*current);
                *current = probe->startTimer(Interval, Qt::PreciseTimer);
            } else if (n == 2) {
                gap = clock->elapsed();
                probe->killTimer(*current);
                registered = int(QAbstractEventDispatcher::instance()->registeredTimers(probe).size());
            }
        };
    });
    QTRY_COMPARE(fired.load(), 2);
    QVERIFY2(gap >= Interval - 1, qPrintable(QString::number(gap.load())));
    QCOMPARE(registered.load(), 0);
    std::atomic<bool> later{false};
    worker->run([&] { QTimer::singleShot(2 * Interval, worker->context(), [&] { later = true; }); });
    QTRY_VERIFY(later);
    QCOMPARE(fired.load(), 2);
}

void tst_EventDispatcher::zeroTimerDoesNotStarve()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    const Pair pair = makePair();
    QVERIFY(pair.a >= 0);
    std::atomic<int> zeroTicks{0};
    std::atomic<int> readable{0};
    CallbackHandler handler([&](qintptr fd, int) {
        char buffer[16];
        if (SocketOps::recv(fd, buffer, sizeof buffer).value > 0)
            ++readable;
    });
    QTimer *timer = worker->run([&] {
        auto *zero = new QTimer(worker->context());
        zero->setInterval(0);
        QObject::connect(zero, &QTimer::timeout, zero, [&] { ++zeroTicks; });
        zero->start();
        IoPoller::forCurrentThread()->add(pair.a, &handler, IoHandler::Readable);
        return zero;
    });
    QTRY_VERIFY(zeroTicks > 100);

    // Queued calls and sockets still get their turn.
    std::atomic<bool> called{false};
    worker->post([&] { called = true; });
    QTRY_VERIFY(called);
    QVERIFY(SocketOps::send(pair.b, "x", 1).ok());
    QTRY_COMPARE(readable.load(), 1);
    const int before = zeroTicks;
    QTRY_VERIFY(zeroTicks > before + 100);

    worker->run([&] {
        timer->stop();
        IoPoller::forCurrentThread()->remove(pair.a);
    });
    closePair(pair);
}

void tst_EventDispatcher::timerBookkeeping()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    struct Seen
    {
        int id = 0;
        int count = -1;
        int interval = 0;
        int type = -1;
        int remaining = -2;
        int countAfterKill = -1;
        int remainingAfterKill = -2;
        bool unregisteredAll = false;
        int countAfterUnregisterAll = -1;
    };
    const Seen seen = worker->run([&] {
        Seen result;
        auto *probe = new TimerProbe(worker->context());
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        result.id = probe->startTimer(1000, Qt::PreciseTimer);
        const auto timers = dispatcher->registeredTimers(probe);
        result.count = int(timers.size());
        if (!timers.isEmpty()) {
            result.interval = timers.first().interval;
            result.type = int(timers.first().timerType);
        }
        result.remaining = dispatcher->remainingTime(result.id);
        probe->killTimer(result.id);
        result.countAfterKill = int(dispatcher->registeredTimers(probe).size());
        result.remainingAfterKill = dispatcher->remainingTime(result.id);

        probe->startTimer(500);
        probe->startTimer(700);
        result.unregisteredAll = dispatcher->unregisterTimers(probe);
        result.countAfterUnregisterAll = int(dispatcher->registeredTimers(probe).size());
        // QObject still believes they run; its destructor must cope.
        delete probe;
        return result;
    });
    QVERIFY(seen.id > 0);
    QCOMPARE(seen.count, 1);
    QCOMPARE(seen.interval, 1000);
    QCOMPARE(seen.type, int(Qt::PreciseTimer));
    QVERIFY2(seen.remaining > 900 && seen.remaining <= 1000, qPrintable(QString::number(seen.remaining)));
    QCOMPARE(seen.countAfterKill, 0);
    QCOMPARE(seen.remainingAfterKill, -1);
    QVERIFY(seen.unregisteredAll);
    QCOMPARE(seen.countAfterUnregisterAll, 0);
}

void tst_EventDispatcher::timerMovesWithObject()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    // Started here, moved there: Qt re-registers the timer with the worker's
    // dispatcher under the same id.
    std::atomic<int> ticks{0};
    std::atomic<QThread *> tickedIn{nullptr};
    auto *probe = new TimerProbe;
    probe->onTimer = [&](int) {
        tickedIn = QThread::currentThread();
        ++ticks;
    };
    probe->startTimer(10, Qt::PreciseTimer);
    probe->moveToThread(worker->thread());
    QTRY_VERIFY(ticks >= 3);
    QCOMPARE(tickedIn.load(), worker->thread());
    QCOMPARE(worker->run(
                 [&] { return int(QAbstractEventDispatcher::instance()->registeredTimers(probe).size()); }),
        1);
    worker->run([&] { delete probe; });
}

void tst_EventDispatcher::excludeTimers()
{
    // Ours only (epoll, or what BALANCIER_POLLER chose): the shared
    // DispatcherCore skips the timers of a pass with X11ExcludeTimers.
    START_WORKER(true);

    const auto [whileExcluded, overdue, afterwards] = worker->run([&] {
        int fired = 0;
        TimerProbe probe;
        probe.onTimer = [&](int) {
            ++fired;
        };
        const int id = probe.startTimer(1, Qt::PreciseTimer);
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        // Passes that exclude timers until the timer is overdue (bounded: a
        // 1 ms timer is due long before 5 s, even under ASan).
        QElapsedTimer elapsed;
        elapsed.start();
        int remaining = -1;
        do {
            QCoreApplication::processEvents(QEventLoop::X11ExcludeTimers);
            remaining = dispatcher->remainingTime(id);
        } while (remaining != 0 && elapsed.elapsed() < 5000);
        for (int i = 0; i < 20; ++i)
            QCoreApplication::processEvents(QEventLoop::X11ExcludeTimers);
        const int excludedFired = fired;
        for (int i = 0; i < 1000 && fired == 0; ++i)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        return std::tuple{excludedFired, remaining, fired};
    });
    QCOMPARE(overdue, 0);
    QCOMPARE(whileExcluded, 0);
    QVERIFY(afterwards >= 1);
}

void tst_EventDispatcher::refusedRegistrations()
{
    // Ours only: the checks are DispatcherCore's, with the dispatcher's name.
    START_WORKER(true);

    QAbstractEventDispatcher *dispatcher = worker->run([] { return QAbstractEventDispatcher::instance(); });
    TimerProbe *probe = worker->run([&] { return new TimerProbe(worker->context()); });

    // From the wrong thread: refused before anything is touched.
    QTest::ignoreMessage(QtWarningMsg,
        QRegularExpression(
            u"^\\w+EventDispatcher::registerTimer: timers cannot be started from another thread$"_s));
    dispatcher->registerTimer(4242, 10, Qt::PreciseTimer, probe);

    const Pair pair = makePair();
    QVERIFY(pair.a >= 0);
    // Lives in the test's thread, so the worker's dispatcher must refuse it.
    QSocketNotifier foreign(pair.a, QSocketNotifier::Read);
    QTest::ignoreMessage(QtWarningMsg,
        QRegularExpression(
            u"^\\w+EventDispatcher: socket notifier \\(\\d+\\) cannot be enabled from another thread$"_s));
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(u"^\\w+EventDispatcher::registerTimer: invalid arguments$"_s));
    const auto [timers, foreignTimer, watched] = worker->run([&] {
        const int before = watchedCount();
        dispatcher->registerSocketNotifier(&foreign);
        dispatcher->registerTimer(0, 10, Qt::PreciseTimer, probe);
        return std::tuple{int(dispatcher->registeredTimers(probe).size()), dispatcher->remainingTime(4242),
            watchedCount() - before};
    });
    QCOMPARE(timers, 0);
    QCOMPARE(foreignTimer, -1);
    QCOMPARE(watched, 0);
    worker->run([&] { delete probe; });
    closePair(pair);
}

// ---------------------------------------------------------------- the loop

void tst_EventDispatcher::postedEventsArriveInOrder()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    EventProbe *probe = worker->run([&] { return new EventProbe(worker->context()); });
    constexpr int Count = 200;
    for (int i = 0; i < Count; ++i)
        QCoreApplication::postEvent(probe, new SequenceEvent(i));
    QTRY_COMPARE(probe->count.load(), Count);
    QCOMPARE(probe->thread.load(), worker->thread());
    const QList<int> received = worker->run([&] { return probe->received; });
    QCOMPARE(received.size(), Count);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(received.at(i), i);
}

void tst_EventDispatcher::queuedCallsArriveInOrder()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    constexpr int Count = 1000;
    std::vector<int> order;  // worker thread only until the end
    std::atomic<int> calls{0};
    std::atomic<int> wrongThread{0};
    QThread *target = worker->thread();
    for (int i = 0; i < Count; ++i) {
        worker->post([&, i, target] {
            if (QThread::currentThread() != target)
                ++wrongThread;
            order.push_back(i);
            ++calls;
        });
    }
    QTRY_COMPARE(calls.load(), Count);
    worker->settle();
    QCOMPARE(wrongThread.load(), 0);
    QCOMPARE(int(order.size()), Count);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(order[std::size_t(i)], i);
}

void tst_EventDispatcher::nestedLoopQuits()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    // A nested loop runs timers and queued calls, and exit() (an interrupt)
    // ends it without ending the thread's own loop.
    std::atomic<int> ticksInside{0};
    std::atomic<bool> returned{false};
    std::atomic<bool> queuedRanInside{false};
    worker->post([&] {
        QEventLoop nested;
        QTimer ticker;
        ticker.setInterval(5);
        QObject::connect(&ticker, &QTimer::timeout, &nested, [&] { ++ticksInside; });
        ticker.start();
        QTimer::singleShot(100, &nested, &QEventLoop::quit);
        QMetaObject::invokeMethod(
            &nested, [&] { queuedRanInside = true; }, Qt::QueuedConnection);
        nested.exec();
        returned = true;
    });
    QTRY_VERIFY(returned);
    QVERIFY(ticksInside >= 3);
    QVERIFY(queuedRanInside);
    QCOMPARE(worker->run([] { return 42; }), 42);  // the outer loop still runs
}

void tst_EventDispatcher::quitWakesBlockedThread()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);
    worker->settle();  // idle now: blocked without any timer
    QElapsedTimer clock;
    clock.start();
    QVERIFY(worker->stop(5000));
    QVERIFY(clock.elapsed() < 5000);
}

void tst_EventDispatcher::interruptWakesBlockedThread()
{
    START_WORKER(true);
    std::atomic<int> awakes{0};
    std::atomic<bool> blocked{false};
    QAbstractEventDispatcher *dispatcher = worker->run([&] {
        QAbstractEventDispatcher *own = QAbstractEventDispatcher::instance();
        QObject::connect(
            own, &QAbstractEventDispatcher::aboutToBlock, worker->context(), [&] { blocked = true; });
        QObject::connect(own, &QAbstractEventDispatcher::awake, worker->context(), [&] {
            blocked = false;
            ++awakes;
        });
        return own;
    });
    worker->settle();
    // Blocked with nothing to do: a cross-thread interrupt() or wakeUp() must
    // bring it round its loop once, and no more. Each is sent once the loop
    // blocks again (a wake-up that arrives while it still runs is simply
    // taken in that round, with no awake() to see).
    QTRY_VERIFY(blocked);
    const int before = awakes;
    dispatcher->interrupt();
    QTRY_VERIFY(awakes > before);
    QTRY_VERIFY(blocked);
    const int afterInterrupt = awakes;
    dispatcher->wakeUp();
    QTRY_VERIFY(awakes > afterInterrupt);
    // And it goes back to sleep instead of spinning: over 50 ms, only the
    // timer and the calls that set it up wake it.
    const int afterWakeUp = awakes;
    std::atomic<bool> elapsed{false};
    worker->run([&] { QTimer::singleShot(50, worker->context(), [&] { elapsed = true; }); });
    QTRY_VERIFY(elapsed);
    QVERIFY2(awakes - afterWakeUp <= 10, qPrintable(QString::number(awakes - afterWakeUp)));
}

void tst_EventDispatcher::awakeFollowsAboutToBlock()
{
    START_WORKER(true);
    std::atomic<int> blocks{0};
    std::atomic<int> awakes{0};
    std::atomic<int> violations{0};
    std::atomic<bool> blocked{false};
    worker->run([&] {
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        QObject::connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, worker->context(), [&] {
            if (blocked)
                ++violations;
            blocked = true;
            ++blocks;
        });
        QObject::connect(dispatcher, &QAbstractEventDispatcher::awake, worker->context(), [&] {
            blocked = false;
            ++awakes;
        });
        QTimer::singleShot(20, worker->context(), [] {});
    });
    // Each call lands in a new pass of the loop, which blocks in between.
    for (int i = 0; i < 10; ++i)
        worker->run([] {});
    QVERIFY2(blocks >= 5, qPrintable(QString::number(blocks.load())));
    // Work is done between awake() and the next aboutToBlock().
    QVERIFY(!worker->run([&] { return blocked.load(); }));
    QCOMPARE(violations.load(), 0);
    // Read while it may be asleep again: at most one aboutToBlock() unanswered.
    const int blocksSeen = blocks;
    QVERIFY(awakes >= blocksSeen - 1);
}

void tst_EventDispatcher::signalsDoNotDisturbWaiting()
{
#ifdef Q_OS_UNIX
    START_WORKER(true);
    // Each signal breaks the wait with EINTR; the dispatcher must wait again
    // for what is left of the timer, silently.
    QTest::failOnWarning(QRegularExpression(u"epoll_wait|poll failed"_s));
    struct sigaction action
    { };
    action.sa_handler = countSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART (epoll_wait is never restarted anyway)
    struct sigaction previous
    { };
    QCOMPARE(::sigaction(SIGUSR1, &action, &previous), 0);

    const pthread_t thread = worker->run([] { return pthread_self(); });
    std::atomic<bool> fired{false};
    std::atomic<qint64> elapsed{-1};
    worker->run([&] {
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        QTimer::singleShot(300, Qt::PreciseTimer, worker->context(), [&, clock] {
            elapsed = clock->elapsed();
            fired = true;
        });
    });
    for (int i = 0; i < 3 && !fired; ++i) {
        const int before = signalsHandled;
        QCOMPARE(::pthread_kill(thread, SIGUSR1), 0);
        QTRY_VERIFY(signalsHandled > before);
    }
    QTRY_VERIFY(fired);
    ::sigaction(SIGUSR1, &previous, nullptr);
    QVERIFY(signalsHandled >= 1);
    QVERIFY2(elapsed >= 299, qPrintable(QString::number(elapsed.load())));
#else
    QSKIP("POSIX signals only");
#endif
}

// ---------------------------------------------------------------- Qt sockets

void tst_EventDispatcher::tcpEchoServerInWorker()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    const quint16 port = worker->run([&] {
        auto *server = new QTcpServer(worker->context());
        QObject::connect(server, &QTcpServer::newConnection, server, [server] {
            while (QTcpSocket *socket = server->nextPendingConnection()) {
                QObject::connect(
                    socket, &QTcpSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return server->listen(QHostAddress::LocalHost, 0) ? server->serverPort() : quint16(0);
    });
    QVERIFY(port != 0);

    // Large enough to fill the socket buffers, so the worker's write
    // notifiers have to do their part.
    QByteArray payload(4 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(i * 7 + i / 251);

    QTcpSocket client;
    QByteArray received;
    connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
    QSignalSpy connected(&client, &QTcpSocket::connected);
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(connected.wait());
    client.write(payload);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), payload.size(), 20000);
    QVERIFY(received == payload);

    QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
    client.disconnectFromHost();
    QVERIFY(client.state() == QAbstractSocket::UnconnectedState || disconnected.wait());
}

void tst_EventDispatcher::tcpClientInWorker()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    StubBackend backend(u"alpha"_s);
    QVERIFY(backend.listen());
    const quint16 port = backend.port();

    QByteArray received;  // worker thread only
    std::atomic<bool> connected{false};
    QTcpSocket *socket = worker->run([&] {
        auto *client = new QTcpSocket(worker->context());
        QObject::connect(client, &QTcpSocket::connected, client, [&] { connected = true; });
        QObject::connect(
            client, &QTcpSocket::readyRead, client, [&, client] { received += client->readAll(); });
        client->connectToHost(QHostAddress::LocalHost, port);
        return client;
    });
    QTRY_VERIFY(connected);
    QTRY_COMPARE(worker->run([&] { return received; }), QByteArrayLiteral("alpha\n"));
    worker->run([&] { socket->write("hello"); });
    QTRY_COMPARE(worker->run([&] { return received; }), QByteArrayLiteral("alpha\nhello"));
    QCOMPARE(backend.received(), QByteArrayLiteral("hello"));
    worker->run([&] { socket->abort(); });
}

void tst_EventDispatcher::localSocketInWorker()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    const QString name = u"balancier-tst-eventdispatcher-%1-%2"_s.arg(QCoreApplication::applicationPid())
                             .arg(epoll ? u"epoll"_s : u"qt"_s);
    QLocalServer::removeServer(name);
    QVERIFY(worker->run([&] {
        auto *server = new QLocalServer(worker->context());
        QObject::connect(server, &QLocalServer::newConnection, server, [server] {
            while (QLocalSocket *socket = server->nextPendingConnection()) {
                QObject::connect(socket, &QLocalSocket::readyRead, socket,
                    [socket] { socket->write(socket->readAll().toUpper()); });
                QObject::connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return server->listen(name);
    }));

    QLocalSocket client;
    QByteArray received;
    connect(&client, &QLocalSocket::readyRead, this, [&] { received += client.readAll(); });
    client.connectToServer(name);
    QTRY_COMPARE(client.state(), QLocalSocket::ConnectedState);
    client.write("ping");
    QTRY_COMPARE(received, QByteArrayLiteral("PING"));
    client.disconnectFromServer();
}

void tst_EventDispatcher::socketNotifier()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    const Pair pair = makePair();
    QVERIFY(pair.a >= 0);
    QByteArray received;  // worker thread only
    std::atomic<int> activations{0};
    QSocketNotifier *notifier = worker->run([&] {
        auto *readNotifier = new QSocketNotifier(pair.a, QSocketNotifier::Read, worker->context());
        QObject::connect(readNotifier, &QSocketNotifier::activated, readNotifier, [&] {
            ++activations;
            char buffer[64];
            for (;;) {
                const SocketOps::Result read = SocketOps::recv(pair.a, buffer, sizeof buffer);
                if (!read.ok() || read.value == 0)
                    break;
                received.append(buffer, read.value);
            }
        });
        return readNotifier;
    });
    QVERIFY(SocketOps::send(pair.b, "abc", 3).ok());
    QTRY_COMPARE(worker->run([&] { return received; }), QByteArrayLiteral("abc"));

    // Disabled, it stays quiet; enabled again, it catches up.
    worker->run([&] { notifier->setEnabled(false); });
    const int before = activations;
    QVERIFY(SocketOps::send(pair.b, "def", 3).ok());
    worker->settle();
    QCOMPARE(activations.load(), before);
    worker->run([&] { notifier->setEnabled(true); });
    QTRY_COMPARE(worker->run([&] { return received; }), QByteArrayLiteral("abcdef"));

    worker->run([&] { delete notifier; });
    closePair(pair);
}

void tst_EventDispatcher::threeNotifiersOnOneSocket()
{
#ifdef Q_OS_UNIX
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    // A TCP connection, so that urgent data can raise the exception notifier.
    const SocketOps::Result listener = SocketOps::createTcpSocket(AF_INET);
    QVERIFY(listener.ok());
    QVERIFY(SocketOps::bind(listener.socket(), QHostAddress::LocalHost, 0).ok());
    QVERIFY(SocketOps::listen(listener.socket()).ok());
    quint16 port = 0;
    QVERIFY(SocketOps::localAddress(listener.socket(), nullptr, &port));
    const SocketOps::Result client = SocketOps::createTcpSocket(AF_INET);
    QVERIFY(client.ok());
    sockaddr_storage address{};
    socklen_t length = 0;
    QVERIFY(SocketOps::toSockaddr(QHostAddress::LocalHost, port, &address, &length));
    SocketOps::connect(client.socket(), address, length);
    QVERIFY(waitReadable(listener.socket()));
    const SocketOps::Result accepted = SocketOps::accept(listener.socket());
    QVERIFY(accepted.ok());
    SocketOps::close(listener.socket());
    const qintptr fd = accepted.socket();

    std::atomic<int> reads{0};
    std::atomic<int> writes{0};
    std::atomic<int> exceptions{0};
    std::atomic<char> urgent{0};
    QByteArray received;  // worker thread only
    QSocketNotifier *notifiers[3] = {};
    worker->run([&] {
        for (auto type : {QSocketNotifier::Read, QSocketNotifier::Write, QSocketNotifier::Exception})
            notifiers[type] = new QSocketNotifier(fd, type, worker->context());
        QObject::connect(
            notifiers[QSocketNotifier::Read], &QSocketNotifier::activated, worker->context(), [&] {
                ++reads;
                char buffer[64];
                const SocketOps::Result read = SocketOps::recv(fd, buffer, sizeof buffer);
                if (read.ok())
                    received.append(buffer, read.value);
            });
        QObject::connect(
            notifiers[QSocketNotifier::Write], &QSocketNotifier::activated, worker->context(), [&] {
                ++writes;
                notifiers[QSocketNotifier::Write]->setEnabled(false);
            });
        QObject::connect(
            notifiers[QSocketNotifier::Exception], &QSocketNotifier::activated, worker->context(), [&] {
                ++exceptions;
                char byte = 0;
                if (::recv(int(fd), &byte, 1, MSG_OOB) == 1)
                    urgent = byte;
            });
    });
    QTRY_COMPARE(writes.load(), 1);

    QVERIFY(SocketOps::send(client.socket(), "x", 1).ok());
    QTRY_COMPARE(worker->run([&] { return received; }), QByteArrayLiteral("x"));
    QVERIFY(::send(int(client.socket()), "!", 1, MSG_OOB) == 1);
    QTRY_COMPARE(urgent.load(), '!');
    QVERIFY(exceptions >= 1);
    worker->settle();
    QCOMPARE(writes.load(), 1);  // disabled from its own handler, stays off

    worker->run([&] {
        for (QSocketNotifier *notifier : notifiers)
            delete notifier;
    });
    SocketOps::close(fd);
    SocketOps::close(client.socket());
#else
    QSKIP("urgent data test is POSIX-only");
#endif
}

// ---------------------------------------------------------------- IoPoller

void tst_EventDispatcher::pollerReadable()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    const Pair pair = makePair();
    QVERIFY(pair.a >= 0);
    std::atomic<qintptr> seenFd{-1};
    std::atomic<int> seenEvents{0};
    std::atomic<QThread *> seenIn{nullptr};
    QByteArray received;  // worker thread only
    CallbackHandler handler([&](qintptr fd, int events) {
        seenFd = fd;
        seenEvents |= events;
        seenIn = QThread::currentThread();
        char buffer[64];
        for (;;) {
            const SocketOps::Result read = SocketOps::recv(fd, buffer, sizeof buffer);
            if (!read.ok() || read.value == 0)
                break;
            received.append(buffer, read.value);
        }
    });
    QVERIFY(worker->run(
        [&] { return IoPoller::forCurrentThread()->add(pair.a, &handler, IoHandler::Readable); }));
    worker->settle();
    QCOMPARE(seenEvents.load(), 0);  // nothing to read yet

    QVERIFY(SocketOps::send(pair.b, "hello", 5).ok());
    QTRY_COMPARE(worker->run([&] { return received; }), QByteArrayLiteral("hello"));
    QCOMPARE(seenFd.load(), pair.a);
    QVERIFY(seenEvents & IoHandler::Readable);
    QVERIFY(!(seenEvents & IoHandler::Writable));  // not asked for
    QCOMPARE(seenIn.load(), worker->thread());

    worker->run([&] { IoPoller::forCurrentThread()->remove(pair.a); });
    QVERIFY(SocketOps::send(pair.b, "more", 4).ok());
    worker->settle();
    QCOMPARE(worker->run([&] { return received; }), QByteArrayLiteral("hello"));
    closePair(pair);
}

void tst_EventDispatcher::pollerWritableAfterModify()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    const Pair pair = makePair();
    QVERIFY(pair.a >= 0);
    std::atomic<int> writable{0};
    std::atomic<int> readable{0};
    IoPoller *poller = nullptr;
    CallbackHandler handler([&](qintptr fd, int events) {
        if (events & IoHandler::Readable) {
            ++readable;
            char buffer[64];
            while (SocketOps::recv(fd, buffer, sizeof buffer).value > 0) { }
        }
        if (events & IoHandler::Writable) {
            // The usual pattern: flush, then stop asking.
            ++writable;
            poller->modify(fd, IoHandler::Readable);
        }
    });
    poller = worker->run([&] {
        IoPoller *own = IoPoller::forCurrentThread();
        own->add(pair.a, &handler, IoHandler::Readable);
        return own;
    });
    worker->settle();
    QCOMPARE(writable.load(), 0);  // writable all along, but not asked for

    worker->run([&] { poller->modify(pair.a, IoHandler::Readable | IoHandler::Writable); });
    QTRY_COMPARE(writable.load(), 1);
    worker->settle();
    QCOMPARE(writable.load(), 1);  // level-triggered, yet silent once dropped

    // Reading still works after the changes.
    QVERIFY(SocketOps::send(pair.b, "r", 1).ok());
    QTRY_COMPARE(readable.load(), 1);

    worker->run([&] { poller->modify(pair.a, IoHandler::Writable); });
    QTRY_COMPARE(writable.load(), 2);
    worker->run([&] { poller->remove(pair.a); });
    closePair(pair);
}

void tst_EventDispatcher::pollerRemoveDuringDispatch()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    // Both descriptors become readable in one batch; whichever handler runs
    // first removes and deletes the other, which must then not be called.
    const Pair pairs[2] = {makePair(), makePair()};
    QVERIFY(pairs[0].a >= 0 && pairs[1].a >= 0);
    std::atomic<int> calls{0};
    CallbackHandler *handlers[2] = {};
    IoPoller *poller = worker->run([] { return IoPoller::forCurrentThread(); });
    for (int i = 0; i < 2; ++i) {
        handlers[i] = new CallbackHandler([&, i](qintptr fd, int) {
            ++calls;
            const int other = 1 - i;
            poller->remove(pairs[other].a);
            delete handlers[other];
            handlers[other] = nullptr;
            poller->remove(fd);
        });
    }
    QVERIFY(worker->run([&] {
        return poller->add(pairs[0].a, handlers[0], IoHandler::Readable)
            && poller->add(pairs[1].a, handlers[1], IoHandler::Readable);
    }));

    // Hold the worker while both become readable, so one wait sees both.
    QSemaphore entered;
    QSemaphore gate;
    worker->post([&] {
        entered.release();
        gate.acquire();
    });
    entered.acquire();
    QVERIFY(SocketOps::send(pairs[0].b, "1", 1).ok());
    QVERIFY(SocketOps::send(pairs[1].b, "2", 1).ok());
    gate.release();

    QTRY_COMPARE(calls.load(), 1);
    worker->settle();
    QCOMPARE(calls.load(), 1);
    QVERIFY((handlers[0] == nullptr) != (handlers[1] == nullptr));
    delete handlers[0];
    delete handlers[1];
    closePair(pairs[0]);
    closePair(pairs[1]);
}

void tst_EventDispatcher::pollerDescriptorReusedInBatch()
{
#ifdef Q_OS_UNIX
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    // The first handler closes the other descriptor and at once opens a new
    // socket under the same number (as close + accept would). The event
    // still queued for the old registration must not reach the new one.
    Pair pairs[2] = {makePair(), makePair()};
    QVERIFY(pairs[0].a >= 0 && pairs[1].a >= 0);
    std::atomic<int> oldCalls{0};
    std::atomic<int> newCalls{0};
    std::atomic<int> reusedNumber{-1};
    Pair replacement;
    IoPoller *poller = worker->run([] { return IoPoller::forCurrentThread(); });
    CallbackHandler newHandler([&](qintptr fd, int) {
        ++newCalls;
        char buffer[16];
        while (SocketOps::recv(fd, buffer, sizeof buffer).value > 0) { }
    });
    std::unique_ptr<CallbackHandler> handlers[2];
    for (int i = 0; i < 2; ++i) {
        handlers[i] = std::make_unique<CallbackHandler>([&, i](qintptr fd, int) {
            const int other = 1 - i;
            const int number = int(pairs[other].a);
            // Made before the close, or it would simply get the freed number.
            replacement = makePair();
            poller->remove(number);
            ::close(number);
            // Move the new socket onto the old number.
            if (::dup2(int(replacement.a), number) == number) {
                ::close(int(replacement.a));
                replacement.a = number;
                pairs[other].a = -1;
                reusedNumber = number;
                poller->add(number, &newHandler, IoHandler::Readable);
            }
            poller->remove(fd);
            // Counted last: the test thread reads reusedNumber once it sees this.
            ++oldCalls;
        });
    }
    QVERIFY(worker->run([&] {
        return poller->add(pairs[0].a, handlers[0].get(), IoHandler::Readable)
            && poller->add(pairs[1].a, handlers[1].get(), IoHandler::Readable);
    }));

    QSemaphore entered;
    QSemaphore gate;
    worker->post([&] {
        entered.release();
        gate.acquire();
    });
    entered.acquire();
    QVERIFY(SocketOps::send(pairs[0].b, "1", 1).ok());
    QVERIFY(SocketOps::send(pairs[1].b, "2", 1).ok());
    gate.release();

    QTRY_COMPARE(oldCalls.load(), 1);
    QVERIFY(reusedNumber >= 0);
    worker->settle();
    QCOMPARE(oldCalls.load(), 1);
    QCOMPARE(newCalls.load(), 0);  // the stale event was dropped

    // The new registration under the old number works.
    QVERIFY(SocketOps::send(replacement.b, "n", 1).ok());
    QTRY_COMPARE(newCalls.load(), 1);

    worker->run([&] { poller->remove(reusedNumber); });
    closePair(replacement);
    for (const Pair &pair : pairs) {
        if (pair.a >= 0)
            SocketOps::close(pair.a);
        SocketOps::close(pair.b);
    }
#else
    QSKIP("needs dup2()");
#endif
}

void tst_EventDispatcher::pollerHandlerDeletesItself()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    const Pair pair = makePair();
    QVERIFY(pair.a >= 0);
    std::atomic<int> deleted{0};
    QVERIFY(worker->run([&] {
        IoPoller *poller = IoPoller::forCurrentThread();
        return poller->add(pair.a, new SelfDeletingHandler(poller, &deleted), IoHandler::Readable);
    }));
    QVERIFY(SocketOps::send(pair.b, "bye", 3).ok());
    QTRY_COMPARE(deleted.load(), 1);
    worker->settle();  // ASan would object to any later touch
    QCOMPARE(deleted.load(), 1);

    // The handler closed its end: the peer reads end of stream.
    char buffer[8];
    QVERIFY(waitReadable(pair.b));
    const SocketOps::Result read = SocketOps::recv(pair.b, buffer, sizeof buffer);
    QVERIFY(read.ok());
    QCOMPARE(read.value, 0);
    SocketOps::close(pair.b);
}

void tst_EventDispatcher::pollerManyDescriptors()
{
    QFETCH(bool, epoll);
    constexpr int Count = 3000;
    if (m_fileLimit < 2 * Count + 256)
        QSKIP("descriptor limit too low");
    START_WORKER(epoll);

    std::vector<Pair> pairs;
    pairs.reserve(Count);
    for (int i = 0; i < Count; ++i) {
        pairs.push_back(makePair());
        QVERIFY(pairs.back().a >= 0);
    }
    std::atomic<int> total{0};
    std::atomic<int> wrongDescriptor{0};
    std::vector<std::unique_ptr<CountingHandler>> handlers;
    for (const Pair &pair : pairs)
        handlers.push_back(std::make_unique<CountingHandler>(pair.a, &total, &wrongDescriptor));
    QVERIFY(worker->run([&] {
        IoPoller *poller = IoPoller::forCurrentThread();
        for (const auto &handler : handlers) {
            if (!poller->add(handler->fd(), handler.get(), IoHandler::Readable))
                return false;
        }
        return true;
    }));
    if (epoll)
        QCOMPARE(worker->run([] { return watchedCount(); }), Count);

    // Every third one gets a byte: exactly those handlers are called, each once.
    int expected = 0;
    for (int i = 0; i < Count; i += 3) {
        QVERIFY(SocketOps::send(pairs[std::size_t(i)].b, "x", 1).ok());
        ++expected;
    }
    QTRY_COMPARE_WITH_TIMEOUT(total.load(), expected, 20000);
    worker->settle();
    QCOMPARE(total.load(), expected);
    QCOMPARE(wrongDescriptor.load(), 0);
    std::vector<int> counts = worker->run([&] {
        std::vector<int> result;
        for (const auto &handler : handlers)
            result.push_back(handler->count);
        return result;
    });
    for (int i = 0; i < Count; ++i)
        QCOMPARE(counts[std::size_t(i)], i % 3 == 0 ? 1 : 0);

    // Then all of them at once.
    for (const Pair &pair : pairs)
        QVERIFY(SocketOps::send(pair.b, "y", 1).ok());
    QTRY_COMPARE_WITH_TIMEOUT(total.load(), expected + Count, 20000);
    QCOMPARE(wrongDescriptor.load(), 0);
    counts = worker->run([&] {
        std::vector<int> result;
        for (const auto &handler : handlers)
            result.push_back(handler->count);
        return result;
    });
    for (int i = 0; i < Count; ++i)
        QCOMPARE(counts[std::size_t(i)], i % 3 == 0 ? 2 : 1);

    worker->run([&] {
        IoPoller *poller = IoPoller::forCurrentThread();
        for (const auto &handler : handlers)
            poller->remove(handler->fd());
    });
    if (epoll)
        QCOMPARE(worker->run([] { return watchedCount(); }), 0);
    for (const Pair &pair : pairs)
        closePair(pair);
}

void tst_EventDispatcher::excludeSocketNotifiers()
{
    // Epoll only: Qt's glib dispatcher ignores ExcludeSocketNotifiers.
    START_WORKER(true);

    const Pair pair = makePair();
    QVERIFY(pair.a >= 0);
    QVERIFY(SocketOps::send(pair.b, "x", 1).ok());
    std::atomic<int> calls{0};
    CallbackHandler handler([&](qintptr fd, int) {
        ++calls;
        char buffer[8];
        SocketOps::recv(fd, buffer, sizeof buffer);
    });
    const auto [excluded, included] = worker->run([&] {
        IoPoller *poller = IoPoller::forCurrentThread();
        poller->add(pair.a, &handler, IoHandler::Readable);
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents(QEventLoop::ExcludeSocketNotifiers);
        // Waiting while excluded must block (here until a timer), not spin
        // on the socket that stays readable.
        bool timerFired = false;
        QTimer::singleShot(30, Qt::PreciseTimer, worker->context(), [&] { timerFired = true; });
        int rounds = 0;
        while (!timerFired && rounds < 1000) {
            QCoreApplication::processEvents(
                QEventLoop::ExcludeSocketNotifiers | QEventLoop::WaitForMoreEvents);
            ++rounds;
        }
        const int whileExcluded = rounds <= 5 ? calls.load() : -rounds;
        for (int i = 0; i < 100 && calls == 0; ++i)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
        poller->remove(pair.a);
        return std::pair{whileExcluded, calls.load()};
    });
    QCOMPARE(excluded, 0);
    QCOMPARE(included, 1);
    closePair(pair);
}

void tst_EventDispatcher::pollerRejectsBadRegistrations()
{
    QFETCH(bool, epoll);
    START_WORKER(epoll);

    const Pair pair = makePair();
    QVERIFY(pair.a >= 0);
    CallbackHandler handler([](qintptr, int) {});
    const auto [negative, noHandler, first, twice, again] = worker->run([&] {
        IoPoller *poller = IoPoller::forCurrentThread();
        const bool negativeFd = poller->add(-1, &handler, IoHandler::Readable);
        const bool nullHandler = poller->add(pair.a, nullptr, IoHandler::Readable);
        const bool added = poller->add(pair.a, &handler, IoHandler::Readable);
        const bool addedTwice = poller->add(pair.a, &handler, IoHandler::Readable);
        poller->remove(pair.a);
        poller->remove(pair.a);  // harmless
        const bool addedAgain = poller->add(pair.a, &handler, IoHandler::Readable);
        poller->remove(pair.a);
        return std::tuple{negativeFd, nullHandler, added, addedTwice, addedAgain};
    });
    QVERIFY(!negative);
    QVERIFY(!noHandler);
    QVERIFY(first);
    QVERIFY(!twice);
    QVERIFY(again);
    closePair(pair);
}

void tst_EventDispatcher::pollerReportsHangUp()
{
    START_WORKER(true);
    // With nothing asked for, epoll still reports that the peer has gone.
    const Pair pair = makePair();
    QVERIFY(pair.a >= 0);
    std::atomic<int> events{0};
    std::atomic<int> calls{0};
    IoPoller *poller = worker->run([] { return IoPoller::forCurrentThread(); });
    CallbackHandler handler([&](qintptr fd, int ready) {
        events = ready;
        ++calls;
        poller->remove(fd);  // level-triggered: it would keep coming
    });
    QVERIFY(worker->run([&] { return poller->add(pair.a, &handler, 0); }));
    worker->settle();
    QCOMPARE(calls.load(), 0);
    SocketOps::close(pair.b);
    QTRY_COMPARE(calls.load(), 1);
    QCOMPARE(events.load(), int(IoHandler::Closed));
    SocketOps::close(pair.a);
}

void tst_EventDispatcher::pollerEdgeTriggered()
{
    START_WORKER(true);
    const Pair pair = makePair();
    QVERIFY(pair.a >= 0);
    std::atomic<int> calls{0};
    std::atomic<int> lastEvents{0};
    IoPoller *poller = worker->run([] { return IoPoller::forCurrentThread(); });
    if (qstrcmp(poller->pollerName(), "epoll") != 0)
        QSKIP("edge-triggered registration is epoll's (BALANCIER_POLLER chose another)");
    // Never reads: a level-triggered registration would report Readable on every pass.
    CallbackHandler handler([&](qintptr, int ready) {
        lastEvents = ready;
        ++calls;
    });
    QVERIFY(worker->run([&] { return poller->addEdgeTriggered(pair.a, &handler); }));
    // Writable at once: one event for that.
    QTRY_COMPARE(calls.load(), 1);
    QCOMPARE(lastEvents.load(), int(IoHandler::Writable));

    QVERIFY(SocketOps::send(pair.b, "x", 1).ok());
    QTRY_COMPARE(calls.load(), 2);
    QVERIFY(lastEvents.load() & IoHandler::Readable);
    QVERIFY(!(lastEvents.load() & IoHandler::ReadClosed));
    worker->settle();
    QCOMPARE(calls.load(), 2);  // still unread, but no new edge

    // rearm() reports what is still ready.
    worker->run([&] { poller->rearm(pair.a); });
    QTRY_COMPARE(calls.load(), 3);
    QVERIFY(lastEvents.load() & IoHandler::Readable);
    worker->settle();
    QCOMPARE(calls.load(), 3);

    // The peer's end of stream comes as ReadClosed with Readable.
    QVERIFY(SocketOps::shutdownWrite(pair.b).ok());
    QTRY_COMPARE(calls.load(), 4);
    QVERIFY(lastEvents.load() & IoHandler::Readable);
    QVERIFY(lastEvents.load() & IoHandler::ReadClosed);
    QVERIFY(!(lastEvents.load() & IoHandler::Closed));

    worker->run([&] { poller->remove(pair.a); });
    closePair(pair);
}

void tst_EventDispatcher::pollerEdgeTriggeredUnsupported()
{
    // Qt's own dispatcher: the session falls back to level-triggered add().
    START_WORKER(false);
    const Pair pair = makePair();
    QVERIFY(pair.a >= 0);
    CallbackHandler handler([](qintptr, int) {});
    QVERIFY(!worker->run([&] { return IoPoller::forCurrentThread()->addEdgeTriggered(pair.a, &handler); }));
    QVERIFY(worker->run([&] { return IoPoller::forCurrentThread()->add(pair.a, &handler, 0); }));
    worker->run([&] { IoPoller::forCurrentThread()->removeClosing(pair.a); });
    closePair(pair);
}

void tst_EventDispatcher::pollerRemoveClosing()
{
    START_WORKER(true);
    auto *dispatcher = worker->run(
        [] { return qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()); });
    if (!dispatcher)
        QSKIP("removeClosing() is epoll's (BALANCIER_POLLER chose another)");
    const Pair first = makePair();
    QVERIFY(first.a >= 0);
    std::atomic<int> calls{0};
    CallbackHandler handler([&](qintptr, int) { ++calls; });
    const int before = worker->run([&] { return dispatcher->watchedCount(); });
    QVERIFY(worker->run([&] { return dispatcher->add(first.a, &handler, IoHandler::Readable); }));
    QCOMPARE(worker->run([&] { return dispatcher->watchedCount(); }), before + 1);
    // Readable, then forgotten and closed in the same pass: nothing is delivered.
    QVERIFY(worker->run([&] {
        const bool sent = SocketOps::send(first.b, "x", 1).ok();
        dispatcher->removeClosing(first.a);
        SocketOps::close(first.a);
        return sent;
    }));
    QCOMPARE(worker->run([&] { return dispatcher->watchedCount(); }), before);
    worker->settle();
    QCOMPARE(calls.load(), 0);

    // The descriptor number comes back for a new socket: it registers as new
    // (the kernel dropped the old one at close), and only its own events arrive.
    const Pair second = makePair();
    QVERIFY(second.a >= 0);
    QVERIFY(worker->run([&] { return dispatcher->add(second.a, &handler, IoHandler::Readable); }));
    worker->settle();
    QCOMPARE(calls.load(), 0);
    QVERIFY(SocketOps::send(second.b, "y", 1).ok());
    QTRY_VERIFY(calls.load() >= 1);
    worker->run([&] { dispatcher->remove(second.a); });
    SocketOps::close(first.b);
    closePair(second);
}

QTEST_GUILESS_MAIN(tst_EventDispatcher)
#include "tst_eventdispatcher.moc"
