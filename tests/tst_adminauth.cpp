// Authentication, roles, method rules and cross-site protection of the admin
// API, walked over the server's own command table so that a new endpoint is
// covered the day it is added.

#include "admin/adminserver.h"
#include "admin/auth/adminauth.h"
#include "admin/auth/passwordverifier.h"
#include "admintestbed.h"
#include "config/passwordhash.h"
#include "httptestclient.h"
#include "httptestsession.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Balancier;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray methodName(const AdminServer::Command &command)
{
    return command.method;
}

/// Whether some command answers GET on the same pattern.
bool hasGet(const QString &pattern)
{
    for (const AdminServer::Command &command : AdminServer::commands()) {
        if (command.pattern == pattern && command.method == "GET")
            return true;
    }
    return false;
}

/// The CSRF token the status page hands to `user`'s forms.
QByteArray csrfTokenFromPage(const QByteArray &html)
{
    static const QRegularExpression token(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\""));
    const QRegularExpressionMatch match = token.match(QString::fromUtf8(html));
    return match.hasMatch() ? match.captured(1).toUtf8() : QByteArray();
}

/// Answers counted in the order they arrive, across several InFlightRequests.
struct AnswerLog
{
    int answered = 0;
};

/// One request sent without waiting for its answer, from a chosen loopback
/// source address (so that the server sees several clients); the event loop
/// of the test (which is the server's) collects the answer.
class InFlightRequest final
{
    Q_DISABLE_COPY_MOVE(InFlightRequest)

public:
    InFlightRequest(
        AnswerLog &log, quint16 port, const QString &source, const QString &user, const QString &password)
        : m_log(log)
    {
        m_bound = m_socket.bind(QHostAddress(source), 0);
        const QByteArray bytes = "GET /running.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
            + (user + u':' + password).toUtf8().toBase64() + "\r\nConnection: close\r\n\r\n";
        QObject::connect(
            &m_socket, &QTcpSocket::connected, &m_socket, [this, bytes] { m_socket.write(bytes); });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { collect(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] {
            collect();
            finish();
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool bound() const { return m_bound; }
    bool isDone() const { return m_order >= 0; }
    /// How many requests of the log were answered before this one.
    int order() const { return m_order; }
    int status() const
    {
        const QList<QByteArray> words = m_data.left(m_data.indexOf("\r\n")).split(' ');
        return words.size() > 1 ? words.at(1).toInt() : 0;
    }
    bool hasHeader(const QByteArray &name) const
    {
        const qsizetype end = m_data.indexOf("\r\n\r\n");
        return m_data.left(end < 0 ? m_data.size() : end)
            .toLower()
            .contains(QByteArray("\r\n" + name.toLower() + ':'));
    }

private:
    void collect()
    {
        m_data += m_socket.readAll();
        const qsizetype end = m_data.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        static const QRegularExpression length(QStringLiteral("(?i)\r\ncontent-length: *(\\d+)"));
        const QRegularExpressionMatch match = length.match(QString::fromLatin1(m_data.left(end)));
        if (match.hasMatch() && m_data.size() - end - 4 >= match.captured(1).toLongLong())
            finish();
    }
    void finish()
    {
        if (m_order < 0 && !m_data.isEmpty())
            m_order = m_log.answered++;
    }

    AnswerLog &m_log;
    QTcpSocket m_socket;
    QByteArray m_data;
    bool m_bound = false;
    int m_order = -1;
};

using InFlight = std::vector<std::unique_ptr<InFlightRequest>>;

/// Gives the test bed's users hashes as costly as `iterations` makes them.
bool useCostlyHashes(AdminTestBed &bed, int iterations, QString *error)
{
    Config config = bed.engine().runningConfig();
    for (AdminUser &user : config.admin.users)
        user.passwordHash = PasswordHash::create(AdminTestBed::passwordOf(user.name), iterations);
    const ApplyResult applied = bed.engine().apply(config);
    *error = applied.errorString();
    return applied.ok;
}

/// Iterations for which one check takes a clearly measurable time here
/// (250 ms or more), and that time in milliseconds. Measured once: the
/// production path is the same whatever the count, and the default (200,000)
/// would make these tests slow for nothing.
std::pair<int, qint64> costlyIterations()
{
    static const std::pair<int, qint64> measured = [] {
        int iterations = 10000;
        for (;;) {
            const QString hash = PasswordHash::create(QStringLiteral("x"), iterations);
            QElapsedTimer timer;
            timer.start();
            PasswordHash::verify(QStringLiteral("y"), hash);
            const qint64 ms = timer.elapsed();
            if (ms >= 250 || iterations >= PasswordHash::MaxIterations / 4)
                return std::pair<int, qint64>{iterations, ms};
            iterations *= 2;
        }
    }();
    return measured;
}

bool allDone(const InFlight &requests)
{
    return std::all_of(requests.begin(), requests.end(), [](const auto &r) { return r->isDone(); });
}

QString loopbackSource(int n)
{
    return QStringLiteral("127.0.0.%1").arg(n);
}

}  // namespace

class tst_AdminAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandTableIsSane();
    void missingCredentials_data();
    void missingCredentials();
    void badCredentials_data();
    void badCredentials();
    void passwordWithColon();
    void readonlyForbiddenOnEveryWrite_data();
    void readonlyForbiddenOnEveryWrite();
    void readonlyMayRead_data();
    void readonlyMayRead();
    void getOnMutationIs405_data();
    void getOnMutationIs405();
    void bruteForceIsSlowedDown();
    void brakeHoldsTheCheckNotOnlyTheAnswer();
    void brakeLetsKnownCredentialsThrough();
    void cachedLoginsDoNotWaitForPasswordChecks();
    void firstLoginIsNotHeldBehindOthersFailures();
    void parallelGuessesForOnePairAreCapped();
    void guessesWhoseClientLeftAreCounted();
    void manyNamesFromOneAddressAreCapped();
    void loginBurstKeepsControlThreadResponsive();
    void crossSitePostRefused_data();
    void crossSitePostRefused();
    void sameOriginPostNeedsToken();
    void originIsNotTakenFromHost();
    void configuredOriginsAccepted_data();
    void configuredOriginsAccepted();
    void tokenOfAnotherUserRefused();
    void scriptedPostWithoutBrowserHeaders();
    void statusPageFormsCarryToken();
    void nothingEchoedUnescaped();
};

void tst_AdminAuth::commandTableIsSane()
{
    const QList<AdminServer::Command> &table = AdminServer::commands();
    QVERIFY(table.size() >= 30);
    QSet<QString> seen;
    for (const AdminServer::Command &command : table) {
        const QString key = QString::fromLatin1(command.method) + u' ' + command.pattern;
        QVERIFY2(!seen.contains(key), qPrintable(QStringLiteral("duplicate command %1").arg(key)));
        seen.insert(key);
        QVERIFY(command.handler);
        QVERIFY(command.pattern.startsWith(u'/'));
        // State changes only by POST, PUT or DELETE; reads only by GET.
        if (command.access == AdminServer::Access::Write)
            QVERIFY2(command.method == "POST" || command.method == "PUT" || command.method == "DELETE",
                qPrintable(key));
        else
            QVERIFY2(command.method == "GET", qPrintable(key));
    }
}

void tst_AdminAuth::missingCredentials_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    for (const AdminServer::Command &command : AdminServer::commands()) {
        // /api/v1/health answers loopback without a login (tst_hahealth).
        if (command.access == AdminServer::Access::Health)
            continue;
        const QByteArray path = AdminTestBed::concretePath(command.pattern);
        QTest::addRow("%s %s", command.method.constData(), path.constData()) << methodName(command) << path;
    }
}

