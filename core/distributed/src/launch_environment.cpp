#include "vitask/distributed/launch_environment.h"

#include "vitask/common/error.h"

#include <cstdlib>

namespace vitask::distributed {
namespace {

int integer(const LaunchEnvironment::Lookup& lookup, const std::string& name, int fallback, int minimum) {
    const auto text = lookup(name);
    if (!text || text->empty()) return fallback;
    size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(*text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text->size() || value < minimum)
        throw Error("the environment variable is '" + *text + "', not a whole number of at least " +
                        std::to_string(minimum),
                    name, "Launch with torchrun, srun or `vitask train --nproc N`, which set it.");
    return value;
}

}  // namespace

LaunchEnvironment LaunchEnvironment::fromEnvironment(const Lookup& lookup) {
    LaunchEnvironment env;
    std::string rankVariable = "RANK", worldVariable = "WORLD_SIZE";
    if (lookup("WORLD_SIZE")) {
        env.launcher = "torchrun";
        env.rank = integer(lookup, "RANK", 0, 0);
        env.worldSize = integer(lookup, "WORLD_SIZE", 1, 1);
        env.localRank = integer(lookup, "LOCAL_RANK", 0, 0);
    } else if (lookup("SLURM_STEP_ID") && lookup("SLURM_NTASKS")) {
        // Inside srun only: an sbatch script or salloc shell also has SLURM_NTASKS, but
        // a process started there directly is alone and must not wait for the others.
        env.launcher = "slurm";
        rankVariable = "SLURM_PROCID", worldVariable = "SLURM_NTASKS";
        env.rank = integer(lookup, "SLURM_PROCID", 0, 0);
        env.worldSize = integer(lookup, "SLURM_NTASKS", 1, 1);
        env.localRank = integer(lookup, "SLURM_LOCALID", 0, 0);
    } else {
        return env;
    }
    if (env.rank >= env.worldSize)
        throw Error("the rank is " + std::to_string(env.rank) + " in a world of " + std::to_string(env.worldSize),
                    rankVariable + ", " + worldVariable, "Each process needs a rank from 0 to the world size - 1.");
    if (const auto address = lookup("MASTER_ADDR"); address && !address->empty()) {
        env.masterAddress = *address;
    } else if (env.distributed() && env.launcher == "slurm") {
        throw Error("is not set", "MASTER_ADDR",
                    "Set it in the sbatch script to the first node's host name (docs/training.md has one).");
    }
    env.masterPort = integer(lookup, "MASTER_PORT", 29500, 1);
    if (env.masterPort > 65535)
        throw Error("the port " + std::to_string(env.masterPort) + " is out of range", "MASTER_PORT",
                    "Use a free TCP port (1024-65535).");
    return env;
}

LaunchEnvironment LaunchEnvironment::fromEnvironment() {
    return fromEnvironment([](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        return value ? std::optional<std::string>(value) : std::nullopt;
    });
}

}  // namespace vitask::distributed
