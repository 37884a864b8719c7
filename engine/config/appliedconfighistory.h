#pragma once

#include "config/config.h"
#include "config/configdiff.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Balancier {

/// Who applied a config, and from where: what the history records with it.
struct ConfigOrigin
{
    /// "api" (the admin API), "gui" (the desktop app, through the API or its
    /// local engine), "sighup" (a reload), "startup", "rollback", or
    /// "engine" when no front end said (a change of the engine's own).
    QString kind = QStringLiteral("engine");
    QString user;  ///< the API user, when there is one
    QString peer;  ///< the client's address, when there is one
    qint64 rollbackOf = 0;  ///< for "rollback": the version restored

    friend bool operator==(const ConfigOrigin &, const ConfigOrigin &) = default;
};

/// One applied config: its version, when and by whom, the structured
/// changes (configchangejson) and the whole config as canonical XML.
struct AppliedConfigEntry
{
    qint64 version = 0;
    QDateTime when;  ///< UTC
    ConfigOrigin origin;
    QJsonArray changes;  ///< configChangesToJson() of the apply
    QByteArray xml;  ///< ConfigDocument::serialize() of the config applied

    /// With `withXml` false, the list form (GET /api/v1/config/history).
    QJsonObject toJson(bool withXml) const;
    static std::optional<AppliedConfigEntry> fromJson(const QJsonObject &object);
};

/// The last N applied configs, each with a version number that only grows
/// (across restarts too, when the history has a file backend). The engine
/// records one for every apply that changed something; the daemon gives it
/// a directory beside the config file (one JSON file per version, each
/// written atomically, readable by the owner only); without one (the
/// desktop app's local engine) it lives in memory.
///
/// Thread contract: lives in the engine's control thread and is used only
/// from there (as the Engine that owns it).
class AppliedConfigHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppliedConfigHistory)

public:
    static constexpr int DefaultLimit = 50;
    static constexpr int MaxLimit = 10000;

    explicit AppliedConfigHistory(QObject *parent = nullptr);
    ~AppliedConfigHistory() override;

    /// Keeps at most `limit` entries (<settings history="N">); older ones
    /// are forgotten (and their files removed) at once.
    void setLimit(int limit);
    int limit() const;

    /// Stores the history in `directory` (created, mode 0700, when missing)
    /// and reads the entries already there. False, with the reason in
    /// `error`, when it cannot: the history then stays in memory.
    bool setStorage(const QString &directory, QString *error = nullptr);
    QString storageDirectory() const;
    /// The directory the daemon uses for config file `configPath`: "<file>.history".
    static QString storageDirectoryFor(const QString &configPath);

    /// Records `config`, applied with `changes`, under the origin in force
    /// (OriginScope); returns its version. A config identical to the
    /// latest entry is not recorded again: its version is returned.
    qint64 record(const Config &config, const QList<ConfigChange> &changes);

    /// The latest version; 0 before the first record.
    qint64 currentVersion() const;
    /// Newest first.
    QList<AppliedConfigEntry> entries() const;
    std::optional<AppliedConfigEntry> entry(qint64 version) const;
    /// The latest entry's config as read back (for the diff at startup); nullopt when none.
    std::optional<Config> latestConfig() const;

    /// The origin the next records get; the previous one comes back when the scope ends.
    ConfigOrigin origin() const;
    class OriginScope final
    {
        Q_DISABLE_COPY_MOVE(OriginScope)

    public:
        OriginScope(AppliedConfigHistory &history, const ConfigOrigin &origin);
        ~OriginScope();

    private:
        AppliedConfigHistory &m_history;
        ConfigOrigin m_previous;
    };

    /// A file that could not be written is said once (per failure streak).
    QString lastStorageError() const;

Q_SIGNALS:
    /// A new version was recorded.
    void recorded(qint64 version);

private:
    void prune();
    bool writeEntry(const AppliedConfigEntry &entry, QString *error) const;
    QString entryPath(qint64 version) const;

    QList<AppliedConfigEntry> m_entries;  ///< oldest first
    qint64 m_version = 0;
    int m_limit = DefaultLimit;
    QString m_directory;
    ConfigOrigin m_origin;
    QString m_storageError;
};

}  // namespace Balancier
