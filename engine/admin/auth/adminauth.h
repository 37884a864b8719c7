#pragma once

#include "admin/auth/passwordverifier.h"
#include "config/config.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace Balancier {

struct HttpRequest;

/// HTTP Basic authentication against the config's <admin><user> list, with
/// a cache (PBKDF2 is deliberately slow), password checks on a worker pool,
/// and a brake on failed logins per user name and source address.
///
/// PBKDF2 never runs on the control thread: a request whose credentials are
/// not in the cache is answered "pending", its password is checked on the
/// PasswordVerifier's threads, and the request is resumed with the verdict.
/// Credentials verified before (the cache) pass at once, so an
/// authenticated client never waits behind password checks. At most
/// PasswordVerifier::MaxPending checks wait or run; beyond that a new login
/// is refused with 503 and Retry-After (not held: a hold would let a flood
/// of logins grow the wait without bound).
///
/// The brake, per pair (user name as given, source address):
/// - after FreeFailures failed logins of a pair, the pair is blocked for
///   250 ms, doubling with each further failure up to MaxDelayMs;
/// - an attempt of a blocked pair is held, not examined, until the block
///   ends as it stood when the attempt came; then it is checked, even if
///   other attempts have failed meanwhile, so it waits MaxDelayMs at most;
/// - at most MaxChecksPerPair checks of one pair are held or running at
///   once; one more is refused with 429 and Retry-After, unexamined and not
///   counted, so that a flood of parallel guesses is not a faster way in;
/// - attempts of a pair with the same credentials as a check of that pair
///   under way share its verdict (no extra guess, no extra PBKDF2);
/// - checks of pairs without failures start before those of pairs with
///   failures, so a first login does not queue behind someone's guesses;
/// - another user name from the same address, and the same name from
///   another address, are never held behind a pair's failures: every local
///   client shares 127.0.0.1, and one user's typos or an attack on one name
///   must not lock the others out;
/// - a successful login resets its pair; a pair is forgotten 15 minutes
///   after its last failure.
/// Holding the check, not only the answer, is what slows guessing down: a
/// client that gives up waiting and sends the next guess on a new
/// connection is held just the same. Credentials that are not HTTP Basic
/// "name:password" are refused at once (nothing to check) and counted.
///
/// Thread contract: control thread (the admin server's): created, used and
/// destroyed there. Destroying it waits for running PBKDF2 checks (one per
/// verifier thread at most) and resumes nothing.
class AdminAuth final
{
    Q_DISABLE_COPY_MOVE(AdminAuth)

public:
    AdminAuth();
    ~AdminAuth();

    struct Outcome
    {
        std::optional<AdminUser> user;  ///< set on success
        QString failure;  ///< why not, for the log (never for the client)
        /// Nothing decided yet: the brake holds the check or the password is
        /// being verified; `resume` will be called (see authenticate()).
        bool pending = false;
        /// When refused: 401 (no or wrong credentials), 429 (MaxChecksPerPair
        /// checks of this user name and address are under way), 503 (the
        /// password checker's queue is full).
        int status = 401;
        int retryAfterS = 0;  ///< for 429 and 503: seconds to wait before trying again
        bool failedLogin = false;  ///< credentials were given and refused (counts for the brake; log it)
        int failureCount = 0;  ///< failed logins of this user name and address so far, when failedLogin
    };

    /// Called on the control thread when a pending request's verdict is in.
    /// It must ask again, at once (synchronously), with the same request:
    /// the verdict waits for exactly that call.
    using Resume = std::function<void()>;

    /// Checks the request's Authorization header against `users`. Decides at
    /// once when it can (no credentials, cached ones, malformed ones, a full
    /// queue); otherwise returns `pending` and calls `resume` later.
    Outcome authenticate(const HttpRequest &request, const QList<AdminUser> &users, Resume resume);

    /// Failures of one user name and address before the brake starts, and its ceiling.
    static constexpr int FreeFailures = 3;
    static constexpr qint64 MaxDelayMs = 10000;
    /// Checks of one user name and address held or running at once; also
    /// the most requests that may wait for one check's verdict.
    static constexpr int MaxChecksPerPair = 4;
    /// Checks from one client address (any user names) held or running at
    /// once: invented user names from one address must not take every slot
    /// of the password checker.
    static constexpr int MaxChecksPerAddress = 8;

private:
    struct Failures
    {
        int count = 0;
        qint64 lastMs = 0;
        qint64 blockedUntilMs = 0;
    };
    /// One password check, held by the brake or running on the verifier.
    struct Check
    {
        QString pair;
        QString address;  ///< the client key of the pair's address
        QByteArray cacheKey;  ///< for m_verified
        bool known = false;  ///< false: no such user; `stored` is the dummy
        QString userName;
        QString password;
        QString stored;
        QList<Resume> waiters;
    };
    /// A finished check's refusal, kept only while its waiters are resumed.
    struct Verdict
    {
        QString failure;
        int status = 401;
        int retryAfterS = 0;
        bool failedLogin = true;
        /// The pair's failure count, counted once when the check failed (not
        /// per waiter, and whether or not anyone is still waiting).
        int failureCount = 0;
    };

    /// Counts a failure; returns the failure count of the pair.
    int registerFailure(const QString &pair);
    /// Milliseconds the pair is still blocked for (0: not blocked).
    qint64 blockedFor(const QString &pair) const;
    /// Hands a check (held until now, or new) to the verifier.
    void startCheck(const QByteArray &key);
    void handleVerified(const QByteArray &key, PasswordHash::Result result, const QString &reason);
    /// Removes a check and resumes its waiters; `verdict` null: the password matched.
    void finishCheck(const QByteArray &key, const Verdict *verdict);
    /// A hash to verify against when the user is unknown, as costly as the real ones.
    const QString &dummyHash(const QList<AdminUser> &users);

    QElapsedTimer m_clock;
    QString m_dummyHash;
    int m_dummyIterations = 0;
    QHash<QByteArray, QString> m_verified;  ///< sha256(header + stored hash) -> user name
    QHash<QString, Failures> m_failures;  ///< by pair (address, user name as given)
    QHash<QByteArray, Check> m_checks;  ///< by credential key (as m_verified) + pair
    QHash<QString, int> m_checksPerPair;
    QHash<QString, int> m_checksPerAddress;  ///< by clientKeyOf(address)
    QHash<QByteArray, Verdict> m_verdicts;  ///< as m_checks, while resuming
    /// Last: destroyed first, so no check finishes into a half-destroyed object.
    /// Also the context of the brake's hold timers.
    PasswordVerifier m_verifier;
};

}  // namespace Balancier
