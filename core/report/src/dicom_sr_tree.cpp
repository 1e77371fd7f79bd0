// The TID 1500 (Measurement Report) tree of one case:
//
//   CONTAINER (126000, DCM, "Imaging Measurement Report")          template 1500, DCMR
//    HAS CONCEPT MOD  CODE  Language of Content Item and Descendants  (TID 1204)
//    HAS OBS CONTEXT  the reviewer as person observer, when reviewed  (TID 1001-1003)
//    HAS OBS CONTEXT  the VLM as device observer                      (TID 1001, 1002, 1004)
//    HAS CONCEPT MOD  CODE  Procedure reported: Imaging procedure
//    CONTAINS CONTAINER Image Library > Image Library Group > IMAGE   (TID 1600; DICOM sources)
//    CONTAINS CONTAINER Imaging Measurements
//      CONTAINS CONTAINER Measurement Group, one each for the VLM's answer, the TSM's
//        prediction, the reviewer's read and unaided read (TID 1501): tracking identifier
//        and UID, the finding (the label, coded), TID 4019 algorithm identification for
//        models, numbers (probability, confidence, reading time) and texts (question,
//        answers, the reader's finding)
//    CONTAINS CONTAINER Qualitative Evaluations: the VLM/TSM agreement, the review
//      decision, its reason and the reviewer's comment
#include "dicom_sr_tree.h"

#include "dicom_common.h"
#include "vitask/common/error.h"
#include "vitask/report/deidentify.h"

#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/codes/sct.h>
#include <dcmtk/dcmsr/codes/umls.h>
#include <dcmtk/dcmsr/dsrimgvl.h>
#include <dcmtk/dcmsr/dsrnumvl.h>

#include <algorithm>
#include <cstdio>

namespace vitask::report::detail {
namespace {

// Text for a single-line DICOM string (LO, SH, PN): no backslash (the value delimiter),
// no control characters, at most `maxBytes` bytes cut at a UTF-8 character boundary.
std::string singleLine(const std::string& text, std::size_t maxBytes) {
    std::string line;
    for (const char ch : text) line += (ch == '\\' || static_cast<unsigned char>(ch) < 0x20) ? ' ' : ch;
    const auto first = line.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    line = line.substr(first, line.find_last_not_of(' ') - first + 1);
    if (line.size() <= maxBytes) return line;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // continuation byte
    return line.substr(0, cut);
}

// UT allows line breaks, tabs and form feeds; other control characters are not text.
std::string unlimitedText(const std::string& text) {
    std::string result = text;
    for (char& ch : result) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f') ch = ' ';
    }
    return result;
}

// A concept of the private scheme; a label is its own code. Codes longer than 16
// characters go to Long Code Value (UC), as DCMTK decides; 1024 bytes keep a runaway
// label in check.
DSRCodedEntryValue privateCode(const std::string& value, const std::string& meaning) {
    return DSRCodedEntryValue(singleLine(value, 1024), kPrivateScheme, singleLine(meaning, 64));
}

// "false_finding" -> "false finding": the stable names as code meanings.
DSRCodedEntryValue nameCode(const std::string& name) {
    std::string meaning = name;
    std::replace(meaning.begin(), meaning.end(), '_', ' ');
    return privateCode(name, meaning);
}

// Concepts DICOM has no code for.
const DSRCodedEntryValue kQuestion = privateCode("QUESTION", "Question asked");
const DSRCodedEntryValue kAnswer = privateCode("ANSWER", "Model answer");
const DSRCodedEntryValue kAnswerWithExemplar = privateCode("ANSWER-EXEMPLAR", "Model answer with exemplar");
const DSRCodedEntryValue kAgreement = privateCode("AGREEMENT", "Agreement of VLM and TSM");
const DSRCodedEntryValue kDecision = privateCode("DECISION", "Review decision");
const DSRCodedEntryValue kReason = privateCode("REASON", "Reason for the review decision");
const DSRCodedEntryValue kReaderFinding = privateCode("READ-FINDING", "Reader's finding");
const DSRCodedEntryValue kReaderConfidence = privateCode("READ-CONFIDENCE", "Reader's confidence");
const DSRCodedEntryValue kReadingTime = privateCode("READ-TIME", "Reading time");

// UCUM units of the numbers: probabilities in [0, 1], confidence on a 1-5 scale, seconds.
const DSRCodedEntryValue kRatio("{ratio}", "UCUM", "ratio");
const DSRCodedEntryValue kScore("{score}", "UCUM", "score");
const DSRCodedEntryValue kSeconds("s", "UCUM", "second");

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);  // DS: at most 16 characters
    return text;
}

