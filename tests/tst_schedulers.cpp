// Unit tests of the scheduling algorithms on HostRuntime objects, without
// sockets: exact sequences for the deterministic schedulers, statistical
// bounds for the random ones, hashing disruption, stickiness with an
// injected clock, skipping of unavailable hosts, the registry, and
// concurrent picks from several threads.

#include "config/schedulerregistry.h"
#include "runtime/hostruntime.h"
#include "scheduling/hashscheduler.h"
#include "scheduling/scheduler.h"
#include "scheduling/schedulerfactory.h"
#include "scheduling/stickyscheduler.h"
#include "scheduling/weightedscheduler.h"

#include <QHash>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

/// Sets the configured weight and, as the engine's control thread does, the
/// effective weight the schedulers read.
void setWeight(HostRuntime *host, int weight)
{
    host->weight = weight;
    host->refreshEffectiveWeight(0);
}

/// Owns a group's hosts, named a, b, c, ... unless names are given.
class HostSet
{
public:
    explicit HostSet(const QList<int> &weights, const QStringList &names = {})
    {
        for (qsizetype i = 0; i < weights.size(); ++i) {
            HostConfig config;
            config.name = i < names.size() ? names.at(i) : QString(QChar(char16_t(u'a' + i)));
            config.address = u"127.0.0.1:%1"_s.arg(9000 + i);
            config.weight = weights.at(i);
            m_owned.push_back(std::make_unique<HostRuntime>(u"svc"_s, u"grp"_s, config));
            m_hosts.append(m_owned.back().get());
        }
    }

    const QList<HostRuntime *> &hosts() const { return m_hosts; }
    HostRuntime *at(qsizetype index) const { return m_hosts.at(index); }
    HostRuntime *byName(QChar name) const { return m_hosts.at(name.unicode() - u'a'); }
    qsizetype indexOf(const HostRuntime *host) const { return m_hosts.indexOf(host); }

private:
    std::vector<std::unique_ptr<HostRuntime>> m_owned;
    QList<HostRuntime *> m_hosts;
};

std::unique_ptr<Scheduler> makeScheduler(
    const QString &name, const HostSet &hosts, const SchedulerOptions &options = {})
{
    return SchedulerFactory::create(name, hosts.hosts(), options);
}

PickContext keyContext(quint64 key)
{
    PickContext context;
    context.clientKey = key;
    return context;
}

QString sequence(Scheduler &scheduler, int picks)
{
    QString result;
    for (int i = 0; i < picks; ++i) {
        const HostRuntime *host = scheduler.pick(keyContext(quint64(i)));
        result += host ? host->name() : u"-"_s;
    }
    return result;
}

/// Ways a host stops being eligible for new connections.
enum class Unavailability
{
    Down,
    Maintenance,
    Drain,
    Removed,
    Full,
    WeightZero,
    Excluded,
};

void makeUnavailable(HostRuntime *host, Unavailability how)
{
    switch (how) {
    case Unavailability::Down:
        host->health = HostHealth::Down;
        break;
    case Unavailability::Maintenance:
        host->adminState = HostAdminState::Maintenance;
        break;
    case Unavailability::Drain:
        host->adminState = HostAdminState::Drain;
        break;
    case Unavailability::Removed:
        host->removed = true;
        break;
    case Unavailability::Full:
        host->maxConns = 2;
        host->active = 2;
        break;
    case Unavailability::WeightZero:
        setWeight(host, 0);
        break;
    case Unavailability::Excluded:
        break;  // handled through the PickContext
    }
}

const QStringList &allSchedulerNames()
{
    static const QStringList names = [] {
        QStringList result;
        for (const SchedulerInfo &info : SchedulerRegistry::all())
            result.append(info.name);
        return result;
    }();
    return names;
}

}  // namespace

class TestSchedulers : public QObject
{
    Q_OBJECT

private slots:
    void registryNames_data();
    void registryNames();
    void registryTable();

    void exactSequences_data();
    void exactSequences();
    void weightChangeRebuildsCycle();
    void largeWeightsStayBounded();
    void weightedHeavyHostOut();

    void skipsUnavailable_data();
    void skipsUnavailable();
    void allUnavailableGivesNull_data();
    void allUnavailableGivesNull();

    void randomIsUniform();
    void p2cIsUniformWhenIdle();
    void p2cPrefersLessLoaded();

    void hashIsStable();
    void hashSpreadsByWeight();
    void hashRemovalMovesOnlyThatHostsClients_data();
    void hashRemovalMovesOnlyThatHostsClients();
    void hashWalksPastExcluded();

    void stickyHoldsAndExpires();
    void stickyMovesWhenHostGoes();
    void stickyTableIsBounded();

    void concurrentExactShares_data();
    void concurrentExactShares();
    void concurrentSticky();
    void concurrentPicksWithChanges_data();
    void concurrentPicksWithChanges();
};

