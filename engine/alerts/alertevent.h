#pragma once

#include "config/config.h"

#include <QDateTime>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QVariantMap>

namespace Balancier {

/// One thing an <alert> may be told about: a host state change ("host"), a
/// group that lost its last live host or got one back ("group"), an applied
/// config ("config"), a certificate near its expiry ("cert-expiry", kind
/// cert). A plain value.
///
/// Thread contract: a value; made and read in the control thread.
struct AlertEvent
{
    AlertConfig::Kind kind = AlertConfig::Host;
    QString name;  ///< "host", "group", "config", "cert-expiry"
    QString service;  ///< empty when the event has none (config)
    QString group;  ///< empty when the event has none (config, cert-expiry)
    QDateTime when;  ///< UTC
    /// The event's own fields (host, state, reason, version, changes,
    /// listener, subject, notAfter, daysLeft ...), as in the JSON body.
    QVariantMap fields;

    /// A one-line English summary, e.g. "host web/prod/a is down: connection refused".
    QString summary() const;
    /// The JSON body of format="json": {"event", "time", "service", "group", "summary", ...fields}.
    QJsonObject toJson() const;
    /// The body of format="slack": {"text": summary with the balancer's name}.
    QJsonObject toSlack() const;
    /// BALANCIER_EVENT_KIND, _NAME, _SERVICE, _GROUP, _TIME, _SUMMARY, _JSON
    /// and one BALANCIER_EVENT_<FIELD> per field (upper case), added to `base`.
    QProcessEnvironment environment(const QProcessEnvironment &base) const;
};

}  // namespace Balancier
