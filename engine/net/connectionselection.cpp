#include "connectionselection.h"

#include <QHostAddress>

#include <algorithm>

#include <cstring>

namespace Balancier {

namespace {

void clearHostBits(IpEndpoint &endpoint, int bits)
{
    const int total = endpoint.addressLength() * 8;
    for (int bit = std::max(bits, 0); bit < total; ++bit)
        endpoint.bytes[std::size_t(bit / 8)] &= quint8(~(0x80u >> (bit % 8)));
    endpoint.port = 0;
}

}  // namespace

std::optional<IpPrefix> IpPrefix::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    QHostAddress address;
    int bits = -1;
    if (trimmed.contains(u'/')) {
        const auto subnet = QHostAddress::parseSubnet(trimmed);
        if (subnet.first.isNull() || subnet.second < 0)
            return std::nullopt;
        address = subnet.first;
        bits = subnet.second;
    } else if (!address.setAddress(trimmed)) {
        return std::nullopt;
    }
    IpPrefix prefix;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        const quint8 raw[4] = {quint8(v4 >> 24), quint8(v4 >> 16), quint8(v4 >> 8), quint8(v4)};
        prefix.network = IpEndpoint::fromV4(raw, 0);
        // An IPv4-mapped IPv6 prefix (::ffff:10.0.0.0/104) counts its bits over 128.
        if (bits >= 96 && address.protocol() == QAbstractSocket::IPv6Protocol)
            bits -= 96;
        prefix.bits = bits < 0 ? 32 : bits;
        if (prefix.bits > 32)
            return std::nullopt;
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR raw = address.toIPv6Address();
        prefix.network = IpEndpoint::fromV6(raw.c, 0);
        prefix.bits = bits < 0 ? 128 : bits;
        if (prefix.bits > 128)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    clearHostBits(prefix.network, prefix.bits);
    return prefix;
}

IpPrefix IpPrefix::of(const IpEndpoint &address, int bits4, int bits6)
{
    IpPrefix prefix;
    prefix.network = address;
    prefix.bits = std::clamp(address.v6 ? bits6 : bits4, 0, address.addressLength() * 8);
    clearHostBits(prefix.network, prefix.bits);
    return prefix;
}

bool IpPrefix::contains(const IpEndpoint &address) const
{
    if (!address.valid || address.v6 != network.v6)
        return false;
    const int whole = bits / 8;
    if (std::memcmp(address.bytes.data(), network.bytes.data(), std::size_t(whole)) != 0)
        return false;
    const int rest = bits % 8;
    if (rest == 0)
        return true;
    const auto mask = quint8(0xff00u >> rest);
    return (address.bytes[std::size_t(whole)] & mask) == network.bytes[std::size_t(whole)];
}

QString IpPrefix::toString() const
{
    return network.addressString() + u'/' + QString::number(bits);
}

ConnectionOrderKey ConnectionOrderKey::of(QStringView sort, const ConnectionRow &row)
{
    ConnectionOrderKey key;
    key.ageMs = row.ageMs;
    key.bytes = row.bytesIn + row.bytesOut;
    if (sort == u"client")
        key.text = row.client;
    else if (sort == u"backend")
        key.text = row.backend;
    key.id = row.id;
    return key;
}

bool connectionOrderBefore(QStringView sort, const ConnectionOrderKey &a, const ConnectionOrderKey &b)
{
    if ((sort.isEmpty() || sort == u"age") && a.ageMs != b.ageMs)
        return a.ageMs > b.ageMs;  // oldest first
    if (sort == u"bytes" && a.bytes != b.bytes)
        return a.bytes > b.bytes;  // most first
    if ((sort == u"client" || sort == u"backend") && a.text != b.text)
        return a.text < b.text;
    return a.id < b.id;
}

}  // namespace Balancier
