#pragma once

#include "config/config.h"

#include <QString>

namespace Balancier {

/// The VRRP role of this node of a keepalived pair, as far as it can tell
/// (<ha>, docs/high-availability.md): "master", "backup" or "unknown".
///
/// The state file decides when <ha statefile> is set and the file holds
/// one of keepalived's words (MASTER; BACKUP, FAULT or STOP: not holding
/// the address, so "backup"). Otherwise the virtual address does: present on
/// a local interface, "master"; absent, "backup". Without <ha>, or with
/// neither answer, "unknown".
///
/// Thread contract: plain functions of their arguments; any thread. They
/// read a small file and list the local addresses: cheap, but not for a
/// worker's data path.
class HaRoleProbe final
{
public:
    HaRoleProbe() = delete;

    static QString role(const HaConfig &config);
    /// A state file's text as a role; empty when it holds no word of keepalived's.
    static QString roleFromState(QStringView text);
};

}  // namespace Balancier
