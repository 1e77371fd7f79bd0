#pragma once
// Where this process stands in a multi-process training job, as the launchers say it:
// torchrun (and Kubernetes' PyTorchJob, and `vitask train --nproc`) set RANK, WORLD_SIZE,
// LOCAL_RANK, MASTER_ADDR and MASTER_PORT; SLURM's srun sets SLURM_PROCID, SLURM_NTASKS
// and SLURM_LOCALID (MASTER_ADDR then comes from the sbatch script, docs/training.md).
// Plain parsing, no LibTorch: a process alone (no variables, or a world of one) is not
// distributed and joins nothing.

#include <functional>
#include <optional>
#include <string>

namespace vitask::distributed {

struct LaunchEnvironment {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddress = "127.0.0.1";
    int masterPort = 29500;
    std::string launcher = "none";  // "torchrun" (RANK/WORLD_SIZE), "slurm" (srun) or "none"

    bool distributed() const { return worldSize > 1; }

    // From the process environment; `lookup` reads a variable (nullopt: unset) so tests
    // can give their own. A malformed or inconsistent value is a vitask::Error naming the
    // variable (RANK=3 with WORLD_SIZE=2, a port that is not a number).
    using Lookup = std::function<std::optional<std::string>(const std::string&)>;
    static LaunchEnvironment fromEnvironment(const Lookup& lookup);
    static LaunchEnvironment fromEnvironment();
};

}  // namespace vitask::distributed
