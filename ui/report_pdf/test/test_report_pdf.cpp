// The PDF report as a reader gets it: read back with poppler's pdftotext, pdfinfo and
// pdftoppm (poppler-utils), not with Qt, so the test sees what any PDF viewer sees.
// No QApplication is created up front, as in the CLI: writePdfReport must start its own.
#include "vitask/test/error_of.h"
#include "vitask/report/case_report.h"
#include "vitask/ui/report_pdf/pdf_report.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace vitask::report;
using vitask::test::errorOf;

namespace {

// A synthetic "lesion": a bright disc on a darker, shaded background.
vitask::service::ModelImage anatomy(int size) {
    vitask::service::ModelImage image{1, size, size, std::vector<float>(std::size_t(size) * std::size_t(size))};
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const double dx = x - size * 0.55, dy = y - size * 0.45;
            const double r = std::sqrt(dx * dx + dy * dy) / size;
            image.values[std::size_t(y) * std::size_t(size) + std::size_t(x)] =
                float(0.25 + 0.2 * y / size + (r < 0.22 ? 0.4 * (1 - r / 0.22) : 0.0));
        }
    return image;
}

// Where a TSM looks: a Gaussian over the disc, 14 x 14 as a ViT's Grad-CAM.
vitask::service::SaliencyMap saliency() {
    vitask::service::SaliencyMap map{14, 14, std::vector<float>(196), "melanoma", "Grad-CAM"};
    for (int y = 0; y < 14; ++y)
        for (int x = 0; x < 14; ++x) {
            const double dx = (x + 0.5) / 14 - 0.55, dy = (y + 0.5) / 14 - 0.45;
            map.values[std::size_t(y * 14 + x)] = float(std::exp(-(dx * dx + dy * dy) / (2 * 0.15 * 0.15)));
        }
    return map;
}

CaseReport sampleCase(int number, int of, bool heatmap, int imageSize = 256) {
    CaseReport c;
    c.title = "Case " + std::to_string(number) + " of " + std::to_string(of);
    c.dataset = {"dermamnist.npz", "test", 100 + number};
    c.groundTruth = "melanoma";
    c.question = "What is the most likely diagnosis of the lesion in this dermatoscope image (case " +
                 std::to_string(number) + ")?";
    c.answer = "The lesion is most consistent with melanoma: asymmetric pigment network and blue-white veil.";
    c.answerWithExemplar = "Melanocytic nevus, symmetric and regular.";
    c.labels = {{"actinic keratoses", 0.012},   {"basal cell carcinoma", 0.034}, {"benign keratosis", 0.051},
                {"dermatofibroma", 0.008},      {"melanoma", 0.873},             {"melanocytic nevi", 0.019},
                {"vascular lesions", 0.003}};
    c.labelsWithExemplar = {{"actinic keratoses", 0.02},  {"basal cell carcinoma", 0.03}, {"benign keratosis", 0.05},
                            {"dermatofibroma", 0.01},     {"melanoma", 0.214},            {"melanocytic nevi", 0.646},
                            {"vascular lesions", 0.03}};
    c.vlmLabel = "melanoma";
    c.tsm = vitask::service::TsmPrediction{
        "derm-vit",
        {{"actinic keratoses", 0.01}, {"basal cell carcinoma", 0.02}, {"benign keratosis", 0.03},
         {"dermatofibroma", 0.01}, {"melanoma", 0.912}, {"melanocytic nevi", 0.015}, {"vascular lesions", 0.003}},
        4};
    c.agreement = "agree";
    c.saliencyMethod = "Grad-CAM";
    c.saliencyLabel = "melanoma";
    c.model = {"vitask-derm-7b", "2.3.1", "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"};
    c.tsmModel = {"derm-vit", "1.0.4", "sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"};
    c.answeredAt = "2026-03-04T10:11:12Z";
    ReviewDecision r;
    r.reviewer = "Dr. Ada Reader";
    r.decision = "correct";
    r.reason = "wrong_label";
    r.text = "Regular network without blue-white veil; I read a nevus.";
    r.read = {"melanocytic nevi", "symmetric, regular network", 4, 37};
    r.savedAt = "2026-03-04T10:15:00.250Z";
    c.review = r;
    const auto map = saliency();
    c.keyImage = keyImageFrom(anatomy(imageSize), heatmap ? &map : nullptr);
    return c;
}

