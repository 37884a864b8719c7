#include "config/configchangejson.h"
#include "config/configdiff.h"

#include <QJsonDocument>
#include <QSet>

#include <QTest>

#include <functional>

using namespace Balancier;
using namespace Qt::StringLiterals;
using Kind = ConfigChange::Kind;

Q_DECLARE_METATYPE(Balancier::Config)

namespace {

const QString hashOne
    = u"pbkdf2-sha256$100000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g="_s;
const QString hashTwo
    = u"pbkdf2-sha256$100000$b3RoZXJzYWx0b3RoZXJzYQ==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g="_s;

HostConfig host(const QString &name, const QString &address)
{
    HostConfig h;
    h.name = name;
    h.address = address;
    return h;
}

/// Two services; web has two groups, the first enabled.
Config baseConfig()
{
    Config config;
    ServiceConfig web;
    web.name = u"web"_s;
    web.listeners = {u"*:8080"_s};
    GroupConfig prod;
    prod.name = u"prod"_s;
    prod.hosts = {host(u"a"_s, u"127.0.0.1:9001"_s), host(u"b"_s, u"127.0.0.1:9002"_s)};
    GroupConfig test;
    test.name = u"test"_s;
    test.hosts = {host(u"t"_s, u"127.0.0.1:9101"_s)};
    web.groups = {prod, test};
    web.enabledGroup = u"prod"_s;
    ServiceConfig db;
    db.name = u"db"_s;
    db.listeners = {u"127.0.0.1:5432"_s};
    GroupConfig main;
    main.name = u"main"_s;
    main.hosts = {host(u"d"_s, u"127.0.0.1:5433"_s)};
    db.groups = {main};
    db.enabledGroup = u"main"_s;
    config.services = {web, db};
    config.admin.enabled = true;
    config.admin.users = {{u"admin"_s, hashOne, AdminUser::Access::Full, {}}};
    return config;
}

Config edited(const std::function<void(Config &)> &edit)
{
    Config config = baseConfig();
    edit(config);
    return config;
}

GroupConfig &prodGroup(Config &c)
{
    return c.services[0].groups[0];
}

}  // namespace

class TestConfigDiff final : public QObject
{
    Q_OBJECT

private slots:
    void diff_data();
    void diff();
    void neverShowsPasswordHash();
    void emptyIffEqual();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonKindNamesAreDistinct();
    void jsonRejectsBadInput_data();
    void jsonRejectsBadInput();
};

