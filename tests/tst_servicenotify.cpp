// balancierd under a service manager: systemd's notify protocol
// (Type=notify) as a fake NOTIFY_SOCKET receiver hears it, over start-up,
// reloads (a good one and one with errors) and a stop.

#include "daemonprocess.h"
#include "notifyreceiver.h"
#include "platform/socketops.h"
#include "stubbackend.h"

#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>

#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr int StartTimeoutMs = 20000;

[[maybe_unused]] QByteArray config(const StubBackend &backend, const QString &drainTimeout)
{
    return (
        u"<balancier version=\"1\">\n"
        "  <settings draintimeout=\"%1\"/>\n"
        "  <health active=\"no\"/>\n"
        "  <service name=\"web\">\n"
        "    <listen ip=\"127.0.0.1:0\"/>\n"
        "    <group name=\"g\"><host name=\"a\" ip=\"%2\"/><host name=\"b\" ip=\"127.0.0.1:1\"/></group>\n"
        "    <enable group=\"g\"/>\n"
        "  </service>\n"
        "</balancier>\n"_s)
        .arg(drainTimeout, backend.address())
        .toUtf8();
}

[[maybe_unused]] bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

}  // namespace

class TestServiceNotify final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messagesInOrder_data();
    void messagesInOrder();
    void noSocketNoMessages();
    void socketActivation();
};

void TestServiceNotify::messagesInOrder_data()
{
    QTest::addColumn<bool>("abstract");
    QTest::newRow("path") << false;
    QTest::newRow("abstract namespace") << true;
}

void TestServiceNotify::messagesInOrder()
{
#ifndef Q_OS_LINUX
    QSKIP("systemd's notify protocol is tested on Linux");
#else
    QFETCH(bool, abstract);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    StubBackend backend(u"A"_s);
    QVERIFY(backend.listen());
    const QString configPath = dir.filePath(u"balancier.xml"_s);
    QVERIFY(writeFile(configPath, config(backend, u"2s"_s)));
    NotifyReceiver notify;
    const QString address = abstract ? u"@tst_servicenotify-%1"_s.arg(QCoreApplication::applicationPid())
                                     : dir.filePath(u"notify"_s);
    QVERIFY(notify.listen(address));

    DaemonProcess daemon(QStringLiteral(BALANCIERD_PATH));
    daemon.setEnvironment(u"NOTIFY_SOCKET"_s, address);
    daemon.start({u"--config"_s, configPath});
    QVERIFY2(daemon.waitForOutput(u"^started: "_s, StartTimeoutMs).hasMatch(), qPrintable(daemon.output()));
    const qint64 pid = daemon.pid();

    // READY=1 once serving, with what systemctl status shows.
    QTRY_VERIFY_WITH_TIMEOUT(notify.indexOf("READY=1") >= 0, StartTimeoutMs);
    const qsizetype ready = notify.indexOf("READY=1");
    QCOMPARE(notify.messages().at(ready).pid, pid);
    QVERIFY2(notify.messages().at(ready).text.contains("STATUS=0 open connection(s), 2 of 2 host(s) up"),
        qPrintable(notify.dump()));

    // A reload: RELOADING=1 with the monotonic time, then READY=1.
    QVERIFY(daemon.signal(SIGHUP));
    QTRY_VERIFY_WITH_TIMEOUT(notify.indexOf("READY=1", ready + 1) >= 0, StartTimeoutMs);
    const qsizetype reloading = notify.indexOf("RELOADING=1", ready + 1);
    QVERIFY2(reloading > ready, qPrintable(notify.dump()));
    static const QRegularExpression monotonic(u"(?m)^MONOTONIC_USEC=[1-9][0-9]*$"_s);
    QVERIFY2(monotonic.match(QString::fromUtf8(notify.messages().at(reloading).text)).hasMatch(),
        qPrintable(notify.dump()));
    const qsizetype reloaded = notify.indexOf("READY=1", reloading + 1);
    QVERIFY2(reloaded > reloading, qPrintable(notify.dump()));

    // A reload the daemon refuses ends with READY=1 too: the old config serves.
    QVERIFY(writeFile(configPath, "<balancier version=\"1\"><service name=\"web\"></balancier>\n"));
    QVERIFY(daemon.signal(SIGHUP));
    QTRY_VERIFY_WITH_TIMEOUT(notify.indexOf("READY=1", reloaded + 1) >= 0, StartTimeoutMs);
    const qsizetype refused = notify.indexOf("RELOADING=1", reloaded + 1);
    QVERIFY2(
        refused > reloaded && notify.indexOf("READY=1", refused + 1) > refused, qPrintable(notify.dump()));
    QVERIFY(daemon.output().contains(u"reload refused"_s));

    // A stop: STOPPING=1 when the drain begins, and nothing claims readiness after it.
    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(20000));
    QCOMPARE(daemon.process().exitCode(), 0);
    const qsizetype stopping = notify.indexOf("STOPPING=1", refused + 1);
    QVERIFY2(stopping > refused, qPrintable(notify.dump()));
    QCOMPARE(notify.indexOf("READY=1", stopping + 1), -1);
    QCOMPARE(notify.messages().at(stopping).pid, pid);
