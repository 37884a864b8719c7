// Source ACLs and per-source limits over real sockets: clients bound to
// different loopback sources (127.0.0.2, 127.0.0.3, ...) and [::1] reach a
// listener on 127.0.0.1 / [::1]; a refused client sees its connection end
// without a byte and the backend never sees it. Live changes through
// Operations and PUT, and the counters in the stats, /metrics and the
// event stream.

#include "admintestbed.h"
#include "engine.h"
#include "ops/operations.h"
#include "prometheustext.h"
#include "proxyconfig.h"
#include "ssetestclient.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

AclConfig makeAcl(const QList<std::pair<AclRule::Action, QStringList>> &rules, bool defaultAllow = true)
{
    AclConfig config;
    config.enabled = true;
    config.defaultAllow = defaultAllow;
    for (const auto &[action, from] : rules)
        config.rules.append({action, from, {}});
    return config;
}

constexpr auto Allow = AclRule::Action::Allow;
constexpr auto Deny = AclRule::Action::Deny;

/// A client from `source` to `port` on `listen`; nullptr when it cannot even connect.
std::unique_ptr<TestConnection> connectFrom(
    quint16 port, const QString &source, const QHostAddress &listen = QHostAddress(QHostAddress::LocalHost))
{
    auto client = std::make_unique<TestConnection>();
    if (!client->connectTo(port, listen, QHostAddress(source)))
        return nullptr;
    return client;
}

/// Passed: the backend's name arrived. Refused: the connection ended without a byte.
bool passes(TestConnection &client)
{
    return !client.waitForLine().isEmpty();
}

bool refused(TestConnection &client)
{
    return client.waitForEnd() && client.received().isEmpty();
}

const ServiceStats &serviceOf(const StatsSnapshot &snapshot)
{
    return snapshot.services.constFirst();
}

}  // namespace

class tst_AccessControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acl_data();
    void acl();
    void ipv6();
    void perIpConcurrent();
    void perPrefixConcurrent();
    void rateAndBurst();
    void dryRun();
    void liveChangeThroughOperations();
    void adminApiMetricsAndEvents();
    void badRequests_data();
    void badRequests();

private:
    struct Bed
    {
        StubBackend a{u"a"_s};
        Engine engine;
        quint16 port = 0;
    };
    bool startBed(Bed &bed, const AclConfig &aclConfig, const LimitConfig &limit = {});
};

void tst_AccessControl::initTestCase()
{
    // Linux routes all of 127.0.0.0/8 to lo; elsewhere only 127.0.0.1 may be bound.
    TestConnection probe;
    if (!probe.connectTo(
            ProxyConfig::unusedPort(), QHostAddress(QHostAddress::LocalHost), QHostAddress(u"127.0.0.2"_s)))
        QSKIP("cannot bind 127.0.0.2 as a client address here");
}

bool tst_AccessControl::startBed(Bed &bed, const AclConfig &aclConfig, const LimitConfig &limit)
{
    if (!bed.a.listen())
        return false;
    Config config = ProxyConfig::make({ProxyConfig::host(u"a"_s, bed.a.address())});
    config.services[0].acl = aclConfig;
    config.services[0].limit = limit;
    bed.port = ProxyConfig::start(bed.engine, config);
    return bed.port != 0;
}

void tst_AccessControl::acl_data()
{
    QTest::addColumn<AclConfig>("rules");
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("passes");

    const AclConfig denyTwo = makeAcl({{Deny, {u"127.0.0.2"_s}}});
    QTest::newRow("deny refuses") << denyTwo << u"127.0.0.2"_s << false;
    QTest::newRow("others pass") << denyTwo << u"127.0.0.3"_s << true;
    const AclConfig allowOnly = makeAcl({{Allow, {u"127.0.0.3/32"_s, u"127.0.0.4"_s}}}, false);
    QTest::newRow("allow passes") << allowOnly << u"127.0.0.3"_s << true;
    QTest::newRow("default deny") << allowOnly << u"127.0.0.5"_s << false;
    const AclConfig firstMatch = makeAcl({{Allow, {u"127.0.0.6"_s}}, {Deny, {u"127.0.0.0/8"_s}}});
    QTest::newRow("first match: allow before deny") << firstMatch << u"127.0.0.6"_s << true;
    QTest::newRow("first match: the deny") << firstMatch << u"127.0.0.7"_s << false;
    QTest::newRow("empty acl, default deny") << makeAcl({}, false) << u"127.0.0.2"_s << false;
    QTest::newRow("empty acl, default allow") << makeAcl({}, true) << u"127.0.0.2"_s << true;
}

