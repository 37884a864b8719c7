// The duration parser ("500ms", "2s", "5m", ...): a duration it accepts is
// never negative, and its shortest written form reads back as the same.

#include "fuzzcheck.h"

#include "config/duration.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Balancier;
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    const std::optional<qint64> milliseconds = parseDuration(text);
    if (!milliseconds)
        return 0;
    Fuzz::check(*milliseconds >= 0, "a negative duration");
    const QString written = formatDuration(*milliseconds);
    Fuzz::check(parseDuration(written) == milliseconds, "a duration written out reads back as another");
    return 0;
}
