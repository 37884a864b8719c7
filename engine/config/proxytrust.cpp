#include "proxytrust.h"

#include <QHostAddress>

#include <algorithm>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Balancier {

std::optional<ProxyTrust> ProxyTrust::parse(QStringView text, QString *why)
{
    const QString trimmed = text.trimmed().toString();
    const qsizetype slash = trimmed.indexOf(u'/');
    const QString address = slash < 0 ? trimmed : trimmed.left(slash);
    // QHostAddress::parseSubnet also takes "10.1" for 10.1.0.0: ask for the
    // whole address, which is what a reader of the file expects.
    const QHostAddress host(address);
    const bool v4 = host.protocol() == QHostAddress::IPv4Protocol;
    const bool v6 = host.protocol() == QHostAddress::IPv6Protocol;
    if ((!v4 && !v6) || (v4 && address.count(u'.') != 3) || address.contains(u'%')) {
        if (why) {
            *why = u'"' + trimmed.left(60)
                + u"\" is not an address or CIDR; expected e.g. 127.0.0.1, 10.0.0.0/8 or 2001:db8::/32"_s;
        }
        return std::nullopt;
    }
    const int bits = v4 ? 32 : 128;
    int prefix = bits;
    if (slash >= 0) {
        bool ok = false;
        const QString length = trimmed.mid(slash + 1);
        prefix = length.toInt(&ok);
        const bool digits = !length.isEmpty() && length.size() <= 3
            && std::all_of(length.cbegin(), length.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (!ok || !digits || prefix < 0 || prefix > bits) {
            if (why) {
                *why = u'"' + trimmed.left(60) + u"\" has a bad prefix length; expected /0 to /"_s
                    + QString::number(bits);
            }
            return std::nullopt;
        }
    }
    ProxyTrust trust;
    if (v4) {
        const quint32 value = host.toIPv4Address();
        trust.bytes[0] = quint8(value >> 24);
        trust.bytes[1] = quint8(value >> 16);
        trust.bytes[2] = quint8(value >> 8);
        trust.bytes[3] = quint8(value);
    } else {
        const Q_IPV6ADDR raw = host.toIPv6Address();
        static constexpr quint8 mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (std::memcmp(raw.c, mapped, 12) == 0 && prefix >= 96) {
            std::memcpy(trust.bytes.data(), raw.c + 12, 4);
            prefix -= 96;
        } else {
            std::memcpy(trust.bytes.data(), raw.c, 16);
            trust.v6 = true;
        }
    }
    trust.prefix = prefix;
    // Clear the host bits, so that contains() compares whole bytes.
    const int total = trust.v6 ? 16 : 4;
    for (int i = 0; i < total; ++i) {
        const int keep = std::clamp(prefix - i * 8, 0, 8);
        trust.bytes[std::size_t(i)] &= quint8(0xff00 >> keep);
    }
    return trust;
}

bool ProxyTrust::contains(const quint8 *address, bool addressIsV6) const
{
    if (addressIsV6 != v6)
        return false;
    const int whole = prefix / 8;
    if (std::memcmp(address, bytes.data(), std::size_t(whole)) != 0)
        return false;
    const int rest = prefix % 8;
    if (rest == 0)
        return true;
    const quint8 mask = quint8(0xff00 >> rest);
    return (address[whole] & mask) == bytes[std::size_t(whole)];
}

}  // namespace Balancier
