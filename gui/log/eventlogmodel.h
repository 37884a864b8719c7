#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Balancier {

/// The log view's lines, oldest first, at most Limit of them: what the
/// connection saw (state changes of hosts, applied changes, connection
/// trouble), the app's own actions (probe results) and, for a balancer run
/// in this process, the engine's log messages (EngineLogCapture).
///
/// Thread contract: GUI thread.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)

public:
    enum Column
    {
        WhenColumn,
        LevelColumn,
        SourceColumn,
        MessageColumn,
        ColumnCount
    };

    enum class Level
    {
        Debug,
        Info,
        Warning,
        Error,
    };
    Q_ENUM(Level)

    struct Entry
    {
        QDateTime when;
        Level level = Level::Info;
        QString source;  ///< "engine", "health", "connection", ...
        QString message;
    };

    /// Older lines go first when there are more.
    static constexpr int Limit = 2000;
    /// The role that holds Level as int, for filtering.
    static constexpr int LevelRole = Qt::UserRole + 1;

    explicit EventLogModel(QObject *parent = nullptr);
    ~EventLogModel() override;

    void append(Level level, const QString &source, const QString &message, const QDateTime &when = {});
    void clear();
    const QList<Entry> &entries() const { return m_entries; }
    /// Every line as text, for copying.
    QString toText() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString levelName(Level level);

private:
    QList<Entry> m_entries;
};

}  // namespace Balancier
