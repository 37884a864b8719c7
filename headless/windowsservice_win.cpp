#include "windowsservice_win.h"

#include <QMetaObject>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <mutex>
#include <thread>

#ifndef NOMINMAX
#define NOMINMAX  // no min/max macros from windows.h
#endif
#include <windows.h>

// Windows build only; it cannot be compiled on the Linux build machine, so it
// stays minimal and uses only the documented service calls: the dispatcher
// (StartServiceCtrlDispatcherW), ServiceMain, RegisterServiceCtrlHandlerExW
// and SetServiceStatus.

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

// How long the SCM should wait for progress while starting: loading the
// config may resolve host names.
constexpr DWORD StartWaitHintMs = 30000;
// Until main() says how long the drain may take (reportStopping()).
constexpr DWORD DefaultStopWaitHintMs = 30000;
// How long start() waits for the dispatcher to call ServiceMain; the SCM
// itself gives a service 30 s to connect.
constexpr DWORD ConnectTimeoutMs = 30000;

// For a SERVICE_WIN32_OWN_PROCESS service the SCM ignores the name; the
// dispatcher table still needs one (and a writable string).
wchar_t s_serviceName[] = L"balancierd";

}  // namespace

struct WindowsService::Platform
{
    explicit Platform(WindowsService *service)
        : q(service)
    { }

    static void runDispatcher(Platform *p);
    static void WINAPI serviceMain(DWORD argc, LPWSTR *argv);
    static DWORD WINAPI handleControl(DWORD control, DWORD eventType, LPVOID eventData, LPVOID context);
    static BOOL WINAPI handleSessionEvent(DWORD type);

    // Reports `newState` to the SCM; the caller holds `mutex`. Nothing after STOPPED.
    void setStatus(DWORD newState, DWORD waitHintMs, int exitCode = 0);

    // The one instance, for serviceMain (the SCM gives it no context pointer).
    static inline std::atomic<Platform *> s_instance{nullptr};

    WindowsService *const q;
    std::thread dispatcher;
    HANDLE ready = nullptr;  // set once serviceMain registered its handler, or the dispatcher failed
    HANDLE finished = nullptr;  // set by reportStopped(): serviceMain may return
    std::atomic<DWORD> error{ERROR_SUCCESS};  // why connecting failed
    SERVICE_STATUS_HANDLE statusHandle = nullptr;  // written by serviceMain before `ready` is set
    bool sessionGuard = false;

    std::mutex mutex;  // guards everything below and every SetServiceStatus call
    DWORD state = 0;
    DWORD checkPoint = 0;
};

void WindowsService::Platform::runDispatcher(Platform *p)
{
    static const SERVICE_TABLE_ENTRYW table[] = {
        {s_serviceName, &Platform::serviceMain},
        {nullptr, nullptr},
    };
    // Returns once the service has reported SERVICE_STOPPED and serviceMain
    // has returned, or at once when the process was not started by the SCM.
    if (!StartServiceCtrlDispatcherW(table)) {
        p->error.store(GetLastError());
        SetEvent(p->ready);  // the last use of p: start() may destroy it now
    }
}

// Runs in a thread the dispatcher creates. The work happens in the main
// thread; this one registers the handler and then only waits for the end.
void WINAPI WindowsService::Platform::serviceMain(DWORD, LPWSTR *)
{
    Platform *p = s_instance.load();
    if (!p)
        return;
    const SERVICE_STATUS_HANDLE handle = RegisterServiceCtrlHandlerExW(s_serviceName, &handleControl, p);
    if (!handle) {
        p->error.store(GetLastError());
        SetEvent(p->ready);
        return;
    }
    p->statusHandle = handle;
    {
        const std::lock_guard<std::mutex> lock(p->mutex);
        p->setStatus(SERVICE_START_PENDING, StartWaitHintMs);
    }
    SetEvent(p->ready);
    WaitForSingleObject(p->finished, INFINITE);
}

// Runs in the dispatcher's thread, so it only records the new state and
// queues the stop into the main thread.
DWORD WINAPI WindowsService::Platform::handleControl(DWORD control, DWORD, LPVOID, LPVOID context)
{
    auto *p = static_cast<Platform *>(context);
    switch (control) {
    case SERVICE_CONTROL_STOP:
    case SERVICE_CONTROL_SHUTDOWN: {
        const std::lock_guard<std::mutex> lock(p->mutex);
        if (p->state != SERVICE_RUNNING)
            return NO_ERROR;  // already stopping
        p->setStatus(SERVICE_STOP_PENDING, DefaultStopWaitHintMs);
        // Under the mutex: the destructor takes it before q goes away.
        WindowsService *service = p->q;
        QMetaObject::invokeMethod(
            service, [service] { Q_EMIT service->stopRequested(SIGTERM); }, Qt::QueuedConnection);
        return NO_ERROR;
    }
    case SERVICE_CONTROL_INTERROGATE:
        return NO_ERROR;
    default:
        return ERROR_CALL_NOT_IMPLEMENTED;
    }
}

