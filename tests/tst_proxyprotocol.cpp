// The PROXY protocol parser and builders, byte by byte: every family of
// both versions, TLVs, the v2 signature split across reads, a header and
// client bytes in one read, and every malformed, truncated or overlong
// header.

#include "net/proxyprotocol.h"

#include <QHostAddress>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace PP = Balancier::ProxyProtocol;

namespace {

const QByteArray Signature = QByteArray("\r\n\r\n\0\r\nQUIT\n", 12);

IpEndpoint v4(quint8 a, quint8 b, quint8 c, quint8 d, quint16 port)
{
    const quint8 bytes[4] = {a, b, c, d};
    return IpEndpoint::fromV4(bytes, port);
}

IpEndpoint v6(const char *text, quint16 port)
{
    // Through the v1 parser's own syntax would be circular; build by hand.
    Q_IPV6ADDR raw;
    const QHostAddress address(QString::fromLatin1(text));
    raw = address.toIPv6Address();
    return IpEndpoint::fromV6(raw.c, port);
}

QByteArray be16(int value)
{
    QByteArray out;
    out.append(char((value >> 8) & 0xff));
    out.append(char(value & 0xff));
    return out;
}

QByteArray v2Header(quint8 versionCommand, quint8 family, const QByteArray &body)
{
    return Signature + char(versionCommand) + char(family) + be16(int(body.size())) + body;
}

QByteArray inetBody()
{
    return QByteArray::fromHex("0a010203"
                               "c0a80001"
                               "d431"
                               "0050");  // 10.1.2.3:54321 -> 192.168.0.1:80
}

QByteArray inet6Body()
{
    return QByteArray::fromHex("20010db8000000000000000000000001"  // 2001:db8::1
                               "20010db8000000000000000000000002"  // 2001:db8::2
                               "1f90"
                               "01bb");  // 8080 -> 443
}

QByteArray toBytes(const PP::Bytes &bytes)
{
    return QByteArray(bytes.constData(), bytes.size());
}

}  // namespace

class TestProxyProtocol final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesGoodHeaders_data();
    void parsesGoodHeaders();
    void refusesBadHeaders_data();
    void refusesBadHeaders();
    void splitByteByByte_data();
    void splitByteByByte();
    void keepsClientBytes();
    void readsTlvs();
    void refusesOtherVersion();
    void boundsHostileInput();
    void buildsRoundTrip_data();
    void buildsRoundTrip();
    void buildsExactBytes();
    void parseCost_data();
    void parseCost();
};

// ---- good headers ---------------------------------------------------------

