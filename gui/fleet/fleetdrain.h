#pragma once

#include "client/balancerclient.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Balancier {

/// Drains one host name on every node of a fleet: on each node, every host
/// of that name (in any service and group of its running config) gets the
/// drain action. Each node reports on its own; one node's failure does not
/// stop the others (draining is what one does before maintenance: the more
/// nodes that stop sending new connections, the better).
///
/// Thread contract: GUI thread. The clients are not owned.
class FleetDrain final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetDrain)

public:
    struct Node
    {
        QString name;
        QPointer<BalancerClient> client;
        bool done = false;
        QList<HostRef> drained;  ///< the hosts of that name it drained
        QString error;  ///< why it failed; also set when it has no host of that name
    };

    FleetDrain(const QString &host, QObject *parent = nullptr);
    ~FleetDrain() override;

    void addNode(const QString &name, BalancerClient *client);
    /// A guided drain on every node (issue 16): cut what is left after
    /// `deadlineMs` (0: each node's draintimeout), then run `then`.
    void setGuided(qint64 deadlineMs, DrainThen then)
    {
        m_deadlineMs = deadlineMs;
        m_then = then;
    }
    const QList<Node> &nodes() const { return m_nodes; }
    QString host() const { return m_host; }
    void start();
    /// True when every node drained at least one host and none failed.
    bool allDrained() const;

Q_SIGNALS:
    void nodeFinished(int index);
    void finished();

private:
    void drainNode(int index);
    void finishNode(int index, const QString &error);

    QString m_host;
    qint64 m_deadlineMs = 0;
    DrainThen m_then = DrainThen::None;
    QList<Node> m_nodes;
    int m_pending = 0;
};

}  // namespace Balancier
