// The TLS ClientHello parser (net/clienthello) byte for byte: hellos
// captured from `openssl s_client` (tests/data/clienthello/), hellos built
// here with GREASE values and an ECH-shaped extension, every truncation,
// the split over records, the first bytes of other protocols, malformed
// framing, and the peek limit. And the server name patterns of the router.

#include "net/clienthello.h"
#include "net/tlsrouter.h"

#include <QFile>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

QByteArray u8(int value)
{
    return QByteArray(1, char(value & 0xff));
}

QByteArray u16(int value)
{
    return u8(value >> 8) + u8(value);
}

QByteArray u24(int value)
{
    return u8(value >> 16) + u16(value);
}

QByteArray extension(int type, const QByteArray &data)
{
    return u16(type) + u16(int(data.size())) + data;
}

QByteArray sniExtension(const QList<QByteArray> &names)
{
    QByteArray list;
    for (const QByteArray &name : names)
        list += u8(0) + u16(int(name.size())) + name;
    return extension(0, u16(int(list.size())) + list);
}

QByteArray alpnExtension(const QList<QByteArray> &protocols)
{
    QByteArray list;
    for (const QByteArray &protocol : protocols)
        list += u8(int(protocol.size())) + protocol;
    return extension(16, u16(int(list.size())) + list);
}

/// A ClientHello handshake message (type, length, body) with `extensions`;
/// none at all (not even the length) when `withExtensions` is false.
QByteArray handshake(const QByteArray &extensions, bool withExtensions = true)
{
    QByteArray body = u16(0x0303) + QByteArray(32, 'r') + u8(0) + u16(4) + QByteArray("\x13\x01\x0a\x0a", 4)
        + u8(1) + u8(0);
    if (withExtensions)
        body += u16(int(extensions.size())) + extensions;
    return u8(1) + u24(int(body.size())) + body;
}

/// `message` in handshake records of at most `fragment` bytes each.
QByteArray records(const QByteArray &message, qsizetype fragment = 16384)
{
    QByteArray out;
    for (qsizetype at = 0; at < message.size(); at += fragment) {
        const QByteArray chunk = message.mid(at, fragment);
        out += QByteArray("\x16\x03\x01", 3) + u16(int(chunk.size())) + chunk;
    }
    return out;
}

QByteArray captured(const QString &name)
{
    QFile file(QStringLiteral(BALANCIER_TEST_DATA "/clienthello/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

ClientHello parse(const QByteArray &bytes, qsizetype limit = ClientHello::DefaultLimit)
{
    return ClientHello::parse(bytes.constData(), bytes.size(), limit);
}

/// The handshake message inside captured single-record hello bytes.
QByteArray messageOf(const QByteArray &record)
{
    return record.mid(5);
}

}  // namespace

Q_DECLARE_METATYPE(ClientHello::Status)

class tst_ClientHello : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capturedHellos_data();
    void capturedHellos();
    void everyTruncationNeedsMore_data();
    void everyTruncationNeedsMore();
    void splitOverRecords_data();
    void splitOverRecords();
    void greaseAndEch();
    void namesNormalized();
    void noExtensions();
    void notTls_data();
    void notTls();
    void malformed_data();
    void malformed();
    void peekLimit();
    void serverNamePatterns_data();
    void serverNamePatterns();
};

void tst_ClientHello::capturedHellos_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("sni");
    QTest::addColumn<QList<QByteArray>>("alpn");
    QTest::newRow("TLS 1.3, SNI and ALPN")
        << u"clienthello-tls13-sni-alpn.bin"_s << QByteArray("www.capture.example")
        << QList<QByteArray>{"h2", "http/1.1"};
    QTest::newRow("TLS 1.2 only, SNI")
        << u"clienthello-tls12-sni.bin"_s << QByteArray("legacy.capture.example") << QList<QByteArray>{};
    QTest::newRow("no SNI") << u"clienthello-nosni.bin"_s << QByteArray() << QList<QByteArray>{};
}

void tst_ClientHello::capturedHellos()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, sni);
    QFETCH(QList<QByteArray>, alpn);
    const QByteArray bytes = captured(file);
    QVERIFY2(!bytes.isEmpty(), qPrintable(file));
    const ClientHello hello = parse(bytes);
    QCOMPARE(hello.status(), ClientHello::Status::Done);
    QCOMPARE(hello.serverName(), sni);
    QCOMPARE(hello.alpn(), alpn);
    QCOMPARE(hello.legacyVersion(), quint16(0x0303));
    QCOMPARE(hello.length(), bytes.size());
    QVERIFY(!hello.hasEch());
}

