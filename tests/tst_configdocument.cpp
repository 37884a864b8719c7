#include "config/configdocument.h"
#include "config/configreader.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Balancier;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Balancier::Config)

namespace {

const QString adminHash
    = u"pbkdf2-sha256$100000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g="_s;
const QString viewerHash
    = u"pbkdf2-sha256$100000$dmlld2Vyc2FsdHZpZXdlcg==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g="_s;

QString dataPath(const QString &name)
{
    return QStringLiteral(BALANCIER_TEST_DATA) + u"/document/"_s + name;
}

QByteArray readData(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QString describe(const QList<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics)
        lines.append(diagnostic.toString());
    return lines.join(u'\n');
}

HostConfig host(const QString &name, const QString &address, int weight = 1)
{
    HostConfig h;
    h.name = name;
    h.address = address;
    h.weight = weight;
    return h;
}

GroupConfig group(const QString &name, QList<HostConfig> hosts, const QString &scheduler = u"roundrobin"_s)
{
    GroupConfig g;
    g.name = name;
    g.scheduler = scheduler;
    g.hosts = std::move(hosts);
    return g;
}

ServiceConfig service(const QString &name, QStringList listeners, QList<GroupConfig> groups)
{
    ServiceConfig s;
    s.name = name;
    s.listeners = std::move(listeners);
    s.groups = std::move(groups);
    s.enabledGroup = s.groups.isEmpty() ? QString() : s.groups.first().name;
    return s;
}

Config minimalConfig()
{
    Config config;
    config.services
        = {service(u"web"_s, {u"*:8080"_s}, {group(u"prod"_s, {host(u"a"_s, u"127.0.0.1:9001"_s)})})};
    return config;
}

/// What a document says, read back through the real reader.
Config readBack(const QByteArray &xml)
{
    const LoadResult result = ConfigReader::readData(xml, u"written.xml"_s);
    if (!result.ok())
        qWarning().noquote() << describe(result.diagnostics) << "\nin:\n" << xml;
    return result.config;
}

/// The model of commented.xml as a program would hold it.
Config commentedModel()
{
    const LoadResult result = ConfigReader::readData(readData(u"commented.xml"_s), u"commented.xml"_s);
    if (!result.ok())
        qWarning().noquote() << describe(result.diagnostics);
    return result.config;
}

}  // namespace

class TestConfigDocument final : public QObject
{
    Q_OBJECT

private slots:
    void serializeReadsBackEqual_data();
    void serializeReadsBackEqual();
    void serializeOmitsDefaults();
    void fixturesReadCleanly();
    void editKeepsCommentsAndOrder();
    void unchangedModelGivesCanonicalText();
    void saveTwiceIsByteIdentical();
    void update_data();
    void update();
    void copyIsIndependent();
    void setContentRejects_data();
    void setContentRejects();
    void legacyBecomesNative();
    void otherFixturesSurviveUpdate_data();
    void otherFixturesSurviveUpdate();
    void saveWritesAtomically();
    void saveMakesBackups();
    void saveReportsMissingFolder();
};

