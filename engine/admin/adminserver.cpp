#include "adminserver.h"

#include "admin/adminformats.h"
#include "admin/adminhost.h"
#include "admin/httpconnection.h"
#include "admin/passwordhash.h"
#include "config/address.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "engine.h"
#include "logcategories.h"
#include "scheduling/scheduler.h"
#include "stats/statsjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

namespace Balancier {

struct AdminServer::Context
{
    const HttpRequest &request;
    const AdminUser &user;
    const QHash<QString, QString> &captures;
    HttpConnection *connection;
    bool json;  ///< answer errors as JSON (the /api/ paths)
    QString missing;  ///< first missing parameter, set by need()
    bool streamStarted = false;

    /// A required parameter; records the first missing one.
    QString need(const QString &name)
    {
        const QString value = request.parameter(name).trimmed();
        if (value.isEmpty() && missing.isEmpty())
            missing = name;
        return value;
    }
    QString capture(const QString &name) const { return captures.value(name); }
};

namespace {

constexpr int MaxRecentEvents = 512;

HttpResponse missingParameter(const QString &name, bool json)
{
    return HttpResponse::error(400, QStringLiteral("missing or empty parameter '%1'").arg(name), json);
}

HttpResponse applyOutcome(const ApplyResult &result, bool json, const QString &done)
{
    if (!result.ok) {
        QStringList messages;
        for (const Diagnostic &error : result.errors)
            messages.append(error.message);
        return HttpResponse::error(400, messages.join(QStringLiteral("; ")), json);
    }
    if (json) {
        QJsonArray changes;
        for (const ConfigChange &change : result.changes)
            changes.append(change.description());
        QJsonObject object;
        object.insert(QStringLiteral("ok"), true);
        object.insert(QStringLiteral("changes"), changes);
        object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings));
        return HttpResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    QString text = done;
    for (const QString &warning : result.warnings)
        text += QStringLiteral("\nwarning: ") + warning;
    return HttpResponse::text(200, text);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject hostConfigJson(const HostConfig &host)
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), host.name);
    object.insert(QStringLiteral("address"), host.address);
    object.insert(QStringLiteral("weight"), host.weight);
    object.insert(QStringLiteral("maxconns"), host.maxConns);
    object.insert(QStringLiteral("state"), hostAdminStateName(host.adminState));
    return object;
}

bool isLoopback(const QString &host)
{
    QHostAddress address;
    if (host == u"localhost")
        return true;
    return address.setAddress(host) && address.isLoopback();
}

}  // namespace

const QList<AdminServer::Command> &AdminServer::commands()
{
    // The explicit command table: every endpoint, its method and its role.
    static const QList<Command> table = {
        {"GET", QStringLiteral("/"), Access::Read, &AdminServer::runningPage},
        {"GET", QStringLiteral("/running"), Access::Read, &AdminServer::runningPage},
        {"GET", QStringLiteral("/running.txt"), Access::Read, &AdminServer::runningText},
        {"GET", QStringLiteral("/running.xml"), Access::Read, &AdminServer::runningXml},
        {"GET", QStringLiteral("/config.xml"), Access::Read, &AdminServer::configXml},
        {"POST", QStringLiteral("/addHost"), Access::Write, &AdminServer::addHost},
        {"POST", QStringLiteral("/delHost"), Access::Write, &AdminServer::delHost},
        {"POST", QStringLiteral("/delAllHosts"), Access::Write, &AdminServer::delAllHosts},
        {"POST", QStringLiteral("/enableGroup"), Access::Write, &AdminServer::enableGroupCommand},
        {"POST", QStringLiteral("/changeScheduler"), Access::Write, &AdminServer::changeScheduler},
        {"POST", QStringLiteral("/addUser"), Access::Write, &AdminServer::addUser},
        {"POST", QStringLiteral("/delUser"), Access::Write, &AdminServer::delUser},
        {"POST", QStringLiteral("/save"), Access::Write, &AdminServer::save},
        {"POST", QStringLiteral("/retryHost"), Access::Write, &AdminServer::retryHost},
        {"POST", QStringLiteral("/hostAdminDown"), Access::Write, &AdminServer::hostAdminDown},
        {"POST", QStringLiteral("/hostAdminUp"), Access::Write, &AdminServer::hostAdminUp},
        {"POST", QStringLiteral("/hostDrain"), Access::Write, &AdminServer::hostDrain},
        {"POST", QStringLiteral("/newService"), Access::Write, &AdminServer::newService},
        {"POST", QStringLiteral("/newGroup"), Access::Write, &AdminServer::newGroup},
        {"POST", QStringLiteral("/delGroup"), Access::Write, &AdminServer::delGroup},
        {"GET", QStringLiteral("/api/v1/status"), Access::Read, &AdminServer::apiStatus},
        {"GET", QStringLiteral("/api/v1/events"), Access::Read, &AdminServer::apiEvents},
        {"GET", QStringLiteral("/api/v1/config"), Access::Read, &AdminServer::apiGetConfig},
        {"PUT", QStringLiteral("/api/v1/config"), Access::Write, &AdminServer::apiPutConfig},
        {"POST", QStringLiteral("/api/v1/save"), Access::Write, &AdminServer::apiSave},
        {"GET", QStringLiteral("/api/v1/services"), Access::Read, &AdminServer::apiServices},
        {"GET", QStringLiteral("/api/v1/services/{service}"), Access::Read, &AdminServer::apiService},
        {"POST", QStringLiteral("/api/v1/services/{service}/groups/{group}/enable"), Access::Write,
            &AdminServer::apiEnableGroup},
        {"PUT", QStringLiteral("/api/v1/services/{service}/groups/{group}/scheduler"), Access::Write,
            &AdminServer::apiSetScheduler},
        {"GET", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts"), Access::Read,
            &AdminServer::apiHosts},
        {"GET", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}"), Access::Read,
            &AdminServer::apiHost},
        {"PUT", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}"), Access::Write,
            &AdminServer::apiPutHost},
        {"DELETE", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}"), Access::Write,
            &AdminServer::apiDeleteHost},
        {"POST", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}/{action}"),
            Access::Write, &AdminServer::apiHostAction},
        {"GET", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}/history"),
            Access::Read, &AdminServer::apiHostHistory},
        {"GET", QStringLiteral("/metrics"), Access::Public, &AdminServer::metrics},
    };
    return table;
}

