#pragma once

// The live connection table's types (ConnectionFilter, ConnectionRow,
// ConnectionPage, PickReason, ConnectAttempt, TalkerQuery, Talker) live in
// net/connectiontable.h, where the workers that fill them can include them
// (cmake/CheckEngineLayers.cmake); this header keeps the operations' name.
#include "net/connectiontable.h"
