#pragma once

#include "client/balancerclient.h"
#include "config/config.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace Balancier {

class ConfigDraft;
class ConnectionTableModel;
class TalkerModel;

/// The Connections page: the balancer's open connections, live, with why
/// each went to its backend; filters (service, group, backend, client
/// prefix, minimum age and bytes), the balancer's sort order and a page at
/// a time; "Close Connection" (asks first; the balancer refuses a read-only
/// login, and the page says why); the top talkers by client prefix; and
/// "Block Prefix", which adds a deny rule to the front of the service's
/// ACL in the editor's draft, to be reviewed in the diff and applied like
/// any edit (never directly).
///
/// It refreshes at the app's refresh rate while it is visible and the
/// client is connected, one request at a time.
///
/// Thread contract: GUI thread.
class ConnectionsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsPage)

public:
    /// Asked before closing connections; true closes them.
    using CloseQuestion = std::function<bool(const QList<ConnectionRow> &connections)>;
    /// Asked which service a prefix is blocked in when the filter names none
    /// and the draft has several; empty cancels.
    using ServiceQuestion = std::function<QString(const QStringList &services)>;

    explicit ConnectionsPage(QWidget *parent = nullptr);
    ~ConnectionsPage() override;

    /// The balancer to show; nullptr empties the page. Not owned.
    void setClient(BalancerClient *client);
    /// The editor's draft that "Block Prefix" edits. Not owned.
    void setDraft(ConfigDraft *draft);
    /// Refreshes per second while visible (the app's refresh rate, 2..10).
    void setRefreshRate(int hertz);
    /// Replaces the message box that asks before closing (tests).
    void setCloseQuestion(CloseQuestion question);
    void setServiceQuestion(ServiceQuestion question);

    /// The filter the next refresh sends (offset and limit included).
    ConnectionFilter filter() const;
    void setFilter(const ConnectionFilter &filter);

    /// Asks the balancer now (the timer does it while visible).
    void refresh();
    /// Closes the selected connections, after asking.
    void closeSelected();
    /// Blocks `prefix` in `service` (empty: the filter's service, or ask):
    /// edits the draft. False with the reason in message() when it cannot.
    bool blockPrefix(const QString &prefix, const QString &service = {});
    /// Blocks the selected talker's prefix.
    void blockSelectedTalker();
    /// Blocks the selected connection's client address (/32 or /128).
    void blockSelectedClient();

    /// `config` with a deny rule for `prefix` first in `service`'s ACL; an
    /// ACL that was off is switched on with default allow, so only the
    /// prefix is refused. False with `error` when the service is not there.
    static bool addDenyRule(Config *config, const QString &service, const QString &prefix, QString *error);

    ConnectionTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    TalkerModel *talkerModel() const { return m_talkers; }
    QTableView *talkerView() const { return m_talkerView; }
    QAction *closeAction() const { return m_close; }
    QAction *blockAction() const { return m_block; }
    /// The ids of the selected connections.
    QList<quint64> selectedIds() const;
    /// Rows matching the filter in the last answer (all pages).
    int total() const { return m_total; }
    /// The last message shown above the table (an error or an outcome), or empty.
    QString message() const;
    /// How many answers arrived (tests wait on it).
    int answers() const { return m_answers; }
    bool isRefreshing() const { return m_timer.isActive(); }

Q_SIGNALS:
    /// A short outcome for the status bar.
    void statusMessage(const QString &message);
    /// "Block Prefix" edited the draft: show the editor and its pending changes.
    void draftEdited();
    /// An answer was shown.
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void handleStateChanged();
    void handleConnections(const ClientReply &reply);
    void handleTalkers(const ClientReply &reply);
    void handleSnapshot(const StatsSnapshot &snapshot);
    void filterEdited();
    void updateTimer();
    void updateActions();
    void updatePaging();
    void showMessage(const QString &text, bool error);
    void showContextMenu(const QPoint &position);
    void serverSortChanged();
    QList<ConnectionRow> selectedConnections() const;

    QPointer<BalancerClient> m_client;
    QPointer<ConfigDraft> m_draft;
    ConnectionTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    TalkerModel *m_talkers;
    QTableView *m_view;
    QTableView *m_talkerView;
    QComboBox *m_service;
    QLineEdit *m_group;
    QLineEdit *m_backend;
    QLineEdit *m_clientPrefix;
    QSpinBox *m_minAge;
    QSpinBox *m_minKilobytes;
    QComboBox *m_sort;
    QComboBox *m_pageSize;
    QComboBox *m_talkerSort;
    QPushButton *m_previous;
    QPushButton *m_next;
    QLabel *m_range;
    QLabel *m_message;
    QAction *m_close;
    QAction *m_block;
    QAction *m_blockClient;
    QAction *m_refreshNow;
    QTimer m_timer;
    QTimer m_filterDelay;  // waits for typing to pause
    CloseQuestion m_closeQuestion;
    ServiceQuestion m_serviceQuestion;
    int m_offset = 0;
    int m_total = 0;
    int m_answers = 0;
    bool m_connectionsPending = false;
    bool m_talkersPending = false;
    bool m_columnsSized = false;
    QList<int> m_typicalWidths;  // per column, for typical contents
    quint64 m_generation = 0;  // answers to an older filter are dropped
};

}  // namespace Balancier
