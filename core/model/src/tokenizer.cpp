// SentencePiece BPE encoding and decoding, following sentencepiece's normalizer.cc,
// bpe_model.cc and sentencepiece_processor.cc step by step so that ids match the
// reference library exactly (tests compare against it on random text).

#include "vitask/model/tokenizer.h"

#include "vitask/common/input_file.h"

#include "sentencepiece_model_reader.h"
#include "vitask/common/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <functional>
#include <optional>
#include <queue>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace vitask::model {
namespace {

// SentencePiece writes spaces as U+2581 (LOWER ONE EIGHTH BLOCK) inside pieces.
constexpr std::string_view kSpaceSymbol = "\xE2\x96\x81";
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

bool isTrailByte(char c) { return (static_cast<uint8_t>(c) & 0xC0) == 0x80; }

bool isValidCodepoint(uint32_t c) { return c < 0xD800 || (c >= 0xE000 && c <= 0x10FFFF); }

// Length of the well-formed UTF-8 character that starts `text`, or 0 when it is malformed
// (overlong, surrogate, truncated...): sentencepiece's string_util::IsValidDecodeUTF8.
size_t validUtf8Length(std::string_view text) {
    const auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<uint8_t>(text[i])); };
    const size_t length = text.size();
    if (b(0) < 0x80) return 1;
    if (length >= 2 && (b(0) & 0xE0) == 0xC0) {
        const uint32_t c = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
        if (isTrailByte(text[1]) && c >= 0x80 && isValidCodepoint(c)) return 2;
    } else if (length >= 3 && (b(0) & 0xF0) == 0xE0) {
        const uint32_t c = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        if (isTrailByte(text[1]) && isTrailByte(text[2]) && c >= 0x800 && isValidCodepoint(c))
            return 3;
    } else if (length >= 4 && (b(0) & 0xF8) == 0xF0) {
        const uint32_t c =
            ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
        if (isTrailByte(text[1]) && isTrailByte(text[2]) && isTrailByte(text[3]) && c >= 0x10000 &&
            isValidCodepoint(c))
            return 4;
    }
    return 0;
}

// Byte pieces are collected and decoded together so that multi-byte characters
// reassemble; each malformed byte becomes U+FFFD.
void appendBytes(std::string& bytes, std::string& text) {
    for (std::string_view rest = bytes; !rest.empty();) {
        const size_t length = validUtf8Length(rest);
        text += length > 0 ? rest.substr(0, length) : kReplacementCharacter;
        rest.remove_prefix(length > 0 ? length : 1);
    }
    bytes.clear();
}

// Byte length of the character starting `text` judged by its lead byte only, as
// sentencepiece's PrefixMatcher splits already-normalized (valid) text.
size_t leadByteCharLength(std::string_view text) {
    static constexpr std::array<uint8_t, 16> kLengths = {1, 1, 1, 1, 1, 1, 1, 1,
                                                         1, 1, 1, 1, 2, 2, 3, 4};
    return std::min<size_t>(text.size(), kLengths[static_cast<uint8_t>(text[0]) >> 4]);
}

std::string bytePiece(uint8_t byte) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "<0x%02X>", byte);
    return buffer;
}

// The byte a `<0xAB>` piece stands for, or nullopt when `piece` is not of that form.
std::optional<uint8_t> bytePieceValue(std::string_view piece) {
    const auto hexDigit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    if (piece.size() != 6 || piece.substr(0, 3) != "<0x" || piece[5] != '>') return std::nullopt;
    const int high = hexDigit(piece[3]);
    const int low = hexDigit(piece[4]);
    if (high < 0 || low < 0) return std::nullopt;
    return static_cast<uint8_t>(high * 16 + low);
}

std::string modelTypeName(int32_t type) {
    switch (static_cast<SentencePieceModelType>(type)) {
    case SentencePieceModelType::Unigram: return "UNIGRAM";
    case SentencePieceModelType::Bpe: return "BPE";
    case SentencePieceModelType::Word: return "WORD";
    case SentencePieceModelType::Char: return "CHAR";
    }
    return "type " + std::to_string(type);
}

