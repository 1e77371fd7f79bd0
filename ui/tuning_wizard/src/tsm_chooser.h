#pragma once
// TsmChooser: the task-specific model a VITask run learns its exemplars from: one the
// registry lists (listed off the UI thread; one trained on exactly the run's datasets is
// chosen for the user), one `vitask tsm train` makes before the run, or none (vanilla).

#include "vitask/service/ask.h"

#include <QGroupBox>
#include <QThreadPool>

#include <vector>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace vitask::ui {

class DatasetPage;

class TsmChooser : public QGroupBox {
    Q_OBJECT
public:
    enum class Source { Registry, TrainFirst, None };

    TsmChooser(const DatasetPage* datasets, QWidget* parent = nullptr);
    ~TsmChooser() override;

    Source source() const;
    void setSource(Source source);
    // The config's `tsm:` (the manifest to be trained, for TrainFirst); empty for None.
    QString manifest() const;
    // Why the choice cannot be used (no TSM listed, a broken one, CSV data to train on).
    QString problem() const;
    // `vitask tsm train ...` (without the program) for TrainFirst; else empty.
    QStringList trainArguments() const;
    const std::vector<service::TsmEntry>& tsms() const { return tsms_; }
    // Names the TSM to train, unless the user named it.
    void suggestName(const QString& name);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void changed();
    void listed();  // refresh() finished: tsms() is current

private:
    void chooseDefault();
    void showState();

    const DatasetPage* datasets_;
    QButtonGroup* group_;
    QComboBox* combo_;
    QWidget* trainForm_;
    QLineEdit* name_;
    QComboBox* arch_;
    QSpinBox* epochs_;
    QSpinBox* depth_;
    QSpinBox* width_;
    QLineEdit* folder_;
    QLabel* status_;
    std::vector<service::TsmEntry> tsms_;
    bool chosenByUser_ = false;
    QThreadPool pool_;  // last: destroyed first, while the widget can still take its posts
};

}  // namespace vitask::ui
