// The DICOM side of a report, checked by independent readers: the SR and key image
// written from a real source (python3-pydicom's CT_small and MR_small) are read back by
// DCMTK (DSRDocument), dsrdump, dicom3tools' dciodvfy and pydicom (a child process of
// Debian's /usr/bin/python3 running dicom_report_check.py); the de-identified copy is
// held against PS3.15's Basic Profile by that script's own list of attributes.
#include "vitask/common/error.h"
#include "vitask/report/deidentify.h"
#include "vitask/report/dicom_report.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace vitask;
using report::CaseReport;
using report::Report;

namespace {

const std::filesystem::path kPydicom = "/usr/lib/python3/dist-packages/pydicom/data/test_files";
const std::filesystem::path kCharsets = "/usr/lib/python3/dist-packages/pydicom/data/charset_files";
// Debian's interpreter, which has python3-pydicom; the python3 first on PATH may not.
const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kDsrdump = QStringLiteral("/usr/bin/dsrdump");    // dcmtk
const QString kDciodvfy = QStringLiteral("/usr/bin/dciodvfy");  // dicom3tools

QString qs(const std::string& text) { return QString::fromStdString(text); }
QString qs(const std::filesystem::path& path) { return QString::fromStdString(path.string()); }

struct Run {
    int exitCode = -1;
    QString output;  // stdout, or stdout and stderr together when merged
    QString errors;
};

Run run(const QString& program, const QStringList& arguments, bool merged = true) {
    QProcess process;
    if (merged) process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.output = program + " did not finish";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAllStandardOutput());
    if (!merged) result.errors = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// The facts dicom_report_check.py prints; empty (and a warning) when it fails.
QJsonObject pydicomFacts(const QStringList& arguments) {
    const QString script = qEnvironmentVariable("VITASK_SOURCE_DIR") + "/core/report/test/dicom_report_check.py";
    const Run result = run(kPython, QStringList{script} + arguments, false);
    if (result.exitCode != 0) {
        qWarning().noquote() << "dicom_report_check.py" << arguments.join(' ') << "failed:\n"
                             << result.output << result.errors;
        return {};
    }
    return QJsonDocument::fromJson(result.output.toUtf8()).object();
}

QStringList strings(const QJsonValue& array) {
    QStringList list;
    for (const QJsonValue& value : array.toArray()) list << value.toString();
    return list;
}

// A recognisable picture: red rises to the right, green downwards.
report::KeyImage gradientImage(int width, int height) {
    report::KeyImage image;
    image.width = width;
    image.height = height;
    image.heatmap = true;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.rgb.insert(image.rgb.end(), {uint8_t(x * 255 / width), uint8_t(y * 255 / height), uint8_t(77)});
    return image;
}

CaseReport sampleCase(bool reviewed) {
    CaseReport c;
    c.title = "Case 1 of 1";
    c.question = "Is there pneumonia in this image?";
    c.answer = "Pneumonia in the right lower lobe (consolidation, \xC3\xA9panchement? \xE8\x82\xBA\xE7\x82\x8E).";
    c.answerWithExemplar = "pneumonia";
    c.labels = {{"normal", 0.125}, {"pneumonia", 0.875}};
    c.vlmLabel = "pneumonia";
    service::TsmPrediction tsm;
    tsm.name = "pneumonia-resnet";
    tsm.probabilities = {{"normal", 0.25}, {"pneumonia", 0.75}};
    tsm.top = 1;
    c.tsm = tsm;
    c.agreement = "agree";
    c.saliencyMethod = "Grad-CAM";
    c.saliencyLabel = "pneumonia";
    c.model = {"LLaVA-Med-VITask", "1.5.2", "sha256:0123456789abcdef"};
    c.tsmModel = {"pneumonia-resnet", "3", ""};
    c.answeredAt = "2026-12-05T22:50:39Z";
    c.keyImage = gradientImage(40, 30);
    if (reviewed) {
        report::ReviewDecision review;
        review.reviewer = "Ada Reviewer";
        review.decision = "correct";
        review.reason = "wrong_label";
        review.text = "Consolidation is atelectasis; no pneumonia.";
        review.read = {"normal", "Atelectasis at the right base", 4, 12.5};
        review.unaidedRead = report::ReviewRead{"normal", "No consolidation", 3, 8.0};
        review.savedAt = "2026-12-06T09:15:00Z";
        c.review = review;
    }
    return c;
}

Report sampleReport(const CaseReport& c) {
    Report r;
    r.title = "VITask report";
    r.generatedAt = "2026-12-06T10:00:00Z";
    r.software = {"VITask Studio", "0.1.0", ""};
    r.deidentified = false;
    r.cases = {c};
    return r;
}

CaseReport caseFromDicom(const std::filesystem::path& source, bool reviewed) {
    CaseReport c = sampleCase(reviewed);
    c.sourceFile = source;
    report::readDicomSource(c);
    return c;
}

}  // namespace

