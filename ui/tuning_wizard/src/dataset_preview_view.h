#pragma once
// DatasetPreviewView: one dataset as the trainer will see it: name, modality and image
// size, a table with a row per class (samples per split and a strip of example images),
// and the validation report: the load error (the trainer would stop) or its warnings.

#include "vitask/service/run_config.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace vitask::ui {

class DatasetPreviewView : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPreviewView(QWidget* parent = nullptr);

    // nullptr: nothing chosen; `loading`: the preview is being computed.
    void showPreview(const service::DatasetPreview* preview, bool loading = false);

private:
    QLabel* title_;
    QLabel* details_;
    QTableWidget* table_;
    QLabel* errors_;
    QLabel* warnings_;
};

}  // namespace vitask::ui