void TestSchedulers::registryNames_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");

    for (const QString &name : allSchedulerNames())
        QTest::newRow(qPrintable(name)) << name << name;
    QTest::newRow("rand") << u"rand"_s << u"random"_s;
    QTest::newRow("roundr") << u"roundr"_s << u"roundrobin"_s;
    QTest::newRow("leastc") << u"leastc"_s << u"leastconns"_s;
    QTest::newRow("weightr") << u"weightr"_s << u"weighted"_s;
    QTest::newRow("case-insensitive") << u"RoundRobin"_s << u"roundrobin"_s;
    QTest::newRow("alias case-insensitive") << u"WEIGHTR"_s << u"weighted"_s;
    QTest::newRow("surrounding spaces") << u" leastc "_s << u"leastconns"_s;
    QTest::newRow("unknown") << u"fastest"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("prefix only") << u"round"_s << QString();
    QTest::newRow("description is not a name") << u"Each available host in turn"_s << QString();
}

void TestSchedulers::registryNames()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);

    QCOMPARE(SchedulerRegistry::canonicalName(input), canonical);
    const HostSet hosts({1, 1});
    const std::unique_ptr<Scheduler> scheduler = SchedulerFactory::create(input, hosts.hosts());
    QCOMPARE(scheduler != nullptr, !canonical.isEmpty());
    if (scheduler) {
        QCOMPARE(scheduler->hosts(), hosts.hosts());
        QVERIFY(scheduler->pick(keyContext(7)) != nullptr);
    }
}

void TestSchedulers::registryTable()
{
    const QStringList expected{u"roundrobin"_s, u"weighted"_s, u"random"_s, u"leastconns"_s,
        u"leastconnsrr"_s, u"sticky"_s, u"hash"_s, u"p2c"_s, u"maglev"_s};
    QStringList names = allSchedulerNames();
    QStringList sortedExpected = expected;
    names.sort();
    sortedExpected.sort();
    QCOMPARE(names, sortedExpected);

    QSet<QString> seen;
    for (const SchedulerInfo &info : SchedulerRegistry::all()) {
        QVERIFY2(!info.description.isEmpty(), qPrintable(info.name));
        // Every name of the model has an algorithm behind it.
        const HostSet hosts({1});
        QVERIFY2(SchedulerFactory::create(info.name, hosts.hosts()) != nullptr, qPrintable(info.name));
        QVERIFY2(!seen.contains(info.name), qPrintable(info.name));
        seen.insert(info.name);
        for (const QString &alias : info.aliases) {
            QVERIFY2(!seen.contains(alias), qPrintable(alias));
            seen.insert(alias);
        }
    }
}

