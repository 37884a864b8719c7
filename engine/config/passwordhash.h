#pragma once

#include <QString>
#include <QStringView>

namespace Balancier {

/// Password hashes for <admin><user password="...">.
///
/// The native form is "pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>"
/// (PBKDF2-HMAC-SHA256, 32-byte key). Legacy configs carry 13-character DES
/// crypt(3) strings; those are verified through the platform's crypt() where
/// it exists and reported as Unsupported elsewhere, so a caller never has to
/// guess whether a refusal means "wrong password" or "cannot check".
///
/// Thread contract: stateless; every function may be called from any thread
/// (legacy crypt uses crypt_r, or a mutex where only crypt() exists).
class PasswordHash final
{
public:
    PasswordHash() = delete;

    enum class Result
    {
        Match,  ///< the password is right
        Mismatch,  ///< the password is wrong
        Unsupported,  ///< a legacy hash this platform cannot check
        Malformed,  ///< the stored string is not a hash this program understands
    };

    /// What create() uses unless told otherwise.
    static constexpr int DefaultIterations = 200000;
    /// verify() refuses (Malformed) more than this, so that a config cannot
    /// make one login cost minutes of CPU.
    static constexpr int MaxIterations = 10000000;

    /// A new native hash with a fresh random 16-byte salt. `iterations` below 1 is taken as 1.
    static QString create(const QString &password, int iterations = DefaultIterations);

    /// Checks `password` against a native or legacy hash. In constant time
    /// with respect to the stored key. On any result but Match, `reason`
    /// (when given) says why in one sentence.
    static Result verify(const QString &password, const QString &stored, QString *reason = nullptr);

    /// True when verify() can parse `stored`: a native hash whose fields are
    /// all valid, or a legacy crypt string. `reason` says what is wrong otherwise.
    static bool isWellFormed(QStringView stored, QString *reason = nullptr);

    /// True for a 13-character DES crypt string ([./0-9A-Za-z]{13}).
    static bool isLegacyCrypt(QStringView stored);

    /// The warning for a user whose hash isLegacyCrypt(), wherever it comes
    /// from (a config file, an import, the addUser command).
    static QString legacyCryptWarning();

    /// True when this build can verify legacy DES crypt strings.
    static bool legacyCryptSupported();
};

}  // namespace Balancier
