#include "passwordhash.h"

#include "config/constanttime.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>

#if defined(BALANCIER_HAVE_CRYPT) && BALANCIER_HAVE_CRYPT
#if __has_include(<crypt.h>)
#include <crypt.h>
#define BALANCIER_CRYPT_R 1
#else
// Only crypt() (e.g. <unistd.h> on BSDs and macOS): it returns a static
// buffer, so calls are serialized.
#include <mutex>
#include <unistd.h>
#endif
#endif

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

constexpr QLatin1StringView NativePrefix{"pbkdf2-sha256"};
constexpr int SaltBytes = 16;
constexpr int KeyBytes = 32;

struct NativeHash
{
    int iterations = 0;
    QByteArray salt;
    QByteArray key;
};

bool fail(QString *reason, const QString &text)
{
    if (reason)
        *reason = text;
    return false;
}

// Strict: only the canonical encoding of a byte string is accepted (padding
// optional), so that one hash has exactly one spelling.
std::optional<QByteArray> decodeBase64(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    const QByteArray encoded = text.toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QByteArray unpadded = encoded;
    while (unpadded.endsWith('='))
        unpadded.chop(1);
    if (decoded.decoded.toBase64(QByteArray::OmitTrailingEquals) != unpadded)
        return std::nullopt;
    return *decoded;
}

// Parses "pbkdf2-sha256$iter$salt$key"; says precisely what is wrong otherwise.
bool parseNative(QStringView stored, NativeHash *out, QString *reason)
{
    const QList<QStringView> parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != NativePrefix) {
        return fail(reason,
            u"not a password hash: expected \"pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>\" "
            "or a 13-character legacy crypt string"_s);
    }
    // Digits only: toLongLong() would also take signs and surrounding blanks.
    const QStringView count = parts.at(1);
    const bool digits = !count.isEmpty() && count.size() <= 10
        && std::all_of(count.begin(), count.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    const qlonglong iterations = digits ? count.toLongLong() : 0;
    if (iterations < 1)
        return fail(reason, u"iteration count \"%1\" is not a positive integer"_s.arg(parts.at(1)));
    if (iterations > PasswordHash::MaxIterations) {
        return fail(reason,
            u"iteration count %1 is above the limit of %2"_s.arg(iterations)
                .arg(PasswordHash::MaxIterations));
    }
    const auto salt = decodeBase64(parts.at(2));
    if (!salt || salt->isEmpty())
        return fail(reason, u"the salt is not valid base64"_s);
    const auto key = decodeBase64(parts.at(3));
    if (!key)
        return fail(reason, u"the hash is not valid base64"_s);
    if (key->size() != KeyBytes)
        return fail(reason, u"the hash must be %1 bytes, not %2"_s.arg(KeyBytes).arg(key->size()));
    out->iterations = int(iterations);
    out->salt = *salt;
    out->key = *key;
    return true;
}

QByteArray deriveKey(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, password.toUtf8(), salt, iterations, KeyBytes);
}

#if defined(BALANCIER_HAVE_CRYPT) && BALANCIER_HAVE_CRYPT
// Returns the crypt() of `password` with the salt of `stored`, or an empty
// array when the platform's crypt refused (some builds drop DES).
QByteArray legacyCrypt(const QByteArray &password, const QByteArray &stored)
{
#ifdef BALANCIER_CRYPT_R
    // struct crypt_data is about 32 KiB: too large for a worker's stack.
    auto data = std::make_unique<crypt_data>();
    const char *result = crypt_r(password.constData(), stored.constData(), data.get());
    return QByteArray(result ? result : "");
#else
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    const char *result = crypt(password.constData(), stored.constData());
    return QByteArray(result ? result : "");
#endif
}
#endif

PasswordHash::Result verifyLegacy(const QString &password, const QString &stored, QString *reason)
{
#if defined(BALANCIER_HAVE_CRYPT) && BALANCIER_HAVE_CRYPT
    const QByteArray utf8 = password.toUtf8();
    // crypt() stops at the first NUL: "abc\0xyz" must not pass for "abc".
    if (utf8.contains('\0')) {
        fail(reason, u"wrong password"_s);
        return PasswordHash::Result::Mismatch;
    }
    const QByteArray expected = stored.toLatin1();
    const QByteArray computed = legacyCrypt(utf8, expected);
    // Failures are reported as "*0"/"*1" (or NULL) by libxcrypt.
    if (computed.size() != expected.size() || computed.startsWith('*')) {
        fail(reason,
            u"legacy DES crypt hash cannot be verified: this system's crypt() does not support DES; "
            "set a new one with balancierd --hash-password"_s);
        return PasswordHash::Result::Unsupported;
    }
    if (constantTimeEquals(computed, expected))
        return PasswordHash::Result::Match;
    fail(reason, u"wrong password"_s);
    return PasswordHash::Result::Mismatch;
#else
    Q_UNUSED(password)
    Q_UNUSED(stored)
    fail(reason,
        u"legacy DES crypt hash cannot be verified on this platform; "
        "set a new one with balancierd --hash-password"_s);
    return PasswordHash::Result::Unsupported;
#endif
}

}  // namespace

QString PasswordHash::create(const QString &password, int iterations)
{
    iterations = qBound(1, iterations, MaxIterations);
    // Filled as words (the generator's unit), copied as bytes: no aliasing or alignment games.
    std::array<quint32, SaltBytes / sizeof(quint32)> words{};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    std::memcpy(salt.data(), words.data(), SaltBytes);
    const QByteArray key = deriveKey(password, salt, iterations);
    return NativePrefix % u'$' % QString::number(iterations) % u'$' % QLatin1StringView(salt.toBase64())
        % u'$' % QLatin1StringView(key.toBase64());
}

PasswordHash::Result PasswordHash::verify(const QString &password, const QString &stored, QString *reason)
{
    if (isLegacyCrypt(stored))
        return verifyLegacy(password, stored, reason);
    NativeHash hash;
    if (!parseNative(stored, &hash, reason))
        return Result::Malformed;
    if (constantTimeEquals(deriveKey(password, hash.salt, hash.iterations), hash.key))
        return Result::Match;
    fail(reason, u"wrong password"_s);
    return Result::Mismatch;
}

bool PasswordHash::isWellFormed(QStringView stored, QString *reason)
{
    if (isLegacyCrypt(stored))
        return true;
    NativeHash hash;
    return parseNative(stored, &hash, reason);
}

bool PasswordHash::isLegacyCrypt(QStringView stored)
{
    if (stored.size() != 13)
        return false;
    for (const QChar c : stored) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'.' || u == u'/';
        if (!ok)
            return false;
    }
    return true;
}

QString PasswordHash::legacyCryptWarning()
{
    return u"weak legacy DES crypt hash; set a new one with `balancierd --hash-password`"_s;
}

bool PasswordHash::legacyCryptSupported()
{
#if defined(BALANCIER_HAVE_CRYPT) && BALANCIER_HAVE_CRYPT
    // The library may exist without DES; ask it once with a known vector.
    static const bool supported = legacyCrypt("test", "ab") == "abgOeLfPimXQo";
    return supported;
#else
    return false;
#endif
}

}  // namespace Balancier
