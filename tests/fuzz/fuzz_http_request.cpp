// The admin API's HTTP request parser. The input is a byte stream from a
// client (pipelined requests included); it is fed once whole and once in
// pieces cut where its first bytes say, and both must read the same
// requests and end in the same state: how TCP splits a stream must not
// change what the server understands.

#include "fuzzcheck.h"

#include "admin/http/httpparser.h"

#include <QList>

namespace {

using Balancier::HttpParser;
using Balancier::HttpRequest;

struct Reading
{
    QList<QByteArray> requests;  // method, path, body and headers of each, in a comparable form
    HttpParser::State state = HttpParser::State::NeedMore;
    int errorStatus = 0;
};

QByteArray describe(const HttpRequest &request)
{
    QByteArray text = request.method + ' ' + request.path.toUtf8() + '\n';
    for (const QString &segment : request.segments)
        text += '[' + segment.toUtf8() + ']';
    text += '\n' + request.query.query().toUtf8() + '\n';
    for (const auto &[name, value] : request.headers)
        text += name + ": " + value + '\n';
    text += request.keepAlive ? "keep-alive\n" : "close\n";
    return text + request.body;
}

/// Feeds `stream` in pieces of the sizes `cuts` gives (cycled; empty: whole).
Reading read(const QByteArray &stream, const QByteArray &cuts)
{
    Reading reading;
    HttpParser parser;
    qsizetype offset = 0;
    qsizetype cut = 0;
    // A bound on the rounds: each feeds at least one byte, or takes a request.
    for (int rounds = 0; rounds < 4 * stream.size() + 8; ++rounds) {
        qsizetype piece = stream.size() - offset;
        if (!cuts.isEmpty()) {
            piece = qMin<qsizetype>(piece, 1 + static_cast<unsigned char>(cuts.at(cut % cuts.size())) % 64);
            ++cut;
        }
        reading.state = parser.feed(stream.mid(offset, piece));
        offset += piece;
        if (reading.state == HttpParser::State::Complete) {
            const HttpRequest request = parser.takeRequest();
            reading.requests.append(describe(request));
            Balancier::Fuzz::check(request.method.size() > 0, "a request without a method");
            Balancier::Fuzz::check(
                request.body.size() <= HttpParser::MaxBodyBytes, "a body beyond the limit");
            // The rest of the stream may hold the next request already.
            reading.state = parser.feed({});
            while (reading.state == HttpParser::State::Complete) {
                reading.requests.append(describe(parser.takeRequest()));
                reading.state = parser.feed({});
            }
        }
        if (reading.state == HttpParser::State::Failed) {
            reading.errorStatus = parser.errorStatus();
            Balancier::Fuzz::check(
                reading.errorStatus >= 400 && reading.errorStatus < 600, "a failure without an error status");
            Balancier::Fuzz::check(!parser.errorMessage().isEmpty(), "a failure without a message");
            break;
        }
        if (offset >= stream.size())
            break;
    }
    return reading;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Balancier;
    const QByteArray input = Fuzz::bytes(data, size);
    // The first byte sets how many of the next bytes are cut sizes.
    const qsizetype cutBytes = input.isEmpty() ? 0 : qMin<qsizetype>(input.size() - 1, input.at(0) & 7);
    const QByteArray cuts = input.mid(1, cutBytes);
    const QByteArray stream = input.mid(1 + cutBytes);
    const Reading whole = read(stream, {});
    const Reading pieces = read(stream, cuts.isEmpty() ? QByteArray(1, '\0') : cuts);
    Fuzz::check(whole.requests == pieces.requests, "the requests read depend on how the stream was cut");
    Fuzz::check(whole.state == pieces.state, "the parser's state depends on how the stream was cut");
    Fuzz::check(whole.errorStatus == pieces.errorStatus, "the error depends on how the stream was cut");
    return 0;
}
