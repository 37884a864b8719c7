#include "xmlnode.h"

#include "configlimits.h"
#include "xmlattributescan.h"

#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

/// Parser bookkeeping for one open element (or the document).
struct Level
{
    XmlNode *node = nullptr;
    qint64 lastEndLine = 0;  ///< line where the previous sibling (or the start tag) ended
    int newlinesSinceSibling = 0;  ///< in the whitespace since then
};

bool isBlank(QStringView text)
{
    for (const QChar c : text) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

bool isWhitespaceText(const XmlNode &node)
{
    return node.type == XmlNode::Type::Text && isBlank(node.text);
}

/// Text that carries data: the element's content is then written exactly
/// as it stands. A CDATA section of blanks alone does not count, so that it
/// does not turn a whole config into one long line.
bool hasDataText(const XmlNode &node)
{
    for (const XmlNode &child : node.children) {
        if (child.type == XmlNode::Type::EntityReference)
            return true;
        if ((child.type == XmlNode::Type::Text || child.type == XmlNode::Type::CData) && !isBlank(child.text))
            return true;
    }
    return false;
}

/// Adds a finished child to a level and records how it was separated from
/// its previous sibling.
XmlNode &appendChild(Level &level, XmlNode child)
{
    const bool hasSibling = std::any_of(level.node->children.cbegin(), level.node->children.cend(),
        [](const XmlNode &sibling) { return !isWhitespaceText(sibling); });
    if (hasSibling && level.newlinesSinceSibling >= 2)
        child.blankLineBefore = true;
    level.newlinesSinceSibling = 0;
    level.node->children.push_back(std::move(child));
    return level.node->children.back();
}

/// Characters XML 1.0 cannot carry, even as references, become U+FFFD so
/// that whatever a model holds, the output stays well-formed.
bool isXmlChar(char16_t c)
{
    if (c < 0x20)
        return c == u'\t' || c == u'\n' || c == u'\r';
    return c != 0xFFFE && c != 0xFFFF;
}

void appendEscaped(QString &out, QStringView text, bool attribute)
{
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();
        switch (c) {
        case u'&':
            out += "&amp;"_L1;
            break;
        case u'<':
            out += "&lt;"_L1;
            break;
        case u'>':
            out += "&gt;"_L1;
            break;
        case u'\r':
            out += "&#13;"_L1;
            break;
        case u'"':
            out += attribute ? "&quot;"_L1 : "\""_L1;
            break;
        case u'\n':
            out += attribute ? "&#10;"_L1 : "\n"_L1;
            break;
        case u'\t':
            out += attribute ? "&#9;"_L1 : "\t"_L1;
            break;
        default:
            out += isXmlChar(c) ? qc : QChar(0xFFFD);
        }
    }
}

void writeStartTag(QString &out, const XmlNode &node)
{
    out += u'<' + node.name;
    for (const XmlAttribute &attribute : node.attributes) {
        out += u' ' + attribute.name + "=\""_L1;
        appendEscaped(out, attribute.value, true);
        out += u'"';
    }
}

void writeInline(QString &out, const XmlNode &node);

void writeLeaf(QString &out, const XmlNode &node)
{
    switch (node.type) {
    case XmlNode::Type::Text:
        appendEscaped(out, node.text, false);
        break;
    case XmlNode::Type::CData:
        out += "<![CDATA["_L1 + node.text + "]]>"_L1;
        break;
    case XmlNode::Type::EntityReference:
        out += u'&' + node.name + u';';
        break;
    case XmlNode::Type::Comment:
        out += "<!--"_L1 + node.text + "-->"_L1;
        break;
    case XmlNode::Type::ProcessingInstruction:
        out += "<?"_L1 + node.name;
        if (!node.text.isEmpty())
            out += u' ' + node.text;
        out += "?>"_L1;
        break;
    case XmlNode::Type::Doctype:
        out += node.text.trimmed();
        break;
    case XmlNode::Type::Document:
    case XmlNode::Type::Element:
        writeInline(out, node);
        break;
    }
}

/// Inside text content nothing may be added: whitespace there is data.
void writeInline(QString &out, const XmlNode &node)
{
    if (node.type != XmlNode::Type::Element) {
        writeLeaf(out, node);
        return;
    }
    writeStartTag(out, node);
    if (node.children.empty()) {
        out += "/>"_L1;
        return;
    }
    out += u'>';
    for (const XmlNode &child : node.children)
        writeInline(out, child);
    out += "</"_L1 + node.name + u'>';
}

