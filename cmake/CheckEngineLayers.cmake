# cmake -DENGINE_DIR=<repo>/engine -P CheckEngineLayers.cmake
#
# Includes inside the engine point downwards only. Each folder (and the two
# groups of files at the engine's root) may include headers of the units
# listed for it; anything else is reported with file and line, and the check
# fails. Three CMake targets hold these units (docs/architecture.md):
#   balancier_model:   config
#   balancier_runtime: platform, logging, types (enginetypes.h: values the
#                      façade hands out), runtime + scheduling, net, health,
#                      stats, facade (engine*), ops (the operations layer,
#                      the façade's partner: Engine's live edits forward to it),
#                      alerts (the façade owns the delivery; it listens to
#                      the façade's signals)
#   balancier_admin:   admin
# runtime/ and scheduling/ are one layer: a group owns its scheduler and a
# scheduler picks among the group's HostRuntime objects.
cmake_minimum_required(VERSION 3.21)

if(NOT ENGINE_DIR)
  message(FATAL_ERROR "set ENGINE_DIR")
endif()

set(allowed_config     config)
set(allowed_types      types config)
set(allowed_platform   platform)
set(allowed_logging    logging)
set(allowed_runtime    runtime types scheduling config platform logging)
set(allowed_scheduling scheduling types runtime config platform logging)
set(allowed_net        net types runtime scheduling config platform logging)
set(allowed_health     health types runtime scheduling config platform logging)
set(allowed_stats      stats types runtime scheduling config platform logging)
set(allowed_facade     facade ops alerts types net health stats runtime scheduling config platform logging)
set(allowed_alerts     alerts facade types config logging)
set(allowed_ops        ops facade types net health stats runtime scheduling config platform logging)
set(allowed_admin      admin ops alerts facade types net health stats runtime scheduling config platform logging)

# The unit of a header named by an include, relative to the engine's root.
function(unit_of_include include from_unit out_var)
  if(include MATCHES "^([a-z]+)/")
    set(unit "${CMAKE_MATCH_1}")
  elseif(include MATCHES "^(logcategories|loghub)\\.h$")
    set(unit logging)
  elseif(include STREQUAL "enginetypes.h")
    set(unit types)
  elseif(include MATCHES "^engine(private)?\\.h$")
    set(unit facade)
  else()
    set(unit "${from_unit}")  # a bare name: a header of the same folder
  endif()
  set(${out_var} "${unit}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE files RELATIVE "${ENGINE_DIR}" "${ENGINE_DIR}/*.cpp" "${ENGINE_DIR}/*.h")
set(problems 0)
set(checked 0)
foreach(file IN LISTS files)
  if(file MATCHES "^([a-z]+)/")
    set(unit "${CMAKE_MATCH_1}")
  elseif(file MATCHES "^(logcategories|loghub)\\.")
    set(unit logging)
  elseif(file MATCHES "^(enginetypes|hostreason)\\.")
    set(unit types)
  elseif(file MATCHES "^engine(private|reconcile|drain|feedback|tls)?\\.")
    set(unit facade)
  else()
    message(SEND_ERROR "${file}: not in any layer; add it to cmake/CheckEngineLayers.cmake")
    math(EXPR problems "${problems} + 1")
    continue()
  endif()
  if(unit STREQUAL "linkcheck")
    continue()
  endif()
  if(NOT DEFINED allowed_${unit})
    message(SEND_ERROR "${file}: folder ${unit}/ is in no layer; add it to cmake/CheckEngineLayers.cmake")
    math(EXPR problems "${problems} + 1")
    continue()
  endif()
  math(EXPR checked "${checked} + 1")
  file(STRINGS "${ENGINE_DIR}/${file}" lines)
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\"")
      set(include "${CMAKE_MATCH_1}")
      unit_of_include("${include}" "${unit}" target_unit)
      if(NOT target_unit IN_LIST allowed_${unit})
        message(SEND_ERROR "${file}:${number}: includes \"${include}\": "
                           "${unit} may include only ${allowed_${unit}}")
        math(EXPR problems "${problems} + 1")
      endif()
    endif()
  endforeach()
endforeach()

if(problems GREATER 0)
  message(FATAL_ERROR "${problems} include(s) break the engine's layers")
endif()
message(STATUS "engine layers: ${checked} files, every include points downwards")
