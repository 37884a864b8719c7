// /metrics in the Prometheus text format, read back by a strict parser (which
// is tested first, so that a lenient parser cannot hide a bad exposition),
// and its access rule: authentication unless <admin metricspublic="yes">.

#include "admin/adminformats.h"
#include "admintestbed.h"
#include "prometheustext.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <cmath>
#include <numeric>

using namespace Balancier;

namespace {

using Labels = PrometheusText::Labels;

Labels hostLabels(const QString &group, const QString &host)
{
    return {{"service", QStringLiteral("web")}, {"group", group}, {"host", host}};
}

}  // namespace

class tst_AdminMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parserAccepts_data();
    void parserAccepts();
    void parserRejects_data();
    void parserRejects();
    void exposition();
    void everyHostAndService();
    void valuesFollowState();
    void countsTraffic();
    void labelEscaping();
    void needsAuthentication();
    void publicWhenConfigured();
};

void tst_AdminMetrics::parserAccepts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("samples");
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("gauge") << QByteArray("# HELP g A gauge.\n# TYPE g gauge\ng 1\n") << 1;
    QTest::newRow("labels") << QByteArray("# TYPE c counter\nc{a=\"x\",b=\"y\"} 2\nc{a=\"z\"} 3\n") << 2;
    QTest::newRow("trailing comma") << QByteArray("# TYPE c counter\nc{a=\"x\",} 2\n") << 1;
    QTest::newRow("escapes") << QByteArray("# TYPE g gauge\ng{a=\"q\\\"b\\\\n\\n\"} 1\n") << 1;
    QTest::newRow("floats") << QByteArray(
        "# TYPE g gauge\ng{i=\"1\"} -1.5e-3\ng{i=\"2\"} +Inf\ng{i=\"3\"} NaN\n"
        "g{i=\"4\"} -Inf\ng{i=\"5\"} .5\ng{i=\"6\"} 1E10\n")
                            << 6;
    QTest::newRow("timestamp") << QByteArray("# TYPE g gauge\ng 1 1700000000000\n") << 1;
    QTest::newRow("colon name") << QByteArray("# TYPE a:b_c gauge\na:b_c 0\n") << 1;
    QTest::newRow("histogram") << QByteArray(
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\n"
        "h_sum 3\nh_count 2\n") << 4;
    QTest::newRow("other comment") << QByteArray("# just a comment\n# TYPE g gauge\ng 1\n") << 1;
    QTest::newRow("help escapes") << QByteArray("# HELP g back\\\\slash and\\nnewline\n# TYPE g gauge\ng 1\n")
                                  << 1;
    QTest::newRow("family without samples") << QByteArray("# HELP g x\n# TYPE g gauge\n") << 0;
}

void tst_AdminMetrics::parserAccepts()
{
    QFETCH(QByteArray, text);
    QFETCH(int, samples);
    PrometheusText parser;
    QVERIFY2(parser.parse(text), qPrintable(parser.errorString()));
    int count = 0;
    for (const PrometheusText::Family &family : parser.families())
        count += int(family.samples.size());
    QCOMPARE(count, samples);
}