void tst_AdminAuth::missingCredentials()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    const HttpTestResponse response = bed.request(method, path, QString());
    QCOMPARE(response.status, 401);
    QVERIFY(response.header("www-authenticate").startsWith("Basic realm="));
    QVERIFY(bed.engine().runningConfig() == before);
    QCOMPARE(bed.adminHost().saved().size(), 0);
}

void tst_AdminAuth::badCredentials_data()
{
    QTest::addColumn<QByteArray>("authorization");
    const auto basic = [](const QString &text) -> QByteArray {
        return "Basic " + text.toUtf8().toBase64();
    };
    QTest::newRow("wrong password") << basic(AdminTestBed::Admin + QStringLiteral(":wrong"));
    QTest::newRow("password prefix") << basic(AdminTestBed::Admin + QStringLiteral(":s3cret"));
    QTest::newRow("unknown user") << basic(QStringLiteral("mallory:") + AdminTestBed::AdminPassword);
    QTest::newRow("empty user") << basic(u':' + AdminTestBed::AdminPassword);
    QTest::newRow("user name case") << basic(QStringLiteral("ADMIN:") + AdminTestBed::AdminPassword);
    QTest::newRow("no colon") << basic(AdminTestBed::Admin);
    QTest::newRow("not base64") << QByteArray("Basic !!!!");
    QTest::newRow("bearer") << QByteArray("Bearer abcdef");
    QTest::newRow("scheme only") << QByteArray("Basic");
}

void tst_AdminAuth::badCredentials()
{
    QFETCH(QByteArray, authorization);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("failed login from 127\\.0\\.0\\.1")));
    const HttpTestResponse response = bed.request("POST", "/hostAdminDown?service=web&group=prod&name=a",
        QString(), {}, {{"Authorization", authorization}});
    QCOMPARE(response.status, 401);
    QVERIFY(!response.body.contains("s3cret"));
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));
    QVERIFY(bed.engine().runningConfig() == before);
}

void tst_AdminAuth::passwordWithColon()
{
    // Basic splits at the first colon only; the admin password contains one.
    QVERIFY(AdminTestBed::AdminPassword.contains(u':'));
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.get("/api/v1/status").status, 200);
}

