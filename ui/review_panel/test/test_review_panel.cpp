// The review workflow as a radiologist runs it, offscreen, on real data: pydicom's CT and
// MR images and a CSV dataset of PNG images with ground truth, the fixture VITask model and
// ONNX TSM answering in the background, a real SQLite file, the keyboard, a child studio
// killed with SIGKILL right after a decision, and exports read back by pdftotext,
// dsrdump and pydicom.
#include "decision_form.h"
#include "service_test_files.h"
#include "summary_dialog.h"

#include "vitask/ui/ai_panel/probability_table.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/review_panel/case_answer_json.h"
#include "orthanc_server.h"
#include "vitask/ui/review_panel/export_dialog.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/review_panel/new_worklist_dialog.h"
#include "vitask/ui/review_panel/review_panel.h"
#include "vitask/ui/review_store/worklist_summary.h"
#include "vitask/ui/test_support/shown_texts.h"
#include "vitask/ui/viewer/slice_viewer.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QCheckBox>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <iostream>

using namespace vitask;
using namespace vitask::ui;
namespace fixtures = vitask::service::test;

namespace {

// The tiny fixture model's tokenizer covers this instruction (that of its dermamnist
// task); a CSV dataset names no modality, and its default instruction would not be.
const QString kQuestion = QStringLiteral("Analyze the given dermatoscope image for diagnosis.");
const QString kPydicomData = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/");

// A CSV manifest of 6 PNG images (test split) labelled with the fixture TSM's labels,
// which the tiny fixture model's vocabulary covers (the MedMNIST catalog's long label
// names do not), plus 2 training rows that the worklist leaves out.
QString writeDataset(const QString& folder) {
    const auto& labels = fixtures::tsmLabels();
    QFile manifest(QDir(folder).filePath(QStringLiteral("lesions.csv")));
    if (!manifest.open(QIODevice::WriteOnly | QIODevice::Truncate)) return {};
    manifest.write("path,label,split\n");
    for (int i = 0; i < 8; ++i) {
        QImage image(40, 32, QImage::Format_RGB888);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) image.setPixel(x, y, qRgb((x * 7 + i * 30) % 256, (y * 5) % 256, 90 + i));
        const QString name = QStringLiteral("lesion%1.png").arg(i);
        image.save(QDir(folder).filePath(name));
        manifest.write(QStringLiteral("%1,%2,%3\n")
                           .arg(name, QString::fromStdString(labels[std::size_t(i) % labels.size()]),
                                i < 6 ? QStringLiteral("test") : QStringLiteral("train"))
                           .toUtf8());
    }
    return manifest.fileName();
}

QString runPython(const QString& script, const QStringList& args = {}) {
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral("-c"), script} + args);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

QString runTool(const QString& tool, const QStringList& args, int* exitCode = nullptr) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(tool, args);
    process.waitForFinished(60000);
    if (exitCode) *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAll());
}