void writeChildren(QString &out, const XmlNode &parent, int depth);

void writeBlock(QString &out, const XmlNode &node, int depth)
{
    if (node.type != XmlNode::Type::Element) {
        writeLeaf(out, node);
        return;
    }
    if (node.children.empty() || hasDataText(node)) {
        writeInline(out, node);
        return;
    }
    writeStartTag(out, node);
    out += u'>';
    writeChildren(out, node, depth + 1);
    out += u'\n' + QString(depth * 2, u' ') + "</"_L1 + node.name + u'>';
}

void writeChildren(QString &out, const XmlNode &parent, int depth)
{
    const QString indent(depth * 2, u' ');
    for (std::size_t i = 0; i < parent.children.size(); ++i) {
        const XmlNode &child = parent.children[i];
        if (child.sameLine && child.type == XmlNode::Type::Comment) {
            out += u' ';
        } else {
            out += u'\n';
            if (child.blankLineBefore && i > 0)
                out += u'\n';
            out += indent;
        }
        writeBlock(out, child, depth);
    }
}

}  // namespace

XmlNode XmlNode::element(const QString &name)
{
    XmlNode node;
    node.type = Type::Element;
    node.name = name;
    return node;
}

XmlNode XmlNode::comment(const QString &text)
{
    XmlNode node;
    node.type = Type::Comment;
    node.text = text;
    return node;
}

std::optional<XmlNode> XmlNode::parse(const QByteArray &xml, QString *error)
{
    XmlNode document;
    document.type = Type::Document;

    QXmlStreamReader reader(xml);
    // Prefixes and xmlns declarations stay exactly as written; the config
    // code resolves the few namespace questions it has by itself.
    reader.setNamespaceProcessing(false);

    std::vector<Level> stack;
    stack.push_back(Level{&document, 0, 0});

    // The reader's duplicate check is quadratic in the attributes of a tag:
    // stop before it reaches one with too many.
    const QString decoded = decodeXmlLikeTheReader(xml);
    const XmlAttributeScan attributeScan(decoded, ConfigLimits::maxAttributesPerElement);

    while (!reader.atEnd()) {
        if (attributeScan.isNextToken(reader)) {
            if (error) {
                const QStringView before = QStringView(decoded).first(attributeScan.offset());
                const qsizetype lineStart = before.lastIndexOf(u'\n') + 1;
                *error = u"line %1, column %2: %3"_s.arg(before.count(u'\n') + 1)
                             .arg(attributeScan.offset() - lineStart + 1)
                             .arg(attributeScan.message());
            }
            return std::nullopt;
        }
        const QXmlStreamReader::TokenType token = reader.readNext();
        Level &level = stack.back();
        switch (token) {
        case QXmlStreamReader::StartElement: {
            if (stack.size() > std::size_t(maxDepth)) {
                reader.raiseError(u"elements nested deeper than %1 levels"_s.arg(maxDepth));
                break;
            }
            XmlNode child = element(reader.qualifiedName().toString());
            const QXmlStreamAttributes attributes = reader.attributes();
            child.attributes.reserve(attributes.size());
            for (const QXmlStreamAttribute &attribute : attributes)
                child.attributes.append({attribute.qualifiedName().toString(), attribute.value().toString()});
            XmlNode &added = appendChild(level, std::move(child));
            level.lastEndLine = 0;
            // `level` may dangle once the stack grows: take what we need first.
            stack.push_back(Level{&added, reader.lineNumber(), 0});
            break;
        }
        case QXmlStreamReader::EndElement: {
            XmlNode *node = stack.back().node;
            if (!hasDataText(*node)) {
                // Element-only content: its whitespace is layout, not data.
                std::erase_if(node->children, [](const XmlNode &child) { return isWhitespaceText(child); });
            }
            stack.pop_back();
            stack.back().lastEndLine = reader.lineNumber();
            break;
        }
        case QXmlStreamReader::Characters: {
            if (reader.isWhitespace() && !reader.isCDATA()) {
                level.newlinesSinceSibling += int(reader.text().count(u'\n'));
                if (stack.size() == 1)
                    break;  // whitespace around the root element is layout
                if (reader.text().contains(u'\n'))
                    level.lastEndLine = 0;
                XmlNode text;
                text.type = Type::Text;
                text.text = reader.text().toString();
                level.node->children.push_back(std::move(text));
                break;
            }
            XmlNode text;
            text.type = reader.isCDATA() ? Type::CData : Type::Text;
            text.text = reader.text().toString();
            appendChild(level, std::move(text));
            level.lastEndLine = 0;
            break;
        }
        case QXmlStreamReader::Comment: {
            XmlNode node = comment(reader.text().toString());
            const qint64 startLine = reader.lineNumber() - node.text.count(u'\n');
            node.sameLine = level.lastEndLine > 0 && level.lastEndLine == startLine;
            appendChild(level, std::move(node));
            level.lastEndLine = reader.lineNumber();
            break;
        }
        case QXmlStreamReader::ProcessingInstruction: {
            XmlNode node;
            node.type = Type::ProcessingInstruction;
            node.name = reader.processingInstructionTarget().toString();
            node.text = reader.processingInstructionData().toString();
            appendChild(level, std::move(node));
            level.lastEndLine = reader.lineNumber();
            break;
        }
        case QXmlStreamReader::DTD: {
            XmlNode node;
            node.type = Type::Doctype;
            node.text = reader.text().toString().trimmed();
            appendChild(level, std::move(node));
            level.lastEndLine = reader.lineNumber();
            break;
        }
        case QXmlStreamReader::EntityReference: {
            XmlNode node;
            node.type = Type::EntityReference;
            node.name = reader.name().toString();
            appendChild(level, std::move(node));
            level.lastEndLine = 0;
            break;
        }
        case QXmlStreamReader::NoToken:
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::StartDocument:
        case QXmlStreamReader::EndDocument:
            break;
        }
    }

    if (reader.hasError()) {
        if (error) {
            *error = u"line %1, column %2: %3"_s.arg(reader.lineNumber())
                         .arg(reader.columnNumber())
                         .arg(reader.errorString());
        }
        return std::nullopt;
    }
    if (std::none_of(document.children.cbegin(), document.children.cend(),
            [](const XmlNode &node) { return node.isElement(); })) {
        if (error)
            *error = u"line %1, column %2: the document has no root element"_s.arg(reader.lineNumber())
                         .arg(reader.columnNumber());
        return std::nullopt;
    }
    return document;
}