void TestSchedulers::exactSequences_data()
{
    QTest::addColumn<QString>("scheduler");
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<QList<qint64>>("active");  // empty: all 0
    QTest::addColumn<QList<qint64>>("lastClosed");  // empty: all 0
    QTest::addColumn<QString>("down");  // names of hosts that are down
    QTest::addColumn<QString>("expected");

    const QList<qint64> none;
    QTest::newRow("roundrobin") << u"roundrobin"_s << QList<int>{1, 1, 1} << none << none << QString()
                                << u"abcabcabc"_s;
    QTest::newRow("roundrobin ignores weights")
        << u"roundrobin"_s << QList<int>{5, 1, 1} << none << none << QString() << u"abcabc"_s;
    QTest::newRow("roundrobin, b down keeps shares even")
        << u"roundrobin"_s << QList<int>{1, 1, 1} << none << none << u"b"_s << u"acacac"_s;
    QTest::newRow("roundrobin, a and b down")
        << u"roundrobin"_s << QList<int>{1, 1, 1} << none << none << u"ab"_s << u"cccc"_s;
    QTest::newRow("roundrobin, weight 0 never")
        << u"roundrobin"_s << QList<int>{1, 0, 1} << none << none << QString() << u"acacac"_s;
    QTest::newRow("roundrobin single host")
        << u"roundr"_s << QList<int>{1} << none << none << QString() << u"aaa"_s;

    QTest::newRow("weighted 5/1/1 (nginx order)")
        << u"weighted"_s << QList<int>{5, 1, 1} << none << none << QString() << u"aabacaaaabacaa"_s;
    QTest::newRow("weighted 10/2/2 = 5/1/1")
        << u"weighted"_s << QList<int>{10, 2, 2} << none << none << QString() << u"aabacaa"_s;
    QTest::newRow("weighted 2/1") << u"weighted"_s << QList<int>{2, 1} << none << none << QString()
                                  << u"abaaba"_s;
    QTest::newRow("weighted 1/1/1") << u"weightr"_s << QList<int>{1, 1, 1} << none << none << QString()
                                    << u"abcabc"_s;
    QTest::newRow("weighted 1/3") << u"weighted"_s << QList<int>{1, 3} << none << none << QString()
                                  << u"babbbabb"_s;
    QTest::newRow("weighted, weight 0 never")
        << u"weighted"_s << QList<int>{2, 0, 1} << none << none << QString() << u"acaaca"_s;
    QTest::newRow("weighted 5/1/1, a down")
        << u"weighted"_s << QList<int>{5, 1, 1} << none << none << u"a"_s << u"bcbcbc"_s;
    QTest::newRow("weighted 5/1/1, c down")
        << u"weighted"_s << QList<int>{5, 1, 1} << none << none << u"c"_s << u"aabaaaaabaaa"_s;
    QTest::newRow("weighted, all weights 0")
        << u"weighted"_s << QList<int>{0, 0} << none << none << QString() << u"--"_s;

    QTest::newRow("leastconns fewest active")
        << u"leastconns"_s << QList<int>{1, 1, 1} << QList<qint64>{3, 1, 2} << none << QString() << u"bbbb"_s;
    QTest::newRow("leastconns relative to weight")
        << u"leastconns"_s << QList<int>{3, 1} << QList<qint64>{2, 1} << none << QString() << u"aaaa"_s;
    QTest::newRow("leastconns relative to weight, other way")
        << u"leastc"_s << QList<int>{3, 1} << QList<qint64>{4, 1} << none << QString() << u"bbbb"_s;
    QTest::newRow("leastconns ties rotate") << u"leastconns"_s << QList<int>{1, 1, 1}
                                            << QList<qint64>{0, 0, 0} << none << QString() << u"abcabc"_s;
    QTest::newRow("leastconns weighted ties rotate")
        << u"leastconns"_s << QList<int>{2, 1, 1} << QList<qint64>{2, 1, 3} << none << QString()
        << u"ababab"_s;
    QTest::newRow("leastconns, weight 0 never")
        << u"leastconns"_s << QList<int>{0, 1} << QList<qint64>{0, 5} << none << QString() << u"bbb"_s;
    QTest::newRow("leastconns, least loaded down")
        << u"leastconns"_s << QList<int>{1, 1, 1} << QList<qint64>{3, 1, 2} << none << u"b"_s << u"cccc"_s;

    QTest::newRow("leastconnsrr fewest active first")
        << u"leastconnsrr"_s << QList<int>{1, 1, 1} << QList<qint64>{2, 1, 1} << QList<qint64>{100, 300, 200}
        << QString() << u"cccc"_s;
    QTest::newRow("leastconnsrr ties by least recently closed")
        << u"leastconnsrr"_s << QList<int>{1, 1, 1} << QList<qint64>{0, 0, 0} << QList<qint64>{300, 100, 200}
        << QString() << u"bbbb"_s;
    QTest::newRow("leastconnsrr ignores weights")
        << u"leastconnsrr"_s << QList<int>{5, 1} << QList<qint64>{2, 1} << QList<qint64>{0, 0} << QString()
        << u"bbbb"_s;
    QTest::newRow("leastconnsrr full tie rotates")
        << u"leastconnsrr"_s << QList<int>{1, 1, 1} << none << none << QString() << u"abcabc"_s;
    QTest::newRow("leastconnsrr, oldest close down")
        << u"leastconnsrr"_s << QList<int>{1, 1, 1} << QList<qint64>{0, 0, 0} << QList<qint64>{300, 100, 200}
        << u"b"_s << u"cccc"_s;
}

void TestSchedulers::exactSequences()
{
    QFETCH(QString, scheduler);
    QFETCH(QList<int>, weights);
    QFETCH(QList<qint64>, active);
    QFETCH(QList<qint64>, lastClosed);
    QFETCH(QString, down);
    QFETCH(QString, expected);

    const HostSet hosts(weights);
    for (qsizetype i = 0; i < active.size(); ++i)
        hosts.at(i)->active = active.at(i);
    for (qsizetype i = 0; i < lastClosed.size(); ++i)
        hosts.at(i)->lastClosedNs = lastClosed.at(i);
    for (const QChar name : down)
        hosts.byName(name)->health = HostHealth::Down;

    const std::unique_ptr<Scheduler> instance = makeScheduler(scheduler, hosts);
    QVERIFY(instance);
    QCOMPARE(sequence(*instance, int(expected.size())), expected);
}

void TestSchedulers::weightChangeRebuildsCycle()
{
    const HostSet hosts({1, 1});
    const std::unique_ptr<Scheduler> scheduler = makeScheduler(u"weighted"_s, hosts);
    QCOMPARE(sequence(*scheduler, 4), u"abab"_s);

    setWeight(hosts.at(0), 3);
    scheduler->weightChanged(hosts.at(0));
    QCOMPARE(sequence(*scheduler, 8), u"aabaaaba"_s);

    setWeight(hosts.at(0), 0);
    scheduler->weightChanged(hosts.at(0));
    QCOMPARE(sequence(*scheduler, 3), u"bbb"_s);

    // Weight 0 stops traffic even before the hook has run.
    setWeight(hosts.at(0), 1);
    scheduler->weightChanged(hosts.at(0));
    setWeight(hosts.at(1), 0);
    QCOMPARE(sequence(*scheduler, 3), u"aaa"_s);
}

