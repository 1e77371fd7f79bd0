#pragma once
// `vitask train --nproc N`: the processes of one data-parallel training job on this
// machine, for users without torchrun. Starts N copies of this very command line (minus
// --nproc) with the variables torchrun sets (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR,
// MASTER_PORT on a free local port), passes Ctrl+C and SIGTERM on to them (each then
// stops at the same step and rank 0 writes the checkpoint), and when one fails stops the
// others. Returns the job's exit status: 0, or the first failing process's.

#include <string>
#include <vector>

namespace vitask::cli {

// The command line as given (main()'s argv), so that the launcher can start copies of it.
void rememberCommandLine(std::vector<std::string> arguments);

int launchLocalProcesses(int count);

}  // namespace vitask::cli
