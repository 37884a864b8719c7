#include "fleetwindow.h"

#include "common/statestyle.h"
#include "fleetmodel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

FleetWindow::FleetWindow(FleetModel *model, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_show(new QPushButton(tr("&Show Window"), this))
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

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(820, 300);
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
}

}  // namespace Balancier
