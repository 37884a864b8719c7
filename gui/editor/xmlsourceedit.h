#pragma once

#include "config/diagnostic.h"

#include <QPlainTextEdit>
#include <QTimer>

namespace Balancier {

class XmlHighlighter;

/// The editor's XML source view: a plain text editor with XML colouring,
/// line numbers, and the draft's problems marked on their lines (wavy
/// underline; the message as a tooltip).
///
/// Typing is reported once the user pauses (textEditedByUser()), not per
/// key. The text edit's own undo is off: Ctrl+Z and Ctrl+Shift+Z go to the
/// editor's QUndoStack, which holds every edit, typed or made in the form.
///
/// Thread contract: GUI thread.
class XmlSourceEdit final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(XmlSourceEdit)

public:
    explicit XmlSourceEdit(QWidget *parent = nullptr);
    ~XmlSourceEdit() override;

    /// Replaces the text (not as a user edit), keeping the cursor's line
    /// and the scroll position as far as possible. No-op when unchanged.
    void setSourceText(const QString &text);
    void setDiagnostics(const QList<Diagnostic> &diagnostics);
    /// Moves the cursor to a 1-based line and column and shows it.
    void goToLine(int line, int column = 1);
    /// Reports pending typing now (before an undo, a save, an apply).
    void flushEdits();
    /// Typing not yet reported (the pause has not come).
    bool hasPendingEdits() const { return m_dirty; }
    /// How long typing must pause before it is reported (default 400 ms).
    void setEditDelay(int ms) { m_editTimer.setInterval(ms); }

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

Q_SIGNALS:
    void textEditedByUser(const QString &text);

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateMargins();

    XmlHighlighter *m_highlighter;
    QWidget *m_lineNumbers;
    QTimer m_editTimer;
    bool m_settingText = false;
    bool m_dirty = false;  // typed since the last report
    QList<Diagnostic> m_diagnostics;
};

}  // namespace Balancier
