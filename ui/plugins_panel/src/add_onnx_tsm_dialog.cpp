#include "vitask/ui/plugins_panel/add_onnx_tsm_dialog.h"

#include "tsm_folders.h"
#include "tsm_table_model.h"
#include "vitask/common/error.h"
#include "vitask/tsm/manifest_writer.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/widgets/message_label.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QTextStream>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <system_error>

namespace vitask::ui {
namespace {

namespace fs = std::filesystem;

// The manifest's file name: the TSM's name with anything a file name should not hold
// (separators, spaces, a leading dot that would hide it) replaced.
QString fileStem(const QString& name) {
    QString out;
    for (const QChar c : name.trimmed())
        out += (c.unicode() < 128 && c.isLetterOrNumber()) || c == QLatin1Char('-') || c == QLatin1Char('_') ||
                       c == QLatin1Char('.')
                   ? c
                   : QLatin1Char('-');
    while (out.startsWith(QLatin1Char('.'))) out.remove(0, 1);
    return out;
}

// "0.485, 0.456 0.406" -> numbers; false when one is not a number.
bool parseNumbers(const QString& text, std::vector<float>& out) {
    out.clear();
    for (const auto& part : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const float value = part.toFloat(&ok);
        if (!ok || !std::isfinite(value)) return false;
        out.push_back(value);
    }
    return true;
}

fs::path toPath(const QString& path) { return fs::path(path.toStdString()); }

bool sameFile(const fs::path& a, const fs::path& b) {
    std::error_code ec, otherEc;
    const auto first = fs::weakly_canonical(a, ec);
    const auto second = fs::weakly_canonical(b, otherEc);
    return !ec && !otherEc && first == second;
}

QLabel* hint(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

}  // namespace

AddOnnxTsmDialog::AddOnnxTsmDialog(EngineBridge* engine, std::vector<service::TsmEntry> taken, QWidget* parent)
    : QDialog(parent), engine_(engine), taken_(std::move(taken)) {
    setObjectName(QStringLiteral("addOnnxTsmDialog"));
    setWindowTitle(tr("Add ONNX TSM"));
    buildLayout();
    connect(engine_, &EngineBridge::tsmsListed, this, &AddOnnxTsmDialog::listed);
    applyPreset();
    updateLabelCount();
    updateDestination();
    resize(sizeHint().expandedTo(QSize(760, 0)));  // room for a whole .onnx path
}

void AddOnnxTsmDialog::buildLayout() {
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Describe an ONNX image classifier so the studio can use it as a task-specific model. "
                                "Its manifest is written to your TSM folder and the model is loaded at once to "
                                "check it."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(buildModelBox());
    left->addWidget(buildInputBox());
    left->addWidget(buildOutputsBox());
    left->addStretch(1);
    columns->addLayout(left, 1);
    columns->addWidget(buildLabelsBox(), 1);
    layout->addLayout(columns, 1);

    destination_ = hint(QString(), this);
    destination_->setObjectName(QStringLiteral("manifestDestination"));
    destination_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(destination_);

    error_ = messageLabel(MessageKind::Error, QStringLiteral("addTsmError"), this);
    layout->addWidget(error_);

    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("addTsmProgress"));
    progress_->setRange(0, 0);  // busy: loading has no steps to count
    progress_->setFormat(tr("Checking: loading the model and running a probe batch…"));
    progress_->setTextVisible(true);
    progress_->hide();
    layout->addWidget(progress_);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Add and check"));
    buttons_->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("addTsmButton"));
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &AddOnnxTsmDialog::submit);
    connect(buttons_, &QDialogButtonBox::rejected, this, &AddOnnxTsmDialog::reject);
}