// Optional JSON side files of a Hugging Face tokenizer; nullopt when absent.
std::optional<nlohmann::json> readOptionalJson(const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::exists(file, error)) return std::nullopt;
    std::ifstream stream = openInputFile(file, "the tokenizer's JSON");
    try {
        return nlohmann::json::parse(stream);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("is not valid JSON (") + e.what() + ")", file.string(),
                    "Restore the file from the checkpoint.");
    }
}

// One merge candidate of bpe_model.cc: adjacent symbols `left` and `right` whose
// concatenation (`length` bytes) is a vocabulary piece with `score`.
struct MergeCandidate {
    float score;
    int left;
    int right;
    size_t length;
};

// Highest score first; on equal scores the leftmost pair first.
struct MergeOrder {
    bool operator()(const MergeCandidate& a, const MergeCandidate& b) const {
        return a.score < b.score || (a.score == b.score && a.left > b.left);
    }
};

// A symbol of the BPE lattice: a view into the normalized text, linked to its
// neighbours; merged-away symbols become empty.
struct Symbol {
    int prev;
    int next;
    bool frozen;  // a user-defined symbol, never merged
    std::string_view piece;
};

}  // namespace

struct Tokenizer::Impl {
    std::filesystem::path modelFile;
    SentencePieceModelProto model;
    // sentencepiece's ModelInterface keeps two maps: merges may only produce the normal
    // ones (NORMAL, USER_DEFINED, UNUSED); lookups try the reserved ones first. The views
    // point into `model.pieces`, which never changes after loading.
    std::unordered_map<std::string_view, int64_t> normalPieces;
    std::unordered_map<std::string_view, int64_t> reservedPieces;
    std::unordered_set<std::string_view> userDefinedSymbols;
    size_t longestUserDefinedSymbol = 0;
    std::array<int64_t, 256> byteIds{};
    int64_t unk = -1;
    int64_t bos = -1;
    int64_t eos = -1;

    // Added tokens with ids past the SentencePiece vocabulary, in id order.
    std::vector<std::string> extraTokens;
    // Every added token recognised by encodePrompt (including aliases of existing pieces).
    std::vector<std::pair<std::string, int64_t>> addedTokens;
    bool addBos = true;
    bool addEos = false;

    int64_t pieceCount() const { return static_cast<int64_t>(model.pieces.size()); }
    PieceType typeOf(int64_t id) const { return model.pieces[static_cast<size_t>(id)].type; }

    void loadModel(const std::filesystem::path& file);
    void checkSupported() const;
    void indexPieces();
    void loadConfig(const std::filesystem::path& file);
    void loadAddedTokens(const std::filesystem::path& file);
    void addToken(const std::string& token, int64_t id, const std::filesystem::path& file);
    void collectExtraTokens(const std::filesystem::path& file);

    int64_t pieceToId(std::string_view piece) const;
    size_t matchUserDefinedSymbol(std::string_view text) const;
    std::pair<std::string_view, size_t> normalizePrefix(std::string_view text) const;
    std::string normalize(std::string_view text) const;
    std::vector<std::pair<std::string_view, int64_t>> bpe(std::string_view normalized) const;
    void encode(std::string_view text, std::vector<int64_t>* ids,
                std::vector<std::string>* pieces) const;
    bool appendDecodedPiece(int64_t id, bool atStart, std::string& text) const;
    std::string decode(const std::vector<int64_t>& ids) const;
    [[noreturn]] void throwUnknownId(int64_t id) const;
};

// ---- loading --------------------------------------------------------------------------

void Tokenizer::Impl::loadModel(const std::filesystem::path& file) {
    modelFile = file;
    model = readSentencePieceModel(file);
    checkSupported();
    indexPieces();
    bos = pieceToId(model.bosPiece);
    if (typeOf(bos) != PieceType::Control) bos = -1;
    eos = pieceToId(model.eosPiece);
    if (typeOf(eos) != PieceType::Control) eos = -1;
}