void tst_AdminAuth::readonlyForbiddenOnEveryWrite_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    // Parameters that would make each command succeed for a full user, so
    // that the 403 is the role's doing and not a 400 in disguise.
    const QHash<QString, QByteArray> queries = {
        {QStringLiteral("/addHost"), "?service=web&group=prod&name=z&ip=127.0.0.1:9"},
        {QStringLiteral("/delHost"), "?service=web&group=prod&name=a"},
        {QStringLiteral("/delAllHosts"), "?service=web&group=spare"},
        {QStringLiteral("/enableGroup"), "?service=web&group=spare"},
        {QStringLiteral("/changeScheduler"), "?service=web&group=prod&scheduler=random"},
        {QStringLiteral("/addUser"), "?name=eve&password=x&access=full"},
        {QStringLiteral("/delUser"), "?name=admin"},
        {QStringLiteral("/retryHost"), "?service=web&group=prod&name=a"},
        {QStringLiteral("/hostAdminDown"), "?service=web&group=prod&name=a"},
        {QStringLiteral("/hostAdminUp"), "?service=web&group=prod&name=a"},
        {QStringLiteral("/hostDrain"), "?service=web&group=prod&name=a"},
        {QStringLiteral("/newService"), "?service=new&listen=127.0.0.1:0&group=g&name=h&ip=127.0.0.1:9"},
        {QStringLiteral("/newGroup"), "?service=web&group=extra"},
        {QStringLiteral("/delGroup"), "?service=web&group=spare"},
    };
    int writes = 0;
    for (const AdminServer::Command &command : AdminServer::commands()) {
        if (command.access != AdminServer::Access::Write)
            continue;
        ++writes;
        const QByteArray path = AdminTestBed::concretePath(command.pattern) + queries.value(command.pattern);
        QByteArray body;
        if (command.pattern == u"/api/v1/config")
            body = "<balancier version=\"1\"/>";
        else if (command.method == "PUT")
            body = "{\"weight\":5,\"scheduler\":\"random\"}";
        QTest::addRow("%s %s", command.method.constData(), path.constData())
            << methodName(command) << path << body;
    }
    QVERIFY(writes >= 20);
}

void tst_AdminAuth::readonlyForbiddenOnEveryWrite()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    const HttpTestResponse response = bed.request(method, path, AdminTestBed::Viewer, body);
    QCOMPARE(response.status, 403);
    QVERIFY2(response.body.contains("read-only"), response.body.constData());
    QVERIFY(bed.engine().runningConfig() == before);
    QCOMPARE(bed.adminHost().saved().size(), 0);
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));
}

void tst_AdminAuth::readonlyMayRead_data()
{
    QTest::addColumn<QByteArray>("path");
    for (const AdminServer::Command &command : AdminServer::commands()) {
        if (command.access == AdminServer::Access::Write)
            continue;
        // The event stream never ends; tst_adminevents covers it for both roles.
        if (command.pattern == u"/api/v1/events")
            continue;
        const QByteArray path = AdminTestBed::concretePath(command.pattern);
        QTest::addRow("%s", path.constData()) << path;
    }
}

void tst_AdminAuth::readonlyMayRead()
{
    QFETCH(QByteArray, path);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response = bed.get(path, AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    QVERIFY(!response.body.isEmpty());
}

void tst_AdminAuth::getOnMutationIs405_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("allowed");
    for (const AdminServer::Command &command : AdminServer::commands()) {
        if (command.access != AdminServer::Access::Write || hasGet(command.pattern))
            continue;
        const QByteArray path = AdminTestBed::concretePath(command.pattern);
        QTest::addRow("GET %s", path.constData()) << path << command.method;
    }
}

void tst_AdminAuth::getOnMutationIs405()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, allowed);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    // Even with the parameters of a working request, and for a full user.
    const HttpTestResponse response = bed.get(path + "?service=web&group=prod&name=a&ip=127.0.0.1:9");
    QCOMPARE(response.status, 405);
    QVERIFY2(response.header("allow").contains(allowed), response.header("allow").constData());
    // The hint says what to do instead.
    QVERIFY2(response.body.contains(QByteArray("use " + allowed)) || response.body.contains(allowed),
        response.body.constData());
    QVERIFY(bed.engine().runningConfig() == before);
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));
}

void tst_AdminAuth::bruteForceIsSlowedDown()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestClient client(bed.port());
    QList<qint64> times;
    for (int i = 0; i < 6; ++i) {
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(
                QStringLiteral("failed login from 127\\.0\\.0\\.1 \\(%1 in a row\\)").arg(i + 1)));
        QElapsedTimer timer;
        timer.start();
        const HttpTestResponse response
            = client.request("GET", "/running.txt", AdminTestBed::Admin, QStringLiteral("guess%1").arg(i));
        times.append(timer.elapsed());
        QCOMPARE(response.status, 401);
    }
    qInfo("failed login response times (ms): %lld %lld %lld %lld %lld %lld", times[0], times[1], times[2],
        times[3], times[4], times[5]);
    // The first few are free; from then on each waits, twice as long as the one before.
    // Lower bounds only, and generous ones: a slow machine may only add time.
    QVERIFY2(times[4] >= 200, qPrintable(QString::number(times[4])));
    QVERIFY2(times[5] >= 400, qPrintable(QString::number(times[5])));
    QVERIFY(times[5] > times[0]);
    // The right password still gets in (after the brake) and releases it.
    const HttpTestResponse good
        = client.request("GET", "/running.txt", AdminTestBed::Admin, AdminTestBed::AdminPassword);
    QCOMPARE(good.status, 200);
    QElapsedTimer timer;
    timer.start();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("\\(1 in a row\\)")));
    QCOMPARE(client.request("GET", "/running.txt", AdminTestBed::Admin, QStringLiteral("typo")).status, 401);
    QVERIFY2(timer.elapsed() < 5000, "a fresh failure after a success is not braked");
}

