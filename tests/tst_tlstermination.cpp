// TLS termination on a listener (<listen tls="terminate">): real clients
// (QSslSocket, openssl s_client, a raw OpenSSL client for the half-close)
// through the engine to plain stub backends that answer with their name.
// Certificates are made at run time with `openssl req`.

#include "admin/adminformats.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "engine.h"
#include "patternsource.h"
#include "proxyconfig.h"
#include "stats/statsjson.h"
#include "stubbackend.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <future>

#ifdef BALANCIER_HAVE_OPENSSL
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#endif

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// A self-signed certificate and its key, made with `openssl req` (EC: fast).
bool makeCertificate(const QString &directory, const QString &name, const QString &commonName,
    const QString &altNames, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"openssl"_s,
        {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
            u"-nodes"_s, u"-subj"_s, u"/CN="_s + commonName, u"-addext"_s, u"subjectAltName="_s + altNames,
            u"-days"_s, u"2"_s, u"-keyout"_s, directory + u'/' + name + u"-key.pem"_s, u"-out"_s,
            directory + u'/' + name + u".pem"_s});
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        *error = QString::fromLocal8Bit(process.readAll());
        return false;
    }
    return true;
}

bool replaceFile(const QString &target, const QByteArray &data)
{
    // Written beside it and renamed over it: what certbot and editors do.
    const QString temporary = target + u".new"_s;
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return false;
    file.close();
    QFile::remove(target);
    return QFile::rename(temporary, target);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A TLS client that collects what it reads.
struct Client
{
    std::unique_ptr<QSslSocket> socket = std::make_unique<QSslSocket>();
    QByteArray received;
    bool failed = false;

    bool waitEncrypted()
    {
        return QTest::qWaitFor([this] { return socket->isEncrypted() || failed; }, 10000) && !failed;
    }
    QString peerCommonName() const
    {
        const QStringList names = socket->peerCertificate().subjectInfo(QSslCertificate::CommonName);
        return names.isEmpty() ? QString() : names.constFirst();
    }
};

std::unique_ptr<Client> connectTls(quint16 port, const QString &peerName,
    QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater, const QString &certificate = {},
    const QString &key = {})
{
    auto client = std::make_unique<Client>();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(protocol);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!certificate.isEmpty()) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificate);
        if (!certificates.isEmpty())
            configuration.setLocalCertificate(certificates.constFirst());
        configuration.setPrivateKey(QSslKey(readAll(key), QSsl::Ec));
    }
    client->socket->setSslConfiguration(configuration);
    Client *raw = client.get();
    QObject::connect(raw->socket.get(), &QSslSocket::readyRead, raw->socket.get(),
        [raw] { raw->received += raw->socket->readAll(); });
    QObject::connect(raw->socket.get(), &QAbstractSocket::errorOccurred, raw->socket.get(),
        [raw](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError || !raw->socket->isEncrypted())
                raw->failed = true;
        });
    QObject::connect(raw->socket.get(), &QAbstractSocket::disconnected, raw->socket.get(), [raw] {
        if (!raw->socket->isEncrypted())
            raw->failed = true;
    });
    client->socket->connectToHostEncrypted(u"127.0.0.1"_s, port, peerName);
    return client;
}

#ifdef BALANCIER_HAVE_OPENSSL
/// A blocking OpenSSL client (run on its own thread): sends `request`, then
/// close_notify, and reads on until the server's close_notify.
struct HalfCloseResult
{
    QByteArray received;
    bool closeNotify = false;
    QString error;
};

