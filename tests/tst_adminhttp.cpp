// The admin API's HTTP layer: start-up policy (loopback, TLS, insecure),
// strict parsing, hard limits, slow and idle clients, keep-alive and
// pipelining, the connection limit, and TLS with a certificate made at run time.

#include "admin/adminserver.h"
#include "admin/http/httpconnection.h"
#include "admin/http/httpparser.h"
#include "admintestbed.h"
#include "config/passwordhash.h"
#include "httptestclient.h"
#include "httptestsession.h"
#include "testcertificate.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Balancier;

namespace {

/// The Basic credentials of `user`, one header line.
QByteArray credentials(const QString &user = AdminTestBed::Admin)
{
    return "Authorization: Basic " + (user + u':' + AdminTestBed::passwordOf(user)).toUtf8().toBase64()
        + "\r\n";
}

/// The header lines every request here carries: Host (required in HTTP/1.1) and the credentials.
QByteArray authorization(const QString &user = AdminTestBed::Admin)
{
    return "Host: 127.0.0.1\r\n" + credentials(user);
}

bool ipv6LoopbackAvailable()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

/// How often `needle` occurs in `haystack`.
qsizetype countOf(const QByteArray &haystack, const QByteArray &needle)
{
    qsizetype count = 0;
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.size()))
        ++count;
    return count;
}

/// A plain session from the loopback address `source` (127.x.y.z: one more
/// client address without leaving the machine). Null when it cannot connect.
std::unique_ptr<HttpTestSession> sessionFrom(const char *source, quint16 port)
{
    auto session = std::make_unique<HttpTestSession>();
    if (!session->socket().bind(QHostAddress(QString::fromLatin1(source)), 0))
        return nullptr;
    if (!session->connectPlain(port))
        return nullptr;
    return session;
}

/// The admin server's connections that are not closing (the server side of the test's sessions).
QList<HttpConnection *> openConnections(AdminTestBed &bed)
{
    QList<HttpConnection *> open = bed.server().findChildren<HttpConnection *>();
    open.removeIf([](HttpConnection *connection) { return connection->isClosing(); });
    return open;
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
    void everyAnsweredStatusHasItsReason();
    void startPolicy_data();
    void startPolicy();
    void insecureAllowsPublicPlainHttp();
    void startErrors_data();
    void startErrors();
    void malformedRequest_data();
    void malformedRequest();
    void malformedPipelinedAfterGood();
    void invalidUtf8IsNamed();
    void expectContinue();
    void pipelinedFlood_data();
    void pipelinedFlood();
    void unreadAnswersAreBounded();
    void pausedReaderIsResumed();
    void headerLimit();
    void bodyLimit();
    void largeConfigFits();
    void manyAttributesDoNotBlock();
    void bigConfigIsReadOffTheControlThread();
    void slowRequestIsCut();
    void firstRequestDeadlineRunsFromAccept();
    void silentConnectionIsCut();
    void idleKeepAliveIsClosed();
    void keepAliveAndPipelining();
    void pipelinedWhileHeldByBrake();
    void headRequest();
    void unknownPathAndMethod();
    void anonymousClientCannotMapTheApi_data();
    void anonymousClientCannotMapTheApi();
    void connectionLimit();
    void oneAddressCannotTakeAllSlots();
    void longestWaitingMakesRoom();
    void tls();
    void tlsPlainClientRefused();
    void tlsSilentHandshakeIsCut();
};

