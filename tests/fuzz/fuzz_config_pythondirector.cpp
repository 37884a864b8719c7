// The pythondirector importer (<pdconfig>): see configfuzz.h. Its corpus
// and dictionary hold pythondirector files and words.

#include "configfuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return Balancier::Fuzz::fuzzConfig(data, size);
}