void tst_ClientHello::everyTruncationNeedsMore_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("captured TLS 1.3") << captured(u"clienthello-tls13-sni-alpn.bin"_s);
    QTest::newRow("three records") << records(
        handshake(sniExtension({"a.example"}) + alpnExtension({"h2"})), 17);
}

void tst_ClientHello::everyTruncationNeedsMore()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!bytes.isEmpty());
    for (qsizetype size = 0; size < bytes.size(); ++size) {
        // A copy of exactly `size` bytes: ASan sees any read past it.
        const QByteArray prefix = bytes.left(size);
        const ClientHello hello = parse(prefix);
        QVERIFY2(hello.status() == ClientHello::Status::NeedMore,
            qPrintable(u"at %1 of %2: %3"_s.arg(size).arg(bytes.size()).arg(hello.error())));
        // needed() is a lower bound that moves forward: more than what is
        // there, never past the end of the hello.
        QVERIFY(hello.needed() > size);
        QVERIFY(hello.needed() <= bytes.size());
    }
    QCOMPARE(parse(bytes).status(), ClientHello::Status::Done);
}

void tst_ClientHello::splitOverRecords_data()
{
    QTest::addColumn<qsizetype>("fragment");
    for (qsizetype fragment : {1, 2, 3, 4, 5, 100, 200})
        QTest::newRow(qPrintable(u"fragments of %1"_s.arg(fragment))) << fragment;
}

void tst_ClientHello::splitOverRecords()
{
    QFETCH(qsizetype, fragment);
    const QByteArray message = messageOf(captured(u"clienthello-tls13-sni-alpn.bin"_s));
    QVERIFY(!message.isEmpty());
    const QByteArray bytes = records(message, fragment);
    const ClientHello hello = parse(bytes);
    QCOMPARE(hello.status(), ClientHello::Status::Done);
    QCOMPARE(hello.serverName(), QByteArray("www.capture.example"));
    QCOMPARE(hello.alpn(), (QList<QByteArray>{"h2", "http/1.1"}));
    QCOMPARE(hello.length(), bytes.size());
}

void tst_ClientHello::greaseAndEch()
{
    // GREASE extension types (0x?a?a) before and after, a GREASE ALPN value,
    // and an encrypted_client_hello extension: the outer SNI routes.
    const QByteArray extensions = extension(0x0a0a, {}) + sniExtension({"public.example"})
        + alpnExtension({QByteArray("\x3a\x3a", 2), "h2"}) + extension(0xfe0d, QByteArray(90, '\x42'))
        + extension(0xfafa, QByteArray(1, '\0'));
    const ClientHello hello = parse(records(handshake(extensions)));
    QCOMPARE(hello.status(), ClientHello::Status::Done);
    QCOMPARE(hello.serverName(), QByteArray("public.example"));
    QCOMPARE(hello.alpn(), QList<QByteArray>{"h2"});
    QVERIFY(hello.hasAlpn());
    QVERIFY(hello.hasEch());
}

void tst_ClientHello::namesNormalized()
{
    const ClientHello hello = parse(records(handshake(sniExtension({"WWW.Example.ORG."}))));
    QCOMPARE(hello.status(), ClientHello::Status::Done);
    QCOMPARE(hello.serverName(), QByteArray("www.example.org"));
}

void tst_ClientHello::noExtensions()
{
    const ClientHello hello = parse(records(handshake({}, false)));
    QCOMPARE(hello.status(), ClientHello::Status::Done);
    QVERIFY(hello.serverName().isEmpty());
    QVERIFY(!hello.hasAlpn());
}

void tst_ClientHello::notTls_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("sslV2");
    QTest::newRow("HTTP") << QByteArray("GET / HTTP/1.1\r\n") << false;
    QTest::newRow("SSH banner, first byte only") << QByteArray("S") << false;
    QTest::newRow("SSH banner") << QByteArray("SSH-2.0-OpenSSH_9.6\r\n") << false;
    QTest::newRow("SSLv2-style hello") << QByteArray("\x80\x2e\x01\x03\x01", 5) << true;
    QTest::newRow("handshake byte, then not version 3") << QByteArray("\x16\x02", 2) << false;
    QTest::newRow("a NUL") << QByteArray(1, '\0') << false;
}

void tst_ClientHello::notTls()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, sslV2);
    const ClientHello hello = parse(bytes);
    QCOMPARE(hello.status(), ClientHello::Status::NotTls);
    QCOMPARE(hello.isSslV2(), sslV2);
    QVERIFY(!hello.error().isEmpty());
}

