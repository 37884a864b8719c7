#pragma once

#include "ops/connectionquery.h"

#include <QCoreApplication>
#include <QString>

namespace Balancier {

/// The one place the desktop app words the connection table's data: why a
/// connection went to its backend (PickReason and the failover attempts
/// before it), a connection's state and an age. The engine sends codes and
/// numbers (the admin API the same, as JSON); they are worded and
/// translated here, at the edge that shows them. Host, group and service
/// names stay as they are.
///
/// Thread contract: any thread (pure functions).
class ConnectionText final
{
    Q_DECLARE_TR_FUNCTIONS(Balancier::ConnectionText)

public:
    ConnectionText() = delete;

    /// "round robin", "sticky: seen 3 min ago", "hash bucket 42 of 65537";
    /// empty while no backend is picked yet; the code itself when unknown.
    static QString describeReason(const PickReason &reason);
    /// "failover after b1 refused, b2 timed out"; empty without attempts.
    static QString describeAttempts(const QList<ConnectAttempt> &attempts);
    /// The reason, then the attempts: "round robin; failover after b1 refused".
    static QString describeChoice(const PickReason &reason, const QList<ConnectAttempt> &attempts);
    /// "refused", "timed out", "unreachable", "not resolved".
    static QString describeAttemptResult(const QString &result);
    /// "reading PROXY header", "connecting", "established".
    static QString describeState(const QString &state);
    /// A short age: "12 s", "3 min", "2 h 5 min", "3 d 4 h".
    static QString describeAge(qint64 ms);
};

}  // namespace Balancier
