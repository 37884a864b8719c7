// The native config reader (<balancier version="1">): see configfuzz.h.

#include "configfuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return Balancier::Fuzz::fuzzConfig(data, size);
}
