#include "vitask/ui/review_store/review_types.h"

#include "vitask/common/error.h"

#include <array>
#include <utility>

namespace vitask::ui {
namespace {

// The stored names; index = enum value. Never rename or reorder an entry: databases and
// exports already written use them.
constexpr std::array<const char*, 3> kDecisionNames = {"accept", "correct", "reject"};
constexpr std::array<const char*, 7> kReasonNames = {"none",           "false_finding",      "missed_finding",
                                                     "wrong_label",    "poor_image_quality", "not_assessable",
                                                     "other"};

template <typename Names>
std::string acceptedNames(const Names& names) {
    std::string list;
    for (const char* name : names) list += (list.empty() ? "" : ", ") + std::string(name);
    return list;
}

}  // namespace

bool CaseKey::isValid() const {
    const bool dicom = !studyInstanceUid.isEmpty();
    const bool dataset = !datasetPath.isEmpty() || datasetIndex >= 0 || !datasetSplit.isEmpty();
    if (dicom == dataset) return false;
    if (dataset) return !datasetPath.isEmpty() && datasetIndex >= 0;
    // A SOP Instance UID without its series would not say which series it belongs to.
    return seriesInstanceUid.isEmpty() ? sopInstanceUid.isEmpty() : true;
}

QString decisionName(Decision decision) {
    const auto index = static_cast<std::size_t>(decision);
    if (index >= kDecisionNames.size()) throw Error("unknown review decision " + std::to_string(index));
    return QString::fromLatin1(kDecisionNames[index]);
}

QString reasonName(Reason reason) {
    const auto index = static_cast<std::size_t>(reason);
    if (index >= kReasonNames.size()) throw Error("unknown review reason " + std::to_string(index));
    return QString::fromLatin1(kReasonNames[index]);
}

Decision decisionFromName(const QString& name) {
    for (std::size_t i = 0; i < kDecisionNames.size(); ++i)
        if (name == QLatin1String(kDecisionNames[i])) return static_cast<Decision>(i);
    throw Error("unknown review decision \"" + name.toStdString() + "\"", "decision",
                "Use one of: " + acceptedNames(kDecisionNames) + ".");
}

Reason reasonFromName(const QString& name) {
    for (std::size_t i = 0; i < kReasonNames.size(); ++i)
        if (name == QLatin1String(kReasonNames[i])) return static_cast<Reason>(i);
    throw Error("unknown review reason \"" + name.toStdString() + "\"", "reason",
                "Use one of: " + acceptedNames(kReasonNames) + ".");
}

}  // namespace vitask::ui
