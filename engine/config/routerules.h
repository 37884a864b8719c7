#pragma once

#include "config.h"

#include <QList>
#include <QString>

namespace Balancier {

/// One thing wrong with a service's <route> rules, as data: the rule
/// (0-based), the attribute ("sni", "alpn", "group", "plain", "silence"),
/// the item of a list (0-based, -1: the whole attribute) and the reason.
/// The validator words it with the rule's position; the admin API names
/// it as a parameter ("routes[1].sni[0]").
struct RouteProblem
{
    qsizetype route = -1;
    QString attribute;
    qsizetype item = -1;
    QString message;

    /// "routes[1].sni[0]", "routes[0].group", "peeksize".
    QString parameter() const;
};

/// The rules every front end shares for TLS routing (docs/tls-routing.md).
///
/// Thread contract: pure functions; call from any thread.
class RouteRules final
{
public:
    /// Every problem of `service`'s routes and peek limits, in order.
    static QList<RouteProblem> problems(const ServiceConfig &service);
    /// Why `pattern` is not a server name pattern ("a.example", "*.b.example"); empty if it is.
    static QString serverNameProblem(QStringView pattern);
    /// Why `protocol` is not an ALPN protocol name ("h2", "http/1.1"); empty if it is.
    static QString alpnProblem(QStringView protocol);
    /// Reads "16384", "16k", "16K" into bytes; false for anything else.
    static bool parseSize(QStringView text, int *bytes);
    /// "16k" when a whole number of KiB, else the number.
    static QString sizeText(int bytes);
};

}  // namespace Balancier