void TestConfigDocument::serializeReadsBackEqual_data()
{
    QTest::addColumn<Config>("config");

    QTest::newRow("minimal") << minimalConfig();

    {
        Config c;
        c.settings.workers = 4;
        c.settings.maxConnections = 10000;
        c.settings.drainTimeoutMs = 1500;
        c.settings.persist = PersistMode::Auto;
        c.checkTimeMs = 120000;
        c.health = {7000, 1500, 4, 5, 20000, 500, false, "PING\r\n", "PONG"};
        c.timeouts = {2500, 0};
        c.logging = {u"/var/log/balancier.log"_s, u"debug"_s, true};
        c.admin.enabled = true;
        c.admin.listen = u"0.0.0.0:9443"_s;
        // cert and key must name real files to validate: tst_admintls reads them back.
        c.admin.allowInsecureRemote = true;
        c.admin.metricsPublic = true;
        c.admin.origins = {u"https://lb.example:8443"_s, u"http://[::1]:9443"_s};
        c.admin.users = {{u"admin"_s, adminHash, AdminUser::Access::Full, {}},
            {u"viewer"_s, viewerHash, AdminUser::Access::ReadOnly, {}}};
        ServiceConfig web = service(u"web"_s, {u"*:8080"_s, u"127.0.0.1:8081"_s},
            {group(u"prod"_s, {host(u"a"_s, u"127.0.0.1:9001"_s, 3), host(u"b"_s, u"localhost:9002"_s, 0)},
                 u"sticky"_s),
                group(u"test"_s, {host(u"t"_s, u"127.0.0.1:9101"_s)}, u"p2c"_s)});
        web.groups[0].stickyTimeoutMs = 600000;
        web.groups[0].hosts[0].maxConns = 50;
        web.groups[0].hosts[1].adminState = HostAdminState::Drain;
        web.groups[1].hosts[0].adminState = HostAdminState::Maintenance;
        web.enabledGroup = u"test"_s;
        web.timeouts = TimeoutConfig{3000, 600000};
        web.optionalListeners = {u"127.0.0.1:8081"_s};
        ServiceConfig mail = service(u"mail"_s, {u"0.0.0.0:2525"_s},
            {group(u"main"_s, {host(u"m"_s, u"127.0.0.1:25"_s)}, u"leastconnsrr"_s)});
        c.services = {web, mail};
        QTest::newRow("all options") << c;
    }

    {
        Config c;
        c.services = {service(u"v6"_s, {u"[::]:8080"_s, u"[::1]:0"_s, u"*:0"_s},
            {group(
                u"g"_s, {host(u"h6"_s, u"[::1]:9000"_s), host(u"h4"_s, u"127.0.0.1:9000"_s)}, u"hash"_s)})};
        QTest::newRow("IPv6 listeners") << c;
    }

    {
        Config c = minimalConfig();
        c.health.send = QByteArray("GET / HTTP/1.0\r\n\tX: \\y\r\n\r\n");
        c.health.expect = QByteArray("HTTP/1.\x00\x01\x7f\xff\xc3\xa9\"<&>", 16);
        QTest::newRow("send/expect with escapes") << c;
    }

    {
        // Each level overrides some values and inherits the others; a group
        // override equal to the top level but not to its service still has
        // to be written.
        Config c = minimalConfig();
        c.health.intervalMs = 10000;
        c.health.rise = 5;
        HealthConfig serviceHealth = c.health;
        serviceHealth.intervalMs = 3000;
        serviceHealth.send = "HELLO\n";
        c.services[0].health = serviceHealth;
        HealthConfig groupHealth = serviceHealth;
        groupHealth.intervalMs = 10000;
        groupHealth.active = false;
        groupHealth.expect = "OK";
        c.services[0].groups[0].health = groupHealth;
        c.services[0].groups.append(group(u"other"_s, {host(u"o"_s, u"127.0.0.1:9002"_s)}));
        c.services[0].groups[1].health = c.health;  // explicit, equal to the top level
        QTest::newRow("health at three levels") << c;
    }

    {
        Config c = minimalConfig();
        c.services[0].health = c.health;  // an override that says nothing new
        c.services[0].timeouts = c.timeouts;
        QTest::newRow("empty overrides") << c;
    }

    {
        Config c = minimalConfig();
        c.services[0].listeners = {u"*:8090"_s};  // 8080 is the admin API's default
        c.admin.enabled = true;
        c.admin.users = {{u"root"_s, adminHash, AdminUser::Access::Full, {}},
            {u"ro"_s, viewerHash, AdminUser::Access::ReadOnly, {}}};
        QTest::newRow("users, default admin listen") << c;
    }

    {
        Config c = minimalConfig();
        // Names may not hold blanks (configvalidator.h); a path may, and a tab too.
        c.services[0].name = u"a&b\"quoted\"<x>été"_s;
        c.services[0].groups[0].hosts[0].name = u"host'with'&quotes;"_s;
        c.logging.file = u"/tmp/log dir\twith tab/ünï.log"_s;
        QTest::newRow("markup and non-ASCII in names") << c;
    }
}

void TestConfigDocument::serializeReadsBackEqual()
{
    QFETCH(Config, config);

    const QByteArray xml = ConfigDocument::serialize(config);
    QVERIFY(xml.startsWith(R"(<?xml version="1.0" encoding="UTF-8"?>)"));
    const LoadResult result = ConfigReader::readData(xml, u"serialized.xml"_s);
    QVERIFY2(result.ok(), qPrintable(describe(result.diagnostics) + u"\n"_s + QString::fromUtf8(xml)));
    QVERIFY2(result.config == config, xml.constData());
    // Writing what was read gives the same text again.
    QCOMPARE(ConfigDocument::serialize(result.config), xml);
}

