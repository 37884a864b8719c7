#pragma once

#include "config/config.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <optional>

namespace Balancier {

struct HttpRequest;

/// HTTP Basic authentication against the config's <admin><user> list, with
/// a cache (PBKDF2 is deliberately slow) and a per-address brake on failures.
///
/// Thread contract: control thread (the admin server's).
class AdminAuth final
{
    Q_DISABLE_COPY_MOVE(AdminAuth)

public:
    AdminAuth();

    struct Outcome
    {
        std::optional<AdminUser> user;  ///< set on success
        QString failure;  ///< why not, for the log (never for the client)
        qint64 delayMs = 0;  ///< how long to hold the 401 back
    };

    /// Checks the request's Authorization header against `users`.
    Outcome authenticate(const HttpRequest &request, const QList<AdminUser> &users);

    /// Failures from one address before the brake starts, and its ceiling.
    static constexpr int FreeFailures = 3;
    static constexpr qint64 MaxDelayMs = 10000;

private:
    struct Failures
    {
        int count = 0;
        qint64 lastMs = 0;
    };

    qint64 registerFailure(const QHostAddress &peer);

    QElapsedTimer m_clock;
    QString m_dummyHash;
    QHash<QByteArray, QString> m_verified;  ///< sha256(header + stored hash) -> user name
    QHash<QString, Failures> m_failures;  ///< by peer address
};

}  // namespace Balancier
