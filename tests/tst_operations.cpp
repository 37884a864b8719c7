// The operations layer without HTTP: each operation against a real Engine
// with stub backends, its structured changes, its errors (what and where,
// and what kind of failure), and the events it emits.

#include "engine.h"
#include "ops/operations.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <functional>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

using Failure = OpResult::Failure;

QString errorsOf(const OpResult &result)
{
    return result.errorString();
}

ConfigChange change(ConfigChange::Kind kind, const QString &service, const QString &group,
    const QString &name, const QStringList &fields, const QString &before, const QString &after)
{
    return {kind, service, group, name, fields, before, after};
}

}  // namespace

/// One operation call of a data-driven test.
using OpCall = std::function<OpResult(Operations &)>;
Q_DECLARE_METATYPE(OpCall)

class tst_Operations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void hostEdits_data();
    void hostEdits();
    void addAndRemoveHost();
    void removeAllHostsOfEnabledGroup();
    void lastLiveHostNeedsForce();
    void hostThatIsNotLiveMayGo();
    void editHostCreates();
    void notFound_data();
    void notFound();
    void badInput_data();
    void badInput();
    void conflicts();
    void validationIsRefused();
    void rulesNameTheirParameter_data();
    void rulesNameTheirParameter();
    void stateConflictsNameNoParameter();
    void findHostAt();
    void groups();
    void services();
    void listeners();
    void users();
    void adminStateIsAHostEvent();
    void replaceDryRun();
    void replaceKeepsFullAccessUser();
    void adminMoverFirstAndRolledBack();
    void moveAdmin();
    void retryHost();
    void engineForwardsToOperations();

private:
    Config baseConfig() const;

    std::unique_ptr<StubBackend> m_a;
    std::unique_ptr<StubBackend> m_b;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Operations> m_ops;
    AdminUser m_admin;
    AdminUser m_viewer;
};

void tst_Operations::initTestCase()
{
    // Any well-formed hash will do: the tests are about the rules, not the
    // password (a legacy crypt string is accepted with a warning).
    const QString hash = u"abgOeLfPimXQo"_s;
    m_admin = {u"admin"_s, hash, AdminUser::Access::Full, {}};
    m_viewer = {u"viewer"_s, hash, AdminUser::Access::ReadOnly, {}};
}

Config tst_Operations::baseConfig() const
{
    Config config = ProxyConfig::make(
        {ProxyConfig::host(u"a"_s, m_a->address()), ProxyConfig::host(u"b"_s, m_b->address())});
    config.services[0].groups.append(
        ProxyConfig::group(u"spare"_s, {ProxyConfig::host(u"s"_s, m_a->address())}));
    // The engine does not own the admin server: <admin> is only config here.
    config.admin.enabled = true;
    config.admin.listen = u"127.0.0.1:0"_s;
    config.admin.users = {m_admin, m_viewer};
    return config;
}

void tst_Operations::init()
{
    m_a = std::make_unique<StubBackend>(u"a"_s);
    m_b = std::make_unique<StubBackend>(u"b"_s);
    QVERIFY(m_a->listen());
    QVERIFY(m_b->listen());
    m_engine = std::make_unique<Engine>();
    QVERIFY(ProxyConfig::start(*m_engine, baseConfig()));
    m_ops = std::make_unique<Operations>(*m_engine);
}

void tst_Operations::cleanup()
{
    m_ops.reset();
    m_engine.reset();
    m_a.reset();
    m_b.reset();
}

void tst_Operations::hostEdits_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::newRow("weight") << 0 << u"weight"_s << u"1"_s << u"7"_s;
    QTest::newRow("maxconns") << 1 << u"maxconns"_s << u"0"_s << u"3"_s;
    QTest::newRow("drain") << 2 << u"state"_s << u"ready"_s << u"drain"_s;
    QTest::newRow("maintenance") << 3 << u"state"_s << u"ready"_s << u"maintenance"_s;
}

void tst_Operations::hostEdits()
{
    QFETCH(int, which);
    QFETCH(QString, field);
    QFETCH(QString, before);
    QFETCH(QString, after);
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    OpResult result;
    switch (which) {
    case 0:
        result = m_ops->setHostWeight(u"svc"_s, u"g"_s, u"b"_s, 7);
        break;
    case 1:
        result = m_ops->setHostMaxConns(u"svc"_s, u"g"_s, u"b"_s, 3);
        break;
    case 2:
        result = m_ops->setHostAdminState(u"svc"_s, u"g"_s, u"b"_s, HostAdminState::Drain);
        break;
    default:
        result = m_ops->setHostAdminState(u"svc"_s, u"g"_s, u"b"_s, HostAdminState::Maintenance);
        break;
    }
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.failure, Failure::None);
    QVERIFY(!result.dryRun);
    QCOMPARE(result.changes,
        QList<ConfigChange>{
            change(ConfigChange::Kind::HostChanged, u"svc"_s, u"g"_s, u"b"_s, {field}, before, after)});
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.at(0).at(0).value<QList<ConfigChange>>(), result.changes);
    const std::optional<HostView> view = m_engine->host(u"svc"_s, u"g"_s, u"b"_s);
    QVERIFY(view);
    if (which == 0)
        QCOMPARE(view->weight, 7);
    else if (which == 1)
        QCOMPARE(view->maxConns, 3);
    else
        QCOMPARE(hostAdminStateName(view->adminState), after);
}