void TestConfigDocument::serializeOmitsDefaults()
{
    const QByteArray expected = R"(<?xml version="1.0" encoding="UTF-8"?>
<balancier version="1">
  <service name="web">
    <listen ip="*:8080"/>
    <group name="prod">
      <host name="a" ip="127.0.0.1:9001"/>
    </group>
    <enable group="prod"/>
  </service>
</balancier>
)";
    QCOMPARE(ConfigDocument::serialize(minimalConfig()), expected);

    Config c = minimalConfig();
    c.settings.workers = 2;
    c.health.active = false;
    c.services[0].groups[0].hosts[0].weight = 0;
    const QByteArray xml = ConfigDocument::serialize(c);
    QVERIFY2(xml.contains(R"(<settings workers="2"/>)"), xml.constData());
    QVERIFY2(xml.contains(R"(<health active="no"/>)"), xml.constData());
    QVERIFY2(xml.contains(R"(<host name="a" ip="127.0.0.1:9001" weight="0"/>)"), xml.constData());
    QVERIFY(!xml.contains("<checktime"));
    QVERIFY(!xml.contains("<admin"));
}

void TestConfigDocument::fixturesReadCleanly()
{
    // The fixtures are valid configs, so the comparisons below compare
    // models that mean something; the canonical forms mean the same.
    for (const QString &name : {u"commented.xml"_s, u"commented-canonical.xml"_s}) {
        const LoadResult result = ConfigReader::readData(readData(name), name);
        QVERIFY2(result.ok(), qPrintable(describe(result.diagnostics)));
        QCOMPARE(result.config, commentedModel());
    }
    QCOMPARE(commentedModel().services.size(), 2);
}

void TestConfigDocument::editKeepsCommentsAndOrder()
{
    ConfigDocument document;
    QString error;
    QVERIFY2(document.setContent(readData(u"commented.xml"_s), &error), qPrintable(error));

    Config edited = commentedModel();
    GroupConfig *prod = edited.service(u"web")->group(u"prod");
    QVERIFY(prod);
    prod->host(u"c")->weight = 5;  // change a weight
    HostConfig d = host(u"d"_s, u"127.0.0.1:9004"_s);
    d.maxConns = 100;
    prod->hosts.append(d);  // add a host
    prod->hosts.removeIf([](const HostConfig &h) { return h.name == u"b"; });  // remove one
    edited.service(u"web")->enabledGroup = u"test"_s;  // switch the enabled group
    edited.admin.users.append({u"viewer"_s, viewerHash, AdminUser::Access::ReadOnly, {}});  // add a user

    document.update(edited);
    const QByteArray xml = document.toXml();
    QCOMPARE(QString::fromUtf8(xml), QString::fromUtf8(readData(u"commented-edited.xml"_s)));
    QCOMPARE(readBack(xml), edited);
}

void TestConfigDocument::unchangedModelGivesCanonicalText()
{
    // The canonical form: XML declaration in double quotes, 2-space
    // indentation, one element per line with its attributes in their order
    // on that line, a comment that shared a line with what precedes it stays
    // there after one space, blank lines between siblings kept (one),
    // the text of multi-line comments as written.
    const QByteArray canonical = readData(u"commented-canonical.xml"_s);

    ConfigDocument document;
    QVERIFY(document.setContent(readData(u"commented.xml"_s)));
    QCOMPARE(QString::fromUtf8(document.toXml()), QString::fromUtf8(canonical));
    document.update(commentedModel());
    QCOMPARE(QString::fromUtf8(document.toXml()), QString::fromUtf8(canonical));

    // The canonical form is a fixed point.
    ConfigDocument again;
    QVERIFY(again.setContent(canonical));
    again.update(commentedModel());
    QCOMPARE(again.toXml(), canonical);
}

void TestConfigDocument::saveTwiceIsByteIdentical()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"balancier.xml"_s);

    ConfigDocument document;
    QVERIFY(document.setContent(readData(u"commented.xml"_s)));
    document.update(commentedModel());
    QString error;
    QVERIFY2(document.save(path, false, &error), qPrintable(error));
    const QByteArray first = readFile(path);

    // Load what was saved, as the next session would, and save it again.
    ConfigDocument next;
    QVERIFY(next.setContent(first));
    next.update(readBack(first));
    QVERIFY2(next.save(path, false, &error), qPrintable(error));
    QCOMPARE(readFile(path), first);
}

