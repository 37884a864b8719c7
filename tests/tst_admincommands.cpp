// The pythondirector-compatible endpoints: same names, same parameters, the
// same /running.txt grammar; every bad or missing parameter is a 400 that
// names it and leaves the balancer exactly as it was.

#include "admin/adminserver.h"
#include "admintestbed.h"
#include "config/configreader.h"
#include "config/passwordhash.h"
#include "httptestclient.h"
#include "testconnection.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

#include <algorithm>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// Checks /running.txt line by line against pythondirector's grammar; returns the first problem.
QString checkRunningGrammar(const QByteArray &text)
{
    static const QRegularExpression service(QStringLiteral("^service (\\S+) (\\S+) (\\S+)$"));
    static const QRegularExpression group(QStringLiteral("^group (\\S+) (enabled|inactive)$"));
    static const QRegularExpression host(QStringLiteral("^host (\\S+) (\\S+) (\\d+) -$"));
    static const QRegularExpression disabled(QStringLiteral("^disabled (\\S+) (\\S+) (.+) -$"));
    if (!text.endsWith('\n'))
        return QStringLiteral("no final newline");
    bool inService = false;
    bool inGroup = false;
    const QList<QByteArray> lines = text.chopped(1).split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i));
        if (service.match(line).hasMatch()) {
            inService = true;
            inGroup = false;
        } else if (group.match(line).hasMatch()) {
            if (!inService)
                return QStringLiteral("line %1: group outside a service").arg(i + 1);
            inGroup = true;
        } else if (host.match(line).hasMatch() || disabled.match(line).hasMatch()) {
            if (!inGroup)
                return QStringLiteral("line %1: host outside a group").arg(i + 1);
        } else {
            return QStringLiteral("line %1: '%2' fits no rule").arg(i + 1).arg(line);
        }
    }
    return {};
}

}  // namespace

class tst_AdminCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runningText();
    void runningTextShowsDownAndDisabled();
    void runningTextFollowsPythonDirector();
    void runningXml();
    void configXml();
    void configXmlHidesPasswordsFromReadonly();
    void addHost();
    void addHostByForm();
    void delHost();
    void delAllHosts();
    void delAllHostsOfEnabledGroup();
    void retryHostSkipsMaintenance();
    void enableGroup();
    void changeScheduler();
    void addAndDelUser();
    void addUserWithHash_data();
    void addUserWithHash();
    void duplicateAddressIs409();
    void unknownParameter_data();
    void unknownParameter();
    void save();
    void hostAdminStates();
    void newServiceGroupAndDelGroup();
    void badParameter_data();
    void badParameter();
    void docsCoverEveryEndpoint();
};

void tst_AdminCommands::runningText()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response = bed.get("/running.txt", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    QVERIFY(response.header("content-type").startsWith("text/plain"));
    const QString problem = checkRunningGrammar(response.body);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + u'\n' + QString::fromUtf8(response.body)));
    const QString listener = bed.engine().listeners().constFirst().bound;
    // Hosts of a group sorted by address, as pythondirector printed them.
    QStringList prod = {u"host a "_s + bed.backend(QStringLiteral("a")).address() + u" 0 -\n"_s,
        u"host b "_s + bed.backend(QStringLiteral("b")).address() + u" 0 -\n"_s};
    if (bed.backend(QStringLiteral("b")).address() < bed.backend(QStringLiteral("a")).address())
        std::swap(prod[0], prod[1]);
    const QByteArray expected = "service web " + listener.toUtf8() + " prod\n" + "group prod enabled\n"
        + prod.join(QString()).toUtf8() + "group spare inactive\n" + "host c "
        + bed.backend(QStringLiteral("c")).address().toUtf8() + " 0 -\n";
    QCOMPARE(response.body, expected);
}

