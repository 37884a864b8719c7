#include "enginelogcapture.h"

#include <QMutexLocker>
#include <QRecursiveMutex>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

// Qt's message handler is a plain function pointer: the one capture it
// reports to has to be reachable from a static. Guarded, because any
// thread may log while the GUI thread installs or removes the capture.
QRecursiveMutex captureMutex;
EngineLogCapture *installed = nullptr;
QtMessageHandler previousHandler = nullptr;

}  // namespace

EngineLogCapture::EngineLogCapture(QObject *parent)
    : QObject(parent)
{
    QMutexLocker locker(&captureMutex);
    if (installed)
        return;
    installed = this;
    m_active = true;
    previousHandler = qInstallMessageHandler(&EngineLogCapture::handleMessage);
}

EngineLogCapture::~EngineLogCapture()
{
    if (!m_active)
        return;
    QMutexLocker locker(&captureMutex);
    qInstallMessageHandler(previousHandler);
    previousHandler = nullptr;
    installed = nullptr;
}

void EngineLogCapture::handleMessage(
    QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker locker(&captureMutex);
    if (previousHandler)
        previousHandler(type, context, message);
    const QLatin1StringView category(context.category ? context.category : "");
    if (!installed || !category.startsWith("balancier."_L1))
        return;
    EventLogModel::Level level = EventLogModel::Level::Info;
    switch (type) {
    case QtDebugMsg:
        level = EventLogModel::Level::Debug;
        break;
    case QtInfoMsg:
        level = EventLogModel::Level::Info;
        break;
    case QtWarningMsg:
        level = EventLogModel::Level::Warning;
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        level = EventLogModel::Level::Error;
        break;
    }
    const QString name = QString(category.sliced(10));
    EngineLogCapture *capture = installed;
    // Queued even from the GUI thread: a handler must never re-enter the
    // model that may be logging right now.
    QMetaObject::invokeMethod(
        capture, [capture, level, name, message] { Q_EMIT capture->messageLogged(level, name, message); },
        Qt::QueuedConnection);
}

}  // namespace Balancier
