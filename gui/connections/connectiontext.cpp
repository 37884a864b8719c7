#include "connectiontext.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Balancier {

QString ConnectionText::describeAge(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms) / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return minutes % 60 == 0 ? tr("%1 h").arg(hours) : tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return hours % 24 == 0 ? tr("%1 d").arg(hours / 24) : tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QString ConnectionText::describeReason(const PickReason &reason)
{
    const QString &code = reason.code;
    if (code.isEmpty())
        return {};
    if (code == "roundrobin"_L1)
        return tr("round robin");
    if (code == "weighted"_L1)
        return tr("weighted round robin");
    if (code == "leastconns"_L1)
        return tr("least connections");
    if (code == "leastconnsrr"_L1)
        return tr("least connections, round robin among equals");
    if (code == "p2c"_L1)
        return tr("better of two random choices");
    if (code == "random"_L1)
        return tr("random");
    if (code == "sticky"_L1) {
        if (reason.params.value("new"_L1).toBool() || !reason.params.contains("seenMsAgo"_L1))
            return tr("sticky: new client");
        return tr("sticky: seen %1 ago").arg(describeAge(reason.params.value("seenMsAgo"_L1).toLongLong()));
    }
    const QString bucket = reason.params.value("bucket"_L1).toString();
    const QString of = reason.params.value("of"_L1).toString();
    if (code == "hash"_L1)
        return tr("hash bucket %1 of %2").arg(bucket, of);
    if (code == "maglev"_L1)
        return tr("Maglev entry %1 of %2").arg(bucket, of);
    return code;
}

QString ConnectionText::describeAttemptResult(const QString &result)
{
    if (result == "refused"_L1)
        return tr("refused");
    if (result == "timeout"_L1)
        return tr("timed out");
    if (result == "unreachable"_L1)
        return tr("unreachable");
    if (result == "unresolved"_L1)
        return tr("not resolved");
    return result;
}

QString ConnectionText::describeAttempts(const QList<ConnectAttempt> &attempts)
{
    if (attempts.isEmpty())
        return {};
    QStringList tried;
    for (const ConnectAttempt &attempt : attempts)
        tried.append(tr("%1 %2", "backend, then what happened")
                         .arg(attempt.backend, describeAttemptResult(attempt.result)));
    return tr("failover after %1").arg(tried.join(tr(", ", "between failed backends")));
}

QString ConnectionText::describeChoice(const PickReason &reason, const QList<ConnectAttempt> &attempts)
{
    const QString why = describeReason(reason);
    const QString failover = describeAttempts(attempts);
    if (failover.isEmpty())
        return why;
    if (why.isEmpty())
        return failover;
    return tr("%1; %2", "the scheduler's reason; the failover").arg(why, failover);
}

QString ConnectionText::describeState(const QString &state)
{
    if (state == "identifying"_L1)
        return tr("reading PROXY header");
    if (state == "connecting"_L1)
        return tr("connecting");
    if (state == "established"_L1)
        return tr("established");
    return state;
}

}  // namespace Balancier