void tst_AdminCommands::runningTextFollowsPythonDirector()
{
    // One "service" line per listener, and the hosts of a group in address
    // order whatever the config order: pythondirector's scripts rely on both.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/addHost?service=web&group=spare&name=z&ip=127.0.0.1:3").status, 200);
    QCOMPARE(bed.post("/addHost?service=web&group=spare&name=y&ip=127.0.0.1:2").status, 200);
    QCOMPARE(bed.engine().addListener(u"web"_s, u"127.0.0.1:0"_s).ok, true);
    const QByteArray text = bed.get("/running.txt").body;
    const QString problem = checkRunningGrammar(text);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + u'\n' + QString::fromUtf8(text)));
    const QList<BoundListener> listeners = bed.engine().listeners();
    QCOMPARE(listeners.size(), 2);
    for (const BoundListener &listener : listeners)
        QVERIFY2(text.contains(QByteArray("service web " + listener.configured.toUtf8() + " prod\n"))
                || text.contains(QByteArray("service web " + listener.bound.toUtf8() + " prod\n")),
            text.constData());
    QCOMPARE(text.count("service web "), 2);
    QVERIFY2(!text.contains(','), text.constData());
    const qsizetype y = text.indexOf("host y 127.0.0.1:2 ");
    const qsizetype z = text.indexOf("host z 127.0.0.1:3 ");
    const qsizetype c = text.indexOf("host c ");
    QVERIFY2(y > 0 && z > y && c > z, text.constData());
}

void tst_AdminCommands::runningTextShowsDownAndDisabled()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/hostAdminDown?service=web&group=prod&name=a").status, 200);
    // c goes down: its backend stops and retryHost probes it now.
    bed.backend(QStringLiteral("c")).close();
    const HttpTestResponse retry = bed.post("/retryHost?service=web&group=spare&name=c");
    QCOMPARE(retry.status, 200);
    QTRY_COMPARE(bed.hostState(QStringLiteral("spare"), QStringLiteral("c")), QStringLiteral("down"));
    const QByteArray text = bed.get("/running.txt").body;
    const QString problem = checkRunningGrammar(text);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + u'\n' + QString::fromUtf8(text)));
    const QByteArray maintenanceLine
        = "disabled a " + bed.backend(QStringLiteral("a")).address().toUtf8() + " maintenance -\n";
    QVERIFY2(text.contains(maintenanceLine), text.constData());
    static const QRegularExpression downLine(
        QStringLiteral("^disabled c \\S+ (.+) -$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = downLine.match(QString::fromUtf8(text));
    QVERIFY2(match.hasMatch(), text.constData());
    QVERIFY2(match.captured(1) != u"-", "a down host says why");
}

void tst_AdminCommands::runningXml()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/hostDrain?service=web&group=prod&name=b").status, 200);
    const HttpTestResponse response = bed.get("/running.xml");
    QCOMPARE(response.status, 200);
    QVERIFY(response.header("content-type").startsWith("application/xml"));
    const LoadResult loaded = ConfigReader::readData(response.body, QStringLiteral("running.xml"));
    QVERIFY2(loaded.ok(), qPrintable(QString::fromUtf8(response.body)));
    QVERIFY(loaded.config == bed.engine().runningConfig());
    QCOMPARE(loaded.config.service(u"web")->group(u"prod")->host(u"b")->adminState, HostAdminState::Drain);
}

void tst_AdminCommands::configXml()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // Without a file: the running config.
    HttpTestResponse response = bed.get("/config.xml");
    QCOMPARE(response.status, 200);
    QVERIFY(ConfigReader::readData(response.body, QStringLiteral("config.xml")).ok());
    // With a file: the file as loaded, byte for byte (comments and all).
    const QByteArray file = "<?xml version=\"1.0\"?>\n<!-- as loaded -->\n<balancier version=\"1\"/>\n";
    bed.adminHost().setLoadedConfig(file);
    response = bed.get("/config.xml");
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, file);
}

void tst_AdminCommands::configXmlHidesPasswordsFromReadonly()
{
    // Password hashes can be cracked offline; a read-only user must not get them.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QString hash = bed.initialConfig().admin.users.constFirst().passwordHash;
    QVERIFY(hash.startsWith(u"pbkdf2-sha256$"));
    bed.adminHost().setLoadedConfig("<balancier version=\"1\"><admin><user name=\"admin\" password=\""
        + hash.toUtf8() + "\" access=\"full\"/></admin></balancier>\n");
    for (const QByteArray &path :
        {QByteArray("/running.xml"), QByteArray("/config.xml"), QByteArray("/api/v1/config")}) {
        const HttpTestResponse full = bed.get(path);
        QCOMPARE(full.status, 200);
        QVERIFY2(full.body.contains(hash.toUtf8()), path.constData());
        const HttpTestResponse readonly = bed.get(path, AdminTestBed::Viewer);
        QCOMPARE(readonly.status, 200);
        QVERIFY2(!readonly.body.contains("pbkdf2-sha256$"), path.constData());
        QVERIFY2(readonly.body.contains("name=\"admin\""), path.constData());
    }
}

