#pragma once
// Reads a SentencePiece `tokenizer.model`: a serialized `sentencepiece.ModelProto`
// (sentencepiece_model.proto, proto2). Only the fields that encoding and decoding need
// are kept; the protobuf wire format is decoded here so that no protobuf runtime (and no
// libsentencepiece, whose bundled protobuf clashes with LibTorch's) is loaded.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vitask::model {

// ModelProto.SentencePiece.Type; the numbers are the proto's enum values.
enum class PieceType : int32_t {
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6,
};

struct SentencePiece {
    std::string text;
    float score = 0.0F;
    PieceType type = PieceType::Normal;
};

// TrainerSpec.ModelType values.
enum class SentencePieceModelType : int32_t { Unigram = 1, Bpe = 2, Word = 3, Char = 4 };

// Defaults are the proto's `[default = ...]` values, which apply when a field is absent.
struct SentencePieceModelProto {
    std::vector<SentencePiece> pieces;  // ModelProto.pieces (1); the index is the id

    bool hasTrainerSpec = false;  // ModelProto.trainer_spec (2)
    int32_t modelType = static_cast<int32_t>(SentencePieceModelType::Unigram);  // 3
    bool treatWhitespaceAsSuffix = false;                                       // 24
    bool byteFallback = false;                                                  // 35
    std::string unkSurface = " \xE2\x81\x87 ";                                  // 44
    std::string bosPiece = "<s>";                                               // 46
    std::string eosPiece = "</s>";                                              // 47

    bool hasNormalizerSpec = false;      // ModelProto.normalizer_spec (3)
    std::string normalizerName;          // 1
    std::string precompiledCharsmap;     // 2: non-empty for rule-based normalizers
    bool addDummyPrefix = true;          // 3
    bool removeExtraWhitespaces = true;  // 4
    bool escapeWhitespaces = true;       // 5

    std::string denormalizerCharsmap;  // ModelProto.denormalizer_spec (5).precompiled_charsmap
};

// Parses `file`. Throws vitask::Error naming the file when it cannot be read or is not a
// well-formed ModelProto (truncated, corrupt, unknown piece type). Semantic checks (model
// type, required pieces) are left to the caller.
SentencePieceModelProto readSentencePieceModel(const std::filesystem::path& file);

}  // namespace vitask::model
