// The report as documents: JSON read back with Qt's own parser field by field, the key
// image's PNG decoded by Qt, the HTML's escaping, sections, page breaks, disclaimer and
// patient data, the key image's heatmap blend, and failures that name the file.
#include "vitask/test/error_of.h"
#include "vitask/common/error.h"
#include "vitask/report/case_report.h"
#include "vitask/report/document_report.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace vitask::report;
using vitask::service::LabelProbability;

using vitask::test::errorOf;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// A key image whose every pixel differs, so a decoded PNG that is shifted, flipped or
// swaps channels fails the comparison.
KeyImage patternImage(int width, int height) {
    KeyImage k;
    k.width = width;
    k.height = height;
    k.heatmap = true;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c) k.rgb.push_back(uint8_t((x * 7 + y * 13 + c * 91) % 256));
    return k;
}

PatientInfo patientInfo() {
    PatientInfo p;
    p.name = "Doe^Jane";
    p.id = "PID-4711";
    p.birthDate = "19600102";
    p.sex = "F";
    p.studyDate = "20240501";
    p.studyTime = "090100";
    p.accessionNumber = "ACC-99";
    p.studyId = "STUDY-7";
    p.studyDescription = "CT THORAX";
    p.referringPhysician = "Who^Doctor";
    return p;
}

// Every field set, each to a value of its own.
CaseReport fullCase() {
    CaseReport c;
    c.title = "Case 1 of 2";
    c.sourceFile = "/data/study/IM0001.dcm";
    c.dicom = {"1.2.3.1", "1.2.3.2", "1.2.3.3", "1.2.840.10008.5.1.4.1.1.2"};
    c.dataset = {"dermamnist.npz", "test", 42};
    c.patient = patientInfo();
    c.burnedInAnnotation = true;
    c.groundTruth = "melanoma";
    c.question = "What does the dermatoscope image show?";
    c.answer = "A melanoma.";
    c.answerWithExemplar = "Melanocytic nevi.";
    c.labels = {{"melanoma", 0.625}, {"nevus", 0.25}, {"keratosis", 0.125}};
    c.labelsWithExemplar = {{"melanoma", 0.375}, {"nevus", 0.5}, {"keratosis", 0.125}};
    c.vlmLabel = "melanoma";
    c.tsm = vitask::service::TsmPrediction{"derm-tsm", {{"melanoma", 0.75}, {"nevus", 0.2}, {"keratosis", 0.05}}, 0};
    c.agreement = "agree";
    c.saliencyMethod = "Grad-CAM";
    c.saliencyLabel = "melanoma";
    c.model = {"vitask-derm", "1.2.0", "sha256:aaaa"};
    c.tsmModel = {"derm-tsm", "0.9", "sha256:bbbb"};
    c.answeredAt = "2026-01-02T03:04:05Z";
    ReviewDecision r;
    r.reviewer = "Dr. Reader";
    r.decision = "correct";
    r.reason = "wrong_label";
    r.text = "Looks like a nevus.";
    r.read = {"nevus", "regular network", 4, 12.5};
    r.unaidedRead = ReviewRead{"melanoma", "asymmetric", 2, 30.25};
    r.savedAt = "2026-01-02T03:05:06.789Z";
    c.review = r;
    c.keyImage = patternImage(5, 3);
    return c;
}

// The other shape of every optional: none of them there, the key image withheld.
CaseReport sparseCase() {
    CaseReport c;
    c.title = "Case 2 of 2";
    c.question = "Is there pneumonia?";
    c.answer = "No.";
    c.agreement = "unknown";
    c.keyImage.withheld = "the source has burned-in annotation";
    return c;
}

Report sampleReport() {
    Report r;
    r.title = "Worklist A";
    r.generatedAt = "2026-01-03T00:00:00Z";
    r.software = {"VITask Studio", "0.1.0", ""};
    r.deidentified = false;
    r.cases = {fullCase(), sparseCase()};
    return r;
}

