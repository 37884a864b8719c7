// The admin API's HTTP layer: start-up policy (loopback, TLS, insecure),
// strict parsing, hard limits, slow and idle clients, keep-alive and
// pipelining, the connection limit, and TLS with a certificate made at run time.

#include "admin/adminserver.h"
#include "admin/httpparser.h"
#include "admin/passwordhash.h"
#include "admintestbed.h"
#include "httptestclient.h"
#include "httptestsession.h"
#include "testcertificate.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Balancier;

namespace {

QByteArray authorization(const QString &user = AdminTestBed::Admin)
{
    return "Authorization: Basic " + (user + u':' + AdminTestBed::passwordOf(user)).toUtf8().toBase64()
        + "\r\n";
}

bool ipv6LoopbackAvailable()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

/// A native config with `hosts` hosts and a full admin user, padded with a comment to about `bytes`.
QByteArray bigConfig(int hosts, qsizetype bytes)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<balancier version=\"1\">\n"
                     "  <admin listen=\"127.0.0.1:0\"><user name=\"admin\" password=\""
        + PasswordHash::create(QStringLiteral("x"), 1000).toUtf8()
        + "\" access=\"full\"/></admin>\n"
          "  <service name=\"web\">\n    <listen ip=\"127.0.0.1:0\"/>\n"
          "    <group name=\"prod\">\n";
    for (int i = 0; i < hosts; ++i)
        xml += "      <host name=\"h" + QByteArray::number(i)
            + "\" ip=\"127.0.0.1:" + QByteArray::number(1000 + i) + "\"/>\n";
    xml += "    </group>\n    <enable group=\"prod\"/>\n  </service>\n";
    if (xml.size() < bytes) {
        xml += "<!-- ";
        xml += QByteArray(bytes - xml.size(), 'x');
        xml += " -->\n";
    }
    xml += "</balancier>\n";
    return xml;
}

}  // namespace

class tst_AdminHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startPolicy_data();
    void startPolicy();
    void insecureAllowsPublicPlainHttp();
    void startErrors_data();
    void startErrors();
    void malformedRequest_data();
    void malformedRequest();
    void malformedPipelinedAfterGood();
    void headerLimit();
    void bodyLimit();
    void largeConfigFits();
    void manyAttributesDoNotBlock();
    void slowRequestIsCut();
    void silentConnectionIsCut();
    void idleKeepAliveIsClosed();
    void keepAliveAndPipelining();
    void pipelinedWhileHeldByBrake();
    void headRequest();
    void unknownPathAndMethod();
    void connectionLimit();
    void tls();
    void tlsPlainClientRefused();
    void tlsSilentHandshakeIsCut();
};

void tst_AdminHttp::startPolicy_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1:0") << false << true;
    QTest::newRow("localhost") << QStringLiteral("localhost:0") << false << true;
    QTest::newRow("[::1]") << QStringLiteral("[::1]:0") << false << true;
    QTest::newRow("0.0.0.0 plain") << QStringLiteral("0.0.0.0:0") << false << false;
    QTest::newRow("* plain") << QStringLiteral("*:0") << false << false;
    QTest::newRow("[::] plain") << QStringLiteral("[::]:0") << false << false;
    QTest::newRow("public address plain") << QStringLiteral("192.0.2.10:0") << false << false;
    QTest::newRow("0.0.0.0 tls") << QStringLiteral("0.0.0.0:0") << true << true;
}

