#pragma once

#include "client/balancerclient.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Balancier {

/// The differences between the running configs of a fleet's nodes: each
/// node's config read (GET /api/v1/config) and diffed against the first
/// node's, as structured changes ("what would make the first node's config
/// this node's"), which ChangeText words.
///
/// Thread contract: GUI thread. The clients are not owned.
class FleetCompare final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetCompare)

public:
    struct Node
    {
        QString name;
        QPointer<BalancerClient> client;
        bool done = false;
        QString error;  ///< the config could not be read or parsed
        QList<ConfigChange> differences;  ///< from the first node's config to this one's; empty for the first
    };

    explicit FleetCompare(QObject *parent = nullptr);
    ~FleetCompare() override;

    void addNode(const QString &name, BalancerClient *client);
    const QList<Node> &nodes() const { return m_nodes; }
    /// Fetches every config; finished() when all answered.
    void start();
    /// True when every node's config was read and none differs from the first.
    bool identical() const;

Q_SIGNALS:
    void finished();

private:
    void compareAll();

    QList<Node> m_nodes;
    QList<QByteArray> m_configs;
    int m_pending = 0;
};

}  // namespace Balancier
