#pragma once

#include "client/connectionprofile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace Balancier {

/// The desktop app's own preferences, in QSettings: language, refresh rate,
/// notifications, recent files, saved connection profiles (without
/// passwords) and the window's geometry and layout. The balancer's config
/// is not here: it is the XML file.
///
/// Thread contract: GUI thread.
class Preferences final
{
public:
    /// The user's settings (organization "Balancier", application "balancier"),
    /// or an INI file at `iniPath` (tests).
    explicit Preferences(const QString &iniPath = {});
    ~Preferences();
    Q_DISABLE_COPY_MOVE(Preferences)

    /// "" follows the system; otherwise "de", "fr", "es", "en".
    QString language() const;
    void setLanguage(const QString &language);
    /// Dashboard updates per second, 2..10.
    int refreshRate() const;
    void setRefreshRate(int hertz);
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);

    QStringList recentFiles() const;
    /// Puts `path` first; keeps at most MaxRecentFiles.
    void addRecentFile(const QString &path);
    void clearRecentFiles();
    static constexpr int MaxRecentFiles = 8;

    QList<ConnectionProfile> profiles() const;
    void setProfiles(const QList<ConnectionProfile> &profiles);
    /// Adds or replaces (by name) one profile.
    void saveProfile(const ConnectionProfile &profile);
    void removeProfile(const QString &name);
    /// Saved fleets (named sets of profiles), in the order saved.
    QList<FleetProfile> fleets() const;
    void setFleets(const QList<FleetProfile> &fleets);
    /// Adds or replaces (by name) one fleet.
    void saveFleet(const FleetProfile &fleet);
    void removeFleet(const QString &name);
    QString lastProfile() const;
    void setLastProfile(const QString &name);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    QByteArray dashboardHeader() const;
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state, const QByteArray &header);

    void sync();
    QSettings &settings() const { return *m_settings; }

private:
    std::unique_ptr<QSettings> m_settings;
};

}  // namespace Balancier