class TestReportDicom : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::filesystem::path folder_;

    std::filesystem::path file(const std::string& name) const { return folder_ / name; }

    // dciodvfy (dicom3tools) validates the IOD and, for SR, the content tree.
    void expectValidIod(const std::filesystem::path& path) {
        const Run result = run(kDciodvfy, {qs(path)});
        qInfo().noquote() << "dciodvfy" << qs(path.filename()) << "says:\n" << result.output;
        // It names the IOD it checked on its first line; a file it cannot read is an
        // "Abort", which must fail as surely as an "Error".
        QVERIFY2(result.exitCode >= 0 && !result.output.trimmed().isEmpty(),
                 qPrintable("dciodvfy did not check " + qs(path) + ": " + result.output));
        QStringList errors;
        for (const QString& line : result.output.split('\n'))
            if (line.startsWith("Error") || line.startsWith("Abort")) errors << line;
        QVERIFY2(errors.isEmpty(), qPrintable("dciodvfy found errors in " + qs(path) + ":\n" + result.output));
    }

    // DCMTK reads the SR back as a valid Comprehensive SR following TID 1500.
    void expectValidSr(const std::filesystem::path& path, bool complete) {
        DcmFileFormat format;
        QVERIFY(format.loadFile(path.c_str()).good());
        DSRDocument document;
        const OFCondition status = document.read(*format.getDataset());
        QVERIFY2(status.good(), status.text());
        QVERIFY(document.isValid());
        QCOMPARE(document.getDocumentType(), DSRTypes::DT_ComprehensiveSR);
        QVERIFY(document.getTree().isValid());
        OFString templateId, mappingResource;
        QVERIFY(document.getTree().getTemplateIdentification(templateId, mappingResource).good());
        QCOMPARE(QString(templateId.c_str()), QString("1500"));
        QCOMPARE(QString(mappingResource.c_str()), QString("DCMR"));
        QCOMPARE(document.getCompletionFlag(), complete ? DSRTypes::CF_Complete : DSRTypes::CF_Partial);
        QCOMPARE(document.getVerificationFlag(), DSRTypes::VF_Unverified);
    }

    // dsrdump (DCMTK) renders it without complaint, with the case's content.
    QString dsrdump(const std::filesystem::path& path) {
        const Run result = run(kDsrdump, {qs(path)});
        if (result.exitCode != 0) qWarning().noquote() << result.output;
        QStringList errors;
        for (const QString& line : result.output.split('\n')) {
            if (line.startsWith("E:")) errors << line;
            if (line.startsWith("W:")) qInfo().noquote() << "dsrdump:" << line;
        }
        if (!errors.isEmpty()) qWarning().noquote() << "dsrdump:" << errors.join('\n');
        return result.exitCode == 0 && errors.isEmpty() ? result.output : QString();
    }

    // De-identifies `source` into a copy and writes the SR and key image of its case's
    // de-identified report with the same UidMap; checks all three with dciodvfy and
    // gets pydicom's facts about them into `facts`.
    void deidentifiedExport(const std::filesystem::path& source, QJsonObject& facts) {
        const std::string stem = source.stem().string();
        report::UidMap uids;
        const Report safe = report::deidentified(sampleReport(caseFromDicom(source, true)), uids);
        const std::filesystem::path copy = file(stem + "-deidentified.dcm");
        report::writeDeidentifiedCopy(source, copy, uids);
        const report::DicomReportFiles files =
            report::writeDicomReport(safe, safe.cases.at(0), file(stem + "-deidentified-report.dcm"));
        QVERIFY(!files.secondaryCapture.empty());
        for (const auto& written : {copy, files.structuredReport, files.secondaryCapture}) {
            expectValidIod(written);
            if (QTest::currentTestFailed()) return;
        }
        facts = pydicomFacts({"deid", qs(source), qs(copy), qs(files.structuredReport), qs(files.secondaryCapture)});
        QVERIFY(!facts.isEmpty());
    }

