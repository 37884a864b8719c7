// The PROXY protocol settings in the config: <listen acceptproxy trusted
// proxytimeout>, <group proxy>, <host proxy>. Reading (with located
// errors), writing back, the diff, and the change text.

#include "config/configdiff.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "config/proxytrust.h"

#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

QByteArray configWith(const QByteArray &listen, const QByteArray &group = "<group name=\"g\">",
    const QByteArray &host = "<host name=\"a\" ip=\"127.0.0.1:9001\"/>")
{
    return "<balancier version=\"1\">\n"
           "  <service name=\"web\">\n"
           "    "
        + listen + "\n    " + group + "\n      " + host
        + "\n    </group>\n"
          "  </service>\n"
          "</balancier>\n";
}

QString errorsOf(const LoadResult &result)
{
    QStringList lines;
    for (const Diagnostic &d : result.diagnostics)
        lines.append(d.toString());
    return lines.join(u'\n');
}

}  // namespace

class tst_ProxyConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsOptions();
    void refusesBadOptions_data();
    void refusesBadOptions();
    void writesBack();
    void updatesInPlace();
    void diffs();
    void trustRanges_data();
    void trustRanges();
};

void tst_ProxyConfig::readsOptions()
{
    const LoadResult result = ConfigReader::readData(
        configWith("<listen ip=\"127.0.0.1:8080\" acceptproxy=\"v2, v1\" trusted=\"10.0.0.0/8, ::1\" "
                   "proxytimeout=\"500ms\"/><listen ip=\"127.0.0.1:8081\"/>",
            "<group name=\"g\" proxy=\"v2\">",
            "<host name=\"a\" ip=\"127.0.0.1:9001\"/><host name=\"b\" ip=\"127.0.0.1:9002\" proxy=\"no\"/>"),
        u"t.xml"_s);
    QVERIFY2(result.ok(), qPrintable(errorsOf(result)));
    const ServiceConfig &service = result.config.services.constFirst();
    QCOMPARE(service.listenerProxy.size(), 1);
    const ListenerProxyConfig *options = service.proxyOptions(u"127.0.0.1:8080");
    QVERIFY(options);
    QCOMPARE(options->versions, quint8(ListenerProxyConfig::V1 | ListenerProxyConfig::V2));
    QCOMPARE(options->trusted, (QStringList{u"10.0.0.0/8"_s, u"::1"_s}));
    QCOMPARE(options->timeoutMs, 500);
    QVERIFY(!service.proxyOptions(u"127.0.0.1:8081"));
    const GroupConfig &group = service.groups.constFirst();
    QCOMPARE(group.proxy, ProxySendMode::V2);
    QVERIFY(!group.hosts.at(0).proxy);
    QCOMPARE(group.proxyOf(group.hosts.at(0)), ProxySendMode::V2);
    QCOMPARE(group.hosts.at(1).proxy, std::optional<ProxySendMode>(ProxySendMode::None));
    QCOMPARE(group.proxyOf(group.hosts.at(1)), ProxySendMode::None);
}

void tst_ProxyConfig::refusesBadOptions_data()
{
    QTest::addColumn<QByteArray>("listen");
    QTest::addColumn<QByteArray>("group");
    QTest::addColumn<QString>("expected");  // a part of the located error

    const QByteArray group("<group name=\"g\">");
    QTest::newRow("bad version list")
        << QByteArray("<listen ip=\"127.0.0.1:1\" acceptproxy=\"v3\" trusted=\"::1\"/>") << group
        << u"t.xml:3:30: error: <listen acceptproxy>: \"v3\" is not a list of PROXY protocol versions"_s;
    QTest::newRow("empty version list")
        << QByteArray("<listen ip=\"127.0.0.1:1\" acceptproxy=\"\" trusted=\"::1\"/>") << group
        << u"<listen acceptproxy>"_s;
    QTest::newRow("bad CIDR")
        << QByteArray("<listen ip=\"127.0.0.1:1\" acceptproxy=\"v1\" trusted=\"10.0.0.0/33\"/>") << group
        << u"t.xml:3:5: error: <listen trusted>: listener \"127.0.0.1:1\": \"10.0.0.0/33\" has a bad prefix length"_s;
    QTest::newRow("not an address") << QByteArray(
        "<listen ip=\"127.0.0.1:1\" acceptproxy=\"v1\" trusted=\"proxy.example\"/>")
                                    << group << u"\"proxy.example\" is not an address or CIDR"_s;
    QTest::newRow("short IPv4") << QByteArray(
        "<listen ip=\"127.0.0.1:1\" acceptproxy=\"v1\" trusted=\"10.1\"/>")
                                << group << u"\"10.1\" is not an address or CIDR"_s;
    QTest::newRow("trusted without acceptproxy") << QByteArray("<listen ip=\"127.0.0.1:1\" trusted=\"::1\"/>")
                                                 << group << u"trusted without acceptproxy"_s;
    QTest::newRow("timeout without acceptproxy")
        << QByteArray("<listen ip=\"127.0.0.1:1\" proxytimeout=\"5s\"/>") << group
        << u"proxytimeout without acceptproxy"_s;
    QTest::newRow("acceptproxy without trusted")
        << QByteArray("<listen ip=\"127.0.0.1:1\" acceptproxy=\"v2\"/>") << group
        << u"acceptproxy needs trusted"_s;
    QTest::newRow("bad timeout") << QByteArray(
        "<listen ip=\"127.0.0.1:1\" acceptproxy=\"v2\" trusted=\"::1\" proxytimeout=\"soon\"/>")
                                 << group << u"<listen proxytimeout>"_s;
    QTest::newRow("zero timeout") << QByteArray(
        "<listen ip=\"127.0.0.1:1\" acceptproxy=\"v2\" trusted=\"::1\" proxytimeout=\"0s\"/>")
                                  << group << u"<listen proxytimeout>"_s;
    QTest::newRow("bad group proxy") << QByteArray("<listen ip=\"127.0.0.1:1\"/>")
                                     << QByteArray("<group name=\"g\" proxy=\"v3\">")
                                     << u"<group name=\"g\" proxy>: \"v3\" is not valid"_s;
}