void TestSchedulers::largeWeightsStayBounded()
{
    // Weights whose sum is far beyond the cycle bound: the cycle is scaled,
    // proportions survive, and building it stays quick.
    // (Schedulers read the effective weight, the weight in sixteenths: these
    // weights are beyond the cycle bound and their sixteenths still fit an int.)
    const HostSet hosts({100000000, 50000000, 7});
    const std::unique_ptr<Scheduler> scheduler = makeScheduler(u"weighted"_s, hosts);
    QHash<QString, int> counts;
    const int picks = int(WeightedScheduler::MaxCycle);
    for (int i = 0; i < picks; ++i)
        ++counts[scheduler->pick({})->name()];
    QVERIFY2(qAbs(counts.value(u"a"_s) - 2 * counts.value(u"b"_s)) <= 4,
        qPrintable(u"a=%1 b=%2"_s.arg(counts.value(u"a"_s)).arg(counts.value(u"b"_s))));
    QVERIFY(counts.value(u"c"_s) >= 1);  // scaled down, but still in the cycle
    QVERIFY(counts.value(u"c"_s) <= 4);

    const std::unique_ptr<Scheduler> hash = makeScheduler(u"hash"_s, hosts);
    QVERIFY(hash->pick(keyContext(1)) != nullptr);
}

void TestSchedulers::weightedHeavyHostOut()
{
    // With a at weight 1000 out, the next eligible entry of the cycle is
    // far away; the bounded scan falls back to a weighted random choice,
    // which must keep the remaining hosts' shares (2:1 here).
    const int picks = 30000;
    const HostSet hosts({1000, 2, 1});
    hosts.at(0)->health = HostHealth::Down;
    const std::unique_ptr<Scheduler> scheduler = makeScheduler(u"weighted"_s, hosts);
    QList<int> counts(3, 0);
    for (int i = 0; i < picks; ++i) {
        HostRuntime *host = scheduler->pick({});
        QVERIFY(host);
        ++counts[hosts.indexOf(host)];
    }
    QCOMPARE(counts.at(0), 0);
    QVERIFY2(qAbs(counts.at(1) - 2 * picks / 3) <= picks / 3 / 20, qPrintable(QString::number(counts.at(1))));
    QVERIFY2(qAbs(counts.at(2) - picks / 3) <= picks / 3 / 20, qPrintable(QString::number(counts.at(2))));

    hosts.at(1)->adminState = HostAdminState::Maintenance;
    hosts.at(2)->maxConns = 1;
    hosts.at(2)->active = 1;
    QCOMPARE(scheduler->pick({}), nullptr);
}

void TestSchedulers::skipsUnavailable_data()
{
    QTest::addColumn<QString>("scheduler");
    QTest::addColumn<Unavailability>("how");

    const QList<std::pair<const char *, Unavailability>> kinds{
        {"down", Unavailability::Down},
        {"maintenance", Unavailability::Maintenance},
        {"drain", Unavailability::Drain},
        {"removed", Unavailability::Removed},
        {"full", Unavailability::Full},
        {"weight 0", Unavailability::WeightZero},
        {"excluded", Unavailability::Excluded},
    };
    for (const QString &name : allSchedulerNames()) {
        for (const auto &[label, how] : kinds)
            QTest::addRow("%s, %s", qPrintable(name), label) << name << how;
    }
}

void TestSchedulers::skipsUnavailable()
{
    QFETCH(QString, scheduler);
    QFETCH(Unavailability, how);

    const HostSet hosts({1, 1, 1});
    HostRuntime *const skipped = hosts.at(1);
    makeUnavailable(skipped, how);
    const std::unique_ptr<Scheduler> instance = makeScheduler(scheduler, hosts);

    PickContext context;
    const HostRuntime *excluded[] = {skipped};
    if (how == Unavailability::Excluded) {
        context.excluded = excluded;
        context.excludedCount = 1;
    }
    QHash<const HostRuntime *, int> counts;
    for (int i = 0; i < 600; ++i) {
        context.clientKey = quint64(i) * 0x9e3779b97f4a7c15ULL;
        HostRuntime *host = instance->pick(context);
        QVERIFY(host);
        ++counts[host];
    }
    QCOMPARE(counts.value(skipped), 0);
    // The others still share the work (deterministic schedulers split it
    // exactly; the random ones and hash by a wide margin).
    QVERIFY2(counts.value(hosts.at(0)) > 100, qPrintable(QString::number(counts.value(hosts.at(0)))));
    QVERIFY2(counts.value(hosts.at(2)) > 100, qPrintable(QString::number(counts.value(hosts.at(2)))));
}

