// The system report names the LibTorch that is running and the BLAS doing the work.
#include "vitask/common/error.h"
#include "vitask/runtime/system_info.h"

#include <torch/torch.h>

#include <QtTest>

#include <filesystem>
#include <thread>

class TestSystemInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reportsRunningLibTorch() {
        const auto& info = vitask::runtime::systemInfo();
        QCOMPARE(info.torchVersion, std::string(TORCH_VERSION));
        QCOMPARE(info.cudaAvailable, torch::cuda::is_available());
        QCOMPARE(info.cpuThreads, at::get_num_threads());
        QVERIFY(!info.version.empty());
    }

    // The project installs libopenblas0-pthread; Debian's LibTorch then runs on OpenBLAS
    // through the libblas.so.3 alternative. Official LibTorch builds carry MKL.
    void detectsAnOptimizedBlas() {
        const auto& blas = vitask::runtime::systemInfo().blas;
        QVERIFY2(blas.optimized, ("BLAS in use: " + blas.name + " " + blas.library).c_str());
        QVERIFY(blas.name == "OpenBLAS" || blas.name == "MKL" || blas.name == "BLIS");
        if (!blas.library.empty()) QVERIFY(std::filesystem::exists(blas.library));
    }

    // LibTorch's matrix products really go through that BLAS: a float matmul agrees with
    // a double-precision reference (a broken BLAS binding gives garbage, not slowness).
    void blasComputesCorrectProducts() {
        torch::manual_seed(0);
        const auto a = torch::randn({257, 129});
        const auto b = torch::randn({129, 63});
        const auto reference = torch::matmul(a.to(torch::kDouble), b.to(torch::kDouble));
        QVERIFY(torch::allclose(torch::matmul(a, b).to(torch::kDouble), reference, 1e-4, 1e-4));
    }

    void setsCpuThreads() {
        QCOMPARE(vitask::runtime::setCpuThreads(3), 3);
        QCOMPARE(at::get_num_threads(), 3);
        QCOMPARE(vitask::runtime::systemInfo().cpuThreads, 3);
        const int all = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        QCOMPARE(vitask::runtime::setCpuThreads(0), all);
        QCOMPARE(at::get_num_threads(), all);
        QVERIFY_THROWS_EXCEPTION(vitask::Error, vitask::runtime::setCpuThreads(-2));
    }

    void formatsReport() {
        const std::string report = vitask::runtime::formatSystemReport(vitask::runtime::systemInfo());
        QVERIFY(report.rfind("vitask " + vitask::runtime::systemInfo().version, 0) == 0);
        QVERIFY(report.find("LibTorch: " + std::string(TORCH_VERSION)) != std::string::npos);
        QVERIFY(report.find("BLAS: " + vitask::runtime::systemInfo().blas.name) != std::string::npos);
        QVERIFY(report.find("warning") == std::string::npos);

        vitask::runtime::SystemInfo slow = vitask::runtime::systemInfo();
        slow.blas = {"reference BLAS", "netlib", "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3", false};
        QVERIFY(vitask::runtime::formatSystemReport(slow).find("install libopenblas0-pthread") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestSystemInfo)
#include "test_system_info.moc"
