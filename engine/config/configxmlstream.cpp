#include "configxmlstream.h"

#include "configlimits.h"
#include "duration.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

bool isXmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

bool isBlank(QStringView text)
{
    return std::all_of(text.begin(), text.end(), isXmlSpace);
}

QString quoted(QStringView text)
{
    // Long or binary values would swamp the message; show a short, printable head.
    QString shown;
    for (QChar c : text.left(40))
        shown += c.isPrint() ? c : QChar(u'?');
    if (text.size() > 40)
        shown += u"..."_s;
    return u'"' + shown + u'"';
}

QString quotedIfLong(QStringView number)
{
    return number.size() > 12 ? quoted(number) : number.toString();
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

QString rangeText(int minimum, int maximum)
{
    if (maximum == std::numeric_limits<int>::max())
        return u"a whole number >= "_s + QString::number(minimum);
    return u"a whole number from "_s + QString::number(minimum) + u" to "_s + QString::number(maximum);
}

}  // namespace

ConfigXmlStream::ConfigXmlStream(
    const QByteArray &data, const QString &fileName, QList<Diagnostic> *diagnostics)
    : m_reader(data)
    , m_fileName(fileName)
    , m_diagnostics(diagnostics)
    , m_text(decodeXmlLikeTheReader(data))
    , m_attributeScan(m_text, ConfigLimits::maxAttributesPerElement)
{ }

std::optional<bool> ConfigXmlStream::parseBool(QStringView text)
{
    const QString value = text.trimmed().toString().toLower();
    if (value == u"yes" || value == u"true" || value == u"on" || value == u"1")
        return true;
    if (value == u"no" || value == u"false" || value == u"off" || value == u"0")
        return false;
    return std::nullopt;
}

void ConfigXmlStream::report(
    Diagnostic::Severity severity, SourcePos pos, const QString &element, const QString &message)
{
    // After broken XML, what the parser says next is about a model cut
    // short (a group "without hosts" whose hosts were never reached), and it
    // would stand at earlier lines than the real error: say nothing more.
    if (m_fatal)
        return;
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.file = m_fileName;
    diagnostic.line = pos.line;
    diagnostic.column = pos.column;
    diagnostic.element = element;
    diagnostic.message = message;
    m_diagnostics->append(diagnostic);
}

void ConfigXmlStream::error(SourcePos pos, const QString &element, const QString &message)
{
    report(Diagnostic::Severity::Error, pos, element, message);
}

void ConfigXmlStream::attributeError(QStringView attributeName, const QString &message)
{
    error(attributePos(attributeName), describe(attributeName), message);
}

void ConfigXmlStream::fatal(SourcePos pos, const QString &message)
{
    if (m_fatal)
        return;
    error(pos, {}, message);
    m_fatal = true;
}

SourcePos ConfigXmlStream::readerPos() const
{
    SourcePos pos;
    pos.line = static_cast<int>(std::min<qint64>(m_reader.lineNumber(), std::numeric_limits<int>::max()));
    pos.column
        = static_cast<int>(std::min<qint64>(m_reader.columnNumber() + 1, std::numeric_limits<int>::max()));
    return pos;
}

bool ConfigXmlStream::isLineEnd(qsizetype index) const
{
    // "\r\n" ends a line at its '\n'; a lone '\r' ends one too, as in XML.
    const QChar c = m_text.at(index);
    return c == u'\n' || (c == u'\r' && (index + 1 >= m_text.size() || m_text.at(index + 1) != u'\n'));
}

SourcePos ConfigXmlStream::posOfOffset(qsizetype offset) const
{
    // Positions are asked for in file order, give or take a few inside the
    // current start tag; walking forward from the nearest known point keeps
    // the whole parse linear without a table of every line.
    offset = std::clamp<qsizetype>(offset, 0, m_text.size());
    LineCursor cursor = m_cursor;
    if (offset < cursor.offset)
        cursor = offset >= m_elementCursor.offset ? m_elementCursor : LineCursor();
    for (qsizetype i = cursor.offset; i < offset; ++i) {
        if (isLineEnd(i)) {
            ++cursor.line;
            cursor.lineStart = i + 1;
        }
    }
    cursor.offset = offset;
    m_cursor = cursor;
    SourcePos pos;
    pos.line = static_cast<int>(std::min<qint64>(cursor.line, std::numeric_limits<int>::max()));
    pos.column = static_cast<int>(
        std::min<qsizetype>(offset - cursor.lineStart + 1, std::numeric_limits<int>::max()));
    return pos;
}