void tst_Operations::addAndRemoveHost()
{
    StubBackend c(u"c"_s);
    QVERIFY(c.listen());
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    const OpResult added = m_ops->addHost(u"svc"_s, u"g"_s, ProxyConfig::host(u"c"_s, c.address(), 2));
    QVERIFY2(added.ok, qPrintable(errorsOf(added)));
    QCOMPARE(added.changes.size(), 1);
    QCOMPARE(added.changes.first().kind, ConfigChange::Kind::HostAdded);
    QCOMPARE(added.changes.first().name, u"c"_s);
    QCOMPARE(added.changes.first().after, c.address());
    const std::optional<HostView> view = m_engine->host(u"svc"_s, u"g"_s, u"c"_s);
    QVERIFY(view);
    QCOMPARE(view->weight, 2);
    QCOMPARE(view->address, c.address());
    QCOMPARE(view->history.constLast().reason, u"added"_s);

    const OpResult removed = m_ops->removeHost(u"svc"_s, u"g"_s, u"c"_s);
    QVERIFY2(removed.ok, qPrintable(errorsOf(removed)));
    QCOMPARE(removed.changes.size(), 1);
    QCOMPARE(removed.changes.first().kind, ConfigChange::Kind::HostRemoved);
    QCOMPARE(removed.changes.first().before, c.address());
    QVERIFY(!m_engine->runningConfig().service(u"svc")->group(u"g")->host(u"c"));
    QCOMPARE(applied.size(), 2);
}

void tst_Operations::removeAllHostsOfEnabledGroup()
{
    const OpResult result = m_ops->removeAllHosts(u"svc"_s, u"g"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.size(), 2);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY2(
        result.warnings.first().contains(u"new clients are refused"_s), qPrintable(result.warnings.first()));
    QVERIFY(m_engine->runningConfig().service(u"svc")->group(u"g")->hosts.isEmpty());
}

void tst_Operations::lastLiveHostNeedsForce()
{
    // b goes: a still takes new clients.
    QVERIFY(m_ops->isLastLiveHost(u"svc"_s, u"g"_s, u"a"_s) == false);
    OpResult result = m_ops->removeHost(u"svc"_s, u"g"_s, u"b"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    // a is now the last live host of the enabled group: without force it stays,
    // in pythondirector's words, and nothing is applied.
    QVERIFY(m_ops->isLastLiveHost(u"svc"_s, u"g"_s, u"a"_s));
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    const Config before = m_engine->runningConfig();
    result = m_ops->removeHost(u"svc"_s, u"g"_s, u"a"_s);
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, Failure::Conflict);
    QCOMPARE(result.errors.size(), 1);
    QVERIFY(result.errors.first().element.isEmpty());
    QVERIFY2(result.errors.first().message.startsWith(u"host a *not* deleted from active group: it is the "
                                                      u"last host of svc/g that takes new clients"_s),
        qPrintable(result.errors.first().message));
    QVERIFY(result.errors.first().message.endsWith(u"or repeat with force=1"_s));
    QVERIFY(result.changes.isEmpty());
    QCOMPARE(m_engine->runningConfig(), before);
    QCOMPARE(applied.size(), 0);
    // A group that is not enabled has no last live host: its hosts take no client.
    QVERIFY(!m_ops->isLastLiveHost(u"svc"_s, u"spare"_s, u"s"_s));
    QVERIFY(!m_ops->isLastLiveHost(u"svc"_s, u"g"_s, u"nosuch"_s));
    // With force, it goes.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"enabled group g has no host"_s));
    result = m_ops->removeHost(u"svc"_s, u"g"_s, u"a"_s, true);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.size(), 1);
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::HostRemoved);
    QCOMPARE(applied.size(), 1);
}

void tst_Operations::hostThatIsNotLiveMayGo()
{
    // a in maintenance takes no new client: b is the last live host, and a may go without force.
    QVERIFY(m_ops->setHostAdminState(u"svc"_s, u"g"_s, u"a"_s, HostAdminState::Maintenance).ok);
    QVERIFY(!m_ops->isLastLiveHost(u"svc"_s, u"g"_s, u"a"_s));
    QVERIFY(m_ops->isLastLiveHost(u"svc"_s, u"g"_s, u"b"_s));
    QCOMPARE(m_ops->removeHost(u"svc"_s, u"g"_s, u"b"_s).failure, Failure::Conflict);
    const OpResult result = m_ops->removeHost(u"svc"_s, u"g"_s, u"a"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    // The Engine's own call keeps removing without the rule (the caller decides).
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"enabled group g has no host"_s));
    QVERIFY(m_engine->removeHost(u"svc"_s, u"g"_s, u"b"_s).ok);
}

