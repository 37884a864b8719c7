#include "connectionspage.h"

#include "connectiontablemodel.h"
#include "connectiontext.h"
#include "editor/configdraft.h"
#include "talkermodel.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setHighlightSections(false);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    return view;
}

}  // namespace

ConnectionsPage::ConnectionsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new ConnectionTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_talkers(new TalkerModel(this))
    , m_service(new QComboBox(this))
    , m_group(new QLineEdit(this))
    , m_backend(new QLineEdit(this))
    , m_clientPrefix(new QLineEdit(this))
    , m_minAge(new QSpinBox(this))
    , m_minKilobytes(new QSpinBox(this))
    , m_sort(new QComboBox(this))
    , m_pageSize(new QComboBox(this))
    , m_talkerSort(new QComboBox(this))
    , m_previous(new QPushButton(tr("&Previous"), this))
    , m_next(new QPushButton(tr("&Next"), this))
    , m_range(new QLabel(this))
    , m_message(new QLabel(this))
{
    setObjectName(u"connectionsPage"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ConnectionTableModel::PageOrderRole);
    m_proxy->setDynamicSortFilter(true);
    m_proxy->sort(0, Qt::AscendingOrder);
    m_view = makeTable(m_proxy, this);
    m_view->setObjectName(u"connectionsView"_s);
    m_view->setAccessibleName(tr("Open connections"));
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicatorShown(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Widths for typical contents until the first rows size them.
    const QStringList samples{u"10.100.200.123:51234"_s, u"service"_s, u"group"_s, u"backend1"_s, u"59 min"_s,
        u"999.9 kB"_s, u"999.9 kB"_s, u"established"_s};
    for (int column = 0; column < samples.size(); ++column) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        m_typicalWidths.append(
            qMax(fontMetrics().horizontalAdvance(samples.at(column)), fontMetrics().horizontalAdvance(header))
            + 24);
        m_view->setColumnWidth(column, m_typicalWidths.constLast());
    }
    m_talkerView = makeTable(m_talkers, this);
    m_talkerView->setObjectName(u"talkersView"_s);
    m_talkerView->setAccessibleName(tr("Top talkers"));
    m_talkerView->setSelectionMode(QAbstractItemView::SingleSelection);
    // A short list: every column as wide as its widest entry.
    m_talkerView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_talkerView->horizontalHeader()->setStretchLastSection(false);

    // The sort's order is the balancer's, so that pages follow each other;
    // a header click sorts the rows of the page shown.
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_proxy->setSortRole(ConnectionTableModel::PageOrderRole);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        m_view->horizontalHeader()->setSortIndicatorShown(true);
        m_proxy->setSortRole(ConnectionTableModel::SortRole);
        m_proxy->sort(column, m_view->horizontalHeader()->sortIndicatorOrder());
    });

    m_service->setObjectName(u"serviceFilter"_s);
    m_service->addItem(tr("All services"), QString());
    for (QComboBox *box : {m_service, m_sort, m_talkerSort}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    m_group->setPlaceholderText(tr("any group"));
    m_backend->setPlaceholderText(tr("any backend"));
    m_clientPrefix->setPlaceholderText(tr("e.g. 10.1.0.0/16"));
    m_clientPrefix->setToolTip(tr("Only clients in this network (CIDR), IPv4 or IPv6"));
    m_minAge->setRange(0, 365 * 24 * 3600);
    m_minAge->setSuffix(tr(" s"));
    m_minAge->setSpecialValueText(tr("any age"));
    m_minAge->setToolTip(tr("Only connections open at least this long"));
    m_minKilobytes->setRange(0, 1000 * 1000 * 1000);
    m_minKilobytes->setSuffix(tr(" kB"));
    m_minKilobytes->setSpecialValueText(tr("any size"));
    m_minKilobytes->setToolTip(tr("Only connections that moved at least this much, both ways together"));
    m_sort->addItem(tr("Oldest first"), u"age"_s);
    m_sort->addItem(tr("Most bytes first"), u"bytes"_s);
    m_sort->addItem(tr("By client"), u"client"_s);
    m_sort->addItem(tr("By backend"), u"backend"_s);
    m_sort->addItem(tr("By id (newest last)"), u"id"_s);
    m_sort->setToolTip(tr("The balancer's order, across every page"));
    for (const int size : {100, 200, 500, 1000})
        m_pageSize->addItem(QLocale().toString(size), size);
    m_pageSize->setCurrentIndex(2);
    m_pageSize->setToolTip(tr("Rows per page"));
    m_talkerSort->addItem(tr("by open connections"), u"open"_s);
    m_talkerSort->addItem(tr("by new connections per second"), u"rate"_s);
    m_talkerSort->addItem(tr("by bytes"), u"bytes"_s);
    m_message->setWordWrap(true);
    m_message->setObjectName(u"connectionsMessage"_s);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_range->setObjectName(u"connectionsRange"_s);

    m_close = new QAction(tr("&Close Connection…"), this);
    m_close->setShortcut(QKeySequence::Delete);
    m_close->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_close->setToolTip(tr("Close the selected connections (needs full access)"));
    connect(m_close, &QAction::triggered, this, &ConnectionsPage::closeSelected);
    m_block = new QAction(tr("&Block Prefix"), this);
    m_block->setToolTip(tr("Add a deny rule for the selected prefix to the service's ACL in the draft; Apply "
                           "makes it take effect"));
    connect(m_block, &QAction::triggered, this, &ConnectionsPage::blockSelectedTalker);
    m_blockClient = new QAction(tr("Block This &Client"), this);
    m_blockClient->setToolTip(
        tr("Add a deny rule for the client's address to the service's ACL in the draft"));
    connect(m_blockClient, &QAction::triggered, this, &ConnectionsPage::blockSelectedClient);
    m_refreshNow = new QAction(tr("&Refresh"), this);
    m_refreshNow->setShortcut(QKeySequence::Refresh);
    m_refreshNow->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_refreshNow, &QAction::triggered, this, &ConnectionsPage::refresh);
    addActions({m_close, m_refreshNow});

    // Two rows of three, so that longer translations still fit a narrow window.
    auto *filters = new QGridLayout;
    int filterCount = 0;
    const auto addFilter = [this, filters, &filterCount](const QString &label, QWidget *field) {
        auto *name = new QLabel(label, this);
        name->setBuddy(field);
        const int row = filterCount / 3;
        const int column = (filterCount % 3) * 2;
        filters->addWidget(name, row, column);
        filters->addWidget(field, row, column + 1);
        filters->setColumnStretch(column + 1, 1);
        ++filterCount;
    };
    addFilter(tr("&Service:"), m_service);
    addFilter(tr("&Group:"), m_group);
    addFilter(tr("&Backend:"), m_backend);
    addFilter(tr("Cl&ient:"), m_clientPrefix);
    addFilter(tr("Open &at least:"), m_minAge);
    addFilter(tr("&Moved at least:"), m_minKilobytes);

    auto *closeButton = new QToolButton(this);
    closeButton->setDefaultAction(m_close);
    closeButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *paging = new QHBoxLayout;
    auto *sortLabel = new QLabel(tr("S&ort:"), this);
    sortLabel->setBuddy(m_sort);
    paging->addWidget(closeButton);
    paging->addSpacing(12);
    paging->addWidget(sortLabel);
    paging->addWidget(m_sort);
    paging->addStretch(1);
    paging->addWidget(m_range);
    paging->addWidget(m_previous);
    paging->addWidget(m_next);
    auto *sizeLabel = new QLabel(tr("&Rows per page:"), this);
    sizeLabel->setBuddy(m_pageSize);
    paging->addWidget(sizeLabel);
    paging->addWidget(m_pageSize);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addLayout(paging);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *talkerTitle = new QLabel(tr("<b>Top talkers</b>"), this);
    auto *talkerHeader = new QHBoxLayout;
    talkerHeader->addWidget(talkerTitle);
    talkerHeader->addWidget(m_talkerSort, 1);
    rightLayout->addLayout(talkerHeader);
    rightLayout->addWidget(m_talkerView, 1);
    auto *blockButton = new QToolButton(this);
    blockButton->setDefaultAction(m_block);
    blockButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *blockRow = new QHBoxLayout;
    blockRow->addWidget(blockButton);
    blockRow->addStretch(1);
    rightLayout->addLayout(blockRow);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);
    // Room for "2001:db8:ffff::/64  1,234  12.5/s  1.2 MB  1.2 MB" beside the table.
    const int talkerWidth
        = fontMetrics().horizontalAdvance(u"2001:db8:ffff::/64 1,234 12.5/s 999.9 kB 999.9 MB"_s) + 70;
    splitter->setSizes({1280 - talkerWidth, talkerWidth});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(300);
    connect(&m_filterDelay, &QTimer::timeout, this, &ConnectionsPage::filterEdited);
    for (QLineEdit *edit : {m_group, m_backend, m_clientPrefix})
        connect(edit, &QLineEdit::textEdited, &m_filterDelay, qOverload<>(&QTimer::start));
    for (QSpinBox *box : {m_minAge, m_minKilobytes})
        connect(box, &QSpinBox::valueChanged, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_service, &QComboBox::activated, this, &ConnectionsPage::filterEdited);
    connect(m_sort, &QComboBox::activated, this, &ConnectionsPage::serverSortChanged);
    connect(m_pageSize, &QComboBox::activated, this, &ConnectionsPage::filterEdited);
    connect(m_talkerSort, &QComboBox::activated, this, &ConnectionsPage::refresh);
    connect(m_previous, &QPushButton::clicked, this, [this] {
        m_offset = qMax(0, m_offset - m_pageSize->currentData().toInt());
        ++m_generation;
        refresh();
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        m_offset += m_pageSize->currentData().toInt();
        ++m_generation;
        refresh();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ConnectionsPage::updateActions);
    connect(m_talkerView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ConnectionsPage::updateActions);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ConnectionsPage::showContextMenu);
    connect(m_talkerView, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        if (!m_talkerView->indexAt(position).isValid())
            return;
        QMenu menu(this);
        menu.addAction(m_block);
        menu.exec(m_talkerView->viewport()->mapToGlobal(position));
    });
    connect(&m_timer, &QTimer::timeout, this, &ConnectionsPage::refresh);
    setRefreshRate(2);
    updatePaging();
    updateActions();
}