void TestConfigDocument::update_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Config>("model");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray head = R"(<?xml version="1.0" encoding="UTF-8"?>
<balancier version="1">
)";
    const QByteArray webService = R"(  <service name="web">
    <listen ip="*:8080"/>
    <group name="prod">
      <host name="a" ip="127.0.0.1:9001"/>
    </group>
  </service>
)";

    {
        // Values the user spelled differently but that mean the same stay.
        const QByteArray input = head + R"(  <checktime time="120"/>
  <health active="true" interval="5000ms"/>
  <settings workers="0"/>
)" + webService
            + "</balancier>\n";
        Config c = minimalConfig();
        c.checkTimeMs = 120000;
        QTest::newRow("spellings kept") << input << c << input;
    }
    {
        // An existing attribute is updated in place, a new one goes after
        // the nearest known attribute, foreign attributes stay put.
        const QByteArray input = head + R"(  <service name="web">
    <listen ip="*:8080"/>
    <group name="prod">
      <host ip="127.0.0.1:9001" name="a" x:tag="1" xmlns:x="urn:x"/>
    </group>
  </service>
</balancier>
)";
        Config c = minimalConfig();
        c.services[0].groups[0].hosts[0].weight = 7;
        c.services[0].groups[0].hosts[0].address = u"127.0.0.1:9009"_s;
        const QByteArray expected = head + R"(  <service name="web">
    <listen ip="*:8080"/>
    <group name="prod">
      <host ip="127.0.0.1:9009" name="a" weight="7" x:tag="1" xmlns:x="urn:x"/>
    </group>
  </service>
</balancier>
)";
        QTest::newRow("attribute order") << input << c << expected;
    }
    {
        // A new top-level element goes to its canonical place, before the
        // comment that describes the element it precedes.
        const QByteArray input = head + R"(  <!-- web -->
)" + webService
            + "</balancier>\n";
        Config c = minimalConfig();
        c.settings.workers = 3;
        c.logging.level = u"debug"_s;
        const QByteArray expected = head + R"(  <settings workers="3"/>
  <logging level="debug"/>
  <!-- web -->
)" + webService
            + "</balancier>\n";
        QTest::newRow("new top-level elements") << input << c << expected;
    }
    {
        // Settings the model no longer has are removed; settings at their
        // defaults that the user wrote stay written.
        const QByteArray input = head + R"(  <settings workers="4" persist="auto"/>
  <admin listen="127.0.0.1:8080">
    <user name="u" password="x" access="full"/>
  </admin>
  <service name="web">
    <listen ip="*:8080"/>
    <timeouts connect="1s"/>
    <group name="prod">
      <health rise="9"/>
      <host name="a" ip="127.0.0.1:9001"/>
    </group>
  </service>
</balancier>
)";
        const QByteArray expected = head + R"(  <settings workers="0" persist="manual"/>
)" + webService
            + "</balancier>\n";
        QTest::newRow("removed settings") << input << minimalConfig() << expected;
    }
    {
        // New group and service: after the last of their kind; a new
        // service gets the blank line its predecessor has.
        const QByteArray input = head + R"(  <note>n</note>

)" + webService
            + R"(  <!-- trailing comment of the root -->
</balancier>
)";
        Config c = minimalConfig();
        c.services[0].groups.append(group(u"spare"_s, {host(u"s"_s, u"127.0.0.1:9100"_s)}));
        c.services[0].groups[1].health = c.health;
        c.services[0].groups[1].health->rise = 1;
        c.services.append(
            service(u"two"_s, {u"127.0.0.1:0"_s}, {group(u"g"_s, {host(u"h"_s, u"127.0.0.1:1"_s)})}));
        const QByteArray expected = head + R"(  <note>n</note>

  <service name="web">
    <listen ip="*:8080"/>
    <group name="prod">
      <host name="a" ip="127.0.0.1:9001"/>
    </group>
    <group name="spare">
      <health rise="1"/>
      <host name="s" ip="127.0.0.1:9100"/>
    </group>
  </service>

  <service name="two">
    <listen ip="127.0.0.1:0"/>
    <group name="g">
      <host name="h" ip="127.0.0.1:1"/>
    </group>
    <enable group="g"/>
  </service>
  <!-- trailing comment of the root -->
