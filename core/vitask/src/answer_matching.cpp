#include "vitask/vitask/answer_matching.h"

#include "vitask/vitask/prompt_builder.h"

#include <algorithm>
#include <cctype>

namespace vitask::recipe {
namespace {

std::string normalized(const std::string& text) {
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isspace(u) || c == '.' || c == '"' || c == '\'') continue;
        out += static_cast<char>(std::tolower(u));
    }
    return out;
}

std::string trimmed(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t\n\r");
    if (begin == std::string::npos) return {};
    const auto end = text.find_last_not_of(" \t\n\r.");
    return text.substr(begin, end - begin + 1);
}

}  // namespace

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

MatchedAnswer matchAnswer(const std::string& text, const std::vector<std::string>& labels) {
    const auto answer = trimmed(text);
    for (size_t i = 0; i < labels.size(); ++i)
        if (answer == labels[i]) return {static_cast<int64_t>(i), MatchedAnswer::How::Exact};
    const auto key = normalized(answer);
    for (size_t i = 0; i < labels.size(); ++i)
        if (key == normalized(labels[i])) return {static_cast<int64_t>(i), MatchedAnswer::How::Normalized};
    MatchedAnswer best;
    size_t bestDistance = SIZE_MAX;
    for (size_t i = 0; i < labels.size(); ++i) {
        const auto label = normalized(labels[i]);
        const auto distance = editDistance(key, label);
        if (distance < bestDistance && distance * 3 <= label.size()) {
            bestDistance = distance;
            best = {static_cast<int64_t>(i), MatchedAnswer::How::EditDistance};
        }
    }
    return best;
}

std::vector<uint8_t> matchMultiLabelAnswer(const std::string& text, const std::vector<std::string>& labels,
                                           int* unparseable) {
    std::vector<uint8_t> targets(labels.size(), 0);
    int unmatched = 0;
    if (normalized(text) != normalized(kNoFinding)) {
        size_t start = 0;
        while (start <= text.size()) {
            const auto comma = std::min(text.find(',', start), text.size());
            const auto piece = trimmed(text.substr(start, comma - start));
            if (!piece.empty()) {
                const auto match = matchAnswer(piece, labels);
                if (match.label >= 0) targets[static_cast<size_t>(match.label)] = 1;
                else ++unmatched;
            }
            start = comma + 1;
        }
    }
    if (unparseable) *unparseable = unmatched;
    return targets;
}

}  // namespace vitask::recipe