private Q_SLOTS:
    void initTestCase() {
        if (!std::filesystem::exists(kPydicom / "CT_small.dcm")) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        for (const QString& tool : {kPython, kDsrdump, kDciodvfy})
            QVERIFY2(QFileInfo(tool).isExecutable(),
                     qPrintable(tool + " is missing: install Debian's python3-pydicom, dcmtk and dicom3tools "
                                       "(scripts/install-deps.sh)"));
        QVERIFY(dir_.isValid());
        folder_ = dir_.path().toStdString();
        QVERIFY2(!qEnvironmentVariable("VITASK_SOURCE_DIR").isEmpty(), "run through ctest (VITASK_SOURCE_DIR)");
    }

    void uidMapGivesNewUidsConsistently() {
        report::UidMap uids;
        const std::string a = uids.map("1.2.3");
        QCOMPARE(qs(uids.map("1.2.3")), qs(a));
        QVERIFY(uids.map("1.2.4") != a);
        QVERIFY(uids.map("").empty());
        QCOMPARE(uids.size(), std::size_t{2});
        const QRegularExpression uid("^2\\.25\\.(0|[1-9][0-9]*)$");
        for (const std::string& value : {a, report::UidMap::fresh()}) {
            QVERIFY2(uid.match(qs(value)).hasMatch(), value.c_str());
            QVERIFY(value.size() <= 64);
        }
        QVERIFY(report::UidMap::fresh() != report::UidMap::fresh());
    }

    void deidentifiedDropsPatientDataAndMapsUids() {
        CaseReport c = sampleCase(true);
        c.sourceFile = "/data/Doe^John/ct.dcm";
        c.dicom = {"1.2.1", "1.2.2", "1.2.3", "1.2.840.10008.5.1.4.1.1.2"};
        c.patient = report::PatientInfo{"Doe^John", "12345", "19700101", "M", "20260101", "1200", "A1", "S1", "CT", "Dr"};
        c.dataset = {"chestmnist.npz", "test", 7};
        report::UidMap uids;
        const Report safe = report::deidentified(sampleReport(c), uids);
        const CaseReport& d = safe.cases.at(0);
        QVERIFY(safe.deidentified);
        QVERIFY(!d.patient);
        QVERIFY(d.sourceFile.empty());
        QCOMPARE(qs(d.dataset.file), QString("chestmnist.npz"));
        QCOMPARE(qs(d.dicom.studyInstanceUid), qs(uids.map("1.2.1")));
        QCOMPARE(qs(d.dicom.sopInstanceUid), qs(uids.map("1.2.3")));
        QVERIFY(d.dicom.seriesInstanceUid != "1.2.2");
        QCOMPARE(qs(d.dicom.sopClassUid), QString("1.2.840.10008.5.1.4.1.1.2"));  // a class, not an identifier
        QCOMPARE(qs(d.answer), qs(c.answer));
        QCOMPARE(qs(d.review->reviewer), qs(c.review->reviewer));
        QVERIFY(!d.keyImage.empty());

        c.burnedInAnnotation = true;
        const CaseReport withheld = report::deidentified(sampleReport(c), uids).cases.at(0);
        QVERIFY(withheld.keyImage.empty());
        QVERIFY(withheld.keyImage.withheld.find("burned-in") != std::string::npos);
    }

    void readDicomSourceMatchesPydicom_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("convertible");
        QTest::newRow("CT_small") << qs(kPydicom / "CT_small.dcm") << true;
        QTest::newRow("MR_small") << qs(kPydicom / "MR_small.dcm") << true;
        // Patient names in Latin-1 and Cyrillic arrive as UTF-8.
        QTest::newRow("chrFren") << qs(kCharsets / "chrFren.dcm") << true;
        QTest::newRow("chrRuss") << qs(kCharsets / "chrRuss.dcm") << true;
        // ISO 2022 IR 87 (Japanese): Debian's DCMTK cannot convert it; the alphabetic
        // group of the name stays, no escape sequences.
        QTest::newRow("chrH31") << qs(kCharsets / "chrH31.dcm") << false;
    }

    void readDicomSourceMatchesPydicom() {
        QFETCH(QString, source);
        QFETCH(bool, convertible);
        const CaseReport c = caseFromDicom(source.toStdString(), false);
        QJsonObject expected = pydicomFacts({"source", source});
        QVERIFY(!expected.isEmpty());
        if (!convertible) {
            QVERIFY(c.patient && c.patient->name.find('\x1b') == std::string::npos);
            expected["patientName"] = expected["patientName"].toString().section('=', 0, 0);
        }
        QCOMPARE(qs(c.dicom.studyInstanceUid), expected["study"].toString());
        QCOMPARE(qs(c.dicom.seriesInstanceUid), expected["series"].toString());
        QCOMPARE(qs(c.dicom.sopInstanceUid), expected["sop"].toString());
        QCOMPARE(qs(c.dicom.sopClassUid), expected["sopClass"].toString());
        QVERIFY(c.patient);
        QCOMPARE(qs(c.patient->name), expected["patientName"].toString());
        QCOMPARE(qs(c.patient->id), expected["patientId"].toString());
        QCOMPARE(qs(c.patient->birthDate), expected["birthDate"].toString());
        QCOMPARE(qs(c.patient->sex), expected["sex"].toString());
        QCOMPARE(qs(c.patient->studyDate), expected["studyDate"].toString());
        QCOMPARE(qs(c.patient->studyTime), expected["studyTime"].toString());
        QCOMPARE(qs(c.patient->accessionNumber), expected["accessionNumber"].toString());
        QCOMPARE(qs(c.patient->studyId), expected["studyId"].toString());
        QCOMPARE(qs(c.patient->studyDescription), expected["studyDescription"].toString());
        QCOMPARE(qs(c.patient->referringPhysician), expected["referringPhysician"].toString());
        QCOMPARE(c.burnedInAnnotation, expected["burnedInAnnotation"].toString() == "YES");
    }

    void readDicomSourceLeavesOtherFilesAlone() {
        const std::filesystem::path picture = file("picture.png");
        std::ofstream(picture, std::ios::binary) << "\x89PNG\r\n\x1a\n not really a picture";
        CaseReport c = sampleCase(false);
        c.sourceFile = picture;
        report::readDicomSource(c);
        QVERIFY(c.dicom.empty());
        QVERIFY(!c.patient);
        QVERIFY(!c.burnedInAnnotation);
    }

    void reviewedReportIsValidDicom() {
        const std::filesystem::path source = kPydicom / "CT_small.dcm";
        const CaseReport c = caseFromDicom(source, true);
        const report::DicomReportFiles files = report::writeDicomReport(sampleReport(c), c, file("reviewed.dcm"));
        QCOMPARE(qs(files.structuredReport), qs(file("reviewed.dcm")));
        QCOMPARE(qs(files.secondaryCapture), qs(file("reviewed-key-image.dcm")));

        const QString dump = dsrdump(files.structuredReport);
        for (const char* expected : {"pneumonia", "LLaVA-Med-VITask", "1.5.2", "Ada Reviewer", "Algorithm Name",
                                     "Algorithm Version", "Certainty of Finding", "Person Observer Name"})
            QVERIFY2(dump.contains(expected), qPrintable(QString("dsrdump lacks \"%1\":\n%2").arg(expected, dump)));
        expectValidSr(files.structuredReport, true);
        if (QTest::currentTestFailed()) return;
        expectValidIod(files.structuredReport);
        if (QTest::currentTestFailed()) return;
        expectValidIod(files.secondaryCapture);
        if (QTest::currentTestFailed()) return;

        const QJsonObject facts =
            pydicomFacts({"report", qs(source), qs(files.structuredReport), qs(files.secondaryCapture)});
        QVERIFY(!facts.isEmpty());
        const QJsonObject src = facts["source"].toObject(), sr = facts["sr"].toObject(), sc = facts["sc"].toObject();
        QCOMPARE(sr["sopClass"].toString(), QString("1.2.840.10008.5.1.4.1.1.88.33"));
        QCOMPARE(sr["charset"].toString(), QString("ISO_IR 192"));
        QCOMPARE(sr["study"].toString(), src["study"].toString());
        QVERIFY(sr["series"].toString() != src["series"].toString());
        const QJsonArray evidence = sr["evidence"].toArray();
        QCOMPARE(evidence.size(), 1);
        const QJsonObject reference = evidence[0].toObject();
        QCOMPARE(reference["study"].toString(), src["study"].toString());
        QCOMPARE(reference["series"].toString(), src["series"].toString());
        QCOMPARE(reference["sopClass"].toString(), src["sopClass"].toString());
        QCOMPARE(reference["sop"].toString(), src["sop"].toString());
        QVERIFY(strings(sr["images"]).contains(src["sop"].toString()));  // the image library entry
        QCOMPARE(sr["completion"].toString(), QString("COMPLETE"));
        QCOMPARE(sr["verification"].toString(), QString("UNVERIFIED"));
        QVERIFY(strings(sr["codingSchemes"]).contains("99VITASK"));
        // Identified export: the source's patient module.
        QCOMPARE(sr["patientName"].toString(), src["patientName"].toString());
        QCOMPARE(sr["patientId"].toString(), src["patientId"].toString());
        // UTF-8 text arrives as written.
        const QStringList texts = strings(sr["texts"]);
        QVERIFY2(texts.contains(qs(c.answer)), qPrintable(texts.join(" | ")));
        QVERIFY(texts.contains(qs(c.question)));
        QVERIFY(texts.contains(qs(c.review->text)));
        QVERIFY(texts.contains("weights sha256:0123456789abcdef"));
        const QStringList meanings = strings(sr["codeMeanings"]);
        for (const char* expected : {"pneumonia", "normal", "agree", "correct", "wrong label", "Person", "Device",
                                     "Imaging Measurement Report", "Certainty of Finding", "ratio"})
            QVERIFY2(meanings.contains(expected), expected);
        QCOMPARE(strings(sr["personNames"]), QStringList{"Ada Reviewer"});

        QCOMPARE(sc["sopClass"].toString(), QString("1.2.840.10008.5.1.4.1.1.7"));
        QCOMPARE(sc["study"].toString(), sr["study"].toString());
        QVERIFY(sc["series"].toString() != sr["series"].toString());
        QVERIFY(sc["series"].toString() != src["series"].toString());
        QCOMPARE(sc["patientName"].toString(), sr["patientName"].toString());
        QCOMPARE(sc["rows"].toInt(), c.keyImage.height);
        QCOMPARE(sc["columns"].toInt(), c.keyImage.width);
        QCOMPARE(sc["samplesPerPixel"].toInt(), 3);
        QCOMPARE(sc["photometric"].toString(), QString("RGB"));
        QCOMPARE(sc["planarConfiguration"].toInt(), 0);
        QCOMPARE(sc["bitsAllocated"].toInt(), 8);
        QCOMPARE(sc["burnedInAnnotation"].toString(), QString("NO"));
        QCOMPARE(sc["conversionType"].toString(), QString("WSD"));
        QCOMPARE(strings(sc["sourceImages"]), QStringList{src["sop"].toString()});
        const QByteArray rgb(reinterpret_cast<const char*>(c.keyImage.rgb.data()), int(c.keyImage.rgb.size()));
        QCOMPARE(sc["pixelSha256"].toString(),
                 QString::fromLatin1(QCryptographicHash::hash(rgb, QCryptographicHash::Sha256).toHex()));
    }

    void unreviewedReportIsPartialWithoutPersonObserver() {
        const std::filesystem::path source = kPydicom / "MR_small.dcm";
        const CaseReport c = caseFromDicom(source, false);
        const report::DicomReportFiles files = report::writeDicomReport(sampleReport(c), c, file("unreviewed.dcm"));
        const QString dump = dsrdump(files.structuredReport);
        for (const char* expected : {"pneumonia", "LLaVA-Med-VITask", "1.5.2", "pneumonia-resnet"})
            QVERIFY2(dump.contains(expected), qPrintable(QString("dsrdump lacks \"%1\":\n%2").arg(expected, dump)));
        QVERIFY(!dump.contains("Ada Reviewer"));
        QVERIFY(!dump.contains("Person Observer Name"));
        expectValidSr(files.structuredReport, false);
        if (QTest::currentTestFailed()) return;
        expectValidIod(files.structuredReport);
        if (QTest::currentTestFailed()) return;
        expectValidIod(files.secondaryCapture);
        if (QTest::currentTestFailed()) return;
        const QJsonObject facts =
            pydicomFacts({"report", qs(source), qs(files.structuredReport), qs(files.secondaryCapture)});
        QVERIFY(!facts.isEmpty());
        const QJsonObject sr = facts["sr"].toObject();
        QCOMPARE(sr["completion"].toString(), QString("PARTIAL"));
        QCOMPARE(sr["verification"].toString(), QString("UNVERIFIED"));
        QVERIFY(strings(sr["personNames"]).isEmpty());
        QCOMPARE(sr["evidence"].toArray()[0].toObject()["sop"].toString(),
                 facts["source"].toObject()["sop"].toString());
        QCOMPARE(facts["sc"].toObject()["study"].toString(), sr["study"].toString());
    }

    void identifiedReportKeepsTheSourcesPatientNameInUtf8() {
        const std::filesystem::path source = kCharsets / "chrFren.dcm";  // ISO_IR 100 (Latin-1)
        const CaseReport c = caseFromDicom(source, false);
        const report::DicomReportFiles files = report::writeDicomReport(sampleReport(c), c, file("latin1.dcm"));
        const QJsonObject facts =
            pydicomFacts({"report", qs(source), qs(files.structuredReport), qs(files.secondaryCapture)});
        QVERIFY(!facts.isEmpty());
        const QString name = facts["source"].toObject()["patientName"].toString();
        QVERIFY(name.contains(QChar(0xE9)));  // the é of the source
        QCOMPARE(facts["sr"].toObject()["patientName"].toString(), name);
        QCOMPARE(facts["sc"].toObject()["patientName"].toString(), name);
        QCOMPARE(facts["sr"].toObject()["charset"].toString(), QString("ISO_IR 192"));
    }

    void datasetCaseGetsANewStudy() {
        CaseReport c = sampleCase(true);
        c.dataset = {"pneumoniamnist.npz", "test", 12};
        const report::DicomReportFiles files = report::writeDicomReport(sampleReport(c), c, file("dataset.dcm"));
        expectValidSr(files.structuredReport, true);
        if (QTest::currentTestFailed()) return;
        expectValidIod(files.structuredReport);
        if (QTest::currentTestFailed()) return;
        expectValidIod(files.secondaryCapture);
        if (QTest::currentTestFailed()) return;
        const QJsonObject facts = pydicomFacts({"report", qs(kPydicom / "CT_small.dcm"), qs(files.structuredReport),
                                                qs(files.secondaryCapture)});
        QVERIFY(!facts.isEmpty());
        const QJsonObject sr = facts["sr"].toObject();
        QVERIFY(sr["study"].toString().startsWith("2.25."));
        QCOMPARE(facts["sc"].toObject()["study"].toString(), sr["study"].toString());
        QVERIFY(sr["evidence"].toArray().isEmpty());
        QVERIFY(strings(facts["sc"].toObject()["sourceImages"]).isEmpty());
    }

    void deidentifiedExportFollowsBasicProfile_data() {
        QTest::addColumn<QString>("source");
        QTest::newRow("CT_small") << qs(kPydicom / "CT_small.dcm");
        QTest::newRow("MR_small") << qs(kPydicom / "MR_small.dcm");
        // Encapsulated (RLE) and big endian pixel data stay byte for byte.
        QTest::newRow("MR_small_RLE") << qs(kPydicom / "MR_small_RLE.dcm");
        QTest::newRow("MR_small_bigendian") << qs(kPydicom / "MR_small_bigendian.dcm");
    }

    void deidentifiedExportFollowsBasicProfile() {
        QFETCH(QString, source);
        QJsonObject facts;
        deidentifiedExport(source.toStdString(), facts);
        if (QTest::currentTestFailed()) return;
        QVERIFY2(strings(facts["unknownKeywords"]).isEmpty(), qPrintable(strings(facts["unknownKeywords"]).join(' ')));
        const QStringList checked = strings(facts["checked"]);
        QVERIFY2(checked.contains("PatientName") && checked.contains("StudyInstanceUID"), qPrintable(checked.join(' ')));
        QVERIFY2(strings(facts["kept"]).isEmpty(), qPrintable("kept: " + strings(facts["kept"]).join(' ')));
        QVERIFY2(strings(facts["privateLeft"]).isEmpty(), qPrintable(strings(facts["privateLeft"]).join(' ')));
        QVERIFY(!strings(facts["identifiers"]).isEmpty());
        QVERIFY2(strings(facts["leaks"]).isEmpty(), qPrintable(strings(facts["leaks"]).join('\n')));
        QVERIFY(facts["pixelIdentical"].toBool());
        QCOMPARE(facts["patientIdentityRemoved"].toString(), QString("YES"));
        QVERIFY(strings(facts["methodCodes"]).contains("113100"));

        // One new study across the copy, the SR and the key image; the SR references the copy.
        const QJsonObject copied = facts["copy"].toObject(), sr = facts["sr"].toObject(), sc = facts["sc"].toObject();
        const QJsonObject before = facts["original"].toObject();
        QVERIFY(copied["sop"].toString() != before["sop"].toString());
        QVERIFY(copied["study"].toString() != before["study"].toString());
        QCOMPARE(copied["mediaStorageSop"].toString(), copied["sop"].toString());
        QCOMPARE(copied["sopClass"].toString(), before["sopClass"].toString());
        QCOMPARE(sr["study"].toString(), copied["study"].toString());
        QCOMPARE(sc["study"].toString(), copied["study"].toString());
        const QJsonObject reference = sr["evidence"].toArray()[0].toObject();
        QCOMPARE(reference["sop"].toString(), copied["sop"].toString());
        QCOMPARE(reference["series"].toString(), copied["series"].toString());
        QCOMPARE(reference["study"].toString(), copied["study"].toString());
        QCOMPARE(sr["patientName"].toString(), copied["patientName"].toString());
        QCOMPARE(sr["patientId"].toString(), copied["patientId"].toString());

    }

    void deidentifiedCopyRewritesReferencesAndDropsOverlays() {
        // CT_small with what the profile must reach: a reference to itself in a sequence,
        // a multi-valued UID list, an overlay, and a patient name in a private sequence.
        const std::filesystem::path source = file("references.dcm");
        {
            DcmFileFormat format;
            QVERIFY(format.loadFile((kPydicom / "CT_small.dcm").c_str()).good());
            DcmDataset& dataset = *format.getDataset();
            OFString sop, series;
            QVERIFY(dataset.findAndGetOFString(DCM_SOPInstanceUID, sop).good());
            QVERIFY(dataset.findAndGetOFString(DCM_SeriesInstanceUID, series).good());
            DcmItem* reference = nullptr;
            QVERIFY(dataset.findOrCreateSequenceItem(DCM_ReferencedImageSequence, reference, 0).good());
            QVERIFY(reference->putAndInsertString(DCM_ReferencedSOPClassUID, UID_CTImageStorage).good());
            QVERIFY(reference->putAndInsertString(DCM_ReferencedSOPInstanceUID, sop.c_str()).good());
            QVERIFY(dataset.putAndInsertString(DCM_FailedSOPInstanceUIDList, (sop + "\\" + series).c_str()).good());
            QVERIFY(dataset.putAndInsertUint16(DcmTagKey(0x6000, 0x0010), 128).good());
            QVERIFY(dataset.putAndInsertUint16(DcmTagKey(0x6000, 0x0011), 128).good());
            QVERIFY(dataset.putAndInsertString(DcmTagKey(0x6000, 0x0040), "G").good());
            QVERIFY(dataset.putAndInsertString(DcmTagKey(0x6000, 0x0050), "1\\1").good());
            QVERIFY(dataset.putAndInsertUint16(DcmTagKey(0x6000, 0x0100), 1).good());
            QVERIFY(dataset.putAndInsertUint16(DcmTagKey(0x6000, 0x0102), 0).good());
            const std::vector<Uint16> overlay(128 * 128 / 16, 0xFFFF);
            QVERIFY(dataset.putAndInsertUint16Array(DcmTagKey(0x6000, 0x3000), overlay.data(), overlay.size()).good());
            QVERIFY(dataset.putAndInsertString(DcmTag(0x0099, 0x0010, EVR_LO), "VITASK TEST").good());
            DcmItem* hidden = nullptr;
            QVERIFY(dataset.findOrCreateSequenceItem(DcmTag(0x0099, 0x1001, EVR_SQ), hidden, 0).good());
            QVERIFY(hidden->putAndInsertString(DCM_PatientName, "Concealed^Marguerite").good());
            QVERIFY(format.saveFile(source.c_str(), EXS_LittleEndianExplicit).good());
        }
        QJsonObject facts;
        deidentifiedExport(source, facts);
        if (QTest::currentTestFailed()) return;
        QVERIFY(strings(facts["identifiers"]).contains("Concealed^Marguerite"));
        QVERIFY2(strings(facts["leaks"]).isEmpty(), qPrintable(strings(facts["leaks"]).join('\n')));
        QVERIFY2(strings(facts["overlayLeft"]).isEmpty(), qPrintable(strings(facts["overlayLeft"]).join(' ')));
        QVERIFY2(strings(facts["privateLeft"]).isEmpty(), qPrintable(strings(facts["privateLeft"]).join(' ')));
        const QJsonObject copied = facts["copy"].toObject();
        // The copy still refers to itself, under its new UID.
        QCOMPARE(strings(facts["references"]), QStringList{copied["sop"].toString()});
        QCOMPARE(strings(facts["failedList"]), (QStringList{copied["sop"].toString(), copied["series"].toString()}));
    }

    void burnedInAnnotationIsRefused() {
        const std::filesystem::path burned = file("burned-in.dcm");
        {
            DcmFileFormat format;
            QVERIFY(format.loadFile((kPydicom / "CT_small.dcm").c_str()).good());
            QVERIFY(format.getDataset()->putAndInsertString(DCM_BurnedInAnnotation, "YES").good());
            QVERIFY(format.saveFile(burned.c_str(), EXS_LittleEndianExplicit).good());
        }
        const CaseReport c = caseFromDicom(burned, false);
        QVERIFY(c.burnedInAnnotation);

        report::UidMap uids;
        const Report safe = report::deidentified(sampleReport(c), uids);
        QVERIFY(safe.cases.at(0).keyImage.empty());
        QVERIFY(!safe.cases.at(0).keyImage.withheld.empty());
        const report::DicomReportFiles files = report::writeDicomReport(safe, safe.cases.at(0), file("burned.dcm"));
        QVERIFY(files.secondaryCapture.empty());
        QVERIFY(!std::filesystem::exists(file("burned-key-image.dcm")));

        const std::filesystem::path copy = file("burned-in-copy.dcm");
        try {
            report::writeDeidentifiedCopy(burned, copy, uids);
            QFAIL("a source with burned-in annotation was de-identified");
        } catch (const Error& e) {
            const QString message = e.what();
            QVERIFY2(message.contains("burned-in annotation") && message.contains(qs(burned)), e.what());
        }
        QVERIFY(!std::filesystem::exists(copy));
    }

    void unwritableFolderNamesTheFile() {
        // Root ignores permissions (tests run as root in some sandboxes): there, a
        // folder that does not exist makes the write fail instead.
        std::filesystem::path folder = file("no-such-folder");
        if (::geteuid() != 0) {
            folder = file("read-only");
            std::filesystem::create_directory(folder);
            std::filesystem::permissions(folder, std::filesystem::perms(0500));
        }
        const CaseReport c = sampleCase(true);
        const std::filesystem::path target = folder / "report.dcm";
        try {
            report::writeDicomReport(sampleReport(c), c, target);
            QFAIL("an SR was written to an unwritable folder");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains(qs(target)), e.what());
        }
        try {
            report::UidMap uids;
            report::writeDeidentifiedCopy(kPydicom / "CT_small.dcm", folder / "copy.dcm", uids);
            QFAIL("a copy was written to an unwritable folder");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains(qs(folder / "copy.dcm")), e.what());
        }
        if (std::filesystem::exists(folder)) {
            std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
            QVERIFY(std::filesystem::is_empty(folder));  // no half-written or temporary file
        }
    }

    void corruptSourceNamesTheFile() {
        const std::filesystem::path corrupt = file("corrupt.dcm");
        {
            std::mt19937 random(42);
            std::ofstream out(corrupt, std::ios::binary);
            for (int i = 0; i < 4096; ++i) out.put(static_cast<char>(random()));
        }
        CaseReport c = sampleCase(false);
        c.sourceFile = corrupt;
        try {
            report::readDicomSource(c);
            QFAIL("random bytes were read as DICOM");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains(qs(corrupt)), e.what());
        }
        try {
            report::UidMap uids;
            report::writeDeidentifiedCopy(corrupt, file("corrupt-copy.dcm"), uids);
            QFAIL("random bytes were copied as DICOM");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains(qs(corrupt)), e.what());
        }
        QVERIFY(!std::filesystem::exists(file("corrupt-copy.dcm")));
    }
};

QTEST_GUILESS_MAIN(TestReportDicom)
#include "test_report_dicom.moc"
