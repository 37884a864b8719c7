#include "logging.h"

#include "console.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <atomic>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

// Qt has one message handler per process; it finds its Logging here.
std::atomic<Logging *> s_instance{nullptr};

// QtMsgType is not ordered by severity (QtInfoMsg comes last).
int rank(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 4;
}

int rank(Logging::Level level)
{
    return int(level);
}

QLatin1StringView typeName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug"_L1;
    case QtInfoMsg:
        return "info"_L1;
    case QtWarningMsg:
        return "warning"_L1;
    case QtCriticalMsg:
        return "critical"_L1;
    case QtFatalMsg:
        return "fatal"_L1;
    }
    return "fatal"_L1;
}

// sd-daemon(3) priorities, which journald reads and strips.
QLatin1StringView journalPrefix(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "<7>"_L1;
    case QtInfoMsg:
        return "<6>"_L1;
    case QtWarningMsg:
        return "<4>"_L1;
    case QtCriticalMsg:
        return "<3>"_L1;
    case QtFatalMsg:
        return "<2>"_L1;
    }
    return "<2>"_L1;
}

QString timestamp()
{
    return QDateTime::currentDateTime().toString(Qt::ISODateWithMs);
}

void writeStderr(const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit();
    // One fwrite per line: lines from different threads do not interleave.
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

}  // namespace

Logging::Logging()
    : m_stderrTerminal(Console::stderrIsTerminal())
    , m_stderrJournal(Console::stderrIsJournal())
{
    Logging *expected = nullptr;
    const bool first = s_instance.compare_exchange_strong(expected, this);
    Q_ASSERT_X(first, "Logging", "only one Logging may be installed");
    Q_UNUSED(first)
    m_previousHandler = qInstallMessageHandler(&Logging::handleMessage);
    LogHub::install(&m_hub);
}

Logging::~Logging()
{
    LogHub::install(nullptr);
    qInstallMessageHandler(m_previousHandler);
    s_instance.store(nullptr);
}

std::optional<Logging::Level> Logging::levelFromName(QStringView name)
{
    if (name == u"debug")
        return Level::Debug;
    if (name == u"info")
        return Level::Info;
    if (name == u"warning")
        return Level::Warning;
    if (name == u"critical")
        return Level::Critical;
    return std::nullopt;
}

QString Logging::levelName(Level level)
{
    switch (level) {
    case Level::Debug:
        return u"debug"_s;
    case Level::Info:
        return u"info"_s;
    case Level::Warning:
        return u"warning"_s;
    case Level::Critical:
        return u"critical"_s;
    }
    return {};
}

void Logging::setLevel(Level level)
{
    {
        const std::lock_guard lock(m_mutex);
        m_level = level;
    }
    // The categories default to info; debug output must be asked for. The
    // QT_LOGGING_RULES environment variable still has the last word.
    QLoggingCategory::setFilterRules(level == Level::Debug ? u"balancier.*.debug=true"_s : QString());
}

Logging::Level Logging::level() const
{
    const std::lock_guard lock(m_mutex);
    return m_level;
}

bool Logging::openFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        if (error)
            *error = u"cannot open log file %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.close();
    const std::lock_guard lock(m_mutex);
    m_file.close();
    m_file.setFileName(path);
    // Opened again under the lock; it just succeeded, and a failure here
    // (a race with a permission change) leaves stderr as the destination.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        if (error)
            *error = u"cannot open log file %1: %2"_s.arg(path, m_file.errorString());
        m_path.clear();
        return false;
    }
    m_path = path;
    return true;
}

bool Logging::setFile(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        const std::lock_guard lock(m_mutex);
        m_file.close();
        m_path.clear();
        return true;
    }
    return openFile(path, error);
}

QString Logging::file() const
{
    const std::lock_guard lock(m_mutex);
    return m_path;
}

bool Logging::reopen(QString *error)
{
    const QString path = file();
    if (path.isEmpty())
        return true;
    return openFile(path, error);
}

void Logging::status(const QString &line)
{
    {
        const std::lock_guard lock(m_mutex);
        writeStderr((m_stderrJournal ? journalPrefix(QtInfoMsg) : QLatin1StringView()) + line + u'\n');
        if (m_file.isOpen())
            m_file.write((timestamp() + u" info: "_s + line + u'\n').toUtf8());
    }
    // The status lines are log lines too (using config, listening, admin API).
    LogLine entry;
    entry.level = u"info"_s;
    entry.message = line;
    m_hub.append(entry);
}

void Logging::handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (Logging *logging = s_instance.load())
        logging->write(type, context.category, message);
    else
        writeStderr(typeName(type) + u": "_s + message + u'\n');
}

void Logging::write(QtMsgType type, const char *category, const QString &message)
{
    {
        const std::lock_guard lock(m_mutex);
        if (type != QtFatalMsg && rank(type) < rank(m_level))
            return;
        QString text = typeName(type);
        if (category && std::strcmp(category, "default") != 0)
            text += u' ' + QLatin1StringView(category);
        text += u": "_s + message + u'\n';

        if (m_file.isOpen()) {
            m_file.write((timestamp() + u' ' + text).toUtf8());
            // What stops the daemon must reach the person who started it, too.
            if (rank(type) >= rank(QtCriticalMsg) && m_stderrTerminal)
                writeStderr(text);
        } else if (m_stderrJournal) {
            writeStderr(journalPrefix(type) + text);
        } else if (m_stderrTerminal) {
            writeStderr(timestamp() + u' ' + text);
        } else {
            writeStderr(text);
        }
    }
    // Outside our lock: whatever the tap's receivers log comes back here.
    LogLine line;  // the tap stamps the time, in the order of its ring
    line.level = typeName(type);
    if (category && std::strcmp(category, "default") != 0)
        line.category = QString::fromLatin1(category);
    line.message = message;
    m_hub.append(line);
}

}  // namespace Balancier