SourcePos ConfigXmlStream::doctypePos() const
{
    // The reader reports the DTD once it has read all of it; point at its start.
    const qsizetype end = static_cast<qsizetype>(std::min<qint64>(m_reader.characterOffset(), m_text.size()));
    const qsizetype start = end > 0 ? m_text.lastIndexOf(u"<!DOCTYPE", end - 1) : -1;
    return start < 0 ? readerPos() : posOfOffset(start);
}

SourcePos ConfigXmlStream::textPos() const
{
    // Text starts where the previous token ended; skip its leading blanks.
    qsizetype offset = static_cast<qsizetype>(std::min<qint64>(m_tokenStart, m_text.size()));
    while (offset < m_text.size() && isXmlSpace(m_text.at(offset)))
        ++offset;
    return offset < m_text.size() ? posOfOffset(offset) : readerPos();
}

void ConfigXmlStream::reportXmlError()
{
    const SourcePos pos = readerPos();
    const QString at = QString::number(pos.line) + u':' + QString::number(pos.column);
    // An end tag that does not match: the last '<' before the point of
    // failure begins "</" (the reader reads ahead, so its token start is no guide).
    const qsizetype failedAt
        = static_cast<qsizetype>(std::min<qint64>(m_reader.characterOffset(), m_text.size()));
    const qsizetype lastTag = failedAt > 0 ? m_text.lastIndexOf(u'<', failedAt - 1) : -1;
    const bool mismatch = m_reader.error() == QXmlStreamReader::NotWellFormedError
        && !m_openElements.isEmpty() && lastTag >= 0 && lastTag + 1 < m_text.size()
        && m_text.at(lastTag + 1) == u'/';
    if (m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError && !m_openElements.isEmpty()) {
        // Where the unclosed element opened is where the user must look.
        const OpenElement &open = m_openElements.constLast();
        fatal(open.pos,
            u'<' + open.name + u"> is never closed: the document ends at "_s + at + u" (truncated file?)"_s);
    } else if (m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
        fatal(pos, u"the document ends too early (truncated file?): "_s + m_reader.errorString());
    } else if (mismatch) {
        const OpenElement &open = m_openElements.constLast();
        fatal(open.pos,
            u'<' + open.name + u"> is not closed: the end tag at "_s + at
                + u" closes another element (not well-formed XML: "_s + m_reader.errorString() + u')');
    } else {
        fatal(pos, u"not well-formed XML: "_s + m_reader.errorString());
    }
}

void ConfigXmlStream::locateStartElement(qint64 endOffset)
{
    // The reader tells where a start tag ends; it begins at the last '<'
    // before that, since '<' cannot appear inside a tag.
    m_elementOffset = -1;
    m_elementPos = readerPos();
    const qsizetype end = static_cast<qsizetype>(std::min<qint64>(endOffset, m_text.size()));
    if (end <= 0)
        return;
    const qsizetype start = m_text.lastIndexOf(u'<', end - 1);
    if (start < 0)
        return;
    const QStringView qualifiedName = m_reader.qualifiedName();
    const QStringView tag = QStringView(m_text).sliced(start + 1);
    if (!tag.startsWith(qualifiedName) || tag.size() <= qualifiedName.size())
        return;
    const QChar after = tag.at(qualifiedName.size());
    if (!isXmlSpace(after) && after != u'/' && after != u'>')
        return;
    m_elementOffset = start;
    m_elementPos = posOfOffset(start);
    m_elementCursor = m_cursor;
}

