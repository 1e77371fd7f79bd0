#pragma once
// Streams generated tokens as text: fed one token at a time, it returns only what the
// answer gained. The whole answer is decoded each time, which keeps SentencePiece's
// spacing and multi-byte characters right; an incomplete multi-byte character (decoded as
// U+FFFD) is held back until its rest arrives.

#include "vitask/model/tokenizer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vitask::model {

class TextStream {
public:
    explicit TextStream(const Tokenizer& tokenizer) : tokenizer_(tokenizer) {}

    // The text added by `token` (often empty while a character is incomplete).
    std::string push(int64_t token);

    const std::vector<int64_t>& tokens() const { return tokens_; }
    const std::string& text() const { return shown_; }

private:
    const Tokenizer& tokenizer_;
    std::vector<int64_t> tokens_;
    std::string shown_;
};

}  // namespace vitask::model
