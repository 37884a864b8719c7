#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Balancier {

/// A scheduler's name, its legacy aliases and a one-line description.
struct SchedulerInfo
{
    QString name;
    QStringList aliases;
    QString description;
};

/// The schedulers a config may name. The same list feeds validation, the
/// admin API and the GUI's choices; SchedulerFactory (scheduling/) builds
/// one for each name. A constant table, not a service.
///
/// Thread contract: every function may be called from any thread.
class SchedulerRegistry final
{
public:
    static const QList<SchedulerInfo> &all();
    /// Canonical name for a name or alias ("roundr" -> "roundrobin"); empty if unknown.
    static QString canonicalName(QStringView nameOrAlias);
};

}  // namespace Balancier
