#include "dashboardmodel.h"

#include "common/displayformat.h"
#include "common/statestyle.h"
#include "config/duration.h"
#include "editor/changetext.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Balancier {

struct DashboardModel::Values
{
    Kind kind = Kind::Service;
    QString name;
    QString state;  // hosts
    QString reason;  // hosts
    QString address;  // hosts
    QString scheduler;  // groups
    // DNS discovery: "srv"/"resolve" for a discovered host; a group's last lookup
    QString discovered;
    DiscoveryStats discovery;
    bool enabled = false;  // groups
    bool aggressive = false;  // services
    QStringList listeners;  // services
    QStringList routes;  // services and groups: TLS routes and their connection counts
    QString tls;  // services: the terminating listeners' certificates and handshakes (tooltip)
    int weight = 0;
    // backend feedback (hosts)
    double effectiveWeight = 0;
    bool ramping = false;
    QString agentAnswer;
    QStringList agentChanged;
    int maxConns = 0;
    qint64 active = 0;
    qint64 total = 0;
    qint64 failed = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    double rateIn = 0;
    double rateOut = 0;
    QDateTime lastChange;
    // Issue 16: backup hosts and guided drains.
    bool backup = false;  // hosts
    bool standby = false;  // hosts
    bool backupActive = false;  // groups
    qint64 drainDeadlineMs = 0;  // hosts
    QString drainThen;  // hosts
    std::vector<Values> children;
};

namespace {

/// ", backup (standby)", ", drain: 6m left, then remove": what a host's state says of issue 16.
QString lifecycleNote(bool backup, bool standby, qint64 drainDeadlineMs, const QString &drainThen)
{
    QString note;
    if (backup)
        note += standby ? DashboardModel::tr(", backup (standby)") : DashboardModel::tr(", backup");
    if (drainDeadlineMs > 0) {
        const qint64 left = std::max<qint64>(0, drainDeadlineMs - QDateTime::currentMSecsSinceEpoch());
        note += DashboardModel::tr(", drain: %1 left").arg(formatDuration((left + 999) / 1000 * 1000));
    }
    if (drainThen == "remove"_L1)
        note += DashboardModel::tr(", then remove");
    else if (drainThen == "maintenance"_L1)
        note += DashboardModel::tr(", then maintenance");
    return note;
}

}  // namespace

