#include "config/appliedconfighistory.h"

#include "config/configchangejson.h"
#include "config/configdocument.h"
#include "config/configreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

constexpr QLatin1StringView entrySuffix(".json");
// An entry file larger than this is not one of ours: it is skipped, not read.
constexpr qint64 maxEntryFileSize = 64 * 1024 * 1024;

}  // namespace

QJsonObject AppliedConfigEntry::toJson(bool withXml) const
{
    QJsonObject object;
    object.insert(u"version"_s, version);
    object.insert(u"when"_s, when.toUTC().toString(Qt::ISODateWithMs));
    object.insert(u"origin"_s, origin.kind);
    if (!origin.user.isEmpty())
        object.insert(u"user"_s, origin.user);
    if (!origin.peer.isEmpty())
        object.insert(u"peer"_s, origin.peer);
    if (origin.rollbackOf > 0)
        object.insert(u"rollbackOf"_s, origin.rollbackOf);
    object.insert(u"changeCount"_s, changes.size());
    if (withXml) {
        object.insert(u"changes"_s, changes);
        object.insert(u"xml"_s, QString::fromUtf8(xml));
    }
    return object;
}

std::optional<AppliedConfigEntry> AppliedConfigEntry::fromJson(const QJsonObject &object)
{
    AppliedConfigEntry entry;
    entry.version = object.value(u"version"_s).toInteger();
    entry.when = QDateTime::fromString(object.value(u"when"_s).toString(), Qt::ISODateWithMs);
    entry.origin.kind = object.value(u"origin"_s).toString();
    entry.origin.user = object.value(u"user"_s).toString();
    entry.origin.peer = object.value(u"peer"_s).toString();
    entry.origin.rollbackOf = object.value(u"rollbackOf"_s).toInteger();
    entry.changes = object.value(u"changes"_s).toArray();
    entry.xml = object.value(u"xml"_s).toString().toUtf8();
    if (entry.version <= 0 || !entry.when.isValid() || entry.xml.isEmpty())
        return std::nullopt;
    return entry;
}

AppliedConfigHistory::AppliedConfigHistory(QObject *parent)
    : QObject(parent)
{ }

AppliedConfigHistory::~AppliedConfigHistory() = default;

void AppliedConfigHistory::setLimit(int limit)
{
    m_limit = qBound(1, limit, MaxLimit);
    prune();
}

int AppliedConfigHistory::limit() const
{
    return m_limit;
}

QString AppliedConfigHistory::storageDirectoryFor(const QString &configPath)
{
    return configPath + u".history"_s;
}

bool AppliedConfigHistory::setStorage(const QString &directory, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    QDir dir(directory);
    if (!dir.exists() && !QDir().mkpath(directory))
        return fail(u"cannot create the config history directory %1"_s.arg(directory));
    // The entries hold the whole config, password hashes included.
    QFile::setPermissions(
        directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QList<AppliedConfigEntry> loaded;
    const QStringList names = dir.entryList({u"*"_s + entrySuffix}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (file.size() > maxEntryFileSize || !file.open(QIODevice::ReadOnly))
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        if (const std::optional<AppliedConfigEntry> entry = AppliedConfigEntry::fromJson(document.object()))
            loaded.append(*entry);
    }
    std::sort(loaded.begin(), loaded.end(),
        [](const AppliedConfigEntry &a, const AppliedConfigEntry &b) { return a.version < b.version; });
    m_directory = dir.absolutePath();
    // What was recorded in memory before (none in the daemon) follows the stored ones.
    for (AppliedConfigEntry entry : std::as_const(m_entries)) {
        entry.version += loaded.isEmpty() ? 0 : loaded.constLast().version;
        loaded.append(entry);
        writeEntry(entry, nullptr);
    }
    m_entries = loaded;
    m_version = m_entries.isEmpty() ? 0 : m_entries.constLast().version;
    prune();
    return true;
}

QString AppliedConfigHistory::storageDirectory() const
{
    return m_directory;
}

QString AppliedConfigHistory::entryPath(qint64 version) const
{
    // Zero-padded, so that the names sort as the versions do.
    return QDir(m_directory).filePath(u"%1"_s.arg(version, 10, 10, QLatin1Char('0')) + entrySuffix);
}

bool AppliedConfigHistory::writeEntry(const AppliedConfigEntry &entry, QString *error) const
{
    if (m_directory.isEmpty())
        return true;
    QSaveFile file(entryPath(entry.version));
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(entry.toJson(true)).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

qint64 AppliedConfigHistory::record(const Config &config, const QList<ConfigChange> &changes)
{
    const QByteArray xml = ConfigDocument::serialize(config);
    if (!m_entries.isEmpty() && m_entries.constLast().xml == xml)
        return m_version;
    AppliedConfigEntry entry;
    entry.version = ++m_version;
    entry.when = QDateTime::currentDateTimeUtc();
    entry.origin = m_origin;
    entry.changes = configChangesToJson(changes);
    entry.xml = xml;
    m_entries.append(entry);
    QString error;
    if (writeEntry(entry, &error))
        m_storageError.clear();
    else
        m_storageError = error;
    prune();
    Q_EMIT recorded(entry.version);
    return entry.version;
}

void AppliedConfigHistory::prune()
{
    while (m_entries.size() > m_limit) {
        const qint64 version = m_entries.takeFirst().version;
        if (!m_directory.isEmpty())
            QFile::remove(entryPath(version));
    }
}

qint64 AppliedConfigHistory::currentVersion() const
{
    return m_version;
}

QList<AppliedConfigEntry> AppliedConfigHistory::entries() const
{
    QList<AppliedConfigEntry> newestFirst(m_entries.crbegin(), m_entries.crend());
    return newestFirst;
}

std::optional<AppliedConfigEntry> AppliedConfigHistory::entry(qint64 version) const
{
    for (const AppliedConfigEntry &entry : m_entries) {
        if (entry.version == version)
            return entry;
    }
    return std::nullopt;
}

std::optional<Config> AppliedConfigHistory::latestConfig() const
{
    if (m_entries.isEmpty())
        return std::nullopt;
    const LoadResult loaded = ConfigReader::readData(m_entries.constLast().xml,
        u"config history version %1"_s.arg(m_entries.constLast().version), AdminFiles::Skipped);
    if (!loaded.ok())
        return std::nullopt;
    return loaded.config;
}

ConfigOrigin AppliedConfigHistory::origin() const
{
    return m_origin;
}

QString AppliedConfigHistory::lastStorageError() const
{
    return m_storageError;
}

AppliedConfigHistory::OriginScope::OriginScope(AppliedConfigHistory &history, const ConfigOrigin &origin)
    : m_history(history)
    , m_previous(history.m_origin)
{
    m_history.m_origin = origin;
}

AppliedConfigHistory::OriginScope::~OriginScope()
{
    m_history.m_origin = m_previous;
}

}  // namespace Balancier