void TestProxyProtocol::parsesGoodHeaders_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("command");  // 0 LOCAL, 1 PROXY
    QTest::addColumn<int>("family");  // PP::Family
    QTest::addColumn<QString>("source");  // "" when the header carries none
    QTest::addColumn<QString>("destination");

    QTest::newRow("v1 TCP4") << QByteArray("PROXY TCP4 192.0.2.10 198.51.100.1 56324 443\r\n") << 1 << 1
                             << int(PP::Family::Inet) << u"192.0.2.10:56324"_s << u"198.51.100.1:443"_s;
    QTest::newRow("v1 TCP4 zero port")
        << QByteArray("PROXY TCP4 0.0.0.0 255.255.255.255 0 65535\r\n") << 1 << 1 << int(PP::Family::Inet)
        << u"0.0.0.0:0"_s << u"255.255.255.255:65535"_s;
    QTest::newRow("v1 TCP6") << QByteArray("PROXY TCP6 2001:db8::1 2001:db8::2 40000 8443\r\n") << 1 << 1
                             << int(PP::Family::Inet6) << u"[2001:db8::1]:40000"_s << u"[2001:db8::2]:8443"_s;
    QTest::newRow("v1 TCP6 mapped is IPv4") << QByteArray("PROXY TCP6 ::ffff:10.0.0.7 ::1 1 2\r\n") << 1 << 1
                                            << int(PP::Family::Inet6) << u"10.0.0.7:1"_s << u"[::1]:2"_s;
    QTest::newRow("v1 UNKNOWN") << QByteArray("PROXY UNKNOWN\r\n") << 1 << 1 << int(PP::Family::Unknown)
                                << QString() << QString();
    QTest::newRow("v1 UNKNOWN with ignored rest")
        << QByteArray("PROXY UNKNOWN ffff:f...f:ffff ffff:f...f:ffff 65535 65535\r\n") << 1 << 1
        << int(PP::Family::Unknown) << QString() << QString();
    QTest::newRow("v1 longest TCP6") << QByteArray(
        "PROXY TCP6 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff "
        "65535 65535\r\n") << 1 << 1 << int(PP::Family::Inet6)
                                     << u"[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:65535"_s
                                     << u"[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:65535"_s;

    QTest::newRow("v2 PROXY INET") << v2Header(0x21, 0x11, inetBody()) << 2 << 1 << int(PP::Family::Inet)
                                   << u"10.1.2.3:54321"_s << u"192.168.0.1:80"_s;
    QTest::newRow("v2 PROXY INET6") << v2Header(0x21, 0x21, inet6Body()) << 2 << 1 << int(PP::Family::Inet6)
                                    << u"[2001:db8::1]:8080"_s << u"[2001:db8::2]:443"_s;
    QTest::newRow("v2 PROXY UNSPEC") << v2Header(0x21, 0x00, {}) << 2 << 1 << int(PP::Family::Unspec)
                                     << QString() << QString();
    QTest::newRow("v2 PROXY UNIX") << v2Header(0x21, 0x31, QByteArray(216, 'x')) << 2 << 1
                                   << int(PP::Family::Unix) << QString() << QString();
    QTest::newRow("v2 PROXY UNIX datagram") << v2Header(0x21, 0x32, QByteArray(216, '\0')) << 2 << 1
                                            << int(PP::Family::Unix) << QString() << QString();
    QTest::newRow("v2 LOCAL") << v2Header(0x20, 0x00, {}) << 2 << 0 << int(PP::Family::Unspec) << QString()
                              << QString();
    QTest::newRow("v2 LOCAL with addresses ignored")
        << v2Header(0x20, 0x11, inetBody()) << 2 << 0 << int(PP::Family::Inet) << QString() << QString();
    QTest::newRow("v2 LOCAL with a short block ignored") << v2Header(0x20, 0x21, QByteArray(3, 'z')) << 2 << 0
                                                         << int(PP::Family::Inet6) << QString() << QString();
    QTest::newRow("v2 INET with a NOOP TLV")
        << v2Header(0x21, 0x11, inetBody() + QByteArray::fromHex("040000")) << 2 << 1 << int(PP::Family::Inet)
        << u"10.1.2.3:54321"_s << u"192.168.0.1:80"_s;
}

void TestProxyProtocol::parsesGoodHeaders()
{
    QFETCH(QByteArray, input);
    QFETCH(int, version);
    QFETCH(int, command);
    QFETCH(int, family);
    QFETCH(QString, source);
    QFETCH(QString, destination);

    PP::Parser parser;
    qsizetype consumed = -1;
    QCOMPARE(parser.feed(input.constData(), input.size(), &consumed), PP::Parser::Status::Done);
    QVERIFY2(parser.error().isEmpty(), qPrintable(QString(parser.error())));
    QCOMPARE(consumed, input.size());
    const PP::Header &header = parser.header();
    QCOMPARE(header.length, input.size());
    QCOMPARE(header.version, version);
    QCOMPARE(int(header.command), command == 0 ? int(PP::Command::Local) : int(PP::Command::Proxy));
    QCOMPARE(int(header.family), family);
    QCOMPARE(header.carriesAddresses(), !source.isEmpty());
    if (!source.isEmpty()) {
        QCOMPARE(header.source.toString(), source);
        QCOMPARE(header.destination.toString(), destination);
    }
    // Feeding after the end changes nothing.
    QCOMPARE(parser.feed("x", 1, &consumed), PP::Parser::Status::Done);
}

// ---- bad headers ----------------------------------------------------------

