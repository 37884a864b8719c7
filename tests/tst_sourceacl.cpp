// Source ACLs and limits without sockets: CIDR parsing, the compiled
// first-match lookup against a brute-force reference, 100,000 rules, the
// per-source limiter with a test-owned clock, and the XML round trip.

#include "config/cidr.h"
#include "config/configdiff.h"
#include "config/configdocument.h"
#include "config/configreader.h"
#include "net/sourceacl.h"
#include "net/sourcelimiter.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTest>

#include <cstring>

#include <netinet/in.h>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

IpEndpoint endpoint(const QString &text)
{
    QHostAddress address(text);
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        const quint8 bytes[4] = {quint8(v4 >> 24), quint8(v4 >> 16), quint8(v4 >> 8), quint8(v4)};
        return IpEndpoint::fromV4(bytes, 1234);
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return IpEndpoint::fromV6(reinterpret_cast<const quint8 *>(&v6), 1234);
}

/// "deny 10.0.0.0/8; allow 10.1.0.0/16,::1" -> rules.
AclConfig acl(const QString &rules, bool defaultAllow = true)
{
    AclConfig config;
    config.enabled = true;
    config.defaultAllow = defaultAllow;
    for (const QString &text : rules.split(u';', Qt::SkipEmptyParts)) {
        const QStringList parts = text.trimmed().split(u' ');
        AclRule rule;
        rule.action = parts.at(0) == u"allow" ? AclRule::Action::Allow : AclRule::Action::Deny;
        rule.from = Cidr::splitList(parts.at(1));
        config.rules.append(rule);
    }
    return config;
}

bool contains(const Cidr &cidr, const IpEndpoint &address)
{
    if (!address.valid || cidr.v6 != address.v6)
        return false;
    for (int bit = 0; bit < cidr.prefix; ++bit) {
        const quint8 mask = quint8(0x80 >> (bit % 8));
        if ((cidr.bytes[std::size_t(bit / 8)] & mask) != (address.bytes[std::size_t(bit / 8)] & mask))
            return false;
    }
    return true;
}

/// The definition: the first rule with a matching item decides.
SourceAcl::Decision reference(const AclConfig &config, const IpEndpoint &address)
{
    for (qsizetype r = 0; r < config.rules.size(); ++r) {
        for (const QString &item : config.rules.at(r).from) {
            if (const auto cidr = Cidr::parse(item); cidr && contains(*cidr, address))
                return {config.rules.at(r).action == AclRule::Action::Allow, int(r)};
        }
    }
    return {config.defaultAllow, -1};
}

IpEndpoint randomAddress(QRandomGenerator &random, bool v6, const Cidr *near = nullptr)
{
    std::array<quint8, 16> bytes{};
    for (auto &byte : bytes)
        byte = quint8(random.bounded(256));
    if (near && near->v6 == v6) {
        // Inside or just around a rule's prefix, where the answers change.
        const int keep = std::max(0, near->prefix - int(random.bounded(3)));
        for (int bit = 0; bit < keep; ++bit) {
            const quint8 mask = quint8(0x80 >> (bit % 8));
            bytes[std::size_t(bit / 8)]
                = (bytes[std::size_t(bit / 8)] & ~mask) | (near->bytes[std::size_t(bit / 8)] & mask);
        }
    }
    return v6 ? IpEndpoint::fromV6(bytes.data(), 1) : IpEndpoint::fromV4(bytes.data(), 1);
}

/// The first and last address of `cidr`, and the ones just outside (when they exist).
QList<IpEndpoint> edgesOf(const Cidr &cidr)
{
    std::array<quint8, 16> low = cidr.bytes;
    std::array<quint8, 16> high = cidr.bytes;
    for (int bit = cidr.prefix; bit < cidr.bits(); ++bit)
        high[std::size_t(bit / 8)] |= quint8(0x80 >> (bit % 8));
    const int length = cidr.v6 ? 16 : 4;
    const auto step
        = [length](std::array<quint8, 16> bytes, int delta) -> std::optional<std::array<quint8, 16>> {
        for (int i = length - 1; i >= 0; --i) {
            quint8 &byte = bytes[std::size_t(i)];
            if (delta > 0 ? byte++ != 0xFF : byte-- != 0x00)
                return bytes;
        }
        return std::nullopt;  // wrapped around
    };
    const auto make = [&cidr](const std::array<quint8, 16> &bytes) {
        return cidr.v6 ? IpEndpoint::fromV6(bytes.data(), 1) : IpEndpoint::fromV4(bytes.data(), 1);
    };
    QList<IpEndpoint> out = {make(low), make(high)};
    if (const auto below = step(low, -1))
        out.append(make(*below));
    if (const auto above = step(high, +1))
        out.append(make(*above));
    return out;
}

