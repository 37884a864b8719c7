#pragma once

#include "config/config.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "config/diagnostic.h"

#include <QByteArray>
#include <QObject>
#include <QString>

class QUndoStack;

namespace Balancier {

/// The config being edited: its XML text (the truth, comments and all), the
/// model read from that text, the problems found in it, the file it belongs
/// to, and the undo stack of every edit.
///
/// Both ways of editing end up as a new text pushed on the undo stack:
/// an edit of the model is written into the document with
/// ConfigDocument::update(), which keeps comments and layout; an edit of
/// the text is taken as typed. The model is then read back from the text,
/// so the form, the tree and the source view always say the same thing.
///
/// Thread contract: GUI thread.
class ConfigDraft final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigDraft)

public:
    explicit ConfigDraft(QObject *parent = nullptr);
    ~ConfigDraft() override;

    /// Opens a file; a legacy dialect is converted to native XML (the
    /// import report says what was mapped) and the draft is left untitled,
    /// so that saving does not overwrite the legacy file unasked. Clears
    /// the undo history. False with a message when the file cannot be read
    /// or is not a config at all.
    bool load(const QString &path, QString *error);
    /// Starts from `xml` with no file (a new config, or the running one).
    void loadData(const QByteArray &xml, const QString &displayName);
    /// Writes the text to `path` (atomically) and marks the draft clean.
    bool save(const QString &path, QString *error);

    /// Whether the <admin> TLS files are checked on this machine: not for a
    /// draft meant for a remote balancer, whose files are elsewhere (it
    /// checks them itself when the config is applied). Re-checks the text.
    void setAdminFiles(AdminFiles adminFiles);

    QString filePath() const { return m_filePath; }
    QString displayName() const;
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undo; }

    QByteArray text() const { return m_text; }
    /// The model as read from text(); meaningful when isWellFormed().
    const Config &config() const { return m_config; }
    /// The text parses as a config document (it may still have errors).
    bool isWellFormed() const { return m_wellFormed; }
    QString parseError() const { return m_parseError; }
    /// Errors and warnings of the text, located.
    const QList<Diagnostic> &diagnostics() const { return m_diagnostics; }
    bool hasErrors() const;
    /// What a legacy import mapped, changed or dropped (empty for native files).
    const QList<Diagnostic> &importReport() const { return m_importReport; }
    ConfigDialect loadedDialect() const { return m_dialect; }

    /// An edit of the model: writes `config` into the document and pushes
    /// the new text. Consecutive edits with the same non-empty `mergeKey`
    /// become one undo step. Ignored while the text is not well-formed.
    void editModel(const Config &config, const QString &description, const QString &mergeKey = {});
    /// An edit of the text (typing in the source view); consecutive edits
    /// of the same line merge into one undo step.
    void editText(const QByteArray &text);

    /// Sets the text without an undo step (the undo command's own path).
    void restore(const QByteArray &text);

Q_SIGNALS:
    /// The text, and with it the model and diagnostics, changed.
    void changed();
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    void setFilePath(const QString &path);

    QUndoStack *m_undo;  // child
    QString m_filePath;
    QString m_untitledName;
    QByteArray m_text;
    Config m_config;
    ConfigDocument m_document;
    bool m_wellFormed = false;
    AdminFiles m_adminFiles = AdminFiles::Checked;
    QString m_parseError;
    QList<Diagnostic> m_diagnostics;
    QList<Diagnostic> m_importReport;
    ConfigDialect m_dialect = ConfigDialect::Native;
};

}  // namespace Balancier