ConnectionsPage::~ConnectionsPage() = default;

void ConnectionsPage::setClient(BalancerClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    ++m_generation;
    m_connectionsPending = false;
    m_talkersPending = false;
    m_model->clear();
    m_talkers->setTalkers({});
    m_total = 0;
    m_offset = 0;
    m_message->hide();
    m_message->clear();
    if (m_client) {
        connect(m_client, &BalancerClient::stateChanged, this, &ConnectionsPage::handleStateChanged);
        connect(m_client, &BalancerClient::snapshotReceived, this, &ConnectionsPage::handleSnapshot);
        handleSnapshot(m_client->snapshot());
    }
    updatePaging();
    updateActions();
    updateTimer();
    if (m_client && m_client->state() == BalancerClient::State::Connected && isVisible())
        refresh();
}

void ConnectionsPage::setDraft(ConfigDraft *draft)
{
    m_draft = draft;
}

void ConnectionsPage::setRefreshRate(int hertz)
{
    m_timer.setInterval(1000 / qBound(2, hertz, 10));
}

void ConnectionsPage::setCloseQuestion(CloseQuestion question)
{
    m_closeQuestion = std::move(question);
}

void ConnectionsPage::setServiceQuestion(ServiceQuestion question)
{
    m_serviceQuestion = std::move(question);
}

