#include "tsm_chooser.h"

#include "dataset_page.h"
#include "form_widgets.h"
#include "wizard_paths.h"

#include "vitask/service/vision_assistant.h"
#include "vitask/ui/bridge/post_to.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

QString entryLabel(const service::TsmEntry& tsm) {
    const QString name = QStringLiteral("%1 %2").arg(QString::fromStdString(tsm.name), QString::fromStdString(tsm.version)).trimmed();
    if (!tsm.ready) return TsmChooser::tr("%1 (broken)").arg(name);
    return TsmChooser::tr("%1 — %2 labels, features %3").arg(name).arg(tsm.labels.size()).arg(tsm.featureWidth);
}

QSpinBox* spinBox(const QString& name, int minimum, int maximum, int value, const QString& tip, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(minimum, maximum);
    box->setValue(value);
    box->setToolTip(tip);
    if (minimum == 0) box->setSpecialValueText(TsmChooser::tr("default"));
    return box;
}

}  // namespace

TsmChooser::TsmChooser(const DatasetPage* datasets, QWidget* parent)
    : QGroupBox(tr("Task-specific model (TSM)"), parent), datasets_(datasets) {
    setToolTip(tr("An image classifier for the task (paper: a ViT-B on MedMNIST). Its feature vector becomes the "
                  "exemplar token of exemplar prompting (EP); it is frozen while the VLM tunes."));
    auto* layout = new QVBoxLayout(this);
    group_ = new QButtonGroup(this);
    const auto radio = [this](const QString& text, const QString& name, Source id) {
        auto* button = new QRadioButton(text, this);
        button->setObjectName(name);
        group_->addButton(button, int(id));
        return button;
    };

    auto* registry = radio(tr("From the re&gistry:"), QStringLiteral("tsmRegistry"), Source::Registry);
    combo_ = new QComboBox(this);
    combo_->setObjectName(QStringLiteral("tsmCombo"));
    combo_->setToolTip(tr("TSMs found in the registry's folders (`vitask tsm list`)."));
    auto* refreshButton = new QPushButton(tr("Re&fresh"), this);
    auto* registryRow = new QHBoxLayout;
    registryRow->addWidget(registry);
    registryRow->addWidget(combo_, 1);
    registryRow->addWidget(refreshButton);
    layout->addLayout(registryRow);

    auto* train = radio(tr("&Train one first with `vitask tsm train`"), QStringLiteral("tsmTrain"), Source::TrainFirst);
    train->setToolTip(tr("A built-in ResNet or ViT trained on the datasets before the run starts (one head over all "
                         "their classes), saved where the registry finds it."));
    layout->addWidget(train);
    trainForm_ = new QWidget(this);
    auto* form = new QFormLayout(trainForm_);
    form->setContentsMargins(24, 0, 0, 0);
    name_ = new QLineEdit(trainForm_);
    name_->setObjectName(QStringLiteral("tsmName"));
    name_->setToolTip(tr("The TSM's name in the registry and the file name of its manifest."));
    arch_ = new QComboBox(trainForm_);
    arch_->setObjectName(QStringLiteral("tsmArch"));
    arch_->addItem(tr("ResNet"), QStringLiteral("resnet"));
    arch_->addItem(tr("ViT"), QStringLiteral("vit"));
    depth_ = spinBox(QStringLiteral("tsmDepth"), 0, 64, 0, tr("ResNet: 10, 18 or 34 (default 18); ViT: blocks (default 6)"),
                     trainForm_);
    width_ = spinBox(QStringLiteral("tsmWidth"), 0, 4096, 0,
                     tr("ResNet: first-stage channels (default 64); ViT: width (default 192)"), trainForm_);
    epochs_ = spinBox(QStringLiteral("tsmEpochs"), 1, 1000, 20,
                      tr("Training epochs; the checkpoint with the best validation macro-F1 is kept."), trainForm_);
    folder_ = new QLineEdit(userTsmFolder(), trainForm_);
    folder_->setObjectName(QStringLiteral("tsmFolder"));
    folder_->setToolTip(tr("The checkpoint goes into <folder>/<name>/; the registry's user folder lists it later."));
    auto* archRow = new QWidget(trainForm_);
    auto* archLayout = new QHBoxLayout(archRow);
    archLayout->setContentsMargins(0, 0, 0, 0);
    archLayout->addWidget(arch_);
    archLayout->addWidget(new QLabel(tr("depth"), archRow));
    archLayout->addWidget(depth_);
    archLayout->addWidget(new QLabel(tr("width"), archRow));
    archLayout->addWidget(width_);
    archLayout->addWidget(new QLabel(tr("epochs"), archRow));
    archLayout->addWidget(epochs_);
    archRow->setFocusProxy(arch_);
    form->addRow(tr("Na&me:"), name_);
    form->addRow(tr("&Architecture:"), archRow);
    form->addRow(tr("F&older:"), withBrowse(folder_, tr("TSM folder"), trainForm_));
    layout->addWidget(trainForm_);

    layout->addWidget(radio(tr("&Use no TSM: vanilla instruction tuning needs none"), QStringLiteral("tsmNone"), Source::None));
    train->setChecked(true);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("tsmStatus"));
    status_->setWordWrap(true);
    layout->addWidget(status_);

    connect(refreshButton, &QPushButton::clicked, this, &TsmChooser::refresh);
    connect(group_, &QButtonGroup::idClicked, this, [this] {
        chosenByUser_ = true;
        showState();
    });
    connect(combo_, &QComboBox::currentIndexChanged, this, &TsmChooser::showState);
    for (auto* edit : {name_, folder_}) connect(edit, &QLineEdit::textChanged, this, &TsmChooser::showState);
    showState();
}