// The most a normal case holds: a DICOM source with patient data, eleven labels,
// answers as long as 64 generated tokens make, a blinded read. It must still fit a page.
CaseReport richCase(int number, int of) {
    CaseReport c = sampleCase(number, of, true);
    c.sourceFile = "/archive/2026/03/04/1.2.826.0.1.3680043.8.498.10295/IM000123.dcm";
    c.dicom = {"1.2.826.0.1.3680043.8.498.10295837450981234598712345098123",
               "1.2.826.0.1.3680043.8.498.10295837450981234598712345098124",
               "1.2.826.0.1.3680043.8.498.10295837450981234598712345098125", "1.2.840.10008.5.1.4.1.1.7"};
    c.patient = PatientInfo{"Mustermann^Erika", "PAT-0042", "19640812", "F", "20260304", "101112",
                            "ACC-2026-0815", "S-17", "DERMATOSCOPY LEFT FOREARM", "Hausarzt^Hans"};
    c.question = "Which of the following best describes the lesion: actinic keratoses, basal cell carcinoma, "
                 "benign keratosis, dermatofibroma, melanoma, melanocytic nevi, vascular lesions, or others?";
    c.answer = "The dermatoscopic image shows an asymmetric, irregularly pigmented lesion with an atypical network, "
               "irregular dots and globules at the periphery and a blue-white veil in the centre; these features "
               "are most consistent with melanoma.";
    c.answerWithExemplar = "Compared with the exemplar, the lesion has a more regular network and symmetric pigment; "
                           "the features are more consistent with a melanocytic nevus than with melanoma.";
    for (const char* label : {"lentigo", "seborrheic keratosis", "angioma", "others"}) {
        c.labels.push_back({label, 0.001});
        c.labelsWithExemplar.push_back({label, 0.001});
    }
    c.review->unaidedRead = ReviewRead{"melanoma", "atypical network, blue-white veil", 3, 52};
    c.review->text = "Regular network without blue-white veil on the full-resolution image; the AI overcalls the "
                     "central pigment. Recommend short-term follow-up rather than excision.";
    return c;
}

Report sampleReport(int cases, bool heatmap = true, int imageSize = 256) {
    Report report;
    report.title = "Dermatology worklist";
    report.generatedAt = "2026-03-05T08:00:00Z";
    report.software = {"VITask Studio", "0.1.0", ""};
    for (int i = 1; i <= cases; ++i) report.cases.push_back(sampleCase(i, cases, heatmap, imageSize));
    return report;
}