void TestConfigDiff::diff_data()
{
    QTest::addColumn<Config>("next");
    QTest::addColumn<QList<int>>("kinds");
    QTest::addColumn<QStringList>("descriptions");

    const auto row = [](const char *name, Config next, QList<Kind> kinds, QStringList descriptions) {
        QList<int> kindNumbers;
        for (Kind kind : kinds)
            kindNumbers.append(int(kind));
        QTest::newRow(name) << next << kindNumbers << descriptions;
    };

    row("no change", baseConfig(), {}, {});
    row("source positions only", edited([](Config &c) {
        c.services[0].pos = {12, 3};
        prodGroup(c).hosts[0].pos = {14, 7};
    }),
        {}, {});

    row("service added", edited([](Config &c) {
        ServiceConfig mail = c.services[1];
        mail.name = u"mail"_s;
        mail.listeners = {u"*:25"_s};
        c.services.append(mail);
    }),
        {Kind::ServiceAdded}, {u"service mail added"_s});
    row("service removed, its groups and hosts implied", edited([](Config &c) { c.services.removeAt(1); }),
        {Kind::ServiceRemoved}, {u"service db removed"_s});

    row("listener added", edited([](Config &c) { c.services[0].listeners.append(u"[::]:8443"_s); }),
        {Kind::ListenerAdded}, {u"service web: listener [::]:8443 added"_s});
    row("listener removed", edited([](Config &c) { c.services[1].listeners.clear(); }),
        {Kind::ListenerRemoved}, {u"service db: listener 127.0.0.1:5432 removed"_s});
    row("listener marked optional, keeps its sockets",
        edited([](Config &c) { c.services[1].optionalListeners = {u"127.0.0.1:5432"_s}; }),
        {Kind::ServiceSettingsChanged}, {u"service db: listen 127.0.0.1:5432: optional no -> yes"_s});

    row("group added, its hosts implied", edited([](Config &c) {
        GroupConfig spare = c.services[0].groups[1];
        spare.name = u"spare"_s;
        c.services[0].groups.append(spare);
    }),
        {Kind::GroupAdded}, {u"service web: group spare added"_s});
    row("group removed, its hosts implied", edited([](Config &c) { c.services[0].groups.removeAt(1); }),
        {Kind::GroupRemoved}, {u"service web: group test removed"_s});
    row("enabled group switched", edited([](Config &c) { c.services[0].enabledGroup = u"test"_s; }),
        {Kind::GroupEnabled}, {u"service web: enabled group prod -> test"_s});

    row("scheduler changed", edited([](Config &c) { prodGroup(c).scheduler = u"leastconns"_s; }),
        {Kind::SchedulerChanged}, {u"service web: group prod: scheduler roundrobin -> leastconns"_s});
    row("scheduler and sticky time changed", edited([](Config &c) {
        prodGroup(c).scheduler = u"sticky"_s;
        prodGroup(c).stickyTimeoutMs = 600000;
    }),
        {Kind::SchedulerChanged},
        {u"service web: group prod: scheduler roundrobin, stickytime 30m -> scheduler sticky, stickytime 10m"_s});

    row("group health override added", edited([](Config &c) {
        prodGroup(c).health = c.health;
        prodGroup(c).health->intervalMs = 2000;
        prodGroup(c).health->send = "PING\r\n";
    }),
        {Kind::GroupHealthChanged},
        {u"service web: group prod: health: interval 5s, send \"\" -> interval 2s, send \"PING\\r\\n\""_s});
    row("group health override equal to inherited", edited([](Config &c) { prodGroup(c).health = c.health; }),
        {Kind::GroupHealthChanged}, {u"service web: group prod: health: override no -> yes"_s});

    row("host added", edited([](Config &c) { prodGroup(c).hosts.append(host(u"c"_s, u"127.0.0.1:9003"_s)); }),
        {Kind::HostAdded}, {u"service web: group prod: host c added (127.0.0.1:9003)"_s});
    row("host removed", edited([](Config &c) { prodGroup(c).hosts.removeAt(1); }), {Kind::HostRemoved},
        {u"service web: group prod: host b removed"_s});
    // pythondirector's compareconf matched hosts by name and missed this.
    row("host keeps its name, new address",
        edited([](Config &c) { prodGroup(c).hosts[0].address = u"127.0.0.1:9005"_s; }), {Kind::HostChanged},
        {u"service web: group prod: host a: address 127.0.0.1:9001 -> 127.0.0.1:9005"_s});
    row("host weight changed", edited([](Config &c) { prodGroup(c).hosts[1].weight = 4; }),
        {Kind::HostChanged}, {u"service web: group prod: host b: weight 1 -> 4"_s});
    row("host maxconns and state changed", edited([](Config &c) {
        prodGroup(c).hosts[1].maxConns = 10;
        prodGroup(c).hosts[1].adminState = HostAdminState::Drain;
    }),
        {Kind::HostChanged},
        {u"service web: group prod: host b: maxconns 0, state ready -> maxconns 10, state drain"_s});

    row("user added", edited([](Config &c) {
        c.admin.users.append({u"viewer"_s, hashTwo, AdminUser::Access::ReadOnly, {}});
    }),
        {Kind::UserAdded}, {u"admin: user viewer added (readonly)"_s});
    row("user removed", edited([](Config &c) { c.admin.users.clear(); }), {Kind::UserRemoved},
        {u"admin: user admin removed"_s});
    row("user password changed", edited([](Config &c) { c.admin.users[0].passwordHash = hashTwo; }),
        {Kind::UserChanged}, {u"admin: user admin: password changed"_s});
    row("user access changed",
        edited([](Config &c) { c.admin.users[0].access = AdminUser::Access::ReadOnly; }), {Kind::UserChanged},
        {u"admin: user admin: access full -> readonly"_s});

    row("service timeouts override added", edited([](Config &c) {
        c.services[1].timeouts = TimeoutConfig{1000, 0};
    }),
        {Kind::ServiceSettingsChanged},
        {u"service db: timeouts: connect 5s, idle 1h -> connect 1s, idle 0s"_s});
    row("service health changed", edited([](Config &c) {
        c.services[1].health = c.health;
        c.services[1].health->rise = 5;
    }),
        {Kind::ServiceSettingsChanged}, {u"service db: health: rise 2 -> 5"_s});

    row("top-level settings", edited([](Config &c) { c.settings.workers = 4; }), {Kind::SettingsChanged},
        {u"settings: workers 0 -> 4"_s});
    row("checktime", edited([](Config &c) { c.checkTimeMs = 120000; }), {Kind::SettingsChanged},
        {u"checktime: time 0s -> 2m"_s});
    row("default health", edited([](Config &c) { c.health.active = false; }), {Kind::SettingsChanged},
        {u"default health: active yes -> no"_s});
    row("default timeouts", edited([](Config &c) { c.timeouts.idleMs = 0; }), {Kind::SettingsChanged},
        {u"default timeouts: idle 1h -> 0s"_s});
    row("admin listen and TLS", edited([](Config &c) {
        c.admin.listen = u"[::1]:9090"_s;
        c.admin.tlsCertificate = u"/etc/cert.pem"_s;
    }),
        {Kind::SettingsChanged},
        {u"admin: listen 127.0.0.1:8080, cert (none) -> listen [::1]:9090, cert /etc/cert.pem"_s});
    row("admin origins", edited([](Config &c) { c.admin.origins = {u"https://lb.example:8443"_s}; }),
        {Kind::SettingsChanged}, {u"admin: origins (none) -> https://lb.example:8443"_s});
    row("logging", edited([](Config &c) { c.logging.level = u"debug"_s; }), {Kind::SettingsChanged},
        {u"logging: level info -> debug"_s});

    // Several at once: services, then listeners, groups, hosts, users, settings.
    row("order", edited([](Config &c) {
        c.settings.persist = PersistMode::Auto;
        c.admin.users[0].access = AdminUser::Access::ReadOnly;
        prodGroup(c).hosts[0].weight = 2;
        prodGroup(c).hosts.removeAt(1);
        c.services[0].enabledGroup = u"test"_s;
        c.services[0].listeners = {u"*:8081"_s};
        c.services.removeAt(1);
        ServiceConfig extra = c.services[0];
        extra.name = u"extra"_s;
        c.services.prepend(extra);
    }),
        {Kind::ServiceRemoved, Kind::ServiceAdded, Kind::ListenerRemoved, Kind::ListenerAdded,
            Kind::GroupEnabled, Kind::HostRemoved, Kind::HostChanged, Kind::UserChanged,
            Kind::SettingsChanged},
        {u"service db removed"_s, u"service extra added"_s, u"service web: listener *:8080 removed"_s,
            u"service web: listener *:8081 added"_s, u"service web: enabled group prod -> test"_s,
            u"service web: group prod: host b removed"_s, u"service web: group prod: host a: weight 1 -> 2"_s,
            u"admin: user admin: access full -> readonly"_s, u"settings: persist manual -> auto"_s});
}

