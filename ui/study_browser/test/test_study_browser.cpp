// The study browser filled from a real folder: pydicom's DICOMDIR test patients, its CT
// and MR samples, a NIfTI file from nibabel and a file that is not an image.
#include "vitask/imaging/study_catalog.h"
#include "vitask/ui/study_browser/study_browser.h"
#include "vitask/ui/test_support/shown_texts.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUrl>
#include <QtTest>

#include <fstream>

using namespace vitask;
namespace fs = std::filesystem;

namespace {

const fs::path pydicomFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";
const fs::path nibabelFiles = "/usr/lib/python3/dist-packages/nibabel/tests/data";

QTreeWidgetItem* rowOf(QTreeWidget* tree, std::size_t index) {
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        const QVariant data = (*it)->data(0, Qt::UserRole);
        if (data.isValid() && data.toULongLong() == index) return *it;
    }
    return nullptr;
}

std::size_t indexOf(const imaging::StudyCatalog& catalog, const std::string& patientName) {
    for (std::size_t i = 0; i < catalog.series.size(); ++i) {
        if (catalog.series[i].patientName == patientName) return i;
    }
    return catalog.series.size();
}

bool sendDrop(ui::StudyBrowser& browser, const QList<QUrl>& urls) {
    QMimeData mime;
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&browser, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&browser, &drop);
    return true;
}

}  // namespace

