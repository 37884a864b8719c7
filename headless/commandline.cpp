#include "commandline.h"

#include "config/configpersistence.h"
#include "configlocator.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace Balancier {

CommandLine::CommandLine()
    : m_config({u"c"_s, u"config"_s}, u"Run the configuration in FILE."_s, u"FILE"_s)
    , m_check(u"check"_s,
          u"Check FILE and report every problem with its line; exit 0 when it has no errors, 1 otherwise."_s,
          u"FILE"_s)
    , m_import(u"import"_s,
          u"Convert a pythondirector or txLoadBalancer FILE to the native format, printed on stdout "
          "(or written to --output); the import report goes to stderr."_s,
          u"FILE"_s)
    , m_output({u"o"_s, u"output"_s}, u"With --import: write the result to OUT (atomically)."_s, u"OUT"_s)
    , m_demo(u"demo"_s,
          u"Run a demonstration: three small HTTP backends on 127.0.0.1, the balancer in front of them, and "
          "the admin API (user admin, with a one-time password printed at start)."_s)
    , m_demoPort(u"demo-port"_s,
          u"The demo balancer's port on 127.0.0.1 (default 8080; 0: the system chooses it, and also "
          "the backends' and the admin API's ports unless those are given)."_s,
          u"PORT"_s)
    , m_demoBackendPort(u"demo-backend-port"_s,
          u"The first of the demo backends' three ports (default 9001; 0: the system chooses)."_s, u"PORT"_s)
    , m_demoAdminPort(u"demo-admin-port"_s,
          u"The demo's admin API port on 127.0.0.1 (default 8081; 0: the system chooses). Its URL is "
          "printed at start."_s,
          u"PORT"_s)
    , m_hashPassword(u"hash-password"_s,
          u"Read a password from stdin (not echoed on a terminal) and print its hash for "
          "<user password=\"...\">."_s)
    , m_healthCheck(u"health-check"_s,
          u"With --config FILE: ask the admin API that FILE configures for GET /api/v1/health (for "
          "keepalived's vrrp_script) and exit 0 when the balancer is healthy, 1 when it is not, 2 when it "
          "cannot tell; at most 2 seconds."_s)
    , m_logLevel(u"log-level"_s,
          u"Log messages at LEVEL and above: debug, info, warning or critical (overrides <logging level>)."_s,
          u"LEVEL"_s)
    , m_logFile(u"log-file"_s,
          u"Log to FILE instead of stderr (overrides <logging file>); reopened on SIGHUP."_s, u"FILE"_s)
    , m_pidFile(u"pid-file"_s, u"Write the process id to FILE while running."_s, u"FILE"_s)
    , m_upgrade(u"upgrade"_s,
          u"With --pid-file FILE: hitless upgrade of the daemon whose pid FILE holds (SIGUSR2). It starts "
          "the balancierd now on disk, with its own arguments, and hands it the listening sockets; the old "
          "process drains and exits. Waits until FILE names the new process (exit 0), or says that the old "
          "one goes on (exit 1). Not on Windows."_s)
    , m_service(u"service"_s,
          u"Run as the Windows service the installer registers (with --config): report to the service "
          "control manager, which stops balancierd like Ctrl+C does."_s)
    , m_help({u"h"_s, u"help"_s}, u"Show this help and exit."_s)
    , m_version({u"v"_s, u"version"_s}, u"Show the version and exit."_s)
{
    m_parser.setApplicationDescription(u"balancierd, the Balancier TCP load balancer."_s);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    m_parser.addOptions(
        {m_config, m_check, m_import, m_output, m_demo, m_demoPort, m_demoBackendPort, m_demoAdminPort,
            m_hashPassword, m_healthCheck, m_logLevel, m_logFile, m_pidFile, m_upgrade, m_help, m_version});
#ifdef Q_OS_WIN
    m_parser.addOption(m_service);
#endif
}

QString CommandLine::hint()
{
    return u"Try 'balancierd --help'."_s;
}

bool CommandLine::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool CommandLine::parsePort(const QCommandLineOption &option, int *port)
{
    const QString text = m_parser.value(option);
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0 || value > 65535) {
        return fail(u"invalid --%1 '%2': expected a port number from 0 to 65535"_s.arg(
            option.names().constLast(), text));
    }
    *port = value;
    return true;
}

