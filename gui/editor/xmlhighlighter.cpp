#include "xmlhighlighter.h"

namespace Balancier {

XmlHighlighter::XmlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setDarkBackground(false);
}

XmlHighlighter::~XmlHighlighter() = default;

void XmlHighlighter::setDarkBackground(bool dark)
{
    m_element.setForeground(dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x1a, 0x4f, 0x9c));
    m_element.setFontWeight(QFont::DemiBold);
    m_attribute.setForeground(dark ? QColor(0xe0, 0xa8, 0x5a) : QColor(0x8a, 0x4b, 0x00));
    m_value.setForeground(dark ? QColor(0x9a, 0xd9, 0x8a) : QColor(0x1d, 0x7a, 0x32));
    m_comment.setForeground(dark ? QColor(0x9a, 0x9a, 0x9a) : QColor(0x6a, 0x6a, 0x6a));
    m_comment.setFontItalic(true);
    m_declaration.setForeground(dark ? QColor(0xc0, 0x9a, 0xe8) : QColor(0x6b, 0x3a, 0x9c));
    m_entity.setForeground(dark ? QColor(0xff, 0x9a, 0x9a) : QColor(0xa0, 0x20, 0x20));
    rehighlight();
}

void XmlHighlighter::highlightBlock(const QString &text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    int state = previousBlockState();
    while (i < n) {
        if (state == InComment) {
            const qsizetype end = text.indexOf(QStringLiteral("-->"), i);
            const qsizetype stop = end < 0 ? n : end + 3;
            setFormat(int(i), int(stop - i), m_comment);
            i = stop;
            state = end < 0 ? InComment : Normal;
            continue;
        }
        if (state == InTag) {
            // Attributes until '>' (an element's attributes may span lines).
            const QChar c = text.at(i);
            if (c == u'>' || (c == u'/' && i + 1 < n && text.at(i + 1) == u'>')) {
                const int length = c == u'>' ? 1 : 2;
                setFormat(int(i), length, m_element);
                i += length;
                state = Normal;
            } else if (c == u'"' || c == u'\'') {
                const qsizetype end = text.indexOf(c, i + 1);
                const qsizetype stop = end < 0 ? n : end + 1;
                setFormat(int(i), int(stop - i), m_value);
                i = stop;
            } else if (c.isLetter() || c == u'_' || c == u':') {
                qsizetype j = i;
                while (j < n
                    && (text.at(j).isLetterOrNumber() || text.at(j) == u'_' || text.at(j) == u':'
                        || text.at(j) == u'-' || text.at(j) == u'.'))
                    ++j;
                setFormat(int(i), int(j - i), m_attribute);
                i = j;
            } else {
                ++i;
            }
            continue;
        }
        const QChar c = text.at(i);
        if (c == u'<') {
            if (text.mid(i, 4) == QStringLiteral("<!--")) {
                state = InComment;
                continue;
            }
            if (i + 1 < n && (text.at(i + 1) == u'?' || text.at(i + 1) == u'!')) {
                const qsizetype end = text.indexOf(u'>', i);
                const qsizetype stop = end < 0 ? n : end + 1;
                setFormat(int(i), int(stop - i), m_declaration);
                i = stop;
                continue;
            }
            qsizetype j = i + 1;
            if (j < n && text.at(j) == u'/')
                ++j;
            while (j < n && !text.at(j).isSpace() && text.at(j) != u'>' && text.at(j) != u'/')
                ++j;
            setFormat(int(i), int(j - i), m_element);
            i = j;
            state = InTag;
            continue;
        }
        if (c == u'&') {
            const qsizetype end = text.indexOf(u';', i);
            if (end > i && end - i < 12) {
                setFormat(int(i), int(end - i + 1), m_entity);
                i = end + 1;
                continue;
            }
        }
        ++i;
    }
    setCurrentBlockState(state);
}

}  // namespace Balancier