void TestProxyProtocol::refusesBadHeaders_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("reason");  // a part of the error text

    // Missing: the client spoke first.
    QTest::newRow("no header (HTTP)")
        << QByteArray("GET / HTTP/1.1\r\n\r\n") << u"not a PROXY protocol header"_s;
    QTest::newRow("lower-case proxy")
        << QByteArray("proxy TCP4 1.2.3.4 5.6.7.8 1 2\r\n") << u"not a PROXY protocol header"_s;
    QTest::newRow("PROXY without space") << QByteArray("PROXYTCP4") << u"not a PROXY protocol header"_s;
    QTest::newRow("bad v2 signature")
        << QByteArray("\r\n\r\n\0\r\nQUIX\n", 12) << u"not a PROXY protocol header"_s;
    QTest::newRow("TLS hello") << QByteArray::fromHex("160301") << u"not a PROXY protocol header"_s;

    // v1 malformed.
    QTest::newRow("v1 LF only") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n") << u"CRLF"_s;
    QTest::newRow("v1 unknown protocol")
        << QByteArray("PROXY UDP4 1.2.3.4 5.6.7.8 1 2\r\n") << u"unknown protocol"_s;
    QTest::newRow("v1 empty") << QByteArray("PROXY \r\n") << u"unknown protocol"_s;
    QTest::newRow("v1 UNKNOWNX") << QByteArray("PROXY UNKNOWNX\r\n") << u"unknown protocol"_s;
    QTest::newRow("v1 missing port") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 1\r\n")
                                     << u"one space apart"_s;
    QTest::newRow("v1 extra field") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 1 2 3\r\n")
                                    << u"one space apart"_s;
    QTest::newRow("v1 double space") << QByteArray("PROXY TCP4 1.2.3.4  5.6.7.8 1 2\r\n")
                                     << u"one space apart"_s;
    QTest::newRow("v1 trailing space")
        << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 1 2 \r\n") << u"one space apart"_s;
    QTest::newRow("v1 IPv4 octet 256") << QByteArray("PROXY TCP4 1.2.3.256 5.6.7.8 1 2\r\n") << u"IPv4"_s;
    QTest::newRow("v1 IPv4 leading zero") << QByteArray("PROXY TCP4 1.2.3.04 5.6.7.8 1 2\r\n") << u"IPv4"_s;
    QTest::newRow("v1 IPv4 three parts") << QByteArray("PROXY TCP4 1.2.3 5.6.7.8 1 2\r\n") << u"IPv4"_s;
    QTest::newRow("v1 IPv4 five parts") << QByteArray("PROXY TCP4 1.2.3.4.5 5.6.7.8 1 2\r\n") << u"IPv4"_s;
    QTest::newRow("v1 IPv6 in TCP4") << QByteArray("PROXY TCP4 ::1 ::1 1 2\r\n") << u"IPv4"_s;
    QTest::newRow("v1 IPv4 in TCP6") << QByteArray("PROXY TCP6 1.2.3.4 5.6.7.8 1 2\r\n") << u"IPv6"_s;
    QTest::newRow("v1 IPv6 bad") << QByteArray("PROXY TCP6 2001:db8:::1 ::1 1 2\r\n") << u"IPv6"_s;
    QTest::newRow("v1 IPv6 zone") << QByteArray("PROXY TCP6 fe80::1%eth0 ::1 1 2\r\n") << u"IPv6"_s;
    QTest::newRow("v1 port 65536") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 65536 2\r\n") << u"port"_s;
    QTest::newRow("v1 port leading zero") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 080 2\r\n") << u"port"_s;
    QTest::newRow("v1 port sign") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 -1 2\r\n") << u"port"_s;
    QTest::newRow("v1 port letters") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 http 2\r\n") << u"port"_s;
    QTest::newRow("v1 NUL inside") << QByteArray("PROXY TCP4 1.2.3.4\0 5.6.7.8 1 2\r\n", 33) << u"IPv4"_s;
    QTest::newRow("v1 too long") << QByteArray("PROXY UNKNOWN " + QByteArray(100, 'a') + "\r\n")
                                 << u"longer than 107"_s;
    QTest::newRow("v1 107 bytes without LF")
        << QByteArray("PROXY " + QByteArray(101, 'a')) << u"longer than 107"_s;

    // v2 malformed.
    QTest::newRow("v2 version 1") << v2Header(0x11, 0x11, inetBody()) << u"version is not 2"_s;
    QTest::newRow("v2 version 3") << v2Header(0x31, 0x11, inetBody()) << u"version is not 2"_s;
    QTest::newRow("v2 command 2") << v2Header(0x22, 0x11, inetBody()) << u"unknown command"_s;
    QTest::newRow("v2 family 4") << v2Header(0x21, 0x41, inetBody()) << u"unknown address family"_s;
    QTest::newRow("v2 transport 3") << v2Header(0x21, 0x13, inetBody()) << u"unknown transport"_s;
    QTest::newRow("v2 INET over UDP") << v2Header(0x21, 0x12, inetBody()) << u"other than TCP"_s;
    QTest::newRow("v2 INET unspecified transport") << v2Header(0x21, 0x10, inetBody()) << u"other than TCP"_s;
    QTest::newRow("v2 INET short block") << v2Header(0x21, 0x11, inetBody().left(11)) << u"shorter than"_s;
    QTest::newRow("v2 INET6 short block") << v2Header(0x21, 0x21, inetBody()) << u"shorter than"_s;
    QTest::newRow("v2 UNIX short block") << v2Header(0x21, 0x31, QByteArray(215, 'x')) << u"shorter than"_s;
    QTest::newRow("v2 TLV past end") << v2Header(0x21, 0x11, inetBody() + QByteArray::fromHex("050005616263"))
                                     << u"runs past the end"_s;
    QTest::newRow("v2 TLV half header")
        << v2Header(0x21, 0x11, inetBody() + QByteArray::fromHex("0500")) << u"not a whole TLV"_s;
    QTest::newRow("v2 one stray byte")
        << v2Header(0x21, 0x11, inetBody() + QByteArray::fromHex("04")) << u"not a whole TLV"_s;
    QTest::newRow("v2 unique id too long")
        << v2Header(0x21, 0x11, inetBody() + QByteArray::fromHex("050081") + QByteArray(129, 'u'))
        << u"UNIQUE_ID"_s;
    QTest::newRow("v2 too long") << Signature + char(0x21) + char(0x11) + be16(1536 - 16 + 1)
                                 << u"longer than 1536"_s;
    QTest::newRow("v2 longest length")
        << Signature + char(0x21) + char(0x11) + be16(0xffff) << u"longer than 1536"_s;
}

