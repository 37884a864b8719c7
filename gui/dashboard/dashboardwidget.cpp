#include "dashboardwidget.h"

#include "addressprobe.h"
#include "common/statestyle.h"
#include "connectionbardelegate.h"
#include "dashboardmodel.h"
#include "hostdraindialog.h"
#include "hostfilterproxymodel.h"
#include "hosthistorymodel.h"
#include "timelinestrip.h"
#include "trafficgraph.h"
#include "traffichistory.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace Balancier {

DashboardWidget::DashboardWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new DashboardModel(this))
    , m_proxy(new HostFilterProxyModel(this))
    , m_history(new HostHistoryModel(this))
    , m_traffic(new TrafficHistory(this))
    , m_graph(new TrafficGraph(this))
    , m_view(new QTreeView(this))
    , m_filter(new QLineEdit(this))
    , m_problemsOnly(new QCheckBox(tr("&Problems only"), this))
    , m_timelineTitle(new QLabel(this))
    , m_role(new QLabel(this))
    , m_roleTimer(new QTimer(this))
    , m_timeline(new TimelineStrip(this))
    , m_historyView(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setObjectName(u"dashboardView"_s);
    m_view->setAccessibleName(tr("Services, groups and hosts"));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DashboardModel::NameColumn, Qt::AscendingOrder);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegateForColumn(DashboardModel::ActiveColumn, new ConnectionBarDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(DashboardModel::StateColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(DashboardModel::NameColumn, 180);

    m_filter->setPlaceholderText(tr("Filter by name or state (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &HostFilterProxyModel::setFilterText);
    connect(m_problemsOnly, &QCheckBox::toggled, m_proxy, &HostFilterProxyModel::setProblemsOnly);

    m_historyView->setModel(m_history);
    m_historyView->setAccessibleName(tr("State history of the selected host"));
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->horizontalHeader()->setSectionResizeMode(
        HostHistoryModel::WhenColumn, QHeaderView::ResizeToContents);
    m_historyView->horizontalHeader()->setSectionResizeMode(
        HostHistoryModel::StateColumn, QHeaderView::ResizeToContents);
    m_historyView->setWordWrap(false);
    m_historyView->verticalHeader()->hide();
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *filterRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("F&ilter:"), this);
    filterLabel->setBuddy(m_filter);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_problemsOnly);
    m_role->setObjectName(u"roleLabel"_s);
    m_role->hide();
    filterRow->addWidget(m_role);
    m_roleTimer->setInterval(5000);
    connect(m_roleTimer, &QTimer::timeout, this, &DashboardWidget::refreshRole);

    auto *timelinePanel = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timelinePanel);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addWidget(m_timelineTitle);
    timelineLayout->addWidget(m_timeline);
    timelineLayout->addWidget(m_historyView, 1);
    m_timelineTitle->setText(tr("Select a host to see its history."));

    m_graph->setSource(m_traffic, {}, {});
    auto *details = new QSplitter(Qt::Horizontal, this);
    details->setObjectName(u"detailsSplitter"_s);
    details->addWidget(m_graph);
    details->addWidget(timelinePanel);
    details->setStretchFactor(0, 2);
    details->setStretchFactor(1, 3);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"dashboardSplitter"_s);
    splitter->addWidget(m_view);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    m_drain = addHostAction(tr("&Drain"), u"host-draining"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
        tr("Send no new connections to the selected hosts; open ones finish"));
    m_drainGuided = addHostAction(tr("Drain with &Deadline…"), u"host-draining"_s,
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
        tr("Drain the selected hosts with a deadline, then remove them or set them to maintenance"));
    m_maintenance = addHostAction(tr("&Maintenance"), u"host-maintenance"_s,
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), tr("Take the selected hosts out of rotation"));
    m_ready = addHostAction(tr("&Ready"), u"host-up"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        tr("Put the selected hosts back into rotation"));
    m_weight = addHostAction(tr("Set &Weight…"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
        tr("Change the weight of the selected hosts"));
    m_retry = addHostAction(tr("Re&try Now"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
        tr("Probe the selected down hosts now"));
    m_probe = addHostAction(tr("&Probe Address"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
        tr("Measure the connect time to the selected hosts' addresses from this computer"));
    m_remove = addHostAction(tr("Remo&ve…"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete),
        tr("Remove the selected hosts from the running config (they drain)"));
    connect(m_drain, &QAction::triggered, this, [this] { runHostAction(HostAction::Drain); });
    connect(m_maintenance, &QAction::triggered, this, [this] { runHostAction(HostAction::Maintenance); });
    connect(m_ready, &QAction::triggered, this, [this] { runHostAction(HostAction::Ready); });
    connect(m_retry, &QAction::triggered, this, [this] { runHostAction(HostAction::Retry); });
    connect(m_weight, &QAction::triggered, this, &DashboardWidget::askWeight);
    connect(m_probe, &QAction::triggered, this, &DashboardWidget::probeSelected);
    connect(m_remove, &QAction::triggered, this, &DashboardWidget::askRemove);
    connect(m_drainGuided, &QAction::triggered, this, &DashboardWidget::askGuidedDrain);

    connect(m_view, &QWidget::customContextMenuRequested, this, &DashboardWidget::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &DashboardWidget::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &DashboardWidget::handleCurrentChanged);
    // Expand what appears, so that new services and groups show their hosts.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &under, int first, int last) {
            for (int row = first; row <= last; ++row)
                m_view->expand(m_proxy->index(row, 0, under));
        });
    // Tab goes through the page top to bottom, left to right.
    setTabOrder(m_filter, m_problemsOnly);
    setTabOrder(m_problemsOnly, m_view);
    setTabOrder(m_view, m_graph);
    setTabOrder(m_graph, m_timeline);
    setTabOrder(m_timeline, m_historyView);
    updateActions();
}

