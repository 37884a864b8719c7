#include "xmlsourceedit.h"

#include "xmlhighlighter.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

XmlSourceEdit::XmlSourceEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new XmlHighlighter(document()))
    , m_lineNumbers(new QWidget(this))
{
    setObjectName(u"xmlSource"_s);
    setAccessibleName(tr("XML source"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setUndoRedoEnabled(false);
    setTabChangesFocus(false);
    m_highlighter->setDarkBackground(palette().color(QPalette::Base).lightness() < 128);
    m_lineNumbers->installEventFilter(this);
    m_editTimer.setSingleShot(true);
    m_editTimer.setInterval(400);
    connect(&m_editTimer, &QTimer::timeout, this, &XmlSourceEdit::flushEdits);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingText) {
            m_dirty = true;
            m_editTimer.start();
        }
    });
    connect(this, &QPlainTextEdit::blockCountChanged, this, &XmlSourceEdit::updateMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, &XmlSourceEdit::updateLineNumberArea);
    updateMargins();
}

XmlSourceEdit::~XmlSourceEdit() = default;

void XmlSourceEdit::setSourceText(const QString &text)
{
    if (text == toPlainText())
        return;
    m_editTimer.stop();
    m_dirty = false;
    const int line = textCursor().blockNumber();
    const int column = textCursor().positionInBlock();
    const int scroll = verticalScrollBar()->value();
    m_settingText = true;
    setPlainText(text);
    m_settingText = false;
    const QTextBlock block = document()->findBlockByNumber(qMin(line, document()->blockCount() - 1));
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qMin(column, block.length() - 1));
    setTextCursor(cursor);
    verticalScrollBar()->setValue(scroll);
    setDiagnostics(m_diagnostics);
}

void XmlSourceEdit::flushEdits()
{
    // From the timer (which has just stopped) or ahead of it.
    const bool pending = m_editTimer.isActive() || m_dirty;
    m_editTimer.stop();
    m_dirty = false;
    if (pending)
        Q_EMIT textEditedByUser(toPlainText());
}

void XmlSourceEdit::setDiagnostics(const QList<Diagnostic> &diagnostics)
{
    m_diagnostics = diagnostics;
    QList<QTextEdit::ExtraSelection> selections;
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.line <= 0 || diagnostic.line > document()->blockCount())
            continue;
        const QTextBlock block = document()->findBlockByNumber(diagnostic.line - 1);
        QTextEdit::ExtraSelection line;
        line.cursor = QTextCursor(block);
        line.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        const bool error = diagnostic.severity == Diagnostic::Severity::Error;
        QColor color = error ? QColor(0xd6, 0x2f, 0x2f) : QColor(0xe8, 0x9b, 0x12);
        line.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        line.format.setUnderlineColor(color);
        color.setAlpha(dark ? 60 : 35);
        line.format.setBackground(color);
        line.format.setToolTip(diagnostic.message);
        selections.append(line);
    }
    setExtraSelections(selections);
    m_lineNumbers->update();
}

void XmlSourceEdit::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qBound(0, line - 1, document()->blockCount() - 1));
    QTextCursor cursor(block);
    cursor.movePosition(
        QTextCursor::Right, QTextCursor::MoveAnchor, qBound(0, column - 1, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

bool XmlSourceEdit::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Let the window's undo/redo actions have these keys: the undo stack
        // holds every edit, typed or not.
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            flushEdits();
            event->ignore();
            return false;
        }
    }
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(viewport()->mapFromParent(help->pos()));
        const int line = cursor.blockNumber() + 1;
        QStringList messages;
        for (const Diagnostic &diagnostic : std::as_const(m_diagnostics)) {
            if (diagnostic.line == line)
                messages.append(diagnostic.message);
        }
        if (!messages.isEmpty()) {
            QToolTip::showText(help->globalPos(), messages.join(u'\n'), this);
            return true;
        }
        QToolTip::hideText();
    }
    return QPlainTextEdit::event(event);
}

void XmlSourceEdit::focusOutEvent(QFocusEvent *event)
{
    flushEdits();
    QPlainTextEdit::focusOutEvent(event);
}

void XmlSourceEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setDarkBackground(palette().color(QPalette::Base).lightness() < 128);
    QPlainTextEdit::changeEvent(event);
}

int XmlSourceEdit::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 8 + fontMetrics().horizontalAdvance(u'9') * qMax(3, digits);
}

void XmlSourceEdit::updateMargins()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void XmlSourceEdit::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumbers->scroll(0, dy);
    else
        m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
}

void XmlSourceEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_lineNumbers->setGeometry(QRect(area.left(), area.top(), lineNumberAreaWidth(), area.height()));
}

bool XmlSourceEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_lineNumbers && event->type() == QEvent::Paint) {
        paintLineNumbers(static_cast<QPaintEvent *>(event));
        return true;
    }
    return QPlainTextEdit::eventFilter(watched, event);
}

void XmlSourceEdit::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const QColor normal = palette().color(QPalette::PlaceholderText);
    const QColor error(0xd6, 0x2f, 0x2f);
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool marked = std::any_of(m_diagnostics.cbegin(), m_diagnostics.cend(),
                [number](const Diagnostic &diagnostic) { return diagnostic.line == number + 1; });
            painter.setPen(marked ? error : normal);
            painter.drawText(0, top, m_lineNumbers->width() - 4, fontMetrics().height(), Qt::AlignRight,
                QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

}  // namespace Balancier
