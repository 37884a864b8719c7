#include "adminserver.h"

#include "admin/adminformats.h"
#include "admin/adminhost.h"
#include "admin/admintlsserver.h"
#include "admin/httpconnection.h"
#include "config/address.h"
#include "config/adminlistencheck.h"
#include "config/configchangejson.h"
#include "config/configdocument.h"
#include "config/configlimits.h"
#include "config/configreader.h"
#include "config/configvalidator.h"
#include "config/passwordhash.h"
#include "config/schedulerregistry.h"
#include "engine.h"
#include "logcategories.h"
#include "loghub.h"
#include "ops/operations.h"
#include "stats/statsjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QRegularExpression>
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
    QString invalid;  ///< first bad parameter, "parameter 'x': why", set by reject()
    bool streamStarted = false;
    /// The body read as a config, off the control thread (commands that take one).
    std::shared_ptr<const LoadResult> parsedBody = {};

    /// A required parameter; records the first missing one.
    QString need(const QString &name)
    {
        const QString value = request.parameter(name).trimmed();
        if (value.isEmpty() && missing.isEmpty())
            missing = name;
        return value;
    }
    /// Records a bad parameter; the first one is reported.
    void reject(const QString &parameter, const QString &why)
    {
        if (invalid.isEmpty())
            invalid = QStringLiteral("parameter '%1': %2").arg(parameter, why);
    }
    bool failed() const { return !missing.isEmpty() || !invalid.isEmpty(); }
    /// The 400 for the first missing or bad parameter.
    HttpResponse failure() const
    {
        return HttpResponse::error(400,
            missing.isEmpty() ? invalid : QStringLiteral("missing or empty parameter '%1'").arg(missing),
            json);
    }
    QString capture(const QString &name) const { return captures.value(name); }
    bool fullAccess() const { return user.access == AdminUser::Access::Full; }
};

namespace {

constexpr int MaxRecentEvents = 512;

/// The one translation of an operation's result into a reply of both
/// APIs. The status comes from the kind of failure: NotFound 404, BadInput
/// 400, Conflict 409, Refused 400 (the config the change would make does not
/// validate). `parameter` names the legacy command's parameter that the
/// operation judges: pythondirector's commands answer a refused parameter
/// with a 400 that names it.
HttpResponse applyOutcome(
    const OpResult &result, bool json, const QString &done, const QString &parameter = {})
{
    if (!result.ok) {
        const bool aboutParameter = !parameter.isEmpty() && result.failure != OpResult::Failure::Refused;
        QStringList messages;
        for (const Diagnostic &error : result.errors) {
            if (aboutParameter)
                messages.append(QStringLiteral("parameter '%1': ").arg(parameter) + error.message);
            else
                messages.append(
                    error.element.isEmpty() ? error.message : error.element + u": " + error.message);
        }
        int status = 400;
        if (!aboutParameter && result.failure == OpResult::Failure::NotFound)
            status = 404;
        else if (!aboutParameter && result.failure == OpResult::Failure::Conflict)
            status = 409;
        return HttpResponse::error(status, messages.join(QStringLiteral("; ")), json);
    }
    if (json) {
        const QJsonArray changes = configChangesToJson(result.changes);
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

/// Whether two peers count as one client for the per-address share: the
/// same IPv4 address, or the same IPv6 /64 (what one host is usually given).
bool sameClientAddress(const QHostAddress &a, const QHostAddress &b)
{
    bool aIsV4 = false;
    bool bIsV4 = false;
    const quint32 a4 = a.toIPv4Address(&aIsV4);
    const quint32 b4 = b.toIPv4Address(&bIsV4);
    if (aIsV4 || bIsV4)
        return aIsV4 && bIsV4 && a4 == b4;
    return a.isInSubnet(b, 64);
}

/// The origins a browser shows when it loads our pages: the listen address
/// with the port we hold (every local address when listening on all of them;
/// "localhost" too on loopback), and the configured ones.
QStringList allowedOrigins(bool tls, const QHostAddress &listen, quint16 port, const QStringList &configured)
{
    const QString scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
    QList<QHostAddress> addresses;
    if (listen == QHostAddress::Any || listen == QHostAddress::AnyIPv4 || listen == QHostAddress::AnyIPv6)
        addresses = QNetworkInterface::allAddresses();
    else
        addresses = {listen};
    QStringList origins;
    bool loopback = false;
    for (QHostAddress address : std::as_const(addresses)) {
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4)
            address = QHostAddress(v4);
        address.setScopeId({});
        loopback = loopback || address.isLoopback();
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
            ? u'[' + address.toString() + u']'
            : address.toString();
        origins.append(canonicalOrigin(scheme + u"://" + host + u':' + QString::number(port), false));
    }
    if (loopback)
        origins.append(canonicalOrigin(scheme + u"://localhost:" + QString::number(port), false));
    for (const QString &origin : configured)
        origins.append(canonicalOrigin(origin, false));
    origins.removeAll(QString());
    return origins;
}

}  // namespace

const QList<AdminServer::Command> &AdminServer::commands()
{
    // The explicit command table: every endpoint, its method and its role.
    static const QList<Command> table = {
        {"GET", QStringLiteral("/"), Access::Read, &AdminServer::runningPage,
            {QStringLiteral("notice"), QStringLiteral("refresh"), QStringLiteral("ignore"),
                QStringLiteral("resultmessage"), QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/running"), Access::Read, &AdminServer::runningPage,
            {QStringLiteral("notice"), QStringLiteral("refresh"), QStringLiteral("ignore"),
                QStringLiteral("resultmessage"), QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/running.txt"), Access::Read, &AdminServer::runningText,
            {QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/running.xml"), Access::Read, &AdminServer::runningXml,
            {QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/config.xml"), Access::Read, &AdminServer::configXml},
        {"POST", QStringLiteral("/addHost"), Access::Write, &AdminServer::addHost,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"), QStringLiteral("ip"),
                QStringLiteral("weight")}},
        {"POST", QStringLiteral("/delHost"), Access::Write, &AdminServer::delHost,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"), QStringLiteral("ip"),
                QStringLiteral("force")}},
        {"POST", QStringLiteral("/delAllHosts"), Access::Write, &AdminServer::delAllHosts,
            {QStringLiteral("service"), QStringLiteral("group")}},
        {"POST", QStringLiteral("/enableGroup"), Access::Write, &AdminServer::enableGroupCommand,
            {QStringLiteral("service"), QStringLiteral("group")}},
        {"POST", QStringLiteral("/changeScheduler"), Access::Write, &AdminServer::changeScheduler,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("scheduler")}},
        {"POST", QStringLiteral("/addUser"), Access::Write, &AdminServer::addUser,
            {QStringLiteral("name"), QStringLiteral("password"), QStringLiteral("access")}},
        {"POST", QStringLiteral("/delUser"), Access::Write, &AdminServer::delUser, {QStringLiteral("name")}},
        {"POST", QStringLiteral("/save"), Access::Write, &AdminServer::save},
        {"POST", QStringLiteral("/retryHost"), Access::Write, &AdminServer::retryHost,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"),
                QStringLiteral("ip")}},
        {"POST", QStringLiteral("/hostAdminDown"), Access::Write, &AdminServer::hostAdminDown,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"),
                QStringLiteral("ip")}},
        {"POST", QStringLiteral("/hostAdminUp"), Access::Write, &AdminServer::hostAdminUp,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"),
                QStringLiteral("ip")}},
        {"POST", QStringLiteral("/hostDrain"), Access::Write, &AdminServer::hostDrain,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"),
                QStringLiteral("ip")}},
        {"POST", QStringLiteral("/newService"), Access::Write, &AdminServer::newService,
            {QStringLiteral("service"), QStringLiteral("listen"), QStringLiteral("group"),
                QStringLiteral("name"), QStringLiteral("ip"), QStringLiteral("scheduler")}},
        {"POST", QStringLiteral("/newGroup"), Access::Write, &AdminServer::newGroup,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("scheduler")}},
        {"POST", QStringLiteral("/delGroup"), Access::Write, &AdminServer::delGroup,
            {QStringLiteral("service"), QStringLiteral("group")}},
        {"GET", QStringLiteral("/api/v1/status"), Access::Read, &AdminServer::apiStatus},
        {"GET", QStringLiteral("/api/v1/events"), Access::Read, &AdminServer::apiEvents,
            {QStringLiteral("rate")}},
        {"GET", QStringLiteral("/api/v1/log"), Access::Read, &AdminServer::apiLog, {QStringLiteral("lines")}},
        {"GET", QStringLiteral("/api/v1/config"), Access::Read, &AdminServer::apiGetConfig},
        {"PUT", QStringLiteral("/api/v1/config"), Access::Write, &AdminServer::apiPutConfig,
            {QStringLiteral("dryrun")}},
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
            &AdminServer::apiDeleteHost, {QStringLiteral("force")}},
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
/// Matches the request's segments (split, then decoded: see HttpRequest)
/// against a pattern such as "/api/v1/services/{service}".
bool matchPattern(const QString &pattern, const QStringList &have, QHash<QString, QString> *captures)
{
    const QStringList want = pattern.split(u'/');
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
    , m_stalledOutputTimeoutMs(HttpConnection::StalledOutputTimeoutMs)
{
    m_parsePool.setMaxThreadCount(1);
    m_parsePool.setObjectName(QStringLiteral("admin config reader"));
    m_clock.start();
    m_secret.resize(32);
    QRandomGenerator::system()->generate(m_secret.begin(), m_secret.end());
    // Event ids carry this process's mark, so that a client resuming with an
    // id from before a restart is told to reload instead of trusting a replay.
    m_eventEpoch = QByteArray::number(QRandomGenerator::system()->generate(), 16);
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
            object.insert(QStringLiteral("reasonCode"), event.reasonCode);
            object.insert(QStringLiteral("reasonParams"), QJsonObject::fromVariantMap(event.reasonParams));
            object.insert(QStringLiteral("when"), event.when.toString(Qt::ISODateWithMs));
            broadcast("host", compact(object), true);
        });
    connect(&m_engine, &Engine::configApplied, this, [this](const QList<ConfigChange> &changes) {
        QJsonObject object;
        object.insert(QStringLiteral("changes"), configChangesToJson(changes));
        broadcast("config", compact(object), true);
        // An administrative state change comes as Engine::hostStateChanged, after this.
    });
    setLogHub(LogHub::installed());
}