struct DashboardModel::Node
{
    Values values;  // children unused: the tree is in `children`
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (std::size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
    Node *child(const QString &name) const
    {
        for (const auto &child : children) {
            if (child->values.name == name)
                return child.get();
        }
        return nullptr;
    }
};

DashboardModel::DashboardModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

DashboardModel::~DashboardModel() = default;

namespace {

DashboardModel::Kind kindOf(int depth)
{
    return depth == 0 ? DashboardModel::Kind::Service
                      : (depth == 1 ? DashboardModel::Kind::Group : DashboardModel::Kind::Host);
}

// DNS discovery: how a host was found, and a group's last lookup, for tooltips.
QString discoveredText(const QString &discovered)
{
    return discovered == "srv"_L1
        ? DashboardModel::tr("discovered by DNS (SRV record); not in the config file")
        : DashboardModel::tr("discovered by DNS (an address of its name); not in the config file");
}

QString discoveryText(const DiscoveryStats &discovery)
{
    if (discovery.srv.isEmpty())
        return {};
    QString text = u'\n' + DashboardModel::tr("DNS discovery: %1").arg(discovery.srv);
    if (!discovery.lastLookup.isValid())
        return text + u'\n' + DashboardModel::tr("not looked up yet");
    const QString when = QLocale().toString(discovery.lastLookup.toLocalTime(), QLocale::ShortFormat);
    text += u'\n'
        + DashboardModel::tr("last lookup %1: %n record(s)", nullptr, int(discovery.records.size()))
              .arg(when);
    if (!discovery.error.isEmpty())
        text += u'\n' + DashboardModel::tr("failing: %1 (the last good records stay)").arg(discovery.error);
    return text;
}

}  // namespace

void DashboardModel::applySnapshot(const StatsSnapshot &snapshot)
{
    m_activeConnections = snapshot.activeConnections;
    m_taken = snapshot.taken.isValid() ? snapshot.taken : QDateTime::currentDateTime();
    std::vector<Values> services;
    for (const ServiceStats &service : snapshot.services) {
        Values s;
        s.kind = kindOf(0);
        s.name = service.name;
        s.aggressive = service.aggressive;
        s.listeners = service.listeners;
        for (const TlsListenerStats &tls : service.tlsListeners) {
            QString line = tr("TLS on %1: %2, expires %3 (%n day(s) left)", nullptr, int(tls.daysLeft))
                               .arg(tls.listen, tls.subject,
                                   QLocale().toString(tls.notAfter.toLocalTime(), QLocale::ShortFormat));
            line += u'\n'
                + tr("%1 handshakes/s, %2 completed, %3 failed, %4 timed out")
                      .arg(QLocale().toString(tls.handshakeRate, 'f', 1))
                      .arg(tls.handshakes)
                      .arg(tls.failures)
                      .arg(tls.timeouts);
            if (tls.ktls)
                line += u'\n' + tr("kernel TLS in use");
            if (tls.expiresSoon)
                line += u'\n' + tr("Warning: a certificate of this listener expires within 14 days");
            s.tls += (s.tls.isEmpty() ? QString() : u"\n"_s) + line;
        }
        s.active = service.active;
        s.total = service.total;
        s.bytesIn = service.bytesIn;
        s.bytesOut = service.bytesOut;
        s.rateIn = service.bytesInRate;
        s.rateOut = service.bytesOutRate;
        // TLS routing: each route's connections, on the service and on its group.
        const auto routeLine = [](const RouteStats &route) {
            const QString name = route.label == u"default" ? tr("default (the enabled group)")
                : route.label == u"plain"                  ? tr("not TLS")
                                                           : route.label;
            return tr("%1 -> %2: %n connection(s)", nullptr,
                int(std::min<qint64>(route.connections, std::numeric_limits<int>::max())))
                .arg(name, route.group);
        };
        for (const RouteStats &route : service.routes)
            s.routes.append(routeLine(route));
        for (const GroupStats &group : service.groups) {
            Values g;
            g.kind = kindOf(1);
            g.name = group.name;
            g.scheduler = group.scheduler;
            g.discovery = group.discovery;
            g.enabled = group.enabled;
            g.backupActive = group.backupActive;
            g.active = group.active;
            g.total = group.total;
            g.bytesIn = group.bytesIn;
            g.bytesOut = group.bytesOut;
            g.rateIn = group.bytesInRate;
            g.rateOut = group.bytesOutRate;
            for (const RouteStats &route : service.routes) {
                if (route.group == group.name)
                    g.routes.append(routeLine(route));
            }
            for (const HostStats &host : group.hosts) {
                Values h;
                h.kind = kindOf(2);
                h.name = host.name;
                h.state = host.state;
                h.reason = ChangeText::describeReason(host.reasonCode, host.reasonParams, host.reason);
                h.address = host.address;
                h.discovered = host.discovered;
                h.weight = host.weight;
                h.effectiveWeight = host.effectiveWeight;
                h.ramping = host.ramping;
                h.agentAnswer = host.agentAnswer;
                h.agentChanged = host.agentChanged;
                h.maxConns = host.maxConns;
                h.active = host.active;
                h.total = host.total;
                h.failed = host.failedConnects;
                h.bytesIn = host.bytesIn;
                h.bytesOut = host.bytesOut;
                h.rateIn = host.bytesInRate;
                h.rateOut = host.bytesOutRate;
                h.lastChange = host.lastChange;
                h.backup = host.backup;
                h.standby = host.standby;
                h.drainDeadlineMs = host.drainDeadlineMs;
                h.drainThen = host.drainThen;
                g.failed += host.failedConnects;
                g.children.push_back(std::move(h));
            }
            s.failed += g.failed;
            s.children.push_back(std::move(g));
        }
        services.push_back(std::move(s));
    }
    syncChildren(m_root.get(), services);
}

void DashboardModel::clear()
{
    if (m_root->children.empty())
        return;
    beginRemoveRows({}, 0, int(m_root->children.size()) - 1);
    m_root->children.clear();
    endRemoveRows();
    m_activeConnections = 0;
}

void DashboardModel::syncChildren(Node *parent, const std::vector<Values> &wanted)
{
    const QModelIndex parentIndex = indexFor(parent, 0);
    // Removals first, from the end so that the rows before stay valid.
    for (int row = int(parent->children.size()) - 1; row >= 0; --row) {
        const QString &name = parent->children[std::size_t(row)]->values.name;
        const bool kept = std::any_of(
            wanted.begin(), wanted.end(), [&name](const Values &values) { return values.name == name; });
        if (!kept) {
            beginRemoveRows(parentIndex, row, row);
            parent->children.erase(parent->children.begin() + row);
            endRemoveRows();
        }
    }
    const int kept = int(parent->children.size());
    for (const Values &values : wanted) {
        Node *child = parent->child(values.name);
        if (!child) {
            const int row = int(parent->children.size());
            beginInsertRows(parentIndex, row, row);
            auto node = std::make_unique<Node>();
            node->parent = parent;
            node->values = values;
            node->values.children.clear();
            child = node.get();
            parent->children.push_back(std::move(node));
            endInsertRows();
        } else {
            child->values = values;
            child->values.children.clear();
        }
        syncChildren(child, values.children);
    }
    // Counters and "time since" move with every snapshot: one signal per
    // parent covers every row that was already there.
    if (kept > 0)
        Q_EMIT dataChanged(index(0, 0, parentIndex), index(kept - 1, ColumnCount - 1, parentIndex));
}

DashboardModel::Node *DashboardModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex DashboardModel::indexFor(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

QModelIndex DashboardModel::findHost(const HostRef &host) const
{
    const Node *service = m_root->child(host.service);
    const Node *group = service ? service->child(host.group) : nullptr;
    const Node *node = group ? group->child(host.host) : nullptr;
    return indexFor(node, 0);
}

QModelIndex DashboardModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *node = nodeFor(parent);
    if (row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[std::size_t(row)].get());
}

QModelIndex DashboardModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent, 0);
}

int DashboardModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int DashboardModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags DashboardModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeFor(index)->values.kind == Kind::Host)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant DashboardModel::displayData(const Node &node, int column) const
{
    const Values &v = node.values;
    switch (column) {
    case NameColumn:
        return v.name;
    case StateColumn:
        if (v.kind == Kind::Host) {
            QString name = StateStyle::displayName(v.state);
            // Backend feedback: the weight new connections see while it differs.
            if (v.ramping)
                name = tr("%1, slow start: weight %2 of %3")
                           .arg(name, QString::number(v.effectiveWeight, 'g', 3))
                           .arg(v.weight);
            else if (!v.agentAnswer.isEmpty() && v.effectiveWeight != double(v.weight))
                name = tr("%1, agent: weight %2 of %3")
                           .arg(name, QString::number(v.effectiveWeight, 'g', 3))
                           .arg(v.weight);
            name += lifecycleNote(v.backup, v.standby, v.drainDeadlineMs, v.drainThen);
            return v.reason.isEmpty() ? name : tr("%1 (%2)").arg(name, v.reason);
        }
        if (v.kind == Kind::Group) {
            const QString text
                = v.enabled ? tr("enabled, %1").arg(v.scheduler) : tr("standby, %1").arg(v.scheduler);
            return v.backupActive ? tr("%1, backup active").arg(text) : text;
        }
        return v.aggressive ? tr("no host up") : v.listeners.join(u", "_s);
    case ActiveColumn:
        return v.maxConns > 0 ? tr("%1 / %2").arg(v.active).arg(v.maxConns) : QString::number(v.active);
    case TotalColumn:
        return QString::number(v.total);
    case FailedColumn:
        return QString::number(v.failed);
    case BytesInColumn:
        return DisplayFormat::bytes(v.bytesIn);
    case BytesOutColumn:
        return DisplayFormat::bytes(v.bytesOut);
    case RateInColumn:
        return DisplayFormat::rate(v.rateIn);
    case RateOutColumn:
        return DisplayFormat::rate(v.rateOut);
    case SinceColumn:
        return DisplayFormat::since(v.lastChange, m_taken);
    default:
        return {};
    }
}

QVariant DashboardModel::sortData(const Node &node, int column) const
{
    const Values &v = node.values;
    switch (column) {
    case NameColumn:
        return v.name.toLower();
    case StateColumn:
        return v.kind == Kind::Host ? v.state : displayData(node, column);
    case ActiveColumn:
        return v.active;
    case TotalColumn:
        return v.total;
    case FailedColumn:
        return v.failed;
    case BytesInColumn:
        return v.bytesIn;
    case BytesOutColumn:
        return v.bytesOut;
    case RateInColumn:
        return v.rateIn;
    case RateOutColumn:
        return v.rateOut;
    case SinceColumn:
        return v.lastChange.isValid() ? v.lastChange.secsTo(m_taken) : qint64(-1);
    default:
        return {};
    }
}

