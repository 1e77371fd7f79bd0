// The asynchronous service: work runs on one worker thread in order, callbacks arrive on
// it (never on the caller's thread), cancel stops the running answer and drops queued
// ones, errors come back as messages. Real model folders from the fixtures.
#include "service_test_files.h"
#include "vitask/common/sha256.h"
#include "vitask/service/engine_service.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>

using namespace vitask::service;

namespace {

// Waits on the test thread for callbacks from the worker.
class Events {
public:
    void add(const std::string& event) {
        std::lock_guard lock(mutex_);
        events_.push_back(event);
        changed_.notify_all();
    }
    bool waitFor(size_t count, int seconds = 60) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(seconds), [&] { return events_.size() >= count; });
    }
    std::vector<std::string> list() {
        std::lock_guard lock(mutex_);
        return events_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::string> events_;
};

// What `sha256sum FILES...` prints, run in `folder` (empty when it cannot run); with
// `input`, the digest of that text read from stdin.
QByteArray sha256sum(const std::filesystem::path& folder, const QStringList& files, const QByteArray& input = {}) {
    QProcess process;
    process.setWorkingDirectory(QString::fromStdString(folder.string()));
    process.start(QStringLiteral("sha256sum"), files);
    if (!input.isEmpty()) process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitCode() != 0) return {};
    return process.readAllStandardOutput();
}

ModelImage grey(int size = 32) {
    ModelImage image{1, size, size, std::vector<float>(static_cast<size_t>(size * size))};
    for (size_t i = 0; i < image.values.size(); ++i) image.values[i] = static_cast<float>(i % 7) / 7.0f;
    return image;
}

}  // namespace