void tst_AdminCommands::addHost()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response
        = bed.post("/addHost?service=web&group=prod&name=d&ip=127.0.0.1:9&weight=3");
    QCOMPARE(response.status, 200);
    QVERIFY(response.header("content-type").startsWith("text/plain"));
    const Config config = bed.engine().runningConfig();
    const HostConfig *host = config.service(u"web")->group(u"prod")->host(u"d");
    QVERIFY(host);
    QCOMPARE(host->address, QStringLiteral("127.0.0.1:9"));
    QCOMPARE(host->weight, 3);
    QVERIFY(bed.get("/running.txt").body.contains("host d 127.0.0.1:9 0 -\n"));
}

void tst_AdminCommands::addHostByForm()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // A form body, with characters that must survive the encoding.
    const HttpTestResponse response = bed.post(
        "/addHost", AdminTestBed::Admin, "service=web&group=prod&name=x%26y%3Dz%2B1&ip=127.0.0.1%3A9");
    QCOMPARE(response.status, 200);
    QVERIFY(bed.engine().runningConfig().service(u"web")->group(u"prod")->host(u"x&y=z+1"));
}

void tst_AdminCommands::delHost()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    // By address, the pythondirector way...
    const QByteArray ip = bed.backend(QStringLiteral("b")).address().toUtf8();
    QCOMPARE(bed.post("/delHost?service=web&group=prod&ip=" + ip).status, 200);
    QVERIFY(!bed.engine().runningConfig().service(u"web")->group(u"prod")->host(u"b"));
    // ...and by name. The last live host of the enabled group stays, as in
    // pythondirector, unless forced: without it every client is refused.
    const HttpTestResponse refused = bed.post("/delHost?service=web&group=prod&name=a");
    QCOMPARE(refused.status, 409);
    QVERIFY2(refused.body.contains("host a *not* deleted from active group"), refused.body.constData());
    QVERIFY(bed.engine().runningConfig().service(u"web")->group(u"prod")->host(u"a"));
    QCOMPARE(bed.post("/delHost?service=web&group=prod&name=a&force=maybe").status, 400);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("enabled group prod has no host")));
    QCOMPARE(bed.post("/delHost?service=web&group=prod&name=a&force=1").status, 200);
    QCOMPARE(bed.post("/addHost?service=web&group=prod&name=d&ip=127.0.0.1:9").status, 200);
    const Config config = bed.engine().runningConfig();
    const GroupConfig *prod = config.service(u"web")->group(u"prod");
    QCOMPARE(prod->hosts.size(), 1);
    QCOMPARE(prod->hosts.constFirst().name, QStringLiteral("d"));
}

void tst_AdminCommands::delAllHosts()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/delAllHosts?service=web&group=spare").status, 200);
    QVERIFY(bed.engine().runningConfig().service(u"web")->group(u"spare")->hosts.isEmpty());
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(u"prod")->hosts.size(), 2);
}

