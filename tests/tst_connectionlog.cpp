// The connection log over real sockets: one record for every termination
// code a test can provoke, in both formats, with its fields checked; syslog
// to a socket of the test's own; drops counted when the queue is full.

#include "blackholelistener.h"
#include "config/configdiff.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "engine.h"
#include "net/connectionlog.h"
#include "ops/operations.h"
#include "proxyconfig.h"
#include "stubbackend.h"
#include "testconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifndef _WIN32
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

using Record = QHash<QString, QString>;

/// Collects the balancier.connlog messages (to="log") from every thread.
class LogCapture final
{
public:
    LogCapture()
    {
        s_instance = this;
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_instance = nullptr;
    }
    QStringList lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (s_instance && context.category && qstrcmp(context.category, "balancier.connlog") == 0) {
            QMutexLocker lock(&s_instance->m_mutex);
            s_instance->m_lines.append(message);
            return;
        }
        if (s_instance && s_instance->m_previous)
            s_instance->m_previous(type, context, message);
    }

    static inline LogCapture *s_instance = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_lines;
};

/// key=value pairs of a text record; values may be in double quotes.
Record parseText(const QString &line)
{
    Record record;
    qsizetype i = line.indexOf(u' ');
    while (i >= 0 && i < line.size()) {
        while (i < line.size() && line.at(i) == u' ')
            ++i;
        const qsizetype equals = line.indexOf(u'=', i);
        if (equals < 0)
            break;
        const QString key = line.mid(i, equals - i);
        QString value;
        i = equals + 1;
        if (i < line.size() && line.at(i) == u'"') {
            for (++i; i < line.size() && line.at(i) != u'"'; ++i) {
                if (line.at(i) == u'\\')
                    ++i;
                value += line.at(i);
            }
            ++i;
        } else {
            const qsizetype end = line.indexOf(u' ', i);
            value = line.mid(i, end < 0 ? -1 : end - i);
            i = end < 0 ? line.size() : end;
        }
        record.insert(key, value);
    }
    return record;
}

/// A JSON record in the text record's words, so that one check reads both.
Record parseJson(const QString &line)
{
    const QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
    Record record;
    for (const char *key : {"event", "id", "service", "group", "client", "local", "termination"})
        record.insert(QLatin1StringView(key), object.value(QLatin1StringView(key)).toString());
    record.insert(u"backend"_s,
        object.value("backend"_L1).toString().isEmpty() ? u"-"_s : object.value("backend"_L1).toString());
    record.insert(u"bytes_in"_s, QString::number(object.value("bytesIn"_L1).toInteger()));
    record.insert(u"bytes_out"_s, QString::number(object.value("bytesOut"_L1).toInteger()));
    record.insert(u"connect_ms"_s, QString::number(object.value("connectMs"_L1).toInteger()));
    record.insert(u"reason"_s, object.value("reason"_L1).toObject().value("code"_L1).toString());
    QStringList attempts;
    for (const QJsonValue &attempt : object.value("attempts"_L1).toArray()) {
        attempts.append(attempt.toObject().value("backend"_L1).toString() + u':'
            + attempt.toObject().value("result"_L1).toString());
    }
    record.insert(u"attempts"_s, attempts.isEmpty() ? u"-"_s : attempts.join(u','));
    return record;
}

Record parse(const QString &line)
{
    return line.startsWith(u'{') ? parseJson(line) : parseText(line);
}

/// The first record of `event` in what `capture` holds, or empty.
Record findRecord(const LogCapture &capture, const QString &event = u"close"_s)
{
    for (const QString &line : capture.lines()) {
        const Record record = parse(line);
        if (record.value(u"event"_s) == event)
            return record;
    }
    return {};
}

QString localEndpoint(const TestConnection &connection)
{
    QHostAddress address;
    quint16 port = 0;
    SocketOps::localAddress(connection.socket(), &address, &port);
    return u"%1:%2"_s.arg(address.toString()).arg(port);
}

}  // namespace

class TestConnectionLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void terminations_data();
    void terminations();
    void connectAndInterimRecords();
    void syslogDatagrams();
    void dropsWhenFull();
    void recordFormats();
    void configReadWriteDiff();
    void configErrors_data();
    void configErrors();
};

