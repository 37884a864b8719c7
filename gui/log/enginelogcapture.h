#pragma once

#include "eventlogmodel.h"

#include <QObject>
#include <QString>

namespace Balancier {

/// Hands the engine's log messages (the "balancier.*" logging categories)
/// to the log view while a balancer runs in this process. Messages still go
/// to the previous handler (stderr, the journal) as before.
///
/// Qt has one message handler per process, so at most one capture is
/// installed at a time; a second one stays inactive (isActive()).
///
/// Thread contract: create and destroy in the GUI thread. The handler runs
/// in whichever thread logs (engine and worker threads) and only queues the
/// message; messageLogged() is emitted in the GUI thread.
class EngineLogCapture final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineLogCapture)

public:
    explicit EngineLogCapture(QObject *parent = nullptr);
    ~EngineLogCapture() override;

    bool isActive() const { return m_active; }

Q_SIGNALS:
    /// `category` without the "balancier." prefix ("health", "net", ...).
    void messageLogged(
        Balancier::EventLogModel::Level level, const QString &category, const QString &message);

private:
    static void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message);

    bool m_active = false;
};

}  // namespace Balancier
