#include "clienthello.h"

#include <QVarLengthArray>

#include <algorithm>

namespace Balancier {

namespace {

// TLS constants (RFC 8446 sections 4 and 5, RFC 6066, RFC 7301).
constexpr uchar ContentHandshake = 22;
constexpr uchar HandshakeClientHello = 1;
constexpr quint16 ExtServerName = 0;
constexpr quint16 ExtAlpn = 16;
constexpr quint16 ExtEncryptedClientHello = 0xfe0d;
constexpr uchar NameTypeHostName = 0;
constexpr qsizetype RecordHeader = 5;
constexpr qsizetype MaxRecordPayload = 16384;  // 2^14: a plaintext record's limit
constexpr qsizetype MaxHostName = 253;

/// Reads big-endian fields out of a bounded span; every read checks first.
struct Cursor
{
    const uchar *at;
    qsizetype left;

    bool u8(quint32 *out)
    {
        if (left < 1)
            return false;
        *out = at[0];
        at += 1;
        left -= 1;
        return true;
    }
    bool u16(quint32 *out)
    {
        if (left < 2)
            return false;
        *out = quint32(at[0]) << 8 | at[1];
        at += 2;
        left -= 2;
        return true;
    }
    bool span(qsizetype count, Cursor *out)
    {
        if (count < 0 || left < count)
            return false;
        *out = Cursor{at, count};
        at += count;
        left -= count;
        return true;
    }
};

/// RFC 8701: GREASE ALPN identifiers are two equal bytes 0x?A.
bool isGreaseAlpn(const uchar *name, qsizetype size)
{
    return size == 2 && name[0] == name[1] && (name[0] & 0x0f) == 0x0a;
}

}  // namespace

ClientHello &ClientHello::fail(Status status, const char *why)
{
    m_status = status;
    m_error = why;
    m_serverNames.clear();
    m_alpn.clear();
    return *this;
}

ClientHello ClientHello::parse(const char *data, qsizetype size, qsizetype limit)
{
    ClientHello hello;
    const auto *bytes = reinterpret_cast<const uchar *>(data);
    hello.m_needed = std::max<qsizetype>(size, 0) + 1;
    if (size <= 0)
        return hello;  // NeedMore
    if (bytes[0] != ContentHandshake) {
        // SSLv2's record header: the top bit of a two-byte length, then
        // message type 1 (CLIENT-HELLO).
        hello.m_sslV2 = (bytes[0] & 0x80) && size >= 3 && bytes[2] == 0x01;
        hello.fail(Status::NotTls,
            hello.m_sslV2 ? "an SSLv2-style hello, not TLS" : "the first byte is not a TLS handshake record");
        return hello;
    }
    if (size >= 2 && bytes[1] != 0x03) {
        hello.fail(Status::NotTls, "the record version is not TLS");
        return hello;
    }

    // The handshake message, gathered from the fragments of as many records as it takes.
    QVarLengthArray<uchar, 1024> message;
    qsizetype offset = 0;
    for (;;) {
        if (offset + RecordHeader > limit)
            return hello.fail(Status::TooLarge, "the ClientHello is larger than the peek size");
        if (size - offset < RecordHeader) {
            // The first bytes answer NotTls at once: before a whole header,
            // every byte counts.
            hello.m_needed = offset == 0 ? size + 1 : offset + RecordHeader;
            return hello;  // NeedMore
        }
        const uchar *record = bytes + offset;
        if (record[0] != ContentHandshake)
            return hello.fail(
                Status::Error, "a record other than a handshake before the ClientHello was complete");
        if (record[1] != 0x03)
            return hello.fail(Status::Error, "a record version that is not TLS");
        const qsizetype length = qsizetype(record[3]) << 8 | record[4];
        if (length == 0)
            return hello.fail(Status::Error, "an empty handshake record");
        if (length > MaxRecordPayload)
            return hello.fail(Status::Error, "a record longer than 2^14 bytes");
        if (offset + RecordHeader + length > limit)
            return hello.fail(Status::TooLarge, "the ClientHello is larger than the peek size");
        const qsizetype available = std::min(length, size - offset - RecordHeader);
        message.append(record + RecordHeader, available);
        if (!message.isEmpty() && message.at(0) != HandshakeClientHello)
            return hello.fail(Status::Error, "the first handshake message is not a ClientHello");
        if (message.size() >= 4) {
            const qsizetype bodyLength
                = qsizetype(message.at(1)) << 16 | qsizetype(message.at(2)) << 8 | message.at(3);
            if (4 + bodyLength > limit)
                return hello.fail(Status::TooLarge, "the ClientHello is larger than the peek size");
            if (message.size() >= 4 + bodyLength) {
                if (!hello.parseBody(message.constData() + 4, bodyLength))
                    return hello;
                // Up to the hello's last byte: the record that ends it may
                // go on (more handshake bytes), and may not be all here yet.
                const qsizetype after = message.size() - (4 + bodyLength);
                hello.m_length = offset + RecordHeader + available - after;
                hello.m_status = Status::Done;
                return hello;
            }
        }
        if (available < length) {
            // NeedMore: nothing changes before this record ends, or before
            // the hello's own bytes are all there if it ends first.
            const qsizetype recordEnd = offset + RecordHeader + length;
            qsizetype messageEnd = recordEnd;
            if (message.size() >= 4) {
                const qsizetype bodyLength
                    = qsizetype(message.at(1)) << 16 | qsizetype(message.at(2)) << 8 | message.at(3);
                messageEnd = size + (4 + bodyLength - message.size());
            }
            hello.m_needed = std::min(recordEnd, messageEnd);
            return hello;
        }
        offset += RecordHeader + length;
    }
}

bool ClientHello::parseBody(const uchar *body, qsizetype size)
{
    Cursor in{body, size};
    quint32 version = 0;
    quint32 length = 0;
    Cursor skipped{nullptr, 0};
    if (!in.u16(&version)) {
        fail(Status::Error, "a ClientHello too short for its version");
        return false;
    }
    if ((version >> 8) != 0x03) {
        fail(Status::Error, "a ClientHello whose version is not TLS");
        return false;
    }
    m_legacyVersion = quint16(version);
    if (!in.span(32, &skipped)) {
        fail(Status::Error, "a ClientHello too short for its random");
        return false;
    }
    if (!in.u8(&length) || length > 32 || !in.span(length, &skipped)) {
        fail(Status::Error, "a malformed session id");
        return false;
    }
    if (!in.u16(&length) || length < 2 || length % 2 != 0 || !in.span(length, &skipped)) {
        fail(Status::Error, "a malformed cipher suite list");
        return false;
    }
    if (!in.u8(&length) || length < 1 || !in.span(length, &skipped)) {
        fail(Status::Error, "a malformed compression method list");
        return false;
    }
    if (in.left == 0)
        return true;  // no extensions (allowed before TLS 1.3)
    Cursor extensions{nullptr, 0};
    if (!in.u16(&length) || !in.span(length, &extensions) || in.left != 0) {
        fail(Status::Error, "a malformed extension list");
        return false;
    }
    QVarLengthArray<quint16, 32> seen;
    while (extensions.left > 0) {
        quint32 type = 0;
        Cursor data{nullptr, 0};
        if (!extensions.u16(&type) || !extensions.u16(&length) || !extensions.span(length, &data)) {
            fail(Status::Error, "a truncated extension");
            return false;
        }
        // RFC 8446 4.2: an extension type appears at most once.
        if (seen.contains(quint16(type))) {
            fail(Status::Error, "an extension sent twice");
            return false;
        }
        seen.append(quint16(type));
        if (type == ExtServerName) {
            Cursor list{nullptr, 0};
            if (!data.u16(&length) || length < 1 || !data.span(length, &list) || data.left != 0) {
                fail(Status::Error, "a malformed server_name extension");
                return false;
            }
            while (list.left > 0) {
                quint32 nameType = 0;
                Cursor name{nullptr, 0};
                if (!list.u8(&nameType) || !list.u16(&length) || length < 1 || !list.span(length, &name)) {
                    fail(Status::Error, "a malformed server_name entry");
                    return false;
                }
                if (nameType != NameTypeHostName)
                    continue;
                QByteArray host(reinterpret_cast<const char *>(name.at), name.left);
                if (host.endsWith('.'))
                    host.chop(1);
                if (host.isEmpty() || host.size() > MaxHostName) {
                    fail(Status::Error, "a server name that is empty or too long");
                    return false;
                }
                for (char &c : host) {
                    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '.' || c == '_';
                    if (!ok) {
                        fail(Status::Error, "a server name with a byte that is not in a DNS name");
                        return false;
                    }
                    if (c >= 'A' && c <= 'Z')
                        c = char(c - 'A' + 'a');
                }
                m_serverNames.append(host);
            }
        } else if (type == ExtAlpn) {
            Cursor list{nullptr, 0};
            if (!data.u16(&length) || length < 2 || !data.span(length, &list) || data.left != 0) {
                fail(Status::Error, "a malformed ALPN extension");
                return false;
            }
            m_hasAlpn = true;
            while (list.left > 0) {
                Cursor name{nullptr, 0};
                if (!list.u8(&length) || length < 1 || !list.span(length, &name)) {
                    fail(Status::Error, "a malformed ALPN protocol name");
                    return false;
                }
                if (!isGreaseAlpn(name.at, name.left))
                    m_alpn.append(QByteArray(reinterpret_cast<const char *>(name.at), name.left));
            }
        } else if (type == ExtEncryptedClientHello) {
            m_ech = true;
        }
    }
    return true;
}

}  // namespace Balancier
