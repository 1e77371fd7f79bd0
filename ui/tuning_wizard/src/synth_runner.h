#pragma once
// SynthRunner: `vitask data synth` as a child process, with progress (the program prints
// a line per modality written) and the files it wrote. The wizard never blocks on it.

#include <QObject>
#include <QProcess>
#include <QStringList>

namespace vitask::ui {

struct SynthRequest {
    QString folder;
    QStringList modalities;  // .npz stems ("synth_chest_xray"); the program writes one file each
    int train = 1000, val = 200, test = 400;
    int size = 28;
};

class SynthRunner : public QObject {
    Q_OBJECT
public:
    explicit SynthRunner(QObject* parent = nullptr);
    ~SynthRunner() override;

    void setProgram(const QString& program) { program_ = program; }
    void start(const SynthRequest& request);
    void cancel();
    bool running() const { return process_.state() != QProcess::NotRunning; }

Q_SIGNALS:
    void progress(int written, int total);
    // ok: `files` are the datasets written; else `message` says why (the program's error).
    void finished(bool ok, const QStringList& files, const QString& message);

private:
    void readOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QString program_;
    QProcess process_;
    QStringList expected_;
    int written_ = 0;
    bool cancelled_ = false;
};

}  // namespace vitask::ui
