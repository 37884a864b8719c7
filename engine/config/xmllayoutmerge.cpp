#include "xmllayoutmerge.h"

#include <QList>
#include <QString>
#include <QStringConverter>
#include <QXmlStreamReader>

#include <vector>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

/// One piece of a document: a tag, a comment, a text run, a processing
/// instruction. `lead` is the whitespace before it (its layout).
struct Token
{
    QString lead;
    QString body;
};

/// The document cut into tokens, plus what follows the last one. False when
/// the text is not well-formed.
bool tokenize(const QString &text, QList<Token> *tokens, QString *tail)
{
    // The reader's offsets may run a character ahead (it has seen the "<"
    // of the next tag when it reports whitespace), so the text is cut at
    // its offsets, each token takes all text since the last one, and the
    // whitespace it starts with is its layout. The pieces always add up to
    // the whole text.
    QXmlStreamReader reader(text);
    qint64 previous = 0;
    QString pending;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType type = reader.readNext();
        if (reader.hasError())
            return false;
        const qint64 end = reader.characterOffset();
        pending += text.mid(previous, end - previous);
        previous = end;
        if (type == QXmlStreamReader::EndDocument)
            break;
        if (type == QXmlStreamReader::Characters && reader.isWhitespace())
            continue;
        qsizetype space = 0;
        while (space < pending.size() && pending.at(space).isSpace())
            ++space;
        tokens->append({pending.left(space), pending.mid(space)});
        pending.clear();
    }
    *tail = pending + text.mid(previous);
    return true;
}

/// The indentation unit of a text: the indentation of the first indented line.
QString indentUnit(const QList<Token> &tokens)
{
    for (const Token &token : tokens) {
        const qsizetype newline = token.lead.lastIndexOf(u'\n');
        if (newline >= 0 && newline + 1 < token.lead.size())
            return token.lead.mid(newline + 1);
    }
    return u"  "_s;
}

/// `lead`, written with `from` as the indentation unit, re-indented with `to`.
QString reindent(const QString &lead, const QString &from, const QString &to)
{
    const qsizetype newline = lead.lastIndexOf(u'\n');
    if (newline < 0 || from.isEmpty() || from == to)
        return lead;
    const QString indent = lead.mid(newline + 1);
    if (indent.size() % from.size() != 0 || indent != from.repeated(indent.size() / from.size()))
        return lead;
    return lead.left(newline + 1) + to.repeated(indent.size() / from.size());
}

/// How deep `lead` indents, in `unit`s; -1 when it does not start a line.
qsizetype depthOf(const QString &lead, const QString &unit)
{
    const qsizetype newline = lead.lastIndexOf(u'\n');
    if (newline < 0 || unit.isEmpty())
        return -1;
    return (lead.size() - newline - 1) / unit.size();
}

}  // namespace

QByteArray XmlLayoutMerge::merge(
    const QByteArray &userText, const QByteArray &userWritten, const QByteArray &editedWritten)
{
    auto decoder = QStringDecoder(QStringDecoder::Utf8);
    const QString user = decoder.decode(userText);
    if (decoder.hasError())
        return editedWritten;
    const QString before = QString::fromUtf8(userWritten);
    const QString after = QString::fromUtf8(editedWritten);
    QList<Token> userTokens;
    QList<Token> beforeTokens;
    QList<Token> afterTokens;
    QString userTail;
    QString beforeTail;
    QString afterTail;
    if (!tokenize(user, &userTokens, &userTail) || !tokenize(before, &beforeTokens, &beforeTail)
        || !tokenize(after, &afterTokens, &afterTail))
        return editedWritten;
    // The user's text and its written form are the same document: the same
    // tokens, in layout only different.
    if (userTokens.size() != beforeTokens.size())
        return editedWritten;

    const qsizetype n = beforeTokens.size();
    const qsizetype m = afterTokens.size();
    // Common prefix and suffix first: an edit usually touches a few tokens.
    qsizetype prefix = 0;
    while (prefix < n && prefix < m && beforeTokens.at(prefix).body == afterTokens.at(prefix).body)
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix
        && beforeTokens.at(n - 1 - suffix).body == afterTokens.at(m - 1 - suffix).body)
        ++suffix;
    const qsizetype rows = n - prefix - suffix;
    const qsizetype cols = m - prefix - suffix;
    // A longest common subsequence over the tokens in between. A form edit
    // leaves a handful; replacing a whole config of a few thousand lines
    // stays below the limit (16 MB), and beyond it the writer's layout is
    // still a correct document.
    if (rows * cols > 4'000'000)
        return editedWritten;
    std::vector<int> lcs(size_t((rows + 1) * (cols + 1)), 0);
    const auto at = [cols](qsizetype i, qsizetype j) {
        return size_t(i * (cols + 1) + j);
    };
    for (qsizetype i = rows - 1; i >= 0; --i) {
        for (qsizetype j = cols - 1; j >= 0; --j) {
            lcs[at(i, j)] = beforeTokens.at(prefix + i).body == afterTokens.at(prefix + j).body
                ? lcs[at(i + 1, j + 1)] + 1
                : qMax(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
        }
    }

    const QString userUnit = indentUnit(userTokens);
    const QString writtenUnit = indentUnit(beforeTokens);
    QString merged;
    merged.reserve(user.size() + after.size() / 4);
    for (qsizetype k = 0; k < prefix; ++k)
        merged += userTokens.at(k).lead + userTokens.at(k).body;
    qsizetype i = 0;
    qsizetype j = 0;
    // The layout of tokens removed since the last kept one, for the tokens
    // that take their place.
    QStringList freedLeads;
    while (i < rows || j < cols) {
        if (i < rows && j < cols && beforeTokens.at(prefix + i).body == afterTokens.at(prefix + j).body) {
            freedLeads.clear();
            const Token &kept = userTokens.at(prefix + i);
            merged += kept.lead + kept.body;
            ++i;
            ++j;
        } else if (i < rows && (j >= cols || lcs[at(i + 1, j)] >= lcs[at(i, j + 1)])) {
            // Removals before additions, so that a changed token takes the
            // layout of the one it replaces.
            freedLeads.append(userTokens.at(prefix + i).lead);
            ++i;
        } else {
            // A token that replaces one at the same depth takes its layout
            // (a changed attribute keeps its line as it was); anything else
            // is indented in the user's style.
            const Token &added = afterTokens.at(prefix + j);
            const qsizetype depth = depthOf(added.lead, writtenUnit);
            QString lead = reindent(added.lead, writtenUnit, userUnit);
            for (qsizetype k = 0; k < freedLeads.size(); ++k) {
                if (depthOf(freedLeads.at(k), userUnit) == depth) {
                    lead = freedLeads.takeAt(k);
                    break;
                }
            }
            merged += lead + added.body;
            ++j;
        }
    }
    for (qsizetype k = n - suffix; k < n; ++k)
        merged += userTokens.at(k).lead + userTokens.at(k).body;
    merged += userTail;
    return merged.toUtf8();
}

}  // namespace Balancier