void tst_AdminCommands::delAllHostsOfEnabledGroup()
{
    // pythondirector allowed emptying the enabled group (to swap every host
    // at once); the service then closes new clients until a host is added,
    // and says so in the log.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const quint16 port = bed.engine().listeners().constFirst().port;
    const std::unique_ptr<TestConnection> before = TestConnection::open(port);
    const QString first = before->waitForLine();
    QVERIFY2(first == u"a" || first == u"b", qPrintable(first));

    QTest::ignoreMessage(QtWarningMsg,
        QRegularExpression(QStringLiteral(
            "service web: enabled group prod has no host: new clients are refused until a host is added")));
    const HttpTestResponse response = bed.post("/delAllHosts?service=web&group=prod");
    QCOMPARE(response.status, 200);
    QVERIFY2(response.body.contains("refused"), response.body.constData());
    QVERIFY(bed.engine().runningConfig().service(u"web")->group(u"prod")->hosts.isEmpty());
    QCOMPARE(bed.engine().runningConfig().service(u"web")->enabledGroup, QStringLiteral("prod"));
    // The open connection drains on its host; it is not cut.
    QVERIFY(before->roundTrip("still here"));

    // New clients are closed cleanly, without a byte and without a crash.
    for (int i = 0; i < 3; ++i) {
        const std::unique_ptr<TestConnection> client = TestConnection::open(port);
        client->write("anyone?");
        QVERIFY(client->waitForEnd());
        QCOMPARE(client->receivedCount(), 0);
    }
    before->finish();
    QTRY_COMPARE(bed.engine().activeConnections(), 0);
    const QByteArray text = bed.get("/running.txt").body;
    QVERIFY2(text.contains("group prod enabled\n"), text.constData());

    // A host added to the empty group is used at once.
    QTest::ignoreMessage(QtInfoMsg,
        QRegularExpression(QStringLiteral("service web: enabled group prod has 1 host\\(s\\) now")));
    const QByteArray addC
        = "/addHost?service=web&group=prod&name=c2&ip=" + bed.backend(QStringLiteral("c")).address().toUtf8();
    QCOMPARE(bed.post(addC).status, 200);
    QCOMPARE(TestConnection::open(port)->waitForLine(), QStringLiteral("c"));
}

void tst_AdminCommands::retryHostSkipsMaintenance()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/hostAdminDown?service=web&group=prod&name=a").status, 200);
    const int before = bed.backend(QStringLiteral("a")).connectionCount();
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("host 'a'.*maintenance.*not probed")));
    const HttpTestResponse retry = bed.post("/retryHost?service=web&group=prod&name=a");
    QCOMPARE(retry.status, 409);
    QVERIFY2(retry.body.contains("maintenance"), retry.body.constData());
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("host 'a'.*maintenance.*not probed")));
    const HttpTestResponse api = bed.post("/api/v1/services/web/groups/prod/hosts/a/retry");
    QCOMPARE(api.status, 409);
    QVERIFY2(api.body.contains("maintenance"), api.body.constData());
    // A ready host is still probed on request; its probe arrives, a's never started.
    QCOMPARE(bed.post("/retryHost?service=web&group=prod&name=b").status, 200);
    QTRY_VERIFY(!bed.engine().host(u"web"_s, u"prod"_s, u"b"_s)->lastProbeResult.isEmpty());
    QCOMPARE(bed.backend(QStringLiteral("a")).connectionCount(), before);
    QVERIFY(bed.engine().host(u"web"_s, u"prod"_s, u"a"_s)->lastProbeResult.isEmpty());
}

void tst_AdminCommands::enableGroup()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/enableGroup?service=web&group=spare").status, 200);
    QCOMPARE(bed.engine().runningConfig().service(u"web")->enabledGroup, QStringLiteral("spare"));
    const QByteArray text = bed.get("/running.txt").body;
    QVERIFY(text.contains("group spare enabled\n"));
    QVERIFY(text.contains("group prod inactive\n"));
}

void tst_AdminCommands::changeScheduler()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/changeScheduler?service=web&group=prod&scheduler=p2c").status, 200);
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(u"prod")->scheduler, QStringLiteral("p2c"));
    // pythondirector's names still work and are stored canonically.
    QCOMPARE(bed.post("/changeScheduler?service=web&group=prod&scheduler=leastc").status, 200);
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(u"prod")->scheduler,
        QStringLiteral("leastconns"));
}

void tst_AdminCommands::addAndDelUser()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/addUser", AdminTestBed::Admin, "name=ops&password=p%40ss%20word").status, 200);
    const AdminUser *added = nullptr;
    const Config config = bed.engine().runningConfig();
    for (const AdminUser &user : config.admin.users) {
        if (user.name == u"ops")
            added = &user;
    }
    QVERIFY(added);
    QCOMPARE(added->access, AdminUser::Access::ReadOnly);  // the safe default
    QVERIFY(added->passwordHash.startsWith(u"pbkdf2-sha256$"));
    HttpTestClient client(bed.port());
    QCOMPARE(client.request("GET", "/running.txt", QStringLiteral("ops"), QStringLiteral("p@ss word")).status,
        200);
    QCOMPARE(client
                 .request("POST", "/hostAdminDown?service=web&group=prod&name=a", QStringLiteral("ops"),
                     QStringLiteral("p@ss word"))
                 .status,
        403);
    QCOMPARE(bed.post("/delUser?name=viewer").status, 200);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed login")));
    QCOMPARE(bed.get("/running.txt", AdminTestBed::Viewer).status, 401);
}