QString randomCidr(QRandomGenerator &random, bool v6)
{
    const IpEndpoint base = randomAddress(random, v6);
    Cidr cidr;
    cidr.v6 = v6;
    cidr.bytes = base.bytes;
    // Short prefixes often, so that rules overlap and nest.
    cidr.prefix = int(random.bounded(v6 ? 129 : 33));
    if (random.bounded(8) == 0)
        cidr.prefix = int(random.bounded(v6 ? 17 : 9));
    if (random.bounded(8) == 0)
        cidr.prefix = cidr.bits();  // whole addresses are common in real lists
    for (int bit = cidr.prefix; bit < cidr.bits(); ++bit)
        cidr.bytes[std::size_t(bit / 8)] &= quint8(~(0x80 >> (bit % 8)));
    return cidr.toString();
}

}  // namespace

class TestSourceAcl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cidr_data();
    void cidr();
    void firstMatch_data();
    void firstMatch();
    void randomRulesMatchReference_data();
    void randomRulesMatchReference();
    void hundredThousandRules();
    void invalidAddressGetsDefault();
    void limiterConcurrent_data();
    void limiterConcurrent();
    void limiterRateAndBurst();
    void limiterDryRun();
    void limiterTableIsBounded();
    void xmlRoundTrip();
    void xmlErrors_data();
    void xmlErrors();
    void diffWording();
};

void TestSourceAcl::cidr_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");  // empty: refused
    QTest::newRow("v4 /8") << u"10.0.0.0/8"_s << u"10.0.0.0/8"_s;
    QTest::newRow("v4 bare") << u"192.0.2.7"_s << u"192.0.2.7"_s;
    QTest::newRow("v4 /32") << u"192.0.2.7/32"_s << u"192.0.2.7"_s;
    QTest::newRow("v4 /0") << u"0.0.0.0/0"_s << u"0.0.0.0/0"_s;
    QTest::newRow("spaces") << u"  10.0.0.0/8 "_s << u"10.0.0.0/8"_s;
    QTest::newRow("v6 /32") << u"2001:db8::/32"_s << u"2001:db8::/32"_s;
    QTest::newRow("v6 bare") << u"::1"_s << u"::1"_s;
    QTest::newRow("v6 /128") << u"::1/128"_s << u"::1"_s;
    QTest::newRow("v6 /0") << u"::/0"_s << u"::/0"_s;
    QTest::newRow("mapped") << u"::ffff:10.0.0.0/104"_s << u"10.0.0.0/8"_s;
    QTest::newRow("mapped bare") << u"::ffff:192.0.2.7"_s << u"192.0.2.7"_s;
    QTest::newRow("host bits") << u"10.0.0.1/8"_s << QString();
    QTest::newRow("prefix too long") << u"10.0.0.0/33"_s << QString();
    QTest::newRow("v6 prefix too long") << u"::/129"_s << QString();
    QTest::newRow("negative prefix") << u"10.0.0.0/-1"_s << QString();
    QTest::newRow("empty prefix") << u"10.0.0.0/"_s << QString();
    QTest::newRow("short form") << u"10.1"_s << QString();
    QTest::newRow("octet too big") << u"10.0.0.300"_s << QString();
    QTest::newRow("name") << u"example.com"_s << QString();
    QTest::newRow("scope") << u"fe80::1%eth0"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSourceAcl::cidr()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QString error;
    const std::optional<Cidr> cidr = Cidr::parse(text, &error);
    if (canonical.isEmpty()) {
        QVERIFY(!cidr);
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(cidr, qPrintable(error));
        QCOMPARE(cidr->toString(), canonical);
    }
}

