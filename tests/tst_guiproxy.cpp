// The desktop app's editor fields for the PROXY protocol: a listener's
// acceptproxy, trusted and proxytimeout, a group's and a host's proxy; and
// the wording of the diff and its impact.

#include "config/configdiff.h"
#include "editor/changeimpact.h"
#include "editor/changetext.h"
#include "editor/configfield.h"

#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

Config sample()
{
    HostConfig host;
    host.name = u"a"_s;
    host.address = u"127.0.0.1:9001"_s;
    GroupConfig group;
    group.name = u"g"_s;
    group.hosts = {host};
    ServiceConfig service;
    service.name = u"web"_s;
    service.listeners = {u"127.0.0.1:8080"_s};
    service.groups = {group};
    service.enabledGroup = u"g"_s;
    Config config;
    config.services = {service};
    return config;
}

const ConfigField *field(const QList<ConfigField> &fields, QStringView key)
{
    for (const ConfigField &f : fields) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

}  // namespace

class tst_GuiProxy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listenerFields();
    void groupAndHostFields();
    void changeWords();
};

void tst_GuiProxy::listenerFields()
{
    const QList<ConfigField> fields = ConfigFields::forKind(ConfigItemRef::Kind::Listener);
    const ConfigField *accept = field(fields, u"acceptproxy");
    const ConfigField *trusted = field(fields, u"trusted");
    const ConfigField *timeout = field(fields, u"proxytimeout");
    const ConfigField *ip = field(fields, u"ip");
    QVERIFY(accept && trusted && timeout && ip);

    Config config = sample();
    ConfigItemRef ref{ConfigItemRef::Kind::Listener, u"web"_s, {}, u"127.0.0.1:8080"_s};
    QCOMPARE(accept->get(config, ref).toString(), u"no"_s);
    accept->set(config, ref, u"v1,v2"_s);
    trusted->set(config, ref, u"10.0.0.0/8, ::1"_s);
    timeout->set(config, ref, u"500ms"_s);
    const ListenerProxyConfig *options = config.services[0].proxyOptions(u"127.0.0.1:8080");
    QVERIFY(options);
    QCOMPARE(options->versions, quint8(ListenerProxyConfig::V1 | ListenerProxyConfig::V2));
    QCOMPARE(options->trusted, (QStringList{u"10.0.0.0/8"_s, u"::1"_s}));
    QCOMPARE(options->timeoutMs, 500);
    QCOMPARE(trusted->get(config, ref).toString(), u"10.0.0.0/8, ::1"_s);
    QVERIFY(trusted->check(config, ref, u"10.0.0.0/8, nonsense"_s).contains(u"nonsense"));
    QVERIFY(trusted->check(config, ref, u"10.0.0.0/8, ::1"_s).isEmpty());

    // Renaming the listener carries its options along.
    ip->set(config, ref, u"127.0.0.1:9090"_s);
    QCOMPARE(ref.name, u"127.0.0.1:9090"_s);
    QVERIFY(config.services[0].proxyOptions(u"127.0.0.1:9090"));

    // Back to the defaults: no entry is left.
    accept->set(config, ref, u"no"_s);
    trusted->set(config, ref, QString());
    timeout->set(config, ref, u"3s"_s);
    QVERIFY(config.services[0].listenerProxy.isEmpty());
}

void tst_GuiProxy::groupAndHostFields()
{
    Config config = sample();
    const ConfigItemRef groupRef{ConfigItemRef::Kind::Group, u"web"_s, u"g"_s, {}};
    const QList<ConfigField> groupFields = ConfigFields::forKind(ConfigItemRef::Kind::Group);
    const ConfigField *groupProxy = field(groupFields, u"proxy");  // points into groupFields
    QVERIFY(groupProxy);
    ConfigItemRef ref = groupRef;
    groupProxy->set(config, ref, u"v2"_s);
    QCOMPARE(config.services[0].groups[0].proxy, ProxySendMode::V2);

    const QList<ConfigField> hostFields = ConfigFields::forKind(ConfigItemRef::Kind::Host);
    const ConfigField *hostProxy = field(hostFields, u"proxy");
    QVERIFY(hostProxy);
    ConfigItemRef hostRef{ConfigItemRef::Kind::Host, u"web"_s, u"g"_s, u"a"_s};
    QCOMPARE(hostProxy->get(config, hostRef).toString(), u"group"_s);
    hostProxy->set(config, hostRef, u"no"_s);
    QCOMPARE(config.services[0].groups[0].hosts[0].proxy, std::optional<ProxySendMode>(ProxySendMode::None));
    hostProxy->set(config, hostRef, u"group"_s);
    QVERIFY(!config.services[0].groups[0].hosts[0].proxy);
}

void tst_GuiProxy::changeWords()
{
    const Config before = sample();
    Config after = before;
    after.services[0].groups[0].proxy = ProxySendMode::V1;
    const QList<ConfigChange> changes = diffConfigs(before, after);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(ChangeText::describe(changes.first()),
        u"service web: group g: PROXY protocol header sent to the hosts: no -> v1"_s);
    QVERIFY(ChangeImpact::describe(changes.first(), StatsSnapshot(), changes).contains(u"PROXY v1 header"));
}

QTEST_MAIN(tst_GuiProxy)
#include "tst_guiproxy.moc"
