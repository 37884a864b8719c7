// Operations on a service's admission: its <acl> and its <limit>.

#include "ops/operations.h"
#include "ops/opsupport.h"

#include "config/cidr.h"

#include <limits>

namespace Balancier {

using namespace OpSupport;

namespace {

std::optional<OpResult> badInput(const QString &parameter, const QString &element, const QString &message)
{
    return OpResult::fail(OpResult::Failure::BadInput, element, message, parameter);
}

std::optional<OpResult> checkRange(const QString &parameter, int value, int minimum, int maximum)
{
    if (value >= minimum && value <= maximum)
        return std::nullopt;
    return badInput(parameter, QStringLiteral("<limit %1>").arg(parameter),
        QStringLiteral("%1 is out of range; expected %2 to %3").arg(value).arg(minimum).arg(maximum));
}

}  // namespace

std::optional<OpResult> Operations::checkAcl(const AclConfig &acl)
{
    for (qsizetype r = 0; r < acl.rules.size(); ++r) {
        const AclRule &rule = acl.rules.at(r);
        const QString element = QStringLiteral("ACL rule %1").arg(r + 1);
        if (rule.from.isEmpty())
            return badInput(QStringLiteral("from"), element,
                QStringLiteral("empty list; expected addresses or prefixes such as 10.0.0.0/8"));
        for (qsizetype i = 0; i < rule.from.size(); ++i) {
            QString problem;
            if (!Cidr::parse(rule.from.at(i), &problem)) {
                return badInput(QStringLiteral("from"), element,
                    QStringLiteral("item %1 of %2: %3").arg(i + 1).arg(rule.from.size()).arg(problem));
            }
        }
    }
    return std::nullopt;
}

std::optional<OpResult> Operations::checkLimit(const LimitConfig &limit)
{
    if (auto failure = checkRange(QStringLiteral("perip"), limit.perIp, 0, std::numeric_limits<int>::max()))
        return failure;
    if (auto failure = checkRange(QStringLiteral("prefix"), limit.prefix, 0, 32))
        return failure;
    if (auto failure = checkRange(QStringLiteral("prefix6"), limit.prefix6, 0, 128))
        return failure;
    if (auto failure = checkRange(QStringLiteral("rate"), limit.rate, 0, LimitConfig::maxRate))
        return failure;
    if (limit.rate > 0 && limit.ratePeriodS != 1 && limit.ratePeriodS != 60)
        return badInput(QStringLiteral("rate"), QStringLiteral("<limit rate>"),
            QStringLiteral("the period must be a second or a minute"));
    if (auto failure = checkRange(QStringLiteral("burst"), limit.burst, 0, LimitConfig::maxRate))
        return failure;
    if (limit.burst > 0 && limit.rate == 0)
        return badInput(QStringLiteral("burst"), QStringLiteral("<limit burst>"),
            QStringLiteral("burst without rate; a burst is the room of a rate limit"));
    if (auto failure
        = checkRange(QStringLiteral("table"), limit.table, LimitConfig::minTable, LimitConfig::maxTable))
        return failure;
    return std::nullopt;
}

OpResult Operations::setAcl(const QString &service, const AclConfig &acl)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service);
    if (target.failure)
        return *target.failure;
    if (auto failure = checkAcl(acl))
        return *failure;
    // A switched-off <acl> keeps nothing: the model says what the file would.
    target.service->acl = acl.enabled ? acl : AclConfig();
    return applyEdited(config);
}

OpResult Operations::setLimit(const QString &service, const LimitConfig &limit)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service);
    if (target.failure)
        return *target.failure;
    if (limit.enabled) {
        if (auto failure = checkLimit(limit))
            return *failure;
    }
    target.service->limit = limit.enabled ? limit : LimitConfig();
    return applyEdited(config);
}

}  // namespace Balancier