void TestConfigDiff::diff()
{
    QFETCH(Config, next);
    QFETCH(QList<int>, kinds);
    QFETCH(QStringList, descriptions);

    const QList<ConfigChange> changes = diffConfigs(baseConfig(), next);
    QList<int> actualKinds;
    QStringList actualDescriptions;
    for (const ConfigChange &change : changes) {
        actualKinds.append(int(change.kind));
        actualDescriptions.append(change.description());
    }
    QCOMPARE(actualDescriptions, descriptions);
    QCOMPARE(actualKinds, kinds);
}

void TestConfigDiff::neverShowsPasswordHash()
{
    Config next = baseConfig();
    next.admin.users[0].passwordHash = hashTwo;
    next.admin.users[0].access = AdminUser::Access::ReadOnly;
    next.admin.users.append({u"viewer"_s, hashTwo, AdminUser::Access::ReadOnly, {}});
    const QList<ConfigChange> changes = diffConfigs(baseConfig(), next);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(1).fields, (QStringList{u"password"_s, u"access"_s}));
    QCOMPARE(changes.at(1).description(),
        u"admin: user admin: password (hidden), access full -> password (hidden), access readonly"_s);
    for (const ConfigChange &change : changes) {
        for (const QString &text : {change.before, change.after, change.description()}) {
            QVERIFY2(!text.contains(u"pbkdf2"), qPrintable(text));
            QVERIFY2(!text.contains(u"aGFza"), qPrintable(text));
        }
    }
}