void Tokenizer::Impl::checkSupported() const {
    const std::string subject = modelFile.string();
    if (model.pieces.empty() || !model.hasTrainerSpec || !model.hasNormalizerSpec)
        throw Error(
            "incomplete SentencePiece model (no pieces, trainer_spec or "
            "normalizer_spec); the file is probably truncated",
            subject, "Copy the checkpoint's tokenizer.model again.");
    if (model.modelType != static_cast<int32_t>(SentencePieceModelType::Bpe))
        throw Error("is a " + modelTypeName(model.modelType) +
                        " SentencePiece model; VITask reads BPE models only",
                    subject + ": trainer_spec.model_type",
                    "Use a LLaVA / Llama-family checkpoint, whose tokenizer is BPE.");
    // Rule-based normalizers (nmt_nfkc...) ship their rules as a compiled charsmap.
    if (!model.precompiledCharsmap.empty() || !model.denormalizerCharsmap.empty())
        throw Error("uses normalization rules ('" + model.normalizerName +
                        "') that VITask does not implement",
                    subject + ": normalizer_spec",
                    "Use a checkpoint whose tokenizer has the identity normalizer, as "
                    "Llama / LLaVA tokenizers do.");
    if (model.treatWhitespaceAsSuffix)
        throw Error("treats whitespace as a suffix, which VITask does not implement",
                    subject + ": trainer_spec.treat_whitespace_as_suffix",
                    "Use a LLaVA / Llama-family checkpoint.");
}

void Tokenizer::Impl::indexPieces() {
    const std::string subject = modelFile.string();
    std::array<bool, 256> byteFound{};
    for (int64_t id = 0; id < pieceCount(); ++id) {
        const SentencePiece& piece = model.pieces[static_cast<size_t>(id)];
        if (piece.text.empty())
            throw Error("piece " + std::to_string(id) + " is empty", subject,
                        "Copy the checkpoint's tokenizer.model again.");
        const bool normal = piece.type == PieceType::Normal ||
                            piece.type == PieceType::UserDefined || piece.type == PieceType::Unused;
        if (!(normal ? normalPieces : reservedPieces).emplace(piece.text, id).second)
            throw Error("piece '" + piece.text + "' is defined twice", subject,
                        "Copy the checkpoint's tokenizer.model again.");
        if (piece.type == PieceType::UserDefined) {
            userDefinedSymbols.insert(piece.text);
            longestUserDefinedSymbol = std::max(longestUserDefinedSymbol, piece.text.size());
        }
        if (piece.type == PieceType::Unknown) {
            if (unk >= 0)
                throw Error("defines more than one unknown piece", subject,
                            "Copy the checkpoint's tokenizer.model again.");
            unk = id;
        }
        if (piece.type == PieceType::Byte) {
            const std::optional<uint8_t> byte = bytePieceValue(piece.text);
            if (!model.byteFallback || !byte)
                throw Error("byte piece '" + piece.text + "' is invalid or byte_fallback is off",
                            subject, "Copy the checkpoint's tokenizer.model again.");
            byteFound[*byte] = true;
            byteIds[*byte] = id;
        }
    }
    if (unk < 0)
        throw Error("defines no unknown piece (<unk>)", subject,
                    "Copy the checkpoint's tokenizer.model again.");
    if (model.byteFallback &&
        std::find(byteFound.begin(), byteFound.end(), false) != byteFound.end())
        throw Error("enables byte_fallback but lacks some of the 256 byte pieces", subject,
                    "Copy the checkpoint's tokenizer.model again.");
}

