// jsonReport: the report as JSON (schema: docs/formats.md, "Report JSON"). Keys are the
// CaseReport fields' names; an absent optional is null, except `patient`, which is left
// out entirely so that a de-identified file has no patient key to misread.
#include "vitask/report/document_report.h"

#include "png_base64.h"

#include <nlohmann/json.hpp>

namespace vitask::report {
namespace {

using Json = nlohmann::ordered_json;  // keys in the documented order, for people reading the file

Json software(const SoftwareIdentity& s) {
    return {{"name", s.name}, {"version", s.version}, {"weightsHash", s.weightsHash}};
}

Json probabilities(const std::vector<service::LabelProbability>& labels) {
    Json out = Json::array();
    for (const auto& l : labels) out.push_back({{"label", l.label}, {"probability", l.probability}});
    return out;
}

Json read(const ReviewRead& r) {
    return {{"label", r.label}, {"finding", r.finding}, {"confidence", r.confidence}, {"secondsSpent", r.secondsSpent}};
}

Json review(const ReviewDecision& r) {
    return {{"reviewer", r.reviewer},
            {"decision", r.decision},
            {"reason", r.reason},
            {"text", r.text},
            {"read", read(r.read)},
            {"unaidedRead", r.unaidedRead ? read(*r.unaidedRead) : Json(nullptr)},
            {"savedAt", r.savedAt}};
}

Json patient(const PatientInfo& p) {
    return {{"name", p.name},
            {"id", p.id},
            {"birthDate", p.birthDate},
            {"sex", p.sex},
            {"studyDate", p.studyDate},
            {"studyTime", p.studyTime},
            {"accessionNumber", p.accessionNumber},
            {"studyId", p.studyId},
            {"studyDescription", p.studyDescription},
            {"referringPhysician", p.referringPhysician}};
}

Json keyImage(const KeyImage& k) {
    if (!k.withheld.empty()) return {{"withheld", k.withheld}};
    if (k.empty()) return nullptr;
    return {{"width", k.width}, {"height", k.height}, {"heatmap", k.heatmap}, {"png", base64(keyImagePng(k))}};
}

Json caseJson(const CaseReport& c) {
    Json j;
    j["title"] = c.title;
    j["sourceFile"] = c.sourceFile.string();
    j["dicom"] = {{"studyInstanceUid", c.dicom.studyInstanceUid},
                  {"seriesInstanceUid", c.dicom.seriesInstanceUid},
                  {"sopInstanceUid", c.dicom.sopInstanceUid},
                  {"sopClassUid", c.dicom.sopClassUid}};
    j["dataset"] = {{"file", c.dataset.file}, {"split", c.dataset.split}, {"index", c.dataset.index}};
    if (c.patient) j["patient"] = patient(*c.patient);
    j["burnedInAnnotation"] = c.burnedInAnnotation;
    j["groundTruth"] = c.groundTruth;
    j["question"] = c.question;
    j["answer"] = c.answer;
    j["answerWithExemplar"] = c.answerWithExemplar;
    j["labels"] = probabilities(c.labels);
    j["labelsWithExemplar"] = probabilities(c.labelsWithExemplar);
    j["vlmLabel"] = c.vlmLabel;
    if (c.tsm)
        j["tsm"] = {{"name", c.tsm->name}, {"probabilities", probabilities(c.tsm->probabilities)}, {"top", c.tsm->top}};
    else
        j["tsm"] = nullptr;
    j["agreement"] = c.agreement;
    j["saliencyMethod"] = c.saliencyMethod;
    j["saliencyLabel"] = c.saliencyLabel;
    j["model"] = software(c.model);
    j["tsmModel"] = software(c.tsmModel);
    j["answeredAt"] = c.answeredAt;
    j["review"] = c.review ? review(*c.review) : Json(nullptr);
    j["keyImage"] = keyImage(c.keyImage);
    return j;
}

}  // namespace

std::string jsonReport(const Report& report) {
    Json j;
    j["format"] = "vitask-report";
    j["version"] = 1;
    j["title"] = report.title;
    j["generatedAt"] = report.generatedAt;
    j["software"] = software(report.software);
    j["deidentified"] = report.deidentified;
    j["disclaimer"] = researchDisclaimer();
    Json cases = Json::array();
    for (const auto& c : report.cases) cases.push_back(caseJson(c));
    j["cases"] = std::move(cases);
    // Text that is not valid UTF-8 (a file name in another encoding) is replaced rather
    // than failing the whole report.
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace vitask::report
