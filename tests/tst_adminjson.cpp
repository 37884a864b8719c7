// The JSON API under /api/v1/: the status snapshot (and its JSON form, which
// the desktop app reads back), services, groups and hosts, the host history,
// and the config: GET as XML, PUT with located errors, the diff, a dry run,
// live apply and persistence through AdminHost.

#include "admin/adminserver.h"
#include "admintestbed.h"
#include "config/configchangejson.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "httptestclient.h"
#include "httptestsession.h"
#include "ssetestclient.h"
#include "stats/statsjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Balancier;

namespace {

QJsonObject jsonOf(const HttpTestResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &entry : value.toArray())
        list.append(entry.toString());
    return list;
}

/// The English "text" of each change object in a reply's "changes".
QStringList changeTexts(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &entry : value.toArray())
        list.append(entry.toObject().value(QStringLiteral("text")).toString());
    return list;
}

}  // namespace

class tst_AdminJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void status();
    void statsJsonRoundTrip();
    void services();
    void hosts();
    void putHost();
    void putHostCreates();
    void putHostRefused_data();
    void putHostRefused();
    void hostActions();
    void deleteHost();
    void slashInAName();
    void groupEndpoints();
    void unknownPathItems_data();
    void unknownPathItems();
    void history();
    void getConfig();
    void putConfigApplies();
    void putConfigWithCurlsDefaultContentType();
    void putConfigDryRun();
    void putConfigErrors_data();
    void putConfigErrors();
    void putConfigSaveFails();
    void putConfigKeepsAFullUser();
    void putConfigMovesAdmin();
    void saveEndpoint();
};

