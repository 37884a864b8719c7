#include "adminauth.h"

#include "admin/httpmessage.h"
#include "admin/passwordhash.h"
#include "logcategories.h"

#include <QCryptographicHash>

namespace Balancier {

namespace {
constexpr qint64 ForgetFailuresAfterMs = 15 * 60 * 1000;
constexpr qsizetype MaxCacheEntries = 256;
/// Beyond this many tracked addresses, stale entries are dropped (many
/// IPv6 addresses must not grow the table without bound).
constexpr qsizetype MaxTrackedAddresses = 4096;

/// The iteration count of a native hash, or 0.
int iterationsOf(const QString &hash)
{
    const QStringList parts = hash.split(u'$');
    if (parts.size() != 4 || parts.constFirst() != u"pbkdf2-sha256")
        return 0;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    return ok && iterations > 0 && iterations <= PasswordHash::MaxIterations ? iterations : 0;
}

}  // namespace

AdminAuth::AdminAuth()
{
    m_clock.start();
}

int AdminAuth::registerFailure(const QHostAddress &peer)
{
    const qint64 now = m_clock.elapsed();
    if (m_failures.size() >= MaxTrackedAddresses) {
        m_failures.removeIf([now](const QHash<QString, Failures>::iterator &it) {
            return now - it->lastMs > ForgetFailuresAfterMs;
        });
        if (m_failures.size() >= MaxTrackedAddresses)
            m_failures.clear();
    }
    Failures &failures = m_failures[peer.toString()];
    if (now - failures.lastMs > ForgetFailuresAfterMs)
        failures.count = 0;
    failures.lastMs = now;
    ++failures.count;
    if (failures.count > FreeFailures) {
        const int doublings = qMin(failures.count - FreeFailures, 10);
        failures.blockedUntilMs = now + qMin<qint64>(MaxDelayMs, 250LL << (doublings - 1));
    }
    return failures.count;
}

const QString &AdminAuth::dummyHash(const QList<AdminUser> &users)
{
    // Spend the same time as a real check, so that user names cannot be
    // probed by timing: as many iterations as the costliest configured hash.
    int iterations = 0;
    for (const AdminUser &user : users)
        iterations = qMax(iterations, iterationsOf(user.passwordHash));
    if (iterations == 0)
        iterations = PasswordHash::DefaultIterations;
    if (iterations != m_dummyIterations) {
        m_dummyHash = PasswordHash::create(QStringLiteral("-"), iterations);
        m_dummyIterations = iterations;
    }
    return m_dummyHash;
}

AdminAuth::Outcome AdminAuth::authenticate(const HttpRequest &request, const QList<AdminUser> &users)
{
    Outcome outcome;
    const QByteArray header = request.header("authorization");
    if (header.isEmpty()) {
        // A first request without credentials is how browsers start: no brake.
        outcome.failure = QStringLiteral("no credentials");
        return outcome;
    }

    // Credentials verified before pass without the brake (see the class comment).
    const QByteArray decoded
        = header.startsWith("Basic ") ? QByteArray::fromBase64(header.mid(6).trimmed()) : QByteArray();
    const qsizetype colon = decoded.indexOf(':');
    const QString name = colon < 0 ? QString() : QString::fromUtf8(decoded.left(colon));
    const AdminUser *user = nullptr;
    for (const AdminUser &candidate : users) {
        if (colon >= 0 && candidate.name == name)
            user = &candidate;
    }
    QByteArray cacheKey;
    if (user) {
        QByteArray keyMaterial = header;
        keyMaterial += '\n';
        keyMaterial += user->passwordHash.toUtf8();
        cacheKey = QCryptographicHash::hash(keyMaterial, QCryptographicHash::Sha256);
        if (m_verified.value(cacheKey) == user->name) {
            outcome.user = *user;
            return outcome;
        }
    }

    const QString peer = request.peer.toString();
    const auto failures = m_failures.constFind(peer);
    if (failures != m_failures.cend()) {
        const qint64 wait = failures->blockedUntilMs - m_clock.elapsed();
        if (wait > 0) {
            outcome.failure = QStringLiteral("held back by the failed-login brake");
            outcome.holdMs = wait;
            return outcome;
        }
    }

    const auto refuse = [&](const QString &why) {
        outcome.failure = why;
        outcome.failedLogin = true;
        outcome.failureCount = registerFailure(request.peer);
        return outcome;
    };
    if (!header.startsWith("Basic "))
        return refuse(QStringLiteral("not HTTP Basic credentials"));
    if (colon < 0)
        return refuse(QStringLiteral("malformed Basic credentials"));
    const QString password = QString::fromUtf8(decoded.mid(colon + 1));
    if (!user) {
        PasswordHash::verify(password, dummyHash(users));
        // The name is not logged: it may be a password typed in the wrong
        // field, and readonly users can read the log (/api/v1/log).
        return refuse(QStringLiteral("unknown user name"));
    }
    QString reason;
    const PasswordHash::Result result = PasswordHash::verify(password, user->passwordHash, &reason);
    if (result != PasswordHash::Result::Match)
        return refuse(QStringLiteral("user '%1': %2").arg(name, reason));
    if (m_verified.size() >= MaxCacheEntries)
        m_verified.clear();
    m_verified.insert(cacheKey, user->name);
    m_failures.remove(peer);
    outcome.user = *user;
    return outcome;
}

}  // namespace Balancier
