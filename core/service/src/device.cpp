#include "vitask/service/device.h"

#include "vitask/common/error.h"

namespace vitask::service {

DeviceChoice parseDeviceChoice(const std::string& name, const std::string& subject) {
    if (name == "auto") return DeviceChoice::Auto;
    if (name == "cpu") return DeviceChoice::Cpu;
    if (name == "cuda" || name.rfind("cuda:", 0) == 0) return DeviceChoice::Cuda;
    throw Error("unknown device '" + name + "'", subject, "Use auto, cpu or cuda.");
}

const char* deviceChoiceName(DeviceChoice choice) {
    switch (choice) {
    case DeviceChoice::Auto: return "auto";
    case DeviceChoice::Cpu: return "cpu";
    case DeviceChoice::Cuda: return "cuda";
    }
    return "?";
}

std::string resolveDevice(DeviceChoice choice) {
    if (choice == DeviceChoice::Cpu) return "cpu";
    if (cudaAvailable()) return "cuda:0";
    if (choice == DeviceChoice::Cuda)
        throw Error("CUDA is not available in this build or on this machine", "device",
                    "Choose the CPU (or auto) in the settings.");
    return "cpu";
}

}  // namespace vitask::service