QString run(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        qWarning() << program << arguments << process.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pageCount(const QString& pdf) {
    const auto match = QRegularExpression("Pages:\\s+(\\d+)").match(run("pdfinfo", {pdf}));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// The PDF's text (or one page's) with every run of white space (line ends, no-break
// spaces) as one space.
QString pdfText(const QString& pdf, int page = 0) {
    QStringList arguments;
    if (page > 0) arguments << "-f" << QString::number(page) << "-l" << QString::number(page);
    return run("pdftotext", arguments << pdf << "-").replace(QChar(0xa0), ' ').simplified();
}

// Page 1 at 50 dpi.
QImage firstPage(const QString& pdf, const QString& folder) {
    const QString prefix = folder + "/page";
    run("pdftoppm", {"-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, prefix});
    return QImage(prefix + ".png");
}

// Pixels of the heatmap's warm half (yellow to red): strongly saturated, red above blue.
// `bounds` gets the rectangle they lie in.
int warmPixels(const QImage& page, QRect* bounds = nullptr) {
    int n = 0;
    QRect area;
    const QImage rgb = page.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb p = rgb.pixel(x, y);
            const int r = qRed(p), g = qGreen(p), b = qBlue(p);
            if (r - b > 60 && std::max({r, g, b}) - std::min({r, g, b}) > 60) {
                ++n;
                area |= QRect(x, y, 1, 1);
            }
        }
    if (bounds) *bounds = area;
    return n;
}

}  // namespace

class TestReportPdf : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private Q_SLOTS:
    // The reading side is part of the test, not optional: a missing tool fails.
    void initTestCase() {
        for (const char* tool : {"pdfinfo", "pdftotext", "pdftoppm"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                     "poppler-utils is missing: run scripts/install-deps.sh");
    }

    // First, so that no application exists yet: as in `vitask report`.
    void startsAnOffscreenApplicationWhenThereIsNone() {
        QVERIFY(!QCoreApplication::instance());
        vitask::ui::writePdfReport(sampleReport(1), dir_.filePath("one.pdf"));
        QCoreApplication* app = QCoreApplication::instance();
        QVERIFY(qobject_cast<QGuiApplication*>(app));
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
        vitask::ui::ensureGuiApplication();
        QCOMPARE(QCoreApplication::instance(), app);  // kept, not made again
        QCOMPARE(pageCount(dir_.filePath("one.pdf")), 1);
    }

    void printsOnePagePerCaseWithTheReportsContent() {
        Report report = sampleReport(3);
        report.cases[2] = richCase(3, 3);
        report.deidentified = false;
        const QString pdf = dir_.filePath("report.pdf");
        vitask::ui::writePdfReport(report, pdf);
        QCOMPARE(pageCount(pdf), 3);

        const QString text = pdfText(pdf);
        const CaseReport& c = report.cases[0];
        const QString expected[] = {QString::fromStdString(c.question), QString::fromStdString(c.answer),
                                    QString::fromStdString(c.answerWithExemplar), "87.3 %", "21.4 %", "91.2 %",
                                    "melanocytic nevi", "melanoma 91.2 % (derm-vit)",
                                    "vitask-derm-7b 2.3.1", QString::fromStdString(c.model.weightsHash),
                                    "Corrected – Wrong label", QString::fromStdString(c.review->reviewer),
                                    QString::fromStdString(c.review->text),
                                    QString::fromUtf8(researchDisclaimer()).simplified()};
        for (const QString& e : expected) QVERIFY2(text.contains(e), qPrintable(e));
        QCOMPARE(text.count(QString::fromUtf8(researchDisclaimer()).simplified()), 3);
        // Each case on its own page, whole: its title and its disclaimer.
        for (int page = 1; page <= 3; ++page) {
            const QString pageText = pdfText(pdf, page);
            for (int i = 1; i <= 3; ++i)
                QCOMPARE(pageText.contains(QStringLiteral("Case %1 of 3").arg(i)), i == page);
            QVERIFY(pageText.contains(QString::fromUtf8(researchDisclaimer()).simplified()));
        }
        const QString rich = pdfText(pdf, 3);
        for (const char* e : {"Mustermann, Erika", "PAT-0042", "born 1964-08-12",
                              "Recommend short-term follow-up rather than excision.",
                              "atypical network, blue-white veil", "1.2.840.10008.5.1.4.1.1.7", "others"})
            QVERIFY2(rich.contains(QString::fromUtf8(e)), e);
    }

    // The key image is really in the PDF: page 1 has the heatmap's warm colours, which
    // the same report with a plain grey key image lacks.
    void theKeyImageWithItsHeatmapIsOnThePage() {
        const QString heat = dir_.filePath("heat.pdf"), plain = dir_.filePath("plain.pdf");
        vitask::ui::writePdfReport(sampleReport(1, true), heat);
        vitask::ui::writePdfReport(sampleReport(1, false), plain);
        QDir().mkpath(dir_.filePath("heat"));
        QDir().mkpath(dir_.filePath("plain"));
        const QImage heatPage = firstPage(heat, dir_.filePath("heat"));
        const QImage plainPage = firstPage(plain, dir_.filePath("plain"));
        QVERIFY(!heatPage.isNull() && !plainPage.isNull());
        QRect hot;
        const int withHeat = warmPixels(heatPage, &hot), without = warmPixels(plainPage);
        qInfo("warm pixels at 50 dpi: %d with the heatmap, %d without", withHeat, without);
        // The image is ~85 mm wide (~170 px at 50 dpi); the warm part of the hot spot covers
        // some 1,800 pixels of it.
        QVERIFY2(withHeat - without > 800, qPrintable(QStringLiteral("%1 vs %2").arg(withHeat).arg(without)));
        // Where the key image is: the upper left quarter of the page.
        QVERIFY2(hot.right() < heatPage.width() / 2 && hot.bottom() < heatPage.height() / 2,
                 qPrintable(QStringLiteral("%1,%2 %3x%4").arg(hot.x()).arg(hot.y()).arg(hot.width()).arg(hot.height())));
    }

    void unwritablePathsNameTheFile() {
        const QString message =
            errorOf([] { vitask::ui::writePdfReport(sampleReport(1), QStringLiteral("/etc/hostname/x.pdf")); });
        QVERIFY2(message.contains("/etc/hostname/x.pdf"), qPrintable(message));
    }

    // Not an assertion: how long a long worklist takes (the machine may be shared).
    void printsFiveHundredCases() {
        const Report report = sampleReport(500);
        const QString pdf = dir_.filePath("large.pdf");
        QElapsedTimer timer;
        timer.start();
        vitask::ui::writePdfReport(report, pdf);
        qInfo("500 cases with 256 x 256 key images: %.1f s, %.1f MB", timer.elapsed() / 1000.0,
              QFileInfo(pdf).size() / 1e6);
        QCOMPARE(pageCount(pdf), 500);
    }
};

QTEST_APPLESS_MAIN(TestReportPdf)
#include "test_report_pdf.moc"
