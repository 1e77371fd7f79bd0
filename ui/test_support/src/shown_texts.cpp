#include "vitask/ui/test_support/shown_texts.h"

#include "vitask/ui/settings/translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDebug>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSet>
#include <QSpinBox>
#include <QTabBar>
#include <QTextEdit>
#include <QToolBox>
#include <QWizardPage>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QAbstractSeries>
#include <QtCharts/QChart>
#include <QtCharts/QLegend>

namespace vitask::ui::test {
namespace {

constexpr int kModelRows = 50;  // rows of an item view read (tables can be long)

class Collector {
public:
    QStringList lines;

    void add(const QString& path, const char* property, const QString& text) {
        if (!text.trimmed().isEmpty()) lines << QStringLiteral("%1 %2: %3").arg(path, QLatin1String(property), text);
    }

    void actions(const QString& path, const QList<QAction*>& actions, QSet<const QAction*>& seen) {
        int index = 0;
        for (const QAction* action : actions) {
            const QString at = QStringLiteral("%1/action#%2").arg(path).arg(index++);
            if (action->isSeparator() || seen.contains(action)) continue;
            seen.insert(action);
            add(at, "text", action->text());
            if (action->toolTip() != QString(action->text()).remove(QLatin1Char('&')))
                add(at, "toolTip", action->toolTip());
            add(at, "statusTip", action->statusTip());
            if (const QMenu* menu = action->menu()) {
                add(at, "menu", menu->title());
                this->actions(at, menu->actions(), seen);
            }
        }
    }

    void model(const QString& path, const QAbstractItemModel& model, const QModelIndex& parent, int depth) {
        const int rows = std::min(model.rowCount(parent), kModelRows);
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < model.columnCount(parent); ++c) {
                const QModelIndex index = model.index(r, c, parent);
                const QString at = QStringLiteral("%1[%2,%3]").arg(path).arg(r).arg(c);
                add(at, "display", model.data(index, Qt::DisplayRole).toString());
                add(at, "toolTip", model.data(index, Qt::ToolTipRole).toString());
            }
            if (depth < 3) this->model(QStringLiteral("%1[%2]").arg(path).arg(r), model, model.index(r, 0, parent), depth + 1);
        }
    }

    void view(const QString& path, const QAbstractItemView& view) {
        const QAbstractItemModel* model = view.model();
        if (!model) return;
        for (const Qt::Orientation orientation : {Qt::Horizontal, Qt::Vertical}) {
            const int sections = orientation == Qt::Horizontal ? model->columnCount() : std::min(model->rowCount(), kModelRows);
            for (int s = 0; s < sections; ++s) {
                const QString at = QStringLiteral("%1/header%2#%3").arg(path, orientation == Qt::Horizontal ? "H" : "V").arg(s);
                add(at, "display", model->headerData(s, orientation, Qt::DisplayRole).toString());
                add(at, "toolTip", model->headerData(s, orientation, Qt::ToolTipRole).toString());
            }
        }
        this->model(path, *model, view.rootIndex(), 0);
    }

    void chart(const QString& path, const QChart& chart) {
        add(path, "chartTitle", chart.title());
        int index = 0;
        for (const QAbstractAxis* axis : chart.axes()) add(QStringLiteral("%1/axis#%2").arg(path).arg(index++), "title", axis->titleText());
        index = 0;
        for (const QAbstractSeries* series : chart.series())
            add(QStringLiteral("%1/series#%2").arg(path).arg(index++), "name", series->name());
        index = 0;
        for (const QLegendMarker* marker : chart.legend()->markers())
            add(QStringLiteral("%1/legend#%2").arg(path).arg(index++), "label", marker->label());
    }

