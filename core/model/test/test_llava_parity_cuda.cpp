// Parity with Hugging Face transformers 5.17 (../shared/fixtures) on a CUDA device: the
// CPU parity suite (test_llava_parity.cpp) run on the GPU in float32 and bfloat16. A suite
// of its own, so that a machine without CUDA reports this suite skipped and the CPU one
// passed (scripts/skipped_tests.py accepts this reason only).
#include "model_test_support.h"
#include "vitask/model/llava_weights.h"
#include "vitask/model/safetensors.h"

#include <QtTest>

namespace vm = vitask::model;
using vitask::model::test::fixturesDir;
using vitask::model::test::maxAbsDiff;

class TestLlavaParityCuda : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!torch::cuda::is_available()) QSKIP("no CUDA device on this machine");
        reference_ = std::make_unique<vm::SafetensorsReader>(
            vm::SafetensorsReader::open(fixturesDir() / "tiny_llava_reference.safetensors"));
    }

    // The same checkpoint on a CUDA device: float32 (TF32 off) within 1e-4 of
    // transformers; bfloat16 within 2% of the logits' range (bf16 keeps 8 bits of
    // mantissa, so each of the ~20 sequential matmuls adds ~0.4% relative error).
    void cudaParity() {
        torch::NoGradGuard noGrad;
        at::globalContext().setAllowTF32CuDNN(false);
        at::globalContext().setAllowTF32CuBLAS(false);
        const auto ids = reference_->tensor("input_ids").to(torch::kCUDA);
        const auto expected = reference_->tensor("logits");
        auto f32 = vm::loadLlava(fixturesDir() / "tiny-llava", torch::kCUDA, torch::kFloat32);
        const double diff32 = maxAbsDiff(f32->forward(ids, reference_->tensor("pixel_values").to(torch::kCUDA)).cpu(), expected);
        auto bf16 = vm::loadLlava(fixturesDir() / "tiny-llava", torch::kCUDA, torch::kBFloat16);
        const auto logits16 = bf16->forward(ids, reference_->tensor("pixel_values").to(torch::kCUDA, torch::kBFloat16));
        const double range = (expected.max() - expected.min()).item<double>();
        const double diff16 = maxAbsDiff(logits16.to(torch::kFloat32).cpu(), expected);
        qInfo("CUDA max abs diff: float32 %.3g, bfloat16 %.3g (logit range %.3g)", diff32, diff16, range);
        QVERIFY(diff32 <= 1e-4);
        QVERIFY(diff16 <= 0.02 * range);
    }

private:
    std::unique_ptr<vm::SafetensorsReader> reference_;
};

QTEST_APPLESS_MAIN(TestLlavaParityCuda)
#include "test_llava_parity_cuda.moc"
