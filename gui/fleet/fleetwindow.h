#pragma once

#include <QWidget>

class QPushButton;
class QTableView;

namespace Balancier {

class FleetModel;

/// The fleet overview window: every open connection in one table with its
/// health. Enter or a double click brings that connection's window to the
/// front.
///
/// Thread contract: GUI thread.
class FleetWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetWindow)

public:
    explicit FleetWindow(FleetModel *model, QWidget *parent = nullptr);
    ~FleetWindow() override;

    QTableView *view() const { return m_view; }

Q_SIGNALS:
    /// The user asked for a new connection window.
    void newWindowRequested();

private:
    void activateRow(int row);
    void updateButtons();

    FleetModel *m_model;
    QTableView *m_view;
    QPushButton *m_show;
};

}  // namespace Balancier