void TestSourceAcl::firstMatch_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<bool>("defaultAllow");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<int>("rule");

    const QString nested = u"allow 10.1.0.0/16; deny 10.0.0.0/8"_s;
    QTest::newRow("inner allow first") << nested << false << u"10.1.2.3"_s << true << 0;
    QTest::newRow("outer deny") << nested << true << u"10.2.0.1"_s << false << 1;
    QTest::newRow("outside: default allow") << nested << true << u"11.0.0.1"_s << true << -1;
    QTest::newRow("outside: default deny") << nested << false << u"11.0.0.1"_s << false << -1;
    const QString shadowed = u"deny 10.0.0.0/8; allow 10.1.0.0/16"_s;
    QTest::newRow("shadowed allow never wins") << shadowed << true << u"10.1.2.3"_s << false << 0;
    QTest::newRow("edges: first of range") << nested << true << u"10.0.0.0"_s << false << 1;
    QTest::newRow("edges: last of range") << nested << true << u"10.255.255.255"_s << false << 1;
    QTest::newRow("edges: just after") << nested << true << u"11.0.0.0"_s << true << -1;
    QTest::newRow("edges: just before") << nested << true << u"9.255.255.255"_s << true << -1;
    const QString overlapping = u"deny 192.168.1.0/24,192.168.0.0/23; allow 192.168.0.0/16"_s;
    QTest::newRow("one rule, overlapping items") << overlapping << false << u"192.168.1.9"_s << false << 0;
    QTest::newRow("after the overlap") << overlapping << false << u"192.168.2.1"_s << true << 1;
    QTest::newRow("/0 matches all v4") << u"deny 0.0.0.0/0"_s << true << u"203.0.113.5"_s << false << 0;
    QTest::newRow("/0 v4 does not match v6") << u"deny 0.0.0.0/0"_s << true << u"2001:db8::1"_s << true << -1;
    QTest::newRow("top of v4") << u"deny 255.255.255.255"_s << true << u"255.255.255.255"_s << false << 0;
    QTest::newRow("/32 exact") << u"deny 192.0.2.7/32"_s << true << u"192.0.2.7"_s << false << 0;
    QTest::newRow("/32 neighbour") << u"deny 192.0.2.7/32"_s << true << u"192.0.2.8"_s << true << -1;
    QTest::newRow("v6 /64") << u"deny 2001:db8:1:2::/64"_s << true << u"2001:db8:1:2:ffff::9"_s << false << 0;
    QTest::newRow("v6 /64 neighbour")
        << u"deny 2001:db8:1:2::/64"_s << true << u"2001:db8:1:3::"_s << true << -1;
    QTest::newRow("v6 /128") << u"allow ::1"_s << false << u"::1"_s << true << 0;
    QTest::newRow("v6 /128 neighbour") << u"allow ::1"_s << false << u"::2"_s << false << -1;
    QTest::newRow("v6 /0") << u"deny ::/0"_s << true << u"ffff::1"_s << false << 0;
    QTest::newRow("v6 top") << u"deny ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"_s << true
                            << u"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"_s << false << 0;
    QTest::newRow("v6 /63 boundary") << u"deny 2001:db8::/63"_s << true << u"2001:db8:0:1:ffff::"_s << false
                                     << 0;
    QTest::newRow("v6 /65 boundary") << u"deny 2001:db8::/65"_s << true << u"2001:db8::8000:0:0:0"_s << true
                                     << -1;
    // A dual-stack listener's IPv4 client arrives as ::ffff:a.b.c.d and is kept as IPv4.
    QTest::newRow("mapped client") << u"deny 10.0.0.0/8"_s << true << u"::ffff:10.9.8.7"_s << false << 0;
    QTest::newRow("mapped rule") << u"deny ::ffff:10.0.0.0/104"_s << true << u"10.9.8.7"_s << false << 0;
}

void TestSourceAcl::firstMatch()
{
    QFETCH(QString, rules);
    QFETCH(bool, defaultAllow);
    QFETCH(QString, address);
    QFETCH(bool, allowed);
    QFETCH(int, rule);
    const AclConfig config = acl(rules, defaultAllow);
    const auto compiled = SourceAcl::compile(config);
    // IpEndpoint::from normalises a mapped address; fromV6 keeps what it is given.
    IpEndpoint client = endpoint(address);
    if (address.startsWith(u"::ffff:"_s)) {
        sockaddr_storage storage{};
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        const Q_IPV6ADDR v6 = QHostAddress(address).toIPv6Address();
        memcpy(&in6->sin6_addr, &v6, 16);
        client = IpEndpoint::from(storage);
        QVERIFY(!client.v6);
    }
    const SourceAcl::Decision decision = compiled->decide(client);
    QCOMPARE(decision.allowed, allowed);
    QCOMPARE(decision.rule, rule);
    const SourceAcl::Decision expected = reference(config, client);
    QCOMPARE(decision.allowed, expected.allowed);
    QCOMPARE(decision.rule, expected.rule);
}

void TestSourceAcl::randomRulesMatchReference_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("ruleCount");
    for (quint32 seed = 1; seed <= 6; ++seed)
        QTest::addRow("seed %u, 40 rules", seed) << seed << 40;
    QTest::newRow("seed 7, 400 rules") << 7u << 400;
}

