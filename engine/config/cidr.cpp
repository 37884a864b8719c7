#include "cidr.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace Balancier {

std::optional<Cidr> Cidr::parse(QStringView text, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<Cidr> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(u"empty item; expected an address or a prefix such as 10.0.0.0/8"_s);
    const qsizetype slash = trimmed.indexOf(u'/');
    const QStringView addressText = slash < 0 ? trimmed : trimmed.left(slash);
    QHostAddress address;
    // QHostAddress accepts scope ids and other forms a rule has no use for.
    // Nor short forms such as "10" or "10.1": a rule says four parts.
    const bool plausible = addressText.contains(u':') || addressText.count(u'.') == 3;
    if (!plausible || addressText.contains(u'%') || !address.setAddress(addressText.toString()))
        return fail(u"\""_s + trimmed
            + u"\" is not an IP address or prefix; expected e.g. 10.0.0.0/8 or 2001:db8::/32"_s);
    Cidr cidr;
    bool mapped = false;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        cidr.bytes[0] = quint8(v4 >> 24);
        cidr.bytes[1] = quint8(v4 >> 16);
        cidr.bytes[2] = quint8(v4 >> 8);
        cidr.bytes[3] = quint8(v4);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        for (int i = 0; i < 16; ++i)
            cidr.bytes[std::size_t(i)] = v6[i];
        cidr.v6 = true;
        bool isMapped = true;
        for (int i = 0; i < 10; ++i)
            isMapped = isMapped && v6[i] == 0;
        isMapped = isMapped && v6[10] == 0xff && v6[11] == 0xff;
        mapped = isMapped;
    } else {
        return fail(u"\""_s + trimmed + u"\" is not an IP address or prefix"_s);
    }
    cidr.prefix = cidr.bits();
    if (slash >= 0) {
        const QStringView prefixText = trimmed.mid(slash + 1);
        bool digits = !prefixText.isEmpty() && prefixText.size() <= 3;
        for (const QChar c : prefixText)
            digits = digits && c >= u'0' && c <= u'9';
        const int prefix = digits ? prefixText.toInt() : -1;
        if (prefix < 0 || prefix > cidr.bits()) {
            return fail(u"\""_s + trimmed + u"\": prefix length \""_s + prefixText
                + u"\" is out of range; expected 0 to "_s + QString::number(cidr.bits()));
        }
        cidr.prefix = prefix;
    }
    // Host bits after the prefix.
    for (int bit = cidr.prefix; bit < cidr.bits(); ++bit) {
        if (cidr.bytes[std::size_t(bit / 8)] & (0x80 >> (bit % 8))) {
            Cidr suggestion = cidr;
            for (int b = cidr.prefix; b < cidr.bits(); ++b)
                suggestion.bytes[std::size_t(b / 8)] &= quint8(~(0x80 >> (b % 8)));
            return fail(u"\""_s + trimmed + u"\" has bits set after the prefix; did you mean "_s
                + suggestion.toString() + u"?"_s);
        }
    }
    if (mapped && cidr.prefix >= 96) {
        Cidr v4;
        for (int i = 0; i < 4; ++i)
            v4.bytes[std::size_t(i)] = cidr.bytes[std::size_t(12 + i)];
        v4.prefix = cidr.prefix - 96;
        return v4;
    }
    return cidr;
}

QStringList Cidr::splitList(QStringView text)
{
    QStringList out;
    if (text.trimmed().isEmpty())
        return out;
    for (const QStringView item : text.split(u','))
        out.append(item.trimmed().toString());
    return out;
}

QString Cidr::toString() const
{
    QHostAddress address;
    if (v6) {
        Q_IPV6ADDR raw;
        for (int i = 0; i < 16; ++i)
            raw[i] = bytes[std::size_t(i)];
        address.setAddress(raw);
    } else {
        address.setAddress(
            quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 | quint32(bytes[2]) << 8 | bytes[3]);
    }
    QString out = address.toString();
    if (prefix != bits())
        out += u'/' + QString::number(prefix);
    return out;
}

}  // namespace Balancier