</balancier>
)";
        QTest::newRow("new group and service") << input << c << expected;
    }
    {
        // A service removed with the comment on its line; a duplicate host
        // (which the reader refuses) is dropped since the model has one.
        const QByteArray input = head + webService + R"(  <service name="old"> <!-- old one -->
    <listen ip="*:81"/>
  </service> <!-- end of old -->
  <service name="dup">
    <listen ip="*:82"/>
    <group name="g">
      <host name="h" ip="127.0.0.1:1"/>
      <host name="h" ip="127.0.0.1:2"/>
    </group>
  </service>
</balancier>
)";
        Config c = minimalConfig();
        c.services.append(service(u"dup"_s, {u"*:82"_s}, {group(u"g"_s, {host(u"h"_s, u"127.0.0.1:1"_s)})}));
        const QByteArray expected = head + webService + R"(  <service name="dup">
    <listen ip="*:82"/>
    <group name="g">
      <host name="h" ip="127.0.0.1:1"/>
    </group>
  </service>
</balancier>
)";
        QTest::newRow("removed service, duplicate host") << input << c << expected;
    }
    {
        // Listeners are matched by address; new ones follow the last one.
        const QByteArray input = head + R"(  <service name="web">
    <listen ip="*:8080"/>
    <listen ip="*:8081"/>
    <group name="prod">
      <host name="a" ip="127.0.0.1:9001"/>
    </group>
  </service>
</balancier>
)";
        Config c = minimalConfig();
        c.services[0].listeners = {u"*:8081"_s, u"[::1]:8082"_s};
        const QByteArray expected = head + R"(  <service name="web">
    <listen ip="*:8081"/>
    <listen ip="[::1]:8082"/>
    <group name="prod">
      <host name="a" ip="127.0.0.1:9001"/>
    </group>
  </service>
</balancier>
)";
        QTest::newRow("listeners") << input << c << expected;
    }
    {
        // A top-level default that changes under an override that omitted
        // it: the override now has to say its own value.
        const QByteArray input = head + R"(  <health interval="5s"/>
  <service name="web">
    <listen ip="*:8080"/>
    <health timeout="1s"/>
    <group name="prod">
      <host name="a" ip="127.0.0.1:9001"/>
    </group>
  </service>
</balancier>
)";
        Config c = minimalConfig();
        c.health.intervalMs = 9000;
        c.services[0].health = HealthConfig();
        c.services[0].health->timeoutMs = 1000;
        const QByteArray expected = head + R"(  <health interval="9s"/>
  <service name="web">
    <listen ip="*:8080"/>
    <health interval="5s" timeout="1s"/>
    <group name="prod">
      <host name="a" ip="127.0.0.1:9001"/>
    </group>
  </service>
</balancier>
)";
        QTest::newRow("inherited value pinned") << input << c << expected;
    }
    {
        // No <enable>: the first group is implied and stays implied; a
        // switch to another group writes <enable> after the groups.
        const QByteArray input = head + webService + "</balancier>\n";
        QTest::newRow("implied enable kept") << input << minimalConfig() << input;
        Config c = minimalConfig();
        c.services[0].groups.append(group(u"new"_s, {host(u"n"_s, u"127.0.0.1:9"_s)}));
        const QByteArray expected = head + R"(  <service name="web">
    <listen ip="*:8080"/>
    <group name="prod">
      <host name="a" ip="127.0.0.1:9001"/>
    </group>
    <group name="new">
      <host name="n" ip="127.0.0.1:9"/>
    </group>
  </service>
</balancier>
)";
        QTest::newRow("new group, implied enable") << input << c << expected;
        c.services[0].enabledGroup = u"new"_s;
        QByteArray switched = expected;
        switched.replace(
            "    </group>\n  </service>", "    </group>\n    <enable group=\"new\"/>\n  </service>");
        QTest::newRow("enable written when switched") << input << c << switched;
    }
    {
        // Mixed content in a note is data: written exactly, not indented.
        const QByteArray input = head + R"(  <note>line one
  <b>bold</b>   spaced <![CDATA[<raw>]]></note>
)" + webService
            + "</balancier>\n";
        QTest::newRow("mixed content") << input << minimalConfig() << input;
        // A CDATA section of blanks is kept on its own line and does not make
        // the whole root one line of "text content".
        const QByteArray blank = head + "  <![CDATA[ ]]>\n" + webService + "</balancier>\n";
        QTest::newRow("blank CDATA") << blank << minimalConfig() << blank;
    }
}