void tst_ProxyConfig::refusesBadOptions()
{
    QFETCH(QByteArray, listen);
    QFETCH(QByteArray, group);
    QFETCH(QString, expected);
    const LoadResult result = ConfigReader::readData(configWith(listen, group), u"t.xml"_s);
    QVERIFY(!result.ok());
    QVERIFY2(errorsOf(result).contains(expected), qPrintable(errorsOf(result)));
    // One mistake, one error: no follow-up error about the same listener.
    QCOMPARE(result.diagnostics.size(), 1);
}

void tst_ProxyConfig::writesBack()
{
    const LoadResult read = ConfigReader::readData(
        configWith("<listen ip=\"127.0.0.1:8080\" acceptproxy=\"v1,v2\" trusted=\"10.0.0.0/8,::1\"/>",
            "<group name=\"g\" proxy=\"v1\">", "<host name=\"a\" ip=\"127.0.0.1:9001\" proxy=\"v2\"/>"),
        u"t.xml"_s);
    QVERIFY2(read.ok(), qPrintable(errorsOf(read)));

    // A fresh document says everything the model holds; it reads back the same.
    const QByteArray xml = ConfigDocument::serialize(read.config);
    QVERIFY2(xml.contains("acceptproxy=\"v1,v2\""), xml.constData());
    QVERIFY(xml.contains("trusted=\"10.0.0.0/8,::1\""));
    QVERIFY(xml.contains("proxy=\"v1\""));
    QVERIFY(xml.contains("proxy=\"v2\""));
    const LoadResult again = ConfigReader::readData(xml, u"again.xml"_s);
    QVERIFY2(again.ok(), qPrintable(errorsOf(again)));
    QCOMPARE(again.config, read.config);

    // Taking the options away removes the attributes.
    Config changed = read.config;
    changed.services[0].listenerProxy.clear();
    changed.services[0].groups[0].hosts[0].proxy.reset();
    changed.services[0].groups[0].proxy = ProxySendMode::None;
    const QByteArray plain = ConfigDocument::serialize(changed);
    QVERIFY2(!plain.contains("acceptproxy") && !plain.contains("trusted") && !plain.contains("proxy="),
        plain.constData());
    const LoadResult back = ConfigReader::readData(plain, u"plain.xml"_s);
    QVERIFY2(back.ok(), qPrintable(errorsOf(back)));
    QCOMPARE(back.config, changed);
}

void tst_ProxyConfig::updatesInPlace()
{
    // An edit keeps the user's file as written: comments, order, spelling.
    const QByteArray original
        = configWith("<!-- the front door -->\n    <listen ip=\"127.0.0.1:8080\" "
                     "acceptproxy=\"v2, v1\" trusted=\"10.0.0.0/8\"/>\n"
                     "    <listen ip=\"127.0.0.1:8081\" acceptproxy=\"v1\" trusted=\"::1, 10.0.0.1\"/>",
            "<group name=\"g\" proxy=\"v1\">", "<host name=\"a\" ip=\"127.0.0.1:9001\" proxy=\"no\"/>");
    const LoadResult read = ConfigReader::readData(original, u"t.xml"_s);
    QVERIFY2(read.ok(), qPrintable(errorsOf(read)));
    ConfigDocument document;
    QVERIFY(document.setContent(original));

    Config edited = read.config;
    edited.services[0].listenerProxy[0].trusted = {u"10.0.0.0/8"_s, u"192.0.2.1"_s};
    edited.services[0].listenerProxy[0].timeoutMs = 1500;
    edited.services[0].groups[0].hosts[0].proxy.reset();
    document.update(edited);
    const QByteArray xml = document.toXml();
    QVERIFY2(xml.contains("<!-- the front door -->"), xml.constData());
    QVERIFY2(xml.contains("acceptproxy=\"v2, v1\" trusted=\"10.0.0.0/8,192.0.2.1\" proxytimeout=\"1500ms\""),
        xml.constData());
    // Unchanged values keep their spelling.
    QVERIFY2(xml.contains("acceptproxy=\"v1\" trusted=\"::1, 10.0.0.1\"/>"), xml.constData());
    QVERIFY2(xml.contains("<group name=\"g\" proxy=\"v1\">"), xml.constData());
    QVERIFY2(xml.contains("<host name=\"a\" ip=\"127.0.0.1:9001\"/>"), xml.constData());
    const LoadResult again = ConfigReader::readData(xml, u"again.xml"_s);
    QVERIFY2(again.ok(), qPrintable(errorsOf(again)));
    QCOMPARE(again.config, edited);
}