void TestProxyProtocol::refusesBadHeaders()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, reason);

    // Whole, and byte by byte: the same answer.
    for (const bool byteByByte : {false, true}) {
        PP::Parser parser;
        PP::Parser::Status status = PP::Parser::Status::NeedMore;
        if (byteByByte) {
            for (qsizetype i = 0; i < input.size() && status == PP::Parser::Status::NeedMore; ++i)
                status = parser.feed(input.constData() + i, 1);
        } else {
            status = parser.feed(input.constData(), input.size());
        }
        QCOMPARE(status, PP::Parser::Status::Error);
        QVERIFY2(QString(parser.error()).contains(reason),
            qPrintable(u"error \"%1\" does not say \"%2\""_s.arg(QString(parser.error()), reason)));
        // Stays an error.
        QCOMPARE(parser.feed("\r\n", 2), PP::Parser::Status::Error);
    }
}

// ---- split reads ----------------------------------------------------------

void TestProxyProtocol::splitByteByByte_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("v1 TCP4") << QByteArray("PROXY TCP4 192.0.2.10 198.51.100.1 56324 443\r\n");
    QTest::newRow("v1 TCP6") << QByteArray("PROXY TCP6 2001:db8::1 2001:db8::2 40000 8443\r\n");
    QTest::newRow("v1 UNKNOWN") << QByteArray("PROXY UNKNOWN\r\n");
    QTest::newRow("v2 INET") << v2Header(0x21, 0x11, inetBody());
    QTest::newRow("v2 INET6 + TLV") << v2Header(
        0x21, 0x21, inet6Body() + QByteArray::fromHex("0200036162630500017a"));
    QTest::newRow("v2 LOCAL") << v2Header(0x20, 0x00, {});
    QTest::newRow("v2 UNIX") << v2Header(0x21, 0x31, QByteArray(216, 'p'));
}