void tst_AdminJson::status()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response = bed.get("/api/v1/status", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"), QByteArray("application/json"));
    const QJsonObject status = jsonOf(response);
    QVERIFY(status.contains(QStringLiteral("taken")));
    QCOMPARE(status.value(QStringLiteral("activeConnections")).toInt(-1), 0);
    const QJsonArray services = status.value(QStringLiteral("services")).toArray();
    QCOMPARE(services.size(), 1);
    const QJsonObject web = services.first().toObject();
    QCOMPARE(web.value(QStringLiteral("name")).toString(), QStringLiteral("web"));
    QCOMPARE(web.value(QStringLiteral("enabledGroup")).toString(), QStringLiteral("prod"));
    QCOMPARE(stringsOf(web.value(QStringLiteral("listeners"))),
        QStringList{bed.engine().listeners().constFirst().bound});
    const QJsonArray groups = web.value(QStringLiteral("groups")).toArray();
    QCOMPARE(groups.size(), 2);
    const QJsonObject prod = groups.first().toObject();
    QCOMPARE(prod.value(QStringLiteral("enabled")).toBool(), true);
    QCOMPARE(prod.value(QStringLiteral("scheduler")).toString(), QStringLiteral("roundrobin"));
    const QJsonObject a = prod.value(QStringLiteral("hosts")).toArray().first().toObject();
    QCOMPARE(a.value(QStringLiteral("name")).toString(), QStringLiteral("a"));
    QCOMPARE(a.value(QStringLiteral("address")).toString(), bed.backend(QStringLiteral("a")).address());
    QCOMPARE(a.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
    // The desktop app reads the same JSON back; nothing is lost on the way.
    QCOMPARE(statsToJson(statsFromJson(status)), status);
}

void tst_AdminJson::statsJsonRoundTrip()
{
    StatsSnapshot snapshot;
    snapshot.taken = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 890), Qt::UTC);
    snapshot.sequence = 1234567890123ULL;
    snapshot.activeConnections = 42;
    ServiceStats service;
    service.name = QStringLiteral("wëb \"quoted\"");
    service.listeners = {QStringLiteral("127.0.0.1:80"), QStringLiteral("[::1]:80")};
    service.enabledGroup = QStringLiteral("g");
    service.active = 3;
    service.total = 5000000000LL;  // beyond 32 bits
    service.bytesIn = 1LL << 40;
    service.bytesOut = 7;
    service.connectionRate = 12.5;
    service.bytesInRate = 0.25;
    service.bytesOutRate = 1e9;
    service.aggressive = true;
    GroupStats group;
    group.name = QStringLiteral("g");
    group.scheduler = QStringLiteral("p2c");
    group.enabled = true;
    group.active = 2;
    group.total = 9;
    group.bytesIn = 10;
    group.bytesOut = 11;
    group.connectionRate = 1.5;
    group.bytesInRate = 2.5;
    group.bytesOutRate = 3.5;
    HostStats host;
    host.name = QStringLiteral("h<1>");
    host.address = QStringLiteral("[::1]:8080");
    host.state = QStringLiteral("down");
    host.reason = QStringLiteral("connection refused");
    host.lastChange = QDateTime(QDate(2026, 3, 4), QTime(5, 0, 0, 1), Qt::UTC);
    host.weight = 0;
    host.maxConns = 100;
    host.active = 1;
    host.total = 3;
    host.failedConnects = 4;
    host.bytesIn = 5;
    host.bytesOut = 6;
    host.connectionRate = 0.5;
    host.bytesInRate = 7.5;
    host.bytesOutRate = 8.5;
    group.hosts = {host};
    service.groups = {group};
    snapshot.services = {service};

    const QJsonObject json = statsToJson(snapshot);
    const StatsSnapshot back = statsFromJson(json);
    QCOMPARE(back.taken, snapshot.taken);
    QCOMPARE(back.sequence, snapshot.sequence);
    QCOMPARE(back.activeConnections, snapshot.activeConnections);
    QCOMPARE(back.services.size(), 1);
    const ServiceStats &s = back.services.constFirst();
    QCOMPARE(s.name, service.name);
    QCOMPARE(s.listeners, service.listeners);
    QCOMPARE(s.enabledGroup, service.enabledGroup);
    QCOMPARE(s.active, service.active);
    QCOMPARE(s.total, service.total);
    QCOMPARE(s.bytesIn, service.bytesIn);
    QCOMPARE(s.bytesOut, service.bytesOut);
    QCOMPARE(s.connectionRate, service.connectionRate);
    QCOMPARE(s.bytesInRate, service.bytesInRate);
    QCOMPARE(s.bytesOutRate, service.bytesOutRate);
    QCOMPARE(s.aggressive, service.aggressive);
    const GroupStats &g = s.groups.constFirst();
    QCOMPARE(g.name, group.name);
    QCOMPARE(g.scheduler, group.scheduler);
    QCOMPARE(g.enabled, group.enabled);
    QCOMPARE(g.active, group.active);
    QCOMPARE(g.total, group.total);
    QCOMPARE(g.bytesIn, group.bytesIn);
    QCOMPARE(g.bytesOut, group.bytesOut);
    QCOMPARE(g.connectionRate, group.connectionRate);
    QCOMPARE(g.bytesInRate, group.bytesInRate);
    QCOMPARE(g.bytesOutRate, group.bytesOutRate);
    const HostStats &h = g.hosts.constFirst();
    QCOMPARE(h.name, host.name);
    QCOMPARE(h.address, host.address);
    QCOMPARE(h.state, host.state);
    QCOMPARE(h.reason, host.reason);
    QCOMPARE(h.lastChange, host.lastChange);
    QCOMPARE(h.weight, host.weight);
    QCOMPARE(h.maxConns, host.maxConns);
    QCOMPARE(h.active, host.active);
    QCOMPARE(h.total, host.total);
    QCOMPARE(h.failedConnects, host.failedConnects);
    QCOMPARE(h.bytesIn, host.bytesIn);
    QCOMPARE(h.bytesOut, host.bytesOut);
    QCOMPARE(h.connectionRate, host.connectionRate);
    QCOMPARE(h.bytesInRate, host.bytesInRate);
    QCOMPARE(h.bytesOutRate, host.bytesOutRate);
    QCOMPARE(statsToJson(back), json);
    // Through text, as it travels.
    QCOMPARE(
        statsToJson(statsFromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object())), json);
}

