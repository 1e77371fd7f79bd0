#pragma once
// "Evaluate": `vitask eval` on a finished run's final model as a child process, its
// files written into the run's eval/ folder beside the trainer's. One at a time; it dies
// with the panel (an evaluation, unlike training, is quick to start again).

#include <QObject>
#include <QProcess>
#include <QStringList>

namespace vitask::ui {

struct EvaluationRequest {
    QString runFolder;
    QStringList dataFiles;
    QString split = QStringLiteral("test");
    QString method = QStringLiteral("score");
    QString variant = QStringLiteral("complete");  // or "all": the robustness grid
    bool exemplar = false;
    QString tsm;                                   // needed with the exemplar
};

class RunEvaluator : public QObject {
    Q_OBJECT
public:
    explicit RunEvaluator(QObject* parent = nullptr);
    ~RunEvaluator() override;

    // False with the reason in `error` when it cannot start (no final model, no data, no program).
    bool start(const EvaluationRequest& request, QString* error);
    bool running() const { return process_.state() != QProcess::NotRunning; }
    QString runFolder() const { return request_.runFolder; }

Q_SIGNALS:
    // `summary`: one line per instruction variant, "complete: accuracy 0.6125, macro-F1 0.4410".
    void finished(const QString& runFolder, const QString& summary);
    void failed(const QString& runFolder, const QString& message);

private:
    void done(int exitCode, QProcess::ExitStatus status);

    QProcess process_;
    EvaluationRequest request_;
};

}  // namespace vitask::ui
