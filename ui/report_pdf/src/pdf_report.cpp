#include "vitask/ui/report_pdf/pdf_report.h"

#include "vitask/common/error.h"
#include "vitask/report/document_report.h"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QImage>
#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

namespace vitask::ui {
namespace {

// The layout's grid (text and rules are vectors anyway): fine enough that glyphs sit where
// the fonts' metrics put them.
constexpr int kResolution = 300;
constexpr double kMarginMillimetres = 15;

QString keyImageUrl(std::size_t index) { return QStringLiteral("vitask-key-image:%1").arg(index); }

[[noreturn]] void fail(const QString& path, const QString& problem) {
    throw Error("cannot write the PDF report: " + problem.toStdString(), path.toStdString(),
                "Choose a folder you may write to, with free space.");
}

}  // namespace

void writePdfReport(const vitask::report::Report& report, const QString& path) {
    ensureGuiApplication();

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) fail(path, file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setResolution(kResolution);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(kMarginMillimetres, kMarginMillimetres, kMarginMillimetres,
                                                   kMarginMillimetres),
                                         QPageLayout::Millimeter));
        writer.setTitle(QString::fromStdString(report.title));
        writer.setCreator(QString::fromStdString(report.software.name + " " + report.software.version).trimmed());

        QTextDocument document;
        // Without shaping where a script does not need it: no "fi" ligatures, whose single
        // glyph PDF readers copy and search as U+FB01, so "qualified" would not be found.
        QFont font = document.defaultFont();
        font.setStyleStrategy(QFont::PreferNoShaping);
        document.setDefaultFont(font);
        // Key images as resources, not data: URIs: no PNG encoding and decoding per case,
        // and the PDF embeds the pixels as they are. The QImages share the report's
        // buffers, which outlive the printing.
        for (std::size_t i = 0; i < report.cases.size(); ++i) {
            const auto& key = report.cases[i].keyImage;
            if (key.empty() || !key.withheld.empty()) continue;
            const QImage image(key.rgb.data(), key.width, key.height, key.width * 3, QImage::Format_RGB888);
            document.addResource(QTextDocument::ImageResource, QUrl(keyImageUrl(i)), image);
        }
        document.setHtml(QString::fromStdString(vitask::report::htmlReport(
            report, [](std::size_t index) { return keyImageUrl(index).toStdString(); })));
        // Laid out for the writer itself (fonts at its resolution, whatever the screen's)
        // on pages the size of its printable area: QTextDocument::print() then takes the
        // document as paginated and prints it as laid out, within the writer's margins,
        // without margins or page numbers of its own.
        document.documentLayout()->setPaintDevice(&writer);
        document.setDocumentMargin(0);
        document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
        document.print(&writer);
    }  // the writer finishes the PDF when it goes
    if (!file.commit()) fail(path, file.errorString());
}

}  // namespace vitask::ui
