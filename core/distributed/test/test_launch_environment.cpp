// Where a process stands in a job, from the variables torchrun and srun set: the world,
// the rank, the master; a process alone joins nothing; a bad value names its variable.

#include "vitask/common/error.h"
#include "vitask/distributed/launch_environment.h"

#include <QtTest>

#include <map>

using vitask::distributed::LaunchEnvironment;

namespace {

LaunchEnvironment parse(const std::map<std::string, std::string>& variables) {
    return LaunchEnvironment::fromEnvironment([&](const std::string& name) -> std::optional<std::string> {
        const auto found = variables.find(name);
        return found == variables.end() ? std::nullopt : std::optional<std::string>(found->second);
    });
}

QString errorOf(const std::map<std::string, std::string>& variables) {
    try {
        parse(variables);
    } catch (const vitask::Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace

class TestLaunchEnvironment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aloneJoinsNothing() {
        const auto env = parse({});
        QVERIFY(!env.distributed());
        QCOMPARE(env.launcher, std::string("none"));
        // An sbatch script or salloc shell has SLURM_NTASKS but is not a task of srun.
        QVERIFY(!parse({{"SLURM_NTASKS", "4"}, {"SLURM_PROCID", "0"}}).distributed());
        QVERIFY(!parse({{"WORLD_SIZE", "1"}, {"RANK", "0"}}).distributed());
    }

    void torchrunVariables() {
        const auto env = parse({{"RANK", "3"}, {"WORLD_SIZE", "4"}, {"LOCAL_RANK", "1"}, {"MASTER_ADDR", "node7"},
                                {"MASTER_PORT", "29611"}});
        QVERIFY(env.distributed());
        QCOMPARE(env.rank, 3);
        QCOMPARE(env.worldSize, 4);
        QCOMPARE(env.localRank, 1);
        QCOMPARE(env.masterAddress, std::string("node7"));
        QCOMPARE(env.masterPort, 29611);
        QCOMPARE(env.launcher, std::string("torchrun"));
    }

    void slurmVariablesUnderSrun() {
        const auto env = parse({{"SLURM_STEP_ID", "0"}, {"SLURM_NTASKS", "8"}, {"SLURM_PROCID", "5"},
                                {"SLURM_LOCALID", "1"}, {"MASTER_ADDR", "gpu01"}});
        QCOMPARE(env.launcher, std::string("slurm"));
        QCOMPARE(env.rank, 5);
        QCOMPARE(env.worldSize, 8);
        QCOMPARE(env.localRank, 1);
        QCOMPARE(env.masterPort, 29500);  // torchrun's default
        // torchrun's variables win when both are there (torchrun started inside srun).
        QCOMPARE(parse({{"SLURM_STEP_ID", "0"}, {"SLURM_NTASKS", "2"}, {"SLURM_PROCID", "1"}, {"WORLD_SIZE", "4"},
                        {"RANK", "2"}})
                     .rank,
                 2);
    }

    void badValuesNameTheirVariable() {
        QVERIFY(errorOf({{"WORLD_SIZE", "two"}}).contains("WORLD_SIZE"));
        QVERIFY(errorOf({{"WORLD_SIZE", "2"}, {"RANK", "2"}}).contains("RANK, WORLD_SIZE"));
        QVERIFY(errorOf({{"WORLD_SIZE", "2"}, {"RANK", "-1"}}).contains("RANK"));
        QVERIFY(errorOf({{"WORLD_SIZE", "2"}, {"MASTER_PORT", "70000"}}).contains("MASTER_PORT"));
        const auto noMaster = errorOf({{"SLURM_STEP_ID", "0"}, {"SLURM_NTASKS", "2"}, {"SLURM_PROCID", "0"}});
        QVERIFY2(noMaster.contains("MASTER_ADDR") && noMaster.contains("sbatch"), qPrintable(noMaster));
    }
};

QTEST_GUILESS_MAIN(TestLaunchEnvironment)
#include "test_launch_environment.moc"