void tst_AdminJson::services()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestResponse response = bed.get("/api/v1/services", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    const QJsonArray list = jsonOf(response).value(QStringLiteral("services")).toArray();
    QCOMPARE(list.size(), 1);
    response = bed.get("/api/v1/services/web", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    QCOMPARE(jsonOf(response), list.first().toObject());
    response = bed.get("/api/v1/services/nosuch", AdminTestBed::Viewer);
    QCOMPARE(response.status, 404);
    QVERIFY(jsonOf(response).value(QStringLiteral("error")).toString().contains(QStringLiteral("nosuch")));
    QCOMPARE(jsonOf(response).value(QStringLiteral("status")).toInt(), 404);
}

void tst_AdminJson::hosts()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestResponse response = bed.get("/api/v1/services/web/groups/spare/hosts", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    const QJsonArray hosts = jsonOf(response).value(QStringLiteral("hosts")).toArray();
    QCOMPARE(hosts.size(), 1);
    const QJsonObject c = hosts.first().toObject();
    QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("c"));
    QCOMPARE(c.value(QStringLiteral("address")).toString(), bed.backend(QStringLiteral("c")).address());
    QCOMPARE(c.value(QStringLiteral("weight")).toInt(), 1);
    QCOMPARE(c.value(QStringLiteral("maxconns")).toInt(), 0);
    QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
    QCOMPARE(c.value(QStringLiteral("health")).toString(), QStringLiteral("up"));
    response = bed.get("/api/v1/services/web/groups/prod/hosts/b", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    const QJsonObject b = jsonOf(response);
    QCOMPARE(b.value(QStringLiteral("name")).toString(), QStringLiteral("b"));
    for (const char *field : {"health", "reason", "active", "total", "failedConnects", "lastProbe"})
        QVERIFY2(b.contains(QLatin1StringView(field)), field);
}

void tst_AdminJson::putHost()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response = bed.request("PUT", "/api/v1/services/web/groups/prod/hosts/b",
        AdminTestBed::Admin, R"({"weight":5,"maxconns":10,"state":"drain"})");
    QCOMPARE(response.status, 200);
    const QJsonObject result = jsonOf(response);
    QCOMPARE(result.value(QStringLiteral("ok")).toBool(), true);
    const QStringList changes = changeTexts(result.value(QStringLiteral("changes")));
    QCOMPARE(changes.size(), 1);
    QVERIFY2(changes.constFirst().contains(QStringLiteral("host b")), qPrintable(changes.constFirst()));
    // Each change is an object with structured members beside the text.
    const QJsonObject change = result.value(QStringLiteral("changes")).toArray().first().toObject();
    QCOMPARE(change.value(QStringLiteral("kind")).toString(), QStringLiteral("hostChanged"));
    QCOMPARE(change.value(QStringLiteral("service")).toString(), QStringLiteral("web"));
    QCOMPARE(change.value(QStringLiteral("group")).toString(), QStringLiteral("prod"));
    QCOMPARE(change.value(QStringLiteral("name")).toString(), QStringLiteral("b"));
    QCOMPARE(change.value(QStringLiteral("fields")).toArray(),
        (QJsonArray{QStringLiteral("weight"), QStringLiteral("maxconns"), QStringLiteral("state")}));
    const Config config = bed.engine().runningConfig();
    const HostConfig *b = config.service(u"web")->group(u"prod")->host(u"b");
    QCOMPARE(b->weight, 5);
    QCOMPARE(b->maxConns, 10);
    QCOMPARE(b->adminState, HostAdminState::Drain);
    const auto runtime = [&] {
        return bed.engine().host(QStringLiteral("web"), QStringLiteral("prod"), QStringLiteral("b")).value();
    };
    QCOMPARE(runtime().weight, 5);
    QCOMPARE(runtime().maxConns, 10);
    QCOMPARE(runtime().state, QStringLiteral("draining"));
    // Changing nothing is fine and lists nothing.
    const HttpTestResponse again = bed.request(
        "PUT", "/api/v1/services/web/groups/prod/hosts/b", AdminTestBed::Admin, R"({"weight":5})");
    QCOMPARE(again.status, 200);
    QVERIFY(jsonOf(again).value(QStringLiteral("changes")).toArray().isEmpty());
}

void tst_AdminJson::putHostCreates()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response = bed.request("PUT", "/api/v1/services/web/groups/spare/hosts/d",
        AdminTestBed::Admin, R"({"address":"127.0.0.1:9","weight":2})");
    QCOMPARE(response.status, 201);
    const Config config = bed.engine().runningConfig();
    const HostConfig *d = config.service(u"web")->group(u"spare")->host(u"d");
    QVERIFY(d);
    QCOMPARE(d->address, QStringLiteral("127.0.0.1:9"));
    QCOMPARE(d->weight, 2);
}