namespace {

/// Matches "/a/{x}/b" against a path; fills captures.
bool matchPattern(const QString &pattern, const QString &path, QHash<QString, QString> *captures)
{
    const QStringList want = pattern.split(u'/');
    const QStringList have = path.split(u'/');
    if (want.size() != have.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QString &segment = want.at(i);
        if (segment.startsWith(u'{') && segment.endsWith(u'}')) {
            if (have.at(i).isEmpty())
                return false;
            found.insert(segment.mid(1, segment.size() - 2), have.at(i));
        } else if (segment != have.at(i)) {
            return false;
        }
    }
    *captures = found;
    return true;
}

}  // namespace

AdminServer::AdminServer(Engine &engine, AdminHost *host, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_host(host)
    , m_requestTimeoutMs(HttpConnection::RequestTimeoutMs)
    , m_idleTimeoutMs(HttpConnection::IdleTimeoutMs)
{
    m_clock.start();
    m_secret.resize(32);
    QRandomGenerator::system()->generate(m_secret.begin(), m_secret.end());
    connect(&m_engine, &Engine::statsUpdated, this, &AdminServer::handleStats);
    connect(&m_engine, &Engine::hostStateChanged, this,
        [this](const QString &service, const QString &group, const QString &hostName,
            const HostStateEvent &event) {
            QJsonObject object;
            object.insert(QStringLiteral("service"), service);
            object.insert(QStringLiteral("group"), group);
            object.insert(QStringLiteral("host"), hostName);
            object.insert(QStringLiteral("state"), event.state);
            object.insert(QStringLiteral("reason"), event.reason);
            object.insert(QStringLiteral("when"), event.when.toString(Qt::ISODateWithMs));
            broadcast("host", compact(object), true);
        });
    connect(&m_engine, &Engine::configApplied, this, [this](const QList<ConfigChange> &changes) {
        QJsonArray list;
        for (const ConfigChange &change : changes)
            list.append(change.description());
        QJsonObject object;
        object.insert(QStringLiteral("changes"), list);
        broadcast("config", compact(object), true);
    });
}

AdminServer::~AdminServer()
{
    stop();
}

void AdminServer::setTimeouts(int requestTimeoutMs, int idleTimeoutMs)
{
    m_requestTimeoutMs = requestTimeoutMs;
    m_idleTimeoutMs = idleTimeoutMs;
}

bool AdminServer::start(const AdminConfig &config, QString *error)
{
    stop();
    m_config = config;
    QString parseError;
    const std::optional<Address> address = parseAddress(config.listen, true, &parseError);
    if (!address) {
        *error = QStringLiteral("<admin listen=\"%1\">: %2").arg(config.listen, parseError);
        return false;
    }
    m_tls = !config.tlsCertificate.isEmpty() || !config.tlsKey.isEmpty();
    const bool loopback = isLoopback(address->host);
    if (!loopback && !m_tls && !config.allowInsecureRemote) {
        *error = QStringLiteral("refusing to serve the admin API without TLS on %1, which is not a loopback "
                                "address: set <admin cert=\"…\" key=\"…\">, listen on 127.0.0.1, or set "
                                "insecure=\"yes\" if this is really intended")
                     .arg(config.listen);
        return false;
    }
    if (m_tls) {
        QFile certFile(config.tlsCertificate);
        QFile keyFile(config.tlsKey);
        if (config.tlsCertificate.isEmpty() || config.tlsKey.isEmpty()) {
            *error = QStringLiteral("<admin>: TLS needs both cert and key");
            return false;
        }
        if (!certFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("<admin cert=\"%1\">: %2")
                         .arg(config.tlsCertificate, certFile.errorString());
            return false;
        }
        if (!keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("<admin key=\"%1\">: %2").arg(config.tlsKey, keyFile.errorString());
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty()) {
            *error
                = QStringLiteral("<admin cert=\"%1\">: no PEM certificate found").arg(config.tlsCertificate);
            return false;
        }
        if (key.isNull()) {
            *error = QStringLiteral("<admin key=\"%1\">: no unencrypted PEM RSA or EC key found")
                         .arg(config.tlsKey);
            return false;
        }
        auto server = std::make_unique<QSslServer>();
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(key);
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
        server->setSslConfiguration(ssl);
        server->setHandshakeTimeout(m_requestTimeoutMs);
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    QHostAddress host;
    if (address->isAnyInterface())
        host = address->host == u"0.0.0.0" ? QHostAddress(QHostAddress::AnyIPv4)
                                           : QHostAddress(QHostAddress::Any);
    else if (address->host == u"localhost")
        host = QHostAddress(QHostAddress::LocalHost);
    else if (!host.setAddress(address->host)) {
        *error
            = QStringLiteral("<admin listen=\"%1\">: give an IP address, not a host name").arg(config.listen);
        m_server.reset();
        return false;
    }
    m_server->setMaxPendingConnections(MaxConnections);
    // With TLS, a connection is handed over only after its handshake.
    if (m_tls)
        connect(
            m_server.get(), &QSslServer::pendingConnectionAvailable, this, &AdminServer::handleNewConnection);
    else
        connect(m_server.get(), &QTcpServer::newConnection, this, &AdminServer::handleNewConnection);
    if (!m_server->listen(host, address->port)) {
        *error = QStringLiteral("cannot listen on %1 for the admin API: %2")
                     .arg(config.listen, m_server->errorString());
        m_server.reset();
        return false;
    }
    qCInfo(lcAdmin, "admin API on %s", qUtf8Printable(url()));
    if (m_config.users.isEmpty())
        qCWarning(lcAdmin, "admin API has no <user>: every request will be refused");
    return true;
}

void AdminServer::stop()
{
    for (const QPointer<HttpConnection> &connection : std::as_const(m_connections)) {
        if (connection)
            connection->deleteLater();
    }
    m_connections.clear();
    m_streams.clear();
    m_server.reset();
}

bool AdminServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 AdminServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString AdminServer::url() const
{
    if (!m_server)
        return {};
    QHostAddress address = m_server->serverAddress();
    QString host = address.toString();
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6)
        host = QStringLiteral("127.0.0.1");
    else if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return QStringLiteral("%1://%2:%3")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), host, QString::number(port()));
}

