// The config's boolean parser (yes/no/true/false/on/off/1/0): case and
// surrounding blanks aside, it accepts exactly those eight words.

#include "fuzzcheck.h"

#include "config/configxmlstream.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Balancier;
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    const std::optional<bool> value = ConfigXmlStream::parseBool(text);
    const QString word = text.trimmed().toLower();
    const bool isTrue = word == u"yes" || word == u"true" || word == u"on" || word == u"1";
    const bool isFalse = word == u"no" || word == u"false" || word == u"off" || word == u"0";
    Fuzz::check(value.has_value() == (isTrue || isFalse), "a boolean accepted or refused wrongly");
    if (value)
        Fuzz::check(*value == isTrue, "a boolean read as its opposite");
    return 0;
}
