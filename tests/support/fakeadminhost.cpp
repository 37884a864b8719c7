#include "fakeadminhost.h"

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
