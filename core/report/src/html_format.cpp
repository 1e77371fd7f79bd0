#include "html_format.h"

#include "vitask/service/ask.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace vitask::report::html {

std::string escape(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: one line break
            out += "<br>";
            break;
        case '\n': out += "<br>"; break;
        default: out += c;
        }
    }
    return out;
}

std::string percent(double probability) {
    if (!std::isfinite(probability)) return "&#8211;";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f&#160;%%", probability * 100.0);
    return text;
}

std::string time(const std::string& iso) {
    const bool isoUtc = iso.size() >= 20 && iso[4] == '-' && iso[7] == '-' && iso[10] == 'T' && iso[13] == ':' &&
                        iso[16] == ':' && iso.back() == 'Z';
    if (!isoUtc) return escape(iso);
    return escape(iso.substr(0, 10) + " " + iso.substr(11, 8) + " UTC");
}

namespace {

bool digits(const std::string& text, std::size_t from, std::size_t count) {
    if (text.size() < from + count) return false;
    for (std::size_t i = from; i < from + count; ++i)
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    return true;
}

}  // namespace

std::string dicomDate(const std::string& da) {
    if (da.size() != 8 || !digits(da, 0, 8)) return escape(da);
    return da.substr(0, 4) + "-" + da.substr(4, 2) + "-" + da.substr(6, 2);
}

std::string dicomTime(const std::string& tm) {
    if (!digits(tm, 0, 6)) return escape(tm);
    return tm.substr(0, 2) + ":" + tm.substr(2, 2) + ":" + tm.substr(4, 2);
}

std::string personName(const std::string& pn) {
    // The first component group (the alphabetic one); empty components are skipped.
    const std::string alphabetic = pn.substr(0, pn.find('='));
    std::string out, part;
    auto flush = [&] {
        if (part.empty()) return;
        out += (out.empty() ? "" : ", ") + part;
        part.clear();
    };
    for (char c : alphabetic) {
        if (c == '^') flush();
        else part += c;
    }
    flush();
    return escape(out.empty() ? pn : out);
}

std::string words(const std::string& code) {
    std::string out = code;
    for (char& c : out)
        if (c == '_') c = ' ';
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return escape(out);
}

std::string agreementText(const std::string& agreement) {
    if (agreement == "agree") return "Agrees with the TSM";
    if (agreement == "disagree") return "Disagrees with the TSM";
    if (agreement == "vlm_unsure") {
        char text[96];
        std::snprintf(text, sizeof text, "AI unsure (top label below %g&#160;%%)",
                      service::kVlmUnsureBelow * 100.0);
        return text;
    }
    if (agreement == "unknown") return "Not determined";
    return escape(agreement);
}

std::string agreementClass(const std::string& agreement) {
    if (agreement == "agree") return "agree";
    if (agreement == "disagree") return "disagree";
    if (agreement == "vlm_unsure") return "unsure";
    return "muted";
}

std::string decisionText(const std::string& decision) {
    if (decision == "accept") return "Accepted";
    if (decision == "correct") return "Corrected";
    if (decision == "reject") return "Rejected";
    return words(decision);
}

}  // namespace vitask::report::html
