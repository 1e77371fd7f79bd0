// The GPU-server flavour: `-DVITASK_GUI=OFF -DVITASK_IMAGING=OFF` configures and builds
// core and the CLI from LibTorch and small libraries alone, and the result links no Qt,
// DCMTK, ITK or OpenCV library. It is configured as scripts/gpu/run_gpu_checks.sh
// configures it on the GPU machine (benchmarks and GPU checks on), so that the checks
// compile here before a GPU session spends its minutes on them; without CUDA each of
// them answers "skipped".
#include <QDir>
#include <QProcess>
#include <QtTest>

namespace {

QString run(const QString& program, const QStringList& arguments, int timeoutMs, int* exitCode) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    *exitCode = finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAll());
}

}  // namespace

class TestServerBuild : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buildsCoreCliAndGpuChecksWithoutGuiOrImaging() {
        const QString source = qEnvironmentVariable("VITASK_SOURCE_DIR");
        // A sibling of the main build folder: same depth, so ccache reuses its objects.
        const QString build = qEnvironmentVariable("VITASK_BINARY_DIR") + QStringLiteral("-server");
        const QString cmake = qEnvironmentVariable("VITASK_CMAKE");
        int code = 0;

        QString log = run(cmake, {QStringLiteral("-S"), source, QStringLiteral("-B"), build,
                                  QStringLiteral("-DVITASK_GUI=OFF"), QStringLiteral("-DVITASK_IMAGING=OFF"),
                                  QStringLiteral("-DVITASK_BUILD_TESTS=OFF"), QStringLiteral("-DVITASK_BUILD_BENCH=ON"),
                                  QStringLiteral("-DVITASK_BUILD_GPU_CHECKS=ON"),
                                  QStringLiteral("-DTorch_DIR=") + qEnvironmentVariable("VITASK_TORCH_DIR")},
                          600000, &code);
        QVERIFY2(code == 0, qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("Qt6")), qPrintable(log));

        const QStringList checks{QStringLiteral("cuda_parity"), QStringLiteral("bench_llava_cuda"),
                                 QStringLiteral("bench_vitask_step_cuda")};
        log = run(cmake, QStringList{QStringLiteral("--build"), build, QStringLiteral("--parallel"),
                                     QString::number(QThread::idealThreadCount()), QStringLiteral("--target"),
                                     QStringLiteral("vitask"), QStringLiteral("bench_tsm_cpu")} + checks,
                  1500000, &code);
        QVERIFY2(code == 0, qPrintable(log.right(4000)));

        // Without CUDA (Debian's LibTorch has none) every GPU check says so and succeeds.
        for (const auto& check : checks) {
            log = run(build + QStringLiteral("/bin/") + check, {}, 60000, &code);
            QVERIFY2(code == 0 && log.contains(QStringLiteral("\"skipped\":\"no CUDA\"")), qPrintable(check + log));
        }
        log = run(build + QStringLiteral("/bin/bench_tsm_cpu"), {QStringLiteral("--device"), QStringLiteral("cuda")},
                  60000, &code);
        QVERIFY2(code == 0 && log.contains(QStringLiteral("\"skipped\":\"no CUDA\"")), qPrintable(log));

        const QString cli = build + QStringLiteral("/bin/vitask");
        log = run(cli, {QStringLiteral("--version")}, 60000, &code);
        QVERIFY2(code == 0 && log.contains(QStringLiteral("LibTorch: ")), qPrintable(log));

        // Nothing loaded at run time, transitively, comes from Qt, DCMTK or ITK.
        const QString libraries = run(QStringLiteral("ldd"), {cli}, 60000, &code);
        QCOMPARE(code, 0);
        for (const char* forbidden : {"libQt6", "libdcm", "libITK"})
            QVERIFY2(!libraries.contains(QLatin1String(forbidden)),
                     qPrintable(QStringLiteral("%1 loads %2:\n%3").arg(cli, forbidden, libraries)));
        QVERIFY(libraries.contains(QStringLiteral("libvitask_common")));

        // Our own binaries do not link OpenCV either (Debian's LibTorch itself does).
        auto neededBy = [&](const QString& binary) {
            const QString needed = run(QStringLiteral("readelf"), {QStringLiteral("-d"), binary}, 60000, &code);
            return code == 0 && needed.contains(QStringLiteral("(NEEDED)")) ? needed : QString();
        };
        const QString lib = build + QStringLiteral("/lib/");
        for (const QString& binary : {cli, lib + QStringLiteral("libvitask_runtime.so"), lib + QStringLiteral("libvitask_model.so")}) {
            const QString needed = neededBy(binary);
            QVERIFY2(!needed.isEmpty() && !needed.contains(QStringLiteral("libopencv")), qPrintable(binary + needed));
        }
        // The common library stays free of LibTorch, so imaging and the studio's widgets
        // do not load it through common.
        const QString common = neededBy(lib + QStringLiteral("libvitask_common.so"));
        QVERIFY2(!common.isEmpty() && !common.contains(QStringLiteral("libtorch")) && !common.contains(QStringLiteral("libc10")),
                 qPrintable(common));
    }
};

QTEST_GUILESS_MAIN(TestServerBuild)
#include "test_server_build.moc"
