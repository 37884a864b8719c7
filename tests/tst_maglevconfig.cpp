// The Maglev options end to end: the XML reader and writer (tablesize and
// balancefactor, located errors, defaults left out, the user's spelling
// kept), the validator on models built in code, the diff, the live change
// through the operations layer (a new table on a running group), and the
// admin API (PUT …/scheduler, the group in GET …/services, the legacy
// changeScheduler command).

#include "admintestbed.h"
#include "config/configdiff.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "config/configvalidator.h"
#include "engine.h"
#include "ops/operations.h"
#include "stats/statsjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

QByteArray configText(const QByteArray &groupAttributes)
{
    return "<balancier version=\"1\">\n"
           "  <service name=\"web\">\n"
           "    <listen ip=\"127.0.0.1:0\"/>\n"
           "    <group name=\"main\" "
        + groupAttributes
        + ">\n"
          "      <host name=\"a\" ip=\"127.0.0.1:9001\"/>\n"
          "      <host name=\"b\" ip=\"127.0.0.1:9002\"/>\n"
          "    </group>\n"
          "  </service>\n"
          "</balancier>\n";
}

QStringList errorsOf(const QList<Diagnostic> &diagnostics)
{
    QStringList out;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.severity == Diagnostic::Severity::Error)
            out.append(diagnostic.toString());
    }
    return out;
}

QStringList warningsOf(const QList<Diagnostic> &diagnostics)
{
    QStringList out;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.severity == Diagnostic::Severity::Warning)
            out.append(diagnostic.toString());
    }
    return out;
}

QJsonObject groupJson(AdminTestBed &bed, const QString &group)
{
    const HttpTestResponse response = bed.get("/api/v1/services/web");
    const QJsonObject service = QJsonDocument::fromJson(response.body).object();
    for (const QJsonValue &value : service.value(u"groups"_s).toArray()) {
        if (value.toObject().value(u"name"_s).toString() == group)
            return value.toObject();
    }
    return {};
}

}  // namespace

class tst_MaglevConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsOptions();
    void refusesBadValues_data();
    void refusesBadValues();
    void writerRoundTrip();
    void validatorChecksModels();
    void diffNamesTheOptions();
    void liveChangeThroughOperations();
    void adminApi();
};

void tst_MaglevConfig::readsOptions()
{
    const LoadResult result = ConfigReader::readData(
        configText("scheduler=\"maglev\" tablesize=\"1009\" balancefactor=\"1.25\""), u"t.xml"_s);
    QVERIFY2(result.ok(), qPrintable(errorsOf(result.diagnostics).join(u'\n')));
    const GroupConfig &group = result.config.services.at(0).groups.at(0);
    QCOMPARE(group.scheduler, u"maglev"_s);
    QCOMPARE(group.maglevTableSize, 1009);
    QCOMPARE(group.balanceFactor, 1.25);

    const LoadResult defaults = ConfigReader::readData(configText("scheduler=\"MAGLEV\""), u"t.xml"_s);
    QVERIFY(defaults.ok());
    QCOMPARE(defaults.config.services.at(0).groups.at(0).scheduler, u"maglev"_s);
    QCOMPARE(defaults.config.services.at(0).groups.at(0).maglevTableSize, 65537);
    QCOMPARE(defaults.config.services.at(0).groups.at(0).balanceFactor, 0.0);
}