void TestSourceAcl::randomRulesMatchReference()
{
    QFETCH(quint32, seed);
    QFETCH(int, ruleCount);
    QRandomGenerator random(seed);
    AclConfig config;
    config.enabled = true;
    config.defaultAllow = random.bounded(2) == 0;
    for (int r = 0; r < ruleCount; ++r) {
        AclRule rule;
        rule.action = random.bounded(2) ? AclRule::Action::Allow : AclRule::Action::Deny;
        const int items = 1 + int(random.bounded(3));
        for (int i = 0; i < items; ++i)
            rule.from.append(randomCidr(random, random.bounded(2) == 1));
        config.rules.append(rule);
    }
    const auto compiled = SourceAcl::compile(config);
    // Every rule's edges, where a range ends and the next begins.
    for (const AclRule &rule : std::as_const(config.rules)) {
        for (const QString &item : rule.from) {
            for (const IpEndpoint &client : edgesOf(*Cidr::parse(item))) {
                const SourceAcl::Decision got = compiled->decide(client);
                const SourceAcl::Decision want = reference(config, client);
                if (got.allowed != want.allowed || got.rule != want.rule) {
                    QFAIL(qPrintable(u"edge %1: got rule %2, want rule %3"_s.arg(client.addressString())
                                         .arg(got.rule)
                                         .arg(want.rule)));
                }
            }
        }
    }
    for (int probe = 0; probe < 20000; ++probe) {
        const bool v6 = random.bounded(2) == 1;
        const AclRule &near = config.rules.at(int(random.bounded(ruleCount)));
        const std::optional<Cidr> cidr = Cidr::parse(near.from.constFirst());
        const IpEndpoint client = randomAddress(random, v6, cidr ? &*cidr : nullptr);
        const SourceAcl::Decision got = compiled->decide(client);
        const SourceAcl::Decision want = reference(config, client);
        if (got.allowed != want.allowed || got.rule != want.rule) {
            QFAIL(qPrintable(u"%1: got rule %2 (%3), want rule %4 (%5)"_s.arg(client.addressString())
                                 .arg(got.rule)
                                 .arg(got.allowed)
                                 .arg(want.rule)
                                 .arg(want.allowed)));
        }
    }
}

void TestSourceAcl::hundredThousandRules()
{
    // What bench/run.sh --acl-rules generates: deny rules that match no client
    // (198.18.0.0/15 and 2001:db8::/32 are for testing), and one allow at the end.
    AclConfig config;
    config.enabled = true;
    config.defaultAllow = false;
    for (int i = 0; i < 100000; ++i) {
        AclRule rule;
        rule.action = AclRule::Action::Deny;
        if (i % 2 == 0)
            rule.from = {u"198.%1.%2.%3"_s.arg(18 + (i >> 16) % 2).arg((i >> 8) & 255).arg(i & 255)};
        else
            rule.from = {u"2001:db8:%1:%2::/64"_s.arg(i >> 16, 0, 16).arg(i & 0xffff, 0, 16)};
        config.rules.append(rule);
    }
    AclRule allowAll;
    allowAll.action = AclRule::Action::Allow;
    allowAll.from = {u"0.0.0.0/0"_s, u"::/0"_s};
    config.rules.append(allowAll);

    QElapsedTimer timer;
    timer.start();
    const auto compiled = SourceAcl::compile(config);
    const qint64 compileMs = timer.elapsed();
    qInfo("100,000 rules compiled into %zu ranges in %lld ms", compiled->rangeCount(), compileMs);
    // Well under a second on an idle machine (about 0.2 s); allow for a loaded CI runner.
    QVERIFY2(compileMs < 3000, qPrintable(QString::number(compileMs)));

    QCOMPARE(compiled->decide(endpoint(u"198.18.0.0"_s)).rule, 0);
    QCOMPARE(compiled->decide(endpoint(u"198.18.0.0"_s)).allowed, false);
    QCOMPARE(compiled->decide(endpoint(u"2001:db8:0:1::5"_s)).rule, 1);
    QCOMPARE(compiled->decide(endpoint(u"127.0.0.1"_s)).rule, 100000);
    QCOMPARE(compiled->decide(endpoint(u"127.0.0.1"_s)).allowed, true);
    QCOMPARE(compiled->decide(endpoint(u"::1"_s)).rule, 100000);
    QRandomGenerator random(99);
    for (int probe = 0; probe < 2000; ++probe) {
        const int index = int(random.bounded(100000));
        const IpEndpoint client = endpoint(index % 2 == 0
                ? config.rules.at(index).from.constFirst()
                : config.rules.at(index).from.constFirst().section(u'/', 0, 0) + u"42"_s);
        const SourceAcl::Decision decision = compiled->decide(client);
        QCOMPARE(decision.rule, index);
        QCOMPARE(decision.allowed, false);
    }
    // Lookups: as cheap as a handful of rules (17 steps of a binary search).
    timer.restart();
    qint64 allowed = 0;
    const IpEndpoint client = endpoint(u"127.0.0.1"_s);
    for (int i = 0; i < 1000000; ++i)
        allowed += compiled->decide(client).allowed;
    QCOMPARE(allowed, 1000000);
    qInfo("1,000,000 lookups in %lld ms", timer.elapsed());
}

