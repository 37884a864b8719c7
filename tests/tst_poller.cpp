// BALANCIER_POLLER: which readiness interface the workers use, that the
// choice is really made (the daemon says so in its log, its status and its
// metrics), and that the balancer relays through each of them.

#include "httptestclient.h"
#include "net/pollerchoice.h"
#include "net/polleventdispatcher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <atomic>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

constexpr int StartTimeoutMs = 20000;

#if defined(Q_OS_LINUX)
const QString NativePoller = u"epoll"_s;
#elif defined(Q_OS_MACOS)
const QString NativePoller = u"kqueue"_s;
#else
const QString NativePoller = u"poll"_s;
#endif

/// balancierd --demo on system-chosen ports, with BALANCIER_POLLER set.
class DemoDaemon final
{
    Q_DISABLE_COPY_MOVE(DemoDaemon)

public:
    explicit DemoDaemon(const QString *poller)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"JOURNAL_STREAM"_s);
        environment.remove(u"BALANCIER_POLLER"_s);
        if (poller)
            environment.insert(u"BALANCIER_POLLER"_s, *poller);
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
            [this] { m_err += m_process.readAllStandardError(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
            [this] { m_process.readAllStandardOutput(); });
        m_process.start(QStringLiteral(BALANCIERD_PATH), {u"--demo"_s, u"--demo-port"_s, u"0"_s});
    }
    ~DemoDaemon()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();  // our own child, by its PID
            m_process.waitForFinished(5000);
        }
    }

    /// Waits until stderr matches `pattern` (multi-line); returns the match.
    QRegularExpressionMatch waitFor(const QString &pattern)
    {
        const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
        QRegularExpressionMatch match;
        static_cast<void>(QTest::qWaitFor(
            [&] {
                match = expression.match(err());
                return match.hasMatch() || m_process.state() == QProcess::NotRunning;
            },
            StartTimeoutMs));
        return match;
    }
    bool stop()
    {
        m_process.terminate();
        return m_process.waitForFinished(10000) && m_process.exitStatus() == QProcess::NormalExit
            && m_process.exitCode() == 0;
    }
    /// What it printed, and why it did not run when it could not be started.
    QString err() const
    {
        QString text = QString::fromUtf8(m_err);
        if (m_process.error() == QProcess::FailedToStart)
            text += u"\n(could not start " BALANCIERD_PATH ": "_s + m_process.errorString() + u')';
        return text;
    }

private:
    QProcess m_process;
    QByteArray m_err;
};

}  // namespace

class tst_Poller final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void daemonUsesChosenPoller_data();
    void daemonUsesChosenPoller();
    void pollForgetsClosedDescriptor();
};

void tst_Poller::parse_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("choice");
    QTest::addColumn<bool>("error");

    QTest::newRow("unset") << QString() << int(PollerChoice::Native) << false;
    QTest::newRow("native") << NativePoller << int(PollerChoice::Native) << false;
    QTest::newRow("poll") << u"poll"_s << int(PollerChoice::Poll) << false;
    QTest::newRow("blanks and case") << u" PoLL "_s << int(PollerChoice::Poll) << false;
    QTest::newRow("qt") << u"qt"_s << int(PollerChoice::Qt) << false;
    QTest::newRow("unknown") << u"select"_s << int(PollerChoice::Native) << true;
#ifdef Q_OS_LINUX
    QTest::newRow("another system's") << u"kqueue"_s << int(PollerChoice::Native) << true;
#endif
}

void tst_Poller::parse()
{
    QFETCH(QString, value);
    QFETCH(int, choice);
    QFETCH(bool, error);
    const PollerSetting setting = parsePollerSetting(value);
    QCOMPARE(int(setting.choice), choice);
    QCOMPARE(!setting.error.isEmpty(), error);
    if (error) {
        // Says what was wrong, what is allowed, and what is used instead.
        QVERIFY2(setting.error.contains(u"BALANCIER_POLLER=\""_s + value + u'"'), qPrintable(setting.error));
        QVERIFY2(setting.error.contains(u"poll"_s), qPrintable(setting.error));
        QVERIFY2(setting.error.endsWith(u"using "_s + NativePoller), qPrintable(setting.error));
    }
}

void tst_Poller::daemonUsesChosenPoller_data()
{
    QTest::addColumn<bool>("set");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unset") << false << QString() << NativePoller;
    QTest::newRow("poll") << true << u"poll"_s << u"poll"_s;
    QTest::newRow("qt") << true << u"qt"_s << u"qt"_s;
    QTest::newRow("unknown") << true << u"nonsense"_s << NativePoller;
}