void TestConnectionLog::terminations_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("termination");
    const QList<QPair<const char *, const char *>> scenarios = {
        {"client-close", "client-close"},
        {"client-reset", "client-reset"},
        {"backend-close", "backend-close"},
        {"backend-reset", "backend-reset"},
        {"idle-timeout", "idle-timeout"},
        {"connect-timeout", "connect-timeout"},
        {"connect-refused", "connect-refused"},
        {"failover", "client-close"},
        {"no-backend", "no-backend"},
        {"no-hosts", "no-backend"},  // closed by the acceptor: no session at all
        {"drain-deadline", "drain-deadline"},
        {"admin-close", "admin-close"},
        {"shutdown", "shutdown"},
    };
    for (const char *format : {"text", "json"}) {
        for (const auto &[scenario, termination] : scenarios) {
            QTest::addRow("%s %s", format, scenario)
                << QString::fromLatin1(format) << QString::fromLatin1(scenario)
                << QString::fromLatin1(termination);
        }
    }
}

void TestConnectionLog::terminations()
{
    QFETCH(QString, format);
    QFETCH(QString, scenario);
    QFETCH(QString, termination);

    LogCapture capture;
    const bool closing = scenario == u"backend-close";
    StubBackend backend(u"b1"_s, closing ? StubBackend::Mode::NameAndClose : StubBackend::Mode::NameThenEcho);
    QVERIFY(backend.listen());
    BlackholeListener blackhole;
    HostConfig host = ProxyConfig::host(u"b1"_s, backend.address());
    QList<HostConfig> hosts{host};
    QString expectedAttempts = u"-"_s;
    QString expectedBackend = u"b1"_s;
    if (scenario == u"connect-timeout") {
        QVERIFY(blackhole.open());
        hosts = {ProxyConfig::host(u"hole"_s, blackhole.address())};
        expectedAttempts = u"hole:timeout"_s;
        expectedBackend = u"-"_s;
    } else if (scenario == u"connect-refused") {
        hosts = {ProxyConfig::host(u"dead"_s, ProxyConfig::loopback(ProxyConfig::unusedPort()))};
        expectedAttempts = u"dead:refused"_s;
        expectedBackend = u"-"_s;
    } else if (scenario == u"failover") {
        // Round robin starts at the first host: the dead one, then b1.
        hosts = {ProxyConfig::host(u"dead"_s, ProxyConfig::loopback(ProxyConfig::unusedPort())), host};
        expectedAttempts = u"dead:refused"_s;
    } else if (scenario == u"no-backend") {
        hosts.first().adminState = HostAdminState::Maintenance;
        expectedBackend = u"-"_s;
    } else if (scenario == u"no-hosts") {
        hosts.clear();
        expectedBackend = u"-"_s;
    }
    Config config = ProxyConfig::make(hosts);
    config.logging.connections = true;
    config.logging.format = format;
    config.timeouts.connectMs = 300;
    if (scenario == u"idle-timeout")
        config.timeouts.idleMs = 1000;
    config.settings.drainTimeoutMs = 300;
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port != 0);

    const std::unique_ptr<TestConnection> client = TestConnection::open(port);
    QTRY_VERIFY(client->isConnected() || client->isClosed());
    const QString clientAddress = localEndpoint(*client);
    qint64 sent = 0;
    qint64 got = 0;
    const bool connects = expectedBackend != u"-";
    if (connects) {
        QCOMPARE(client->waitForLine(), u"b1"_s);
        if (!closing) {
            QVERIFY(client->roundTrip("hello"));
            sent = 5;
        }
    }

    if (scenario == u"client-close" || scenario == u"failover") {
        client->finish();
        QVERIFY(client->waitForEnd());
    } else if (scenario == u"client-reset") {
        client->abort();
    } else if (scenario == u"backend-close") {
        QVERIFY(client->waitForEnd());  // the backend's end of stream came through
        client->write("bye");
        sent = 3;
        client->finish();
    } else if (scenario == u"backend-reset") {
        QTRY_COMPARE(backend.openConnections(), 1);
        backend.abortConnections();
        QVERIFY(client->waitForEnd());
    } else if (scenario == u"idle-timeout" || scenario.startsWith(u"connect")
        || scenario.startsWith(u"no-")) {
        QVERIFY(client->waitForEnd(5000));
    } else if (scenario == u"drain-deadline") {
        Operations operations(engine);
        QVERIFY(operations.setHostAdminState(u"svc"_s, u"g"_s, u"b1"_s, HostAdminState::Drain).ok);
        QVERIFY(client->waitForEnd(5000));
    } else if (scenario == u"admin-close") {
        Operations operations(engine);
        ConnectionPage page;
        bool listed = false;
        operations.listConnections({}, &engine, [&](const ConnectionPage &answer) {
            page = answer;
            listed = true;
        });
        QTRY_VERIFY(listed);
        QCOMPARE(page.total, 1);
        bool closed = false;
        operations.closeConnection(
            page.rows.first().id, &engine, [&](const OpResult &result) { closed = result.ok; });
        QTRY_VERIFY(closed);
        QVERIFY(client->waitForEnd());
    } else if (scenario == u"shutdown") {
        engine.shutdown(0);
        QVERIFY(client->waitForEnd());
    }
    if (connects)
        got = client->receivedCount();

    Record record;
    QTRY_VERIFY_WITH_TIMEOUT(!(record = findRecord(capture)).isEmpty(), 5000);
    QCOMPARE(record.value(u"termination"_s), termination);
    QVERIFY(record.value(u"id"_s).toULongLong() > (quint64(1) << 48));
    QCOMPARE(record.value(u"service"_s), u"svc"_s);
    QCOMPARE(record.value(u"group"_s), u"g"_s);
    QCOMPARE(record.value(u"backend"_s), expectedBackend);
    QCOMPARE(record.value(u"client"_s), clientAddress);
    QCOMPARE(record.value(u"local"_s), ProxyConfig::loopback(port));
    QCOMPARE(record.value(u"attempts"_s), expectedAttempts);
    if (!scenario.startsWith(u"no-"))
        QVERIFY2(record.value(u"reason"_s).startsWith(u"roundrobin"), qPrintable(record.value(u"reason"_s)));
    if (connects) {
        QCOMPARE(record.value(u"bytes_in"_s).toLongLong(), sent);
        QCOMPARE(record.value(u"bytes_out"_s).toLongLong(), got);
        QVERIFY(record.value(u"connect_ms"_s).toLongLong() >= 0);
    } else {
        QCOMPARE(record.value(u"connect_ms"_s), u"-1"_s);
    }
    QCOMPARE(capture.lines().size(), 1);  // one record per connection, and no other
}

