#pragma once

#include "config.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace Balancier {

/// A config as an XML document that can be edited without losing what the
/// user wrote: comments, element order and tolerated content are kept when
/// the model is written back with update().
///
/// The tree is an XmlNode, not a QDomDocument: QDom in Qt 6 keeps
/// attributes in a hash and writes them in an order that changes between
/// processes, which would reorder what the user wrote and make every save
/// differ from the last.
///
/// Thread contract: a value owned by one thread at a time.
class ConfigDocument final
{
public:
    ConfigDocument();  ///< an empty native document
    ~ConfigDocument();
    ConfigDocument(const ConfigDocument &other);
    ConfigDocument &operator=(const ConfigDocument &other);

    /// Parses XML as loaded from disk. A legacy document (<pdconfig>,
    /// <config>) yields a fresh native document for the model
    /// ConfigReader::readData imports (the import is a conversion; its
    /// comments are not kept). Returns false with a message, and leaves the
    /// document as it was, when the bytes are not well-formed XML, the root is
    /// not a config, or a legacy file has errors. A native document with
    /// semantic errors is accepted: ConfigReader reports those.
    bool setContent(const QByteArray &xml, QString *error = nullptr);

    /// Rewrites the document so that it says what `config` says, touching
    /// only the elements and attributes that differ:
    /// - items (services, listeners, groups, hosts, users) are matched by
    ///   name (listeners by address); a matched element is updated in place,
    ///   an unmatched one removed with the comment on its line, and a new item
    ///   goes after the last element of its kind (else at its canonical place);
    ///   existing elements are never reordered;
    /// - an attribute the user wrote stays, with its spelling when it still
    ///   reads the same ("120" for 2 minutes, "true", a scheduler alias), and
    ///   changes in place when it does not; a missing one is added only when a
    ///   reader would otherwise infer another value (a default, or for a
    ///   <health>/<timeouts> override the level above);
    /// - comments, <note>, foreign-namespace elements and attributes,
    ///   processing instructions and unknown content are kept as they are.
    void update(const Config &config);

    /// The document in its canonical layout: UTF-8 with the declaration
    /// `<?xml version="1.0" encoding="UTF-8"?>`, 2-space indentation, one
    /// node per line with its attributes (in their order) on that line, a
    /// comment that shared a line with what precedes it kept there after one
    /// space, blank lines between siblings kept as one, multi-line comments
    /// and elements with text content written exactly, a final newline. So a
    /// document updated with the model it says equals its re-indentation, and
    /// writing is idempotent.
    QByteArray toXml() const;

    /// Writes atomically (QSaveFile; permissions of an existing file are kept
    /// and a symbolic link is written through). With `backup`, an existing
    /// file is first copied to "<path>.<yyyyMMdd-HHmmss>.bak" (local time)
    /// when that second has no backup yet. Further backups within the same
    /// second are "<path>.<stamp>-N.bak", N being one more than the highest
    /// number of that second present in the folder (the plain name counts as
    /// 1), so 2, 3, ...: gaps left by deleted backups are never reused, and
    /// ConfigPersistence::pruneBackups(), which orders by stamp and then N,
    /// always takes the oldest. Errors name the path.
    bool save(const QString &path, bool backup, QString *error = nullptr) const;

    /// Writes `xml` to `path` the way save() writes the document: atomically,
    /// with the same backup rule. For a document in the user's layout
    /// (toXmlInLayout()).
    static bool saveData(const QString &path, const QByteArray &xml, bool backup, QString *error = nullptr);

    /// `edited` in the layout of `userText`, the text `user` was read from:
    /// every save (the editor's, the daemon's /save and persist="auto") keeps
    /// the user's comments, order, indentation, line breaks and attribute
    /// quoting, and rewrites only what differs between `user` and `edited`
    /// (XmlLayoutMerge). When the merged text would not read back as exactly
    /// `edited` (or cannot be matched), the answer is edited.toXml(): the
    /// canonical layout, never a different document.
    static QByteArray toXmlInLayout(
        const QByteArray &userText, const ConfigDocument &user, const ConfigDocument &edited);

    /// A fresh native document for a model, with no history.
    static QByteArray serialize(const Config &config);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace Balancier