void Tokenizer::Impl::loadConfig(const std::filesystem::path& file) {
    const std::optional<nlohmann::json> config = readOptionalJson(file);
    if (!config) return;
    const auto readFlag = [&](const char* key, bool& flag) {
        const auto it = config->find(key);
        if (it == config->end() || it->is_null()) return;
        if (!it->is_boolean())
            throw Error("must be true or false", file.string() + ": " + key,
                        "Restore the file from the checkpoint.");
        flag = it->get<bool>();
    };
    readFlag("add_bos_token", addBos);
    readFlag("add_eos_token", addEos);
    if ((addBos && bos < 0) || (addEos && eos < 0))
        throw Error("asks for a BOS/EOS token that tokenizer.model does not define", file.string(),
                    "Set add_bos_token / add_eos_token to false.");
    // Newer Hugging Face checkpoints list added tokens here instead of added_tokens.json.
    const auto decoder = config->find("added_tokens_decoder");
    if (decoder == config->end() || !decoder->is_object()) return;
    for (const auto& [key, entry] : decoder->items()) {
        const auto content = entry.find("content");
        if (content == entry.end() || !content->is_string() ||
            key.find_first_not_of("0123456789") != std::string::npos || key.empty() ||
            key.size() > 18)
            throw Error("malformed entry '" + key + "'", file.string() + ": added_tokens_decoder",
                        "Restore the file from the checkpoint.");
        addToken(content->get<std::string>(), std::stoll(key), file);
    }
}

void Tokenizer::Impl::loadAddedTokens(const std::filesystem::path& file) {
    const std::optional<nlohmann::json> tokens = readOptionalJson(file);
    if (tokens) {
        if (!tokens->is_object())
            throw Error("must be an object of token: id", file.string(),
                        "Restore the file from the checkpoint.");
        for (const auto& [token, id] : tokens->items()) {
            if (!id.is_number_integer())
                throw Error("id must be an integer", file.string() + ": " + token,
                            "Restore the file from the checkpoint.");
            addToken(token, id.get<int64_t>(), file);
        }
    }
    collectExtraTokens(file);
}

// Records an added token. Tokens may repeat across added_tokens.json and
// tokenizer_config.json, but must agree.
void Tokenizer::Impl::addToken(const std::string& token, int64_t id,
                               const std::filesystem::path& file) {
    const std::string subject = file.string() + ": " + token;
    if (token.empty() || id < 0)
        throw Error("empty token or negative id", subject, "Restore the file from the checkpoint.");
    for (const auto& [known, knownId] : addedTokens) {
        if (known == token && knownId == id) return;
        if (known == token || knownId == id)
            throw Error("conflicts with added token '" + known + "' = " + std::to_string(knownId),
                        subject, "Restore the tokenizer files from the checkpoint.");
    }
    if (id < pieceCount() && model.pieces[static_cast<size_t>(id)].text != token)
        throw Error("id " + std::to_string(id) + " is already the SentencePiece piece '" +
                        model.pieces[static_cast<size_t>(id)].text + "'",
                    subject, "Restore the tokenizer files from the checkpoint.");
    addedTokens.emplace_back(token, id);
}

// Ids past the SentencePiece vocabulary must continue it without gaps, so that
// vocabSize() is the embedding table's row count (Hugging Face requires the same).
void Tokenizer::Impl::collectExtraTokens(const std::filesystem::path& file) {
    std::vector<std::pair<int64_t, const std::string*>> extra;
    for (const auto& [token, id] : addedTokens)
        if (id >= pieceCount()) extra.emplace_back(id, &token);
    std::sort(extra.begin(), extra.end());
    for (const auto& [id, token] : extra) {
        const int64_t expected = pieceCount() + static_cast<int64_t>(extraTokens.size());
        if (id != expected)
            throw Error("added token ids skip id " + std::to_string(expected), file.string(),
                        "Restore the tokenizer files from the checkpoint.");
        extraTokens.push_back(*token);
    }
}

// ---- encoding -------------------------------------------------------------------------

int64_t Tokenizer::Impl::pieceToId(std::string_view piece) const {
    if (const auto it = reservedPieces.find(piece); it != reservedPieces.end()) return it->second;
    if (const auto it = normalPieces.find(piece); it != normalPieces.end()) return it->second;
    return unk;
}