class TestStudyBrowser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!fs::exists(pydicomFiles / "dicomdirtests" / "DICOMDIR")) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        QVERIFY(dir_.isValid());
        folder_ = fs::path(dir_.path().toStdString()) / "studies";
        fs::create_directories(folder_);
        for (const char* patient : {"77654033", "98892001", "98892003"}) {
            fs::copy(pydicomFiles / "dicomdirtests" / patient, folder_ / patient, fs::copy_options::recursive);
        }
        fs::copy_file(pydicomFiles / "CT_small.dcm", folder_ / "CT_small.dcm");
        fs::copy_file(pydicomFiles / "MR_small.dcm", folder_ / "MR_small.dcm");
        if (!fs::exists(nibabelFiles / "anatomical.nii"))
            QFAIL("python3-nibabel's test files are missing: install python3-nibabel (scripts/install-deps.sh installs it)");
        fs::copy_file(nibabelFiles / "anatomical.nii", folder_ / "anatomical.nii");
        std::ofstream(folder_ / "notes.txt") << "not an image";
        catalog_ = imaging::openStudy(folder_);
    }

    void showsHowToStartWhenEmpty() {
        ui::StudyBrowser browser;
        auto* pages = browser.findChild<QStackedWidget*>();
        auto* hint = browser.findChild<QLabel*>(QStringLiteral("emptyState"));
        QVERIFY(pages && hint);
        QCOMPARE(pages->currentWidget(), hint);
        QVERIFY(hint->text().contains(QStringLiteral("drop it here")));
        QCOMPARE(browser.seriesCount(), std::size_t(0));
        QVERIFY(!browser.currentSeries());
    }

    void treeFollowsTheCatalog() {
        ui::StudyBrowser browser;
        browser.setCatalog(catalog_);
        auto* tree = browser.findChild<QTreeWidget*>(QStringLiteral("seriesTree"));
        QCOMPARE(browser.seriesCount(), catalog_.series.size());
        QCOMPARE(browser.findChild<QStackedWidget*>()->currentWidget(), tree);
        // Two pydicom DICOMDIR patients, the CT and MR samples' patients, the NIfTI node.
        QCOMPARE(tree->topLevelItemCount(), int(catalog_.tree.patients.size()) + 1);
        QCOMPARE(int(catalog_.tree.patients.size()), 4);

        const std::size_t ct = indexOf(catalog_, "CompressedSamples^CT1");
        QTreeWidgetItem* ctRow = rowOf(tree, ct);
        QVERIFY(ctRow);
        QCOMPARE(ctRow->text(1), QStringLiteral("CT"));
        QCOMPARE(ctRow->text(2), QStringLiteral("1"));
        QCOMPARE(ctRow->text(0), QStringLiteral("CT_small.dcm"));  // no Series Description
        QCOMPARE(ctRow->parent()->text(0).left(10), QStringLiteral("2004-01-19"));
        QCOMPARE(ctRow->parent()->parent()->text(0), QStringLiteral("CompressedSamples, CT1   ID 1CT1"));

        // Every series row stands for its catalog entry.
        std::size_t rows = 0;
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            const QVariant data = (*it)->data(0, Qt::UserRole);
            if (!data.isValid()) continue;
            ++rows;
            const imaging::SeriesItem& item = catalog_.series.at(data.toULongLong());
            QCOMPARE((*it)->text(2), QString::number(item.images));
            if (item.kind == imaging::SeriesItem::Kind::Dicom) {
                QCOMPARE((*it)->text(1), QString::fromStdString(item.modality));
            }
        }
        QCOMPARE(rows, catalog_.series.size());

        QTreeWidgetItem* files = tree->topLevelItem(tree->topLevelItemCount() - 1);
        QCOMPARE(files->childCount(), 1);
        QCOMPARE(files->child(0)->text(0), QStringLiteral("anatomical.nii"));
        QCOMPARE(files->child(0)->text(1), QStringLiteral("NIfTI"));
        auto* summary = browser.findChild<QLabel*>(QStringLiteral("summary"));
        QVERIFY2(summary->text().contains(QStringLiteral("1 file(s) skipped")), qPrintable(summary->text()));
        QVERIFY(summary->toolTip().contains(QStringLiteral("notes.txt")));

        browser.clear();
        QCOMPARE(browser.seriesCount(), std::size_t(0));
        QCOMPARE(tree->topLevelItemCount(), 0);
    }

    void selectsAndActivatesSeries() {
        ui::StudyBrowser browser;
        browser.resize(500, 700);
        browser.setCatalog(catalog_);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        auto* tree = browser.findChild<QTreeWidget*>(QStringLiteral("seriesTree"));
        QSignalSpy selected(&browser, &ui::StudyBrowser::seriesSelected);
        QSignalSpy activated(&browser, &ui::StudyBrowser::seriesActivated);

        browser.selectSeries(3);
        QCOMPARE(browser.currentSeries(), std::optional<std::size_t>(3));
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.at(0).at(0).value<std::size_t>(), std::size_t(3));

        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).value<std::size_t>(), std::size_t(3));

        QTreeWidgetItem* row = rowOf(tree, 0);
        tree->scrollToItem(row);
        const QPoint centre = tree->visualItemRect(row).center();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).value<std::size_t>(), std::size_t(0));
        QCOMPARE(browser.currentSeries(), std::optional<std::size_t>(0));

        // A patient row is not a series.
        tree->setCurrentItem(tree->topLevelItem(0));
        QVERIFY(!browser.currentSeries());
        QCOMPARE(selected.size(), 2);
    }

    void thumbnailsBecomeRowIcons() {
        const std::size_t ct = indexOf(catalog_, "CompressedSamples^CT1");
        const imaging::Thumbnail thumbnail = imaging::makeThumbnail(catalog_, ct, 96);
        const QImage image = ui::thumbnailImage(thumbnail);
        QCOMPARE(image.format(), QImage::Format_Grayscale8);
        QCOMPARE(image.size(), QSize(96, 96));
        for (const QPoint p : {QPoint(0, 0), QPoint(40, 50), QPoint(95, 95), QPoint(70, 20)}) {
            QCOMPARE(qGray(image.pixel(p)), int(thumbnail.pixels[std::size_t(p.y()) * 96 + p.x()]));
        }

        ui::StudyBrowser browser;
        browser.setCatalog(catalog_);
        auto* tree = browser.findChild<QTreeWidget*>(QStringLiteral("seriesTree"));
        QTreeWidgetItem* row = rowOf(tree, ct);
        const QImage placeholder = row->data(0, Qt::DecorationRole).value<QIcon>().pixmap(64, 64).toImage();
        QCOMPARE(placeholder.size(), QSize(64, 64));
        browser.setThumbnail(ct, image);
        const QImage icon = row->data(0, Qt::DecorationRole).value<QIcon>().pixmap(64, 64).toImage();
        QCOMPARE(icon.size(), QSize(64, 64));
        QVERIFY(icon != placeholder);
        // Not tinted by the selection highlight.
        const QIcon selected = row->data(0, Qt::DecorationRole).value<QIcon>();
        QCOMPARE(selected.pixmap(QSize(64, 64), QIcon::Selected).toImage(), icon);
        // Square image, square icon: the centre shows the thumbnail's centre.
        QVERIFY(std::abs(qGray(icon.pixel(32, 32)) - qGray(image.pixel(48, 48))) < 40);
        browser.setThumbnail(catalog_.series.size(), image);  // out of range: ignored
    }

    void colourThumbnailsStayColour() {
        const fs::path file = pydicomFiles / "SC_rgb_rle.dcm";
        const imaging::StudyCatalog catalog = imaging::openStudy(file);
        const imaging::Thumbnail thumbnail = imaging::makeThumbnail(catalog, 0, 64);
        QCOMPARE(thumbnail.channels, 3);
        const QImage image = ui::thumbnailImage(thumbnail);
        QCOMPARE(image.format(), QImage::Format_RGB888);
        const auto at = [&](int x, int y, int c) {
            return int(thumbnail.pixels[(std::size_t(y) * thumbnail.width + x) * 3 + c]);
        };
        for (const QPoint p : {QPoint(0, 0), QPoint(10, 30), QPoint(50, 60)}) {
            const QColor colour = image.pixelColor(p);
            QCOMPARE(colour.red(), at(p.x(), p.y(), 0));
            QCOMPARE(colour.green(), at(p.x(), p.y(), 1));
            QCOMPARE(colour.blue(), at(p.x(), p.y(), 2));
        }
        QVERIFY(ui::thumbnailImage(imaging::Thumbnail{}).isNull());
    }

    // pydicom's DICOMDIR series carry warnings (a slice gap, mixed orientation): those rows
    // show an icon and the warning; a series without one shows none.
    void warningsShowAnIconAndTheirText() {
        std::size_t warned = catalog_.series.size(), clean = catalog_.series.size();
        for (std::size_t i = 0; i < catalog_.series.size(); ++i) {
            if (!catalog_.series[i].warnings.empty()) warned = i;
            else clean = i;
        }
        QVERIFY2(warned < catalog_.series.size(), "no series of the test folder carries a warning");
        QVERIFY2(clean < catalog_.series.size(), "every series of the test folder carries a warning");
        ui::StudyBrowser browser;
        browser.setCatalog(catalog_);
        auto* tree = browser.findChild<QTreeWidget*>(QStringLiteral("seriesTree"));
        QTreeWidgetItem* row = rowOf(tree, warned);
        QVERIFY(row);
        QVERIFY(row->data(2, Qt::DecorationRole).isValid());
        QVERIFY(row->toolTip(0).contains(QString::fromStdString(catalog_.series[warned].warnings.front())));
        QVERIFY(rowOf(tree, clean));
        QVERIFY(!rowOf(tree, clean)->data(2, Qt::DecorationRole).isValid());
    }

    void dropsAskToOpen() {
        ui::StudyBrowser browser;
        QSignalSpy open(&browser, &ui::StudyBrowser::openRequested);
        const QString folder = QString::fromStdString(folder_.string());
        QVERIFY(sendDrop(browser, {QUrl::fromLocalFile(folder)}));
        QCOMPARE(open.last().at(0).toString(), folder);
        // Several files of one folder: the folder.
        QVERIFY(sendDrop(browser, {QUrl::fromLocalFile(folder + QStringLiteral("/CT_small.dcm")),
                                   QUrl::fromLocalFile(folder + QStringLiteral("/MR_small.dcm"))}));
        QCOMPARE(open.last().at(0).toString(), folder);
        QVERIFY(!sendDrop(browser, {QUrl(QStringLiteral("https://example.org/ct.dcm"))}));
        QCOMPARE(open.size(), 2);
    }

    void scanProgressCanBeCancelled() {
        ui::StudyBrowser browser;
        browser.show();
        auto* row = browser.findChild<QWidget*>(QStringLiteral("scanProgress"));
        auto* bar = row->findChild<QProgressBar*>();
        auto* cancel = browser.findChild<QPushButton*>(QStringLiteral("cancelScan"));
        QVERIFY(!row->isVisible());
        browser.setScanProgress(0, 0, QStringLiteral("/data/studies"));
        QVERIFY(row->isVisible());
        QCOMPARE(bar->maximum(), 0);  // still listing: busy
        browser.setScanProgress(3, 12, QStringLiteral("/data/studies"));
        QCOMPARE(double(bar->value()) / bar->maximum(), 0.25);
        QCOMPARE(bar->text(), QStringLiteral("3 of 12 files"));

        QSignalSpy cancelled(&browser, &ui::StudyBrowser::cancelScanRequested);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!cancel->isEnabled());
        browser.setScanFinished();
        QVERIFY(!row->isVisible());
        QVERIFY(cancel->isEnabled());
    }

    // The tree, its summary and a rescan being cancelled, in the language switched to, as
    // a browser built in that language shows them.
    void switchesLanguageWithoutRestart() {
        using vitask::ui::test::shownTexts;
        vitask::ui::test::switchLanguage(QStringLiteral("en"));
        ui::StudyBrowser browser;
        showRescanBeingCancelled(browser);
        QVERIFY(vitask::ui::test::switchesLikeAFreshStart([&] { return shownTexts(browser); }, [&] {
            ui::StudyBrowser fresh;
            showRescanBeingCancelled(fresh);
            return shownTexts(fresh);
        }));
    }

private:
    // The test folder with the CT's thumbnail and a series chosen, while the user cancels
    // a rescan of it.
    void showRescanBeingCancelled(ui::StudyBrowser& browser) {
        browser.setCatalog(catalog_);
        const std::size_t ct = indexOf(catalog_, "CompressedSamples^CT1");
        browser.setThumbnail(ct, ui::thumbnailImage(imaging::makeThumbnail(catalog_, ct, 64)));
        browser.selectSeries(ct);
        browser.setScanProgress(3, 12, QString::fromStdString(folder_.string()));
        browser.findChild<QPushButton*>(QStringLiteral("cancelScan"))->click();
    }

    QTemporaryDir dir_;
    fs::path folder_;
    imaging::StudyCatalog catalog_;
};

QTEST_MAIN(TestStudyBrowser)
#include "test_study_browser.moc"
