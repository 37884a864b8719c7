#include "adminserver.h"

#include "admin/adminhost.h"
#include "admin/auth/csrf.h"
#include "admin/events/eventhub.h"
#include "admin/http/httpconnection.h"
#include "admin/http/httpserver.h"
#include "admin/http/router.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourceenv.h"
#include "config/address.h"
#include "config/adminlistencheck.h"
#include "config/appliedconfighistory.h"
#include "config/configreader.h"
#include "config/configvalidator.h"
#include "engine.h"
#include "logcategories.h"
#include "loghub.h"

#include <QPointer>
#include <QUrlQuery>

namespace Balancier {

AdminServer::AdminServer(Engine &engine, AdminHost *host, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_host(host)
{
    m_parsePool.setMaxThreadCount(1);
    m_parsePool.setObjectName(QStringLiteral("admin config reader"));
    m_http = new HttpServer(this);
    connect(m_http, &HttpServer::requestReceived, this, &AdminServer::handleRequest);
    m_events = new EventHub(m_engine, this);
    setLogHub(LogHub::installed());
}

void AdminServer::setLogHub(LogHub *hub)
{
    m_events->setLogHub(hub);
}

AdminServer::~AdminServer()
{
    // A body still being read would post its result to a server that is gone.
    m_parsePool.waitForDone();
    stop();
}

void AdminServer::setTimeouts(int requestTimeoutMs, int idleTimeoutMs, int stalledOutputTimeoutMs)
{
    m_http->setTimeouts(requestTimeoutMs, idleTimeoutMs, stalledOutputTimeoutMs);
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
    QString listenError;
    if (!m_http->listen(host, address->port, identity, &listenError)) {
        *error = QStringLiteral("cannot listen on %1 for the admin API: %2").arg(config.listen, listenError);
        return false;
    }
    m_config = config;
    qCInfo(lcAdmin, "admin API on %s", qUtf8Printable(url()));
    if (m_config.users.isEmpty())
        qCWarning(lcAdmin, "admin API has no <user>: every request will be refused");
    return true;
}

void AdminServer::stop()
{
    m_http->stop();
    m_events->closeAll();
}

void AdminServer::stopListening()
{
    m_http->stopListening();
}

bool AdminServer::isListening() const
{
    return m_http->isListening();
}

quint16 AdminServer::port() const
{
    return m_http->port();
}

QString AdminServer::url() const
{
    return m_http->url();
}

const QList<AdminServer::Command> &AdminServer::commands()
{
    return AdminResources::commands();
}

HttpResponse AdminServer::runHandler(const Command &command, RequestContext &context)
{
    ResourceEnv env{m_engine, m_host, *m_events, m_csrf, *m_http};
    // What this request applies is recorded in the config history as the
    // user's, from the client's address ("gui" when the desktop app says so).
    ConfigOrigin origin;
    origin.kind = context.request.header("x-balancier-client").trimmed().toLower() == "gui"
        ? QStringLiteral("gui")
        : QStringLiteral("api");
    origin.user = context.user.name;
    origin.peer = context.request.peer.toString();
    const AppliedConfigHistory::OriginScope scope(m_engine.history(), origin);
    return command.handler(env, context);
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
    const Router::Match match = Router::route(commands(), request);
    const Command *command = match.found() ? &commands().at(match.index) : nullptr;
    const QHash<QString, QString> &captures = match.captures;
    // Only /metrics (with metricspublic) answers before the client has
    // authenticated: any other answer, 404 or 405 included, would let an
    // anonymous client map the API.
    if (command && command->access == Access::Public && m_config.metricsPublic) {
        const AdminUser anonymous;
        dispatch(connection, request, anonymous, *command, captures);
        return;
    }
    // /api/v1/health is keepalived's: no password to keep in its config,
    // and from elsewhere only when <admin healthpublic="yes"> says so.
    if (command && command->access == Access::Health) {
        // Loopback strictly: 127.0.0.0/8 (also as ::ffff:127.x.y.z) or ::1;
        // not QHostAddress::isLoopback(), which also takes the deprecated
        // IPv4-compatible ::127.x.y.z that a remote peer could send from.
        bool v4 = false;
        const quint32 ipv4 = request.peer.toIPv4Address(&v4);
        const bool loopback
            = v4 ? (ipv4 >> 24) == 127 : request.peer == QHostAddress(QHostAddress::LocalHostIPv6);
        if (!loopback && !m_config.healthPublic) {
            // A scanner may ask thousands of times: the log says so, bounded.
            if (!m_healthRefusalLogged.isValid() || m_healthRefusalLogged.hasExpired(10000)) {
                qCWarning(lcAdmin,
                    "admin: health check from %s refused: not loopback, and <admin healthpublic> is no%s",
                    qUtf8Printable(request.peer.toString()),
                    m_healthRefusalsUnlogged > 0
                        ? qUtf8Printable(QStringLiteral(" (%1 more refused since the last such line)")
                                             .arg(m_healthRefusalsUnlogged))
                        : "");
                m_healthRefusalLogged.start();
                m_healthRefusalsUnlogged = 0;
            } else {
                ++m_healthRefusalsUnlogged;
            }
            finish(connection, request,
                HttpResponse::error(403,
                    QStringLiteral(
                        "%1 answers only clients on loopback; %2 is not (set <admin healthpublic=\"yes\"> "
                        "to answer every client)")
                        .arg(command->pattern, request.peer.toString()),
                    json));
            return;
        }
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
        finish(connection, request, match.failure(request, json));
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
        if (!m_csrf.check(
                request, user, {m_http->isTls(), m_http->address(), port(), m_config.origins}, &why)) {
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
    RequestContext context{
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
    if (unknown.isEmpty() && command.body == AdminResources::Body::Config && !parsedBody) {
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
        : [&] {
              const QPointer<HttpConnection> guard(connection);
              const Command *commandInTable = &command;
              context.later = [this, guard, request, user, commandInTable](const HttpResponse &later) {
                  if (guard)
                      complete(guard, request, user, *commandInTable, later);
              };
              return runHandler(command, context);
          }();
    if (context.streamStarted || context.deferred)
        return;
    complete(connection, request, user, command, response);
}

void AdminServer::complete(HttpConnection *connection, const HttpRequest &request, const AdminUser &user,
    const Command &command, HttpResponse response)
{
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

}  // namespace Balancier