void TestProxyProtocol::splitByteByByte()
{
    QFETCH(QByteArray, input);
    PP::Parser whole;
    QCOMPARE(whole.feed(input.constData(), input.size()), PP::Parser::Status::Done);

    // Every byte alone, as a slow sender (or a hostile one) would send it:
    // the v2 signature in twelve reads.
    PP::Parser parser;
    for (qsizetype i = 0; i < input.size(); ++i) {
        qsizetype consumed = -1;
        const PP::Parser::Status status = parser.feed(input.constData() + i, 1, &consumed);
        QCOMPARE(consumed, 1);
        QCOMPARE(status, i + 1 < input.size() ? PP::Parser::Status::NeedMore : PP::Parser::Status::Done);
    }
    QCOMPARE(parser.header().length, input.size());
    QCOMPARE(parser.header().source, whole.header().source);
    QCOMPARE(parser.header().destination, whole.header().destination);
    QCOMPARE(int(parser.header().family), int(whole.header().family));
    QCOMPARE(parser.header().tlvs.size(), whole.header().tlvs.size());

    // Every split in two.
    for (qsizetype cut = 1; cut < input.size(); ++cut) {
        PP::Parser two;
        QCOMPARE(two.feed(input.constData(), cut), PP::Parser::Status::NeedMore);
        QCOMPARE(two.feed(input.constData() + cut, input.size() - cut), PP::Parser::Status::Done);
        QCOMPARE(two.header().source, whole.header().source);
    }
}

void TestProxyProtocol::keepsClientBytes()
{
    const QByteArray client("GET / HTTP/1.0\r\n\r\n");
    for (const QByteArray &header : {QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 1000 80\r\n"),
             v2Header(0x21, 0x11, inetBody()), v2Header(0x20, 0x00, {})}) {
        const QByteArray input = header + client;
        PP::Parser parser;
        qsizetype consumed = -1;
        QCOMPARE(parser.feed(input.constData(), input.size(), &consumed), PP::Parser::Status::Done);
        QCOMPARE(consumed, header.size());
        QCOMPARE(input.mid(consumed), client);

        // The header's end arriving with the client's first bytes.
        PP::Parser split;
        QCOMPARE(split.feed(input.constData(), header.size() - 3, &consumed), PP::Parser::Status::NeedMore);
        QCOMPARE(consumed, header.size() - 3);
        QCOMPARE(split.feed(input.constData() + header.size() - 3, 3 + client.size(), &consumed),
            PP::Parser::Status::Done);
        QCOMPARE(consumed, 3);
    }
    // A v1 line followed by a v1-looking client line: only the first is the header.
    const QByteArray twice("PROXY UNKNOWN\r\nPROXY UNKNOWN\r\n");
    PP::Parser parser;
    qsizetype consumed = -1;
    QCOMPARE(parser.feed(twice.constData(), twice.size(), &consumed), PP::Parser::Status::Done);
    QCOMPARE(consumed, 15);
}

void TestProxyProtocol::readsTlvs()
{
    const QByteArray tlvs = QByteArray::fromHex("0200") + be16(11).right(1) + "example.com"
        + QByteArray::fromHex("050003") + "abc" + QByteArray::fromHex("0400020000")
        + QByteArray::fromHex("e00000");  // a custom type, empty
    PP::Parser parser;
    const QByteArray input = v2Header(0x21, 0x11, inetBody() + tlvs);
    QCOMPARE(parser.feed(input.constData(), input.size()), PP::Parser::Status::Done);
    const PP::Header &header = parser.header();
    QCOMPARE(header.tlvs.size(), 4);
    QCOMPARE(header.tlvs.at(0).type, quint8(PP::TlvAuthority));
    QCOMPARE(parser.findTlv(PP::TlvAuthority), QByteArrayView("example.com"));
    QCOMPARE(parser.findTlv(PP::TlvUniqueId), QByteArrayView("abc"));
    QCOMPARE(parser.tlvValue(header.tlvs.at(2)).size(), 2);
    QCOMPARE(header.tlvs.at(3).type, quint8(0xe0));
    QCOMPARE(header.tlvs.at(3).length, quint16(0));
    QVERIFY(parser.findTlv(PP::TlvAlpn).isNull());
    // A unique id of exactly 128 bytes is fine.
    const QByteArray longest
        = v2Header(0x21, 0x11, inetBody() + QByteArray::fromHex("050080") + QByteArray(128, 'u'));
    PP::Parser edge;
    QCOMPARE(edge.feed(longest.constData(), longest.size()), PP::Parser::Status::Done);
    QCOMPARE(edge.findTlv(PP::TlvUniqueId).size(), 128);
}

