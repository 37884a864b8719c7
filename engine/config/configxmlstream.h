#pragma once

#include "config.h"
#include "diagnostic.h"
#include "xmlattributescan.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

#include <optional>

namespace Balancier {

/// The XML layer under the config readers: a QXmlStreamReader that refuses
/// DTDs, caps nesting and attributes per element, skips comments, <note> and foreign-namespace content,
/// complains about stray text, locates every element and attribute (line and
/// column of its first character), and turns attribute text into typed
/// values with a located Diagnostic for each one that does not parse.
///
/// Walking the tree: readRootElement() once, then for each element either
/// loop on readNextChild() until it returns false, or call skipElement() or
/// rejectElement(); so each handler leaves the stream after its end tag.
/// After a fatal problem (not well-formed XML, a DTD, too deep, too many
/// attributes on one element) every read
/// returns false, so the handlers unwind on their own.
///
/// Values that fail to parse leave the caller's variable untouched (its
/// default), so a later semantic check never reports the same problem twice.
///
/// Thread contract: a local object of one parse, used by one thread.
class ConfigXmlStream final
{
public:
    /// Deeper nesting than this is refused; a real config needs five levels.
    static constexpr int maxDepth = 64;

    ConfigXmlStream(const QByteArray &data, const QString &fileName, QList<Diagnostic> *diagnostics);
    Q_DISABLE_COPY_MOVE(ConfigXmlStream)

    /// Moves to the document element. False (with an error) if there is none.
    bool readRootElement();
    /// Moves to the next child element of the current one; false at its end
    /// tag or after a fatal problem.
    bool readNextChild();
    /// Skips the rest of the current element without looking inside.
    void skipElement();
    /// Reports the current element as not allowed in `parent` and skips it.
    void rejectElement(QStringView parent, const QStringList &expected);
    /// Reads the children of an element that takes none, rejecting each.
    void readNoChildren();
    /// Checks the rest of the document after the root's end tag.
    void finish();

    bool isFatal() const { return m_fatal; }

    QStringView name() const { return m_reader.name(); }
    QStringView namespaceUri() const { return m_reader.namespaceUri(); }
    bool isElement(QStringView localName) const { return m_reader.name() == localName; }
    SourcePos elementPos() const { return m_elementPos; }
    SourcePos attributePos(QStringView attribute) const;

    /// Reports every attribute not in `known`; foreign-namespace ones (and
    /// xml:*) are tolerated.
    void checkAttributes(const QStringList &known);
    bool hasAttribute(QStringView attribute) const;
    QString attribute(QStringView attribute) const;
    /// The attribute's text, or an error "missing required attribute" and nullopt.
    std::optional<QString> requiredAttribute(QStringView attribute);

    /// Typed readers: when the attribute is present and valid, store it in
    /// `out` and return true; when it is present and invalid, report it and
    /// return false; when it is absent, return false quietly.
    bool readInt(QStringView attribute, int minimum, int maximum, int *out);
    bool readDuration(QStringView attribute, qint64 minimum, qint64 maximum, qint64 *out);
    bool readBool(QStringView attribute, bool *out);
    bool readChoice(QStringView attribute, const QStringList &choices, QString *out);
    bool readEscapedBytes(QStringView attribute, QByteArray *out);

    /// "<host name="a" weight>": the current element, its name if it has
    /// one, and the attribute concerned if any.
    QString describe(QStringView attribute = {}) const;

    void report(Diagnostic::Severity severity, SourcePos pos, const QString &element, const QString &message);
    void error(SourcePos pos, const QString &element, const QString &message);
    void attributeError(QStringView attribute, const QString &message);

    /// Elements whose required attribute was missing, so that the semantic
    /// checks can leave out the consequences (an empty name, an empty address).
    struct MissingAttribute
    {
        SourcePos pos;
        QString attribute;
    };
    const QList<MissingAttribute> &missingAttributes() const { return m_missing; }

    const QString &fileName() const { return m_fileName; }

    /// Booleans as the native format spells them: yes/no/true/false/on/off/1/0.
    static std::optional<bool> parseBool(QStringView text);

private:
    bool readNextToken();
    void skipSubtree();
    void fatal(SourcePos pos, const QString &message);
    void reportXmlError();
    SourcePos readerPos() const;
    SourcePos doctypePos() const;
    SourcePos textPos() const;
    SourcePos posOfOffset(qsizetype offset) const;
    bool isLineEnd(qsizetype index) const;
    void locateStartElement(qint64 endOffset);
    qsizetype findAttributeOffset(QStringView attribute) const;
    const QXmlStreamAttribute *findAttribute(QStringView attribute) const;

    QXmlStreamReader m_reader;
    QString m_fileName;
    QList<Diagnostic> *m_diagnostics;
    // The document as text, decoded the way the reader decodes it, so that
    // positions inside a start tag (attributes) can be found.
    QString m_text;
    XmlAttributeScan m_attributeScan;  // on m_text: the reader must never reach an over-long tag
    struct LineCursor
    {
        qsizetype offset = 0;
        qint64 line = 1;
        qsizetype lineStart = 0;
    };
    mutable LineCursor m_cursor;  // the last position computed
    LineCursor m_elementCursor;  // the start of the current element
    qsizetype m_elementOffset = -1;  // start of the current element in m_text; -1 if unknown
    SourcePos m_elementPos;
    QXmlStreamAttributes m_attributes;
    QStringList m_path;  // local names of the open elements handed to the parser
    qint64 m_tokenStart = 0;  // offset where the token being read began
    int m_depth = 0;
    struct OpenElement
    {
        QString name;
        SourcePos pos;
    };
    QList<OpenElement> m_openElements;  // every open element with its start, to locate an unclosed one
    bool m_fatal = false;
    QList<MissingAttribute> m_missing;
};

}  // namespace Balancier