void TestConfigDiff::emptyIffEqual()
{
    // Structured fields, for the code that applies the changes.
    Config next = baseConfig();
    prodGroup(next).hosts[0].address = u"127.0.0.1:9005"_s;
    prodGroup(next).hosts[0].weight = 3;
    const QList<ConfigChange> changes = diffConfigs(baseConfig(), next);
    QCOMPARE(changes.size(), 1);
    const ConfigChange &change = changes.first();
    QCOMPARE(change.kind, Kind::HostChanged);
    QCOMPARE(change.service, u"web"_s);
    QCOMPARE(change.group, u"prod"_s);
    QCOMPARE(change.name, u"a"_s);
    QCOMPARE(change.fields, (QStringList{u"address"_s, u"weight"_s}));

    QVERIFY(diffConfigs(next, next).isEmpty());
    QVERIFY(diffConfigs(Config(), Config()).isEmpty());
    // Reversed, the same change reads the other way.
    const QList<ConfigChange> back = diffConfigs(next, baseConfig());
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.first().description(),
        u"service web: group prod: host a: address 127.0.0.1:9005, weight 3 -> address 127.0.0.1:9001, weight 1"_s);
}

void TestConfigDiff::jsonRoundTrip_data()
{
    QTest::addColumn<int>("kind");
    for (int k = 0; k <= int(Kind::SettingsChanged); ++k)
        QTest::newRow(qPrintable(configChangeKindName(Kind(k)))) << k;
}

void TestConfigDiff::jsonRoundTrip()
{
    QFETCH(int, kind);
    const ConfigChange change{Kind(kind), u"web/x"_s, u"prod"_s, u"a/b"_s, {u"address"_s, u"weight"_s},
        u"address 1.2.3.4:80, weight 1"_s, u"address 1.2.3.5:80, weight 2"_s};
    const QJsonArray array = configChangesToJson({change, ConfigChange{Kind(kind), {}, {}, {}, {}, {}, {}}});
    QCOMPARE(array.size(), 2);
    const QJsonObject object = array.at(0).toObject();
    QCOMPARE(object.value("kind"_L1).toString(), configChangeKindName(Kind(kind)));
    QVERIFY(object.value("kind"_L1).toString() != u"unknown"_s);
    QCOMPARE(object.value("text"_L1).toString(), change.description());
    QCOMPARE(object.value("name"_L1).toString(), u"a/b"_s);
    QVERIFY(!array.at(1).toObject().contains("service"_L1));  // empty members are left out

    // Through text, as on the wire.
    const QJsonArray parsed = QJsonDocument::fromJson(QJsonDocument(array).toJson()).array();
    QString error = u"stale"_s;
    const QList<ConfigChange> back = configChangesFromJson(parsed, &error);
    QCOMPARE(error, QString());
    QCOMPARE(back.size(), 2);
    QCOMPARE(back.at(0), change);
    QCOMPARE(back.at(1), (ConfigChange{Kind(kind), {}, {}, {}, {}, {}, {}}));
}

void TestConfigDiff::jsonKindNamesAreDistinct()
{
    QSet<QString> names;
    for (int k = 0; k <= int(Kind::SettingsChanged); ++k) {
        const QString name = configChangeKindName(Kind(k));
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.insert(name);
        Kind back{};
        QVERIFY(configChangeKindFromName(name, &back));
        QCOMPARE(int(back), k);
    }
}

void TestConfigDiff::jsonRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown kind") << QByteArray(R"([{"kind":"hostAdded"},{"kind":"hostExploded"}])")
                                  << u"changes[1]: unknown kind \"hostExploded\""_s;
    QTest::newRow("no kind") << QByteArray(R"([{"name":"a"}])")
                             << u"changes[0]: \"kind\" is missing or not a string"_s;
    QTest::newRow("not an object") << QByteArray(R"(["service web added"])")
                                   << u"changes[0]: not an object"_s;
    QTest::newRow("bad name") << QByteArray(R"([{"kind":"hostAdded","name":3}])")
                              << u"changes[0]: \"name\" is not a string"_s;
    QTest::newRow("bad fields") << QByteArray(R"([{"kind":"hostChanged","fields":"weight"}])")
                                << u"changes[0]: \"fields\" is not an array"_s;
}

void TestConfigDiff::jsonRejectsBadInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString actual;
    configChangesFromJson(QJsonDocument::fromJson(json).array(), &actual);
    QCOMPARE(actual, error);
}

QTEST_GUILESS_MAIN(TestConfigDiff)
#include "tst_configdiff.moc"