void tst_Operations::editHostCreates()
{
    Operations::HostEdit edit;
    edit.weight = 4;
    // A new host needs an address: nothing is applied without one.
    OpResult result = m_ops->editHost(u"svc"_s, u"g"_s, u"c"_s, edit, true);
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, Failure::BadInput);
    QCOMPARE(result.errors.first().element, u"address"_s);
    QVERIFY(!m_engine->host(u"svc"_s, u"g"_s, u"c"_s));
    // Without `create`, a missing host is not found. (Not at a's address:
    // two hosts of a group at one address are refused.)
    edit.address = u"127.0.0.1:18"_s;
    result = m_ops->editHost(u"svc"_s, u"g"_s, u"c"_s, edit);
    QCOMPARE(result.failure, Failure::NotFound);
    result = m_ops->editHost(u"svc"_s, u"g"_s, u"c"_s, edit, true);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::HostAdded);
    QCOMPARE(m_engine->host(u"svc"_s, u"g"_s, u"c"_s)->weight, 4);
    // A host named like a path ("a/b") is fine for the validator, so here too
    // (at an address of its own: two hosts of a group at one address are refused).
    edit.address = u"127.0.0.1:19"_s;
    result = m_ops->editHost(u"svc"_s, u"g"_s, u"a/b"_s, edit, true);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QVERIFY(m_engine->host(u"svc"_s, u"g"_s, u"a/b"_s));
    // Several fields at once: one HostChanged listing them.
    Operations::HostEdit several;
    several.weight = 9;
    several.state = HostAdminState::Drain;
    result = m_ops->editHost(u"svc"_s, u"g"_s, u"c"_s, several);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.size(), 1);
    QCOMPARE(result.changes.first().fields, (QStringList{u"weight"_s, u"state"_s}));
}

void tst_Operations::notFound_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("element");
    QTest::addColumn<QString>("message");
    QTest::newRow("service") << u"nope"_s << u"g"_s << u"a"_s << u"service"_s << u"no service named 'nope'"_s;
    QTest::newRow("group") << u"svc"_s << u"nope"_s << u"a"_s << u"group"_s
                           << u"service 'svc' has no group named 'nope'"_s;
    QTest::newRow("host") << u"svc"_s << u"g"_s << u"nope"_s << u"host"_s
                          << u"group 'g' of service 'svc' has no host named 'nope'"_s;
}

void tst_Operations::notFound()
{
    QFETCH(QString, service);
    QFETCH(QString, group);
    QFETCH(QString, host);
    QFETCH(QString, element);
    QFETCH(QString, message);
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    const QList<OpResult> results = {
        m_ops->removeHost(service, group, host),
        m_ops->setHostWeight(service, group, host, 3),
        m_ops->setHostMaxConns(service, group, host, 3),
        m_ops->setHostAdminState(service, group, host, HostAdminState::Drain),
        m_ops->retryHost(service, group, host),
    };
    for (const OpResult &result : results) {
        QVERIFY(!result.ok);
        QCOMPARE(result.failure, Failure::NotFound);
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().element, element);
        QCOMPARE(result.errors.first().message, message);
        QVERIFY(result.changes.isEmpty());
    }
    QCOMPARE(applied.size(), 0);
}

void tst_Operations::badInput_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("element");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("host name missing") << 0 << u"host"_s << u"missing"_s;
    QTest::newRow("host name blank") << 6 << u"host"_s << u"name"_s;
    QTest::newRow("host address") << 1 << u"address"_s << u"port"_s;
    QTest::newRow("group name") << 2 << u"group"_s << u"name"_s;
    QTest::newRow("scheduler") << 3 << u"scheduler"_s << u"unknown scheduler 'fastest'"_s;
    QTest::newRow("listener") << 4 << u"listen"_s << u"port"_s;
    QTest::newRow("service name") << 5 << u"service"_s << u"name"_s;
}

void tst_Operations::badInput()
{
    QFETCH(int, which);
    QFETCH(QString, element);
    QFETCH(QString, mentions);
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    OpResult result;
    switch (which) {
    case 0:
        result = m_ops->addHost(u"svc"_s, u"g"_s, ProxyConfig::host(u""_s, m_a->address()));
        break;
    case 1:
        result = m_ops->addHost(u"svc"_s, u"g"_s, ProxyConfig::host(u"c"_s, u"127.0.0.1"_s));
        break;
    case 2:
        result = m_ops->addGroup(u"svc"_s, u" "_s);
        break;
    case 3:
        result = m_ops->setScheduler(u"svc"_s, u"g"_s, u"fastest"_s);
        break;
    case 4:
        result = m_ops->addListener(u"svc"_s, u"127.0.0.1"_s);
        break;
    case 6:
        result = m_ops->addHost(u"svc"_s, u"g"_s, ProxyConfig::host(u"a b"_s, m_a->address()));
        break;
    default: {
        ServiceConfig service;
        service.name = u"bad\tname"_s;
        result = m_ops->addService(service);
        break;
    }
    }
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, Failure::BadInput);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().element, element);
    QVERIFY2(result.errors.first().message.contains(mentions, Qt::CaseInsensitive),
        qPrintable(result.errors.first().message));
    QCOMPARE(applied.size(), 0);
    QCOMPARE(m_engine->runningConfig(), m_engine->runningConfig());
}

