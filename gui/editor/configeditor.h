#pragma once

#include "client/balancerclient.h"
#include "config/config.h"
#include "config/configdiff.h"
#include "configitemref.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QFrame;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSplitter;
class QToolBar;
class QTreeView;

namespace Balancier {

class DraftRebase;

class ConfigDraft;
class ConfigHistory;
class ConfigTreeModel;
class HistoryPanel;
class PropertyForm;
class XmlSourceEdit;

/// The visual config editor: a tree of the config's items, a form for the
/// selected one, and the XML source, all showing one ConfigDraft and kept in
/// sync both ways. Every edit is undoable. Problems are listed and marked
/// on their lines as the user types.
///
/// With a balancer connected, the editor compares the draft with the
/// running config (the pending changes are always shown), applies it after
/// showing the semantic diff and its impact on live traffic, and can revert
/// the draft to what runs. Every version of the running config seen while
/// connected is kept in the config history, each with its changes, and
/// any of them can be rolled back to through the same apply path.
///
/// When a balancer is connected, the editor starts from its running config:
/// a draft nobody edited (the new-file template, or a file opened and not
/// changed) is replaced by it as if it had been opened; an edited draft
/// that differs from it is kept or replaced as the user answers.
///
/// Thread contract: GUI thread.
class ConfigEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigEditor)

