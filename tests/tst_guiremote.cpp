// RemoteClient against an in-process AdminServer: status, the event
// stream, config and host requests, a wrong password, and reconnecting
// (with the stream resumed) after the server stops and starts again.
// Also the SSE parser on its own.

#include "admintestbed.h"
#include "client/connectdialog.h"
#include "client/remoteclient.h"
#include "client/sseparser.h"
#include "common/preferences.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "testcertificate.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

class tst_GuiRemote final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sseParser_data();
    void sseParser();
    void statusAndEvents();
    void configAndHistory();
    void wrongPassword();
    void reconnectsAfterRestart();
    void unreachableIsOneError();
    void selfSignedCertificate();
    void connectDialogSuggestsDemoUrl();
};

void tst_GuiRemote::sseParser_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QStringList>("events");  // "type|id|data"

    QTest::newRow("one") << QByteArrayList{"event: stats\ndata: {}\n\n"} << QStringList{u"stats||{}"_s};
    QTest::newRow("id and type") << QByteArrayList{"id: 7\nevent: host\ndata: x\n\n"}
                                 << QStringList{u"host|7|x"_s};
    QTest::newRow("split anywhere") << QByteArrayList{"ev", "ent: a\nda", "ta: 1\n", "\n"}
                                    << QStringList{u"a||1"_s};
    QTest::newRow("multi-line data") << QByteArrayList{"data: a\ndata: b\n\n"}
                                     << QStringList{u"message||a\nb"_s};
    QTest::newRow("crlf split") << QByteArrayList{"data: x\r", "\n\r\n"} << QStringList{u"message||x"_s};
    QTest::newRow("cr only") << QByteArrayList{"data: x\r\r"} << QStringList{u"message||x"_s};
    QTest::newRow("comment and retry")
        << QByteArrayList{": keepalive\nretry: 2000\n\ndata: y\n\n"} << QStringList{u"message||y"_s};
    QTest::newRow("no space after colon") << QByteArrayList{"event:t\ndata:z\n\n"} << QStringList{u"t||z"_s};
    QTest::newRow("two events") << QByteArrayList{"data: 1\n\ndata: 2\n\n"}
                                << QStringList{u"message||1"_s, u"message||2"_s};
    QTest::newRow("incomplete") << QByteArrayList{"data: 1\n"} << QStringList{};
}

void tst_GuiRemote::sseParser()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QStringList, events);
    SseParser parser;
    QStringList seen;
    for (const QByteArray &chunk : chunks) {
        for (const SseEvent &event : parser.feed(chunk))
            seen.append(QString::fromUtf8(event.type + '|' + event.id + '|' + event.data));
    }
    QCOMPARE(seen, events);
}

void tst_GuiRemote::statusAndEvents()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    RemoteClient client(QUrl(bed.server().url()), AdminTestBed::Admin, AdminTestBed::AdminPassword);
    QSignalSpy snapshots(&client, &BalancerClient::snapshotReceived);
    QSignalSpy hosts(&client, &BalancerClient::hostStateChanged);
    QSignalSpy configs(&client, &BalancerClient::configApplied);
    client.start();
    QCOMPARE(client.state(), BalancerClient::State::Connecting);
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    // The status arrives (GET /api/v1/status, then the stream's snapshots at >= 2 Hz).
    QTRY_VERIFY(snapshots.count() >= 3);
    const ServiceStats *web = client.snapshot().service(u"web");
    QVERIFY(web);
    QCOMPARE(web->groups.size(), 2);
    QCOMPARE(web->enabledGroup, u"prod"_s);

    // A host action through the API comes back as a "host" event and a "config" event.
    QSignalSpy replies(this, &QObject::objectNameChanged);
    ClientReply reply;
    client.hostAction({u"web"_s, u"prod"_s, u"a"_s}, HostAction::Drain, 0, this, [&](const ClientReply &r) {
        reply = r;
        setObjectName(u"done"_s);
    });
    QVERIFY(replies.wait(5000));
    QVERIFY2(reply.ok, qPrintable(reply.error));
    QCOMPARE(bed.hostState(u"prod"_s, u"a"_s), u"draining"_s);
    QTRY_VERIFY(!hosts.isEmpty());
    const auto ref = hosts.constLast().at(0).value<HostRef>();
    const auto event = hosts.constLast().at(1).value<HostStateEvent>();
    QCOMPARE(ref, (HostRef{u"web"_s, u"prod"_s, u"a"_s}));
    QCOMPARE(event.state, u"draining"_s);
    QVERIFY(event.when.isValid());
    QTRY_VERIFY(!configs.isEmpty());
    const auto changes = configs.constLast().at(0).value<QList<ConfigChange>>();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.constFirst().kind, ConfigChange::Kind::HostChanged);
    QCOMPARE(changes.constFirst().name, u"a"_s);
    // And the next snapshots say so.
    QTRY_VERIFY([&] {
        for (const GroupStats &group : client.snapshot().service(u"web")->groups)
            for (const HostStats &host : group.hosts)
                if (host.name == u"a"_s)
                    return host.state == u"draining"_s;
        return false;
    }());
    client.stop();
    QCOMPARE(client.state(), BalancerClient::State::Disconnected);
}

