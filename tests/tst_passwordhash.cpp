#include "config/passwordhash.h"

#include <QRegularExpression>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#if __has_include(<crypt.h>)
#include <crypt.h>
#define TEST_HAVE_CRYPT_H 1
#endif

using namespace Qt::StringLiterals;
using Balancier::PasswordHash;
using Result = PasswordHash::Result;

// Keeps the suite fast: the default count is tested once, in defaultFormat().
constexpr int FastIterations = 1000;

class tst_PasswordHash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void defaultFormat();
    void saltIsRandom();
    void knownVectors_data();
    void knownVectors();
    void tampered_data();
    void tampered();
    void malformed_data();
    void malformed();
    void isLegacyCrypt_data();
    void isLegacyCrypt();
    void legacyKnownVectors_data();
    void legacyKnownVectors();
    void legacyComputedWithCrypt();
    void legacyNulByte();
    void legacyFromManyThreads();
};

void tst_PasswordHash::roundTrip_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("plain") << u"secret"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("non-ascii") << u"pässwörd ✓ 密码"_s;
    QTest::newRow("separator") << u"a$b$c$d"_s;
    QTest::newRow("long") << QString(1000, u'x');
}

void tst_PasswordHash::roundTrip()
{
    QFETCH(QString, password);
    const QString stored = PasswordHash::create(password, FastIterations);
    QVERIFY(PasswordHash::isWellFormed(stored));
    QString reason = u"untouched"_s;
    QCOMPARE(PasswordHash::verify(password, stored, &reason), Result::Match);
    QCOMPARE(PasswordHash::verify(password + u'x', stored, &reason), Result::Mismatch);
    QCOMPARE(reason, u"wrong password"_s);
    if (!password.isEmpty()) {
        QCOMPARE(PasswordHash::verify(password.chopped(1), stored), Result::Mismatch);
        QCOMPARE(PasswordHash::verify(password.toUpper() + u"Z"_s, stored), Result::Mismatch);
    }
}

void tst_PasswordHash::defaultFormat()
{
    const QString stored = PasswordHash::create(u"admin"_s);
    static const QRegularExpression shape(
        u"^pbkdf2-sha256\\$200000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=$"_s);
    QVERIFY2(shape.match(stored).hasMatch(), qPrintable(stored));
    const QStringList parts = stored.split(u'$');
    QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(parts.at(3).toLatin1()).size(), 32);
    QCOMPARE(PasswordHash::verify(u"admin"_s, stored), Result::Match);
    QCOMPARE(PasswordHash::verify(u"Admin"_s, stored), Result::Mismatch);
}

void tst_PasswordHash::saltIsRandom()
{
    const QString a = PasswordHash::create(u"same"_s, FastIterations);
    const QString b = PasswordHash::create(u"same"_s, FastIterations);
    QVERIFY(a != b);
    QVERIFY(a.section(u'$', 2, 2) != b.section(u'$', 2, 2));
    QVERIFY(a.section(u'$', 3, 3) != b.section(u'$', 3, 3));
}

// Hashes made by other implementations (RFC 7914 section 11, Python's
// hashlib.pbkdf2_hmac) must verify: a config written elsewhere works here.
void tst_PasswordHash::knownVectors_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("stored");
    const QByteArray rfcKey
        = QByteArray::fromHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    QTest::newRow("rfc7914") << u"passwd"_s
                             << (u"pbkdf2-sha256$1$"_s + QLatin1StringView(QByteArray("salt").toBase64())
                                    + u'$' + QLatin1StringView(rfcKey.toBase64()));
    QTest::newRow("python")
        << u"admin"_s
        << u"pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$aNn8BQr5aSJJHHIbUz0UQmUI3Tvt1HL+cOX4vmht/q4="_s;
    QTest::newRow("python-utf8")
        << u"pässwörd"_s
        << u"pbkdf2-sha256$2000$c2FsdHNhbHRzYWx0c2FsdA==$sgwBFLMqm8PV4Seks6tcSPGE+k8PpP2ByvMDvA+6AmQ="_s;
}

void tst_PasswordHash::knownVectors()
{
    QFETCH(QString, password);
    QFETCH(QString, stored);
    QCOMPARE(PasswordHash::verify(password, stored), Result::Match);
    QCOMPARE(PasswordHash::verify(password + u" "_s, stored), Result::Mismatch);
}

