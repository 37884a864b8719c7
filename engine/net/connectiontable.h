#pragma once

#include "net/termination.h"

#include <QList>
#include <QString>
#include <QVariantMap>
#include <QtGlobal>

namespace Balancier {

/// What the live connection table asks for (GET /api/v1/connections, the
/// desktop app's Connections page). Empty fields match everything.
struct ConnectionFilter
{
    QString service;
    QString group;
    QString backend;  ///< host name
    QString clientPrefix;  ///< CIDR ("10.1.0.0/16", "::1/128") over the client address (after PROXY)
    qint64 minAgeMs = 0;
    qint64 minBytes = 0;  ///< bytes both ways together
    /// "age" (oldest first, the default), "bytes" (most first), "client", "backend", "id"
    QString sort;
    int offset = 0;
    int limit = 100;  ///< at most 1000

    friend bool operator==(const ConnectionFilter &, const ConnectionFilter &) = default;
};

/// Why the scheduler sent a connection to its backend, as data: the edge
/// that shows it words it (ChangeText in the desktop app).
///   code "roundrobin", "weighted", "leastconns", "leastconnsrr", "p2c", "random": no params
///   code "sticky": params {"seenMsAgo": qint64} (a client seen before), or {"new": true}
///   code "hash" / "maglev": params {"bucket": int, "of": int}
/// Failovers before the pick are in ConnectionRow::attempts.
struct PickReason
{
    QString code;
    QVariantMap params;

    friend bool operator==(const PickReason &, const PickReason &) = default;
};

/// A host tried before the one the connection went to, and how that went.
struct ConnectAttempt
{
    QString backend;
    QString result;  ///< "refused", "timeout", "unreachable", "unresolved"

    friend bool operator==(const ConnectAttempt &, const ConnectAttempt &) = default;
};

/// One open connection, as the worker that owns it saw it when asked.
struct ConnectionRow
{
    quint64 id = 0;  ///< unique in this balancer's run; also PP2_TYPE_UNIQUE_ID and the log's id
    QString service;
    QString group;
    QString backend;  ///< empty while no host is picked yet
    QString client;  ///< "ip:port" / "[v6]:port", after PROXY
    QString local;  ///< the listener's address the client reached, after PROXY
    qint64 ageMs = 0;
    qint64 bytesIn = 0;  ///< from the client
    qint64 bytesOut = 0;  ///< to the client
    QString state;  ///< "identifying" (reading a PROXY header), "peeking" (a TLS ClientHello), "connecting",
                    ///< "established"
    QString sni;  ///< the ClientHello's server name (TLS routing); empty: none read
    PickReason reason;
    QList<ConnectAttempt> attempts;

    friend bool operator==(const ConnectionRow &, const ConnectionRow &) = default;
};

/// A page of the table: `total` rows matched the filter, `rows` holds those
/// from `offset` on.
struct ConnectionPage
{
    int total = 0;
    QList<ConnectionRow> rows;
};

/// GET /api/v1/talkers: open connections, new connections per second and
/// bytes, by client prefix.
struct TalkerQuery
{
    QString service;  ///< empty: all services
    int prefix4 = 24;
    int prefix6 = 64;
    int limit = 20;
    QString sort;  ///< "open" (default), "rate", "bytes"
};

struct Talker
{
    QString prefix;  ///< "10.1.2.0/24"
    int open = 0;
    double ratePerSecond = 0;  ///< new connections per second, over the last 10 s
    qint64 bytesIn = 0;  ///< of its open connections
    qint64 bytesOut = 0;
};

}  // namespace Balancier