void TestProxyProtocol::refusesOtherVersion()
{
    const QByteArray one("PROXY UNKNOWN\r\n");
    const QByteArray two = v2Header(0x20, 0x00, {});
    PP::Parser onlyV2(PP::V2);
    QCOMPARE(onlyV2.feed(one.constData(), one.size()), PP::Parser::Status::Error);
    QVERIFY(QString(onlyV2.error()).contains(u"accepts v2 only"));
    PP::Parser onlyV1(PP::V1);
    QCOMPARE(onlyV1.feed(two.constData(), two.size()), PP::Parser::Status::Error);
    QVERIFY(QString(onlyV1.error()).contains(u"accepts v1 only"));
    PP::Parser v2(PP::V2);
    QCOMPARE(v2.feed(two.constData(), two.size()), PP::Parser::Status::Done);
    PP::Parser v1(PP::V1);
    QCOMPARE(v1.feed(one.constData(), one.size()), PP::Parser::Status::Done);
}

void TestProxyProtocol::boundsHostileInput()
{
    // A v2 header near the bound made of empty TLVs: read, still bounded.
    QByteArray tlvs;
    while (16 + 12 + tlvs.size() + 3 <= PP::MaxV2Length)
        tlvs += QByteArray::fromHex("040000");
    const QByteArray largest = v2Header(0x21, 0x11, inetBody() + tlvs);
    PP::Parser bounded;
    QCOMPARE(bounded.feed(largest.constData(), largest.size()), PP::Parser::Status::Done);
    QCOMPARE(bounded.header().tlvs.size(), tlvs.size() / 3);
    QVERIFY(largest.size() > PP::MaxV2Length - 3);
    // Random bytes never crash and never read more than the bound.
    quint32 seed = 12345;
    for (int round = 0; round < 2000; ++round) {
        QByteArray noise(64 + round % 300, Qt::Uninitialized);
        for (char &c : noise) {
            seed = seed * 1103515245u + 12345u;
            c = char(seed >> 16);
        }
        // Start half of them with a valid prefix so that the deep paths run.
        if (round % 2 == 0)
            noise.replace(0, 12, Signature);
        else if (round % 4 == 1)
            noise.replace(0, 6, "PROXY ");
        PP::Parser parser;
        qsizetype consumed = 0;
        const PP::Parser::Status status = parser.feed(noise.constData(), noise.size(), &consumed);
        QVERIFY(consumed <= noise.size());
        if (status == PP::Parser::Status::Done)
            QVERIFY(parser.header().length <= PP::MaxV2Length);
        if (status == PP::Parser::Status::NeedMore)
            QCOMPARE(consumed, noise.size());
        QVERIFY(parser.bytes().size() <= PP::MaxV2Length);
    }
}

// ---- builders -------------------------------------------------------------

void TestProxyProtocol::buildsRoundTrip_data()
{
    QTest::addColumn<IpEndpoint>("source");
    QTest::addColumn<IpEndpoint>("destination");
    QTest::addColumn<int>("v1Family");
    QTest::addColumn<int>("v2Family");

    QTest::newRow("IPv4") << v4(10, 1, 2, 3, 54321) << v4(192, 168, 0, 1, 80) << int(PP::Family::Inet)
                          << int(PP::Family::Inet);
    QTest::newRow("IPv6") << v6("2001:db8::1", 1) << v6("2001:db8::ff", 65535) << int(PP::Family::Inet6)
                          << int(PP::Family::Inet6);
    QTest::newRow("mixed") << v4(127, 0, 0, 1, 4000) << v6("::1", 443) << int(PP::Family::Inet6)
                           << int(PP::Family::Inet6);
    QTest::newRow("unknown") << IpEndpoint() << v4(127, 0, 0, 1, 80) << int(PP::Family::Unknown)
                             << int(PP::Family::Unspec);
}