void tst_AdminAuth::brakeHoldsTheCheckNotOnlyTheAnswer()
{
    // An attacker who stops waiting for each 401 and tries the next password
    // on a new connection must be slowed down just the same.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestClient client(bed.port());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed login")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed login")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed login")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed login")));
    for (int i = 0; i < 4; ++i)
        QCOMPARE(client.request("GET", "/running.txt", AdminTestBed::Admin, QStringLiteral("x")).status, 401);
    // The brake is on now (250 ms). Even the right password, sent at once on
    // a new connection, is not examined before it ends.
    QElapsedTimer timer;
    timer.start();
    const HttpTestResponse response
        = client.request("GET", "/running.txt", AdminTestBed::Admin, AdminTestBed::AdminPassword);
    QCOMPARE(response.status, 200);
    QVERIFY2(timer.elapsed() >= 150, qPrintable(QString::number(timer.elapsed())));
}

void tst_AdminAuth::brakeLetsKnownCredentialsThrough()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestClient client(bed.port());
    QCOMPARE(client.request("GET", "/running.txt", AdminTestBed::Viewer, AdminTestBed::ViewerPassword).status,
        200);
    for (int i = 0; i < 5; ++i) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed login")));
        QCOMPARE(client.request("GET", "/running.txt", AdminTestBed::Admin, QStringLiteral("x")).status, 401);
    }
    // A browser that already holds the viewer's verified password keeps working.
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(client.request("GET", "/running.txt", AdminTestBed::Viewer, AdminTestBed::ViewerPassword).status,
        200);
    QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
}

void tst_AdminAuth::cachedLoginsDoNotWaitForPasswordChecks()
{
    // Wrong passwords from many addresses (no brake between them) must not
    // stall a client whose credentials were verified before.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const auto [iterations, checkMs] = costlyIterations();
    qInfo("one password check: %lld ms (%d iterations)", checkMs, iterations);
    QVERIFY2(useCostlyHashes(bed, iterations, &error), qPrintable(error));
    QCOMPARE(bed.get("/running.txt", AdminTestBed::Viewer).status, 200);  // cached from now on

    constexpr int Guesses = 12;
    AnswerLog log;
    InFlight guesses;
    for (int i = 0; i < Guesses; ++i) {
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("failed login from 127\\.0\\.0\\.")));
        guesses.push_back(std::make_unique<InFlightRequest>(
            log, bed.port(), loopbackSource(10 + i), AdminTestBed::Admin, QStringLiteral("guess%1").arg(i)));
        if (!guesses.back()->bound())
            QSKIP("cannot bind to 127.0.0.x source addresses here");
    }
    InFlightRequest cached(
        log, bed.port(), loopbackSource(1), AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QTRY_VERIFY_WITH_TIMEOUT(cached.isDone(), 60000);
    QCOMPARE(cached.status(), 200);
    qInfo("the cached request was answered after %d of %d wrong passwords", cached.order(), Guesses);
    // Answered while the checks still run (at once, in fact), not behind them.
    QVERIFY2(cached.order() <= Guesses / 2, qPrintable(QString::number(cached.order())));
    QTRY_VERIFY_WITH_TIMEOUT(allDone(guesses), 120000);
    for (const auto &guess : guesses)
        QCOMPARE(guess->status(), 401);
}

