#pragma once

#include "admin/auth/adminauth.h"
#include "admin/auth/csrf.h"
#include "admin/http/httpconnection.h"
#include "admin/http/httpmessage.h"
#include "admin/http/httpserver.h"
#include "admin/resources/commandtable.h"
#include "config/config.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <memory>

namespace Balancier {

class AdminHost;
class Engine;
class EventHub;
class HttpConnection;
class LogHub;
struct LoadResult;
struct RequestContext;

/// The admin API: pythondirector-compatible commands, a JSON API under
/// /api/v1/, a live event stream, Prometheus /metrics and a status page.
///
/// Secure by default: it listens on loopback unless told otherwise, refuses
/// a non-loopback address without TLS unless <admin insecure="yes">, always
/// requires HTTP Basic authentication (except /metrics with
/// metricspublic="yes", and /api/v1/health from loopback or with
/// healthpublic="yes"), enforces the full/readonly roles, changes state only
/// on POST/PUT/DELETE, refuses cross-site form posts without the CSRF token,
/// and brakes repeated failed logins per user name and address (see AdminAuth).
///
/// This class wires the parts: the listener (HttpServer), authentication
/// (AdminAuth, Csrf), the command table and its resource handlers
/// (resources/), and the event stream (EventHub). The handlers are free
/// functions that get what they use through a ResourceEnv.
///
/// Thread contract: lives in the engine's control thread; every change goes
/// through Operations and the Engine's apply path.
class AdminServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminServer)

public:
    /// The connection cap. When it is reached, the connection that has
    /// waited longest for its request to complete (an idle keep-alive one,
    /// or a slow one) is closed to make room; 503 only when none can be.
    static constexpr int MaxConnections = HttpServer::MaxConnections;
    /// The share of MaxConnections one client address (an IPv6 /64) may hold;
    /// beyond it, its own longest-waiting connection makes room.
    static constexpr int MaxConnectionsPerAddress = HttpServer::MaxConnectionsPerAddress;

    /// Serves the log of LogHub::installed() (see setLogHub()).
    AdminServer(Engine &engine, AdminHost *host, QObject *parent = nullptr);
    ~AdminServer() override;

    /// The log tap behind GET /api/v1/log and the event stream's "log"
    /// events; null: no log (an empty list, no events). The tap must
    /// outlive this server or be destroyed as a QObject (it is watched).
    void setLogHub(LogHub *hub);

    /// Listens as <admin> says. False with a clear reason (bad address, bind
    /// failure, TLS files unreadable, plain HTTP on a public address).
    bool start(const AdminConfig &config, QString *error);
    void stop();
    /// Gives up the listening port and keeps the open connections (and
    /// event streams), which are answered until they close: a process that
    /// drains before it exits lets its successor bind the port at once.
    void stopListening();
    bool isListening() const;
    quint16 port() const;
    /// "http://127.0.0.1:8080" or "https://…".
    QString url() const;

    /// How long a started request may take to arrive (slowloris guard, also
    /// the TLS handshake limit) and how long an idle keep-alive connection
    /// stays open. Defaults: HttpConnection::RequestTimeoutMs and
    /// IdleTimeoutMs; and how long a client may leave more than
    /// HttpConnection::MaxPendingOutputBytes of answers unread. Tests shorten
    /// them; set before start().
    void setTimeouts(int requestTimeoutMs, int idleTimeoutMs,
        int stalledOutputTimeoutMs = HttpConnection::StalledOutputTimeoutMs);

    using Access = AdminResources::Access;
    using Command = AdminResources::Command;
    /// The explicit command table (resources/commandtable.cpp): every
    /// endpoint, its method and the role it needs. Tests and documentation
    /// checks walk it.
    static const QList<Command> &commands();

private:
    void handleRequest(HttpConnection *connection, const HttpRequest &request);
    /// Runs the command. A config in the body (Body::Config) is first
    /// read and validated on m_parsePool, not on the control thread; then
    /// dispatch() runs again with `parsedBody`.
    void dispatch(HttpConnection *connection, const HttpRequest &request, const AdminUser &user,
        const Command &command, const QHash<QString, QString> &captures,
        std::shared_ptr<const LoadResult> parsedBody = {});
    /// The handler, with what it may use.
    HttpResponse runHandler(const Command &command, RequestContext &context);
    /// The write log line, the status page's redirect, and the answer.
    void complete(HttpConnection *connection, const HttpRequest &request, const AdminUser &user,
        const Command &command, HttpResponse response);
    void finish(HttpConnection *connection, const HttpRequest &request, const HttpResponse &response);

    Engine &m_engine;
    AdminHost *m_host;
    AdminConfig m_config;
    /// Listening, TLS, connections and their cap. A child.
    HttpServer *m_http = nullptr;
    AdminAuth m_auth;
    /// Reads configs sent in request bodies (one at a time; others queue):
    /// an 8 MiB config takes about a second to read and validate, which the
    /// control thread (health checks, applies, other clients) must not wait for.
    QThreadPool m_parsePool;
    Csrf m_csrf;
    /// The warning about refused health checks from off loopback: at most
    /// one line per 10 s, saying how many were refused in between.
    QElapsedTimer m_healthRefusalLogged;
    int m_healthRefusalsUnlogged = 0;

    /// The event stream: streams, replay ring, stats rate, log tap. A child.
    EventHub *m_events = nullptr;
};

}  // namespace Balancier
