// `vitask` as a user runs it: a real child process, its output and exit status.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Result {
    int exitCode;
    QString out;
    QString err;
};

Result runCli(const QStringList& arguments, const QProcessEnvironment& extra = {}) {
    QTemporaryDir data;  // keep log files out of the user's home
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VITASK_DATA_DIR"), data.path());
    for (const QString& key : extra.keys()) env.insert(key, extra.value(key));
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("VITASK_CLI"), arguments);
    if (!process.waitForFinished(120000)) return {-1, {}, QStringLiteral("timed out")};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

}  // namespace

class TestCliVersion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionReportsLibTorchCudaAndOptimizedBlas() {
        const Result r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("vitask ")), qPrintable(r.out));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("^LibTorch: \\d+\\.\\d+"),
                                                  QRegularExpression::MultilineOption)));
        QVERIFY(r.out.contains(QStringLiteral("\nCUDA: ")));
        QVERIFY2(r.out.contains(QStringLiteral("BLAS: OpenBLAS")) || r.out.contains(QStringLiteral("BLAS: MKL")),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("warning")));
    }

    // With the reference BLAS forced in front of the alternatives link, the report must
    // say so and warn: the detection reads what is loaded, not what was configured.
    void versionDetectsReferenceBlas() {
        const QString referenceDir = QStringLiteral("/usr/lib/x86_64-linux-gnu/blas");
        if (!QFile::exists(referenceDir + QStringLiteral("/libblas.so.3")))
            QSKIP("Debian's reference BLAS (libblas3) is not installed here");
        QProcessEnvironment env;
        env.insert(QStringLiteral("LD_LIBRARY_PATH"), referenceDir);
        const Result r = runCli({QStringLiteral("--version")}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("BLAS: reference BLAS")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("install libopenblas0-pthread")));
    }

    void noSubcommandPrintsHelp() {
        const Result r = runCli({});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("--log-level")));
    }

    void badLogLevelIsAnActionableError() {
        const Result r = runCli({QStringLiteral("--log-level"), QStringLiteral("verbose")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--log-level: unknown log level 'verbose'")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("trace, debug, info")));
    }

    void unknownOptionFails() {
        const Result r = runCli({QStringLiteral("--no-such-option")});
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains(QStringLiteral("--no-such-option")));
    }
};

QTEST_GUILESS_MAIN(TestCliVersion)
#include "test_cli_version.moc"