QByteArray XmlNode::toXml() const
{
    QString out = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"_s;
    if (type == Type::Document) {
        writeChildren(out, *this, 0);
    } else {
        out += u'\n';
        writeBlock(out, *this, 0);
    }
    out += u'\n';
    return out.toUtf8();
}

QStringView XmlNode::localName() const
{
    const qsizetype colon = name.indexOf(u':');
    return colon < 0 ? QStringView(name) : QStringView(name).mid(colon + 1);
}

QStringView XmlNode::prefix() const
{
    const qsizetype colon = name.indexOf(u':');
    return colon < 0 ? QStringView() : QStringView(name).left(colon);
}

qsizetype XmlNode::attributeIndex(QAnyStringView attributeName) const
{
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        if (QAnyStringView::equal(attributes.at(i).name, attributeName))
            return i;
    }
    return -1;
}

bool XmlNode::hasAttribute(QAnyStringView attributeName) const
{
    return attributeIndex(attributeName) >= 0;
}

QString XmlNode::attribute(QAnyStringView attributeName) const
{
    const qsizetype index = attributeIndex(attributeName);
    return index < 0 ? QString() : attributes.at(index).value;
}

void XmlNode::setAttribute(const QString &attributeName, const QString &value)
{
    const qsizetype index = attributeIndex(attributeName);
    if (index < 0)
        attributes.append({attributeName, value});
    else
        attributes[index].value = value;
}

void XmlNode::insertAttribute(qsizetype index, const QString &attributeName, const QString &value)
{
    const qsizetype existing = attributeIndex(attributeName);
    if (existing >= 0) {
        attributes[existing].value = value;
        return;
    }
    attributes.insert(std::clamp<qsizetype>(index, 0, attributes.size()), {attributeName, value});
}

void XmlNode::removeAttribute(QAnyStringView attributeName)
{
    const qsizetype index = attributeIndex(attributeName);
    if (index >= 0)
        attributes.removeAt(index);
}

XmlNode *XmlNode::firstChildElement(QAnyStringView elementName)
{
    for (XmlNode &child : children) {
        if (child.isElement() && QAnyStringView::equal(child.name, elementName))
            return &child;
    }
    return nullptr;
}

const XmlNode *XmlNode::firstChildElement(QAnyStringView elementName) const
{
    for (const XmlNode &child : children) {
        if (child.isElement() && QAnyStringView::equal(child.name, elementName))
            return &child;
    }
    return nullptr;
}

}  // namespace Balancier