class TestEngineService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void workRunsInOrderOffTheCallersThread() {
        EngineService service(EngineSettings{DeviceChoice::Cpu, 1, {}});
        Events events;
        const auto caller = std::this_thread::get_id();
        std::atomic<bool> offThread{true};
        ModelInfo loaded;
        service.loadModel(
            test::tinyLlava(),
            [&](const ModelInfo& info) {
                offThread = offThread && std::this_thread::get_id() != caller;
                loaded = info;
                events.add("model");
            },
            [&](const std::string& message) { events.add("error: " + message); });
        AskRequest request;
        request.question = "Describe the image.";
        request.maxNewTokens = 8;
        std::string streamed;
        AskResult answered;
        AskCallbacks callbacks;
        callbacks.onText = [&](const std::string& added) {
            offThread = offThread && std::this_thread::get_id() != caller;
            streamed += added;
            return true;
        };
        service.ask(grey(), request, callbacks,
                    [&](const AskResult& result) {
                        answered = result;
                        events.add("answer");
                    },
                    [&](const std::string& message) { events.add("error: " + message); });
        QVERIFY(service.busy());
        QVERIFY(events.waitFor(2));
        QCOMPARE(events.list(), (std::vector<std::string>{"model", "answer"}));
        QVERIFY(offThread);
        QCOMPARE(loaded.name, std::string("tiny-llava"));
        QCOMPARE(streamed, answered.answer);
        QVERIFY(!answered.generatedIds.empty());
        // `busy` falls once the worker has finished (it reports just after the callback).
        QTRY_VERIFY_WITH_TIMEOUT(!service.busy(), 5000);
    }

    void cancelStopsTheRunningAnswerAndDropsQueuedOnes() {
        EngineService service(EngineSettings{DeviceChoice::Cpu, 1, {}});
        Events events;
        service.loadModel(test::tinyLlava(), [&](const ModelInfo&) { events.add("model"); },
                          [&](const std::string& m) { events.add("error: " + m); });
        QVERIFY(events.waitFor(1));
        AskRequest request;
        request.question = "Describe the image.";
        request.maxNewTokens = 200;
        std::atomic<int64_t> tokensAtCancel{-1};
        std::atomic<int64_t> lastToken{0};
        std::atomic<bool> allPosted{false};
        AskCallbacks callbacks;
        callbacks.onProgress = [&](int64_t tokens, int64_t) {
            lastToken = tokens;
            if (tokens == 2) {
                // The other two answers must be queued before the cancel, whatever the timing.
                while (!allPosted) std::this_thread::sleep_for(std::chrono::milliseconds(1));
                tokensAtCancel = tokens;
                service.cancel();  // from the worker itself: the answer stops at this token
            }
        };
        std::vector<AskResult> results(3);
        for (int i = 0; i < 3; ++i)
            service.ask(grey(), request, i == 0 ? callbacks : AskCallbacks{},
                        [&, i](const AskResult& r) {
                            results[static_cast<size_t>(i)] = r;
                            events.add("answer " + std::to_string(i));
                        },
                        [&](const std::string& m) { events.add("error: " + m); });
        allPosted = true;
        QVERIFY(events.waitFor(4));
        QCOMPARE(events.list()[1], std::string("answer 0"));
        QCOMPARE(results[0].finish, std::string("cancelled"));
        QCOMPARE(lastToken.load(), tokensAtCancel.load());
        QVERIFY(results[0].generatedIds.size() <= 2);
        for (int i = 1; i < 3; ++i) {
            QCOMPARE(results[static_cast<size_t>(i)].finish, std::string("cancelled"));
            QVERIFY(results[static_cast<size_t>(i)].generatedIds.empty());
        }
        // An answer asked after the cancel runs normally.
        request.maxNewTokens = 3;
        service.ask(grey(), request, {}, [&](const AskResult& r) { results[0] = r; events.add("after"); },
                    [&](const std::string& m) { events.add("error: " + m); });
        QVERIFY(events.waitFor(5));
        QVERIFY(results[0].finish != "cancelled");
    }

    void errorsArriveAsMessages() {
        QTemporaryDir dir;
        EngineService service(EngineSettings{DeviceChoice::Cpu, 1, {std::filesystem::path(dir.path().toStdString())}});
        Events events;
        service.loadModel(dir.path().toStdString() + "/missing", [&](const ModelInfo&) { events.add("model"); },
                          [&](const std::string& m) { events.add(m); });
        service.loadTsm("no-such-tsm", [&](const TsmEntry&) { events.add("tsm"); }, [&](const std::string& m) { events.add(m); });
        service.ask(grey(), test::describeTheImage(), {}, [&](const AskResult&) { events.add("answer"); },
                    [&](const std::string& m) { events.add(m); });
        QVERIFY(events.waitFor(3));
        const auto list = events.list();
        QVERIFY2(list[0].find("missing") != std::string::npos, list[0].c_str());
        QVERIFY2(list[1].find("no-such-tsm") != std::string::npos, list[1].c_str());
        QVERIFY2(list[2].find("no model") != std::string::npos, list[2].c_str());
    }

    void listsTsmsWithTheirStatus() {
        QTemporaryDir dir;
        const std::filesystem::path folder = dir.path().toStdString();
        test::writeTsmManifest(folder);
        std::ofstream(folder / "broken.tsm.json") << "{";
        EngineService service(EngineSettings{DeviceChoice::Cpu, 1, {folder}});
        Events events;
        std::vector<TsmEntry> entries;
        service.listTsms([&](const std::vector<TsmEntry>& list) {
            entries = list;
            events.add("list");
        });
        QVERIFY(events.waitFor(1));
        const auto ready = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.name == "squeezenet-demo"; });
        QVERIFY(ready != entries.end());
        QVERIFY(ready->ready);
        QCOMPARE(ready->featureWidth, int64_t{512});
        const auto broken = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return !e.ready; });
        QVERIFY(broken != entries.end());
        QVERIFY(!broken->error.empty());
    }

    // The weights hash is what `sha256sum` says: of the one checkpoint of a LLaVA folder,
    // of the listing `sha256sum` prints for a VITask model's two files, of a TSM's ONNX file.
    void weightsHashesMatchSha256sum() {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const auto vitaskModel = test::writeVitaskModel(root / "vitask-512", 512);
        const auto manifest = test::writeTsmManifest(root / "tsm");
        if (sha256sum(root, {QStringLiteral("--version")}).isEmpty()) QSKIP("sha256sum (coreutils) is not installed");
        {  // a version given in vitask.json
            auto json = nlohmann::json::parse(std::ifstream(vitaskModel / "vitask.json"));
            json["version"] = "2.1";
            std::ofstream(vitaskModel / "vitask.json") << json.dump(2);
        }
        EngineService service(EngineSettings{DeviceChoice::Cpu, 1, {root / "tsm"}});
        Events events;
        ModelInfo llava, vitask;
        TsmEntry tsm;
        service.loadModel(test::tinyLlava(), [&](const ModelInfo& info) { llava = info; events.add("llava"); },
                          [&](const std::string& m) { events.add(m); });
        service.loadModel(vitaskModel, [&](const ModelInfo& info) { vitask = info; events.add("vitask"); },
                          [&](const std::string& m) { events.add(m); });
        service.loadTsm(manifest.string(), [&](const TsmEntry& entry) { tsm = entry; events.add("tsm"); },
                        [&](const std::string& m) { events.add(m); });
        QVERIFY(events.waitFor(3));
        QCOMPARE(events.list(), (std::vector<std::string>{"llava", "vitask", "tsm"}));

        const auto hex = [](const QByteArray& line) { return "sha256:" + line.left(64).toStdString(); };
        QCOMPARE(llava.weightsHash, hex(sha256sum(test::tinyLlava(), {QStringLiteral("model.safetensors")})));
        const QByteArray listing = sha256sum(
            vitaskModel, {QStringLiteral("exemplar_connector.safetensors"), QStringLiteral("model.safetensors")});
        QVERIFY(listing.contains("  exemplar_connector.safetensors\n"));
        QCOMPARE(vitask.weightsHash, hex(sha256sum(vitaskModel, {}, listing)));
        QVERIFY(vitask.weightsHash != llava.weightsHash);
        QCOMPARE(tsm.weightsHash, hex(sha256sum(test::fixture(""), {QStringLiteral("squeezenet_tsm.onnx")})));
        QVERIFY(llava.version.empty());
        QCOMPARE(vitask.version, std::string("2.1"));

        // What hashing costs (the files were just read, so from the page cache).
        QElapsedTimer timer;
        timer.start();
        for (const char* name : {"model.safetensors", "exemplar_connector.safetensors"})
            vitask::sha256OfFile(vitaskModel / name);
        qInfo("hashing the fixture VITask model's weights (%.2f MB) took %.2f ms",
              static_cast<double>(std::filesystem::file_size(vitaskModel / "model.safetensors") +
                                  std::filesystem::file_size(vitaskModel / "exemplar_connector.safetensors")) / 1e6,
              static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }

    void destructionCancelsAndJoins() {
        Events events;
        {
            EngineService service(EngineSettings{DeviceChoice::Cpu, 1, {}});
            service.loadModel(test::tinyLlava(), [&](const ModelInfo&) { events.add("model"); }, {});
            AskRequest request;
            request.question = "Describe the image.";
            request.maxNewTokens = 150;
            AskCallbacks callbacks;
            callbacks.onProgress = [&](int64_t tokens, int64_t) {
                if (tokens == 1) events.add("started");
                std::this_thread::sleep_for(std::chrono::milliseconds(20));  // 150 tokens: 3 s at least
            };
            service.ask(grey(), request, callbacks, [&](const AskResult& r) { events.add("answer " + r.finish); }, {});
            QVERIFY(events.waitFor(2));
        }  // must return promptly, the answer cancelled
        QTRY_COMPARE_WITH_TIMEOUT(events.list().back(), std::string("answer cancelled"), 5000);
    }
};

QTEST_GUILESS_MAIN(TestEngineService)
#include "test_engine_service.moc"