// Adds content items below given nodes, checking every DCMTK call.
class TreeWriter {
public:
    TreeWriter(DSRDocumentTree& tree, const std::filesystem::path& file) : tree_(tree), file_(file) {}

    size_t root(const DSRCodedEntryValue& title) {
        const size_t id = tree_.addContentItem(DSRTypes::RT_isRoot, DSRTypes::VT_Container);
        if (id == 0) fail("the document's root");
        check(tree_.getCurrentContentItem().setConceptName(title), "the document title");
        return id;
    }

    // A child of `parent` after its other children; the cursor stays on it.
    size_t add(size_t parent, DSRTypes::E_RelationshipType relation, DSRTypes::E_ValueType type,
               const DSRCodedEntryValue& concept) {
        if (tree_.gotoNode(parent) == 0) fail(concept.getCodeMeaning().c_str());
        const size_t id = tree_.addContentItem(relation, type, DSRTypes::AM_belowCurrent);
        if (id == 0) fail(concept.getCodeMeaning().c_str());
        check(tree_.getCurrentContentItem().setConceptName(concept), concept.getCodeMeaning().c_str());
        return id;
    }

    size_t container(size_t parent, const DSRCodedEntryValue& concept) {
        return add(parent, DSRTypes::RT_contains, DSRTypes::VT_Container, concept);
    }

    // Empty texts are left out: a TEXT item needs a value.
    void text(size_t parent, DSRTypes::E_RelationshipType relation, const DSRCodedEntryValue& concept,
              const std::string& value) {
        if (value.empty()) return;
        add(parent, relation, DSRTypes::VT_Text, concept);
        check(tree_.getCurrentContentItem().setStringValue(unlimitedText(value).c_str()),
              concept.getCodeMeaning().c_str());
    }

    void code(size_t parent, DSRTypes::E_RelationshipType relation, const DSRCodedEntryValue& concept,
              const DSRCodedEntryValue& value) {
        add(parent, relation, DSRTypes::VT_Code, concept);
        check(tree_.getCurrentContentItem().setCodeValue(value), concept.getCodeMeaning().c_str());
    }

    void num(size_t parent, const DSRCodedEntryValue& concept, double value, const DSRCodedEntryValue& units) {
        add(parent, DSRTypes::RT_contains, DSRTypes::VT_Num, concept);
        check(tree_.getCurrentContentItem().setNumericValue(DSRNumericMeasurementValue(number(value).c_str(), units)),
              concept.getCodeMeaning().c_str());
    }

    void uid(size_t parent, DSRTypes::E_RelationshipType relation, const DSRCodedEntryValue& concept,
             const std::string& value) {
        add(parent, relation, DSRTypes::VT_UIDRef, concept);
        check(tree_.getCurrentContentItem().setStringValue(value.c_str()), concept.getCodeMeaning().c_str());
    }

    void personName(size_t parent, const DSRCodedEntryValue& concept, const std::string& name) {
        add(parent, DSRTypes::RT_hasObsContext, DSRTypes::VT_PName, concept);
        check(tree_.getCurrentContentItem().setStringValue(singleLine(name, 64).c_str()),
              concept.getCodeMeaning().c_str());
    }

    // An image entry has no concept name (TID 1601).
    void image(size_t parent, const DicomReference& reference) {
        if (tree_.gotoNode(parent) == 0 ||
            tree_.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Image, DSRTypes::AM_belowCurrent) == 0)
            fail("the source image");
        check(tree_.getCurrentContentItem().setImageReference(
                  DSRImageReferenceValue(reference.sopClassUid.c_str(), reference.sopInstanceUid.c_str())),
              "the source image");
    }

    // Observation DateTime (DT, UTC like every time of the export); none for a time
    // that is not ISO 8601 UTC.
    void observedAt(size_t node, const std::string& isoTime) {
        const DicomDateTime time = dicomDateTime(isoTime);
        if (time.date.empty()) return;
        if (tree_.gotoNode(node) == 0) fail("the observation time");
        check(tree_.getCurrentContentItem().setObservationDateTime((time.date + time.time).c_str()),
              "the observation time");
    }

    void templateIdentification(const char* templateId) {
        check(tree_.setTemplateIdentification(templateId, "DCMR"), "the template identification");
    }

