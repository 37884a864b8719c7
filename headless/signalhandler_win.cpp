#include "signalhandler.h"

#include <QMetaObject>

#include <atomic>
#include <csignal>

#ifndef NOMINMAX
#define NOMINMAX  // no min/max macros from windows.h
#endif
#include <windows.h>

// Windows build only; it cannot be compiled on the Linux build machine, so
// it stays minimal. The console control handler runs in a thread the system
// creates for it: it only queues a call into the main thread.

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

std::atomic<SignalHandler *> s_instance{nullptr};

BOOL WINAPI handleConsoleControl(DWORD type)
{
    int signalNumber = 0;
    switch (type) {
    case CTRL_C_EVENT:
        signalNumber = SIGINT;
        break;
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
        signalNumber = SIGTERM;
        break;
    default:
        return FALSE;  // logoff/shutdown: the default handling
    }
    SignalHandler *handler = s_instance.load();
    if (!handler)
        return FALSE;
    QMetaObject::invokeMethod(
        handler, [handler, signalNumber] { Q_EMIT handler->terminateRequested(signalNumber); },
        Qt::QueuedConnection);
    if (type == CTRL_CLOSE_EVENT) {
        // Returning would end the process at once; waiting gives the main
        // thread the few seconds Windows allows to drain. The process ends
        // when main() returns, or when the system's timeout expires.
        Sleep(INFINITE);
    }
    return TRUE;
}

}  // namespace

struct SignalHandler::Platform
{
    bool installed = false;
};

SignalHandler::SignalHandler(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Platform>())
{ }

SignalHandler::~SignalHandler()
{
    if (d->installed) {
        SetConsoleCtrlHandler(handleConsoleControl, FALSE);
        s_instance.store(nullptr);
    }
}

bool SignalHandler::install(QString *error)
{
    if (d->installed)
        return true;
    SignalHandler *expected = nullptr;
    if (!s_instance.compare_exchange_strong(expected, this)) {
        if (error)
            *error = u"another signal handler is installed"_s;
        return false;
    }
    if (!SetConsoleCtrlHandler(handleConsoleControl, TRUE)) {
        s_instance.store(nullptr);
        if (error)
            *error = u"cannot install the console control handler (error %1)"_s.arg(GetLastError());
        return false;
    }
    d->installed = true;
    return true;
}

QString SignalHandler::signalName(int signalNumber)
{
    switch (signalNumber) {
    case SIGINT:
        return u"Ctrl-C"_s;
    case SIGTERM:
        return u"Ctrl-Break or console close"_s;
    default:
        return u"signal %1"_s.arg(signalNumber);
    }
}

}  // namespace Balancier