void TestConnectionLog::connectAndInterimRecords()
{
    LogCapture capture;
    StubBackend backend(u"b1"_s);
    QVERIFY(backend.listen());
    Config config = ProxyConfig::make({ProxyConfig::host(u"b1"_s, backend.address())});
    config.logging.connections = true;
    config.logging.atConnect = true;
    config.logging.interimMs = 1000;
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port != 0);
    const std::unique_ptr<TestConnection> client = TestConnection::open(port);
    QCOMPARE(client->waitForLine(), u"b1"_s);
    QTRY_VERIFY(!findRecord(capture, u"connect"_s).isEmpty());
    QCOMPARE(findRecord(capture, u"connect"_s).value(u"termination"_s), u"open"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!findRecord(capture, u"interim"_s).isEmpty(), 4000);
    QVERIFY(findRecord(capture, u"close"_s).isEmpty());

    // Off at runtime: nothing more is written.
    config.logging.connections = false;
    QVERIFY(engine.apply(config).ok);
    const qsizetype before = capture.lines().size();
    client->finish();
    QVERIFY(client->waitForEnd());
    QTest::qWait(300);
    QCOMPARE(capture.lines().size(), before);
}

void TestConnectionLog::syslogDatagrams()
{
#ifdef _WIN32
    QSKIP("no UNIX datagram sockets");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray path = QFile::encodeName(dir.filePath(u"log"_s));
    const int receiver = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    QVERIFY(receiver >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));
    QCOMPARE(::bind(receiver, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);

    StubBackend backend(u"b1"_s);
    QVERIFY(backend.listen());
    Config config = ProxyConfig::make({ProxyConfig::host(u"b1"_s, backend.address())});
    config.logging.connections = true;
    config.logging.to = u"syslog"_s;
    config.logging.syslog = QString::fromLocal8Bit(path);
    config.logging.format = u"json"_s;
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config);
    QVERIFY(port != 0);
    const std::unique_ptr<TestConnection> client = TestConnection::open(port);
    QCOMPARE(client->waitForLine(), u"b1"_s);
    client->finish();
    QVERIFY(client->waitForEnd());

    QByteArray datagram;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            char buffer[4096];
            const ssize_t size = ::recv(receiver, buffer, sizeof buffer, 0);
            if (size > 0)
                datagram = QByteArray(buffer, size);
            return !datagram.isEmpty();
        }(),
        5000);
    ::close(receiver);
    // RFC 5424: <134>1 TIMESTAMP HOST balancierd PID conn - MSG
    QVERIFY2(datagram.startsWith("<134>1 "), datagram.constData());
    const QList<QByteArray> header = datagram.split(' ');
    QVERIFY(header.size() > 7);
    QCOMPARE(header.at(3), QByteArray("balancierd"));
    QCOMPARE(header.at(5), QByteArray("conn"));
    const qsizetype json = datagram.indexOf('{');
    QVERIFY(json > 0);
    const Record record = parseJson(QString::fromUtf8(datagram.mid(json)));
    QCOMPARE(record.value(u"termination"_s), u"client-close"_s);
    QCOMPARE(record.value(u"backend"_s), u"b1"_s);
