// Operations on a service's TLS routing: its <route> rules and peek limits.

#include "ops/operations.h"
#include "ops/opsupport.h"

#include "config/routerules.h"

namespace Balancier {

using namespace OpSupport;

OpResult Operations::setRoutes(
    const QString &service, const QList<RouteConfig> &routes, qint64 peekTimeoutMs, int peekSize)
{
    Config config = m_engine.runningConfig();
    Target target = locate(config, service);
    if (target.failure)
        return *target.failure;
    ServiceConfig edited = *target.service;
    edited.routes = routes;
    for (RouteConfig &route : edited.routes)
        route.pos = {};
    edited.peekTimeoutMs = peekTimeoutMs;
    edited.peekSize = peekSize;
    // The rules the file's validator applies, said about the argument.
    const QList<RouteProblem> problems = RouteRules::problems(edited);
    if (!problems.isEmpty()) {
        const RouteProblem &first = problems.constFirst();
        const QString element = first.route < 0 ? QStringLiteral("<service %1>").arg(first.attribute)
                                                : QStringLiteral("route %1").arg(first.route + 1);
        return OpResult::fail(OpResult::Failure::BadInput, element, first.message, first.parameter());
    }
    *target.service = edited;
    return applyEdited(config);
}

}  // namespace Balancier