void TestSourceAcl::invalidAddressGetsDefault()
{
    const auto allow = SourceAcl::compile(acl(u"deny 0.0.0.0/0,::/0"_s, true));
    QCOMPARE(allow->decide(IpEndpoint{}).allowed, true);
    const auto deny = SourceAcl::compile(acl(u"allow 0.0.0.0/0,::/0"_s, false));
    QCOMPARE(deny->decide(IpEndpoint{}).allowed, false);
    const auto empty = SourceAcl::compile(acl({}, false));
    QCOMPARE(empty->decide(endpoint(u"1.2.3.4"_s)).allowed, false);
}

void TestSourceAcl::limiterConcurrent_data()
{
    QTest::addColumn<int>("prefix");
    QTest::addColumn<int>("prefix6");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<bool>("sameSource");
    QTest::newRow("/32: two addresses") << 32 << 64 << u"10.0.0.1"_s << u"10.0.0.2"_s << false;
    QTest::newRow("/24: one prefix") << 24 << 64 << u"10.0.0.1"_s << u"10.0.0.200"_s << true;
    QTest::newRow("/24: two prefixes") << 24 << 64 << u"10.0.0.1"_s << u"10.0.1.1"_s << false;
    QTest::newRow("/64: one prefix") << 32 << 64 << u"2001:db8::1"_s << u"2001:db8::ffff"_s << true;
    QTest::newRow("/128: two addresses") << 32 << 128 << u"2001:db8::1"_s << u"2001:db8::2"_s << false;
    QTest::newRow("/0 v4 and v6 apart") << 0 << 0 << u"10.0.0.1"_s << u"::1"_s << false;
}

void TestSourceAcl::limiterConcurrent()
{
    QFETCH(int, prefix);
    QFETCH(int, prefix6);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(bool, sameSource);
    LimitConfig config;
    config.enabled = true;
    config.perIp = 2;
    config.prefix = prefix;
    config.prefix6 = prefix6;
    SourceLimiter limiter(config);
    SourceLimiter::Ticket a;
    SourceLimiter::Ticket b;
    SourceLimiter::Ticket c;
    QCOMPARE(limiter.admit(endpoint(first), 0, &a).verdict, SourceLimiter::Verdict::Admit);
    QCOMPARE(limiter.admit(endpoint(first), 0, &b).verdict, SourceLimiter::Verdict::Admit);
    QCOMPARE(limiter.admit(endpoint(second), 0, &c).verdict,
        sameSource ? SourceLimiter::Verdict::Concurrent : SourceLimiter::Verdict::Admit);
    QCOMPARE(limiter.openCount(endpoint(first)), sameSource ? 2 : 2);
    // A released place is free again.
    a.reset();
    QCOMPARE(limiter.openCount(endpoint(first)), 1);
    SourceLimiter::Ticket d;
    QCOMPARE(limiter.admit(endpoint(first), 0, &d).verdict, SourceLimiter::Verdict::Admit);
    // Moving a ticket moves the place, not a copy of it.
    SourceLimiter::Ticket moved = std::move(d);
    QVERIFY(!d.isHeld());
    QVERIFY(moved.isHeld());
    QCOMPARE(limiter.openCount(endpoint(first)), 2);
}

void TestSourceAcl::limiterRateAndBurst()
{
    LimitConfig config;
    config.enabled = true;
    config.rate = 2;  // 2/s
    config.burst = 5;
    SourceLimiter limiter(config);
    const IpEndpoint client = endpoint(u"192.0.2.1"_s);
    const auto admit = [&](qint64 nowMs) {
        SourceLimiter::Ticket ticket;
        return limiter.admit(client, nowMs, &ticket).verdict;
    };
    qint64 now = 1000;
    for (int i = 0; i < 5; ++i)
        QCOMPARE(admit(now), SourceLimiter::Verdict::Admit);  // the burst
    QCOMPARE(admit(now), SourceLimiter::Verdict::Rate);
    now += 499;  // 0.998 tokens
    QCOMPARE(admit(now), SourceLimiter::Verdict::Rate);
    now += 1;
    QCOMPARE(admit(now), SourceLimiter::Verdict::Admit);
    QCOMPARE(admit(now), SourceLimiter::Verdict::Rate);
    // Another source has its own bucket.
    SourceLimiter::Ticket other;
    QCOMPARE(limiter.admit(endpoint(u"192.0.2.2"_s), now, &other).verdict, SourceLimiter::Verdict::Admit);
    // A long pause refills up to the burst, not beyond.
    now += 3600 * 1000;
    for (int i = 0; i < 5; ++i)
        QCOMPARE(admit(now), SourceLimiter::Verdict::Admit);
    QCOMPARE(admit(now), SourceLimiter::Verdict::Rate);
    // A clock that steps back refills nothing.
    QCOMPARE(admit(now - 10000), SourceLimiter::Verdict::Rate);

    // Per minute, burst defaulting to the rate.
    LimitConfig perMinute;
    perMinute.enabled = true;
    perMinute.rate = 3;
    perMinute.ratePeriodS = 60;
    SourceLimiter slow(perMinute);
    SourceLimiter::Ticket t;
    for (int i = 0; i < 3; ++i)
        QCOMPARE(slow.admit(client, 0, &t).verdict, SourceLimiter::Verdict::Admit);
    QCOMPARE(slow.admit(client, 19999, &t).verdict, SourceLimiter::Verdict::Rate);
    QCOMPARE(slow.admit(client, 20000, &t).verdict, SourceLimiter::Verdict::Admit);
}

