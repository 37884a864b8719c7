// The PROXY protocol header parser (net/proxyprotocol.h), fed the input once
// whole and once cut into pieces. The first byte says how the pieces are cut.
// What must hold: the same status, header length, addresses and TLVs either
// way; a header never longer than the bounds; what the parser took never
// more than it was given; and a header that carries addresses, rebuilt by
// the builders (v1 and v2), reads back as the same addresses.

#include "fuzzcheck.h"

#include "net/proxyprotocol.h"

#include <algorithm>

using namespace Balancier;
namespace PP = Balancier::ProxyProtocol;

namespace {

struct Outcome
{
    PP::Parser::Status status = PP::Parser::Status::NeedMore;
    qsizetype used = 0;  ///< bytes the parser said were the header's
};

Outcome feedInPieces(PP::Parser &parser, const char *data, qsizetype size, quint8 cut)
{
    Outcome outcome;
    qsizetype at = 0;
    qsizetype piece = 1 + cut % 17;
    while (at < size && outcome.status == PP::Parser::Status::NeedMore) {
        const qsizetype length = std::min(piece, size - at);
        qsizetype consumed = -1;
        outcome.status = parser.feed(data + at, length, &consumed);
        Fuzz::check(consumed >= 0 && consumed <= length, "consumed more than it was given");
        if (outcome.status == PP::Parser::Status::NeedMore)
            Fuzz::check(consumed == length, "needs more but did not take everything");
        outcome.used += consumed;
        at += length;
        piece = 1 + (piece * 7 + cut) % 23;
    }
    return outcome;
}

void checkRoundTrip(const PP::Header &header)
{
    if (!header.carriesAddresses())
        return;
    for (const bool v2 : {false, true}) {
        const PP::Bytes built = v2 ? PP::buildV2(header.source, header.destination, "id", "sni")
                                   : PP::buildV1(header.source, header.destination);
        PP::Parser again;
        Fuzz::check(again.feed(built.constData(), built.size()) == PP::Parser::Status::Done,
            "a built header does not parse");
        Fuzz::check(again.header().length == built.size(), "a built header's length differs");
        Fuzz::check(again.header().source == header.source, "a built header's source reads back as another");
        Fuzz::check(again.header().destination == header.destination,
            "a built header's destination reads back as another");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const quint8 control = data[0];
    const QByteArray input = Fuzz::bytes(data + 1, size - 1);
    const quint8 versions = quint8(1 + control % 3);  // v1, v2 or both

    PP::Parser whole(versions);
    qsizetype consumed = -1;
    const PP::Parser::Status status = whole.feed(input.constData(), input.size(), &consumed);
    Fuzz::check(consumed >= 0 && consumed <= input.size(), "consumed more than it was given");

    PP::Parser pieces(versions);
    const Outcome split = feedInPieces(pieces, input.constData(), input.size(), control);
    Fuzz::check(split.status == status, "whole and in pieces give another status");
    if (status == PP::Parser::Status::Error) {
        Fuzz::check(!whole.error().isEmpty(), "an error without a reason");
        Fuzz::check(whole.error() == pieces.error(), "whole and in pieces give another error");
        return 0;
    }
    if (status == PP::Parser::Status::NeedMore) {
        Fuzz::check(consumed == input.size(), "needs more but did not take everything");
        Fuzz::check(input.size() < PP::MaxV2Length, "needs more after the longest header");
        return 0;
    }
    const PP::Header &header = whole.header();
    Fuzz::check(
        header.length == consumed && header.length == split.used, "header length and bytes taken differ");
    Fuzz::check(
        header.length <= (header.version == 1 ? PP::MaxV1Length : PP::MaxV2Length), "header too long");
    Fuzz::check(pieces.header().source == header.source && pieces.header().destination == header.destination,
        "whole and in pieces give other addresses");
    Fuzz::check(pieces.header().tlvs.size() == header.tlvs.size(), "whole and in pieces give other TLVs");
    for (const PP::Tlv &tlv : header.tlvs)
        Fuzz::check(tlv.offset + tlv.length <= header.length, "a TLV outside the header");
    checkRoundTrip(header);
    return 0;
}