void tst_AdminHttp::startPolicy()
{
    QFETCH(QString, listen);
    QFETCH(bool, tls);
    QFETCH(bool, accepted);
    if (listen.startsWith(u'[') && accepted && !ipv6LoopbackAvailable())
        QSKIP("no IPv6 loopback on this machine");
    QTemporaryDir dir;
    AdminTestBed::Options options;
    options.listen = listen;
    if (tls) {
        TestCertificate certificate;
        QString error;
        bool missing = false;
        if (!certificate.generate(dir.path(), &error, &missing)) {
            if (missing)
                QSKIP(qPrintable(error));
            QFAIL(qPrintable(error));
        }
        options.certificate = certificate.certificatePath();
        options.key = certificate.keyPath();
    }
    AdminTestBed bed(options);
    QString error;
    const bool started = bed.start(&error);
    QCOMPARE(started, accepted);
    if (!accepted) {
        // The message says what is wrong and the three ways out.
        QVERIFY2(error.contains(listen), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("TLS")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("insecure=\"yes\"")), qPrintable(error));
        // The engine's validator refused the config before the server was
        // made; the server itself refuses it too, with the same words.
        AdminTestBed loopback;
        QString loopbackError;
        QVERIFY2(loopback.start(&loopbackError), qPrintable(loopbackError));
        AdminConfig admin = loopback.initialConfig().admin;
        admin.listen = listen;
        AdminServer fresh(loopback.engine(), nullptr);
        QString startError;
        QVERIFY(!fresh.start(admin, &startError));
        QVERIFY(!fresh.isListening());
        QVERIFY2(error.contains(startError), qPrintable(error + u'\n' + startError));
        return;
    }
    QVERIFY(bed.server().isListening());
    QVERIFY(bed.server().url().startsWith(tls ? u"https://" : u"http://"));
}

void tst_AdminHttp::insecureAllowsPublicPlainHttp()
{
    AdminTestBed::Options options;
    options.listen = QStringLiteral("0.0.0.0:0");
    options.insecure = true;
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QVERIFY(bed.server().url().startsWith(u"http://127.0.0.1:"));
    QCOMPARE(bed.get("/running.txt").status, 200);
    QCOMPARE(bed.get("/running.txt", QString()).status, 401);
}

void tst_AdminHttp::startErrors_data()
{
    // AdminServer::start() checks on its own, whatever the config validator let through.
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no port") << QStringLiteral("127.0.0.1") << QString() << QString()
                             << QStringLiteral("<admin listen=\"127.0.0.1\">");
    QTest::newRow("host name") << QStringLiteral("admin.example:8080") << QString() << QString()
                               << QStringLiteral("admin.example");
    QTest::newRow("cert without key") << QStringLiteral("127.0.0.1:0") << QStringLiteral("/nonexistent/c.pem")
                                      << QString() << QStringLiteral("needs both a certificate and a key");
    QTest::newRow("missing cert") << QStringLiteral("127.0.0.1:0") << QStringLiteral("/nonexistent/c.pem")
                                  << QStringLiteral("/nonexistent/k.pem")
                                  << QStringLiteral("<admin cert>: cannot read \"/nonexistent/c.pem\"");
    QTest::newRow("not a certificate")
        << QStringLiteral("127.0.0.1:0") << QStringLiteral(BALANCIER_SOURCE_DIR "/CMakeLists.txt")
        << QStringLiteral(BALANCIER_SOURCE_DIR "/CMakeLists.txt") << QStringLiteral("no PEM certificate");
}