ConnectionFilter ConnectionsPage::filter() const
{
    ConnectionFilter filter;
    filter.service = m_service->currentData().toString();
    filter.group = m_group->text().trimmed();
    filter.backend = m_backend->text().trimmed();
    filter.clientPrefix = m_clientPrefix->text().trimmed();
    filter.minAgeMs = qint64(m_minAge->value()) * 1000;
    filter.minBytes = qint64(m_minKilobytes->value()) * 1000;
    filter.sort = m_sort->currentData().toString();
    filter.offset = m_offset;
    filter.limit = m_pageSize->currentData().toInt();
    return filter;
}

void ConnectionsPage::setFilter(const ConnectionFilter &filter)
{
    int service = m_service->findData(filter.service);
    if (service < 0) {
        m_service->addItem(filter.service, filter.service);
        service = m_service->count() - 1;
    }
    m_service->setCurrentIndex(service);
    m_group->setText(filter.group);
    m_backend->setText(filter.backend);
    m_clientPrefix->setText(filter.clientPrefix);
    const QSignalBlocker ageBlocker(m_minAge);
    const QSignalBlocker bytesBlocker(m_minKilobytes);
    m_minAge->setValue(int(filter.minAgeMs / 1000));
    m_minKilobytes->setValue(int(filter.minBytes / 1000));
    const int sort = m_sort->findData(filter.sort.isEmpty() ? u"age"_s : filter.sort);
    m_sort->setCurrentIndex(qMax(0, sort));
    int size = m_pageSize->findData(filter.limit);
    if (size < 0) {
        m_pageSize->addItem(QLocale().toString(filter.limit), filter.limit);
        size = m_pageSize->count() - 1;
    }
    m_pageSize->setCurrentIndex(size);
    m_offset = qMax(0, filter.offset);
    m_filterDelay.stop();
    ++m_generation;
    serverSortChanged();
}

