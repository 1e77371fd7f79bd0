// Compiled plug-ins are probed in a `vitask tsm probe` child before they are loaded: one
// that segfaults, aborts, hangs, leaks or answers NaN is listed Broken with the reason and
// never mapped into this process; the example passes and is loaded; verdicts are cached
// per file and probed again when the file changes; the timeout and the memory limit hold.
// The `vitask` program is $VITASK_CLI (set by CTest).
#include "vitask/common/error.h"
#include "vitask/tsm/plugin_probe.h"
#include "vitask/tsm/tsm_registry.h"

#include <torch/torch.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace vitask::tsm;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Whether this process has a file of that name mapped (a loaded shared library).
bool mappedHere(const std::string& fileName) { return readFile("/proc/self/maps").find(fileName) != std::string::npos; }

// Whether any process still runs with that text in its command line.
bool anyProcessMentions(const std::string& text) {
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const auto name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        auto cmdline = readFile(entry.path() / "cmdline");
        for (auto& c : cmdline)
            if (c == '\0') c = ' ';
        if (cmdline.find(text) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

class TestPluginProbe : public QObject {
    Q_OBJECT
private:
    QTemporaryDir root_;
    fs::path program_;
    fs::path plugins_;  // the example, NaN, segfault, abort and leak plug-ins (copies)
    fs::path hanging_;  // the plug-in that never returns, alone
    int caches_ = 0;

    static constexpr std::uint64_t kTestMemoryLimit = std::uint64_t(2) << 30;
    const std::vector<std::string> broken_{"broken_nan_output", "broken_segfault", "broken_abort", "broken_leak"};

    fs::path path(const std::string& name) const { return fs::path(root_.path().toStdString()) / name; }
    fs::path plugin(const std::string& stem) const { return plugins_ / (stem + ".so"); }

    // Generous time for a good plug-in on a busy machine, a fresh cache folder each call.
    PluginProbeOptions options(std::chrono::milliseconds timeout = std::chrono::seconds(120)) {
        PluginProbeOptions o;
        o.program = program_;
        o.timeout = timeout;
        o.memoryLimitBytes = kTestMemoryLimit;
        o.cacheDir = path("cache-" + std::to_string(++caches_));
        return o;
    }

    static const TsmInfo& entry(const TsmRegistry& registry, const std::string& name) {
        const auto* info = registry.find(name);
        if (!info) throw std::runtime_error("no entry " + name);
        return *info;
    }

    static void expectBroken(const TsmRegistry& registry, const std::string& name, const fs::path& file,
                             const std::vector<std::string>& phrases) {
        const auto& info = entry(registry, name);
        QVERIFY2(!info.ready(), name.c_str());
        QCOMPARE(info.kind, std::string("plugin"));
        QCOMPARE(info.source, file);
        QVERIFY2(info.error.find(file.string()) != std::string::npos, info.error.c_str());
        for (const auto& phrase : phrases)
            QVERIFY2(info.error.find(phrase) != std::string::npos, (phrase + " not in: " + info.error).c_str());
    }

    void expectNoneOfTheBrokenLoadedHere() {
        for (const auto& stem : broken_) QVERIFY2(!mappedHere(stem + ".so"), stem.c_str());
        QVERIFY(!mappedHere("broken_hang.so"));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(root_.isValid());
        program_ = qEnvironmentVariable("VITASK_CLI").toStdString();
        QVERIFY2(!program_.empty() && fs::is_regular_file(program_), "set VITASK_CLI to the vitask program");
        // Copies, so that a test can change a file; the originals stay for the other tests.
        plugins_ = path("plugins");
        hanging_ = path("hanging");
        fs::create_directories(plugins_);
        fs::create_directories(hanging_);
        const fs::path crashing = VITASK_TEST_CRASHING_PLUGIN_DIR;
        fs::copy_file(fs::path(VITASK_TEST_PLUGIN_DIR) / "intensity_histogram_tsm.so", plugin("intensity_histogram_tsm"));
        fs::copy_file(fs::path(VITASK_TEST_BROKEN_PLUGIN_DIR) / "broken_nan_output.so", plugin("broken_nan_output"));
        for (const char* stem : {"broken_segfault", "broken_abort", "broken_leak"})
            fs::copy_file(crashing / (std::string(stem) + ".so"), plugin(stem));
        fs::copy_file(crashing / "broken_hang.so", hanging_ / "broken_hang.so");
        // Nothing from the user's folders or the environment.
        qputenv("VITASK_CONFIG_DIR", QByteArray::fromStdString(path("config").string()));
        qputenv("VITASK_CACHE_DIR", QByteArray::fromStdString(path("default-cache").string()));
        qputenv("VITASK_PLUGIN_PATH", "");
        qputenv("VITASK_TSM_PATH", "");
    }

    void cliProbePrintsOneJsonLine() {
        const auto run = [&](const fs::path& library) {
            QProcess process;
            process.start(QString::fromStdString(program_.string()),
                          {QStringLiteral("--no-log-file"), QStringLiteral("tsm"), QStringLiteral("probe"),
                           QString::fromStdString(library.string())});
            const bool finished = process.waitForFinished(120000);
            return std::make_tuple(finished, process.exitCode(), process.readAllStandardOutput(),
                                   process.readAllStandardError());
        };
        const auto [goodFinished, goodCode, goodOut, goodErr] = run(plugin("intensity_histogram_tsm"));
        QVERIFY(goodFinished);
        QCOMPARE(goodCode, 0);
        QCOMPARE(goodOut.count('\n'), qsizetype(1));
        const auto good = QJsonDocument::fromJson(goodOut).object();
        QCOMPARE(good.value(QStringLiteral("ok")).toBool(false), true);
        QCOMPARE(good.value(QStringLiteral("name")).toString(), QStringLiteral("intensity-histogram"));
        QCOMPARE(good.value(QStringLiteral("labels")).toArray().size(), qsizetype(3));
        QCOMPARE(good.value(QStringLiteral("feature_width")).toInt(), 8);
        QVERIFY2(good.value(QStringLiteral("warnings")).toArray().isEmpty(), goodOut.constData());

        const auto [badFinished, badCode, badOut, badErr] = run(plugin("broken_nan_output"));
        QVERIFY(badFinished);
        QCOMPARE(badCode, 1);
        const auto bad = QJsonDocument::fromJson(badOut).object();
        QCOMPARE(bad.value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY2(bad.value(QStringLiteral("error")).toString().contains(QStringLiteral("NaN values in its output 'logits'")),
                 badOut.constData());
        QVERIFY2(badErr.contains("error: "), badErr.constData());
    }

    void faultyPluginsAreBrokenWithTheReasonAndNeverLoadedHere() {
        const auto registry = TsmRegistry::withFolders({plugins_}, options());
        QVERIFY(registry.pluginProbe());
        QCOMPARE(registry.pluginProbe()->childrenStarted(), size_t(5));
        QCOMPARE(registry.list().size(), size_t(5));
        expectBroken(registry, "broken_segfault", plugin("broken_segfault"),
                     {"crashed with SIGSEGV", "never loaded into this process"});
        expectBroken(registry, "broken_abort", plugin("broken_abort"), {"crashed with SIGABRT"});
        expectBroken(registry, "broken_leak", plugin("broken_leak"), {"ran out of memory (over 2 GiB)"});
        expectBroken(registry, "broken_nan_output", plugin("broken_nan_output"), {"NaN values in its output 'logits'"});
        expectNoneOfTheBrokenLoadedHere();

        // The good one passes, is loaded here and answers.
        const auto& good = entry(registry, "intensity-histogram");
        QVERIFY2(good.ready(), good.error.c_str());
        QCOMPARE(good.featureWidth, int64_t(8));
        QVERIFY(mappedHere(plugin("intensity_histogram_tsm").string()));
        auto tsm = registry.create("intensity-histogram");
        const auto out = tsm->predict(tsm->prepare(torch::full({1, 20, 20}, 0.9f)));
        QCOMPARE(out.probabilities.argmax(1).item<int64_t>(), int64_t(2));  // bright

        try {
            registry.create("broken_segfault");
            QFAIL("a plug-in that crashed its probe was created");
        } catch (const vitask::Error& e) {
            QVERIFY2(std::string(e.what()).find("SIGSEGV") != std::string::npos, e.what());
        }
        expectNoneOfTheBrokenLoadedHere();
    }

    void hangingPluginIsKilledAtTheTimeout() {
        PluginProbe probe(options(std::chrono::seconds(3)));
        QElapsedTimer timer;
        timer.start();
        const auto verdict = probe.probe(hanging_ / "broken_hang.so");
        const double seconds = timer.elapsed() / 1000.0;
        QCOMPARE(verdict.outcome, ProbeOutcome::TimedOut);
        QVERIFY2(verdict.message.find("timed out") != std::string::npos, verdict.message.c_str());
        QVERIFY2(verdict.message.find("within 3 s") != std::string::npos, verdict.message.c_str());
        QVERIFY2(seconds >= 3.0 && seconds < 6.0, qPrintable(QString::number(seconds)));
        // Killed and reaped: no child of ours is left probing it.
        QVERIFY(!anyProcessMentions((hanging_ / "broken_hang.so").string()));

        // Through a registry: listed Broken, never loaded.
        const auto registry = TsmRegistry::withFolders({hanging_}, options(std::chrono::seconds(3)));
        expectBroken(registry, "broken_hang", hanging_ / "broken_hang.so", {"timed out", "within 3 s"});
        expectNoneOfTheBrokenLoadedHere();
    }

    void verdictsAreCachedUntilTheFileChanges() {
        // Copies of their own: the example in plugins_ is loaded here already, and a
        // loaded library's file is better left alone.
        const auto folder = path("cached");
        fs::copy(plugins_, folder);
        const auto in = [&](const std::string& stem) { return folder / (stem + ".so"); };
        const auto o = options();
        {
            const auto first = TsmRegistry::withFolders({folder}, o);
            QCOMPARE(first.pluginProbe()->childrenStarted(), size_t(5));
        }
        for (const auto& stem : broken_) QVERIFY(fs::is_regular_file(PluginProbe(o).cacheFile(in(stem))));

        // The next start: every verdict from the cache, no child, the same listing.
        const auto second = TsmRegistry::withFolders({folder}, o);
        QCOMPARE(second.pluginProbe()->childrenStarted(), size_t(0));
        expectBroken(second, "broken_segfault", in("broken_segfault"), {"crashed with SIGSEGV"});
        expectBroken(second, "broken_leak", in("broken_leak"), {"ran out of memory (over 2 GiB)"});
        QVERIFY(entry(second, "intensity-histogram").ready());

        // A changed file (here: bytes appended, a new size and time) is probed again.
        const auto example = in("intensity_histogram_tsm");
        std::ofstream(example, std::ios::app | std::ios::binary) << "trailing bytes";
        const auto third = TsmRegistry::withFolders({folder}, o);
        QCOMPARE(third.pluginProbe()->childrenStarted(), size_t(1));
        QVERIFY(entry(third, "intensity-histogram").ready());

        // The same size and time but other content: the SHA-256 tells.
        const auto time = fs::last_write_time(example);
        {
            std::fstream file(example, std::ios::in | std::ios::out | std::ios::binary);
            file.seekp(-1, std::ios::end);
            file.put('!');
        }
        fs::last_write_time(example, time);
        const auto fourth = TsmRegistry::withFolders({folder}, o);
        QCOMPARE(fourth.pluginProbe()->childrenStarted(), size_t(1));
        const auto fifth = TsmRegistry::withFolders({folder}, o);
        QCOMPARE(fifth.pluginProbe()->childrenStarted(), size_t(0));

        // --reprobe: the cache is ignored (and refreshed).
        auto again = o;
        again.useCache = false;
        QCOMPARE(TsmRegistry::withFolders({folder}, again).pluginProbe()->childrenStarted(), size_t(5));
        expectNoneOfTheBrokenLoadedHere();
    }

    void timedOutVerdictIsRetriedWithALongerTimeout() {
        auto o = options(std::chrono::seconds(3));
        const auto hang = hanging_ / "broken_hang.so";
        QCOMPARE(PluginProbe(o).check(hang).outcome, ProbeOutcome::TimedOut);
        PluginProbe same(o);
        const auto cached = same.check(hang);
        QCOMPARE(cached.outcome, ProbeOutcome::TimedOut);
        QVERIFY(cached.cached);
        QCOMPARE(same.childrenStarted(), size_t(0));
        o.timeout = std::chrono::seconds(4);  // more time than it had: worth another try
        PluginProbe longer(o);
        QCOMPARE(longer.check(hang).outcome, ProbeOutcome::TimedOut);
        QCOMPARE(longer.childrenStarted(), size_t(1));
    }

    void withoutItsProgramNothingIsLoaded() {
        auto o = options();
        o.program = path("no-such-vitask");
        const auto registry = TsmRegistry::withFolders({plugins_}, o);
        expectBroken(registry, "broken_abort", plugin("broken_abort"), {"could not be checked", "VITASK_CLI"});
        QCOMPARE(registry.pluginProbe()->childrenStarted(), size_t(0));
        // Not a verdict on the plug-in: nothing cached.
        QVERIFY(!fs::exists(PluginProbe(o).cacheFile(plugin("broken_abort"))));
        expectNoneOfTheBrokenLoadedHere();
    }

    void defaultsFollowTheEnvironment() {
        QCOMPARE(PluginProbeOptions::defaultCacheDir(), path("default-cache") / "plugin-probes");
        QCOMPARE(PluginProbeOptions::defaultProgram(), program_);
        const PluginProbeOptions none;
        QVERIFY(!none.enabled());
        QCOMPARE(none.timeout, std::chrono::milliseconds(20000));
        QCOMPARE(none.memoryLimitBytes, std::uint64_t(4) << 30);
        QVERIFY(!TsmRegistry::withFolders({}).pluginProbe());

        const auto studio = PluginProbeOptions::withDefaultProgram();
        QCOMPARE(studio.program, program_);
        QCOMPARE(studio.timeout, std::chrono::milliseconds(20000));
        QCOMPARE(studio.memoryLimitBytes, std::uint64_t(4) << 30);
        qputenv("VITASK_PLUGIN_PROBE_TIMEOUT", "7.5");
        qputenv("VITASK_PLUGIN_PROBE_MEMORY_GIB", "0");
        const auto relaxed = PluginProbeOptions::withDefaultProgram();
        QCOMPARE(relaxed.timeout, std::chrono::milliseconds(7500));
        QCOMPARE(relaxed.memoryLimitBytes, std::uint64_t(0));
        qputenv("VITASK_PLUGIN_PROBE_TIMEOUT", "soon");
        qputenv("VITASK_PLUGIN_PROBE_MEMORY_GIB", "1.5");
        const auto garbled = PluginProbeOptions::withDefaultProgram();
        QCOMPARE(garbled.timeout, std::chrono::milliseconds(20000));
        QCOMPARE(garbled.memoryLimitBytes, std::uint64_t(3) << 29);
        qunsetenv("VITASK_PLUGIN_PROBE_TIMEOUT");
        qunsetenv("VITASK_PLUGIN_PROBE_MEMORY_GIB");
    }

    void cleanupTestCase() { expectNoneOfTheBrokenLoadedHere(); }
};

QTEST_GUILESS_MAIN(TestPluginProbe)
#include "test_plugin_probe.moc"