// Length of the longest user-defined symbol that starts `text`, 0 when none does.
size_t Tokenizer::Impl::matchUserDefinedSymbol(std::string_view text) const {
    for (size_t length = std::min(longestUserDefinedSymbol, text.size()); length > 0; --length)
        if (userDefinedSymbols.count(text.substr(0, length)) != 0) return length;
    return 0;
}

// normalizer.cc NormalizePrefix for the identity normalizer: user-defined symbols are
// kept whole, malformed UTF-8 bytes become U+FFFD one byte at a time.
std::pair<std::string_view, size_t> Tokenizer::Impl::normalizePrefix(std::string_view text) const {
    if (const size_t length = matchUserDefinedSymbol(text); length > 0)
        return {text.substr(0, length), length};
    if (const size_t length = validUtf8Length(text); length > 0)
        return {text.substr(0, length), length};
    return {kReplacementCharacter, 1};
}

// normalizer.cc Normalize: dummy prefix, optional whitespace squeezing, spaces to U+2581.
std::string Tokenizer::Impl::normalize(std::string_view text) const {
    std::string normalized;
    if (text.empty()) return normalized;
    const std::string_view space = model.escapeWhitespaces ? kSpaceSymbol : " ";
    normalized.reserve(text.size() * 3);
    if (model.addDummyPrefix) normalized += space;
    // When whitespace is squeezed, leading spaces fall in the loop (previousIsSpace starts
    // true) and trailing ones in the final trim.
    bool previousIsSpace = model.removeExtraWhitespaces;
    while (!text.empty()) {
        auto [unit, consumed] = normalizePrefix(text);
        if (previousIsSpace) {
            while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
        }
        if (!unit.empty()) {
            for (const char c : unit) {
                if (c == ' ' && model.escapeWhitespaces)
                    normalized += kSpaceSymbol;
                else
                    normalized += c;
            }
            previousIsSpace = unit.back() == ' ';
        }
        text.remove_prefix(consumed);
        if (!model.removeExtraWhitespaces) previousIsSpace = false;
    }
    if (model.removeExtraWhitespaces) {
        while (normalized.size() >= space.size() &&
               std::string_view(normalized).substr(normalized.size() - space.size()) == space)
            normalized.resize(normalized.size() - space.size());
    }
    return normalized;
}

// bpe_model.cc Encode: start from single characters (user-defined symbols whole) and
// repeatedly merge the best-scoring adjacent pair that forms a piece. A priority queue
// with lazy invalidation keeps this O(n log n) on long inputs.
std::vector<std::pair<std::string_view, int64_t>> Tokenizer::Impl::bpe(
    std::string_view normalized) const {
    std::vector<Symbol> symbols;
    for (std::string_view rest = normalized; !rest.empty();) {
        const size_t userDefined = matchUserDefinedSymbol(rest);
        const size_t length = userDefined > 0 ? userDefined : leadByteCharLength(rest);
        const int index = static_cast<int>(symbols.size());
        rest.remove_prefix(length);
        symbols.push_back({index - 1, rest.empty() ? -1 : index + 1, userDefined > 0,
                           std::string_view(rest.data() - length, length)});
    }
    if (symbols.empty()) return {};

    // Merged UNUSED pieces are split back into their parts at the end (resegmentation).
    std::unordered_map<std::string_view, std::pair<std::string_view, std::string_view>>
        unusedMerges;
    std::priority_queue<MergeCandidate, std::vector<MergeCandidate>, MergeOrder> agenda;
    const auto addCandidate = [&](int left, int right) {
        if (left < 0 || right < 0 || symbols[left].frozen || symbols[right].frozen) return;
        const std::string_view merged(symbols[left].piece.data(),
                                      symbols[left].piece.size() + symbols[right].piece.size());
        const auto it = normalPieces.find(merged);
        if (it == normalPieces.end()) return;
        const SentencePiece& piece = model.pieces[static_cast<size_t>(it->second)];
        agenda.push({piece.score, left, right, merged.size()});
        if (piece.type == PieceType::Unused)
            unusedMerges[merged] = {symbols[left].piece, symbols[right].piece};
    };
    for (int i = 1; i < static_cast<int>(symbols.size()); ++i) addCandidate(i - 1, i);

    while (!agenda.empty()) {
        const MergeCandidate top = agenda.top();
        agenda.pop();
        Symbol& left = symbols[top.left];
        Symbol& right = symbols[top.right];
        // Stale: one side was merged away or grew since this candidate was queued.
        if (left.piece.empty() || right.piece.empty() ||
            left.piece.size() + right.piece.size() != top.length)
            continue;
        left.piece = std::string_view(left.piece.data(), top.length);
        left.next = right.next;
        if (right.next >= 0) symbols[right.next].prev = top.left;
        right.piece = {};
        addCandidate(left.prev, top.left);
        addCandidate(top.left, left.next);
    }

    std::vector<std::pair<std::string_view, int64_t>> result;
    std::function<void(std::string_view)> resegment = [&](std::string_view piece) {
        const int64_t id = pieceToId(piece);
        const auto it = unusedMerges.find(piece);
        if (typeOf(id) != PieceType::Unused || it == unusedMerges.end()) {
            result.emplace_back(piece, id);
            return;
        }
        resegment(it->second.first);
        resegment(it->second.second);
    };
    for (int index = 0; index != -1; index = symbols[index].next) resegment(symbols[index].piece);
    return result;
}