void ConnectionsPage::filterEdited()
{
    m_offset = 0;
    ++m_generation;
    refresh();
}

void ConnectionsPage::serverSortChanged()
{
    // Back to the balancer's order.
    m_view->horizontalHeader()->setSortIndicatorShown(false);
    m_proxy->setSortRole(ConnectionTableModel::PageOrderRole);
    m_proxy->sort(0, Qt::AscendingOrder);
    filterEdited();
}

void ConnectionsPage::refresh()
{
    if (!m_client || m_client->state() != BalancerClient::State::Connected)
        return;
    if (!m_connectionsPending) {
        m_connectionsPending = true;
        const quint64 generation = m_generation;
        m_client->fetchConnections(filter(), this, [this, generation](const ClientReply &reply) {
            m_connectionsPending = false;
            // Typed while it was under way: that answer is for another filter.
            if (generation != m_generation)
                return refresh();
            handleConnections(reply);
        });
    }
    if (!m_talkersPending) {
        m_talkersPending = true;
        TalkerQuery query;
        query.service = m_service->currentData().toString();
        query.sort = m_talkerSort->currentData().toString();
        m_client->fetchTalkers(query, this, [this](const ClientReply &reply) {
            m_talkersPending = false;
            handleTalkers(reply);
        });
    }
}

void ConnectionsPage::handleConnections(const ClientReply &reply)
{
    ++m_answers;
    if (!reply.ok) {
        showMessage(tr("The balancer did not list its connections: %1").arg(reply.error), true);
        Q_EMIT refreshed();
        return;
    }
    if (m_message->property("listError").toBool())
        showMessage({}, false);
    m_total = reply.connections.total;
    m_model->applyPage(reply.connections.rows);
    if (!m_columnsSized && !reply.connections.rows.isEmpty()) {
        // Once, from the first rows (the view measures the rows it shows):
        // the reason, the widest text, takes the rest.
        m_columnsSized = true;
        // Never below the typical widths: young connections ("2 s", "1 kB")
        // would leave no room for the same columns an hour later.
        for (int column = 0; column < ConnectionTableModel::ReasonColumn; ++column) {
            m_view->resizeColumnToContents(column);
            if (m_view->columnWidth(column) < m_typicalWidths.value(column))
                m_view->setColumnWidth(column, m_typicalWidths.value(column));
        }
    }
    // The page emptied under us (connections closed): show the last one there is.
    if (reply.connections.rows.isEmpty() && m_offset > 0 && m_total > 0) {
        const int size = m_pageSize->currentData().toInt();
        m_offset = ((m_total - 1) / size) * size;
        ++m_generation;
        refresh();
    }
    updatePaging();
    updateActions();
    Q_EMIT refreshed();
}