QJsonObject parse(const std::string& json) {
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    if (error.error != QJsonParseError::NoError) qWarning() << error.errorString();
    return document.object();
}

bool sameProbabilities(const QJsonValue& value, const std::vector<LabelProbability>& expected) {
    const QJsonArray array = value.toArray();
    if (array.size() != qsizetype(expected.size())) return false;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const QJsonObject o = array[qsizetype(i)].toObject();
        if (o["label"].toString() != q(expected[i].label) || o["probability"].toDouble() != expected[i].probability)
            return false;
    }
    return true;
}

bool sameSoftware(const QJsonValue& value, const SoftwareIdentity& s) {
    const QJsonObject o = value.toObject();
    return o["name"].toString() == q(s.name) && o["version"].toString() == q(s.version) &&
           o["weightsHash"].toString() == q(s.weightsHash);
}

bool sameRead(const QJsonValue& value, const ReviewRead& r) {
    const QJsonObject o = value.toObject();
    return o["label"].toString() == q(r.label) && o["finding"].toString() == q(r.finding) &&
           o["confidence"].toInt() == r.confidence && o["secondsSpent"].toDouble() == r.secondsSpent;
}

// `image` as 8-bit RGB bytes, row by row.
std::vector<uint8_t> rgbBytes(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    std::vector<uint8_t> out;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = rgb.constScanLine(y);
        out.insert(out.end(), line, line + rgb.width() * 3);
    }
    return out;
}

int count(const QString& text, const QString& what) { return int(text.count(what)); }

QString escapedDisclaimer() {
    return q(researchDisclaimer()).replace(QLatin1Char('\''), QStringLiteral("&#39;"));
}

}  // namespace

class TestReportDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonHasEveryField() {
        const Report report = sampleReport();
        const QJsonObject root = parse(jsonReport(report));
        QCOMPARE(root["format"].toString(), QStringLiteral("vitask-report"));
        QCOMPARE(root["version"].toInt(), 1);
        QCOMPARE(root["title"].toString(), q(report.title));
        QCOMPARE(root["generatedAt"].toString(), q(report.generatedAt));
        QVERIFY(sameSoftware(root["software"], report.software));
        QCOMPARE(root["deidentified"].toBool(true), false);
        QCOMPARE(root["disclaimer"].toString(), q(researchDisclaimer()));
        QCOMPARE(root["cases"].toArray().size(), 2);