void tst_AccessControl::acl()
{
    QFETCH(AclConfig, rules);
    QFETCH(QString, source);
    QFETCH(bool, passes);
    Bed bed;
    QVERIFY(startBed(bed, rules));
    const auto client = connectFrom(bed.port, source);
    QVERIFY(client);
    if (passes) {
        QVERIFY(::passes(*client));
        QCOMPARE(bed.a.connectionCount(), 1);
    } else {
        QVERIFY(refused(*client));
        // The backend never saw it, and it is counted.
        QCOMPARE(bed.a.connectionCount(), 0);
        QTRY_COMPARE(serviceOf(bed.engine.snapshot()).refusedAcl, 1);
        QTRY_COMPARE(bed.engine.snapshot().activeConnections, 0);
    }
}

void tst_AccessControl::ipv6()
{
    StubBackend a(u"a"_s);
    QVERIFY(a.listen());
    Config config = ProxyConfig::make({ProxyConfig::host(u"a"_s, a.address())});
    config.services[0].listeners.append(u"[::1]:0"_s);
    config.services[0].acl = makeAcl({{Allow, {u"::1"_s, u"127.0.0.3"_s}}}, false);
    Engine engine;
    if (!engine.apply(config).ok)
        QSKIP("no IPv6 loopback here");
    quint16 port6 = 0;
    quint16 port4 = 0;
    for (const BoundListener &listener : engine.listeners()) {
        if (listener.configured.startsWith(u'['))
            port6 = listener.port;
        else
            port4 = listener.port;
    }
    QVERIFY(port6 && port4);
    const auto fromV6 = connectFrom(port6, u"::1"_s, QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY(fromV6);
    QVERIFY(passes(*fromV6));
    const auto fromV4 = connectFrom(port4, u"127.0.0.2"_s);
    QVERIFY(refused(*fromV4));
    const auto allowedV4 = connectFrom(port4, u"127.0.0.3"_s);
    QVERIFY(passes(*allowedV4));

    // Now ::1 denied: the same listener refuses it.
    QVERIFY(Operations(engine).setAcl(u"svc"_s, makeAcl({{Deny, {u"::1/128"_s}}})).ok);
    const auto deniedV6 = connectFrom(port6, u"::1"_s, QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY(refused(*deniedV6));
    QCOMPARE(a.connectionCount(), 2);
    QTRY_COMPARE(serviceOf(engine.snapshot()).refusedAcl, 2);
}

void tst_AccessControl::perIpConcurrent()
{
    LimitConfig limit;
    limit.enabled = true;
    limit.perIp = 2;
    Bed bed;
    QVERIFY(startBed(bed, {}, limit));
    const auto first = connectFrom(bed.port, u"127.0.0.2"_s);
    const auto second = connectFrom(bed.port, u"127.0.0.2"_s);
    QVERIFY(passes(*first));
    QVERIFY(passes(*second));
    const auto third = connectFrom(bed.port, u"127.0.0.2"_s);
    QVERIFY(refused(*third));
    // Another source has its own count.
    const auto other = connectFrom(bed.port, u"127.0.0.3"_s);
    QVERIFY(passes(*other));
    QCOMPARE(bed.a.connectionCount(), 3);
    QTRY_COMPARE(serviceOf(bed.engine.snapshot()).refusedConcurrent, 1);
    // A closed connection gives its place back.
    first->close();
    QTRY_COMPARE(bed.a.openConnections(), 2);
    QTRY_COMPARE(bed.engine.snapshot().activeConnections, 2);
    const auto fourth = connectFrom(bed.port, u"127.0.0.2"_s);
    QVERIFY(passes(*fourth));
    QCOMPARE(serviceOf(bed.engine.snapshot()).trackedSources, 2);
}

void tst_AccessControl::perPrefixConcurrent()
{
    LimitConfig limit;
    limit.enabled = true;
    limit.perIp = 1;
    limit.prefix = 24;  // 127.0.0.x is one source
    Bed bed;
    QVERIFY(startBed(bed, {}, limit));
    const auto first = connectFrom(bed.port, u"127.0.0.2"_s);
    QVERIFY(passes(*first));
    const auto sameSlash24 = connectFrom(bed.port, u"127.0.0.3"_s);
    QVERIFY(refused(*sameSlash24));
    const auto otherSlash24 = connectFrom(bed.port, u"127.0.1.2"_s);
    QVERIFY(passes(*otherSlash24));
}

void tst_AccessControl::rateAndBurst()
{
    // 1 a minute with a burst of 3: the refill during the test (a few
    // seconds at most) is far below one token, so the count is exact. The
    // refill itself is tested with a test-owned clock in tst_sourceacl.
    LimitConfig limit;
    limit.enabled = true;
    limit.rate = 1;
    limit.ratePeriodS = 60;
    limit.burst = 3;
    Bed bed;
    QVERIFY(startBed(bed, {}, limit));
    for (int i = 0; i < 3; ++i) {
        const auto client = connectFrom(bed.port, u"127.0.0.2"_s);
        QVERIFY2(passes(*client), qPrintable(QString::number(i)));
    }
    const auto fourth = connectFrom(bed.port, u"127.0.0.2"_s);
    QVERIFY(refused(*fourth));
    const auto other = connectFrom(bed.port, u"127.0.0.3"_s);
    QVERIFY(passes(*other));
    QTRY_COMPARE(serviceOf(bed.engine.snapshot()).refusedRate, 1);
    QCOMPARE(serviceOf(bed.engine.snapshot()).refusedConcurrent, 0);
    QCOMPARE(bed.a.connectionCount(), 4);
}

void tst_AccessControl::dryRun()
{
    LimitConfig limit;
    limit.enabled = true;
    limit.perIp = 1;
    limit.rate = 1;
    limit.ratePeriodS = 60;
    limit.burst = 2;
    limit.dryRun = true;
    Bed bed;
    QVERIFY(startBed(bed, {}, limit));
    std::vector<std::unique_ptr<TestConnection>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(connectFrom(bed.port, u"127.0.0.2"_s));
        QVERIFY2(passes(*clients.back()), qPrintable(QString::number(i)));
    }
    QCOMPARE(bed.a.connectionCount(), 4);
    // Would have refused: 3 for perip (1 open already each time), none for
    // the rate (perip is checked first, and a connection it would refuse takes no token).
    QTRY_COMPARE(serviceOf(bed.engine.snapshot()).dryRunConcurrent, 3);
    const ServiceStats stats = serviceOf(bed.engine.snapshot());
    QCOMPARE(stats.refusedConcurrent + stats.refusedRate + stats.refusedAcl, 0);
    clients.clear();
    QTRY_COMPARE(bed.engine.snapshot().activeConnections, 0);
    // Now the rate: 1 token was taken by the first client, 1 is left.
    const auto fifth = connectFrom(bed.port, u"127.0.0.2"_s);
    QVERIFY(passes(*fifth));
    fifth->close();
    QTRY_COMPARE(bed.engine.snapshot().activeConnections, 0);
    const auto sixth = connectFrom(bed.port, u"127.0.0.2"_s);
    QVERIFY(passes(*sixth));
    QTRY_COMPARE(serviceOf(bed.engine.snapshot()).dryRunRate, 1);
}

void tst_AccessControl::liveChangeThroughOperations()
{
    Bed bed;
    QVERIFY(startBed(bed, {}));
    const auto before = connectFrom(bed.port, u"127.0.0.2"_s);
    QVERIFY(passes(*before));

    const OpResult denied = Operations(bed.engine).setAcl(u"svc"_s, makeAcl({{Deny, {u"127.0.0.2"_s}}}));
    QVERIFY2(denied.ok, qPrintable(denied.errorString()));
    QCOMPARE(denied.changes.last().kind, ConfigChange::Kind::AclRuleAdded);
    const auto after = connectFrom(bed.port, u"127.0.0.2"_s);
    QVERIFY(refused(*after));
    // An open connection stays: the ACL judges new clients.
    QVERIFY(before->roundTrip("still here\n"));

    const OpResult limited = Operations(bed.engine).setLimit(u"svc"_s, [] {
        LimitConfig limit;
        limit.enabled = true;
        limit.perIp = 1;
        return limit;
    }());
    QVERIFY(limited.ok);
    const auto three = connectFrom(bed.port, u"127.0.0.3"_s);
    QVERIFY(passes(*three));
    const auto threeAgain = connectFrom(bed.port, u"127.0.0.3"_s);
    QVERIFY(refused(*threeAgain));

    // Both gone: everyone passes.
    QVERIFY(Operations(bed.engine).setAcl(u"svc"_s, AclConfig()).ok);
    QVERIFY(Operations(bed.engine).setLimit(u"svc"_s, LimitConfig()).ok);
    const auto back = connectFrom(bed.port, u"127.0.0.2"_s);
    QVERIFY(passes(*back));
    const auto threeThird = connectFrom(bed.port, u"127.0.0.3"_s);
    QVERIFY(passes(*threeThird));

    // Bad input names the argument; nothing changes.
    const OpResult bad = Operations(bed.engine).setAcl(u"svc"_s, makeAcl({{Deny, {u"127.0.0.2/33"_s}}}));
    QCOMPARE(bad.failure, OpResult::Failure::BadInput);
    QCOMPARE(bad.parameter, u"from"_s);
    QCOMPARE(Operations(bed.engine).setAcl(u"nope"_s, AclConfig()).failure, OpResult::Failure::NotFound);
    LimitConfig burstOnly;
    burstOnly.enabled = true;
    burstOnly.burst = 4;
    const OpResult badLimit = Operations(bed.engine).setLimit(u"svc"_s, burstOnly);
    QCOMPARE(badLimit.failure, OpResult::Failure::BadInput);
    QCOMPARE(badLimit.parameter, u"burst"_s);
}

void tst_AccessControl::adminApiMetricsAndEvents()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const quint16 port = bed.engine().listeners().constFirst().port;
    SseTestClient events;
    events.open(bed.port(), "/api/v1/events", AdminTestBed::Viewer, AdminTestBed::ViewerPassword);
    QVERIFY(events.waitForHeader());

    const QByteArray body
        = R"({"default":"allow","rules":[{"action":"deny","from":["127.0.0.4","10.0.0.0/8"]}]})";
    const HttpTestResponse put = bed.request("PUT", "/api/v1/services/web/acl", AdminTestBed::Admin, body);
    QCOMPARE(put.status, 200);
    QVERIFY(put.body.contains("aclRuleAdded"));
    // Read-only users may look, not change.
    QCOMPARE(bed.request("PUT", "/api/v1/services/web/acl", AdminTestBed::Viewer, body).status, 403);
    const HttpTestResponse get = bed.get("/api/v1/services/web/acl", AdminTestBed::Viewer);
    QCOMPARE(get.status, 200);
    const QJsonObject aclJson = QJsonDocument::fromJson(get.body).object();
    QCOMPARE(aclJson.value("rules"_L1).toArray().size(), 1);
    QCOMPARE(aclJson.value("rules"_L1).toArray().at(0).toObject().value("from"_L1).toArray().at(1).toString(),
        u"10.0.0.0/8"_s);

    for (int i = 0; i < 3; ++i) {
        const auto client = connectFrom(port, u"127.0.0.4"_s);
        QVERIFY(refused(*client));
    }
    const auto allowed = connectFrom(port, u"127.0.0.5"_s);
    QVERIFY(passes(*allowed));

    const HttpTestResponse putLimit = bed.request(
        "PUT", "/api/v1/services/web/limit", AdminTestBed::Admin, R"({"perip":1,"mode":"dryrun"})");
    QCOMPARE(putLimit.status, 200);
    const QJsonObject limitJson
        = QJsonDocument::fromJson(bed.get("/api/v1/services/web/limit").body).object();
    QCOMPARE(limitJson.value("perip"_L1).toInt(), 1);
    QCOMPARE(limitJson.value("mode"_L1).toString(), u"dryrun"_s);
    const auto second = connectFrom(port, u"127.0.0.5"_s);
    const auto third = connectFrom(port, u"127.0.0.5"_s);
    QVERIFY(passes(*second));
    QVERIFY(passes(*third));

    PrometheusText metrics;
    QTRY_VERIFY(metrics.parse(bed.get("/metrics").body)
        && metrics.value("balancier_refused_total", {{"service", u"web"_s}, {"reason", u"acl-denied"_s}})
            == std::optional<double>(3));
    QCOMPARE(metrics.value("balancier_refused_total", {{"service", u"web"_s}, {"reason", u"limit-rate"_s}}),
        std::optional<double>(0));
    QCOMPARE(metrics.value("balancier_dryrun_refusals_total",
                 {{"service", u"web"_s}, {"reason", u"limit-concurrent"_s}}),
        std::optional<double>(1));
    QCOMPARE(
        metrics.value("balancier_limit_tracked_sources", {{"service", u"web"_s}}), std::optional<double>(1));

    // The stats say it too.
    const QJsonObject service = QJsonDocument::fromJson(bed.get("/api/v1/services/web").body).object();
    QCOMPARE(service.value("refused"_L1).toObject().value("acl-denied"_L1).toInt(), 3);
    QCOMPARE(service.value("aclRules"_L1).toInt(), 1);

    // One aggregated event, not one per refusal.
    const qsizetype index = events.waitForEvent("refused", 5000);
    QVERIFY(index >= 0);
    const QJsonObject event = QJsonDocument::fromJson(events.events().at(index).data).object();
    QCOMPARE(event.value("service"_L1).toString(), u"web"_s);
    int aclCount = event.value("counts"_L1).toObject().value("acl-denied"_L1).toInt();
    // The refusals may straddle two events a second apart; all 3 are told.
    if (aclCount < 3) {
        const qsizetype next = events.waitForEvent("refused", 3000, index + 1);
        QVERIFY(next > index);
        aclCount += QJsonDocument::fromJson(events.events().at(next).data)
                        .object()
                        .value("counts"_L1)
                        .toObject()
                        .value("acl-denied"_L1)
                        .toInt();
    }
    QCOMPARE(aclCount, 3);

    // Removing both through the API.
    QCOMPARE(
        bed.request("PUT", "/api/v1/services/web/acl", AdminTestBed::Admin, R"({"enabled":false})").status,
        200);
    QCOMPARE(
        bed.request("PUT", "/api/v1/services/web/limit", AdminTestBed::Admin, R"({"enabled":false})").status,
        200);
    const auto freed = connectFrom(port, u"127.0.0.4"_s);
    QVERIFY(passes(*freed));
}

