#pragma once
// The studio's log panel: every message the engine and the UI log, as it happens,
// filtered by level. Identical to what goes to the log file (no patient identifiers).

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QPlainTextEdit;
class QTimer;

namespace vitask::ui {

class LogBufferSink;

class LogPanel : public QWidget {
    Q_OBJECT
public:
    explicit LogPanel(QWidget* parent = nullptr);
    ~LogPanel() override;

    // Everything shown so far, one line per message (for tests and "copy all").
    QString plainText() const;

public Q_SLOTS:
    // Moves what was logged since the last call into the view (a timer calls it too).
    void drain();
    void clear();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::shared_ptr<LogBufferSink> sink_;
    QPlainTextEdit* view_;
    QComboBox* levelFilter_;
    QTimer* timer_;
    QLabel* showLabel_;
    QPushButton* clearButton_;
};

}  // namespace vitask::ui