QWidget* AddOnnxTsmDialog::buildModelBox() {
    auto* box = new QGroupBox(tr("Model"), this);
    auto* form = new QFormLayout(box);
    auto* fileRow = new QHBoxLayout;
    onnx_ = new QLineEdit(box);
    onnx_->setObjectName(QStringLiteral("onnxFile"));
    onnx_->setPlaceholderText(tr("/path/to/model.onnx"));
    auto* browse = new QPushButton(tr("Browse…"), box);
    fileRow->addWidget(onnx_, 1);
    fileRow->addWidget(browse);
    form->addRow(tr("ONNX file:"), fileRow);
    name_ = new QLineEdit(box);
    name_->setObjectName(QStringLiteral("tsmName"));
    name_->setToolTip(tr("What users pick the TSM by; unique among the TSMs listed."));
    form->addRow(tr("Name:"), name_);
    version_ = new QLineEdit(QStringLiteral("1.0"), box);
    version_->setObjectName(QStringLiteral("tsmVersion"));
    form->addRow(tr("Version:"), version_);
    description_ = new QLineEdit(box);
    description_->setObjectName(QStringLiteral("tsmDescription"));
    description_->setPlaceholderText(tr("optional: one line, e.g. the training data"));
    form->addRow(tr("Description:"), description_);

    connect(browse, &QPushButton::clicked, this, &AddOnnxTsmDialog::chooseOnnxFile);
    connect(onnx_, &QLineEdit::textEdited, this, &AddOnnxTsmDialog::setOnnxFile);
    connect(name_, &QLineEdit::textEdited, this, [this] {
        nameEdited_ = !name_->text().isEmpty();
        updateDestination();
    });
    return box;
}

QWidget* AddOnnxTsmDialog::buildInputBox() {
    auto* box = new QGroupBox(tr("Input"), this);
    auto* form = new QFormLayout(box);
    inputName_ = new QLineEdit(QStringLiteral("image"), box);
    inputName_->setObjectName(QStringLiteral("inputName"));
    inputName_->setToolTip(tr("The graph input that takes the image batch [N, C, H, W] (torch.onnx.export's "
                              "input_names)."));
    form->addRow(tr("Input name:"), inputName_);

    auto* sizeRow = new QHBoxLayout;
    height_ = new QSpinBox(box);
    height_->setObjectName(QStringLiteral("inputHeight"));
    width_ = new QSpinBox(box);
    width_->setObjectName(QStringLiteral("inputWidth"));
    for (auto* spin : {height_, width_}) {
        spin->setRange(1, 4096);
        spin->setValue(224);
        spin->setSuffix(tr(" px"));
    }
    sizeRow->addWidget(height_);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), box));
    sizeRow->addWidget(width_);
    sizeRow->addStretch(1);
    form->addRow(tr("Size (height × width):"), sizeRow);

    channels_ = new QComboBox(box);
    channels_->setObjectName(QStringLiteral("inputChannels"));
    channels_->addItem(tr("3 (RGB)"), 3);
    channels_->addItem(tr("1 (grey)"), 1);
    form->addRow(tr("Channels:"), channels_);

    preset_ = new QComboBox(box);
    preset_->setObjectName(QStringLiteral("normalizationPreset"));
    for (auto preset : {NormalizationPreset::ImageNet, NormalizationPreset::Half, NormalizationPreset::None,
                        NormalizationPreset::Custom})
        preset_->addItem(InputNormalization::name(preset), static_cast<int>(preset));
    preset_->setToolTip(tr("Applied after scaling pixels to [0, 1]: (x − mean) / std per channel. Use what the "
                           "model was trained with."));
    form->addRow(tr("Normalisation:"), preset_);
    mean_ = new QLineEdit(box);
    mean_->setObjectName(QStringLiteral("inputMean"));
    std_ = new QLineEdit(box);
    std_->setObjectName(QStringLiteral("inputStd"));
    for (auto* edit : {mean_, std_}) edit->setPlaceholderText(tr("one number per channel, comma separated"));
    form->addRow(tr("Mean:"), mean_);
    form->addRow(tr("Std:"), std_);

    connect(channels_, qOverload<int>(&QComboBox::currentIndexChanged), this, &AddOnnxTsmDialog::applyPreset);
    connect(preset_, qOverload<int>(&QComboBox::currentIndexChanged), this, &AddOnnxTsmDialog::applyPreset);
    for (auto* edit : {mean_, std_})
        connect(edit, &QLineEdit::textEdited, this, [this] { setMeanStd(mean_->text(), std_->text()); });
    return box;
}