void tst_AdminAuth::firstLoginIsNotHeldBehindOthersFailures()
{
    // Someone keeps guessing the admin's password from 127.0.0.1, where every
    // local client comes from. Another user's first login from there, and the
    // admin's from elsewhere, are not held behind those guesses.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const auto [iterations, checkMs] = costlyIterations();
    QVERIFY2(useCostlyHashes(bed, iterations, &error), qPrintable(error));
    HttpTestClient client(bed.port());
    for (int i = 0; i < AdminAuth::FreeFailures + 1; ++i) {
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("failed login from 127\\.0\\.0\\.1 ")));
        QCOMPARE(
            client.request("GET", "/running.txt", AdminTestBed::Admin, QStringLiteral("x%1").arg(i)).status,
            401);
    }
    // The brake is on for (admin, 127.0.0.1): these are held. The last one
    // has guessed right, and is held all the same.
    AnswerLog log;
    InFlight guesses;
    for (int i = 0; i < AdminAuth::MaxChecksPerPair; ++i) {
        const bool last = i == AdminAuth::MaxChecksPerPair - 1;
        if (!last) {
            QTest::ignoreMessage(
                QtWarningMsg, QRegularExpression(QStringLiteral("failed login from 127\\.0\\.0\\.1 ")));
        }
        guesses.push_back(std::make_unique<InFlightRequest>(log, bed.port(), loopbackSource(1),
            AdminTestBed::Admin, last ? AdminTestBed::AdminPassword : QStringLiteral("y%1").arg(i)));
    }
    InFlightRequest viewer(
        log, bed.port(), loopbackSource(1), AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    // The same credentials as the held guess, from another address.
    InFlightRequest admin(
        log, bed.port(), loopbackSource(2), AdminTestBed::Admin, AdminTestBed::AdminPassword);
    if (!admin.bound())
        QSKIP("cannot bind to 127.0.0.x source addresses here");
    QTRY_VERIFY_WITH_TIMEOUT(allDone(guesses) && viewer.isDone() && admin.isDone(), 60000);
    QCOMPARE(viewer.status(), 200);
    QCOMPARE(admin.status(), 200);
    for (const auto &guess : guesses) {
        QCOMPARE(guess->status(), guess == guesses.back() ? 200 : 401);
        QVERIFY2(viewer.order() < guess->order(),
            qPrintable(QStringLiteral("viewer answered as #%1, a held guess as #%2")
                           .arg(viewer.order())
                           .arg(guess->order())));
        QVERIFY2(admin.order() < guess->order(),
            qPrintable(QStringLiteral("admin from 127.0.0.2 answered as #%1, a held guess as #%2")
                           .arg(admin.order())
                           .arg(guess->order())));
    }
}

void tst_AdminAuth::parallelGuessesForOnePairAreCapped()
{
    // Guesses sent in parallel instead of one after the other are not a
    // faster way past the brake: only a few of one user name and address are
    // checked at a time, the others are refused unexamined.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const auto [iterations, checkMs] = costlyIterations();
    QVERIFY2(useCostlyHashes(bed, iterations, &error), qPrintable(error));
    constexpr int Guesses = 2 * AdminAuth::MaxChecksPerPair;
    AnswerLog log;
    InFlight guesses;
    for (int i = 0; i < Guesses; ++i) {
        guesses.push_back(std::make_unique<InFlightRequest>(
            log, bed.port(), loopbackSource(1), AdminTestBed::Admin, QStringLiteral("z%1").arg(i)));
    }
    QTRY_VERIFY_WITH_TIMEOUT(allDone(guesses), 60000);
    int checked = 0;
    int refused = 0;
    for (const auto &guess : guesses) {
        if (guess->status() == 401)
            ++checked;
        if (guess->status() == 429) {
            ++refused;
            QVERIFY(guess->hasHeader("Retry-After"));
        }
    }
    qInfo("%d guesses checked, %d refused unexamined", checked, refused);
    QCOMPARE(checked + refused, Guesses);
    QVERIFY2(checked <= AdminAuth::MaxChecksPerPair, qPrintable(QString::number(checked)));
    // The right password, on its own, still gets in.
    HttpTestClient client(bed.port());
    QCOMPARE(
        client.request("GET", "/running.txt", AdminTestBed::Admin, AdminTestBed::AdminPassword).status, 200);
}

namespace {

HttpRequest basicRequest(const QString &name, const QString &password, const QHostAddress &peer)
{
    HttpRequest request;
    request.method = "GET";
    request.path = QStringLiteral("/running.txt");
    request.peer = peer;
    request.headers.append({"authorization", "Basic " + (name + u':' + password).toUtf8().toBase64()});
    return request;
}

}  // namespace

void tst_AdminAuth::guessesWhoseClientLeftAreCounted()
{
    // A guesser who sends a guess and hangs up before the verdict must be
    // braked like one who waits: the failure is counted when the check
    // fails, not when a waiting request hears of it (none is left to hear).
    AdminAuth auth;
    AdminUser admin;
    admin.name = QStringLiteral("admin");
    admin.passwordHash = PasswordHash::create(QStringLiteral("right"), 1000);
    admin.access = AdminUser::Access::Full;
    const QList<AdminUser> users{admin};
    const QHostAddress peer(QStringLiteral("127.0.0.9"));
    for (int i = 0; i < AdminAuth::FreeFailures + 1; ++i) {
        int resumed = 0;
        // The client has gone: the resume does not ask again.
        const AdminAuth::Outcome outcome
            = auth.authenticate(basicRequest(QStringLiteral("admin"), QStringLiteral("wrong%1").arg(i), peer),
                users, [&resumed] { ++resumed; });
        QVERIFY(outcome.pending);
        QTRY_COMPARE_WITH_TIMEOUT(resumed, 1, 30000);
    }
    // The next guess of that pair is held by the brake, and its count says
    // that the abandoned ones were counted.
    const HttpRequest next = basicRequest(QStringLiteral("admin"), QStringLiteral("again"), peer);
    AdminAuth::Outcome finalOutcome;
    bool decided = false;
    QElapsedTimer timer;
    timer.start();
    const AdminAuth::Outcome first = auth.authenticate(next, users, [&] {
        finalOutcome = auth.authenticate(next, users, [] {});
        decided = true;
    });
    QVERIFY(first.pending);
    QTRY_VERIFY_WITH_TIMEOUT(decided, 30000);
    QVERIFY(!finalOutcome.user);
    QVERIFY(finalOutcome.failedLogin);
    QCOMPARE(finalOutcome.failureCount, AdminAuth::FreeFailures + 2);
    QVERIFY2(timer.elapsed() >= 150, qPrintable(QString::number(timer.elapsed())));
}