void tst_AdminCommands::addUserWithHash_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QString>("stored");  // empty: hashed here
    QTest::addColumn<QString>("loginWith");
    QTest::addColumn<bool>("legacyWarning");
    const QString native = PasswordHash::create(u"native pw"_s, 1000);
    QTest::newRow("pbkdf2 hash") << QUrl::toPercentEncoding(native) << native << u"native pw"_s << false;
    if (PasswordHash::legacyCryptSupported())
        QTest::newRow("DES crypt") << QByteArray("abVbJXzHUY99s") << u"abVbJXzHUY99s"_s << u"foobar"_s
                                   << true;
    QTest::newRow("plain") << QByteArray("plain%20pw") << QString() << u"plain pw"_s << false;
    // 12 characters: not a crypt hash, so a password.
    QTest::newRow("12 crypt chars") << QByteArray("abJnggxhByWI") << QString() << u"abJnggxhByWI"_s << false;
}

void tst_AdminCommands::addUserWithHash()
{
    QFETCH(QByteArray, password);
    QFETCH(QString, stored);
    QFETCH(QString, loginWith);
    QFETCH(bool, legacyWarning);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response
        = bed.post("/addUser", AdminTestBed::Admin, "name=ops&password=" + password);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body.contains("weak legacy DES crypt hash"), legacyWarning);
    const Config config = bed.engine().runningConfig();
    const auto user = std::find_if(config.admin.users.cbegin(), config.admin.users.cend(),
        [](const AdminUser &entry) { return entry.name == u"ops"; });
    QVERIFY(user != config.admin.users.cend());
    if (!stored.isEmpty())
        QCOMPARE(user->passwordHash, stored);
    else
        QVERIFY(user->passwordHash.startsWith(u"pbkdf2-sha256$"));
    HttpTestClient client(bed.port());
    QCOMPARE(client.request("GET", "/running.txt", u"ops"_s, loginWith).status, 200);
}

void tst_AdminCommands::duplicateAddressIs409()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    const QByteArray a = bed.backend(QStringLiteral("a")).address().toUtf8();
    HttpTestResponse response = bed.post("/addHost?service=web&group=prod&name=twin&ip=" + a);
    QCOMPARE(response.status, 409);
    QVERIFY2(response.body.contains("host a of web/prod has the address"), response.body.constData());
    response = bed.request("PUT", "/api/v1/services/web/groups/prod/hosts/b", AdminTestBed::Admin,
        R"({"address":")" + a + R"("})");
    QCOMPARE(response.status, 409);
    QVERIFY(bed.engine().runningConfig() == before);
    // Another group may hold the same backend.
    QCOMPARE(bed.post("/addHost?service=web&group=spare&name=twin&ip=" + a).status, 200);
}

void tst_AdminCommands::unknownParameter_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("unknown");
    QTest::newRow("addHost bogus") << QByteArray(
        "POST") << QByteArray("/addHost?service=web&group=prod&name=d&ip=127.0.0.1:9&bogus=1")
                                   << QByteArray() << QByteArray("'bogus'");
    QTest::newRow("addHost misspelt weight in form")
        << QByteArray("POST") << QByteArray("/addHost")
        << QByteArray("service=web&group=prod&name=d&ip=127.0.0.1:9&wieght=3&colour=red")
        << QByteArray("parameters 'wieght', 'colour'");
    QTest::newRow("delHost forse") << QByteArray("POST")
                                   << QByteArray("/delHost?service=web&group=prod&name=b&forse=1")
                                   << QByteArray() << QByteArray("'forse'");
    QTest::newRow("running.txt") << QByteArray("GET") << QByteArray("/running.txt?bogus=1") << QByteArray()
                                 << QByteArray("'bogus'");
    QTest::newRow("json dryrun misspelt")
        << QByteArray("PUT") << QByteArray("/api/v1/config?dryrn=1")
        << QByteArray("<balancier version=\"1\"/>") << QByteArray("'dryrn'");
    QTest::newRow("json delete forse")
        << QByteArray("DELETE") << QByteArray("/api/v1/services/web/groups/prod/hosts/b?forse=1")
        << QByteArray() << QByteArray("'forse'");
    QTest::newRow("json scheduler body")
        << QByteArray("PUT") << QByteArray("/api/v1/services/web/groups/prod/scheduler")
        << QByteArray(R"({"scheduler":"random","shceduler":"x"})") << QByteArray("'shceduler'");
}

