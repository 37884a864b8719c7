#include "configeditor.h"
#include "changetext.h"

#include "applydialog.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "configdraft.h"
#include "configfield.h"
#include "confighistory.h"
#include "configtreemodel.h"
#include "draftrebase.h"
#include "historypanel.h"
#include "propertyform.h"
#include "xmlsourceedit.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

/// A new config: one service with one group and one host, ready to adapt.
Config starterConfig()
{
    Config config;
    ServiceConfig service;
    service.name = u"web"_s;
    service.listeners.append(u"127.0.0.1:8080"_s);
    GroupConfig group;
    group.name = u"main"_s;
    HostConfig host;
    host.name = u"a"_s;
    host.address = u"127.0.0.1:8001"_s;
    group.hosts.append(host);
    service.groups.append(group);
    service.enabledGroup = group.name;
    config.services.append(service);
    return config;
}

QString uniqueName(const QString &stem, const QStringList &taken)
{
    for (int i = 1;; ++i) {
        const QString name = stem + QString::number(i);
        if (!taken.contains(name))
            return name;
    }
}

}  // namespace

ConfigEditor::ConfigEditor(QWidget *parent)
    : QWidget(parent)
    , m_draft(new ConfigDraft(this))
    , m_treeModel(new ConfigTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_form(new PropertyForm(this))
    , m_source(new XmlSourceEdit(this))
    , m_problems(new QListWidget(this))
    , m_pendingLabel(new QLabel(this))
    , m_applyButton(new QPushButton(this))
    , m_revertButton(new QPushButton(this))
    , m_history(new ConfigHistory(this))
    , m_historyPanel(new HistoryPanel(m_history, this))
    , m_historyButton(new QPushButton(this))
{
    createActions();
    connectUndoRedo();
    QToolBar *toolbar = createToolBar();
    QSplitter *editing = createEditingArea();
    QFrame *pendingBar = createPendingBar();
    QSplitter *vertical = createHistoryArea(editing);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(pendingBar);
    layout->addWidget(vertical, 1);

    connectDraft();
    m_wantedSelection.kind = ConfigItemRef::Kind::Settings;
    m_draft->loadData(ConfigDocument::serialize(starterConfig()), tr("Untitled"));
    handleDraftChanged();
}

// The constructor's parts, in the order it calls them: widgets are created
// in that order, which is also the default focus order.

void ConfigEditor::createActions()
{
    m_new = makeAction(tr("&New Config"), QKeySequence::New, tr("Start a new config"));
    m_open = makeAction(tr("&Open Config…"), QKeySequence::Open, tr("Open a config file"));
    m_save = makeAction(tr("&Save Config"), QKeySequence::Save, tr("Save the config (comments are kept)"));
    m_saveAs
        = makeAction(tr("Save Config &As…"), QKeySequence::SaveAs, tr("Save the config under another name"));
    m_undo = makeAction(tr("&Undo"), QKeySequence::Undo, tr("Undo the last edit"));
    m_redo = makeAction(tr("&Redo"), QKeySequence::Redo, tr("Redo the edit undone last"));
    // The toolbar shows the short text, so that it does not change width
    // with every edit; the menu and the tooltip say what would be undone.
    m_undo->setIconText(tr("Undo"));
    m_redo->setIconText(tr("Redo"));
    m_undo->setShortcutContext(Qt::WindowShortcut);
    m_redo->setShortcutContext(Qt::WindowShortcut);
    m_addService = makeAction(tr("Add &Service"), {}, tr("Add a service"));
    m_addListener = makeAction(tr("Add &Listener"), {}, tr("Add a listener to the selected service"));
    m_addGroup = makeAction(tr("Add &Group"), {}, tr("Add a group to the selected service"));
    m_addHost = makeAction(
        tr("Add &Host"), QKeySequence(Qt::CTRL | Qt::Key_Insert), tr("Add a host to the selected group"));
    m_addUser = makeAction(tr("Add Admin &User"), {}, tr("Add an admin API user"));
    m_remove = makeAction(
        tr("&Remove Item"), QKeySequence(Qt::CTRL | Qt::Key_Delete), tr("Remove the selected item"));
    m_apply = makeAction(tr("&Apply to Running Balancer…"), QKeySequence(Qt::CTRL | Qt::Key_Return),
        tr("Show what changes, then apply the draft to the running balancer"));
    m_revert
        = makeAction(tr("Re&vert to Running Config"), {}, tr("Replace the draft with the running config"));
    m_showHistory = makeAction(tr("Config &History"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
        tr("Show the versions of the running config and roll back to one"));
    m_showHistory->setCheckable(true);
    connect(m_new, &QAction::triggered, this, &ConfigEditor::newFile);
    connect(m_open, &QAction::triggered, this, &ConfigEditor::open);
    connect(m_save, &QAction::triggered, this, &ConfigEditor::save);
    connect(m_saveAs, &QAction::triggered, this, &ConfigEditor::saveAs);
    connect(m_addService, &QAction::triggered, this, [this] { addItem(ConfigItemRef::Kind::Service); });
    connect(m_addListener, &QAction::triggered, this, [this] { addItem(ConfigItemRef::Kind::Listener); });
    connect(m_addGroup, &QAction::triggered, this, [this] { addItem(ConfigItemRef::Kind::Group); });
    connect(m_addHost, &QAction::triggered, this, [this] { addItem(ConfigItemRef::Kind::Host); });
    connect(m_addUser, &QAction::triggered, this, [this] { addItem(ConfigItemRef::Kind::User); });
    connect(m_remove, &QAction::triggered, this, &ConfigEditor::removeSelected);
    connect(m_apply, &QAction::triggered, this, &ConfigEditor::applyToRunning);
    connect(m_revert, &QAction::triggered, this, &ConfigEditor::revertToRunning);
}

void ConfigEditor::connectUndoRedo()
{
    // Own undo/redo actions rather than QUndoStack's: typing that still
    // waits for its pause must become a step before the undo runs.
    QUndoStack *stack = m_draft->undoStack();
    connect(m_undo, &QAction::triggered, this, [this, stack] {
        m_source->flushEdits();
        stack->undo();
    });
    connect(m_redo, &QAction::triggered, this, [this, stack] {
        m_source->flushEdits();
        stack->redo();
    });
    const auto updateUndo = [this, stack] {
        m_undo->setEnabled(stack->canUndo() || m_source->hasPendingEdits());
        m_redo->setEnabled(stack->canRedo());
        m_undo->setText(stack->undoText().isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(stack->undoText()));
        m_redo->setText(stack->redoText().isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(stack->redoText()));
        m_undo->setToolTip(
            stack->undoText().isEmpty() ? tr("Undo the last edit") : tr("Undo: %1").arg(stack->undoText()));
        m_redo->setToolTip(stack->redoText().isEmpty() ? tr("Redo the edit undone last")
                                                       : tr("Redo: %1").arg(stack->redoText()));
    };
    connect(stack, &QUndoStack::indexChanged, this, updateUndo);
    connect(stack, &QUndoStack::cleanChanged, this, updateUndo);
    connect(m_source, &QPlainTextEdit::textChanged, this, updateUndo);
    updateUndo();
}

QToolBar *ConfigEditor::createToolBar()
{
    auto *toolbar = new QToolBar(tr("Config"), this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions({m_new, m_open, m_save});
    toolbar->addSeparator();
    toolbar->addActions({m_undo, m_redo});
    toolbar->addSeparator();
    toolbar->addActions({m_addService, m_addListener, m_addGroup, m_addHost, m_addUser, m_remove});
    toolbar->addSeparator();
    toolbar->addAction(m_showHistory);
    return toolbar;
}

QSplitter *ConfigEditor::createEditingArea()
{
    setUpTree();
    QWidget *middle = createFormArea();

    connect(m_source, &XmlSourceEdit::textEditedByUser, this,
        [this](const QString &text) { m_draft->editText(text.toUtf8()); });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"editorSplitter"_s);
    splitter->addWidget(m_tree);
    splitter->addWidget(middle);
    splitter->addWidget(m_source);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 4);
    return splitter;
}

void ConfigEditor::setUpTree()
{
    m_tree->setModel(m_treeModel);
    m_tree->setObjectName(u"configTree"_s);
    m_tree->setAccessibleName(tr("Config items"));
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(0, 170);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->addActions({m_addService, m_addListener, m_addGroup, m_addHost, m_addUser, m_remove});
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ConfigEditor::handleSelectionChanged);
    connect(m_treeModel, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        m_tree->setCurrentIndex(m_treeModel->indexOf(m_wantedSelection));
    });
}

