#include "schedulerregistry.h"

namespace Balancier {

namespace {

QList<SchedulerInfo> buildTable()
{
    // Order is the order shown to users (GUI choices, admin API listing).
    return {
        {QStringLiteral("roundrobin"), {QStringLiteral("roundr")},
            QStringLiteral("Each available host in turn")},
        {QStringLiteral("weighted"), {QStringLiteral("weightr")},
            QStringLiteral("Smooth weighted round robin: turns in proportion to weight")},
        {QStringLiteral("random"), {QStringLiteral("rand")},
            QStringLiteral("A uniformly random available host")},
        {QStringLiteral("leastconns"), {QStringLiteral("leastc")},
            QStringLiteral("Fewest active connections relative to weight")},
        {QStringLiteral("leastconnsrr"), {},
            QStringLiteral("Fewest active connections; ties go to the host whose last connection closed "
                           "longest ago")},
        {QStringLiteral("sticky"), {},
            QStringLiteral("A client keeps its host while it is available and the client returns within "
                           "stickytime; new clients round robin")},
        {QStringLiteral("hash"), {},
            QStringLiteral("Consistent hashing of the client address: a host change moves few clients")},
        {QStringLiteral("p2c"), {},
            QStringLiteral("Power of two choices: the less loaded of two random hosts")},
        {QStringLiteral("maglev"), {},
            QStringLiteral("Maglev hashing of the client address: every balancer with the same hosts "
                           "picks the same one; optional bounded load (balancefactor)")},
    };
}

}  // namespace

const QList<SchedulerInfo> &SchedulerRegistry::all()
{
    static const QList<SchedulerInfo> table = buildTable();
    return table;
}

QString SchedulerRegistry::canonicalName(QStringView nameOrAlias)
{
    const QStringView trimmed = nameOrAlias.trimmed();
    for (const SchedulerInfo &info : all()) {
        if (trimmed.compare(info.name, Qt::CaseInsensitive) == 0)
            return info.name;
        for (const QString &alias : info.aliases) {
            if (trimmed.compare(alias, Qt::CaseInsensitive) == 0)
                return info.name;
        }
    }
    return QString();
}

}  // namespace Balancier