void tst_AdminHttp::startErrors()
{
    QFETCH(QString, listen);
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    AdminConfig admin = bed.initialConfig().admin;
    admin.listen = listen;
    admin.tlsCertificate = certificate;
    admin.tlsKey = key;
    // A running server that cannot move stays where it was and keeps serving.
    const quint16 before = bed.port();
    QVERIFY(!bed.server().start(admin, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(bed.server().isListening());
    QCOMPARE(bed.port(), before);
    QCOMPARE(bed.get("/running.txt").status, 200);
    // A server that was not running does not start.
    AdminServer fresh(bed.engine(), nullptr);
    error.clear();
    QVERIFY(!fresh.start(admin, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!fresh.isListening());
}

void tst_AdminHttp::malformedRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray auth = authorization();
    const QByteArray down = "/hostAdminDown?service=web&group=prod&name=a";
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x01\x01\xfc\x03\x03 \r\n\r\n") << 400;
    QTest::newRow("two spaces") << QByteArray("POST  " + down + " HTTP/1.1\r\n" + auth + "\r\n") << 400;
    QTest::newRow("no version") << QByteArray("POST " + down + "\r\n" + auth + "\r\n") << 400;
    QTest::newRow("bad method") << QByteArray("PO(ST " + down + " HTTP/1.1\r\n" + auth + "\r\n") << 400;
    QTest::newRow("HTTP/2.0") << QByteArray("POST " + down + " HTTP/2.0\r\n" + auth + "\r\n") << 505;
    QTest::newRow("absolute target") << QByteArray("POST http://127.0.0.1" + down + " HTTP/1.1\r\n" + auth
        + "\r\n") << 400;
    QTest::newRow("folded header") << QByteArray("POST " + down + " HTTP/1.1\r\n" + auth + " folded\r\n\r\n")
                                   << 400;
    QTest::newRow("header without colon")
        << QByteArray("POST " + down + " HTTP/1.1\r\n" + auth + "NoColonHere\r\n\r\n") << 400;
    QTest::newRow("space in header name")
        << QByteArray("POST " + down + " HTTP/1.1\r\n" + auth + "Bad Name: x\r\n\r\n") << 400;
    QTest::newRow("bad content-length")
        << QByteArray("POST " + down + " HTTP/1.1\r\n" + auth + "Content-Length: 12x\r\n\r\n") << 400;
    QTest::newRow("negative content-length")
        << QByteArray("POST " + down + " HTTP/1.1\r\n" + auth + "Content-Length: -1\r\n\r\n") << 400;
    QTest::newRow("two content-lengths") << QByteArray(
        "POST " + down + " HTTP/1.1\r\n" + auth + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nx")
                                         << 400;
    QTest::newRow("chunked") << QByteArray(
        "POST " + down + " HTTP/1.1\r\n" + auth + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                             << 501;
    QTest::newRow("dot-dot path") << QByteArray("GET /api/v1/../../etc/passwd HTTP/1.1\r\n" + auth + "\r\n")
                                  << 400;
    QTest::newRow("encoded dot-dot") << QByteArray("GET /api/v1/%2e%2e/x HTTP/1.1\r\n" + auth + "\r\n")
                                     << 400;
    QTest::newRow("NUL in path") << QByteArray("POST /hostAdminDown%00?service=web HTTP/1.1\r\n" + auth
        + "\r\n") << 400;
}

void tst_AdminHttp::malformedRequest()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    session.send(request);
    const HttpTestResponse response = session.readResponse();
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("connection"), QByteArray("close"));
    QVERIFY(!response.body.trimmed().isEmpty());
    QVERIFY(session.waitForDisconnected(5000));
    QVERIFY(bed.engine().runningConfig() == before);
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));
    // The server is fine afterwards.
    QCOMPARE(bed.get("/running.txt").status, 200);
}

void tst_AdminHttp::malformedPipelinedAfterGood()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    session.send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n"
        + "POST /hostAdminDown?service=web&group=prod&name=a HTTP/1.1\r\n" + authorization()
        + "Content-Length: nope\r\n\r\n");
    QCOMPARE(session.readResponse().status, 200);
    const HttpTestResponse second = session.readResponse();
    QCOMPARE(second.status, 400);
    QVERIFY(session.waitForDisconnected(5000));
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));
}

void tst_AdminHttp::headerLimit()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // Just below the limit: served.
    const QByteArray head = "GET /running.txt HTTP/1.1\r\n" + authorization();
    QByteArray fits
        = head + "X-Pad: " + QByteArray(HttpParser::MaxHeaderBytes - head.size() - 16, 'a') + "\r\n\r\n";
    QVERIFY(fits.size() <= HttpParser::MaxHeaderBytes + 4);
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    session.send(fits);
    QCOMPARE(session.readResponse().status, 200);

    // Over the limit, in one piece and trickled without an end: 431 and closed.
    for (const bool complete : {true, false}) {
        QByteArray big = head + "X-Pad: " + QByteArray(HttpParser::MaxHeaderBytes + 100, 'a') + "\r\n";
        if (complete)
            big += "\r\n";
        HttpTestSession over;
        QVERIFY(over.connectPlain(bed.port()));
        over.send(big);
        const HttpTestResponse response = over.readResponse();
        QCOMPARE(response.status, 431);
        QVERIFY(over.waitForDisconnected(5000));
    }
}