void tst_AdminJson::putHostRefused_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("fragment");
    const QByteArray b = "/api/v1/services/web/groups/prod/hosts/b";
    QTest::newRow("not JSON") << b << QByteArray("weight=5") << 400 << QStringLiteral("invalid JSON");
    QTest::newRow("empty body") << b << QByteArray() << 400 << QStringLiteral("body");
    QTest::newRow("array") << b << QByteArray("[5]") << 400 << QStringLiteral("JSON object");
    QTest::newRow("weight as string")
        << b << QByteArray(R"({"weight":"5"})") << 400 << QStringLiteral("'weight'");
    QTest::newRow("weight fraction") << b << QByteArray(R"({"weight":1.5})") << 400
                                     << QStringLiteral("'weight'");
    QTest::newRow("weight huge") << b << QByteArray(R"({"weight":1e20})") << 400
                                 << QStringLiteral("'weight'");
    QTest::newRow("weight negative") << b << QByteArray(R"({"weight":-1})") << 400
                                     << QStringLiteral("weight");
    QTest::newRow("weight too big") << b << QByteArray(R"({"weight":100000})") << 400
                                    << QStringLiteral("weight");
    QTest::newRow("maxconns negative")
        << b << QByteArray(R"({"maxconns":-1})") << 400 << QStringLiteral("maxconns");
    QTest::newRow("maxconns null") << b << QByteArray(R"({"maxconns":null})") << 400
                                   << QStringLiteral("'maxconns'");
    QTest::newRow("unknown state") << b << QByteArray(R"({"state":"sleeping"})") << 400
                                   << QStringLiteral("'state'");
    QTest::newRow("unknown field") << b << QByteArray(R"({"weight":2,"colour":"red"})") << 400
                                   << QStringLiteral("'colour'");
    QTest::newRow("address not a string")
        << b << QByteArray(R"({"address":80})") << 400 << QStringLiteral("'address'");
    QTest::newRow("address without port")
        << b << QByteArray(R"({"address":"127.0.0.1"})") << 400 << QStringLiteral("'address'");
    QTest::newRow("new host without address")
        << QByteArray("/api/v1/services/web/groups/prod/hosts/new") << QByteArray(R"({"weight":1})") << 400
        << QStringLiteral("'address'");
    QTest::newRow("new host name with blank")
        << QByteArray("/api/v1/services/web/groups/prod/hosts/new%20one")
        << QByteArray(R"({"address":"127.0.0.1:9"})") << 400 << QStringLiteral("host name");
    QTest::newRow("unknown group") << QByteArray("/api/v1/services/web/groups/nosuch/hosts/b")
                                   << QByteArray(R"({"weight":2})") << 404 << QStringLiteral("nosuch");
    QTest::newRow("unknown service") << QByteArray("/api/v1/services/nosuch/groups/prod/hosts/b")
                                     << QByteArray(R"({"weight":2})") << 404 << QStringLiteral("nosuch");
}

void tst_AdminJson::putHostRefused()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, fragment);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    const HttpTestResponse response = bed.request("PUT", path, AdminTestBed::Admin, body);
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("content-type"), QByteArray("application/json"));
    const QString message = jsonOf(response).value(QStringLiteral("error")).toString();
    QVERIFY2(message.contains(fragment), qPrintable(message));
    QVERIFY(bed.engine().runningConfig() == before);
    QCOMPARE(
        bed.engine().host(QStringLiteral("web"), QStringLiteral("prod"), QStringLiteral("b"))->weight, 1);
}

void tst_AdminJson::hostActions()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray base = "/api/v1/services/web/groups/prod/hosts/a/";
    const QString prod = QStringLiteral("prod");
    const QString a = QStringLiteral("a");
    QCOMPARE(bed.post(base + "drain").status, 200);
    QCOMPARE(bed.hostState(prod, a), QStringLiteral("draining"));
    QCOMPARE(bed.post(base + "maintenance").status, 200);
    QCOMPARE(bed.hostState(prod, a), QStringLiteral("maintenance"));
    QCOMPARE(bed.post(base + "ready").status, 200);
    QCOMPARE(bed.hostState(prod, a), QStringLiteral("up"));
    HttpTestResponse response = bed.post(base + "retry");
    QCOMPARE(response.status, 200);
    QCOMPARE(jsonOf(response).value(QStringLiteral("ok")).toBool(), true);
    const Config before = bed.engine().runningConfig();
    response = bed.post(base + "explode");
    QCOMPARE(response.status, 404);
    QVERIFY(jsonOf(response).value(QStringLiteral("error")).toString().contains(QStringLiteral("explode")));
    QVERIFY(bed.engine().runningConfig() == before);
}

void tst_AdminJson::deleteHost()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestResponse response = bed.request("DELETE", "/api/v1/services/web/groups/prod/hosts/b");
    QCOMPARE(response.status, 200);
    QVERIFY(changeTexts(jsonOf(response).value(QStringLiteral("changes")))
                .constFirst()
                .contains(QStringLiteral("b")));
    QVERIFY(!bed.engine().runningConfig().service(u"web")->group(u"prod")->host(u"b"));
    response = bed.request("DELETE", "/api/v1/services/web/groups/prod/hosts/b");
    QCOMPARE(response.status, 404);
}

