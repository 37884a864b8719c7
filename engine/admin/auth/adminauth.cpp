#include "admin/auth/adminauth.h"

#include "admin/auth/basiccredentials.h"
#include "admin/http/httpmessage.h"
#include "config/passwordhash.h"
#include "logcategories.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTimer>

namespace Balancier {

namespace {
constexpr qint64 ForgetFailuresAfterMs = 15 * 60 * 1000;
constexpr qsizetype MaxCacheEntries = 256;
/// Beyond this many tracked pairs, stale entries are dropped (many IPv6
/// addresses or invented user names must not grow the table without bound).
constexpr qsizetype MaxTrackedPairs = 4096;
/// A user name longer than this is tracked by its start: a name in the
/// brake's table must not be a way to store a 16 KiB header.
constexpr qsizetype MaxTrackedNameLength = 128;

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

/// One client, as the brake sees it: an IPv4 address (an IPv4-mapped IPv6
/// one counted as IPv4), or an IPv6 /64, what one host is usually given. By
/// the whole IPv6 address, a /64 would be 2^64 fresh starts.
QString clientKeyOf(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    Q_IPV6ADDR bytes = peer.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + u"/64";
}

/// The brake's key: the client and the user name as given. By the name as
/// given, whether or not it exists, so that the brake does not tell which
/// names exist.
QString pairOf(const QHostAddress &peer, const QString &name)
{
    return clientKeyOf(peer) + u'\n' + name.left(MaxTrackedNameLength);
}

}  // namespace

AdminAuth::AdminAuth()
{
    m_clock.start();
}

AdminAuth::~AdminAuth() = default;

int AdminAuth::registerFailure(const QString &pair)
{
    const qint64 now = m_clock.elapsed();
    if (m_failures.size() >= MaxTrackedPairs && !m_failures.contains(pair)) {
        m_failures.removeIf([now](const QHash<QString, Failures>::iterator &it) {
            return now - it->lastMs > ForgetFailuresAfterMs;
        });
        // Pairs not braked yet go before braked ones, so that inventing
        // names is not a way to reset the brake on a real one.
        if (m_failures.size() >= MaxTrackedPairs) {
            m_failures.removeIf(
                [](const QHash<QString, Failures>::iterator &it) { return it->count <= FreeFailures; });
        }
        // Still full, of braked pairs only: the one whose last failure is
        // oldest goes. Never all of them: that would lift every brake.
        if (m_failures.size() >= MaxTrackedPairs) {
            auto oldest = m_failures.begin();
            for (auto it = m_failures.begin(); it != m_failures.end(); ++it) {
                if (it->lastMs < oldest->lastMs)
                    oldest = it;
            }
            m_failures.erase(oldest);
        }
    }
    Failures &failures = m_failures[pair];
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

qint64 AdminAuth::blockedFor(const QString &pair) const
{
    const auto failures = m_failures.constFind(pair);
    if (failures == m_failures.cend())
        return 0;
    return qMax<qint64>(0, failures->blockedUntilMs - m_clock.elapsed());
}

const QString &AdminAuth::dummyHash(const QList<AdminUser> &users)
{
    // Spend the same time as a real check, so that user names cannot be
    // probed by timing: as many iterations as the costliest configured hash.
    // Built, not computed: verifying costs the same whatever the stored key
    // is, and computing one would run PBKDF2 on this thread.
    int iterations = 0;
    for (const AdminUser &user : users)
        iterations = qMax(iterations, iterationsOf(user.passwordHash));
    if (iterations == 0)
        iterations = PasswordHash::DefaultIterations;
    if (iterations != m_dummyIterations) {
        QByteArray salt(16, Qt::Uninitialized);
        for (char &byte : salt)
            byte = char(QRandomGenerator::global()->bounded(256));
        m_dummyHash = QStringLiteral("pbkdf2-sha256$%1$%2$%3")
                          .arg(QString::number(iterations), QString::fromLatin1(salt.toBase64()),
                              QString::fromLatin1(QByteArray(32, '\0').toBase64()));
        m_dummyIterations = iterations;
    }
    return m_dummyHash;
}

AdminAuth::Outcome AdminAuth::authenticate(
    const HttpRequest &request, const QList<AdminUser> &users, Resume resume)
{
    Outcome outcome;
    const QByteArray header = request.header("authorization");
    if (header.isEmpty()) {
        // A first request without credentials is how browsers start: no brake.
        outcome.failure = QStringLiteral("no credentials");
        return outcome;
    }

    // Credentials verified before pass without the brake (see the class comment).
    const BasicCredentials credentials = BasicCredentials::parse(header);
    const bool valid = credentials.kind == BasicCredentials::Kind::Valid;
    const QString &name = credentials.name;
    const AdminUser *user = nullptr;
    for (const AdminUser &candidate : users) {
        if (valid && candidate.name == name)
            user = &candidate;
    }
    QByteArray keyMaterial = header;
    keyMaterial += '\n';
    // An unknown name is keyed by a marker no stored hash can equal.
    keyMaterial += user ? user->passwordHash.toUtf8() : QByteArray("\n(unknown)");
    const QByteArray key = QCryptographicHash::hash(keyMaterial, QCryptographicHash::Sha256);
    if (user && m_verified.value(key) == user->name) {
        outcome.user = *user;
        return outcome;
    }

    const QString pair = pairOf(request.peer, name);
    // Checks are per pair too: the same password from another address is not
    // held behind this address's brake.
    QByteArray checkKey = key;
    checkKey += '\n';
    checkKey += pair.toUtf8();
    const auto refuse = [&](const Verdict &verdict) {
        outcome.failure = verdict.failure;
        outcome.status = verdict.status;
        outcome.retryAfterS = verdict.retryAfterS;
        outcome.failedLogin = verdict.failedLogin;
        // A check's failure was counted when it failed; a refusal made here
        // (malformed credentials) counts now.
        if (verdict.failedLogin)
            outcome.failureCount = verdict.failureCount > 0 ? verdict.failureCount : registerFailure(pair);
        return outcome;
    };
    // The verdict of this request's own check, being resumed.
    const auto verdict = m_verdicts.constFind(checkKey);
    if (verdict != m_verdicts.cend())
        return refuse(*verdict);
    if (credentials.kind == BasicCredentials::Kind::NotBasic)
        return refuse({QStringLiteral("not HTTP Basic credentials")});
    if (!valid)
        return refuse({QStringLiteral("malformed Basic credentials")});

    // The same credentials are being checked already: same verdict, no second guess.
    const auto running = m_checks.find(checkKey);
    if (running != m_checks.end()) {
        // Each waiter holds its request (a body of up to 8 MiB): bounded.
        if (running->waiters.size() >= MaxChecksPerPair) {
            return refuse({QStringLiteral("%1 requests with these credentials wait for their check already")
                               .arg(MaxChecksPerPair),
                429, 1, false});
        }
        running->waiters.append(std::move(resume));
        outcome.pending = true;
        return outcome;
    }
    const qint64 hold = blockedFor(pair);
    if (m_checksPerPair.value(pair) >= MaxChecksPerPair) {
        return refuse({QStringLiteral("%1 login attempts of this user name from this address are under "
                                      "way already")
                           .arg(MaxChecksPerPair),
            429, int(qMax<qint64>(1, (hold + 999) / 1000)), false});
    }
    const QString address = clientKeyOf(request.peer);
    if (m_checksPerAddress.value(address) >= MaxChecksPerAddress) {
        return refuse({QStringLiteral("%1 login attempts from this address are under way already")
                           .arg(MaxChecksPerAddress),
            429, 1, false});
    }
    if (hold == 0 && m_verifier.pending() >= PasswordVerifier::MaxPending) {
        return refuse(
            {QStringLiteral("%1 password checks are waiting already").arg(PasswordVerifier::MaxPending), 503,
                1, false});
    }

    Check check;
    check.pair = pair;
    check.address = address;
    check.cacheKey = key;
    check.known = user != nullptr;
    check.userName = name;
    check.password = credentials.password;
    check.stored = user ? user->passwordHash : dummyHash(users);
    check.waiters.append(std::move(resume));
    m_checks.insert(checkKey, check);
    ++m_checksPerPair[pair];
    ++m_checksPerAddress[address];
    if (hold > 0) {
        // The brake: the check itself waits, for the block as it stands now.
        QTimer::singleShot(hold, &m_verifier, [this, checkKey] { startCheck(checkKey); });
    } else {
        startCheck(checkKey);
    }
    outcome.failure = hold > 0 ? QStringLiteral("held back by the failed-login brake")
                               : QStringLiteral("password being checked");
    outcome.pending = true;
    return outcome;
}

void AdminAuth::startCheck(const QByteArray &key)
{
    const auto check = m_checks.constFind(key);
    if (check == m_checks.cend())
        return;
    // A pair without failures goes first: a first login is not queued
    // behind the checks of someone who keeps getting it wrong.
    const int priority = m_failures.contains(check->pair) ? 0 : 1;
    const bool started = m_verifier.verify(check->password, check->stored, priority,
        [this, key](
            PasswordHash::Result result, const QString &reason) { handleVerified(key, result, reason); });
    if (!started) {
        const Verdict busy{
            QStringLiteral("%1 password checks are waiting already").arg(PasswordVerifier::MaxPending), 503,
            1, false};
        // From a timer: the waiters are resumed from the event loop, as always.
        finishCheck(key, &busy);
    }
}

void AdminAuth::handleVerified(const QByteArray &key, PasswordHash::Result result, const QString &reason)
{
    const auto check = m_checks.constFind(key);
    if (check == m_checks.cend())
        return;
    if (!check->known) {
        // The name is not logged: it may be a password typed in the wrong
        // field, and readonly users can read the log (/api/v1/log).
        const Verdict unknown{QStringLiteral("unknown user name")};
        finishCheck(key, &unknown);
        return;
    }
    if (result != PasswordHash::Result::Match) {
        const Verdict wrong{QStringLiteral("user '%1': %2").arg(check->userName, reason)};
        finishCheck(key, &wrong);
        return;
    }
    if (m_verified.size() >= MaxCacheEntries)
        m_verified.clear();
    m_verified.insert(check->cacheKey, check->userName);
    m_failures.remove(check->pair);
    finishCheck(key, nullptr);
}

void AdminAuth::finishCheck(const QByteArray &key, const Verdict *verdict)
{
    // Out of the tables before anyone is resumed: a resumed request may start
    // new checks, or even the same one again (the config changed meanwhile).
    const Check check = m_checks.take(key);
    if (--m_checksPerPair[check.pair] <= 0)
        m_checksPerPair.remove(check.pair);
    if (--m_checksPerAddress[check.address] <= 0)
        m_checksPerAddress.remove(check.address);
    if (verdict) {
        Verdict counted = *verdict;
        // Counted here, once, even when every waiter has gone: a guesser
        // who sends a guess and disconnects before the verdict is braked
        // all the same.
        if (counted.failedLogin)
            counted.failureCount = registerFailure(check.pair);
        m_verdicts.insert(key, counted);
    }
    for (const Resume &resume : check.waiters)
        resume();
    m_verdicts.remove(key);
}

}  // namespace Balancier
