#pragma once

#include "admin/adminserver.h"
#include "config/config.h"
#include "engine.h"
#include "fakeadminhost.h"
#include "httptestclient.h"
#include "stubbackend.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

/// The common ground of the admin API suites: three stub backends, an engine
/// running service "web" (groups "prod" with hosts a and b, enabled, and
/// "spare" with host c), an AdminServer with a FakeAdminHost, and two users:
/// "admin" (full) and "viewer" (readonly). Passwords are PBKDF2 hashes with
/// 1000 iterations so that tests stay fast.
///
/// Health checks are off (active="no") unless Options::health says otherwise,
/// so hosts stay up and states change only when a test changes them.
///
/// Thread contract: lives in the test's thread, like everything it owns.
class AdminTestBed final
{
    Q_DISABLE_COPY_MOVE(AdminTestBed)

public:
    struct Options
    {
        QString listen = QStringLiteral("127.0.0.1:0");
        QString certificate;
        QString key;
        bool insecure = false;
        bool metricsPublic = false;
        bool healthPublic = false;  ///< <admin healthpublic>
        Balancier::HaConfig ha;  ///< <ha>
        bool activeHealth = false;
        qint64 healthIntervalMs = 5000;
        int requestTimeoutMs = 0;  ///< 0: the server's default
        int idleTimeoutMs = 0;
        int stalledOutputTimeoutMs = 0;  ///< 0: the server's default
        QStringList origins;  ///< <admin origins>
    };

    static inline const QString Admin = QStringLiteral("admin");
    static inline const QString AdminPassword = QStringLiteral("s3cret:pw");
    static inline const QString Viewer = QStringLiteral("viewer");
    static inline const QString ViewerPassword = QStringLiteral("look");

    AdminTestBed();
    explicit AdminTestBed(const Options &options);
    ~AdminTestBed();

    /// Starts everything; false with a reason.
    bool start(QString *error);

    /// The config applied at start.
    const Balancier::Config &initialConfig() const { return m_config; }
    Balancier::Engine &engine() { return *m_engine; }
    Balancier::AdminServer &server() { return *m_server; }
    FakeAdminHost &adminHost() { return *m_host; }
    StubBackend &backend(const QString &name);
    quint16 port() const { return m_server->port(); }

    /// One request on a fresh connection. `user` gets its own password;
    /// an empty user sends no credentials.
    HttpTestResponse request(const QByteArray &method, const QByteArray &path, const QString &user = Admin,
        const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpTestResponse get(const QByteArray &path, const QString &user = Admin);
    HttpTestResponse post(const QByteArray &path, const QString &user = Admin, const QByteArray &body = {});
    /// The live state name of a host of "web" ("up", "down", "draining", "maintenance"), or "".
    QString hostState(const QString &group, const QString &host) const;

    static QString passwordOf(const QString &user);
    /// A command-table pattern with its captures filled in: service web,
    /// group prod, host a, action drain.
    static QByteArray concretePath(const QString &pattern);

private:
    Options m_options;
    Balancier::Config m_config;
    QList<StubBackend *> m_backends;
    std::unique_ptr<Balancier::Engine> m_engine;
    std::unique_ptr<FakeAdminHost> m_host;
    std::unique_ptr<Balancier::AdminServer> m_server;
};
