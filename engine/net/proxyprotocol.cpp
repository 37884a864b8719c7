#include "proxyprotocol.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#ifdef _WIN32
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#endif

namespace Balancier::ProxyProtocol {

namespace {

constexpr char V1Prefix[] = "PROXY ";
constexpr qsizetype V1PrefixLength = 6;
constexpr char V2Signature[] = "\r\n\r\n\0\r\nQUIT\n";
constexpr qsizetype V2SignatureLength = 12;
constexpr qsizetype V2AddressLength[] = {0, 12, 36, 216};  // by family nibble: UNSPEC, INET, INET6, UNIX
constexpr qsizetype MaxUniqueIdLength = 128;
constexpr qsizetype MaxAuthorityLength = 255;

/// The v1 tokens of a line, without allocation.
struct Tokens
{
    std::array<QByteArrayView, 6> items;
    int count = 0;
    bool tooMany = false;
    bool emptyToken = false;  ///< two spaces in a row, or one at an end
};

Tokens splitBySpace(QByteArrayView line)
{
    Tokens tokens;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        if (i < line.size() && line.at(i) != ' ')
            continue;
        if (i == start)
            tokens.emptyToken = true;
        if (tokens.count == int(tokens.items.size())) {
            tokens.tooMany = true;
            return tokens;
        }
        tokens.items[std::size_t(tokens.count++)] = line.sliced(start, i - start);
        start = i + 1;
    }
    return tokens;
}

/// A decimal port of 1 to 5 digits, no leading zero, at most 65535.
bool parsePort(QByteArrayView text, quint16 *port)
{
    if (text.isEmpty() || text.size() > 5 || (text.size() > 1 && text.front() == '0'))
        return false;
    quint32 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + quint32(c - '0');
    }
    if (value > 65535)
        return false;
    *port = quint16(value);
    return true;
}

/// A dotted quad: four decimal numbers 0-255, no leading zeros.
bool parseIpv4(QByteArrayView text, quint8 *out)
{
    int part = 0;
    qsizetype digits = 0;
    quint32 value = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text.at(i) : '.';
        if (c == '.') {
            if (digits == 0 || part > 3)
                return false;
            out[part++] = quint8(value);
            digits = 0;
            value = 0;
            continue;
        }
        if (c < '0' || c > '9' || (digits == 1 && value == 0))
            return false;
        value = value * 10 + quint32(c - '0');
        if (++digits > 3 || value > 255)
            return false;
    }
    return part == 4;
}

bool parseIpv6(QByteArrayView text, quint8 *out)
{
    // The longest IPv6 text (with an embedded IPv4 address) is 45 characters.
    char terminated[48];
    if (text.isEmpty() || text.size() > 45)
        return false;
    for (const char c : text) {
        const bool allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
            || c == ':' || c == '.';
        if (!allowed)
            return false;
    }
    std::memcpy(terminated, text.data(), std::size_t(text.size()));
    terminated[text.size()] = '\0';
    return inet_pton(AF_INET6, terminated, out) == 1;
}

quint16 readBigEndian16(const char *at)
{
    return quint16((quint16(quint8(at[0])) << 8) | quint8(at[1]));
}

void appendBigEndian16(Bytes &out, quint16 value)
{
    out.append(char(value >> 8));
    out.append(char(value & 0xff));
}

/// 16 address bytes: IPv6 as is, IPv4 as IPv4-mapped IPv6.
std::array<quint8, 16> asV6(const IpEndpoint &endpoint)
{
    std::array<quint8, 16> out{};
    if (endpoint.v6) {
        out = endpoint.bytes;
    } else {
        out[10] = 0xff;
        out[11] = 0xff;
        std::memcpy(out.data() + 12, endpoint.bytes.data(), 4);
    }
    return out;
}

void appendText(Bytes &out, const char *text)
{
    out.append(text, qsizetype(std::strlen(text)));
}

void appendV6Text(Bytes &out, const IpEndpoint &endpoint)
{
    const std::array<quint8, 16> bytes = asV6(endpoint);
    char text[INET6_ADDRSTRLEN] = {};
    if (inet_ntop(AF_INET6, bytes.data(), text, sizeof(text)))
        appendText(out, text);
}

