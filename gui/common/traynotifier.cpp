#include "traynotifier.h"

#include "statestyle.h"

#include <QMenu>
#include <QSystemTrayIcon>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

TrayNotifier::TrayNotifier(QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(StateStyle::trayIcon(2), this))
{
    m_tray->setContextMenu(menu);
    m_tray->setToolTip(tr("Balancier"));
    m_tray->show();
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });
    m_batch.setSingleShot(true);
    m_batch.setInterval(1500);
    connect(&m_batch, &QTimer::timeout, this, &TrayNotifier::flush);
}

TrayNotifier::~TrayNotifier() = default;

int TrayNotifier::severity(const StatsSnapshot &snapshot)
{
    int worst = 0;
    for (const ServiceStats &service : snapshot.services) {
        if (service.aggressive)
            return 2;
        for (const GroupStats &group : service.groups) {
            if (!group.enabled)
                continue;
            for (const HostStats &host : group.hosts) {
                if (host.state == "down"_L1)
                    worst = 1;
            }
        }
    }
    return worst;
}

QStringList TrayNotifier::groupsAllDown(const StatsSnapshot &snapshot)
{
    QStringList groups;
    for (const ServiceStats &service : snapshot.services) {
        for (const GroupStats &group : service.groups) {
            if (!group.enabled || group.hosts.isEmpty())
                continue;
            const bool allDown = std::all_of(group.hosts.cbegin(), group.hosts.cend(),
                [](const HostStats &host) { return host.state == "down"_L1; });
            if (allDown)
                groups.append(service.name + u'/' + group.name);
        }
    }
    return groups;
}

void TrayNotifier::updateHealth(const StatsSnapshot &snapshot, bool connected)
{
    setHealth(connected ? severity(snapshot) : 2, connected);
}

void TrayNotifier::setHealth(int level, bool connected)
{
    level = connected ? qBound(0, level, 3) : 2;
    // Snapshots come up to ten times a second; a tray icon update can be a
    // D-Bus round trip, so only a change is passed on.
    if (level == m_level && connected == m_connected)
        return;
    m_level = level;
    m_connected = connected;
    m_tray->setIcon(StateStyle::trayIcon(qMin(level, 2)));
    QString tip;
    if (!connected)
        tip = tr("Balancier: not connected");
    else if (level == 0)
        tip = tr("Balancier: all hosts up");
    else if (level == 1)
        tip = tr("Balancier: some hosts are down");
    else if (level == 2)
        tip = tr("Balancier: a service has no host up");
    else
        tip = tr("Balancier: a connection is lost");
    m_tray->setToolTip(tip);
}

void TrayNotifier::handleHostStateChanged(const HostRef &host, const HostStateEvent &event)
{
    handleSourceHostStateChanged({}, host, event);
}

void TrayNotifier::handleSourceHostStateChanged(
    const QString &source, const HostRef &host, const HostStateEvent &event)
{
    const QString name = (source.isEmpty() ? QString() : source + u": "_s) + host.service + u'/' + host.group
        + u'/' + host.host;
    if (event.state == "down"_L1) {
        m_back.removeAll(name);
        if (!m_down.contains(name))
            m_down.append(name);
    } else if (event.state == "up"_L1) {
        if (!m_down.removeAll(name))
            m_back.append(name);
    } else {
        return;
    }
    if (!m_batch.isActive())
        m_batch.start();
}

void TrayNotifier::handleSnapshot(const QString &source, const StatsSnapshot &snapshot)
{
    const QStringList now = groupsAllDown(snapshot);
    const auto known = m_allDown.constFind(source);
    // The first snapshot of a source sets the baseline: a group that was
    // already down when the connection opened is shown by the icon, not
    // announced as news.
    if (known != m_allDown.cend()) {
        const QString prefix = source.isEmpty() ? QString() : source + u": "_s;
        for (const QString &group : now) {
            if (!known->contains(group)) {
                m_groupsBack.removeAll(prefix + group);
                m_groupsDown.append(prefix + group);
            }
        }
        for (const QString &group : *known) {
            if (!now.contains(group)) {
                if (!m_groupsDown.removeAll(prefix + group))
                    m_groupsBack.append(prefix + group);
            }
        }
        if ((!m_groupsDown.isEmpty() || !m_groupsBack.isEmpty()) && !m_batch.isActive())
            m_batch.start();
    }
    m_allDown.insert(source, now);
}

void TrayNotifier::forgetSource(const QString &source)
{
    m_allDown.remove(source);
}

void TrayNotifier::notify(const QString &title, const QString &message, bool warning)
{
    if (!m_enabled)
        return;
    m_tray->showMessage(title, message, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    Q_EMIT notified(title, message);
}

void TrayNotifier::flush()
{
    // The worst news first: a group with no host left serves nothing.
    if (!m_groupsDown.isEmpty())
        notify(tr("Every host down in %n group(s)", nullptr, int(m_groupsDown.size())),
            m_groupsDown.join(u'\n'), true);
    if (!m_down.isEmpty())
        notify(tr("%n host(s) down", nullptr, int(m_down.size())), m_down.join(u'\n'), true);
    if (!m_back.isEmpty())
        notify(tr("%n host(s) back up", nullptr, int(m_back.size())), m_back.join(u'\n'), false);
    if (!m_groupsBack.isEmpty())
        notify(tr("%n group(s) serving again", nullptr, int(m_groupsBack.size())), m_groupsBack.join(u'\n'),
            false);
    m_down.clear();
    m_back.clear();
    m_groupsDown.clear();
    m_groupsBack.clear();
}

}  // namespace Balancier
