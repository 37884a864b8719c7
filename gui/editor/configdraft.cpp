#include "configdraft.h"

#include "configeditcommand.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Balancier {

ConfigDraft::ConfigDraft(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
    , m_untitledName(tr("Untitled"))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    restore(ConfigDocument::serialize(Config{}));
}

ConfigDraft::~ConfigDraft()
{
    // The commands point at this draft: drop them before the members go,
    // without telling anyone (the listeners may be half destroyed).
    m_undo->blockSignals(true);
    blockSignals(true);
    m_undo->clear();
}

QString ConfigDraft::displayName() const
{
    return m_filePath.isEmpty() ? m_untitledName : QFileInfo(m_filePath).fileName();
}

bool ConfigDraft::isModified() const
{
    return !m_undo->isClean();
}

bool ConfigDraft::hasErrors() const
{
    return !m_wellFormed || Balancier::hasErrors(m_diagnostics);
}

void ConfigDraft::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

void ConfigDraft::setAdminFiles(AdminFiles adminFiles)
{
    if (adminFiles == m_adminFiles)
        return;
    m_adminFiles = adminFiles;
    if (!m_text.isEmpty())
        restore(m_text);
}

bool ConfigDraft::load(const QString &path, QString *error)
{
    const LoadResult loaded = ConfigReader::readFile(path, m_adminFiles);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    ConfigDocument document;
    QString parseError;
    if (!document.setContent(data, &parseError)) {
        // Not XML, or not a config: nothing to edit. Errors in a legacy
        // file land here too, with the reader's located messages.
        QStringList lines;
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            lines.append(diagnostic.toString());
        *error = lines.isEmpty() ? parseError : lines.join(u'\n');
        return false;
    }
    m_undo->clear();
    m_dialect = loaded.dialect;
    m_importReport = loaded.importReport;
    if (loaded.dialect == ConfigDialect::Native) {
        setFilePath(QFileInfo(path).absoluteFilePath());
        restore(data);
    } else {
        m_untitledName = tr("%1 (imported)").arg(QFileInfo(path).completeBaseName());
        setFilePath(QString());
        restore(document.toXml());
    }
    m_undo->setClean();
    Q_EMIT modifiedChanged(false);
    return true;
}

void ConfigDraft::loadData(const QByteArray &xml, const QString &displayName)
{
    m_undo->clear();
    m_importReport.clear();
    m_dialect = ConfigDialect::Native;
    m_untitledName = displayName.isEmpty() ? tr("Untitled") : displayName;
    setFilePath(QString());
    restore(xml);
    m_undo->setClean();
    Q_EMIT modifiedChanged(false);
}

bool ConfigDraft::save(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_text) != m_text.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    m_dialect = ConfigDialect::Native;
    m_importReport.clear();
    setFilePath(QFileInfo(path).absoluteFilePath());
    m_undo->setClean();
    return true;
}

void ConfigDraft::editModel(const Config &config, const QString &description, const QString &mergeKey)
{
    if (!m_wellFormed)
        return;
    ConfigDocument document = m_document;
    document.update(config);
    // The writer has a layout of its own; carry only the edit into the
    // user's text.
    const QByteArray after = ConfigDocument::toXmlInLayout(m_text, m_document, document);
    if (after == m_text)
        return;
    m_undo->push(new ConfigEditCommand(this, m_text, after, description, mergeKey));
}

void ConfigDraft::editText(const QByteArray &text)
{
    if (text == m_text)
        return;
    // Typing on one line is one undo step; moving on to another line starts
    // the next. (One step for all typing would make a single undo throw
    // away minutes of work; one per pause would make undo crawl.)
    qsizetype common = 0;
    const qsizetype shorter = qMin(text.size(), m_text.size());
    while (common < shorter && text.at(common) == m_text.at(common))
        ++common;
    const qsizetype line = text.left(common).count('\n') + 1;
    m_undo->push(new ConfigEditCommand(
        this, m_text, text, tr("Edit XML source (line %1)").arg(line), u"text:%1"_s.arg(line)));
}

void ConfigDraft::restore(const QByteArray &text)
{
    m_text = text;
    const QString name = m_filePath.isEmpty() ? m_untitledName : m_filePath;
    const LoadResult loaded = ConfigReader::readData(text, name, m_adminFiles);
    ConfigDocument document;
    QString parseError;
    m_wellFormed = document.setContent(text, &parseError);
    m_parseError = m_wellFormed ? QString() : parseError;
    if (m_wellFormed) {
        m_document = document;
        m_config = loaded.config;
    }
    m_diagnostics = loaded.diagnostics;
    Q_EMIT changed();
}

}  // namespace Balancier