#endif
}

void TestConnectionLog::dropsWhenFull()
{
    LogCapture capture;
    ConnectionLog log(2, 4);
    ConnectionLog::Settings settings;
    settings.enabled = true;
    log.configure(settings);
    log.pauseWriterForTesting(true);
    for (int i = 0; i < 10; ++i) {
        ConnectionRecord record;
        record.id = quint64(i + 1);
        record.service = u"svc"_s;
        const bool queued = log.push(0, record);
        QCOMPARE(queued, i < 4);
    }
    QCOMPARE(log.dropped(), quint64(6));
    // The other worker's ring is its own.
    ConnectionRecord other;
    QVERIFY(log.push(1, other));
    log.pauseWriterForTesting(false);
    QTRY_COMPARE(log.written(), quint64(5));
    QCOMPARE(capture.lines().size(), 5);
    // Off: nothing is queued.
    settings.enabled = false;
    log.configure(settings);
    ConnectionRecord late;
    QVERIFY(!log.push(0, late));
}

void TestConnectionLog::recordFormats()
{
    ConnectionRecord record;
    record.id = 281474976710657ULL;
    record.service = u"web"_s;
    record.group = u"blue"_s;
    record.backend = u"b2"_s;
    const quint8 client[4] = {10, 1, 2, 3};
    const quint8 local[4] = {10, 0, 0, 1};
    record.client = IpEndpoint::fromV4(client, 51234);
    record.local = IpEndpoint::fromV4(local, 80);
    record.pickCode = PickCode::Hash;
    record.pickA = 42;
    record.pickB = 65537;
    record.attempts.append({u"b1"_s, AttemptResult::Refused});
    record.acceptedAtMs = 1765100000123;
    record.connectMs = 2;
    record.firstByteMs = 5;
    record.durationMs = 1500;
    record.bytesIn = 120;
    record.bytesOut = 9800;
    record.termination = Termination::ClientClose;
    record.detail = u"a \"quoted\" detail"_s;
    const QString text = QString::fromUtf8(record.toText());
    QVERIFY(
        text.startsWith(u"conn event=close id=281474976710657 service=web group=blue backend=b2 "
                        "client=10.1.2.3:51234 local=10.0.0.1:80 reason=hash:42/65537 attempts=b1:refused "
                        "accepted=2025-12-07T"_s));
    QVERIFY(text.endsWith(u" connect_ms=2 first_byte_ms=5 duration_ms=1500 bytes_in=120 bytes_out=9800 "
                          "termination=client-close detail=\"a \\\"quoted\\\" detail\""_s));
    QCOMPARE(parseText(text).value(u"detail"_s), u"a \"quoted\" detail"_s);
    const QJsonObject json = QJsonDocument::fromJson(record.toJson()).object();
    QCOMPARE(json.value("id"_L1).toString(), u"281474976710657"_s);
    QCOMPARE(json.value("reason"_L1).toObject().value("code"_L1).toString(), u"hash"_s);
    QCOMPARE(json.value("reason"_L1).toObject().value("params"_L1).toObject().value("bucket"_L1).toInt(), 42);
    QCOMPARE(json.value("reason"_L1).toObject().value("params"_L1).toObject().value("of"_L1).toInt(), 65537);
    QCOMPARE(
        json.value("attempts"_L1).toArray().at(0).toObject().value("result"_L1).toString(), u"refused"_s);
    QCOMPARE(json.value("termination"_L1).toString(), u"client-close"_s);
    QVERIFY(!record.toJson().contains('\n'));

    const PickReason sticky = pickReason(PickCode::StickySeen, 180000, 0);
    QCOMPARE(sticky.code, u"sticky"_s);
    QCOMPARE(sticky.params.value(u"seenMsAgo"_s).toLongLong(), 180000);
    QCOMPARE(pickReason(PickCode::StickyNew, 0, 0).params.value(u"new"_s).toBool(), true);
}