void ConnectionsPage::handleTalkers(const ClientReply &reply)
{
    if (!reply.ok)
        return;
    const QModelIndex current = m_talkerView->currentIndex();
    const QString selected = current.isValid() ? m_talkers->talkers().value(current.row()).prefix : QString();
    m_talkers->setTalkers(reply.talkers);
    if (!selected.isEmpty()) {
        for (int row = 0; row < m_talkers->talkers().size(); ++row) {
            if (m_talkers->talkers().at(row).prefix == selected) {
                m_talkerView->selectionModel()->setCurrentIndex(m_talkers->index(row, 0),
                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                break;
            }
        }
    }
    updateActions();
}

void ConnectionsPage::handleSnapshot(const StatsSnapshot &snapshot)
{
    // The service filter offers the services the balancer runs.
    for (const ServiceStats &service : snapshot.services) {
        if (m_service->findData(service.name) < 0)
            m_service->addItem(service.name, service.name);
    }
}

void ConnectionsPage::handleStateChanged()
{
    if (m_client && m_client->state() != BalancerClient::State::Connected) {
        // A request under way may never be answered (a local engine that
        // stopped): ask afresh once connected, and drop late answers.
        m_connectionsPending = false;
        m_talkersPending = false;
        ++m_generation;
    }
    updateTimer();
    updateActions();
    if (m_client && m_client->state() == BalancerClient::State::Connected && isVisible())
        refresh();
}

void ConnectionsPage::updateTimer()
{
    const bool wanted = m_client && m_client->state() == BalancerClient::State::Connected && isVisible();
    if (wanted && !m_timer.isActive())
        m_timer.start();
    else if (!wanted)
        m_timer.stop();
}

void ConnectionsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateTimer();
    refresh();
}

void ConnectionsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateTimer();
}

void ConnectionsPage::updatePaging()
{
    const int size = m_pageSize->currentData().toInt();
    const int shown = m_model->rowCount();
    if (m_total == 0)
        m_range->setText(m_client ? tr("No open connections match.") : QString());
    else
        m_range->setText(
            tr("%1–%2 of %3")
                .arg(QLocale().toString(qMin(m_offset + 1, m_total)),
                    QLocale().toString(qMin(m_offset + shown, m_total)), QLocale().toString(m_total)));
    m_previous->setEnabled(m_offset > 0);
    m_next->setEnabled(m_offset + size < m_total);
}

void ConnectionsPage::updateActions()
{
    const bool connected = m_client && m_client->state() == BalancerClient::State::Connected;
    const bool anySelected = m_view->selectionModel()->hasSelection();
    m_close->setEnabled(connected && anySelected);
    m_blockClient->setEnabled(anySelected && m_draft);
    m_block->setEnabled(m_talkerView->selectionModel()->hasSelection() && m_draft);
}

void ConnectionsPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("listError", error);
    m_message->setStyleSheet(error
            ? u"QLabel { color: palette(bright-text); background: #b3261e; padding: 6px; }"_s
            : u"QLabel { padding: 6px; }"_s);
    m_message->setVisible(!text.isEmpty());
}

QString ConnectionsPage::message() const
{
    return m_message->text();
}

QList<quint64> ConnectionsPage::selectedIds() const
{
    QList<quint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(ConnectionTableModel::IdRole).toULongLong());
    return ids;
}

QList<ConnectionRow> ConnectionsPage::selectedConnections() const
{
    QList<ConnectionRow> rows;
    for (const quint64 id : selectedIds()) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            rows.append(m_model->connection(row));
    }
    return rows;
}