void tst_AdminAuth::manyNamesFromOneAddressAreCapped()
{
    // Invented user names make fresh (name, address) pairs, which the brake
    // does not hold: one address may still have only so many checks under
    // way, so that it cannot take every slot of the password checker.
    AdminAuth auth;
    AdminUser admin;
    admin.name = QStringLiteral("admin");
    admin.passwordHash = PasswordHash::create(QStringLiteral("right"), 1000);
    const QList<AdminUser> users{admin};
    const QHostAddress attacker(QStringLiteral("127.0.0.10"));
    int pending = 0;
    int refused = 0;
    int resumed = 0;
    for (int i = 0; i < 2 * AdminAuth::MaxChecksPerAddress; ++i) {
        const AdminAuth::Outcome outcome
            = auth.authenticate(basicRequest(QStringLiteral("name%1").arg(i), QStringLiteral("x"), attacker),
                users, [&resumed] { ++resumed; });
        if (outcome.pending)
            ++pending;
        else if (outcome.status == 429)
            ++refused;
    }
    QCOMPARE(pending, AdminAuth::MaxChecksPerAddress);
    QCOMPARE(refused, AdminAuth::MaxChecksPerAddress);
    // Another address is not refused meanwhile.
    const AdminAuth::Outcome other
        = auth.authenticate(basicRequest(QStringLiteral("admin"), QStringLiteral("right"),
                                QHostAddress(QStringLiteral("127.0.0.11"))),
            users, [] {});
    QVERIFY(other.pending);
    QTRY_COMPARE_WITH_TIMEOUT(resumed, AdminAuth::MaxChecksPerAddress, 30000);
}

void tst_AdminAuth::loginBurstKeepsControlThreadResponsive()
{
    // The control thread (here: the test's) keeps its timers while a burst
    // of logins is checked: no PBKDF2 runs on it.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const auto [iterations, checkMs] = costlyIterations();
    QVERIFY2(useCostlyHashes(bed, iterations, &error), qPrintable(error));
    QElapsedTimer clock;
    clock.start();
    qint64 lastBeat = 0;
    qint64 longestGap = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    QObject::connect(&heartbeat, &QTimer::timeout, &heartbeat, [&] {
        const qint64 now = clock.elapsed();
        longestGap = qMax(longestGap, now - lastBeat);
        lastBeat = now;
    });
    constexpr int Logins = 20;
    AnswerLog log;
    InFlight logins;
    for (int i = 0; i < Logins; ++i) {
        logins.push_back(std::make_unique<InFlightRequest>(
            log, bed.port(), loopbackSource(40 + i), AdminTestBed::Admin, QStringLiteral("w%1").arg(i)));
        if (!logins.back()->bound())
            QSKIP("cannot bind to 127.0.0.x source addresses here");
    }
    lastBeat = clock.elapsed();
    heartbeat.start();
    QTRY_VERIFY_WITH_TIMEOUT(allDone(logins), 120000);
    heartbeat.stop();
    qInfo("longest heartbeat gap %lld ms during %d logins; one check takes %lld ms", longestGap, Logins,
        checkMs);
    int checked = 0;
    for (const auto &login : logins) {
        QVERIFY2(
            login->status() == 401 || login->status() == 503, qPrintable(QString::number(login->status())));
        checked += login->status() == 401;
    }
    QVERIFY(checked >= qMin(Logins, PasswordVerifier::MaxPending));
    // With PBKDF2 on this thread a gap would be one whole check at least
    // (in fact many: the checks would run back to back).
    QVERIFY2(longestGap < checkMs,
        qPrintable(
            QStringLiteral("%1 ms without a heartbeat; one check takes %2 ms").arg(longestGap).arg(checkMs)));
}

void tst_AdminAuth::crossSitePostRefused_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<bool>("withToken");
    QTest::newRow("origin evil") << Headers{{"Origin", "http://evil.example"}} << false;
    QTest::newRow("origin evil, with token") << Headers{{"Origin", "http://evil.example"}} << true;
    QTest::newRow("origin null") << Headers{{"Origin", "null"}} << true;
    QTest::newRow("referer evil") << Headers{{"Referer", "http://evil.example/page"}} << false;
    QTest::newRow("fetch site cross-site") << Headers{{"Sec-Fetch-Site", "cross-site"}} << true;
    QTest::newRow("fetch site same-site") << Headers{{"Sec-Fetch-Site", "same-site"}} << true;
    QTest::newRow("origin other port") << Headers{{"Origin", "http://127.0.0.1:1"}} << true;
}