void tst_AdminMetrics::parserRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("no final newline") << QByteArray("# TYPE g gauge\ng 1") << QStringLiteral("newline");
    QTest::newRow("undeclared") << QByteArray("g 1\n") << QStringLiteral("no declared family");
    QTest::newRow("help only") << QByteArray("# HELP g x\ng 1\n") << QStringLiteral("no declared family");
    QTest::newRow("bad name") << QByteArray("# TYPE 1g gauge\n1g 1\n")
                              << QStringLiteral("invalid metric name");
    QTest::newRow("dash in name") << QByteArray("# TYPE g-x gauge\n")
                                  << QStringLiteral("invalid metric name");
    QTest::newRow("unknown type") << QByteArray("# TYPE g meter\ng 1\n") << QStringLiteral("unknown type");
    QTest::newRow("two types") << QByteArray("# TYPE g gauge\n# TYPE g counter\ng 1\n")
                               << QStringLiteral("second TYPE");
    QTest::newRow("type after samples")
        << QByteArray("# TYPE g gauge\ng 1\n# TYPE g gauge\n") << QStringLiteral("after its samples");
    QTest::newRow("bad value") << QByteArray("# TYPE g gauge\ng one\n") << QStringLiteral("invalid value");
    QTest::newRow("hex value") << QByteArray("# TYPE g gauge\ng 0x10\n") << QStringLiteral("invalid value");
    QTest::newRow("no value") << QByteArray("# TYPE g gauge\ng\n")
                              << QStringLiteral("blank before the value");
    QTest::newRow("bad label name") << QByteArray("# TYPE g gauge\ng{1a=\"x\"} 1\n")
                                    << QStringLiteral("invalid label name");
    QTest::newRow("reserved label") << QByteArray("# TYPE g gauge\ng{__name__=\"x\"} 1\n")
                                    << QStringLiteral("reserved");
    QTest::newRow("unquoted label") << QByteArray("# TYPE g gauge\ng{a=x} 1\n")
                                    << QStringLiteral("expected '\"'");
    QTest::newRow("bad escape") << QByteArray("# TYPE g gauge\ng{a=\"\\t\"} 1\n")
                                << QStringLiteral("invalid escape");
    QTest::newRow("unterminated") << QByteArray("# TYPE g gauge\ng{a=\"x} 1\n")
                                  << QStringLiteral("unterminated");
    QTest::newRow("duplicate label") << QByteArray("# TYPE g gauge\ng{a=\"x\",a=\"y\"} 1\n")
                                     << QStringLiteral("duplicate label");
    QTest::newRow("duplicate series")
        << QByteArray("# TYPE g gauge\ng{a=\"x\"} 1\ng{a=\"x\"} 2\n") << QStringLiteral("duplicate series");
    QTest::newRow("interleaved") << QByteArray(
        "# TYPE g gauge\n# TYPE h gauge\ng{a=\"1\"} 1\nh 1\ng{a=\"2\"} 1\n")
                                 << QStringLiteral("not contiguous");
    QTest::newRow("bad timestamp") << QByteArray("# TYPE g gauge\ng 1 soon\n") << QStringLiteral("timestamp");
    QTest::newRow("three fields") << QByteArray("# TYPE g gauge\ng 1 2 3\n") << QStringLiteral("timestamp");
    QTest::newRow("CRLF") << QByteArray("# TYPE g gauge\r\ng 1\r\n") << QStringLiteral("carriage return");
    QTest::newRow("bucket of a gauge")
        << QByteArray("# TYPE g gauge\ng_bucket 1\n") << QStringLiteral("no declared family");
    QTest::newRow("help escape") << QByteArray("# HELP g a\\tb\n# TYPE g gauge\n")
                                 << QStringLiteral("invalid escape");
}

void tst_AdminMetrics::parserRejects()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, fragment);
    PrometheusText parser;
    QVERIFY(!parser.parse(text));
    QVERIFY2(parser.errorString().contains(fragment), qPrintable(parser.errorString()));
    QVERIFY2(parser.errorString().startsWith(u"line "), qPrintable(parser.errorString()));
}

