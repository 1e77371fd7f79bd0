#include "run_draft.h"

#include <QRegularExpression>

namespace vitask::ui {
namespace {

// YAML 1.2 double-quoted strings take JSON's escapes.
QString quoted(const QString& text) {
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\') out += u'\\';
        if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            continue;
        }
        out += c;
    }
    return out + u'"';
}

// A value as typed: a number or a plain word stays as it is, anything else is quoted, so
// that no text typed into a field can change the document's structure.
QString scalar(const QString& typed) {
    static const QRegularExpression number(QStringLiteral(R"(^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$)"));
    static const QRegularExpression word(QStringLiteral(R"(^[A-Za-z_][A-Za-z0-9_]*$)"));
    static const QRegularExpression special(QStringLiteral(R"(^(true|false|yes|no|on|off|null|y|n)$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QString text = typed.trimmed();
    if (number.match(text).hasMatch()) return text;
    if (word.match(text).hasMatch() && !special.match(text).hasMatch()) return text;
    return quoted(text);
}

QString list(const QStringList& items) {
    QStringList out;
    for (const auto& item : items) out << scalar(item);
    return u'[' + out.join(QStringLiteral(", ")) + u']';
}

}  // namespace

bool RunDraft::trains(const QString& group) const {
    for (const auto& stage : stages)
        if (stage.trainable.contains(group)) return true;
    return false;
}

bool RunDraft::usesLoss(bool StageDraft::*loss) const {
    for (const auto& stage : stages)
        if (stage.*loss) return true;
    return false;
}

QString RunDraft::toYaml() const {
    QString y = QStringLiteral("# Run configuration of `vitask train` (docs/training.md), written by the tuning wizard.\n");
    y += QStringLiteral("preset: %1\nseed: %2\nthreads: %3\n").arg(scalar(preset), scalar(seed), scalar(threads));
    y += QStringLiteral("model:\n");
    if (!modelBase.isEmpty()) {
        y += QStringLiteral("  base: %1\n").arg(quoted(modelBase));
    } else {
        y += QStringLiteral("  scratch:\n    tokenizer: %1\n").arg(quoted(tokenizer));
        y += QStringLiteral("    image_size: %1\n    patch_size: %2\n").arg(scalar(imageSize), scalar(patchSize));
        y += QStringLiteral("    vision_width: %1\n    vision_layers: %2\n").arg(scalar(visionWidth), scalar(visionLayers));
        y += QStringLiteral("    text_width: %1\n    text_layers: %2\n").arg(scalar(textWidth), scalar(textLayers));
        y += QStringLiteral("    heads: %1\n").arg(scalar(heads));
    }
    if (!tsm.isEmpty()) y += QStringLiteral("tsm: %1\n").arg(quoted(tsm));
    y += QStringLiteral("data:\n");
    for (const auto& path : datasets) y += QStringLiteral("  - %1\n").arg(quoted(path));
    y += QStringLiteral("max_train_samples: %1\n").arg(scalar(maxTrainSamples));
    y += QStringLiteral("prompts:\n  train: %1\n").arg(list(trainVariants));
    y += QStringLiteral("training:\n");
    const QList<QPair<const char*, QString>> training{{"batch_size", batchSize},
                                                      {"gradient_accumulation", gradientAccumulation},
                                                      {"weight_decay", weightDecay},
                                                      {"warmup_ratio", warmupRatio},
                                                      {"max_grad_norm", maxGradNorm},
                                                      {"log_every", logEvery},
                                                      {"checkpoint_every", checkpointEvery},
                                                      {"keep_last_checkpoints", keepLastCheckpoints},
                                                      {"precision", precision}};
    for (const auto& [key, value] : training) y += QStringLiteral("  %1: %2\n").arg(QLatin1String(key), scalar(value));
    // Sections no stage reads are left out: they would only suggest that they matter.
    if (usesLoss(&StageDraft::rda))
        y += QStringLiteral("rda: {direction: %1, tau: %2}\n").arg(scalar(rdaDirection), scalar(rdaTau));
    if (usesLoss(&StageDraft::crt))
        y += QStringLiteral("crt: {detach_negative: %1}\n").arg(crtDetachNegative ? "true" : "false");
    if (trains(QStringLiteral("lora"))) {
        y += QStringLiteral("lora:\n  rank: %1\n  alpha: %2\n  dropout: %3\n  targets: %4\n")
                 .arg(scalar(loraRank), scalar(loraAlpha), scalar(loraDropout), list(loraTargets));
    }
    y += QStringLiteral("# L = van*L_van + ep*L_ep + rda*L_rda + crt*L_crt; rda is the paper's alpha, crt its beta.\n");
    y += QStringLiteral("stages:\n");
    for (const auto& stage : stages) {
        QStringList losses;
        if (stage.van) losses << QStringLiteral("van: 1");
        if (stage.ep) losses << QStringLiteral("ep: 1");
        if (stage.rda) losses << QStringLiteral("rda: ") + scalar(alpha);
        if (stage.crt) losses << QStringLiteral("crt: ") + scalar(beta);
        y += QStringLiteral("  - name: %1\n    epochs: %2\n    lr: %3\n")
                 .arg(scalar(stage.name), scalar(stage.epochs), scalar(stage.learningRate));
        y += QStringLiteral("    losses: {%1}\n    trainable: %2\n").arg(losses.join(QStringLiteral(", ")), list(stage.trainable));
    }
    return y;
}

}  // namespace vitask::ui