bool CommandLine::parse(const QStringList &arguments)
{
    m_options = {};
    m_error.clear();
    if (!m_parser.parse(arguments))
        return fail(m_parser.errorText());
    const QStringList positional = m_parser.positionalArguments();
    if (!positional.isEmpty())
        return fail(u"unexpected argument '%1'"_s.arg(positional.constFirst()));

    // An option given twice is a typo or a script bug; say so rather than pick one.
    for (const QCommandLineOption *option : {&m_config, &m_check, &m_import, &m_output, &m_demoPort,
             &m_demoBackendPort, &m_demoAdminPort, &m_logLevel, &m_logFile, &m_pidFile}) {
        if (m_parser.values(*option).size() > 1)
            return fail(u"--%1 given more than once"_s.arg(option->names().constLast()));
    }

    if (m_parser.isSet(m_help)) {
        m_options.mode = DaemonOptions::Mode::Help;
        return true;
    }
    if (m_parser.isSet(m_version)) {
        m_options.mode = DaemonOptions::Mode::Version;
        return true;
    }

    QStringList modes;
    if (m_parser.isSet(m_config) && !m_parser.isSet(m_healthCheck))
        modes.append(u"--config"_s);
    if (m_parser.isSet(m_check))
        modes.append(u"--check"_s);
    if (m_parser.isSet(m_import))
        modes.append(u"--import"_s);
    if (m_parser.isSet(m_demo))
        modes.append(u"--demo"_s);
    if (m_parser.isSet(m_hashPassword))
        modes.append(u"--hash-password"_s);
    if (m_parser.isSet(m_healthCheck))
        modes.append(u"--health-check"_s);
    if (m_parser.isSet(m_upgrade))
        modes.append(u"--upgrade"_s);
    if (modes.size() > 1)
        return fail(u"%1 and %2 cannot be combined"_s.arg(modes.at(0), modes.at(1)));

    if (m_parser.isSet(m_check)) {
        m_options.mode = DaemonOptions::Mode::Check;
        m_options.inputFile = m_parser.value(m_check);
    } else if (m_parser.isSet(m_import)) {
        m_options.mode = DaemonOptions::Mode::Import;
        m_options.inputFile = m_parser.value(m_import);
    } else if (m_parser.isSet(m_hashPassword)) {
        m_options.mode = DaemonOptions::Mode::HashPassword;
    } else if (m_parser.isSet(m_healthCheck)) {
        m_options.mode = DaemonOptions::Mode::HealthCheck;
        m_options.configFile = m_parser.value(m_config);
        if (!m_parser.isSet(m_config))
            return fail(u"--health-check needs --config FILE (the config of the balancer to check)"_s);
    } else if (m_parser.isSet(m_upgrade)) {
        m_options.mode = DaemonOptions::Mode::Upgrade;
    } else if (m_parser.isSet(m_demo)) {
        m_options.mode = DaemonOptions::Mode::Demo;
    } else {
        m_options.mode = DaemonOptions::Mode::Run;
        m_options.configFile = m_parser.value(m_config);
    }

    if ((m_options.mode == DaemonOptions::Mode::Check || m_options.mode == DaemonOptions::Mode::Import)
        && m_options.inputFile.isEmpty()) {
        return fail(u"%1 needs a file name"_s.arg(modes.constFirst()));
    }
    if (m_parser.isSet(m_config) && m_options.configFile.isEmpty())
        return fail(u"--config needs a file name"_s);

    if (m_parser.isSet(m_output)) {
        if (m_options.mode != DaemonOptions::Mode::Import)
            return fail(u"--output only goes with --import"_s);
        m_options.outputFile = m_parser.value(m_output);
        if (m_options.outputFile.isEmpty())
            return fail(u"--output needs a file name"_s);
    }

    const bool runs
        = m_options.mode == DaemonOptions::Mode::Run || m_options.mode == DaemonOptions::Mode::Demo;
    // The demo ports matter only when a demo can run: --demo, or no config found.
    for (const QCommandLineOption *option : {&m_demoPort, &m_demoBackendPort, &m_demoAdminPort}) {
        if (m_parser.isSet(*option) && (!runs || m_parser.isSet(m_config)))
            return fail(u"--%1 only goes with --demo"_s.arg(option->names().constLast()));
    }
    if (m_parser.isSet(m_demoPort) && !parsePort(m_demoPort, &m_options.demoPort))
        return false;
    if (m_parser.isSet(m_demoBackendPort)) {
        if (!parsePort(m_demoBackendPort, &m_options.demoBackendPort))
            return false;
        if (m_options.demoBackendPort > 65533)
            return fail(u"invalid --demo-backend-port '%1': the three backends need ports up to 65535"_s.arg(
                m_options.demoBackendPort));
    } else if (m_parser.isSet(m_demoPort) && m_options.demoPort == 0) {
        m_options.demoBackendPort = 0;
    }
    if (m_parser.isSet(m_demoAdminPort)) {
        if (!parsePort(m_demoAdminPort, &m_options.demoAdminPort))
            return false;
    } else if (m_parser.isSet(m_demoPort) && m_options.demoPort == 0) {
        m_options.demoAdminPort = 0;
    }

    const bool upgrades = m_options.mode == DaemonOptions::Mode::Upgrade;
    if (upgrades && !m_parser.isSet(m_pidFile))
        return fail(u"--upgrade needs --pid-file FILE, the pid file of the running daemon"_s);
    for (const QCommandLineOption *option : {&m_logLevel, &m_logFile, &m_pidFile}) {
        if (m_parser.isSet(*option) && !runs && !(upgrades && option == &m_pidFile))
            return fail(u"--%1 only goes with a running balancer (--config or --demo)"_s.arg(
                option->names().constLast()));
    }
    if (m_parser.isSet(m_logLevel)) {
        m_options.logLevel = m_parser.value(m_logLevel);
        if (!Logging::levelFromName(m_options.logLevel)) {
            return fail(u"invalid --log-level '%1': expected debug, info, warning or critical"_s.arg(
                m_options.logLevel));
        }
    }
    if (m_parser.isSet(m_logFile)) {
        m_options.logFile = m_parser.value(m_logFile);
        if (m_options.logFile.isEmpty())
            return fail(u"--log-file needs a file name"_s);
    }
    if (m_parser.isSet(m_pidFile)) {
        m_options.pidFile = m_parser.value(m_pidFile);
        if (m_options.pidFile.isEmpty())
            return fail(u"--pid-file needs a file name"_s);
    }
#ifdef Q_OS_WIN
    // A service has no console to show the demo's password, nor a working
    // directory of its own to search: it runs the file it is given.
    if (m_parser.isSet(m_service)) {
        if (m_options.mode != DaemonOptions::Mode::Run || m_options.configFile.isEmpty())
            return fail(u"--service needs --config FILE"_s);
        m_options.service = true;
    }
#endif
    return true;
}

