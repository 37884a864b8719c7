#pragma once

#include <QByteArray>
#include <QProcess>
#include <QRegularExpressionMatch>
#include <QString>
#include <QStringList>

/// One balancierd process for the suites that drive the real daemon: its
/// stderr (where its status lines and log go) collected as it arrives,
/// signals by pid. Killed when destroyed if still running.
///
/// Thread contract: the test's thread.
class DaemonProcess final
{
    Q_DISABLE_COPY_MOVE(DaemonProcess)

public:
    /// `program`: BALANCIERD_PATH of the suite.
    explicit DaemonProcess(QString program);
    ~DaemonProcess();

    void setEnvironment(const QString &name, const QString &value);
    void start(const QStringList &arguments);
    QProcess &process() { return m_process; }
    qint64 pid() const { return m_process.processId(); }

    /// Waits until the output matches `pattern` (multi-line); the match.
    QRegularExpressionMatch waitForOutput(const QString &pattern, int timeoutMs = 15000);
    bool waitForExit(int timeoutMs);
    /// kill(pid, signalNumber); false where there are no signals.
    bool signal(int signalNumber);
    QString output() const;

private:
    QString m_program;
    QProcess m_process;
    QByteArray m_output;
};
