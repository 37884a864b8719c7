#pragma once

#include "configdiff.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Balancier {

/// ConfigChange on the wire (admin API replies, the SSE "config" event, the
/// desktop app's remote client). Each change is one object:
///   {"kind": "hostChanged", "service": "web", "group": "prod", "name": "a",
///    "fields": ["weight"], "before": "1", "after": "2",
///    "text": "service web: group prod: host a: weight 1 -> 2"}
/// `kind` is a stable name per ConfigChange::Kind (configChangeKindName);
/// empty members are left out; `text` is the English description() for
/// scripts and old clients and is ignored when reading.
///
/// Thread contract: pure functions, callable from any thread.

/// The stable wire name of a kind, e.g. "hostAdded".
QString configChangeKindName(ConfigChange::Kind kind);

/// The kind for a wire name; false when the name is unknown.
bool configChangeKindFromName(const QString &name, ConfigChange::Kind *kind);

QJsonObject configChangeToJson(const ConfigChange &change);
QJsonArray configChangesToJson(const QList<ConfigChange> &changes);

/// Reads changes written by configChangesToJson. On a bad element (not an
/// object, missing or unknown kind, wrong member type) returns what was read
/// before it and sets *error (when given) to say which element and why.
QList<ConfigChange> configChangesFromJson(const QJsonArray &array, QString *error = nullptr);

}  // namespace Balancier
