#include "address.h"

#include <QHostAddress>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

bool isDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// Host names as DNS allows them (letters, digits, '-', '.'), plus '_' which
// some internal resolvers accept. Anything else is more likely a typo.
bool isValidHostName(QStringView host)
{
    if (host.size() > 253 || host.startsWith(u'.') || host.endsWith(u'.') || host.contains(u".."))
        return false;
    for (QChar c : host) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'-' || c == u'.' || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}

/// Digits and dots only: meant as an IPv4 address, never a host name.
bool looksLikeIpv4(QStringView host)
{
    for (QChar c : host) {
        if (c != u'.' && (c < u'0' || c > u'9'))
            return false;
    }
    return true;
}

/// Exactly four decimal numbers 0-255 without leading zeros. QHostAddress
/// (like inet_aton) also takes "1.2.3" as 1.2.0.3 and "010.0.0.1" as octal:
/// in a config those are typos.
bool isDottedQuad(QStringView host)
{
    const QList<QStringView> parts = host.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QStringView part : parts) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.startsWith(u'0'))
            || part.toInt() > 255)
            return false;
    }
    return true;
}

}  // namespace

bool Address::isAnyInterface() const
{
    if (host == u"*" || host == u"0.0.0.0" || host == u"::")
        return true;
    const QHostAddress address(host);
    return address == QHostAddress(QHostAddress::AnyIPv6) || address == QHostAddress(QHostAddress::AnyIPv4);
}

QString Address::toString() const
{
    if (host.contains(u':'))
        return u'[' + host + u"]:"_s + QString::number(port);
    return host + u':' + QString::number(port);
}

std::optional<Address> parseAddress(QStringView text, bool forListening, QString *error)
{
    const bool allowPortZero = forListening;
    if (text.trimmed().isEmpty()) {
        setError(error, u"empty address; expected host:port"_s);
        return std::nullopt;
    }
    if (text.trimmed() != text) {
        setError(error, u"spaces around the address \""_s + text + u"\"; expected host:port"_s);
        return std::nullopt;
    }

    QStringView host;
    QStringView portText;
    bool bracketed = false;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0) {
            setError(error, u"missing ']' in \""_s + text + u"\"; expected [ipv6]:port"_s);
            return std::nullopt;
        }
        host = text.sliced(1, close - 1);
        const QStringView rest = text.sliced(close + 1);
        if (!rest.startsWith(u':')) {
            setError(error, u"missing port in \""_s + text + u"\"; expected [ipv6]:port"_s);
            return std::nullopt;
        }
        portText = rest.sliced(1);
        bracketed = true;
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon < 0) {
            setError(error, u"missing port in \""_s + text + u"\"; expected host:port"_s);
            return std::nullopt;
        }
        host = text.first(colon);
        portText = text.sliced(colon + 1);
        if (host.contains(u':')) {
            setError(error,
                u"IPv6 address without brackets in \""_s + text
                    + u"\"; expected [ipv6]:port, e.g. [::1]:80"_s);
            return std::nullopt;
        }
    }

    if (host.isEmpty()) {
        setError(error,
            u"missing host in \""_s + text + u"\"; expected host:port, or *:port for every interface"_s);
        return std::nullopt;
    }
    if (bracketed) {
        const QHostAddress address(host.toString());
        if (address.protocol() != QAbstractSocket::IPv6Protocol) {
            setError(error, u"\""_s + host + u"\" is not an IPv6 address"_s);
            return std::nullopt;
        }
    } else if (host != u"*") {
        if (looksLikeIpv4(host)) {
            if (!isDottedQuad(host)) {
                setError(error,
                    u"\""_s + host
                        + u"\" is not a valid IPv4 address; expected four numbers 0-255 such as 192.0.2.10"_s);
                return std::nullopt;
            }
        } else if (!isValidHostName(host)) {
            setError(error,
                u"\""_s + host + u"\" is not a valid host name; expected an IP address, a host name or *"_s);
            return std::nullopt;
        }
    }

    if (portText.isEmpty()) {
        setError(error, u"missing port in \""_s + text + u"\"; expected host:port"_s);
        return std::nullopt;
    }
    const QString range = allowPortZero ? u"0-65535"_s : u"1-65535"_s;
    if (!isDigits(portText)) {
        setError(error, u"port \""_s + portText + u"\" is not a number; expected "_s + range);
        return std::nullopt;
    }
    bool ok = false;
    const qlonglong port = portText.size() > 9 ? -1 : portText.toLongLong(&ok);
    if (!ok || port > 65535 || (port == 0 && !allowPortZero)) {
        setError(error, u"port "_s + portText + u" outside "_s + range);
        return std::nullopt;
    }

    Address address;
    address.host = host.toString();
    address.port = static_cast<quint16>(port);
    if (!forListening && address.isAnyInterface()) {
        setError(error,
            u"\""_s + text
                + u"\" is a wildcard (every interface), not an address to connect to; expected the "
                  u"backend's own address, e.g. 192.0.2.10:"_s
                + portText);
        return std::nullopt;
    }
    return address;
}

QString canonicalOrigin(const QString &url, bool allowPath, QString *error)
{
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || (scheme != u"http" && scheme != u"https") || parsed.host().isEmpty()) {
        setError(
            error, u"\""_s + url + u"\" is not an origin; expected http://host:port or https://host:port"_s);
        return {};
    }
    if (!allowPath
        && (!parsed.userInfo().isEmpty() || !(parsed.path().isEmpty() || parsed.path() == u"/")
            || parsed.hasQuery() || parsed.hasFragment())) {
        setError(error, u"\""_s + url + u"\" has more than an origin; expected scheme://host[:port] alone"_s);
        return {};
    }
    QString host = parsed.host(QUrl::FullyEncoded).toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    return scheme + u"://"_s + host + u':' + QString::number(parsed.port(scheme == u"https" ? 443 : 80));
}

}  // namespace Balancier
