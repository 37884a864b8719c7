#pragma once

#include "client/balancerclient.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace Balancier {

/// The guided drain of the dashboard's host actions (issue 16): a deadline
/// and what happens after it ("keep draining", "remove", "maintenance"),
/// then the open connections of the hosts falling until the drain is done,
/// from the balancer's snapshots.
///
/// Thread contract: GUI thread. The client is not owned.
class HostDrainDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostDrainDialog)

public:
    HostDrainDialog(BalancerClient *client, const QList<HostRef> &hosts, QWidget *parent = nullptr);
    ~HostDrainDialog() override;

    QLineEdit *deadlineEdit() const { return m_deadline; }
    QComboBox *thenBox() const { return m_then; }
    QLabel *progressLabel() const { return m_progressText; }
    QProgressBar *progressBar() const { return m_progress; }
    /// True once the drain was started and every host is empty (or gone).
    bool isDone() const { return m_done; }

    /// Starts the drain as the form says; false (and a message in the form)
    /// when the deadline does not read.
    bool startDrain();

private:
    void handleSnapshot(const StatsSnapshot &snapshot);

    QPointer<BalancerClient> m_client;
    QList<HostRef> m_hosts;
    QLineEdit *m_deadline;
    QComboBox *m_then;
    QLabel *m_error;
    QLabel *m_progressText;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    bool m_started = false;
    bool m_done = false;
    qint64 m_deadlineUtcMs = 0;
    qint64 m_firstOpen = -1;
    int m_replies = 0;
};

}  // namespace Balancier
