#pragma once

#include "net/iopoller.h"
#include "net/ipendpoint.h"
#include "net/listensocket.h"
#include "runtime/serviceroute.h"

#include <QString>
#include <memory>

namespace Balancier {

class Worker;

/// Accepts clients from one listening socket into one worker.
///
/// Thread contract: lives in its worker's thread.
class Acceptor final : public IoHandler
{
    Q_DISABLE_COPY_MOVE(Acceptor)

public:
    /// `configured`: the listener's address as configured, which names its
    /// PROXY protocol options in the route (ServiceRoute::acceptProxyOf()).
    Acceptor(Worker &worker, QString configured, std::shared_ptr<ListenSocket> socket,
        std::shared_ptr<RouteSlot> slot);
    ~Acceptor() override;

    void setSlot(std::shared_ptr<RouteSlot> slot) { m_slot = std::move(slot); }
    void setEnabled(bool enabled);

    void ioReady(qintptr fd, int events) override;

private:
    /// A client closed at once because the service has no host: no session,
    /// so its connection log record (no-backend) is written here.
    void recordNoBackend(const ServiceRoute &route, const IpEndpoint &client);

    Worker &m_worker;
    const QString m_configured;
    std::shared_ptr<ListenSocket> m_socket;
    std::shared_ptr<RouteSlot> m_slot;
    bool m_enabled = true;
    /// The listener's own address when it is not a wildcard: then it is
    /// every client's local address, and no session needs to ask for it.
    IpEndpoint m_local;
};

}  // namespace Balancier
