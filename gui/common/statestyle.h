#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

class QPalette;

namespace Balancier {

/// How a host state looks: its translated name, its icon and its colour.
/// States are the engine's names: "up", "down", "draining", "maintenance"
/// (and, in a history, "ready" and "removed").
///
/// Colours are chosen against the palette's base colour so that they read
/// on light and dark palettes alike.
///
/// Thread contract: GUI thread (icons and pixmaps).
class StateStyle final
{
public:
    StateStyle() = delete;

    static QString displayName(const QString &state);
    static QIcon icon(const QString &state);
    static QColor color(const QString &state, const QPalette &palette);
    /// The application icon.
    static QIcon appIcon();
    /// Tray icons: 0 every host up, 1 some down, 2 a service without hosts or no connection.
    static QIcon trayIcon(int severity);

private:
    static QIcon loadIcon(const QString &name, const QColor &fallback);
};

}  // namespace Balancier
