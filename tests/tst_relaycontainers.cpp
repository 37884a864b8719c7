// The data plane's allocation-free containers: the worker's session lists
// (IntrusiveList) and the relay buffer with its per-thread shelf.
#include "net/intrusivelist.h"
#include "net/relaybuffer.h"

#include <QTest>

#include <vector>

using namespace Balancier;

namespace {

struct Item
{
    int value = 0;
    IntrusiveHook all;
    IntrusiveHook some;
};

using AllList = IntrusiveList<Item, &Item::all>;
using SomeList = IntrusiveList<Item, &Item::some>;

std::vector<int> values(const AllList &list)
{
    std::vector<int> out;
    for (Item *item : list)
        out.push_back(item->value);
    return out;
}

}  // namespace

class TestRelayContainers : public QObject
{
    Q_OBJECT

private slots:
    void listInsertEraseInOrder()
    {
        Item items[5];
        AllList list;
        for (int i = 0; i < 5; ++i) {
            items[i].value = i;
            list.insert(&items[i]);
        }
        list.insert(&items[2]);  // twice: no effect
        QCOMPARE(list.size(), std::size_t(5));
        QCOMPARE(values(list), (std::vector<int>{0, 1, 2, 3, 4}));
        list.erase(&items[0]);  // first
        list.erase(&items[2]);  // middle
        list.erase(&items[4]);  // last
        list.erase(&items[4]);  // not in it: no effect
        QCOMPARE(values(list), (std::vector<int>{1, 3}));
        QVERIFY(list.contains(&items[1]));
        QVERIFY(!list.contains(&items[2]));
        list.insert(&items[2]);  // back, at the end
        QCOMPARE(values(list), (std::vector<int>{1, 3, 2}));
        list.clear();
        QVERIFY(list.empty());
        QVERIFY(!list.contains(&items[1]));
    }

    void itemInTwoListsAtOnce()
    {
        Item items[4];
        AllList all;
        SomeList some;
        for (int i = 0; i < 4; ++i) {
            items[i].value = i;
            all.insert(&items[i]);
            if (i % 2 == 0)
                some.insert(&items[i]);
        }
        some.erase(&items[0]);
        QCOMPARE(all.size(), std::size_t(4));
        QCOMPARE(some.size(), std::size_t(1));
        QCOMPARE(some.first(), &items[2]);
        QCOMPARE(SomeList::next(&items[2]), nullptr);
    }

    // The worker's scan: the cursor is taken before an element is handled,
    // so the handled element may leave the list.
    void eraseWhileWalking()
    {
        Item items[6];
        AllList list;
        for (int i = 0; i < 6; ++i) {
            items[i].value = i;
            list.insert(&items[i]);
        }
        int seen = 0;
        for (Item *item = list.first(); item;) {
            Item *next = AllList::next(item);
            if (item->value % 2)
                list.erase(item);
            ++seen;
            item = next;
        }
        QCOMPARE(seen, 6);
        QCOMPARE(values(list), (std::vector<int>{0, 2, 4}));
    }

    // A buffer given back to the shelf and taken again holds only what is
    // written to it: the bytes of its previous use never come out.
    void reusedBufferHoldsOnlyNewBytes()
    {
        QByteArray first(RelayBuffer::Capacity, 'a');
        {
            RelayBuffer buffer;
            QCOMPARE(buffer.append(first.constData(), first.size()), first.size());
            QVERIFY(buffer.isFull());
            buffer.consume(buffer.size());  // empty: back to the shelf
            QVERIFY(buffer.isEmpty());
            const QByteArray second("backend-2");
            QCOMPARE(buffer.append(second.constData(), second.size()), second.size());
            QCOMPARE(QByteArray(buffer.data(), buffer.size()), second);
        }  // destroyed holding bytes: its buffer goes to the shelf too
        RelayBuffer again;
        const QByteArray third("xyz");
        again.append(third.constData(), third.size());
        QCOMPARE(QByteArray(again.data(), again.size()), third);
        // Compaction keeps the order of the bytes across the reuse.
        again.consume(1);
        QByteArray rest(RelayBuffer::Capacity - 3, 'q');
        QCOMPARE(again.append(rest.constData(), rest.size()), rest.size());
        qsizetype room = 0;
        again.tail(&room);
        QCOMPARE(room, qsizetype(1));
        QCOMPARE(QByteArray(again.data(), 2), QByteArray("yz"));
    }

    // More buffers than the shelf keeps: all are usable and independent.
    void manyBuffersAtOnce()
    {
        std::vector<std::unique_ptr<RelayBuffer>> buffers;
        for (int i = 0; i < 40; ++i) {
            buffers.push_back(std::make_unique<RelayBuffer>());
            const QByteArray name = "b" + QByteArray::number(i);
            buffers.back()->append(name.constData(), name.size());
        }
        for (int i = 0; i < 40; ++i)
            QCOMPARE(QByteArray(buffers[i]->data(), buffers[i]->size()), "b" + QByteArray::number(i));
        buffers.clear();
        RelayBuffer after;
        after.append("ok", 2);
        QCOMPARE(QByteArray(after.data(), after.size()), QByteArray("ok"));
    }
};

QTEST_GUILESS_MAIN(TestRelayContainers)
#include "tst_relaycontainers.moc"
