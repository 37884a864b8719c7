#include "fleetwindow.h"

#include "common/preferences.h"
#include "common/statestyle.h"
#include "config/duration.h"
#include "editor/changetext.h"
#include "fleetapply.h"
#include "fleetcompare.h"
#include "fleetdrain.h"
#include "fleetmodel.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

FleetWindow::FleetWindow(FleetModel *model, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_show(new QPushButton(tr("&Show Window"), this))
    , m_fleetBox(new QComboBox(this))
    , m_compare(new QPushButton(tr("&Compare Configs"), this))
    , m_apply(new QPushButton(tr("&Apply Draft to Fleet…"), this))
    , m_drain(new QPushButton(tr("&Drain Host Everywhere…"), this))
    , m_report(new QTreeWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"fleetWindow"_s);
    setWindowTitle(tr("Fleet Overview — Balancier"));
    setWindowIcon(StateStyle::appIcon());
    // The overview alone does not keep the app running.
    setAttribute(Qt::WA_QuitOnClose, false);

    auto *intro = new QLabel(tr("Every open connection, with its health. Press Enter on a row to show its "
                                "window."),
        this);
    intro->setWordWrap(true);
    m_view->setObjectName(u"fleetView"_s);
    m_view->setModel(model);
    m_view->setAccessibleName(tr("Open connections and their health"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FleetModel::NameColumn, QHeaderView::Stretch);
    m_view->setTabKeyNavigation(false);

    auto *buttons = new QDialogButtonBox(this);
    auto *newWindow = new QPushButton(tr("&New Window"), this);
    buttons->addButton(newWindow, QDialogButtonBox::ActionRole);
    buttons->addButton(m_show, QDialogButtonBox::ActionRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    connect(newWindow, &QPushButton::clicked, this, &FleetWindow::newWindowRequested);
    connect(m_show, &QPushButton::clicked, this, [this] { activateRow(m_view->currentIndex().row()); });
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_view, &QAbstractItemView::activated, this,
        [this](const QModelIndex &index) { activateRow(index.row()); });
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &FleetWindow::updateButtons);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &FleetWindow::updateButtons);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model->index(0, 0));
        updateButtons();
    });

    m_fleetBox->setObjectName(u"fleetBox"_s);
    m_fleetBox->setAccessibleName(tr("Fleet"));
    auto *fleetLabel = new QLabel(tr("&Fleet:"), this);
    fleetLabel->setBuddy(m_fleetBox);
    auto *saveFleet = new QPushButton(tr("Save as Fleet…"), this);
    saveFleet->setToolTip(tr("Save a named set of connection profiles, such as a VRRP pair"));
    auto *fleetRow = new QHBoxLayout;
    fleetRow->addWidget(fleetLabel);
    fleetRow->addWidget(m_fleetBox, 1);
    fleetRow->addWidget(saveFleet);
    fleetRow->addWidget(m_compare);
    fleetRow->addWidget(m_apply);
    fleetRow->addWidget(m_drain);
    m_compare->setToolTip(tr("Show how each node's running config differs from the first node's"));
    m_apply->setToolTip(tr("Apply the editor's draft of the selected connection to every node: a dry run on "
                           "each, then one node at a time, backups first"));
    m_drain->setToolTip(tr("Drain the host of that name on every node of the fleet"));
    connect(saveFleet, &QPushButton::clicked, this, &FleetWindow::saveFleet);
    connect(m_compare, &QPushButton::clicked, this, &FleetWindow::compareConfigs);
    connect(m_apply, &QPushButton::clicked, this, &FleetWindow::applyDraftToFleet);
    connect(m_drain, &QPushButton::clicked, this, &FleetWindow::askDrainHost);
    reloadFleets();

    m_report->setObjectName(u"fleetReport"_s);
    m_report->setAccessibleName(tr("What happened on each node"));
    m_report->setHeaderLabels({tr("Node"), tr("Role"), tr("Result"), tr("Details")});
    m_report->setRootIsDecorated(false);
    // A node's details take several lines: the colours keep the nodes apart.
    m_report->setAlternatingRowColors(true);
    m_report->setWordWrap(true);
    m_report->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_report->header()->setStretchLastSection(true);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_report);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fleetRow);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(980, 520);
    if (model->rowCount() > 0)
        m_view->setCurrentIndex(model->index(0, 0));
    updateButtons();
}