void tst_AdminJson::slashInAName()
{
    // The router splits the raw path on '/' first, then decodes each
    // segment: a host named "a/b" (allowed by the validator) is addressed as
    // "a%2Fb", read, changed and removed like any other.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray path = "/api/v1/services/web/groups/spare/hosts/a%2Fb";
    HttpTestResponse response
        = bed.request("PUT", path, AdminTestBed::Admin, R"({"address":"127.0.0.1:19","weight":2})");
    QCOMPARE(response.status, 201);
    QVERIFY(bed.engine().runningConfig().service(u"web")->group(u"spare")->host(u"a/b"));
    response = bed.get(path, AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    QCOMPARE(jsonOf(response).value(QStringLiteral("name")).toString(), QStringLiteral("a/b"));
    response = bed.request("PUT", path, AdminTestBed::Admin, R"({"weight":7})");
    QCOMPARE(response.status, 200);
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(u"spare")->host(u"a/b")->weight, 7);
    QCOMPARE(bed.post(path + "/drain").status, 200);
    QCOMPARE(bed.hostState(QStringLiteral("spare"), QStringLiteral("a/b")), QStringLiteral("draining"));
    // Not the same as the path with a real '/': that is host "a", action "b" (POST only).
    QCOMPARE(bed.get("/api/v1/services/web/groups/spare/hosts/a/b", AdminTestBed::Viewer).status, 405);
    response = bed.request("DELETE", path);
    QCOMPARE(response.status, 200);
    QVERIFY(!bed.engine().runningConfig().service(u"web")->group(u"spare")->host(u"a/b"));
    // Dot segments, encoded or not, are refused before routing.
    QCOMPARE(bed.get("/api/v1/services/web/groups/spare/hosts/%2E%2E", AdminTestBed::Viewer).status, 400);
}

void tst_AdminJson::groupEndpoints()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/api/v1/services/web/groups/spare/enable").status, 200);
    QCOMPARE(bed.engine().runningConfig().service(u"web")->enabledGroup, QStringLiteral("spare"));
    HttpTestResponse response = bed.request("PUT", "/api/v1/services/web/groups/prod/scheduler",
        AdminTestBed::Admin, R"({"scheduler":"weightr"})");
    QCOMPARE(response.status, 200);
    QCOMPARE(
        bed.engine().runningConfig().service(u"web")->group(u"prod")->scheduler, QStringLiteral("weighted"));
    const Config before = bed.engine().runningConfig();
    response = bed.request("PUT", "/api/v1/services/web/groups/prod/scheduler", AdminTestBed::Admin,
        R"({"scheduler":"fastest"})");
    QCOMPARE(response.status, 400);
    QVERIFY(
        jsonOf(response).value(QStringLiteral("error")).toString().contains(QStringLiteral("'scheduler'")));
    response = bed.request("PUT", "/api/v1/services/web/groups/prod/scheduler", AdminTestBed::Admin, "{}");
    QCOMPARE(response.status, 400);
    QVERIFY(
        jsonOf(response).value(QStringLiteral("error")).toString().contains(QStringLiteral("'scheduler'")));
    QVERIFY(bed.engine().runningConfig() == before);
}

void tst_AdminJson::unknownPathItems_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("enable unknown group")
        << QByteArray("POST") << QByteArray("/api/v1/services/web/groups/x/enable") << QByteArray();
    QTest::newRow("enable unknown service")
        << QByteArray("POST") << QByteArray("/api/v1/services/x/groups/prod/enable") << QByteArray();
    QTest::newRow("scheduler unknown group")
        << QByteArray("PUT") << QByteArray("/api/v1/services/web/groups/x/scheduler")
        << QByteArray(R"({"scheduler":"random"})");
    QTest::newRow("hosts of unknown group")
        << QByteArray("GET") << QByteArray("/api/v1/services/web/groups/x/hosts") << QByteArray();
    QTest::newRow("unknown host") << QByteArray("GET")
                                  << QByteArray("/api/v1/services/web/groups/prod/hosts/x") << QByteArray();
    QTest::newRow("action on unknown host")
        << QByteArray("POST") << QByteArray("/api/v1/services/web/groups/prod/hosts/x/drain") << QByteArray();
    QTest::newRow("retry unknown host")
        << QByteArray("POST") << QByteArray("/api/v1/services/web/groups/prod/hosts/x/retry") << QByteArray();
    QTest::newRow("history of unknown host")
        << QByteArray("GET") << QByteArray("/api/v1/services/web/groups/prod/hosts/x/history")
        << QByteArray();
    QTest::newRow("delete unknown host")
        << QByteArray("DELETE") << QByteArray("/api/v1/services/web/groups/prod/hosts/x") << QByteArray();
}

