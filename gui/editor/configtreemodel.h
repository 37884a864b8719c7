#pragma once

#include "config/config.h"
#include "configitemref.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace Balancier {

/// The editor's tree of a config: Settings, Admin API > users, and each
/// service > its listeners and groups > hosts. Two columns: the item and a
/// one-line summary.
///
/// setConfig() keeps the model when only values changed (dataChanged), and
/// resets it when items were added, removed or renamed: the editor then
/// selects the edited item again by its ConfigItemRef.
///
/// Thread contract: GUI thread.
class ConfigTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigTreeModel)

public:
    enum Role
    {
        RefRole = Qt::UserRole + 1,  ///< ConfigItemRef
    };

    explicit ConfigTreeModel(QObject *parent = nullptr);
    ~ConfigTreeModel() override;

    void setConfig(const Config &config);
    QModelIndex indexOf(const ConfigItemRef &ref) const;
    ConfigItemRef refAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node;
    std::unique_ptr<Node> build(const Config &config) const;
    static bool sameShape(const Node &a, const Node &b);
    void copyValues(Node &into, const Node &from);
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column) const;

    std::unique_ptr<Node> m_root;
};

}  // namespace Balancier
