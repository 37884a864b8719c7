#pragma once

#include "net/ipendpoint.h"

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QVarLengthArray>
#include <QtGlobal>

#include <array>

namespace Balancier {

/// The PROXY protocol (HAProxy's doc/proxy-protocol.txt), versions 1 and 2:
/// an incremental parser for the header a trusted proxy sends in front of
/// its client's bytes, and builders for the header we send to a backend.
///
/// Thread contract: plain values and pure functions; a Parser is used by
/// one thread at a time (the session's worker).
namespace ProxyProtocol {

/// Versions a listener accepts (acceptproxy="v1,v2"), as bits.
enum Version : quint8
{
    V1 = 1,
    V2 = 2,
};

/// v1: "PROXY UNKNOWN" plus a CRLF fits in 107 bytes, the longest TCP6 line too.
inline constexpr qsizetype MaxV1Length = 107;
/// v2: the fixed part (signature, command, family, length).
inline constexpr qsizetype V2FixedLength = 16;
/// v2: the longest header we take, fixed part included. The format allows
/// 16 + 65535; ours covers the addresses (216 bytes for UNIX) and the TLVs
/// real senders add (authority, unique id up to 128 bytes, ALPN, SSL
/// details), and stops a peer from making us buffer 64 KiB before it has
/// even said who its client is.
inline constexpr qsizetype MaxV2Length = 1536;
/// The longest header the builders write (v2 with a unique id and a
/// 255-byte authority).
inline constexpr qsizetype MaxBuiltLength = 512;

/// PP2_TYPE_* of the TLVs we know by name.
enum TlvType : quint8
{
    TlvAlpn = 0x01,
    TlvAuthority = 0x02,
    TlvCrc32c = 0x03,
    TlvNoop = 0x04,
    TlvUniqueId = 0x05,
    TlvSsl = 0x20,
    TlvNetns = 0x30,
};

enum class Command : quint8
{
    Local,  ///< v2 LOCAL: the proxy's own connection (a health check); no client address
    Proxy,  ///< a relayed connection: the addresses are the client's
};

enum class Family : quint8
{
    Unknown,  ///< v1 UNKNOWN
    Unspec,  ///< v2 AF_UNSPEC
    Inet,  ///< v1 TCP4, v2 AF_INET
    Inet6,  ///< v1 TCP6, v2 AF_INET6
    Unix,  ///< v2 AF_UNIX: the addresses are paths, not ours to use
};

/// One TLV of a v2 header: where its value lies in Parser::bytes().
struct Tlv
{
    quint8 type = 0;
    quint16 offset = 0;
    quint16 length = 0;
};

/// A complete header, as the parser read it.
struct Header
{
    int version = 0;  ///< 1 or 2
    Command command = Command::Proxy;
    Family family = Family::Unknown;
    qsizetype length = 0;  ///< bytes of the header; the client's own bytes follow
    /// Valid only for Command::Proxy with Inet or Inet6: otherwise the
    /// connection's own addresses stand (LOCAL, UNSPEC, UNIX, UNKNOWN).
    IpEndpoint source;
    IpEndpoint destination;
    QVarLengthArray<Tlv, 4> tlvs;

    /// True when `source` and `destination` replace the connection's addresses.
    bool carriesAddresses() const { return source.valid; }
};

/// Reads one header from bytes fed as they arrive. Never reads past the
/// header: feed() says how many of the bytes it was given were the
/// header's, and the rest belong to the client. Bounded (MaxV1Length,
/// MaxV2Length), no allocation (unless a v2 header has more than four
/// TLVs), and any byte sequence is safe to feed.
class Parser final
{
public:
    enum class Status
    {
        NeedMore,
        Done,
        Error,
    };

    /// `versions`: the Version bits accepted; a header of another version is an error.
    explicit Parser(quint8 versions = V1 | V2);

    /// Takes bytes that follow those fed before. `consumed` (may be null)
    /// is set to how many of `size` were the header's: all of them while
    /// NeedMore, the header's tail when Done, none meaningful on Error.
    /// After Done or Error, feeding more changes nothing.
    Status feed(const char *data, qsizetype size, qsizetype *consumed = nullptr);

    Status status() const { return m_status; }
    /// Valid once feed() said Done.
    const Header &header() const { return m_header; }
    /// Why the header was refused (static text), once feed() said Error.
    QLatin1StringView error() const { return m_error; }
    /// The bytes of the header read so far (TLV values point into them).
    QByteArrayView bytes() const { return QByteArrayView(m_buffer.data(), m_size); }
    /// The value of `tlv` (of header().tlvs).
    QByteArrayView tlvValue(const Tlv &tlv) const { return bytes().sliced(tlv.offset, tlv.length); }
    /// The value of the first TLV of `type`; null when there is none.
    QByteArrayView findTlv(quint8 type) const;

private:
    Status fail(const char *reason);
    Status checkPrefix();
    Status parseV1();
    Status parseV2();

    quint8 m_versions;
    Status m_status = Status::NeedMore;
    int m_version = 0;  ///< 0 until the first bytes said which
    qsizetype m_size = 0;
    qsizetype m_wanted = 0;  ///< v2: the whole header's length once known
    QLatin1StringView m_error;
    Header m_header;
    std::array<char, MaxV2Length> m_buffer{};
};

/// What a builder writes: on the stack up to MaxBuiltLength.
using Bytes = QVarLengthArray<char, MaxBuiltLength>;

/// A v1 line for a relayed connection: TCP4 when both addresses are IPv4,
/// else TCP6 (an IPv4 one written IPv4-mapped); UNKNOWN when either is not valid.
Bytes buildV1(const IpEndpoint &source, const IpEndpoint &destination);
/// "PROXY UNKNOWN\r\n": what a health probe sends (HAProxy's check-send-proxy).
Bytes buildV1Unknown();
/// A v2 PROXY header: AF_INET or AF_INET6 (mixed addresses as IPv4-mapped
/// IPv6), AF_UNSPEC when either is not valid. `uniqueId` non-empty adds
/// PP2_TYPE_UNIQUE_ID (at most 128 bytes kept), `authority` non-empty
/// PP2_TYPE_AUTHORITY (the TLS SNI; at most 255 bytes kept).
Bytes buildV2(const IpEndpoint &source, const IpEndpoint &destination, QByteArrayView uniqueId = {},
    QByteArrayView authority = {});
/// A v2 LOCAL header without addresses: what a health probe sends.
Bytes buildV2Local();

/// "v1", "v2" or "v1,v2" for Version bits; empty for none.
QLatin1StringView versionsName(quint8 versions);

}  // namespace ProxyProtocol

}  // namespace Balancier
