// The metadata listing: tags, keywords, VRs, nested sequences, patient-identifying flags.
#include "vitask/imaging/dicom_metadata.h"

#include <QtTest>

using vitask::imaging::DicomElement;
using vitask::imaging::DicomMetadata;

namespace {
const DicomElement* find(const std::vector<DicomElement>& elements, const std::string& keyword) {
    for (const auto& e : elements) {
        if (e.keyword == keyword) return &e;
    }
    return nullptr;
}
}  // namespace

class TestMetadata : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsElementsAndFlagsIdentifiers() {
        const std::string file = "/usr/lib/python3/dist-packages/pydicom/data/test_files/rtplan.dcm";
        if (!QFileInfo::exists(QString::fromStdString(file))) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        const auto elements = DicomMetadata::read(file);
        const auto* name = find(elements, "PatientName");
        QVERIFY(name);
        QCOMPARE(name->tag, std::string("(0010,0010)"));
        QCOMPARE(name->vr, std::string("PN"));
        QVERIFY(name->identifiesPatient);
        QVERIFY(find(elements, "TransferSyntaxUID"));  // meta header included
        QVERIFY(!find(elements, "Modality")->identifiesPatient);
        const auto* beams = find(elements, "BeamSequence");
        QVERIFY(beams);
        QCOMPARE(beams->vr, std::string("SQ"));
        QVERIFY(!beams->items.empty());
        QVERIFY(find(beams->items.front(), "BeamName"));  // nested items are listed
    }
    void profileCoversTheBasics() {
        QVERIFY(DicomMetadata::identifiesPatient(0x0010, 0x0020));   // PatientID
        QVERIFY(DicomMetadata::identifiesPatient(0x0010, 0x0030));   // PatientBirthDate
        QVERIFY(DicomMetadata::identifiesPatient(0x0010, 0x1000));   // OtherPatientIDs
        QVERIFY(DicomMetadata::identifiesPatient(0x0010, 0x1040));   // PatientAddress
        QVERIFY(!DicomMetadata::identifiesPatient(0x0028, 0x0010));  // Rows
    }
};

QTEST_APPLESS_MAIN(TestMetadata)
#include "test_metadata.moc"