void tst_MaglevConfig::refusesBadValues_data()
{
    QTest::addColumn<QByteArray>("attributes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not prime")
        << QByteArray("scheduler=\"maglev\" tablesize=\"65536\"")
        << u"t.xml:4:43: error: <group name=\"main\" tablesize>: 65536 is not a prime; "
           u"expected a prime from 251 to 1000003 (default 65537), for example 65537"_s;
    QTest::newRow("too small") << QByteArray("scheduler=\"maglev\" tablesize=\"13\"")
                               << u"t.xml:4:43: error: <group name=\"main\" tablesize>: 13 is too small; "
                                  u"expected a whole number from 251 to 1000003"_s;
    QTest::newRow("not a number")
        << QByteArray("tablesize=\"big\"")
        << u"t.xml:4:24: error: <group name=\"main\" tablesize>: \"big\" is not a whole "
           u"number; expected a whole number from 251 to 1000003"_s;
    QTest::newRow("factor 1") << QByteArray("scheduler=\"maglev\" balancefactor=\"1\"")
                              << u"t.xml:4:43: error: <group name=\"main\" balancefactor>: 1 is too small; "
                                 u"expected a number above 1 up to 100, such as 1.25"_s;
    QTest::newRow("factor comma")
        << QByteArray("balancefactor=\"1,5\"")
        << u"t.xml:4:24: error: <group name=\"main\" balancefactor>: \"1,5\" is not a "
           u"decimal number; expected a number above 1 up to 100, such as 1.25"_s;
    QTest::newRow("factor nan")
        << QByteArray("balancefactor=\"nan\"")
        << u"t.xml:4:24: error: <group name=\"main\" balancefactor>: \"nan\" is not a "
           u"decimal number; expected a number above 1 up to 100, such as 1.25"_s;
    QTest::newRow("factor huge")
        << QByteArray("balancefactor=\"1000\"")
        << u"t.xml:4:24: error: <group name=\"main\" balancefactor>: 1000 is too large; "
           u"expected a number above 1 up to 100, such as 1.25"_s;
}

void tst_MaglevConfig::refusesBadValues()
{
    QFETCH(QByteArray, attributes);
    QFETCH(QString, expected);
    const LoadResult result = ConfigReader::readData(configText(attributes), u"t.xml"_s);
    QVERIFY(!result.ok());
    QCOMPARE(errorsOf(result.diagnostics), QStringList{expected});
}

void tst_MaglevConfig::writerRoundTrip()
{
    const LoadResult read = ConfigReader::readData(configText("scheduler=\"maglev\""), u"t.xml"_s);
    QVERIFY(read.ok());
    Config config = read.config;
    // Defaults are not written.
    QVERIFY(!ConfigDocument::serialize(config).contains("tablesize"));
    QVERIFY(!ConfigDocument::serialize(config).contains("balancefactor"));

    config.services[0].groups[0].maglevTableSize = 100003;
    config.services[0].groups[0].balanceFactor = 1.5;
    const QByteArray written = ConfigDocument::serialize(config);
    QVERIFY2(written.contains("tablesize=\"100003\" balancefactor=\"1.5\""), written.constData());
    const LoadResult again = ConfigReader::readData(written, u"t.xml"_s);
    QVERIFY(again.ok());
    QCOMPARE(again.config.services.at(0).groups.at(0).maglevTableSize, 100003);
    QCOMPARE(again.config.services.at(0).groups.at(0).balanceFactor, 1.5);

    // A layout-preserving save keeps the user's spelling when the value
    // still reads the same ("1.50"), and changes only what changed.
    const QByteArray user = configText("scheduler=\"maglev\"   balancefactor=\"1.50\"");
    ConfigDocument userDocument;
    QVERIFY(userDocument.setContent(user));
    const LoadResult userRead = ConfigReader::readData(user, u"t.xml"_s);
    QVERIFY(userRead.ok());
    Config edited = userRead.config;
    edited.services[0].groups[0].maglevTableSize = 1009;
    ConfigDocument editedDocument(userDocument);
    editedDocument.update(edited);
    const QByteArray saved = ConfigDocument::toXmlInLayout(user, userDocument, editedDocument);
    QVERIFY2(saved.contains("balancefactor=\"1.50\""), saved.constData());
    QVERIFY2(saved.contains("tablesize=\"1009\""), saved.constData());
    QCOMPARE(ConfigReader::readData(saved, u"t.xml"_s).config, edited);
}

