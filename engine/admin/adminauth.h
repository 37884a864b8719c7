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
/// The brake holds back the *check*, not only the answer: after FreeFailures
/// failed logins from one address, its next attempt is not examined before a
/// delay that doubles with each further failure (up to MaxDelayMs). Delaying
/// only the 401 would not slow anyone down, since a client can give up
/// waiting and try the next password on another connection. Credentials
/// that were verified before (the cache) pass at once, so a user whose
/// browser already holds the right password is not locked out by a
/// neighbour behind the same address.
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
        /// > 0: the brake is on for this address and nothing was checked;
        /// ask again with the same request after this many milliseconds.
        qint64 holdMs = 0;
        bool failedLogin = false;  ///< credentials were given and refused (counts for the brake; log it)
        int failureCount = 0;  ///< failed logins from this address so far, when failedLogin
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
        qint64 blockedUntilMs = 0;
    };

    /// Counts a failure; returns the failure count of the address.
    int registerFailure(const QHostAddress &peer);
    /// A hash to verify against when the user is unknown, as costly as the real ones.
    const QString &dummyHash(const QList<AdminUser> &users);

    QElapsedTimer m_clock;
    QString m_dummyHash;
    int m_dummyIterations = 0;
    QHash<QByteArray, QString> m_verified;  ///< sha256(header + stored hash) -> user name
    QHash<QString, Failures> m_failures;  ///< by peer address
};

}  // namespace Balancier