private:
    [[noreturn]] void fail(const char* what) {
        throw Error(std::string("cannot add \"") + what + "\" to the structured report", file_.string(),
                    "Report this as a bug in VITask Studio.");
    }
    void check(const OFCondition& status, const char* what) {
        if (status.bad())
            throw Error(std::string("cannot set \"") + what + "\" in the structured report (" + status.text() + ")",
                        file_.string(), "Report this as a bug in VITask Studio.");
    }

    DSRDocumentTree& tree_;
    const std::filesystem::path& file_;
};

// TID 1204: the report's text (answers, review) is English.
void addLanguage(TreeWriter& out, size_t root) {
    out.code(root, DSRTypes::RT_hasConceptMod, CODE_DCM_LanguageOfContentItemAndDescendants,
             DSRCodedEntryValue("en", "RFC5646", "English"));
}

// TID 1001: the reviewer (TID 1003) first, then the VLM as device (TID 1004).
void addObservers(TreeWriter& out, size_t root, const CaseReport& c) {
    if (c.review && !singleLine(c.review->reviewer, 64).empty()) {
        out.code(root, DSRTypes::RT_hasObsContext, CODE_DCM_ObserverType, CODE_DCM_Person);
        out.personName(root, CODE_DCM_PersonObserverName, c.review->reviewer);
    }
    out.code(root, DSRTypes::RT_hasObsContext, CODE_DCM_ObserverType, CODE_DCM_Device);
    out.uid(root, DSRTypes::RT_hasObsContext, CODE_DCM_DeviceObserverUID, UidMap::fresh());
    out.text(root, DSRTypes::RT_hasObsContext, CODE_DCM_DeviceObserverName, singleLine(c.model.name, 64));
    const std::string model = c.model.version.empty() ? c.model.name : c.model.name + " " + c.model.version;
    out.text(root, DSRTypes::RT_hasObsContext, CODE_DCM_DeviceObserverModelName, singleLine(model, 64));
}

// TID 1600: the image the answer is about.
void addImageLibrary(TreeWriter& out, size_t root, const DicomReference& source) {
    const size_t library = out.container(root, CODE_DCM_ImageLibrary);
    const size_t group = out.container(library, CODE_DCM_ImageLibraryGroup);
    out.image(group, source);
}

// TID 4019, in a measurement group: which model (and which weights) answered.
void addAlgorithm(TreeWriter& out, size_t group, const SoftwareIdentity& model) {
    if (model.empty()) return;
    out.text(group, DSRTypes::RT_hasConceptMod, CODE_DCM_AlgorithmName, model.name);
    // Algorithm Version is mandatory in TID 4019.
    out.text(group, DSRTypes::RT_hasConceptMod, CODE_DCM_AlgorithmVersion,
             model.version.empty() ? std::string("unknown") : model.version);
    if (!model.weightsHash.empty())
        out.text(group, DSRTypes::RT_hasConceptMod, CODE_DCM_AlgorithmParameters, "weights " + model.weightsHash);
}

// TID 1501's head: tracking identifier and UID, then the finding.
size_t addGroup(TreeWriter& out, size_t measurements, const std::string& trackingId, const std::string& label) {
    const size_t group = out.container(measurements, CODE_DCM_MeasurementGroup);
    out.text(group, DSRTypes::RT_hasObsContext, CODE_DCM_TrackingIdentifier, trackingId);
    out.uid(group, DSRTypes::RT_hasObsContext, CODE_DCM_TrackingUniqueIdentifier, UidMap::fresh());
    if (!singleLine(label, 64).empty())
        out.code(group, DSRTypes::RT_contains, CODE_DCM_Finding, privateCode(label, label));
    return group;
}