// Every field of a valid hash changed by a little: never a Match.
void tst_PasswordHash::tampered_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<Result>("expected");
    const QString good
        = u"pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$aNn8BQr5aSJJHHIbUz0UQmUI3Tvt1HL+cOX4vmht/q4="_s;
    QCOMPARE(PasswordHash::verify(u"admin"_s, good), Result::Match);  // the baseline is right

    QString s = good;
    QTest::newRow("iterations+1") << QString(s).replace(u"$1000$"_s, u"$1001$"_s) << Result::Mismatch;
    QTest::newRow("iterations-1") << QString(s).replace(u"$1000$"_s, u"$999$"_s) << Result::Mismatch;
    QTest::newRow("salt char") << QString(s).replace(u"MDEy"_s, u"MDEz"_s) << Result::Mismatch;
    QTest::newRow("hash first char") << QString(s).replace(u"$aNn8"_s, u"$bNn8"_s) << Result::Mismatch;
    QTest::newRow("hash last char") << QString(s).replace(u"/q4="_s, u"/q8="_s) << Result::Mismatch;
    // Same bytes, but the unused low bits of the last character set: one hash, one spelling.
    QTest::newRow("hash non-canonical") << QString(s).replace(u"/q4="_s, u"/q5="_s) << Result::Malformed;
    QTest::newRow("hash unpadded") << QString(s).replace(u"/q4="_s, u"/q4"_s) << Result::Match;
    QTest::newRow("prefix case") << QString(s).replace(u"pbkdf2-sha256"_s, u"PBKDF2-SHA256"_s)
                                 << Result::Malformed;
    QTest::newRow("hash truncated") << QString(s).replace(u"/q4="_s, u""_s) << Result::Malformed;
    QTest::newRow("hash extended") << QString(s).replace(u"/q4="_s, u"/q4AAAA="_s) << Result::Malformed;
}

void tst_PasswordHash::tampered()
{
    QFETCH(QString, stored);
    QFETCH(Result, expected);
    QCOMPARE(PasswordHash::verify(u"admin"_s, stored), expected);
}

void tst_PasswordHash::malformed_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("reasonPart");
    const QString salt = u"MDEyMzQ1Njc4OWFiY2RlZg=="_s;
    const QString key = u"aNn8BQr5aSJJHHIbUz0UQmUI3Tvt1HL+cOX4vmht/q4="_s;
    QTest::newRow("empty") << QString() << u"not a password hash"_s;
    QTest::newRow("plain text") << u"secret"_s << u"not a password hash"_s;
    QTest::newRow("prefix only") << u"pbkdf2-sha256"_s << u"not a password hash"_s;
    QTest::newRow("empty fields") << u"pbkdf2-sha256$$$"_s << u"iteration count"_s;
    QTest::newRow("other digest") << (u"pbkdf2-sha1$1000$"_s + salt + u'$' + key) << u"not a password hash"_s;
    QTest::newRow("five fields") << (u"pbkdf2-sha256$1000$"_s + salt + u'$' + key + u"$x"_s)
                                 << u"not a password hash"_s;
    QTest::newRow("md5 crypt") << u"$1$saltsalt$qjXMvbEw8oaL.CzflDugX/"_s << u"not a password hash"_s;
    QTest::newRow("12 chars") << u"abgOeLfPimXQ"_s << u"not a password hash"_s;
    QTest::newRow("14 chars") << u"abgOeLfPimXQoo"_s << u"not a password hash"_s;
    QTest::newRow("13 chars bad alphabet") << u"ab-OeLfPimXQo"_s << u"not a password hash"_s;
    QTest::newRow("iterations text") << (u"pbkdf2-sha256$many$"_s + salt + u'$' + key) << u"\"many\""_s;
    QTest::newRow("iterations zero") << (u"pbkdf2-sha256$0$"_s + salt + u'$' + key) << u"\"0\""_s;
    QTest::newRow("iterations negative") << (u"pbkdf2-sha256$-5$"_s + salt + u'$' + key) << u"\"-5\""_s;
    QTest::newRow("iterations plus") << (u"pbkdf2-sha256$+5$"_s + salt + u'$' + key) << u"\"+5\""_s;
    QTest::newRow("iterations blank") << (u"pbkdf2-sha256$ 1000$"_s + salt + u'$' + key) << u"\" 1000\""_s;
    QTest::newRow("iterations huge") << (u"pbkdf2-sha256$99999999999$"_s + salt + u'$' + key)
                                     << u"\"99999999999\""_s;
    QTest::newRow("iterations over limit")
        << (u"pbkdf2-sha256$10000001$"_s + salt + u'$' + key) << u"above the limit"_s;
    QTest::newRow("salt not base64") << (u"pbkdf2-sha256$1000$!!!!$"_s + key) << u"salt"_s;
    QTest::newRow("salt empty") << (u"pbkdf2-sha256$1000$$"_s + key) << u"salt"_s;
    QTest::newRow("hash not base64") << (u"pbkdf2-sha256$1000$"_s + salt + u"$@@@@"_s) << u"hash"_s;
    QTest::newRow("hash empty") << (u"pbkdf2-sha256$1000$"_s + salt + u'$') << u"hash"_s;
    QTest::newRow("hash short") << (u"pbkdf2-sha256$1000$"_s + salt + u"$c2hvcnQ="_s) << u"32 bytes, not 5"_s;
    QTest::newRow("non-latin1") << (u"pbkdf2-sha256$1000$"_s + salt + u"$密码"_s) << u"hash"_s;
}

void tst_PasswordHash::malformed()
{
    QFETCH(QString, stored);
    QFETCH(QString, reasonPart);
    QString reason;
    QCOMPARE(PasswordHash::verify(u"admin"_s, stored, &reason), Result::Malformed);
    QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
    QString wellFormedReason;
    QVERIFY(!PasswordHash::isWellFormed(stored, &wellFormedReason));
    QCOMPARE(wellFormedReason, reason);
}