void tst_AccessControl::badRequests_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("needle");
    const QByteArray acl = "/api/v1/services/web/acl";
    const QByteArray limit = "/api/v1/services/web/limit";
    QTest::newRow("bad CIDR") << acl
                              << QByteArray(
                                     R"({"rules":[{"action":"deny","from":["10.0.0.0/8","10.0.0.300"]}]})")
                              << 400 << u"'rules[0].from[1]'"_s;
    QTest::newRow("host bits") << acl << QByteArray(R"({"rules":[{"action":"deny","from":"10.0.0.1/8"}]})")
                               << 400 << u"did you mean 10.0.0.0/8"_s;
    QTest::newRow("bad action") << acl << QByteArray(R"({"rules":[{"action":"drop","from":["10.0.0.0/8"]}]})")
                                << 400 << u"'rules[0].action'"_s;
    QTest::newRow("empty from") << acl << QByteArray(R"({"rules":[{"action":"deny","from":[]}]})") << 400
                                << u"'rules'"_s;
    QTest::newRow("bad default") << acl << QByteArray(R"({"default":"maybe"})") << 400 << u"'default'"_s;
    QTest::newRow("unknown field") << acl << QByteArray(R"({"rulez":[]})") << 400 << u"rulez"_s;
    QTest::newRow("no such service") << QByteArray("/api/v1/services/nope/acl") << QByteArray("{}") << 404
                                     << u"nope"_s;
    QTest::newRow("bad rate") << limit << QByteArray(R"({"rate":"10 per second"})") << 400 << u"'rate'"_s;
    QTest::newRow("burst without rate")
        << limit << QByteArray(R"({"perip":2,"burst":5})") << 400 << u"'burst'"_s;
    QTest::newRow("prefix out of range")
        << limit << QByteArray(R"({"perip":2,"prefix":33})") << 400 << u"'prefix'"_s;
    QTest::newRow("prefix6 out of range")
        << limit << QByteArray(R"({"perip":2,"prefix6":129})") << 400 << u"'prefix6'"_s;
    QTest::newRow("perip not a number") << limit << QByteArray(R"({"perip":"ten"})") << 400 << u"'perip'"_s;
    QTest::newRow("bad mode") << limit << QByteArray(R"({"perip":2,"mode":"warn"})") << 400 << u"'mode'"_s;
}

void tst_AccessControl::badRequests()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, needle);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response = bed.request("PUT", path, AdminTestBed::Admin, body);
    QCOMPARE(response.status, status);
    QVERIFY2(QString::fromUtf8(response.body).contains(needle), response.body.constData());
    // Nothing changed.
    QCOMPARE(bed.engine().runningConfig().services.constFirst().acl, AclConfig());
    QCOMPARE(bed.engine().runningConfig().services.constFirst().limit, LimitConfig());
}

QTEST_GUILESS_MAIN(tst_AccessControl)
#include "tst_accesscontrol.moc"