void tst_GuiRemote::configAndHistory()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    RemoteClient client(QUrl(bed.server().url()), AdminTestBed::Admin, AdminTestBed::AdminPassword);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);

    int done = 0;
    ClientReply running;
    client.fetchRunningConfig(this, [&](const ClientReply &r) {
        running = r;
        ++done;
    });
    QTRY_COMPARE(done, 1);
    QVERIFY2(running.ok, qPrintable(running.error));
    const LoadResult loaded = ConfigReader::readData(running.data, u"running"_s);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.config.services.size(), 1);

    // A dry run says what would change and changes nothing.
    Config next = loaded.config;
    next.service(u"web")->group(u"prod")->host(u"b")->weight = 4;
    ClientReply dry;
    client.applyConfig(ConfigDocument::serialize(next), true, this, [&](const ClientReply &r) {
        dry = r;
        ++done;
    });
    QTRY_COMPARE(done, 2);
    QVERIFY2(dry.ok, qPrintable(dry.error));
    QCOMPARE(dry.changes.size(), 1);
    QVERIFY(dry.changes.constFirst().description().contains(u"weight 1 -> 4"_s));
    QCOMPARE(dry.changes.constFirst().kind, ConfigChange::Kind::HostChanged);
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(u"prod")->host(u"b")->weight, 1);

    // A bad config is refused with located errors.
    ClientReply bad;
    client.applyConfig("<balancier version=\"1\">\n<service name=\"x\"/>\n</balancier>", false, this,
        [&](const ClientReply &r) {
            bad = r;
            ++done;
        });
    QTRY_COMPARE(done, 3);
    QVERIFY(!bad.ok);
    QVERIFY(!bad.diagnostics.isEmpty());
    QVERIFY(bad.diagnostics.constFirst().line > 0);

    // Weight and history.
    ClientReply weight;
    client.hostAction(
        {u"web"_s, u"prod"_s, u"b"_s}, HostAction::SetWeight, 7, this, [&](const ClientReply &r) {
            weight = r;
            ++done;
        });
    QTRY_COMPARE(done, 4);
    QVERIFY2(weight.ok, qPrintable(weight.error));
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(u"prod")->host(u"b")->weight, 7);
    client.hostAction({u"web"_s, u"prod"_s, u"b"_s}, HostAction::Maintenance, 0, this,
        [&](const ClientReply &) { ++done; });
    QTRY_COMPARE(done, 5);
    ClientReply history;
    client.fetchHistory({u"web"_s, u"prod"_s, u"b"_s}, this, [&](const ClientReply &r) {
        history = r;
        ++done;
    });
    QTRY_COMPARE(done, 6);
    QVERIFY2(history.ok, qPrintable(history.error));
    QVERIFY(!history.history.isEmpty());
    QCOMPARE(history.history.constLast().state, u"maintenance"_s);
}

void tst_GuiRemote::wrongPassword()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    RemoteClient client(QUrl(bed.server().url()), AdminTestBed::Admin, u"wrong"_s);
    QSignalSpy errors(&client, &BalancerClient::errorOccurred);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), BalancerClient::State::Disconnected, 10000);
    QCOMPARE(errors.count(), 1);
    QVERIFY(client.lastError().contains(AdminTestBed::Admin));
    QCOMPARE(client.connectCount(), 0);
}

void tst_GuiRemote::reconnectsAfterRestart()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const quint16 port = bed.port();
    RemoteClient client(QUrl(bed.server().url()), AdminTestBed::Admin, AdminTestBed::AdminPassword);
    client.setReconnectDelays(50, 400);
    QSignalSpy errors(&client, &BalancerClient::errorOccurred);
    QSignalSpy states(&client, &BalancerClient::stateChanged);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    QCOMPARE(client.connectCount(), 1);

    bed.server().stop();
    QTRY_COMPARE(client.state(), BalancerClient::State::Reconnecting);
    // Several attempts fail while the server is away...
    QTRY_VERIFY(client.nextRetryMs() >= 400);
    // ...and they are one error for the UI, not one per attempt.
    QVERIFY2(errors.count() <= 2, qPrintable(QString::number(errors.count())));

    AdminConfig admin = bed.engine().runningConfig().admin;
    admin.listen = u"127.0.0.1:%1"_s.arg(port);
    QVERIFY2(bed.server().start(admin, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), BalancerClient::State::Connected, 10000);
    QCOMPARE(client.connectCount(), 2);
    // The stream flows again.
    QSignalSpy snapshots(&client, &BalancerClient::snapshotReceived);
    QVERIFY(snapshots.wait(5000));
    QSignalSpy hosts(&client, &BalancerClient::hostStateChanged);
    QVERIFY(bed.engine().setHostAdminState(u"web"_s, u"prod"_s, u"b"_s, HostAdminState::Maintenance).ok);
    QTRY_VERIFY(!hosts.isEmpty());
    QCOMPARE(hosts.constLast().at(1).value<HostStateEvent>().state, u"maintenance"_s);
}