        const CaseReport& c = report.cases[0];
        const QJsonObject j = root["cases"].toArray()[0].toObject();
        QCOMPARE(j["title"].toString(), q(c.title));
        QCOMPARE(j["sourceFile"].toString(), q(c.sourceFile.string()));
        const QJsonObject dicom = j["dicom"].toObject();
        QCOMPARE(dicom["studyInstanceUid"].toString(), q(c.dicom.studyInstanceUid));
        QCOMPARE(dicom["seriesInstanceUid"].toString(), q(c.dicom.seriesInstanceUid));
        QCOMPARE(dicom["sopInstanceUid"].toString(), q(c.dicom.sopInstanceUid));
        QCOMPARE(dicom["sopClassUid"].toString(), q(c.dicom.sopClassUid));
        const QJsonObject dataset = j["dataset"].toObject();
        QCOMPARE(dataset["file"].toString(), q(c.dataset.file));
        QCOMPARE(dataset["split"].toString(), q(c.dataset.split));
        QCOMPARE(dataset["index"].toInteger(), c.dataset.index);
        const QJsonObject patient = j["patient"].toObject();
        const PatientInfo& p = *c.patient;
        const std::pair<const char*, const std::string*> patientFields[] = {
            {"name", &p.name},
            {"id", &p.id},
            {"birthDate", &p.birthDate},
            {"sex", &p.sex},
            {"studyDate", &p.studyDate},
            {"studyTime", &p.studyTime},
            {"accessionNumber", &p.accessionNumber},
            {"studyId", &p.studyId},
            {"studyDescription", &p.studyDescription},
            {"referringPhysician", &p.referringPhysician}};
        for (const auto& [key, value] : patientFields) QCOMPARE(patient[QLatin1String(key)].toString(), q(*value));
        QCOMPARE(patient.size(), qsizetype(std::size(patientFields)));
        QCOMPARE(j["burnedInAnnotation"].toBool(), true);
        QCOMPARE(j["groundTruth"].toString(), q(c.groundTruth));
        QCOMPARE(j["question"].toString(), q(c.question));
        QCOMPARE(j["answer"].toString(), q(c.answer));
        QCOMPARE(j["answerWithExemplar"].toString(), q(c.answerWithExemplar));
        QVERIFY(sameProbabilities(j["labels"], c.labels));
        QVERIFY(sameProbabilities(j["labelsWithExemplar"], c.labelsWithExemplar));
        QCOMPARE(j["vlmLabel"].toString(), q(c.vlmLabel));
        const QJsonObject tsm = j["tsm"].toObject();
        QCOMPARE(tsm["name"].toString(), q(c.tsm->name));
        QVERIFY(sameProbabilities(tsm["probabilities"], c.tsm->probabilities));
        QCOMPARE(tsm["top"].toInteger(), qint64(c.tsm->top));
        QCOMPARE(j["agreement"].toString(), q(c.agreement));
        QCOMPARE(j["saliencyMethod"].toString(), q(c.saliencyMethod));
        QCOMPARE(j["saliencyLabel"].toString(), q(c.saliencyLabel));
        QVERIFY(sameSoftware(j["model"], c.model));
        QVERIFY(sameSoftware(j["tsmModel"], c.tsmModel));
        QCOMPARE(j["answeredAt"].toString(), q(c.answeredAt));
        const QJsonObject review = j["review"].toObject();
        QCOMPARE(review["reviewer"].toString(), q(c.review->reviewer));
        QCOMPARE(review["decision"].toString(), q(c.review->decision));
        QCOMPARE(review["reason"].toString(), q(c.review->reason));
        QCOMPARE(review["text"].toString(), q(c.review->text));
        QVERIFY(sameRead(review["read"], c.review->read));
        QVERIFY(sameRead(review["unaidedRead"], *c.review->unaidedRead));
        QCOMPARE(review["savedAt"].toString(), q(c.review->savedAt));
        const QJsonObject key = j["keyImage"].toObject();
        QCOMPARE(key["width"].toInt(), c.keyImage.width);
        QCOMPARE(key["height"].toInt(), c.keyImage.height);
        QCOMPARE(key["heatmap"].toBool(), true);
        // 22 keys: every CaseReport field, and nothing else.
        QCOMPARE(j.size(), 22);
    }

    void jsonAbsentOptionalsAreNullAndWithheldImagesSayWhy() {
        const QJsonObject j = parse(jsonReport(sampleReport()))["cases"].toArray()[1].toObject();
        QVERIFY(!j.contains("patient"));
        QVERIFY(j["tsm"].isNull());
        QVERIFY(j["review"].isNull());
        QCOMPARE(j["dataset"].toObject()["index"].toInt(), -1);
        const QJsonObject key = j["keyImage"].toObject();
        QCOMPARE(key["withheld"].toString(), QStringLiteral("the source has burned-in annotation"));
        QVERIFY(!key.contains("png"));

        Report noImage = sampleReport();
        noImage.cases[1].keyImage = {};
        QVERIFY(parse(jsonReport(noImage))["cases"].toArray()[1].toObject()["keyImage"].isNull());

        Report unaided = sampleReport();
        unaided.cases[0].review->unaidedRead.reset();
        QVERIFY(parse(jsonReport(unaided))["cases"].toArray()[0].toObject()["review"].toObject()["unaidedRead"].isNull());
    }

    void keyImagePngDecodesToTheSamePixels() {
        const KeyImage k = patternImage(37, 23);
        const auto png = keyImagePng(k);
        const QImage decoded = QImage::fromData(png.data(), int(png.size()), "PNG");
        QCOMPARE(decoded.size(), QSize(37, 23));
        QVERIFY(rgbBytes(decoded) == k.rgb);

        // The JSON carries the same PNG.
        Report report = sampleReport();
        report.cases[0].keyImage = k;
        const QJsonObject key = parse(jsonReport(report))["cases"].toArray()[0].toObject()["keyImage"].toObject();
        const QByteArray fromJson = QByteArray::fromBase64(key["png"].toString().toLatin1());
        QVERIFY(rgbBytes(QImage::fromData(fromJson, "PNG")) == k.rgb);

        QVERIFY(keyImagePng(KeyImage{}).empty());
    }

    void htmlEscapesText() {
        Report report = sampleReport();
        report.cases[0].answer = "size < 6 mm & regular <b>border</b>";
        report.cases[0].question = "Is \"it\" benign?\nAnswer briefly.";
        const QString html = q(htmlReport(report));
        QVERIFY(html.contains("size &lt; 6 mm &amp; regular &lt;b&gt;border&lt;/b&gt;"));
        QVERIFY(!html.contains("<b>border</b>"));
        QVERIFY(html.contains("Is &quot;it&quot; benign?<br>Answer briefly."));
    }

    void htmlHasOneSectionPerCaseWithPageBreaksAndTheDisclaimer() {
        Report report = sampleReport();
        report.cases.push_back(fullCase());
        const QString html = q(htmlReport(report));
        QCOMPARE(count(html, "<section"), 3);
        QCOMPARE(count(html, "</section>"), 3);
        const QStringList sections = html.split("<section").mid(1);
        const QString pageBreak = QStringLiteral("style=\"page-break-before: always\"");
        QVERIFY(!sections[0].startsWith(" " + pageBreak));
        QVERIFY(sections[1].startsWith(" " + pageBreak + ">"));
        QVERIFY(sections[2].startsWith(" " + pageBreak + ">"));
        for (const QString& section : sections) QCOMPARE(count(section, escapedDisclaimer()), 1);
        // What a reader needs from each case.
        const CaseReport& c = report.cases[0];
        for (const auto& text : {c.question, c.answer, c.answerWithExemplar, c.model.name, c.model.version,
                                 c.model.weightsHash, c.tsmModel.name, c.saliencyMethod, c.review->reviewer,
                                 c.review->text, c.groundTruth})
            QVERIFY2(sections[0].contains(q(text)), text.c_str());
        QVERIFY(sections[0].contains("62.5&#160;%"));  // without the exemplar
        QVERIFY(sections[0].contains("37.5&#160;%"));  // with it
        QVERIFY(sections[0].contains("75.0&#160;%"));  // the TSM
        QVERIFY(sections[0].contains("Corrected"));
        QVERIFY(sections[0].contains("Wrong label"));
        QVERIFY(sections[0].contains("2026-01-02 03:04:05 UTC"));
        QVERIFY(sections[1].contains("Key image withheld: the source has burned-in annotation"));
        QVERIFY(sections[1].contains("Not reviewed."));
    }

    void htmlImagesAreDataUrisUnlessTheCallerNamesThem() {
        Report report = sampleReport();
        const QString embedded = q(htmlReport(report));
        QCOMPARE(count(embedded, "<img "), 1);  // the second case's image is withheld
        QVERIFY(embedded.contains("src=\"data:image/png;base64,iVBORw0KGgo"));

        std::vector<std::size_t> asked;
        const QString named = q(htmlReport(report, [&asked](std::size_t i) {
            asked.push_back(i);
            return "vitask-key-image:" + std::to_string(i);
        }));
        QVERIFY(named.contains("src=\"vitask-key-image:0\""));
        QVERIFY(!named.contains("data:image"));
        QCOMPARE(asked, std::vector<std::size_t>{0});
    }

    void patientDataOnlyWhenPresent() {
        // JSON keeps DICOM's values; HTML shows names and dates as people write them.
        const QString jsonValues[] = {"Doe^Jane", "PID-4711", "19600102", "20240501", "ACC-99", "STUDY-7",
                                      "CT THORAX", "Who^Doctor"};
        const QString htmlValues[] = {"Doe, Jane", "PID-4711", "1960-01-02", "2024-05-01 09:01:00", "ACC-99",
                                      "STUDY-7", "CT THORAX", "Who, Doctor"};
        Report with = sampleReport();
        const QString html = q(htmlReport(with)), json = q(jsonReport(with));
        for (const QString& v : jsonValues) QVERIFY2(json.contains(v), qPrintable(v));
        for (const QString& v : htmlValues) QVERIFY2(html.contains(v), qPrintable(v));

        Report without = sampleReport();
        without.deidentified = true;
        for (auto& c : without.cases) c.patient.reset();
        const QString html2 = q(htmlReport(without)), json2 = q(jsonReport(without));
        for (const QString& v : jsonValues) QVERIFY2(!json2.contains(v) && !html2.contains(v), qPrintable(v));
        for (const QString& v : htmlValues) QVERIFY2(!json2.contains(v) && !html2.contains(v), qPrintable(v));
        QVERIFY(!html2.contains("Doe") && !json2.contains("Doe"));
        QVERIFY(!json2.contains("\"patient\""));
        QVERIFY(!html2.contains("Patient"));
        QVERIFY(!html2.contains("contains patient data"));
    }

    void keyImageBlendsTheHeatmapWhereTheMapIsHigh() {
        // A 4x4 grey image at 0.5 under a 2x2 map stretched over it: 0 in the top row of
        // the map, 1 in the bottom row.
        vitask::service::ModelImage image{1, 4, 4, std::vector<float>(16, 0.5f)};
        vitask::service::SaliencyMap map{2, 2, {0.f, 0.f, 1.f, 1.f}, "melanoma", "Grad-CAM"};
        const KeyImage k = keyImageFrom(image, &map);
        QCOMPARE(k.width, 4);
        QCOMPARE(k.height, 4);
        QVERIFY(k.heatmap);
        QCOMPARE(k.rgb.size(), std::size_t(48));
        auto pixel = [&k](int x, int y) {
            const auto* p = &k.rgb[std::size_t(y * 4 + x) * 3];
            return std::array<int, 3>{p[0], p[1], p[2]};
        };
        for (int x = 0; x < 4; ++x) {
            // Where the map is 0 the grey value is kept as it is.
            QCOMPARE(pixel(x, 0), (std::array<int, 3>{128, 128, 128}));
            // Where it is 1: half grey, half the hottest colour of the studio's turbo map
            // (ui/viewer's turboColour(1.0) = (144, 13, 0)).
            const auto hot = pixel(x, 3);
            QVERIFY2(std::abs(hot[0] - 136) <= 1 && std::abs(hot[1] - 71) <= 1 && std::abs(hot[2] - 64) <= 1,
                     qPrintable(QStringLiteral("%1 %2 %3").arg(hot[0]).arg(hot[1]).arg(hot[2])));
        }
        // In between (0.25 after the stretch) the heat shows, but less.
        QVERIFY(pixel(0, 1) != pixel(0, 0));
        QVERIFY(pixel(0, 1) != pixel(0, 3));

        // Without a map: grey to RGB, and no heatmap.
        const KeyImage plain = keyImageFrom(image, nullptr);
        QVERIFY(!plain.heatmap);
        QVERIFY(plain.rgb == std::vector<uint8_t>(48, 128));

        // Colour images keep their channels.
        vitask::service::ModelImage colour{3, 1, 1, {1.f, 0.f, 0.2f}};
        QVERIFY((keyImageFrom(colour, nullptr).rgb == std::vector<uint8_t>{255, 0, 51}));

        // Inconsistent sizes are errors, not crashes.
        vitask::service::ModelImage broken{1, 4, 4, std::vector<float>(15, 0.5f)};
        QVERIFY(!errorOf([&] { keyImageFrom(broken, nullptr); }).isEmpty());
        vitask::service::SaliencyMap brokenMap{2, 2, {0.f}, "", ""};
        QVERIFY(!errorOf([&] { keyImageFrom(image, &brokenMap); }).isEmpty());
    }

    void caseReportFromAnswerCopiesTheAnswer() {
        vitask::service::AskResult result;
        result.instruction = "Which disease?";
        result.answer = "Melanoma.";
        result.labels = {{"melanoma", 0.7}, {"nevus", 0.3}};
        result.labelsWithExemplar = {{"melanoma", 0.4}, {"nevus", 0.6}};
        result.tsm = vitask::service::TsmPrediction{"derm-tsm", {{"melanoma", 0.9}, {"nevus", 0.1}}, 0};
        result.saliency = vitask::service::SaliencyMap{1, 1, {1.f}, "melanoma", "occlusion"};
        result.agreement = vitask::service::Agreement::Agree;
        result.vlmLabel = "melanoma";
        vitask::service::AskResult exemplar = result;
        exemplar.answer = "Nevus.";

        const CaseReport c = caseReportFromAnswer(result, &exemplar);
        QCOMPARE(q(c.question), QStringLiteral("Which disease?"));
        QCOMPARE(q(c.answer), QStringLiteral("Melanoma."));
        QCOMPARE(q(c.answerWithExemplar), QStringLiteral("Nevus."));
        QCOMPARE(c.labels.size(), std::size_t(2));
        QCOMPARE(c.labels[0].probability, 0.7);
        QCOMPARE(c.labelsWithExemplar[1].probability, 0.6);
        QCOMPARE(q(c.vlmLabel), QStringLiteral("melanoma"));
        QVERIFY(c.tsm.has_value());
        QCOMPARE(q(c.tsm->name), QStringLiteral("derm-tsm"));
        QCOMPARE(q(c.tsmModel.name), QStringLiteral("derm-tsm"));
        QCOMPARE(q(c.agreement), QStringLiteral("agree"));
        QCOMPARE(q(c.saliencyMethod), QStringLiteral("occlusion"));
        QCOMPARE(q(c.saliencyLabel), QStringLiteral("melanoma"));
        QVERIFY(QRegularExpression("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$").match(q(c.answeredAt)).hasMatch());
        QVERIFY(!c.review);
        QVERIFY(!c.patient);

        const CaseReport alone = caseReportFromAnswer(result, nullptr);
        QVERIFY(alone.answerWithExemplar.empty());
        QCOMPARE(alone.labelsWithExemplar.size(), std::size_t(2));
    }

    void isoTimeNowIsUtcWithSeconds() {
        const QString now = q(isoTimeNowUtc());
        const QDateTime parsed = QDateTime::fromString(now, Qt::ISODate);
        QVERIFY2(parsed.isValid(), qPrintable(now));
        QVERIFY(now.endsWith('Z'));
        QVERIFY(std::abs(parsed.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }

    void writesFilesAtomically() {
        QTemporaryDir dir;
        const Report report = sampleReport();
        const std::string json = dir.filePath("report.json").toStdString();
        const std::string html = dir.filePath("report.html").toStdString();
        writeJsonReport(report, json);
        writeHtmlReport(report, html);
        QFile jsonFile(q(json)), htmlFile(q(html));
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        QCOMPARE(jsonFile.readAll().toStdString(), jsonReport(report));
        QCOMPARE(htmlFile.readAll().toStdString(), htmlReport(report));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);  // no temporary files left
    }

    void unwritablePathsNameTheFile() {
        const Report report = sampleReport();
        const QString json = errorOf([&] { writeJsonReport(report, "/etc/hostname/x.json"); });
        QVERIFY2(json.contains("/etc/hostname/x.json"), qPrintable(json));
        const QString html = errorOf([&] { writeHtmlReport(report, "/etc/hostname/x.html"); });
        QVERIFY2(html.contains("/etc/hostname/x.html"), qPrintable(html));
    }
};

QTEST_GUILESS_MAIN(TestReportDocument)
#include "test_report_document.moc"
