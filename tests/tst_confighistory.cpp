// The config history: every apply through the admin API (and a reload, and
// the startup) is a version with who, when, from where and the structured
// changes; GET /api/v1/config/history lists them newest first, GET
// …/history/{n} shows one with its XML, POST …/history/{n}/rollback applies
// it again as a new version. Bounded at <settings history="N">, kept beside
// the config file by the real balancierd across a restart; a stale If-Match
// answers 412, a bad n 400, an unknown one 404.

#include "admintestbed.h"
#include "config/appliedconfighistory.h"
#include "config/configdocument.h"
#include "config/passwordhash.h"
#include "daemonprocess.h"
#include "httptestclient.h"
#include "stubbackend.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// The running config with host `host` of group "prod" at `weight`.
QByteArray withWeight(const Config &running, int weight, const QString &host = u"a"_s)
{
    Config config = running;
    for (ServiceConfig &service : config.services) {
        if (GroupConfig *group = service.group(u"prod"))
            if (HostConfig *found = group->host(host))
                found->weight = weight;
    }
    return ConfigDocument::serialize(config);
}

int weightOfA(const Config &config)
{
    const GroupConfig *group = config.services.first().group(u"prod");
    return group && group->host(u"a") ? group->host(u"a")->weight : -1;
}

QJsonObject json(const HttpTestResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QList<qint64> versions(const QJsonObject &list)
{
    QList<qint64> result;
    for (const QJsonValue &entry : list.value(u"entries"_s).toArray())
        result.append(entry.toObject().value(u"version"_s).toInteger());
    return result;
}

}  // namespace

class tst_ConfigHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void applyThroughApiIsRecorded();
    void entryHasXmlAndChanges();
    void rollbackIsANewVersion();
    void badVersion_data();
    void badVersion();
    void staleIfMatchIs412();
    void boundedAtLimit();
    void readOnlyUserSeesNoSecrets();
    void storedAtomicallyAndReadBack();
    void survivesDaemonRestart();
};

void tst_ConfigHistory::applyThroughApiIsRecorded()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const qint64 first = bed.engine().history().currentVersion();
    QCOMPARE(first, 1);
    HttpTestResponse put = bed.request(
        "PUT", "/api/v1/config", AdminTestBed::Admin, withWeight(bed.engine().runningConfig(), 5));
    QCOMPARE(put.status, 200);
    QCOMPARE(json(put).value(u"version"_s).toInteger(), 2);
    QCOMPARE(put.header("x-config-version"), QByteArray("2"));
    // The desktop app says who it is.
    put = bed.request("PUT", "/api/v1/config", AdminTestBed::Admin,
        withWeight(bed.engine().runningConfig(), 6), {{"X-Balancier-Client", "gui"}});
    QCOMPARE(put.status, 200);
    // A live operation is an applied config too.
    QCOMPARE(bed.post("/api/v1/services/web/groups/prod/hosts/b/drain").status, 200);
    // A change that changes nothing is no new version.
    QCOMPARE(bed.request("PUT", "/api/v1/config", AdminTestBed::Admin,
                    ConfigDocument::serialize(bed.engine().runningConfig()))
                 .status,
        200);

    const HttpTestResponse list = bed.get("/api/v1/config/history", AdminTestBed::Viewer);
    QCOMPARE(list.status, 200);
    const QJsonObject object = json(list);
    QCOMPARE(versions(object), (QList<qint64>{4, 3, 2, 1}));
    QCOMPARE(object.value(u"current"_s).toInteger(), 4);
    QCOMPARE(object.value(u"limit"_s).toInt(), 50);
    const QJsonArray entries = object.value(u"entries"_s).toArray();
    const QJsonObject drain = entries.at(0).toObject();
    QCOMPARE(drain.value(u"origin"_s).toString(), u"api"_s);
    QCOMPARE(drain.value(u"user"_s).toString(), u"admin"_s);
    QCOMPARE(drain.value(u"peer"_s).toString(), u"127.0.0.1"_s);
    QCOMPARE(entries.at(1).toObject().value(u"origin"_s).toString(), u"gui"_s);
    QCOMPARE(entries.at(2).toObject().value(u"origin"_s).toString(), u"api"_s);
    QCOMPARE(entries.at(2).toObject().value(u"changeCount"_s).toInt(), 1);
    QVERIFY(!entries.at(2).toObject().contains(u"xml"_s));  // the list leaves the configs out
    QVERIFY(QDateTime::fromString(drain.value(u"when"_s).toString(), Qt::ISODateWithMs).isValid());
    // GET /api/v1/config names the version in force.
    QCOMPARE(bed.get("/api/v1/config").header("x-config-version"), QByteArray("4"));
}

