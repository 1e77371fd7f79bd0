#pragma once
// Generated text to a class (VITASK_METHOD.md: the paper does not say how): exact match,
// then case- and space-insensitive match, then the nearest label by edit distance when
// it is close enough, else unparseable (counted wrong and reported).

#include <cstdint>
#include <string>
#include <vector>

namespace vitask::recipe {

struct MatchedAnswer {
    enum class How { Exact, Normalized, EditDistance, Unparseable };
    int64_t label = -1;  // -1 when unparseable
    How how = How::Unparseable;
};

// The nearest label is accepted when at most a third of the label's characters differ.
MatchedAnswer matchAnswer(const std::string& text, const std::vector<std::string>& labels);

// Multi-label answers: comma-separated findings, or "no finding"; each piece matched as
// above. Returns 0/1 per label; `unparseable` counts pieces that matched nothing.
std::vector<uint8_t> matchMultiLabelAnswer(const std::string& text, const std::vector<std::string>& labels,
                                           int* unparseable = nullptr);

size_t editDistance(const std::string& a, const std::string& b);

}  // namespace vitask::recipe
