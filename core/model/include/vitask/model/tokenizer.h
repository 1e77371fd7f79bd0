#pragma once
// The LLaVA-1.5 / Llama tokenizer: a SentencePiece BPE model (`tokenizer.model`, read
// natively: no libsentencepiece, see docs/architecture.md) plus `added_tokens.json`
// (tokens outside the SentencePiece vocabulary such as `<image>`) and
// `tokenizer_config.json` (whether BOS/EOS are added).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vitask::model {

class Tokenizer {
public:
    // Reads tokenizer.model, and added_tokens.json / tokenizer_config.json when present,
    // from `directory`. Throws vitask::Error naming the file for a missing or malformed
    // model, or a model type other than BPE.
    static Tokenizer fromDirectory(const std::filesystem::path& directory);

    // SentencePiece's plain `encode`: no BOS/EOS, added tokens are NOT recognised.
    std::vector<int64_t> encode(std::string_view text) const;
    std::vector<std::string> encodeAsPieces(std::string_view text) const;
    // SentencePiece's `decode` (byte pieces joined into UTF-8, `▁` to spaces, the dummy
    // prefix space removed); control tokens (BOS/EOS) and added tokens are skipped.
    std::string decode(const std::vector<int64_t>& ids) const;
    // Text of one id (a piece, an added token, or a byte as `<0xAB>`), for streaming.
    std::string idToPiece(int64_t id) const;

    // A prompt as the published LLaVA tokenizers encode it: the text is split around
    // added tokens (`<image>`), each text segment is encoded by SentencePiece on its own,
    // the added tokens become their ids, and BOS is prepended when tokenizer_config.json
    // says add_bos_token (default true).
    std::vector<int64_t> encodePrompt(std::string_view text) const;

    int64_t bosId() const;
    int64_t eosId() const;
    int64_t unkId() const;
    // Id of an added token such as "<image>"; throws vitask::Error if absent.
    int64_t addedTokenId(const std::string& token) const;
    int64_t vocabSize() const;   // SentencePiece pieces + added tokens

    Tokenizer(Tokenizer&&) noexcept;
    Tokenizer& operator=(Tokenizer&&) noexcept;
    ~Tokenizer();

private:
    struct Impl;
    explicit Tokenizer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace vitask::model