void tst_MaglevConfig::validatorChecksModels()
{
    const LoadResult read = ConfigReader::readData(configText("scheduler=\"maglev\""), u"t.xml"_s);
    QVERIFY(read.ok());
    Config config = read.config;
    config.services[0].groups[0].pos = {};
    QVERIFY(errorsOf(validateConfig(config)).isEmpty());

    config.services[0].groups[0].maglevTableSize = 1000;
    config.services[0].groups[0].balanceFactor = 0.5;
    const QStringList errors = errorsOf(validateConfig(config));
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors.at(0).contains(u"tablesize"_s) && errors.at(0).contains(u"1000 is not a prime"_s),
        qPrintable(errors.at(0)));
    QVERIFY2(errors.at(1).contains(u"balancefactor"_s) && errors.at(1).contains(u"0.5 is too small"_s),
        qPrintable(errors.at(1)));

    // A prime that is small for the host count is allowed, with a warning.
    config.services[0].groups[0].maglevTableSize = 251;
    config.services[0].groups[0].balanceFactor = 0;
    for (int i = 0; i < 3; ++i) {
        HostConfig host;
        host.name = u"h%1"_s.arg(i);
        host.address = u"127.0.0.1:%1"_s.arg(9100 + i);
        config.services[0].groups[0].hosts.append(host);
    }
    const QList<Diagnostic> diagnostics = validateConfig(config);
    QVERIFY(errorsOf(diagnostics).isEmpty());
    QCOMPARE(warningsOf(diagnostics).size(), 1);
    QVERIFY2(warningsOf(diagnostics).at(0).contains(u"choose a prime of at least 503"_s),
        qPrintable(warningsOf(diagnostics).at(0)));
}

void tst_MaglevConfig::diffNamesTheOptions()
{
    const LoadResult read = ConfigReader::readData(configText("scheduler=\"maglev\""), u"t.xml"_s);
    QVERIFY(read.ok());
    Config next = read.config;
    next.services[0].groups[0].maglevTableSize = 1009;
    QList<ConfigChange> changes = diffConfigs(read.config, next);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).kind, ConfigChange::Kind::SchedulerChanged);
    QCOMPARE(changes.at(0).fields, QStringList{u"tablesize"_s});
    QCOMPARE(changes.at(0).before, u"65537"_s);
    QCOMPARE(changes.at(0).after, u"1009"_s);

    next.services[0].groups[0].balanceFactor = 1.25;
    changes = diffConfigs(read.config, next);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).fields, (QStringList{u"tablesize"_s, u"balancefactor"_s}));
    QCOMPARE(changes.at(0).after, u"tablesize 1009, balancefactor 1.25"_s);
}