void tst_AdminCommands::unknownParameter()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, unknown);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    const HttpTestResponse response = method == "POST" ? bed.post(path, AdminTestBed::Admin, body)
                                                       : bed.request(method, path, AdminTestBed::Admin, body);
    QCOMPARE(response.status, 400);
    QVERIFY2(response.body.contains(unknown), response.body.constData());
    QVERIFY(bed.engine().runningConfig() == before);
    // The status page's own fields are no unknown parameters.
    QCOMPARE(bed.post("/addHost?service=web&group=prod&name=d&ip=127.0.0.1:9&redirect=1").status, 303);
}

void tst_AdminCommands::save()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/hostAdminDown?service=web&group=prod&name=a").status, 200);
    HttpTestResponse response = bed.post("/save");
    QCOMPARE(response.status, 200);
    QCOMPARE(bed.adminHost().saved().size(), 1);
    QVERIFY(bed.adminHost().saved().constFirst() == bed.engine().runningConfig());
    bed.adminHost().setSaveFailure(QStringLiteral("/etc/balancier.xml: Permission denied"));
    response = bed.post("/save");
    QCOMPARE(response.status, 500);
    QVERIFY2(response.body.contains("Permission denied"), response.body.constData());
    QCOMPARE(bed.adminHost().saved().size(), 1);
}

void tst_AdminCommands::hostAdminStates()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QString prod = QStringLiteral("prod");
    const QString a = QStringLiteral("a");
    QCOMPARE(bed.post("/hostAdminDown?service=web&group=prod&name=a").status, 200);
    QCOMPARE(bed.hostState(prod, a), QStringLiteral("maintenance"));
    QCOMPARE(bed.post("/hostAdminUp?service=web&group=prod&name=a").status, 200);
    QCOMPARE(bed.hostState(prod, a), QStringLiteral("up"));
    // By address, as pythondirector scripts do.
    const QByteArray ip = bed.backend(a).address().toUtf8();
    QCOMPARE(bed.post("/hostDrain?service=web&group=prod&ip=" + ip).status, 200);
    QCOMPARE(bed.hostState(prod, a), QStringLiteral("draining"));
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(prod)->host(a)->adminState,
        HostAdminState::Drain);
    QCOMPARE(bed.post("/retryHost?service=web&group=prod&ip=" + ip).status, 200);
}

void tst_AdminCommands::newServiceGroupAndDelGroup()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestResponse response = bed.post("/newService", AdminTestBed::Admin,
        "service=api&listen=127.0.0.1:0&group=main&name=h1&ip=127.0.0.1:9&scheduler=leastconns");
    QCOMPARE(response.status, 200);
    const Config config = bed.engine().runningConfig();
    const ServiceConfig *api = config.service(u"api");
    QVERIFY(api);
    QCOMPARE(api->enabledGroup, QStringLiteral("main"));
    QCOMPARE(api->group(u"main")->scheduler, QStringLiteral("leastconns"));
    bool bound = false;
    for (const BoundListener &listener : bed.engine().listeners())
        bound = bound || (listener.service == u"api" && listener.port != 0);
    QVERIFY(bound);

    QCOMPARE(bed.post("/newGroup?service=api&group=canary&scheduler=random").status, 200);
    QCOMPARE(
        bed.engine().runningConfig().service(u"api")->group(u"canary")->scheduler, QStringLiteral("random"));
    QCOMPARE(bed.post("/addHost?service=api&group=canary&name=h2&ip=127.0.0.1:10").status, 200);
    QCOMPARE(bed.post("/delGroup?service=api&group=canary").status, 200);
    QVERIFY(!bed.engine().runningConfig().service(u"api")->group(u"canary"));
}