void tst_Operations::conflicts()
{
    const Config before = m_engine->runningConfig();
    OpResult result = m_ops->addHost(u"svc"_s, u"g"_s, ProxyConfig::host(u"a"_s, m_b->address()));
    QCOMPARE(result.failure, Failure::Conflict);
    QCOMPARE(result.errors.first().message, u"group 'g' of service 'svc' has a host named 'a' already"_s);
    result = m_ops->addGroup(u"svc"_s, u"spare"_s);
    QCOMPARE(result.failure, Failure::Conflict);
    QCOMPARE(result.errors.first().message, u"group 'spare' exists already in service 'svc'"_s);
    result = m_ops->removeGroup(u"svc"_s, u"g"_s);
    QCOMPARE(result.failure, Failure::Conflict);
    QCOMPARE(result.errors.first().message, u"group 'g' is the enabled one; enable another group first"_s);
    ServiceConfig service;
    service.name = u"svc"_s;
    result = m_ops->addService(service);
    QCOMPARE(result.failure, Failure::Conflict);
    QCOMPARE(result.errors.first().message, u"service 'svc' exists already"_s);
    QCOMPARE(m_engine->runningConfig(), before);
}

void tst_Operations::validationIsRefused()
{
    // What only the whole config shows is the validator's: said with its element, nothing applied.
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    ServiceConfig service;
    service.name = u"other"_s;
    service.listeners = {u"127.0.0.1:0"_s};
    service.groups = {ProxyConfig::group(u"only"_s, {ProxyConfig::host(u"x"_s, m_b->address())})};
    service.enabledGroup = u"nosuch"_s;
    const OpResult result = m_ops->addService(service);
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, Failure::Refused);
    QVERIFY(result.parameter.isEmpty());
    QVERIFY(!result.errors.isEmpty());
    QVERIFY2(result.errorString().contains(u"nosuch"_s), qPrintable(result.errorString()));
    QVERIFY(!m_engine->runningConfig().service(u"other"));
    QCOMPARE(applied.size(), 0);
}

