// The native SentencePiece BPE tokenizer against the Python sentencepiece library: the
// stored reference cases, the LLaVA prompt transformers built, random text compared
// live with /usr/bin/python3, and the errors for unusable tokenizer files.
#include "model_test_support.h"
#include "vitask/common/error.h"
#include "vitask/model/tokenizer.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using vitask::model::Tokenizer;

namespace {

using vitask::model::test::fixturesDir;

fs::path tinyLlavaDir() { return fixturesDir() / "tiny-llava"; }

nlohmann::json readJson(const fs::path& file) {
    std::ifstream stream(file);
    return nlohmann::json::parse(stream);
}

std::string readBytes(const fs::path& file) {
    std::ifstream stream(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
}

void writeBytes(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

QString joined(const std::vector<int64_t>& ids) {
    QStringList parts;
    for (const int64_t id : ids) parts << QString::number(id);
    return parts.join(',');
}

QString joined(const std::vector<std::string>& pieces) {
    QStringList parts;
    for (const std::string& piece : pieces) parts << QString::fromStdString(piece);
    return parts.join('|');
}

std::string toHex(const std::string& bytes) {
    return QByteArray::fromStdString(bytes).toHex().toStdString();
}
std::string fromHex(const std::string& hex) {
    return QByteArray::fromHex(QByteArray::fromStdString(hex)).toStdString();
}

// The message of the vitask::Error that `load` throws for `directory`; empty if none.
std::string loadError(const fs::path& directory) {
    try {
        Tokenizer::fromDirectory(directory);
    } catch (const vitask::Error& error) {
        return error.what();
    }
    return {};
}

// A copy of the tiny-llava tokenizer in `directory` whose tokenizer.model is `model`.
fs::path tokenizerWithModel(const QTemporaryDir& directory, const std::string& model) {
    const fs::path root = directory.path().toStdString();
    writeBytes(root / "tokenizer.model", model);
    fs::copy_file(tinyLlavaDir() / "added_tokens.json", root / "added_tokens.json");
    return root;
}

uint64_t readVarint(const std::string& bytes, size_t& position) {
    uint64_t value = 0;
    for (int shift = 0;; shift += 7) {
        const auto byte = static_cast<uint8_t>(bytes.at(position++));
        value |= static_cast<uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) return value;
    }
}

// Offset of the tag of the first top-level field `number` of a serialized ModelProto,
// whose top-level fields are all length-delimited messages.
size_t topLevelFieldOffset(const std::string& model, uint64_t number) {
    for (size_t position = 0; position < model.size();) {
        const size_t start = position;
        const uint64_t tag = readVarint(model, position);
        if (tag >> 3 == number) return start;
        position += readVarint(model, position);
    }
    return std::string::npos;
}

// Offset of the value byte of trainer_spec (field 2).model_type (field 3).
size_t modelTypeOffset(const std::string& model) {
    size_t position = topLevelFieldOffset(model, 2);
    readVarint(model, position);
    const size_t length = readVarint(model, position);
    for (const size_t end = position + length; position < end;) {
        const uint64_t tag = readVarint(model, position);
        if (tag == (3 << 3)) return position;
        switch (tag & 7) {
        case 0: readVarint(model, position); break;
        case 1: position += 8; break;
        case 2: position += readVarint(model, position); break;
        default: position += 4; break;
        }
    }
    return std::string::npos;
}

// A copy of `model` in which piece `id` has `type` (ModelProto.SentencePiece.Type): a
// second `type` field is appended to the piece's message, and protobuf keeps the last
// value. Pieces come first in the file and are shorter than 126 bytes, so the length
// prefix stays one byte.
std::string withPieceType(std::string model, int64_t id, char type) {
    size_t position = 0;
    for (int64_t index = 0; index < id; ++index) {
        readVarint(model, position);
        position += readVarint(model, position);
    }
    readVarint(model, position);
    const size_t lengthAt = position;
    const size_t length = readVarint(model, position);
    model.insert(position + length, std::string{'\x18', type});
    model[lengthAt] = static_cast<char>(length + 2);
    return model;
}

// `model` with one more piece (a repeated field appends), without a score.
std::string withExtraPiece(const std::string& model, const std::string& text, char type) {
    const std::string piece =
        std::string{'\x0A', static_cast<char>(text.size())} + text + '\x18' + type;
    return model + '\x0A' + static_cast<char>(piece.size()) + piece;
}

// Variants of the fixture model, one folder each, for the parity test: normalizer
// options appended as a second normalizer_spec (protobuf merges it into the first),
// user-defined symbols, and UNUSED pieces (merged, then split back).
std::vector<std::string> writeModelVariants(const fs::path& root) {
    const std::string model = readBytes(tinyLlavaDir() / "tokenizer.model");
    const auto normalizer = [&](const std::string& fields) {
        return model + '\x1A' + static_cast<char>(fields.size()) + fields;
    };
    const char userDefined = '\x04';
    const char unused = '\x05';
    const std::vector<std::pair<std::string, std::string>> variants = {
        {"fixture", model},
        {"remove_extra_whitespaces", normalizer(std::string("\x20\x01", 2))},
        {"no_dummy_prefix", normalizer(std::string("\x18\x00", 2))},
        {"no_dummy_prefix_remove_whitespaces", normalizer(std::string("\x18\x00\x20\x01", 4))},
        {"unescaped_whitespace", normalizer(std::string("\x28\x00\x20\x01", 4))},
        {"user_defined_and_unused",
         withPieceType(withPieceType(withExtraPiece(withExtraPiece(model, "diag", userDefined),
                                                    "<image>", userDefined),
                                     259, unused),  // "ma"
                       310, unused)},               // "▁the"
        // The tokenizer our small models are trained from scratch with (resources/).
        {"vitask_scratch", readBytes(fs::path(qEnvironmentVariable("VITASK_SOURCE_DIR").toStdString()) /
                                     "resources/tokenizers/vitask-scratch/tokenizer.model")},
    };
    std::vector<std::string> files;
    for (const auto& [name, bytes] : variants) {
        fs::create_directory(root / name);
        writeBytes(root / name / "tokenizer.model", bytes);
        files.push_back((root / name / "tokenizer.model").string());
    }
    return files;
}

// Random text built from pieces that stress the encoder: vocabulary words (long merge
// chains), letter runs (equal-score merge ties), runs of spaces, digits, punctuation, accents, CJK
// inside and outside the vocabulary, emoji (byte fallback), the escape symbol itself and malformed
// UTF-8.
std::string randomText(std::mt19937& random, size_t fragments) {
    static const std::vector<std::string> kFragments = {"diagnosis",
                                                        "melanoma",
                                                        "carcinoma",
                                                        "the",
                                                        "image",
                                                        "Analyze",
                                                        "benign",
                                                        "lesions",
                                                        "pneumonia",
                                                        "dermatoscope",
                                                        "lymphocytes",
                                                        "normal",
                                                        "basal cell",
                                                        "possible diagnoses",
                                                        "keratosis",
                                                        "vascular",
                                                        "ooo",
                                                        "oooo",
                                                        "moooo",
                                                        " ",
                                                        " ",
                                                        "  ",
                                                        "   ",
                                                        "\t",
                                                        "\n",
                                                        "0",
                                                        "7",
                                                        "2024",
                                                        "3.14",
                                                        ".",
                                                        ",",
                                                        ":",
                                                        ";",
                                                        "!",
                                                        "?",
                                                        "-",
                                                        "(",
                                                        ")",
                                                        "[",
                                                        "]",
                                                        "{",
                                                        "}",
                                                        "<",
                                                        ">",
                                                        "\"",
                                                        "'",
                                                        "%",
                                                        "&",
                                                        "*",
                                                        "é",
                                                        "Ö",
                                                        "ä",
                                                        "ï",
                                                        "ñ",
                                                        "ç",
                                                        "ß",
                                                        "Å",
                                                        "病",
                                                        "变",
                                                        "诊",
                                                        "断",
                                                        "图",
                                                        "像",
                                                        "正",
                                                        "常",
                                                        "肺",
                                                        "炎",
                                                        "😀",
                                                        "🩺",
                                                        "👍🏽",
                                                        "\xE2\x96\x81",
                                                        "\xEF\xBF\xBD",
                                                        "<image>",
                                                        "<s>",
                                                        "</s>",
                                                        "<unk>",
                                                        "<0x41>",
                                                        "\xFF",
                                                        "\xC3",
                                                        "\xED\xA0\x80",
                                                        "\xF0\x9F\x98",
                                                        "\x01"};
    std::uniform_int_distribution<size_t> pick(0, kFragments.size() - 1);
    std::uniform_int_distribution<int> ascii(0x20, 0x7E);
    std::string text;
    for (size_t i = 0; i < fragments; ++i) {
        if (random() % 4 == 0)
            text += static_cast<char>(ascii(random));
        else
            text += kFragments[pick(random)];
    }
    return text;
}

}  // namespace

class TestTokenizer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(fs::exists(tinyLlavaDir() / "tokenizer.model"),
                 "set VITASK_SHARED_DIR to the shared folder holding fixtures/tiny-llava");
    }

    void matchesReferenceCases() {
        const Tokenizer tokenizer = Tokenizer::fromDirectory(tinyLlavaDir());
        const nlohmann::json reference = readJson(fixturesDir() / "tokenizer_cases.json");
        QCOMPARE(tokenizer.bosId(), reference["bos_id"].get<int64_t>());
        QCOMPARE(tokenizer.eosId(), reference["eos_id"].get<int64_t>());
        for (const auto& testCase : reference["cases"]) {
            const auto text = testCase["text"].get<std::string>();
            const auto ids = testCase["ids"].get<std::vector<int64_t>>();
            QCOMPARE(joined(tokenizer.encode(text)), joined(ids));
            QCOMPARE(joined(tokenizer.encodeAsPieces(text)),
                     joined(testCase["pieces"].get<std::vector<std::string>>()));
            QCOMPARE(QString::fromStdString(tokenizer.decode(ids)),
                     QString::fromStdString(testCase["decoded"].get<std::string>()));
        }
    }

    void encodesLlavaPromptAsTransformers() {
        const Tokenizer tokenizer = Tokenizer::fromDirectory(tinyLlavaDir());
        const nlohmann::json notes = readJson(fixturesDir() / "tiny_llava_notes.json");
        const auto generated = notes["generated_ids"][0].get<std::vector<int64_t>>();
        const std::vector<int64_t> promptIds(generated.begin(), generated.begin() + 49);
        // LlavaProcessor repeats <image> once per image feature before tokenizing.
        std::string prompt;
        const std::string image = "<image>";
        const auto text = notes["prompt"].get<std::string>();
        const size_t at = text.find(image);
        QVERIFY(at != std::string::npos);
        prompt = text.substr(0, at);
        for (int i = 0; i < notes["n_image_tokens"].get<int>(); ++i) prompt += image;
        prompt += text.substr(at + image.size());
        QCOMPARE(joined(tokenizer.encodePrompt(prompt)), joined(promptIds));
        QCOMPARE(tokenizer.addedTokenId("<image>"), notes["image_token_id"].get<int64_t>());
    }

    void decodesGeneratedIds() {
        const Tokenizer tokenizer = Tokenizer::fromDirectory(tinyLlavaDir());
        const nlohmann::json notes = readJson(fixturesDir() / "tiny_llava_notes.json");
        const auto generated = notes["generated_ids"][0].get<std::vector<int64_t>>();
        const std::vector<int64_t> promptIds(generated.begin(), generated.begin() + 49);
        // BOS and <image> vanish; the segment after <image> keeps its dummy-prefix space.
        const std::string prompt =
            "USER:  \nAnalyze the given dermatoscope image for diagnosis. ASSISTANT:";
        QCOMPARE(QString::fromStdString(tokenizer.decode(promptIds)),
                 QString::fromStdString(prompt));
        const std::string full = tokenizer.decode(generated);
        QVERIFY(full.size() > prompt.size());
        QCOMPARE(QString::fromStdString(full.substr(0, prompt.size())),
                 QString::fromStdString(prompt));
        for (const int64_t id : generated) QVERIFY(!tokenizer.idToPiece(id).empty());
        QCOMPARE(tokenizer.idToPiece(512), std::string("<image>"));
        QCOMPARE(tokenizer.idToPiece(13), std::string("<0x0A>"));
        QCOMPARE(tokenizer.idToPiece(331), std::string("\xE2\x96\x81"
                                                       "Analyze"));
    }

    void reportsVocabulary() {
        const Tokenizer tokenizer = Tokenizer::fromDirectory(tinyLlavaDir());
        QCOMPARE(tokenizer.vocabSize(), int64_t{513});
        QCOMPARE(tokenizer.unkId(), int64_t{0});
        QCOMPARE(tokenizer.bosId(), int64_t{1});
        QCOMPARE(tokenizer.eosId(), int64_t{2});
        QVERIFY_THROWS_EXCEPTION(vitask::Error, tokenizer.addedTokenId("<video>"));
        QVERIFY_THROWS_EXCEPTION(vitask::Error, tokenizer.idToPiece(513));
        QVERIFY_THROWS_EXCEPTION(vitask::Error, tokenizer.idToPiece(-1));
        QVERIFY_THROWS_EXCEPTION(vitask::Error, tokenizer.decode({5, 513}));
    }

    void readsTokenizerConfig() {
        QTemporaryDir directory;
        const fs::path root =
            tokenizerWithModel(directory, readBytes(tinyLlavaDir() / "tokenizer.model"));
        writeBytes(root / "tokenizer_config.json",
                   R"({"add_bos_token": false, "add_eos_token": true})");
        const Tokenizer tokenizer = Tokenizer::fromDirectory(root);
        QCOMPARE(joined(tokenizer.encodePrompt("melanoma<image>")), QString("373,307,512,2"));

        writeBytes(root / "tokenizer_config.json", R"({"add_bos_token": "yes")");
        const std::string error = loadError(root);
        QVERIFY2(error.find("tokenizer_config.json") != std::string::npos, error.c_str());
    }

    void rejectsBadAddedTokens_data() {
        QTest::addColumn<QByteArray>("addedTokens");
        QTest::newRow("gap") << QByteArray(R"({"<image>": 513})");
        QTest::newRow("huge id") << QByteArray(R"({"<image>": 1000000000000})");
        QTest::newRow("taken id") << QByteArray(R"({"<image>": 5})");
        QTest::newRow("not an id") << QByteArray(R"({"<image>": "512"})");
        QTest::newRow("not json") << QByteArray("<image> = 512");
    }

    void rejectsBadAddedTokens() {
        QFETCH(QByteArray, addedTokens);
        QTemporaryDir directory;
        const fs::path root =
            tokenizerWithModel(directory, readBytes(tinyLlavaDir() / "tokenizer.model"));
        writeBytes(root / "added_tokens.json", addedTokens.toStdString());
        const std::string error = loadError(root);
        QVERIFY2(error.find((root / "added_tokens.json").string()) != std::string::npos,
                 error.c_str());
    }

    void rejectsMissingModel() {
        QTemporaryDir directory;
        const std::string error = loadError(directory.path().toStdString());
        QVERIFY2(
            error.find((fs::path(directory.path().toStdString()) / "tokenizer.model").string()) !=
                std::string::npos,
            error.c_str());
    }

    void rejectsTruncatedOrCorruptModel_data() {
        QTest::addColumn<QByteArray>("model");
        const std::string model = readBytes(tinyLlavaDir() / "tokenizer.model");
        QTest::newRow("truncated") << QByteArray::fromStdString(model.substr(0, model.size() / 2));
        QTest::newRow("cut after the pieces")
            << QByteArray::fromStdString(model.substr(0, topLevelFieldOffset(model, 2)));
        QTest::newRow("not protobuf") << QByteArray("this is not a SentencePiece model");
        QTest::newRow("empty") << QByteArray();
    }

    void rejectsTruncatedOrCorruptModel() {
        QFETCH(QByteArray, model);
        QTemporaryDir directory;
        const fs::path root = tokenizerWithModel(directory, model.toStdString());
        const std::string error = loadError(root);
        QVERIFY2(error.find((root / "tokenizer.model").string()) != std::string::npos,
                 error.c_str());
    }

    void rejectsNonBpeModel() {
        std::string model = readBytes(tinyLlavaDir() / "tokenizer.model");
        const size_t offset = modelTypeOffset(model);
        QVERIFY(offset != std::string::npos);
        QCOMPARE(model[offset], '\x02');  // BPE
        model[offset] = '\x01';           // UNIGRAM
        QTemporaryDir directory;
        const fs::path root = tokenizerWithModel(directory, model);
        const std::string error = loadError(root);
        QVERIFY2(error.find((root / "tokenizer.model").string()) != std::string::npos,
                 error.c_str());
        QVERIFY2(error.find("UNIGRAM") != std::string::npos, error.c_str());
        QVERIFY2(error.find("BPE") != std::string::npos, error.c_str());
    }

    // Random strings (and a 20k-character one, which a quadratic merge loop would choke
    // on) encoded by us and by the Python sentencepiece library must give the same ids
    // and pieces, and random id sequences the same text, for the fixture model and for
    // variants that switch on the features it lacks.
    void matchesSentencePieceOnRandomText() {
        const QString python = "/usr/bin/python3";
        if (QProcess::execute(python, {"-c", "import sentencepiece"}) != 0)
            QFAIL(
                "needs /usr/bin/python3 with sentencepiece: install python3-sentencepiece "
                "(scripts/install-deps.sh installs it)");

        std::mt19937 random(20240917);
        std::vector<std::string> texts;
        for (size_t length = 0; length < 400; ++length)
            texts.push_back(randomText(random, length % 40));
        texts.push_back(randomText(random, 8000));
        const Tokenizer fixture = Tokenizer::fromDirectory(tinyLlavaDir());
        std::vector<std::vector<int64_t>> idSequences;
        std::uniform_int_distribution<int64_t> anyId(0, 511);
        for (int i = 0; i < 200; ++i) {
            std::vector<int64_t> ids(static_cast<size_t>(i % 25));
            for (int64_t& id : ids) id = anyId(random);
            idSequences.push_back(ids);
        }
        for (const std::string& text : texts) idSequences.push_back(fixture.encode(text));

        QTemporaryDir directory;
        const fs::path root = directory.path().toStdString();
        const std::vector<std::string> modelFiles = writeModelVariants(root);
        nlohmann::json request;
        request["models"] = modelFiles;
        for (const std::string& text : texts) request["texts"].push_back(toHex(text));
        request["idSequences"] = idSequences;
        writeBytes(root / "request.json", request.dump());

        const char* script = R"(
import json, sys
import sentencepiece as spm
request = json.load(open(sys.argv[1]))
texts = [bytes.fromhex(text) for text in request["texts"]]
results = []
for model in request["models"]:
    sp = spm.SentencePieceProcessor(model_file=model)
    results.append({
        "ids": [sp.encode(text) for text in texts],
        "pieces": [[piece.hex() for piece in sp.encode_as_pieces(text)] for text in texts],
        "decoded": [sp.decode(ids).encode("utf-8").hex() for ids in request["idSequences"]],
    })
json.dump(results, open(sys.argv[2], "w"))
)";
        QProcess process;
        process.start(python,
                      {"-c", script, QString::fromStdString((root / "request.json").string()),
                       QString::fromStdString((root / "response.json").string())});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const nlohmann::json response = readJson(root / "response.json");
        QCOMPARE(response.size(), modelFiles.size());

        for (size_t m = 0; m < modelFiles.size(); ++m) {
            const Tokenizer tokenizer =
                Tokenizer::fromDirectory(fs::path(modelFiles[m]).parent_path());
            const nlohmann::json& reference = response[m];
            QCOMPARE(reference["ids"].size(), texts.size());
            QCOMPARE(reference["decoded"].size(), idSequences.size());
            for (size_t i = 0; i < texts.size(); ++i) {
                const QByteArray context = QByteArray::fromStdString(
                    modelFiles[m] + ", text (hex) " + toHex(texts[i]).substr(0, 400));
                QVERIFY2(joined(tokenizer.encode(texts[i])) ==
                             joined(reference["ids"][i].get<std::vector<int64_t>>()),
                         context.constData());
                std::vector<std::string> pieces;
                for (const auto& piece : reference["pieces"][i])
                    pieces.push_back(fromHex(piece.get<std::string>()));
                QVERIFY2(joined(tokenizer.encodeAsPieces(texts[i])) == joined(pieces),
                         context.constData());
            }
            for (size_t i = 0; i < idSequences.size(); ++i) {
                const QByteArray context = QByteArray::fromStdString(modelFiles[m]) + ", ids " +
                                           joined(idSequences[i]).left(400).toUtf8();
                QVERIFY2(toHex(tokenizer.decode(idSequences[i])) ==
                             reference["decoded"][i].get<std::string>(),
                         context.constData());
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