QVariant DashboardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeFor(index);
    const Values &v = node.values;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(node, column);
    case Qt::DecorationRole:
        if (column == NameColumn && v.kind == Kind::Service)
            return QIcon(u":/icons/service.svg"_s);
        if (column == NameColumn && v.kind == Kind::Group)
            return QIcon(u":/icons/group.svg"_s);
        if (column == StateColumn && v.kind == Kind::Host)
            return StateStyle::icon(v.state);
        return {};
    case Qt::ForegroundRole:
        if (column == StateColumn && v.kind == Kind::Host)
            return StateStyle::color(v.state, QGuiApplication::palette());
        if (column == StateColumn && v.kind == Kind::Service && v.aggressive)
            return StateStyle::color(u"down"_s, QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (column >= ActiveColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (v.kind == Kind::Host) {
            QString tip = tr("%1 at %2, weight %3").arg(v.name, v.address).arg(v.weight);
            if (v.maxConns > 0)
                tip += u'\n' + tr("at most %1 connections").arg(v.maxConns);
            if (!v.reason.isEmpty())
                tip += u'\n' + v.reason;
            if (!v.discovered.isEmpty())
                tip += u'\n' + discoveredText(v.discovered);
            if ((v.ramping || !v.agentAnswer.isEmpty()) && v.effectiveWeight != double(v.weight))
                tip += u'\n' + tr("effective weight %1").arg(QString::number(v.effectiveWeight, 'g', 3));
            if (!v.agentAnswer.isEmpty())
                tip += u'\n' + tr("agent said \"%1\"").arg(v.agentAnswer);
            if (!v.agentChanged.isEmpty())
                tip += u'\n' + tr("agent changed: %1").arg(v.agentChanged.join(u", "_s));
            return tip;
        }
        if (v.kind == Kind::Group) {
            QString tip = tr("Scheduler: %1").arg(v.scheduler) + discoveryText(v.discovery);
            if (!v.routes.isEmpty())
                tip += u'\n' + tr("TLS routes to this group:") + u"\n  "_s + v.routes.join(u"\n  "_s);
            return tip;
        }
        {
            QString tip = tr("Listening on %1").arg(v.listeners.join(u", "_s));
            if (!v.tls.isEmpty())
                tip += u'\n' + v.tls;
            if (!v.routes.isEmpty())
                tip += u'\n' + tr("TLS routes:") + u"\n  "_s + v.routes.join(u"\n  "_s);
            return tip;
        }
    case SortRole:
        return sortData(node, column);
    case KindRole:
        return int(v.kind);
    case StateRole:
        return v.kind == Kind::Host ? QVariant(v.state) : QVariant();
    case MaxConnsRole:
        return v.maxConns;
    case ActiveRole:
        return v.active;
    case AddressRole:
        return v.kind == Kind::Host ? QVariant(v.address) : QVariant();
    case DiscoveredRole:
        return v.kind == Kind::Host ? QVariant(v.discovered) : QVariant();
    case Qt::AccessibleTextRole:
        // What a screen reader says for a cell: the bar is a picture, so say the numbers.
        if (column == ActiveColumn && v.maxConns > 0)
            return tr("%1 of at most %2 open connections").arg(v.active).arg(v.maxConns);
        if (column == StateColumn && v.kind == Kind::Host && !v.reason.isEmpty())
            return tr("%1: %2").arg(displayData(node, column).toString(), v.reason);
        return displayData(node, column);
    case HostRefRole: {
        HostRef ref;
        const Node *n = &node;
        QStringList path;
        while (n && n != m_root.get()) {
            path.prepend(n->values.name);
            n = n->parent;
        }
        ref.service = path.value(0);
        ref.group = path.value(1);
        ref.host = path.value(2);
        return QVariant::fromValue(ref);
    }
    default:
        return {};
    }
}

QVariant DashboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && section >= ActiveColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case ActiveColumn:
        return tr("Active");
    case TotalColumn:
        return tr("Total");
    case FailedColumn:
        return tr("Failed");
    case BytesInColumn:
        return tr("Bytes in");
    case BytesOutColumn:
        return tr("Bytes out");
    case RateInColumn:
        return tr("In/s");
    case RateOutColumn:
        return tr("Out/s");
    case SinceColumn:
        return tr("Since change");
    default:
        return {};
    }
}

}  // namespace Balancier