bool ConfigXmlStream::readNextToken()
{
    if (m_fatal)
        return false;
    m_tokenStart = m_reader.characterOffset();
    if (m_attributeScan.isNextToken(m_reader)) {
        fatal(posOfOffset(m_attributeScan.offset()), m_attributeScan.message());
        return false;
    }
    m_reader.readNext();
    if (m_reader.hasError()) {
        reportXmlError();
        return false;
    }
    switch (m_reader.tokenType()) {
    case QXmlStreamReader::DTD:
        // Entity declarations are the door to "billion laughs" and external
        // entities; a config never needs them.
        fatal(doctypePos(), u"document type declarations (<!DOCTYPE>) are not allowed in a config file"_s);
        return false;
    case QXmlStreamReader::EntityReference:
        fatal(readerPos(), u"unresolved entity reference &"_s + m_reader.name() + u';');
        return false;
    case QXmlStreamReader::StartElement:
        ++m_depth;
        if (m_depth > maxDepth) {
            fatal(
                readerPos(), u"elements nested more than "_s + QString::number(maxDepth) + u" levels deep"_s);
            return false;
        }
        locateStartElement(m_reader.characterOffset());
        m_attributes = m_reader.attributes();
        m_openElements.append({m_reader.qualifiedName().toString(), m_elementPos});
        break;
    case QXmlStreamReader::EndElement:
        --m_depth;
        if (!m_openElements.isEmpty())
            m_openElements.removeLast();
        break;
    default:
        break;
    }
    return true;
}

bool ConfigXmlStream::readRootElement()
{
    while (readNextToken()) {
        switch (m_reader.tokenType()) {
        case QXmlStreamReader::StartElement:
            m_path.append(m_reader.name().toString());
            return true;
        case QXmlStreamReader::EndDocument:
            fatal(readerPos(), u"no root element; expected <balancier version=\"1\">"_s);
            return false;
        default:
            break;
        }
    }
    return false;
}

bool ConfigXmlStream::readNextChild()
{
    if (m_fatal)
        return false;
    while (readNextToken()) {
        switch (m_reader.tokenType()) {
        case QXmlStreamReader::StartElement:
            // Tolerated content: kept by the document editor, ignored here.
            if (!m_reader.namespaceUri().isEmpty() || m_reader.name() == u"note") {
                skipSubtree();
                continue;
            }
            m_path.append(m_reader.name().toString());
            return true;
        case QXmlStreamReader::EndElement:
            if (!m_path.isEmpty())
                m_path.removeLast();
            return false;
        case QXmlStreamReader::Characters:
            if (!isBlank(m_reader.text())) {
                error(textPos(), u'<' + m_path.value(m_path.size() - 1) + u'>',
                    u"unexpected text "_s + quoted(m_reader.text().trimmed())
                        + u"; settings go in attributes"_s);
            }
            break;
        case QXmlStreamReader::EndDocument:
            return false;
        default:
            break;  // comments and processing instructions
        }
    }
    return false;
}

void ConfigXmlStream::skipSubtree()
{
    const int targetDepth = m_depth - 1;
    while (m_depth > targetDepth && readNextToken()) { }
}

void ConfigXmlStream::skipElement()
{
    skipSubtree();
    if (!m_path.isEmpty())
        m_path.removeLast();
}

void ConfigXmlStream::rejectElement(QStringView parent, const QStringList &expected)
{
    QString message = u"unknown element <"_s + m_reader.name() + u"> in <"_s + parent + u'>';
    if (expected.isEmpty()) {
        message += u"; <"_s + parent + u"> takes no child elements"_s;
    } else {
        QStringList tags;
        for (const QString &tag : expected)
            tags.append(u'<' + tag + u'>');
        message += u"; expected "_s + tags.join(u", "_s);
    }
    error(m_elementPos, u'<' + m_reader.name() + u'>', message);
    skipElement();
}

void ConfigXmlStream::readNoChildren()
{
    const QString parent = m_reader.name().toString();
    while (readNextChild())
        rejectElement(parent, {});
}

void ConfigXmlStream::finish()
{
    while (readNextToken()) {
        if (m_reader.tokenType() == QXmlStreamReader::EndDocument)
            return;
    }
}