void TestConfigDocument::update()
{
    QFETCH(QByteArray, input);
    QFETCH(Config, model);
    QFETCH(QByteArray, expected);

    ConfigDocument document;
    QString error;
    QVERIFY2(document.setContent(input, &error), qPrintable(error));
    document.update(model);
    const QByteArray xml = document.toXml();
    QCOMPARE(QString::fromUtf8(xml), QString::fromUtf8(expected));
    // Whatever was kept or added, the document says what the model says.
    QCOMPARE(readBack(xml), model);
}

void TestConfigDocument::copyIsIndependent()
{
    ConfigDocument original;
    QVERIFY(original.setContent(readData(u"commented.xml"_s)));
    const QByteArray before = original.toXml();

    ConfigDocument copy(original);
    copy.update(minimalConfig());
    QCOMPARE(original.toXml(), before);
    QCOMPARE(readBack(copy.toXml()), minimalConfig());
    QVERIFY(copy.toXml().contains("<!-- end of file -->"));

    ConfigDocument assigned;
    assigned = original;
    QCOMPARE(assigned.toXml(), before);
}

void TestConfigDocument::setContentRejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("not XML") << QByteArray("hello") << u"line 1"_s;
    QTest::newRow("unclosed") << QByteArray("<balancier version=\"1\">\n<service>\n</balancier>")
                              << u"line 3"_s;
    QTest::newRow("empty") << QByteArray() << u"not well-formed"_s;
    QTest::newRow("other root") << QByteArray("<html/>") << u"<html>"_s;
    QTest::newRow("legacy with errors") << QByteArray("<pdconfig>\n  <bogus/>\n</pdconfig>")
                                        << u"cannot be imported: line 2, column 3: <bogus>"_s;
    QTest::newRow("too deep") << QByteArray("<balancier>").repeated(300) << u"nested deeper than 256"_s;
}

void TestConfigDocument::setContentRejects()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, messagePart);

    ConfigDocument document;
    document.update(minimalConfig());
    const QByteArray before = document.toXml();
    QString error;
    QVERIFY(!document.setContent(input, &error));
    QVERIFY2(error.contains(messagePart), qPrintable(error));
    QCOMPARE(document.toXml(), before);  // a failed load changes nothing
}

void TestConfigDocument::legacyBecomesNative()
{
    const QByteArray legacy = readData(u"pythondirector.xml"_s);
    const LoadResult imported = ConfigReader::readData(legacy, u"pythondirector.xml"_s);
    QVERIFY2(imported.ok(), qPrintable(describe(imported.diagnostics)));
    QCOMPARE(imported.dialect, ConfigDialect::PythonDirector);

    ConfigDocument document;
    QString error;
    QVERIFY2(document.setContent(legacy, &error), qPrintable(error));
    const QByteArray xml = document.toXml();
    QCOMPARE(xml, ConfigDocument::serialize(imported.config));
    QVERIFY(!xml.contains("pdconfig"));
    QVERIFY2(xml.contains(R"(<group name="prod" scheduler="leastconns">)"), xml.constData());

    const LoadResult native = ConfigReader::readData(xml, u"converted.xml"_s);
    QVERIFY2(native.ok(), qPrintable(describe(native.diagnostics)));
    QCOMPARE(native.dialect, ConfigDialect::Native);
    QCOMPARE(native.config, imported.config);
}

void TestConfigDocument::otherFixturesSurviveUpdate_data()
{
    // Every config the reader's tests use, valid, invalid and legacy: loading
    // it and writing back the model it gives must keep that model, and do it
    // in one step; a broken one must not break the writer.
    QTest::addColumn<QString>("path");
    const QString root = QStringLiteral(BALANCIER_TEST_DATA) + u"/config"_s;
    for (const QString &folder : {u"valid"_s, u"invalid"_s, u"legacy"_s}) {
        const QDir dir(root + u'/' + folder);
        for (const QString &name : dir.entryList({u"*.xml"_s}, QDir::Files, QDir::Name)) {
            const QString row = folder + u'/' + name;
            QTest::newRow(qPrintable(row)) << dir.filePath(name);
        }
    }
    if (QDir(root + u"/valid"_s).entryList({u"*.xml"_s}).isEmpty())
        QSKIP("the config reader's fixtures are missing");
}

