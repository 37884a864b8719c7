// The desktop app's Server-Sent Events parser (gui/client/sseparser.*,
// compiled into this target: it needs Qt Core only). The stream is fed
// once whole and once in pieces cut where its first bytes say; both must
// give the same events, since TCP may split the stream anywhere.

#include "fuzzcheck.h"

#include "sseparser.h"

namespace {

using Balancier::SseEvent;
using Balancier::SseParser;

QList<QByteArray> describe(const QList<SseEvent> &events)
{
    QList<QByteArray> list;
    for (const SseEvent &event : events)
        list.append(
            event.type + '\n' + (event.hasId ? "id " + event.id : QByteArray("no id")) + '\n' + event.data);
    return list;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Balancier;
    const QByteArray input = Fuzz::bytes(data, size);
    const qsizetype cutBytes = input.isEmpty() ? 0 : qMin<qsizetype>(input.size() - 1, input.at(0) & 7);
    const QByteArray cuts = input.mid(1, cutBytes);
    const QByteArray stream = input.mid(1 + cutBytes);

    SseParser whole;
    const QList<QByteArray> wholeEvents = describe(whole.feed(stream));

    SseParser pieces;
    QList<SseEvent> events;
    qsizetype offset = 0;
    for (qsizetype cut = 0; offset < stream.size(); ++cut) {
        const qsizetype piece
            = cuts.isEmpty() ? 1 : 1 + static_cast<unsigned char>(cuts.at(cut % cuts.size())) % 32;
        events += pieces.feed(stream.mid(offset, piece));
        offset += piece;
    }
    for (const SseEvent &event : events)
        Fuzz::check(!event.type.isEmpty(), "an event without a type");
    Fuzz::check(describe(events) == wholeEvents, "the events depend on how the stream was cut");
    return 0;
}