HalfCloseResult halfCloseClient(quint16 port, const QByteArray &request)
{
    HalfCloseResult result;
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    SSL *ssl = nullptr;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        result.error = u"connect failed"_s;
    } else {
        ssl = SSL_new(ctx);
        SSL_set_fd(ssl, fd);
        if (SSL_connect(ssl) != 1) {
            result.error = u"handshake failed"_s;
        } else if (SSL_write(ssl, request.constData(), int(request.size())) != int(request.size())) {
            result.error = u"write failed"_s;
        } else {
            SSL_shutdown(ssl);  // close_notify: our half-close
            char buffer[4096];
            for (;;) {
                const int got = SSL_read(ssl, buffer, sizeof buffer);
                if (got <= 0) {
                    result.closeNotify = SSL_get_error(ssl, got) == SSL_ERROR_ZERO_RETURN;
                    break;
                }
                result.received.append(buffer, got);
            }
        }
    }
    if (ssl)
        SSL_free(ssl);
    ::close(fd);
    SSL_CTX_free(ctx);
    return result;
}
#endif

}  // namespace

class TestTlsTermination : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void handshake_data();
    void handshake();
    void opensslClient();
    void bulkBothWays();
    void halfClose();
    void reloadUnderOpenConnection();
    void brokenFileOnReload();
    void sniSelection_data();
    void sniSelection();
    void clientCertificate_data();
    void clientCertificate();
    void garbageAndTimeout();
    void configErrors_data();
    void configErrors();
    void xmlRoundTrip();

private:
    Config config(const QString &backend, const ListenerTlsConfig &tls) const;
    ListenerTlsConfig defaults() const;
    QString path(const QString &name) const { return m_dir.path() + u'/' + name; }

    QTemporaryDir m_dir;
};

void TestTlsTermination::initTestCase()
{
    if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
        QSKIP("the openssl tool is missing (Debian package: openssl)");
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend (Debian package: libssl3)");
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(makeCertificate(
                 m_dir.path(), u"default"_s, u"default.test"_s, u"DNS:default.test,IP:127.0.0.1"_s, &error),
        qPrintable(error));
    QVERIFY2(makeCertificate(m_dir.path(), u"other"_s, u"other.test"_s, u"DNS:*.other.test"_s, &error),
        qPrintable(error));
    QVERIFY2(
        makeCertificate(m_dir.path(), u"client"_s, u"client"_s, u"DNS:client"_s, &error), qPrintable(error));
    QVERIFY2(makeCertificate(m_dir.path(), u"stranger"_s, u"stranger"_s, u"DNS:stranger"_s, &error),
        qPrintable(error));
    // The listener's files; tests that replace them put these back.
    QVERIFY(QFile::copy(path(u"default.pem"_s), path(u"live.pem"_s)));
    QVERIFY(QFile::copy(path(u"default-key.pem"_s), path(u"live-key.pem"_s)));
}

ListenerTlsConfig TestTlsTermination::defaults() const
{
    ListenerTlsConfig tls;
    tls.listener = u"127.0.0.1:0"_s;
    tls.terminate = true;
    tls.cert = path(u"default.pem"_s);
    tls.key = path(u"default-key.pem"_s);
    return tls;
}

Config TestTlsTermination::config(const QString &backend, const ListenerTlsConfig &tls) const
{
    Config config = ProxyConfig::make({ProxyConfig::host(u"alpha"_s, backend)});
    config.services.first().listenerTls = {tls};
    return config;
}

void TestTlsTermination::handshake_data()
{
    QTest::addColumn<QString>("minVersion");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("1.2 client, min 1.2") << u"1.2"_s << int(QSsl::TlsV1_2) << true;
    QTest::newRow("1.3 client, min 1.2") << u"1.2"_s << int(QSsl::TlsV1_3) << true;
    QTest::newRow("1.3 client, min 1.3") << u"1.3"_s << int(QSsl::TlsV1_3) << true;
    QTest::newRow("1.2 client, min 1.3: refused") << u"1.3"_s << int(QSsl::TlsV1_2) << false;
}