namespace {

QByteArray withLogging(const QByteArray &logging)
{
    return "<balancier version=\"1\">\n  " + logging
        + "\n  <service name=\"s\"><listen ip=\"127.0.0.1:0\"/><group name=\"g\">"
          "<host name=\"h\" ip=\"127.0.0.1:9\"/></group><enable group=\"g\"/></service>\n</balancier>\n";
}

}  // namespace

void TestConnectionLog::configReadWriteDiff()
{
    const LoadResult loaded
        = ConfigReader::readData(withLogging("<logging connections=\"yes\" format=\"json\" "
                                             "to=\"syslog\" syslog=\"/run/log.sock\" "
                                             "interim=\"30s\" atconnect=\"yes\"/>"),
            u"test.xml"_s);
    QVERIFY(loaded.ok());
    const LoggingConfig &logging = loaded.config.logging;
    QCOMPARE(logging.connections, true);
    QCOMPARE(logging.format, u"json"_s);
    QCOMPARE(logging.to, u"syslog"_s);
    QCOMPARE(logging.syslog, u"/run/log.sock"_s);
    QCOMPARE(logging.interimMs, 30000);
    QCOMPARE(logging.atConnect, true);

    // Written and read back the same.
    const QByteArray xml = ConfigDocument::serialize(loaded.config);
    QVERIFY2(xml.contains("interim=\"30s\""), xml.constData());
    const LoadResult again = ConfigReader::readData(xml, u"again.xml"_s);
    QVERIFY(again.ok());
    QVERIFY(again.config.logging == logging);
    // Defaults are not written.
    const QByteArray plain = ConfigDocument::serialize(Config{});
    QVERIFY(!plain.contains("format="));

    // The diff names each attribute.
    Config next = loaded.config;
    next.logging.format = u"text"_s;
    next.logging.interimMs = 0;
    const QList<ConfigChange> changes = diffConfigs(loaded.config, next);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().name, u"logging"_s);
    QVERIFY(changes.first().fields.contains(u"format"_s));
    QVERIFY(changes.first().fields.contains(u"interim"_s));
}

void TestConnectionLog::configErrors_data()
{
    QTest::addColumn<QByteArray>("logging");
    QTest::addColumn<QString>("expected");
    QTest::newRow("format") << QByteArray("<logging format=\"xml\"/>") << u"test.xml:2:12"_s;
    QTest::newRow("to") << QByteArray("<logging to=\"file\"/>") << u"test.xml:2:12"_s;
    QTest::newRow("interim") << QByteArray("<logging interim=\"soon\"/>") << u"test.xml:2:12"_s;
    QTest::newRow("interim too short") << QByteArray("<logging interim=\"100ms\"/>") << u"interim"_s;
    QTest::newRow("atconnect") << QByteArray("<logging atconnect=\"maybe\"/>") << u"test.xml:2:12"_s;
    QTest::newRow("syslog path") << QByteArray("<logging to=\"syslog\" syslog=\"dev/log\"/>")
                                 << u"absolute"_s;
}

void TestConnectionLog::configErrors()
{
    QFETCH(QByteArray, logging);
    QFETCH(QString, expected);
    const LoadResult loaded = ConfigReader::readData(withLogging(logging), u"test.xml"_s);
    QVERIFY(!loaded.ok());
    QStringList errors;
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        errors.append(diagnostic.toString());
    QVERIFY2(errors.join(u'\n').contains(expected), qPrintable(errors.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestConnectionLog)
#include "tst_connectionlog.moc"
