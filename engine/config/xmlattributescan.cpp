#include "xmlattributescan.h"

#include <QStringDecoder>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

bool isXmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

/// The index just past `terminator` at or after `from`; -1 when it is missing.
qsizetype skipPast(QStringView text, qsizetype from, QStringView terminator)
{
    const qsizetype at = text.indexOf(terminator, from);
    return at < 0 ? -1 : at + terminator.size();
}

/// The index just past the '>' that closes a DOCTYPE starting at `from`,
/// stepping over quoted strings, comments and an internal subset in [...].
qsizetype skipDoctype(QStringView text, qsizetype from)
{
    int brackets = 0;
    qsizetype i = from;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'"' || c == u'\'') {
            const qsizetype close = text.indexOf(c, i + 1);
            if (close < 0)
                return -1;
            i = close + 1;
        } else if (text.sliced(i).startsWith(u"<!--")) {
            i = skipPast(text, i + 4, u"-->");
            if (i < 0)
                return -1;
        } else if (c == u'[') {
            ++brackets;
            ++i;
        } else if (c == u']') {
            brackets = std::max(0, brackets - 1);
            ++i;
        } else if (c == u'>' && brackets == 0) {
            return i + 1;
        } else {
            ++i;
        }
    }
    return -1;
}

}  // namespace

XmlAttributeScan::XmlAttributeScan(QStringView text, int limit)
    : m_limit(limit)
{
    qsizetype i = 0;
    while (i >= 0 && i < text.size()) {
        const qsizetype open = text.indexOf(u'<', i);
        if (open < 0)
            return;
        const QStringView rest = text.sliced(open);
        if (rest.startsWith(u"<!--")) {
            i = skipPast(text, open + 4, u"-->");
        } else if (rest.startsWith(u"<![CDATA[")) {
            i = skipPast(text, open + 9, u"]]>");
        } else if (rest.startsWith(u"<?")) {
            i = skipPast(text, open + 2, u"?>");
        } else if (rest.startsWith(u"<!")) {
            i = skipDoctype(text, open + 2);
        } else if (rest.startsWith(u"</")) {
            i = skipPast(text, open + 2, u">");
        } else {
            // A start tag: '>' cannot stand in it outside a quoted value,
            // and '=' only between an attribute's name and its value.
            qsizetype count = 0;
            qsizetype j = open + 1;
            while (j < text.size() && text.at(j) != u'>') {
                const QChar c = text.at(j);
                if (c == u'"' || c == u'\'') {
                    const qsizetype close = text.indexOf(c, j + 1);
                    if (close < 0)
                        return;
                    j = close + 1;
                    continue;
                }
                if (c == u'=')
                    ++count;
                ++j;
            }
            if (count > m_limit) {
                qsizetype nameEnd = open + 1;
                while (nameEnd < text.size() && !isXmlSpace(text.at(nameEnd)) && text.at(nameEnd) != u'/'
                    && text.at(nameEnd) != u'>')
                    ++nameEnd;
                m_offset = open;
                m_previousMarkup = open > 0 ? text.lastIndexOf(u'<', open - 1) : -1;
                m_count = count;
                m_elementName = text.sliced(open + 1, std::min<qsizetype>(nameEnd - open - 1, 40)).toString();
                return;
            }
            i = j < text.size() ? j + 1 : -1;
        }
    }
}

QString XmlAttributeScan::message() const
{
    return u'<' + m_elementName + u"> has "_s + QString::number(m_count)
        + u" attributes; an element may have at most "_s + QString::number(m_limit);
}

bool XmlAttributeScan::isNextToken(const QXmlStreamReader &reader) const
{
    if (m_offset < 0)
        return false;
    // The reader stops after the '<' of the markup that ends a text token,
    // so it may already stand one character into the tag.
    const qint64 at = reader.characterOffset();
    if (at > m_offset + 1)
        return false;
    // Past the markup before it (which is at least "<a>"), and not just past
    // its '<': the next token is the tag, or the text before it.
    return at > m_previousMarkup + 1;
}

QString decodeXmlLikeTheReader(const QByteArray &data)
{
    if (const auto bom = QStringConverter::encodingForData(data)) {
        QStringDecoder decoder(*bom);
        return decoder(data);
    }
    if (data.startsWith("<?xml")) {
        const qsizetype end = data.indexOf("?>");
        const QByteArray declaration = data.left(end < 0 ? 0 : end);
        const qsizetype at = declaration.indexOf("encoding");
        if (at >= 0) {
            qsizetype quote = at + 8;
            while (
                quote < declaration.size() && declaration.at(quote) != '"' && declaration.at(quote) != '\'')
                ++quote;
            if (quote < declaration.size()) {
                const qsizetype close = declaration.indexOf(declaration.at(quote), quote + 1);
                if (close > quote) {
                    QStringDecoder decoder(declaration.sliced(quote + 1, close - quote - 1).constData());
                    if (decoder.isValid())
                        return decoder(data);
                }
            }
        }
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    return decoder(data);
}

}  // namespace Balancier