void tst_AdminJson::unknownPathItems()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    const HttpTestResponse response = bed.request(method, path, AdminTestBed::Admin, body);
    QCOMPARE(response.status, 404);
    QVERIFY(!jsonOf(response).value(QStringLiteral("error")).toString().isEmpty());
    QVERIFY(bed.engine().runningConfig() == before);
}

void tst_AdminJson::history()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/api/v1/services/web/groups/prod/hosts/a/drain").status, 200);
    QCOMPARE(bed.post("/api/v1/services/web/groups/prod/hosts/a/maintenance").status, 200);
    QCOMPARE(bed.post("/api/v1/services/web/groups/prod/hosts/a/ready").status, 200);
    const HttpTestResponse response
        = bed.get("/api/v1/services/web/groups/prod/hosts/a/history", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    const QJsonArray events = jsonOf(response).value(QStringLiteral("history")).toArray();
    QStringList states;
    QStringList codes;
    for (const QJsonValue &event : events) {
        const QJsonObject object = event.toObject();
        QVERIFY(QDateTime::fromString(object.value(QStringLiteral("when")).toString(), Qt::ISODateWithMs)
                    .isValid());
        states.append(object.value(QStringLiteral("state")).toString());
        codes.append(object.value(QStringLiteral("reasonCode")).toString());
        QVERIFY(object.value(QStringLiteral("reasonParams")).isObject());
    }
    // Why, as a code for programs beside the English "reason".
    QCOMPARE(codes.constFirst(), QStringLiteral("added"));
    QCOMPARE(codes.constLast(), QStringLiteral("adminChange"));
    QCOMPARE(events.last().toObject().value(QStringLiteral("reason")).toString(),
        QStringLiteral("administrative change"));
    QVERIFY2(states.size() >= 4, qPrintable(states.join(u',')));
    QCOMPARE(states.mid(states.size() - 3),
        (QStringList{QStringLiteral("draining"), QStringLiteral("maintenance"), QStringLiteral("up")}));
}

void tst_AdminJson::getConfig()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response = bed.get("/api/v1/config");
    QCOMPARE(response.status, 200);
    QVERIFY(response.header("content-type").startsWith("application/xml"));
    const LoadResult loaded = ConfigReader::readData(response.body, QStringLiteral("config"));
    QVERIFY(loaded.ok());
    QVERIFY(loaded.config == bed.engine().runningConfig());
}

void tst_AdminJson::putConfigApplies()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    Config next = bed.engine().runningConfig();
    next.service(u"web")->group(u"prod")->host(u"b")->weight = 7;
    HostConfig d;
    d.name = QStringLiteral("d");
    d.address = QStringLiteral("127.0.0.1:9");
    next.service(u"web")->group(u"spare")->hosts.append(d);
    const HttpTestResponse response
        = bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, ConfigDocument::serialize(next));
    QCOMPARE(response.status, 200);
    const QJsonObject result = jsonOf(response);
    QCOMPARE(result.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(result.value(QStringLiteral("saved")).toBool(), true);
    const QStringList changes = changeTexts(result.value(QStringLiteral("changes")));
    QCOMPARE(changes.size(), 2);
    QVERIFY(bed.engine().runningConfig() == next);
    QCOMPARE(
        bed.engine().host(QStringLiteral("web"), QStringLiteral("prod"), QStringLiteral("b"))->weight, 7);
    // Persisted through the host, with what is now running.
    QCOMPARE(bed.adminHost().saved().size(), 1);
    QVERIFY(bed.adminHost().saved().constFirst() == next);
}