void tst_AdminAuth::crossSitePostRefused()
{
    QFETCH(Headers, headers);
    QFETCH(bool, withToken);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray token = csrfTokenFromPage(bed.get("/running").body);
    QVERIFY(!token.isEmpty());
    const Config before = bed.engine().runningConfig();
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    QByteArray body = "service=web&group=prod&name=a&redirect=1";
    if (withToken)
        body += "&csrf=" + token;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cross-site|CSRF")));
    const HttpTestResponse response
        = bed.request("POST", "/hostAdminDown", AdminTestBed::Admin, body, headers);
    QCOMPARE(response.status, 403);
    QVERIFY(bed.engine().runningConfig() == before);
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));
}

void tst_AdminAuth::sameOriginPostNeedsToken()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray origin = "http://127.0.0.1:" + QByteArray::number(bed.port());
    const Headers headers = {{"Origin", origin}, {"Referer", origin + "/running"},
        {"Content-Type", "application/x-www-form-urlencoded"}};
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("CSRF token")));
    HttpTestResponse response = bed.request(
        "POST", "/hostAdminDown", AdminTestBed::Admin, "service=web&group=prod&name=a", headers);
    QCOMPARE(response.status, 403);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("CSRF token")));
    response = bed.request("POST", "/hostAdminDown", AdminTestBed::Admin,
        "service=web&group=prod&name=a&csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", headers);
    QCOMPARE(response.status, 403);
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));

    // The page's own form: token, redirect back to the page with a notice.
    const QByteArray token = csrfTokenFromPage(bed.get("/running").body);
    response = bed.request("POST", "/hostAdminDown", AdminTestBed::Admin,
        "service=web&group=prod&name=a&redirect=1&csrf=" + token, headers);
    QCOMPARE(response.status, 303);
    QVERIFY2(
        response.header("location").startsWith("/running?notice="), response.header("location").constData());
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("maintenance"));
    // The token may also come as a header (scripts on the page).
    response = bed.request("POST", "/hostAdminUp?service=web&group=prod&name=a", AdminTestBed::Admin, {},
        {{"Origin", origin}, {"X-CSRF-Token", token}});
    QCOMPARE(response.status, 200);
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));
}

void tst_AdminAuth::originIsNotTakenFromHost()
{
    // DNS rebinding: the attacker's name resolves to 127.0.0.1, so the
    // browser sends it in both Origin and Host. A valid token does not help.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray token = csrfTokenFromPage(bed.get("/running").body);
    const QByteArray evil = "evil.example:" + QByteArray::number(bed.port());
    const QByteArray body = "service=web&group=prod&name=a&csrf=" + token;
    HttpTestSession session;
    QVERIFY(session.connectPlain(bed.port()));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cross-site")));
    session.send("POST /hostAdminDown HTTP/1.1\r\nHost: " + evil + "\r\nOrigin: http://" + evil
        + "\r\nAuthorization: Basic "
        + (AdminTestBed::Admin + u':' + AdminTestBed::AdminPassword).toUtf8().toBase64()
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QCOMPARE(session.readResponse().status, 403);
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));
}

void tst_AdminAuth::configuredOriginsAccepted_data()
{
    QTest::addColumn<QByteArray>("origin");  // %1: the port
    QTest::addColumn<int>("status");
    QTest::newRow("configured") << QByteArray("https://lb.example:8443") << 200;
    QTest::newRow("configured, other case") << QByteArray("HTTPS://LB.Example:8443") << 200;
    QTest::newRow("configured, default port") << QByteArray("http://admin.example") << 200;
    QTest::newRow("configured name, other port") << QByteArray("https://lb.example") << 403;
    QTest::newRow("configured name, other scheme") << QByteArray("http://lb.example:8443") << 403;
    QTest::newRow("listen address") << QByteArray("http://127.0.0.1:%1") << 200;
    QTest::newRow("localhost on loopback") << QByteArray("http://localhost:%1") << 200;
    QTest::newRow("listen address over https") << QByteArray("https://127.0.0.1:%1") << 403;
    QTest::newRow("another name") << QByteArray("http://evil.example:%1") << 403;
}