QWidget *ConfigEditor::createFormArea()
{
    auto *formScroll = new QScrollArea(this);
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    connect(m_form, &PropertyForm::edited, this, &ConfigEditor::handleFormEdit);

    m_problems->setObjectName(u"problemList"_s);
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setMaximumHeight(120);
    // A click shows the problem in the source at once (activation alone
    // needs a double click on some platforms); Enter does it from the keyboard.
    connect(m_problems, &QListWidget::itemActivated, this, &ConfigEditor::handleProblemActivated);
    connect(m_problems, &QListWidget::itemClicked, this, &ConfigEditor::handleProblemActivated);

    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(formScroll, 1);
    auto *problemsLabel = new QLabel(tr("&Problems:"), this);
    problemsLabel->setBuddy(m_problems);
    middleLayout->addWidget(problemsLabel);
    middleLayout->addWidget(m_problems);
    return middle;
}

QFrame *ConfigEditor::createPendingBar()
{
    // The pending-changes bar: always visible, so the user knows whether
    // the draft and the running balancer agree.
    auto *pendingBar = new QFrame(this);
    pendingBar->setFrameShape(QFrame::StyledPanel);
    auto *pendingLayout = new QHBoxLayout(pendingBar);
    pendingLayout->setContentsMargins(6, 2, 6, 2);
    m_pendingLabel->setObjectName(u"pendingLabel"_s);
    m_pendingLabel->setAccessibleName(tr("Pending changes"));
    // A long list of changes is cut, not allowed to widen the window past
    // the screen; the tooltip lists them all.
    m_pendingLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_applyButton->setText(tr("Apply…"));
    m_revertButton->setText(tr("Revert"));
    connect(m_applyButton, &QPushButton::clicked, m_apply, &QAction::trigger);
    connect(m_revertButton, &QPushButton::clicked, m_revert, &QAction::trigger);
    pendingLayout->addWidget(m_pendingLabel, 1);
    pendingLayout->addWidget(m_applyButton);
    pendingLayout->addWidget(m_revertButton);
    m_historyButton->setText(tr("History"));
    m_historyButton->setCheckable(true);
    m_historyButton->setToolTip(m_showHistory->toolTip());
    connect(m_historyButton, &QPushButton::toggled, m_showHistory, &QAction::setChecked);
    connect(m_showHistory, &QAction::toggled, m_historyButton, &QPushButton::setChecked);
    pendingLayout->addWidget(m_historyButton);
    return pendingBar;
}