void tst_Operations::rulesNameTheirParameter_data()
{
    // Each rule that the admin API's commands used to check before calling
    // the operation: the operation says it, about the argument at fault, and
    // changes nothing.
    QTest::addColumn<OpCall>("call");
    QTest::addColumn<int>("failure");
    QTest::addColumn<QString>("element");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("mentions");
    const auto row = [](const char *name, Failure failure, const QString &element, const QString &parameter,
                         const QString &mentions, const OpCall &call) {
        QTest::newRow(name) << call << int(failure) << element << parameter << mentions;
    };
    // A new host c; `change` makes it wrong.
    const auto addHost = [](const QString &service, const QString &group,
                             const std::function<void(HostConfig &)> &change = {}) {
        return [=](Operations &ops) {
            HostConfig host = ProxyConfig::host(u"c"_s, u"127.0.0.1:18"_s);
            if (change)
                change(host);
            return ops.addHost(service, group, host);
        };
    };
    // A new service "other"; `change` makes it wrong.
    const auto addService = [](const std::function<void(ServiceConfig &)> &change) {
        return [=](Operations &ops) {
            ServiceConfig service;
            service.name = u"other"_s;
            service.listeners = {u"127.0.0.1:0"_s};
            service.groups = {ProxyConfig::group(u"only"_s, {ProxyConfig::host(u"x"_s, u"127.0.0.1:18"_s)})};
            service.enabledGroup = u"only"_s;
            change(service);
            return ops.addService(service);
        };
    };
    const auto addUser = [](const QString &name) {
        return [=](Operations &ops) {
            return ops.addUser({name, u"abgOeLfPimXQo"_s, AdminUser::Access::ReadOnly, {}});
        };
    };
    row("addHost: unknown service", Failure::NotFound, u"service"_s, u"service"_s,
        u"no service named 'nope'"_s, addHost(u"nope"_s, u"g"_s));
    row("addHost: unknown group", Failure::NotFound, u"group"_s, u"group"_s,
        u"service 'svc' has no group named 'nope'"_s, addHost(u"svc"_s, u"nope"_s));
    row("addHost: name taken", Failure::Conflict, u"host"_s, u"host"_s, u"has a host named 'a' already"_s,
        addHost(u"svc"_s, u"g"_s, [](HostConfig &host) { host.name = u"a"_s; }));
    row("addHost: name with a blank", Failure::BadInput, u"host"_s, u"host"_s, u"blank"_s,
        addHost(u"svc"_s, u"g"_s, [](HostConfig &host) { host.name = u"c d"_s; }));
    row("addHost: address without port", Failure::BadInput, u"address"_s, u"address"_s, u"port"_s,
        addHost(u"svc"_s, u"g"_s, [](HostConfig &host) { host.address = u"127.0.0.1"_s; }));
    row("addHost: negative weight", Failure::BadInput, u"weight"_s, u"weight"_s,
        u"-1 is negative; expected a whole number from 0 to 10000"_s,
        addHost(u"svc"_s, u"g"_s, [](HostConfig &host) { host.weight = -1; }));
    row("addHost: weight too large", Failure::BadInput, u"weight"_s, u"weight"_s, u"10001 is too large"_s,
        addHost(u"svc"_s, u"g"_s, [](HostConfig &host) { host.weight = 10001; }));
    row("addHost: negative maxconns", Failure::BadInput, u"maxconns"_s, u"maxconns"_s, u"-1 is negative"_s,
        addHost(u"svc"_s, u"g"_s, [](HostConfig &host) { host.maxConns = -1; }));
    row("setHostWeight: negative", Failure::BadInput, u"weight"_s, u"weight"_s, u"-5 is negative"_s,
        [](Operations &ops) { return ops.setHostWeight(u"svc"_s, u"g"_s, u"a"_s, -5); });
    row("setHostMaxConns: negative", Failure::BadInput, u"maxconns"_s, u"maxconns"_s, u"-2 is negative"_s,
        [](Operations &ops) { return ops.setHostMaxConns(u"svc"_s, u"g"_s, u"a"_s, -2); });
    row("editHost: bad address", Failure::BadInput, u"address"_s, u"address"_s, u"port"_s,
        [](Operations &ops) {
            Operations::HostEdit edit;
            edit.address = u"nowhere"_s;
            return ops.editHost(u"svc"_s, u"g"_s, u"a"_s, edit);
        });
    row("setScheduler: unknown", Failure::BadInput, u"scheduler"_s, u"scheduler"_s,
        u"unknown scheduler 'fastest'"_s,
        [](Operations &ops) { return ops.setScheduler(u"svc"_s, u"g"_s, u"fastest"_s); });
    row("setScheduler: unknown group", Failure::NotFound, u"group"_s, u"group"_s, u"no group named 'nope'"_s,
        [](Operations &ops) { return ops.setScheduler(u"svc"_s, u"nope"_s, u"random"_s); });
    row("addGroup: exists", Failure::Conflict, u"group"_s, u"group"_s, u"exists already"_s,
        [](Operations &ops) { return ops.addGroup(u"svc"_s, u"g"_s); });
    row("addGroup: unknown scheduler", Failure::BadInput, u"scheduler"_s, u"scheduler"_s,
        u"unknown scheduler 'x'"_s, [](Operations &ops) { return ops.addGroup(u"svc"_s, u"new"_s, u"x"_s); });
    row("addGroup: unknown service", Failure::NotFound, u"service"_s, u"service"_s, u"no service"_s,
        [](Operations &ops) { return ops.addGroup(u"nope"_s, u"new"_s); });
    row("removeGroup: the enabled one", Failure::Conflict, u"group"_s, u"group"_s, u"enabled one"_s,
        [](Operations &ops) { return ops.removeGroup(u"svc"_s, u"g"_s); });
    row("addService: exists", Failure::Conflict, u"service"_s, u"service"_s, u"exists already"_s,
        addService([](ServiceConfig &service) { service.name = u"svc"_s; }));
    row("addService: bad listen", Failure::BadInput, u"listen"_s, u"listen"_s, u"port"_s,
        addService([](ServiceConfig &service) { service.listeners = {u"127.0.0.1"_s}; }));
    row("addService: bad host weight", Failure::BadInput, u"weight"_s, u"weight"_s, u"is negative"_s,
        addService([](ServiceConfig &service) { service.groups[0].hosts[0].weight = -3; }));
    row("addService: named ..", Failure::BadInput, u"service"_s, u"service"_s, u"not a name"_s,
        addService([](ServiceConfig &service) { service.name = u".."_s; }));
    row("addUser: ':' in the name", Failure::BadInput, u"user name"_s, u"user"_s, u"contains ':'"_s,
        addUser(u"e:ve"_s));
    row("addUser: tab in the name", Failure::BadInput, u"user name"_s, u"user"_s, u"a tab"_s,
        addUser(u"e\tve"_s));
    row("addUser: exists", Failure::Conflict, u"user name"_s, u"user"_s, u"user 'viewer' exists already"_s,
        addUser(u"viewer"_s));
    row("removeUser: unknown", Failure::NotFound, u"user name"_s, u"user"_s, u"no user named 'nobody'"_s,
        [](Operations &ops) { return ops.removeUser(u"nobody"_s); });
    row("removeUser: last full user", Failure::Conflict, u"user name"_s, u"user"_s,
        u"last user with full access"_s, [](Operations &ops) { return ops.removeUser(u"admin"_s); });
    row("removeHost: unknown host", Failure::NotFound, u"host"_s, u"host"_s, u"no host named 'nope'"_s,
        [](Operations &ops) { return ops.removeHost(u"svc"_s, u"g"_s, u"nope"_s); });
}

void tst_Operations::rulesNameTheirParameter()
{
    QFETCH(OpCall, call);
    QFETCH(int, failure);
    QFETCH(QString, element);
    QFETCH(QString, parameter);
    QFETCH(QString, mentions);
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    QSignalSpy hostEvents(m_engine.get(), &Engine::hostStateChanged);
    const Config before = m_engine->runningConfig();
    const OpResult result = call(*m_ops);
    QVERIFY(!result.ok);
    QCOMPARE(int(result.failure), failure);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().element, element);
    QCOMPARE(result.parameter, parameter);
    QVERIFY2(result.errors.first().message.contains(mentions), qPrintable(result.errors.first().message));
    QVERIFY(result.changes.isEmpty());
    QCOMPARE(m_engine->runningConfig(), before);
    QCOMPARE(applied.size(), 0);
    QCOMPARE(hostEvents.size(), 0);
}