public:
    /// The answer to "your edited draft differs from what the balancer runs".
    enum class DraftChoice
    {
        KeepDraft,
        LoadRunning,
    };
    /// Asks the user; `pending` is what applying the draft would change.
    using DraftQuestion = std::function<DraftChoice(const QList<ConfigChange> &pending)>;

    /// The answer to "someone else applied while you edited: rebase?".
    enum class RebaseChoice
    {
        ApplyRebased,  ///< apply the rebased draft now
        EditRebased,  ///< keep the rebased draft in the editor, apply later
        Discard,  ///< drop the draft's changes: the editor shows the running config
    };
    /// Asks the user; `rebase` holds the rebased draft, both sides' changes and the conflicts.
    using RebaseQuestion = std::function<RebaseChoice(const DraftRebase &rebase)>;

    explicit ConfigEditor(QWidget *parent = nullptr);
    ~ConfigEditor() override;

    /// Replaces the message box that asks about an edited draft on connect
    /// (tests answer without a dialog); an empty function restores it.
    void setDraftQuestion(DraftQuestion question);
    /// Replaces the dialog that offers to rebase the draft (tests answer
    /// without one); an empty function restores it.
    void setRebaseQuestion(RebaseQuestion question);

    /// The balancer to compare with and apply to; nullptr for none. Not owned.
    void setClient(BalancerClient *client);

    /// Opens a file without asking anything; false with `error`.
    bool openFile(const QString &path, QString *error);
    /// Opens a file as the user asked: unsaved changes are asked about first,
    /// errors and a legacy import report are shown.
    bool openFileInteractive(const QString &path);
    bool saveFile(const QString &path, QString *error);
    /// Asks whether to save unsaved changes; false when the user cancels.
    bool maybeSave();

    void selectItem(const ConfigItemRef &ref);
    ConfigItemRef selectedItem() const;
    /// What applying the draft would change in the running config; empty
    /// when no running config is known.
    QList<ConfigChange> pendingChanges() const { return m_pending; }
    bool hasRunningConfig() const { return m_hasRunning; }
    const Config &runningConfig() const { return m_running; }
    /// The ETag of the running config the draft is based on: what an apply
    /// sends as If-Match. Empty when the balancer gives none.
    QByteArray baseEtag() const { return m_baseEtag; }

    /// Applies the draft to the client's balancer without asking (the Apply
    /// dialog's second half). The outcome goes to statusMessage().
    void applyDraft();

    /// Makes history version `number` the running config again, without
    /// asking (the rollback dialog's second half). False when the version
    /// is not kept or no balancer is connected.
    bool applyVersion(int number);

    ConfigDraft *draft() const { return m_draft; }
    ConfigHistory *history() const { return m_history; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    ConfigTreeModel *treeModel() const { return m_treeModel; }
    QTreeView *treeView() const { return m_tree; }
    PropertyForm *form() const { return m_form; }
    XmlSourceEdit *sourceEdit() const { return m_source; }
    QListWidget *problemList() const { return m_problems; }

    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *applyAction() const { return m_apply; }
    QAction *revertAction() const { return m_revert; }
    /// Shows or hides the config history panel (checkable); for the View menu.
    QAction *historyAction() const { return m_showHistory; }
    QList<QAction *> itemActions() const;

public Q_SLOTS:
    void newFile();
    void open();
    bool save();
    bool saveAs();
    /// Shows the diff and its impact, then applies (the "Apply" button).
    void applyToRunning();
    /// Replaces the draft's model with the running config (undoable; keeps comments).
    void revertToRunning();
    /// Fetches the running config again (after a change from elsewhere).
    void refreshRunningConfig();
    /// Shows what rolling back to history version `number` changes, then
    /// applies it (the history panel's button).
    void rollbackTo(int number);

Q_SIGNALS:
    void statusMessage(const QString &message);
    /// A file was opened or saved: for the recent-files list.
    void fileUsed(const QString &path);
    /// The file name or the modified flag changed.
    void documentStateChanged();

private:
    // The constructor's parts.
    /// Creates every action, in menu order, and connects its trigger.
    void createActions();
    /// Undo and redo through the draft's stack, with texts that say what
    /// they would undo or redo.
    void connectUndoRedo();
    QToolBar *createToolBar();
    /// The tree, the form with the problem list, and the XML source, side by side.
    QSplitter *createEditingArea();
    void setUpTree();
    /// The scrollable property form above the problem list.
    QWidget *createFormArea();
    /// The pending changes with the Apply, Revert and History buttons.
    QFrame *createPendingBar();
    /// The history panel, hidden, under the `editing` area.
    QSplitter *createHistoryArea(QWidget *editing);
    void connectDraft();

    void handleDraftChanged();
    void handleSelectionChanged();
    void handleFormEdit(const ConfigItemRef &ref, const QString &key, const QVariant &value);
    void handleProblemActivated(QListWidgetItem *item);
    void updatePending();
    /// Fetches the running config and records it in the history as `origin`.
    void fetchRunning(const QString &origin);
    void fetchBalancerHistory();
    void handleRunningConfig(const QByteArray &xml, const QString &origin, const QByteArray &etag = {});
    /// The running config moved on under the draft (412 on apply): fetches
    /// it, rebases the draft onto it and asks what to do.
    void offerRebase();
    RebaseChoice askAboutRebase(const DraftRebase &rebase);
    /// The first running config of a new connection: loads it unless the
    /// draft already says the same or the user keeps an edited draft.
    void startFromRunning();
    DraftChoice askAboutDraft(const QList<ConfigChange> &pending);
    /// Sends `xml` through the client's apply call; `origin` names the
    /// resulting history version.
    void sendConfig(const QByteArray &xml, const QString &origin, const QByteArray &ifMatch = {});
    void updateActions();
    void addItem(ConfigItemRef::Kind kind);
    void removeSelected();
    int lineOf(const ConfigItemRef &ref) const;
    QAction *makeAction(const QString &text, const QKeySequence &shortcut, const QString &tip);

    QPointer<BalancerClient> m_client;
    ConfigDraft *m_draft;
    ConfigTreeModel *m_treeModel;
    QTreeView *m_tree;
    PropertyForm *m_form;
    XmlSourceEdit *m_source;
    QListWidget *m_problems;
    QLabel *m_pendingLabel;
    QPushButton *m_applyButton;
    QPushButton *m_revertButton;
    ConfigItemRef m_wantedSelection;
    bool m_selecting = false;
    Config m_running;
    QByteArray m_runningXml;
    bool m_hasRunning = false;
    QByteArray m_runningEtag;  ///< the ETag of m_running, when the balancer gives one
    // The running config the draft is based on (and its ETag): the user's
    // changes are diff(m_base, draft). It follows the running config while
    // the draft says the same; it stays put while the draft has changes.
    Config m_base;
    QByteArray m_baseEtag;
    bool m_hasBase = false;
    RebaseQuestion m_rebaseQuestion;
    // Set by setClient(): the next running config is the connection's first.
    bool m_startFromRunning = false;
    DraftQuestion m_draftQuestion;
    QList<ConfigChange> m_pending;
    ConfigHistory *m_history;
    HistoryPanel *m_historyPanel;
    QPushButton *m_historyButton;
    int m_appliesInFlight = 0;
    // The config our last apply sent and what to call it in the history:
    // fetches may answer out of order, so the version is recognized by
    // its content rather than by which fetch brought it.
    Config m_sentConfig;
    QString m_sentOrigin;

    QAction *m_new;
    QAction *m_open;
    QAction *m_save;
    QAction *m_saveAs;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_addService;
    QAction *m_addListener;
    QAction *m_addGroup;
    QAction *m_addHost;
    QAction *m_addUser;
    QAction *m_remove;
    QAction *m_apply;
    QAction *m_revert;
    QAction *m_showHistory;
};

}  // namespace Balancier
