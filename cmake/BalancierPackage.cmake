# The engine as a CMake package for other programs (docs/embedding.md):
#
#   cmake --install <build> --prefix <prefix> --component devel
#   find_package(Balancier 0.1 REQUIRED)          # in the other program
#   target_link_libraries(app PRIVATE Balancier::engine)
#
# installs
#   <prefix>/lib/libbalancier_engine.a            (static; Qt is found by the package)
#   <prefix>/include/balancier/...                 the engine's headers, in its folder layout
#                                                  (#include <balancier/engine.h>)
#   <prefix>/lib/cmake/Balancier/                  BalancierConfig.cmake, ...ConfigVersion.cmake,
#                                                  BalancierTargets*.cmake
# all in the install component "devel", which no CPack package carries
# (installer/CPackProjectConfig.cmake.in lists the packaged components by name).
#
# Included from the top-level CMakeLists.txt after the engine's targets exist.

include(CMakePackageConfigHelpers)

# The library targets a program links, exported as Balancier::<target>. When
# the engine is split into several libraries, list every one of them here (a
# target that an exported one links must be exported too).
set(BALANCIER_EXPORTED_TARGETS engine balancier_admin balancier_runtime balancier_model)

set(BALANCIER_INSTALL_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}/balancier")
set(BALANCIER_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/Balancier")

# What a consumer of an installed target gets differs from what the targets
# in this tree get: no balancier_common (our warnings, -Werror and the strict
# Qt defines are our rules, not the consumer's) and no source-tree include
# paths, but C++20 (the headers need it). The engine's CMakeLists write the
# build's view; this rewrites their interface once, for every exported
# target, so that they need not know about installing.
function(balancier_prepare_export target)
  get_target_property(dirs ${target} INTERFACE_INCLUDE_DIRECTORIES)
  if(dirs)
    set(wrapped)
    foreach(dir IN LISTS dirs)
      if(dir MATCHES "^\\$<")
        list(APPEND wrapped "${dir}")  # already says where it applies
      else()
        list(APPEND wrapped "$<BUILD_INTERFACE:${dir}>")
      endif()
    endforeach()
    set_property(TARGET ${target} PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${wrapped}")
  endif()

  get_target_property(libs ${target} INTERFACE_LINK_LIBRARIES)
  if(libs)
    set(wrapped)
    foreach(lib IN LISTS libs)
      # PUBLIC balancier_common, or $<LINK_ONLY:balancier_common> when a
      # static library links it PRIVATE.
      if(lib MATCHES "^(\\$<LINK_ONLY:)?(balancier_common|Balancier::Common)>?$")
        list(APPEND wrapped "$<BUILD_INTERFACE:balancier_common>")
      else()
        list(APPEND wrapped "${lib}")
      endif()
    endforeach()
    set_property(TARGET ${target} PROPERTY INTERFACE_LINK_LIBRARIES "${wrapped}")
  endif()

  set_property(TARGET ${target} APPEND PROPERTY INTERFACE_COMPILE_FEATURES cxx_std_20)

  # <prefix>/lib/libengine.a would be anybody's; libbalancier_engine.a is ours.
  get_target_property(type ${target} TYPE)
  get_target_property(output_name ${target} OUTPUT_NAME)
  if(NOT type STREQUAL "INTERFACE_LIBRARY" AND NOT output_name AND NOT target MATCHES "^balancier")
    set_property(TARGET ${target} PROPERTY OUTPUT_NAME "balancier_${target}")
  endif()
endfunction()

foreach(target IN LISTS BALANCIER_EXPORTED_TARGETS)
  balancier_prepare_export(${target})
endforeach()

# Every destination names its COMPONENT (installer/CMakeLists.txt warns otherwise).
# INCLUDES DESTINATION gives the imported targets <prefix>/include, for
# #include <balancier/engine.h>, and <prefix>/include/balancier, where the
# engine's own includes ("config/config.h") resolve as in the tree.
install(TARGETS ${BALANCIER_EXPORTED_TARGETS} EXPORT BalancierTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT devel
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT devel
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT devel
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" "${BALANCIER_INSTALL_INCLUDEDIR}")

# Every engine header, folders kept, except the other platforms' seam files
# (the same rule as the engine's source list). Which of them are public API
# and which may change is docs/embedding.md's business.
if(WIN32)
  set(other_platforms "posix|linux|mac")
elseif(APPLE)
  set(other_platforms "win|linux")
else()
  set(other_platforms "win|mac")
endif()
install(DIRECTORY "${PROJECT_SOURCE_DIR}/engine/"
        DESTINATION "${BALANCIER_INSTALL_INCLUDEDIR}" COMPONENT devel
        FILES_MATCHING PATTERN "*.h"
        REGEX "_(${other_platforms})\\.h$" EXCLUDE)

install(EXPORT BalancierTargets NAMESPACE Balancier::
        DESTINATION "${BALANCIER_INSTALL_CMAKEDIR}" COMPONENT devel)

# The Qt the engine was built with is the oldest a consumer may use: the
# static library holds code compiled against those headers.
set(BALANCIER_QT_MIN_VERSION "${Qt6Core_VERSION}")
configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/BalancierConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/cmake/BalancierConfig.cmake"
    INSTALL_DESTINATION "${BALANCIER_INSTALL_CMAKEDIR}")
# While the version is 0.x, a minor release may change the API
# (docs/embedding.md): 0.1.x satisfies find_package(Balancier 0.1), 0.2 does
# not. From 1.0 on this becomes SameMajorVersion.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(compatibility SameMinorVersion)
else()
  set(compatibility SameMajorVersion)
endif()
write_basic_package_version_file("${PROJECT_BINARY_DIR}/cmake/BalancierConfigVersion.cmake"
    VERSION "${PROJECT_VERSION}" COMPATIBILITY ${compatibility})
install(FILES "${PROJECT_BINARY_DIR}/cmake/BalancierConfig.cmake"
              "${PROJECT_BINARY_DIR}/cmake/BalancierConfigVersion.cmake"
        DESTINATION "${BALANCIER_INSTALL_CMAKEDIR}" COMPONENT devel)