void TestSourceAcl::limiterDryRun()
{
    LimitConfig config;
    config.enabled = true;
    config.perIp = 1;
    config.rate = 1;
    config.burst = 2;
    config.dryRun = true;
    SourceLimiter limiter(config);
    const IpEndpoint client = endpoint(u"192.0.2.1"_s);
    SourceLimiter::Ticket a;
    SourceLimiter::Ticket b;
    const SourceLimiter::Result first = limiter.admit(client, 0, &a);
    QCOMPARE(first.verdict, SourceLimiter::Verdict::Admit);
    QCOMPARE(first.enforced, SourceLimiter::Verdict::Admit);
    const SourceLimiter::Result second = limiter.admit(client, 0, &b);
    QCOMPARE(second.verdict, SourceLimiter::Verdict::Admit);
    QCOMPARE(second.enforced, SourceLimiter::Verdict::Concurrent);
    QVERIFY(b.isHeld());  // let through, and counted
    QCOMPARE(limiter.openCount(client), 2);
    a.reset();
    b.reset();
    // The second took no token (enforcing would have refused it): one is left.
    SourceLimiter::Ticket c;
    const SourceLimiter::Result third = limiter.admit(client, 0, &c);
    QCOMPARE(third.enforced, SourceLimiter::Verdict::Admit);
    c.reset();
    const SourceLimiter::Result fourth = limiter.admit(client, 0, &c);
    QCOMPARE(fourth.verdict, SourceLimiter::Verdict::Admit);
    QCOMPARE(fourth.enforced, SourceLimiter::Verdict::Rate);
}

void TestSourceAcl::limiterTableIsBounded()
{
    LimitConfig config;
    config.enabled = true;
    config.perIp = 1;
    config.table = 64;
    SourceLimiter limiter(config);
    // One source holds a connection: the others come and go.
    SourceLimiter::Ticket held;
    QCOMPARE(limiter.admit(endpoint(u"10.0.0.1"_s), 0, &held).verdict, SourceLimiter::Verdict::Admit);
    for (int i = 0; i < 10000; ++i) {
        SourceLimiter::Ticket ticket;
        const QString address = u"10.1.%1.%2"_s.arg((i >> 8) & 255).arg(i & 255);
        QCOMPARE(limiter.admit(endpoint(address), i, &ticket).verdict, SourceLimiter::Verdict::Admit);
    }
    QVERIFY(limiter.trackedSources() <= 64);
    QVERIFY(limiter.evictions() >= 10000 - 64);
    // The source with an open connection was not forgotten: idle ones went first.
    QCOMPARE(limiter.openCount(endpoint(u"10.0.0.1"_s)), 1);
    SourceLimiter::Ticket again;
    QCOMPARE(limiter.admit(endpoint(u"10.0.0.1"_s), 0, &again).verdict, SourceLimiter::Verdict::Concurrent);

    // When every entry is busy, no open count is forgotten: a new source is
    // let through uncounted, and the busy sources stay limited.
    LimitConfig tiny = config;
    tiny.table = 16;  // one entry per shard
    SourceLimiter small(tiny);
    std::vector<SourceLimiter::Ticket> tickets(200);
    for (int i = 0; i < 200; ++i)
        QCOMPARE(small.admit(endpoint(u"10.2.0.%1"_s.arg(i)), 0, &tickets[std::size_t(i)]).verdict,
            SourceLimiter::Verdict::Admit);
    QVERIFY(small.trackedSources() <= 16);
    QCOMPARE(small.evictions(), 0);
    QCOMPARE(small.untracked(), 200 - small.trackedSources());
    int stillLimited = 0;
    for (int i = 0; i < 200; ++i) {
        if (!tickets[std::size_t(i)].isHeld())
            continue;
        SourceLimiter::Ticket second;
        QCOMPARE(small.admit(endpoint(u"10.2.0.%1"_s.arg(i)), 0, &second).verdict,
            SourceLimiter::Verdict::Concurrent);
        ++stillLimited;
    }
    QCOMPARE(stillLimited, small.trackedSources());
    tickets.clear();  // every counted place is released; the entries can be reused
    QVERIFY(small.trackedSources() <= 16);
    SourceLimiter::Ticket later;
    QCOMPARE(small.admit(endpoint(u"10.3.0.1"_s), 0, &later).verdict, SourceLimiter::Verdict::Admit);
    QVERIFY(later.isHeld());
    qInfo("%zu bytes per table entry", SourceLimiter::bytesPerEntry());
}

