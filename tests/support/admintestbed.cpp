#include "admintestbed.h"

#include "admin/http/httpconnection.h"
#include "config/passwordhash.h"

using namespace Balancier;

AdminTestBed::AdminTestBed()
    : AdminTestBed(Options{})
{ }

AdminTestBed::AdminTestBed(const Options &options)
    : m_options(options)
{ }

AdminTestBed::~AdminTestBed()
{
    m_server.reset();
    m_host.reset();
    m_engine.reset();
    qDeleteAll(m_backends);
}

QString AdminTestBed::passwordOf(const QString &user)
{
    return user == Admin ? AdminPassword : user == Viewer ? ViewerPassword : QString();
}

StubBackend &AdminTestBed::backend(const QString &name)
{
    for (StubBackend *backend : std::as_const(m_backends)) {
        if (backend->name() == name)
            return *backend;
    }
    qFatal("no stub backend named %s", qPrintable(name));
}

bool AdminTestBed::start(QString *error)
{
    for (const QString &name : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}) {
        auto *backend = new StubBackend(name);
        m_backends.append(backend);
        if (!backend->listen()) {
            *error = QStringLiteral("stub backend %1 cannot listen").arg(name);
            return false;
        }
    }
    const auto host = [this](const QString &name) {
        HostConfig config;
        config.name = name;
        config.address = backend(name).address();
        return config;
    };
    ServiceConfig service;
    service.name = QStringLiteral("web");
    service.listeners = {QStringLiteral("127.0.0.1:0")};
    GroupConfig prod;
    prod.name = QStringLiteral("prod");
    prod.hosts = {host(QStringLiteral("a")), host(QStringLiteral("b"))};
    GroupConfig spare;
    spare.name = QStringLiteral("spare");
    spare.hosts = {host(QStringLiteral("c"))};
    service.groups = {prod, spare};
    service.enabledGroup = prod.name;
    m_config.services = {service};
    m_config.settings.workers = 1;
    m_config.health.active = m_options.activeHealth;
    m_config.health.intervalMs = m_options.healthIntervalMs;
    m_config.health.downIntervalMs = m_options.healthIntervalMs;
    m_config.health.timeoutMs = qMin<qint64>(m_options.healthIntervalMs, 2000);
    m_config.health.fall = 1;
    m_config.health.rise = 1;

    AdminUser admin;
    admin.name = Admin;
    admin.passwordHash = PasswordHash::create(AdminPassword, 1000);
    admin.access = AdminUser::Access::Full;
    AdminUser viewer;
    viewer.name = Viewer;
    viewer.passwordHash = PasswordHash::create(ViewerPassword, 1000);
    viewer.access = AdminUser::Access::ReadOnly;
    m_config.admin.enabled = true;
    m_config.admin.listen = m_options.listen;
    m_config.admin.tlsCertificate = m_options.certificate;
    m_config.admin.tlsKey = m_options.key;
    m_config.admin.allowInsecureRemote = m_options.insecure;
    m_config.admin.metricsPublic = m_options.metricsPublic;
    m_config.admin.healthPublic = m_options.healthPublic;
    m_config.ha = m_options.ha;
    m_config.admin.origins = m_options.origins;
    m_config.admin.users = {admin, viewer};

    m_engine = std::make_unique<Engine>();
    const ApplyResult applied = m_engine->apply(m_config);
    if (!applied.ok) {
        *error = applied.errorString();
        return false;
    }
    m_config = m_engine->runningConfig();
    m_host = std::make_unique<FakeAdminHost>(*m_engine);
    m_server = std::make_unique<AdminServer>(*m_engine, m_host.get());
    m_host->setServer(m_server.get());
    if (m_options.requestTimeoutMs > 0 || m_options.idleTimeoutMs > 0
        || m_options.stalledOutputTimeoutMs > 0) {
        m_server->setTimeouts(
            m_options.requestTimeoutMs > 0 ? m_options.requestTimeoutMs : HttpConnection::RequestTimeoutMs,
            m_options.idleTimeoutMs > 0 ? m_options.idleTimeoutMs : HttpConnection::IdleTimeoutMs,
            m_options.stalledOutputTimeoutMs > 0 ? m_options.stalledOutputTimeoutMs
                                                 : HttpConnection::StalledOutputTimeoutMs);
    }
    return m_server->start(m_config.admin, error);
}

HttpTestResponse AdminTestBed::request(const QByteArray &method, const QByteArray &path, const QString &user,
    const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    HttpTestClient client(port());
    return client.request(method, path, user, passwordOf(user), body, headers);
}

HttpTestResponse AdminTestBed::get(const QByteArray &path, const QString &user)
{
    return request("GET", path, user);
}

HttpTestResponse AdminTestBed::post(const QByteArray &path, const QString &user, const QByteArray &body)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!body.isEmpty())
        headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    return request("POST", path, user, body, headers);
}

QString AdminTestBed::hostState(const QString &group, const QString &host) const
{
    const auto runtime = m_engine->host(QStringLiteral("web"), group, host);
    return runtime ? runtime->state : QString();
}

QByteArray AdminTestBed::concretePath(const QString &pattern)
{
    QString path = pattern;
    path.replace(QStringLiteral("{service}"), QStringLiteral("web"));
    path.replace(QStringLiteral("{group}"), QStringLiteral("prod"));
    path.replace(QStringLiteral("{host}"), QStringLiteral("a"));
    path.replace(QStringLiteral("{action}"), QStringLiteral("drain"));
    path.replace(QStringLiteral("{id}"), QStringLiteral("1"));
    path.replace(QStringLiteral("{n}"), QStringLiteral("1"));  // the first config history version
    return path.toUtf8();
}