QSplitter *ConfigEditor::createHistoryArea(QWidget *editing)
{
    // The history sits under the editing area, hidden until asked for.
    m_historyPanel->setVisible(false);
    connect(m_showHistory, &QAction::toggled, m_historyPanel, &QWidget::setVisible);
    connect(m_historyPanel, &HistoryPanel::rollbackRequested, this, &ConfigEditor::rollbackTo);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->setObjectName(u"editorHistorySplitter"_s);
    vertical->addWidget(editing);
    vertical->addWidget(m_historyPanel);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setCollapsible(0, false);
    return vertical;
}

void ConfigEditor::connectDraft()
{
    connect(m_draft, &ConfigDraft::changed, this, &ConfigEditor::handleDraftChanged);
    connect(m_draft, &ConfigDraft::modifiedChanged, this, &ConfigEditor::documentStateChanged);
    connect(m_draft, &ConfigDraft::filePathChanged, this, &ConfigEditor::documentStateChanged);
}

ConfigEditor::~ConfigEditor()
{
    // The children are destroyed after this object stopped being a ConfigEditor.
    m_draft->disconnect(this);
    m_source->disconnect(this);
}

QAction *ConfigEditor::makeAction(const QString &text, const QKeySequence &shortcut, const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setShortcut(shortcut);
    action->setStatusTip(tip);
    action->setToolTip(
        shortcut.isEmpty() ? tip : tip + u" ("_s + shortcut.toString(QKeySequence::NativeText) + u')');
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    return action;
}

QList<QAction *> ConfigEditor::itemActions() const
{
    return {m_addService, m_addListener, m_addGroup, m_addHost, m_addUser, m_remove};
}

void ConfigEditor::setClient(BalancerClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    if (client != m_client)
        m_history->clear();
    m_client = client;
    m_hasRunning = false;
    m_running = Config();
    m_appliesInFlight = 0;
    m_sentOrigin.clear();
    m_runningXml.clear();
    m_runningEtag.clear();
    m_base = Config();
    m_baseEtag.clear();
    m_hasBase = false;
    m_startFromRunning = client != nullptr;
    m_draft->setAdminFiles(client && !client->isLocal() ? AdminFiles::Skipped : AdminFiles::Checked);
    if (client) {
        connect(client, &BalancerClient::stateChanged, this, [this](BalancerClient::State state) {
            if (state == BalancerClient::State::Connected)
                fetchRunning(tr("running when connected"));
            updateActions();
        });
        connect(client, &BalancerClient::configApplied, this, &ConfigEditor::refreshRunningConfig);
        if (client->state() == BalancerClient::State::Connected)
            fetchRunning(tr("running when connected"));
    }
    updatePending();
    updateActions();
}

void ConfigEditor::refreshRunningConfig()
{
    // While one of our own applies is under way, its reply fetches the
    // result and names it; a change announced meanwhile is most likely ours.
    if (m_appliesInFlight > 0)
        return;
    fetchRunning(tr("changed outside this editor"));
}

void ConfigEditor::fetchRunning(const QString &origin)
{
    if (!m_client)
        return;
    m_client->fetchRunningConfig(this, [this, origin](const ClientReply &reply) {
        if (reply.ok)
            handleRunningConfig(reply.data, origin, reply.etag);
    });
}

void ConfigEditor::fetchBalancerHistory()
{
    // The balancer's own history, when it keeps one, replaces what this app
    // saw: it has the changes made while the app was closed, and who made them.
    if (!m_client)
        return;
    m_client->fetchConfigHistory(this, [this](const ClientReply &reply) {
        if (reply.ok)
            m_history->setBalancerVersions(reply.data);
    });
}

void ConfigEditor::handleRunningConfig(const QByteArray &xml, const QString &origin, const QByteArray &etag)
{
    const LoadResult loaded = ConfigReader::readData(xml, tr("running config"), AdminFiles::Skipped);
    m_running = loaded.config;
    m_runningXml = xml;
    m_runningEtag = etag;
    m_hasRunning = true;
    if (!m_hasBase) {
        m_base = m_running;
        m_baseEtag = m_runningEtag;
        m_hasBase = true;
    }
    QString name = origin;
    if (!m_sentOrigin.isEmpty() && diffConfigs(m_sentConfig, loaded.config).isEmpty()) {
        name = m_sentOrigin;
        m_sentOrigin.clear();
    }
    m_history->record(xml, loaded.config, name);
    fetchBalancerHistory();
    if (m_startFromRunning) {
        m_startFromRunning = false;
        startFromRunning();
    }
    updatePending();
    updateActions();
}

void ConfigEditor::setDraftQuestion(DraftQuestion question)
{
    m_draftQuestion = std::move(question);
}

void ConfigEditor::startFromRunning()
{
    m_source->flushEdits();
    // A draft that already says what runs (the file the balancer was
    // started with, say) keeps its file and its undo history.
    if (m_draft->isWellFormed() && diffConfigs(m_running, m_draft->config()).isEmpty())
        return;
    // Otherwise one click on Apply would replace what runs with the draft:
    // an edited draft is the user's work and is replaced only when asked.
    if (m_draft->isModified()) {
        const QList<ConfigChange> pending
            = m_draft->isWellFormed() ? diffConfigs(m_running, m_draft->config()) : QList<ConfigChange>();
        if (askAboutDraft(pending) == DraftChoice::KeepDraft)
            return;
    }
    m_wantedSelection = ConfigItemRef{ConfigItemRef::Kind::Settings, {}, {}, {}};
    m_draft->loadData(m_runningXml, tr("Running config"));
    Q_EMIT statusMessage(tr("The editor shows the running config."));
}

