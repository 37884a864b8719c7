#include "configpersistence.h"

#include "config/configdocument.h"
#include "config/configreader.h"

#include <QFile>
#include <QFileInfo>

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
            }
        }
    }
    return carried;
}

bool ConfigPersistence::save(const QString &path, const Config &running, QString *error, QString *note)
{
    ConfigDocument document;
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
        } else if (note && ConfigReader::readData(current, path).dialect != ConfigDialect::Native) {
            *note = u"%1 is converted from its legacy format to the native one"_s.arg(path);
        }
    }
    document.update(running);
    return document.save(path, QFileInfo::exists(path), error);
}

}  // namespace Balancier