    void widget(const QString& path, const QWidget& w, QSet<const QAction*>& seen) {
        if (w.isWindow() || qobject_cast<const QDockWidget*>(&w)) add(path, "windowTitle", w.windowTitle());
        add(path, "toolTip", w.toolTip());
        add(path, "statusTip", w.statusTip());
        add(path, "whatsThis", w.whatsThis());
        if (const auto* label = qobject_cast<const QLabel*>(&w)) add(path, "text", label->text());
        if (const auto* button = qobject_cast<const QAbstractButton*>(&w)) add(path, "text", button->text());
        if (const auto* box = qobject_cast<const QGroupBox*>(&w)) add(path, "title", box->title());
        if (const auto* edit = qobject_cast<const QLineEdit*>(&w)) {
            add(path, "placeholder", edit->placeholderText());
            add(path, "text", edit->text());
        }
        if (const auto* edit = qobject_cast<const QTextEdit*>(&w)) {
            add(path, "placeholder", edit->placeholderText());
            add(path, "text", edit->toPlainText());
        }
        if (const auto* edit = qobject_cast<const QPlainTextEdit*>(&w)) add(path, "placeholder", edit->placeholderText());
        if (const auto* combo = qobject_cast<const QComboBox*>(&w)) {
            for (int i = 0; i < combo->count(); ++i) {
                add(QStringLiteral("%1/item#%2").arg(path).arg(i), "text", combo->itemText(i));
                add(QStringLiteral("%1/item#%2").arg(path).arg(i), "toolTip", combo->itemData(i, Qt::ToolTipRole).toString());
            }
        }
        if (const auto* tabs = qobject_cast<const QTabBar*>(&w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(QStringLiteral("%1/tab#%2").arg(path).arg(i), "text", tabs->tabText(i));
                add(QStringLiteral("%1/tab#%2").arg(path).arg(i), "toolTip", tabs->tabToolTip(i));
            }
        }
        if (const auto* box = qobject_cast<const QToolBox*>(&w))
            for (int i = 0; i < box->count(); ++i) add(QStringLiteral("%1/item#%2").arg(path).arg(i), "text", box->itemText(i));
        if (const auto* spin = qobject_cast<const QAbstractSpinBox*>(&w)) add(path, "specialValueText", spin->specialValueText());
        if (const auto* spin = qobject_cast<const QSpinBox*>(&w)) {
            add(path, "prefix", spin->prefix());
            add(path, "suffix", spin->suffix());
        }
        if (const auto* spin = qobject_cast<const QDoubleSpinBox*>(&w)) {
            add(path, "prefix", spin->prefix());
            add(path, "suffix", spin->suffix());
        }
        if (const auto* bar = qobject_cast<const QProgressBar*>(&w)) add(path, "format", bar->format());
        if (const auto* page = qobject_cast<const QWizardPage*>(&w)) {
            add(path, "title", page->title());
            add(path, "subTitle", page->subTitle());
        }
        if (const auto* view = qobject_cast<const QAbstractItemView*>(&w); view && !qobject_cast<const QHeaderView*>(&w))
            this->view(path, *view);
        if (const auto* chartView = qobject_cast<const QChartView*>(&w); chartView && chartView->chart())
            chart(path, *chartView->chart());
        actions(path, w.actions(), seen);

        // A combo box's popup lists its items again; a header is its view's.
        if (qobject_cast<const QComboBox*>(&w)) return;
        QHash<QString, int> classIndex;
        for (const QObject* child : w.children()) {
            const auto* childWidget = qobject_cast<const QWidget*>(child);
            if (!childWidget || qobject_cast<const QHeaderView*>(childWidget)) continue;
            const QString className = QString::fromLatin1(childWidget->metaObject()->className());
            const int index = classIndex[className]++;
            const QString name = childWidget->objectName().isEmpty() ? QStringLiteral("%1#%2").arg(className).arg(index)
                                                                     : childWidget->objectName();
            widget(path + QLatin1Char('/') + name, *childWidget, seen);
        }
    }
};

}  // namespace

QStringList shownTexts(const QWidget& root) {
    Collector collector;
    QSet<const QAction*> seen;
    collector.widget(root.objectName().isEmpty() ? QString::fromLatin1(root.metaObject()->className()) : root.objectName(),
                     root, seen);
    return collector.lines;
}

void switchLanguage(const QString& language) {
    applyLanguage(language);
    // QApplication posts LanguageChange to each top-level widget, which passes it down.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCoreApplication::processEvents();
}

QString textDifferences(const QStringList& a, const QStringList& b, int limit) {
    QStringList out;
    const QSet<QString> inA(a.begin(), a.end());
    const QSet<QString> inB(b.begin(), b.end());
    for (const QString& line : a)
        if (!inB.contains(line) && out.size() < limit) out << QStringLiteral("- ") + line;
    for (const QString& line : b)
        if (!inA.contains(line) && out.size() < limit) out << QStringLiteral("+ ") + line;
    return out.join(QLatin1Char('\n'));
}

bool sameTexts(const QStringList& switched, const QStringList& expected, const QString& what) {
    if (switched == expected) return true;
    qWarning().noquote() << what << "(- switched at run time, + built in the language):\n"
                         << textDifferences(switched, expected, 400);
    return false;
}

bool switchesLikeAFreshStart(const std::function<QStringList()>& shown, const std::function<QStringList()>& fresh) {
    const QStringList english = shown();
    for (const QString& language : {QStringLiteral("de"), QStringLiteral("zh_CN"), QStringLiteral("en")}) {
        switchLanguage(language);
        const QStringList switched = shown();
        if (!sameTexts(switched, fresh(), language)) return false;
        if (language != QLatin1String("en") && switched == english) {
            qWarning().noquote() << language << ": nothing changed from English";
            return false;
        }
    }
    return sameTexts(shown(), english, QStringLiteral("back in English"));
}

}  // namespace vitask::ui::test
