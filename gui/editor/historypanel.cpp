#include "historypanel.h"
#include "changetext.h"

#include "confighistory.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

HistoryPanel::HistoryPanel(ConfigHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_view(new QTreeView(this))
    , m_changes(new QListWidget(this))
    , m_detail(new QLabel(this))
    , m_rollback(new QPushButton(this))
{
    setObjectName(u"historyPanel"_s);
    m_view->setObjectName(u"historyVersions"_s);
    m_view->setAccessibleName(tr("Config versions"));
    m_view->setModel(history);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(ConfigHistory::WhenColumn, QHeaderView::ResizeToContents);
    m_view->header()->resizeSection(ConfigHistory::OriginColumn, 220);
    m_changes->setObjectName(u"historyChanges"_s);
    m_changes->setAccessibleName(tr("Changes of the selected version"));
    m_detail->setWordWrap(true);
    m_rollback->setObjectName(u"rollbackButton"_s);
    m_rollback->setText(tr("&Roll Back to This Version…"));
    m_rollback->setToolTip(
        tr("Make the selected version the running config again (shows what changes first)"));

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &HistoryPanel::handleCurrentChanged);
    connect(history, &QAbstractItemModel::rowsInserted, this, [this] {
        // Follow the newest version unless the user is looking at an older one.
        if (!m_view->currentIndex().isValid() || m_view->currentIndex().row() == 1)
            m_view->setCurrentIndex(m_history->index(0, 0));
        handleCurrentChanged();
    });
    // The balancer's history comes whole (ConfigHistory::setBalancerVersions()):
    // keep the version looked at, or follow the newest as for an insertion.
    connect(history, &QAbstractItemModel::modelAboutToBeReset, this,
        [this] { m_selectedBeforeReset = m_view->currentIndex().row() > 0 ? selectedNumber() : 0; });
    connect(history, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_selectedBeforeReset > 0 ? m_history->rowOfNumber(m_selectedBeforeReset) : -1;
        if (m_history->count() > 0)
            m_view->setCurrentIndex(m_history->index(row >= 0 ? row : 0, 0));
        handleCurrentChanged();
    });
    connect(history, &QAbstractItemModel::rowsRemoved, this, &HistoryPanel::handleCurrentChanged);
    connect(m_rollback, &QPushButton::clicked, this, [this] {
        if (const int number = selectedNumber())
            Q_EMIT rollbackRequested(number);
    });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *versionsLabel = new QLabel(tr("Ve&rsions of the running config:"), left);
    versionsLabel->setBuddy(m_view);
    leftLayout->addWidget(versionsLabel);
    leftLayout->addWidget(m_view, 1);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_detail);
    rightLayout->addWidget(m_changes, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_rollback);
    rightLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    handleCurrentChanged();
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::setRollbackAvailable(bool available)
{
    m_available = available;
    updateButton();
}

int HistoryPanel::selectedNumber() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_history->version(current.row()).number : 0;
}

void HistoryPanel::handleCurrentChanged()
{
    m_changes->clear();
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_detail->setText(m_history->count() == 0
                ? tr("No versions yet: the history starts when a balancer is connected.")
                : tr("Select a version to see its changes."));
    } else {
        const ConfigHistory::Version &version = m_history->version(current.row());
        const QString when = QLocale().toString(version.when, QLocale::ShortFormat);
        if (version.changes.isEmpty()) {
            m_detail->setText(tr("Version %1, %2: %3. The first version seen, so no changes to show.")
                                  .arg(version.number)
                                  .arg(when, version.origin));
        } else {
            m_detail->setText(tr("Version %1, %2: %3. %n change(s) from the version before:", nullptr,
                int(version.changes.size()))
                                  .arg(version.number)
                                  .arg(when, version.origin));
        }
        for (const ConfigChange &change : version.changes)
            new QListWidgetItem(ChangeText::describe(change), m_changes);
    }
    updateButton();
}

void HistoryPanel::updateButton()
{
    const QModelIndex current = m_view->currentIndex();
    // Row 0 is what runs: rolling back to it changes nothing.
    m_rollback->setEnabled(m_available && current.isValid() && current.row() > 0);
}

}  // namespace Balancier
