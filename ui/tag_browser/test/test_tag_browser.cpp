// The tag browser on pydicom's test files: search by keyword, value and tag number;
// sequences as expandable items; copying a value.
#include "vitask/imaging/dicom_metadata.h"
#include "vitask/ui/tag_browser/tag_browser.h"
#include "vitask/ui/test_support/shown_texts.h"

#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QtTest>

using namespace vitask;

namespace {

const std::string pydicomFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files/";

QList<QTreeWidgetItem*> visibleTopLevel(QTreeWidget* tree) {
    QList<QTreeWidgetItem*> rows;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (!tree->topLevelItem(i)->isHidden()) rows.append(tree->topLevelItem(i));
    }
    return rows;
}

QTreeWidgetItem* topLevelNamed(QTreeWidget* tree, const QString& keyword) {
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(1) == keyword) return tree->topLevelItem(i);
    }
    return nullptr;
}

}  // namespace

class TestTagBrowser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!QFileInfo::exists(QString::fromStdString(pydicomFiles + "CT_small.dcm"))) {
            QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        }
    }

    void searchesByKeywordValueAndTag() {
        const auto elements = imaging::DicomMetadata::read(pydicomFiles + "CT_small.dcm");
        ui::TagBrowser browser;
        browser.setSource(QStringLiteral("CT_small.dcm"));
        browser.setElements(elements);
        auto* tree = browser.findChild<QTreeWidget*>(QStringLiteral("tags"));
        const int all = int(elements.size());
        QCOMPARE(browser.visibleRowCount(), all);
        auto* header = browser.findChild<QLabel*>(QStringLiteral("source"));
        QVERIFY2(header->text().startsWith(QStringLiteral("CT_small.dcm")), qPrintable(header->text()));
        QVERIFY(header->text().contains(QString::number(all)));

        browser.setFilter(QStringLiteral("PatientName"));
        QCOMPARE(browser.visibleRowCount(), 1);
        QCOMPARE(visibleTopLevel(tree).front()->text(0), QStringLiteral("(0010,0010)"));
        QCOMPARE(visibleTopLevel(tree).front()->text(3), QStringLiteral("CompressedSamples^CT1"));
        QCOMPARE(browser.findChild<QLineEdit*>(QStringLiteral("search"))->text(), QStringLiteral("PatientName"));
        QVERIFY(header->text().contains(QStringLiteral("1 of %1").arg(all)));

        for (const char* tag : {"0010,0010", "(0010,0010)", "00100010", " (0010, 0010) "}) {
            browser.setFilter(QString::fromLatin1(tag));
            QCOMPARE(browser.visibleRowCount(), 1);
            QCOMPARE(visibleTopLevel(tree).front()->text(1), QStringLiteral("PatientName"));
        }
        browser.setFilter(QStringLiteral("(7fe0,0010)"));  // lower-case hex
        QCOMPARE(browser.visibleRowCount(), 1);
        QCOMPARE(visibleTopLevel(tree).front()->text(1), QStringLiteral("PixelData"));

        // By value, case-insensitive: only the patient name holds "compressedsamples".
        browser.setFilter(QStringLiteral("compressedsamples"));
        QCOMPARE(browser.visibleRowCount(), 1);
        browser.setFilter(QStringLiteral("no element holds this"));
        QCOMPARE(browser.visibleRowCount(), 0);
        browser.setFilter(QString());
        QCOMPARE(browser.visibleRowCount(), all);
    }

    void sequencesExpandIntoItems() {
        // CT_small has an Other Patient IDs Sequence; rtplan nests its beams' elements.
        const auto elements = imaging::DicomMetadata::read(pydicomFiles + "rtplan.dcm");
        ui::TagBrowser browser;
        browser.setElements(elements);
        auto* tree = browser.findChild<QTreeWidget*>(QStringLiteral("tags"));
        QTreeWidgetItem* beams = topLevelNamed(tree, QStringLiteral("BeamSequence"));
        QVERIFY(beams);
        QCOMPARE(beams->text(2), QStringLiteral("SQ"));
        QVERIFY(beams->childCount() >= 1);
        QCOMPARE(beams->child(0)->text(0), QStringLiteral("Item 1"));
        QVERIFY(!beams->isExpanded());

        // A match inside a sequence keeps its ancestors visible and opens them.
        browser.setFilter(QStringLiteral("BeamName"));
        QVERIFY(!beams->isHidden());
        QVERIFY(beams->isExpanded());
        QTreeWidgetItem* item = beams->child(0);
        QVERIFY(!item->isHidden() && item->isExpanded());
        int shown = 0;
        for (int i = 0; i < item->childCount(); ++i) {
            if (item->child(i)->isHidden()) continue;
            ++shown;
            QCOMPARE(item->child(i)->text(1), QStringLiteral("BeamName"));
        }
        QCOMPARE(shown, 1);
        QVERIFY(topLevelNamed(tree, QStringLiteral("PatientName"))->isHidden());

        // A matching sequence shows all of its items.
        browser.setFilter(QStringLiteral("BeamSequence"));
        QVERIFY(!beams->isHidden());
        for (int i = 0; i < item->childCount(); ++i) QVERIFY(!item->child(i)->isHidden());

        browser.setFilter(QString());
        QVERIFY(!beams->isExpanded());
    }

    void copiesTheSelectedValue() {
        ui::TagBrowser browser;
        browser.setElements(imaging::DicomMetadata::read(pydicomFiles + "CT_small.dcm"));
        browser.show();
        QApplication::setActiveWindow(&browser);
        QVERIFY(QTest::qWaitForWindowActive(&browser));
        auto* tree = browser.findChild<QTreeWidget*>(QStringLiteral("tags"));
        tree->setFocus();
        tree->setCurrentItem(topLevelNamed(tree, QStringLiteral("StudyDate")));
        QApplication::clipboard()->clear();
        QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("20040119"));
    }

    void clearForgetsTheFile() {
        ui::TagBrowser browser;
        browser.setSource(QStringLiteral("CT_small.dcm"));
        browser.setElements(imaging::DicomMetadata::read(pydicomFiles + "CT_small.dcm"));
        browser.clear();
        QCOMPARE(browser.visibleRowCount(), 0);
        QVERIFY(!browser.findChild<QLabel*>(QStringLiteral("source"))->text().contains(QStringLiteral("CT_small")));
    }

    // A searched file (its header counts what the search leaves, a sequence's items, the
    // tooltips of identifying values) in the language switched to, as a browser built in
    // that language shows it.
    void switchesLanguageWithoutRestart() {
        using vitask::ui::test::shownTexts;
        vitask::ui::test::switchLanguage(QStringLiteral("en"));
        const auto elements = imaging::DicomMetadata::read(pydicomFiles + "CT_small.dcm");
        const auto searched = [&elements](ui::TagBrowser& browser) {
            browser.setSource(QStringLiteral("CT_small.dcm"));
            browser.setElements(elements);
            browser.setFilter(QStringLiteral("Patient"));
        };
        ui::TagBrowser browser;
        searched(browser);
        QVERIFY(shownTexts(browser).join('\n').contains(QStringLiteral("Item 1")));
        QVERIFY(vitask::ui::test::switchesLikeAFreshStart([&] { return shownTexts(browser); }, [&] {
            ui::TagBrowser fresh;
            searched(fresh);
            return shownTexts(fresh);
        }));
    }
};

QTEST_MAIN(TestTagBrowser)
#include "test_tag_browser.moc"