DashboardWidget::~DashboardWidget()
{
    // The view and models outlive this class's part of the object.
    m_view->selectionModel()->disconnect(this);
    m_proxy->disconnect(this);
    if (m_client)
        m_client->disconnect(this);
}

QAction *DashboardWidget::addHostAction(
    const QString &text, const QString &iconName, const QKeySequence &shortcut, const QString &toolTip)
{
    auto *action = new QAction(text, this);
    if (!iconName.isEmpty())
        action->setIcon(StateStyle::icon(iconName == "host-up"_L1 ? u"up"_s
                : iconName == "host-draining"_L1                  ? u"draining"_s
                                                                  : u"maintenance"_s));
    action->setShortcut(shortcut);
    action->setToolTip(toolTip + u" ("_s + shortcut.toString(QKeySequence::NativeText) + u')');
    action->setStatusTip(toolTip);
    m_hostActions.append(action);
    addAction(action);
    return action;
}

void DashboardWidget::setClient(BalancerClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_model->clear();
    m_history->setHistory({});
    m_timeline->setHistory({});
    m_traffic->clear();
    m_currentHost = {};
    m_expandedOnce = false;
    if (client) {
        connect(client, &BalancerClient::snapshotReceived, this, &DashboardWidget::handleSnapshot);
        connect(client, &BalancerClient::hostStateChanged, this, &DashboardWidget::handleHostStateChanged);
        connect(client, &BalancerClient::stateChanged, this, &DashboardWidget::updateActions);
        connect(client, &BalancerClient::stateChanged, this, &DashboardWidget::refreshRole);
        if (!client->snapshot().services.isEmpty())
            handleSnapshot(client->snapshot());
    }
    refreshRole();
    showTrafficOf(m_view->currentIndex().data(DashboardModel::HostRefRole).value<HostRef>());
    updateActions();
}

void DashboardWidget::refreshRole()
{
    const bool connected = m_client && m_client->state() == BalancerClient::State::Connected;
    if (!connected) {
        m_roleTimer->stop();
        m_role->hide();
        return;
    }
    if (!m_roleTimer->isActive())
        m_roleTimer->start();
    const QPointer<BalancerClient> asked = m_client;
    m_client->fetchHealth(this, [this, asked](const ClientReply &reply) {
        if (asked != m_client || !reply.ok)
            return;
        const bool known = reply.health.known && reply.health.role != NodeHealth::Role::Unknown;
        m_role->setText(tr("VRRP role: %1").arg(NodeHealth::roleName(reply.health.role)));
        m_role->setVisible(known);
    });
}

void DashboardWidget::showTrafficOf(const HostRef &ref)
{
    // With nothing selected, the whole balancer: a blank graph would look broken.
    if (ref.service.isEmpty())
        m_graph->setSource(m_traffic, m_client ? TrafficHistory::totalKey() : QString(),
            m_client ? tr("All services") : QString());
    else if (ref.group.isEmpty())
        m_graph->setSource(m_traffic, TrafficHistory::key(ref), tr("Service %1").arg(ref.service));
    else if (ref.host.isEmpty())
        m_graph->setSource(
            m_traffic, TrafficHistory::key(ref), tr("Group %1/%2").arg(ref.service, ref.group));
    else
        m_graph->setSource(m_traffic, TrafficHistory::key(ref), tr("Host %1").arg(ref.host));
}

