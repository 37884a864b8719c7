#pragma once

#include "config.h"
#include "configreader.h"
#include "diagnostic.h"

#include <QList>
#include <QString>
#include <optional>

namespace Balancier {

class ConfigXmlStream;

/// Reads the two legacy dialects, pythondirector's <pdconfig> and
/// txLoadBalancer's <config>, into the same model a native file gives, and
/// writes one import-report entry, with its line, for each thing it mapped,
/// changed or dropped. docs/configuration.md has the mapping tables.
///
/// Legacy files were read leniently by their programs, so where the native
/// reader would refuse a value that has one obvious meaning (a boolean
/// spelled "maybe", a host without a name, a service without <enable>),
/// the importer chooses and says so in the report instead. Unknown
/// elements and attributes are still errors.
///
/// Thread contract: a local object of one parse, used by one thread.
class LegacyImporter final
{
public:
    LegacyImporter(ConfigXmlStream &xml, ConfigDialect dialect, Config *config, QList<Diagnostic> *report);
    Q_DISABLE_COPY_MOVE(LegacyImporter)

    /// The stream stands on the root element.
    void parse();

    /// Where failed hosts wait before a retry when the file does not say:
    /// both legacy programs used two minutes.
    static constexpr qint64 legacyCheckTimeMs = 120000;

private:
    struct EnableCandidate
    {
        QString group;
        SourcePos pos;
        QString element;
    };

    bool isPythonDirector() const { return m_dialect == ConfigDialect::PythonDirector; }
    QString programName() const;
    void note(SourcePos pos, const QString &element, const QString &message);
    void warning(SourcePos pos, const QString &element, const QString &message);
    bool claimSingle(bool *seen);
    /// A boolean read as its program read it: a non-boolean becomes false, with a note.
    bool lenientBool(QStringView attribute, bool defaultValue);
    void mapScheduler(GroupConfig &group);

    void parseService();
    void parseGroup(ServiceConfig &service, QList<EnableCandidate> &enabled);
    void parseHost(GroupConfig &group);
    void parsePdAdmin();
    void parseTxAdmin();
    void parseWeb(bool *webEnabled);
    /// The report entry for an admin API on a non-loopback address without TLS.
    void warnPlainAdmin(const QString &listen);
    void parseUser(QList<AdminUser> &users);
    void parseLogging();
    void parseCheckTime();
    void parseManager();
    void parseHostCheck();
    void applyHostCheckInterval(qint64 intervalMs, SourcePos pos, const QString &element);
    void dropElement(const QString &message);

    ConfigXmlStream &m_xml;
    ConfigDialect m_dialect;
    Config *m_config;
    QList<Diagnostic> *m_report;
    bool m_sawCheckTime = false;
};

}  // namespace Balancier