TsmChooser::~TsmChooser() { pool_.waitForDone(); }

void TsmChooser::refresh() {
    pool_.start([this] {
        auto entries = service::listTsms();
        postTo(this, [this, entries = std::move(entries)]() mutable {
            const QString current = combo_->currentData().toString();
            tsms_ = std::move(entries);
            combo_->clear();
            for (const auto& tsm : tsms_) combo_->addItem(entryLabel(tsm), QString::fromStdString(tsm.source.string()));
            const int again = combo_->findData(current);
            if (again >= 0) combo_->setCurrentIndex(again);
            chooseDefault();
            showState();
            Q_EMIT listed();
        });
    });
}

// A TSM trained on exactly these datasets (its labels as `vitask tsm train` names them)
// is the one to use; without one, training one first is the default.
void TsmChooser::chooseDefault() {
    // Never behind the user's back: only while the chooser is shown and they chose nothing.
    if (chosenByUser_ || !isVisible()) return;
    std::vector<std::string> expected;
    const auto paths = datasets_->datasets();
    for (const auto& path : paths) {
        const auto* p = datasets_->preview(path);
        if (!p) return;
        for (const auto& label : p->labels) expected.push_back(paths.size() > 1 ? p->name + "/" + label : label);
    }
    for (size_t i = 0; i < tsms_.size(); ++i) {
        if (!tsms_[i].ready || tsms_[i].labels != expected) continue;
        combo_->setCurrentIndex(int(i));
        group_->button(int(Source::Registry))->setChecked(true);
        return;
    }
}

TsmChooser::Source TsmChooser::source() const { return Source(group_->checkedId()); }

void TsmChooser::setSource(Source source) {
    chosenByUser_ = true;
    group_->button(int(source))->setChecked(true);
    showState();
}

void TsmChooser::suggestName(const QString& name) {
    if (name_->text().isEmpty()) name_->setText(name);
}

QString TsmChooser::manifest() const {
    switch (source()) {
    case Source::Registry: return combo_->currentData().toString();
    case Source::TrainFirst: {
        const QString name = name_->text().trimmed();
        return QDir::cleanPath(folder_->text().trimmed() + u'/' + name + u'/' + name + QStringLiteral(".tsm.json"));
    }
    case Source::None: return {};
    }
    return {};
}

QString TsmChooser::problem() const {
    switch (source()) {
    case Source::Registry: {
        const int i = combo_->currentIndex();
        if (i < 0 || size_t(i) >= tsms_.size()) return tr("The registry lists no TSM: train one first, or use none.");
        if (!tsms_[size_t(i)].ready) return QString::fromStdString(tsms_[size_t(i)].error);
        return {};
    }
    case Source::TrainFirst:
        if (datasets_->hasCsvManifest())
            return tr("`vitask tsm train` reads MedMNIST .npz files only: train a TSM for the CSV data elsewhere and "
                      "add it to the registry.");
        if (name_->text().trimmed().isEmpty() || name_->text().contains(u'/'))
            return tr("Name the TSM (a file name, without '/').");
        if (folder_->text().trimmed().isEmpty()) return tr("Choose the folder the TSM is saved in.");
        return {};
    case Source::None: return {};
    }
    return {};
}

QStringList TsmChooser::trainArguments() const {
    if (source() != Source::TrainFirst) return {};
    const QString name = name_->text().trimmed();
    QStringList args{QStringLiteral("tsm"), QStringLiteral("train")};
    for (const auto& path : datasets_->datasets()) args << QStringLiteral("--data") << path;
    args << QStringLiteral("--out") << QDir::cleanPath(folder_->text().trimmed() + u'/' + name) << QStringLiteral("--name")
         << name << QStringLiteral("--arch") << arch_->currentData().toString() << QStringLiteral("--epochs")
         << QString::number(epochs_->value()) << QStringLiteral("--size") << QString::number(datasets_->imageSize());
    if (depth_->value() > 0) args << QStringLiteral("--depth") << QString::number(depth_->value());
    if (width_->value() > 0) args << QStringLiteral("--width") << QString::number(width_->value());
    return args;
}

void TsmChooser::showState() {
    combo_->setEnabled(source() == Source::Registry);
    trainForm_->setEnabled(source() == Source::TrainFirst);
    const QString why = problem();
    QString text = why;
    if (why.isEmpty() && source() == Source::TrainFirst)
        text = tr("Launch first trains the TSM into %1, then starts the run.").arg(manifest());
    if (why.isEmpty() && source() == Source::Registry)
        text = QString::fromStdString(tsms_[size_t(combo_->currentIndex())].description);
    status_->setText(text);
    status_->setStyleSheet(why.isEmpty() ? QString() : QStringLiteral("QLabel { color: #b71c1c; }"));
    Q_EMIT changed();
}

}  // namespace vitask::ui