void tst_AdminHttp::bodyLimit()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    // Refused on the announced length, before a byte of the body is read.
    session.send("PUT /api/v1/config HTTP/1.1\r\n" + authorization()
        + "Content-Length: " + QByteArray::number(HttpParser::MaxBodyBytes + 1) + "\r\n\r\n<balancier");
    const HttpTestResponse response = session.readResponse();
    QCOMPARE(response.status, 413);
    QVERIFY(session.waitForDisconnected(5000));
    QVERIFY(bed.engine().runningConfig() == before);
}

void tst_AdminHttp::largeConfigFits()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // Near the limit, with 2000 hosts: the dry run parses all of it.
    const QByteArray xml = bigConfig(2000, HttpParser::MaxBodyBytes - 64 * 1024);
    QVERIFY(xml.size() > 7 * 1024 * 1024);
    QVERIFY(xml.size() <= HttpParser::MaxBodyBytes);
    const HttpTestResponse response = bed.request("PUT", "/api/v1/config?dryrun=1", AdminTestBed::Admin, xml);
    QCOMPARE(response.status, 200);
    const QJsonObject object = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(object.value(QStringLiteral("dryRun")).toBool(), true);
    QVERIFY(object.value(QStringLiteral("changes")).toArray().size() > 0);
}

void tst_AdminHttp::manyAttributesDoNotBlock()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // One element with 200,000 attributes (2.7 MB): the XML reader's duplicate
    // check made this minutes of work on the control thread.
    QByteArray xml = "<balancier version=\"1\">\n  <settings";
    for (int i = 0; i < 200000; ++i)
        xml += " a" + QByteArray::number(i) + "=\"1\"";
    xml += "/>\n</balancier>\n";
    QVERIFY(xml.size() <= HttpParser::MaxBodyBytes);

    HttpTestSession put;
    QVERIFY(put.connectPlain(bed.port()));
    HttpTestSession get;
    QVERIFY(get.connectPlain(bed.port()));
    QElapsedTimer timer;
    timer.start();
    put.send("PUT /api/v1/config?dryrun=1 HTTP/1.1\r\n" + authorization()
        + "Content-Length: " + QByteArray::number(xml.size()) + "\r\n\r\n" + xml);
    get.send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
    // A GET sent meanwhile is answered at once; the bound leaves room for a
    // loaded machine and sanitizers (a quadratic parse takes minutes).
    const HttpTestResponse answer = get.readResponse(10000);
    QCOMPARE(answer.status, 200);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    const HttpTestResponse refused = put.readResponse(10000);
    QCOMPARE(refused.status, 422);
    QVERIFY2(refused.body.contains("\"line\":2") && refused.body.contains("\"column\":3")
            && refused.body.contains("<settings> has 200000 attributes; an element may have at most 64"),
        refused.body.left(500).constData());
}

void tst_AdminHttp::slowRequestIsCut()
{
    AdminTestBed::Options options;
    options.requestTimeoutMs = 400;
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    // Slowloris: a byte now and then, never the end of the header.
    const QByteArray partial = "GET /running.txt HTTP/1.1\r\n" + authorization() + "X-Slow: ";
    QElapsedTimer timer;
    timer.start();
    session.send(partial);
    QTimer drip;
    connect(&drip, &QTimer::timeout, &session, [&session] {
        if (session.isConnected())
            session.send("a");
    });
    drip.start(50);
    const HttpTestResponse response = session.readResponse(5000);
    QCOMPARE(response.status, 408);
    QVERIFY(session.waitForDisconnected(3000));
    // Cut after the request timeout, although bytes kept coming.
    QVERIFY2(timer.elapsed() >= 350, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

void tst_AdminHttp::silentConnectionIsCut()
{
    AdminTestBed::Options options;
    options.requestTimeoutMs = 300;
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    QVERIFY(session.waitForDisconnected(3000));
    QVERIFY(session.pending().isEmpty());
}

void tst_AdminHttp::idleKeepAliveIsClosed()
{
    AdminTestBed::Options options;
    options.idleTimeoutMs = 300;
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    session.send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
    const HttpTestResponse response = session.readResponse();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("connection"), QByteArray("keep-alive"));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(session.waitForDisconnected(3000));
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
}

void tst_AdminHttp::keepAliveAndPipelining()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    // Three requests in one write, answered in order on one connection.
    session.send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n"
        + "POST /hostAdminDown?service=web&group=prod&name=a HTTP/1.1\r\n" + authorization()
        + "Content-Length: 0\r\n\r\n" + "GET /api/v1/services/web/groups/prod/hosts/a HTTP/1.1\r\n"
        + authorization() + "Connection: close\r\n\r\n");
    const HttpTestResponse first = session.readResponse();
    QCOMPARE(first.status, 200);
    QVERIFY(first.body.startsWith("service web "));
    QCOMPARE(session.readResponse().status, 200);
    const HttpTestResponse third = session.readResponse();
    QCOMPARE(third.status, 200);
    QCOMPARE(QJsonDocument::fromJson(third.body).object().value(QStringLiteral("state")).toString(),
        QStringLiteral("maintenance"));
    QCOMPARE(third.header("connection"), QByteArray("close"));
    QVERIFY(session.waitForDisconnected(5000));
    // HTTP/1.0 closes unless asked otherwise.
    HttpTestSession old;
    QVERIFY(old.connectPlain(bed.port()));
    old.send("GET /running.txt HTTP/1.0\r\n" + authorization() + "\r\n");
    QCOMPARE(old.readResponse().status, 200);
    QVERIFY(old.waitForDisconnected(5000));
}