void AdminServer::handleNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_connections.removeIf([](const QPointer<HttpConnection> &c) { return c.isNull(); });
        if (m_connections.size() >= MaxConnections) {
            qCWarning(lcAdmin, "admin: connection limit %d reached; refusing %s", MaxConnections,
                qUtf8Printable(socket->peerAddress().toString()));
            socket->write(
                HttpResponse::text(503, QStringLiteral("too many admin connections")).serialize(false));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        auto *connection = new HttpConnection(socket, this);
        connection->setTimeouts(m_requestTimeoutMs, m_idleTimeoutMs);
        m_connections.append(connection);
        connect(connection, &HttpConnection::requestReceived, this, &AdminServer::handleRequest);
        connect(
            connection, &HttpConnection::closed, this, [](HttpConnection *closed) { closed->deleteLater(); });
    }
}

QString AdminServer::csrfToken(const QString &user) const
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(user.toUtf8(), m_secret, QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool AdminServer::checkCsrf(const HttpRequest &request, const AdminUser &user, QString *why) const
{
    // A browser adds Origin (or at least Referer) to a cross-site form post; scripts send neither.
    const QByteArray origin = request.header("origin");
    const QByteArray referer = request.header("referer");
    const QByteArray fetchSite = request.header("sec-fetch-site");
    const bool fromBrowser = !origin.isEmpty() || !referer.isEmpty() || !fetchSite.isEmpty();
    if (!fromBrowser)
        return true;
    const QByteArray host = request.header("host");
    const auto sameOrigin = [&](const QByteArray &url) {
        const qsizetype scheme = url.indexOf("://");
        if (scheme < 0)
            return false;
        QByteArray authority = url.mid(scheme + 3);
        const qsizetype slash = authority.indexOf('/');
        if (slash >= 0)
            authority.truncate(slash);
        return !host.isEmpty() && authority == host;
    };
    if ((!origin.isEmpty() && origin != "null" && !sameOrigin(origin)) || (origin == "null")
        || (origin.isEmpty() && !referer.isEmpty() && !sameOrigin(referer))
        || (!fetchSite.isEmpty() && fetchSite != "same-origin" && fetchSite != "none")) {
        *why = QStringLiteral("cross-site request refused");
        return false;
    }
    const QString token = request.parameter(QStringLiteral("csrf"));
    const QByteArray headerToken = request.header("x-csrf-token");
    const QString expected = csrfToken(user.name);
    const QString given = token.isEmpty() ? QString::fromLatin1(headerToken) : token;
    if (given.isEmpty() || given.size() != expected.size()) {
        *why = QStringLiteral("missing or invalid CSRF token");
        return false;
    }
    // Constant-time comparison.
    ushort difference = 0;
    for (qsizetype i = 0; i < given.size(); ++i)
        difference |= given.at(i).unicode() ^ expected.at(i).unicode();
    if (difference != 0) {
        *why = QStringLiteral("missing or invalid CSRF token");
        return false;
    }
    return true;
}

void AdminServer::finish(HttpConnection *connection, const HttpRequest &request, const HttpResponse &response)
{
    connection->respond(response, request.keepAlive);
}

void AdminServer::handleRequest(HttpConnection *connection, const HttpRequest &request)
{
    const bool json = request.path.startsWith(QStringLiteral("/api/"));
    QHash<QString, QString> captures;
    const Command *command = nullptr;
    QStringList allowed;
    for (const Command &candidate : commands()) {
        QHash<QString, QString> found;
        if (!matchPattern(candidate.pattern, request.path, &found))
            continue;
        if (candidate.method == request.method || (candidate.method == "GET" && request.method == "HEAD")) {
            // A literal segment beats a capture ("/history" vs "/{action}").
            if (!command || found.size() < captures.size()) {
                command = &candidate;
                captures = found;
            }
        } else {
            allowed.append(QString::fromLatin1(candidate.method));
        }
    }
    if (!command) {
        if (!allowed.isEmpty()) {
            allowed.removeDuplicates();
            HttpResponse response = HttpResponse::error(405,
                allowed.contains(QStringLiteral("POST")) && request.method == "GET"
                    ? QStringLiteral("%1 changes state: use POST (for example: curl -u USER -X POST '…%1?…')")
                          .arg(request.path)
                    : QStringLiteral("method %1 is not allowed here; use %2")
                          .arg(QString::fromLatin1(request.method), allowed.join(QStringLiteral(", "))),
                json);
            response.headers.emplaceBack("Allow", allowed.join(QStringLiteral(", ")).toLatin1());
            finish(connection, request, response);
            return;
        }
        finish(connection, request,
            HttpResponse::error(404, QStringLiteral("no such endpoint: %1").arg(request.path), json));
        return;
    }

    if (command->access == Access::Public && m_config.metricsPublic) {
        const AdminUser anonymous;
        dispatch(connection, request, anonymous, *command, captures);
        return;
    }
    const AdminAuth::Outcome outcome = m_auth.authenticate(request, m_engine.runningConfig().admin.users);
    if (outcome.holdMs > 0) {
        // The brake: come back to this request later; the check itself waits.
        QPointer<HttpConnection> guard(connection);
        QTimer::singleShot(outcome.holdMs, this, [this, guard, request] {
            if (guard)
                handleRequest(guard, request);
        });
        return;
    }
    if (!outcome.user) {
        if (outcome.failedLogin) {
            qCWarning(lcAdmin, "admin: failed login from %s (%d in a row): %s",
                qUtf8Printable(request.peer.toString()), outcome.failureCount,
                qUtf8Printable(outcome.failure));
        }
        HttpResponse response = HttpResponse::error(401, QStringLiteral("authentication required"), json);
        response.headers.emplaceBack("WWW-Authenticate", "Basic realm=\"balancier\", charset=\"UTF-8\"");
        finish(connection, request, response);
        return;
    }
    const AdminUser &user = *outcome.user;
    if (command->access == Access::Write) {
        if (user.access != AdminUser::Access::Full) {
            finish(connection, request,
                HttpResponse::error(403, QStringLiteral("user '%1' is read-only").arg(user.name), json));
            return;
        }
        QString why;
        if (!checkCsrf(request, user, &why)) {
            qCWarning(lcAdmin, "admin: %s from %s: %s %s", qUtf8Printable(why),
                qUtf8Printable(request.peer.toString()), request.method.constData(),
                qUtf8Printable(request.path));
            finish(connection, request, HttpResponse::error(403, why, json));
            return;
        }
    }
    dispatch(connection, request, user, *command, captures);
}

void AdminServer::dispatch(HttpConnection *connection, const HttpRequest &request, const AdminUser &user,
    const Command &command, const QHash<QString, QString> &captures)
{
    Context context{
        request, user, captures, connection, request.path.startsWith(QStringLiteral("/api/")), {}};
    HttpResponse response = (this->*command.handler)(context);
    if (context.streamStarted)
        return;
    if (command.access == Access::Write) {
        qCInfo(lcAdmin, "admin: %s %s by %s from %s: %d", request.method.constData(),
            qUtf8Printable(request.path), qUtf8Printable(user.name), qUtf8Printable(request.peer.toString()),
            response.status);
        if (request.parameter(QStringLiteral("redirect")) == u"1") {
            // From the status page: back to it, with the outcome as a notice.
            QString notice = QString::fromUtf8(response.body).trimmed();
            if (response.status >= 400)
                notice.prepend(QStringLiteral("Error: "));
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("notice"), notice.left(500));
            HttpResponse redirect;
            redirect.status = 303;
            redirect.headers.append(
                {"Location", "/running?" + query.toString(QUrl::FullyEncoded).toLatin1()});
            response = redirect;
        }
    }
    if (request.method == "HEAD")
        response.body.clear();
    finish(connection, request, response);
}

