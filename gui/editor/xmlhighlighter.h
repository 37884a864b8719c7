#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Balancier {

/// Colours XML: element names, attribute names and values, comments
/// (also across lines), the declaration and entities. The colours follow
/// the palette, so the source view reads on light and dark themes.
///
/// Thread contract: GUI thread.
class XmlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(XmlHighlighter)

public:
    explicit XmlHighlighter(QTextDocument *document);
    ~XmlHighlighter() override;

    /// Picks colours for `dark` or light backgrounds and rehighlights.
    void setDarkBackground(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State
    {
        Normal = -1,
        InComment = 1,
        InTag = 2,
    };

    QTextCharFormat m_element;
    QTextCharFormat m_attribute;
    QTextCharFormat m_value;
    QTextCharFormat m_comment;
    QTextCharFormat m_declaration;
    QTextCharFormat m_entity;
};

}  // namespace Balancier