void AdminServer::setLogHub(LogHub *hub)
{
    if (m_logHub)
        m_logHub->disconnect(this);
    m_logHub = hub;
    if (!hub)
        return;
    // Only new lines are streamed. Reading also rearms the tap's signal,
    // which lines logged before any reader existed have left waiting.
    hub->linesAfter(hub->lastSequence(), &m_logSequence);
    // Queued: lines are appended in whichever thread logs.
    connect(hub, &LogHub::linesAdded, this, &AdminServer::handleLogLines, Qt::QueuedConnection);
}

AdminServer::~AdminServer()
{
    // A body still being read would post its result to a server that is gone.
    m_parsePool.waitForDone();
    stop();
}

void AdminServer::setTimeouts(int requestTimeoutMs, int idleTimeoutMs, int stalledOutputTimeoutMs)
{
    m_requestTimeoutMs = requestTimeoutMs;
    m_idleTimeoutMs = idleTimeoutMs;
    m_stalledOutputTimeoutMs = stalledOutputTimeoutMs;
}

bool AdminServer::start(const AdminConfig &config, QString *error)
{
    // Nothing changes until the new listener is bound: a running server
    // keeps serving where it is when the new address cannot be had.
    QString parseError;
    const std::optional<Address> address = parseAddress(config.listen, true, &parseError);
    if (!address) {
        *error = QStringLiteral("<admin listen=\"%1\">: %2").arg(config.listen, parseError);
        return false;
    }
    // The rules and the files are checked where --check and the GUI check
    // them, and the files are read once, here: what was checked is served.
    AdminTlsIdentity identity;
    const QList<Diagnostic> problems = checkAdminListen(config, QString(), &identity);
    if (hasErrors(problems)) {
        QStringList messages;
        for (const Diagnostic &problem : problems)
            messages.append(problem.element + u": " + problem.message);
        *error = messages.join(QStringLiteral("; "));
        return false;
    }
    const bool tls = !identity.chain.isEmpty();
    std::unique_ptr<QTcpServer> next;
    if (tls) {
        auto server = std::make_unique<AdminTlsServer>();
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(identity.chain);
        ssl.setPrivateKey(identity.key);
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
        server->setSslConfiguration(ssl);
        server->setHandshakeTimeout(m_requestTimeoutMs);
        next = std::move(server);
    } else {
        next = std::make_unique<QTcpServer>();
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
        return false;
    }
    next->setMaxPendingConnections(MaxConnections);
    bool listening = next->listen(host, address->port);
    if (!listening && isListening() && address->port != 0 && address->port == m_server->serverPort()) {
        // This server itself holds the port (same address, other settings):
        // hand it over, and take it back when the new server cannot have it.
        const QHostAddress oldHost = m_server->serverAddress();
        const quint16 oldPort = m_server->serverPort();
        m_server->close();
        listening = next->listen(host, address->port);
        if (!listening && !m_server->listen(oldHost, oldPort)) {
            qCCritical(lcAdmin, "admin API: cannot listen on %s:%u again: %s",
                qUtf8Printable(oldHost.toString()), unsigned(oldPort),
                qUtf8Printable(m_server->errorString()));
        }
    }
    if (!listening) {
        *error = QStringLiteral("cannot listen on %1 for the admin API: %2")
                     .arg(config.listen, next->errorString());
        return false;
    }
    // With TLS, a connection is handed over only after its handshake.
    if (tls)
        connect(next.get(), &QSslServer::pendingConnectionAvailable, this, &AdminServer::handleNewConnection);
    else
        connect(next.get(), &QTcpServer::newConnection, this, &AdminServer::handleNewConnection);

    const bool moved = m_server != nullptr;
    // The old listener closes here. Its connections own their sockets
    // (HttpConnection), so they outlive it.
    m_server = std::move(next);
    m_tls = tls;
    m_config = config;
    if (moved) {
        // Clients of the old listener are not left on an address (or
        // without the TLS) the operator has just given up: each finishes
        // the response in progress, if any, and is closed. This includes
        // the one whose request (PUT /api/v1/config) moved the API.
        for (const QPointer<HttpConnection> &connection : std::as_const(m_connections)) {
            if (connection)
                connection->closeAfterResponse();
        }
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
    m_engine.requestStatsRate(this, 0);
}

void AdminServer::stopListening()
{
    if (!isListening())
        return;
    qCInfo(lcAdmin, "admin API: stopped listening on %s; open connections stay", qUtf8Printable(url()));
    m_server->close();
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
        // Closing connections linger only until flushed (or a grace period); they hold no slot.
        const QHostAddress peer = socket->peerAddress();
        qsizetype open = 0;
        qsizetype fromPeer = 0;
        HttpConnection *slowest = nullptr;  // among all
        HttpConnection *slowestOfPeer = nullptr;  // among the newcomer's address
        for (const QPointer<HttpConnection> &connection : std::as_const(m_connections)) {
            if (connection->isClosing())
                continue;
            ++open;
            const bool samePeer = sameClientAddress(connection->socket()->peerAddress(), peer);
            fromPeer += samePeer ? 1 : 0;
            if (!connection->isEvictable())
                continue;
            if (!slowest || connection->waitingMs() > slowest->waitingMs())
                slowest = connection;
            if (samePeer && (!slowestOfPeer || connection->waitingMs() > slowestOfPeer->waitingMs()))
                slowestOfPeer = connection;
        }
        // One address cannot take the others' share; a full server makes room
        // by closing whoever has waited longest for a request to complete (an
        // idle or slow client), rather than turning the newcomer away.
        const bool overShare = fromPeer >= MaxConnectionsPerAddress;
        const bool full = open >= MaxConnections;
        HttpConnection *victim = overShare ? slowestOfPeer : full ? slowest : nullptr;
        if ((overShare || full) && !victim) {
            if (overShare)
                qCWarning(lcAdmin, "admin: %s holds %d connections, its limit, all busy; refusing another",
                    qUtf8Printable(peer.toString()), MaxConnectionsPerAddress);
            else
                qCWarning(lcAdmin, "admin: connection limit %d reached; refusing %s", MaxConnections,
                    qUtf8Printable(peer.toString()));
            socket->write(
                HttpResponse::text(503, QStringLiteral("too many admin connections")).serialize(false));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        if (victim) {
            qCInfo(lcAdmin, "admin: %s; closing a connection of %s that waited %lld ms for a request",
                overShare ? "connection limit per address reached" : "connection limit reached",
                qUtf8Printable(victim->socket()->peerAddress().toString()), victim->waitingMs());
            victim->evict();
        }
        auto *connection = new HttpConnection(socket, this);
        connection->setTimeouts(m_requestTimeoutMs, m_idleTimeoutMs, m_stalledOutputTimeoutMs);
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
    // Compared with where we listen and the configured names, never with the
    // request's Host: under DNS rebinding, an attacker's page sends its own
    // name in both Origin and Host.
    const QStringList allowed = allowedOrigins(m_tls, m_server->serverAddress(), port(), m_config.origins);
    const auto sameOrigin = [&](const QByteArray &url) {
        const QString normalized = canonicalOrigin(QString::fromUtf8(url), true);
        return !normalized.isEmpty() && allowed.contains(normalized);
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
    if (request.method == "HEAD") {
        // Whatever the outcome, a HEAD answer has no body, or the client would read it as the next response.
        HttpResponse head = response;
        head.headOnly = true;
        connection->respond(head, request.keepAlive);
        return;
    }
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
        if (!matchPattern(candidate.pattern, request.segments, &found))
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
    // Only /metrics (with metricspublic) answers before the client has
    // authenticated: any other answer, 404 or 405 included, would let an
    // anonymous client map the API.
    if (command && command->access == Access::Public && m_config.metricsPublic) {
        const AdminUser anonymous;
        dispatch(connection, request, anonymous, *command, captures);
        return;
    }
    QPointer<HttpConnection> guard(connection);
    const AdminAuth::Outcome outcome
        = m_auth.authenticate(request, m_engine.runningConfig().admin.users, [this, guard, request] {
              // The verdict is in (the brake held the check, or PBKDF2 ran on
              // the auth's worker pool): ask again, at once, as AdminAuth needs.
              if (guard)
                  handleRequest(guard, request);
          });
    if (outcome.pending)
        return;
    if (!outcome.user) {
        if (outcome.failedLogin) {
            qCWarning(lcAdmin, "admin: failed login from %s (%d in a row): %s",
                qUtf8Printable(request.peer.toString()), outcome.failureCount,
                qUtf8Printable(outcome.failure));
        } else if (outcome.status != 401) {
            qCWarning(lcAdmin, "admin: login from %s refused (%d): %s",
                qUtf8Printable(request.peer.toString()), outcome.status, qUtf8Printable(outcome.failure));
        }
        const QString message = outcome.status == 429
            ? QStringLiteral("too many login attempts for this user name from this address; retry later")
            : outcome.status == 503 ? QStringLiteral("too many logins being checked; retry shortly")
                                    : QStringLiteral("authentication required");
        HttpResponse response = HttpResponse::error(outcome.status, message, json);
        if (outcome.status == 401)
            response.headers.emplaceBack("WWW-Authenticate", "Basic realm=\"balancier\", charset=\"UTF-8\"");
        if (outcome.retryAfterS > 0)
            response.headers.emplaceBack("Retry-After", QByteArray::number(outcome.retryAfterS));
        finish(connection, request, response);
        return;
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
    const Command &command, const QHash<QString, QString> &captures,
    std::shared_ptr<const LoadResult> parsedBody)
{
    Context context{
        request, user, captures, connection, request.path.startsWith(QStringLiteral("/api/")), {}, {}};
    context.parsedBody = parsedBody;
    // A misspelt optional parameter would otherwise be dropped in silence.
    QStringList unknown;
    for (const auto &[name, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        const bool formField = command.access == Access::Write && (name == u"csrf" || name == u"redirect");
        if (!name.isEmpty() && !formField && !command.parameters.contains(name)
            && !unknown.contains(name.left(64)) && unknown.size() < 10)
            unknown.append(name.left(64));
    }
    if (unknown.isEmpty() && command.handler == &AdminServer::apiPutConfig && !parsedBody) {
        // The connection reads nothing else meanwhile (one request at a time).
        const QPointer<HttpConnection> guard(connection);
        const Command *commandInTable = &command;
        m_parsePool.start([this, guard, request, user, commandInTable, captures] {
            auto loaded = std::make_shared<const LoadResult>(
                ConfigReader::readData(request.body, QStringLiteral("request body")));
            QMetaObject::invokeMethod(
                this,
                [this, guard, request, user, commandInTable, captures, loaded] {
                    if (guard)
                        dispatch(guard, request, user, *commandInTable, captures, loaded);
                },
                Qt::QueuedConnection);
        });
        return;
    }
    HttpResponse response = !unknown.isEmpty()
        ? HttpResponse::error(400,
            QStringLiteral("unknown parameter%1 %2; %3 takes %4")
                .arg(unknown.size() == 1 ? QString() : QStringLiteral("s"),
                    u'\'' + unknown.join(QStringLiteral("', '")) + u'\'', command.pattern,
                    command.parameters.isEmpty() ? QStringLiteral("none")
                                                 : command.parameters.join(QStringLiteral(", "))),
            context.json)
        : (this->*command.handler)(context);
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
    finish(connection, request, response);
}

// --- pythondirector-compatible commands -------------------------------------------------

namespace {

/// Password hashes can be cracked offline: a read-only user sees none.
const QString HiddenPassword = QStringLiteral("(hidden)");

Config withoutPasswords(Config config)
{
    for (AdminUser &user : config.admin.users)
        user.passwordHash = HiddenPassword;
    return config;
}

/// The same for a config file as loaded, in whatever dialect: every
/// password attribute loses its value.
QByteArray withoutPasswords(const QByteArray &xml)
{
    static const QRegularExpression attribute(QStringLiteral("(\\bpassword\\s*=\\s*)(\"[^\"]*\"|'[^']*')"),
        QRegularExpression::CaseInsensitiveOption);
    return QString::fromUtf8(xml).replace(attribute, QStringLiteral("\\1\"(hidden)\"")).toUtf8();
}

/// The config's rule for service, group and host names (the validator's), said about `parameter`.
void checkName(AdminServer::Context &context, const QString &parameter, const QString &name)
{
    const QString problem = itemNameProblem(name);
    if (!problem.isEmpty())
        context.reject(parameter, problem);
}

void checkAddress(
    AdminServer::Context &context, const QString &parameter, const QString &text, bool allowPortZero)
{
    QString why;
    if (!parseAddress(text, allowPortZero, &why))
        context.reject(parameter, why);
}

void checkScheduler(AdminServer::Context &context, const QString &parameter, const QString &name)
{
    if (!SchedulerRegistry::canonicalName(name).isEmpty())
        return;
    QStringList names;
    for (const SchedulerInfo &info : SchedulerRegistry::all())
        names.append(info.name);
    context.reject(parameter,
        QStringLiteral("unknown scheduler '%1'; expected one of %2")
            .arg(name, names.join(QStringLiteral(", "))));
}

const ServiceConfig *findService(AdminServer::Context &context, const Config &config, const QString &name)
{
    const ServiceConfig *service = config.service(name);
    if (!service)
        context.reject(QStringLiteral("service"), QStringLiteral("no service named '%1'").arg(name));
    return service;
}

const GroupConfig *findGroup(AdminServer::Context &context, const ServiceConfig *service, const QString &name)
{
    if (!service)
        return nullptr;
    const GroupConfig *group = service->group(name);
    if (!group)
        context.reject(QStringLiteral("group"),
            QStringLiteral("service '%1' has no group named '%2'").arg(service->name, name));
    return group;
}

/// The host given by `name`, or else by its address `ip`: pythondirector
/// scripts use either.
const HostConfig *findHost(
    AdminServer::Context &context, const ServiceConfig *service, const GroupConfig *group)
{
    const QString name = context.request.parameter(QStringLiteral("name")).trimmed();
    const QString ip = context.request.parameter(QStringLiteral("ip")).trimmed();
    if (name.isEmpty() && ip.isEmpty()) {
        context.reject(
            QStringLiteral("ip"), QStringLiteral("missing; give the host's address (ip) or its name (name)"));
        return nullptr;
    }
    if (!service || !group)
        return nullptr;
    if (!name.isEmpty()) {
        const HostConfig *host = group->host(name);
        if (!host)
            context.reject(QStringLiteral("name"),
                QStringLiteral("group '%1' of service '%2' has no host named '%3'")
                    .arg(group->name, service->name, name));
        return host;
    }
    for (const HostConfig &host : group->hosts) {
        if (host.address == ip)
            return &host;
    }
    context.reject(QStringLiteral("ip"),
        QStringLiteral("group '%1' of service '%2' has no host with address '%3'")
            .arg(group->name, service->name, ip));
    return nullptr;
}

struct HostTarget
{
    QString service;
    QString group;
    QString host;
};

/// service and group of the group commands (in a HostTarget without host); nullopt when one is missing or
/// bad.
std::optional<HostTarget> groupTarget(AdminServer::Context &context, const Config &config)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (context.failed())
        return std::nullopt;
    findGroup(context, findService(context, config, service), group);
    if (context.failed())
        return std::nullopt;
    return HostTarget{service, group, {}};
}

/// service, group and name-or-ip of the host commands; nullopt when one is missing or bad.
std::optional<HostTarget> hostTarget(AdminServer::Context &context, const Config &config)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (context.failed())
        return std::nullopt;
    const ServiceConfig *serviceConfig = findService(context, config, service);
    const GroupConfig *groupConfig = findGroup(context, serviceConfig, group);
    const HostConfig *host = findHost(context, serviceConfig, groupConfig);
    if (!host || context.failed())
        return std::nullopt;
    return HostTarget{service, group, host->name};
}

/// The optional scheduler parameter of newService and newGroup.
QString optionalScheduler(AdminServer::Context &context)
{
    const QString scheduler = context.request.parameter(QStringLiteral("scheduler")).trimmed();
    if (!scheduler.isEmpty())
        checkScheduler(context, QStringLiteral("scheduler"), scheduler);
    return scheduler;
}

/// The 409 for a host at the address of another host of its group.
std::optional<HttpResponse> sameAddressConflict(
    const GroupConfig &group, const HostConfig &host, const QString &service, bool json)
{
    const HostConfig *other = hostAtSameAddress(group, host.address, host.name);
    if (!other)
        return std::nullopt;
    return HttpResponse::error(409,
        QStringLiteral("host %1 of %2/%3 has the address %4 already; one backend listed twice would take "
                       "twice its share")
            .arg(other->name, service, group.name, other->address),
        json);
}

/// force=1 (or true, yes) of delHost and DELETE …/hosts/{host}; false when absent.
bool forceParameter(AdminServer::Context &context)
{
    if (!context.request.hasParameter(QStringLiteral("force")))
        return false;
    const QString value = context.request.parameter(QStringLiteral("force")).trimmed();
    if (value == u"1" || value == u"true" || value == u"yes")
        return true;
    if (value != u"0" && value != u"false" && value != u"no")
        context.reject(QStringLiteral("force"), QStringLiteral("expected 1 (or 0)"));
    return false;
}

}  // namespace

HttpResponse AdminServer::runningPage(Context &context)
{
    return HttpResponse::html(200,
        AdminFormats::statusPage(m_engine.snapshot(), context.user.name, context.fullAccess(),
            csrfToken(context.user.name), context.request.parameter(QStringLiteral("notice"))));
}

HttpResponse AdminServer::runningText(Context &)
{
    HttpResponse response;
    response.headers.emplaceBack("Content-Type", "text/plain; charset=utf-8");
    response.body = AdminFormats::runningText(m_engine.snapshot());
    return response;
}

HttpResponse AdminServer::runningXml(Context &context)
{
    const Config config = m_engine.runningConfig();
    return HttpResponse::xml(
        200, ConfigDocument::serialize(context.fullAccess() ? config : withoutPasswords(config)));
}

HttpResponse AdminServer::configXml(Context &context)
{
    const QByteArray loaded = m_host ? m_host->loadedConfig() : QByteArray();
    if (loaded.isEmpty())
        return runningXml(context);
    return HttpResponse::xml(200, context.fullAccess() ? loaded : withoutPasswords(loaded));
}

HttpResponse AdminServer::addHost(Context &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    const QString name = context.need(QStringLiteral("name"));
    const QString ip = context.need(QStringLiteral("ip"));
    if (context.failed())
        return context.failure();
    const Config config = m_engine.runningConfig();
    const ServiceConfig *serviceConfig = findService(context, config, service);
    const GroupConfig *groupConfig = findGroup(context, serviceConfig, group);
    if (groupConfig && groupConfig->host(name))
        context.reject(QStringLiteral("name"),
            QStringLiteral("group '%1' of service '%2' has a host named '%3' already")
                .arg(group, service, name));
    checkName(context, QStringLiteral("name"), name);
    checkAddress(context, QStringLiteral("ip"), ip, false);
    HostConfig host;
    host.name = name;
    host.address = ip;
    if (context.request.hasParameter(QStringLiteral("weight"))) {
        bool ok = false;
        host.weight = context.request.parameter(QStringLiteral("weight")).trimmed().toInt(&ok);
        if (!ok || host.weight < 0 || host.weight > ConfigLimits::maxWeight)
            context.reject(QStringLiteral("weight"),
                QStringLiteral("expected a whole number from 0 to %1").arg(ConfigLimits::maxWeight));
    }
    if (context.failed())
        return context.failure();
    if (const auto conflict = sameAddressConflict(*groupConfig, host, service, context.json))
        return *conflict;
    return applyOutcome(Operations(m_engine).addHost(service, group, host), context.json,
        QStringLiteral("host %1 (%2) added to %3/%4").arg(name, ip, service, group));
}

HttpResponse AdminServer::delHost(Context &context)
{
    const std::optional<HostTarget> target = hostTarget(context, m_engine.runningConfig());
    const bool force = forceParameter(context);
    if (!target || context.failed())
        return context.failure();
    return applyOutcome(Operations(m_engine).removeHost(target->service, target->group, target->host, force),
        context.json,
        QStringLiteral("host %1 removed from %2/%3; open connections drain")
            .arg(target->host, target->service, target->group));
}

HttpResponse AdminServer::delAllHosts(Context &context)
{
    const std::optional<HostTarget> target = groupTarget(context, m_engine.runningConfig());
    if (!target)
        return context.failure();
    // Allowed for the enabled group too, as pythondirector did: hosts are
    // swapped by removing all, then adding the new ones. The operation warns
    // that the service refuses new clients meanwhile.
    return applyOutcome(Operations(m_engine).removeAllHosts(target->service, target->group), context.json,
        QStringLiteral("all hosts removed from %1/%2; open connections drain")
            .arg(target->service, target->group));
}

HttpResponse AdminServer::enableGroupCommand(Context &context)
{
    const std::optional<HostTarget> target = groupTarget(context, m_engine.runningConfig());
    if (!target)
        return context.failure();
    return applyOutcome(Operations(m_engine).enableGroup(target->service, target->group), context.json,
        QStringLiteral("group %1 enabled for service %2").arg(target->group, target->service));
}

HttpResponse AdminServer::changeScheduler(Context &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    const QString scheduler = context.need(QStringLiteral("scheduler"));
    if (context.failed())
        return context.failure();
    findGroup(context, findService(context, m_engine.runningConfig(), service), group);
    checkScheduler(context, QStringLiteral("scheduler"), scheduler);
    if (context.failed())
        return context.failure();
    return applyOutcome(Operations(m_engine).setScheduler(service, group, scheduler), context.json,
        QStringLiteral("scheduler of %1/%2 is now %3")
            .arg(service, group, SchedulerRegistry::canonicalName(scheduler)));
}

HttpResponse AdminServer::addUser(Context &context)
{
    const QString name = context.need(QStringLiteral("name"));
    // Not trimmed: a password may begin or end with a blank.
    const QString password = context.request.parameter(QStringLiteral("password"));
    if (context.failed())
        return context.failure();
    if (password.isEmpty())
        context.missing = QStringLiteral("password");
    checkName(context, QStringLiteral("name"), name);
    if (name.contains(u':'))
        context.reject(QStringLiteral("name"),
            QStringLiteral("a user name cannot contain ':' (HTTP Basic splits there)"));
    const QString access = context.request.parameter(QStringLiteral("access")).trimmed();
    AdminUser user;
    user.name = name;
    if (access.isEmpty() || access == u"readonly")
        user.access = AdminUser::Access::ReadOnly;
    else if (access == u"full")
        user.access = AdminUser::Access::Full;
    else
        context.reject(QStringLiteral("access"), QStringLiteral("expected 'full' or 'readonly'"));
    if (context.failed())
        return context.failure();
    // pythondirector scripts send the crypt hash a <user password> holds:
    // what parses as a hash is taken as one, anything else is a password.
    const bool isHash = PasswordHash::isWellFormed(password);
    user.passwordHash = isHash ? password : PasswordHash::create(password);
    OpResult result = Operations(m_engine).addUser(user);
    if (result.ok && PasswordHash::isLegacyCrypt(password))
        result.warnings.append(QStringLiteral("user %1: %2").arg(name, PasswordHash::legacyCryptWarning()));
    return applyOutcome(result, context.json,
        QStringLiteral("user %1 added").arg(name)
            + (isHash ? QStringLiteral(" (the password was given as a hash)") : QString()),
        QStringLiteral("name"));
}

HttpResponse AdminServer::delUser(Context &context)
{
    const QString name = context.need(QStringLiteral("name"));
    if (context.failed())
        return context.failure();
    // Never the last user with full access: the operation has the rule.
    return applyOutcome(Operations(m_engine).removeUser(name), context.json,
        QStringLiteral("user %1 removed").arg(name), QStringLiteral("name"));
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

HttpResponse AdminServer::retryHost(Context &context)
{
    const std::optional<HostTarget> target = hostTarget(context, m_engine.runningConfig());
    if (!target)
        return context.failure();
    const OpResult result = Operations(m_engine).retryHost(target->service, target->group, target->host);
    if (!result.ok)
        return applyOutcome(result, context.json, {});
    return HttpResponse::text(200, QStringLiteral("probing host %1 now").arg(target->host));
}

namespace {

/// hostAdminDown, hostAdminUp and hostDrain: `done` says the new state ("%1" is the host).
HttpResponse hostStateCommand(
    Engine &engine, AdminServer::Context &context, HostAdminState state, const QString &done)
{
    const std::optional<HostTarget> target = hostTarget(context, engine.runningConfig());
    if (!target)
        return context.failure();
    return applyOutcome(
        Operations(engine).setHostAdminState(target->service, target->group, target->host, state),
        context.json, done.arg(target->host));
}

}  // namespace

HttpResponse AdminServer::hostAdminDown(Context &context)
{
    return hostStateCommand(
        m_engine, context, HostAdminState::Maintenance, QStringLiteral("host %1 is in maintenance"));
}

HttpResponse AdminServer::hostAdminUp(Context &context)
{
    return hostStateCommand(m_engine, context, HostAdminState::Ready, QStringLiteral("host %1 is ready"));
}

HttpResponse AdminServer::hostDrain(Context &context)
{
    return hostStateCommand(m_engine, context, HostAdminState::Drain, QStringLiteral("host %1 is draining"));
}

HttpResponse AdminServer::newService(Context &context)
{
    const QString name = context.need(QStringLiteral("service"));
    const QString listen = context.need(QStringLiteral("listen"));
    const QString group = context.need(QStringLiteral("group"));
    const QString host = context.need(QStringLiteral("name"));
    const QString ip = context.need(QStringLiteral("ip"));
    if (context.failed())
        return context.failure();
    if (m_engine.runningConfig().service(name))
        context.reject(QStringLiteral("service"), QStringLiteral("service '%1' exists already").arg(name));
    checkName(context, QStringLiteral("service"), name);
    checkAddress(context, QStringLiteral("listen"), listen, true);
    checkName(context, QStringLiteral("group"), group);
    checkName(context, QStringLiteral("name"), host);
    checkAddress(context, QStringLiteral("ip"), ip, false);
    const QString scheduler = optionalScheduler(context);
    if (context.failed())
        return context.failure();
    ServiceConfig service;
    service.name = name;
    service.listeners = {listen};
    GroupConfig groupConfig;
    groupConfig.name = group;
    if (!scheduler.isEmpty())
        groupConfig.scheduler = scheduler;
    HostConfig hostConfig;
    hostConfig.name = host;
    hostConfig.address = ip;
    groupConfig.hosts = {hostConfig};
    service.groups = {groupConfig};
    service.enabledGroup = group;
    return applyOutcome(Operations(m_engine).addService(service), context.json,
        QStringLiteral("service %1 listening on %2 created").arg(name, listen));
}

HttpResponse AdminServer::newGroup(Context &context)
{
    const QString service = context.need(QStringLiteral("service"));
    const QString group = context.need(QStringLiteral("group"));
    if (context.failed())
        return context.failure();
    const ServiceConfig *serviceConfig = findService(context, m_engine.runningConfig(), service);
    if (serviceConfig && serviceConfig->group(group))
        context.reject(QStringLiteral("group"),
            QStringLiteral("group '%1' exists already in service '%2'").arg(group, service));
    checkName(context, QStringLiteral("group"), group);
    const QString scheduler = optionalScheduler(context);
    if (context.failed())
        return context.failure();
    return applyOutcome(Operations(m_engine).addGroup(service, group, scheduler), context.json,
        QStringLiteral("group %1 added to %2").arg(group, service));
}

HttpResponse AdminServer::delGroup(Context &context)
{
    const std::optional<HostTarget> target = groupTarget(context, m_engine.runningConfig());
    if (!target)
        return context.failure();
    // Never the enabled group: the operation has the rule.
    return applyOutcome(Operations(m_engine).removeGroup(target->service, target->group), context.json,
        QStringLiteral("group %1 removed from %2").arg(target->group, target->service),
        QStringLiteral("group"));
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

namespace {

/// The 404 for a path naming a service, group or host that does not exist;
/// status 0 when everything named exists.
HttpResponse pathNotFound(
    const Config &config, const QString &service, const QString &group = {}, const QString &host = {})
{
    const ServiceConfig *serviceConfig = config.service(service);
    if (!serviceConfig)
        return HttpResponse::error(404, QStringLiteral("no service named '%1'").arg(service), true);
    if (group.isEmpty())
        return HttpResponse{0, {}, {}, false};
    const GroupConfig *groupConfig = serviceConfig->group(group);
    if (!groupConfig)
        return HttpResponse::error(
            404, QStringLiteral("service '%1' has no group named '%2'").arg(service, group), true);
    if (host.isEmpty() || groupConfig->host(host))
        return HttpResponse{0, {}, {}, false};
    return HttpResponse::error(404,
        QStringLiteral("group '%1' of service '%2' has no host named '%3'").arg(group, service, host), true);
}

}  // namespace

HttpResponse AdminServer::apiEnableGroup(Context &context)
{
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const HttpResponse notFound = pathNotFound(m_engine.runningConfig(), service, group);
    if (notFound.status)
        return notFound;
    return applyOutcome(Operations(m_engine).enableGroup(service, group), true, {});
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

/// The 400 for the fields of a JSON body that its endpoint does not take,
/// named (as the query parameters are); nullopt when there are none.
std::optional<HttpResponse> unknownFields(const QJsonObject &body, const QStringList &known)
{
    QStringList unknown;
    for (auto it = body.begin(); it != body.end() && unknown.size() < 10; ++it) {
        if (!known.contains(it.key()))
            unknown.append(u'\'' + it.key().left(64) + u'\'');
    }
    if (unknown.isEmpty())
        return std::nullopt;
    return HttpResponse::error(400,
        QStringLiteral("body: unknown field%1 %2; expected %3")
            .arg(unknown.size() == 1 ? QString() : QStringLiteral("s"), unknown.join(QStringLiteral(", ")),
                known.join(QStringLiteral(", "))),
        true);
}

}  // namespace

HttpResponse AdminServer::apiSetScheduler(Context &context)
{
    HttpResponse error;
    const std::optional<QJsonObject> body = jsonBody(context.request, &error);
    if (!body)
        return error;
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const HttpResponse notFound = pathNotFound(m_engine.runningConfig(), service, group);
    if (notFound.status)
        return notFound;
    if (const auto unknown = unknownFields(*body, {QStringLiteral("scheduler")}))
        return *unknown;
    const QString scheduler = body->value(QStringLiteral("scheduler")).toString();
    if (scheduler.isEmpty())
        return HttpResponse::error(400, QStringLiteral("body: missing string field 'scheduler'"), true);
    checkScheduler(context, QStringLiteral("scheduler"), scheduler);
    if (context.failed())
        return HttpResponse::error(400, u"body: " + context.invalid, true);
    return applyOutcome(Operations(m_engine).setScheduler(service, group, scheduler), true, {});
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
            object.insert(QStringLiteral("health"), runtime->state);
            object.insert(QStringLiteral("active"), runtime->active);
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
        object.insert(QStringLiteral("health"), runtime->state);
        object.insert(QStringLiteral("reason"), runtime->downReason);
        object.insert(QStringLiteral("active"), runtime->active);
        object.insert(QStringLiteral("total"), runtime->total);
        object.insert(QStringLiteral("failedConnects"), runtime->failedConnects);
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
    const Config config = m_engine.runningConfig();
    const ServiceConfig *service = config.service(serviceName);
    const GroupConfig *group = service ? service->group(groupName) : nullptr;
    if (!group)
        return HttpResponse::error(
            404, QStringLiteral("no group '%1' in service '%2'").arg(groupName, serviceName), true);
    const HostConfig *existing = group->host(hostName);
    const bool created = !existing;
    // The host as it would be, for the address check below.
    HostConfig host = created ? HostConfig{} : *existing;
    host.name = hostName;
    static const QStringList known = {QStringLiteral("address"), QStringLiteral("weight"),
        QStringLiteral("maxconns"), QStringLiteral("state")};
    if (const auto unknown = unknownFields(*body, known))
        return *unknown;
    if (created) {
        const QString problem = itemNameProblem(hostName);
        if (!problem.isEmpty())
            return HttpResponse::error(400, QStringLiteral("host name in the path: ") + problem, true);
    }
    Operations::HostEdit edit;
    if (body->contains(QStringLiteral("address"))) {
        if (!body->value(QStringLiteral("address")).isString())
            return HttpResponse::error(400, QStringLiteral("body: 'address' must be a string"), true);
        host.address = body->value(QStringLiteral("address")).toString().trimmed();
        QString why;
        if (!parseAddress(host.address, false, &why))
            return HttpResponse::error(400, QStringLiteral("body: 'address': ") + why, true);
        edit.address = host.address;
    } else if (created) {
        return HttpResponse::error(400, QStringLiteral("body: a new host needs 'address'"), true);
    }
    for (const auto &[field, target] : {std::pair{QStringLiteral("weight"), &edit.weight},
             std::pair{QStringLiteral("maxconns"), &edit.maxConns}}) {
        if (!body->contains(field))
            continue;
        const QJsonValue value = body->value(field);
        if (!value.isDouble() || value.toDouble() != double(value.toInt()))
            return HttpResponse::error(400, QStringLiteral("body: '%1' must be an integer").arg(field), true);
        *target = value.toInt();
    }
    if (body->contains(QStringLiteral("state"))) {
        edit.state = hostAdminStateFromName(body->value(QStringLiteral("state")).toString());
        if (!edit.state)
            return HttpResponse::error(
                400, QStringLiteral("body: 'state' must be ready, drain or maintenance"), true);
    }
    if (const auto conflict = sameAddressConflict(*group, host, serviceName, true))
        return *conflict;
    HttpResponse response = applyOutcome(
        Operations(m_engine).editHost(serviceName, groupName, hostName, edit, created), true, {});
    if (created && response.status == 200)
        response.status = 201;
    return response;
}

HttpResponse AdminServer::apiDeleteHost(Context &context)
{
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const QString host = context.capture(QStringLiteral("host"));
    const HttpResponse notFound = pathNotFound(m_engine.runningConfig(), service, group, host);
    if (notFound.status)
        return notFound;
    const bool force = forceParameter(context);
    if (context.failed())
        return context.failure();
    return applyOutcome(Operations(m_engine).removeHost(service, group, host, force), true, {});
}

HttpResponse AdminServer::apiHostAction(Context &context)
{
    const QString service = context.capture(QStringLiteral("service"));
    const QString group = context.capture(QStringLiteral("group"));
    const QString host = context.capture(QStringLiteral("host"));
    const QString action = context.capture(QStringLiteral("action"));
    const HttpResponse notFound = pathNotFound(m_engine.runningConfig(), service, group, host);
    if (notFound.status)
        return notFound;
    if (action == u"retry") {
        const OpResult result = Operations(m_engine).retryHost(service, group, host);
        if (!result.ok)
            return applyOutcome(result, true, {});
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
    return applyOutcome(Operations(m_engine).setHostAdminState(service, group, host, state), true, {});
}

HttpResponse AdminServer::apiHostHistory(Context &context)
{
    const auto runtime = m_engine.host(context.capture(QStringLiteral("service")),
        context.capture(QStringLiteral("group")), context.capture(QStringLiteral("host")));
    if (!runtime)
        return HttpResponse::error(404, QStringLiteral("no such host"), true);
    QJsonArray events;
    for (const HostStateEvent &event : runtime->history) {
        QJsonObject object;
        object.insert(QStringLiteral("when"), event.when.toString(Qt::ISODateWithMs));
        object.insert(QStringLiteral("state"), event.state);
        object.insert(QStringLiteral("reason"), event.reason);
        object.insert(QStringLiteral("reasonCode"), event.reasonCode);
        object.insert(QStringLiteral("reasonParams"), QJsonObject::fromVariantMap(event.reasonParams));
        events.append(object);
    }
    QJsonObject object;
    object.insert(QStringLiteral("history"), events);
    return HttpResponse::json(200, compact(object));
}

HttpResponse AdminServer::apiGetConfig(Context &context)
{
    return runningXml(context);
}

HttpResponse AdminServer::apiPutConfig(Context &context)
{
    const LoadResult loaded = context.parsedBody
        ? *context.parsedBody
        : ConfigReader::readData(context.request.body, QStringLiteral("request body"));
    const auto diagnosticsJson = [](const QList<Diagnostic> &diagnostics) {
        QJsonArray list;
        for (const Diagnostic &diagnostic : diagnostics) {
            QJsonObject object;
            object.insert(QStringLiteral("severity"),
                diagnostic.severity == Diagnostic::Severity::Error         ? QStringLiteral("error")
                    : diagnostic.severity == Diagnostic::Severity::Warning ? QStringLiteral("warning")
                                                                           : QStringLiteral("note"));
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
    // The rules (a full user stays, <admin> moves first and back on a
    // refusal, the dry-run diff) are the operation's. <admin> takes effect
    // now, not at the next reload, through the host's one path for it (the
    // daemon's, shared with SIGHUP).
    Operations operations(m_engine);
    int moves = 0;  // the first is the move, a second one the move back
    bool moved = false;
    bool moveFailed = false;
    operations.setAdminMover([this, &moves, &moved, &moveFailed](const AdminConfig &admin, QString *error) {
        if (moves++ > 0)
            return !moved || !admin.enabled || m_host->updateAdmin(admin, error);
        if (!m_host || !admin.enabled)
            return true;
        moved = true;
        moveFailed = !m_host->updateAdmin(admin, error);
        return !moveFailed;
    });
    Operations::ReplaceOptions options;
    const QString dryRun = context.request.parameter(QStringLiteral("dryrun"));
    options.dryRun = dryRun == u"1" || dryRun == u"true" || dryRun == u"yes";
    options.source = QStringLiteral("request body");
    OpResult result = operations.replaceConfig(loaded.config, options);
    if (!result.ok) {
        if (moveFailed && !result.errors.isEmpty())
            result.errors.first().message += QStringLiteral(", the admin API stays on ") + url();
        QJsonObject object;
        object.insert(QStringLiteral("ok"), false);
        object.insert(QStringLiteral("errors"), diagnosticsJson(result.errors));
        return HttpResponse::json(422, compact(object));
    }
    if (result.dryRun) {
        const QJsonArray changes = configChangesToJson(result.changes);
        QJsonObject object;
        object.insert(QStringLiteral("ok"), true);
        object.insert(QStringLiteral("dryRun"), true);
        object.insert(QStringLiteral("changes"), changes);
        object.insert(QStringLiteral("importReport"), diagnosticsJson(loaded.importReport));
        return HttpResponse::json(200, compact(object));
    }
    QString saveError;
    const bool saved = m_host && m_host->saveRunningConfig(&saveError);
    const QJsonArray changes = configChangesToJson(result.changes);
    QJsonObject object;
    object.insert(QStringLiteral("ok"), true);
    object.insert(QStringLiteral("changes"), changes);
    object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings));
    object.insert(QStringLiteral("saved"), saved);
    object.insert(QStringLiteral("admin"), url());
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
    // Last-Event-ID is "<epoch>-<number>" as we issued it.
    const QByteArray lastEventId = context.request.header("last-event-id").trimmed();
    HttpConnection *connection = context.connection;
    connection->startEventStream();
    context.streamStarted = true;
    if (!lastEventId.isEmpty()) {
        const qsizetype dash = lastEventId.lastIndexOf('-');
        bool numberOk = false;
        const quint64 lastId = dash < 0 ? 0 : lastEventId.mid(dash + 1).toULongLong(&numberOk);
        const bool ours = numberOk && lastEventId.left(dash) == m_eventEpoch && lastId < m_nextEventId;
        // Complete when every event after lastId is still remembered.
        const bool complete = ours
            && (lastId + 1 == m_nextEventId
                || (!m_recentEvents.isEmpty() && m_recentEvents.constFirst().id <= lastId + 1));
        if (!complete) {
            connection->sendEvent({}, "reset", R"({"reason":"events were missed; reload the state"})");
        } else {
            for (const Event &event : std::as_const(m_recentEvents)) {
                if (event.id > lastId)
                    connection->sendEvent(eventId(event.id), event.type, event.data);
            }
        }
    }
    connection->sendEvent({}, "stats", compact(statsToJson(m_engine.snapshot())));
    m_streams.append({connection, 1000 / rate, m_clock.elapsed()});
    updateStatsRate();
    return {};
}

HttpResponse AdminServer::apiLog(Context &context)
{
    int count = DefaultLogLines;
    const int most = m_logHub ? m_logHub->capacity() : LogHub::DefaultCapacity;
    if (context.request.hasParameter(QStringLiteral("lines"))) {
        bool ok = false;
        count = context.request.parameter(QStringLiteral("lines")).toInt(&ok);
        // The value itself is not echoed: it is the client's text.
        if (!ok || count < 1 || count > most)
            return HttpResponse::error(
                400, QStringLiteral("parameter 'lines': expected an integer from 1 to %1").arg(most), true);
    }
    QJsonArray lines;
    if (m_logHub) {
        const QList<LogLine> found = m_logHub->lines(count);
        for (const LogLine &line : found)
            lines.append(QJsonDocument::fromJson(line.toJson()).object());
    }
    QJsonObject object;
    object.insert(QStringLiteral("lines"), lines);
    object.insert(QStringLiteral("capacity"), most);
    return HttpResponse::json(200, compact(object));
}

void AdminServer::handleLogLines()
{
    if (!m_logHub)
        return;
    // Sending may log (a client that does not read is closed): those lines
    // are written, but not tapped, or each log event could cause another.
    const LogHub::SuppressScope suppress;
    const QList<LogLine> lines = m_logHub->linesAfter(m_logSequence, &m_logSequence);
    // Not remembered for Last-Event-ID: a flood of log lines would push the
    // host and config events out; a client reloads the log with GET /api/v1/log.
    for (const LogLine &line : lines)
        broadcast("log", line.toJson(), false);
}

HttpResponse AdminServer::metrics(Context &)
{
    HttpResponse response;
    response.headers.emplaceBack("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.body = AdminFormats::metrics(m_engine.snapshot());
    return response;
}

QByteArray AdminServer::eventId(quint64 number) const
{
    return m_eventEpoch + '-' + QByteArray::number(number);
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
    const qsizetype before = m_streams.size();
    m_streams.removeIf([](const Stream &stream) { return stream.connection.isNull(); });
    if (m_streams.size() != before)
        updateStatsRate();
    const QByteArray idText = id ? eventId(id) : QByteArray();
    for (const Stream &stream : std::as_const(m_streams))
        stream.connection->sendEvent(idText, type, data);
}

void AdminServer::updateStatsRate()
{
    // The admin API's one request to the engine: as fast as its fastest
    // stream, none without streams. Other callers (the desktop app) have
    // their own; the engine takes the fastest of all.
    int fastest = 0;
    for (const Stream &stream : std::as_const(m_streams)) {
        if (!stream.connection.isNull())
            fastest = qMax(fastest, int(1000 / stream.intervalMs));
    }
    m_engine.requestStatsRate(this, fastest);
}

void AdminServer::handleStats(const StatsSnapshot &snapshot)
{
    const qsizetype before = m_streams.size();
    m_streams.removeIf([](const Stream &stream) { return stream.connection.isNull(); });
    if (m_streams.size() != before)
        updateStatsRate();
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
        stream.connection->sendEvent({}, "stats", data);
    }
}

}  // namespace Balancier