void tst_Operations::stateConflictsNameNoParameter()
{
    // A sound request that the running state forbids names no argument: the
    // front ends answer 409, not "bad parameter".
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    QSignalSpy hostEvents(m_engine.get(), &Engine::hostStateChanged);
    const Config before = m_engine->runningConfig();
    // One backend twice in a group would take twice its share: adding or moving a host there.
    OpResult result = m_ops->addHost(u"svc"_s, u"g"_s, ProxyConfig::host(u"twin"_s, m_a->address()));
    QCOMPARE(result.failure, Failure::Conflict);
    QCOMPARE(result.errors.first().element, u"address"_s);
    QVERIFY(result.parameter.isEmpty());
    QCOMPARE(result.errors.first().message,
        u"host a of svc/g has the address %1 already; one backend listed twice would take twice its share"_s
            .arg(m_a->address()));
    Operations::HostEdit edit;
    edit.address = m_a->address();
    result = m_ops->editHost(u"svc"_s, u"g"_s, u"b"_s, edit);
    QCOMPARE(result.failure, Failure::Conflict);
    QVERIFY(result.parameter.isEmpty());
    QVERIFY(result.errors.first().message.startsWith(u"host a of svc/g has the address"_s));
    // The last live host, and a host that is not probed.
    QVERIFY(m_ops->setHostAdminState(u"svc"_s, u"g"_s, u"b"_s, HostAdminState::Maintenance).ok);
    result = m_ops->removeHost(u"svc"_s, u"g"_s, u"a"_s);
    QCOMPARE(result.failure, Failure::Conflict);
    QVERIFY(result.parameter.isEmpty());
    result = m_ops->retryHost(u"svc"_s, u"g"_s, u"b"_s);
    QCOMPARE(result.failure, Failure::Conflict);
    QVERIFY(result.parameter.isEmpty());
    // Only the maintenance step went through.
    QCOMPARE(applied.size(), 1);
    QCOMPARE(hostEvents.size(), 1);
    QCOMPARE(m_engine->runningConfig().service(u"svc")->group(u"g")->hosts.size(), 2);
    QCOMPARE(m_engine->host(u"svc"_s, u"g"_s, u"b"_s)->address, m_b->address());
    QVERIFY(!m_engine->runningConfig().service(u"svc")->group(u"g")->host(u"twin"));
}

void tst_Operations::findHostAt()
{
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    QString name;
    OpResult result = m_ops->findHostAt(u"svc"_s, u"g"_s, m_b->address(), &name);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(name, u"b"_s);
    result = m_ops->findHostAt(u"svc"_s, u"g"_s, u"127.0.0.1:1"_s, &name);
    QCOMPARE(result.failure, Failure::NotFound);
    QCOMPARE(result.parameter, u"address"_s);
    QCOMPARE(result.errors.first().message,
        u"group 'g' of service 'svc' has no host with address '127.0.0.1:1'"_s);
    result = m_ops->findHostAt(u"svc"_s, u"nope"_s, m_b->address(), &name);
    QCOMPARE(result.failure, Failure::NotFound);
    QCOMPARE(result.parameter, u"group"_s);
    QCOMPARE(applied.size(), 0);
}

void tst_Operations::groups()
{
    OpResult result = m_ops->addGroup(u"svc"_s, u"new"_s, u"roundr"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.size(), 1);
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::GroupAdded);
    QCOMPARE(result.changes.first().group, u"new"_s);

    result = m_ops->setScheduler(u"svc"_s, u"g"_s, u"leastconns"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes,
        QList<ConfigChange>{change(ConfigChange::Kind::SchedulerChanged, u"svc"_s, u"g"_s, {},
            {u"scheduler"_s}, u"roundrobin"_s, u"leastconns"_s)});

    result = m_ops->enableGroup(u"svc"_s, u"spare"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.size(), 1);
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::GroupEnabled);
    QCOMPARE(result.changes.first().before, u"g"_s);
    QCOMPARE(result.changes.first().after, u"spare"_s);

    result = m_ops->removeGroup(u"svc"_s, u"g"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::GroupRemoved);
    QVERIFY(!m_engine->runningConfig().service(u"svc")->group(u"g"));
}

void tst_Operations::services()
{
    ServiceConfig service;
    service.name = u"other"_s;
    service.listeners = {u"127.0.0.1:0"_s};
    service.groups = {ProxyConfig::group(u"only"_s, {ProxyConfig::host(u"x"_s, m_b->address())})};
    service.enabledGroup = u"only"_s;
    OpResult result = m_ops->addService(service);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::ServiceAdded);
    QCOMPARE(result.changes.first().service, u"other"_s);
    QVERIFY(m_engine->host(u"other"_s, u"only"_s, u"x"_s));

    result = m_ops->removeService(u"other"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::ServiceRemoved);
    QVERIFY(!m_engine->runningConfig().service(u"other"));
    result = m_ops->removeService(u"other"_s);
    QCOMPARE(result.failure, Failure::NotFound);
}

void tst_Operations::listeners()
{
    OpResult result = m_ops->addListener(u"svc"_s, u"127.0.0.1:0"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::ListenerAdded);
    QCOMPARE(m_engine->runningConfig().service(u"svc")->listeners.size(), 2);
    result = m_ops->removeListener(u"svc"_s, u"127.0.0.2:1"_s);
    QCOMPARE(result.failure, Failure::NotFound);
    QCOMPARE(result.errors.first().message, u"service 'svc' has no listener '127.0.0.2:1'"_s);
    result = m_ops->removeListener(u"svc"_s, u"127.0.0.1:0"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::ListenerRemoved);
    QCOMPARE(m_engine->runningConfig().service(u"svc")->listeners.size(), 1);
}

