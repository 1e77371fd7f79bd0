#include "vitask/ui/tag_browser/tag_browser.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <optional>

namespace vitask::ui {
namespace {

enum Column { TagColumn, NameColumn, VrColumn, ValueColumn, ColumnCount };
constexpr int kValueRole = Qt::UserRole;    // the whole value (the column may shorten it)
constexpr int kTagRole = Qt::UserRole + 1;  // group << 16 | element; none on "Item n" rows
constexpr int kIdentifiesRole = Qt::UserRole + 2;  // whether the element identifies the patient
// Longer values are cut in the column (a 64 KB private text would make rows unusable);
// the tooltip and Copy give the whole value.
constexpr int kMaxShownValue = 256;

// The texts of `row` and the rows under it in the current language: an element's tooltip,
// a sequence's "Item n" rows (makeRow leaves them to this).
void translateRow(QTreeWidgetItem* row) {
    if (row->data(TagColumn, kTagRole).isValid()) {
        QString tip = row->data(ValueColumn, kValueRole).toString().left(4000);
        if (row->data(ValueColumn, kIdentifiesRole).toBool()) tip += QLatin1Char('\n') + TagBrowser::tr("Identifies the patient.");
        row->setToolTip(ValueColumn, tip);
    } else {
        row->setText(TagColumn, TagBrowser::tr("Item %1").arg(row->parent()->indexOfChild(row) + 1));
    }
    for (int i = 0; i < row->childCount(); ++i) translateRow(row->child(i));
}

QTreeWidgetItem* makeRow(const imaging::DicomElement& element) {
    auto* row = new QTreeWidgetItem;
    const QString value = QString::fromStdString(element.value);
    row->setText(TagColumn, QString::fromStdString(element.tag));
    row->setText(NameColumn, QString::fromStdString(element.keyword));
    row->setText(VrColumn, QString::fromStdString(element.vr));
    row->setText(ValueColumn, value.size() > kMaxShownValue ? value.left(kMaxShownValue) + QStringLiteral("…") : value);
    row->setData(ValueColumn, kValueRole, value);
    row->setData(ValueColumn, kIdentifiesRole, element.identifiesPatient);
    row->setData(TagColumn, kTagRole, (quint32(element.group) << 16) | element.element);
    for (const auto& elements : element.items) {
        auto* item = new QTreeWidgetItem(row);
        for (const auto& child : elements) item->addChild(makeRow(child));
    }
    return row;
}

struct Query {
    QString text;
    std::optional<quint32> tag;  // the text read as a tag: "0010,0010", "(0010,0010)", "00100010"
};

Query parseQuery(const QString& text) {
    Query query{text.trimmed(), std::nullopt};
    QString hex = query.text;
    for (const QChar c : {QLatin1Char('('), QLatin1Char(')'), QLatin1Char(','), QLatin1Char(' ')}) hex.remove(c);
    bool ok = false;
    const quint32 tag = hex.toUInt(&ok, 16);
    if (hex.size() == 8 && ok) query.tag = tag;
    return query;
}

// "Item n" rows match through their elements only. An 8-digit date is also a valid tag
// number, so values are searched as text either way.
bool matches(const QTreeWidgetItem* row, const Query& query) {
    const QVariant tag = row->data(TagColumn, kTagRole);
    if (!tag.isValid()) return false;
    if (query.tag && tag.toUInt() == *query.tag) return true;
    return row->text(TagColumn).contains(query.text, Qt::CaseInsensitive) ||
           row->text(NameColumn).contains(query.text, Qt::CaseInsensitive) ||
           row->data(ValueColumn, kValueRole).toString().contains(query.text, Qt::CaseInsensitive);
}

void showAll(QTreeWidgetItem* row) {
    row->setHidden(false);
    for (int i = 0; i < row->childCount(); ++i) showAll(row->child(i));
}

// Shows matching rows with everything under them, and the ancestors of matches expanded
// so that a match inside a sequence is in view. Returns whether anything here matched.
bool filterRow(QTreeWidgetItem* row, const Query& query) {
    if (matches(row, query)) {
        showAll(row);
        return true;
    }
    bool below = false;
    for (int i = 0; i < row->childCount(); ++i) below = filterRow(row->child(i), query) || below;
    row->setHidden(!below);
    if (below) row->setExpanded(true);
    return below;
}

}  // namespace

TagBrowser::TagBrowser(QWidget* parent)
    : QWidget(parent), header_(new QLabel(this)), search_(new QLineEdit(this)), tree_(new QTreeWidget(this)) {
    header_->setObjectName(QStringLiteral("source"));
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    search_->setObjectName(QStringLiteral("search"));
    search_->setClearButtonEnabled(true);
    connect(search_, &QLineEdit::textChanged, this, &TagBrowser::setFilter);

    tree_->setObjectName(QStringLiteral("tags"));
    tree_->setColumnCount(ColumnCount);
    tree_->setUniformRowHeights(true);
    tree_->setAllColumnsShowFocus(true);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    // Fixed widths from the font: measuring every row of an enhanced multi-frame file's
    // thousands of elements would make each search slow. The tag column leaves room for
    // the four levels of nesting of per-frame functional groups.
    const QFontMetrics metrics = tree_->fontMetrics();
    const int margin = metrics.horizontalAdvance(QStringLiteral("MM"));
    tree_->setColumnWidth(TagColumn, metrics.horizontalAdvance(QStringLiteral("(0000,0000)")) +
                                         5 * tree_->indentation() + margin);
    tree_->setColumnWidth(NameColumn, metrics.horizontalAdvance(QStringLiteral("FileMetaInformationGroupLength")) + margin);
    tree_->setColumnWidth(VrColumn, metrics.horizontalAdvance(QStringLiteral("VR")) + margin);

    copyValue_ = new QAction(tree_);
    copyValue_->setShortcut(QKeySequence::Copy);
    copyValue_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyValue_, &QAction::triggered, this, &TagBrowser::copySelectedValue);
    tree_->addAction(copyValue_);
    tree_->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(header_);
    layout->addWidget(search_);
    layout->addWidget(tree_, 1);
    retranslateUi();
}

