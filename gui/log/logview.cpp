#include "logview.h"

#include "eventlogmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

/// Lines at a minimum level whose text contains the filter.
class LogFilterProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMinimumLevel(int level)
    {
        m_level = level;
        invalidateFilter();
    }
    void setText(const QString &text)
    {
        m_text = text;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, EventLogModel::MessageColumn, parent);
        if (index.data(EventLogModel::LevelRole).toInt() < m_level)
            return false;
        if (m_text.isEmpty())
            return true;
        return index.data(Qt::ToolTipRole).toString().contains(m_text, Qt::CaseInsensitive)
            || index.siblingAtColumn(EventLogModel::SourceColumn)
                   .data()
                   .toString()
                   .contains(m_text, Qt::CaseInsensitive);
    }

private:
    int m_level = 0;
    QString m_text;
};

}  // namespace

LogView::LogView(EventLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new LogFilterProxy(this))
    , m_view(new QTableView(this))
    , m_level(new QComboBox(this))
    , m_filter(new QLineEdit(this))
{
    setObjectName(u"logView"_s);
    m_proxy->setSourceModel(model);
    m_view->setModel(m_proxy);
    m_view->setObjectName(u"logTable"_s);
    m_view->setAccessibleName(tr("Log"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    for (int column :
        {int(EventLogModel::WhenColumn), int(EventLogModel::LevelColumn), int(EventLogModel::SourceColumn)})
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_level->addItem(tr("All, with debug"), int(EventLogModel::Level::Debug));
    m_level->addItem(tr("Information and above"), int(EventLogModel::Level::Info));
    m_level->addItem(tr("Warnings and errors"), int(EventLogModel::Level::Warning));
    m_level->setCurrentIndex(1);
    m_level->setAccessibleName(tr("Severity"));
    m_filter->setPlaceholderText(tr("Filter the log"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Log filter"));
    auto *copy = new QPushButton(tr("Co&py All"), this);
    auto *clear = new QPushButton(tr("Clear"), this);
    auto *levelLabel = new QLabel(tr("&Severity:"), this);
    levelLabel->setBuddy(m_level);
    auto *filterLabel = new QLabel(tr("Sho&w:"), this);
    filterLabel->setBuddy(m_filter);

    connect(m_level, &QComboBox::currentIndexChanged, this, &LogView::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, &LogView::applyFilter);
    connect(
        copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_model->toText()); });
    connect(clear, &QPushButton::clicked, m_model, &EventLogModel::clear);
    // Follow new lines only while the user looks at the end.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
        [this](int value) { m_follow = value >= m_view->verticalScrollBar()->maximum(); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_view->scrollToBottom();
    });

    auto *row = new QHBoxLayout;
    row->addWidget(levelLabel);
    row->addWidget(m_level);
    row->addWidget(filterLabel);
    row->addWidget(m_filter, 1);
    row->addWidget(copy);
    row->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);
    applyFilter();
}

LogView::~LogView()
{
    m_proxy->disconnect(this);
    m_view->verticalScrollBar()->disconnect(this);
}

void LogView::setMinimumLevel(int level)
{
    const int index = m_level->findData(level);
    if (index >= 0)
        m_level->setCurrentIndex(index);
}

void LogView::applyFilter()
{
    auto *proxy = static_cast<LogFilterProxy *>(m_proxy);
    proxy->setMinimumLevel(m_level->currentData().toInt());
    proxy->setText(m_filter->text());
}

}  // namespace Balancier
