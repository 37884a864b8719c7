#include "configpersistence.h"

#include "config/configdocument.h"
#include "config/configreader.h"
#include "config/configvalidator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

QStringList ConfigPersistence::carryRuntimeAdminStates(
    const Config &fileBefore, const Config &running, Config *next)
{
    QStringList carried;
    for (ServiceConfig &service : next->services) {
        const ServiceConfig *runningService = running.service(service.name);
        const ServiceConfig *beforeService = fileBefore.service(service.name);
        if (!runningService)
            continue;
        for (GroupConfig &group : service.groups) {
            const GroupConfig *runningGroup = runningService->group(group.name);
            const GroupConfig *beforeGroup = beforeService ? beforeService->group(group.name) : nullptr;
            if (!runningGroup)
                continue;
            for (HostConfig &host : group.hosts) {
                const HostConfig *runningHost = runningGroup->host(host.name);
                if (!runningHost || runningHost->adminState == host.adminState)
                    continue;
                // A host the previous file did not have was added at runtime;
                // its state is a runtime state too. Otherwise the state counts
                // as runtime only where the running one left the file's.
                const HostConfig *beforeHost = beforeGroup ? beforeGroup->host(host.name) : nullptr;
                const HostAdminState fileState = beforeHost ? beforeHost->adminState : HostAdminState::Ready;
                const bool changedAtRuntime = !beforeHost || runningHost->adminState != fileState;
                const bool fileChangedIt = beforeHost && host.adminState != fileState;
                if (!changedAtRuntime || fileChangedIt)
                    continue;
                carried.append(
                    u"service %1: group %2: host %3: keeping state %4 set at runtime (the file says %5)"_s
                        .arg(service.name, group.name, host.name, hostAdminStateName(runningHost->adminState),
                            hostAdminStateName(host.adminState)));
                host.adminState = runningHost->adminState;
                // A guided drain's deadline and action go with its state.
                host.drainDeadlineMs = runningHost->drainDeadlineMs;
                host.drainThen = runningHost->drainThen;
            }
        }
    }
    return carried;
}

bool ConfigPersistence::save(const QString &path, const Config &running, QString *error, QString *note)
{
    // The running config may be valid only at runtime (an operator emptied
    // the enabled group): such a file would be refused at the next start or
    // reload, so the previous file is kept until the config is whole again.
    QStringList problems;
    // The TLS files were checked when <admin> was applied; what matters here
    // is whether the model itself would load.
    for (const Diagnostic &diagnostic :
        validateConfig(running, {}, EmptyGroups::Refused, AdminFiles::Skipped)) {
        if (diagnostic.severity == Diagnostic::Severity::Error)
            problems.append(diagnostic.element + u": "_s + diagnostic.message);
    }
    if (!problems.isEmpty()) {
        if (error) {
            *error = u"not saved to %1: the running config would not load from a file (%2); the file is "
                     "unchanged"_s.arg(path, problems.join(u"; "_s));
        }
        return false;
    }
    ConfigDocument document;
    // A native file as the user laid it out: the save rewrites only what
    // changed, in that layout (ConfigDocument::toXmlInLayout).
    QByteArray userText;
    ConfigDocument original;
    if (QFileInfo::exists(path)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
            return false;
        }
        const QByteArray current = file.readAll();
        QString parseError;
        if (!document.setContent(current, &parseError)) {
            // The running config is what the operator wants kept; the
            // backup keeps whatever the file held.
            document = ConfigDocument();
            if (note)
                *note = u"%1 was not well-formed XML (%2); it is replaced by a fresh document"_s.arg(
                    path, parseError);
        } else if (ConfigReader::readData(current, path).dialect != ConfigDialect::Native) {
            if (note)
                *note = u"%1 is converted from its legacy format to the native one"_s.arg(path);
        } else {
            userText = current;
            original = document;
        }
    }
    document.update(running);
    const QByteArray xml = ConfigDocument::toXmlInLayout(userText, original, document);
    if (!ConfigDocument::saveData(path, xml, QFileInfo::exists(path), error))
        return false;
    // The save has succeeded; an old backup that stays is only worth a note.
    QString pruneError;
    pruneBackups(path, KeptBackups, &pruneError);
    if (note && !pruneError.isEmpty())
        *note = note->isEmpty() ? pruneError : *note + u"; "_s + pruneError;
    return true;
}

QStringList ConfigPersistence::pruneBackups(const QString &path, int keep, QString *error)
{
    const QFileInfo target(path);
    const QDir folder = target.absoluteDir();
    // Exactly the names ConfigDocument::save gives; nothing an operator named.
    const QRegularExpression backupName(
        u"^"_s + QRegularExpression::escape(target.fileName()) + uR"(\.(\d{8}-\d{6})(?:-(\d+))?\.bak$)"_s);
    struct Backup
    {
        QString stamp;
        qint64 number;
        QString name;
    };
    QList<Backup> found;
    for (const QString &name : folder.entryList(QDir::Files | QDir::Hidden)) {
        const QRegularExpressionMatch match = backupName.match(name);
        if (!match.hasMatch())
            continue;
        // "<stamp>.bak" is the first of its second; "<stamp>-2.bak" the next.
        const qint64 number = match.captured(2).isEmpty() ? 1 : match.captured(2).toLongLong();
        found.append({match.captured(1), number, name});
    }
    if (found.size() <= keep)
        return {};
    std::sort(found.begin(), found.end(), [](const Backup &a, const Backup &b) {
        return a.stamp != b.stamp ? a.stamp < b.stamp : a.number < b.number;
    });
    QStringList deleted;
    QStringList failures;
    for (qsizetype i = 0; i < found.size() - std::max(keep, 0); ++i) {
        QFile old(folder.filePath(found.at(i).name));
        if (old.remove())
            deleted.append(old.fileName());
        else
            failures.append(u"%1 (%2)"_s.arg(old.fileName(), old.errorString()));
    }
    if (error && !failures.isEmpty())
        *error = u"cannot delete old backup(s) %1"_s.arg(failures.join(u", "_s));
    return deleted;
}

}  // namespace Balancier