void ConnectionsPage::closeSelected()
{
    const QList<ConnectionRow> rows = selectedConnections();
    if (!m_client || rows.isEmpty())
        return;
    bool yes = false;
    if (m_closeQuestion) {
        yes = m_closeQuestion(rows);
    } else {
        const ConnectionRow &first = rows.constFirst();
        const QString text = rows.size() == 1
            ? tr(
                "Close the connection from %1 to %2 (service %3)?\n\nBoth ends see it closed; the client may "
                "connect again.")
                  .arg(first.client, first.backend.isEmpty() ? tr("no backend yet") : first.backend,
                      first.service)
            : tr("Close %1 connections?\n\nBoth ends of each see it closed; the clients may connect again.")
                  .arg(rows.size());
        yes = QMessageBox::question(this, tr("Close Connections"), text,
                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    }
    if (!yes)
        return;
    for (const ConnectionRow &row : rows) {
        const quint64 id = row.id;
        m_client->closeConnection(id, this, [this, id](const ClientReply &reply) {
            if (reply.ok) {
                Q_EMIT statusMessage(tr("Connection %1 closed.").arg(id));
                showMessage({}, false);
                refresh();
            } else if (reply.forbidden) {
                showMessage(
                    tr("The balancer refused to close connection %1: closing connections needs a user "
                       "with full access, and this login is read-only (%2). Connect as a user with "
                       "access=\"full\" to close connections.")
                        .arg(id)
                        .arg(reply.error),
                    true);
            } else {
                showMessage(tr("Connection %1 was not closed: %2").arg(id).arg(reply.error), true);
                refresh();
            }
        });
    }
}

bool ConnectionsPage::addDenyRule(
    Config *config, const QString &service, const QString &prefix, QString *error)
{
    ServiceConfig *target = config->service(service);
    if (!target) {
        if (error)
            *error = tr("The draft has no service %1.").arg(service);
        return false;
    }
    if (!target->acl.enabled) {
        // A new ACL lets everyone else in: it exists only for this rule.
        target->acl.enabled = true;
        target->acl.defaultAllow = true;
    }
    const AclRule &front = target->acl.rules.isEmpty() ? AclRule{} : target->acl.rules.constFirst();
    if (!target->acl.rules.isEmpty() && front.action == AclRule::Action::Deny
        && front.from.contains(prefix)) {
        if (error)
            *error = tr("%1 is blocked in service %2 already (the ACL's first rule).").arg(prefix, service);
        return false;
    }
    AclRule rule;
    rule.action = AclRule::Action::Deny;
    rule.from = QStringList{prefix};
    target->acl.rules.prepend(rule);
    return true;
}

bool ConnectionsPage::blockPrefix(const QString &prefix, const QString &service)
{
    if (!m_draft) {
        showMessage(tr("There is no draft to add the rule to."), true);
        return false;
    }
    if (!m_draft->isWellFormed()) {
        showMessage(tr("The draft is not a well-formed config (%1); fix it on the Configuration page first.")
                        .arg(m_draft->parseError()),
            true);
        return false;
    }
    QString target = service.isEmpty() ? m_service->currentData().toString() : service;
    if (target.isEmpty()) {
        QStringList services;
        for (const ServiceConfig &each : m_draft->config().services)
            services.append(each.name);
        if (services.size() == 1) {
            target = services.constFirst();
        } else if (m_serviceQuestion) {
            target = m_serviceQuestion(services);
        } else if (!services.isEmpty()) {
            bool ok = false;
            target = QInputDialog::getItem(this, tr("Block Prefix"),
                tr("Block %1 in which service?").arg(prefix), services, 0, false, &ok);
            if (!ok)
                target.clear();
        }
        if (target.isEmpty())
            return false;
    }
    Config config = m_draft->config();
    QString error;
    if (!addDenyRule(&config, target, prefix, &error)) {
        showMessage(error, true);
        return false;
    }
    m_draft->editModel(config, tr("Block %1 in service %2").arg(prefix, target));
    // The draft reads its text back: the rule must have made it into the XML.
    const ServiceConfig *edited = m_draft->config().service(target);
    const bool kept = edited && !edited->acl.rules.isEmpty()
        && edited->acl.rules.constFirst().action == AclRule::Action::Deny
        && edited->acl.rules.constFirst().from == QStringList{prefix};
    if (!kept) {
        m_draft->undoStack()->undo();
        showMessage(
            tr("The draft could not take the deny rule for %1: this version does not write <acl> into "
               "the config.")
                .arg(prefix),
            true);
        return false;
    }
    showMessage(
        tr("Deny rule for %1 added to the ACL of service %2 in the draft. Review it on the Configuration "
           "page and Apply it to take effect.")
            .arg(prefix, target),
        false);
    Q_EMIT statusMessage(
        tr("%1 blocked in the draft of service %2; Apply to take effect.").arg(prefix, target));
    Q_EMIT draftEdited();
    return true;
}

void ConnectionsPage::blockSelectedTalker()
{
    const QModelIndex current = m_talkerView->currentIndex();
    if (!current.isValid())
        return;
    blockPrefix(m_talkers->talkers().value(current.row()).prefix);
}

void ConnectionsPage::blockSelectedClient()
{
    const QList<ConnectionRow> rows = selectedConnections();
    if (rows.isEmpty())
        return;
    const ConnectionRow &row = rows.constFirst();
    const QString address = ConnectionTableModel::addressOf(row.client);
    blockPrefix(address + (address.contains(u':') ? u"/128"_s : u"/32"_s), row.service);
}

void ConnectionsPage::showContextMenu(const QPoint &position)
{
    if (!m_view->indexAt(position).isValid())
        return;
    QMenu menu(this);
    menu.addAction(m_close);
    menu.addAction(m_blockClient);
    menu.addSeparator();
    menu.addAction(m_refreshNow);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

}  // namespace Balancier