// --- pythondirector-compatible commands -------------------------------------------------

HttpResponse AdminServer::runningPage(Context &context)
{
    return HttpResponse::html(200,
        AdminFormats::statusPage(m_engine.snapshot(), context.user.name,
            context.user.access == AdminUser::Access::Full, csrfToken(context.user.name),
            context.request.parameter(QStringLiteral("notice"))));
}

HttpResponse AdminServer::runningText(Context &)
{
    HttpResponse response;
    response.headers.emplaceBack("Content-Type", "text/plain; charset=utf-8");
    response.body = AdminFormats::runningText(m_engine.snapshot());
    return response;
}

HttpResponse AdminServer::runningXml(Context &)
{
    return HttpResponse::xml(200, ConfigDocument::serialize(m_engine.runningConfig()));
}

HttpResponse AdminServer::configXml(Context &)
{
    const QByteArray loaded = m_host ? m_host->loadedConfig() : QByteArray();
    if (loaded.isEmpty())
        return HttpResponse::xml(200, ConfigDocument::serialize(m_engine.runningConfig()));
    return HttpResponse::xml(200, loaded);
}

namespace {

/// Finds a host by name, or by address when only `ip` is given.
QString resolveHostName(const Config &config, const QString &service, const QString &group,
    const QString &name, const QString &ip)
{
    if (!name.isEmpty())
        return name;
    const ServiceConfig *serviceConfig = config.service(service);
    const GroupConfig *groupConfig = serviceConfig ? serviceConfig->group(group) : nullptr;
    if (!groupConfig)
        return {};
    for (const HostConfig &host : groupConfig->hosts) {
        if (host.address == ip)
            return host.name;
    }
    return {};
}

}  // namespace

HttpResponse AdminServer::addHost(Context &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    const QString name = context.need(QStringLiteral("name"));
    const QString ip = context.need(QStringLiteral("ip"));
    if (!context.missing.isEmpty())
        return missingParameter(context.missing, context.json);
    HostConfig host;
    host.name = name;
    host.address = ip;
    if (context.request.hasParameter(QStringLiteral("weight"))) {
        bool ok = false;
        host.weight = context.request.parameter(QStringLiteral("weight")).toInt(&ok);
        if (!ok || host.weight < 0)
            return HttpResponse::error(
                400, QStringLiteral("parameter 'weight': expected a non-negative integer"), context.json);
    }
    return applyOutcome(m_engine.addHost(service, group, host), context.json,
        QStringLiteral("host %1 (%2) added to %3/%4").arg(name, ip, service, group));
}

HttpResponse AdminServer::delHost(Context &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (!context.missing.isEmpty())
        return missingParameter(context.missing, context.json);
    const QString name = context.request.parameter(QStringLiteral("name")).trimmed();
    const QString ip = context.request.parameter(QStringLiteral("ip")).trimmed();
    if (name.isEmpty() && ip.isEmpty())
        return missingParameter(QStringLiteral("ip' or 'name"), context.json);
    const QString host = resolveHostName(m_engine.runningConfig(), service, group, name, ip);
    if (host.isEmpty())
        return HttpResponse::error(
            400, QStringLiteral("no host with address '%1' in %2/%3").arg(ip, service, group), context.json);
    return applyOutcome(m_engine.removeHost(service, group, host), context.json,
        QStringLiteral("host %1 removed from %2/%3; open connections drain").arg(host, service, group));
}