void tst_AdminHttp::everyAnsweredStatusHasItsReason()
{
    // Every status the API answers with is named in the status line (a 412
    // from If-Match once went out as "412 Unknown").
    for (const int status : {200, 201, 204, 303, 400, 401, 403, 404, 405, 408, 409, 411, 412, 413, 417, 422,
             429, 431, 500, 501, 503, 505})
        QVERIFY2(HttpResponse::reasonPhrase(status) != "Unknown", qPrintable(QString::number(status)));
    QCOMPARE(HttpResponse::reasonPhrase(412), QByteArray("Precondition Failed"));
}

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
    // RFC 9112 framing: Content-Length is 1*DIGIT (and written without leading zeros).
    QTest::newRow("plus content-length")
        << QByteArray("POST " + down + " HTTP/1.1\r\n" + auth + "Content-Length: +31\r\n\r\n") << 400;
    QTest::newRow("leading-zero content-length")
        << QByteArray("POST " + down + " HTTP/1.1\r\n" + auth + "Content-Length: 031\r\n\r\n") << 400;
    QTest::newRow("huge content-length") << QByteArray(
        "POST " + down + " HTTP/1.1\r\n" + auth + "Content-Length: 99999999999999999999999\r\n\r\n")
                                         << 413;
    QTest::newRow("no Host in HTTP/1.1")
        << QByteArray("GET /running.txt HTTP/1.1\r\n" + credentials() + "\r\n") << 400;
    QTest::newRow("two Hosts") << QByteArray(
        "GET /running.txt HTTP/1.1\r\n" + auth + "Host: evil.example\r\n\r\n")
                               << 400;
    QTest::newRow("two Hosts in HTTP/1.0")
        << QByteArray("GET /running.txt HTTP/1.0\r\n" + auth + "Host: evil.example\r\n\r\n") << 400;
    QTest::newRow("bare CR in a value")
        << QByteArray("GET /running.txt HTTP/1.1\r\n" + auth + "X-Note: a\rb\r\n\r\n") << 400;
    QTest::newRow("bare CR in the request line")
        << QByteArray("GET /running.txt\r HTTP/1.1\r\n" + auth + "\r\n") << 400;
    QTest::newRow("bare LF line end")
        << QByteArray("GET /running.txt HTTP/1.1\r\n" + auth + "X-Note: a\nX-Other: b\r\n\r\n") << 400;
    QTest::newRow("control character in a value")
        << QByteArray("GET /running.txt HTTP/1.1\r\n" + auth + "X-Note: a\x01b\r\n\r\n") << 400;
    QTest::newRow("unknown expectation")
        << QByteArray("POST " + down + " HTTP/1.1\r\n" + auth + "Expect: 200-ok\r\n\r\n") << 417;
    // Invalid UTF-8 would be folded to U+FFFD: "%FF" and "%FE" would name the same thing.
    QTest::newRow("invalid UTF-8 in a query parameter")
        << QByteArray("POST /hostAdminDown?service=web&group=prod&name=%FF HTTP/1.1\r\n" + auth + "\r\n")
        << 400;
    QTest::newRow("invalid UTF-8 in a form parameter") << QByteArray("POST /hostAdminDown HTTP/1.1\r\n" + auth
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 33\r\n\r\n"
          "service=web&group=prod&name=%C3%28") << 400;
    QTest::newRow("raw invalid UTF-8 in a parameter")
        << QByteArray("POST /hostAdminDown?service=web&group=prod&name=\xff HTTP/1.1\r\n" + auth + "\r\n")
        << 400;
    QTest::newRow("invalid UTF-8 in the path")
        << QByteArray("GET /api/v1/services/%FF HTTP/1.1\r\n" + auth + "\r\n") << 400;
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

void tst_AdminHttp::invalidUtf8IsNamed()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestResponse response = bed.post("/addHost?service=web&group=spare&name=x%FE&ip=127.0.0.1:1");
    QCOMPARE(response.status, 400);
    QVERIFY2(response.body.contains("parameter 'name' is not valid UTF-8"), response.body.constData());
    response = bed.post("/addHost?service=web&group=spare&name=x&ip%FE=127.0.0.1:1");
    QCOMPARE(response.status, 400);
    QVERIFY2(response.body.contains("not valid UTF-8: ip%FE"), response.body.constData());
    // Valid UTF-8, percent-encoded, is fine.
    response = bed.post("/addHost?service=web&group=spare&name=caf%C3%A9&ip=127.0.0.1:1");
    QCOMPARE(response.status, 200);
    QVERIFY(bed.engine()
                .runningConfig()
                .service(QStringLiteral("web"))
                ->group(QStringLiteral("spare"))
                ->host(QStringLiteral("caf\u00e9")));
}

