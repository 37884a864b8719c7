// The TLS ClientHello parser (net/clienthello.h) and the router's name
// matching. The first byte is the peek limit's choice; the rest is what the
// client sent. What must hold: every prefix of the input gives NeedMore or
// the same answer as the whole (a parser that reads the bytes received so
// far must not change its mind when more come, except from NeedMore); a
// Done hello fits the limit and its length is within the input; server
// names are lower case DNS names without a trailing dot; nothing is read
// past the buffer (the input is copied to a buffer of its exact size).

#include "fuzzcheck.h"

#include "net/clienthello.h"
#include "net/tlsrouter.h"

#include <algorithm>

using namespace Balancier;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype limit = 64 + qsizetype(data[0]) * 128;  // 64 bytes to 32 KiB
    const QByteArray input = Fuzz::bytes(data + 1, size - 1);
    const ClientHello whole = ClientHello::parse(input.constData(), input.size(), limit);
    if (whole.status() == ClientHello::Status::Done) {
        Fuzz::check(whole.length() > 0 && whole.length() <= input.size(), "a hello longer than its input");
        Fuzz::check(whole.length() <= limit, "a hello longer than the limit");
        for (const QByteArray &name : whole.serverNames()) {
            Fuzz::check(!name.isEmpty() && !name.endsWith('.'), "an empty name or one with a trailing dot");
            Fuzz::check(name == name.toLower(), "a name not in lower case");
            // The router's matching never reads out of the name either.
            (void)TlsRouter::nameMatches("*.example", name);
            (void)TlsRouter::nameMatches(name, name);
        }
        for (const QByteArray &protocol : whole.alpn())
            Fuzz::check(!protocol.isEmpty() && protocol.size() <= 255, "an ALPN name out of bounds");
    } else {
        Fuzz::check(whole.serverNames().isEmpty(), "names without a complete hello");
        if (whole.status() != ClientHello::Status::NeedMore)
            Fuzz::check(!whole.error().isEmpty(), "a refusal without a reason");
    }
    // Prefixes, as the bytes would arrive: a few cut points, each copied to
    // a buffer of exactly that size.
    const qsizetype cuts[] = {1, 2, 5, 6, 9, input.size() / 2, input.size() - 1};
    for (const qsizetype cut : cuts) {
        if (cut <= 0 || cut >= input.size())
            continue;
        const QByteArray prefix = input.left(cut);
        const ClientHello part = ClientHello::parse(prefix.constData(), prefix.size(), limit);
        if (part.status() == ClientHello::Status::NeedMore)
            continue;
        Fuzz::check(part.status() == whole.status(), "a prefix answers otherwise than the whole");
        if (part.status() == ClientHello::Status::Done) {
            Fuzz::check(part.length() == whole.length(), "a prefix's hello has another length");
            Fuzz::check(part.serverNames() == whole.serverNames(), "a prefix's hello has other names");
        }
    }
    return 0;
}