HttpResponse AdminServer::delAllHosts(Context &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (!context.missing.isEmpty())
        return missingParameter(context.missing, context.json);
    Config config = m_engine.runningConfig();
    ServiceConfig *serviceConfig = config.service(service);
    GroupConfig *groupConfig = serviceConfig ? serviceConfig->group(group) : nullptr;
    if (!groupConfig)
        return HttpResponse::error(
            400, QStringLiteral("no group '%1' in service '%2'").arg(group, service), context.json);
    groupConfig->hosts.clear();
    return applyOutcome(m_engine.apply(config), context.json,
        QStringLiteral("all hosts removed from %1/%2").arg(service, group));
}

HttpResponse AdminServer::enableGroupCommand(Context &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (!context.missing.isEmpty())
        return missingParameter(context.missing, context.json);
    return applyOutcome(m_engine.enableGroup(service, group), context.json,
        QStringLiteral("group %1 enabled for service %2").arg(group, service));
}

HttpResponse AdminServer::changeScheduler(Context &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    const QString scheduler = context.need(QStringLiteral("scheduler"));
    if (!context.missing.isEmpty())
        return missingParameter(context.missing, context.json);
    if (SchedulerRegistry::canonicalName(scheduler).isEmpty()) {
        QStringList names;
        for (const SchedulerInfo &info : SchedulerRegistry::all())
            names.append(info.name);
        return HttpResponse::error(400,
            QStringLiteral("parameter 'scheduler': unknown scheduler '%1'; expected one of %2")
                .arg(scheduler, names.join(QStringLiteral(", "))),
            context.json);
    }
    return applyOutcome(m_engine.setScheduler(service, group, scheduler), context.json,
        QStringLiteral("scheduler of %1/%2 is now %3").arg(service, group, scheduler));
}

HttpResponse AdminServer::addUser(Context &context)
{
    const QString name = context.need(QStringLiteral("name"));
    const QString password = context.request.parameter(QStringLiteral("password"));
    if (!context.missing.isEmpty())
        return missingParameter(context.missing, context.json);
    if (password.isEmpty())
        return missingParameter(QStringLiteral("password"), context.json);
    const QString access = context.request.parameter(QStringLiteral("access")).trimmed();
    AdminUser user;
    user.name = name;
    if (access.isEmpty() || access == u"readonly")
        user.access = AdminUser::Access::ReadOnly;
    else if (access == u"full")
        user.access = AdminUser::Access::Full;
    else
        return HttpResponse::error(
            400, QStringLiteral("parameter 'access': expected 'full' or 'readonly'"), context.json);
    user.passwordHash = PasswordHash::create(password);
    Config config = m_engine.runningConfig();
    for (const AdminUser &existing : config.admin.users) {
        if (existing.name == name)
            return HttpResponse::error(
                400, QStringLiteral("user '%1' exists already").arg(name), context.json);
    }
    config.admin.users.append(user);
    return applyOutcome(m_engine.apply(config), context.json, QStringLiteral("user %1 added").arg(name));
}

HttpResponse AdminServer::delUser(Context &context)
{
    const QString name = context.need(QStringLiteral("name"));
    if (!context.missing.isEmpty())
        return missingParameter(context.missing, context.json);
    Config config = m_engine.runningConfig();
    const qsizetype before = config.admin.users.size();
    config.admin.users.removeIf([&](const AdminUser &user) { return user.name == name; });
    if (config.admin.users.size() == before)
        return HttpResponse::error(400, QStringLiteral("no user named '%1'").arg(name), context.json);
    return applyOutcome(m_engine.apply(config), context.json, QStringLiteral("user %1 removed").arg(name));
}

HttpResponse AdminServer::save(Context &context)
{
    QString error;
    if (!m_host || !m_host->saveRunningConfig(&error))
        return HttpResponse::error(500,
            error.isEmpty() ? QStringLiteral("this balancer has no config file to save to") : error,
            context.json);
    return context.json ? HttpResponse::json(200, R"({"ok":true})")
                        : HttpResponse::text(200, QStringLiteral("running config saved"));
}

namespace {

struct HostTarget
{
    QString service;
    QString group;
    QString host;
};

}  // namespace

#define BALANCIER_HOST_TARGET(context)                                                                       \
    const QString service = context.need(QStringLiteral("service"));                                         \
    const QString group = context.need(QStringLiteral("group"));                                             \
    if (!context.missing.isEmpty())                                                                          \
        return missingParameter(context.missing, context.json);                                              \
    const QString name = context.request.parameter(QStringLiteral("name")).trimmed();                        \
    const QString ip = context.request.parameter(QStringLiteral("ip")).trimmed();                            \
    if (name.isEmpty() && ip.isEmpty())                                                                      \
        return missingParameter(QStringLiteral("name' or 'ip"), context.json);                               \
    const QString host = resolveHostName(m_engine.runningConfig(), service, group, name, ip);                \
    if (host.isEmpty())                                                                                      \
        return HttpResponse::error(400,                                                                      \
            QStringLiteral("no host with address '%1' in %2/%3").arg(ip, service, group), context.json);

HttpResponse AdminServer::retryHost(Context &context)
{
    BALANCIER_HOST_TARGET(context)
    if (!m_engine.retryHost(service, group, host))
        return HttpResponse::error(
            400, QStringLiteral("no host '%1' in %2/%3 to probe").arg(host, service, group), context.json);
    return HttpResponse::text(200, QStringLiteral("probing host %1 now").arg(host));
}

HttpResponse AdminServer::hostAdminDown(Context &context)
{
    BALANCIER_HOST_TARGET(context)
    return applyOutcome(m_engine.setHostAdminState(service, group, host, HostAdminState::Maintenance),
        context.json, QStringLiteral("host %1 is in maintenance").arg(host));
}

HttpResponse AdminServer::hostAdminUp(Context &context)
{
    BALANCIER_HOST_TARGET(context)
    return applyOutcome(m_engine.setHostAdminState(service, group, host, HostAdminState::Ready), context.json,
        QStringLiteral("host %1 is ready").arg(host));
}