QWidget* AddOnnxTsmDialog::buildLabelsBox() {
    auto* box = new QGroupBox(tr("Labels"), this);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(hint(tr("Class names in the order of the model's logits, one per line."), box));
    labels_ = new QPlainTextEdit(box);
    labels_->setObjectName(QStringLiteral("labelNames"));
    labels_->setPlaceholderText(tr("normal\npneumonia"));
    layout->addWidget(labels_, 1);
    auto* row = new QHBoxLayout;
    labelCount_ = new QLabel(box);
    labelCount_->setObjectName(QStringLiteral("labelCount"));
    auto* fromFile = new QPushButton(tr("From file…"), box);
    fromFile->setToolTip(tr("A text file with one label per line, or a JSON array of strings"));
    row->addWidget(labelCount_, 1);
    row->addWidget(fromFile);
    layout->addLayout(row);
    multiLabel_ = new QCheckBox(tr("Multi-label (a sigmoid per label)"), box);
    multiLabel_->setObjectName(QStringLiteral("multiLabel"));
    multiLabel_->setToolTip(tr("Off: one class per image (softmax over the labels)."));
    layout->addWidget(multiLabel_);

    connect(labels_, &QPlainTextEdit::textChanged, this, &AddOnnxTsmDialog::updateLabelCount);
    connect(fromFile, &QPushButton::clicked, this, &AddOnnxTsmDialog::chooseLabelFile);
    return box;
}

QWidget* AddOnnxTsmDialog::buildOutputsBox() {
    auto* box = new QGroupBox(tr("Outputs"), this);
    auto* form = new QFormLayout(box);
    logits_ = new QLineEdit(QStringLiteral("logits"), box);
    logits_->setObjectName(QStringLiteral("logitsOutput"));
    logits_->setToolTip(tr("The graph output holding the class logits [N, labels]."));
    form->addRow(tr("Logits:"), logits_);
    features_ = new QLineEdit(QStringLiteral("features"), box);
    features_->setObjectName(QStringLiteral("featuresOutput"));
    features_->setToolTip(tr("The graph output holding the pooled feature vector [N, F]: the exemplar VITask's EP "
                             "feeds the model."));
    form->addRow(tr("Features:"), features_);
    return box;
}

void AddOnnxTsmDialog::setOnnxFile(const QString& path) {
    if (onnx_->text() != path) onnx_->setText(path);
    if (!nameEdited_) name_->setText(QFileInfo(path).completeBaseName());
    updateDestination();
}

void AddOnnxTsmDialog::setName(const QString& name) {
    name_->setText(name);
    nameEdited_ = !name.isEmpty();
    updateDestination();
}

void AddOnnxTsmDialog::setVersion(const QString& version) { version_->setText(version); }

void AddOnnxTsmDialog::setDescription(const QString& description) { description_->setText(description); }

void AddOnnxTsmDialog::setInputName(const QString& name) { inputName_->setText(name); }

void AddOnnxTsmDialog::setInputSize(int height, int width) {
    height_->setValue(height);
    width_->setValue(width);
}

void AddOnnxTsmDialog::setChannels(int channels) {
    const int index = channels_->findData(channels);
    if (index >= 0) channels_->setCurrentIndex(index);
}

void AddOnnxTsmDialog::setNormalization(NormalizationPreset preset) {
    preset_->setCurrentIndex(preset_->findData(static_cast<int>(preset)));
    applyPreset();
}

void AddOnnxTsmDialog::setMeanStd(const QString& mean, const QString& std) {
    if (mean_->text() != mean) mean_->setText(mean);
    if (std_->text() != std) std_->setText(std);
    std::vector<float> meanValues, stdValues;
    const bool parsed = parseNumbers(mean, meanValues) && parseNumbers(std, stdValues);
    const auto preset = parsed ? InputNormalization::presetOf(meanValues, stdValues) : NormalizationPreset::Custom;
    const bool fitsChannels = static_cast<int>(meanValues.size()) == channels_->currentData().toInt();
    const QSignalBlocker block(preset_);
    preset_->setCurrentIndex(preset_->findData(static_cast<int>(fitsChannels ? preset : NormalizationPreset::Custom)));
}

void AddOnnxTsmDialog::applyPreset() {
    const auto preset = static_cast<NormalizationPreset>(preset_->currentData().toInt());
    if (preset == NormalizationPreset::Custom) return;  // the user's own values stay
    const auto values = InputNormalization::values(preset, channels_->currentData().toInt());
    mean_->setText(InputNormalization::join(values.mean));
    std_->setText(InputNormalization::join(values.std));
}

void AddOnnxTsmDialog::setLabels(const QStringList& labels) { labels_->setPlainText(labels.join(QLatin1Char('\n'))); }

