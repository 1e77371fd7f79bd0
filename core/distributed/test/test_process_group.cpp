// A real group of two processes on c10d/Gloo: this test and a copy of itself started as
// rank 1 (the same executable, told so by VITASK_TEST_SCENARIO). Sums, row gathers,
// broadcasts and gradient averaging give what one process computes by hand; a rank that
// dies makes the other's next collective fail with the message, within the timeout.

#include "vitask/common/error.h"
#include "vitask/common/local_port.h"
#include "vitask/distributed/gradient_averaging.h"
#include "vitask/distributed/process_group.h"

#include <QProcess>
#include <QtTest>


#include <chrono>

using namespace vitask::distributed;

namespace {

constexpr std::chrono::milliseconds kTimeout{20000};


LaunchEnvironment environment(int rank, int port) {
    LaunchEnvironment env;
    env.rank = rank;
    env.worldSize = 2;
    env.masterPort = port;
    env.launcher = "test";
    return env;
}

// The checks both ranks run; "" when every one holds.
std::string collectivesFail(ProcessGroup& group) {
    const int rank = group.rank();
    std::vector<torch::Tensor> sums{torch::full({3}, double(rank + 1), torch::kFloat64), torch::arange(4) * (rank + 1)};
    group.allReduceSum(sums);
    if (!torch::equal(sums[0], torch::full({3}, 3.0, torch::kFloat64))) return "sum of doubles";
    if (!torch::equal(sums[1], torch::arange(4) * 3)) return "sum of integers";

    // Rank 0 gives 2 rows, rank 1 three: 5 rows in rank order.
    const auto rows = torch::full({rank == 0 ? 2 : 3, 2}, float(rank));
    const auto gathered = group.allGatherRows(rows);
    const auto expected = torch::cat({torch::zeros({2, 2}), torch::ones({3, 2})});
    if (!torch::equal(gathered, expected)) return "gathered rows";
    const auto texts = group.allGatherBytes(rank == 0 ? std::string("zero") : std::string("one\0\xff", 5));
    if (texts != std::vector<std::string>{"zero", std::string("one\0\xff", 5)}) return "gathered bytes";
    if (group.allGatherBytes("") != std::vector<std::string>{"", ""}) return "gathered nothing";

    auto value = torch::full({2}, float(rank == 1 ? 7 : 0));
    group.broadcast(value, 1);
    if (!torch::equal(value, torch::full({2}, 7.0f))) return "broadcast";

    // Gradients 1 and 3 average to 2; a parameter without a gradient on rank 1 counts
    // as zeros (4 and nothing average to 2); buckets of 8 bytes split them.
    auto a = torch::zeros({2, 2}, torch::requires_grad());
    auto b = torch::zeros({3}, torch::requires_grad());
    a.mutable_grad() = torch::full({2, 2}, rank == 0 ? 1.0f : 3.0f);
    if (rank == 0) b.mutable_grad() = torch::full({3}, 4.0f);
    averageGradients(group, {a, b}, 8);
    if (!torch::equal(a.grad(), torch::full({2, 2}, 2.0f))) return "averaged gradient";
    if (!b.grad().defined() || !torch::equal(b.grad(), torch::full({3}, 2.0f))) return "gradient missing on one rank";
    group.barrier();
    return {};
}

// Rank 1, in the child process.
int peer(const std::string& scenario) {
    const int port = std::stoi(std::getenv("MASTER_PORT"));
    auto group = ProcessGroup::join(environment(1, port), kTimeout);
    if (scenario == "die") {  // joined (both sides), then gone without a word
        group->barrier();
        ::_exit(3);
    }
    const auto failed = collectivesFail(*group);
    if (!failed.empty()) std::fprintf(stderr, "rank 1: %s\n", failed.c_str());
    return failed.empty() ? 0 : 1;
}

}  // namespace

class TestProcessGroup : public QObject {
    Q_OBJECT

    QProcess peer_;

    int startPeer(const QString& scenario) {
        const int port = vitask::freeLocalPort();
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("VITASK_TEST_SCENARIO", scenario);
        env.insert("MASTER_PORT", QString::number(port));
        peer_.setProcessEnvironment(env);
        peer_.setProcessChannelMode(QProcess::ForwardedChannels);
        peer_.start(QCoreApplication::applicationFilePath(), {});
        return port;
    }

private Q_SLOTS:
    void initTestCase() {
        if (!available()) QFAIL("this build has no c10d/Gloo (libgloo-dev); scripts/install-deps.sh installs it");
    }

    void collectivesAgreeAcrossTwoProcesses() {
        const int port = startPeer("collectives");
        auto group = ProcessGroup::join(environment(0, port), kTimeout);
        QCOMPARE(group->size(), 2);
        const auto failed = collectivesFail(*group);
        QVERIFY2(failed.empty(), failed.c_str());
        QVERIFY(peer_.waitForFinished(30000));
        QCOMPARE(peer_.exitCode(), 0);
    }

    void aRankThatDiesStopsTheOthersWithAMessage() {
        const int port = startPeer("die");
        auto group = ProcessGroup::join(environment(0, port), kTimeout);
        group->barrier();  // the peer is past joining when it dies
        QVERIFY(peer_.waitForFinished(30000));
        QCOMPARE(peer_.exitCode(), 3);
        const auto started = std::chrono::steady_clock::now();
        QString message;
        try {
            std::vector<torch::Tensor> sum{torch::ones({4})};
            group->allReduceSum(sum);
        } catch (const vitask::Error& e) {
            message = e.what();
        }
        const auto waited = std::chrono::steady_clock::now() - started;
        QVERIFY2(message.contains("training process 0 of 2") && message.contains("--resume"), qPrintable(message));
        QVERIFY(waited < kTimeout + std::chrono::seconds(5));
    }
};

int main(int argc, char** argv) {
    if (const char* scenario = std::getenv("VITASK_TEST_SCENARIO")) return peer(scenario);
    QCoreApplication app(argc, argv);
    TestProcessGroup test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_process_group.moc"