HttpResponse AdminServer::hostDrain(Context &context)
{
    BALANCIER_HOST_TARGET(context)
    return applyOutcome(m_engine.setHostAdminState(service, group, host, HostAdminState::Drain), context.json,
        QStringLiteral("host %1 is draining").arg(host));
}

#undef BALANCIER_HOST_TARGET

HttpResponse AdminServer::newService(Context &context)
{
    const QString name = context.need(QStringLiteral("service"));
    const QString listen = context.need(QStringLiteral("listen"));
    const QString group = context.need(QStringLiteral("group"));
    const QString host = context.need(QStringLiteral("name"));
    const QString ip = context.need(QStringLiteral("ip"));
    if (!context.missing.isEmpty())
        return missingParameter(context.missing, context.json);
    Config config = m_engine.runningConfig();
    if (config.service(name))
        return HttpResponse::error(
            400, QStringLiteral("service '%1' exists already").arg(name), context.json);
    ServiceConfig service;
    service.name = name;
    service.listeners = {listen};
    GroupConfig groupConfig;
    groupConfig.name = group;
    const QString scheduler = context.request.parameter(QStringLiteral("scheduler")).trimmed();
    if (!scheduler.isEmpty())
        groupConfig.scheduler = scheduler;
    HostConfig hostConfig;
    hostConfig.name = host;
    hostConfig.address = ip;
    groupConfig.hosts = {hostConfig};
    service.groups = {groupConfig};
    service.enabledGroup = group;
    config.services.append(service);
    return applyOutcome(m_engine.apply(config), context.json,
        QStringLiteral("service %1 listening on %2 created").arg(name, listen));
}

HttpResponse AdminServer::newGroup(Context &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (!context.missing.isEmpty())
        return missingParameter(context.missing, context.json);
    Config config = m_engine.runningConfig();
    ServiceConfig *serviceConfig = config.service(service);
    if (!serviceConfig)
        return HttpResponse::error(400, QStringLiteral("no service named '%1'").arg(service), context.json);
    if (serviceConfig->group(group))
        return HttpResponse::error(
            400, QStringLiteral("group '%1' exists already in %2").arg(group, service), context.json);
    GroupConfig groupConfig;
    groupConfig.name = group;
    const QString scheduler = context.request.parameter(QStringLiteral("scheduler")).trimmed();
    if (!scheduler.isEmpty())
        groupConfig.scheduler = scheduler;
    serviceConfig->groups.append(groupConfig);
    return applyOutcome(
        m_engine.apply(config), context.json, QStringLiteral("group %1 added to %2").arg(group, service));
}

HttpResponse AdminServer::delGroup(Context &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (!context.missing.isEmpty())
        return missingParameter(context.missing, context.json);
    Config config = m_engine.runningConfig();
    ServiceConfig *serviceConfig = config.service(service);
    if (!serviceConfig || !serviceConfig->group(group))
        return HttpResponse::error(
            400, QStringLiteral("no group '%1' in service '%2'").arg(group, service), context.json);
    if (serviceConfig->enabledGroup == group)
        return HttpResponse::error(400,
            QStringLiteral("group '%1' is enabled; enable another group first").arg(group), context.json);
    serviceConfig->groups.removeIf([&](const GroupConfig &entry) { return entry.name == group; });
    return applyOutcome(
        m_engine.apply(config), context.json, QStringLiteral("group %1 removed from %2").arg(group, service));
}

// --- JSON API ----------------------------------------------------------------------------

HttpResponse AdminServer::apiStatus(Context &)
{
    return HttpResponse::json(200, compact(statsToJson(m_engine.snapshot())));
}

HttpResponse AdminServer::apiServices(Context &)
{
    const QJsonObject status = statsToJson(m_engine.snapshot());
    QJsonObject object;
    object.insert(QStringLiteral("services"), status.value(QStringLiteral("services")));
    return HttpResponse::json(200, compact(object));
}

HttpResponse AdminServer::apiService(Context &context)
{
    const QJsonArray services = statsToJson(m_engine.snapshot()).value(QStringLiteral("services")).toArray();
    for (const QJsonValue &service : services) {
        if (service.toObject().value(QStringLiteral("name")).toString()
            == context.capture(QStringLiteral("service")))
            return HttpResponse::json(200, compact(service.toObject()));
    }
    return HttpResponse::error(
        404, QStringLiteral("no service named '%1'").arg(context.capture(QStringLiteral("service"))), true);
}

HttpResponse AdminServer::apiEnableGroup(Context &context)
{
    return applyOutcome(m_engine.enableGroup(context.capture(QStringLiteral("service")),
                            context.capture(QStringLiteral("group"))),
        true, {});
}

namespace {

/// The request body as a JSON object, or an error response.
std::optional<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = HttpResponse::error(400,
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("body: invalid JSON at offset %1: %2")
                      .arg(parseError.offset)
                      .arg(parseError.errorString())
                : QStringLiteral("body: expected a JSON object"),
            true);
        return std::nullopt;
    }
    return document.object();
}

}  // namespace

HttpResponse AdminServer::apiSetScheduler(Context &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    const QString scheduler = body->value(QStringLiteral("scheduler")).toString();
    if (scheduler.isEmpty())
        return HttpResponse::error(400, QStringLiteral("body: missing string field 'scheduler'"), true);
    return applyOutcome(m_engine.setScheduler(context.capture(QStringLiteral("service")),
                            context.capture(QStringLiteral("group")), scheduler),
        true, {});
}

