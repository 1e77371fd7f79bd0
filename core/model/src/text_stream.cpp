#include "vitask/model/text_stream.h"

namespace vitask::model {

std::string TextStream::push(int64_t token) {
    tokens_.push_back(token);
    const std::string text = tokenizer_.decode(tokens_);
    const std::string replacement = "\xEF\xBF\xBD";
    const bool incomplete = text.size() >= 3 && text.compare(text.size() - 3, 3, replacement) == 0;
    // A decode that rewrites what was already shown (rare with byte fallback) adds nothing.
    if (incomplete || text.size() <= shown_.size() || text.compare(0, shown_.size(), shown_) != 0) return {};
    std::string added = text.substr(shown_.size());
    shown_ = text;
    return added;
}

}  // namespace vitask::model
