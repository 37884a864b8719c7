#include "statestyle.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace Balancier {

QString StateStyle::displayName(const QString &state)
{
    if (state == "up"_L1)
        return QCoreApplication::translate("StateStyle", "up");
    if (state == "down"_L1)
        return QCoreApplication::translate("StateStyle", "down");
    if (state == "draining"_L1)
        return QCoreApplication::translate("StateStyle", "draining");
    if (state == "maintenance"_L1)
        return QCoreApplication::translate("StateStyle", "maintenance");
    if (state == "ready"_L1)
        return QCoreApplication::translate("StateStyle", "ready");
    if (state == "removed"_L1)
        return QCoreApplication::translate("StateStyle", "removed");
    return state;
}

namespace {

QHash<QString, QIcon> &iconCache()
{
    static QHash<QString, QIcon> cache;
    return cache;
}

void clearIconCache()
{
    iconCache().clear();
}

}  // namespace

QIcon StateStyle::loadIcon(const QString &name, const QColor &fallback)
{
    QHash<QString, QIcon> &cache = iconCache();
    if (cache.isEmpty()) {
        // Pixmaps must go while the application (and its platform) still exists.
        qAddPostRoutine(clearIconCache);
    }
    const auto found = cache.constFind(name);
    if (found != cache.constEnd())
        return *found;
    const QString path = u":/icons/"_s + name + u".svg"_s;
    QIcon icon(path);
    // Without Qt's SVG plugins the icon is empty: paint a plain marker instead.
    if (icon.availableSizes().isEmpty() && icon.pixmap(16, 16).isNull()) {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(fallback);
        painter.setPen(fallback.darker(150));
        painter.drawEllipse(QRectF(1.5, 1.5, 13, 13));
        painter.end();
        icon = QIcon(pixmap);
    }
    cache.insert(name, icon);
    return icon;
}

QIcon StateStyle::icon(const QString &state)
{
    if (state == "up"_L1 || state == "ready"_L1)
        return loadIcon(u"host-up"_s, QColor(0x2e, 0x9e, 0x44));
    if (state == "down"_L1 || state == "removed"_L1)
        return loadIcon(u"host-down"_s, QColor(0xd6, 0x2f, 0x2f));
    if (state == "draining"_L1)
        return loadIcon(u"host-draining"_s, QColor(0xe8, 0x9b, 0x12));
    if (state == "maintenance"_L1)
        return loadIcon(u"host-maintenance"_s, QColor(0x5b, 0x6f, 0x8f));
    return {};
}

QColor StateStyle::color(const QString &state, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (state == "up"_L1 || state == "ready"_L1)
        return dark ? QColor(0x7f, 0xd6, 0x7f) : QColor(0x1d, 0x7a, 0x32);
    if (state == "down"_L1 || state == "removed"_L1)
        return dark ? QColor(0xff, 0x7b, 0x7b) : QColor(0xb3, 0x1d, 0x1d);
    if (state == "draining"_L1)
        return dark ? QColor(0xff, 0xc2, 0x4d) : QColor(0x9c, 0x5f, 0x00);
    if (state == "maintenance"_L1)
        return dark ? QColor(0xa8, 0xb8, 0xd8) : QColor(0x3a, 0x4d, 0x70);
    return palette.color(QPalette::Text);
}

QIcon StateStyle::appIcon()
{
    return loadIcon(u"balancier"_s, QColor(0x2b, 0x57, 0x97));
}

QIcon StateStyle::trayIcon(int severity)
{
    if (severity <= 0)
        return loadIcon(u"tray-ok"_s, QColor(0x7f, 0xd6, 0x7f));
    if (severity == 1)
        return loadIcon(u"tray-warning"_s, QColor(0xf0, 0xb4, 0x29));
    return loadIcon(u"tray-error"_s, QColor(0xff, 0x5a, 0x5a));
}

}  // namespace Balancier
