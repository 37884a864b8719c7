#pragma once

#include "net/connectiontable.h"
#include "net/ipendpoint.h"
#include "net/termination.h"
#include "scheduling/scheduler.h"

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>
#include <QtGlobal>

namespace Balancier {

/// How one failed attempt to reach a backend went (a failover followed).
enum class AttemptResult : quint8
{
    Refused,
    Timeout,
    Unreachable,
    Unresolved,
};

/// "refused", "timeout", "unreachable", "unresolved".
QLatin1StringView attemptResultCode(AttemptResult result);
/// "roundrobin", "sticky", "hash", ...: PickReason::code of `code`.
QLatin1StringView pickCodeName(PickCode code);
/// The reason as data, for the connection table and the JSON log.
PickReason pickReason(PickCode code, qint32 a, qint32 b);

/// One record of the connection log: what a session knew when it connected,
/// at an interim point, or when it ended. A session fills it (only QString
/// copies, which share their data, and fixed-size fields: no allocation when
/// at most four attempts failed) and hands it to ConnectionLog, whose writer
/// thread formats it.
///
/// Thread contract: a plain value; filled in a worker thread, moved into
/// the log's queue, formatted in the log's writer thread.
struct ConnectionRecord
{
    enum class Event : quint8
    {
        Connect,  ///< its backend accepted (<logging atconnect="yes">)
        Interim,  ///< still open (<logging interim>)
        Close,  ///< it ended: `termination` says how
    };

    struct Attempt
    {
        QString backend;
        AttemptResult result = AttemptResult::Refused;
    };

    Event event = Event::Close;
    quint64 id = 0;
    IpEndpoint client;
    IpEndpoint local;
    QString service;
    QString group;
    QString backend;  ///< empty when no backend accepted
    PickCode pickCode = PickCode::None;
    qint32 pickA = 0;
    qint32 pickB = 0;
    QVarLengthArray<Attempt, 4> attempts;
    qint64 acceptedAtMs = 0;  ///< wall clock, milliseconds since the epoch
    qint64 connectMs = -1;  ///< after the accept; -1: never connected
    qint64 firstByteMs = -1;  ///< first byte from the backend, after the accept; -1: none yet
    qint64 durationMs = 0;  ///< accept to the record
    qint64 bytesIn = 0;  ///< from the client (relayed to the backend)
    qint64 bytesOut = 0;  ///< to the client (from the backend)
    Termination termination = Termination::None;
    QString detail;  ///< what the system said, for resets and failures; usually empty
    QByteArray sni;  ///< the ClientHello's server name (TLS routing, <route>); empty: none read

    /// One line of key=value pairs (docs/connection-log.md), no newline.
    QByteArray toText() const;
    /// One JSON object on one line, no newline.
    QByteArray toJson() const;
};

}  // namespace Balancier
