#include "eventlogmodel.h"

#include "common/statestyle.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Balancier {

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

EventLogModel::~EventLogModel() = default;

void EventLogModel::append(Level level, const QString &source, const QString &message, const QDateTime &when)
{
    if (m_entries.size() >= Limit) {
        beginRemoveRows({}, 0, 0);
        m_entries.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({when.isValid() ? when : QDateTime::currentDateTime(), level, source, message});
    endInsertRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QString EventLogModel::toText() const
{
    QStringList lines;
    for (const Entry &entry : m_entries)
        lines.append(entry.when.toLocalTime().toString(Qt::ISODateWithMs) + u' ' + levelName(entry.level)
            + u' ' + entry.source + u": "_s + entry.message);
    return lines.join(u'\n');
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::levelName(Level level)
{
    switch (level) {
    case Level::Debug:
        return tr("Debug");
    case Level::Info:
        return tr("Info");
    case Level::Warning:
        return tr("Warning");
    case Level::Error:
        return tr("Error");
    }
    return {};
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn:
            return QLocale().toString(entry.when.toLocalTime().time(), u"HH:mm:ss.zzz"_s);
        case LevelColumn:
            return levelName(entry.level);
        case SourceColumn:
            return entry.source;
        case MessageColumn:
            // One line in the table; the tooltip has all of it.
            return entry.message.section(u'\n', 0, 0);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return QString(entry.when.toLocalTime().toString(Qt::ISODateWithMs) + u'\n' + entry.message);
    case Qt::ForegroundRole:
        if (index.column() == LevelColumn && entry.level >= Level::Warning)
            return StateStyle::color(
                entry.level == Level::Error ? u"down"_s : u"draining"_s, QGuiApplication::palette());
        if (entry.level == Level::Debug)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case LevelRole:
        return int(entry.level);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case SourceColumn:
        return tr("Source");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

}  // namespace Balancier