void appendV4Text(Bytes &out, const IpEndpoint &endpoint)
{
    char text[16];
    std::snprintf(text, sizeof(text), "%u.%u.%u.%u", endpoint.bytes[0], endpoint.bytes[1], endpoint.bytes[2],
        endpoint.bytes[3]);
    appendText(out, text);
}

void appendTlv(Bytes &out, quint8 type, QByteArrayView value, qsizetype limit)
{
    const qsizetype length = std::min(value.size(), limit);
    out.append(char(type));
    appendBigEndian16(out, quint16(length));
    out.append(value.data(), length);
}

}  // namespace

Parser::Parser(quint8 versions)
    : m_versions(versions)
{ }

Parser::Status Parser::fail(const char *reason)
{
    m_status = Status::Error;
    m_error = QLatin1StringView(reason);
    return m_status;
}

QByteArrayView Parser::findTlv(quint8 type) const
{
    for (const Tlv &tlv : m_header.tlvs) {
        if (tlv.type == type)
            return tlvValue(tlv);
    }
    return {};
}

Parser::Status Parser::checkPrefix()
{
    // Called after each byte until the version is known.
    const char first = m_buffer[0];
    if (first == V1Prefix[0]) {
        const qsizetype at = m_size - 1;
        if (m_buffer[std::size_t(at)] != V1Prefix[at])
            return fail("not a PROXY protocol header (no \"PROXY \" and no v2 signature)");
        if (m_size == V1PrefixLength) {
            if (!(m_versions & V1))
                return fail("a PROXY v1 header, but this listener accepts v2 only");
            m_version = 1;
        }
        return Status::NeedMore;
    }
    if (first == V2Signature[0]) {
        const qsizetype at = m_size - 1;
        if (m_buffer[std::size_t(at)] != V2Signature[at])
            return fail("not a PROXY protocol header (no \"PROXY \" and no v2 signature)");
        if (m_size == V2SignatureLength) {
            if (!(m_versions & V2))
                return fail("a PROXY v2 header, but this listener accepts v1 only");
            m_version = 2;
        }
        return Status::NeedMore;
    }
    return fail("not a PROXY protocol header (no \"PROXY \" and no v2 signature)");
}

Parser::Status Parser::feed(const char *data, qsizetype size, qsizetype *consumed)
{
    qsizetype used = 0;
    const auto finish = [&](Status status) {
        if (consumed)
            *consumed = used;
        return status;
    };
    if (m_status != Status::NeedMore)
        return finish(m_status);
    while (used < size) {
        if (m_version == 0) {
            m_buffer[std::size_t(m_size++)] = data[used++];
            if (checkPrefix() == Status::Error)
                return finish(m_status);
            continue;
        }
        if (m_version == 1) {
            const char *from = data + used;
            const auto *newline
                = static_cast<const char *>(std::memchr(from, '\n', std::size_t(size - used)));
            const qsizetype take = newline ? newline - from + 1 : size - used;
            if (m_size + take > MaxV1Length || (!newline && m_size + take >= MaxV1Length))
                return finish(fail("PROXY v1 line longer than 107 bytes"));
            std::memcpy(m_buffer.data() + m_size, from, std::size_t(take));
            m_size += take;
            used += take;
            if (newline)
                return finish(parseV1());
            continue;
        }
        // Version 2: the fixed part, then as many bytes as it announced.
        const qsizetype target = m_wanted > 0 ? m_wanted : V2FixedLength;
        const qsizetype take = std::min(target - m_size, size - used);
        std::memcpy(m_buffer.data() + m_size, data + used, std::size_t(take));
        m_size += take;
        used += take;
        if (m_wanted == 0 && m_size == V2FixedLength) {
            const quint8 versionCommand = quint8(m_buffer[12]);
            const quint8 familyTransport = quint8(m_buffer[13]);
            if ((versionCommand >> 4) != 2)
                return finish(fail("PROXY v2: the version is not 2"));
            if ((versionCommand & 0x0f) > 1)
                return finish(fail("PROXY v2: unknown command (neither LOCAL nor PROXY)"));
            if ((familyTransport >> 4) > 3)
                return finish(fail("PROXY v2: unknown address family"));
            if ((familyTransport & 0x0f) > 2)
                return finish(fail("PROXY v2: unknown transport protocol"));
            const qsizetype length = V2FixedLength + readBigEndian16(m_buffer.data() + 14);
            if (length > MaxV2Length)
                return finish(fail("PROXY v2: header longer than 1536 bytes"));
            m_wanted = length;
        }
        if (m_wanted > 0 && m_size == m_wanted)
            return finish(parseV2());
    }
    return finish(Status::NeedMore);
}