void TestTlsTermination::handshake()
{
    QFETCH(QString, minVersion);
    QFETCH(int, protocol);
    QFETCH(bool, accepted);
    StubBackend backend(u"alpha"_s);
    QVERIFY(backend.listen());
    ListenerTlsConfig tls = defaults();
    tls.minVersion = minVersion;
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config(backend.address(), tls));
    QVERIFY(port);
    auto client = connectTls(port, u"default.test"_s, QSsl::SslProtocol(protocol));
    if (!accepted) {
        QVERIFY(!client->waitEncrypted());
        QCOMPARE(backend.connectionCount(), 0);  // no backend connection for a failed handshake
        QTRY_VERIFY(engine.snapshot().services.value(0).closed.value(u"tls-handshake-failed"_s) >= 1);
        QCOMPARE(engine.snapshot().services.value(0).tlsListeners.value(0).failures, 1);
        return;
    }
    QVERIFY(client->waitEncrypted());
    QCOMPARE(client->socket->sessionProtocol(), QSsl::SslProtocol(protocol));
    QCOMPARE(client->peerCommonName(), u"default.test"_s);
    QTRY_COMPARE(client->received, "alpha\n"_ba);
    client->socket->write("ping");
    QTRY_COMPARE(client->received, "alpha\nping"_ba);
    const StatsSnapshot snapshot = engine.snapshot();
    QCOMPARE(snapshot.services.value(0).tlsListeners.size(), 1);
    const TlsListenerStats stats = snapshot.services.value(0).tlsListeners.value(0);
    QCOMPARE(stats.subject, u"CN=default.test"_s);
    QVERIFY(stats.names.contains(u"default.test"_s));
    QVERIFY(stats.names.contains(u"127.0.0.1"_s));
    QCOMPARE(stats.handshakes, 1);
    QVERIFY(stats.daysLeft >= 0 && stats.daysLeft <= 2);
    QVERIFY(stats.expiresSoon);
    // The API's JSON and /metrics say the same.
    const StatsSnapshot back = statsFromJson(statsToJson(snapshot));
    QCOMPARE(back.services.value(0).tlsListeners.value(0).subject, u"CN=default.test"_s);
    QCOMPARE(back.services.value(0).tlsListeners.value(0).handshakes, 1);
    const QByteArray metrics = AdminFormats::metrics(snapshot);
    QVERIFY2(metrics.contains(
                 R"(balancier_tls_handshakes_total{service="svc",listener="127.0.0.1:0",result="ok"} 1)"),
        metrics.constData());
    QVERIFY(metrics.contains(R"(balancier_tls_cert_expiry_seconds{service="svc",listener="127.0.0.1:0"} )"));
}

void TestTlsTermination::opensslClient()
{
    StubBackend backend(u"alpha"_s);
    QVERIFY(backend.listen());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config(backend.address(), defaults()));
    QVERIFY(port);
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(u"openssl"_s,
        {u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(port), u"-servername"_s, u"default.test"_s,
            u"-quiet"_s, u"-no_ign_eof"_s});
    QVERIFY(client.waitForStarted());
    client.write("hello from s_client\n");
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += client.readAll()).contains("alpha\nhello from s_client\n"), 10000);
    client.closeWriteChannel();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QProcess::NotRunning, 10000);
    QTRY_COMPARE(backend.openConnections(), 0);
}

void TestTlsTermination::bulkBothWays()
{
    StubBackend backend(u"alpha"_s);
    backend.setKeepReceived(false);
    QVERIFY(backend.listen());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config(backend.address(), defaults()));
    QVERIFY(port);
    auto client = connectTls(port, u"default.test"_s);
    QVERIFY(client->waitEncrypted());
    constexpr qint64 size = 1024 * 1024;
    PatternSource source(42);
    const QByteArray payload = source.next(size);
    client->socket->write(payload);
    // The backend echoes: 1 MiB up, 1 MiB down, through TLS both times.
    QTRY_VERIFY2_WITH_TIMEOUT(
        client->received.size() >= 6 + size, qPrintable(QString::number(client->received.size())), 15000);
    QCOMPARE(client->received.size(), 6 + size);
    QCOMPARE(client->received.left(6), "alpha\n"_ba);
    QVERIFY(client->received.mid(6) == payload);
    QCOMPARE(backend.receivedCount(), size);
}

