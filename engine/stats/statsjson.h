#pragma once

#include "stats/statssnapshot.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Balancier {

/// The JSON form of a snapshot, as /api/v1/status and the event stream
/// send it and the desktop app reads it back. Field names are camelCase.
/// Thread contract: stateless.
QJsonObject statsToJson(const StatsSnapshot &snapshot);
StatsSnapshot statsFromJson(const QJsonObject &object);
/// The terminating listeners of a service as the API shows them (the
/// service's "tlsListeners", GET /api/v1/services/{s}/listeners).
QJsonArray tlsListenersToJson(const QList<TlsListenerStats> &listeners);
QList<TlsListenerStats> tlsListenersFromJson(const QJsonArray &array);

}  // namespace Balancier