void tst_GuiRemote::unreachableIsOneError()
{
    // A port nobody listens on: reserve one, then free it.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    RemoteClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), u"admin"_s, u"pw"_s);
    client.setReconnectDelays(20, 80);
    QSignalSpy errors(&client, &BalancerClient::errorOccurred);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Reconnecting);
    QTRY_VERIFY(client.nextRetryMs() >= 80);
    QTest::qWait(300);  // several more attempts at the 80 ms ceiling
    QCOMPARE(errors.count(), 1);
    client.stop();
    QCOMPARE(client.state(), BalancerClient::State::Disconnected);
}

void tst_GuiRemote::selfSignedCertificate()
{
    QTemporaryDir dir;
    TestCertificate certificate;
    QString error;
    bool missing = false;
    if (!certificate.generate(dir.path(), &error, &missing)) {
        if (missing)
            QSKIP(qPrintable(error));
        QFAIL(qPrintable(error));
    }
    AdminTestBed::Options options;
    options.certificate = certificate.certificatePath();
    options.key = certificate.keyPath();
    AdminTestBed bed(options);
    QVERIFY2(bed.start(&error), qPrintable(error));
    QVERIFY(bed.server().url().startsWith(u"https://"_s));

    // Unknown certificate: one question for the UI, and no retry storm meanwhile.
    RemoteClient client(QUrl(bed.server().url()), AdminTestBed::Admin, AdminTestBed::AdminPassword);
    client.setReconnectDelays(20, 50);
    QSignalSpy untrusted(&client, &RemoteClient::certificateUntrusted);
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Disconnected);
    QCOMPARE(untrusted.count(), 1);
    const auto offered = untrusted.constFirst().at(0).value<QSslCertificate>();
    QCOMPARE(offered, certificate.certificate());
    QVERIFY(!untrusted.constFirst().at(1).toStringList().isEmpty());
    QTest::qWait(200);
    QCOMPARE(untrusted.count(), 1);
    QCOMPARE(client.connectCount(), 0);

    // The user trusts it (the UI remembers the digest per profile): connected.
    client.setTrustedCertificate(RemoteClient::certificateDigest(offered));
    client.start();
    QTRY_COMPARE(client.state(), BalancerClient::State::Connected);
    QSignalSpy snapshots(&client, &BalancerClient::snapshotReceived);
    QVERIFY(snapshots.wait(5000));

    // Another client that trusts a different digest is refused.
    RemoteClient other(QUrl(bed.server().url()), AdminTestBed::Admin, AdminTestBed::AdminPassword);
    other.setTrustedCertificate(QByteArray(64, 'a'));
    QSignalSpy otherUntrusted(&other, &RemoteClient::certificateUntrusted);
    other.start();
    QTRY_COMPARE(other.state(), BalancerClient::State::Disconnected);
    QCOMPARE(otherUntrusted.count(), 1);
}

void tst_GuiRemote::connectDialogSuggestsDemoUrl()
{
    // A new user who starts the demo or the example config and opens
    // File > Connect is shown where its admin API listens.
    const LoadResult example = ConfigReader::readFile(
        QStringLiteral(BALANCIER_SOURCE_DIR) + u"/resources/balancier.example.xml"_s);
    QVERIFY(example.ok());
    const QString listen = example.config.admin.listen;
    QVERIFY2(listen.startsWith(u"127.0.0.1:"_s), qPrintable(listen));
    const QUrl suggested(ConnectDialog::suggestedUrl());
    QCOMPARE(suggested.scheme(), u"http"_s);
    QCOMPARE(suggested.host(), u"127.0.0.1"_s);
    QCOMPARE(suggested.port(), listen.section(u':', -1).toInt());
    // balancierd --demo serves it on the same port (headless/commandline.cpp's default).
    QCOMPARE(suggested.port(), 8081);

    QTemporaryDir dir;
    Preferences preferences(dir.filePath(u"connect.ini"_s));
    ConnectDialog dialog(&preferences);
    auto *url = dialog.findChild<QLineEdit *>(u"url"_s);
    QVERIFY(url);
    QCOMPARE(url->placeholderText(), ConnectDialog::suggestedUrl());
}

QTEST_MAIN(tst_GuiRemote)
#include "tst_guiremote.moc"