void tst_MaglevConfig::liveChangeThroughOperations()
{
    LoadResult read = ConfigReader::readData(configText("scheduler=\"maglev\""), u"t.xml"_s);
    QVERIFY(read.ok());
    read.config.services[0].groups[0].health = HealthConfig();
    read.config.services[0].groups[0].health->active = false;
    Engine engine;
    QVERIFY(engine.apply(read.config).ok);
    const auto groupStats = [&engine]() {
        return engine.snapshot().services.at(0).groups.at(0);
    };
    QCOMPARE(groupStats().tableSize, 65537);
    QCOMPARE(groupStats().balanceFactor, 0.0);

    Operations ops(engine);
    Operations::SchedulingEdit edit;
    edit.tableSize = 1009;
    edit.balanceFactor = 1.5;
    const OpResult result = ops.editScheduling(u"web"_s, u"main"_s, edit);
    QVERIFY2(result.ok, qPrintable(result.errorString()));
    QCOMPARE(engine.runningConfig().services.at(0).groups.at(0).maglevTableSize, 1009);
    // The running group has the new table.
    QCOMPARE(groupStats().tableSize, 1009);
    QCOMPARE(groupStats().balanceFactor, 1.5);
    const QJsonObject json = statsToJson(engine.snapshot());
    const QJsonObject group
        = json.value(u"services"_s).toArray().at(0).toObject().value(u"groups"_s).toArray().at(0).toObject();
    QCOMPARE(group.value(u"tableSize"_s).toInt(), 1009);
    QCOMPARE(group.value(u"balanceFactor"_s).toDouble(), 1.5);

    Operations::SchedulingEdit bad;
    bad.tableSize = 1000;
    const OpResult refused = ops.editScheduling(u"web"_s, u"main"_s, bad);
    QCOMPARE(refused.failure, OpResult::Failure::BadInput);
    QVERIFY(refused.errors.at(0).toString().contains(u"1000 is not a prime"_s));
    QCOMPARE(engine.runningConfig().services.at(0).groups.at(0).maglevTableSize, 1009);
    Operations::SchedulingEdit badFactor;
    badFactor.balanceFactor = 1.0;
    QCOMPARE(ops.editScheduling(u"web"_s, u"main"_s, badFactor).failure, OpResult::Failure::BadInput);
    QCOMPARE(ops.editScheduling(u"web"_s, u"main"_s, {}).failure, OpResult::Failure::BadInput);
    QCOMPARE(ops.editScheduling(u"web"_s, u"nope"_s, edit).failure, OpResult::Failure::NotFound);
}

void tst_MaglevConfig::adminApi()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray path = "/api/v1/services/web/groups/prod/scheduler";

    HttpTestResponse response = bed.request(
        "PUT", path, AdminTestBed::Admin, R"({"scheduler":"maglev","tablesize":1009,"balancefactor":1.25})");
    QCOMPARE(response.status, 200);
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(u"prod")->scheduler, u"maglev"_s);
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(u"prod")->maglevTableSize, 1009);
    QJsonObject group = groupJson(bed, u"prod"_s);
    QCOMPARE(group.value(u"scheduler"_s).toString(), u"maglev"_s);
    QCOMPARE(group.value(u"tableSize"_s).toInt(), 1009);
    QCOMPARE(group.value(u"balanceFactor"_s).toDouble(), 1.25);

    // The options alone.
    response = bed.request("PUT", path, AdminTestBed::Admin, R"({"balancefactor":2})");
    QCOMPARE(response.status, 200);
    QCOMPARE(groupJson(bed, u"prod"_s).value(u"balanceFactor"_s).toDouble(), 2.0);

    response = bed.request("PUT", path, AdminTestBed::Admin, R"({"tablesize":1000})");
    QCOMPARE(response.status, 400);
    QVERIFY2(response.body.contains("1000 is not a prime"), response.body.constData());
    response = bed.request("PUT", path, AdminTestBed::Admin, R"({"tablesize":1009.5})");
    QCOMPARE(response.status, 400);
    QVERIFY2(response.body.contains("tablesize"), response.body.constData());
    response = bed.request("PUT", path, AdminTestBed::Admin, R"({"balancefactor":"high"})");
    QCOMPARE(response.status, 400);
    QVERIFY2(response.body.contains("balancefactor"), response.body.constData());
    response = bed.request("PUT", path, AdminTestBed::Viewer, R"({"tablesize":1013})");
    QCOMPARE(response.status, 403);
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(u"prod")->maglevTableSize, 1009);

    // The legacy command takes the name from the same registry.
    QCOMPARE(bed.post("/changeScheduler?service=web&group=prod&scheduler=roundrobin").status, 200);
    QCOMPARE(bed.post("/changeScheduler?service=web&group=prod&scheduler=maglev").status, 200);
    QCOMPARE(bed.engine().runningConfig().service(u"web")->group(u"prod")->scheduler, u"maglev"_s);
}

QTEST_GUILESS_MAIN(tst_MaglevConfig)
#include "tst_maglevconfig.moc"