void tst_AdminHttp::pipelinedWhileHeldByBrake()
{
    // While a request waits (the failed-login brake holds it), the client
    // keeps sending; nothing may be lost and the order must hold.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestClient client(bed.port());
    for (int i = 0; i < 4; ++i) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed login")));
        QCOMPARE(
            client.request("GET", "/running.txt", AdminTestBed::Admin, QStringLiteral("nope")).status, 401);
    }
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    const QByteArray bad = "GET /running.txt HTTP/1.1\r\nAuthorization: Basic "
        + QByteArray("admin:wrong").toBase64() + "\r\n\r\n";
    session.send(bad);
    // Pauses on purpose: the later requests must arrive as separate reads while the first is held.
    QTest::qWait(20);
    session.send("GET /running.txt HTTP/1.1\r\n" + authorization(AdminTestBed::Viewer) + "\r\n");
    QTest::qWait(20);
    session.send("GET /api/v1/status HTTP/1.1\r\n" + authorization(AdminTestBed::Viewer)
        + "Connection: close\r\n\r\n");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed login")));
    QCOMPARE(session.readResponse().status, 401);
    const HttpTestResponse second = session.readResponse();
    QCOMPARE(second.status, 200);
    QVERIFY(second.body.startsWith("service web"));
    const HttpTestResponse third = session.readResponse();
    QCOMPARE(third.status, 200);
    QVERIFY(third.body.startsWith("{"));
    QVERIFY(session.waitForDisconnected(5000));
}

void tst_AdminHttp::headRequest()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray body = bed.get("/running.txt").body;
    QVERIFY(!body.isEmpty());
    // HEAD, then GET on the same connection: the HEAD answer announces the
    // length but carries no body, so the GET answer follows at once.
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    session.send("HEAD /running.txt HTTP/1.1\r\n" + authorization() + "\r\n"
        + "HEAD /running.txt HTTP/1.1\r\n\r\n" + "GET /running.txt HTTP/1.1\r\n" + authorization()
        + "Connection: close\r\n\r\n");
    QVERIFY(session.waitForDisconnected(5000));
    const QByteArray raw = session.pending();
    QVERIFY2(raw.startsWith("HTTP/1.1 200 OK\r\n"), raw.constData());
    const qsizetype firstEnd = raw.indexOf("\r\n\r\n") + 4;
    const QByteArray length = "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    QVERIFY(raw.left(firstEnd).contains(length));
    // The unauthenticated HEAD: a 401 without a body.
    QVERIFY2(raw.mid(firstEnd).startsWith("HTTP/1.1 401 "), raw.constData());
    const qsizetype secondEnd = raw.indexOf("\r\n\r\n", firstEnd) + 4;
    QVERIFY2(raw.mid(secondEnd).startsWith("HTTP/1.1 200 OK\r\n"), raw.constData());
    QVERIFY(raw.endsWith(QByteArray("\r\n\r\n" + body)));
}