FleetWindow::~FleetWindow()
{
    m_view->selectionModel()->disconnect(this);
    m_model->disconnect(this);
}

void FleetWindow::activateRow(int row)
{
    QWidget *window = m_model->window(row);
    if (!window)
        return;
    window->showNormal();
    window->raise();
    window->activateWindow();
}

void FleetWindow::updateButtons()
{
    m_show->setEnabled(m_view->currentIndex().isValid());
    const bool busy = m_applying && m_applying->isBusy();
    m_apply->setEnabled(!busy && m_view->currentIndex().isValid() && m_draftSource);
    m_compare->setEnabled(m_model->rowCount() > 0);
    m_drain->setEnabled(!busy && m_model->rowCount() > 0);
}

void FleetWindow::setPreferences(Preferences *preferences)
{
    m_preferences = preferences;
    reloadFleets();
}

void FleetWindow::setDraftSource(DraftSource source)
{
    m_draftSource = std::move(source);
    updateButtons();
}

void FleetWindow::reloadFleets()
{
    const QString current = m_fleetBox->currentData().toString();
    m_fleetBox->clear();
    m_fleetBox->addItem(tr("Every open connection"), QString());
    if (m_preferences) {
        for (const FleetProfile &fleet : m_preferences->fleets())
            m_fleetBox->addItem(
                tr("%1 (%n node(s))", nullptr, int(fleet.nodes.size())).arg(fleet.name), fleet.name);
    }
    const int at = m_fleetBox->findData(current);
    m_fleetBox->setCurrentIndex(qMax(0, at));
}

QList<int> FleetWindow::fleetRows(QStringList *missing) const
{
    QList<int> rows;
    const QString fleetName = m_fleetBox->currentData().toString();
    if (fleetName.isEmpty() || !m_preferences) {
        for (int row = 0; row < m_model->rowCount(); ++row)
            rows.append(row);
        return rows;
    }
    QStringList nodes;
    for (const FleetProfile &fleet : m_preferences->fleets()) {
        if (fleet.name == fleetName)
            nodes = fleet.nodes;
    }
    for (const QString &node : std::as_const(nodes)) {
        int found = -1;
        for (int row = 0; row < m_model->rowCount() && found < 0; ++row) {
            if (m_model->name(row) == node)
                found = row;
        }
        if (found >= 0)
            rows.append(found);
        else if (missing)
            missing->append(node);
    }
    return rows;
}

void FleetWindow::saveFleet()
{
    if (!m_preferences)
        return;
    QStringList profiles;
    for (const ConnectionProfile &profile : m_preferences->profiles())
        profiles.append(profile.name);
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as Fleet"),
        tr("Name of the fleet (for example prod-pair):"), QLineEdit::Normal, {}, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    // Its nodes: the connections open now, by profile name.
    FleetProfile fleet;
    fleet.name = name;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (profiles.contains(m_model->name(row)))
            fleet.nodes.append(m_model->name(row));
    }
    if (fleet.nodes.isEmpty()) {
        QMessageBox::information(this, tr("Save as Fleet"),
            tr("A fleet is made of saved connection profiles. Connect to each node through a profile "
               "(File > Connect), then save the fleet."));
        return;
    }
    m_preferences->saveFleet(fleet);
    reloadFleets();
    m_fleetBox->setCurrentIndex(m_fleetBox->findData(name));
    m_status->setText(tr("Fleet %1 saved: %2.").arg(name, fleet.nodes.join(u", "_s)));
}

void FleetWindow::beginReport(const QString &title, const QStringList &missing)
{
    m_report->clear();
    m_status->setText(title);
    for (const QString &node : missing)
        new QTreeWidgetItem(m_report,
            {node, QString(), tr("not open"), tr("Connect to this node first: the action leaves it out.")});
}

