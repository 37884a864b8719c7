#include "fleetdrain.h"

#include "config/configreader.h"

#include <QStringList>

#include <memory>

namespace Balancier {

FleetDrain::FleetDrain(const QString &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{ }

FleetDrain::~FleetDrain() = default;

void FleetDrain::addNode(const QString &name, BalancerClient *client)
{
    Node node;
    node.name = name;
    node.client = client;
    m_nodes.append(node);
}

void FleetDrain::start()
{
    m_pending = int(m_nodes.size());
    if (m_pending == 0) {
        Q_EMIT finished();
        return;
    }
    for (int i = 0; i < m_nodes.size(); ++i)
        drainNode(i);
}

void FleetDrain::drainNode(int index)
{
    BalancerClient *client = m_nodes.at(index).client;
    if (!client)
        return finishNode(index, tr("The connection is closed."));
    // The running config names the host's service and group on this node.
    client->fetchRunningConfig(this, [this, index](const ClientReply &reply) {
        BalancerClient *stillOpen = m_nodes.at(index).client;
        if (!reply.ok || !stillOpen)
            return finishNode(index, reply.ok ? tr("The connection is closed.") : reply.error);
        const LoadResult loaded
            = ConfigReader::readData(reply.data, m_nodes.at(index).name, AdminFiles::Skipped);
        if (!loaded.ok())
            return finishNode(index, tr("Its running config cannot be read."));
        QList<HostRef> hosts;
        for (const ServiceConfig &service : loaded.config.services) {
            for (const GroupConfig &group : service.groups) {
                for (const HostConfig &host : group.hosts) {
                    if (host.name == m_host)
                        hosts.append({service.name, group.name, host.name});
                }
            }
        }
        if (hosts.isEmpty())
            return finishNode(index, tr("It has no host named \"%1\".").arg(m_host));
        auto remaining = std::make_shared<int>(int(hosts.size()));
        auto errors = std::make_shared<QStringList>();
        for (const HostRef &host : hosts) {
            stillOpen->drainHost(host, m_deadlineMs, m_then, this,
                [this, index, host, remaining, errors](const ClientReply &answer) {
                    if (answer.ok)
                        m_nodes[index].drained.append(host);
                    else
                        errors->append(QStringLiteral("%1/%2/%3: %4")
                                           .arg(host.service, host.group, host.host, answer.error));
                    if (--*remaining == 0)
                        finishNode(index, errors->join(u'\n'));
                });
        }
    });
}

void FleetDrain::finishNode(int index, const QString &error)
{
    m_nodes[index].error = error;
    m_nodes[index].done = true;
    Q_EMIT nodeFinished(index);
    if (--m_pending == 0)
        Q_EMIT finished();
}

bool FleetDrain::allDrained() const
{
    for (const Node &node : m_nodes) {
        if (!node.error.isEmpty() || node.drained.isEmpty())
            return false;
    }
    return true;
}

}  // namespace Balancier