void tst_AdminMetrics::exposition()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response = bed.get("/metrics", AdminTestBed::Viewer);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    PrometheusText parser;
    QVERIFY2(parser.parse(response.body),
        qPrintable(parser.errorString() + u'\n' + QString::fromUtf8(response.body)));
    // The documented families, with their types; every one has help text.
    const QList<QPair<QByteArray, QByteArray>> expected = {
        {"balancier_active_connections", "gauge"},
        {"balancier_poller_info", "gauge"},
        {"balancier_service_active_connections", "gauge"},
        {"balancier_service_connections_total", "counter"},
        {"balancier_service_all_hosts_down", "gauge"},
        {"balancier_refused_total", "counter"},
        {"balancier_dryrun_refusals_total", "counter"},
        {"balancier_host_active_connections", "gauge"},
        {"balancier_host_connections_total", "counter"},
        {"balancier_host_failed_connects_total", "counter"},
        {"balancier_host_received_bytes_total", "counter"},
        {"balancier_host_sent_bytes_total", "counter"},
        {"balancier_host_up", "gauge"},
        {"balancier_host_weight", "gauge"},
        {"balancier_group_backup_active", "gauge"},
        {"balancier_host_effective_weight", "gauge"},
        {"balancier_host_agent_answers_total", "counter"},
        {"balancier_host_agent_failures_total", "counter"},
        {"balancier_ha_role", "gauge"},
        {"balancier_connections_closed_total", "counter"},
        {"balancier_connlog_dropped_total", "counter"},
        {"balancier_worker_connections_total", "counter"},
        {"balancier_worker_open_connections", "gauge"},
        {"balancier_alerts_sent_total", "counter"},
        {"balancier_alerts_dropped_total", "counter"},
        {"balancier_alerts_retries_total", "counter"},
    };
    QCOMPARE(parser.families().size(), expected.size());
    for (const auto &[name, type] : expected) {
        const PrometheusText::Family *family = parser.family(name);
        QVERIFY2(family, name.constData());
        QCOMPARE(family->type, type);
        QVERIFY2(!family->help.isEmpty(), name.constData());
        // Counters end in _total, by convention.
        if (type == "counter")
            QVERIFY2(name.endsWith("_total"), name.constData());
    }
}

void tst_AdminMetrics::everyHostAndService()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    PrometheusText parser;
    QVERIFY2(parser.parse(bed.get("/metrics").body), qPrintable(parser.errorString()));
    QCOMPARE(parser.value("balancier_active_connections"), std::optional<double>(0));
    QCOMPARE(parser.value("balancier_service_active_connections", {{"service", QStringLiteral("web")}}),
        std::optional<double>(0));
    QCOMPARE(parser.value("balancier_service_all_hosts_down", {{"service", QStringLiteral("web")}}),
        std::optional<double>(0));
    for (const auto &[group, host] : {std::pair{QStringLiteral("prod"), QStringLiteral("a")},
             std::pair{QStringLiteral("prod"), QStringLiteral("b")},
             std::pair{QStringLiteral("spare"), QStringLiteral("c")}}) {
        for (const QByteArray name : {"balancier_host_active_connections", "balancier_host_connections_total",
                 "balancier_host_failed_connects_total", "balancier_host_received_bytes_total",
                 "balancier_host_sent_bytes_total"})
            QCOMPARE(parser.value(name, hostLabels(group, host)), std::optional<double>(0));
        QCOMPARE(parser.value("balancier_host_up", hostLabels(group, host)), std::optional<double>(1));
        QCOMPARE(parser.value("balancier_host_weight", hostLabels(group, host)), std::optional<double>(1));
    }
    QCOMPARE(parser.family("balancier_host_up")->samples.size(), 3);
}

void tst_AdminMetrics::valuesFollowState()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QCOMPARE(bed.post("/hostAdminDown?service=web&group=prod&name=a").status, 200);
    QCOMPARE(bed.post("/hostDrain?service=web&group=prod&name=b").status, 200);
    QCOMPARE(
        bed.request("PUT", "/api/v1/services/web/groups/spare/hosts/c", AdminTestBed::Admin, "{\"weight\":7}")
            .status,
        200);
    PrometheusText parser;
    QVERIFY2(parser.parse(bed.get("/metrics").body), qPrintable(parser.errorString()));
    QCOMPARE(parser.value("balancier_host_up", hostLabels(QStringLiteral("prod"), QStringLiteral("a"))),
        std::optional<double>(0));
    QCOMPARE(parser.value("balancier_host_up", hostLabels(QStringLiteral("prod"), QStringLiteral("b"))),
        std::optional<double>(0));
    QCOMPARE(parser.value("balancier_host_weight", hostLabels(QStringLiteral("spare"), QStringLiteral("c"))),
        std::optional<double>(7));
}

