// The main() of a fuzz target outside a BALANCIER_FUZZ build: feeds every
// file named, or every file under every directory named, to
// LLVMFuzzerTestOneInput once, in name order, as libFuzzer does with
// -runs=0. ctest runs each target so over its corpus and regressions
// (tests/fuzz/CMakeLists.txt). A directory that does not exist is skipped
// (a target without regressions has no folder for them); finding no input
// at all is a failure, so that a moved corpus cannot pass unnoticed.

#include "fuzzcheck.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

namespace {

bool replay(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "error: cannot read %s\n", file.string().c_str());
        return false;
    }
    const std::vector<char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(data.data()), data.size());
    return true;
}

}  // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE-OR-DIRECTORY...\n", argv[0]);
        return 2;
    }
    int replayed = 0;
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        std::error_code error;
        if (std::filesystem::is_directory(path, error)) {
            std::vector<std::filesystem::path> files;
            for (const auto &entry : std::filesystem::recursive_directory_iterator(path)) {
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            }
            std::sort(files.begin(), files.end());
            for (const auto &file : files) {
                std::printf("replaying %s\n", file.string().c_str());
                std::fflush(stdout);
                ok = replay(file) && ok;
                ++replayed;
            }
        } else if (std::filesystem::is_regular_file(path, error)) {
            ok = replay(path) && ok;
            ++replayed;
        } else {
            std::printf("skipped %s: no such file or directory\n", path.string().c_str());
        }
    }
    std::printf("%d inputs replayed\n", replayed);
    if (replayed == 0) {
        std::fprintf(stderr, "error: no input found in the paths given\n");
        return 1;
    }
    return ok ? 0 : 1;
}