// Single-key shortcuts act in the active window, as for a user at the keyboard.
void activate(QWidget& window) {
    window.activateWindow();
    QApplication::setActiveWindow(&window);
    if (!QTest::qWaitForWindowActive(&window)) qWarning("the review panel did not become the active window");
}

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestReviewPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("VITASK_CONFIG_DIR", dir_.filePath(QStringLiteral("config")).toUtf8());
        qputenv("VITASK_DATA_DIR", dir_.filePath(QStringLiteral("data")).toUtf8());
        const std::filesystem::path root = dir_.path().toStdString();
        model_ = QString::fromStdString(fixtures::writeVitaskModel(root / "vitask-512", 512, true).string());
        manifest_ = QString::fromStdString(fixtures::writeTsmManifest(root / "tsm").string());
        QVERIFY(QFile::exists(kPydicomData + QStringLiteral("CT_small.dcm")));
        studies_ = dir_.filePath(QStringLiteral("studies"));
        QDir().mkpath(studies_);
        for (const QString& name : {QStringLiteral("CT_small.dcm"), QStringLiteral("MR_small.dcm")})
            QVERIFY(QFile::copy(kPydicomData + name, QDir(studies_).filePath(name)));
        dataset_ = writeDataset(dir_.path());
        engine_ = std::make_unique<EngineBridge>(service::EngineSettings{service::DeviceChoice::Cpu, 0, {}});
        QSignalSpy model(engine_.get(), &EngineBridge::modelLoaded);
        QSignalSpy tsm(engine_.get(), &EngineBridge::tsmLoaded);
        engine_->loadModel(model_);
        engine_->loadTsm(manifest_);
        QVERIFY(model.wait(60000) || model.count() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(tsm.count(), 1, 60000);
    }

    void cleanupTestCase() { engine_.reset(); }

    // New worklist dialog -> background answers -> what the panel shows is what was stored.
    void newWorklistIsAnsweredInTheBackground() {
        auto store = ReviewStore::openDefault();
        const qint64 id = makeWorklist(store, studies_, false);
        QVERIFY(id > 0);
        const auto cases = store.cases(id);
        QCOMPARE(cases.size(), 2);  // one CT and one MR series, one case each
        for (const auto& c : cases) {
            QVERIFY(!c.title.contains(QStringLiteral("CompressedSamples")));  // no patient names in titles
            QVERIFY(!c.key.studyInstanceUid.isEmpty() && !c.key.sopInstanceUid.isEmpty());
        }

        ReviewPanel panel;
        panel.resize(1400, 800);
        panel.show();
        auto session = std::make_unique<WorklistSession>(store, id, QStringLiteral("Dr. Test"), engine_.get());
        QSignalSpy finished(session.get(), &WorklistSession::answeringFinished);
        panel.setSession(std::move(session));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(panel.session()->answeredCount(), 2);

        // Stored, then shown: the panel's text and probabilities are the stored answer's.
        const auto stored = store.cases(id);
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(!stored[i].aiAnswer.isEmpty(), qPrintable(stored[i].aiError));
            const service::CaseAnswer answer = caseAnswerFromJson(stored[i].aiAnswer);
            QVERIFY(answer.answerWithExemplar.has_value());  // the TSM is loaded and the model takes EP
            QVERIFY(answer.answer.tsm.has_value());
            QVERIFY(answer.answer.saliency.has_value());
            panel.showCase(i);
            QCOMPARE(panel.answerText(), QString::fromStdString(answer.answer.answer));
            for (const auto& label : answer.answer.labels) {
                const auto shown = panel.probabilityTable()->probability(QString::fromStdString(label.label),
                                                                         ProbabilityTable::Vlm);
                QVERIFY(shown.has_value());
                QVERIFY(std::abs(*shown - label.probability) < 1e-9);
            }
            QTRY_VERIFY_WITH_TIMEOUT(panel.viewer()->hasImage(), 10000);
            QVERIFY(panel.viewer()->hasHeatmap());
        }
        // The JSON survives a round trip unchanged.
        QCOMPARE(caseAnswerJson(caseAnswerFromJson(stored[0].aiAnswer)), stored[0].aiAnswer);
    }

    // A, C, R with the keyboard; every review is in the database before the next case
    // shows, and survives closing and reopening.
    void keyboardReviewsAreSavedAndSurviveReopening() {
        qint64 id = 0;
        {
            auto store = ReviewStore::openDefault();
            id = makeWorklist(store, dataset_, false);
            ReviewPanel panel;
            panel.resize(1400, 800);
            panel.show();
            activate(panel);
            auto session = std::make_unique<WorklistSession>(store, id, QStringLiteral("Dr. Test"), engine_.get());
            QSignalSpy finished(session.get(), &WorklistSession::answeringFinished);
            panel.setSession(std::move(session));
            QVERIFY(finished.wait(120000));
            QCOMPARE(panel.session()->caseCount(), 6);
            QVERIFY2(panel.session()->caseAt(0).aiError.isEmpty(), qPrintable(panel.session()->caseAt(0).aiError));
            QCOMPARE(panel.currentCase(), 0);
            panel.setFocus();

            QTest::keyClick(&panel, Qt::Key_A);  // accept, saved, next
            QCOMPARE(panel.currentCase(), 1);
            QCOMPARE(store.reviews(id).size(), 1);
            QCOMPARE(store.reviews(id)[0].decision, Decision::Accept);

            QTest::keyClick(&panel, Qt::Key_R);  // reject: a reason is needed first
            QTest::keyClick(&panel, Qt::Key_Return, Qt::ControlModifier);
            QCOMPARE(panel.currentCase(), 1);
            QVERIFY(panel.statusText().contains(QStringLiteral("reason")));
            panel.decisionForm()->setReason(Reason::PoorImageQuality);
            panel.decisionForm()->setFocus();
            QTest::keyClick(&panel, Qt::Key_4);  // confidence
            QTest::keyClick(&panel, Qt::Key_Return, Qt::ControlModifier);
            QCOMPARE(panel.currentCase(), 2);

            QTest::keyClick(&panel, Qt::Key_C);  // correct: the right label
            panel.decisionForm()->setLabel(panel.session()->caseAt(2).groundTruth);
            panel.decisionForm()->setReason(Reason::WrongLabel);
            panel.setFocus();
            QTest::keyClick(&panel, Qt::Key_Return, Qt::ControlModifier);
            QCOMPARE(panel.currentCase(), 3);
            QTest::keyClick(&panel, Qt::Key_PageUp);
            QCOMPARE(panel.currentCase(), 2);
            QTest::keyClick(&panel, Qt::Key_PageDown);
            QCOMPARE(panel.currentCase(), 3);
        }
        auto store = ReviewStore::openDefault();
        const auto reviews = store.reviews(id);
        QCOMPARE(reviews.size(), 3);
        QCOMPARE(reviews[1].decision, Decision::Reject);
        QCOMPARE(reviews[1].reason, Reason::PoorImageQuality);
        QCOMPARE(reviews[1].read.confidence, 4);
        QCOMPARE(reviews[2].decision, Decision::Correct);
        QCOMPARE(reviews[2].read.label, store.cases(id)[2].groundTruth);
        for (const Review& r : reviews) {
            QCOMPARE(r.reviewer, QStringLiteral("Dr. Test"));
            QVERIFY(r.read.secondsSpent >= 0 && r.read.finishedAt >= r.read.startedAt);
            QVERIFY(QJsonDocument::fromJson(r.aiSnapshot.toUtf8()).object().contains(QStringLiteral("vlm_label")));
            QVERIFY(!r.model.weightsHash.isEmpty());
        }
        WorklistSession reopened(store, id, QStringLiteral("Dr. Test"), engine_.get());
        QCOMPARE(reopened.reviewedCount(), 3);
        QCOMPARE(reopened.firstUnreviewed(), 3);
        QCOMPARE(reopened.answeredCount(), 6);  // nothing to answer again

        // The summary: the reviewer's corrected label is right; the rest are numbers of the store.
        const WorklistSummary s = sessionSummary(reopened);
        QCOMPARE(s.reviewed, 3);
        QCOMPARE(s.accepted, 1);
        QCOMPARE(s.corrected, 1);
        QCOMPARE(s.rejected, 1);
        QCOMPARE(s.answered, 6);
        QCOMPARE(s.vlmCorrect.total, 6);
        int vlmRight = 0;
        for (const auto& c : store.cases(id))
            vlmRight += sameLabel(QJsonDocument::fromJson(c.aiAnswer.toUtf8())[QLatin1String("vlm_label")].toString(),
                                  c.groundTruth);
        QCOMPARE(s.vlmCorrect.hits, vlmRight);
        QVERIFY(summaryHtml(s).contains(QStringLiteral("Accuracy against ground truth")));
    }

    // Blinded: the AI stays hidden until the unaided read is recorded; both reads are stored.
    void blindedModeStoresBothReads() {
        auto store = ReviewStore::openDefault();
        const qint64 id = makeWorklist(store, dataset_, true);
        ReviewPanel panel;
        panel.resize(1400, 800);
        panel.show();
        activate(panel);
        auto session = std::make_unique<WorklistSession>(store, id, QStringLiteral("Dr. Blind"), engine_.get());
        QSignalSpy finished(session.get(), &WorklistSession::answeringFinished);
        panel.setSession(std::move(session));
        QVERIFY(finished.wait(120000));
        QVERIFY(panel.aiHidden());
        QVERIFY(!panel.viewer()->hasHeatmap());
        QCOMPARE(panel.caseList()->item(0, 2)->text(), QStringLiteral("(hidden)"));
        QTest::keyClick(&panel, Qt::Key_A);  // no accepting before the unaided read
        QCOMPARE(store.reviews(id).size(), 0);
        const QString own = panel.session()->caseAt(0).groundTruth;
        panel.decisionForm()->setLabel(own);
        panel.decisionForm()->setConfidence(3);
        QTest::keyClick(&panel, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!panel.aiHidden());
        QCOMPARE(store.reviews(id).size(), 0);  // no decision yet, but the read is committed:
        const auto recorded = store.unaidedRead(panel.session()->caseAt(0).key, QStringLiteral("Dr. Blind"));
        QVERIFY(recorded && recorded->label == own && recorded->confidence == 3);
        // Reopened (a restart), the case keeps its recorded read and shows the AI.
        panel.setSession(std::make_unique<WorklistSession>(store, id, QStringLiteral("Dr. Blind"), engine_.get()), false);
        QCOMPARE(panel.currentCase(), 0);
        QVERIFY(!panel.aiHidden());
        QTRY_VERIFY_WITH_TIMEOUT(panel.viewer()->hasHeatmap(), 10000);
        QTest::keyClick(&panel, Qt::Key_A);
        const auto reviews = store.reviews(id);
        QCOMPARE(reviews.size(), 1);
        QVERIFY(reviews[0].unaidedRead.has_value());
        QCOMPARE(reviews[0].unaidedRead->label, own);
        QCOMPARE(reviews[0].unaidedRead->confidence, 3);
        QVERIFY(reviews[0].unaidedRead->finishedAt <= reviews[0].read.startedAt.addMSecs(1));
        QCOMPARE(panel.currentCase(), 1);
        QVERIFY(panel.aiHidden());  // the next case starts blinded again
        QVERIFY(!store.unaidedRead(panel.session()->caseAt(0).key, QStringLiteral("Dr. Blind")));  // now in the review
    }

    // Going back to a case already read shows it from the cache, without waiting.
    void cachedCasesShowAtOnce() {
        auto store = ReviewStore::openDefault();
        const qint64 id = makeWorklist(store, dataset_, false);
        ReviewPanel panel;
        panel.show();
        panel.setSession(std::make_unique<WorklistSession>(store, id, QStringLiteral("Dr. Test"), engine_.get()), false);
        QSignalSpy shown(&panel, &ReviewPanel::imageShown);
        QTRY_VERIFY_WITH_TIMEOUT(panel.viewer()->hasImage(), 10000);
        QTest::qWait(300);  // the next case is prefetched meanwhile
        shown.clear();
        panel.nextCase();
        QCOMPARE(shown.count(), 1);  // during nextCase(), not later
        QCOMPARE(shown.first().first().toInt(), 1);
    }

    // A studio killed with SIGKILL right after a decision keeps it, and the file is sound.
    void killedStudioLosesNothing() {
        auto store = ReviewStore::openDefault();
        const qint64 id = makeWorklist(store, dataset_, false);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VITASK_REVIEW_CHILD_WORKLIST"), QString::number(id));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains("decided"), 180000);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        auto reopened = ReviewStore::open(store.path());
        const auto reviews = reopened.reviews(id);
        QCOMPARE(reviews.size(), 2);
        QCOMPARE(reviews[0].decision, Decision::Accept);
        QCOMPARE(reviews[1].decision, Decision::Correct);
    }

    // Export: PDF (pdftotext), SR (dsrdump, pydicom references), de-identified everywhere.
    void exportWritesReadableDeidentifiedFiles() {
        auto store = ReviewStore::openDefault();
        const qint64 id = makeWorklist(store, studies_, false);
        WorklistSession session(store, id, QStringLiteral("Dr. Export"), engine_.get());
        QSignalSpy finished(&session, &WorklistSession::answeringFinished);
        session.startAnswering();
        QVERIFY(finished.wait(120000));
        Review review;
        review.decision = Decision::Reject;
        review.reason = Reason::FalseFinding;
        review.text = QStringLiteral("no lesion on this slice");
        session.saveReview(0, review);

        const QString folder = dir_.filePath(QStringLiteral("export"));
        QDir().mkpath(folder);
        ExportDialog dialog(session);
        ExportOptions o;
        o.folder = folder;
        o.pdf = o.json = o.dicom = o.sourceCopies = o.reviewsCsv = o.reviewsJson = true;
        o.reviewedOnly = false;
        o.deidentify = true;
        dialog.setOptions(o);
        QSignalSpy done(&dialog, &ExportDialog::finished);
        dialog.startExport();
        QVERIFY(done.wait(120000));
        QVERIFY2(done.first().first().toBool(), qPrintable(dialog.result().problems.join('\n')));

        int code = 0;
        const QString text = runTool(QStringLiteral("pdftotext"), {folder + QStringLiteral("/report.pdf"), QStringLiteral("-")}, &code);
        QCOMPARE(code, 0);
        QVERIFY2(text.contains(QStringLiteral("Dr. Export")) && text.contains(QStringLiteral("reject"), Qt::CaseInsensitive) &&
                     text.contains(QStringLiteral("no lesion on this slice")),
                 qPrintable(text.left(2000)));
        const QString sr = folder + QStringLiteral("/dicom/case-0001-sr.dcm");
        QVERIFY(QFile::exists(sr));
        runTool(QStringLiteral("dsrdump"), {sr}, &code);
        QCOMPARE(code, 0);

        // No identifying value of the sources survives in any exported file.
        const QString identifiers = runPython(QStringLiteral(
            "import pydicom, sys\n"
            "for f in sys.argv[1:]:\n"
            "  d = pydicom.dcmread(f)\n"
            "  print(str(d.PatientName)); print(d.PatientID); print(d.StudyInstanceUID); print(d.SOPInstanceUID)\n"),
            {kPydicomData + QStringLiteral("CT_small.dcm"), kPydicomData + QStringLiteral("MR_small.dcm")});
        QStringList values = identifiers.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(values.size(), 8);
        QDirIterator files(folder, QDir::Files, QDirIterator::Subdirectories);
        int checked = 0;
        while (files.hasNext()) {
            const QString file = files.next();
            const QByteArray bytes = fileBytes(file);
            for (const QString& value : values)
                QVERIFY2(value.size() < 4 || !bytes.contains(value.toUtf8()),
                         qPrintable(QStringLiteral("%1 holds %2").arg(file, value)));
            ++checked;
        }
        QVERIFY(checked >= 10);  // report.pdf, report.json, 2 SR, 2 SC, 2 copies, reviews CSV and JSON
        // The SR references the de-identified copy of its source.
        const QString references = runPython(QStringLiteral(
            "import pydicom, sys\n"
            "sr = pydicom.dcmread(sys.argv[1]); src = pydicom.dcmread(sys.argv[2])\n"
            "refs = [i.ReferencedSOPInstanceUID for s in sr.CurrentRequestedProcedureEvidenceSequence"
            " for se in s.ReferencedSeriesSequence for i in se.ReferencedSOPSequence]\n"
            "print(src.SOPInstanceUID in refs, sr.StudyInstanceUID == src.StudyInstanceUID)\n"),
            {sr, folder + QStringLiteral("/dicom/case-0001-source.dcm")});
        QCOMPARE(references.trimmed(), QStringLiteral("True True"));
        // The reviews name the case by the same new UIDs as the SR and the copy.
        const QString copyUid = runPython(QStringLiteral("import pydicom, sys; print(pydicom.dcmread(sys.argv[1]).SOPInstanceUID)"),
                                          {folder + QStringLiteral("/dicom/case-0001-source.dcm")})
                                    .trimmed();
        QVERIFY(fileBytes(folder + QStringLiteral("/report-reviews.csv")).contains(copyUid.toUtf8()));
        QVERIFY(fileBytes(folder + QStringLiteral("/report-reviews.json")).contains(copyUid.toUtf8()));
    }

    // The exported SR, key images and source copies sent back to a real Orthanc (the PACS
    // tab's archive), de-identified as written: the archive then holds the new study.
    void exportSendsTheDicomFilesToThePacs() {
        OrthancServer orthanc;
        const auto problem = orthanc.start(dir_.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        StudioSettings::setPacsNode(orthanc.node());
        auto store = ReviewStore::openDefault();
        const qint64 id = makeWorklist(store, studies_, false);
        WorklistSession session(store, id, QStringLiteral("Dr. Send"), engine_.get());
        QSignalSpy answered(&session, &WorklistSession::answeringFinished);
        session.startAnswering();
        QVERIFY(answered.wait(120000));

        const QString folder = dir_.filePath(QStringLiteral("export-sent"));
        QDir().mkpath(folder);
        ExportDialog dialog(session);
        ExportOptions o;
        o.folder = folder;
        o.pdf = false;
        o.dicom = o.sourceCopies = true;
        o.deidentify = true;
        dialog.setOptions(o);
        auto* send = dialog.findChild<QCheckBox*>(QStringLiteral("sendToPacs"));
        QVERIFY(send && send->isEnabled());
        send->setChecked(true);
        QSignalSpy sent(&dialog, &ExportDialog::sent);
        dialog.startExport();
        QVERIFY(sent.wait(120000));
        const int dicomFiles = static_cast<int>(std::count_if(dialog.result().files.begin(), dialog.result().files.end(),
                                                              [](const QString& f) { return f.endsWith(QLatin1String(".dcm")); }));
        QVERIFY(dicomFiles >= 6);  // per case: SR, key image, source copy
        QCOMPARE(sent.first().at(0).toInt(), dicomFiles);
        QCOMPARE(sent.first().at(1).toInt(), 0);
        // Found in the archive under the de-identified study UID the SR carries.
        const QString srStudy = runPython(QStringLiteral("import pydicom, sys; print(pydicom.dcmread(sys.argv[1]).StudyInstanceUID)"),
                                          {folder + QStringLiteral("/dicom/case-0001-sr.dcm")}).trimmed();
        vitask::pacs::StudyQuery query;
        query.studyUid = srStudy.toStdString();
        QCOMPARE(vitask::pacs::openArchive(orthanc.node())->findStudies(query).size(), size_t{1});
    }

    // A worklist under review (answered, one case accepted, a reject refused for want of a
    // reason) in the language switched to, as a panel built in that language shows it.
    void switchesLanguageWithoutRestart() {
        using vitask::ui::test::shownTexts;
        vitask::ui::test::switchLanguage(QStringLiteral("en"));
        auto store = ReviewStore::openDefault();
        const qint64 id = makeWorklist(store, dataset_, false);
        QVERIFY(id > 0);
        {
            WorklistSession session(store, id, QStringLiteral("Dr. Test"), engine_.get());
            QSignalSpy finished(&session, &WorklistSession::answeringFinished);
            session.startAnswering();
            QVERIFY(finished.wait(120000));
            Review accept;
            accept.decision = Decision::Accept;
            session.saveReview(0, accept);
        }
        ReviewPanel panel;
        QVERIFY(refuseAReject(panel, store, id));
        QVERIFY(vitask::ui::test::switchesLikeAFreshStart([&] { return shownTexts(panel); }, [&] {
            ReviewPanel fresh;
            return refuseAReject(fresh, store, id) ? shownTexts(fresh) : QStringList{};
        }));
    }

private:
    // Opens worklist `id` at its first unreviewed case and, once its image shows, tries to
    // reject the case without a reason; whether it came to that.
    bool refuseAReject(ReviewPanel& panel, ReviewStore& store, qint64 id) {
        panel.setSession(std::make_unique<WorklistSession>(store, id, QStringLiteral("Dr. Test"), engine_.get()), false);
        QSignalSpy shown(&panel, &ReviewPanel::imageShown);
        if (!panel.viewer()->hasImage() && !shown.wait(10000)) return false;
        panel.decisionForm()->setDecision(Decision::Reject);
        panel.saveAndNext();
        return panel.currentCase() == 1 && !panel.statusText().isEmpty();
    }

    // Creates a worklist of `source` through the New Worklist dialog; returns its id.
    qint64 makeWorklist(ReviewStore& store, const QString& source, bool blinded) {
        NewWorklistDialog dialog(store, engine_.get());
        dialog.setSource(source);
        dialog.setBlinded(blinded);
        dialog.setQuestion(kQuestion);
        dialog.setReviewer(QStringLiteral("Dr. Test"));
        QSignalSpy created(&dialog, &NewWorklistDialog::created);
        dialog.create();
        if (!created.wait(60000)) {
            qWarning() << "worklist not created:" << dialog.errorText();
            return 0;
        }
        return created.first().first().toLongLong();
    }

    QTemporaryDir dir_;
    QString model_, manifest_, studies_, dataset_;
    std::unique_ptr<EngineBridge> engine_;
};

