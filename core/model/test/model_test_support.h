#pragma once
// Helpers shared by the model tests.

#include <torch/torch.h>

#include <QString>
#include <QtGlobal>

#include <filesystem>

namespace vitask::model::test {

// The shared reference fixtures (../shared/fixtures; CTest sets VITASK_SHARED_DIR).
inline std::filesystem::path fixturesDir() {
    return std::filesystem::path(qEnvironmentVariable("VITASK_SHARED_DIR").toStdString()) / "fixtures";
}

inline double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

}  // namespace vitask::model::test
