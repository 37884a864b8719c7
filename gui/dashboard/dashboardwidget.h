#pragma once

#include "client/balancerclient.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QTimer;
class QLineEdit;
class QTableView;
class QTreeView;

namespace Balancier {

class DashboardModel;
class HostFilterProxyModel;
class HostHistoryModel;
class TimelineStrip;
class TrafficGraph;
class TrafficHistory;

/// The dashboard page: the live tree of services, groups and hosts with
/// sorting and filtering, the host actions (toolbar, context menu, keyboard;
/// on every selected host at once), the selected item's traffic graph (all
/// services' totals until something is selected) and the selected host's
/// timeline.
///
/// Thread contract: GUI thread.
class DashboardWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardWidget)

public:
    explicit DashboardWidget(QWidget *parent = nullptr);
    ~DashboardWidget() override;

    /// The balancer to show and steer; nullptr empties the page. Not owned.
    void setClient(BalancerClient *client);

    /// Drain, maintenance, ready, weight, retry, remove, probe: for the toolbar and menus.
    QList<QAction *> hostActions() const { return m_hostActions; }
    /// The selected hosts (a selected group or service stands for its hosts).
    QList<HostRef> selectedHosts() const;

    DashboardModel *model() const { return m_model; }
    HostFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    HostHistoryModel *historyModel() const { return m_history; }
    TrafficHistory *traffic() const { return m_traffic; }
    TrafficGraph *graph() const { return m_graph; }
    QAction *probeAction() const { return m_probe; }
    QAction *guidedDrainAction() const { return m_drainGuided; }
    /// Focuses the filter field.
    void focusFilter();
    /// Selects a host (now, or as soon as a snapshot shows it) and shows its history.
    void selectHost(const HostRef &host);

    void saveState(QByteArray *header) const;
    void restoreState(const QByteArray &header);

public Q_SLOTS:
    /// Runs `action` on every selected host; `value` is the weight for SetWeight.
    void runHostAction(Balancier::HostAction action, int value = 0);
    /// Runs `action` on `hosts`. A Remove that the balancer refuses for a
    /// last live host (a conflict) asks, in a window-modal box named
    /// "forceRemoveBox", whether to remove those hosts anyway.
    void runHostActionOn(const QList<Balancier::HostRef> &hosts, Balancier::HostAction action, int value = 0);
    /// Measures the connect time to every selected host's address, from this computer.
    void probeSelected();

Q_SIGNALS:
    /// A short outcome for the status bar.
    void statusMessage(const QString &message);
    /// A line for the log (probe results); `failed` marks a failure.
    void logMessage(const QString &message, bool failed);

private:
    void handleSnapshot(const StatsSnapshot &snapshot);
    void handleHostStateChanged(const HostRef &host, const HostStateEvent &event);
    void handleCurrentChanged();
    /// Points the graph at `ref`'s service, group or host; with none, at all services.
    void showTrafficOf(const HostRef &ref);
    void updateActions();
    /// Asks the balancer for its VRRP role (GET /api/v1/health) and shows it.
    void refreshRole();
    void showContextMenu(const QPoint &position);
    void askWeight();
    void askRemove();
    /// Opens the drain dialog (deadline, then) for the selected hosts.
    void askGuidedDrain();
    void askForceRemove(const QList<Balancier::HostRef> &hosts, const QStringList &reasons);
    QAction *addHostAction(
        const QString &text, const QString &iconName, const QKeySequence &shortcut, const QString &toolTip);

    QPointer<BalancerClient> m_client;
    DashboardModel *m_model;
    HostFilterProxyModel *m_proxy;
    HostHistoryModel *m_history;
    TrafficHistory *m_traffic;
    TrafficGraph *m_graph;
    QTreeView *m_view;
    QLineEdit *m_filter;
    QCheckBox *m_problemsOnly;
    QLabel *m_timelineTitle;
    QLabel *m_role;  // the node's VRRP role; hidden while unknown
    QTimer *m_roleTimer;
    TimelineStrip *m_timeline;
    QTableView *m_historyView;
    HostRef m_currentHost;
    HostRef m_pendingSelection;
    bool m_expandedOnce = false;
    QList<QAction *> m_hostActions;
    QAction *m_drain = nullptr;
    QAction *m_drainGuided = nullptr;  // issue 16: the drain dialog
    QAction *m_maintenance = nullptr;
    QAction *m_ready = nullptr;
    QAction *m_weight = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_probe = nullptr;
};

}  // namespace Balancier