void tst_ConfigHistory::entryHasXmlAndChanges()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(
        bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, withWeight(bed.engine().runningConfig(), 7))
            .status,
        200);
    const HttpTestResponse one = bed.get("/api/v1/config/history/2");
    QCOMPARE(one.status, 200);
    const QJsonObject entry = json(one);
    QCOMPARE(entry.value(u"version"_s).toInteger(), 2);
    QCOMPARE(entry.value(u"current"_s).toBool(), true);
    const QJsonArray changes = entry.value(u"changes"_s).toArray();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).toObject().value(u"kind"_s).toString(), u"hostChanged"_s);
    QCOMPARE(changes.at(0).toObject().value(u"after"_s).toString(), u"7"_s);
    const QString xml = entry.value(u"xml"_s).toString();
    QVERIFY2(xml.contains(u"weight=\"7\""_s), qPrintable(xml));
}

void tst_ConfigHistory::rollbackIsANewVersion()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(
        bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, withWeight(bed.engine().runningConfig(), 3))
            .status,
        200);
    QCOMPARE(
        bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, withWeight(bed.engine().runningConfig(), 9))
            .status,
        200);
    QCOMPARE(weightOfA(bed.engine().runningConfig()), 9);
    const HttpTestResponse rollback = bed.post("/api/v1/config/history/2/rollback");
    QCOMPARE(rollback.status, 200);
    QCOMPARE(json(rollback).value(u"version"_s).toInteger(), 4);
    QCOMPARE(json(rollback).value(u"changes"_s).toArray().size(), 1);
    QCOMPARE(weightOfA(bed.engine().runningConfig()), 3);
    const QJsonObject latest
        = json(bed.get("/api/v1/config/history")).value(u"entries"_s).toArray().at(0).toObject();
    QCOMPARE(latest.value(u"origin"_s).toString(), u"rollback"_s);
    QCOMPARE(latest.value(u"rollbackOf"_s).toInteger(), 2);
    QCOMPARE(latest.value(u"user"_s).toString(), u"admin"_s);
    // A read-only user may not roll back.
    QCOMPARE(bed.post("/api/v1/config/history/1/rollback", AdminTestBed::Viewer).status, 403);
}

void tst_ConfigHistory::badVersion_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("get word") << QByteArray("GET") << QByteArray("/api/v1/config/history/abc") << 400;
    QTest::newRow("get zero") << QByteArray("GET") << QByteArray("/api/v1/config/history/0") << 400;
    QTest::newRow("get negative") << QByteArray("GET") << QByteArray("/api/v1/config/history/-1") << 400;
    QTest::newRow("get plus") << QByteArray("GET") << QByteArray("/api/v1/config/history/+1") << 400;
    QTest::newRow("get unknown") << QByteArray("GET") << QByteArray("/api/v1/config/history/999") << 404;
    QTest::newRow("rollback word") << QByteArray("POST") << QByteArray("/api/v1/config/history/x/rollback")
                                   << 400;
    QTest::newRow("rollback unknown")
        << QByteArray("POST") << QByteArray("/api/v1/config/history/999/rollback") << 404;
}

void tst_ConfigHistory::badVersion()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response = bed.request(method, path);
    QCOMPARE(response.status, status);
    const QString message = json(response).value(u"error"_s).toString();
    QVERIFY2(message.contains(status == 400 ? u"parameter 'n'"_s : u"no version"_s), qPrintable(message));
    QCOMPARE(bed.engine().history().currentVersion(), 1);
}

void tst_ConfigHistory::staleIfMatchIs412()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray etag = bed.get("/api/v1/config").header("etag");
    QCOMPARE(
        bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, withWeight(bed.engine().runningConfig(), 2))
            .status,
        200);
    QCOMPARE(bed.request("PUT", "/api/v1/config", AdminTestBed::Admin,
                    withWeight(bed.engine().runningConfig(), 8), {{"If-Match", etag}})
                 .status,
        412);
    QCOMPARE(bed.request("POST", "/api/v1/config/history/1/rollback", AdminTestBed::Admin, {},
                    {{"If-Match", etag}})
                 .status,
        412);
    QCOMPARE(bed.engine().history().currentVersion(), 2);
    QCOMPARE(weightOfA(bed.engine().runningConfig()), 2);
}

