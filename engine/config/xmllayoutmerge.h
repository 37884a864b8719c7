#pragma once

#include <QByteArray>

namespace Balancier {

/// Carries an edit made on a re-serialized XML document back into the text
/// the user wrote, so that an edit (through the editor's form, or a runtime
/// change the daemon saves) changes only the lines it touches: the user's
/// indentation, quoting, line breaks inside tags and spacing around comments
/// stay as they were. ConfigDocument::toXmlInLayout() is how saves use it.
///
/// ConfigDocument writes a whole document in its own layout. Given the
/// user's text, that text in the writer's layout, and the edited document
/// in the writer's layout, merge() compares the two written forms token by
/// token (tags, comments, text; whitespace between them is layout) and
/// replays the difference on the user's text: unchanged tokens are copied
/// from the user's text with the whitespace before them, changed ones take
/// the place (and the indentation) of the ones they replace, and new ones
/// are indented in the user's style.
///
/// Thread contract: stateless; any thread.
class XmlLayoutMerge final
{
public:
    XmlLayoutMerge() = delete;

    /// The edited document in the user's layout. Returns `editedWritten`
    /// itself when the texts cannot be matched token by token (not UTF-8,
    /// not well-formed, or too large to compare).
    static QByteArray merge(
        const QByteArray &userText, const QByteArray &userWritten, const QByteArray &editedWritten);
};

}  // namespace Balancier