HttpResponse AdminServer::apiHosts(Context &context)
{
    const Config config = m_engine.runningConfig();
    const ServiceConfig *service = config.service(context.capture(QStringLiteral("service")));
    const GroupConfig *group = service ? service->group(context.capture(QStringLiteral("group"))) : nullptr;
    if (!group)
        return HttpResponse::error(404, QStringLiteral("no such service or group"), true);
    QJsonArray hosts;
    for (const HostConfig &host : group->hosts) {
        QJsonObject object = hostConfigJson(host);
        if (const auto runtime = m_engine.host(service->name, group->name, host.name)) {
            object.insert(QStringLiteral("health"), runtime->stateName());
            object.insert(QStringLiteral("active"), runtime->active.load());
        }
        hosts.append(object);
    }
    QJsonObject object;
    object.insert(QStringLiteral("hosts"), hosts);
    return HttpResponse::json(200, compact(object));
}

HttpResponse AdminServer::apiHost(Context &context)
{
    const Config config = m_engine.runningConfig();
    const ServiceConfig *service = config.service(context.capture(QStringLiteral("service")));
    const GroupConfig *group = service ? service->group(context.capture(QStringLiteral("group"))) : nullptr;
    const HostConfig *host = group ? group->host(context.capture(QStringLiteral("host"))) : nullptr;
    if (!host)
        return HttpResponse::error(404, QStringLiteral("no such host"), true);
    QJsonObject object = hostConfigJson(*host);
    if (const auto runtime = m_engine.host(service->name, group->name, host->name)) {
        object.insert(QStringLiteral("health"), runtime->stateName());
        object.insert(QStringLiteral("reason"), runtime->downReason);
        object.insert(QStringLiteral("active"), runtime->active.load());
        object.insert(QStringLiteral("total"), runtime->total.load());
        object.insert(QStringLiteral("failedConnects"), runtime->failedConnects.load());
        object.insert(QStringLiteral("lastProbe"), runtime->lastProbeResult);
    }
    return HttpResponse::json(200, compact(object));
}

HttpResponse AdminServer::apiPutHost(Context &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    const QString serviceName = context.capture(QStringLiteral("service"));
    const QString groupName = context.capture(QStringLiteral("group"));
    const QString hostName = context.capture(QStringLiteral("host"));
    Config config = m_engine.runningConfig();
    ServiceConfig *service = config.service(serviceName);
    GroupConfig *group = service ? service->group(groupName) : nullptr;
    if (!group)
        return HttpResponse::error(
            404, QStringLiteral("no group '%1' in service '%2'").arg(groupName, serviceName), true);
    HostConfig *host = group->host(hostName);
    const bool created = !host;
    if (created) {
        group->hosts.append(HostConfig{});
        host = &group->hosts.last();
        host->name = hostName;
    }
    static const QStringList known = {QStringLiteral("address"), QStringLiteral("weight"),
        QStringLiteral("maxconns"), QStringLiteral("state")};
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (!known.contains(it.key()))
            return HttpResponse::error(400,
                QStringLiteral("body: unknown field '%1'; expected %2")
                    .arg(it.key(), known.join(QStringLiteral(", "))),
                true);
    }
    if (body->contains(QStringLiteral("address"))) {
        if (!body->value(QStringLiteral("address")).isString())
            return HttpResponse::error(400, QStringLiteral("body: 'address' must be a string"), true);
        host->address = body->value(QStringLiteral("address")).toString();
    } else if (created) {
        return HttpResponse::error(400, QStringLiteral("body: a new host needs 'address'"), true);
    }
    for (const auto &[field, target] : {std::pair{QStringLiteral("weight"), &host->weight},
             std::pair{QStringLiteral("maxconns"), &host->maxConns}}) {
        if (!body->contains(field))
            continue;
        const QJsonValue value = body->value(field);
        if (!value.isDouble() || value.toDouble() != double(value.toInt()))
            return HttpResponse::error(400, QStringLiteral("body: '%1' must be an integer").arg(field), true);
        *target = value.toInt();
    }
    if (body->contains(QStringLiteral("state"))) {
        const std::optional<HostAdminState> state
            = hostAdminStateFromName(body->value(QStringLiteral("state")).toString());
        if (!state)
            return HttpResponse::error(
                400, QStringLiteral("body: 'state' must be ready, drain or maintenance"), true);
        host->adminState = *state;
    }
    HttpResponse response = applyOutcome(m_engine.apply(config), true, {});
    if (created && response.status == 200)
        response.status = 201;
    return response;
}

HttpResponse AdminServer::apiDeleteHost(Context &context)
{
    return applyOutcome(
        m_engine.removeHost(context.capture(QStringLiteral("service")),
            context.capture(QStringLiteral("group")), context.capture(QStringLiteral("host"))),
        true, {});
}

HttpResponse AdminServer::apiHostAction(Context &context)
{
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const QString host = context.capture(QStringLiteral("host"));
    const QString action = context.capture(QStringLiteral("action"));
    if (action == u"retry") {
        if (!m_engine.retryHost(service, group, host))
            return HttpResponse::error(404, QStringLiteral("no such host"), true);
        return HttpResponse::json(200, R"({"ok":true})");
    }
    HostAdminState state;
    if (action == u"drain")
        state = HostAdminState::Drain;
    else if (action == u"maintenance")
        state = HostAdminState::Maintenance;
    else if (action == u"ready")
        state = HostAdminState::Ready;
    else
        return HttpResponse::error(404,
            QStringLiteral("unknown host action '%1'; expected drain, maintenance, ready or retry")
                .arg(action),
            true);
    return applyOutcome(m_engine.setHostAdminState(service, group, host, state), true, {});
}

HttpResponse AdminServer::apiHostHistory(Context &context)
{
    const auto runtime = m_engine.host(context.capture(QStringLiteral("service")),
        context.capture(QStringLiteral("group")), context.capture(QStringLiteral("host")));
    if (!runtime)
        return HttpResponse::error(404, QStringLiteral("no such host"), true);
    QJsonArray events;
    for (const HostStateEvent &event : runtime->history()) {
        QJsonObject object;
        object.insert(QStringLiteral("when"), event.when.toString(Qt::ISODateWithMs));
        object.insert(QStringLiteral("state"), event.state);
        object.insert(QStringLiteral("reason"), event.reason);
        events.append(object);
    }
    QJsonObject object;
    object.insert(QStringLiteral("history"), events);
    return HttpResponse::json(200, compact(object));
}