void tst_AdminHttp::unknownPathAndMethod()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestResponse response = bed.get("/nosuch");
    QCOMPARE(response.status, 404);
    response = bed.get("/api/v1/nosuch");
    QCOMPARE(response.status, 404);
    QVERIFY(response.header("content-type").startsWith("application/json"));
    response = bed.request("DELETE", "/running.txt");
    QCOMPARE(response.status, 405);
    QCOMPARE(response.header("allow"), QByteArray("GET"));
    response = bed.request("OPTIONS", "/api/v1/config");
    QCOMPARE(response.status, 405);
}

void tst_AdminHttp::connectionLimit()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    std::vector<std::unique_ptr<HttpTestSession>> sessions;
    for (int i = 0; i < AdminServer::MaxConnections; ++i) {
        sessions.push_back(std::make_unique<HttpTestSession>());
        QVERIFY(sessions.back()->connectPlain(bed.port()));
        // An answer proves the server holds this connection; it stays open (keep-alive).
        sessions.back()->send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
        QCOMPARE(sessions.back()->readResponse().status, 200);
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("connection limit 64 reached")));
    HttpTestSession extra;
    QVERIFY(extra.connectPlain(bed.port()));
    extra.send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
    QCOMPARE(extra.readResponse().status, 503);
    QVERIFY(extra.waitForDisconnected(5000));
    // The held connections still work, and a freed slot is taken again.
    sessions.front()->send("GET /running.txt HTTP/1.1\r\n" + authorization() + "Connection: close\r\n\r\n");
    QCOMPARE(sessions.front()->readResponse().status, 200);
    QVERIFY(sessions.front()->waitForDisconnected(5000));
    QTRY_COMPARE(bed.get("/running.txt").status, 200);
}

void tst_AdminHttp::tls()
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
    QVERIFY(bed.server().url().startsWith(u"https://127.0.0.1:"));

    HttpTestSession session;
    QVERIFY2(session.connectTls(bed.port(), certificate.certificate()),
        qPrintable(session.socket().errorString()));
    QCOMPARE(session.socket().peerCertificate(), certificate.certificate());
    session.send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
    HttpTestResponse response = session.readResponse();
    QCOMPARE(response.status, 200);
    QVERIFY(response.body.startsWith("service web "));
    // Authentication is enforced over TLS too.
    session.send("GET /running.txt HTTP/1.1\r\n\r\n");
    QCOMPARE(session.readResponse().status, 401);
    // A write with a body large enough to span many TLS records.
    const QByteArray xml = bigConfig(50, 1024 * 1024);
    session.send("PUT /api/v1/config?dryrun=yes HTTP/1.1\r\n" + authorization()
        + "Content-Length: " + QByteArray::number(xml.size()) + "\r\n\r\n" + xml);
    response = session.readResponse();
    QCOMPARE(response.status, 200);
    QVERIFY(response.body.contains("\"dryRun\":true"));

    // A client that does not trust this certificate gets no connection.
    TestCertificate other;
    QTemporaryDir otherDir;
    QVERIFY2(other.generate(otherDir.path(), &error), qPrintable(error));
    HttpTestSession distrustful;
    QVERIFY(!distrustful.connectTls(bed.port(), other.certificate()));
    QVERIFY(!distrustful.sslErrors().isEmpty());
}

void tst_AdminHttp::tlsPlainClientRefused()
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
    const Config before = bed.engine().runningConfig();
    HttpTestSession plain;
    QVERIFY(plain.connectPlain(bed.port()));
    plain.send("POST /hostAdminDown?service=web&group=prod&name=a HTTP/1.1\r\n" + authorization() + "\r\n");
    QVERIFY(plain.waitForDisconnected(5000));
    QVERIFY2(!plain.pending().startsWith("HTTP/"), plain.pending().constData());
    QVERIFY(bed.engine().runningConfig() == before);
}

void tst_AdminHttp::tlsSilentHandshakeIsCut()
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
    options.requestTimeoutMs = 300;
    AdminTestBed bed(options);
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestSession silent;
    QVERIFY(silent.connectPlain(bed.port()));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(silent.waitForDisconnected(5000));
    QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_MAIN(tst_AdminHttp)
#include "tst_adminhttp.moc"