void TestTlsTermination::halfClose()
{
#ifndef BALANCIER_HAVE_OPENSSL
    QSKIP("built without OpenSSL");
#else
    StubBackend backend(u"alpha"_s, StubBackend::Mode::NameOnEof);
    QVERIFY(backend.listen());
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config(backend.address(), defaults()));
    QVERIFY(port);
    // The backend answers only after the client's end of stream: the
    // client's close_notify must reach it as a FIN, and the answer, then
    // the backend's FIN as close_notify, must come back.
    std::future<HalfCloseResult> future = std::async(std::launch::async, halfCloseClient, port, "request"_ba);
    QTRY_VERIFY_WITH_TIMEOUT(future.wait_for(std::chrono::seconds(0)) == std::future_status::ready, 15000);
    const HalfCloseResult result = future.get();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.received, "alpha:7\nrequest"_ba);
    QVERIFY(result.closeNotify);
    QTRY_VERIFY(engine.snapshot().services.value(0).closed.value(u"client-close"_s) == 1);
#endif
}

void TestTlsTermination::reloadUnderOpenConnection()
{
    QVERIFY(replaceFile(path(u"live.pem"_s), readAll(path(u"default.pem"_s))));
    QVERIFY(replaceFile(path(u"live-key.pem"_s), readAll(path(u"default-key.pem"_s))));
    StubBackend backend(u"alpha"_s);
    QVERIFY(backend.listen());
    ListenerTlsConfig tls = defaults();
    tls.cert = u"live.pem"_s;  // relative: under the config directory
    tls.key = u"live-key.pem"_s;
    Engine engine;
    engine.setConfigDirectory(m_dir.path());
    QSignalSpy events(&engine, &Engine::tlsCertificateEvent);
    const quint16 port = ProxyConfig::start(engine, config(backend.address(), tls));
    QVERIFY(port);
    auto open = connectTls(port, u"default.test"_s);
    QVERIFY(open->waitEncrypted());
    QCOMPARE(open->peerCommonName(), u"default.test"_s);
    QTRY_COMPARE(open->received, "alpha\n"_ba);

    // The key first, then the certificate (a reload in between fails and keeps the old pair).
    QVERIFY(replaceFile(path(u"live-key.pem"_s), readAll(path(u"other-key.pem"_s))));
    QVERIFY(replaceFile(path(u"live.pem"_s), readAll(path(u"other.pem"_s))));
    const auto reloaded = [&events] {
        for (const QList<QVariant> &event : std::as_const(events)) {
            if (event.at(2).toString() == u"reloaded")
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(reloaded(), 10000);
    auto fresh = connectTls(port, u"default.test"_s);
    QVERIFY(fresh->waitEncrypted());
    QCOMPARE(fresh->peerCommonName(), u"other.test"_s);
    QTRY_COMPARE(fresh->received, "alpha\n"_ba);
    // The open connection keeps its session and goes on.
    open->socket->write("still here");
    QTRY_COMPARE(open->received, "alpha\nstill here"_ba);
    QCOMPARE(engine.snapshot().services.value(0).tlsListeners.value(0).subject, u"CN=other.test"_s);

    // An apply with the same XML reads the files again too.
    QVERIFY(replaceFile(path(u"live.pem"_s), readAll(path(u"default.pem"_s))));
    QVERIFY(replaceFile(path(u"live-key.pem"_s), readAll(path(u"default-key.pem"_s))));
    QVERIFY(engine.apply(engine.runningConfig()).ok);
    auto third = connectTls(port, u"default.test"_s);
    QVERIFY(third->waitEncrypted());
    QCOMPARE(third->peerCommonName(), u"default.test"_s);
}

void TestTlsTermination::brokenFileOnReload()
{
    QVERIFY(replaceFile(path(u"live.pem"_s), readAll(path(u"default.pem"_s))));
    QVERIFY(replaceFile(path(u"live-key.pem"_s), readAll(path(u"default-key.pem"_s))));
    StubBackend backend(u"alpha"_s);
    QVERIFY(backend.listen());
    ListenerTlsConfig tls = defaults();
    tls.cert = path(u"live.pem"_s);
    tls.key = path(u"live-key.pem"_s);
    Engine engine;
    QSignalSpy events(&engine, &Engine::tlsCertificateEvent);
    const quint16 port = ProxyConfig::start(engine, config(backend.address(), tls));
    QVERIFY(port);
    QVERIFY(replaceFile(path(u"live.pem"_s), "this is not PEM\n"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !events.isEmpty() && events.constLast().at(2).toString() == u"reload-failed", 10000);
    const QString detail = events.constLast().at(3).toString();
    QVERIFY2(detail.contains(path(u"live.pem"_s)), qPrintable(detail));
    QVERIFY2(detail.contains(u"no PEM certificate"_s), qPrintable(detail));
    // The old certificate stays.
    auto client = connectTls(port, u"default.test"_s);
    QVERIFY(client->waitEncrypted());
    QCOMPARE(client->peerCommonName(), u"default.test"_s);
    QTRY_COMPARE(client->received, "alpha\n"_ba);
    // A key that does not match the certificate: refused too, named.
    QVERIFY(replaceFile(path(u"live.pem"_s), readAll(path(u"other.pem"_s))));
    QTRY_VERIFY_WITH_TIMEOUT(
        events.size() >= 2 && events.constLast().at(3).toString().contains(u"does not match"_s), 10000);
    QVERIFY(replaceFile(path(u"live.pem"_s), readAll(path(u"default.pem"_s))));
}

void TestTlsTermination::sniSelection_data()
{
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wildcard match") << u"www.other.test"_s << u"other.test"_s;
    QTest::newRow("case differs") << u"WWW.Other.Test"_s << u"other.test"_s;
    QTest::newRow("two labels deep: default") << u"a.b.other.test"_s << u"default.test"_s;
    QTest::newRow("unknown name: default") << u"unknown.test"_s << u"default.test"_s;
    QTest::newRow("exact default name") << u"default.test"_s << u"default.test"_s;
}

void TestTlsTermination::sniSelection()
{
    QFETCH(QString, serverName);
    QFETCH(QString, expected);
    StubBackend backend(u"alpha"_s);
    QVERIFY(backend.listen());
    ListenerTlsConfig tls = defaults();
    TlsCertificateConfig other;
    other.sni = {u"*.other.test"_s};
    other.file = path(u"other.pem"_s);
    other.key = path(u"other-key.pem"_s);
    tls.certificates = {other};
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config(backend.address(), tls));
    QVERIFY(port);
    auto client = connectTls(port, serverName);
    QVERIFY(client->waitEncrypted());
    QCOMPARE(client->peerCommonName(), expected);
    QTRY_COMPARE(client->received, "alpha\n"_ba);
    QCOMPARE(engine.snapshot().services.value(0).tlsListeners.value(0).certificates, 2);
}

void TestTlsTermination::clientCertificate_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("trusted client") << u"client"_s << true;
    QTest::newRow("unknown client") << u"stranger"_s << false;
    QTest::newRow("no certificate") << QString() << false;
}

void TestTlsTermination::clientCertificate()
{
    QFETCH(QString, certificate);
    QFETCH(bool, accepted);
    StubBackend backend(u"alpha"_s);
    QVERIFY(backend.listen());
    ListenerTlsConfig tls = defaults();
    tls.clientCa = path(u"client.pem"_s);  // self-signed: its own CA
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config(backend.address(), tls));
    QVERIFY(port);
    auto client = certificate.isEmpty() ? connectTls(port, u"default.test"_s)
                                        : connectTls(port, u"default.test"_s, QSsl::TlsV1_2OrLater,
                                            path(certificate + u".pem"_s), path(certificate + u"-key.pem"_s));
    if (accepted) {
        QVERIFY(client->waitEncrypted());
        QTRY_COMPARE(client->received, "alpha\n"_ba);
        return;
    }
    // With TLS 1.3 the client may finish its side before the server refuses:
    // what counts is that nothing reaches the backend and the failure is counted.
    QTRY_VERIFY_WITH_TIMEOUT(
        client->failed || client->socket->state() == QAbstractSocket::UnconnectedState, 10000);
    QVERIFY(client->received.isEmpty());
    QCOMPARE(backend.connectionCount(), 0);
    QTRY_COMPARE(engine.snapshot().services.value(0).tlsListeners.value(0).failures, 1);
}