ConfigEditor::DraftChoice ConfigEditor::askAboutDraft(const QList<ConfigChange> &pending)
{
    if (m_draftQuestion)
        return m_draftQuestion(pending);
    QStringList lines;
    for (const ConfigChange &change : pending)
        lines.append(ChangeText::describe(change));
    QMessageBox box(QMessageBox::Question, tr("Running Config"),
        tr("The balancer runs a config that differs from your edited draft %1. Keep editing the draft, or "
           "load the running config into the editor (the draft's unsaved edits are discarded)?")
            .arg(m_draft->displayName()),
        QMessageBox::NoButton, this);
    QPushButton *keep = box.addButton(tr("&Keep My Draft"), QMessageBox::RejectRole);
    QPushButton *load = box.addButton(tr("&Load the Running Config"), QMessageBox::AcceptRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    if (!lines.isEmpty())
        box.setDetailedText(lines.join(u'\n'));
    box.exec();
    return box.clickedButton() == load ? DraftChoice::LoadRunning : DraftChoice::KeepDraft;
}

bool ConfigEditor::openFile(const QString &path, QString *error)
{
    m_wantedSelection = ConfigItemRef();
    m_wantedSelection.kind = ConfigItemRef::Kind::Settings;
    if (!m_draft->load(path, error))
        return false;
    Q_EMIT fileUsed(QFileInfo(path).absoluteFilePath());
    return true;
}

bool ConfigEditor::openFileInteractive(const QString &path)
{
    if (!maybeSave())
        return false;
    QString error;
    if (!openFile(path, &error)) {
        QMessageBox::warning(this, tr("Open Config"), tr("Cannot open %1.").arg(path) + u"\n\n"_s + error);
        return false;
    }
    if (!m_draft->importReport().isEmpty()) {
        QStringList lines;
        for (const Diagnostic &note : m_draft->importReport())
            lines.append(note.toString());
        QMessageBox box(QMessageBox::Information, tr("Imported Legacy Config"),
            tr("%1 was written for an older balancer and was converted. Check the import report, then save "
               "the converted config under a new name.")
                .arg(QFileInfo(path).fileName()),
            QMessageBox::Ok, this);
        box.setDetailedText(lines.join(u'\n'));
        box.exec();
    }
    Q_EMIT statusMessage(tr("Opened %1").arg(path));
    return true;
}

bool ConfigEditor::saveFile(const QString &path, QString *error)
{
    m_source->flushEdits();
    if (!m_draft->save(path, error))
        return false;
    Q_EMIT fileUsed(m_draft->filePath());
    return true;
}

void ConfigEditor::newFile()
{
    if (!maybeSave())
        return;
    m_wantedSelection = ConfigItemRef{ConfigItemRef::Kind::Settings, {}, {}, {}};
    m_draft->loadData(ConfigDocument::serialize(starterConfig()), tr("Untitled"));
}

void ConfigEditor::open()
{
    const QString start = m_draft->filePath().isEmpty() ? QString() : QFileInfo(m_draft->filePath()).path();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Config"), start, tr("Balancier configs (*.xml);;All files (*)"));
    if (!path.isEmpty())
        openFileInteractive(path);
}

bool ConfigEditor::save()
{
    if (m_draft->filePath().isEmpty())
        return saveAs();
    QString error;
    if (!saveFile(m_draft->filePath(), &error)) {
        QMessageBox::warning(this, tr("Save Config"), error);
        return false;
    }
    Q_EMIT statusMessage(tr("Saved %1").arg(m_draft->filePath()));
    return true;
}

bool ConfigEditor::saveAs()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Config As"), m_draft->filePath(), tr("Balancier configs (*.xml);;All files (*)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".xml"_s;
    QString error;
    if (!saveFile(path, &error)) {
        QMessageBox::warning(this, tr("Save Config"), error);
        return false;
    }
    Q_EMIT statusMessage(tr("Saved %1").arg(path));
    return true;
}