void addVlmGroup(TreeWriter& out, size_t measurements, const CaseReport& c) {
    const size_t group = addGroup(out, measurements, "VLM answer", c.vlmLabel);
    addAlgorithm(out, group, c.model);
    const auto scored = std::find_if(c.labels.begin(), c.labels.end(),
                                     [&](const service::LabelProbability& l) { return l.label == c.vlmLabel; });
    // The label's probability as a TID 1501 measurement: "Certainty of Finding" is
    // DICOM's concept for how likely a finding holds (the CAD templates use it).
    if (!c.vlmLabel.empty() && scored != c.labels.end())
        out.num(group, CODE_DCM_CertaintyOfFinding, scored->probability, kRatio);
    out.text(group, DSRTypes::RT_contains, kQuestion, c.question);
    out.text(group, DSRTypes::RT_contains, kAnswer, c.answer);
    out.text(group, DSRTypes::RT_contains, kAnswerWithExemplar, c.answerWithExemplar);
    out.observedAt(group, c.answeredAt);
}

void addTsmGroup(TreeWriter& out, size_t measurements, const CaseReport& c) {
    const service::TsmPrediction& tsm = *c.tsm;
    const bool hasTop = tsm.top < tsm.probabilities.size();
    const size_t group =
        addGroup(out, measurements, "TSM prediction", hasTop ? tsm.probabilities[tsm.top].label : std::string());
    SoftwareIdentity model = c.tsmModel;
    if (model.name.empty()) model.name = tsm.name;
    addAlgorithm(out, group, model);
    if (hasTop) out.num(group, CODE_DCM_CertaintyOfFinding, tsm.probabilities[tsm.top].probability, kRatio);
}

void addReadGroup(TreeWriter& out, size_t measurements, const std::string& trackingId, const ReviewRead& read,
                  const std::string& savedAt) {
    const size_t group = addGroup(out, measurements, trackingId, read.label);
    out.text(group, DSRTypes::RT_contains, kReaderFinding, read.finding);
    if (read.confidence > 0) out.num(group, kReaderConfidence, read.confidence, kScore);
    if (read.secondsSpent > 0) out.num(group, kReadingTime, read.secondsSpent, kSeconds);
    out.observedAt(group, savedAt);
}

void addEvaluations(TreeWriter& out, size_t root, const CaseReport& c) {
    const bool hasAgreement = !c.agreement.empty();
    if (!hasAgreement && !c.review) return;
    const size_t evaluations = out.container(root, CODE_UMLS_QualitativeEvaluations);
    if (hasAgreement) out.code(evaluations, DSRTypes::RT_contains, kAgreement, nameCode(c.agreement));
    if (!c.review) return;
    if (!c.review->decision.empty())
        out.code(evaluations, DSRTypes::RT_contains, kDecision, nameCode(c.review->decision));
    if (!c.review->reason.empty()) out.code(evaluations, DSRTypes::RT_contains, kReason, nameCode(c.review->reason));
    out.text(evaluations, DSRTypes::RT_contains, CODE_DCM_Comment, c.review->text);
}

}  // namespace

void buildMeasurementReport(DSRDocumentTree& tree, const CaseReport& c, const std::filesystem::path& file) {
    TreeWriter out(tree, file);
    const size_t root = out.root(CODE_DCM_ImagingMeasurementReport);
    out.templateIdentification("1500");
    addLanguage(out, root);
    addObservers(out, root, c);
    out.code(root, DSRTypes::RT_hasConceptMod, CODE_DCM_ProcedureReported, CODE_SCT_ImagingProcedure);
    if (!c.dicom.empty()) addImageLibrary(out, root, c.dicom);

    const size_t measurements = out.container(root, CODE_DCM_ImagingMeasurements);
    addVlmGroup(out, measurements, c);
    if (c.tsm) addTsmGroup(out, measurements, c);
    if (c.review) {
        addReadGroup(out, measurements, "Reviewer's read", c.review->read, c.review->savedAt);
        if (c.review->unaidedRead)
            addReadGroup(out, measurements, "Reviewer's unaided read", *c.review->unaidedRead, c.review->savedAt);
    }
    addEvaluations(out, root, c);
}

}  // namespace vitask::report::detail