bool AddOnnxTsmDialog::loadLabels(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        showError(tr("Cannot read the label file %1: %2. Choose a readable text file.").arg(path, file.errorString()));
        return false;
    }
    const QByteArray content = file.readAll();
    QStringList labels;
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) {
        QJsonParseError parseError;
        const auto doc = QJsonDocument::fromJson(content, &parseError);
        if (!doc.isArray()) {
            showError(tr("%1 is not a JSON array of label names (%2). Give a JSON array of strings, or a text file "
                         "with one label per line.")
                          .arg(path, parseError.error == QJsonParseError::NoError ? tr("not an array")
                                                                                   : parseError.errorString()));
            return false;
        }
        for (const auto& value : doc.array()) labels << value.toString();
    } else {
        QTextStream in(content);
        while (!in.atEnd()) {
            const QString line = in.readLine().trimmed();
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#'))) labels << line;
        }
    }
    setLabels(labels);
    error_->hide();
    return true;
}

void AddOnnxTsmDialog::setOutputs(const QString& logits, const QString& features) {
    logits_->setText(logits);
    features_->setText(features);
}

void AddOnnxTsmDialog::setMultiLabel(bool multiLabel) { multiLabel_->setChecked(multiLabel); }

QStringList AddOnnxTsmDialog::labels() const {
    QStringList out;
    for (const auto& line : labels_->toPlainText().split(QLatin1Char('\n'))) {
        const QString label = line.trimmed();
        if (!label.isEmpty()) out << label;
    }
    return out;
}

QString AddOnnxTsmDialog::manifestPath() const {
    const QString stem = fileStem(name_->text());
    if (stem.isEmpty()) return {};
    return QString::fromStdString((userManifestFolder() / (stem.toStdString() + tsm::TsmManifest::kSuffix)).string());
}

QString AddOnnxTsmDialog::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

void AddOnnxTsmDialog::chooseOnnxFile() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose an ONNX classifier"), onnx_->text(),
                                                      tr("ONNX models (*.onnx);;All files (*)"));
    if (!file.isEmpty()) setOnnxFile(file);
}

void AddOnnxTsmDialog::chooseLabelFile() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a label file"), QFileInfo(onnx_->text()).path(),
                                                      tr("Label lists (*.txt *.json);;All files (*)"));
    if (!file.isEmpty()) loadLabels(file);
}

void AddOnnxTsmDialog::updateLabelCount() {
    const int count = static_cast<int>(labels().size());
    labelCount_->setText(count == 0 ? tr("No labels yet") : tr("Labels: %1").arg(count));
}

void AddOnnxTsmDialog::updateDestination() {
    const QString path = manifestPath();
    destination_->setText(path.isEmpty() ? tr("The manifest goes to %1 once the TSM has a name.")
                                               .arg(TsmTableModel::abbreviateHome(
                                                   QString::fromStdString(userManifestFolder().string())))
                                         : tr("The manifest is saved as %1; the .onnx file stays where it is and the "
                                              "manifest refers to it.")
                                               .arg(TsmTableModel::abbreviateHome(path)));
}

QString AddOnnxTsmDialog::formProblem() const {
    const QString onnx = onnx_->text().trimmed();
    if (onnx.isEmpty()) return tr("Choose the .onnx file (Browse…).");
    if (!QFileInfo(onnx).isFile()) return tr("The ONNX file %1 does not exist. Choose an existing .onnx file.").arg(onnx);
    const QString name = name_->text().trimmed();
    if (name.isEmpty()) return tr("Give the TSM a name: users pick it by that name.");
    for (const auto& tsm : taken_)
        if (QString::fromStdString(tsm.name) == name)
            return tr("A TSM named “%1” is already listed (%2). Choose another name, or remove that one first.")
                .arg(name, QString::fromStdString(tsm.source.string()));
    if (QFileInfo::exists(manifestPath()))
        return tr("%1 already exists. Choose another name, or remove that TSM first.").arg(manifestPath());
    if (version_->text().trimmed().isEmpty()) return tr("Give a version, e.g. 1.0.");
    if (inputName_->text().trimmed().isEmpty()) return tr("Give the input name: the graph input that takes the images.");

    const int channels = channels_->currentData().toInt();
    std::vector<float> values;
    if (!parseNumbers(mean_->text(), values) || static_cast<int>(values.size()) != channels)
        return tr("Mean: give one number per channel (%1), separated by commas.").arg(channels);
    if (!parseNumbers(std_->text(), values) || static_cast<int>(values.size()) != channels)
        return tr("Std: give one number per channel (%1), separated by commas.").arg(channels);
    for (const float v : values)
        if (v <= 0) return tr("Std: every value must be positive (it divides).");

    const auto names = labels();
    if (names.isEmpty()) return tr("List the labels, one per line, in the order of the model's logits.");
    QSet<QString> seen;
    for (const auto& label : names) {
        if (seen.contains(label)) return tr("Labels: “%1” appears twice; each class needs its own name.").arg(label);
        seen.insert(label);
    }
    if (logits_->text().trimmed().isEmpty() || features_->text().trimmed().isEmpty())
        return tr("Give the names of the logits and features outputs.");
    return {};
}