void tst_Operations::users()
{
    AdminUser second = m_admin;
    second.name = u"root"_s;
    OpResult result = m_ops->addUser(second);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::UserAdded);
    QCOMPARE(result.changes.first().name, u"root"_s);

    result = m_ops->addUser(second);
    QCOMPARE(result.failure, Failure::Conflict);
    QCOMPARE(result.errors.first().message, u"user 'root' exists already"_s);

    AdminUser colon = m_viewer;
    colon.name = u"a:b"_s;
    result = m_ops->addUser(colon);
    QCOMPARE(result.failure, Failure::BadInput);  // the validator's rule, about the argument
    QCOMPARE(result.parameter, u"user"_s);
    QVERIFY2(result.errorString().contains(u"':'"_s), qPrintable(result.errorString()));
    // The validator allows a blank in a user name; so does the operation.
    AdminUser blank = m_viewer;
    blank.name = u"e ve"_s;
    result = m_ops->addUser(blank);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QVERIFY(m_ops->removeUser(u"e ve"_s).ok);

    result = m_ops->removeUser(u"nobody"_s);
    QCOMPARE(result.failure, Failure::NotFound);

    // Two full users: one may go, the last may not.
    result = m_ops->removeUser(u"admin"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::UserRemoved);
    result = m_ops->removeUser(u"root"_s);
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, Failure::Conflict);
    QCOMPARE(
        result.errors.first().message, u"'root' is the last user with full access; add another one first"_s);
    QCOMPARE(m_engine->runningConfig().admin.users.size(), 2);
    // A read-only user is no full user: removing one is fine.
    result = m_ops->removeUser(u"viewer"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
}

void tst_Operations::adminStateIsAHostEvent()
{
    // Whatever makes the change (an operation here, a reload, a whole new
    // config), the engine says it once, after the change list.
    QList<QString> order;
    connect(m_engine.get(), &Engine::configApplied, this, [&] { order.append(u"config"_s); });
    connect(m_engine.get(), &Engine::hostStateChanged, this,
        [&](const QString &, const QString &, const QString &host, const HostStateEvent &event) {
            order.append(host + u' ' + event.state + u' ' + event.reason);
        });
    QVERIFY(m_ops->setHostAdminState(u"svc"_s, u"g"_s, u"a"_s, HostAdminState::Maintenance).ok);
    QCOMPARE(order, (QList<QString>{u"config"_s, u"a maintenance administrative change"_s}));
    order.clear();
    QVERIFY(m_ops->setHostWeight(u"svc"_s, u"g"_s, u"a"_s, 3).ok);  // not a state change
    QCOMPARE(order, QList<QString>{u"config"_s});
    order.clear();
    Config next = m_engine->runningConfig();
    next.service(u"svc")->group(u"g")->host(u"a")->adminState = HostAdminState::Ready;
    next.service(u"svc")->group(u"g")->host(u"b")->adminState = HostAdminState::Drain;
    QVERIFY(m_ops->replaceConfig(next, {}).ok);
    QCOMPARE(order,
        (QList<QString>{
            u"config"_s, u"a up administrative change"_s, u"b draining administrative change"_s}));
    QCOMPARE(
        m_engine->host(u"svc"_s, u"g"_s, u"b"_s)->history.constLast().reason, u"administrative change"_s);
}

void tst_Operations::replaceDryRun()
{
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    QSignalSpy hosts(m_engine.get(), &Engine::hostStateChanged);
    const Config before = m_engine->runningConfig();
    Config next = before;
    next.service(u"svc")->group(u"g")->host(u"a")->weight = 5;
    next.service(u"svc")->group(u"g")->scheduler = u"roundr"_s;  // an alias is no change
    next.service(u"svc")->group(u"g")->host(u"b")->adminState = HostAdminState::Maintenance;
    Operations::ReplaceOptions options;
    options.dryRun = true;
    options.source = u"draft"_s;
    OpResult result = m_ops->replaceConfig(next, options);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QVERIFY(result.dryRun);
    QCOMPARE(result.changes,
        (QList<ConfigChange>{
            change(ConfigChange::Kind::HostChanged, u"svc"_s, u"g"_s, u"a"_s, {u"weight"_s}, u"1"_s, u"5"_s),
            change(ConfigChange::Kind::HostChanged, u"svc"_s, u"g"_s, u"b"_s, {u"state"_s}, u"ready"_s,
                u"maintenance"_s)}));
    QCOMPARE(m_engine->runningConfig(), before);
    QCOMPARE(applied.size(), 0);
    QCOMPARE(hosts.size(), 0);

    // A dry run validates: an invalid config is refused with its errors, and the source named.
    next.service(u"svc")->group(u"g")->host(u"a")->weight = -1;
    result = m_ops->replaceConfig(next, options);
    QVERIFY(!result.ok);
    QVERIFY(result.dryRun);
    QCOMPARE(result.failure, Failure::Refused);
    QVERIFY(!result.errors.isEmpty());
    QCOMPARE(result.errors.first().file, u"draft"_s);
    QCOMPARE(applied.size(), 0);
}