void TestTlsTermination::garbageAndTimeout()
{
    StubBackend backend(u"alpha"_s);
    QVERIFY(backend.listen());
    ListenerTlsConfig tls = defaults();
    tls.handshakeTimeoutMs = 300;
    Engine engine;
    const quint16 port = ProxyConfig::start(engine, config(backend.address(), tls));
    QVERIFY(port);
    QTcpSocket garbage;
    garbage.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(garbage.waitForConnected(5000));
    garbage.write("GET / HTTP/1.0\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(garbage.state(), QAbstractSocket::UnconnectedState, 5000);
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(silent.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 5000);
    const ServiceStats service = engine.snapshot().services.value(0);
    QCOMPARE(service.closed.value(u"tls-handshake-failed"_s), 1);
    QCOMPARE(service.closed.value(u"tls-handshake-timeout"_s), 1);
    QCOMPARE(service.tlsListeners.value(0).failures, 1);
    QCOMPARE(service.tlsListeners.value(0).timeouts, 1);
    QCOMPARE(backend.connectionCount(), 0);
}

void TestTlsTermination::configErrors_data()
{
    QTest::addColumn<QString>("attributes");
    QTest::addColumn<QString>("children");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing certificate file")
        << uR"(tls="terminate" cert="missing.pem" key="default-key.pem")"_s << QString()
        << u"cannot read \"missing.pem\""_s;
    QTest::newRow("key does not match")
        << uR"(tls="terminate" cert="default.pem" key="other-key.pem")"_s << QString() << u"does not match"_s;
    QTest::newRow("not PEM") << uR"(tls="terminate" cert="default-key.pem" key="default-key.pem")"_s
                             << QString() << u"no PEM certificate"_s;
    QTest::newRow("bad minversion")
        << uR"(tls="terminate" cert="default.pem" key="default-key.pem" minversion="1.1")"_s << QString()
        << u"minversion"_s;
    QTest::newRow("bad ciphers")
        << uR"(tls="terminate" cert="default.pem" key="default-key.pem" ciphers="NOPE-CIPHER")"_s << QString()
        << u"OpenSSL accepts no TLS 1.2 cipher"_s;
    QTest::newRow("cert without tls")
        << uR"(cert="default.pem")"_s << QString() << u"needs tls=\"terminate\""_s;
    QTest::newRow("no cert") << uR"(tls="terminate")"_s << QString() << u"cert"_s;
    QTest::newRow("bad sni certificate")
        << uR"(tls="terminate" cert="default.pem" key="default-key.pem")"_s
        << uR"(<cert sni="*.other.test" file="other.pem" key="default-key.pem"/>)"_s << u"<cert sni"_s;
}

void TestTlsTermination::configErrors()
{
    QFETCH(QString, attributes);
    QFETCH(QString, children);
    QFETCH(QString, expected);
    const QString xml = uR"(<?xml version="1.0"?>
<balancier version="1">
  <service name="svc">
    <listen ip="127.0.0.1:0" %1>%2</listen>
    <group name="g"><host name="a" ip="127.0.0.1:9"/></group>
  </service>
</balancier>
)"_s.arg(attributes, children);
    const LoadResult read = ConfigReader::readData(xml.toUtf8(), path(u"balancier.xml"_s));
    QStringList messages;
    for (const Diagnostic &diagnostic : read.diagnostics)
        messages.append(diagnostic.toString());
    if (read.ok()) {
        Engine engine;
        engine.setConfigDirectory(m_dir.path());
        const ApplyResult checked = engine.check(read.config);
        QVERIFY2(!checked.ok, "the config was accepted");
        for (const Diagnostic &diagnostic : checked.errors) {
            QVERIFY2(diagnostic.line == 4,
                qPrintable(diagnostic.toString()));  // located at its <listen> or <cert>
            messages.append(diagnostic.toString());
        }
    }
    QVERIFY2(messages.join(u'\n').contains(expected), qPrintable(messages.join(u'\n')));
}