bool ConfigEditor::maybeSave()
{
    m_source->flushEdits();
    if (!m_draft->isModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved Changes"),
        tr("The config %1 has unsaved changes. Save them?").arg(m_draft->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

int ConfigEditor::lineOf(const ConfigItemRef &ref) const
{
    Config config = m_draft->config();
    switch (ref.kind) {
    case ConfigItemRef::Kind::Service:
        if (const ServiceConfig *s = ConfigFields::service(config, ref))
            return s->pos.line;
        break;
    case ConfigItemRef::Kind::Listener:
        if (const ServiceConfig *s = ConfigFields::service(config, ref))
            return s->listenerPos.value(s->listeners.indexOf(ref.name)).line;
        break;
    case ConfigItemRef::Kind::Group:
        if (const GroupConfig *g = ConfigFields::group(config, ref))
            return g->pos.line;
        break;
    case ConfigItemRef::Kind::Host:
        if (const HostConfig *h = ConfigFields::host(config, ref))
            return h->pos.line;
        break;
    case ConfigItemRef::Kind::User:
        if (const AdminUser *u = ConfigFields::user(config, ref))
            return u->pos.line;
        break;
    case ConfigItemRef::Kind::Admin:
        return config.admin.pos.line;
    default:
        break;
    }
    return 0;
}

void ConfigEditor::handleDraftChanged()
{
    const bool wellFormed = m_draft->isWellFormed();
    if (wellFormed) {
        if (!m_wantedSelection.isValid())
            m_wantedSelection = selectedItem();
        m_treeModel->setConfig(m_draft->config());
        QModelIndex index = m_treeModel->indexOf(m_wantedSelection);
        if (!index.isValid())
            index = m_treeModel->index(0, 0);
        if (index != m_tree->currentIndex()) {
            m_selecting = true;
            m_tree->setCurrentIndex(index);
            m_selecting = false;
        }
        m_wantedSelection = ConfigItemRef();
        const ConfigItemRef ref = selectedItem();
        m_form->setItem(ref, m_draft->config());
    }
    m_form->setReadOnly(!wellFormed);
    m_tree->setEnabled(wellFormed);

    QList<Diagnostic> diagnostics = m_draft->diagnostics();
    m_form->setDiagnostics(diagnostics, lineOf(selectedItem()));
    m_source->setSourceText(QString::fromUtf8(m_draft->text()));
    m_source->setDiagnostics(diagnostics);

    m_problems->clear();
    for (const Diagnostic &diagnostic : std::as_const(diagnostics)) {
        const QString where = diagnostic.line <= 0 ? QString()
            : diagnostic.column > 0 ? tr("Line %1:%2: ").arg(diagnostic.line).arg(diagnostic.column)
                                    : tr("Line %1: ").arg(diagnostic.line);
        auto *item = new QListWidgetItem(where
                + (diagnostic.element.isEmpty() ? QString() : diagnostic.element + u": "_s)
                + diagnostic.message,
            m_problems);
        item->setData(Qt::UserRole, diagnostic.line);
        item->setData(Qt::UserRole + 1, diagnostic.column);
        item->setIcon(style()->standardIcon(diagnostic.severity == Diagnostic::Severity::Error
                ? QStyle::SP_MessageBoxCritical
                : QStyle::SP_MessageBoxWarning));
    }
    if (!wellFormed && diagnostics.isEmpty())
        new QListWidgetItem(m_draft->parseError(), m_problems);
    if (m_problems->count() == 0)
        new QListWidgetItem(tr("No problems."), m_problems);
    updatePending();
    updateActions();
}

ConfigItemRef ConfigEditor::selectedItem() const
{
    return m_treeModel->refAt(m_tree->currentIndex());
}

void ConfigEditor::selectItem(const ConfigItemRef &ref)
{
    const QModelIndex index = m_treeModel->indexOf(ref);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

void ConfigEditor::handleSelectionChanged()
{
    if (m_selecting)
        return;
    const ConfigItemRef ref = selectedItem();
    m_form->setItem(ref, m_draft->config());
    m_form->setDiagnostics(m_draft->diagnostics(), lineOf(ref));
    const int line = lineOf(ref);
    if (line > 0 && !m_source->hasFocus()) {
        QTextCursor cursor(m_source->document()->findBlockByNumber(line - 1));
        m_source->setTextCursor(cursor);
        m_source->centerCursor();
    }
    updateActions();
}

void ConfigEditor::handleFormEdit(const ConfigItemRef &ref, const QString &key, const QVariant &value)
{
    m_source->flushEdits();
    Config config = m_draft->config();
    ConfigItemRef target = ref;
    for (const ConfigField &field : ConfigFields::forKind(ref.kind)) {
        if (field.key != key)
            continue;
        field.set(config, target, value);
        m_wantedSelection = target;
        // Stepping a number merges into one undo step; other edits are one each.
        const QString merge = field.type == ConfigField::Type::Integer
            ? u"%1/%2/%3/%4/%5"_s.arg(int(ref.kind)).arg(ref.service, ref.group, ref.name, key)
            : QString();
        m_draft->editModel(config, tr("Change %1").arg(field.label), merge);
        return;
    }
}

void ConfigEditor::handleProblemActivated(QListWidgetItem *item)
{
    const int line = item->data(Qt::UserRole).toInt();
    if (line > 0)
        m_source->goToLine(line, item->data(Qt::UserRole + 1).toInt());
}

void ConfigEditor::addItem(ConfigItemRef::Kind kind)
{
    m_source->flushEdits();
    if (!m_draft->isWellFormed())
        return;
    Config config = m_draft->config();
    const ConfigItemRef at = selectedItem();
    ConfigItemRef added;
    added.kind = kind;
    QString description;
    switch (kind) {
    case ConfigItemRef::Kind::Service: {
        QStringList names;
        for (const ServiceConfig &s : config.services)
            names.append(s.name);
        ServiceConfig service;
        service.name = uniqueName(u"service"_s, names);
        service.listeners.append(u"127.0.0.1:0"_s);
        GroupConfig group;
        group.name = u"main"_s;
        service.groups.append(group);
        service.enabledGroup = group.name;
        config.services.append(service);
        added.service = service.name;
        description = tr("Add service %1").arg(service.name);
        break;
    }
    case ConfigItemRef::Kind::Listener: {
        ServiceConfig *service = ConfigFields::service(config, at);
        if (!service)
            return;
        QString address;
        for (int port = 8080;; ++port) {
            address = u"127.0.0.1:%1"_s.arg(port);
            if (!service->listeners.contains(address))
                break;
        }
        service->listeners.append(address);
        added.service = service->name;
        added.name = address;
        description = tr("Add listener %1").arg(address);
        break;
    }
    case ConfigItemRef::Kind::Group: {
        ServiceConfig *service = ConfigFields::service(config, at);
        if (!service)
            return;
        QStringList names;
        for (const GroupConfig &g : service->groups)
            names.append(g.name);
        GroupConfig group;
        group.name = uniqueName(u"group"_s, names);
        service->groups.append(group);
        if (service->enabledGroup.isEmpty())
            service->enabledGroup = group.name;
        added.service = service->name;
        added.group = group.name;
        description = tr("Add group %1").arg(group.name);
        break;
    }
    case ConfigItemRef::Kind::Host: {
        GroupConfig *group = ConfigFields::group(config, at);
        if (!group)
            return;
        QStringList names;
        for (const HostConfig &h : group->hosts)
            names.append(h.name);
        HostConfig host;
        host.name = uniqueName(u"host"_s, names);
        host.address = u"127.0.0.1:%1"_s.arg(8001 + group->hosts.size());
        group->hosts.append(host);
        added.service = at.service;
        added.group = at.group;
        added.name = host.name;
        description = tr("Add host %1").arg(host.name);
        break;
    }
    case ConfigItemRef::Kind::User: {
        QStringList names;
        for (const AdminUser &u : config.admin.users)
            names.append(u.name);
        AdminUser user;
        user.name = uniqueName(u"user"_s, names);
        user.access = AdminUser::Access::ReadOnly;
        config.admin.users.append(user);
        config.admin.enabled = true;
        added.name = user.name;
        description = tr("Add admin user %1").arg(user.name);
        break;
    }
    default:
        return;
    }
    m_wantedSelection = added;
    m_draft->editModel(config, description);
}

void ConfigEditor::removeSelected()
{
    m_source->flushEdits();
    const ConfigItemRef ref = selectedItem();
    Config config = m_draft->config();
    ConfigItemRef parent;
    QString description;
    switch (ref.kind) {
    case ConfigItemRef::Kind::Service:
        config.services.removeIf([&ref](const ServiceConfig &s) { return s.name == ref.service; });
        parent.kind = ConfigItemRef::Kind::Settings;
        description = tr("Remove service %1").arg(ref.service);
        break;
    case ConfigItemRef::Kind::Listener:
        if (ServiceConfig *s = ConfigFields::service(config, ref)) {
            s->listeners.removeAll(ref.name);
            s->listenerProxy.removeIf(
                [&ref](const ListenerProxyConfig &options) { return options.listener == ref.name; });
            s->listenerTls.removeIf(
                [&ref](const ListenerTlsConfig &options) { return options.listener == ref.name; });
        }
        parent = {ConfigItemRef::Kind::Service, ref.service, {}, {}};
        description = tr("Remove listener %1").arg(ref.name);
        break;
    case ConfigItemRef::Kind::Group:
        if (ServiceConfig *s = ConfigFields::service(config, ref)) {
            s->groups.removeIf([&ref](const GroupConfig &g) { return g.name == ref.group; });
            if (s->enabledGroup == ref.group)
                s->enabledGroup = s->groups.isEmpty() ? QString() : s->groups.constFirst().name;
        }
        parent = {ConfigItemRef::Kind::Service, ref.service, {}, {}};
        description = tr("Remove group %1").arg(ref.group);
        break;
    case ConfigItemRef::Kind::Host:
        if (GroupConfig *g = ConfigFields::group(config, ref))
            g->hosts.removeIf([&ref](const HostConfig &h) { return h.name == ref.name; });
        parent = {ConfigItemRef::Kind::Group, ref.service, ref.group, {}};
        description = tr("Remove host %1").arg(ref.name);
        break;
    case ConfigItemRef::Kind::User:
        config.admin.users.removeIf([&ref](const AdminUser &u) { return u.name == ref.name; });
        parent.kind = ConfigItemRef::Kind::Admin;
        description = tr("Remove admin user %1").arg(ref.name);
        break;
    default:
        return;
    }
    m_wantedSelection = parent;
    m_draft->editModel(config, description);
}

void ConfigEditor::updatePending()
{
    const bool connected = m_client && m_client->state() == BalancerClient::State::Connected;
    m_pending.clear();
    if (!connected || !m_hasRunning) {
        m_pendingLabel->setText(connected
                ? tr("Reading the running config…")
                : tr("Not connected to a balancer: nothing to compare the draft with."));
        m_pendingLabel->setToolTip(QString());
    } else if (!m_draft->isWellFormed()) {
        m_pendingLabel->setText(
            tr("The XML source is not well-formed: fix it to compare with the running config."));
    } else {
        m_pending = diffConfigs(m_running, m_draft->config());
        if (m_pending.isEmpty()) {
            // The draft says what runs: nothing of the user's to keep, so
            // the next edit is based on this version.
            m_base = m_running;
            m_baseEtag = m_runningEtag;
            m_hasBase = true;
        }
        QStringList lines;
        for (const ConfigChange &change : std::as_const(m_pending))
            lines.append(ChangeText::describe(change));
        m_pendingLabel->setText(m_pending.isEmpty()
                ? tr("The draft matches the running config.")
                : tr("%n change(s) not applied to the running balancer: ", nullptr, int(m_pending.size()))
                    + lines.mid(0, 2).join(u"; "_s) + (lines.size() > 2 ? u"; …"_s : QString()));
        m_pendingLabel->setToolTip(lines.join(u'\n'));
    }
}

void ConfigEditor::updateActions()
{
    const ConfigItemRef ref = selectedItem();
    const bool editable = m_draft->isWellFormed();
    const bool inService = ref.kind == ConfigItemRef::Kind::Service
        || ref.kind == ConfigItemRef::Kind::Listener || ref.kind == ConfigItemRef::Kind::Group
        || ref.kind == ConfigItemRef::Kind::Host;
    m_addService->setEnabled(editable);
    m_addUser->setEnabled(editable);
    m_addListener->setEnabled(editable && inService);
    m_addGroup->setEnabled(editable && inService);
    m_addHost->setEnabled(
        editable && (ref.kind == ConfigItemRef::Kind::Group || ref.kind == ConfigItemRef::Kind::Host));
    m_remove->setEnabled(editable && (inService || ref.kind == ConfigItemRef::Kind::User));
    const bool connected = m_client && m_client->state() == BalancerClient::State::Connected;
    m_apply->setEnabled(connected && m_hasRunning && !m_pending.isEmpty());
    m_revert->setEnabled(connected && m_hasRunning && !m_pending.isEmpty());
    m_historyPanel->setRollbackAvailable(connected && m_hasRunning);
    m_applyButton->setEnabled(m_apply->isEnabled());
    m_revertButton->setEnabled(m_revert->isEnabled());
}

void ConfigEditor::applyToRunning()
{
    m_source->flushEdits();
    if (!m_client || m_client->state() != BalancerClient::State::Connected)
        return;
    if (m_draft->hasErrors()) {
        QMessageBox::warning(this, tr("Apply to Running Balancer"),
            tr("The draft has errors (see Problems). Fix them before applying it."));
        return;
    }
    m_client->fetchRunningConfig(this, [this](const ClientReply &reply) {
        if (!reply.ok) {
            Q_EMIT statusMessage(tr("Cannot read the running config: %1").arg(reply.error));
            return;
        }
        handleRunningConfig(reply.data, tr("changed outside this editor"), reply.etag);
        if (m_hasBase && !m_baseEtag.isEmpty() && reply.etag != m_baseEtag && m_draft->isWellFormed()
            && !diffConfigs(m_base, m_draft->config()).isEmpty()) {
            // Someone else applied while the draft was edited: applying it
            // as it is would undo their changes.
            offerRebase();
            return;
        }
        if (m_pending.isEmpty()) {
            Q_EMIT statusMessage(tr("Nothing to apply: the draft matches the running config."));
            return;
        }
        ApplyDialog dialog(m_pending, m_client ? m_client->snapshot() : StatsSnapshot(),
            m_client ? m_client->description() : QString(), this);
        if (dialog.exec() == QDialog::Accepted)
            applyDraft();
    });
}

void ConfigEditor::applyDraft()
{
    m_source->flushEdits();
    sendConfig(m_draft->text(), tr("applied from this editor"), m_baseEtag);
}

void ConfigEditor::sendConfig(const QByteArray &xml, const QString &origin, const QByteArray &ifMatch)
{
    if (!m_client)
        return;
    ++m_appliesInFlight;
    auto handler = [this, xml, origin, ifMatch](const ClientReply &reply) {
        m_appliesInFlight = qMax(0, m_appliesInFlight - 1);
        if (!reply.ok && reply.conflict && !ifMatch.isEmpty() && reply.etag != ifMatch) {
            // 412: the running config moved on since the draft's base.
            // Nothing was changed; the draft is not forced over it.
            Q_EMIT statusMessage(
                tr("Not applied: the running config was changed by someone else meanwhile."));
            offerRebase();
            return;
        }
        if (!reply.ok) {
            QMessageBox box(QMessageBox::Warning, tr("Apply to Running Balancer"),
                tr("The balancer refused the config; nothing was changed."), QMessageBox::Ok, this);
            box.setDetailedText(reply.error);
            box.exec();
            return;
        }
        m_sentConfig = ConfigReader::readData(xml, tr("applied config"), AdminFiles::Skipped).config;
        m_sentOrigin = origin;
        QString message = tr("Applied %n change(s).", nullptr, int(reply.changes.size()));
        if (!reply.warnings.isEmpty())
            message += u' ' + reply.warnings.join(u' ');
        Q_EMIT statusMessage(message);
        fetchRunning(origin);
    };
    if (ifMatch.isEmpty())
        m_client->applyConfig(xml, false, this, std::move(handler));
    else
        m_client->applyConfigIfMatch(xml, ifMatch, this, std::move(handler));
}

void ConfigEditor::setRebaseQuestion(RebaseQuestion question)
{
    m_rebaseQuestion = std::move(question);
}

void ConfigEditor::offerRebase()
{
    if (!m_client)
        return;
    m_client->fetchRunningConfig(this, [this](const ClientReply &reply) {
        if (!reply.ok) {
            Q_EMIT statusMessage(tr("Cannot read the running config: %1").arg(reply.error));
            return;
        }
        handleRunningConfig(reply.data, tr("changed outside this editor"), reply.etag);
        if (!m_draft->isWellFormed() || !m_hasBase) {
            Q_EMIT statusMessage(tr("The running config was changed by someone else; fix the XML source "
                                    "to compare your draft with it, then apply again."));
            return;
        }
        const DraftRebase rebase(m_base, m_draft->config(), m_running);
        const RebaseChoice choice = askAboutRebase(rebase);
        // Either way the draft is now based on what runs.
        m_base = m_running;
        m_baseEtag = m_runningEtag;
        m_wantedSelection = selectedItem();
        switch (choice) {
        case RebaseChoice::ApplyRebased:
            m_draft->editModel(rebase.rebased(), tr("Rebase onto the running config"));
            applyDraft();
            return;
        case RebaseChoice::EditRebased:
            m_draft->editModel(rebase.rebased(), tr("Rebase onto the running config"));
            Q_EMIT statusMessage(tr("The draft is rebased onto the running config; review it and apply."));
            return;
        case RebaseChoice::Discard:
            m_draft->editModel(m_running, tr("Discard the draft's changes"));
            Q_EMIT statusMessage(
                tr("The draft's changes were discarded: the editor shows the running config."));
            return;
        }
    });
}

ConfigEditor::RebaseChoice ConfigEditor::askAboutRebase(const DraftRebase &rebase)
{
    if (m_rebaseQuestion)
        return m_rebaseQuestion(rebase);
    QStringList details;
    details.append(tr("Changed by someone else:"));
    for (const ConfigChange &change : rebase.theirs())
        details.append(u"  "_s + ChangeText::describe(change));
    details.append(tr("Your changes:"));
    for (const ConfigChange &change : rebase.mine())
        details.append(u"  "_s + ChangeText::describe(change));
    QString conflicts;
    if (rebase.conflicts().isEmpty()) {
        conflicts = tr("None of your changes touches what they changed.");
    } else {
        QStringList lines;
        for (const ConfigChange &change : rebase.conflicts()) {
            QStringList theirs;
            for (const ConfigChange &other : rebase.theirsConflictingWith(change))
                theirs.append(ChangeText::describe(other));
            lines.append(tr("%1 (they: %2)").arg(ChangeText::describe(change), theirs.join(u"; "_s)));
        }
        conflicts = tr("%n of your changes touch(es) an item they changed too; the rebased draft keeps "
                       "your version:",
                        nullptr, int(rebase.conflicts().size()))
            + u"\n"_s + lines.join(u'\n');
    }
    QMessageBox box(QMessageBox::Warning, tr("Running Config Changed"),
        tr("Someone else applied %n change(s) to the running balancer since your draft was based on it. "
           "Your draft was not applied.",
            nullptr, int(rebase.theirs().size())),
        QMessageBox::NoButton, this);
    box.setObjectName(u"rebaseQuestion"_s);
    box.setInformativeText(
        tr("Rebase your %n change(s) onto the running config?", nullptr, int(rebase.mine().size()))
        + u"\n\n"_s + conflicts);
    box.setDetailedText(details.join(u'\n'));
    QPushButton *apply = box.addButton(tr("Apply &Rebased Draft"), QMessageBox::AcceptRole);
    QPushButton *edit = box.addButton(tr("&Edit Rebased Draft"), QMessageBox::ActionRole);
    box.addButton(tr("&Discard My Changes"), QMessageBox::DestructiveRole);
    box.setDefaultButton(edit);
    box.exec();
    if (box.clickedButton() == apply)
        return RebaseChoice::ApplyRebased;
    if (box.clickedButton() == edit)
        return RebaseChoice::EditRebased;
    return RebaseChoice::Discard;
}

void ConfigEditor::rollbackTo(int number)
{
    const int row = m_history->rowOfNumber(number);
    if (row < 0 || !m_client || m_client->state() != BalancerClient::State::Connected)
        return;
    // Against what runs now, not against the newest version seen: another
    // change may have come in since.
    const QList<ConfigChange> changes = diffConfigs(m_running, m_history->version(row).config);
    if (changes.isEmpty()) {
        Q_EMIT statusMessage(tr("Nothing to roll back: version %1 is what runs.").arg(number));
        return;
    }
    ApplyDialog dialog(changes, m_client->snapshot(), m_client->description(), this);
    dialog.setWindowTitle(tr("Roll Back to Version %1").arg(number));
    if (dialog.exec() == QDialog::Accepted)
        applyVersion(number);
}

bool ConfigEditor::applyVersion(int number)
{
    const int row = m_history->rowOfNumber(number);
    if (row < 0 || !m_client || m_client->state() != BalancerClient::State::Connected)
        return false;
    const QString origin = tr("rollback to version %1").arg(number);
    if (!m_history->isBalancers()) {
        sendConfig(m_history->version(row).xml, origin);
        return true;
    }
    // The balancer's own rollback: it is recorded there as one, with who did it.
    ++m_appliesInFlight;
    m_client->rollbackConfig(number, this, [this, number, origin](const ClientReply &reply) {
        m_appliesInFlight = qMax(0, m_appliesInFlight - 1);
        if (!reply.ok) {
            QMessageBox box(QMessageBox::Warning, tr("Roll Back to Version %1").arg(number),
                tr("The balancer refused the rollback; nothing was changed."), QMessageBox::Ok, this);
            box.setDetailedText(reply.error);
            box.exec();
            return;
        }
        Q_EMIT statusMessage(
            tr("Rolled back to version %1: %n change(s).", nullptr, int(reply.changes.size())).arg(number));
        fetchRunning(origin);
    });
    return true;
}

void ConfigEditor::revertToRunning()
{
    m_source->flushEdits();
    if (!m_hasRunning)
        return;
    m_wantedSelection = selectedItem();
    if (!m_draft->isWellFormed()) {
        m_draft->editText(ConfigDocument::serialize(m_running));
        return;
    }
    m_draft->editModel(m_running, tr("Revert to the running config"));
}

}  // namespace Balancier
