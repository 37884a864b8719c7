#pragma once

#include "config/config.h"

#include <QByteArray>
#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace Balancier {

class FleetApply;
class FleetModel;
class Preferences;

/// The fleet overview window: every open connection in one table with its
/// health and VRRP role. Enter or a double click brings that connection's
/// window to the front.
///
/// A saved fleet (a named set of connection profiles, such as a VRRP pair)
/// narrows the actions to its nodes: compare their running configs, apply
/// one draft to all of them (dry run on each, then one node at a time,
/// backups first; FleetApply), and drain a host everywhere. The report
/// below the table says what happened on each node.
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
    QTreeWidget *report() const { return m_report; }
    QComboBox *fleetBox() const { return m_fleetBox; }

    /// Where saved fleets are kept; without it only "every open connection" is offered.
    void setPreferences(Preferences *preferences);
    /// The draft to apply to the fleet: the editor's text in a connection's window.
    using DraftSource = std::function<QByteArray(QWidget *window)>;
    void setDraftSource(DraftSource source);
    /// Replaces the "roll out now?" question (tests): true goes on.
    using Confirmation = std::function<bool(const QString &question)>;
    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }

    /// The rows of the chosen fleet that are open; `missing` gets the nodes that are not.
    QList<int> fleetRows(QStringList *missing = nullptr) const;
    void compareConfigs();
    void applyDraftToFleet();
    /// With a deadline and an action: a guided drain on every node (issue 16).
    void drainHostEverywhere(const QString &host, qint64 deadlineMs = 0, DrainThen then = DrainThen::None);

Q_SIGNALS:
    /// The user asked for a new connection window.
    void newWindowRequested();

private:
    void activateRow(int row);
    void updateButtons();
    void reloadFleets();
    void saveFleet();
    void askDrainHost();
    void showApplyNode(int index);
    /// Starts a report: clears it, titles it, lists the open nodes that are missing.
    void beginReport(const QString &title, const QStringList &missing);

    FleetModel *m_model;
    QTableView *m_view;
    QPushButton *m_show;
    QComboBox *m_fleetBox;
    QPushButton *m_compare;
    QPushButton *m_apply;
    QPushButton *m_drain;
    QTreeWidget *m_report;
    QLabel *m_status;
    Preferences *m_preferences = nullptr;
    DraftSource m_draftSource;
    Confirmation m_confirm;
    QPointer<FleetApply> m_applying;
};

}  // namespace Balancier
