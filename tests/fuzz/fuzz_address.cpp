// The address parser ("host:port", as listen and as backend) and the origin
// parser (<admin origins>, Origin and Referer headers). An address it
// accepts reads back the same from its written form; a backend address is
// also a valid listen address; an origin is a fixed point.

#include "fuzzcheck.h"

#include "config/address.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Balancier;
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    for (const bool forListening : {true, false}) {
        QString error;
        const std::optional<Address> address = parseAddress(text, forListening, &error);
        if (!address) {
            Fuzz::check(!error.isEmpty(), "an address refused without a reason");
            continue;
        }
        Fuzz::check(forListening || address->port != 0, "a backend address with port 0");
        const std::optional<Address> again = parseAddress(address->toString(), forListening);
        Fuzz::check(again.has_value(), "an address written out does not read back");
        Fuzz::check(*again == *address, "an address written out reads back as another");
        if (!forListening)
            Fuzz::check(
                parseAddress(text, true).has_value(), "a backend address refused as a listen address");
    }
    for (const bool allowPath : {false, true}) {
        QString error;
        const QString origin = canonicalOrigin(text, allowPath, &error);
        if (origin.isEmpty()) {
            Fuzz::check(!error.isEmpty(), "an origin refused without a reason");
            continue;
        }
        Fuzz::check(canonicalOrigin(origin, false) == origin, "a canonical origin is not canonical");
    }
    return 0;
}
