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
    /// The table's order ("age", "bytes", "client", "backend", "id"; empty:
    /// "age") and how many rows in that order a worker returns at most
    /// (offset + limit of the page; -1: all). A worker builds rows for those
    /// only, however many connections match.
    QString sort;
    qint64 keep = -1;

    /// Talkers: the prefix lengths, and how far back new connections count.
    int prefix4 = 24;
    int prefix6 = 64;
    qint64 rateWindowMs = 10000;
};

/// What a worker answers for the table: how many of its connections
/// matched, and the first ConnectionSelection::keep of them in order.
struct ConnectionPart
{
    qint64 matched = 0;
    QList<ConnectionRow> rows;
};

/// Where a connection stands in the table's order: `text` is the client
/// ("client" order) or the backend ("backend" order), else unused.
struct ConnectionOrderKey
{
    qint64 ageMs = 0;
    qint64 bytes = 0;  ///< in + out
    QString text;
    quint64 id = 0;

    static ConnectionOrderKey of(QStringView sort, const ConnectionRow &row);
};

/// True when `a` comes before `b` in `sort` order: "age" oldest first,
/// "bytes" most first, "client" and "backend" by text; ties (and "id") by id.
/// The workers and the merge of their answers use this one order.
bool connectionOrderBefore(QStringView sort, const ConnectionOrderKey &a, const ConnectionOrderKey &b);

}  // namespace Balancier
