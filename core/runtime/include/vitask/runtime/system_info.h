#pragma once
// What LibTorch runs on in this process (compute devices, CPU threads, the BLAS doing
// the CPU matrix work), added to the build's own facts (vitask/common/system_info.h).

#include "vitask/common/system_info.h"

namespace vitask::runtime {

using BlasInfo = vitask::BlasInfo;
using SystemInfo = vitask::SystemInfo;
using vitask::formatSystemReport;

// The current state, engineLoaded set (the BLAS is detected once, the rest is cheap to query).
SystemInfo systemInfo();

// Sets LibTorch's intra-op CPU threads: 0 means one per hardware thread (Debian's
// LibTorch otherwise starts with one). Returns the number set; throws vitask::Error
// for a negative number.
int setCpuThreads(int requested);

}  // namespace vitask::runtime
