#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

class QXmlStreamReader;

namespace Balancier {

/// Finds, in one linear pass over a document's text, the first start tag
/// with more than a given number of attributes.
///
/// Why: QXmlStreamReader checks every attribute of a start tag against all
/// the earlier ones of that tag, so one tag with n attributes costs n * n / 2
/// comparisons: 200,000 attributes take minutes, and a PUT of such a config
/// froze the admin API. The readers run this scan first and stop before the
/// reader reaches the tag (isNextToken()), with a located error instead.
///
/// The scan counts the '=' outside quoted values inside each start tag, and
/// skips comments, CDATA sections, processing instructions, end tags and a
/// DOCTYPE. On text that is not well-formed it may count differently than
/// the reader would; the reader then reports the malformed XML itself.
///
/// Thread contract: a plain value; one thread at a time.
class XmlAttributeScan final
{
public:
    XmlAttributeScan(QStringView text, int limit);

    bool found() const { return m_offset >= 0; }
    /// Where the '<' of the first tag over the limit stands in the text; -1 when none is.
    qsizetype offset() const { return m_offset; }
    /// Its qualified name, at most 40 characters of it.
    const QString &elementName() const { return m_elementName; }
    /// How many attributes it has.
    qsizetype attributeCount() const { return m_count; }
    int limit() const { return m_limit; }
    /// "<settings> has 200000 attributes; an element may have at most 64"
    QString message() const;

    /// True when the next token `reader` (reading the same text) would read
    /// is that start tag, or the text just before it: call before each
    /// readNext(), and stop there. Constant time.
    bool isNextToken(const QXmlStreamReader &reader) const;

private:
    int m_limit;
    qsizetype m_offset = -1;
    qsizetype m_previousMarkup = -1;  // the '<' of the markup before that tag; -1 when none
    qsizetype m_count = 0;
    QString m_elementName;
};

/// The document's text decoded the way QXmlStreamReader decodes its bytes
/// (a BOM, else the declared encoding, else UTF-8), so that the reader's
/// characterOffset() indexes it.
QString decodeXmlLikeTheReader(const QByteArray &data);

}  // namespace Balancier
