#pragma once
// Drives the studio from its command line, for users, tests and screenshots: opens a
// study, loads a model and a TSM, asks a question, then (when asked to) writes what the
// AI panel shows as JSON and a screenshot, and quits. Steps that do not depend on each
// other run at once (the study on the I/O thread, the model on the engine's); the
// question waits for all of them. Nothing waits for a fixed time.

#include <QObject>
#include <QString>
#include <QStringList>

namespace vitask::ui {
class MainWindow;
}

namespace vitask::studio {

struct ScriptOptions {
    QString open, model, tsm, question, panel, screenshot, json;
    // A worklist of this source (folder, DICOMDIR, .npz, .csv) made with the loaded model
    // and opened once its answers are in; then `accept` cases accepted in turn (a demo of
    // the review) and, with `exportTo`, the worklist exported there (PDF, JSON, DICOM).
    QString worklist, reviewer, exportTo;
    int accept = 0;
    bool blinded = false;
    // Whether the studio quits once the script is done (a screenshot or JSON was asked for).
    bool quitWhenDone() const { return !screenshot.isEmpty() || !json.isEmpty(); }
    bool empty() const {
        return open.isEmpty() && model.isEmpty() && tsm.isEmpty() && question.isEmpty() && worklist.isEmpty() &&
               !quitWhenDone();
    }
};

// Where the built-in demo may be (the first holding a demo.json wins): $VITASK_DEMO_DIR,
// <program>/../share/vitask/demo (installed), the source tree's resources/demo (a build).
QStringList demoCandidates();

// Fills what `options` leaves empty from the built-in demo: its studies' folder (the first
// study shows), its model and TSM, and the question of the first study's task. False with the reason in `error` when no
// demo is found or it is damaged.
bool applyDemo(ScriptOptions& options, QString* error);

class StudioScript : public QObject {
    Q_OBJECT
public:
    StudioScript(ui::MainWindow& window, ScriptOptions options, QObject* parent = nullptr);
    // Starts the steps; returns false when an option is wrong (the message on stderr).
    bool start();

private:
    void stepDone(const QString& step);
    void stepFailed(const QString& step, const QString& message);
    void ask();
    void startWorklist();
    void reviewAndExport();
    void finish();

    ui::MainWindow& window_;
    ScriptOptions options_;
    QStringList pending_;  // steps running
    bool asked_ = false;
    bool failed_ = false;
    bool finished_ = false;
};

}  // namespace vitask::studio
