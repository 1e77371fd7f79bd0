// A worklist's cases answered in the background (EngineService::answerCases) by the
// fixture VITask model and ONNX TSM: each answer is what ask() gives for the case's image
// and request, interactive questions go before the next case, cancelCases() stops the
// batch and nothing else, and a case that cannot be read fails alone.
#include "service_test_files.h"
#include "vitask/service/engine_service.h"
#include "vitask/service/worklist.h"

#include <QTemporaryDir>
#include <QtTest>

#include <condition_variable>
#include <fstream>
#include <mutex>

using namespace vitask::service;
namespace fs = std::filesystem;

namespace {

// Callbacks recorded in the order they arrive on the worker.
class Events {
public:
    void add(const std::string& event) {
        std::lock_guard lock(mutex_);
        events_.push_back(event);
        changed_.notify_all();
    }
    bool waitFor(const std::string& event, int seconds = 120) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(seconds),
                                 [&] { return std::find(events_.begin(), events_.end(), event) != events_.end(); });
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

void compareAnswers(const AskResult& batch, const AskResult& asked) {
    QCOMPARE(batch.finish, asked.finish);
    QCOMPARE(batch.answer, asked.answer);
    QCOMPARE(batch.generatedIds, asked.generatedIds);
    QCOMPARE(batch.answeredWithExemplar, asked.answeredWithExemplar);
    for (const auto& [a, b] : {std::pair{&batch.labels, &asked.labels},
                               std::pair{&batch.labelsWithExemplar, &asked.labelsWithExemplar}}) {
        QCOMPARE(a->size(), b->size());
        for (std::size_t k = 0; k < a->size(); ++k) {
            QCOMPARE((*a)[k].label, (*b)[k].label);
            QVERIFY(std::abs((*a)[k].probability - (*b)[k].probability) < 1e-12);
        }
    }
    QCOMPARE(batch.tsm.has_value(), asked.tsm.has_value());
    if (batch.tsm) QCOMPARE(batch.tsm->top, asked.tsm->top);
    QCOMPARE(batch.saliency.has_value(), asked.saliency.has_value());
    QCOMPARE(batch.vlmLabel, asked.vlmLabel);
}

}  // namespace

