#include "adminlistencheck.h"

#include "config/address.h"

#include <QByteArrayView>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>

#include <optional>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

bool isLoopback(const QString &host)
{
    QHostAddress address;
    if (host == u"localhost")
        return true;
    return address.setAddress(host) && address.isLoopback();
}

QString quote(const QString &text)
{
    return u'"' + text + u'"';
}

/// The file's bytes, or nothing with `why` set. Only regular files are
/// opened: a device (/dev/zero) never ends, a FIFO can block the open
/// forever. The size is checked before reading, and the read is capped
/// anyway, for a file that grows in between.
std::optional<QByteArray> readPemFile(const QString &path, QString *why)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *why = u"cannot read "_s + quote(path) + u": no such file"_s;
        return std::nullopt;
    }
    if (info.isDir()) {
        *why = u"cannot read "_s + quote(path) + u": it is a directory; expected a PEM file"_s;
        return std::nullopt;
    }
    if (!info.isFile()) {
        *why = u"cannot read "_s + quote(path)
            + u": not a regular file (a device, FIFO or socket); expected a PEM file"_s;
        return std::nullopt;
    }
    const auto tooBig = [&path](qint64 size) -> QString {
        return u"cannot read "_s + quote(path) + u": "_s + QString::number(size)
            + u" bytes is too large; expected a PEM file of at most "_s
            + QString::number(maxAdminTlsFileBytes / 1024) + u" KiB"_s;
    };
    if (info.size() > maxAdminTlsFileBytes) {
        *why = tooBig(info.size());
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = u"cannot open "_s + quote(path) + u": "_s + file.errorString();
        return std::nullopt;
    }
    QByteArray data = file.read(maxAdminTlsFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        *why = u"cannot read "_s + quote(path) + u": "_s + file.errorString();
        return std::nullopt;
    }
    if (data.size() > maxAdminTlsFileBytes) {
        *why = tooBig(data.size());
        return std::nullopt;
    }
    return data;
}

/// A minimal DER reader: just enough to find the public part of a key.
/// Every length is checked against what is left; nothing is trusted.
class DerReader final
{
public:
    explicit DerReader(QByteArrayView data)
        : m_data(data)
    { }

    bool atEnd() const { return m_pos >= m_data.size(); }
    /// The tag of the next element; -1 at the end.
    int peekTag() const { return atEnd() ? -1 : quint8(m_data.at(m_pos)); }

    /// Reads one element: its tag must be `tag`. `whole` is the encoding
    /// including tag and length, `content` what follows them.
    bool read(quint8 tag, QByteArrayView *content, QByteArrayView *whole = nullptr)
    {
        const qsizetype start = m_pos;
        if (m_data.size() - m_pos < 2 || quint8(m_data.at(m_pos)) != tag)
            return false;
        qsizetype pos = m_pos + 1;
        qsizetype length = quint8(m_data.at(pos++));
        if (length & 0x80) {
            const int bytes = int(length & 0x7f);
            if (bytes < 1 || bytes > 3 || m_data.size() - pos < bytes)
                return false;
            length = 0;
            for (int i = 0; i < bytes; ++i)
                length = (length << 8) | quint8(m_data.at(pos++));
        }
        if (m_data.size() - pos < length)
            return false;
        *content = m_data.sliced(pos, length);
        m_pos = pos + length;
        if (whole)
            *whole = m_data.sliced(start, m_pos - start);
        return true;
    }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
};

constexpr quint8 DerInteger = 0x02;
constexpr quint8 DerBitString = 0x03;
constexpr quint8 DerOctetString = 0x04;
constexpr quint8 DerSequence = 0x30;
constexpr quint8 DerContext0 = 0xa0;
constexpr quint8 DerContext1 = 0xa1;

/// The public part of a private key as Qt encodes it: for RSA the modulus
/// and exponent of PKCS#1 RSAPrivateKey, for EC the public point of SEC 1
/// ECPrivateKey. A PKCS#8 wrapper is opened first. Empty when unknown.
QByteArray privateKeyPublicPart(QByteArrayView der, QSsl::KeyAlgorithm algorithm, int depth = 0)
{
    DerReader outer(der);
    QByteArrayView body;
    if (!outer.read(DerSequence, &body))
        return {};
    DerReader reader(body);
    QByteArrayView version;
    if (!reader.read(DerInteger, &version))
        return {};
    if (reader.peekTag() == DerSequence) {
        // PKCS#8: version, algorithm, then the key itself in an octet string.
        QByteArrayView algorithmId;
        QByteArrayView inner;
        if (depth > 0 || !reader.read(DerSequence, &algorithmId) || !reader.read(DerOctetString, &inner))
            return {};
        return privateKeyPublicPart(inner, algorithm, depth + 1);
    }
    if (algorithm == QSsl::Rsa) {
        QByteArrayView modulus, exponent, modulusTlv, exponentTlv;
        if (!reader.read(DerInteger, &modulus, &modulusTlv)
            || !reader.read(DerInteger, &exponent, &exponentTlv))
            return {};
        return modulusTlv.toByteArray() + exponentTlv.toByteArray();
    }
    if (algorithm == QSsl::Ec) {
        QByteArrayView secret;
        if (!reader.read(DerOctetString, &secret))
            return {};
        QByteArrayView field;
        if (reader.peekTag() == DerContext0 && !reader.read(DerContext0, &field))
            return {};
        if (reader.peekTag() != DerContext1 || !reader.read(DerContext1, &field))
            return {};  // the public point is optional in SEC 1
        DerReader inner(field);
        QByteArrayView point;
        return inner.read(DerBitString, &point) ? point.toByteArray() : QByteArray();
    }
    return {};
}

