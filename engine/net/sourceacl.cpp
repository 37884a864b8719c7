#include "sourceacl.h"

#include "config/cidr.h"

#include <algorithm>
#include <queue>

namespace Balancier {

namespace {

using U128 = SourceAcl::U128;

quint32 v4Key(const std::array<quint8, 16> &bytes)
{
    return quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 | quint32(bytes[2]) << 8 | quint32(bytes[3]);
}

U128 v6Key(const std::array<quint8, 16> &bytes)
{
    U128 key;
    for (int i = 0; i < 8; ++i) {
        key.hi = key.hi << 8 | bytes[std::size_t(i)];
        key.lo = key.lo << 8 | bytes[std::size_t(8 + i)];
    }
    return key;
}

/// The next key, or false at the top of the space.
bool next(quint32 key, quint32 *out)
{
    if (key == 0xFFFFFFFFu)
        return false;
    *out = key + 1;
    return true;
}

bool next(U128 key, U128 *out)
{
    if (key.hi == ~quint64(0) && key.lo == ~quint64(0))
        return false;
    *out = key;
    if (++out->lo == 0)
        ++out->hi;
    return true;
}

}  // namespace

template<typename Key>
void SourceAcl::build(std::vector<Range<Key>> &out, std::vector<std::pair<std::pair<Key, Key>, int>> &spans)
{
    struct Event
    {
        Key at;
        int rule;
        bool start;
    };
    std::vector<Event> events;
    events.reserve(spans.size() * 2);
    for (const auto &[span, rule] : spans) {
        events.push_back({span.first, rule, true});
        Key after;
        if (next(span.second, &after))
            events.push_back({after, rule, false});
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.at < b.at; });

    // The rules covering the sweep's position: a count per rule (one rule may
    // list overlapping prefixes), and a min-heap of rule indices whose stale
    // tops (count 0) are dropped when they surface.
    std::vector<int> active;
    int maxRule = -1;
    for (const auto &entry : spans)
        maxRule = std::max(maxRule, entry.second);
    active.assign(std::size_t(maxRule + 1), 0);
    std::priority_queue<int, std::vector<int>, std::greater<>> heap;

    out.clear();
    out.push_back({Key{}, -1});
    std::size_t i = 0;
    while (i < events.size()) {
        const Key at = events[i].at;
        for (; i < events.size() && events[i].at == at; ++i) {
            const Event &event = events[i];
            int &count = active[std::size_t(event.rule)];
            if (event.start) {
                if (count++ == 0)
                    heap.push(event.rule);
            } else {
                --count;
            }
        }
        while (!heap.empty() && active[std::size_t(heap.top())] == 0)
            heap.pop();
        const int rule = heap.empty() ? -1 : heap.top();
        if (out.back().rule == rule)
            continue;
        if (out.back().start == at)
            out.back().rule = rule;  // only at the very start of the space
        else
            out.push_back({at, rule});
    }
    // Setting the first range may have made it equal to the second.
    if (out.size() > 1 && out[0].rule == out[1].rule)
        out.erase(out.begin() + 1);
    out.shrink_to_fit();
}

std::shared_ptr<const SourceAcl> SourceAcl::compile(const AclConfig &acl)
{
    auto compiled = std::make_shared<SourceAcl>();
    compiled->m_defaultAllow = acl.defaultAllow;
    compiled->m_ruleAllows.reserve(std::size_t(acl.rules.size()));
    std::vector<std::pair<std::pair<quint32, quint32>, int>> spans4;
    std::vector<std::pair<std::pair<U128, U128>, int>> spans6;
    for (qsizetype r = 0; r < acl.rules.size(); ++r) {
        const AclRule &rule = acl.rules.at(r);
        compiled->m_ruleAllows.push_back(rule.action == AclRule::Action::Allow);
        for (const QString &item : rule.from) {
            const std::optional<Cidr> cidr = Cidr::parse(item);
            if (!cidr)
                continue;
            if (!cidr->v6) {
                const quint32 lo = v4Key(cidr->bytes);
                // A shift by 32 is undefined: /0 and /32 are said outright.
                const quint32 hostMask = cidr->prefix == 0 ? 0xFFFFFFFFu
                    : cidr->prefix == 32                   ? 0u
                                                           : (0xFFFFFFFFu >> cidr->prefix);
                spans4.push_back({{lo, lo | hostMask}, int(r)});
            } else {
                const U128 lo = v6Key(cidr->bytes);
                U128 hi = lo;
                const int hostBits = 128 - cidr->prefix;
                if (hostBits >= 64) {
                    hi.lo = ~quint64(0);
                    if (hostBits == 128)
                        hi.hi = ~quint64(0);
                    else if (hostBits > 64)
                        hi.hi |= ~quint64(0) >> (128 - hostBits);
                } else if (hostBits > 0) {
                    hi.lo |= ~quint64(0) >> (64 - hostBits);
                }
                spans6.push_back({{lo, hi}, int(r)});
            }
        }
    }
    build(compiled->m_v4, spans4);
    build(compiled->m_v6, spans6);
    return compiled;
}

template<typename Key>
SourceAcl::Decision SourceAcl::find(const std::vector<Range<Key>> &ranges, Key key) const
{
    // The last range that starts at or before `key`; the first starts at 0.
    const auto it = std::upper_bound(ranges.begin(), ranges.end(), key,
        [](const Key &k, const Range<Key> &range) { return k < range.start; });
    const int rule = std::prev(it)->rule;
    if (rule < 0)
        return {m_defaultAllow, -1};
    return {m_ruleAllows[std::size_t(rule)], rule};
}

SourceAcl::Decision SourceAcl::decide(const IpEndpoint &client) const
{
    if (!client.valid)
        return {m_defaultAllow, -1};
    if (!client.v6)
        return find(m_v4, v4Key(client.bytes));
    return find(m_v6, v6Key(client.bytes));
}

}  // namespace Balancier
