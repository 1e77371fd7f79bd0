#pragma once
// The studio's tag browser: every DICOM element of the current image (Tag, Name, VR,
// Value), sequences expandable into their items, with a search by tag ("0010,0010",
// "(0010,0010)", "00100010") or by name or value. Values are shown as the file holds them,
// patient-identifying ones included; nothing here is logged.

#include "vitask/imaging/dicom_metadata.h"

#include <QWidget>

#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace vitask::ui {

class TagBrowser : public QWidget {
    Q_OBJECT
public:
    explicit TagBrowser(QWidget* parent = nullptr);

    void setElements(const std::vector<imaging::DicomElement>& elements);
    void clear();
    // The file the elements come from, shown as the header line.
    void setSource(const QString& fileName);
    // Top-level elements the search leaves visible.
    int visibleRowCount() const;

public Q_SLOTS:
    // Filters as the search field does (it calls this as the user types).
    void setFilter(const QString& text);
    // Puts the selected element's full value on the clipboard (Ctrl+C).
    void copySelectedValue();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateHeader();

    QLabel* header_;
    QLineEdit* search_;
    QTreeWidget* tree_;
    QAction* copyValue_;
    QString source_;
};

}  // namespace vitask::ui