void TestSchedulers::allUnavailableGivesNull_data()
{
    QTest::addColumn<QString>("scheduler");
    for (const QString &name : allSchedulerNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestSchedulers::allUnavailableGivesNull()
{
    QFETCH(QString, scheduler);

    {
        const HostSet empty({});
        QCOMPARE(makeScheduler(scheduler, empty)->pick(keyContext(1)), nullptr);
    }
    {
        const HostSet hosts({1, 1, 1});
        hosts.at(0)->health = HostHealth::Down;
        hosts.at(1)->adminState = HostAdminState::Maintenance;
        hosts.at(2)->maxConns = 1;
        hosts.at(2)->active = 1;
        const std::unique_ptr<Scheduler> instance = makeScheduler(scheduler, hosts);
        for (quint64 key = 0; key < 20; ++key)
            QCOMPARE(instance->pick(keyContext(key)), nullptr);
        // ... and they are found again as soon as one comes back.
        hosts.at(1)->adminState = HostAdminState::Ready;
        for (quint64 key = 0; key < 20; ++key)
            QCOMPARE(instance->pick(keyContext(key)), hosts.at(1));
    }
    {
        const HostSet hosts({1, 1});
        const std::unique_ptr<Scheduler> instance = makeScheduler(scheduler, hosts);
        const HostRuntime *excluded[] = {hosts.at(0), hosts.at(1)};
        PickContext context;
        context.excluded = excluded;
        context.excludedCount = 2;
        for (quint64 key = 0; key < 20; ++key) {
            context.clientKey = key;
            QCOMPARE(instance->pick(context), nullptr);
        }
    }
    {
        const HostSet hosts({0, 0});
        QCOMPARE(makeScheduler(scheduler, hosts)->pick(keyContext(1)), nullptr);
    }
}

void TestSchedulers::randomIsUniform()
{
    // 30,000 picks over 3 hosts: 10,000 expected each, standard deviation
    // about 82, so +-5% (500) is six deviations: it will not flake, while a
    // biased pick (such as "random start, then the next available", which
    // gives c two thirds once b is down) misses by thousands.
    const int picks = 30000;
    const HostSet hosts({1, 1, 1});
    const std::unique_ptr<Scheduler> scheduler = makeScheduler(u"random"_s, hosts);
    QList<int> counts(3, 0);
    for (int i = 0; i < picks; ++i)
        ++counts[hosts.indexOf(scheduler->pick({}))];
    for (const int count : counts)
        QVERIFY2(qAbs(count - picks / 3) <= picks / 3 / 20, qPrintable(QString::number(count)));

    hosts.at(1)->health = HostHealth::Down;
    counts.fill(0);
    for (int i = 0; i < picks; ++i)
        ++counts[hosts.indexOf(scheduler->pick({}))];
    QCOMPARE(counts.at(1), 0);
    QVERIFY2(qAbs(counts.at(0) - picks / 2) <= picks / 2 / 20, qPrintable(QString::number(counts.at(0))));
    QVERIFY2(qAbs(counts.at(2) - picks / 2) <= picks / 2 / 20, qPrintable(QString::number(counts.at(2))));
}

void TestSchedulers::p2cIsUniformWhenIdle()
{
    const int picks = 30000;
    const HostSet hosts({1, 1, 1});
    const std::unique_ptr<Scheduler> scheduler = makeScheduler(u"p2c"_s, hosts);
    QList<int> counts(3, 0);
    for (int i = 0; i < picks; ++i)
        ++counts[hosts.indexOf(scheduler->pick({}))];
    for (const int count : counts)
        QVERIFY2(qAbs(count - picks / 3) <= picks / 3 / 20, qPrintable(QString::number(count)));
}

void TestSchedulers::p2cPrefersLessLoaded()
{
    // Active 0, 5, 10: each of the three pairs is equally likely and the
    // less loaded one wins, so a takes 2/3, b 1/3 and c nothing.
    const int picks = 30000;
    const HostSet hosts({1, 1, 1});
    hosts.at(1)->active = 5;
    hosts.at(2)->active = 10;
    const std::unique_ptr<Scheduler> scheduler = makeScheduler(u"p2c"_s, hosts);
    QList<int> counts(3, 0);
    for (int i = 0; i < picks; ++i)
        ++counts[hosts.indexOf(scheduler->pick({}))];
    QCOMPARE(counts.at(2), 0);
    QVERIFY2(qAbs(counts.at(0) - 2 * picks / 3) <= picks / 3 / 20, qPrintable(QString::number(counts.at(0))));
    QVERIFY2(qAbs(counts.at(1) - picks / 3) <= picks / 3 / 20, qPrintable(QString::number(counts.at(1))));

    // Relative to weight: 2 active on weight 3 is less loaded than 1 on weight 1.
    const HostSet weighted({3, 1});
    weighted.at(0)->active = 2;
    weighted.at(1)->active = 1;
    const std::unique_ptr<Scheduler> second = makeScheduler(u"p2c"_s, weighted);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(second->pick({}), weighted.at(0));
}

void TestSchedulers::hashIsStable()
{
    const HostSet hosts({1, 1, 1, 1, 1});
    const std::unique_ptr<Scheduler> first = makeScheduler(u"hash"_s, hosts);
    const std::unique_ptr<Scheduler> second = makeScheduler(u"hash"_s, hosts);
    // The same host list with other HostRuntime objects (a reload).
    const HostSet reloaded({1, 1, 1, 1, 1});
    const std::unique_ptr<Scheduler> third = makeScheduler(u"hash"_s, reloaded);
    for (quint64 key = 0; key < 2000; ++key) {
        HostRuntime *host = first->pick(keyContext(key));
        QVERIFY(host);
        QCOMPARE(first->pick(keyContext(key)), host);
        QCOMPARE(second->pick(keyContext(key)), host);
        QCOMPARE(third->pick(keyContext(key))->name(), host->name());
    }
}

void TestSchedulers::hashSpreadsByWeight()
{
    // Deterministic (fixed keys, fixed ring), so the bounds are about
    // quality: 160 virtual nodes per weight keep shares within a few tens of
    // percent of the ideal.
    const int keys = 40000;
    const HostSet hosts({1, 1, 1, 2, 1});
    const std::unique_ptr<Scheduler> scheduler = makeScheduler(u"hash"_s, hosts);
    QList<int> counts(5, 0);
    for (int key = 0; key < keys; ++key)
        ++counts[hosts.indexOf(scheduler->pick(keyContext(quint64(key))))];
    const double unit = keys / 6.0;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const double expected = unit * hosts.at(i)->weight;
        QVERIFY2(counts.at(i) > expected * 0.75 && counts.at(i) < expected * 1.25,
            qPrintable(u"host %1: %2 of %3 expected"_s.arg(i).arg(counts.at(i)).arg(expected)));
    }
}

void TestSchedulers::hashRemovalMovesOnlyThatHostsClients_data()
{
    QTest::addColumn<bool>("rebuild");  // true: a new scheduler without it; false: host down
    QTest::newRow("new scheduler without the host") << true;
    QTest::newRow("host down") << false;
}

void TestSchedulers::hashRemovalMovesOnlyThatHostsClients()
{
    QFETCH(bool, rebuild);

    const int keys = 20000;
    QStringList names;
    for (int i = 0; i < 10; ++i)
        names.append(u"host%1"_s.arg(i));
    const HostSet hosts(QList<int>(10, 1), names);
    const std::unique_ptr<Scheduler> before = makeScheduler(u"hash"_s, hosts);
    QList<QString> assigned;
    for (int key = 0; key < keys; ++key)
        assigned.append(before->pick(keyContext(quint64(key)))->name());

    HostRuntime *const gone = hosts.at(4);
    std::unique_ptr<Scheduler> after;
    if (rebuild) {
        QList<HostRuntime *> remaining = hosts.hosts();
        remaining.removeOne(gone);
        after = SchedulerFactory::create(u"hash"_s, remaining);
    } else {
        gone->health = HostHealth::Down;
    }
    Scheduler &now = rebuild ? *after : *before;

    int moved = 0;
    for (int key = 0; key < keys; ++key) {
        const QString name = now.pick(keyContext(quint64(key)))->name();
        QVERIFY(name != gone->name());
        if (name != assigned.at(key)) {
            ++moved;
            // Only the clients of the host that went away may move.
            QCOMPARE(assigned.at(key), gone->name());
        }
    }
    const double fraction = double(moved) / keys;
    QVERIFY2(fraction > 0.05 && fraction < 0.15, qPrintable(QString::number(fraction)));
    QCOMPARE(moved, int(assigned.count(gone->name())));
}

void TestSchedulers::hashWalksPastExcluded()
{
    const HostSet hosts({1, 1, 1, 1});
    const std::unique_ptr<Scheduler> scheduler = makeScheduler(u"hash"_s, hosts);
    for (quint64 key = 0; key < 200; ++key) {
        PickContext context = keyContext(key);
        HostRuntime *first = scheduler->pick(context);
        const HostRuntime *tried[] = {first, nullptr};
        context.excluded = tried;
        context.excludedCount = 1;
        HostRuntime *second = scheduler->pick(context);
        QVERIFY(second && second != first);
        QCOMPARE(scheduler->pick(context), second);  // the fallback is stable too
        tried[1] = second;
        context.excludedCount = 2;
        HostRuntime *third = scheduler->pick(context);
        QVERIFY(third && third != first && third != second);
    }
}

void TestSchedulers::stickyHoldsAndExpires()
{
    const HostSet hosts({1, 1, 1});
    SchedulerOptions options;
    options.stickyTimeoutMs = 1000;
    StickyScheduler scheduler(hosts.hosts(), options);
    qint64 now = 0;
    scheduler.setClockForTesting([&now] { return now; });

    const quint64 client = 42;
    QCOMPARE(scheduler.pick(keyContext(client)), hosts.at(0));  // new client: round robin from a
    // Other new clients keep the round robin going...
    QCOMPARE(scheduler.pick(keyContext(1)), hosts.at(1));
    QCOMPARE(scheduler.pick(keyContext(2)), hosts.at(2));
    // ... while the known one stays where it was, and each pick renews it.
    for (int i = 0; i < 5; ++i) {
        now += 999;
        QCOMPARE(scheduler.pick(keyContext(client)), hosts.at(0));
    }
    QCOMPARE(scheduler.entryCount(), 3);
    // Client 1 was last seen 4995 ms ago: expired, placed again (round robin: a).
    QCOMPARE(scheduler.pick(keyContext(1)), hosts.at(0));

    // 1001 ms of silence: forgotten, placed again by round robin (next: b, then c).
    now += 1001;
    QCOMPARE(scheduler.pick(keyContext(7)), hosts.at(1));
    QCOMPARE(scheduler.pick(keyContext(client)), hosts.at(2));
    QCOMPARE(scheduler.pick(keyContext(client)), hosts.at(2));

    // Without a timeout, nothing expires.
    options.stickyTimeoutMs = 0;
    StickyScheduler noExpiry(hosts.hosts(), options);
    noExpiry.setClockForTesting([&now] { return now; });
    QCOMPARE(noExpiry.pick(keyContext(client)), hosts.at(0));
    now += qint64(365) * 24 * 3600 * 1000;
    QCOMPARE(noExpiry.pick(keyContext(99)), hosts.at(1));
    QCOMPARE(noExpiry.pick(keyContext(client)), hosts.at(0));
}

void TestSchedulers::stickyMovesWhenHostGoes()
{
    const HostSet hosts({1, 1, 1});
    StickyScheduler scheduler(hosts.hosts(), {});
    qint64 now = 0;
    scheduler.setClockForTesting([&now] { return now; });

    const quint64 client = 5;
    QCOMPARE(scheduler.pick(keyContext(client)), hosts.at(0));
    hosts.at(0)->health = HostHealth::Down;
    HostRuntime *moved = scheduler.pick(keyContext(client));
    QVERIFY(moved && moved != hosts.at(0));
    // Back up: the client stays on its new host rather than flapping back.
    hosts.at(0)->health = HostHealth::Up;
    QCOMPARE(scheduler.pick(keyContext(client)), moved);

    // Excluded (the engine's retry after a failed connect) also moves it.
    const HostRuntime *tried[] = {moved};
    PickContext context = keyContext(client);
    context.excluded = tried;
    context.excludedCount = 1;
    HostRuntime *third = scheduler.pick(context);
    QVERIFY(third && third != moved);
    QCOMPARE(scheduler.pick(keyContext(client)), third);

    // Nothing available: no host, but the memory is kept for when it returns.
    for (HostRuntime *host : hosts.hosts())
        host->health = HostHealth::Down;
    QCOMPARE(scheduler.pick(keyContext(client)), nullptr);
    for (HostRuntime *host : hosts.hosts())
        host->health = HostHealth::Up;
    QCOMPARE(scheduler.pick(keyContext(client)), third);
}

void TestSchedulers::stickyTableIsBounded()
{
    const HostSet hosts({1, 1, 1});
    SchedulerOptions options;
    options.stickyTimeoutMs = 1000;
    options.stickyCapacity = 160;
    StickyScheduler scheduler(hosts.hosts(), options);
    qint64 now = 0;
    scheduler.setClockForTesting([&now] { return now; });

    for (quint64 key = 0; key < 20000; ++key) {
        now = qint64(key) / 100;  // time moves, but slower than the table fills
        QVERIFY(scheduler.pick(keyContext(key)));
        QVERIFY(scheduler.entryCount() <= options.stickyCapacity);
    }
    // The most recent clients are still remembered.
    const HostRuntime *recent = scheduler.pick(keyContext(19999));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(scheduler.pick(keyContext(19999)), recent);

    // Once everything expired, a full shard is cleaned of the expired entries.
    now += 5000;
    for (quint64 key = 100000; key < 100100; ++key)
        QVERIFY(scheduler.pick(keyContext(key)));
    QVERIFY(scheduler.entryCount() <= options.stickyCapacity);
}

void TestSchedulers::concurrentExactShares_data()
{
    QTest::addColumn<QString>("scheduler");
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<QList<int>>("expected");

    // 4 threads x 100,000 picks. Every pick claims its own position in the
    // sequence, so the shares are exact even under contention.
    QTest::newRow("roundrobin") << u"roundrobin"_s << QList<int>{1, 1, 1, 1}
                                << QList<int>{100000, 100000, 100000, 100000};
    QTest::newRow("weighted 3/1") << u"weighted"_s << QList<int>{3, 1} << QList<int>{300000, 100000};
    QTest::newRow("weighted 5/1/1/1")
        << u"weighted"_s << QList<int>{5, 1, 1, 1} << QList<int>{250000, 50000, 50000, 50000};
}

void TestSchedulers::concurrentExactShares()
{
    QFETCH(QString, scheduler);
    QFETCH(QList<int>, weights);
    QFETCH(QList<int>, expected);

    const HostSet hosts(weights);
    const std::unique_ptr<Scheduler> instance = makeScheduler(scheduler, hosts);
    constexpr int threads = 4;
    constexpr int picksPerThread = 100000;
    std::vector<std::vector<int>> counts(threads, std::vector<int>(std::size_t(weights.size()), 0));
    std::atomic<int> nulls{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int i = 0; i < picksPerThread; ++i) {
                HostRuntime *host = instance->pick({});
                if (!host) {
                    nulls.fetch_add(1);
                    continue;
                }
                ++counts[std::size_t(t)][std::size_t(hosts.indexOf(host))];
            }
        });
    }
    for (std::thread &worker : workers)
        worker.join();

    QCOMPARE(nulls.load(), 0);
    QList<int> totals(weights.size(), 0);
    for (const std::vector<int> &perThread : counts) {
        for (std::size_t i = 0; i < perThread.size(); ++i)
            totals[qsizetype(i)] += perThread[i];
    }
    QCOMPARE(totals, expected);
}

