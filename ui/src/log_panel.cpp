#include "vitask/ui/log_panel.h"

#include "log_buffer_sink.h"
#include "vitask/common/logging.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

constexpr int kMaxLines = 5000;
constexpr int kDrainIntervalMs = 200;

// The levels offered, index = spdlog level (trace … error).
constexpr const char* kLevelNames[] = {QT_TRANSLATE_NOOP("vitask::ui::LogPanel", "trace"),
                                       QT_TRANSLATE_NOOP("vitask::ui::LogPanel", "debug"),
                                       QT_TRANSLATE_NOOP("vitask::ui::LogPanel", "info"),
                                       QT_TRANSLATE_NOOP("vitask::ui::LogPanel", "warning"),
                                       QT_TRANSLATE_NOOP("vitask::ui::LogPanel", "error")};

QString colorFor(spdlog::level::level_enum level) {
    switch (level) {
        case spdlog::level::critical:
        case spdlog::level::err: return QStringLiteral("#c0392b");
        case spdlog::level::warn: return QStringLiteral("#b9770e");
        case spdlog::level::debug:
        case spdlog::level::trace: return QStringLiteral("#7f8c8d");
        default: return {};
    }
}

}  // namespace

LogPanel::LogPanel(QWidget* parent)
    : QWidget(parent),
      sink_(std::make_shared<LogBufferSink>(kMaxLines)),
      view_(new QPlainTextEdit(this)),
      levelFilter_(new QComboBox(this)),
      timer_(new QTimer(this)),
      showLabel_(new QLabel(this)),
      clearButton_(new QPushButton(this)) {
    view_->setReadOnly(true);
    view_->setMaximumBlockCount(kMaxLines);
    view_->setLineWrapMode(QPlainTextEdit::NoWrap);
    view_->setFont(QFont(QStringLiteral("monospace")));

    // Index = spdlog level, so the combo box value is the minimum level shown.
    for (std::size_t i = 0; i < std::size(kLevelNames); ++i) levelFilter_->addItem(QString());
    levelFilter_->setCurrentIndex(spdlog::level::info);

    connect(clearButton_, &QPushButton::clicked, this, &LogPanel::clear);

    auto* controls = new QHBoxLayout;
    controls->addWidget(showLabel_);
    controls->addWidget(levelFilter_);
    controls->addStretch();
    controls->addWidget(clearButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(view_);

    addLogSink(sink_);
    connect(timer_, &QTimer::timeout, this, &LogPanel::drain);
    timer_->start(kDrainIntervalMs);
    retranslateUi();
}

void LogPanel::retranslateUi() {
    for (int i = 0; i < levelFilter_->count(); ++i) levelFilter_->setItemText(i, tr(kLevelNames[i]));
    levelFilter_->setToolTip(tr("Lowest level of the messages shown from now on"));
    showLabel_->setText(tr("Show:"));
    clearButton_->setText(tr("Clear"));
}

void LogPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

LogPanel::~LogPanel() = default;

void LogPanel::drain() {
    const auto minimum = static_cast<spdlog::level::level_enum>(levelFilter_->currentIndex());
    for (const auto& line : sink_->takeLines()) {
        if (line.level < minimum) continue;
        const QString text = QString::fromStdString(line.text).toHtmlEscaped();
        const QString color = colorFor(line.level);
        view_->appendHtml(color.isEmpty()
                              ? QStringLiteral("<pre>%1</pre>").arg(text)
                              : QStringLiteral("<pre style=\"color:%1\">%2</pre>").arg(color, text));
    }
}

void LogPanel::clear() { view_->clear(); }

QString LogPanel::plainText() const { return view_->toPlainText(); }

}  // namespace vitask::ui
