#pragma once

#include "stats/statssnapshot.h"

#include <QJsonObject>

namespace Balancier {

/// The JSON form of a snapshot, as /api/v1/status and the event stream
/// send it and the desktop app reads it back. Field names are camelCase.
/// Thread contract: stateless.
QJsonObject statsToJson(const StatsSnapshot &snapshot);
StatsSnapshot statsFromJson(const QJsonObject &object);

}  // namespace Balancier