// sentencepiece_processor.cc Encode: characters outside the vocabulary become their
// UTF-8 bytes when byte_fallback is on, else the unknown id with the text as piece.
void Tokenizer::Impl::encode(std::string_view text, std::vector<int64_t>* ids,
                             std::vector<std::string>* pieces) const {
    const std::string normalized = normalize(text);
    for (const auto& [piece, id] : bpe(normalized)) {
        if (id == unk && model.byteFallback) {
            for (const char c : piece) {
                const auto byte = static_cast<uint8_t>(c);
                if (ids) ids->push_back(byteIds[byte]);
                if (pieces) pieces->push_back(bytePiece(byte));
            }
        } else {
            if (ids) ids->push_back(id);
            if (pieces) pieces->emplace_back(piece);
        }
    }
}

// ---- decoding -------------------------------------------------------------------------

// Appends the surface of a non-byte piece; returns whether it consumed the dummy-prefix
// space (sentencepiece strips only the first one, unless it squeezes whitespace).
bool Tokenizer::Impl::appendDecodedPiece(int64_t id, bool atStart, std::string& text) const {
    const SentencePiece& piece = model.pieces[static_cast<size_t>(id)];
    if (piece.type == PieceType::Control) return false;
    if (piece.type == PieceType::Unknown) {
        text += model.unkSurface;
        return false;
    }
    std::string_view surface = piece.text;
    bool consumedPrefix = false;
    if (atStart && (model.addDummyPrefix || model.removeExtraWhitespaces) &&
        surface.substr(0, kSpaceSymbol.size()) == kSpaceSymbol) {
        surface.remove_prefix(kSpaceSymbol.size());
        consumedPrefix = !model.removeExtraWhitespaces;
    }
    for (size_t found; (found = surface.find(kSpaceSymbol)) != std::string_view::npos;) {
        text.append(surface.substr(0, found)).push_back(' ');
        surface.remove_prefix(found + kSpaceSymbol.size());
    }
    text += surface;
    return consumedPrefix;
}

std::string Tokenizer::Impl::decode(const std::vector<int64_t>& ids) const {
    std::string text;
    std::string bytes;
    bool atStart = true;
    bool consumedPrefix = false;
    for (const int64_t id : ids) {
        if (id < 0 || id >= pieceCount() + static_cast<int64_t>(extraTokens.size()))
            throwUnknownId(id);
        if (id >= pieceCount()) continue;  // added tokens such as <image> have no text
        if (typeOf(id) == PieceType::Byte) {
            bytes += static_cast<char>(*bytePieceValue(model.pieces[static_cast<size_t>(id)].text));
            continue;
        }
        appendBytes(bytes, text);
        if (consumedPrefix || !text.empty()) atStart = false;
        consumedPrefix = appendDecodedPiece(id, atStart, text);
    }
    appendBytes(bytes, text);
    return text;
}

