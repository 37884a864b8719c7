#include "daemonprocess.h"

#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>

#include <sys/types.h>
#endif

DaemonProcess::DaemonProcess(QString program)
    : m_program(std::move(program))
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The format of stderr depends on where it goes; make it the pipe's.
    environment.remove(QStringLiteral("JOURNAL_STREAM"));
    environment.remove(QStringLiteral("NOTIFY_SOCKET"));
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
        [this] { m_output += m_process.readAllStandardOutput(); });
}

DaemonProcess::~DaemonProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void DaemonProcess::setEnvironment(const QString &name, const QString &value)
{
    QProcessEnvironment environment = m_process.processEnvironment();
    environment.insert(name, value);
    m_process.setProcessEnvironment(environment);
}

void DaemonProcess::start(const QStringList &arguments)
{
    m_process.start(m_program, arguments);
}

QRegularExpressionMatch DaemonProcess::waitForOutput(const QString &pattern, int timeoutMs)
{
    const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
    QRegularExpressionMatch match;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            match = expression.match(QString::fromUtf8(m_output));
            return match.hasMatch();
        },
        timeoutMs));
    return match;
}

bool DaemonProcess::waitForExit(int timeoutMs)
{
    const bool exited
        = QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
    m_output += m_process.readAllStandardOutput();
    return exited;
}

bool DaemonProcess::signal(int signalNumber)
{
#ifdef Q_OS_UNIX
    return m_process.state() != QProcess::NotRunning
        && ::kill(pid_t(m_process.processId()), signalNumber) == 0;
#else
    Q_UNUSED(signalNumber)
    return false;
#endif
}

QString DaemonProcess::output() const
{
    return QString::fromUtf8(m_output);
}
