#include "healthcheck.h"

#include "config/address.h"
#include "config/configreader.h"
#include "config/configvalidator.h"
#include "console.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <memory>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

constexpr int ExitHealthy = 0;
constexpr int ExitUnhealthy = 1;
constexpr int ExitError = 2;

int fail(const QString &message)
{
    Console::writeError(u"balancierd --health-check: "_s + message + u'\n');
    return ExitError;
}

/// Where to reach the admin API of the daemon on this machine: a wildcard
/// listen address is reached on loopback, where /api/v1/health answers
/// without healthpublic.
QString connectHost(const Address &address)
{
    if (address.host == u"*" || address.host == u"0.0.0.0" || address.host == u"localhost")
        return u"127.0.0.1"_s;
    if (address.host == u"::")
        return u"::1"_s;
    return address.host;
}

}  // namespace

int HealthCheck::run(const QString &configPath)
{
    // The TLS key may be readable by the daemon only: it is not needed here.
    const LoadResult loaded = ConfigReader::readFile(configPath, AdminFiles::Skipped);
    if (!loaded.ok()) {
        QString text;
        for (const Diagnostic &diagnostic : loaded.diagnostics) {
            if (diagnostic.severity == Diagnostic::Severity::Error)
                text += u"\n  "_s + diagnostic.toString();
        }
        return fail(u"cannot read %1:%2"_s.arg(configPath, text));
    }
    const AdminConfig &admin = loaded.config.admin;
    if (!admin.enabled) {
        return fail(u"%1 has no <admin>: the health check asks the admin API's /api/v1/health; add "
                    "<admin listen=\"127.0.0.1:8081\"/>"_s.arg(configPath));
    }
    QString why;
    const std::optional<Address> address = parseAddress(admin.listen, true, &why);
    if (!address)
        return fail(u"%1: <admin listen=\"%2\">: %3"_s.arg(configPath, admin.listen, why));
    if (address->port == 0) {
        return fail(u"%1: <admin listen=\"%2\"> has port 0, chosen by the system at start: give the admin "
                    "API a fixed port to check it"_s.arg(configPath, admin.listen));
    }
    const QString host = connectHost(*address);
    const QHostAddress hostAddress(host);
    if (hostAddress.isNull()) {
        return fail(u"%1: <admin listen=\"%2\">: give an IP address, not a host name"_s.arg(
            configPath, admin.listen));
    }
    const bool tls = !admin.tlsCertificate.isEmpty() && !admin.tlsKey.isEmpty();
    const QString url = (tls ? u"https://"_s : u"http://"_s)
        + (hostAddress.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + host + u']' : host) + u':'
        + QString::number(address->port) + u"/api/v1/health"_s;

    // Over TLS the daemon must show the certificate the config names (it is
    // for a host name, not for the loopback address asked here): pinned.
    QSslCertificate expected;
    if (tls) {
        if (!QSslSocket::supportsSsl())
            return fail(u"%1: no TLS library (OpenSSL) is available to reach the admin API"_s.arg(url));
        QFile file(admin.tlsCertificate);
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(u"%1: <admin cert=\"%2\">: cannot read it: %3"_s.arg(
                configPath, admin.tlsCertificate, file.errorString()));
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (chain.isEmpty()) {
            return fail(
                u"%1: <admin cert=\"%2\">: no PEM certificate in it"_s.arg(configPath, admin.tlsCertificate));
        }
        expected = chain.constFirst();
    }

    const QDeadlineTimer deadline(TimeoutMs);
    std::unique_ptr<QTcpSocket> socket;
    if (tls) {
        auto ssl = std::make_unique<QSslSocket>();
        ssl->setPeerVerifyMode(QSslSocket::QueryPeer);
        ssl->connectToHostEncrypted(host, address->port);
        if (!ssl->waitForEncrypted(int(deadline.remainingTime())))
            return fail(u"%1: no TLS connection: %2"_s.arg(url, ssl->errorString()));
        if (ssl->peerCertificate() != expected) {
            return fail(u"%1: the server's certificate is not the one in <admin cert=\"%2\">"_s.arg(
                url, admin.tlsCertificate));
        }
        socket = std::move(ssl);
    } else {
        socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(host, address->port);
        if (!socket->waitForConnected(int(deadline.remainingTime())))
            return fail(u"%1: cannot connect: %2"_s.arg(url, socket->errorString()));
    }
    const QByteArray hostHeader = url.section(u'/', 2, 2).toLatin1();
    socket->write("GET /api/v1/health HTTP/1.1\r\nHost: " + hostHeader
        + "\r\nConnection: close\r\nUser-Agent: balancierd-health-check\r\n\r\n");
    // Connection: close, and the answer is small: read until the server closes.
    QByteArray answer;
    while (answer.size() < 65536) {
        if (socket->bytesAvailable() == 0 && !socket->waitForReadyRead(int(deadline.remainingTime())))
            break;
        answer += socket->readAll();
    }
    answer += socket->readAll();
    if (answer.isEmpty()) {
        return fail(deadline.hasExpired()
                ? u"%1: no answer within %2 ms"_s.arg(url).arg(TimeoutMs)
                : u"%1: the connection closed without an answer: %2"_s.arg(url, socket->errorString()));
    }
    const qsizetype lineEnd = answer.indexOf("\r\n");
    const QList<QByteArray> statusLine = answer.left(lineEnd).split(' ');
    bool numeric = false;
    const int status = statusLine.size() >= 2 ? statusLine.at(1).toInt(&numeric) : 0;
    if (lineEnd < 0 || !statusLine.constFirst().startsWith("HTTP/1.") || !numeric) {
        return fail(u"%1: not an HTTP answer: %2"_s.arg(
            url, QString::fromLatin1(answer.left(qMax(lineEnd, qsizetype(80))).left(80))));
    }
    const qsizetype bodyStart = answer.indexOf("\r\n\r\n");
    const QString body
        = bodyStart < 0 ? QString() : QString::fromUtf8(answer.mid(bodyStart + 4)).trimmed().left(500);
    if (status == 200) {
        Console::writeOutput(u"healthy: %1: %2\n"_s.arg(url, body));
        return ExitHealthy;
    }
    if (status == 503) {
        Console::writeOutput(u"not healthy: %1: %2\n"_s.arg(url, body));
        return ExitUnhealthy;
    }
    return fail(u"%1 answered %2: %3"_s.arg(url).arg(status).arg(body));
}

}  // namespace Balancier