void tst_Poller::daemonUsesChosenPoller()
{
    QFETCH(bool, set);
    QFETCH(QString, value);
    QFETCH(QString, expected);

    DemoDaemon daemon(set ? &value : nullptr);
    const QRegularExpressionMatch poller = daemon.waitFor(u"worker thread\\(s\\), poller (\\w+)$"_s);
    QVERIFY2(poller.hasMatch(), qPrintable(daemon.err()));
    QCOMPARE(poller.captured(1), expected);
    if (value == u"nonsense")
        QVERIFY2(daemon.err().contains(u"BALANCIER_POLLER=\"nonsense\" is not a poller"_s),
            qPrintable(daemon.err()));

    const QRegularExpressionMatch listening = daemon.waitFor(u"^listening: demo 127\\.0\\.0\\.1:(\\d+)$"_s);
    QVERIFY2(listening.hasMatch(), qPrintable(daemon.err()));
    const QRegularExpressionMatch admin = daemon.waitFor(
        u"^demo: admin API on http://127\\.0\\.0\\.1:(\\d+) \\(user admin, one-time password (\\S+);"_s);
    QVERIFY2(admin.hasMatch(), qPrintable(daemon.err()));
    QVERIFY2(daemon.waitFor(u"^started: "_s).hasMatch(), qPrintable(daemon.err()));
    const auto listenPort = quint16(listening.captured(1).toUInt());
    const auto adminPort = quint16(admin.captured(1).toUInt());

    // The data plane relays through it: round robin over the three backends.
    for (int i = 1; i <= 6; ++i) {
        const HttpTestResponse response = HttpTestClient(listenPort).request("GET", "/");
        QCOMPARE(response.status, 200);
        const QByteArray name = "backend " + QByteArray::number((i - 1) % 3 + 1) + " of 3";
        QVERIFY2(response.body.contains(name), response.body.constData());
    }

    // The metrics and the status say which poller runs.
    const HttpTestResponse metrics
        = HttpTestClient(adminPort).request("GET", "/metrics", u"admin"_s, admin.captured(2));
    QCOMPARE(metrics.status, 200);
    const QByteArray line = "\nbalancier_poller_info{poller=\"" + expected.toLatin1() + "\"} 1\n";
    QVERIFY2(metrics.body.contains(line), metrics.body.constData());
    const HttpTestResponse status
        = HttpTestClient(adminPort).request("GET", "/api/v1/status", u"admin"_s, admin.captured(2));
    QCOMPARE(status.status, 200);
    QCOMPARE(QJsonDocument::fromJson(status.body).object().value(u"poller"_s).toString(), expected);

    QVERIFY2(daemon.stop(), qPrintable(daemon.err()));
}

void tst_Poller::pollForgetsClosedDescriptor()
{
#ifndef Q_OS_UNIX
    QSKIP("needs socketpair()");
#else
    // A descriptor closed without remove() makes poll() answer POLLNVAL at
    // once, every time: reported once as Closed, then forgotten, so that the
    // worker does not spin.
    struct Handler final : IoHandler
    {
        std::atomic<int> calls{0};
        std::atomic<int> events{0};
        void ioReady(qintptr, int ready) override
        {
            events = ready;
            ++calls;
        }
    } handler;
    int fds[2] = {-1, -1};
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);

    auto *dispatcher = new PollEventDispatcher;
    QVERIFY(dispatcher->isValid());
    QThread thread;
    thread.setEventDispatcher(dispatcher);
    auto *context = new QObject;
    context->moveToThread(&thread);
    // Deleted in the thread, after its loop, before its dispatcher.
    QObject::connect(&thread, &QThread::finished, context, &QObject::deleteLater);
    thread.start();
    const auto inThread = [&](auto function) {
        QMetaObject::invokeMethod(context, function, Qt::BlockingQueuedConnection);
    };
    bool added = false;
    inThread([&] { added = dispatcher->add(fds[0], &handler, 0); });
    QVERIFY(added);
    int watched = -1;
    inThread([&] { watched = dispatcher->watchedCount(); });
    QCOMPARE(watched, 1);

    ::close(fds[0]);  // no remove(): a bug in the caller
    inThread([] {});  // wakes the thread, which polls the closed descriptor
    QTRY_COMPARE(handler.calls.load(), 1);
    QCOMPARE(handler.events.load(), int(IoHandler::Closed));
    for (int i = 0; i < 5; ++i)
        inThread([&] { watched = dispatcher->watchedCount(); });
    QCOMPARE(watched, 0);
    QCOMPARE(handler.calls.load(), 1);

    thread.quit();
    QVERIFY(thread.wait(10000));
    ::close(fds[1]);
#endif
}

QTEST_GUILESS_MAIN(tst_Poller)
#include "tst_poller.moc"
