// `vitask` as a user runs it: a real child process, its output and exit status.
#include "cli_runner.h"

#include <QtTest>

class TestCliVersion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionReportsLibTorchCudaAndOptimizedBlas() {
        const CliResult r = runCli({QStringLiteral("--version")});
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
    void versionDetectsReferenceBlas() {
        const QString referenceDir = QStringLiteral("/usr/lib/x86_64-linux-gnu/blas");
        if (!QFile::exists(referenceDir + QStringLiteral("/libblas.so.3")))
            QFAIL("Debian's reference BLAS is missing: install libblas3 (libtorch-dev depends on it; scripts/install-deps.sh installs it)");
        const CliResult r = runCli({QStringLiteral("--version")}, {{QStringLiteral("LD_LIBRARY_PATH"), referenceDir}});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.text().contains(QStringLiteral("BLAS: reference BLAS")), qPrintable(r.text()));
        QVERIFY(r.text().contains(QStringLiteral("install libopenblas0-pthread")));
    }

    void noSubcommandPrintsHelp() {
        const CliResult r = runCli({});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.text().contains(QStringLiteral("--log-level")));
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