void tst_AdminJson::putConfigWithCurlsDefaultContentType()
{
    // `curl -X PUT --data-binary @running.xml` labels the body
    // application/x-www-form-urlencoded; a PUT body is the config all the
    // same, not form parameters (it was "400 unknown parameter '<?xml ...'").
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    Config next = bed.engine().runningConfig();
    next.service(u"web")->group(u"prod")->host(u"b")->weight = 9;
    const HttpTestResponse response = bed.request("PUT", "/api/v1/config", AdminTestBed::Admin,
        ConfigDocument::serialize(next), {{"Content-Type", "application/x-www-form-urlencoded"}});
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(
        bed.engine().host(QStringLiteral("web"), QStringLiteral("prod"), QStringLiteral("b"))->weight, 9);
    // A POST form still carries its parameters in the body.
    const HttpTestResponse form = bed.request("POST", "/api/v1/services/web/groups/prod/hosts/b/drain",
        AdminTestBed::Admin, "bogus=1", {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(form.status, 400);
    QVERIFY2(form.body.contains("bogus"), form.body.constData());
}

void tst_AdminJson::putConfigDryRun()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    Config next = before;
    next.service(u"web")->group(u"prod")->scheduler = QStringLiteral("random");
    next.service(u"web")->group(u"prod")->hosts.removeLast();
    const HttpTestResponse response
        = bed.request("PUT", "/api/v1/config?dryrun=1", AdminTestBed::Admin, ConfigDocument::serialize(next));
    QCOMPARE(response.status, 200);
    const QJsonObject result = jsonOf(response);
    QCOMPARE(result.value(QStringLiteral("dryRun")).toBool(), true);
    const QStringList changes = changeTexts(result.value(QStringLiteral("changes")));
    QCOMPARE(changes.size(), 2);
    QVERIFY(changes.join(u'\n').contains(QStringLiteral("random")));
    QString parseError;
    const QList<ConfigChange> parsed
        = configChangesFromJson(result.value(QStringLiteral("changes")).toArray(), &parseError);
    QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
    QCOMPARE(parsed, diffConfigs(before, next));
    QVERIFY(bed.engine().runningConfig() == before);
    QCOMPARE(bed.adminHost().saved().size(), 0);
}

void tst_AdminJson::putConfigErrors_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");
    const QByteArray head = "<?xml version=\"1.0\"?>\n<balancier version=\"1\">\n"
                            "  <service name=\"web\">\n    <listen ip=\"127.0.0.1:0\"/>\n"
                            "    <group name=\"prod\">\n";
    const QByteArray tail = "    </group>\n    <enable group=\"prod\"/>\n  </service>\n</balancier>\n";
    QTest::newRow("not well-formed") << QByteArray(head + "      <host name=\"a\" ip=\"127.0.0.1:1\">\n"
        + tail) << 1 << 0 << QString();
    QTest::newRow("unknown attribute")
        << QByteArray(head + "      <host name=\"a\" ip=\"127.0.0.1:1\" colour=\"red\"/>\n" + tail) << 1 << 6
        << QStringLiteral("colour");
    QTest::newRow("two errors") << QByteArray(head
        + "      <host name=\"a\" ip=\"127.0.0.1:1\"/>\n"
          "      <host name=\"a\" ip=\"127.0.0.1\"/>\n"
        + tail) << 2 << 7 << QStringLiteral("a");
    QTest::newRow("unknown scheduler") << QByteArray(
        QByteArray(head).replace("<group name=\"prod\">", "<group name=\"prod\" scheduler=\"x\">")
        + "      <host name=\"a\" ip=\"127.0.0.1:1\"/>\n" + tail)
                                       << 1 << 5 << QStringLiteral("scheduler");
    QTest::newRow("empty body") << QByteArray() << 1 << 0 << QString();
}

void tst_AdminJson::putConfigErrors()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, errors);
    QFETCH(int, line);
    QFETCH(QString, fragment);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    for (const QByteArray &path : {QByteArray("/api/v1/config"), QByteArray("/api/v1/config?dryrun=1")}) {
        const HttpTestResponse response = bed.request("PUT", path, AdminTestBed::Admin, xml);
        QCOMPARE(response.status, 422);
        const QJsonObject result = jsonOf(response);
        QCOMPARE(result.value(QStringLiteral("ok")).toBool(true), false);
        const QJsonArray list = result.value(QStringLiteral("errors")).toArray();
        QVERIFY2(list.size() >= errors, response.body.constData());
        const QJsonObject first = list.first().toObject();
        if (line > 0) {
            QCOMPARE(first.value(QStringLiteral("line")).toInt(), line);
            QVERIFY(first.value(QStringLiteral("column")).toInt() > 0);
        }
        QVERIFY(!first.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(first.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        QVERIFY2(
            first.value(QStringLiteral("text")).toString().contains(fragment), response.body.constData());
        // Nothing changed, nothing saved.
        QVERIFY(bed.engine().runningConfig() == before);
        QCOMPARE(bed.adminHost().saved().size(), 0);
    }
}

void tst_AdminJson::putConfigSaveFails()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    bed.adminHost().setSaveFailure(QStringLiteral("disk full"));
    Config next = bed.engine().runningConfig();
    next.service(u"web")->group(u"prod")->host(u"a")->weight = 3;
    const HttpTestResponse response
        = bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, ConfigDocument::serialize(next));
    QCOMPARE(response.status, 200);
    const QJsonObject result = jsonOf(response);
    QCOMPARE(result.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(result.value(QStringLiteral("saved")).toBool(true), false);
    QCOMPARE(result.value(QStringLiteral("saveError")).toString(), QStringLiteral("disk full"));
    QVERIFY(bed.engine().runningConfig() == next);
}