void tst_AdminHttp::expectContinue()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    const QByteArray body = "service=web&group=prod&name=a";
    session.send("POST /hostAdminDown HTTP/1.1\r\n" + authorization()
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
    // The interim answer comes before the body is sent, and nothing else does.
    QTRY_COMPARE_WITH_TIMEOUT(session.pending(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"), 5000);
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));
    session.send(body);
    QVERIFY(session.waitForDisconnected(5000));
    QVERIFY2(session.pending().startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"),
        session.pending().constData());
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("maintenance"));

    // With the body sent at once there is nothing to wait for: no interim answer.
    HttpTestSession eager;
    QVERIFY(eager.connectPlain(bed.port()));
    eager.send("POST /hostAdminUp HTTP/1.1\r\n" + authorization()
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n" + body);
    QVERIFY(eager.waitForDisconnected(5000));
    QVERIFY2(eager.pending().startsWith("HTTP/1.1 200 OK\r\n"), eager.pending().constData());
}

void tst_AdminHttp::pipelinedFlood_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("answer");
    // Each pipelined request used to recurse once more: 5,000 overflowed the stack.
    QTest::newRow("5000 unauthenticated")
        << 5000 << QByteArray("/") << QByteArray("Host: 127.0.0.1\r\n") << QByteArray("HTTP/1.1 401 ");
    QTest::newRow("20000 authenticated")
        << 20000 << QByteArray("/running.txt") << authorization() << QByteArray("HTTP/1.1 200 ");
}

void tst_AdminHttp::pipelinedFlood()
{
    QFETCH(int, count);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, answer);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QByteArray flood;
    for (int i = 0; i < count; ++i) {
        flood += "GET " + path + "?verbose=" + QByteArray::number(i) + " HTTP/1.1\r\n" + headers
            + (i + 1 == count ? "Connection: close\r\n\r\n" : "\r\n");
    }
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    QTRY_COMPARE_WITH_TIMEOUT(openConnections(bed).size(), 1, 5000);
    // Each request must be handled to its end before the next is parsed:
    // with recursion, the handlers would return in reverse order.
    int next = 0;
    int disorder = 0;
    connect(openConnections(bed).constFirst(), &HttpConnection::requestReceived, this,
        [&](HttpConnection *, const HttpRequest &request) {
            disorder += request.parameter(QStringLiteral("verbose")).toInt() == next ? 0 : 1;
            ++next;
        });
    // A real event loop while waiting (qWaitFor would pause between rounds).
    QSignalSpy closed(&session.socket(), &QAbstractSocket::disconnected);
    session.send(flood);
    // All answered, in order, in one piece each, and the last one closes.
    QVERIFY(closed.wait(120000));
    QCOMPARE(next, count);
    QCOMPARE(disorder, 0);
    QCOMPARE(countOf(session.pending(), answer), count);
    QCOMPARE(countOf(session.pending(), "Connection: close\r\n"), 1);
    QVERIFY(session.pending().startsWith(answer));
    // The server survives and serves the next client.
    QCOMPARE(bed.get("/running.txt").status, 200);
}

void tst_AdminHttp::unreadAnswersAreBounded()
{
    AdminTestBed::Options options;
    options.stalledOutputTimeoutMs = 1000;
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // Enough requests for far more answers than every buffer on the way can hold.
    const qsizetype answerSize = bed.get("/metrics").body.size() + 200;
    const qsizetype count = qMin<qsizetype>(64 * 1024 * 1024 / answerSize + 1, 100000);
    const QByteArray request = "GET /metrics HTTP/1.1\r\n" + authorization() + "\r\n";

    // A client that sends them all and never reads: it holds at most a few
    // KiB itself, and the kernel's buffers fill up.
    QTcpSocket client;
    client.setReadBufferSize(4096);
    client.connectToHost(QHostAddress::LocalHost, bed.port());
    QTRY_COMPARE_WITH_TIMEOUT(openConnections(bed).size(), 1, 5000);
    const QPointer<HttpConnection> connection = openConnections(bed).constFirst();
    qint64 mostQueued = 0;
    QTimer sample;
    connect(&sample, &QTimer::timeout, this, [&] {
        if (connection)
            mostQueued = qMax(mostQueued, connection->socket()->bytesToWrite());
    });
    sample.start(1);
    client.write(request.repeated(count));
    // Reading stops above the bound; the connection is closed when it stays there.
    QTRY_VERIFY_WITH_TIMEOUT(connection.isNull(), 60000);
    QVERIFY2(mostQueued > HttpConnection::MaxPendingOutputBytes, qPrintable(QString::number(mostQueued)));
    QVERIFY2(mostQueued <= HttpConnection::MaxPendingOutputBytes + 4 * answerSize,
        qPrintable(QString::number(mostQueued)));
    QCOMPARE(bed.get("/running.txt").status, 200);
}

