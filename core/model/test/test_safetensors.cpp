// SafetensorsReader / writeSafetensors: the shared fixtures read with the names, shapes
// and values an independent Python reader sees; writing round-trips exactly; sharded
// checkpoints resolve; every kind of corruption is rejected with its own message; a
// failed write leaves the old file and no temporary files behind.
#include "vitask/test/error_of.h"
#include "vitask/model/safetensors.h"

#include "vitask/common/error.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <functional>

namespace fs = std::filesystem;
using vitask::model::SafetensorsReader;
using vitask::model::writeSafetensors;

using vitask::test::errorOf;

namespace {

fs::path sharedDir() { return fs::path(qEnvironmentVariable("VITASK_SHARED_DIR").toStdString()); }
fs::path tinyLlavaWeights() { return sharedDir() / "fixtures/tiny-llava/model.safetensors"; }
fs::path referenceOutputs() { return sharedDir() / "fixtures/tiny_llava_reference.safetensors"; }

// Parses a safetensors file by hand with numpy (no safetensors package, no torch) and
// returns {name: {shape, sum, first}}: a reader that shares no code with ours.
nlohmann::json pythonReader(const fs::path& file, const std::vector<std::string>& names) {
    static const char* script = R"(
import json, struct, sys
import numpy as np
path, names = sys.argv[1], sys.argv[2:]
raw = open(path, 'rb').read()
n = struct.unpack('<Q', raw[:8])[0]
header = json.loads(raw[8:8 + n])
types = {'F64': '<f8', 'F32': '<f4', 'F16': '<f2', 'I64': '<i8', 'I32': '<i4', 'U8': 'u1'}
out = {}
for name in names:
    entry = header[name]
    begin, end = entry['data_offsets']
    a = np.frombuffer(raw[8 + n + begin:8 + n + end], dtype=types[entry['dtype']])
    a = a.reshape(entry['shape'])
    out[name] = {'shape': list(a.shape), 'sum': float(a.astype(np.float64).sum()),
                 'first': [float(x) for x in a.reshape(-1)[:4]]}
print(json.dumps(out))
)";
    QStringList arguments{"-c", script, QString::fromStdString(file.string())};
    for (const auto& name : names) arguments << QString::fromStdString(name);
    QProcess python;
    python.start("/usr/bin/python3", arguments);
    if (!python.waitForFinished(60000) || python.exitCode() != 0)
        throw std::runtime_error("python reader failed: " +
                                 python.readAllStandardError().toStdString());
    return nlohmann::json::parse(python.readAllStandardOutput().toStdString());
}

void compareWithPython(const SafetensorsReader& reader, const fs::path& file,
                       const std::vector<std::string>& names) {
    const nlohmann::json expected = pythonReader(file, names);
    for (const auto& name : names) {
        const torch::Tensor tensor = reader.tensor(name);
        const auto& want = expected.at(name);
        QCOMPARE(tensor.sizes().vec(), want.at("shape").get<std::vector<int64_t>>());
        const double sum = tensor.to(torch::kFloat64).sum().item<double>();
        const double wantSum = want.at("sum").get<double>();
        QVERIFY2(std::abs(sum - wantSum) <= 1e-9 * std::max(1.0, std::abs(wantSum)),
                 qPrintable(QString::fromStdString(name) + " sum " + QString::number(sum) +
                            " vs " + QString::number(wantSum)));
        const torch::Tensor flat = tensor.reshape({-1}).to(torch::kFloat64);
        const auto first = want.at("first").get<std::vector<double>>();
        for (size_t i = 0; i < first.size(); ++i)
            QCOMPARE(flat[static_cast<int64_t>(i)].item<double>(), first[i]);
    }
}

// Writes a safetensors file byte by byte, for files our writer refuses to produce.
void writeRaw(const fs::path& path, const std::string& header, const std::string& data,
              std::optional<uint64_t> declaredLength = std::nullopt) {
    const uint64_t length = declaredLength.value_or(header.size());
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 8; ++i) out.put(static_cast<char>(length >> (8 * i)));
    out << header << data;
}

std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Asserts that `action` throws a vitask::Error whose message holds every fragment.
#define VERIFY_ERROR(action, ...)                                                      \
    do {                                                                               \
        const QString message = errorOf([&] { action; });                              \
        QVERIFY2(!message.isEmpty(), "no vitask::Error thrown");                       \
        for (const char* fragment : {__VA_ARGS__})                                     \
            QVERIFY2(message.contains(QString::fromUtf8(fragment)),                    \
                     qPrintable("'" + QString(fragment) + "' not in: " + message));    \
    } while (false)

