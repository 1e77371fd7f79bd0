#include "vitask/ui/mode_bar.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QEvent>
#include <QKeySequence>
#include <QMainWindow>
#include <QStackedWidget>

namespace vitask::ui {

ModeBar::ModeBar(QMainWindow* window, QStackedWidget* centre, QList<QWidget*> viewerPages,
                 QList<QDockWidget*> viewerDocks)
    : QToolBar(window),
      window_(window),
      centre_(centre),
      viewerPages_(std::move(viewerPages)),
      viewerDocks_(std::move(viewerDocks)),
      group_(new QActionGroup(this)) {
    setObjectName(QStringLiteral("modeBar"));
    setMovable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    group_->setExclusive(true);
    addMode(QStringLiteral("viewer"))->setChecked(true);
    retranslateUi();
}

void ModeBar::retranslateUi() {
    setWindowTitle(tr("Modes"));
    setTexts(QStringLiteral("viewer"), tr("Viewer"), tr("Studies, the viewer and the AI panel"));
}

void ModeBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QToolBar::changeEvent(event);
}

QAction* ModeBar::addMode(const QString& name) {
    QAction* action = addAction(QString());
    action->setCheckable(true);
    action->setObjectName(QStringLiteral("mode_") + name);
    const int number = int(pages_.size()) + 1;
    if (number <= 9) action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)));
    group_->addAction(action);
    connect(action, &QAction::triggered, this, [this, name] { show(name); });
    pages_.append({name, nullptr, action});
    return action;
}

QAction* ModeBar::addPage(const QString& name, QWidget* page) {
    centre_->addWidget(page);
    QAction* action = addMode(name);
    pages_.last().widget = page;
    return action;
}

void ModeBar::setTexts(const QString& name, const QString& title, const QString& tip) {
    const auto it = std::find_if(pages_.begin(), pages_.end(), [&](const Page& p) { return p.name == name; });
    if (it == pages_.end()) return;
    it->action->setText(title);
    it->action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, it->action->shortcut().toString(QKeySequence::NativeText)));
}

bool ModeBar::show(const QString& name) {
    const auto it = std::find_if(pages_.begin(), pages_.end(), [&](const Page& p) { return p.name == name; });
    if (it == pages_.end() || !it->action->isEnabled()) return false;
    it->action->setChecked(true);
    if (name == current_) return true;
    if (current_ == QLatin1String("viewer")) {  // leaving the viewer: its docks step aside
        viewerPage_ = centre_->currentWidget();
        dockState_ = window_->saveState();
        for (QDockWidget* dock : viewerDocks_) dock->hide();
    }
    if (it->widget) {
        centre_->setCurrentWidget(it->widget);
    } else {
        if (viewerPage_ && viewerPages_.contains(viewerPage_)) centre_->setCurrentWidget(viewerPage_);
        if (!dockState_.isEmpty()) window_->restoreState(dockState_);
        dockState_.clear();
    }
    current_ = name;
    Q_EMIT modeChanged(name);
    return true;
}

QByteArray ModeBar::viewerDockState() const { return dockState_.isEmpty() ? window_->saveState() : dockState_; }

}  // namespace vitask::ui