void tst_ConfigHistory::boundedAtLimit()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    Config config = bed.engine().runningConfig();
    config.settings.history = 3;
    QCOMPARE(
        bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, ConfigDocument::serialize(config)).status,
        200);
    for (int weight = 2; weight <= 6; ++weight) {
        QCOMPARE(bed.request("PUT", "/api/v1/config", AdminTestBed::Admin,
                        withWeight(bed.engine().runningConfig(), weight))
                     .status,
            200);
    }
    const QJsonObject list = json(bed.get("/api/v1/config/history"));
    QCOMPARE(versions(list), (QList<qint64>{7, 6, 5}));
    QCOMPARE(list.value(u"limit"_s).toInt(), 3);
    QCOMPARE(bed.get("/api/v1/config/history/4").status, 404);
}

void tst_ConfigHistory::readOnlyUserSeesNoSecrets()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    Config config = bed.engine().runningConfig();
    AlertConfig alert;
    alert.url = u"https://hooks.example.org/services/T/B/SECRET"_s;
    alert.events = AlertConfig::Cert;
    config.alerts.append(alert);
    QCOMPARE(
        bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, ConfigDocument::serialize(config)).status,
        200);
    const QString admins = json(bed.get("/api/v1/config/history/2")).value(u"xml"_s).toString();
    QVERIFY(admins.contains(u"SECRET"_s));
    QVERIFY(admins.contains(u"pbkdf2"_s));
    const QString viewers
        = json(bed.get("/api/v1/config/history/2", AdminTestBed::Viewer)).value(u"xml"_s).toString();
    QVERIFY2(!viewers.contains(u"SECRET"_s) && !viewers.contains(u"pbkdf2"_s), qPrintable(viewers));
    QVERIFY(viewers.contains(u"https://hooks.example.org/(hidden)"_s));
}

void tst_ConfigHistory::storedAtomicallyAndReadBack()
{
    QTemporaryDir dir;
    const QString directory = dir.filePath(u"balancier.xml.history"_s);
    Config config;
    config.settings.history = 2;
    {
        AppliedConfigHistory history;
        QVERIFY(history.setStorage(directory));
        ConfigOrigin origin;
        origin.kind = u"startup"_s;
        const AppliedConfigHistory::OriginScope scope(history, origin);
        for (int i = 1; i <= 3; ++i) {
            config.settings.workers = i;
            QCOMPARE(history.record(config, {}), i);
        }
        QCOMPARE(history.record(config, {}), 3);  // the same config again: no new version
    }
    QCOMPARE(QDir(directory).entryList(QDir::Files).size(), 3);  // the limit is the history's, default 50
    AppliedConfigHistory again;
    again.setLimit(2);
    QVERIFY(again.setStorage(directory));
    QCOMPARE(QDir(directory).entryList(QDir::Files).size(), 2);
    QCOMPARE(again.currentVersion(), 3);
    QCOMPARE(again.entries().size(), 2);
    QCOMPARE(again.entries().first().origin.kind, u"startup"_s);
    QCOMPARE(again.latestConfig()->settings.workers, 3);
#ifdef Q_OS_UNIX
    QCOMPARE(QFile::permissions(QDir(directory).filePath(QDir(directory).entryList(QDir::Files).first()))
            & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
        QFileDevice::Permissions());
#endif
    config.settings.workers = 4;
    QCOMPARE(again.record(config, {}), 4);
    QCOMPARE(again.entries().size(), 2);
}

