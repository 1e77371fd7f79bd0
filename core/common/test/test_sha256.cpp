// SHA-256: the FIPS 180-2 test vectors, messages around the padding boundaries and real
// files against `sha256sum` (coreutils), so a weights hash can be checked without VITask.
// CTest runs it twice: with the CPU's SHA extensions when it has them, and with the
// portable rounds (VITASK_SHA256_PORTABLE=1).
#include "vitask/common/error.h"
#include "vitask/common/sha256.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace {

// What `sha256sum` prints for `file`: the digest, or empty when it cannot run.
std::string sha256sum(const std::filesystem::path& file) {
    QProcess process;
    process.start(QStringLiteral("sha256sum"), {QString::fromStdString(file.string())});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) return {};
    return process.readAllStandardOutput().left(64).toStdString();
}

std::filesystem::path writeFile(const QTemporaryDir& dir, const std::string& name, const std::string& bytes) {
    const auto path = std::filesystem::path(dir.path().toStdString()) / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

// Deterministic bytes that are not a repeating pattern.
std::string noise(std::size_t size) {
    std::string bytes(size, '\0');
    std::uint32_t x = 2463534242u;
    for (auto& b : bytes) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b = static_cast<char>(x);
    }
    return bytes;
}

}  // namespace

class TestSha256 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qInfo("portable rounds forced: %s", qgetenv("VITASK_SHA256_PORTABLE") == "1" ? "yes" : "no"); }

    void fipsVectors() {
        QCOMPARE(vitask::sha256Hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(vitask::sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                 std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        QCOMPARE(vitask::sha256Hex(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(vitask::sha256Hex(std::string(1000000, 'a')),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    // Fed in pieces of every size, the digest is that of the whole.
    void piecesMakeTheWhole() {
        const std::string message = noise(300);
        const std::string whole = vitask::sha256Hex(message);
        for (std::size_t piece = 1; piece <= 130; ++piece) {
            vitask::Sha256 hash;
            for (std::size_t at = 0; at < message.size(); at += piece) hash.update(message.substr(at, piece));
            QCOMPARE(hash.hexDigest(), whole);
        }
    }

    // Sizes around the block (64) and padding (56) boundaries, and larger than the read
    // block (1 MiB), as `sha256sum` hashes them.
    void filesMatchSha256sum() {
        QTemporaryDir dir;
        if (sha256sum(writeFile(dir, "probe", "x")).empty()) QSKIP("sha256sum (coreutils) is not installed");
        for (const std::size_t size : {std::size_t{0}, std::size_t{55}, std::size_t{56}, std::size_t{63},
                                       std::size_t{64}, std::size_t{65}, std::size_t{119}, std::size_t{120},
                                       std::size_t{(1 << 20) + 77}, std::size_t{3 << 20}}) {
            const auto file = writeFile(dir, "noise-" + std::to_string(size), noise(size));
            QCOMPARE(vitask::sha256OfFile(file), sha256sum(file));
        }
        // A real file of the project: the fixture checkpoint a weights hash names.
        const auto checkpoint = std::filesystem::path(qgetenv("VITASK_SHARED_DIR").toStdString()) / "fixtures" /
                                "tiny-llava" / "model.safetensors";
        QVERIFY2(std::filesystem::exists(checkpoint), "VITASK_SHARED_DIR does not lead to the fixtures");
        QCOMPARE(vitask::sha256OfFile(checkpoint), sha256sum(checkpoint));
    }

    void missingFileIsNamed() {
        QTemporaryDir dir;
        const auto missing = std::filesystem::path(dir.path().toStdString()) / "missing.safetensors";
        try {
            vitask::sha256OfFile(missing);
            QFAIL("hashed a missing file");
        } catch (const vitask::Error& e) {
            QCOMPARE(e.subject(), missing.string());
        }
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "test_sha256.moc"