void TagBrowser::retranslateUi() {
    search_->setPlaceholderText(tr("Search tag (0010,0010), name or value"));
    tree_->setHeaderLabels({tr("Tag"), tr("Name"), tr("VR"), tr("Value")});
    copyValue_->setText(tr("Copy value"));
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) translateRow(tree_->topLevelItem(i));
    updateHeader();
}

void TagBrowser::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void TagBrowser::setElements(const std::vector<imaging::DicomElement>& elements) {
    tree_->clear();
    QList<QTreeWidgetItem*> rows;
    rows.reserve(int(elements.size()));
    for (const auto& element : elements) {
        rows.append(makeRow(element));
        translateRow(rows.back());
    }
    tree_->addTopLevelItems(rows);
    setFilter(search_->text());
}

void TagBrowser::clear() {
    tree_->clear();
    source_.clear();
    updateHeader();
}

void TagBrowser::setSource(const QString& fileName) {
    source_ = fileName;
    updateHeader();
}

int TagBrowser::visibleRowCount() const {
    int visible = 0;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) visible += tree_->topLevelItem(i)->isHidden() ? 0 : 1;
    return visible;
}

void TagBrowser::setFilter(const QString& text) {
    if (search_->text() != text) {
        search_->setText(text);  // its textChanged comes back here
        return;
    }
    const Query query = parseQuery(text);
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        if (query.text.isEmpty()) {
            showAll(tree_->topLevelItem(i));
        } else {
            filterRow(tree_->topLevelItem(i), query);
        }
    }
    // Back to the file as it first appeared.
    if (query.text.isEmpty()) tree_->collapseAll();
    updateHeader();
}

void TagBrowser::copySelectedValue() {
    const QTreeWidgetItem* row = tree_->currentItem();
    if (row == nullptr || !row->data(TagColumn, kTagRole).isValid()) return;
    QApplication::clipboard()->setText(row->data(ValueColumn, kValueRole).toString());
}

void TagBrowser::updateHeader() {
    const int total = tree_->topLevelItemCount();
    QString text = source_.isEmpty() ? tr("No DICOM file") : source_;
    if (total > 0) {
        const int visible = visibleRowCount();
        text += QStringLiteral(" — ") +
                (visible == total ? tr("%n element(s)", nullptr, total) : tr("%1 of %n element(s)", nullptr, total).arg(visible));
    }
    header_->setText(text);
}

}  // namespace vitask::ui
