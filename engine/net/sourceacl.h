#pragma once

#include "config/config.h"
#include "net/ipendpoint.h"

#include <QString>
#include <QtGlobal>

#include <memory>
#include <vector>

namespace Balancier {

/// A service's <acl> compiled for lookups: each address family is cut into
/// sorted, disjoint ranges, each carrying the verdict of the first rule that
/// covers it (or the default). A lookup is one binary search, so 100,000
/// rules cost about as much as 10 (17 steps instead of 4). Building it sorts
/// the rules' ranges once: O(n log n).
///
/// Thread contract: built on the control thread (compile()), then immutable
/// and read by any number of workers at once through the service's route;
/// a new rule set is a new SourceAcl, swapped in whole.
class SourceAcl final
{
    Q_DISABLE_COPY_MOVE(SourceAcl)

public:
    struct Decision
    {
        bool allowed = true;
        int rule = -1;  ///< index into the config's rules; -1: the default decided
    };

    /// Items that are not valid prefixes are skipped (the validator refuses them first).
    static std::shared_ptr<const SourceAcl> compile(const AclConfig &acl);

    /// The verdict for `client`; an invalid address (another family, a LOCAL
    /// PROXY header) gets the default.
    Decision decide(const IpEndpoint &client) const;

    bool defaultAllow() const { return m_defaultAllow; }
    /// Ranges after compilation, IPv4 and IPv6 (for tests and the docs' memory figures).
    std::size_t rangeCount() const { return m_v4.size() + m_v6.size(); }

    /// A 128-bit unsigned number, high half first.
    struct U128
    {
        quint64 hi = 0;
        quint64 lo = 0;
        friend auto operator<=>(const U128 &, const U128 &) = default;
    };

    SourceAcl() = default;

private:
    template<typename Key>
    struct Range
    {
        Key start;  ///< first address of the range; a range ends where the next begins
        qint32 rule;  ///< -1: the default
    };

    template<typename Key>
    static void build(std::vector<Range<Key>> &out, std::vector<std::pair<std::pair<Key, Key>, int>> &spans);
    template<typename Key>
    Decision find(const std::vector<Range<Key>> &ranges, Key key) const;

    bool m_defaultAllow = true;
    std::vector<bool> m_ruleAllows;  ///< per rule index
    std::vector<Range<quint32>> m_v4;
    std::vector<Range<U128>> m_v6;
};

}  // namespace Balancier