void DashboardWidget::handleSnapshot(const StatsSnapshot &snapshot)
{
    m_model->applySnapshot(snapshot);
    m_traffic->addSnapshot(snapshot);
    if (!m_expandedOnce && m_model->rowCount() > 0) {
        m_view->expandAll();
        m_expandedOnce = true;
    }
    m_timeline->setNow(snapshot.taken.isValid() ? snapshot.taken : QDateTime::currentDateTime());
    if (!m_pendingSelection.host.isEmpty() && m_model->findHost(m_pendingSelection).isValid())
        selectHost(m_pendingSelection);
}

void DashboardWidget::selectHost(const HostRef &host)
{
    const QModelIndex source = m_model->findHost(host);
    if (!source.isValid()) {
        m_pendingSelection = host;
        return;
    }
    m_pendingSelection = {};
    const QModelIndex index = m_proxy->mapFromSource(source);
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void DashboardWidget::handleHostStateChanged(const HostRef &host, const HostStateEvent &event)
{
    if (host == m_currentHost) {
        m_history->append(event);
        m_timeline->setHistory(m_history->history());
    }
}

void DashboardWidget::handleCurrentChanged()
{
    updateActions();
    const QModelIndex current = m_view->currentIndex();
    const auto ref = current.data(DashboardModel::HostRefRole).value<HostRef>();
    showTrafficOf(ref);
    if (ref.host.isEmpty()) {
        m_currentHost = {};
        m_timelineTitle->setText(tr("Select a host to see its history."));
        m_history->setHistory({});
        m_timeline->setHistory({});
        return;
    }
    if (ref == m_currentHost)
        return;
    m_currentHost = ref;
    m_timelineTitle->setText(
        tr("History of host %1 (group %2, service %3)").arg(ref.host, ref.group, ref.service));
    m_history->setHistory({});
    m_timeline->setHistory({});
    if (!m_client)
        return;
    m_client->fetchHistory(ref, this, [this, ref](const ClientReply &reply) {
        if (ref != m_currentHost)
            return;
        if (!reply.ok) {
            Q_EMIT statusMessage(reply.error);
            return;
        }
        m_history->setHistory(reply.history);
        m_timeline->setHistory(reply.history);
    });
}

QList<HostRef> DashboardWidget::selectedHosts() const
{
    QList<HostRef> hosts;
    const auto addHost = [&hosts](const HostRef &ref) {
        if (!hosts.contains(ref))
            hosts.append(ref);
    };
    std::function<void(const QModelIndex &)> collect = [&](const QModelIndex &sourceIndex) {
        const auto kind = DashboardModel::Kind(sourceIndex.data(DashboardModel::KindRole).toInt());
        if (kind == DashboardModel::Kind::Host) {
            addHost(sourceIndex.data(DashboardModel::HostRefRole).value<HostRef>());
            return;
        }
        for (int row = 0; row < m_model->rowCount(sourceIndex); ++row)
            collect(m_model->index(row, 0, sourceIndex));
    };
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows(0))
        collect(m_proxy->mapToSource(index));
    return hosts;
}

void DashboardWidget::updateActions()
{
    const bool connected = m_client && m_client->state() == BalancerClient::State::Connected;
    const bool any = connected && !selectedHosts().isEmpty();
    for (QAction *action : std::as_const(m_hostActions))
        action->setEnabled(any);
    // A probe needs only the addresses, which stay on screen after a disconnect.
    m_probe->setEnabled(!selectedHosts().isEmpty());
}

