#pragma once
// Where the engine computes: CUDA when present, else the CPU, or what the user chose.

#include <string>

namespace vitask::service {

enum class DeviceChoice { Auto, Cpu, Cuda };

// "auto", "cpu", "cuda" (also "cuda:N"). Throws vitask::Error naming `subject` otherwise.
DeviceChoice parseDeviceChoice(const std::string& name, const std::string& subject);
const char* deviceChoiceName(DeviceChoice choice);

// Whether this build and machine can run CUDA. Loads the engine (LibTorch) the first time
// unless it is loaded already: call it where a wait of a few tenths of a second is fine.
bool cudaAvailable();

// The device a choice resolves to, as LibTorch names it ("cpu", "cuda:0"). Throws
// vitask::Error when CUDA is chosen but not available.
std::string resolveDevice(DeviceChoice choice);

}  // namespace vitask::service