const QXmlStreamAttribute *ConfigXmlStream::findAttribute(QStringView attributeName) const
{
    for (const QXmlStreamAttribute &attr : m_attributes) {
        if (attr.namespaceUri().isEmpty() && attr.name() == attributeName)
            return &attr;
    }
    return nullptr;
}

bool ConfigXmlStream::hasAttribute(QStringView attributeName) const
{
    return findAttribute(attributeName) != nullptr;
}

QString ConfigXmlStream::attribute(QStringView attributeName) const
{
    const QXmlStreamAttribute *attr = findAttribute(attributeName);
    return attr ? attr->value().toString() : QString();
}

std::optional<QString> ConfigXmlStream::requiredAttribute(QStringView attributeName)
{
    if (const QXmlStreamAttribute *attr = findAttribute(attributeName))
        return attr->value().toString();
    error(m_elementPos, describe(), u"missing required attribute "_s + attributeName);
    m_missing.append({m_elementPos, attributeName.toString()});
    return std::nullopt;
}

void ConfigXmlStream::checkAttributes(const QStringList &known)
{
    for (const QXmlStreamAttribute &attr : m_attributes) {
        if (!attr.namespaceUri().isEmpty() || known.contains(attr.name()))
            continue;
        QString message = u"unknown attribute "_s + attr.qualifiedName();
        if (known.isEmpty())
            message += u"; <"_s + m_reader.name() + u"> takes no attributes"_s;
        else
            message += u"; expected "_s + known.join(u", "_s);
        attributeError(attr.qualifiedName(), message);
    }
}

qsizetype ConfigXmlStream::findAttributeOffset(QStringView attributeName) const
{
    if (m_elementOffset < 0)
        return -1;
    const QStringView text(m_text);
    qsizetype i = m_elementOffset + 1 + m_reader.qualifiedName().size();
    const auto skipSpace = [&] {
        while (i < text.size() && isXmlSpace(text.at(i)))
            ++i;
    };
    while (true) {
        skipSpace();
        if (i >= text.size() || text.at(i) == u'/' || text.at(i) == u'>')
            return -1;
        const qsizetype nameStart = i;
        while (i < text.size() && !isXmlSpace(text.at(i)) && text.at(i) != u'=' && text.at(i) != u'>')
            ++i;
        const QStringView name = text.sliced(nameStart, i - nameStart);
        skipSpace();
        if (i >= text.size() || text.at(i) != u'=')
            return -1;
        ++i;
        skipSpace();
        if (i >= text.size() || (text.at(i) != u'"' && text.at(i) != u'\''))
            return -1;
        const qsizetype close = text.indexOf(text.at(i), i + 1);
        if (close < 0)
            return -1;
        i = close + 1;
        if (name == attributeName)
            return nameStart;
    }
}

SourcePos ConfigXmlStream::attributePos(QStringView attributeName) const
{
    const qsizetype offset = findAttributeOffset(attributeName);
    return offset < 0 ? m_elementPos : posOfOffset(offset);
}

QString ConfigXmlStream::describe(QStringView attributeName) const
{
    QString out = u'<' + m_reader.name();
    if (attributeName != u"name" && hasAttribute(u"name"))
        out += u" name=\""_s + attribute(u"name") + u'"';
    if (!attributeName.isEmpty())
        out += u' ' + attributeName;
    return out + u'>';
}

bool ConfigXmlStream::readInt(QStringView attributeName, int minimum, int maximum, int *out)
{
    const QXmlStreamAttribute *attr = findAttribute(attributeName);
    if (!attr)
        return false;
    const QStringView text = attr->value().trimmed();
    bool digitsOnly = !text.isEmpty();
    for (qsizetype i = 0; digitsOnly && i < text.size(); ++i) {
        const QChar c = text.at(i);
        digitsOnly = (c >= u'0' && c <= u'9') || (i == 0 && c == u'-' && text.size() > 1);
    }
    // Beyond 12 digits the exact value does not matter: it is out of range.
    const qlonglong value = !digitsOnly ? 0
        : text.size() > 12              ? (text.startsWith(u'-') ? std::numeric_limits<qlonglong>::min()
                                                                 : std::numeric_limits<qlonglong>::max())
                                        : text.toLongLong();
    if (!digitsOnly) {
        attributeError(attributeName,
            quoted(attr->value()) + u" is not a whole number; expected "_s + rangeText(minimum, maximum));
        return false;
    }
    if (value < minimum || value > maximum) {
        const QString what = value < 0 && minimum >= 0 ? u" is negative"_s
            : value < minimum                          ? u" is too small"_s
                                                       : u" is too large"_s;
        attributeError(
            attributeName, quotedIfLong(text) + what + u"; expected "_s + rangeText(minimum, maximum));
        return false;
    }
    *out = static_cast<int>(value);
    return true;
}