// The child studio of killedStudioLosesNothing: answers the worklist, accepts case 1,
// corrects case 2, says "decided" and waits to be killed.
static int runChild(qint64 worklistId) {
    EngineBridge engine(service::EngineSettings{service::DeviceChoice::Cpu, 0, {}});
    auto store = ReviewStore::openDefault();
    ReviewPanel panel;
    panel.show();
    activate(panel);
    panel.setSession(std::make_unique<WorklistSession>(store, worklistId, QStringLiteral("Dr. Killed"), &engine));
    QSignalSpy finished(panel.session(), &WorklistSession::answeringFinished);
    if (!finished.wait(180000)) return 2;
    QTest::keyClick(&panel, Qt::Key_A);
    QTest::keyClick(&panel, Qt::Key_C);
    panel.decisionForm()->setLabel(panel.session()->caseAt(1).groundTruth);
    panel.decisionForm()->setReason(Reason::WrongLabel);
    QTest::keyClick(&panel, Qt::Key_Return, Qt::ControlModifier);
    std::cout << "decided" << std::endl;
    QTest::qWait(600000);
    return 0;
}

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (const QByteArray child = qgetenv("VITASK_REVIEW_CHILD_WORKLIST"); !child.isEmpty())
        return runChild(child.toLongLong());
    TestReviewPanel test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_review_panel.moc"