void TestSourceAcl::xmlRoundTrip()
{
    const QByteArray xml = R"(<balancier version="1">
  <service name="web">
    <listen ip="127.0.0.1:0"/>
    <acl default="deny">
      <allow from="10.1.0.0/16, 2001:db8::/32"/>
      <deny from="10.0.0.0/8"/>
      <allow from="0.0.0.0/0"/>
    </acl>
    <limit perip="10" prefix="24" prefix6="56" rate="600/m" burst="20" mode="dryrun" table="1000"/>
    <group name="g">
      <host name="a" ip="127.0.0.1:1"/>
    </group>
  </service>
</balancier>
)";
    const LoadResult loaded = ConfigReader::readData(xml, u"test.xml"_s);
    QVERIFY2(loaded.ok(),
        qPrintable(loaded.diagnostics.isEmpty() ? QString() : loaded.diagnostics.first().toString()));
    const ServiceConfig &service = loaded.config.services.first();
    QVERIFY(service.acl.enabled);
    QCOMPARE(service.acl.defaultAllow, false);
    QCOMPARE(service.acl.rules.size(), 3);
    QCOMPARE(service.acl.rules.at(0).from, (QStringList{u"10.1.0.0/16"_s, u"2001:db8::/32"_s}));
    QCOMPARE(service.acl.rules.at(1).action, AclRule::Action::Deny);
    QVERIFY(service.limit.enabled);
    QCOMPARE(service.limit.perIp, 10);
    QCOMPARE(service.limit.prefix, 24);
    QCOMPARE(service.limit.prefix6, 56);
    QCOMPARE(service.limit.rate, 600);
    QCOMPARE(service.limit.ratePeriodS, 60);
    QCOMPARE(service.limit.burst, 20);
    QCOMPARE(service.limit.dryRun, true);
    QCOMPARE(service.limit.table, 1000);

    // Written and read again: the same model; the user's spacing is kept.
    const QByteArray written = ConfigDocument::serialize(loaded.config);
    const LoadResult again = ConfigReader::readData(written, u"again.xml"_s);
    QVERIFY(again.ok());
    QCOMPARE(again.config, loaded.config);
    ConfigDocument document;
    QVERIFY(document.setContent(xml));
    Config edited = loaded.config;
    document.update(edited);
    QVERIFY(document.toXml().contains("from=\"10.1.0.0/16, 2001:db8::/32\""));
    // A rule added, the limit gone.
    edited.services[0].acl.rules.append({AclRule::Action::Deny, {u"192.0.2.0/24"_s}, {}});
    edited.services[0].limit = LimitConfig();
    document.update(edited);
    const LoadResult updated = ConfigReader::readData(document.toXml(), u"updated.xml"_s);
    QVERIFY(updated.ok());
    QCOMPARE(updated.config, edited);
    QVERIFY(!document.toXml().contains("<limit"));
}

