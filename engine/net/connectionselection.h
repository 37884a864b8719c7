#pragma once

#include "net/connectiontable.h"
#include "net/ipendpoint.h"

#include <QString>
#include <optional>

namespace Balancier {

/// A client prefix as numbers: "10.1.0.0/16", "2001:db8::/32", "::1"
/// (a bare address is /32 or /128). Matches IpEndpoint without allocation.
///
/// Thread contract: a plain value; any thread.
struct IpPrefix
{
    IpEndpoint network;  ///< host bits cleared
    int bits = 0;

    /// nullopt for text that is not an address or CIDR.
    static std::optional<IpPrefix> parse(const QString &text);
    /// The prefix of `address` with `bits4` (IPv4) or `bits6` (IPv6) bits.
    static IpPrefix of(const IpEndpoint &address, int bits4, int bits6);
    bool contains(const IpEndpoint &address) const;
    /// "10.1.2.0/24"
    QString toString() const;
};

/// What a worker is asked for the live connection table: the filter of
/// ConnectionFilter, already checked and parsed by Operations, or the
/// talkers' prefixes.
///
/// Thread contract: a plain value; made in the control thread, read in the workers.
struct ConnectionSelection
{
    QString service;
    QString group;
    QString backend;
    std::optional<IpPrefix> client;
    qint64 minAgeMs = 0;
    qint64 minBytes = 0;

    /// Talkers: the prefix lengths, and how far back new connections count.
    int prefix4 = 24;
    int prefix6 = 64;
    qint64 rateWindowMs = 10000;
};

}  // namespace Balancier