Parser::Status Parser::parseV1()
{
    if (m_size < V1PrefixLength + 2 || m_buffer[std::size_t(m_size - 2)] != '\r')
        return fail("PROXY v1 line does not end in CRLF");
    const QByteArrayView line(m_buffer.data() + V1PrefixLength, m_size - V1PrefixLength - 2);
    m_header = Header();
    m_header.version = 1;
    m_header.command = Command::Proxy;
    m_header.length = m_size;
    if (line == "UNKNOWN" || line.startsWith("UNKNOWN ")) {
        // The sender knows no addresses; whatever follows is to be ignored.
        m_header.family = Family::Unknown;
        m_status = Status::Done;
        return m_status;
    }
    const Tokens tokens = splitBySpace(line);
    if (tokens.count < 1 || (tokens.items[0] != "TCP4" && tokens.items[0] != "TCP6"))
        return fail("PROXY v1: unknown protocol (expected TCP4, TCP6 or UNKNOWN)");
    if (tokens.tooMany || tokens.count != 5 || tokens.emptyToken)
        return fail("PROXY v1: expected a source and destination address and port, one space apart");
    const bool v6 = tokens.items[0] == "TCP6";
    quint8 source[16];
    quint8 destination[16];
    const bool addressesOk = v6
        ? parseIpv6(tokens.items[1], source) && parseIpv6(tokens.items[2], destination)
        : parseIpv4(tokens.items[1], source) && parseIpv4(tokens.items[2], destination);
    if (!addressesOk) {
        return fail(v6 ? "PROXY v1: a TCP6 address is not a valid IPv6 address"
                       : "PROXY v1: a TCP4 address is not a valid IPv4 address");
    }
    quint16 sourcePort = 0;
    quint16 destinationPort = 0;
    if (!parsePort(tokens.items[3], &sourcePort) || !parsePort(tokens.items[4], &destinationPort))
        return fail("PROXY v1: a port is not a number from 0 to 65535");
    m_header.family = v6 ? Family::Inet6 : Family::Inet;
    m_header.source = v6 ? IpEndpoint::fromV6(source, sourcePort) : IpEndpoint::fromV4(source, sourcePort);
    m_header.destination = v6 ? IpEndpoint::fromV6(destination, destinationPort)
                              : IpEndpoint::fromV4(destination, destinationPort);
    m_status = Status::Done;
    return m_status;
}

Parser::Status Parser::parseV2()
{
    const quint8 familyTransport = quint8(m_buffer[13]);
    const int familyCode = familyTransport >> 4;
    const int transport = familyTransport & 0x0f;
    m_header = Header();
    m_header.version = 2;
    m_header.length = m_size;
    m_header.command = (quint8(m_buffer[12]) & 0x0f) == 0 ? Command::Local : Command::Proxy;
    static constexpr Family families[] = {Family::Unspec, Family::Inet, Family::Inet6, Family::Unix};
    m_header.family = families[familyCode];
    if (m_header.command == Command::Local) {
        // The proxy's own connection: the block is to be skipped unread.
        m_status = Status::Done;
        return m_status;
    }
    const qsizetype addressLength = V2AddressLength[familyCode];
    if (m_size - V2FixedLength < addressLength)
        return fail("PROXY v2: the header is shorter than its address family needs");
    const char *addresses = m_buffer.data() + V2FixedLength;
    if (m_header.family == Family::Inet || m_header.family == Family::Inet6) {
        if (transport != 1)
            return fail("PROXY v2: an IP address family with a transport other than TCP (STREAM)");
        const auto *raw = reinterpret_cast<const quint8 *>(addresses);
        if (m_header.family == Family::Inet) {
            m_header.source = IpEndpoint::fromV4(raw, readBigEndian16(addresses + 8));
            m_header.destination = IpEndpoint::fromV4(raw + 4, readBigEndian16(addresses + 10));
        } else {
            m_header.source = IpEndpoint::fromV6(raw, readBigEndian16(addresses + 32));
            m_header.destination = IpEndpoint::fromV6(raw + 16, readBigEndian16(addresses + 34));
        }
    }
    // TLVs fill the rest exactly.
    qsizetype at = V2FixedLength + addressLength;
    while (at < m_size) {
        if (m_size - at < 3)
            return fail("PROXY v2: bytes after the addresses that are not a whole TLV");
        const quint8 type = quint8(m_buffer[std::size_t(at)]);
        const qsizetype length = readBigEndian16(m_buffer.data() + at + 1);
        if (length > m_size - at - 3)
            return fail("PROXY v2: a TLV runs past the end of the header");
        if (type == TlvUniqueId && length > MaxUniqueIdLength)
            return fail("PROXY v2: PP2_TYPE_UNIQUE_ID longer than 128 bytes");
        m_header.tlvs.append(Tlv{type, quint16(at + 3), quint16(length)});
        at += 3 + length;
    }
    m_status = Status::Done;
    return m_status;
}