void TestSchedulers::concurrentSticky()
{
    const HostSet hosts({1, 1, 1});
    SchedulerOptions options;
    options.stickyCapacity = 1 << 20;  // larger than the client count: nothing evicted
    StickyScheduler scheduler(hosts.hosts(), options);
    scheduler.setClockForTesting([] { return qint64(0); });

    constexpr int threads = 4;
    constexpr int picksPerThread = 100000;
    constexpr int clients = 5000;
    // Per thread, the host each client got (or -1 if it never came).
    std::vector<std::vector<int>> seen(threads, std::vector<int>(clients, -1));
    std::vector<int> picked(threads, 0);
    std::atomic<int> inconsistencies{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            quint64 state = quint64(t) + 1;
            for (int i = 0; i < picksPerThread; ++i) {
                state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                const int client = int((state >> 33) % clients);
                HostRuntime *host = scheduler.pick(keyContext(quint64(client) + 1));
                if (!host)
                    continue;
                ++picked[std::size_t(t)];
                const int index = int(hosts.indexOf(host));
                int &known = seen[std::size_t(t)][std::size_t(client)];
                if (known >= 0 && known != index)
                    inconsistencies.fetch_add(1);
                known = index;
            }
        });
    }
    for (std::thread &worker : workers)
        worker.join();

    int total = 0;
    for (const int count : picked)
        total += count;
    QCOMPARE(total, threads * picksPerThread);
    QCOMPARE(inconsistencies.load(), 0);
    // Every thread saw each client on the same host.
    int distinctClients = 0;
    for (int client = 0; client < clients; ++client) {
        int host = -1;
        for (int t = 0; t < threads; ++t) {
            const int index = seen[std::size_t(t)][std::size_t(client)];
            if (index < 0)
                continue;
            if (host >= 0)
                QCOMPARE(index, host);
            host = index;
        }
        if (host >= 0)
            ++distinctClients;
    }
    QCOMPARE(scheduler.entryCount(), distinctClients);
}