void tst_AdminHttp::pausedReaderIsResumed()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const qsizetype answerSize = bed.get("/metrics").body.size() + 200;
    const int count = int(qMin<qsizetype>(32 * 1024 * 1024 / answerSize + 1, 50000));
    const QByteArray request = "GET /metrics HTTP/1.1\r\n" + authorization();
    QTcpSocket client;
    client.setReadBufferSize(4096);
    client.connectToHost(QHostAddress::LocalHost, bed.port());
    QTRY_COMPARE_WITH_TIMEOUT(openConnections(bed).size(), 1, 5000);
    const QPointer<HttpConnection> connection = openConnections(bed).constFirst();
    QByteArray all;
    for (int i = 0; i + 1 < count; ++i)
        all += request + "\r\n";
    client.write(all + request + "Connection: close\r\n\r\n");
    // Not reading: the server holds back...
    QTRY_VERIFY_WITH_TIMEOUT(
        connection && connection->socket()->bytesToWrite() > HttpConnection::MaxPendingOutputBytes, 30000);
    // ...and goes on once the client reads again: every answer arrives.
    QByteArray received;
    connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
    client.setReadBufferSize(0);
    received += client.readAll();
    QTRY_VERIFY_WITH_TIMEOUT(client.state() == QAbstractSocket::UnconnectedState, 60000);
    received += client.readAll();
    QCOMPARE(countOf(received, "HTTP/1.1 200 OK\r\n"), count);
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