void FleetWindow::compareConfigs()
{
    QStringList missing;
    const QList<int> rows = fleetRows(&missing);
    beginReport(tr("Comparing the running configs…"), missing);
    auto *compare = new FleetCompare(this);
    for (int row : rows)
        compare->addNode(m_model->name(row), m_model->client(row));
    connect(compare, &FleetCompare::finished, this, [this, compare, rows] {
        compare->deleteLater();
        const QList<FleetCompare::Node> &nodes = compare->nodes();
        for (int i = 0; i < nodes.size(); ++i) {
            const FleetCompare::Node &node = nodes.at(i);
            const QString role = NodeHealth::roleName(m_model->health(rows.at(i)).role);
            if (!node.error.isEmpty()) {
                new QTreeWidgetItem(m_report, {node.name, role, tr("not read"), node.error});
                continue;
            }
            if (i == 0) {
                new QTreeWidgetItem(
                    m_report, {node.name, role, tr("reference"), tr("The others are compared with it.")});
                continue;
            }
            if (node.differences.isEmpty()) {
                new QTreeWidgetItem(m_report, {node.name, role, tr("same"), tr("Runs the same config.")});
                continue;
            }
            QStringList lines;
            for (const ConfigChange &change : node.differences)
                lines.append(ChangeText::describe(change));
            new QTreeWidgetItem(m_report,
                {node.name, role, tr("%n difference(s)", nullptr, int(node.differences.size())),
                    lines.join(u'\n')});
        }
        m_status->setText(compare->identical()
                ? tr("Every node runs the same config.")
                : tr("The nodes' running configs differ (or could not be read)."));
    });
    compare->start();
}

void FleetWindow::applyDraftToFleet()
{
    if (!m_draftSource || (m_applying && m_applying->isBusy()))
        return;
    const QByteArray draft = m_draftSource(m_model->window(m_view->currentIndex().row()));
    if (draft.trimmed().isEmpty()) {
        m_status->setText(tr("The selected connection's editor has no draft to apply."));
        return;
    }
    QStringList missing;
    const QList<int> rows = fleetRows(&missing);
    if (!missing.isEmpty()) {
        beginReport(tr("Not applied: every node of the fleet must be open."), missing);
        return;
    }
    beginReport(tr("Dry run on every node…"), {});
    delete m_applying.data();
    m_applying = new FleetApply(draft, this);
    for (int row : rows) {
        m_applying->addNode(m_model->name(row), m_model->client(row));
        new QTreeWidgetItem(m_report, {m_model->name(row), QString(), QString(), QString()});
    }
    FleetApply *apply = m_applying;
    connect(apply, &FleetApply::nodeChanged, this, &FleetWindow::showApplyNode);
    connect(apply, &FleetApply::dryRunFinished, this, [this, apply](bool ok) {
        updateButtons();
        if (!ok) {
            m_status->setText(tr("The dry run failed on a node: nothing was applied anywhere."));
            return;
        }
        QStringList order;
        for (int index : apply->order())
            order.append(apply->nodes().at(index).name);
        const QString question = tr("Apply the draft to %n node(s), one at a time, in this order: %1?\n"
                                    "Each node must report healthy before the next one is changed.",
            nullptr, int(order.size()))
                                     .arg(order.join(u", "_s));
        const bool go = m_confirm
            ? m_confirm(question)
            : QMessageBox::question(this, tr("Apply to Fleet"), question) == QMessageBox::Yes;
        if (!go) {
            m_status->setText(tr("Dry run done; nothing applied."));
            return;
        }
        m_status->setText(tr("Rolling out…"));
        apply->rollOut();
        updateButtons();
    });
    connect(apply, &FleetApply::finished, this, [this](bool, const QString &message) {
        m_status->setText(message);
        updateButtons();
    });
    apply->dryRun();
    updateButtons();
}

