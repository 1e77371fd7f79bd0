#pragma once
// Text as the HTML report shows it: escaped, and the report's codes ("vlm_unsure",
// "false_finding", ISO times, probabilities) in words a reader expects.

#include <string>

namespace vitask::report::html {

// `text` safe as element content or a quoted attribute value (& < > " ' escaped); line
// breaks become <br> so that a multi-line answer keeps its lines.
std::string escape(const std::string& text);

// 0.9731 -> "97.3&#160;%" (the number and its sign never split across lines).
std::string percent(double probability);

// "2026-12-05T22:50:39.123Z" -> "2026-12-05 22:50:39 UTC"; other text as it is (escaped).
std::string time(const std::string& iso);

// DICOM values as people write them: a DA "19640812" as "1964-08-12", a TM "101112.5" as
// "10:11:12", a PN "Doe^Jane^^Dr" as "Doe, Jane, Dr"; anything else as it is (escaped).
std::string dicomDate(const std::string& da);
std::string dicomTime(const std::string& tm);
std::string personName(const std::string& pn);

// A code in words: "false_finding" -> "False finding".
std::string words(const std::string& code);

// The agreement of the AI's label and the TSM's prediction (service::agreementName) for
// a reader (empty for an empty name: nothing to show), and the CSS class that colours it.
std::string agreementText(const std::string& agreement);
std::string agreementClass(const std::string& agreement);

// The reviewer's decision ("accept", "correct", "reject") as an outcome: "Accepted", ...
std::string decisionText(const std::string& decision);

}  // namespace vitask::report::html
