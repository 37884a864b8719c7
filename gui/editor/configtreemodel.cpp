#include "configtreemodel.h"

#include "common/statestyle.h"

#include <QIcon>

#include <functional>

using namespace Qt::StringLiterals;

namespace Balancier {

struct ConfigTreeModel::Node
{
    ConfigItemRef ref;
    QString label;
    QString summary;
    QString iconState;  // a host's admin state shown as a state icon
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        children.push_back(std::move(child));
        return children.back().get();
    }
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
};

ConfigTreeModel::ConfigTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

ConfigTreeModel::~ConfigTreeModel() = default;

std::unique_ptr<ConfigTreeModel::Node> ConfigTreeModel::build(const Config &config) const
{
    auto root = std::make_unique<Node>();
    auto node = [](ConfigItemRef::Kind kind, const QString &label, const QString &summary) {
        auto n = std::make_unique<Node>();
        n->ref.kind = kind;
        n->label = label;
        n->summary = summary;
        return n;
    };
    root->add(node(ConfigItemRef::Kind::Settings, tr("Settings"),
        config.settings.workers == 0 ? tr("one worker per core")
                                     : tr("%n worker(s)", nullptr, config.settings.workers)));
    Node *admin = root->add(node(
        ConfigItemRef::Kind::Admin, tr("Admin API"), config.admin.enabled ? config.admin.listen : tr("off")));
    for (const AdminUser &user : config.admin.users) {
        Node *u = admin->add(node(ConfigItemRef::Kind::User, user.name,
            user.access == AdminUser::Access::Full ? tr("full access") : tr("read-only")));
        u->ref.name = user.name;
    }
    root->add(node(ConfigItemRef::Kind::Alerts, tr("Alerts"),
        config.alerts.isEmpty() ? tr("none") : tr("%n alert(s)", nullptr, int(config.alerts.size()))));
    for (const ServiceConfig &service : config.services) {
        Node *s
            = root->add(node(ConfigItemRef::Kind::Service, service.name, service.listeners.join(u", "_s)));
        s->ref.service = service.name;
        for (const QString &listener : service.listeners) {
            Node *l = s->add(node(ConfigItemRef::Kind::Listener, listener, tr("listener")));
            l->ref.service = service.name;
            l->ref.name = listener;
        }
        for (const GroupConfig &group : service.groups) {
            Node *g = s->add(node(ConfigItemRef::Kind::Group, group.name,
                group.name == service.enabledGroup ? tr("%1, enabled").arg(group.scheduler)
                                                   : group.scheduler));
            g->ref.service = service.name;
            g->ref.group = group.name;
            for (const HostConfig &host : group.hosts) {
                Node *h = g->add(node(ConfigItemRef::Kind::Host, host.name,
                    tr("%1, weight %2").arg(host.address).arg(host.weight)));
                h->ref.service = service.name;
                h->ref.group = group.name;
                h->ref.name = host.name;
                h->iconState = host.adminState == HostAdminState::Ready
                    ? u"up"_s
                    : (host.adminState == HostAdminState::Drain ? u"draining"_s : u"maintenance"_s);
            }
        }
    }
    return root;
}

bool ConfigTreeModel::sameShape(const Node &a, const Node &b)
{
    if (!(a.ref == b.ref) || a.children.size() != b.children.size())
        return false;
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        if (!sameShape(*a.children[i], *b.children[i]))
            return false;
    }
    return true;
}

void ConfigTreeModel::copyValues(Node &into, const Node &from)
{
    const bool changed
        = into.label != from.label || into.summary != from.summary || into.iconState != from.iconState;
    into.label = from.label;
    into.summary = from.summary;
    into.iconState = from.iconState;
    if (changed && into.parent)
        Q_EMIT dataChanged(indexFor(&into, 0), indexFor(&into, 1));
    for (std::size_t i = 0; i < into.children.size(); ++i)
        copyValues(*into.children[i], *from.children[i]);
}

void ConfigTreeModel::setConfig(const Config &config)
{
    std::unique_ptr<Node> next = build(config);
    if (sameShape(*m_root, *next)) {
        copyValues(*m_root, *next);
        return;
    }
    beginResetModel();
    m_root = std::move(next);
    endResetModel();
}

ConfigTreeModel::Node *ConfigTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ConfigTreeModel::indexFor(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

QModelIndex ConfigTreeModel::indexOf(const ConfigItemRef &ref) const
{
    std::function<const Node *(const Node &)> find = [&](const Node &node) -> const Node * {
        if (node.ref == ref && &node != m_root.get())
            return &node;
        for (const auto &child : node.children) {
            if (const Node *found = find(*child))
                return found;
        }
        return nullptr;
    };
    return indexFor(find(*m_root), 0);
}

ConfigItemRef ConfigTreeModel::refAt(const QModelIndex &index) const
{
    return index.isValid() ? nodeFor(index)->ref : ConfigItemRef();
}

QModelIndex ConfigTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column > 1 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *node = nodeFor(parent);
    if (row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[std::size_t(row)].get());
}

QModelIndex ConfigTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent, 0);
}

int ConfigTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int ConfigTreeModel::columnCount(const QModelIndex &) const
{
    return 2;
}

Qt::ItemFlags ConfigTreeModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QVariant ConfigTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == 0 ? node.label : node.summary;
    case Qt::DecorationRole:
        if (index.column() != 0)
            return {};
        switch (node.ref.kind) {
        case ConfigItemRef::Kind::Service:
            return QIcon(u":/icons/service.svg"_s);
        case ConfigItemRef::Kind::Group:
            return QIcon(u":/icons/group.svg"_s);
        case ConfigItemRef::Kind::Host:
            return StateStyle::icon(node.iconState);
        default:
            return {};
        }
    case RefRole:
        return QVariant::fromValue(node.ref);
    default:
        return {};
    }
}

QVariant ConfigTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Item") : tr("Summary");
}

}  // namespace Balancier