void tst_AdminHttp::bigConfigIsReadOffTheControlThread()
{
    // A large valid config (about 4 MB, 60,000 hosts) takes a good part of a
    // second to read and validate. That happens on a worker thread: a GET
    // sent after the PUT is answered while the PUT is still being read.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QByteArray xml = "<balancier version=\"1\">\n  <service name=\"big\">\n    <listen ip=\"127.0.0.1:0\"/>\n"
                     "    <group name=\"g\">\n";
    for (int i = 0; i < 60000; ++i) {
        xml += "      <host name=\"h" + QByteArray::number(i) + "\" ip=\"127.0."
            + QByteArray::number(i / 60000 + 1) + "." + QByteArray::number(i % 250 + 1) + ":"
            + QByteArray::number(1000 + i / 250) + "\"/>\n";
    }
    xml += "    </group>\n    <enable group=\"g\"/>\n  </service>\n"
           "  <admin listen=\"127.0.0.1:0\">\n"
           "    <user name=\"admin\" "
           "password=\"pbkdf2-sha256$1000$c2FsdHNhbHQ=$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\" "
           "access=\"full\"/>\n  </admin>\n</balancier>\n";
    QVERIFY(xml.size() <= HttpParser::MaxBodyBytes);

    // An error at the very end: the whole file is read and validated, and
    // the answer is a 422 without any diff work on the control thread.
    xml.replace("<enable group=\"g\"/>", "<enable group=\"g\" colour=\"red\"/>");

    HttpTestSession put;
    QVERIFY(put.connectPlain(bed.port()));
    HttpTestSession get;
    QVERIFY(get.connectPlain(bed.port()));
    // Both authenticated first, so that no password check orders them.
    for (HttpTestSession *session : {&get, &put}) {
        session->send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
        QCOMPARE(session->readResponse(10000).status, 200);
    }

    QElapsedTimer total;
    total.start();
    put.send("PUT /api/v1/config?dryrun=1 HTTP/1.1\r\n" + authorization()
        + "Content-Length: " + QByteArray::number(xml.size()) + "\r\n\r\n" + xml);
    // Small requests on the other connection while the PUT is in the works:
    // each must be answered at once, not after the config was read.
    qint64 slowest = 0;
    int answered = 0;
    while (put.pending().isEmpty() && total.elapsed() < 60000) {
        QElapsedTimer one;
        one.start();
        get.send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
        QCOMPARE(get.readResponse(30000).status, 200);
        slowest = qMax(slowest, one.elapsed());
        ++answered;
    }
    const HttpTestResponse refused = put.readResponse(30000);
    const qint64 elapsed = total.elapsed();
    QCOMPARE(refused.status, 422);
    QVERIFY2(refused.body.contains("colour"), refused.body.left(300).constData());
    // Read on the control thread, one GET would have waited for the whole read.
    QVERIFY2(answered >= 2 && slowest * 2 < elapsed,
        qPrintable(QStringLiteral("%1 GETs answered during the PUT's %2 ms; the slowest took %3 ms")
                       .arg(answered)
                       .arg(elapsed)
                       .arg(slowest)));
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

void tst_AdminHttp::firstRequestDeadlineRunsFromAccept()
{
    // The first request's clock starts at the accept: a client that waits
    // before trickling its request does not get a second full period.
    AdminTestBed::Options options;
    options.requestTimeoutMs = 1500;
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestSession session;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(session.connectPlain(bed.port()));
    QTimer drip;
    connect(&drip, &QTimer::timeout, &session, [&session] {
        if (session.isConnected())
            session.send(session.pending().isEmpty() ? "G" : "");
    });
    QTimer::singleShot(1200, &session, [&] {
        session.send("GET /running.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        drip.start(100);
    });
    const HttpTestResponse response = session.readResponse(10000);
    QCOMPARE(response.status, 408);
    QVERIFY(session.waitForDisconnected(3000));
    // Cut about 1.5 s after the accept, not 1.5 s after the first byte (2.7 s).
    QVERIFY2(timer.elapsed() >= 1400, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(timer.elapsed() < 2400, qPrintable(QString::number(timer.elapsed())));
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
    const QByteArray bad = "GET /running.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
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
        + "HEAD /running.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + "GET /running.txt HTTP/1.1\r\n"
        + authorization() + "Connection: close\r\n\r\n");
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

void tst_AdminHttp::anonymousClientCannotMapTheApi_data()
{
    QTest::addColumn<bool>("metricsPublic");
    QTest::newRow("metrics private") << false;
    QTest::newRow("metrics public") << true;
}

void tst_AdminHttp::anonymousClientCannotMapTheApi()
{
    // Without credentials every path answers 401, whether it exists, exists
    // for another method or not at all: only /metrics, when public, answers.
    QFETCH(bool, metricsPublic);
    AdminTestBed::Options options;
    options.metricsPublic = metricsPublic;
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QList<QPair<QByteArray, QByteArray>> requests = {{"GET", "/nosuch"}, {"GET", "/api/v1/nosuch"},
        {"HEAD", "/nosuch"}, {"DELETE", "/running.txt"}, {"GET", "/addHost"}, {"OPTIONS", "/api/v1/config"},
        {"GET", "/running.txt"}, {"POST", "/metrics"}};
    for (const auto &[method, path] : requests) {
        const HttpTestResponse response = bed.request(method, path, QString());
        QVERIFY2(response.status == 401,
            QByteArray(method + ' ' + path + ": " + QByteArray::number(response.status)).constData());
        QVERIFY(!response.header("www-authenticate").isEmpty());
    }
    QCOMPARE(bed.request("GET", "/metrics", QString()).status, metricsPublic ? 200 : 401);
    QCOMPARE(bed.request("HEAD", "/metrics", QString()).status, metricsPublic ? 200 : 401);
    // Once authenticated, the client is told what exists.
    QCOMPARE(bed.get("/nosuch").status, 404);
    QCOMPARE(bed.get("/addHost").status, 405);
}

void tst_AdminHttp::connectionLimit()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // Event streams are busy for good: nothing can make room for a newcomer.
    std::vector<std::unique_ptr<HttpTestSession>> streams;
    for (int i = 0; i < AdminServer::MaxConnections; ++i) {
        streams.push_back(sessionFrom(i % 2 == 0 ? "127.0.0.1" : "127.0.0.2", bed.port()));
        QVERIFY(streams.back());
        streams.back()->send("GET /api/v1/events HTTP/1.1\r\n" + authorization() + "\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(streams.back()->pending().contains("text/event-stream"), 5000);
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("connection limit 64 reached")));
    const auto extra = sessionFrom("127.0.0.3", bed.port());
    QVERIFY(extra);
    extra->send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
    QCOMPARE(extra->readResponse().status, 503);
    QVERIFY(extra->waitForDisconnected(5000));
    // An address at its share is refused the same way.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("127.0.0.1 holds 32 connections")));
    const auto more = sessionFrom("127.0.0.1", bed.port());
    QVERIFY(more);
    QCOMPARE(more->readResponse().status, 503);
    // A freed slot is taken again.
    streams.front()->socket().disconnectFromHost();
    QTRY_COMPARE(openConnections(bed).size(), AdminServer::MaxConnections - 1);
    QCOMPARE(bed.get("/running.txt").status, 200);
}

void tst_AdminHttp::oneAddressCannotTakeAllSlots()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // 80 slow connections from one address, each with a request begun and never finished.
    std::vector<std::unique_ptr<HttpTestSession>> slow;
    for (int i = 0; i < 80; ++i) {
        slow.push_back(sessionFrom("127.0.0.1", bed.port()));
        QVERIFY(slow.back());
        slow.back()->send("GET /running.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    }
    // They hold their address's share and no more: the oldest made room for the newest.
    QTRY_COMPARE_WITH_TIMEOUT(openConnections(bed).size(), AdminServer::MaxConnectionsPerAddress, 10000);
    QVERIFY(slow.front()->waitForDisconnected(5000));
    QVERIFY(slow.back()->isConnected());
    // Clients from another address are served meanwhile...
    for (int i = 0; i < 10; ++i) {
        const auto other = sessionFrom("127.0.0.2", bed.port());
        QVERIFY(other);
        other->send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
        QCOMPARE(other->readResponse().status, 200);
    }
    // ...and so is one from the attacked address: the slowest attacker makes room.
    const auto same = sessionFrom("127.0.0.1", bed.port());
    QVERIFY(same);
    same->send("GET /running.txt HTTP/1.1\r\n" + authorization() + "Connection: close\r\n\r\n");
    QCOMPARE(same->readResponse().status, 200);
}

void tst_AdminHttp::longestWaitingMakesRoom()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // Every slot taken by an idle keep-alive connection, half from each of two addresses.
    std::vector<std::unique_ptr<HttpTestSession>> idle;
    for (int i = 0; i < AdminServer::MaxConnections; ++i) {
        idle.push_back(sessionFrom(i % 2 == 0 ? "127.0.0.1" : "127.0.0.2", bed.port()));
        QVERIFY(idle.back());
        idle.back()->send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
        QCOMPARE(idle.back()->readResponse().status, 200);
    }
    // A newcomer is served; the connection idle the longest is closed for it.
    const auto newcomer = sessionFrom("127.0.0.3", bed.port());
    QVERIFY(newcomer);
    newcomer->send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
    QCOMPARE(newcomer->readResponse().status, 200);
    QVERIFY(idle.front()->waitForDisconnected(5000));
    QVERIFY(idle.front()->pending().isEmpty());
    for (std::size_t i = 1; i < idle.size(); ++i)
        QVERIFY(idle.at(i)->isConnected());
    idle.at(1)->send("GET /running.txt HTTP/1.1\r\n" + authorization() + "\r\n");
    QCOMPARE(idle.at(1)->readResponse().status, 200);
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
    session.send("GET /running.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
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