QString CommandLine::helpText() const
{
    QString text = m_parser.helpText();
    // QCommandLineParser names the program by its path; the help shows the name.
    const qsizetype usageEnd = text.indexOf(u'\n');
    text.replace(0, usageEnd, u"Usage: balancierd [options]"_s);

    QStringList places;
    for (const QString &place : ConfigLocator::searchPath())
        places.append(u"  "_s + place);
    text += u"\nWithout --config, balancierd runs the first of these that exists:\n"_s + places.join(u'\n')
        + u"\nand when none does, the --demo.\n"
          "\nSignals: SIGHUP reopens the log file and reloads the config (a config with errors is\n"
          "refused and the running one kept); SIGTERM or SIGINT stop accepting, let open connections\n"
          "finish for <settings draintimeout> and exit 0; a second one exits at once with 128 + signal.\n"
          "SIGUSR2 (or --upgrade --pid-file FILE) is a hitless upgrade: the balancierd now on disk starts\n"
          "with the same arguments, takes over the listening sockets themselves (no client is refused),\n"
          "then the admin API's port once the old process let go of it, and the pid file; the old\n"
          "process stops accepting, drains like on SIGTERM and exits. If the new one fails (a config\n"
          "error, say), the old one goes on serving and logs why. Not on Windows.\n"
          "\nsystemd: with NOTIFY_SOCKET set (Type=notify), balancierd reports READY=1 once it serves,\n"
          "RELOADING=1 and READY=1 around a reload, STOPPING=1 when it drains, MAINPID= on an upgrade,\n"
          "and a STATUS= line with the open connections and the hosts up. Sockets passed by systemd\n"
          "(LISTEN_FDS, a .socket unit) go to the <listen> with the same address and port.\n"
          "\nAdmin API: an <admin> element in the config starts the HTTP admin API; its address is\n"
          "printed as 'admin API: URL', and when it cannot listen balancierd refuses to start. A reload\n"
          "that changes where it listens moves it. Runtime changes made through it reach the config\n"
          "file on POST /save, or at once with <settings persist=\"auto\">, keeping the file's comments\n"
          "and a backup of the previous version (the newest %1 are kept). A reload keeps hosts that\n"
          "were drained or put in maintenance at runtime out of rotation.\n"
          "\nHealth check: balancierd --health-check --config FILE asks the running balancer's\n"
          "GET /api/v1/health (for keepalived's vrrp_script) and exits 0 when it is healthy (serving,\n"
          "and a service has a live host), 1 when it is not, 2 when it cannot tell.\n"
          "\nEnvironment: BALANCIER_POLLER=poll makes the worker threads wait with poll() instead of\n"
          "the system's own interface (epoll, kqueue); qt uses Qt's dispatcher. The log and the admin\n"
          "API's status and metrics say which one runs.\n"
          "\nExit codes: 0 success, 1 a config or runtime error, 2 bad command-line arguments.\n"_s.arg(
              ConfigPersistence::KeptBackups);
    return text;
}

}  // namespace Balancier