void tst_AdminJson::putConfigKeepsAFullUser()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const Config before = bed.engine().runningConfig();
    Config next = before;
    next.admin.users.removeFirst();  // the only full user
    next.service(u"web")->group(u"prod")->host(u"a")->weight = 3;
    for (const QByteArray &path : {QByteArray("/api/v1/config"), QByteArray("/api/v1/config?dryrun=1")}) {
        const HttpTestResponse response
            = bed.request("PUT", path, AdminTestBed::Admin, ConfigDocument::serialize(next));
        QCOMPARE(response.status, 422);
        const QJsonObject first
            = jsonOf(response).value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("element")).toString(), QStringLiteral("<admin>"));
        QVERIFY(first.value(QStringLiteral("message")).toString().contains(QStringLiteral("full")));
        QVERIFY(bed.engine().runningConfig() == before);
    }
    QCOMPARE(bed.adminHost().saved().size(), 0);
}

void tst_AdminJson::saveEndpoint()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestResponse response = bed.post("/api/v1/save");
    QCOMPARE(response.status, 200);
    QCOMPARE(jsonOf(response).value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(bed.adminHost().saved().size(), 1);
    bed.adminHost().setSaveFailure(QStringLiteral("read-only file system"));
    response = bed.post("/api/v1/save");
    QCOMPARE(response.status, 500);
    QCOMPARE(
        jsonOf(response).value(QStringLiteral("error")).toString(), QStringLiteral("read-only file system"));
}

void tst_AdminJson::putConfigMovesAdmin()
{
    // The admin server moves in place while it answers the PUT that moved it:
    // new listener first, then the old one closes; the requester gets its
    // answer, then it and every other client of the old listener (an idle
    // keep-alive connection and an event stream) are closed.
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const quint16 oldPort = bed.port();
    const QByteArray credentials = "Authorization: Basic "
        + (AdminTestBed::Admin + u':' + AdminTestBed::AdminPassword).toUtf8().toBase64() + "\r\n";
    SseTestClient stream;
    stream.open(oldPort, "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QCOMPARE(stream.waitForEvent("stats", 2000), 0);
    HttpTestSession idle;
    QVERIFY(idle.connectPlain(oldPort));
    idle.send("GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n" + credentials + "\r\n");
    QCOMPARE(idle.readResponse().status, 200);
    QVERIFY(idle.isConnected());

    quint16 newPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        newPort = probe.serverPort();
    }
    Config next = bed.engine().runningConfig();
    next.admin.listen = QStringLiteral("127.0.0.1:%1").arg(newPort);
    const QByteArray body = ConfigDocument::serialize(next);
    HttpTestSession mover;
    QVERIFY(mover.connectPlain(oldPort));
    mover.send("PUT /api/v1/config HTTP/1.1\r\nHost: 127.0.0.1\r\n" + credentials
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const HttpTestResponse response = mover.readResponse();
    QVERIFY2(response.status == 200, response.body.constData());
    const QJsonObject result = jsonOf(response);
    QCOMPARE(
        result.value(QStringLiteral("admin")).toString(), QStringLiteral("http://127.0.0.1:%1").arg(newPort));
    QVERIFY(mover.waitForDisconnected(5000));
    QVERIFY(idle.waitForDisconnected(5000));
    QTRY_VERIFY(!stream.isConnected());
    QCOMPARE(bed.port(), newPort);
    QVERIFY(bed.engine().runningConfig() == next);
    QCOMPARE(bed.adminHost().adminUpdates().size(), 1);
    QCOMPARE(bed.get("/api/v1/status").status, 200);
    QTcpSocket old;
    old.connectToHost(QHostAddress::LocalHost, oldPort);
    QTRY_COMPARE(old.error(), QAbstractSocket::ConnectionRefusedError);
}

QTEST_MAIN(tst_AdminJson)
#include "tst_adminjson.moc"
