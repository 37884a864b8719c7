#include "fleetcompare.h"

#include "config/configreader.h"

namespace Balancier {

FleetCompare::FleetCompare(QObject *parent)
    : QObject(parent)
{ }

FleetCompare::~FleetCompare() = default;

void FleetCompare::addNode(const QString &name, BalancerClient *client)
{
    Node node;
    node.name = name;
    node.client = client;
    m_nodes.append(node);
}

void FleetCompare::start()
{
    m_configs = QList<QByteArray>(m_nodes.size());
    m_pending = int(m_nodes.size());
    if (m_pending == 0)
        return compareAll();
    for (int i = 0; i < m_nodes.size(); ++i) {
        m_nodes[i].done = false;
        m_nodes[i].error.clear();
        m_nodes[i].differences.clear();
        BalancerClient *client = m_nodes.at(i).client;
        const auto done = [this, i](const ClientReply &reply) {
            if (reply.ok)
                m_configs[i] = reply.data;
            else
                m_nodes[i].error = reply.error;
            if (--m_pending == 0)
                compareAll();
        };
        if (!client) {
            ClientReply closed;
            closed.error = tr("The connection is closed.");
            done(closed);
            continue;
        }
        client->fetchRunningConfig(this, done);
    }
}

void FleetCompare::compareAll()
{
    QList<LoadResult> loaded;
    for (int i = 0; i < m_nodes.size(); ++i) {
        loaded.append(m_nodes.at(i).error.isEmpty()
                ? ConfigReader::readData(m_configs.at(i), m_nodes.at(i).name, AdminFiles::Skipped)
                : LoadResult());
        if (m_nodes.at(i).error.isEmpty() && !loaded.last().ok())
            m_nodes[i].error = tr("Its running config cannot be read: %1")
                                   .arg(loaded.last().diagnostics.isEmpty()
                                           ? QString()
                                           : loaded.last().diagnostics.first().toString());
    }
    for (int i = 0; i < m_nodes.size(); ++i) {
        m_nodes[i].done = true;
        if (i > 0 && m_nodes.at(0).error.isEmpty() && m_nodes.at(i).error.isEmpty())
            m_nodes[i].differences = diffConfigs(loaded.at(0).config, loaded.at(i).config);
    }
    Q_EMIT finished();
}

bool FleetCompare::identical() const
{
    for (const Node &node : m_nodes) {
        if (!node.error.isEmpty() || !node.differences.isEmpty())
            return false;
    }
    return true;
}

}  // namespace Balancier