/// The same public part from a certificate's SubjectPublicKeyInfo.
QByteArray certificatePublicPart(QByteArrayView der, QSsl::KeyAlgorithm algorithm)
{
    DerReader outer(der);
    QByteArrayView body;
    if (!outer.read(DerSequence, &body))
        return {};
    DerReader reader(body);
    QByteArrayView algorithmId, bits;
    if (!reader.read(DerSequence, &algorithmId) || !reader.read(DerBitString, &bits))
        return {};
    if (algorithm == QSsl::Ec)
        return bits.toByteArray();
    if (algorithm == QSsl::Rsa) {
        if (bits.isEmpty() || bits.at(0) != 0)
            return {};
        DerReader key(bits.sliced(1));
        QByteArrayView rsa;
        if (!key.read(DerSequence, &rsa))
            return {};
        DerReader numbers(rsa);
        QByteArrayView modulus, exponent, modulusTlv, exponentTlv;
        if (!numbers.read(DerInteger, &modulus, &modulusTlv)
            || !numbers.read(DerInteger, &exponent, &exponentTlv))
            return {};
        return modulusTlv.toByteArray() + exponentTlv.toByteArray();
    }
    return {};
}

QString algorithmName(QSsl::KeyAlgorithm algorithm)
{
    switch (algorithm) {
    case QSsl::Rsa:
        return u"RSA"_s;
    case QSsl::Ec:
        return u"EC"_s;
    case QSsl::Dsa:
        return u"DSA"_s;
    case QSsl::Dh:
        return u"DH"_s;
    case QSsl::Opaque:
        break;
    }
    return u"other"_s;
}

/// Why `key` is not the key of `certificate`; empty when it is, or when
/// the encodings are not ones this can read (the TLS library then refuses
/// the handshakes, which the admin server logs).
///
/// Qt has no call that compares the two, and a test handshake at load time
/// would need sockets and an event loop. Both keys' public parts are in
/// their DER encodings, though: RSA modulus and exponent, or the EC point.
QString keyMismatch(const QSslCertificate &certificate, const QSslKey &key)
{
    const QSslKey publicKey = certificate.publicKey();
    if (publicKey.isNull())
        return {};
    if (publicKey.algorithm() != key.algorithm()) {
        return u"an "_s + algorithmName(key.algorithm()) + u" key for a certificate with an "_s
            + algorithmName(publicKey.algorithm()) + u" key"_s;
    }
    const QByteArray fromKey = privateKeyPublicPart(key.toDer(), key.algorithm());
    const QByteArray fromCertificate = certificatePublicPart(publicKey.toDer(), publicKey.algorithm());
    if (fromKey.isEmpty() || fromCertificate.isEmpty() || fromKey == fromCertificate)
        return {};
    return u"another "_s + algorithmName(key.algorithm()) + u" key than the certificate's"_s;
}

}  // namespace

QList<Diagnostic> checkAdminListen(
    const AdminConfig &admin, const QString &fileName, AdminTlsIdentity *identity, bool readFiles)
{
    QList<Diagnostic> out;
    const auto error = [&](QStringView attribute, const QString &message) {
        Diagnostic diagnostic;
        diagnostic.file = fileName;
        diagnostic.line = admin.pos.line;
        diagnostic.column = admin.pos.column;
        diagnostic.element = u"<admin "_s + attribute + u'>';
        diagnostic.message = message;
        out.append(diagnostic);
    };

    const bool hasCertificate = !admin.tlsCertificate.isEmpty();
    const bool hasKey = !admin.tlsKey.isEmpty();
    if (hasCertificate != hasKey) {
        error(hasKey ? u"cert" : u"key",
            hasKey ? u"key is set but cert is not; TLS needs both a certificate and a key"_s
                   : u"cert is set but key is not; TLS needs both a certificate and a key"_s);
        return out;
    }

    if (!hasCertificate) {
        const std::optional<Address> address = parseAddress(admin.listen, true, nullptr);
        if (address && !isLoopback(address->host) && !admin.allowInsecureRemote) {
            error(u"listen",
                u"refusing to serve the admin API without TLS on "_s + admin.listen
                    + u", which is not a loopback address: set <admin cert=\"…\" key=\"…\">, listen on "
                      u"127.0.0.1, or set insecure=\"yes\" if this is really intended"_s);
        }
        return out;
    }
    if (!readFiles)
        return out;

    QString why;
    const std::optional<QByteArray> certificateData = readPemFile(admin.tlsCertificate, &why);
    if (!certificateData)
        error(u"cert", why);
    const std::optional<QByteArray> keyData = readPemFile(admin.tlsKey, &why);
    if (!keyData)
        error(u"key", why);
    if (!certificateData || !keyData)
        return out;

    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificateData, QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull()) {
        error(u"cert",
            u"no PEM certificate found in "_s + quote(admin.tlsCertificate)
                + u"; expected \"-----BEGIN CERTIFICATE-----\""_s);
    }
    QSslKey key(*keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyData, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        error(u"key",
            u"no unencrypted PEM RSA or EC private key found in "_s + quote(admin.tlsKey)
                + u" (an encrypted key cannot be used: there is no one to type its passphrase)"_s);
    }
    if (!out.isEmpty())
        return out;

    if (const QString mismatch = keyMismatch(chain.constFirst(), key); !mismatch.isEmpty()) {
        error(u"key",
            u"the key in "_s + quote(admin.tlsKey) + u" does not belong to the certificate in "_s
                + quote(admin.tlsCertificate) + u": "_s + mismatch
                + u"; expected the private key of the first certificate"_s);
        return out;
    }
    if (identity) {
        identity->chain = chain;
        identity->key = key;
    }
    return out;
}

}  // namespace Balancier
