#pragma once

#include "config.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace Balancier {

/// A config as an XML document that can be edited without losing what the
/// user wrote: comments, element order and tolerated content are kept when
/// the model is written back with update().
/// Thread contract: a value owned by one thread at a time.
class ConfigDocument final
{
public:
    ConfigDocument();  ///< an empty native document
    ~ConfigDocument();
    ConfigDocument(const ConfigDocument &other);
    ConfigDocument &operator=(const ConfigDocument &other);

    /// Parses XML as loaded from disk. A legacy document yields a fresh
    /// native document (the import is a conversion). Returns false with a
    /// message when the bytes are not well-formed XML.
    bool setContent(const QByteArray &xml, QString *error = nullptr);

    /// Rewrites the document so that it says what `config` says, touching
    /// only the elements and attributes that differ.
    void update(const Config &config);

    QByteArray toXml() const;

    /// Writes atomically (QSaveFile). With `backup`, the previous file is
    /// first copied to "<path>.<yyyyMMdd-HHmmss>.bak".
    bool save(const QString &path, bool backup, QString *error = nullptr) const;

    /// A fresh native document for a model, with no history.
    static QByteArray serialize(const Config &config);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace Balancier
