// `vitask` as a user runs it: a real child process, its output and exit status.
#include "cli_runner.h"

#include <QtTest>

class TestCliVersion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // --version loads no engine: the version, and the LibTorch it was built with.
    void versionLoadsNothing() {
        const CliResult r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.text().startsWith(QStringLiteral("vitask ")), qPrintable(r.text()));
        QVERIFY(r.text().contains(QRegularExpression(QStringLiteral("^LibTorch: \\d+\\.\\d+.* \\(built with"),
                                                  QRegularExpression::MultilineOption)));
        QVERIFY(!r.text().contains(QStringLiteral("CUDA: ")));
        // What the process loaded: no LibTorch, no command module (the dynamic loader lists
        // every file it loads on stderr under LD_DEBUG=files).
        const CliResult traced = runCli({QStringLiteral("--version")}, {{QStringLiteral("LD_DEBUG"), QStringLiteral("files")}});
        QVERIFY2(traced.err.contains(QStringLiteral("libvitask_common")), qPrintable(traced.err.left(2000)));
        QVERIFY2(!traced.err.contains(QStringLiteral("libtorch")) && !traced.err.contains(QStringLiteral("libvitask_cli_")),
                 "vitask --version loaded LibTorch or a command module");
    }

    void doctorReportsLibTorchCudaAndOptimizedBlas() {
        const CliResult r = runCli({QStringLiteral("doctor")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.text().startsWith(QStringLiteral("vitask ")), qPrintable(r.text()));
        QVERIFY(r.text().contains(QRegularExpression(QStringLiteral("^LibTorch: \\d+\\.\\d+"),
                                                  QRegularExpression::MultilineOption)));
        QVERIFY(r.text().contains(QStringLiteral("\nCUDA: ")));
        QVERIFY2(r.text().contains(QStringLiteral("BLAS: OpenBLAS")) || r.text().contains(QStringLiteral("BLAS: MKL")),
                 qPrintable(r.text()));
        QVERIFY(!r.text().contains(QStringLiteral("warning")));
    }

    // With the reference BLAS forced in front of the alternatives link, the report must
    // say so and warn: the detection reads what is loaded, not what was configured.
    void doctorDetectsReferenceBlas() {
        const QString referenceDir = QStringLiteral("/usr/lib/x86_64-linux-gnu/blas");
        if (!QFile::exists(referenceDir + QStringLiteral("/libblas.so.3")))
            QFAIL("Debian's reference BLAS is missing: install libblas3 (libtorch-dev depends on it; scripts/install-deps.sh installs it)");
        const CliResult r = runCli({QStringLiteral("doctor")}, {{QStringLiteral("LD_LIBRARY_PATH"), referenceDir}});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.text().contains(QStringLiteral("BLAS: reference BLAS")), qPrintable(r.text()));
        QVERIFY(r.text().contains(QStringLiteral("install libopenblas0-pthread")));
    }

    // Every command listed, though no module is loaded.
    void noSubcommandPrintsHelp() {
        const CliResult r = runCli({});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.text().contains(QStringLiteral("--log-level")));
        for (const char* command : {"chat", "train", "eval", "infer", "report", "tsm", "data", "doctor", "image", "pacs"})
            QVERIFY2(r.text().contains(QRegularExpression(QStringLiteral("\\n  %1 ").arg(QLatin1String(command)))), command);
    }

    // The data, image and PACS commands run without LibTorch; the engine's load it. The
    // image commands load ITK and GDCM (JPEG 2000, Analyze, colour NIfTI) only when a
    // file needs them.
    void onlyTheNamedCommandsModuleIsLoaded() {
        const auto loaded = [](const QStringList& arguments) {
            const CliResult r = runCli(arguments, {{QStringLiteral("LD_DEBUG"), QStringLiteral("files")}});
            return r.err;
        };
        const auto image = loaded({QStringLiteral("image"), QStringLiteral("--help")});
        QVERIFY(image.contains(QStringLiteral("libvitask_cli_image")));
        QVERIFY(!image.contains(QStringLiteral("libtorch")) && !image.contains(QStringLiteral("libvitask_cli_engine")));
        QVERIFY(!image.contains(QStringLiteral("libITKCommon")) && !image.contains(QStringLiteral("libgdcm")));
        const auto data = loaded({QStringLiteral("data"), QStringLiteral("--help")});
        QVERIFY(data.contains(QStringLiteral("libvitask_cli_data")) && !data.contains(QStringLiteral("libtorch")));
        const auto pacs = loaded({QStringLiteral("pacs"), QStringLiteral("--help")});
        QVERIFY(pacs.contains(QStringLiteral("libvitask_cli_pacs")) && !pacs.contains(QStringLiteral("libtorch")));
        const auto doctor = loaded({QStringLiteral("doctor")});
        QVERIFY(doctor.contains(QStringLiteral("libvitask_cli_engine")) && doctor.contains(QStringLiteral("libtorch")));
    }

    void unknownCommandFails() {
        const CliResult r = runCli({QStringLiteral("no-such-command")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("no-such-command")), qPrintable(r.err));
    }

    void badLogLevelIsAnActionableError() {
        const CliResult r = runCli({QStringLiteral("--log-level"), QStringLiteral("verbose")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--log-level: unknown log level 'verbose'")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("trace, debug, info")));
    }

    void unknownOptionFails() {
        const CliResult r = runCli({QStringLiteral("--no-such-option")});
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains(QStringLiteral("--no-such-option")));
    }
};

QTEST_GUILESS_MAIN(TestCliVersion)
#include "test_cli_version.moc"