void Tokenizer::Impl::throwUnknownId(int64_t id) const {
    throw Error("token id " + std::to_string(id) + " is outside the vocabulary of " +
                    std::to_string(pieceCount() + static_cast<int64_t>(extraTokens.size())) +
                    " tokens",
                modelFile.parent_path().string(),
                "Use ids produced by this checkpoint's tokenizer and model.");
}

// ---- public API -----------------------------------------------------------------------

Tokenizer Tokenizer::fromDirectory(const std::filesystem::path& directory) {
    auto impl = std::make_unique<Impl>();
    impl->loadModel(directory / "tokenizer.model");
    impl->loadConfig(directory / "tokenizer_config.json");
    impl->loadAddedTokens(directory / "added_tokens.json");
    return Tokenizer(std::move(impl));
}

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

std::vector<int64_t> Tokenizer::encode(std::string_view text) const {
    std::vector<int64_t> ids;
    impl_->encode(text, &ids, nullptr);
    return ids;
}

std::vector<std::string> Tokenizer::encodeAsPieces(std::string_view text) const {
    std::vector<std::string> pieces;
    impl_->encode(text, nullptr, &pieces);
    return pieces;
}

std::string Tokenizer::decode(const std::vector<int64_t>& ids) const { return impl_->decode(ids); }

std::string Tokenizer::idToPiece(int64_t id) const {
    if (id >= 0 && id < impl_->pieceCount())
        return impl_->model.pieces[static_cast<size_t>(id)].text;
    const int64_t offset = id - impl_->pieceCount();
    if (id >= 0 && offset < static_cast<int64_t>(impl_->extraTokens.size()))
        return impl_->extraTokens[static_cast<size_t>(offset)];
    impl_->throwUnknownId(id);
}

std::vector<int64_t> Tokenizer::encodePrompt(std::string_view text) const {
    std::vector<int64_t> ids;
    if (impl_->addBos) ids.push_back(impl_->bos);
    size_t segmentStart = 0;
    for (size_t position = 0; position < text.size();) {
        // Leftmost, then longest, added token, as Hugging Face's added-token trie splits.
        const std::pair<std::string, int64_t>* match = nullptr;
        for (const auto& token : impl_->addedTokens) {
            if (text.compare(position, token.first.size(), token.first) == 0 &&
                (!match || token.first.size() > match->first.size()))
                match = &token;
        }
        if (!match) {
            ++position;
            continue;
        }
        impl_->encode(text.substr(segmentStart, position - segmentStart), &ids, nullptr);
        ids.push_back(match->second);
        position += match->first.size();
        segmentStart = position;
    }
    impl_->encode(text.substr(segmentStart), &ids, nullptr);
    if (impl_->addEos) ids.push_back(impl_->eos);
    return ids;
}

int64_t Tokenizer::bosId() const { return impl_->bos; }
int64_t Tokenizer::eosId() const { return impl_->eos; }
int64_t Tokenizer::unkId() const { return impl_->unk; }

int64_t Tokenizer::addedTokenId(const std::string& token) const {
    for (const auto& [known, id] : impl_->addedTokens)
        if (known == token) return id;
    throw Error("the tokenizer has no added token '" + token + "'",
                (impl_->modelFile.parent_path() / "added_tokens.json").string(),
                "Use a LLaVA checkpoint whose tokenizer adds '" + token + "'.");
}

int64_t Tokenizer::vocabSize() const {
    return impl_->pieceCount() + static_cast<int64_t>(impl_->extraTokens.size());
}

}  // namespace vitask::model