class TestAnswerCases : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    fs::path model_, tsmFolder_;
    std::vector<WorklistCase> cases_;  // 3 dermamnist samples and pydicom's CT
    AskRequest request_;

    std::unique_ptr<EngineService> loadedService(bool withTsm = true) {
        auto service = std::make_unique<EngineService>(EngineSettings{DeviceChoice::Cpu, 1, {tsmFolder_}});
        Events events;
        service->loadModel(model_, [&](const ModelInfo&) { events.add("model"); },
                           [&](const std::string& m) { events.add("error: " + m); });
        if (withTsm)
            service->loadTsm("squeezenet-demo", [&](const TsmEntry&) { events.add("tsm"); },
                             [&](const std::string& m) { events.add("error: " + m); });
        service->listTsms([&](const std::vector<TsmEntry>&) { events.add("ready"); });
        events.waitFor("ready");
        for (const auto& e : events.list()) {
            if (e.rfind("error", 0) == 0) qWarning("%s", e.c_str());
        }
        return service;
    }

    // Answers `cases`, recording "case N", "failed N: message" and "finished"/"cancelled".
    void answer(EngineService& service, const std::vector<WorklistCase>& cases, Events& events,
                std::vector<std::optional<CaseAnswer>>& answers,
                const std::function<void(std::size_t)>& afterAnswer = {}) {
        answers.assign(cases.size(), std::nullopt);
        service.answerCases(
            cases, request_,
            [&, afterAnswer](std::size_t i, const CaseAnswer& a) {
                answers[i] = a;
                events.add("case " + std::to_string(i));
                if (afterAnswer) afterAnswer(i);
            },
            [&](std::size_t i, const std::string& error) { events.add("failed " + std::to_string(i) + ": " + error); },
            [&](bool cancelled) { events.add(cancelled ? "cancelled" : "finished"); });
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const fs::path root = dir_.path().toStdString();
        model_ = test::writeVitaskModel(root / "vitask-512", 512);
        tsmFolder_ = root / "tsm";
        test::writeTsmManifest(tsmFolder_);
        const auto npz = test::writeDermaMnist(root / "derma", 3);
        cases_ = listWorklist(npz).cases;
        const auto ct = test::pydicomCtSmall();
        QVERIFY2(!ct.empty(), "python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        fs::create_directories(root / "ct");
        fs::copy_file(ct, root / "ct" / "CT_small.dcm");
        cases_.push_back(listWorklist(root / "ct").cases.at(0));
        request_.task = TaskInfo{"dermamnist", "dermatoscope", test::tsmLabels(), false};
        request_.maxNewTokens = 6;
    }

    // Each answer is ask()'s for the same image and request: without the exemplar (with the
    // TSM's saliency), and with it (the model takes the TSM's 512-wide features).
    void answersEveryCaseAsAsk() {
        auto service = loadedService();
        Events events;
        std::vector<std::optional<CaseAnswer>> answers;
        answer(*service, cases_, events, answers);
        QVERIFY(events.waitFor("finished"));
        QCOMPARE(events.list().size(), cases_.size() + 1);
        for (std::size_t i = 0; i < cases_.size(); ++i) {
            QVERIFY(answers[i].has_value());
            const auto& a = *answers[i];
            const auto image = loadCaseImage(cases_[i]);
            QVERIFY(a.image.values == image.values);
            QVERIFY(a.answer.saliency.has_value());
            QVERIFY(!a.answer.answeredWithExemplar);
            QCOMPARE(a.answer.labels.size(), test::tsmLabels().size());
            QVERIFY(a.answerWithExemplar.has_value());
            QVERIFY(a.answerWithExemplar->answeredWithExemplar);

            AskRequest plain = request_;
            AskRequest withExemplar = request_;
            withExemplar.answerWithExemplar = true;
            withExemplar.saliency = false;
            Events asked;
            AskResult plainResult, exemplarResult;
            service->ask(image, plain, {}, [&](const AskResult& r) { plainResult = r; asked.add("plain"); }, {});
            service->ask(image, withExemplar, {}, [&](const AskResult& r) { exemplarResult = r; asked.add("ep"); }, {});
            QVERIFY(asked.waitFor("ep"));
            compareAnswers(a.answer, plainResult);
            compareAnswers(*a.answerWithExemplar, exemplarResult);
        }
    }

    void withoutATsmThereIsNoExemplarAnswer() {
        auto service = loadedService(false);
        Events events;
        std::vector<std::optional<CaseAnswer>> answers;
        answer(*service, {cases_[0]}, events, answers);
        QVERIFY(events.waitFor("finished"));
        QVERIFY(answers[0].has_value());
        QVERIFY(!answers[0]->answerWithExemplar.has_value());
        QVERIFY(!answers[0]->answer.tsm.has_value());
    }

    // A question asked while the batch runs (here from the first answer's callback, so
    // the timing is fixed) is answered before the next case.
    void interactiveQuestionsGoFirst() {
        auto service = loadedService();
        Events events;
        std::vector<std::optional<CaseAnswer>> answers;
        const auto image = loadCaseImage(cases_[0]);
        answer(*service, cases_, events, answers, [&](std::size_t i) {
            if (i != 0) return;
            service->ask(image, test::describeTheImage(), {}, [&](const AskResult&) { events.add("question"); },
                         [&](const std::string& m) { events.add("error: " + m); });
        });
        QVERIFY(events.waitFor("finished"));
        std::vector<std::string> expected{"case 0", "question"};
        for (std::size_t i = 1; i < cases_.size(); ++i) expected.push_back("case " + std::to_string(i));
        expected.push_back("finished");
        QCOMPARE(events.list(), expected);
    }

    // cancelCases() ends the batch (the cases after it are not answered) and leaves the
    // question asked meanwhile alone; cancel() leaves the batch alone.
    void cancelCasesStopsTheBatchOnly() {
        auto service = loadedService();
        Events events;
        std::vector<std::optional<CaseAnswer>> answers;
        AskResult question;
        const auto image = loadCaseImage(cases_[0]);
        answer(*service, cases_, events, answers, [&](std::size_t i) {
            if (i != 0) return;
            service->ask(image, test::describeTheImage(), {}, [&](const AskResult& r) {
                question = r;
                events.add("question");
            }, {});
            service->cancelCases();
        });
        QVERIFY(events.waitFor("cancelled"));
        QVERIFY(events.waitFor("question"));
        QCOMPARE(events.list(), (std::vector<std::string>{"case 0", "question", "cancelled"}));
        QVERIFY(question.finish != "cancelled");
        QVERIFY(!question.answer.empty() || !question.generatedIds.empty());
        QVERIFY(!answers[1].has_value());

        Events again;
        answer(*service, cases_, again, answers, [&](std::size_t i) {
            if (i == 0) service->cancel();  // an interactive cancel: the batch goes on
        });
        QVERIFY(again.waitFor("finished"));
        QCOMPARE(again.list().size(), cases_.size() + 1);
        QTRY_VERIFY_WITH_TIMEOUT(!service->busy(), 5000);
    }

    // A case that cannot be read fails naming its file; the others are answered.
    void aCorruptFileFailsAlone() {
        const fs::path corrupt = fs::path(dir_.path().toStdString()) / "corrupt.dcm";
        std::ofstream(corrupt, std::ios::binary) << std::string(128, '\0') << "DICM" << std::string(40, '\x7f');
        WorklistCase broken = cases_.back();
        broken.file = corrupt;
        broken.title = "CT · broken";
        auto service = loadedService();
        Events events;
        std::vector<std::optional<CaseAnswer>> answers;
        answer(*service, {cases_[0], broken, cases_[1]}, events, answers);
        QVERIFY(events.waitFor("finished"));
        const auto list = events.list();
        QCOMPARE(list.size(), std::size_t(4));
        QCOMPARE(list[0], std::string("case 0"));
        QVERIFY2(list[1].rfind("failed 1: ", 0) == 0 && list[1].find("corrupt.dcm") != std::string::npos, list[1].c_str());
        QCOMPARE(list[2], std::string("case 2"));
    }

    void anEmptyBatchFinishesAtOnce() {
        EngineService service(EngineSettings{DeviceChoice::Cpu, 1, {}});
        Events events;
        std::vector<std::optional<CaseAnswer>> answers;
        answer(service, {}, events, answers);
        QVERIFY(events.waitFor("finished", 10));
    }
};

QTEST_GUILESS_MAIN(TestAnswerCases)
#include "test_answer_cases.moc"