void tst_AdminAuth::configuredOriginsAccepted()
{
    QFETCH(QByteArray, origin);
    QFETCH(int, status);
    AdminTestBed::Options options;
    options.origins = {QStringLiteral("https://lb.example:8443"), QStringLiteral("http://admin.example:80")};
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    origin.replace("%1", QByteArray::number(bed.port()));
    const QByteArray token = csrfTokenFromPage(bed.get("/running").body);
    if (status != 200)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cross-site")));
    const HttpTestResponse response = bed.request("POST", "/hostAdminDown", AdminTestBed::Admin,
        "service=web&group=prod&name=a&csrf=" + token,
        {{"Origin", origin}, {"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(response.status, status);
    // A Referer from there counts the same (a browser that sends no Origin).
    if (status == 200) {
        QCOMPARE(bed.request("POST", "/hostAdminUp", AdminTestBed::Admin,
                        "service=web&group=prod&name=a&csrf=" + token,
                        {{"Referer", origin + "/running?x=1"},
                            {"Content-Type", "application/x-www-form-urlencoded"}})
                     .status,
            200);
    }
}

void tst_AdminAuth::tokenOfAnotherUserRefused()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray viewerToken = csrfTokenFromPage(bed.get("/running", AdminTestBed::Viewer).body);
    QVERIFY2(viewerToken.isEmpty(), "a read-only user's page has no forms");
    // Add a second full user and take its token.
    QCOMPARE(bed.post("/addUser?name=ops&password=pw2&access=full").status, 200);
    HttpTestClient client(bed.port());
    const QByteArray opsToken = csrfTokenFromPage(
        client.request("GET", "/running", QStringLiteral("ops"), QStringLiteral("pw2")).body);
    const QByteArray adminToken = csrfTokenFromPage(bed.get("/running").body);
    QVERIFY(!opsToken.isEmpty());
    QVERIFY(opsToken != adminToken);
    const QByteArray origin = "http://127.0.0.1:" + QByteArray::number(bed.port());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("CSRF token")));
    const HttpTestResponse response = bed.request("POST", "/hostAdminDown", AdminTestBed::Admin,
        "service=web&group=prod&name=a&csrf=" + opsToken,
        {{"Origin", origin}, {"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(response.status, 403);
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));
}

void tst_AdminAuth::scriptedPostWithoutBrowserHeaders()
{
    // curl and pythondirector-era scripts send neither Origin nor Referer: no token needed.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/hostAdminDown?service=web&group=prod&name=a").status, 200);
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("maintenance"));
}

void tst_AdminAuth::statusPageFormsCarryToken()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse page = bed.get("/running");
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("content-type").startsWith("text/html"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(!html.contains(QStringLiteral("http-equiv"), Qt::CaseInsensitive));
    QVERIFY(html.contains(QStringLiteral("EventSource")));
    static const QRegularExpression formPattern(QStringLiteral("<form[^>]*>"));
    int forms = 0;
    for (const QRegularExpressionMatch &match : formPattern.globalMatch(html)) {
        ++forms;
        QVERIFY2(match.captured().contains(QStringLiteral("method=\"post\"")), qPrintable(match.captured()));
    }
    QVERIFY(forms >= 5);
    QCOMPARE(html.count(QStringLiteral("name=\"csrf\"")), forms);
    // No other site may frame the page and its forms (clickjacking).
    QCOMPARE(page.header("x-frame-options"), QByteArray("DENY"));
    QVERIFY2(page.header("content-security-policy").contains("frame-ancestors 'none'"),
        page.header("content-security-policy").constData());
    const QByteArray viewerPage = bed.get("/running", AdminTestBed::Viewer).body;
    QVERIFY(!viewerPage.contains("<form"));
}

void tst_AdminAuth::nothingEchoedUnescaped()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // A host named like a script, added through the API.
    HttpTestResponse response = bed.post("/addHost", AdminTestBed::Admin,
        "service=web&group=prod&name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&ip=127.0.0.1:9");
    QCOMPARE(response.status, 200);
    // An error notice that repeats a parameter, through the page's redirect.
    const QByteArray token = csrfTokenFromPage(bed.get("/running").body);
    const QByteArray origin = "http://127.0.0.1:" + QByteArray::number(bed.port());
    response = bed.request("POST", "/enableGroup", AdminTestBed::Admin,
        "service=web&group=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E&redirect=1&csrf=" + token,
        {{"Origin", origin}, {"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(response.status, 303);
    const QByteArray location = response.header("location");
    QVERIFY(location.startsWith("/running?notice="));

    for (const QByteArray &path : {QByteArray("/running"), location,
             QByteArray("/running?notice=%3Cscript%3Ealert(3)%3C%2Fscript%3E%22%27%3E"),
             QByteArray("/?notice=%22%3E%3Csvg%20onload%3Dalert(4)%3E")}) {
        const HttpTestResponse page = bed.get(path);
        QCOMPARE(page.status, 200);
        const QByteArray html = page.body;
        // The page's own script is the only one.
        QCOMPARE(html.count("<script"), 1);
        QVERIFY2(!html.contains("<img"), path.constData());
        QVERIFY2(!html.contains("<svg"), path.constData());
        QVERIFY2(!html.contains("alert(1)</script>"), path.constData());
    }
    const QByteArray page = bed.get("/running").body;
    QVERIFY(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    const QByteArray noticePage = bed.get(location).body;
    QVERIFY2(noticePage.contains("&lt;img src=x onerror=alert(2)&gt;"), noticePage.constData());
}

QTEST_MAIN(tst_AdminAuth)
#include "tst_adminauth.moc"
