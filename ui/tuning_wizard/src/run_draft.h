#pragma once
// RunDraft: the run configuration as the wizard's fields hold it, values as typed, and
// the YAML it stands for. Values go into the YAML as they were typed (a number as a
// number, anything else as a quoted string), so that `vitask train`'s parser, not the
// form, judges them, and the form shows the parser's message for what is wrong.

#include <QList>
#include <QString>
#include <QStringList>

namespace vitask::ui {

struct StageDraft {
    QString name, epochs, learningRate;
    // Which losses the stage adds: L_van and L_ep with weight 1, L_rda with alpha, L_crt with beta.
    bool van = true, ep = false, rda = false, crt = false;
    QStringList trainable;  // parameter group names
};

struct RunDraft {
    QString preset;  // written for the record; the stages below are always complete
    QString seed, threads, maxTrainSamples;

    QString modelBase;  // a LLaVA folder or a run's final/; empty: the scratch model below
    QString tokenizer, imageSize, patchSize, visionWidth, visionLayers, textWidth, textLayers, heads;
    QString tsm;        // a TSM manifest; empty: none
    QStringList datasets;
    QStringList trainVariants;

    QString batchSize, gradientAccumulation, weightDecay, warmupRatio, maxGradNorm, logEvery, checkpointEvery,
        keepLastCheckpoints, precision;
    QString alpha, beta;  // the paper's alpha (L_rda weight) and beta (L_crt weight)
    QString rdaDirection, rdaTau;
    bool crtDetachNegative = false;
    QString loraRank, loraAlpha, loraDropout;
    QStringList loraTargets;
    QList<StageDraft> stages;

    bool trains(const QString& group) const;
    bool usesLoss(bool StageDraft::*loss) const;
    QString toYaml() const;
};

}  // namespace vitask::ui
