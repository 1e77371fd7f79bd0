// vitask::Error composes one actionable message from its parts.
#include "vitask/common/error.h"

#include <QtTest>

class TestError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void composesSubjectProblemAndRemedy() {
        const vitask::Error error("tensor has shape [4,64], expected [520,64]",
                                  "model.safetensors: lm_head.weight",
                                  "Re-export the checkpoint.");
        QCOMPARE(std::string(error.what()),
                 std::string("model.safetensors: lm_head.weight: tensor has shape [4,64], "
                             "expected [520,64]. Re-export the checkpoint."));
        QCOMPARE(error.subject(), std::string("model.safetensors: lm_head.weight"));
        QCOMPARE(error.remedy(), std::string("Re-export the checkpoint."));
    }

    void omitsMissingParts() {
        QCOMPARE(std::string(vitask::Error("out of memory").what()), std::string("out of memory"));
        QCOMPARE(std::string(vitask::Error("no such file", "a.dcm").what()),
                 std::string("a.dcm: no such file"));
        QCOMPARE(std::string(vitask::Error("bad value.", "", "Use 1 to 8.").what()),
                 std::string("bad value. Use 1 to 8."));
    }

    void isCaughtAsStandardException() {
        try {
            throw vitask::Error("broken", "config.yaml: lr");
        } catch (const std::exception& e) {
            QVERIFY(std::string(e.what()).find("config.yaml: lr") == 0);
            return;
        }
        QFAIL("not caught as std::exception");
    }
};

QTEST_APPLESS_MAIN(TestError)
#include "test_error.moc"