void FleetWindow::showApplyNode(int index)
{
    if (!m_applying || index >= m_report->topLevelItemCount())
        return;
    const FleetApply::Node &node = m_applying->nodes().at(index);
    QTreeWidgetItem *item = m_report->topLevelItem(index);
    item->setText(1, node.health.known ? NodeHealth::roleName(node.health.role) : NodeHealth::roleName({}));
    item->setText(2, FleetApply::statusName(node.status));
    QStringList lines;
    if (!node.error.isEmpty())
        lines.append(node.error);
    if (node.status == FleetApply::Status::Checked && node.changes.isEmpty())
        lines.append(tr("Runs the draft already: nothing to change."));
    if (node.status != FleetApply::Status::Failed) {
        for (const ConfigChange &change : node.changes)
            lines.append(ChangeText::describe(change));
        if (!node.impact.isEmpty())
            lines.append(tr("Impact: %1").arg(node.impact.join(u", "_s)));
    }
    item->setText(3, lines.join(u'\n'));
}

void FleetWindow::askDrainHost()
{
    bool ok = false;
    const QString host = QInputDialog::getText(this, tr("Drain Host Everywhere"),
        tr("Host name to drain on every node of the fleet:"), QLineEdit::Normal, {}, &ok)
                             .trimmed();
    if (!ok || host.isEmpty())
        return;
    // Issue 16: a deadline and what follows, the same on every node.
    const QStringList actions = {tr("Keep draining"), tr("Remove the host"), tr("Set to maintenance")};
    const QString action = QInputDialog::getItem(this, tr("Drain Host Everywhere"),
        tr("When host %1 is empty or its deadline passed:").arg(host), actions, 0, false, &ok);
    if (!ok)
        return;
    qint64 deadlineMs = 0;
    const QString deadline = QInputDialog::getText(this, tr("Drain Host Everywhere"),
        tr("Deadline (such as 90s, 10m or 1h; empty: each node's drain timeout):"), QLineEdit::Normal,
        u"10m"_s, &ok)
                                 .trimmed();
    if (!ok)
        return;
    if (!deadline.isEmpty()) {
        const std::optional<qint64> parsed = parseDuration(deadline);
        if (!parsed || *parsed <= 0) {
            QMessageBox::warning(this, tr("Drain Host Everywhere"),
                tr("\"%1\" is not a duration; write for example 90s, 10m or 1h.").arg(deadline));
            return;
        }
        deadlineMs = *parsed;
    }
    const DrainThen then = action == actions.at(1) ? DrainThen::Remove
        : action == actions.at(2)                  ? DrainThen::Maintenance
                                                   : DrainThen::None;
    drainHostEverywhere(host, deadlineMs, then);
}

void FleetWindow::drainHostEverywhere(const QString &host, qint64 deadlineMs, DrainThen then)
{
    QStringList missing;
    const QList<int> rows = fleetRows(&missing);
    beginReport(tr("Draining host %1 on every node…").arg(host), missing);
    auto *drain = new FleetDrain(host, this);
    drain->setGuided(deadlineMs, then);
    for (int row : rows)
        drain->addNode(m_model->name(row), m_model->client(row));
    connect(drain, &FleetDrain::finished, this, [this, drain, rows] {
        drain->deleteLater();
        const QList<FleetDrain::Node> &nodes = drain->nodes();
        for (int i = 0; i < nodes.size(); ++i) {
            const FleetDrain::Node &node = nodes.at(i);
            QStringList drained;
            for (const HostRef &ref : node.drained)
                drained.append(u"%1/%2/%3"_s.arg(ref.service, ref.group, ref.host));
            QStringList lines;
            if (!drained.isEmpty())
                lines.append(tr("Draining: %1").arg(drained.join(u", "_s)));
            if (!node.error.isEmpty())
                lines.append(node.error);
            new QTreeWidgetItem(m_report,
                {node.name, NodeHealth::roleName(m_model->health(rows.at(i)).role),
                    node.error.isEmpty() ? tr("drained") : tr("failed"), lines.join(u'\n')});
        }
        m_status->setText(drain->allDrained()
                ? tr("Host %1 is draining on every node.").arg(drain->host())
                : tr("Host %1 could not be drained on every node.").arg(drain->host()));
    });
    drain->start();
}

}  // namespace Balancier
