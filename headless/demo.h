#pragma once

#include "config/config.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace Balancier {

class DemoBackend;

/// The --demo: three DemoBackends on 127.0.0.1 and the config that puts
/// the balancer (roundrobin) in front of them, plus the words that tell the
/// user what to try.
///
/// Thread contract: main thread, like the backends it owns.
class Demo final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Demo)

public:
    static constexpr int BackendCount = 3;

    /// `frontPort`: the balancer's port; `firstBackendPort`: the first
    /// backend's (the others follow); 0 lets the system choose.
    Demo(int frontPort, int firstBackendPort, int adminPort, QObject *parent = nullptr);
    ~Demo() override;

    /// Starts the backends. On failure `error` says which port is busy and
    /// how to choose others.
    bool start(QString *error);

    /// The balancer config: service "demo" on 127.0.0.1:<frontPort>, group
    /// "backends" with one host per backend.
    Config config() const;

    /// What to tell the user once the balancer listens on `boundPort` and the
    /// admin API answers at `adminUrl`. Shows the one-time admin password.
    QStringList instructions(quint16 boundPort, const QString &adminUrl) const;

    /// The message for a front port that could not be bound.
    QString frontPortError(const QString &reason) const;

private:
    const int m_frontPort;
    const int m_firstBackendPort;
    const int m_adminPort;
    QString m_adminPassword;  // one-time, printed once
    QString m_adminHash;
    QList<DemoBackend *> m_backends;  // children
};

}  // namespace Balancier
