#include "traynotifier.h"

#include "statestyle.h"

#include <QMenu>
#include <QSystemTrayIcon>

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

void TrayNotifier::updateHealth(const StatsSnapshot &snapshot, bool connected)
{
    const int level = connected ? severity(snapshot) : 2;
    m_tray->setIcon(StateStyle::trayIcon(level));
    QString tip;
    if (!connected)
        tip = tr("Balancier: not connected");
    else if (level == 0)
        tip = tr("Balancier: all hosts up");
    else if (level == 1)
        tip = tr("Balancier: some hosts are down");
    else
        tip = tr("Balancier: a service has no host up");
    m_tray->setToolTip(tip);
}

void TrayNotifier::handleHostStateChanged(const HostRef &host, const HostStateEvent &event)
{
    const QString name = host.service + u'/' + host.group + u'/' + host.host;
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

void TrayNotifier::flush()
{
    if (m_enabled && !m_down.isEmpty())
        m_tray->showMessage(
            tr("%n host(s) down", nullptr, int(m_down.size())), m_down.join(u'\n'), QSystemTrayIcon::Warning);
    if (m_enabled && !m_back.isEmpty())
        m_tray->showMessage(tr("%n host(s) back up", nullptr, int(m_back.size())), m_back.join(u'\n'),
            QSystemTrayIcon::Information);
    m_down.clear();
    m_back.clear();
}

}  // namespace Balancier