void TestSourceAcl::xmlErrors_data()
{
    QTest::addColumn<QByteArray>("inside");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("needle");
    QTest::newRow("bad CIDR item") << QByteArray("<acl>\n<deny from=\"10.0.0.0/8, 10.0.0.300\"/>\n</acl>")
                                   << 4 << u"item 2 of 2: \"10.0.0.300\" is not an IP address"_s;
    QTest::newRow("host bits") << QByteArray("<acl>\n<allow from=\"10.0.0.1/8\"/>\n</acl>") << 4
                               << u"did you mean 10.0.0.0/8?"_s;
    QTest::newRow("empty from") << QByteArray("<acl>\n<deny from=\"\"/>\n</acl>") << 4 << u"empty list"_s;
    QTest::newRow("unknown action") << QByteArray("<acl>\n<reject from=\"10.0.0.0/8\"/>\n</acl>") << 4
                                    << u"<reject>"_s;
    QTest::newRow("bad default") << QByteArray("<acl default=\"maybe\"/>") << 3 << u"maybe"_s;
    QTest::newRow("bad rate") << QByteArray("<limit rate=\"10 per second\"/>") << 3 << u"is not a rate"_s;
    QTest::newRow("rate unit") << QByteArray("<limit rate=\"10/h\"/>") << 3 << u"is not a rate"_s;
    QTest::newRow("burst without rate")
        << QByteArray("<limit perip=\"3\" burst=\"5\"/>") << 3 << u"burst without rate"_s;
    QTest::newRow("prefix out of range")
        << QByteArray("<limit perip=\"3\" prefix=\"33\"/>") << 3 << u"too large"_s;
    QTest::newRow("prefix6 out of range")
        << QByteArray("<limit perip=\"3\" prefix6=\"129\"/>") << 3 << u"too large"_s;
    QTest::newRow("table too small") << QByteArray("<limit perip=\"3\" table=\"2\"/>") << 3 << u"too small"_s;
    QTest::newRow("bad mode") << QByteArray("<limit perip=\"3\" mode=\"warn\"/>") << 3 << u"warn"_s;
    QTest::newRow("two acls") << QByteArray("<acl/>\n<acl/>") << 4 << u"duplicate <acl>"_s;
}

void TestSourceAcl::xmlErrors()
{
    QFETCH(QByteArray, inside);
    QFETCH(int, line);
    QFETCH(QString, needle);
    const QByteArray xml = "<balancier version=\"1\">\n<service name=\"web\"><listen ip=\"127.0.0.1:0\"/>\n"
        + inside
        + "\n<group name=\"g\"><host name=\"a\" ip=\"127.0.0.1:1\"/></group>\n</service>\n</balancier>\n";
    const LoadResult loaded = ConfigReader::readData(xml, u"bad.xml"_s);
    QVERIFY(!loaded.ok());
    bool found = false;
    QStringList all;
    for (const Diagnostic &diagnostic : loaded.diagnostics) {
        all.append(diagnostic.toString());
        if (diagnostic.message.contains(needle) || diagnostic.element.contains(needle)) {
            found = true;
            QCOMPARE(diagnostic.line, line);
            QVERIFY(diagnostic.column > 0);
        }
    }
    QVERIFY2(found, qPrintable(all.join(u'\n')));
}

void TestSourceAcl::diffWording()
{
    Config running;
    ServiceConfig service;
    service.name = u"web"_s;
    running.services.append(service);
    Config next = running;
    next.services[0].acl = acl(u"deny 10.0.0.0/8"_s);
    QList<ConfigChange> changes = diffConfigs(running, next);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).kind, ConfigChange::Kind::AclChanged);
    QCOMPARE(changes.at(1).kind, ConfigChange::Kind::AclRuleAdded);
    QCOMPARE(changes.at(1).description(), u"deny 10.0.0.0/8 added to service web's ACL"_s);

    Config reordered = next;
    reordered.services[0].acl = acl(u"allow ::1; deny 10.0.0.0/8"_s);
    reordered.services[0].acl.defaultAllow = false;
    changes = diffConfigs(next, reordered);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).kind, ConfigChange::Kind::AclChanged);
    QCOMPARE(changes.at(0).fields, QStringList{u"default"_s});
    QCOMPARE(changes.at(1).description(), u"allow ::1 added to service web's ACL"_s);

    Config swapped = reordered;
    std::swap(swapped.services[0].acl.rules[0], swapped.services[0].acl.rules[1]);
    changes = diffConfigs(reordered, swapped);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).fields, QStringList{u"order"_s});

    Config limited = running;
    limited.services[0].limit.enabled = true;
    limited.services[0].limit.perIp = 5;
    changes = diffConfigs(running, limited);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).kind, ConfigChange::Kind::ServiceSettingsChanged);
    QCOMPARE(changes.at(0).name, u"limit"_s);
    QCOMPARE(changes.at(0).fields, (QStringList{u"enabled"_s, u"perip"_s}));

    // Many rules at once: one change with the counts.
    Config many = running;
    many.services[0].acl.enabled = true;
    for (int i = 0; i < 100; ++i)
        many.services[0].acl.rules.append({AclRule::Action::Deny, {u"10.0.%1.0/24"_s.arg(i)}, {}});
    changes = diffConfigs(running, many);
    QCOMPARE(changes.size(), 1);
    QVERIFY(changes.at(0).fields.contains(u"rules"_s));
}

QTEST_GUILESS_MAIN(TestSourceAcl)
#include "tst_sourceacl.moc"
