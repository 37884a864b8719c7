#include "talkermodel.h"

#include "common/displayformat.h"

#include <QLocale>

namespace Balancier {

TalkerModel::TalkerModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

TalkerModel::~TalkerModel() = default;

void TalkerModel::setTalkers(const QList<Talker> &talkers)
{
    bool samePrefixes = talkers.size() == m_talkers.size();
    for (qsizetype i = 0; samePrefixes && i < talkers.size(); ++i)
        samePrefixes = talkers.at(i).prefix == m_talkers.at(i).prefix;
    if (!samePrefixes) {
        beginResetModel();
        m_talkers = talkers;
        endResetModel();
        return;
    }
    m_talkers = talkers;
    if (!m_talkers.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_talkers.size()) - 1, ColumnCount - 1));
}

int TalkerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_talkers.size());
}

int TalkerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TalkerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Talker &talker = m_talkers.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != PrefixColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PrefixColumn:
        return talker.prefix;
    case OpenColumn:
        return QLocale().toString(talker.open);
    case RateColumn:
        return tr("%1/s").arg(QLocale().toString(talker.ratePerSecond, 'f', 1));
    case BytesInColumn:
        return DisplayFormat::bytes(talker.bytesIn);
    case BytesOutColumn:
        return DisplayFormat::bytes(talker.bytesOut);
    }
    return {};
}

QVariant TalkerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PrefixColumn:
        return tr("Client prefix");
    case OpenColumn:
        return tr("Open");
    case RateColumn:
        return tr("New connections");
    case BytesInColumn:
        return tr("In");
    case BytesOutColumn:
        return tr("Out");
    }
    return {};
}

}  // namespace Balancier
