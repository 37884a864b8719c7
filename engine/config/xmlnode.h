#pragma once

#include <QAnyStringView>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace Balancier {

/// One attribute exactly as written: qualified name ("ip", "x:comment",
/// "xmlns:x") and unescaped value.
struct XmlAttribute
{
    QString name;
    QString value;

    friend bool operator==(const XmlAttribute &, const XmlAttribute &) = default;
};

/// A small XML tree that keeps what a person wrote in a config file:
/// comments (and whether one stood on the same line as what precedes it),
/// blank lines between nodes, element order, attribute order, processing
/// instructions, a DOCTYPE and CDATA. ConfigDocument edits it.
///
/// Why not QDomDocument: in Qt 6 it stores attributes in a hash and writes
/// them in an order that changes from one process to the next, so a saved
/// config would churn on every save and the user's attribute order would be
/// lost. This tree is parsed with QXmlStreamReader (namespace processing
/// off: prefixes and xmlns declarations stay as written) and written by
/// toXml() in one canonical layout.
///
/// Thread contract: a plain value; one thread at a time.
struct XmlNode
{
    enum class Type
    {
        Document,  ///< the root of a parsed tree; children are the top-level nodes
        Element,
        Text,
        CData,
        EntityReference,  ///< an entity the parser left unresolved; `name` holds it
        Comment,
        ProcessingInstruction,  ///< `name` is the target, `text` the data
        Doctype,  ///< `text` is the whole declaration
    };

    Type type = Type::Element;
    QString name;  ///< element qualified name, PI target or entity name
    QString text;  ///< text, comment, PI data or DOCTYPE
    QList<XmlAttribute> attributes;  ///< in document order
    std::vector<XmlNode> children;
    bool sameLine = false;  ///< a comment that stood on the line of what precedes it
    bool blankLineBefore = false;  ///< a blank line separated it from the previous sibling

    /// Deeper nesting is refused: the tree is walked recursively, and a real
    /// config needs five levels.
    static constexpr int maxDepth = 256;

    static XmlNode element(const QString &name);
    static XmlNode comment(const QString &text);

    /// Parses a whole document. On malformed XML returns nullopt and sets
    /// `error` to "line L, column C: what".
    static std::optional<XmlNode> parse(const QByteArray &xml, QString *error = nullptr);

    /// The document as UTF-8 with an XML declaration, 2-space indentation,
    /// one node per line (same-line comments stay on their line, blank lines
    /// between siblings are kept as one) and a final newline. Elements with
    /// text content are written inline so that their text is kept exactly.
    QByteArray toXml() const;

    bool isElement() const { return type == Type::Element; }
    /// Local part of the qualified name ("e" for "x:e").
    QStringView localName() const;
    /// Prefix of the qualified name, empty when there is none.
    QStringView prefix() const;

    bool hasAttribute(QAnyStringView attributeName) const;
    QString attribute(QAnyStringView attributeName) const;
    /// Changes the value in place, or appends the attribute when missing.
    void setAttribute(const QString &attributeName, const QString &value);
    /// Inserts (or changes) an attribute at position `index` of the list.
    void insertAttribute(qsizetype index, const QString &attributeName, const QString &value);
    qsizetype attributeIndex(QAnyStringView attributeName) const;
    void removeAttribute(QAnyStringView attributeName);

    /// The first child element with this qualified name, nullptr when none.
    XmlNode *firstChildElement(QAnyStringView elementName);
    const XmlNode *firstChildElement(QAnyStringView elementName) const;

    friend bool operator==(const XmlNode &, const XmlNode &) = default;
};

}  // namespace Balancier
