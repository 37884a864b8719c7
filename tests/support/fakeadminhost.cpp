#include "fakeadminhost.h"

#include "admin/adminserver.h"
#include "engine.h"

FakeAdminHost::FakeAdminHost(const Balancier::Engine &engine)
    : m_engine(engine)
{ }

bool FakeAdminHost::saveRunningConfig(QString *error)
{
    if (!m_failure.isEmpty()) {
        *error = m_failure;
        return false;
    }
    m_saved.append(m_engine.runningConfig());
    return true;
}

bool FakeAdminHost::updateAdmin(const Balancier::AdminConfig &config, QString *error)
{
    m_adminUpdates.append(config);
    // Like the daemon: only a change of what the server listens as moves it.
    Balancier::AdminConfig wanted = config;
    Balancier::AdminConfig running = m_engine.runningConfig().admin;
    wanted.users.clear();
    running.users.clear();
    if (!m_server || wanted == running)
        return true;
    return m_server->start(config, error);
}