void tst_AdminCommands::badParameter_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("parameter");
    const auto row = [](const char *name, const QByteArray &path, const char *parameter) {
        QTest::newRow(name) << path << QString::fromLatin1(parameter);
    };
    const QByteArray host = "&name=z&ip=127.0.0.1:9";
    row("addHost no service", "/addHost?group=prod" + host, "service");
    row("addHost no group", "/addHost?service=web" + host, "group");
    row("addHost no name", "/addHost?service=web&group=prod&ip=127.0.0.1:9", "name");
    row("addHost no ip", "/addHost?service=web&group=prod&name=z", "ip");
    row("addHost empty ip", "/addHost?service=web&group=prod&name=z&ip=", "ip");
    row("addHost ip without port", "/addHost?service=web&group=prod&name=z&ip=127.0.0.1", "ip");
    row("addHost ip port too big", "/addHost?service=web&group=prod&name=z&ip=127.0.0.1:70000", "ip");
    row("addHost ip port 0", "/addHost?service=web&group=prod&name=z&ip=127.0.0.1:0", "ip");
    row("addHost unknown service", "/addHost?service=nosuch&group=prod" + host, "service");
    row("addHost unknown group", "/addHost?service=web&group=nosuch" + host, "group");
    row("addHost duplicate name", "/addHost?service=web&group=prod&name=a&ip=127.0.0.1:9", "name");
    row("addHost name with space", "/addHost?service=web&group=prod&name=a%20b&ip=127.0.0.1:9", "name");
    row("addHost name with newline", "/addHost?service=web&group=prod&name=a%0Ab&ip=127.0.0.1:9", "name");
    row("addHost name ..", "/addHost?service=web&group=prod&name=..&ip=127.0.0.1:9", "name");
    row("addHost name .", "/addHost?service=web&group=prod&name=.&ip=127.0.0.1:9", "name");
    row("addHost wildcard ip", "/addHost?service=web&group=prod&name=z&ip=*:9", "ip");
    row("addHost any ipv4", "/addHost?service=web&group=prod&name=z&ip=0.0.0.0:9", "ip");
    row("addHost any ipv6", "/addHost?service=web&group=prod&name=z&ip=%5B::%5D:9", "ip");
    row("addHost three numbers", "/addHost?service=web&group=prod&name=z&ip=1.2.3:9", "ip");
    row("addHost negative weight", "/addHost?service=web&group=prod" + host + "&weight=-1", "weight");
    row("addHost weight not a number", "/addHost?service=web&group=prod" + host + "&weight=heavy", "weight");
    row("addHost weight too big", "/addHost?service=web&group=prod" + host + "&weight=99999999999", "weight");
    row("delHost no service", "/delHost?group=prod&name=a", "service");
    row("delHost no group", "/delHost?service=web&name=a", "group");
    row("delHost no ip or name", "/delHost?service=web&group=prod", "ip");
    row("delHost unknown ip", "/delHost?service=web&group=prod&ip=127.0.0.1:1", "ip");
    row("delHost unknown name", "/delHost?service=web&group=prod&name=nosuch", "name");
    row("delHost unknown group", "/delHost?service=web&group=nosuch&name=a", "group");
    row("delHost unknown service", "/delHost?service=nosuch&group=prod&name=a", "service");
    row("delAllHosts no group", "/delAllHosts?service=web", "group");
    row("delAllHosts unknown group", "/delAllHosts?service=web&group=nosuch", "group");
    row("delAllHosts unknown service", "/delAllHosts?service=nosuch&group=prod", "service");
    row("enableGroup no service", "/enableGroup?group=spare", "service");
    row("enableGroup no group", "/enableGroup?service=web", "group");
    row("enableGroup unknown group", "/enableGroup?service=web&group=nosuch", "group");
    row("enableGroup unknown service", "/enableGroup?service=nosuch&group=spare", "service");
    row("changeScheduler no scheduler", "/changeScheduler?service=web&group=prod", "scheduler");
    row("changeScheduler unknown scheduler", "/changeScheduler?service=web&group=prod&scheduler=fastest",
        "scheduler");
    row("changeScheduler unknown group", "/changeScheduler?service=web&group=nosuch&scheduler=random",
        "group");
    row("changeScheduler unknown service", "/changeScheduler?service=nosuch&group=prod&scheduler=random",
        "service");
    row("addUser no name", "/addUser?password=x", "name");
    row("addUser no password", "/addUser?name=eve", "password");
    row("addUser bad access", "/addUser?name=eve&password=x&access=root", "access");
    row("addUser existing", "/addUser?name=viewer&password=x", "name");
    row("addUser name with colon", "/addUser?name=e:ve&password=x", "name");
    row("addUser name with tab", "/addUser?name=e%09ve&password=x", "name");
    row("delUser no name", "/delUser", "name");
    row("delUser unknown", "/delUser?name=nosuch", "name");
    row("delUser last full user", "/delUser?name=admin", "name");
    row("retryHost no group", "/retryHost?service=web&name=a", "group");
    row("retryHost no host", "/retryHost?service=web&group=prod", "ip");
    row("retryHost unknown name", "/retryHost?service=web&group=prod&name=nosuch", "name");
    row("retryHost unknown ip", "/retryHost?service=web&group=prod&ip=127.0.0.1:1", "ip");
    row("hostAdminDown unknown name", "/hostAdminDown?service=web&group=prod&name=nosuch", "name");
    row("hostAdminDown unknown group", "/hostAdminDown?service=web&group=nosuch&name=a", "group");
    row("hostAdminDown no service", "/hostAdminDown?group=prod&name=a", "service");
    row("hostAdminUp unknown service", "/hostAdminUp?service=nosuch&group=prod&name=a", "service");
    row("hostDrain unknown ip", "/hostDrain?service=web&group=prod&ip=10.0.0.1:80", "ip");
    const QByteArray service = "&group=g&name=h&ip=127.0.0.1:9";
    row("newService no listen", "/newService?service=api" + service, "listen");
    row("newService bad listen", "/newService?service=api&listen=nowhere" + service, "listen");
    row("newService existing", "/newService?service=web&listen=127.0.0.1:0" + service, "service");
    row("newService bad ip", "/newService?service=api&listen=127.0.0.1:0&group=g&name=h&ip=h", "ip");
    row("newService bad scheduler", "/newService?service=api&listen=127.0.0.1:0" + service + "&scheduler=x",
        "scheduler");
    row("newService no group", "/newService?service=api&listen=127.0.0.1:0&name=h&ip=127.0.0.1:9", "group");
    row("newService named ..", "/newService?service=..&listen=127.0.0.1:0" + service, "service");
    row("newService wildcard ip", "/newService?service=api&listen=127.0.0.1:0&group=g&name=h&ip=*:9", "ip");
    row("newGroup named .", "/newGroup?service=web&group=.", "group");
    row("newGroup existing", "/newGroup?service=web&group=prod", "group");
    row("newGroup unknown service", "/newGroup?service=nosuch&group=g", "service");
    row("newGroup bad scheduler", "/newGroup?service=web&group=g&scheduler=nope", "scheduler");
    row("delGroup enabled", "/delGroup?service=web&group=prod", "group");
    row("delGroup unknown", "/delGroup?service=web&group=nosuch", "group");
    row("delGroup unknown service", "/delGroup?service=nosuch&group=spare", "service");
}

