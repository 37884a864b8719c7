#pragma once

#include "config/config.h"
#include "config/configdiff.h"

#include <QList>

namespace Balancier {

/// Rebases a draft onto a running config that moved on while it was edited
/// (someone else applied meanwhile: the PUT's If-Match answered 412).
///
/// The user's changes are diff(base, draft), the other party's diff(base,
/// running). The rebased draft is `running` with each item the user changed
/// (a host, a group's own settings, a group, a service's own settings, a
/// service, a user, a top-level area, the alerts) taken from the draft. Two
/// changes conflict when they touch the same item, or one adds or removes
/// the service or group the other changes inside; the rebased draft then
/// keeps the user's version, and the conflicts are listed for review.
///
/// Thread contract: value type; use from one thread at a time.
class DraftRebase final
{
public:
    /// `base`: the running config the draft was based on; `running`: the one now.
    DraftRebase(const Config &base, const Config &draft, const Config &running);

    const Config &rebased() const { return m_rebased; }
    /// diff(base, draft): what the user changed.
    const QList<ConfigChange> &mine() const { return m_mine; }
    /// diff(base, running): what the other party changed.
    const QList<ConfigChange> &theirs() const { return m_theirs; }
    /// The user's changes that touch an item the other party changed too.
    const QList<ConfigChange> &conflicts() const { return m_conflicts; }
    /// For each conflict, the other party's changes it collides with.
    QList<ConfigChange> theirsConflictingWith(const ConfigChange &mine) const;

    /// True when `a` and `b` touch the same item (see the class comment).
    static bool touchSameItem(const ConfigChange &a, const ConfigChange &b);

private:
    void applyMine(const ConfigChange &change, const Config &draft);

    Config m_rebased;
    QList<ConfigChange> m_mine;
    QList<ConfigChange> m_theirs;
    QList<ConfigChange> m_conflicts;
};

}  // namespace Balancier
