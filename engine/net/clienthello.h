#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QList>
#include <QtGlobal>

namespace Balancier {

/// What the first bytes of a connection say about its TLS ClientHello, for
/// routing by name (SNI, RFC 6066 section 3) and protocol (ALPN, RFC 7301)
/// without terminating TLS (docs/tls-routing.md).
///
/// parse() reads the bytes received so far, from the first one, and never
/// reads past `size`: call it again with more bytes while it answers
/// NeedMore. The hello may come in any number of TCP segments and span
/// several TLS records (RFC 8446 section 5.1); the records it takes count
/// against `limit`. Anything but a TLS handshake record (an SSLv2-style
/// hello, an HTTP request, an SSH banner) is NotTls from the first byte or
/// two, so that a client that speaks first is answered at once.
///
/// GREASE values (RFC 8701) are skipped like any unknown extension and left
/// out of the ALPN list. With Encrypted Client Hello the server name read
/// is the outer (public) one, and hasEch() says so.
///
/// Thread contract: a plain value; parse() is reentrant and keeps no state.
class ClientHello final
{
public:
    enum class Status : quint8
    {
        NeedMore,  ///< a TLS start so far: call again with more bytes
        Done,  ///< a complete, well-formed ClientHello
        NotTls,  ///< the client speaks something else
        Error,  ///< TLS framing that is malformed (error() says how)
        TooLarge,  ///< the hello does not fit in `limit` bytes of records
    };

    static constexpr qsizetype DefaultLimit = 16 * 1024;

    /// Reads the hello at the start of `data` (`size` bytes received so far).
    static ClientHello parse(const char *data, qsizetype size, qsizetype limit = DefaultLimit);

    Status status() const { return m_status; }
    /// Why the bytes are not a ClientHello (Error, TooLarge, NotTls), in English.
    QLatin1StringView error() const { return QLatin1StringView(m_error); }

    /// The host_name entries of server_name, lower case, without a trailing
    /// dot, in the client's order (one in practice); empty without SNI.
    const QList<QByteArray> &serverNames() const { return m_serverNames; }
    /// The first host name, or empty.
    QByteArray serverName() const
    {
        return m_serverNames.isEmpty() ? QByteArray() : m_serverNames.constFirst();
    }
    /// The ALPN protocols offered, in the client's order, GREASE left out;
    /// empty without the extension.
    const QList<QByteArray> &alpn() const { return m_alpn; }
    bool hasAlpn() const { return m_hasAlpn; }
    /// The hello's legacy_version (0x0303 for TLS 1.2 and 1.3).
    quint16 legacyVersion() const { return m_legacyVersion; }
    /// An encrypted_client_hello extension was present (routing used the outer name).
    bool hasEch() const { return m_ech; }
    /// NotTls, and the first bytes look like an SSLv2-style hello.
    bool isSslV2() const { return m_sslV2; }
    /// Done: the input's bytes up to the hello's last byte (its last record
    /// may hold more bytes after it, received or not).
    qsizetype length() const { return m_length; }
    /// NeedMore: fewer bytes in all than this cannot change the answer, so
    /// a caller fed one byte at a time need not parse again before (which
    /// keeps a hello sent byte by byte linear, not quadratic).
    qsizetype needed() const { return m_needed; }

private:
    bool parseBody(const uchar *body, qsizetype size);
    ClientHello &fail(Status status, const char *why);

    QList<QByteArray> m_serverNames;
    QList<QByteArray> m_alpn;
    const char *m_error = "";
    qsizetype m_length = 0;
    qsizetype m_needed = 1;
    quint16 m_legacyVersion = 0;
    Status m_status = Status::NeedMore;
    bool m_hasAlpn = false;
    bool m_ech = false;
    bool m_sslV2 = false;
};

}  // namespace Balancier
