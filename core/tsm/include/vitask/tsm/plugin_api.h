#pragma once
// The contract between VITask and a compiled TSM plug-in (docs/formats.md, "Compiled TSM
// plug-ins"). A plug-in is a shared library (`*.so`) that exports two C symbols:
//
//   int vitask_tsm_plugin_abi_version();                     // must return kPluginAbiVersion
//   vitask::tsm::Tsm* vitask_tsm_plugin_create(const char* libraryPath);  // new TSM, caller owns it
//
// A C++ object crosses the boundary, so a plug-in must be built with the same compiler,
// standard library and LibTorch as the application (in practice: against the same
// installed VITask headers). The version check guards the layout of Tsm, TsmInfo,
// TsmOutput and InputSpec; the loader also checks what the plug-in returns (metadata,
// output shapes, finite values), so a faulty plug-in is listed as broken instead of
// corrupting the engine. A plug-in that crashes the process cannot be caught.
//
// Define the two entry points with VITASK_TSM_PLUGIN_EXPORT, e.g.
//   VITASK_TSM_PLUGIN_EXPORT int vitask_tsm_plugin_abi_version() { return vitask::tsm::kPluginAbiVersion; }
//   VITASK_TSM_PLUGIN_EXPORT vitask::tsm::Tsm* vitask_tsm_plugin_create(const char* path) { return new MyTsm(path); }

#include "vitask/tsm/tsm.h"

namespace vitask::tsm {

// Bump whenever a change to Tsm, TsmInfo, TsmOutput or InputSpec breaks binary
// compatibility: older plug-ins are then refused with a message instead of crashing.
inline constexpr int kPluginAbiVersion = 1;

inline constexpr const char* kPluginAbiVersionSymbol = "vitask_tsm_plugin_abi_version";
inline constexpr const char* kPluginCreateSymbol = "vitask_tsm_plugin_create";
inline constexpr const char* kPluginSuffix = ".so";

using PluginAbiVersionFunction = int (*)();
// libraryPath: the plug-in's own file, so it can find data installed beside it. May
// throw (the loader reports the message); must not return a TSM it could not set up.
using PluginCreateFunction = Tsm* (*)(const char* libraryPath);

}  // namespace vitask::tsm

#define VITASK_TSM_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))