void tst_ProxyConfig::diffs()
{
    const LoadResult before
        = ConfigReader::readData(configWith("<listen ip=\"127.0.0.1:8080\"/>"), u"a.xml"_s);
    QVERIFY(before.ok());
    Config next = before.config;
    ListenerProxyConfig options;
    options.listener = u"127.0.0.1:8080"_s;
    options.versions = ListenerProxyConfig::V2;
    options.trusted = {u"::1"_s};
    next.services[0].listenerProxy = {options};
    next.services[0].groups[0].proxy = ProxySendMode::V2;
    next.services[0].groups[0].hosts[0].proxy = ProxySendMode::V1;

    const QList<ConfigChange> changes = diffConfigs(before.config, next);
    QCOMPARE(changes.size(), 3);
    bool sawGroup = false;
    bool sawHost = false;
    bool sawListener = false;
    for (const ConfigChange &change : changes) {
        if (change.kind == ConfigChange::Kind::GroupProxyChanged) {
            sawGroup = true;
            QCOMPARE(change.fields, QStringList{u"proxy"_s});
            QCOMPARE(change.before, u"no"_s);
            QCOMPARE(change.after, u"v2"_s);
        } else if (change.kind == ConfigChange::Kind::HostChanged) {
            sawHost = true;
            QCOMPARE(change.fields, QStringList{u"proxy"_s});
            QCOMPARE(change.before, u"group"_s);
            QCOMPARE(change.after, u"v1"_s);
        } else if (change.kind == ConfigChange::Kind::ServiceSettingsChanged) {
            sawListener = true;
            QCOMPARE(change.name, u"listen 127.0.0.1:8080"_s);
            QCOMPARE(change.fields, (QStringList{u"acceptproxy"_s, u"trusted"_s}));
        }
    }
    QVERIFY(sawGroup && sawHost && sawListener);
    // No listener is rebound.
    for (const ConfigChange &change : changes)
        QVERIFY(change.kind != ConfigChange::Kind::ListenerRemoved
            && change.kind != ConfigChange::Kind::ListenerAdded);
}

void tst_ProxyConfig::trustRanges_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("inside");
    QTest::newRow("v4 /8 in") << u"10.0.0.0/8"_s << u"10.255.1.2"_s << true;
    QTest::newRow("v4 /8 out") << u"10.0.0.0/8"_s << u"11.0.0.1"_s << false;
    QTest::newRow("v4 host bits cleared") << u"192.168.1.77/24"_s << u"192.168.1.1"_s << true;
    QTest::newRow("v4 /31") << u"192.168.1.0/31"_s << u"192.168.1.1"_s << true;
    QTest::newRow("v4 /31 out") << u"192.168.1.0/31"_s << u"192.168.1.2"_s << false;
    QTest::newRow("v4 bare") << u"127.0.0.1"_s << u"127.0.0.1"_s << true;
    QTest::newRow("v4 bare out") << u"127.0.0.1"_s << u"127.0.0.2"_s << false;
    QTest::newRow("v4 /0") << u"0.0.0.0/0"_s << u"203.0.113.9"_s << true;
    QTest::newRow("v6 /32") << u"2001:db8::/32"_s << u"2001:db8:ffff::1"_s << true;
    QTest::newRow("v6 /32 out") << u"2001:db8::/32"_s << u"2001:db9::1"_s << false;
    QTest::newRow("v6 bare") << u"::1"_s << u"::1"_s << true;
    QTest::newRow("v6 never v4") << u"::/0"_s << u"10.0.0.1"_s << false;
    QTest::newRow("mapped range is v4") << u"::ffff:10.0.0.0/104"_s << u"10.9.9.9"_s << true;
}

void tst_ProxyConfig::trustRanges()
{
    QFETCH(QString, range);
    QFETCH(QString, address);
    QFETCH(bool, inside);
    QString why;
    const std::optional<ProxyTrust> trust = ProxyTrust::parse(range, &why);
    QVERIFY2(trust, qPrintable(why));
    const QHostAddress host(address);
    bool isV4 = false;
    const quint32 v4 = host.toIPv4Address(&isV4);
    if (isV4) {
        const quint8 bytes[4] = {quint8(v4 >> 24), quint8(v4 >> 16), quint8(v4 >> 8), quint8(v4)};
        QCOMPARE(trust->contains(bytes, false), inside);
    } else {
        const Q_IPV6ADDR raw = host.toIPv6Address();
        QCOMPARE(trust->contains(raw.c, true), inside);
    }
}

QTEST_GUILESS_MAIN(tst_ProxyConfig)
#include "tst_proxyconfig.moc"
