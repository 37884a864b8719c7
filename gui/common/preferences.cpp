#include "preferences.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Balancier {

Preferences::Preferences(const QString &iniPath)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>(u"Balancier"_s, u"balancier"_s)
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{ }

Preferences::~Preferences() = default;

QString Preferences::language() const
{
    return m_settings->value("language"_L1).toString();
}

void Preferences::setLanguage(const QString &language)
{
    m_settings->setValue("language"_L1, language);
}

int Preferences::refreshRate() const
{
    return qBound(2, m_settings->value("refreshRate"_L1, 2).toInt(), 10);
}

void Preferences::setRefreshRate(int hertz)
{
    m_settings->setValue("refreshRate"_L1, qBound(2, hertz, 10));
}

bool Preferences::notificationsEnabled() const
{
    return m_settings->value("notifications"_L1, true).toBool();
}

void Preferences::setNotificationsEnabled(bool enabled)
{
    m_settings->setValue("notifications"_L1, enabled);
}

QStringList Preferences::recentFiles() const
{
    return m_settings->value("recentFiles"_L1).toStringList();
}

void Preferences::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    m_settings->setValue("recentFiles"_L1, files.mid(0, MaxRecentFiles));
}

void Preferences::clearRecentFiles()
{
    m_settings->remove("recentFiles"_L1);
}

QList<ConnectionProfile> Preferences::profiles() const
{
    QList<ConnectionProfile> list;
    const int count = m_settings->beginReadArray("profiles"_L1);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile profile;
        profile.name = m_settings->value("name"_L1).toString();
        profile.kind = m_settings->value("kind"_L1).toString() == "local"_L1
            ? ConnectionProfile::Kind::Local
            : ConnectionProfile::Kind::Remote;
        profile.configPath = m_settings->value("configPath"_L1).toString();
        profile.url = m_settings->value("url"_L1).toString();
        profile.user = m_settings->value("user"_L1).toString();
        profile.trustedCertificate = m_settings->value("trustedCertificate"_L1).toByteArray();
        if (profile.isValid())
            list.append(profile);
    }
    m_settings->endArray();
    return list;
}

void Preferences::setProfiles(const QList<ConnectionProfile> &profiles)
{
    m_settings->remove("profiles"_L1);
    m_settings->beginWriteArray("profiles"_L1, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &profile = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue("name"_L1, profile.name);
        m_settings->setValue(
            "kind"_L1, profile.kind == ConnectionProfile::Kind::Local ? u"local"_s : u"remote"_s);
        m_settings->setValue("configPath"_L1, profile.configPath);
        m_settings->setValue("url"_L1, profile.url);
        m_settings->setValue("user"_L1, profile.user);
        m_settings->setValue("trustedCertificate"_L1, profile.trustedCertificate);
        // Deliberately no password: it is asked for on every connect.
    }
    m_settings->endArray();
}

void Preferences::saveProfile(const ConnectionProfile &profile)
{
    QList<ConnectionProfile> list = profiles();
    bool replaced = false;
    for (ConnectionProfile &existing : list) {
        if (existing.name == profile.name) {
            existing = profile;
            replaced = true;
        }
    }
    if (!replaced)
        list.append(profile);
    setProfiles(list);
}

void Preferences::removeProfile(const QString &name)
{
    QList<ConnectionProfile> list = profiles();
    list.removeIf([&name](const ConnectionProfile &profile) { return profile.name == name; });
    setProfiles(list);
}

QList<FleetProfile> Preferences::fleets() const
{
    QList<FleetProfile> list;
    const int count = m_settings->beginReadArray("fleets"_L1);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        FleetProfile fleet;
        fleet.name = m_settings->value("name"_L1).toString();
        fleet.nodes = m_settings->value("nodes"_L1).toStringList();
        if (fleet.isValid())
            list.append(fleet);
    }
    m_settings->endArray();
    return list;
}

void Preferences::setFleets(const QList<FleetProfile> &list)
{
    m_settings->remove("fleets"_L1);
    m_settings->beginWriteArray("fleets"_L1, int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue("name"_L1, list.at(i).name);
        m_settings->setValue("nodes"_L1, list.at(i).nodes);
    }
    m_settings->endArray();
}

void Preferences::saveFleet(const FleetProfile &fleet)
{
    QList<FleetProfile> list = fleets();
    list.removeIf([&fleet](const FleetProfile &existing) { return existing.name == fleet.name; });
    list.append(fleet);
    setFleets(list);
}

void Preferences::removeFleet(const QString &name)
{
    QList<FleetProfile> list = fleets();
    list.removeIf([&name](const FleetProfile &fleet) { return fleet.name == name; });
    setFleets(list);
}

QString Preferences::lastProfile() const
{
    return m_settings->value("lastProfile"_L1).toString();
}

void Preferences::setLastProfile(const QString &name)
{
    m_settings->setValue("lastProfile"_L1, name);
}

QByteArray Preferences::windowGeometry() const
{
    return m_settings->value("window/geometry"_L1).toByteArray();
}

QByteArray Preferences::windowState() const
{
    return m_settings->value("window/state"_L1).toByteArray();
}

QByteArray Preferences::dashboardHeader() const
{
    return m_settings->value("window/dashboardHeader"_L1).toByteArray();
}

void Preferences::setWindowLayout(
    const QByteArray &geometry, const QByteArray &state, const QByteArray &header)
{
    m_settings->setValue("window/geometry"_L1, geometry);
    m_settings->setValue("window/state"_L1, state);
    m_settings->setValue("window/dashboardHeader"_L1, header);
}

void Preferences::sync()
{
    m_settings->sync();
}

}  // namespace Balancier