std::vector<std::string> folderEntries(const fs::path& folder) {
    std::vector<std::string> entries;
    for (const auto& entry : fs::directory_iterator(folder))
        entries.push_back(entry.path().filename().string());
    std::sort(entries.begin(), entries.end());
    return entries;
}

}  // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(fs::exists(tinyLlavaWeights()), "VITASK_SHARED_DIR does not lead to the fixtures");
    }

    void fixtureHasTheNamesAndShapesOfTheNotes() {
        const auto notes = nlohmann::json::parse(
            readBytes(sharedDir() / "fixtures/tiny_llava_notes.json"));
        auto expected = notes.at("saved_weight_names").get<std::vector<std::string>>();
        std::sort(expected.begin(), expected.end());
        QCOMPARE(expected.size(), size_t(80));

        const auto reader = SafetensorsReader::open(tinyLlavaWeights());
        QCOMPARE(reader.names(), expected);
        const std::vector<std::pair<std::string, std::vector<int64_t>>> shapes = {
            {"language_model.lm_head.weight", {520, 64}},
            {"language_model.model.embed_tokens.weight", {520, 64}},
            {"language_model.model.norm.weight", {64}},
            {"multi_modal_projector.linear_1.weight", {64, 64}},
            {"vision_tower.embeddings.patch_embedding.weight", {64, 3, 8, 8}},
            {"vision_tower.embeddings.position_embedding.weight", {17, 64}},
            {"vision_tower.encoder.layers.2.mlp.fc1.weight", {128, 64}},
        };
        for (const auto& [name, shape] : shapes) {
            QCOMPARE(reader.entry(name).shape, shape);
            QCOMPARE(reader.entry(name).dtype, torch::kFloat32);
            QCOMPARE(reader.entry(name).file, tinyLlavaWeights());
            QCOMPARE(reader.tensor(name).sizes().vec(), shape);
        }
        QCOMPARE(reader.metadata().at("format"), std::string("pt"));
        QVERIFY(reader.contains("language_model.lm_head.weight"));
        QVERIFY(!reader.contains("lm_head.weight"));
    }

    void fixtureValuesMatchAnIndependentReader() {
        const auto reader = SafetensorsReader::open(tinyLlavaWeights());
        compareWithPython(reader, tinyLlavaWeights(),
                          {"language_model.lm_head.weight",
                           "language_model.model.layers.1.self_attn.k_proj.weight",
                           "multi_modal_projector.linear_2.bias",
                           "vision_tower.embeddings.patch_embedding.weight",
                           "vision_tower.post_layernorm.weight"});
    }

    void referenceOutputsRead() {
        const auto reader = SafetensorsReader::open(referenceOutputs());
        QCOMPARE(reader.entry("logits").shape, (std::vector<int64_t>{2, 49, 520}));
        QCOMPARE(reader.entry("logits").dtype, torch::kFloat32);
        QCOMPARE(reader.entry("input_ids").dtype, torch::kInt64);
        QCOMPARE(reader.entry("input_ids").shape, (std::vector<int64_t>{2, 49}));
        QCOMPARE(reader.tensor("input_ids")[0][0].item<int64_t>(), int64_t(1));  // BOS
        compareWithPython(reader, referenceOutputs(),
                          {"logits", "input_ids", "generated_ids", "projected_image_features"});
    }

    void tensorsOutliveTheReader() {
        torch::Tensor norm;
        double sum = 0;
        {
            const auto reader = SafetensorsReader::open(tinyLlavaWeights());
            norm = reader.tensor("language_model.model.norm.weight");
            sum = norm.sum().item<double>();
            // Aligned data is a view of the mapping, not a copy.
            QCOMPARE(reader.tensor("language_model.model.norm.weight").data_ptr(), norm.data_ptr());
        }
        QCOMPARE(norm.sum().item<double>(), sum);  // the mapping is still alive
    }

    void missingTensorIsNamed() {
        const auto reader = SafetensorsReader::open(tinyLlavaWeights());
        VERIFY_ERROR(reader.tensor("no.such.weight"), "no.such.weight");
        VERIFY_ERROR(reader.entry("no.such.weight"), "no.such.weight");
    }

    void roundTripIsExact() {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "round.safetensors";
        torch::manual_seed(7);
        const torch::Tensor wide = torch::randn({4, 6});
        const std::vector<std::pair<std::string, torch::Tensor>> tensors = {
            {"f32", torch::randn({3, 5})},
            {"f16", torch::randn({7}).to(torch::kFloat16)},
            {"bf16", torch::randn({2, 3}).to(torch::kBFloat16)},
            {"f64", torch::randn({2}, torch::kFloat64)},
            {"i64", torch::arange(-5, 7, torch::kInt64).reshape({3, 4})},
            {"i32", torch::tensor({-2147483647 - 1, 0, 2147483647}, torch::kInt32)},
            {"i16", torch::tensor({-32768, 1, 32767}, torch::kInt16)},
            {"i8", torch::tensor({-128, 0, 127}, torch::kInt8)},
            {"u8", torch::tensor({0, 128, 255}, torch::kUInt8)},
            {"bool", torch::tensor({true, false, true})},
            {"empty", torch::empty({0, 3})},
            {"scalar", torch::tensor(3.25)},
            {"transposed", wide.t()},      // non-contiguous input
            {"sliced", wide.slice(1, 1, 6, 2)},
        };
        const std::map<std::string, std::string> metadata = {{"format", "pt"}, {"run", "α-1"}};
        writeSafetensors(file, tensors, metadata);

        // The header is padded so the data is 8-byte aligned.
        const std::string bytes = readBytes(file);
        uint64_t headerLength = 0;
        std::memcpy(&headerLength, bytes.data(), 8);
        QCOMPARE(headerLength % 8, uint64_t(0));

        const auto reader = SafetensorsReader::open(file);
        QCOMPARE(reader.metadata(), metadata);
        const std::vector<std::string> names = reader.names();
        QCOMPARE(names.size(), tensors.size());
        QVERIFY(std::is_sorted(names.begin(), names.end()));
        for (const auto& [name, original] : tensors) {
            const torch::Tensor read = reader.tensor(name);
            QCOMPARE(read.scalar_type(), original.scalar_type());
            QCOMPARE(read.sizes().vec(), original.sizes().vec());
            QVERIFY2(torch::equal(read, original), name.c_str());
        }
        QCOMPARE(reader.tensor("scalar").dim(), int64_t(0));
        // Python reads what we wrote.
        compareWithPython(reader, file, {"f32", "transposed", "i64", "u8"});
    }

    void misalignedDataIsCopied() {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "odd.safetensors";
        // 8 + 61 header bytes: the data starts at an odd address in the mapping.
        std::string header =
            R"({"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
        header.append(61 - header.size(), ' ');
        const float values[2] = {1.5f, -2.25f};
        writeRaw(file, header, std::string(reinterpret_cast<const char*>(values), 8));
        const torch::Tensor x = SafetensorsReader::open(file).tensor("x");
        QCOMPARE(x[0].item<float>(), 1.5f);
        QCOMPARE(x[1].item<float>(), -2.25f);
    }

    void shardedCheckpointReadsThroughFolderAndIndex() {
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        const torch::Tensor a = torch::randn({4, 4}), b = torch::arange(6), c = torch::ones({2});
        writeSafetensors(folder / "model-00001-of-00002.safetensors", {{"a", a}, {"b", b}},
                         {{"format", "pt"}});
        writeSafetensors(folder / "model-00002-of-00002.safetensors", {{"c", c}},
                         {{"format", "other"}});
        std::ofstream(folder / "model.safetensors.index.json") << R"({
            "metadata": {"total_size": 96},
            "weight_map": {"a": "model-00001-of-00002.safetensors",
                           "b": "model-00001-of-00002.safetensors",
                           "c": "model-00002-of-00002.safetensors"}})";

        for (const fs::path& path : {folder, folder / "model.safetensors.index.json"}) {
            const auto reader = SafetensorsReader::open(path);
            QCOMPARE(reader.names(), (std::vector<std::string>{"a", "b", "c"}));
            QVERIFY(torch::equal(reader.tensor("a"), a));
            QVERIFY(torch::equal(reader.tensor("b"), b));
            QVERIFY(torch::equal(reader.tensor("c"), c));
            QCOMPARE(reader.entry("c").file, folder / "model-00002-of-00002.safetensors");
            QCOMPARE(reader.metadata().at("format"), std::string("pt"));  // first shard
        }
    }

    void folderPrefersTheSingleFile() {
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        const std::string folderName = folder.string();
        VERIFY_ERROR(SafetensorsReader::open(folder), "model.safetensors", folderName.c_str());
        writeSafetensors(folder / "model.safetensors", {{"w", torch::zeros({3})}});
        QCOMPARE(SafetensorsReader::open(folder).names(), std::vector<std::string>{"w"});
        VERIFY_ERROR(SafetensorsReader::open(folder / "absent.safetensors"), "absent.safetensors",
                     "does not exist");
    }

    void corruptFilesAreRejectedWithTheirOwnMessage() {
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        const std::string eightBytes(8, '\0');
        const auto rejects = [&](const char* name, const std::string& header,
                                 const std::string& data, std::optional<uint64_t> length,
                                 std::initializer_list<const char*> fragments) {
            const fs::path file = folder / name;
            writeRaw(file, header, data, length);
            const QString message = errorOf([&] { SafetensorsReader::open(file); });
            QVERIFY2(message.contains(QString::fromStdString(file.string())),
                     qPrintable(QString(name) + ": " + message));
            for (const char* fragment : fragments)
                QVERIFY2(message.contains(fragment), qPrintable(QString(name) + ": " + message));
        };
        const std::string good = R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";

        std::ofstream(folder / "short.safetensors") << "abc";
        VERIFY_ERROR(SafetensorsReader::open(folder / "short.safetensors"), "short.safetensors",
                     "too short");
        rejects("zero.safetensors", "", "", std::nullopt, {"not valid JSON"});
        rejects("length.safetensors", good, eightBytes, 1u << 20, {"header length 1048576"});
        rejects("json.safetensors", R"({"t":{"dtype":)", eightBytes, std::nullopt,
                {"not valid JSON"});
        rejects("array.safetensors", "[1,2]", "", std::nullopt, {"not a JSON object"});
        rejects("truncated.safetensors", good, std::string(5, '\0'), std::nullopt,
                {"t:", "truncated"});
        rejects("range.safetensors",
                R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})", eightBytes,
                std::nullopt, {"t:", "data_offsets [8, 16]"});
        rejects("reversed.safetensors",
                R"({"t":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", eightBytes,
                std::nullopt, {"t:", "end before they begin"});
        rejects("size.safetensors",
                R"({"t":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", eightBytes,
                std::nullopt, {"t:", "need 12"});
        rejects("overlap.safetensors",
                R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                R"("b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                eightBytes, std::nullopt, {"'a' and 'b' overlap"});
        rejects("dtype.safetensors",
                R"({"t":{"dtype":"F8_E4M3","shape":[8],"data_offsets":[0,8]}})", eightBytes,
                std::nullopt, {"t:", "unknown dtype \"F8_E4M3\"", "BF16"});
        rejects("shape.safetensors",
                R"({"t":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", eightBytes,
                std::nullopt, {"t:", "shape"});
        rejects("metadata.safetensors", R"({"__metadata__":{"epoch":3}})", "", std::nullopt,
                {"__metadata__", "epoch"});
    }

    void missingShardIsNamed() {
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        writeSafetensors(folder / "model-00001-of-00002.safetensors", {{"a", torch::ones({1})}});
        std::ofstream(folder / "model.safetensors.index.json")
            << R"({"weight_map": {"a": "model-00001-of-00002.safetensors",
                                  "b": "model-00002-of-00002.safetensors"}})";
        VERIFY_ERROR(SafetensorsReader::open(folder), "model-00002-of-00002.safetensors",
                     "does not exist");

        std::ofstream(folder / "model.safetensors.index.json")
            << R"({"weight_map": {"z": "model-00001-of-00002.safetensors"}})";
        VERIFY_ERROR(SafetensorsReader::open(folder), "'z'", "model-00001-of-00002.safetensors");
    }

    void failedWriteLeavesTheOldFileAndNoTemporaries() {
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        const fs::path file = folder / "keep.safetensors";
        writeSafetensors(file, {{"w", torch::arange(4)}});
        const std::string before = readBytes(file);

        VERIFY_ERROR(writeSafetensors(file, {{"x", torch::ones({2})}, {"x", torch::ones({3})}}),
                     "keep.safetensors: x", "used twice");
        VERIFY_ERROR(writeSafetensors(file, {{"c", torch::ones({2}, torch::kComplexFloat)}}),
                     "keep.safetensors: c", "cannot be stored");
        VERIFY_ERROR(writeSafetensors(file, {{"__metadata__", torch::ones({2})}}), "invalid");
        QCOMPARE(readBytes(file), before);

        // A failure after the temporary file was written (the target is a folder):
        // the temporary file is removed.
        fs::create_directory(folder / "taken.safetensors");
        VERIFY_ERROR(writeSafetensors(folder / "taken.safetensors", {{"w", torch::ones({2})}}),
                     "taken.safetensors", "cannot replace");
        QCOMPARE(folderEntries(folder),
                 (std::vector<std::string>{"keep.safetensors", "taken.safetensors"}));

        VERIFY_ERROR(writeSafetensors(folder / "no/such/dir/x.safetensors", {}), "no/such/dir");

        // A successful overwrite replaces the content and leaves nothing else behind.
        writeSafetensors(file, {{"w", torch::arange(5)}});
        QCOMPARE(SafetensorsReader::open(file).entry("w").shape, std::vector<int64_t>{5});
        QCOMPARE(folderEntries(folder),
                 (std::vector<std::string>{"keep.safetensors", "taken.safetensors"}));
    }
};

QTEST_APPLESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