void tst_Operations::replaceKeepsFullAccessUser()
{
    Config next = m_engine->runningConfig();
    next.admin.users = {m_viewer};
    Operations::ReplaceOptions options;
    options.source = u"request body"_s;
    for (const bool dryRun : {true, false}) {
        options.dryRun = dryRun;
        const OpResult result = m_ops->replaceConfig(next, options);
        QVERIFY(!result.ok);
        QCOMPARE(result.failure, Failure::Conflict);
        QCOMPARE(result.errors.first().element, u"<admin>"_s);
        QCOMPARE(result.errors.first().file, u"request body"_s);
        QVERIFY2(result.errors.first().message.contains(u"full access"_s),
            qPrintable(result.errors.first().message));
    }
    QCOMPARE(m_engine->runningConfig().admin.users.size(), 2);
    // A reload from the operator's own file is authoritative.
    options.dryRun = false;
    options.keepFullAccessUser = false;
    const OpResult result = m_ops->replaceConfig(next, options);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(m_engine->runningConfig().admin.users.size(), 1);
}

void tst_Operations::adminMoverFirstAndRolledBack()
{
    QList<QString> moves;
    bool refuse = false;
    m_ops->setAdminMover([&](const AdminConfig &admin, QString *error) {
        moves.append(admin.listen);
        if (refuse) {
            *error = u"address in use"_s;
            return false;
        }
        return true;
    });
    const QString before = m_engine->runningConfig().admin.listen;
    Config next = m_engine->runningConfig();
    next.admin.listen = u"127.0.0.1:9999"_s;
    next.admin.pos = {12, 5};

    // The mover refuses: nothing changes, the error says where and that nothing changed.
    refuse = true;
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    Operations::ReplaceOptions options;
    options.source = u"balancier.xml"_s;
    OpResult result = m_ops->replaceConfig(next, options);
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, Failure::Refused);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().toString(),
        u"balancier.xml:12:5: error: <admin listen>: address in use; nothing was changed"_s);
    QCOMPARE(moves, QList<QString>{u"127.0.0.1:9999"_s});
    QCOMPARE(applied.size(), 0);
    QCOMPARE(m_engine->runningConfig().admin.listen, before);

    // The mover agrees, the apply is refused: the listener is moved back.
    refuse = false;
    moves.clear();
    next.service(u"svc")->group(u"g")->host(u"a")->weight = -1;
    result = m_ops->replaceConfig(next, options);
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, Failure::Refused);
    QCOMPARE(moves, (QList<QString>{u"127.0.0.1:9999"_s, before}));
    QCOMPARE(m_engine->runningConfig().admin.listen, before);

    // Both agree: moved once, applied.
    moves.clear();
    next.service(u"svc")->group(u"g")->host(u"a")->weight = 2;
    result = m_ops->replaceConfig(next, options);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(moves, QList<QString>{u"127.0.0.1:9999"_s});
    QCOMPARE(m_engine->runningConfig().admin.listen, u"127.0.0.1:9999"_s);
    // A dry run never moves anything.
    moves.clear();
    options.dryRun = true;
    QVERIFY(m_ops->replaceConfig(m_engine->runningConfig(), options).ok);
    QVERIFY(moves.isEmpty());
}

void tst_Operations::moveAdmin()
{
    QList<QString> moves;
    m_ops->setAdminMover([&](const AdminConfig &admin, QString *) {
        moves.append(admin.listen);
        return true;
    });
    AdminConfig admin = m_engine->runningConfig().admin;
    admin.listen = u"127.0.0.1:7777"_s;
    const OpResult result = m_ops->moveAdmin(admin);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QCOMPARE(moves, QList<QString>{u"127.0.0.1:7777"_s});
    QCOMPARE(result.changes.size(), 1);
    QCOMPARE(result.changes.first().kind, ConfigChange::Kind::SettingsChanged);
    QCOMPARE(result.changes.first().name, u"admin"_s);
}

void tst_Operations::retryHost()
{
    // A probe now changes nothing in the config.
    QSignalSpy applied(m_engine.get(), &Engine::configApplied);
    OpResult result = m_ops->retryHost(u"svc"_s, u"g"_s, u"a"_s);
    QVERIFY2(result.ok, qPrintable(errorsOf(result)));
    QVERIFY(result.changes.isEmpty());
    // A host in maintenance is never probed: a conflict, with the engine's reason.
    QVERIFY(m_ops->setHostAdminState(u"svc"_s, u"g"_s, u"a"_s, HostAdminState::Maintenance).ok);
    result = m_ops->retryHost(u"svc"_s, u"g"_s, u"a"_s);
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, Failure::Conflict);
    QCOMPARE(result.errors.first().element, u"host"_s);
    QVERIFY2(
        result.errors.first().message.contains(u"maintenance"_s), qPrintable(result.errors.first().message));
    QCOMPARE(applied.size(), 1);
}

void tst_Operations::engineForwardsToOperations()
{
    // The Engine's old live-edit calls are Operations underneath: same rule, same words.
    const ApplyResult result = m_engine->addHost(u"svc"_s, u"g"_s, ProxyConfig::host(u"a"_s, m_b->address()));
    QVERIFY(!result.ok);
    QCOMPARE(result.errors.first().message, u"group 'g' of service 'svc' has a host named 'a' already"_s);
}

QTEST_MAIN(tst_Operations)
#include "tst_operations.moc"
