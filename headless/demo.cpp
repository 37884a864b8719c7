#include "demo.h"

#include "demobackend.h"

#include "config/passwordhash.h"

#include <QRandomGenerator>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace Balancier {

Demo::Demo(int frontPort, int firstBackendPort, int adminPort, QObject *parent)
    : QObject(parent)
    , m_frontPort(frontPort)
    , m_firstBackendPort(firstBackendPort)
    , m_adminPort(adminPort)
{
    // A fresh password per run, never stored: only its hash is in the config.
    QByteArray random(12, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    m_adminPassword = QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding));
    m_adminHash = PasswordHash::create(m_adminPassword);
}

Demo::~Demo() = default;

bool Demo::start(QString *error)
{
    // The engine binds with SO_REUSEPORT, which lets a second process of the
    // same user share a port silently; a plain bind first tells a busy port apart.
    if (m_frontPort != 0) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, quint16(m_frontPort))) {
            *error = frontPortError(probe.errorString());
            return false;
        }
    }
    for (int i = 0; i < BackendCount; ++i) {
        auto *backend = new DemoBackend(i + 1, BackendCount, this);
        m_backends.append(backend);
        const int port = m_firstBackendPort == 0 ? 0 : m_firstBackendPort + i;
        QString reason;
        if (!backend->listen(quint16(port), &reason)) {
            *error = u"demo: cannot start backend %1 on 127.0.0.1:%2: %3. Free ports %4-%5, or choose others "
                     "with --demo-backend-port FIRST (0 lets the system choose), e.g. "
                     "'balancierd --demo --demo-port 0'."_s.arg(i + 1)
                         .arg(port)
                         .arg(reason)
                         .arg(m_firstBackendPort)
                         .arg(m_firstBackendPort + BackendCount - 1);
            return false;
        }
    }
    return true;
}

Config Demo::config() const
{
    Config config;
    // A demo stopped with Ctrl-C should not wait half a minute for a browser's idle connection.
    config.settings.drainTimeoutMs = 2000;
    ServiceConfig service;
    service.name = u"demo"_s;
    service.listeners.append(u"127.0.0.1:%1"_s.arg(m_frontPort));
    GroupConfig group;
    group.name = u"backends"_s;
    group.scheduler = u"roundrobin"_s;
    for (const DemoBackend *backend : m_backends) {
        HostConfig host;
        host.name = u"backend%1"_s.arg(backend->number());
        host.address = u"127.0.0.1:%1"_s.arg(backend->port());
        group.hosts.append(host);
    }
    service.groups.append(group);
    service.enabledGroup = group.name;
    config.services.append(service);
    config.admin.enabled = true;
    config.admin.listen = u"127.0.0.1:%1"_s.arg(m_adminPort);
    AdminUser admin;
    admin.name = u"admin"_s;
    admin.passwordHash = m_adminHash;
    admin.access = AdminUser::Access::Full;
    config.admin.users.append(admin);
    return config;
}

QStringList Demo::instructions(quint16 boundPort, const QString &adminUrl) const
{
    QStringList backends;
    for (const DemoBackend *backend : m_backends)
        backends.append(u"127.0.0.1:%1"_s.arg(backend->port()));
    const QString url = u"http://127.0.0.1:%1/"_s.arg(boundPort);
    QStringList lines;
    lines.append(u"demo: %1 HTTP backends on %2"_s.arg(BackendCount).arg(backends.join(u", "_s)));
    lines.append(u"demo: the balancer (roundrobin) on 127.0.0.1:%1; try, three times:"_s.arg(boundPort));
    for (int i = 0; i < BackendCount; ++i)
        lines.append(u"  curl "_s + url);
    lines.append(
        u"demo: each new connection goes to the next backend: \"backend 1 of 3\", \"backend 2 of 3\", ..."_s);
    lines.append(
        u"demo: (a browser keeps its connection open, so it stays on one backend until it reconnects)"_s);
    if (!adminUrl.isEmpty()) {
        lines.append(u"demo: admin API on %1 (user admin, one-time password %2; shown only now):"_s.arg(
            adminUrl, m_adminPassword));
        lines.append(u"  curl -u admin:%1 %2/running.txt"_s.arg(m_adminPassword, adminUrl));
        lines.append(
            u"  curl -u admin:%1 -X POST '%2/hostDrain?service=demo&group=backends&name=backend1'"_s.arg(
                m_adminPassword, adminUrl));
        lines.append(u"  status page: %1/running"_s.arg(adminUrl));
    }
    lines.append(u"demo: stop with Ctrl-C"_s);
    return lines;
}

QString Demo::frontPortError(const QString &reason) const
{
    return u"demo: cannot listen on 127.0.0.1:%1: %2. Choose another port with --demo-port PORT "
           "(0 lets the system choose)."_s.arg(m_frontPort)
               .arg(reason);
}

}  // namespace Balancier
