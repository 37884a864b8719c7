#pragma once

#include "loghub.h"

#include <QFile>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <mutex>
#include <optional>

namespace Balancier {

/// The daemon's log: Qt's message handler, for every thread of the process.
///
/// - stderr, when it is a terminal: "2024-05-01T12:00:00.123 info balancier.net: message".
/// - stderr, otherwise (journald, launchd, a pipe): "info balancier.net: message",
///   without a timestamp because the collector adds its own; with a "<N>"
///   syslog priority prefix when stderr is the journal.
/// - a log file, when set: always with a timestamp. Messages then go to the
///   file only; reopen() (on SIGHUP) lets logrotate move the file away.
///
/// Status lines (status()) are the daemon's own report to whoever started
/// it ("using config ...", "listening: web 127.0.0.1:8080"): written to
/// stderr as they are, whatever the level, and to the log file too.
///
/// Every message that passes the level also goes to hub(), the admin API's
/// log tap, which this object installs (LogHub::install()) while it exists.
///
/// Thread contract: construct, configure and destroy in the main thread;
/// messages may come from any thread (a mutex serializes the output).
/// At most one instance exists while it is installed: Qt has one handler.
class Logging final
{
    Q_DISABLE_COPY_MOVE(Logging)

public:
    enum class Level
    {
        Debug,
        Info,
        Warning,
        Critical,
    };

    /// Installs the handler; level Info, no file.
    Logging();
    /// Restores Qt's previous handler.
    ~Logging();

    static std::optional<Level> levelFromName(QStringView name);
    static QString levelName(Level level);

    /// Messages below `level` are dropped; Debug also switches on the debug
    /// output of the balancier.* categories.
    void setLevel(Level level);
    Level level() const;

    /// Sends messages to `path` (appending) instead of stderr; empty: stderr.
    /// On failure the previous destination stays and `error` says why.
    bool setFile(const QString &path, QString *error = nullptr);
    QString file() const;
    /// Closes and reopens the log file under its name (after a rotation).
    bool reopen(QString *error = nullptr);

    /// A status line: to stderr verbatim and, with a timestamp, to the log file.
    void status(const QString &line);

    /// The last lines written, for the admin API (GET /api/v1/log, event: log).
    LogHub &hub() { return m_hub; }

private:
    static void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message);
    void write(QtMsgType type, const char *category, const QString &message);
    bool openFile(const QString &path, QString *error);

    mutable std::mutex m_mutex;  // guards everything below
    Level m_level = Level::Info;
    QString m_path;
    QFile m_file;
    bool m_stderrTerminal = false;
    bool m_stderrJournal = false;
    QtMessageHandler m_previousHandler = nullptr;
    LogHub m_hub;  // not under m_mutex: it has its own lock, and is fed outside ours
};

}  // namespace Balancier