void tst_PasswordHash::isLegacyCrypt_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<bool>("legacy");
    QTest::newRow("des") << u"abgOeLfPimXQo"_s << true;
    QTest::newRow("des slash dot") << u"./gRonXQz8UE"_s.prepend(u'x') << true;
    QTest::newRow("12") << u"abgOeLfPimXQ"_s << false;
    QTest::newRow("14") << u"abgOeLfPimXQoo"_s << false;
    QTest::newRow("dollar") << u"$1$abcdefghij"_s << false;
    QTest::newRow("space") << u"abgOeLfPim Qo"_s << false;
    QTest::newRow("native") << PasswordHash::create(u"x"_s, 1) << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_PasswordHash::isLegacyCrypt()
{
    QFETCH(QString, stored);
    QFETCH(bool, legacy);
    QCOMPARE(PasswordHash::isLegacyCrypt(stored), legacy);
    if (legacy)
        QVERIFY(PasswordHash::isWellFormed(stored));
}

// crypt("test", "ab") and crypt("secret", "xy"), as Python's crypt module and
// pythondirector computed them.
void tst_PasswordHash::legacyKnownVectors_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<bool>("matches");
    QTest::newRow("test/ab") << u"test"_s << u"abgOeLfPimXQo"_s << true;
    QTest::newRow("secret/xy") << u"secret"_s << u"xy/gRonXQz8UE"_s << true;
    QTest::newRow("wrong") << u"tost"_s << u"abgOeLfPimXQo"_s << false;
    QTest::newRow("other hash same salt") << u"test"_s << u"abJnggxhB/yWI"_s << false;
    QTest::newRow("empty password") << QString() << u"abgOeLfPimXQo"_s << false;
}

void tst_PasswordHash::legacyKnownVectors()
{
    QFETCH(QString, password);
    QFETCH(QString, stored);
    QFETCH(bool, matches);
    QString reason;
    const Result result = PasswordHash::verify(password, stored, &reason);
    if (!PasswordHash::legacyCryptSupported()) {
        // Never a silent yes or no: the caller learns that it cannot be checked, and what to do.
        QCOMPARE(result, Result::Unsupported);
        QVERIFY2(reason.contains(u"balancierd --hash-password"_s), qPrintable(reason));
        return;
    }
    QCOMPARE(result, matches ? Result::Match : Result::Mismatch);
}

void tst_PasswordHash::legacyComputedWithCrypt()
{
#ifdef TEST_HAVE_CRYPT_H
    if (!PasswordHash::legacyCryptSupported())
        QSKIP("crypt.h exists, but the engine was built without legacy crypt support");
    auto data = std::make_unique<crypt_data>();
    const char *computed = crypt_r("hunter2", "Zz", data.get());
    QVERIFY(computed);
    const QString stored = QString::fromLatin1(computed);
    QVERIFY2(PasswordHash::isLegacyCrypt(stored), qPrintable(stored));
    QCOMPARE(PasswordHash::verify(u"hunter2"_s, stored), Result::Match);
    QCOMPARE(PasswordHash::verify(u"hunter3"_s, stored), Result::Mismatch);
#else
    QCOMPARE(PasswordHash::legacyCryptSupported(), false);
    QString reason;
    QCOMPARE(PasswordHash::verify(u"test"_s, u"abgOeLfPimXQo"_s, &reason), Result::Unsupported);
    QVERIFY(reason.contains(u"cannot be verified on this platform"_s));
#endif
}

// crypt() reads a C string: "test\0anything" must not pass for "test".
void tst_PasswordHash::legacyNulByte()
{
    const QString withNul = u"test"_s + QChar(0) + u"anything"_s;
    const Result result = PasswordHash::verify(withNul, u"abgOeLfPimXQo"_s);
    QCOMPARE(result, PasswordHash::legacyCryptSupported() ? Result::Mismatch : Result::Unsupported);
}

// Workers may check passwords concurrently: results must not mix.
void tst_PasswordHash::legacyFromManyThreads()
{
    if (!PasswordHash::legacyCryptSupported())
        QSKIP("no legacy crypt on this platform");
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&wrong, t] {
            for (int i = 0; i < 200; ++i) {
                const bool first = (i + t) % 2 == 0;
                const Result r = first ? PasswordHash::verify(u"test"_s, u"abgOeLfPimXQo"_s)
                                       : PasswordHash::verify(u"secret"_s, u"xy/gRonXQz8UE"_s);
                const Result crossed = first ? PasswordHash::verify(u"secret"_s, u"abgOeLfPimXQo"_s)
                                             : PasswordHash::verify(u"test"_s, u"xy/gRonXQz8UE"_s);
                if (r != Result::Match || crossed != Result::Mismatch)
                    ++wrong;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
}

QTEST_GUILESS_MAIN(tst_PasswordHash)
#include "tst_passwordhash.moc"
