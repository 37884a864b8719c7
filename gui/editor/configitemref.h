#pragma once

#include <QMetaType>
#include <QString>

namespace Balancier {

/// Names one item of a config in the editor: a service, one of its
/// listeners or groups, a host, an admin user, or the settings / admin areas.
/// Items are named, not indexed, like ConfigDocument::update() matches them.
struct ConfigItemRef
{
    enum class Kind
    {
        None,
        Settings,
        Admin,
        User,
        Service,
        Listener,
        Group,
        Host,
        Alerts,  ///< the config's <alert> list
    };

    Kind kind = Kind::None;
    QString service;  ///< Service, Listener, Group, Host
    QString group;  ///< Group, Host
    QString name;  ///< Host and User name, Listener address

    bool isValid() const { return kind != Kind::None; }
    friend bool operator==(const ConfigItemRef &, const ConfigItemRef &) = default;
};

}  // namespace Balancier

Q_DECLARE_METATYPE(Balancier::ConfigItemRef)
