# -DBALANCIER_FUZZ=ON: the build for the libFuzzer targets in tests/fuzz/
# (docs/fuzzing.md). Clang only. Every Balancier target is instrumented for
# coverage (fuzzer-no-link) and built with ASan and UBSan; the fuzz targets
# themselves link libFuzzer's main (tests/fuzz/CMakeLists.txt). Build only
# the fuzz targets in such a tree (`--target fuzz_targets`): the rest would
# build, but nothing runs it there.
if(NOT BALANCIER_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "BALANCIER_FUZZ=ON needs Clang (libFuzzer), but the C++ compiler is "
      "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER}. Configure a separate build directory with "
      "-DCMAKE_CXX_COMPILER=clang++, or run tools/fuzz.sh, which does.")
endif()
if(BALANCIER_SANITIZE)
  message(FATAL_ERROR "BALANCIER_FUZZ=ON builds with ASan and UBSan already; leave BALANCIER_SANITIZE off")
endif()
# -O1 and line tables, whatever the build type (they come after its flags,
# and the last wins): instrumented code at -O2 with full debug information
# takes about twice as long to compile, and a stack trace needs only lines.
# tools/fuzz.sh builds Debug, so that Q_ASSERT holds: a broken one is a finding.
target_compile_options(balancier_common INTERFACE
    -O1 -gline-tables-only
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
target_link_options(balancier_common INTERFACE -fsanitize=address,undefined)