void tst_ClientHello::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    const QByteArray good = handshake(sniExtension({"a.example"}));
    QTest::newRow("empty record") << QByteArray("\x16\x03\x01\x00\x00", 5) << u"empty"_s;
    QTest::newRow("record over 2^14") << QByteArray("\x16\x03\x01\x40\x01", 5) << u"2^14"_s;
    QTest::newRow("not a ClientHello") << records(u8(2) + good.mid(1)) << u"not a ClientHello"_s;
    QTest::newRow("alert record in the middle")
        << records(good.left(10)) + QByteArray("\x15\x03\x03\x00\x02\x02\x28", 7) << u"other than"_s;
    QTest::newRow("record version not 3")
        << records(good.left(10)) + QByteArray("\x16\x04\x01\x00\x01\x00", 6) << u"version"_s;
    QTest::newRow("duplicate extension")
        << records(handshake(sniExtension({"a.example"}) + sniExtension({"b.example"}))) << u"twice"_s;
    QTest::newRow("server name list longer than the extension")
        << records(handshake(extension(0, u16(40) + u8(0) + u16(3) + "abc"))) << u"server_name"_s;
    QTest::newRow("server name with a slash")
        << records(handshake(sniExtension({"a/b.example"}))) << u"not in a DNS name"_s;
    QTest::newRow("server name with a NUL")
        << records(handshake(sniExtension({QByteArray("a\0b", 3)}))) << u"not in a DNS name"_s;
    QTest::newRow("empty server name") << records(handshake(sniExtension({"."}))) << u"empty"_s;
    QTest::newRow("empty ALPN name") << records(handshake(alpnExtension({"h2", ""}))) << u"ALPN"_s;
    QTest::newRow("odd cipher suite length")
        << records(u8(1) + u24(38) + u16(0x0303) + QByteArray(32, 'r') + u8(0) + u16(1) + u8(0))
        << u"cipher"_s;
    QTest::newRow("session id of 33 bytes")
        << records(u8(1) + u24(35 + 33) + u16(0x0303) + QByteArray(32, 'r') + u8(33) + QByteArray(33, 's'))
        << u"session id"_s;
    QTest::newRow("bytes after the extensions")
        << records(u8(1) + u24(int(good.size() - 4 + 1)) + good.mid(4) + "x") << u"extension list"_s;
    QTest::newRow("hello version 2") << records(u8(1) + u24(2) + u16(0x0200)) << u"version"_s;
}

void tst_ClientHello::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const ClientHello hello = parse(bytes);
    QCOMPARE(hello.status(), ClientHello::Status::Error);
    QVERIFY2(QString(hello.error()).contains(reason), qPrintable(QString(hello.error())));
    QVERIFY(hello.serverNames().isEmpty());
}

void tst_ClientHello::peekLimit()
{
    const QByteArray bytes = captured(u"clienthello-tls13-sni-alpn.bin"_s);
    QCOMPARE(parse(bytes, bytes.size()).status(), ClientHello::Status::Done);
    QCOMPARE(parse(bytes, bytes.size() - 1).status(), ClientHello::Status::TooLarge);
    // A declared length over the limit is too large at once, before the bytes come.
    QCOMPARE(parse(QByteArray("\x16\x03\x01\x40\x00", 5), 1024).status(), ClientHello::Status::TooLarge);
    QCOMPARE(parse(QByteArray("\x16\x03\x01\x00\x10\x01\x01\x00\x00", 9), 1024).status(),
        ClientHello::Status::TooLarge);
}

void tst_ClientHello::serverNamePatterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << u"a.example"_s << QByteArray("a.example") << true;
    QTest::newRow("exact, other") << u"a.example"_s << QByteArray("b.example") << false;
    QTest::newRow("case and trailing dot") << u"A.Example."_s << QByteArray("a.example") << true;
    QTest::newRow("wildcard, one label") << u"*.b.example"_s << QByteArray("x.b.example") << true;
    QTest::newRow("wildcard, two labels") << u"*.b.example"_s << QByteArray("y.x.b.example") << false;
    QTest::newRow("wildcard, the bare domain") << u"*.b.example"_s << QByteArray("b.example") << false;
    QTest::newRow("wildcard, suffix of a label") << u"*.b.example"_s << QByteArray("xb.example") << false;
}

void tst_ClientHello::serverNamePatterns()
{
    QFETCH(QString, pattern);
    QFETCH(QByteArray, name);
    QFETCH(bool, matches);
    QCOMPARE(TlsRouter::nameMatches(TlsRouter::normalizedName(pattern), name), matches);
}

QTEST_GUILESS_MAIN(tst_ClientHello)
#include "tst_clienthello.moc"
