// Optimistic concurrency on /api/v1/config: GET answers an ETag (a hash of
// the running config's canonical XML), a dry-run PUT answers the tag its
// changes were computed against, and a PUT with If-Match applies only while
// the running config still has that tag; otherwise 412 with a clear
// message, and nothing changes.

#include "admintestbed.h"
#include "config/configdocument.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// The running config with host "a" of group "prod" at `weight`.
QByteArray withWeight(const Config &running, int weight)
{
    Config config = running;
    for (ServiceConfig &service : config.services) {
        for (GroupConfig &group : service.groups) {
            for (HostConfig &host : group.hosts) {
                if (group.name == u"prod" && host.name == u"a")
                    host.weight = weight;
            }
        }
    }
    return ConfigDocument::serialize(config);
}

int weightOfA(const Config &config)
{
    for (const ServiceConfig &service : config.services) {
        for (const GroupConfig &group : service.groups) {
            for (const HostConfig &host : group.hosts) {
                if (group.name == u"prod" && host.name == u"a")
                    return host.weight;
            }
        }
    }
    return -1;
}

}  // namespace

class tst_ConfigEtag final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getAnswersStableEtag();
    void ifMatchApplies();
    void staleIfMatchConflicts();
    void ifMatchForms_data();
    void ifMatchForms();
};

void tst_ConfigEtag::getAnswersStableEtag()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse first = bed.get("/api/v1/config");
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("etag");
    QVERIFY2(etag.size() > 2 && etag.startsWith('"') && etag.endsWith('"'), etag.constData());
    QCOMPARE(bed.get("/api/v1/config").header("etag"), etag);
    // A reader sees the config without passwords, but the same version.
    QCOMPARE(bed.get("/api/v1/config", AdminTestBed::Viewer).header("etag"), etag);
    // A dry run names the version its changes were computed against.
    const HttpTestResponse dry = bed.request(
        "PUT", "/api/v1/config?dryrun=1", AdminTestBed::Admin, withWeight(bed.engine().runningConfig(), 5));
    QCOMPARE(dry.status, 200);
    QCOMPARE(dry.header("etag"), etag);
}

void tst_ConfigEtag::ifMatchApplies()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray etag = bed.get("/api/v1/config").header("etag");
    const HttpTestResponse put = bed.request("PUT", "/api/v1/config", AdminTestBed::Admin,
        withWeight(bed.engine().runningConfig(), 5), {{"If-Match", etag}});
    QCOMPARE(put.status, 200);
    QCOMPARE(weightOfA(bed.engine().runningConfig()), 5);
    // The answer names the new version, the one GET now reports.
    const QByteArray next = put.header("etag");
    QVERIFY(!next.isEmpty());
    QVERIFY(next != etag);
    QCOMPARE(bed.get("/api/v1/config").header("etag"), next);
}

void tst_ConfigEtag::staleIfMatchConflicts()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray etag = bed.get("/api/v1/config").header("etag");
    // Someone else applies first: the running config moves on.
    QCOMPARE(
        bed.request("PUT", "/api/v1/config", AdminTestBed::Admin, withWeight(bed.engine().runningConfig(), 3))
            .status,
        200);
    const QByteArray moved = bed.get("/api/v1/config").header("etag");
    QVERIFY(moved != etag);

    const HttpTestResponse put = bed.request("PUT", "/api/v1/config", AdminTestBed::Admin,
        withWeight(bed.engine().runningConfig(), 9), {{"If-Match", etag}});
    QCOMPARE(put.status, 412);
    const QJsonObject object = QJsonDocument::fromJson(put.body).object();
    QCOMPARE(object.value(u"ok"_s).toBool(true), false);
    const QString message = object.value(u"error"_s).toString();
    QVERIFY2(message.contains(u"moved on"_s) && message.contains(QString::fromLatin1(etag))
            && message.contains(QString::fromLatin1(moved)),
        qPrintable(message));
    QCOMPARE(put.header("etag"), moved);
    QCOMPARE(weightOfA(bed.engine().runningConfig()), 3);
    // A dry run with a stale tag is refused as well: its diff would be stale.
    QCOMPARE(bed.request("PUT", "/api/v1/config?dryrun=1", AdminTestBed::Admin,
                    withWeight(bed.engine().runningConfig(), 9), {{"If-Match", etag}})
                 .status,
        412);
}

void tst_ConfigEtag::ifMatchForms_data()
{
    QTest::addColumn<QByteArray>("ifMatch");
    QTest::addColumn<int>("status");
    QTest::newRow("star") << QByteArray("*") << 200;
    QTest::newRow("current") << QByteArray("CURRENT") << 200;
    QTest::newRow("weak current") << QByteArray("W/CURRENT") << 412;  // If-Match compares strongly
    QTest::newRow("list with current") << QByteArray("\"0000\", CURRENT") << 200;
    QTest::newRow("other") << QByteArray("\"0123456789abcdef\"") << 412;
    QTest::newRow("unquoted") << QByteArray("junk") << 412;
}

void tst_ConfigEtag::ifMatchForms()
{
    QFETCH(QByteArray, ifMatch);
    QFETCH(int, status);
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const QByteArray etag = bed.get("/api/v1/config").header("etag");
    ifMatch.replace("CURRENT", etag);
    const HttpTestResponse put = bed.request("PUT", "/api/v1/config", AdminTestBed::Admin,
        withWeight(bed.engine().runningConfig(), 4), {{"If-Match", ifMatch}});
    QCOMPARE(put.status, status);
    QCOMPARE(weightOfA(bed.engine().runningConfig()), status == 200 ? 4 : 1);
}

QTEST_MAIN(tst_ConfigEtag)
#include "tst_configetag.moc"