void TestTlsTermination::xmlRoundTrip()
{
    const QByteArray xml = R"(<?xml version="1.0"?>
<balancier version="1">
  <service name="svc">
    <listen ip="127.0.0.1:0" tls="terminate" cert="default.pem" key="default-key.pem" minversion="1.3" alpn="h2,http/1.1" clientca="client.pem" verifyclient="no" handshaketimeout="3s">
      <cert sni="*.other.test,other.test" file="other.pem" key="other-key.pem"/>
    </listen>
    <group name="g"><host name="a" ip="127.0.0.1:9"/></group>
  </service>
</balancier>
)";
    const LoadResult read = ConfigReader::readData(xml, path(u"balancier.xml"_s));
    QVERIFY(read.ok());
    const ServiceConfig service = read.config.services.value(0);  // kept: tls points into it
    const ListenerTlsConfig *tls = service.tlsOptions(u"127.0.0.1:0");
    QVERIFY(tls);
    QVERIFY(tls->terminate);
    QCOMPARE(tls->minVersion, u"1.3"_s);
    QCOMPARE(tls->alpn, (QStringList{u"h2"_s, u"http/1.1"_s}));
    QCOMPARE(tls->verifyClient, false);
    QCOMPARE(tls->handshakeTimeoutMs, 3000);
    QCOMPARE(tls->certificates.size(), 1);
    QCOMPARE(tls->certificates.value(0).sni, (QStringList{u"*.other.test"_s, u"other.test"_s}));
    Engine engine;
    engine.setConfigDirectory(m_dir.path());
    const ApplyResult checked = engine.check(read.config);
    QVERIFY2(checked.ok, qPrintable(checked.errorString()));

    // Written from scratch and read back: the same model.
    const QByteArray written = ConfigDocument::serialize(read.config);
    const LoadResult again = ConfigReader::readData(written, path(u"written.xml"_s));
    QVERIFY2(again.ok(), written.constData());
    QVERIFY2(again.config == read.config, written.constData());
    // An edit in place keeps the rest of the file and changes what changed.
    Config edited = read.config;
    edited.services[0].listenerTls[0].minVersion = u"1.2"_s;
    edited.services[0].listenerTls[0].certificates.clear();
    ConfigDocument document;
    QVERIFY(document.setContent(xml));
    document.update(edited);
    const QByteArray rewritten = document.toXml();
    QVERIFY2(
        rewritten.contains(R"(minversion="1.2")") && !rewritten.contains("<cert "), rewritten.constData());
    QVERIFY2(rewritten.contains(R"(alpn="h2,http/1.1")"), rewritten.constData());
    const LoadResult third = ConfigReader::readData(rewritten, path(u"rewritten.xml"_s));
    QVERIFY(third.ok());
    QVERIFY(third.config == edited);
    // The diff words it.
    const QList<ConfigChange> changes = diffConfigs(read.config, edited);
    QCOMPARE(changes.size(), 1);
    QVERIFY2(changes.first().fields.contains(u"minversion"_s)
            && changes.first().fields.contains(u"certificates"_s),
        qPrintable(changes.first().description()));
}

QTEST_MAIN(TestTlsTermination)
#include "tst_tlstermination.moc"
