// The façade hands out values. This translation unit includes only the
// public headers (engine.h, ops/operations.h), is compiled with
// WIN32_LEAN_AND_MEAN and without NOMINMAX (tests/CMakeLists.txt), and
// fails to compile when a socket, runtime or platform header comes in
// through them. At run time it drives an engine through them alone.

#include "engine.h"
#include "ops/operations.h"

#if defined(NOMINMAX)
#error "NOMINMAX is defined for this test: the façade must not need it"
#endif
#if defined(_SYS_SOCKET_H) || defined(_SYS_SOCKET_H_) || defined(_WINSOCK2API_) || defined(_WINSOCKAPI_)     \
    || defined(_WS2TCPIP_H_) || defined(_NETINET_IN_H)
#error "a socket header came in through engine.h or ops/operations.h"
#endif
#if defined(min) || defined(max)
#error "min/max macros came in through engine.h or ops/operations.h"
#endif

#include <QTest>

#include <type_traits>

using namespace Balancier;
using namespace Qt::StringLiterals;

// Values only: copyable, no pointer into the data plane.
static_assert(std::is_copy_constructible_v<HostView> && std::is_copy_assignable_v<HostView>);
static_assert(
    std::is_same_v<decltype(std::declval<const Engine &>().host({}, {}, {})), std::optional<HostView>>);

class tst_Facade : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostViewIsASnapshot();
};

void tst_Facade::hostViewIsASnapshot()
{
    // A service with a host where nothing needs to answer: no client connects.
    Config config;
    ServiceConfig service;
    service.name = u"svc"_s;
    service.listeners = {u"127.0.0.1:0"_s};
    GroupConfig group;
    group.name = u"g"_s;
    HostConfig host;
    host.name = u"a"_s;
    host.address = u"127.0.0.1:9"_s;
    group.hosts = {host};
    service.groups = {group};
    service.enabledGroup = u"g"_s;
    config.services = {service};
    config.health.active = false;
    config.settings.workers = 1;
    Engine engine;
    Operations ops(engine);
    const ApplyResult started = engine.apply(config);
    QVERIFY2(started.ok, qPrintable(started.errorString()));

    const std::optional<HostView> before = engine.host(u"svc"_s, u"g"_s, u"a"_s);
    QVERIFY(before);
    QCOMPARE(before->address, u"127.0.0.1:9"_s);
    QCOMPARE(before->weight, 1);
    QCOMPARE(before->state, u"up"_s);
    QVERIFY(ops.setHostWeight(u"svc"_s, u"g"_s, u"a"_s, 6).ok);
    QCOMPARE(before->weight, 1);  // a value: it does not follow the engine
    QCOMPARE(engine.host(u"svc"_s, u"g"_s, u"a"_s)->weight, 6);
    QVERIFY(!engine.host(u"svc"_s, u"g"_s, u"nope"_s));
}

QTEST_MAIN(tst_Facade)
#include "tst_facade.moc"