void tst_ConfigHistory::survivesDaemonRestart()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGHUP");
#endif
    StubBackend a(u"A"_s);
    QVERIFY(a.listen());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"balancier.xml"_s);
    const QString hash = PasswordHash::create(u"pw"_s, 1000);
    const auto write = [&](int weight) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(
            u"<balancier version=\"1\">\n"
            "  <health active=\"no\"/>\n"
            "  <admin listen=\"127.0.0.1:0\"><user name=\"ops\" password=\"%1\" access=\"full\"/></admin>\n"
            "  <service name=\"web\"><listen ip=\"127.0.0.1:0\"/>\n"
            "    <group name=\"prod\"><host name=\"a\" ip=\"%2\" weight=\"%3\"/></group></service>\n"
            "</balancier>\n"_s.arg(hash, a.address())
                .arg(weight)
                .toUtf8());
    };
    write(1);
    quint16 port = 0;
    {
        DaemonProcess daemon(QStringLiteral(BALANCIERD_PATH));
        daemon.start({u"--config"_s, path});
        const QRegularExpressionMatch admin
            = daemon.waitForOutput(u"^admin API: http://127\\.0\\.0\\.1:(\\d+)$"_s);
        QVERIFY2(admin.hasMatch(), qPrintable(daemon.output()));
        port = quint16(admin.captured(1).toUInt());
        HttpTestClient client(port);
        HttpTestResponse list = client.request("GET", "/api/v1/config/history", u"ops"_s, u"pw"_s);
        QCOMPARE(list.status, 200);
        QCOMPARE(versions(json(list)), QList<qint64>{1});
        QCOMPARE(json(list).value(u"entries"_s).toArray().at(0).toObject().value(u"origin"_s).toString(),
            u"startup"_s);
        QVERIFY(json(list).value(u"stored"_s).toBool());
        QCOMPARE(client.request("POST", "/api/v1/services/web/groups/prod/hosts/a/drain", u"ops"_s, u"pw"_s)
                     .status,
            200);
        // The file changes behind the daemon's back, then a reload.
        write(4);
        QVERIFY(daemon.signal(SIGHUP));
        QVERIFY(daemon.waitForOutput(u"reload: done"_s).hasMatch());
        list = client.request("GET", "/api/v1/config/history", u"ops"_s, u"pw"_s);
        QCOMPARE(versions(json(list)), (QList<qint64>{3, 2, 1}));
        QCOMPARE(json(list).value(u"entries"_s).toArray().at(0).toObject().value(u"origin"_s).toString(),
            u"sighup"_s);
        QVERIFY(daemon.signal(SIGTERM));
        QVERIFY(daemon.waitForExit(15000));
    }
    QVERIFY(QDir(path + u".history"_s).exists());
    write(5);  // edited while the daemon was stopped
    DaemonProcess daemon(QStringLiteral(BALANCIERD_PATH));
    daemon.start({u"--config"_s, path});
    const QRegularExpressionMatch admin
        = daemon.waitForOutput(u"^admin API: http://127\\.0\\.0\\.1:(\\d+)$"_s);
    QVERIFY2(admin.hasMatch(), qPrintable(daemon.output()));
    HttpTestClient client(quint16(admin.captured(1).toUInt()));
    const HttpTestResponse list = client.request("GET", "/api/v1/config/history", u"ops"_s, u"pw"_s);
    QCOMPARE(versions(json(list)), (QList<qint64>{4, 3, 2, 1}));
    const QJsonObject restarted = json(list).value(u"entries"_s).toArray().at(0).toObject();
    QCOMPARE(restarted.value(u"origin"_s).toString(), u"startup"_s);
    // The changes since the last version recorded: weight 4 -> 5 (and the
    // drain, kept across the reload, is not kept across the restart).
    const HttpTestResponse entry = client.request("GET", "/api/v1/config/history/4", u"ops"_s, u"pw"_s);
    const QJsonArray changes = json(entry).value(u"changes"_s).toArray();
    QCOMPARE(changes.size(), 1);
    const QJsonObject change = changes.at(0).toObject();
    QCOMPARE(change.value(u"kind"_s).toString(), u"hostChanged"_s);
    QVERIFY2(change.value(u"fields"_s).toArray().contains(u"weight"_s)
            && change.value(u"after"_s).toString().contains(u"weight 5"_s),
        qPrintable(QString::fromUtf8(QJsonDocument(change).toJson())));
    // And the entry of before the restart can be rolled back to.
    QCOMPARE(client.request("POST", "/api/v1/config/history/3/rollback", u"ops"_s, u"pw"_s).status, 200);
    QCOMPARE(versions(json(client.request("GET", "/api/v1/config/history", u"ops"_s, u"pw"_s))).first(), 5);
}

QTEST_GUILESS_MAIN(tst_ConfigHistory)
#include "tst_confighistory.moc"
