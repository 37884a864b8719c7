#include "admin/auth/passwordverifier.h"

namespace Balancier {

PasswordVerifier::PasswordVerifier(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(MaxThreads);
    m_pool.setObjectName(QStringLiteral("PasswordVerifier"));
}

PasswordVerifier::~PasswordVerifier()
{
    // Before the QObject part goes: a running check posts its result to this
    // object, and the posted event must find it alive (it is then dropped).
    m_pool.clear();
    m_pool.waitForDone();
}

bool PasswordVerifier::verify(const QString &password, const QString &stored, int priority, Done done)
{
    if (m_pending.size() >= MaxPending)
        return false;
    const quint64 id = m_nextId++;
    m_pending.insert(id, std::move(done));
    m_pool.start(
        [this, id, password, stored] {
            QString reason;
            const PasswordHash::Result result = PasswordHash::verify(password, stored, &reason);
            QMetaObject::invokeMethod(
                this, [this, id, result, reason] { handleResult(id, result, reason); }, Qt::QueuedConnection);
        },
        priority);
    return true;
}

void PasswordVerifier::handleResult(quint64 id, PasswordHash::Result result, const QString &reason)
{
    const Done done = m_pending.take(id);
    if (done)
        done(result, reason);
}

}  // namespace Balancier