void tst_AdminCommands::badParameter()
{
    QFETCH(QByteArray, path);
    QFETCH(QString, parameter);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    const QList<BoundListener> listenersBefore = bed.engine().listeners();
    const HttpTestResponse response = bed.post(path);
    QCOMPARE(response.status, 400);
    const QString message = QString::fromUtf8(response.body);
    QVERIFY2(message.contains(QStringLiteral("parameter '%1'").arg(parameter)), qPrintable(message));
    QVERIFY2(bed.engine().runningConfig() == before, qPrintable(message));
    QCOMPARE(bed.engine().listeners().size(), listenersBefore.size());
    QCOMPARE(bed.adminHost().saved().size(), 0);
    QCOMPARE(bed.hostState(QStringLiteral("prod"), QStringLiteral("a")), QStringLiteral("up"));
}

void tst_AdminCommands::docsCoverEveryEndpoint()
{
    QFile file(QStringLiteral(BALANCIER_SOURCE_DIR "/docs/admin-api.md"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QString docs = QString::fromUtf8(file.readAll());
    for (const AdminServer::Command &command : AdminServer::commands()) {
        const QString entry = QString::fromLatin1(command.method) + u' ' + command.pattern;
        QVERIFY2(docs.contains(entry), qPrintable(QStringLiteral("docs/admin-api.md lacks '%1'").arg(entry)));
    }
}

QTEST_MAIN(tst_AdminCommands)
#include "tst_admincommands.moc"
