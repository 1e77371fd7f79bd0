// A run configuration (YAML) through TrainConfig::parse: keys, types, ranges, presets.
// Whatever parses must also survive the round trip the run directory relies on
// (config.yaml is toYaml() of the resolved configuration, read back on resume).
#include "fuzz_support.h"

#include "vitask/vitask/train_config.h"

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string yaml(vitask::fuzz::asText(data, size));
    return vitask::fuzz::guarded([&] {
        const auto config = vitask::recipe::TrainConfig::parse(yaml, "/fuzz/run.yaml");
        const auto written = config.toYaml();
        try {
            vitask::recipe::TrainConfig::parse(written, "/fuzz/run/config.yaml");
        } catch (const std::exception& e) {
            std::fprintf(stderr, "fuzz: toYaml() of an accepted configuration does not parse back: %s\n%s\n",
                         e.what(), written.c_str());
            std::abort();
        }
    });
}
