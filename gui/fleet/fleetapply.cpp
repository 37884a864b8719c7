#include "fleetapply.h"

#include "editor/changeimpact.h"

#include <QDateTime>

#include <algorithm>
#include <utility>

namespace Balancier {

FleetApply::FleetApply(const QByteArray &draft, QObject *parent)
    : QObject(parent)
    , m_draft(draft)
{
    m_healthTimer.setSingleShot(true);
    m_healthTimer.setInterval(500);
    connect(&m_healthTimer, &QTimer::timeout, this, &FleetApply::checkHealth);
}

FleetApply::~FleetApply() = default;

void FleetApply::addNode(const QString &name, BalancerClient *client)
{
    Node node;
    node.name = name;
    node.client = client;
    m_nodes.append(node);
}

QList<int> FleetApply::order() const
{
    const auto rank = [](NodeHealth::Role role) {
        switch (role) {
        case NodeHealth::Role::Backup:
            return 0;
        case NodeHealth::Role::Unknown:
            return 1;
        case NodeHealth::Role::Master:
            return 2;
        }
        return 1;
    };
    QList<int> order;
    for (int i = 0; i < m_nodes.size(); ++i)
        order.append(i);
    std::stable_sort(order.begin(), order.end(),
        [&](int a, int b) { return rank(m_nodes.at(a).health.role) < rank(m_nodes.at(b).health.role); });
    return order;
}

QString FleetApply::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return tr("pending");
    case Status::Checking:
        return tr("dry run…");
    case Status::Checked:
        return tr("checked");
    case Status::Applying:
        return tr("applying…");
    case Status::WaitingHealthy:
        return tr("waiting until healthy…");
    case Status::Applied:
        return tr("applied");
    case Status::Failed:
        return tr("failed");
    case Status::Untouched:
        return tr("untouched");
    }
    return {};
}

void FleetApply::setStatus(int index, Status status)
{
    m_nodes[index].status = status;
    Q_EMIT nodeChanged(index);
}

void FleetApply::dryRun()
{
    if (m_busy)
        return;
    m_busy = true;
    m_checked = false;
    m_pendingDryRuns = int(m_nodes.size());
    if (m_nodes.isEmpty()) {
        m_busy = false;
        Q_EMIT dryRunFinished(false);
        return;
    }
    for (int i = 0; i < m_nodes.size(); ++i) {
        Node &node = m_nodes[i];
        node.error.clear();
        node.changes.clear();
        node.impact.clear();
        node.etag.clear();
        setStatus(i, Status::Checking);
        dryRunNode(i);
    }
}

void FleetApply::dryRunNode(int index)
{
    const auto done = [this] {
        if (--m_pendingDryRuns > 0)
            return;
        m_busy = false;
        m_checked = std::all_of(m_nodes.cbegin(), m_nodes.cend(),
            [](const Node &node) { return node.status == Status::Checked; });
        Q_EMIT dryRunFinished(m_checked);
    };
    BalancerClient *client = m_nodes.at(index).client;
    if (!client) {
        m_nodes[index].error = tr("The connection is closed.");
        setStatus(index, Status::Failed);
        return done();
    }
    client->fetchHealth(this, [this, index, done](const ClientReply &health) {
        m_nodes[index].health = health.health;
        BalancerClient *stillOpen = m_nodes.at(index).client;
        if (!stillOpen) {
            m_nodes[index].error = tr("The connection is closed.");
            setStatus(index, Status::Failed);
            return done();
        }
        stillOpen->applyConfig(m_draft, true, this, [this, index, done](const ClientReply &reply) {
            Node &node = m_nodes[index];
            if (!reply.ok) {
                node.error = reply.error;
                setStatus(index, Status::Failed);
                return done();
            }
            node.etag = reply.etag;
            node.changes = reply.changes;
            node.impact = ChangeImpact::summarize(
                reply.changes, node.client ? node.client->snapshot() : StatsSnapshot());
            setStatus(index, Status::Checked);
            done();
        });
    });
}

void FleetApply::rollOut()
{
    if (m_busy || !m_checked)
        return;
    m_busy = true;
    m_checked = false;  // a new roll-out needs a new dry run: the versions move on
    m_queue = order();
    applyNext();
}

void FleetApply::applyNext()
{
    if (m_queue.isEmpty()) {
        m_busy = false;
        m_current = -1;
        Q_EMIT finished(true, tr("The draft is applied on all %n node(s).", nullptr, int(m_nodes.size())));
        return;
    }
    m_current = m_queue.takeFirst();
    const int index = m_current;
    BalancerClient *client = m_nodes.at(index).client;
    if (!client)
        return failNode(index, tr("The connection is closed."));
    setStatus(index, Status::Applying);
    client->applyConfigIfMatch(
        m_draft, m_nodes.at(index).etag, this, [this, index](const ClientReply &reply) {
            if (!reply.ok) {
                const QString error = reply.conflict
                    ? tr(
                        "Its running config changed after the dry run (someone else applied a change); "
                        "nothing was applied there. Run the dry run again to review the new differences.\n%1")
                          .arg(reply.error)
                    : reply.error;
                return failNode(index, error);
            }
            m_nodes[index].etag = reply.etag;
            setStatus(index, Status::WaitingHealthy);
            m_waitStarted = QDateTime::currentMSecsSinceEpoch();
            checkHealth();
        });
}

void FleetApply::checkHealth()
{
    const int index = m_current;
    if (index < 0)
        return;
    BalancerClient *client = m_nodes.at(index).client;
    if (!client)
        return failNode(index, tr("The connection is closed."));
    client->fetchHealth(this, [this, index](const ClientReply &reply) {
        if (index != m_current)
            return;
        Node &node = m_nodes[index];
        if (reply.ok)
            node.health = reply.health;
        if (reply.ok && (!reply.health.known || reply.health.healthy)) {
            if (!reply.health.known)
                node.error = tr("It does not report its health (a balancierd without /api/v1/health, or a "
                                "balancer in this app): "
                                "not waited for.");
            setStatus(index, Status::Applied);
            return applyNext();
        }
        const qint64 waited = QDateTime::currentMSecsSinceEpoch() - m_waitStarted;
        if (waited >= m_healthTimeoutMs) {
            const QString last = reply.ok ? tr("%1 of %2 service(s) have a live host")
                                                .arg(reply.health.liveServices)
                                                .arg(reply.health.services)
                                          : reply.error;
            return failNode(index,
                tr("The draft is applied there, but the node did not report healthy within %n second(s) "
                   "(%1).",
                    nullptr, qMax(1, (m_healthTimeoutMs + 999) / 1000))
                    .arg(last));
        }
        m_healthTimer.start();
    });
}

void FleetApply::failNode(int index, const QString &error)
{
    m_nodes[index].error = error;
    setStatus(index, Status::Failed);
    const QList<int> rest = std::exchange(m_queue, {});
    for (int other : rest)
        setStatus(other, Status::Untouched);
    m_busy = false;
    m_current = -1;
    Q_EMIT finished(false,
        tr("Stopped at node %1: %2\n%n node(s) after it left untouched.", nullptr, int(rest.size()))
            .arg(m_nodes.at(index).name, error));
}

}  // namespace Balancier