HttpResponse AdminServer::apiGetConfig(Context &)
{
    return HttpResponse::xml(200, ConfigDocument::serialize(m_engine.runningConfig()));
}

HttpResponse AdminServer::apiPutConfig(Context &context)
{
    const LoadResult loaded = ConfigReader::readData(context.request.body, QStringLiteral("request body"));
    const auto diagnosticsJson = [](const QList<Diagnostic> &diagnostics) {
        QJsonArray list;
        for (const Diagnostic &diagnostic : diagnostics) {
            QJsonObject object;
            object.insert(QStringLiteral("line"), diagnostic.line);
            object.insert(QStringLiteral("column"), diagnostic.column);
            object.insert(QStringLiteral("element"), diagnostic.element);
            object.insert(QStringLiteral("message"), diagnostic.message);
            object.insert(QStringLiteral("text"), diagnostic.toString());
            list.append(object);
        }
        return list;
    };
    if (!loaded.ok()) {
        QJsonObject object;
        object.insert(QStringLiteral("ok"), false);
        object.insert(QStringLiteral("errors"), diagnosticsJson(loaded.diagnostics));
        return HttpResponse::json(422, compact(object));
    }
    const QString dryRun = context.request.parameter(QStringLiteral("dryrun"));
    if (dryRun == u"1" || dryRun == u"true" || dryRun == u"yes") {
        QJsonArray changes;
        for (const ConfigChange &change : diffConfigs(m_engine.runningConfig(), loaded.config))
            changes.append(change.description());
        QJsonObject object;
        object.insert(QStringLiteral("ok"), true);
        object.insert(QStringLiteral("dryRun"), true);
        object.insert(QStringLiteral("changes"), changes);
        object.insert(QStringLiteral("importReport"), diagnosticsJson(loaded.importReport));
        return HttpResponse::json(200, compact(object));
    }
    const ApplyResult result = m_engine.apply(loaded.config);
    if (!result.ok) {
        QJsonObject object;
        object.insert(QStringLiteral("ok"), false);
        object.insert(QStringLiteral("errors"), diagnosticsJson(result.errors));
        return HttpResponse::json(422, compact(object));
    }
    QString saveError;
    const bool saved = m_host && m_host->saveRunningConfig(&saveError);
    QJsonArray changes;
    for (const ConfigChange &change : result.changes)
        changes.append(change.description());
    QJsonObject object;
    object.insert(QStringLiteral("ok"), true);
    object.insert(QStringLiteral("changes"), changes);
    object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings));
    object.insert(QStringLiteral("saved"), saved);
    if (!saved)
        object.insert(
            QStringLiteral("saveError"), saveError.isEmpty() ? QStringLiteral("no config file") : saveError);
    return HttpResponse::json(200, compact(object));
}

HttpResponse AdminServer::apiSave(Context &context)
{
    return save(context);
}

HttpResponse AdminServer::apiEvents(Context &context)
{
    int rate = 2;
    if (context.request.hasParameter(QStringLiteral("rate"))) {
        bool ok = false;
        rate = context.request.parameter(QStringLiteral("rate")).toInt(&ok);
        if (!ok || rate < MinEventRate || rate > MaxEventRate)
            return HttpResponse::error(400,
                QStringLiteral("parameter 'rate': expected an integer from %1 to %2 (Hz)")
                    .arg(MinEventRate)
                    .arg(MaxEventRate),
                true);
    }
    bool resumeOk = false;
    const quint64 lastId = context.request.header("last-event-id").toULongLong(&resumeOk);
    HttpConnection *connection = context.connection;
    connection->startEventStream();
    context.streamStarted = true;
    if (resumeOk) {
        const bool complete = !m_recentEvents.isEmpty() && m_recentEvents.constFirst().id <= lastId + 1;
        if (!complete && lastId + 1 < m_nextEventId)
            connection->sendEvent(0, "reset", R"({"reason":"events were missed; reload the state"})");
        for (const Event &event : std::as_const(m_recentEvents)) {
            if (event.id > lastId)
                connection->sendEvent(event.id, event.type, event.data);
        }
    }
    connection->sendEvent(0, "stats", compact(statsToJson(m_engine.snapshot())));
    m_streams.append({connection, 1000 / rate, m_clock.elapsed()});
    int fastest = MinEventRate;
    for (const Stream &stream : std::as_const(m_streams))
        fastest = qMax(fastest, int(1000 / stream.intervalMs));
    m_engine.setStatsRate(fastest);
    return {};
}

HttpResponse AdminServer::metrics(Context &)
{
    HttpResponse response;
    response.headers.emplaceBack("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.body = AdminFormats::metrics(m_engine.snapshot());
    return response;
}

void AdminServer::broadcast(const QByteArray &type, const QByteArray &data, bool remember)
{
    quint64 id = 0;
    if (remember) {
        id = m_nextEventId++;
        m_recentEvents.append({id, type, data});
        if (m_recentEvents.size() > MaxRecentEvents)
            m_recentEvents.removeFirst();
    }
    m_streams.removeIf([](const Stream &stream) { return stream.connection.isNull(); });
    for (const Stream &stream : std::as_const(m_streams))
        stream.connection->sendEvent(id, type, data);
}

void AdminServer::handleStats(const StatsSnapshot &snapshot)
{
    m_streams.removeIf([](const Stream &stream) { return stream.connection.isNull(); });
    if (m_streams.isEmpty())
        return;
    const qint64 now = m_clock.elapsed();
    QByteArray data;
    for (Stream &stream : m_streams) {
        // Tolerate timer jitter: a tick slightly early still counts.
        if (now - stream.lastSentMs < stream.intervalMs * 9 / 10)
            continue;
        if (data.isEmpty())
            data = compact(statsToJson(snapshot));
        stream.lastSentMs = now;
        stream.connection->sendEvent(0, "stats", data);
    }
}

}  // namespace Balancier