void TestConfigDocument::otherFixturesSurviveUpdate()
{
    QFETCH(QString, path);
    const QByteArray input = readFile(path);
    const LoadResult loaded = ConfigReader::readData(input, path);

    ConfigDocument document;
    QString error;
    if (!document.setContent(input, &error)) {
        // Only malformed XML, an unknown root or a broken legacy file is refused.
        QVERIFY2(!loaded.ok(), qPrintable(error));
        QVERIFY(!error.isEmpty());
        return;
    }
    document.update(loaded.config);
    const QByteArray xml = document.toXml();
    ConfigDocument reloaded;
    QVERIFY2(reloaded.setContent(xml, &error), qPrintable(error));
    if (!loaded.ok())
        return;
    QCOMPARE(readBack(xml), loaded.config);
    document.update(loaded.config);
    QCOMPARE(document.toXml(), xml);
}

void TestConfigDocument::saveWritesAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"balancier.xml"_s);
    QVERIFY(writeFile(path, "old content\n"));
    // The config may hold password hashes: a save keeps its restricted mode.
    const QFile::Permissions ownerOnly
        = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
    QVERIFY(QFile::setPermissions(path, ownerOnly));

#ifdef Q_OS_UNIX
    // A second name for the old file: an in-place rewrite would change it,
    // a new file renamed over the old name does not.
    const QString link = dir.filePath(u"old-link.xml"_s);
    QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()), 0);
#endif

    ConfigDocument document;
    document.update(minimalConfig());
    QString error;
    QVERIFY2(document.save(path, false, &error), qPrintable(error));
    QCOMPARE(readFile(path), document.toXml());
#ifdef Q_OS_UNIX
    QCOMPARE(QFile::permissions(path), ownerOnly);
    QCOMPARE(readFile(link), QByteArray("old content\n"));
    QVERIFY(QFile::remove(link));
#endif
    // No temporary file left behind, and no backup when none was asked for.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"balancier.xml"_s});
}

void TestConfigDocument::saveMakesBackups()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"balancier.xml"_s);
    ConfigDocument document;
    document.update(minimalConfig());

    // No previous file: nothing to back up.
    QVERIFY(document.save(path, true));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);

    QVERIFY(writeFile(path, "version one\n"));
    QString error;
    QVERIFY2(document.save(path, true, &error), qPrintable(error));
    const QRegularExpression pattern(uR"(^balancier\.xml\.\d{8}-\d{6}(-\d+)?\.bak$)"_s);
    QStringList backups = QDir(dir.path()).entryList({u"*.bak"_s}, QDir::Files, QDir::Name);
    QCOMPARE(backups.size(), 1);
    QVERIFY2(pattern.match(backups.first()).hasMatch(), qPrintable(backups.first()));
    QCOMPARE(readFile(dir.filePath(backups.first())), QByteArray("version one\n"));
    QCOMPARE(readFile(path), document.toXml());

    // A backup from the same second is not overwritten: occupy the names of
    // this second and the next ones so that the next save must pick another.
    const QDateTime now = QDateTime::currentDateTime();
    for (int s = 0; s < 3; ++s) {
        const QString stamp = now.addSecs(s).toString(u"yyyyMMdd-HHmmss"_s);
        const QString taken = path + u'.' + stamp + u".bak"_s;
        if (!QFile::exists(taken))
            QVERIFY(writeFile(taken, "taken\n"));
    }
    QVERIFY(writeFile(path, "version two\n"));
    QVERIFY2(document.save(path, true, &error), qPrintable(error));
    backups = QDir(dir.path()).entryList({u"*-2.bak"_s}, QDir::Files);
    QCOMPARE(backups.size(), 1);
    QVERIFY2(pattern.match(backups.first()).hasMatch(), qPrintable(backups.first()));
    QCOMPARE(readFile(dir.filePath(backups.first())), QByteArray("version two\n"));
}

void TestConfigDocument::saveReportsMissingFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"no/such/folder/balancier.xml"_s);
    ConfigDocument document;
    QString error;
    QVERIFY(!document.save(path, true, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestConfigDocument)
#include "tst_configdocument.moc"
