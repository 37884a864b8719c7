#include "adminauth.h"

#include "admin/httpmessage.h"
#include "admin/passwordhash.h"
#include "logcategories.h"

#include <QCryptographicHash>

namespace Balancier {

namespace {
constexpr qint64 ForgetFailuresAfterMs = 15 * 60 * 1000;
constexpr qsizetype MaxCacheEntries = 256;
}  // namespace

AdminAuth::AdminAuth()
{
    m_clock.start();
}

qint64 AdminAuth::registerFailure(const QHostAddress &peer)
{
    const QString key = peer.toString();
    Failures &failures = m_failures[key];
    const qint64 now = m_clock.elapsed();
    if (now - failures.lastMs > ForgetFailuresAfterMs)
        failures.count = 0;
    failures.lastMs = now;
    ++failures.count;
    if (failures.count <= FreeFailures)
        return 0;
    const int doublings = qMin(failures.count - FreeFailures, 10);
    return qMin<qint64>(MaxDelayMs, 250LL << (doublings - 1));
}

AdminAuth::Outcome AdminAuth::authenticate(const HttpRequest &request, const QList<AdminUser> &users)
{
    Outcome outcome;
    const QByteArray header = request.header("authorization");
    if (!header.startsWith("Basic ")) {
        outcome.failure = header.isEmpty() ? QStringLiteral("no credentials")
                                           : QStringLiteral("not HTTP Basic credentials");
        // A first request without credentials is how browsers start: no brake.
        if (!header.isEmpty())
            outcome.delayMs = registerFailure(request.peer);
        return outcome;
    }
    const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0) {
        outcome.failure = QStringLiteral("malformed Basic credentials");
        outcome.delayMs = registerFailure(request.peer);
        return outcome;
    }
    const QString name = QString::fromUtf8(decoded.left(colon));
    const QString password = QString::fromUtf8(decoded.mid(colon + 1));
    const AdminUser *user = nullptr;
    for (const AdminUser &candidate : users) {
        if (candidate.name == name)
            user = &candidate;
    }
    if (!user) {
        // Spend the same time as a real check so that names cannot be probed by timing.
        if (m_dummyHash.isEmpty())
            m_dummyHash = PasswordHash::create(QStringLiteral("-"));
        PasswordHash::verify(password, m_dummyHash);
        outcome.failure = QStringLiteral("unknown user '%1'").arg(name);
        outcome.delayMs = registerFailure(request.peer);
        return outcome;
    }
    QByteArray keyMaterial = header;
    keyMaterial += '\n';
    keyMaterial += user->passwordHash.toUtf8();
    const QByteArray cacheKey = QCryptographicHash::hash(keyMaterial, QCryptographicHash::Sha256);
    if (m_verified.value(cacheKey) == user->name) {
        outcome.user = *user;
        return outcome;
    }
    QString reason;
    const PasswordHash::Result result = PasswordHash::verify(password, user->passwordHash, &reason);
    if (result != PasswordHash::Result::Match) {
        outcome.failure = QStringLiteral("user '%1': %2").arg(name, reason);
        outcome.delayMs = registerFailure(request.peer);
        return outcome;
    }
    if (m_verified.size() >= MaxCacheEntries)
        m_verified.clear();
    m_verified.insert(cacheKey, user->name);
    m_failures.remove(request.peer.toString());
    outcome.user = *user;
    return outcome;
}

}  // namespace Balancier