void tst_AdminMetrics::countsTraffic()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, bed.engine().listeners().constFirst().port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("hello\n");
    // The stub answers with its name, then echoes.
    QTRY_VERIFY(socket.bytesAvailable() >= 8);
    const QByteArray answer = socket.readAll();
    const QString host = QString::fromUtf8(answer.left(answer.indexOf('\n')));
    QVERIFY2(host == u"a" || host == u"b", answer.constData());
    PrometheusText parser;
    QTRY_VERIFY(parser.parse(bed.get("/metrics").body)
        && parser.value("balancier_host_active_connections", hostLabels(QStringLiteral("prod"), host))
            == 1.0);
    QCOMPARE(parser.value("balancier_host_connections_total", hostLabels(QStringLiteral("prod"), host)),
        std::optional<double>(1));
    QCOMPARE(parser.value("balancier_service_connections_total", {{"service", QStringLiteral("web")}}),
        std::optional<double>(1));
    QVERIFY(*parser.value("balancier_host_sent_bytes_total", hostLabels(QStringLiteral("prod"), host)) >= 6);
    QVERIFY(
        *parser.value("balancier_host_received_bytes_total", hostLabels(QStringLiteral("prod"), host)) >= 2);
    QCOMPARE(*parser.value("balancier_active_connections"), 1.0);
    // One sample per worker thread; the client counts in exactly one.
    const auto perWorker = [&parser](QByteArrayView name) {
        const PrometheusText::Family *family = parser.family(name);
        QList<double> values;
        for (const PrometheusText::Sample &sample :
            family ? family->samples : QList<PrometheusText::Sample>{})
            values.append(sample.value);
        return values;
    };
    const QList<double> accepted = perWorker("balancier_worker_connections_total");
    QVERIFY(!accepted.isEmpty());
    QCOMPARE(std::accumulate(accepted.begin(), accepted.end(), 0.0), 1.0);
    const QList<double> open = perWorker("balancier_worker_open_connections");
    QCOMPARE(std::accumulate(open.begin(), open.end(), 0.0), 1.0);
}

void tst_AdminMetrics::labelEscaping()
{
    // Names come from the config, which allows any text: the exposition must still parse.
    StatsSnapshot snapshot;
    ServiceStats service;
    service.name = QStringLiteral("we\"b\\x\nnew");
    GroupStats group;
    group.name = QStringLiteral("g{1}");
    HostStats host;
    host.name = QStringLiteral("<script>alert(1)</script> ünï");
    host.state = QStringLiteral("up");
    host.weight = 3;
    group.hosts = {host};
    service.groups = {group};
    snapshot.services = {service};
    const QByteArray text = AdminFormats::metrics(snapshot);
    PrometheusText parser;
    QVERIFY2(parser.parse(text), qPrintable(parser.errorString() + u'\n' + QString::fromUtf8(text)));
    QCOMPARE(parser.value("balancier_host_weight",
                 {{"service", service.name}, {"group", group.name}, {"host", host.name}}),
        std::optional<double>(3));
}

void tst_AdminMetrics::needsAuthentication()
{
    AdminTestBed bed;
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    const HttpTestResponse response = bed.get("/metrics", QString());
    QCOMPARE(response.status, 401);
    QVERIFY(!response.body.contains("balancier_"));
}

void tst_AdminMetrics::publicWhenConfigured()
{
    AdminTestBed::Options options;
    options.metricsPublic = true;
    AdminTestBed bed(options);
    QString error;
    QVERIFY2(bed.start(&error), qPrintable(error));
    HttpTestResponse response = bed.get("/metrics", QString());
    QCOMPARE(response.status, 200);
    PrometheusText parser;
    QVERIFY2(parser.parse(response.body), qPrintable(parser.errorString()));
    // Only /metrics: everything else still needs credentials.
    QCOMPARE(bed.get("/running.txt", QString()).status, 401);
    QCOMPARE(bed.get("/api/v1/status", QString()).status, 401);
    // Bad credentials on a public endpoint are not an error worth a brake.
    response = bed.request("GET", "/metrics", QString(), {}, {{"Authorization", "Basic Zm9vOmJhcg=="}});
    QCOMPARE(response.status, 200);
}

QTEST_MAIN(tst_AdminMetrics)
#include "tst_adminmetrics.moc"