void DashboardWidget::showContextMenu(const QPoint &position)
{
    if (!m_view->indexAt(position).isValid())
        return;
    QMenu menu(this);
    menu.addActions({m_drain, m_drainGuided, m_maintenance, m_ready});
    menu.addSeparator();
    menu.addActions({m_weight, m_retry, m_probe});
    menu.addSeparator();
    menu.addAction(m_remove);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void DashboardWidget::askWeight()
{
    const QList<HostRef> hosts = selectedHosts();
    if (hosts.isEmpty())
        return;
    // Offer the first host's weight as it is now.
    int current = 1;
    if (m_client) {
        for (const ServiceStats &service : m_client->snapshot().services) {
            for (const GroupStats &group : service.groups) {
                for (const HostStats &host : group.hosts) {
                    if (service.name == hosts.constFirst().service && group.name == hosts.constFirst().group
                        && host.name == hosts.constFirst().host)
                        current = host.weight;
                }
            }
        }
    }
    bool ok = false;
    const int weight = QInputDialog::getInt(this, tr("Set Weight"),
        tr("New weight for %n host(s) (0: no new connections):", nullptr, int(hosts.size())), current, 0,
        10000, 1, &ok);
    if (ok)
        runHostAction(HostAction::SetWeight, weight);
}

void DashboardWidget::askRemove()
{
    const QList<HostRef> hosts = selectedHosts();
    if (hosts.isEmpty())
        return;
    QStringList names;
    for (const HostRef &host : hosts)
        names.append(host.service + u'/' + host.group + u'/' + host.host);
    const auto answer = QMessageBox::question(this, tr("Remove Hosts"),
        tr("Remove %n host(s) from the running config? Their open connections finish first.", nullptr,
            int(hosts.size()))
            + u"\n\n"_s + names.join(u'\n'),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        runHostAction(HostAction::Remove);
}

void DashboardWidget::askGuidedDrain()
{
    const QList<HostRef> hosts = selectedHosts();
    if (hosts.isEmpty() || !m_client)
        return;
    auto *dialog = new HostDrainDialog(m_client, hosts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

void DashboardWidget::runHostAction(HostAction action, int value)
{
    runHostActionOn(selectedHosts(), action, value);
}

void DashboardWidget::runHostActionOn(const QList<HostRef> &hosts, HostAction action, int value)
{
    if (!m_client || hosts.isEmpty())
        return;
    // One summary for the whole selection, however many replies.
    struct Tally
    {
        int pending = 0;
        int done = 0;
        QStringList errors;
        QList<HostRef> conflicts;  ///< refused Removes of a last live host
        QStringList conflictErrors;
    };
    auto tally = std::make_shared<Tally>();
    tally->pending = int(hosts.size());
    for (const HostRef &host : hosts) {
        m_client->hostAction(
            host, action, value, this, [this, tally, host, action](const ClientReply &reply) {
                if (reply.ok) {
                    ++tally->done;
                } else {
                    tally->errors.append(tr("%1: %2").arg(host.host, reply.error));
                    if (action == HostAction::Remove && reply.conflict) {
                        tally->conflicts.append(host);
                        tally->conflictErrors.append(tr("%1: %2").arg(host.host, reply.error));
                    }
                }
                if (--tally->pending > 0)
                    return;
                if (!tally->conflicts.isEmpty())
                    askForceRemove(tally->conflicts, tally->conflictErrors);
                if (tally->errors.isEmpty())
                    Q_EMIT statusMessage(tr("Done for %n host(s).", nullptr, tally->done));
                else
                    Q_EMIT statusMessage(tr("Failed for %n host(s): ", nullptr, int(tally->errors.size()))
                        + tally->errors.join(u"; "_s));
            });
    }
}

void DashboardWidget::askForceRemove(const QList<HostRef> &hosts, const QStringList &reasons)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove the Last Live Host?"),
        tr("The balancer kept %n host(s): removing them leaves their service without a live host, "
           "and it refuses new clients until a host is added or comes back.",
            nullptr, int(hosts.size()))
            + u"\n\n"_s + reasons.join(u'\n') + u"\n\n"_s + tr("Remove anyway?"),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"forceRemoveBox"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, hosts](int result) {
        if (result == QMessageBox::Yes)
            runHostActionOn(hosts, HostAction::RemoveForced);
    });
    box->open();
}

void DashboardWidget::probeSelected()
{
    const QList<HostRef> hosts = selectedHosts();
    if (hosts.isEmpty())
        return;
    struct Tally
    {
        int pending = 0;
        QStringList lines;
        int failed = 0;
    };
    auto tally = std::make_shared<Tally>();
    tally->pending = int(hosts.size());
    Q_EMIT statusMessage(tr("Probing %n host(s)…", nullptr, tally->pending));
    for (const HostRef &host : hosts) {
        const QString address = m_model->findHost(host).data(DashboardModel::AddressRole).toString();
        auto *probe = new AddressProbe(this);
        connect(probe, &AddressProbe::finished, this,
            [this, probe, tally, host](const AddressProbe::Result &result) {
                probe->deleteLater();
                const QString line = AddressProbe::describe(host.host, result);
                Q_EMIT logMessage(line, !result.ok);
                tally->lines.append(line);
                if (!result.ok)
                    ++tally->failed;
                if (--tally->pending > 0)
                    return;
                Q_EMIT statusMessage(tally->lines.size() == 1 ? tally->lines.constFirst()
                        : tally->failed == 0
                        ? tr("Probed %n host(s): all answered. ", nullptr, int(tally->lines.size()))
                            + tally->lines.join(u"; "_s)
                        : tr("Probed %n host(s): %1 failed. ", nullptr, int(tally->lines.size()))
                                .arg(tally->failed)
                            + tally->lines.join(u"; "_s));
            });
        probe->start(address);
    }
}

void DashboardWidget::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void DashboardWidget::saveState(QByteArray *header) const
{
    *header = m_view->header()->saveState();
}

void DashboardWidget::restoreState(const QByteArray &header)
{
    if (!header.isEmpty())
        m_view->header()->restoreState(header);
}

}  // namespace Balancier
