#pragma once

#include "client/balancerclient.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace Balancier {

/// Applies one draft to every node of a fleet, in two steps:
///
/// 1. dryRun(): asks each node for its health (role) and a dry-run diff of
///    the draft against its running config, with that config's version
///    (ETag) and the impact in words (ChangeImpact).
/// 2. rollOut(): applies the draft one node at a time, backups first, the
///    master last. Each PUT carries the node's ETag from the dry run
///    (If-Match), so a node whose config moved on since answers 412 instead
///    of taking a diff nobody reviewed. After each node it waits until the
///    node reports healthy (GET /api/v1/health); a node without the
///    endpoint (an older daemon) is taken as it is. The first failure stops
///    the roll-out: the nodes after it stay untouched.
///
/// Thread contract: GUI thread. The clients are not owned; a client that is
/// destroyed meanwhile fails its node.
class FleetApply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetApply)

public:
    enum class Status
    {
        Pending,
        Checking,  ///< dry run under way
        Checked,  ///< dry run done: changes and impact known
        Applying,
        WaitingHealthy,
        Applied,
        Failed,
        Untouched,  ///< the roll-out stopped before this node
    };

    struct Node
    {
        QString name;
        QPointer<BalancerClient> client;
        Status status = Status::Pending;
        NodeHealth health;
        QByteArray etag;  ///< the running config's version the dry run was computed against
        QList<ConfigChange> changes;
        QStringList impact;  ///< ChangeImpact::summarize() of the changes
        QString error;
    };

    FleetApply(const QByteArray &draft, QObject *parent = nullptr);
    ~FleetApply() override;

    void addNode(const QString &name, BalancerClient *client);
    const QList<Node> &nodes() const { return m_nodes; }
    /// The roll-out order: backups, then nodes without a role, the master last.
    QList<int> order() const;

    /// How long a node may take to report healthy after its apply (default 30 s).
    void setHealthTimeout(int ms) { m_healthTimeoutMs = ms; }
    /// How often it asks meanwhile (default 500 ms).
    void setHealthInterval(int ms) { m_healthTimer.setInterval(ms); }

    /// Step 1; dryRunFinished() when every node answered.
    void dryRun();
    /// Step 2, after a dry run in which every node passed; finished() at the end.
    void rollOut();
    bool isBusy() const { return m_busy; }

    static QString statusName(Status status);

Q_SIGNALS:
    void nodeChanged(int index);
    /// `ok`: every node accepted the draft in its dry run.
    void dryRunFinished(bool ok);
    /// `ok`: every node applied the draft and reported healthy. `message`
    /// names the node that failed and why, or says that all went well.
    void finished(bool ok, const QString &message);

private:
    void dryRunNode(int index);
    void applyNext();
    void checkHealth();
    void failNode(int index, const QString &error);
    void setStatus(int index, Status status);

    QByteArray m_draft;
    QList<Node> m_nodes;
    int m_pendingDryRuns = 0;
    bool m_checked = false;
    bool m_busy = false;
    QList<int> m_queue;  // roll-out: nodes still to apply
    int m_current = -1;
    int m_healthTimeoutMs = 30000;
    qint64 m_waitStarted = 0;
    QTimer m_healthTimer;
};

}  // namespace Balancier