void AddOnnxTsmDialog::submit() {
    if (checking()) return;
    if (const QString problem = formProblem(); !problem.isEmpty()) {
        showError(problem);
        Q_EMIT failed(problem);
        return;
    }
    tsm::TsmManifest manifest;
    manifest.path = toPath(manifestPath());
    manifest.name = name_->text().trimmed().toStdString();
    manifest.version = version_->text().trimmed().toStdString();
    manifest.description = description_->text().trimmed().toStdString();
    manifest.onnx = fs::absolute(toPath(onnx_->text().trimmed()));
    manifest.inputName = inputName_->text().trimmed().toStdString();
    manifest.input.height = height_->value();
    manifest.input.width = width_->value();
    manifest.input.channels = channels_->currentData().toInt();
    parseNumbers(mean_->text(), manifest.input.mean);
    parseNumbers(std_->text(), manifest.input.std);
    manifest.logitsOutput = logits_->text().trimmed().toStdString();
    manifest.featuresOutput = features_->text().trimmed().toStdString();
    for (const auto& label : labels()) manifest.labels.push_back(label.toStdString());
    manifest.multiLabel = multiLabel_->isChecked();

    try {
        std::error_code ec;
        fs::create_directories(manifest.path.parent_path(), ec);
        if (ec)
            throw Error("cannot create the folder: " + ec.message(), manifest.path.parent_path().string(),
                        "Check that you may write to it.");
        tsm::writeManifest(manifest);
    } catch (const std::exception& e) {
        const QString message = tr("The manifest could not be written: %1").arg(QString::fromUtf8(e.what()));
        showError(message);
        Q_EMIT failed(message);
        return;
    }
    setChecking(manifestPath());
    engine_->listTsms();  // loads every TSM on the engine's thread, the new one included
}

void AddOnnxTsmDialog::listed(const std::vector<service::TsmEntry>& tsms) {
    if (!checking()) return;
    const auto manifest = toPath(checking_);
    const auto found = std::find_if(tsms.begin(), tsms.end(),
                                    [&](const service::TsmEntry& tsm) { return sameFile(tsm.source, manifest); });
    // A listing asked for before the manifest was written: the check's own comes later.
    if (found == tsms.end()) return;
    const QString checkedPath = QString::fromStdString(found->source.string());
    setChecking({});
    if (found->ready) {
        Q_EMIT added(*found);
        accept();
        return;
    }
    std::error_code ec;
    fs::remove(manifest, ec);
    // The manifest is gone, so the error is told about the form's fields ("input.size: ...").
    QString error = QString::fromStdString(found->error);
    if (const QString prefix = checkedPath + QStringLiteral(": "); error.startsWith(prefix)) error.remove(0, prefix.size());
    QString message = tr("Loading %1 as described failed, so the manifest was not kept. Correct the form and try "
                         "again.\n\n%2")
                          .arg(TsmTableModel::abbreviateHome(onnx_->text().trimmed()),
                               TsmTableModel::abbreviateHome(error));
    if (ec)
        message += tr("\n\nThe manifest %1 could not be deleted (%2): delete it yourself.")
                       .arg(QString::fromStdString(manifest.string()), QString::fromStdString(ec.message()));
    showError(message);
    engine_->listTsms();  // so every page drops the entry the check listed
    Q_EMIT failed(message);
}

void AddOnnxTsmDialog::showError(const QString& message) {
    error_->setText(message);
    error_->show();
}

void AddOnnxTsmDialog::setChecking(const QString& manifest) {
    checking_ = manifest;
    const bool busy = !manifest.isEmpty();
    if (busy) error_->hide();
    progress_->setVisible(busy);
    buttons_->setEnabled(!busy);
    for (auto* box : findChildren<QGroupBox*>()) box->setEnabled(!busy);
}

void AddOnnxTsmDialog::reject() {
    if (!checking()) QDialog::reject();
}

}  // namespace vitask::ui
