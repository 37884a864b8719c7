#pragma once

#include "config/config.h"
#include "config/configdiff.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Balancier {

/// The versions of the running config that this app has seen, newest
/// first: what ran when it connected, then every config applied since,
/// from the editor or from anywhere else (the admin API, SIGHUP, a host
/// action). Each version keeps its full XML, so that rolling back is just
/// applying it again through the one apply path, and the changes that
/// made it from the version before.
///
/// The balancer keeps no history of its own, so this one covers the time
/// the app was connected, up to capacity() versions.
///
/// Columns: when, where the change came from, and what changed.
///
/// Thread contract: GUI thread.
class ConfigHistory final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigHistory)

public:
    enum Column
    {
        WhenColumn,
        OriginColumn,
        ChangesColumn,
        ColumnCount,
    };

    /// One version of the running config.
    struct Version
    {
        int number = 0;  ///< 1 for the first version seen, counting up
        QDateTime when;
        QString origin;  ///< "applied from this editor", "rollback to version 2", ...
        QByteArray xml;  ///< the running config as the balancer served it
        Config config;
        QList<ConfigChange> changes;  ///< from the version before; empty for the first
        bool running = false;  ///< the newest version: what the balancer runs
    };

    explicit ConfigHistory(QObject *parent = nullptr);
    ~ConfigHistory() override;

    /// Records the running config; ignored when it equals the newest
    /// version (a refresh that found nothing new). Returns true when a
    /// version was added. The oldest versions go beyond capacity().
    bool record(const QByteArray &xml, const Config &config, const QString &origin);
    /// Forgets every version (another balancer was connected).
    void clear();
    /// Takes the balancer's own history instead (the JSON array of
    /// BalancerClient::fetchConfigHistory(), newest first): its version
    /// numbers, times, origins and changes, so that changes made while
    /// this app was closed show too. False, and nothing changes, when it
    /// holds no entry or the same versions as now.
    bool setBalancerVersions(const QByteArray &json);
    /// Whether the versions are the balancer's (setBalancerVersions()).
    bool isBalancers() const { return m_balancers; }
    /// "admin API, admin from 10.0.0.5", "reload (SIGHUP)", ... for an origin of the balancer's history.
    static QString describeOrigin(
        const QString &kind, const QString &user, const QString &peer, qint64 rollbackOf);

    int capacity() const { return m_capacity; }
    void setCapacity(int versions);

    /// Versions, newest first: row 0 is what runs now.
    int count() const { return int(m_versions.size()); }
    const Version &version(int row) const { return m_versions.at(row); }
    /// The row of a version number, or -1 when it is no longer kept.
    int rowOfNumber(int number) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Version> m_versions;  // newest first
    int m_capacity = 20;
    int m_nextNumber = 1;
    bool m_balancers = false;
};

}  // namespace Balancier
