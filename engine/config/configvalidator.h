#pragma once

#include "config.h"
#include "diagnostic.h"

namespace Balancier {

/// Semantic checks that do not depend on how the model was made: duplicate
/// names, an enabled group that does not exist, a service with no listener
/// or no host, ports, weights, schedulers. Uses each item's SourcePos when
/// it has one, so a model read from a file gets located messages.
/// Listener port 0 is accepted (the OS picks a free port); host port 0 is not.
/// Two listeners (admin API included) on the same address and port are an
/// error. A legacy DES crypt password is a Warning. Without a SourcePos, a
/// message says where in the tree it is ("service "web", group "prod": ...").
///
/// Service, group and host names must not contain blanks or control (or
/// invisible format) characters: they are single words in /running.txt, in
/// log lines and in the admin API's URLs; nor be "." or "..", which a URL
/// path cannot carry as a segment. User names must not contain ':'
/// (HTTP Basic authentication splits there) nor control characters.
///
/// A config file must give every service a host in its enabled group
/// (EmptyGroups::Refused). The running balancer may have none for a while
/// (EmptyGroups::Allowed): an operator emptied the group at runtime, as
/// pythondirector's delAllHosts allowed, and the service refuses clients
/// until a host is added.
/// Thread contract: pure function; call from any thread.
enum class EmptyGroups
{
    Refused,
    Allowed,
};
/// Whether the <admin cert> and <admin key> files are read and checked
/// (checkAdminListen()). Skipped where they are not this machine's files
/// (a draft for a remote balancer, which checks them itself on PUT) or have
/// not changed since they were checked (a runtime change that leaves
/// <admin> alone): the address rule and the cert/key pairing still apply.
enum class AdminFiles
{
    Checked,
    Skipped,
};
QList<Diagnostic> validateConfig(const Config &config, const QString &fileName = {},
    EmptyGroups emptyGroups = EmptyGroups::Refused, AdminFiles adminFiles = AdminFiles::Checked);

/// Why `name` cannot name a service, group or host; empty when it can. The
/// one rule for every front end (files, the admin API, the desktop app).
/// Thread contract: pure function; call from any thread.
QString itemNameProblem(QStringView name);

/// Why `name` cannot name an admin user; empty when it can. The one rule
/// for files and for the operations that add users.
/// Thread contract: pure function; call from any thread.
QString userNameProblem(QStringView name);

/// One thing wrong with a host's own values: the attribute ("ip", "weight",
/// "maxconns") and what is wrong with it.
struct HostValueProblem
{
    QString attribute;
    QString message;
};
/// What is wrong with `host`'s address, weight and maxconns (not its name),
/// in that order; empty when nothing. The one rule for files and for the
/// operations that add or change a host.
/// Thread contract: pure function; call from any thread.
QList<HostValueProblem> hostValueProblems(const HostConfig &host);

/// What is wrong with backend-feedback values (slowstart, agent,
/// agentinterval, agentsend) of a group or a host; nullopt values are not
/// checked. agent="0" means no agent (on a host: none, whatever its group says).
/// The one rule for files and for the operations.
/// Thread contract: pure function; call from any thread.
QList<HostValueProblem> backendFeedbackProblems(std::optional<qint64> slowStartMs,
    std::optional<int> agentPort, std::optional<qint64> agentIntervalMs,
    const std::optional<QByteArray> &agentSend);

/// Another host of `group` (not named `exceptName`) at the same backend
/// address as `address` (same host text, case-insensitive, and port), or
/// null. Two entries for one backend would silently double its share: an
/// error in files, 409 from the admin API.
/// Thread contract: pure function; call from any thread.
const HostConfig *hostAtSameAddress(
    const GroupConfig &group, const QString &address, const QString &exceptName);

}  // namespace Balancier