void TestProxyProtocol::buildsRoundTrip()
{
    QFETCH(IpEndpoint, source);
    QFETCH(IpEndpoint, destination);
    QFETCH(int, v1Family);
    QFETCH(int, v2Family);

    const QByteArray one = toBytes(PP::buildV1(source, destination));
    QVERIFY(one.size() <= PP::MaxV1Length);
    PP::Parser p1;
    QCOMPARE(p1.feed(one.constData(), one.size()), PP::Parser::Status::Done);
    QCOMPARE(int(p1.header().family), v1Family);
    if (source.valid) {
        QCOMPARE(p1.header().source, source);
        QCOMPARE(p1.header().destination, destination);
    }

    const QByteArray authority(255 + 10, 'a');  // cut to 255
    const QByteArray uniqueId("281474976710657");
    const QByteArray two = toBytes(PP::buildV2(source, destination, uniqueId, authority));
    QVERIFY(two.size() <= PP::MaxBuiltLength);
    PP::Parser p2;
    QCOMPARE(p2.feed(two.constData(), two.size()), PP::Parser::Status::Done);
    QCOMPARE(int(p2.header().command), int(PP::Command::Proxy));
    QCOMPARE(int(p2.header().family), v2Family);
    if (source.valid) {
        QCOMPARE(p2.header().source, source);
        QCOMPARE(p2.header().destination, destination);
    } else {
        QVERIFY(!p2.header().carriesAddresses());
    }
    QCOMPARE(p2.findTlv(PP::TlvUniqueId), QByteArrayView(uniqueId));
    QCOMPARE(p2.findTlv(PP::TlvAuthority).size(), 255);
}

void TestProxyProtocol::buildsExactBytes()
{
    QCOMPARE(toBytes(PP::buildV1(v4(10, 1, 2, 3, 54321), v4(192, 168, 0, 1, 80))),
        QByteArray("PROXY TCP4 10.1.2.3 192.168.0.1 54321 80\r\n"));
    QCOMPARE(toBytes(PP::buildV1(v6("2001:db8::1", 1), v4(10, 0, 0, 1, 2))),
        QByteArray("PROXY TCP6 2001:db8::1 ::ffff:10.0.0.1 1 2\r\n"));
    QCOMPARE(toBytes(PP::buildV1Unknown()), QByteArray("PROXY UNKNOWN\r\n"));
    QCOMPARE(toBytes(PP::buildV2(v4(10, 1, 2, 3, 54321), v4(192, 168, 0, 1, 80))),
        v2Header(0x21, 0x11, inetBody()));
    QCOMPARE(toBytes(PP::buildV2(v4(10, 1, 2, 3, 54321), v4(192, 168, 0, 1, 80), "42")),
        v2Header(0x21, 0x11, inetBody() + QByteArray::fromHex("050002") + "42"));
    QCOMPARE(toBytes(PP::buildV2Local()), v2Header(0x20, 0x00, {}));
    QCOMPARE(PP::versionsName(PP::V1 | PP::V2), "v1,v2"_L1);
}

void TestProxyProtocol::parseCost_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("v1 TCP4") << QByteArray("PROXY TCP4 192.0.2.10 198.51.100.1 56324 443\r\n");
    QTest::newRow("v2 INET6 + unique id")
        << toBytes(PP::buildV2(v6("2001:db8::1", 1), v6("2001:db8::2", 443), "281474976710657"));
}

void TestProxyProtocol::parseCost()
{
    // The per-connection cost of reading a header (run with -iterations N
    // for a figure; docs/proxy-protocol.md quotes one).
    QFETCH(QByteArray, input);
    QBENCHMARK
    {
        PP::Parser parser;
        QCOMPARE(parser.feed(input.constData(), input.size()), PP::Parser::Status::Done);
    }
}

QTEST_GUILESS_MAIN(TestProxyProtocol)
#include "tst_proxyprotocol.moc"