void TestSchedulers::concurrentPicksWithChanges_data()
{
    QTest::addColumn<QString>("scheduler");
    for (const QString &name : allSchedulerNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestSchedulers::concurrentPicksWithChanges()
{
    // Workers pick, acquire and release while the control thread changes
    // weights (rebuilding tables), health and admin state under them: no
    // crash, no host returned that was never eligible, and the books balance.
    QFETCH(QString, scheduler);

    const HostSet hosts({1, 2, 3, 1});
    HostRuntime *const never = hosts.at(3);
    never->adminState = HostAdminState::Maintenance;
    const std::unique_ptr<Scheduler> instance = makeScheduler(scheduler, hosts);

    constexpr int threads = 4;
    constexpr int picksPerThread = 100000;
    std::atomic<bool> stop{false};
    std::atomic<int> picked{0};
    std::atomic<int> nulls{0};
    std::atomic<int> forbidden{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int i = 0; i < picksPerThread; ++i) {
                HostRuntime *host
                    = instance->pick(keyContext(quint64(t) * picksPerThread + quint64(i % 3000)));
                if (!host) {
                    nulls.fetch_add(1, std::memory_order_relaxed);
                    continue;
                }
                if (host == never)
                    forbidden.fetch_add(1, std::memory_order_relaxed);
                picked.fetch_add(1, std::memory_order_relaxed);
                instance->connectionTaken(host);
                if (host->tryAcquire()) {
                    host->release();
                    host->lastClosedNs.store(i, std::memory_order_relaxed);
                }
                instance->connectionDropped(host);
            }
        });
    }
    std::thread control([&] {
        int round = 0;
        while (!stop.load()) {
            HostRuntime *host = hosts.at(round % 3);
            setWeight(host, 1 + round % 4);
            instance->weightChanged(host);
            hosts.at((round + 1) % 3)->health = round % 2 ? HostHealth::Down : HostHealth::Up;
            if (round % 2)
                instance->hostDown(hosts.at((round + 1) % 3));
            else
                instance->hostUp(hosts.at((round + 1) % 3));
            ++round;
            std::this_thread::yield();
        }
    });
    for (std::thread &worker : workers)
        worker.join();
    stop = true;
    control.join();

    QCOMPARE(forbidden.load(), 0);
    QCOMPARE(picked.load() + nulls.load(), threads * picksPerThread);
    // At most one host of three is down at any time, so nearly every pick
    // finds one; a few may lose a race with the health flips.
    QVERIFY2(nulls.load() < threads * picksPerThread / 100, qPrintable(QString::number(nulls.load())));
    for (HostRuntime *host : hosts.hosts())
        QCOMPARE(host->active.load(), 0);
}

QTEST_GUILESS_MAIN(TestSchedulers)
#include "tst_schedulers.moc"