bool ConfigXmlStream::readDuration(QStringView attributeName, qint64 minimum, qint64 maximum, qint64 *out)
{
    const QXmlStreamAttribute *attr = findAttribute(attributeName);
    if (!attr)
        return false;
    const std::optional<qint64> value = parseDuration(attr->value());
    if (!value) {
        attributeError(attributeName,
            quoted(attr->value())
                + u" is not a duration; expected a whole number with a unit ms, s, m, h or d"
                  u" (500ms, 2s, 5m, 1h, 1d) or a number of seconds"_s);
        return false;
    }
    if (*value < minimum) {
        attributeError(attributeName,
            attr->value().trimmed() + u" is too short; expected at least "_s + formatDuration(minimum));
        return false;
    }
    if (*value > maximum) {
        attributeError(attributeName,
            attr->value().trimmed() + u" is too long; expected at most "_s + formatDuration(maximum));
        return false;
    }
    *out = *value;
    return true;
}

bool ConfigXmlStream::readBool(QStringView attributeName, bool *out)
{
    const QXmlStreamAttribute *attr = findAttribute(attributeName);
    if (!attr)
        return false;
    const std::optional<bool> value = parseBool(attr->value());
    if (!value) {
        attributeError(attributeName,
            quoted(attr->value()) + u" is not a boolean; expected yes, no, true, false, on, off, 1 or 0"_s);
        return false;
    }
    *out = *value;
    return true;
}

bool ConfigXmlStream::readChoice(QStringView attributeName, const QStringList &choices, QString *out)
{
    const QXmlStreamAttribute *attr = findAttribute(attributeName);
    if (!attr)
        return false;
    const QString value = attr->value().toString();
    if (!choices.contains(value)) {
        attributeError(
            attributeName, quoted(value) + u" is not valid; expected one of "_s + choices.join(u", "_s));
        return false;
    }
    *out = value;
    return true;
}

bool ConfigXmlStream::readEscapedBytes(QStringView attributeName, QByteArray *out)
{
    const QXmlStreamAttribute *attr = findAttribute(attributeName);
    if (!attr)
        return false;
    const QStringView text = attr->value();
    QByteArray bytes;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != u'\\') {
            // Plain characters are sent as UTF-8; a run at a time keeps surrogate pairs whole.
            qsizetype j = i;
            while (j < text.size() && text.at(j) != u'\\')
                ++j;
            bytes += text.sliced(i, j - i).toUtf8();
            i = j - 1;
            continue;
        }
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (next == u'r' || next == u'n' || next == u't' || next == u'\\') {
            bytes += next == u'r' ? '\r' : next == u'n' ? '\n' : next == u't' ? '\t' : '\\';
            ++i;
            continue;
        }
        if (next == u'x' && i + 3 < text.size()) {
            const int high = hexValue(text.at(i + 2));
            const int low = hexValue(text.at(i + 3));
            if (high >= 0 && low >= 0) {
                bytes += static_cast<char>(high * 16 + low);
                i += 3;
                continue;
            }
        }
        attributeError(attributeName,
            u"bad escape "_s + quoted(text.sliced(i, std::min<qsizetype>(4, text.size() - i)))
                + u"; expected \\r, \\n, \\t, \\\\ or \\xHH"_s);
        return false;
    }
    *out = bytes;
    return true;
}

}  // namespace Balancier