Bytes buildV1Unknown()
{
    Bytes out;
    appendText(out, "PROXY UNKNOWN\r\n");
    return out;
}

Bytes buildV1(const IpEndpoint &source, const IpEndpoint &destination)
{
    if (!source.valid || !destination.valid)
        return buildV1Unknown();
    Bytes out;
    const bool v4 = !source.v6 && !destination.v6;
    appendText(out, v4 ? "PROXY TCP4 " : "PROXY TCP6 ");
    for (const IpEndpoint *endpoint : {&source, &destination}) {
        if (v4)
            appendV4Text(out, *endpoint);
        else
            appendV6Text(out, *endpoint);
        out.append(' ');
    }
    char ports[16];
    std::snprintf(ports, sizeof(ports), "%u %u\r\n", unsigned(source.port), unsigned(destination.port));
    appendText(out, ports);
    return out;
}

Bytes buildV2(const IpEndpoint &source, const IpEndpoint &destination, QByteArrayView uniqueId,
    QByteArrayView authority)
{
    Bytes out;
    out.append(V2Signature, V2SignatureLength);
    out.append(char(0x21));  // version 2, PROXY
    const bool known = source.valid && destination.valid;
    const bool v4 = known && !source.v6 && !destination.v6;
    out.append(char(!known ? 0x00 : v4 ? 0x11 : 0x21));  // UNSPEC, or INET/INET6 over STREAM
    appendBigEndian16(out, 0);  // the length, set below
    if (v4) {
        out.append(reinterpret_cast<const char *>(source.bytes.data()), 4);
        out.append(reinterpret_cast<const char *>(destination.bytes.data()), 4);
    } else if (known) {
        const std::array<quint8, 16> from = asV6(source);
        const std::array<quint8, 16> to = asV6(destination);
        out.append(reinterpret_cast<const char *>(from.data()), 16);
        out.append(reinterpret_cast<const char *>(to.data()), 16);
    }
    if (known) {
        appendBigEndian16(out, source.port);
        appendBigEndian16(out, destination.port);
    }
    if (!authority.isEmpty())
        appendTlv(out, TlvAuthority, authority, MaxAuthorityLength);
    if (!uniqueId.isEmpty())
        appendTlv(out, TlvUniqueId, uniqueId, MaxUniqueIdLength);
    const quint16 length = quint16(out.size() - V2FixedLength);
    out[14] = char(length >> 8);
    out[15] = char(length & 0xff);
    return out;
}

Bytes buildV2Local()
{
    Bytes out;
    out.append(V2Signature, V2SignatureLength);
    out.append(char(0x20));  // version 2, LOCAL
    out.append(char(0x00));  // UNSPEC
    appendBigEndian16(out, 0);
    return out;
}

QLatin1StringView versionsName(quint8 versions)
{
    switch (versions & (V1 | V2)) {
    case V1:
        return QLatin1StringView("v1");
    case V2:
        return QLatin1StringView("v2");
    case V1 | V2:
        return QLatin1StringView("v1,v2");
    default:
        return {};
    }
}

}  // namespace Balancier::ProxyProtocol