#endif
}

void TestServiceNotify::noSocketNoMessages()
{
#ifndef Q_OS_LINUX
    QSKIP("systemd's notify protocol is tested on Linux");
#else
    // Without NOTIFY_SOCKET the daemon runs as ever; a NOTIFY_SOCKET that
    // nobody listens on costs a warning, not the service.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    StubBackend backend(u"A"_s);
    QVERIFY(backend.listen());
    const QString configPath = dir.filePath(u"balancier.xml"_s);
    QVERIFY(writeFile(configPath, config(backend, u"1s"_s)));
    DaemonProcess daemon(QStringLiteral(BALANCIERD_PATH));
    daemon.setEnvironment(u"NOTIFY_SOCKET"_s, dir.filePath(u"nobody"_s));
    daemon.start({u"--config"_s, configPath});
    QVERIFY2(daemon.waitForOutput(u"^started: "_s, StartTimeoutMs).hasMatch(), qPrintable(daemon.output()));
    QVERIFY2(daemon.waitForOutput(u"cannot notify the service manager at .*nobody"_s).hasMatch(),
        qPrintable(daemon.output()));
    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(20000));
    QCOMPARE(daemon.process().exitCode(), 0);
#endif
}

void TestServiceNotify::socketActivation()
{
#ifndef Q_OS_LINUX
    QSKIP("systemd socket activation is tested on Linux");
#else
    // A listening socket held by "systemd" (this test), passed as
    // descriptor 3 with LISTEN_FDS: the daemon must serve on it. Binding
    // the port itself would fail, since the socket holds it.
    using namespace Balancier;
    const SocketOps::Result created = SocketOps::createTcpSocket(AF_INET);
    QVERIFY(created.ok());
    const SocketOps::Socket held = created.socket();
    QVERIFY(SocketOps::bind(held, QHostAddress(QHostAddress::LocalHost), 0).ok());
    QVERIFY(SocketOps::listen(held).ok());
    QHostAddress ignored;
    quint16 port = 0;
    QVERIFY(SocketOps::localAddress(held, &ignored, &port));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    StubBackend backend(u"A"_s);
    QVERIFY(backend.listen());
    const QString configPath = dir.filePath(u"balancier.xml"_s);
    QByteArray text = config(backend, u"1s"_s);
    text.replace(QByteArrayLiteral("127.0.0.1:0"),
        QByteArray(QByteArrayLiteral("127.0.0.1:") + QByteArray::number(port)));
    QVERIFY(writeFile(configPath, text));

    // The shell's pid is the daemon's after exec: LISTEN_PID names it.
    DaemonProcess daemon(u"/bin/sh"_s);
    daemon.process().setChildProcessModifier([held] { ::dup2(int(held), 3); });
    daemon.start({u"-c"_s, u"LISTEN_PID=$$ LISTEN_FDS=1 exec \"$0\" \"$@\""_s,
        QStringLiteral(BALANCIERD_PATH), u"--config"_s, configPath});
    QVERIFY2(daemon.waitForOutput(u"^started: "_s, StartTimeoutMs).hasMatch(), qPrintable(daemon.output()));
    QVERIFY2(
        daemon.output().contains(
            u"socket activation: 127.0.0.1:%1 from systemd for <listen ip=\"127.0.0.1:%1\">"_s.arg(port)),
        qPrintable(daemon.output()));
    SocketOps::close(held);  // systemd's copy; the daemon's stays open

    QTcpSocket client;
    QByteArray greeting;
    connect(&client, &QTcpSocket::readyRead, this, [&] { greeting += client.readAll(); });
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(greeting, QByteArray("A\n"), 10000);
    client.abort();

    QVERIFY(daemon.signal(SIGTERM));
    QVERIFY(daemon.waitForExit(20000));
    QCOMPARE(daemon.process().exitCode(), 0);
#endif
}

QTEST_MAIN(TestServiceNotify)
#include "tst_servicenotify.moc"
