# One INTERFACE target carries the compile settings every Balancier target shares.
add_library(balancier_common INTERFACE)
add_library(Balancier::Common ALIAS balancier_common)

target_compile_features(balancier_common INTERFACE cxx_std_20)
target_compile_definitions(balancier_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    BALANCIER_VERSION="${PROJECT_VERSION}")

if(WIN32)
  # The engine's public headers bring in no Windows header; the internal
  # ones that include winsock2.h define NOMINMAX themselves.
  target_compile_definitions(balancier_common INTERFACE WIN32_LEAN_AND_MEAN)
endif()

if(MSVC)
  target_compile_options(balancier_common INTERFACE /W4 /permissive- /utf-8)
  if(BALANCIER_WERROR)
    target_compile_options(balancier_common INTERFACE /WX)
  endif()
else()
  target_compile_options(balancier_common INTERFACE -Wall -Wextra -pedantic -Wshadow
      -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
      -Wimplicit-fallthrough)
  if(BALANCIER_WERROR)
    target_compile_options(balancier_common INTERFACE -Werror)
  endif()
endif()

if(BALANCIER_SANITIZE)
  if(MSVC)
    target_compile_options(balancier_common INTERFACE /fsanitize=address)
  else()
    target_compile_options(balancier_common INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(balancier_common INTERFACE -fsanitize=address,undefined)
  endif()
endif()