// A service process gets CTRL_LOGOFF_EVENT whenever any user logs off, and
// CTRL_SHUTDOWN_EVENT at shutdown; if no console handler returns TRUE, the
// default one ends the process at once. Logoffs are none of the service's
// business, and the shutdown arrives as SERVICE_CONTROL_SHUTDOWN (a drain).
BOOL WINAPI WindowsService::Platform::handleSessionEvent(DWORD type)
{
    return type == CTRL_LOGOFF_EVENT || type == CTRL_SHUTDOWN_EVENT ? TRUE : FALSE;
}

void WindowsService::Platform::setStatus(DWORD newState, DWORD waitHintMs, int exitCode)
{
    if (!statusHandle || state == SERVICE_STOPPED)
        return;
    SERVICE_STATUS status{};
    status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
    status.dwCurrentState = newState;
    // The SCM sends no controls to a pending service anyway; saying so keeps
    // the Services console's Stop button honest.
    status.dwControlsAccepted
        = newState == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN : 0;
    if (exitCode != 0) {
        status.dwWin32ExitCode = ERROR_SERVICE_SPECIFIC_ERROR;
        status.dwServiceSpecificExitCode = DWORD(exitCode);
    } else {
        status.dwWin32ExitCode = NO_ERROR;
    }
    const bool pending = newState == SERVICE_START_PENDING || newState == SERVICE_STOP_PENDING;
    checkPoint = pending ? checkPoint + 1 : 0;
    status.dwCheckPoint = checkPoint;
    status.dwWaitHint = pending ? waitHintMs : 0;
    state = newState;
    SetServiceStatus(statusHandle, &status);
}

WindowsService::WindowsService(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Platform>(this))
{ }

WindowsService::~WindowsService()
{
    if (d->statusHandle) {
        reportStopped(0);  // no-op when main() reported already
        if (d->dispatcher.joinable())
            d->dispatcher.join();
    }
    if (d->sessionGuard)
        SetConsoleCtrlHandler(&Platform::handleSessionEvent, FALSE);
    Platform *self = d.get();
    Platform::s_instance.compare_exchange_strong(self, nullptr);
    if (d->ready)
        CloseHandle(d->ready);
    if (d->finished)
        CloseHandle(d->finished);
}

bool WindowsService::start(QString *error)
{
    Platform *expected = nullptr;
    if (!Platform::s_instance.compare_exchange_strong(expected, d.get())) {
        if (error)
            *error = u"--service: the service is already started"_s;
        return false;
    }
    d->ready = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    d->finished = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    if (!d->ready || !d->finished) {
        if (error)
            *error = u"--service: cannot create an event (error %1)"_s.arg(GetLastError());
        return false;
    }
    d->dispatcher = std::thread(&Platform::runDispatcher, d.get());
    const DWORD waited = WaitForSingleObject(d->ready, ConnectTimeoutMs);
    if (waited == WAIT_OBJECT_0 && d->statusHandle) {
        d->sessionGuard = SetConsoleCtrlHandler(&Platform::handleSessionEvent, TRUE) != FALSE;
        return true;
    }

    // The failed dispatcher thread no longer touches d (see runDispatcher);
    // one the SCM never answered may still be blocked in it, and the process
    // is about to exit: let it go rather than wait.
    d->dispatcher.detach();
    Platform *self = d.get();
    Platform::s_instance.compare_exchange_strong(self, nullptr);
    const DWORD code = waited == WAIT_OBJECT_0 ? d->error.load() : DWORD(WAIT_TIMEOUT);
    if (error) {
        if (code == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT) {
            *error = u"--service: balancierd was not started by the Windows service control manager "
                     "(start it with 'sc start balancierd'; without --service it runs in this console)"_s;
        } else {
            *error = u"--service: cannot connect to the service control manager (error %1)"_s.arg(code);
        }
    }
    return false;
}

void WindowsService::reportRunning()
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    if (d->state == SERVICE_START_PENDING)
        d->setStatus(SERVICE_RUNNING, 0);
}

void WindowsService::reportStopping(qint64 waitHintMs)
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    if (d->state == SERVICE_STOPPED)
        return;
    d->setStatus(SERVICE_STOP_PENDING, DWORD(std::clamp<qint64>(waitHintMs, 1000, 24 * 3600 * 1000)));
}

void WindowsService::reportStopped(int exitCode)
{
    {
        const std::lock_guard<std::mutex> lock(d->mutex);
        if (d->state == SERVICE_STOPPED || !d->statusHandle)
            return;
        d->setStatus(SERVICE_STOPPED, 0, exitCode);
    }
    // After SERVICE_STOPPED the SCM may end the process at any moment; the
    // caller is on its way out anyway.
    SetEvent(d->finished);
}

}  // namespace Balancier
