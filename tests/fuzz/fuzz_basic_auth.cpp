// Basic-auth header decoding (BasicCredentials::parse, what AdminAuth reads
// an Authorization header with): the input is the header's value. Valid
// credentials written back as a Basic header decode to the same.

#include "fuzzcheck.h"

#include "admin/auth/basiccredentials.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Balancier;
    const QByteArray header = Fuzz::bytes(data, size);
    const BasicCredentials credentials = BasicCredentials::parse(header);
    Fuzz::check((credentials.kind == BasicCredentials::Kind::NotBasic) == !header.startsWith("Basic "),
        "a Basic header not read as Basic, or another read as Basic");
    if (credentials.kind != BasicCredentials::Kind::Valid) {
        Fuzz::check(
            credentials.name.isEmpty() && credentials.password.isEmpty(), "credentials out of nothing");
        return 0;
    }
    Fuzz::check(!credentials.name.contains(u':'), "a user name with a colon");
    const QByteArray again
        = "Basic " + QByteArray(credentials.name.toUtf8() + ':' + credentials.password.toUtf8()).toBase64();
    const BasicCredentials reread = BasicCredentials::parse(again);
    Fuzz::check(reread.kind == BasicCredentials::Kind::Valid, "written credentials do not read back");
    Fuzz::check(reread.name == credentials.name && reread.password == credentials.password,
        "written credentials read back as others");
    return 0;
}
