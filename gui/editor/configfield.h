#pragma once

#include "config/config.h"
#include "configitemref.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

namespace Balancier {

/// One editable property of a config item, as the editor's form shows it:
/// how to read it from a Config, how to write it back, and how to check a
/// value while the user types. `key` is the XML attribute (with its
/// element where it is ambiguous, "health.interval"), so that a located
/// diagnostic can be shown next to its field.
struct ConfigField
{
    enum class Type
    {
        Text,
        Integer,
        Duration,  ///< text such as "30s"; parseDuration()
        Boolean,
        Choice,
        Password,  ///< write-only: a new password is hashed when set
        RuleList,  ///< an ordered list of "allow|deny CIDR,..." (AclRulesEditor); the value is a QStringList
        /// an ordered list of "sni=... alpn=... -> G" / "plain -> G" (RoutesEditor); a QStringList;
        /// dynamicChoices gives the groups
        RouteList,
        /// the <alert> list (AlertsEditor); a QStringList of `<alert .../>` element texts
        AlertList,
    };

    QString key;
    QString label;
    Type type = Type::Text;
    QString help;
    QString placeholder;  ///< shown in an empty text field
    int minimum = 0;
    int maximum = 0;
    QStringList choices;  ///< values of a Choice
    QStringList choiceLabels;  ///< what the user sees; `choices` when empty
    /// Choices that depend on the config (a service's groups).
    std::function<QStringList(const Config &, const ConfigItemRef &)> dynamicChoices;
    std::function<QVariant(const Config &, const ConfigItemRef &)> get;
    /// Writes `value`; updates `ref` when the item is renamed.
    std::function<void(Config &, ConfigItemRef &, const QVariant &)> set;
    /// An error message for `value`, or empty when it may be written.
    std::function<QString(const Config &, const ConfigItemRef &, const QVariant &)> check;
    /// Whether the form shows the field for this item now (the Maglev
    /// options only for a "maglev" group); always when unset.
    std::function<bool(const Config &, const ConfigItemRef &)> visible;
};

/// The fields of each kind of item.
/// Thread contract: stateless (the lists are built on each call, translated).
class ConfigFields final
{
    Q_DECLARE_TR_FUNCTIONS(ConfigFields)

public:
    ConfigFields() = delete;

    static QList<ConfigField> forKind(ConfigItemRef::Kind kind);

    // Lookups shared by the fields and the editor; nullptr when missing.
    static ServiceConfig *service(Config &config, const ConfigItemRef &ref);
    static GroupConfig *group(Config &config, const ConfigItemRef &ref);
    static HostConfig *host(Config &config, const ConfigItemRef &ref);
    static AdminUser *user(Config &config, const ConfigItemRef &ref);
};

}  // namespace Balancier
