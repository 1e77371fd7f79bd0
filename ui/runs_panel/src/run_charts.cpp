#include "run_charts.h"

#include "run_format.h"
#include "vitask/ui/runs_panel/runs_panel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QDir>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSlider>
#include <QSplitter>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vitask::ui {
namespace {

const QStringList kLossTerms{QStringLiteral("loss"), QStringLiteral("l_van"), QStringLiteral("l_ep"),
                             QStringLiteral("l_rda"), QStringLiteral("l_crt")};

// Tableau 10: distinct for runs, readable on white.
QColor runColour(int index) {
    static const QColor colours[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
                                     QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                                     QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
                                     QColor(0xba, 0xb0, 0xac)};
    return colours[index % 10];
}

// One run: a colour per curve (the evaluations with the exemplar in their own colour too,
// since a lone evaluation point shows no dash).
QColor curveColour(const QString& key) {
    const bool exemplar = key.endsWith(QLatin1String("/ep"));
    if (key == QLatin1String("loss")) return QColor(0x26, 0x32, 0x38);
    if (key == QLatin1String("l_van") || (key.startsWith(QLatin1String("val/")) && !exemplar)) return QColor(0x1f, 0x77, 0xb4);
    if (key == QLatin1String("l_ep") || key.startsWith(QLatin1String("val/"))) return QColor(0xff, 0x7f, 0x0e);
    if (key == QLatin1String("l_rda") || (key.startsWith(QLatin1String("test/")) && !exemplar)) return QColor(0x2c, 0xa0, 0x2c);
    if (key == QLatin1String("l_crt") || key.startsWith(QLatin1String("test/"))) return QColor(0xd6, 0x27, 0x28);
    return QColor(0x4e, 0x79, 0xa7);
}

Qt::PenStyle termStyle(const QString& key) {
    if (key == QLatin1String("l_van")) return Qt::DashLine;
    if (key == QLatin1String("l_ep")) return Qt::DotLine;
    if (key == QLatin1String("l_rda")) return Qt::DashDotLine;
    if (key == QLatin1String("l_crt")) return Qt::DashDotDotLine;
    return Qt::SolidLine;
}

// The points a curve draws, in one pass over the series (no copy of a long one): a loss
// term's 0 ("not computed in this stage") left out, then TensorBoard's smoothing (an
// exponential moving average, debiased at the start) when asked, values a log axis cannot
// show left out, and at most maxPoints of them: the lowest and highest point of each of
// maxPoints / 2 buckets, in step order, so a spike stays visible.
QList<QPointF> curvePoints(const QList<QPointF>& points, double smoothing, bool dropZeros, bool positiveOnly,
                           int maxPoints) {
    const qsizetype n = points.size();
    const bool decimate = n > maxPoints;
    const qsizetype buckets = maxPoints / 2;
    QList<QPointF> out;
    out.reserve(std::min<qsizetype>(n, maxPoints));
    double average = 0, debias = 1;
    qsizetype bucket = -1, lowAt = 0, highAt = 0;
    QPointF low, high;
    bool open = false;
    const auto close = [&] {
        if (!open) return;
        out.append(lowAt <= highAt ? low : high);
        if (lowAt != highAt) out.append(lowAt <= highAt ? high : low);
        open = false;
    };
    for (qsizetype i = 0; i < n; ++i) {
        double y = points[i].y();
        if (dropZeros && y == 0) continue;
        if (smoothing > 0) {
            average = average * smoothing + (1 - smoothing) * y;
            debias *= smoothing;
            y = average / (1 - debias);
        }
        if (positiveOnly && y <= 0) continue;
        const qsizetype b = decimate ? i * buckets / n : i;
        if (b != bucket) {
            close();
            bucket = b;
        }
        const QPointF p(points[i].x(), y);
        if (!open) {
            low = high = p;
            lowAt = highAt = i;
            open = true;
        } else if (y < low.y()) {
            low = p, lowAt = i;
        } else if (y > high.y()) {
            high = p, highAt = i;
        }
    }
    close();
    return out;
}

// A tight range with ticks at round numbers (1, 2 or 5 times a power of ten, about five
// of them), as TensorBoard draws its axes; applyNiceNumbers() would widen the range.
void setTightRange(QValueAxis* axis, double low, double high) {
    const double raw = (high - low) / 5;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    const double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
    // Range and interval change together under fixed ticks: the old interval over the new
    // range (0.2 over 100,000 steps) would lay out half a million ticks first.
    axis->setTickType(QValueAxis::TicksFixed);
    axis->setRange(low, high);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setTickType(QValueAxis::TicksDynamic);
}

// Moves an axis only when the data leaves it or it has grown far too wide: every range
// change makes Qt Charts lay out every line of the chart again, which a followed run must
// not pay on each poll. `headroom`: the share of the span left free ahead of the data
// when the axis does move (a followed run grows into it).
void fitRange(QValueAxis* axis, double low, double high, double headroom) {
    const double span = std::max(high - low, 1e-12);
    const bool holds = axis->min() <= low && axis->max() >= high;
    if (holds && axis->max() - axis->min() <= span * (1 + headroom) * 1.3) return;
    setTightRange(axis, low - (low > 0 ? span * headroom / 2 : 0), high + span * headroom);
}

void fitLogRange(QLogValueAxis* axis, double low, double high) {
    const bool holds = axis->min() <= low && axis->max() >= high * 1.5;
    if (holds && axis->max() / axis->min() <= (high / low) * 8) return;
    axis->setRange(low / 1.5, high * 2.5);  // room above for the stage names
}

// The name of the dotted line where a stage starts (its tooltip).
QString stageStartName(const QString& stage) { return RunCharts::tr("%1 starts").arg(stage); }

bool allZero(const QList<QPointF>& points) {
    return std::all_of(points.begin(), points.end(), [](const QPointF& p) { return p.y() == 0; });
}

}  // namespace

RunCharts::RunCharts(QWidget* parent) : QWidget(parent), handOverTimer_(new QTimer(this)) {
    handOverTimer_->setSingleShot(true);
    handOverTimer_->setInterval(0);
    connect(handOverTimer_, &QTimer::timeout, this, &RunCharts::handOverNext);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* controls = new QHBoxLayout;
    trainingMetric_ = new QComboBox(this);
    trainingMetric_->setObjectName(QStringLiteral("trainingMetric"));
    trainingMetric_->addItem(QString(), QString());  // every loss term
    for (const auto& key : kLossTerms) trainingMetric_->addItem(QString(), key);
    for (const char* key : {"lr", "grad_norm", "samples_per_s"}) trainingMetric_->addItem(QString(), QLatin1String(key));
    smoothing_ = new QSlider(Qt::Horizontal, this);
    smoothing_->setObjectName(QStringLiteral("smoothing"));
    smoothing_->setRange(0, 99);
    smoothing_->setFixedWidth(120);
    smoothingValue_ = new QLabel(QStringLiteral("0.00"), this);
    smoothingValue_->setMinimumWidth(smoothingValue_->fontMetrics().horizontalAdvance(QStringLiteral("0.00")) + 4);
    logScale_ = new QCheckBox(this);
    logScale_->setObjectName(QStringLiteral("logScale"));
    evalMetric_ = new QComboBox(this);
    evalMetric_->setObjectName(QStringLiteral("evalMetric"));
    evalMetric_->addItem(QString(), QStringLiteral("macro_f1"));
    evalMetric_->addItem(QString(), QStringLiteral("accuracy"));
    trainingLabel_ = new QLabel(this);
    smoothingLabel_ = new QLabel(this);
    evalLabel_ = new QLabel(this);
    controls->addWidget(trainingLabel_);
    controls->addWidget(trainingMetric_);
    controls->addSpacing(12);
    controls->addWidget(smoothingLabel_);
    controls->addWidget(smoothing_);
    controls->addWidget(smoothingValue_);
    controls->addSpacing(12);
    controls->addWidget(logScale_);
    controls->addSpacing(12);
    styleNote_ = new QLabel(this);
    styleNote_->setObjectName(QStringLiteral("runLegend"));
    styleNote_->setTextFormat(Qt::RichText);
    styleNote_->hide();
    controls->addWidget(styleNote_, 1);
    controls->addStretch(1);
    controls->addWidget(evalLabel_);
    controls->addWidget(evalMetric_);
    layout->addLayout(controls);

    training_ = makeChart(QStringLiteral("trainingChart"));
    eval_ = makeChart(QStringLiteral("evalChart"));
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(training_.view);
    charts->addWidget(eval_.view);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    layout->addWidget(charts, 1);
    connect(training_.chart, &QChart::plotAreaChanged, this, &RunCharts::placeStageLabels);
    retranslateUi();

    connect(trainingMetric_, &QComboBox::currentIndexChanged, this, &RunCharts::optionsChanged);
    connect(evalMetric_, &QComboBox::currentIndexChanged, this, &RunCharts::optionsChanged);
    connect(smoothing_, &QSlider::valueChanged, this, [this](int value) {
        smoothingValue_->setText(QString::number(value / 100.0, 'f', 2));
        Q_EMIT optionsChanged();
    });
    connect(logScale_, &QCheckBox::toggled, this, [this](bool log) {
        useLogScale(log);
        Q_EMIT optionsChanged();
    });
}

void RunCharts::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        Q_EMIT optionsChanged();  // the titles and the curves' names
    }
    QWidget::changeEvent(event);
}

// The controls' texts, the axes' titles and the stage lines' names; the titles and the
// curves' names are made from the runs (setRuns).
void RunCharts::retranslateUi() {
    trainingLabel_->setText(tr("Training:"));
    trainingMetric_->setItemText(0, tr("Loss terms"));
    for (int i = 1; i < trainingMetric_->count(); ++i)
        trainingMetric_->setItemText(i, metricLabel(trainingMetric_->itemData(i).toString()));
    trainingMetric_->setToolTip(tr("What the training chart shows: every loss term the trainer logs (total = the "
                                   "weighted sum of L_van, L_ep, L_rda, L_crt), one of them, or the optimiser's numbers."));
    smoothingLabel_->setText(tr("Smoothing:"));
    smoothing_->setToolTip(tr("Exponential moving average of the training curves, as TensorBoard's smoothing; the raw "
                              "curve stays faint behind."));
    logScale_->setText(tr("Log scale"));
    evalLabel_->setText(tr("Evaluation:"));
    evalMetric_->setItemText(0, tr("macro-F1"));
    evalMetric_->setItemText(1, tr("accuracy"));
    evalMetric_->setToolTip(tr("The evaluation metric: validation after each stage and test at the end, without and "
                               "with the TSM's exemplar (EP, dashed)."));
    for (auto* axis : {training_.x, eval_.x}) axis->setTitleText(tr("step"));
    for (int i = 0; i < stageLines_.size(); ++i) stageLines_[i]->setName(stageStartName(stageStarts_[i + 1].second));
}

RunCharts::Chart RunCharts::makeChart(const QString& objectName) {
    Chart c;
    c.chart = new QChart;
    c.chart->setTheme(QChart::ChartThemeLight);
    c.chart->setBackgroundRoundness(0);
    c.chart->setMargins(QMargins(4, 4, 4, 4));
    c.chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = c.chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    c.chart->legend()->setFont(legendFont);
    QFont titleFont = c.chart->titleFont();
    titleFont.setBold(true);
    c.chart->setTitleFont(titleFont);
    c.x = new QValueAxis;
    c.x->setLabelFormat(QStringLiteral("%d"));
    c.chart->addAxis(c.x, Qt::AlignBottom);
    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.3g"));
    c.y = y;
    c.chart->addAxis(c.y, Qt::AlignLeft);
    c.view = new QChartView(c.chart, this);
    c.view->setObjectName(objectName);
    c.view->setRenderHint(QPainter::Antialiasing);
    c.view->setMinimumSize(280, 220);
    return c;
}

void RunCharts::useLogScale(bool log) {
    const auto lines = training_.series.values() + stageLines_;
    for (auto* s : lines) s->detachAxis(training_.y);
    training_.chart->removeAxis(training_.y);
    delete training_.y;
    if (log) {
        auto* axis = new QLogValueAxis;
        axis->setLabelFormat(QStringLiteral("%.3g"));
        axis->setMinorTickCount(-1);
        training_.y = axis;
    } else {
        auto* axis = new QValueAxis;
        axis->setLabelFormat(QStringLiteral("%.3g"));
        training_.y = axis;
    }
    training_.chart->addAxis(training_.y, Qt::AlignLeft);
    for (auto* s : lines) s->attachAxis(training_.y);
    training_.stamps.clear();  // the points are made again (a log axis takes positive values only)
}

QLineSeries* RunCharts::series(const QString& folder, const QString& key) const {
    const QString id = folder + QLatin1Char('|') + key;
    if (auto* s = training_.series.value(id)) return s;
    return eval_.series.value(id);
}

QStringList RunCharts::trainingKeys(const RunEntry& run) const {
    const QString chosen = trainingMetric_->currentData().toString();
    if (!chosen.isEmpty()) return run.metrics.train().contains(chosen) ? QStringList{chosen} : QStringList{};
    QStringList keys;
    // A term whose weight is 0 in every stage is logged as 0: nothing to draw.
    for (const auto& key : kLossTerms)
        if (const auto it = run.metrics.train().constFind(key); it != run.metrics.train().cend() && !allZero(*it)) keys << key;
    return keys;
}

QStringList RunCharts::evalKeys(const RunEntry& run) const {
    const QString metric = evalMetric_->currentData().toString();
    QStringList keys;
    for (const char* split : {"val", "test"})
        for (bool exemplar : {false, true}) {
            const QString key = QLatin1String(split) + QLatin1Char('/') + metric + (exemplar ? QStringLiteral("/ep") : QString());
            if (run.metrics.eval().contains(key)) keys << key;
        }
    return keys;
}

void RunCharts::setRuns(const QList<const RunEntry*>& runs) {
    const bool several = runs.size() > 1;
    const double smoothing = smoothing_->value() / 100.0;
    const bool log = logScale_->isChecked();
    QList<Curve> trainingCurves, evalCurves;
    for (int i = 0; i < runs.size(); ++i) {
        const RunEntry& run = *runs[i];
        const QString runName = QDir(run.folder).dirName();
        const QString stamp = QStringLiteral("%1|%2|%3|%4|%5").arg(run.metrics.revision()).arg(i).arg(several).arg(smoothing).arg(log);
        // The name shows in the legend (one run) and in the tooltip of a curve.
        const auto label = [&](const QString& key) {
            return several ? QStringLiteral("%1 · %2").arg(runName, metricLabel(key)) : metricLabel(key);
        };
        for (const auto& key : trainingKeys(run)) {
            const QString id = run.folder + QLatin1Char('|') + key;
            const QColor colour = several ? runColour(i) : curveColour(key);
            const Qt::PenStyle style = several ? termStyle(key) : Qt::SolidLine;
            // Lines of one pixel take the painter's fast path: the terms are drawn thin, the total bolder.
            const qreal width = key == QLatin1String("loss") ? 1.6 : 1.0;
            const bool dropZeros = key.startsWith(QLatin1String("l_")) && key != QLatin1String("l_van");
            const auto* points = &*run.metrics.train().constFind(key);
            if (smoothing > 0) {
                QColor faint = colour;
                faint.setAlpha(60);
                trainingCurves.append({id, label(key), stamp, points, faint, style, 1.0, 0, false, false, dropZeros});
                trainingCurves.append({id + QStringLiteral("|smoothed"), label(key), stamp, points, colour, style, width,
                                       smoothing, false, true, dropZeros});
            } else {
                trainingCurves.append({id, label(key), stamp, points, colour, style, width, 0, false, true, dropZeros});
            }
        }
        for (const auto& key : evalKeys(run)) {
            const bool exemplar = key.endsWith(QLatin1String("/ep"));
            evalCurves.append({run.folder + QLatin1Char('|') + key, label(key), stamp, &*run.metrics.eval().constFind(key),
                               several ? runColour(i) : curveColour(key), exemplar ? Qt::DashLine : Qt::SolidLine, 1.8,
                               0, true, true, false});
        }
    }
    const QString metric = trainingMetric_->currentText();
    training_.chart->setTitle(runs.isEmpty()               ? tr("Training — select a run")
                              : trainingCurves.isEmpty()   ? tr("Training — no records yet")
                              : trainingMetric_->currentIndex() == 0 ? tr("Training loss")
                                                                     : tr("Training: %1").arg(metric));
    eval_.chart->setTitle(runs.isEmpty()       ? tr("Evaluation — select a run")
                          : evalCurves.isEmpty() ? tr("Evaluation — none yet (after each stage)")
                                                 : tr("Evaluation: %1").arg(evalMetric_->currentText()));
    // Several runs: the charts' own legends would list every run's every curve, cut
    // short; one line names the runs by colour and the curves by dash instead.
    training_.chart->legend()->setVisible(!several);
    eval_.chart->legend()->setVisible(!several);
    if (several) {
        QStringList names;
        for (int i = 0; i < runs.size(); ++i)
            names << QStringLiteral("<span style='color:%1'>&#9632;</span>&nbsp;%2")
                         .arg(runColour(i).name(), QDir(runs[i]->folder).dirName().toHtmlEscaped());
        styleNote_->setText(names.join(QStringLiteral("&nbsp;&nbsp; ")) + QStringLiteral("&nbsp;&nbsp; <span style='color:#607d8b'>") +
                            tr("total ——, L_van – –, L_ep ···, L_rda –·, L_crt –··; EP dashed") + QStringLiteral("</span>"));
    }
    styleNote_->setVisible(several);
    // Both charts span the same steps, so an evaluation sits under the training it followed.
    const bool growing = std::any_of(runs.begin(), runs.end(), [](const RunEntry* run) {
        return run->stateKey == QLatin1String("running") || run->stateKey == QLatin1String("starting") ||
               run->stateKey == QLatin1String("stopping");
    });
    const auto trainingSteps = show(training_, trainingCurves, false, growing);
    const auto evalSteps = show(eval_, evalCurves, true, growing);
    double first = std::min(trainingSteps.first, evalSteps.first), last = std::max(trainingSteps.second, evalSteps.second);
    if (first > last) first = 0, last = 1;
    first = std::min(first, 0.0);
    if (last - first < 1) last = first + 1;
    last += (last - first) * 0.02;  // the last evaluation's marker is drawn whole
    for (auto* axis : {training_.x, eval_.x}) fitRange(axis, first, last, growing ? 0.1 : 0.0);
    showStageStarts(runs.size() == 1 ? runs.front() : nullptr);
}

QLineSeries* RunCharts::makeSeries(Chart& chart, const QString& id) {
    auto* s = new QLineSeries;
    s->setObjectName(id);
    chart.chart->addSeries(s);
    s->attachAxis(chart.x);
    s->attachAxis(chart.y);
    connect(s, &QLineSeries::hovered, this, [s](const QPointF& at, bool entered) {
        if (!entered) {
            QToolTip::hideText();
            return;
        }
        const auto points = s->points();
        if (points.isEmpty()) return;
        auto nearest = std::lower_bound(points.begin(), points.end(), at.x(),
                                        [](const QPointF& p, double x) { return p.x() < x; });
        if (nearest == points.end()) --nearest;
        QToolTip::showText(QCursor::pos(), QStringLiteral("%1\n%2 %3: %4")
                                               .arg(s->name(), tr("step"))
                                               .arg(nearest->x())
                                               .arg(nearest->y(), 0, 'g', 5));
    });
    chart.series.insert(id, s);
    return s;
}

QPair<double, double> RunCharts::show(Chart& chart, const QList<Curve>& curves, bool unitRange, bool growing) {
    QSet<QString> wanted;
    for (const auto& curve : curves) wanted.insert(curve.id);
    for (auto it = chart.series.begin(); it != chart.series.end();) {
        if (wanted.contains(it.key())) {
            ++it;
            continue;
        }
        chart.chart->removeSeries(it.value());
        delete it.value();
        chart.stamps.remove(it.key());
        chart.bounds.remove(it.key());
        it = chart.series.erase(it);
    }
    const bool logAxis = chart.y->type() == QAbstractAxis::AxisTypeLogValue;
    double xMin = std::numeric_limits<double>::max(), xMax = std::numeric_limits<double>::lowest();
    double yMin = xMin, yMax = xMax;
    for (const auto& curve : curves) {
        QLineSeries* s = chart.series.value(curve.id);
        if (!s) s = makeSeries(chart, curve.id);
        // Each setter makes Qt Charts lay the whole line out again: only what changed is set.
        QPen pen(curve.colour, curve.width, curve.style);
        pen.setCapStyle(Qt::FlatCap);  // round caps and joins cost twice the painting (2,000-point lines)
        if (s->name() != curve.name) s->setName(curve.name);
        if (s->pen() != pen) s->setPen(pen);
        if (s->pointsVisible() != curve.markers) s->setPointsVisible(curve.markers);
        if (s->markerSize() != 7) s->setMarkerSize(7);
        if (chart.stamps.value(curve.id) != curve.stamp) {
            QList<QPointF> points = curvePoints(*curve.points, curve.smoothing, curve.dropZeros, logAxis, kMaxPoints);
            if (points.isEmpty()) {
                chart.bounds.remove(curve.id);
            } else {
                double left = points.front().x(), right = left, bottom = points.front().y(), top = bottom;
                for (const auto& p : points) {
                    left = std::min(left, p.x()), right = std::max(right, p.x());
                    bottom = std::min(bottom, p.y()), top = std::max(top, p.y());
                }
                chart.bounds.insert(curve.id, QRectF(QPointF(left, bottom), QPointF(right, top)));
            }
            handOver(s, std::move(points));
            chart.stamps.insert(curve.id, curve.stamp);
        }
        for (auto* marker : chart.chart->legend()->markers(s))
            if (marker->isVisible() != curve.inLegend) marker->setVisible(curve.inLegend);
        if (const auto b = chart.bounds.constFind(curve.id); b != chart.bounds.cend()) {
            xMin = std::min(xMin, b->left()), xMax = std::max(xMax, b->right());
            yMin = std::min(yMin, b->top()), yMax = std::max(yMax, b->bottom());
        }
    }
    if (yMin > yMax) yMin = 0, yMax = 1;
    const double headroom = growing ? 0.05 : 0.0;
    if (unitRange) {
        const double pad = std::max(0.05, (yMax - yMin) * 0.15);
        fitRange(static_cast<QValueAxis*>(chart.y), std::max(0.0, yMin - pad), std::min(1.0, yMax + pad), headroom);
    } else if (logAxis) {
        fitLogRange(static_cast<QLogValueAxis*>(chart.y), std::max(yMin, 1e-12), std::max(yMax, 1e-12));
    } else {
        const double pad = yMax > yMin ? (yMax - yMin) * 0.05 : std::max(std::abs(yMax) * 0.05, 1e-6);
        fitRange(static_cast<QValueAxis*>(chart.y), yMin >= 0 ? std::max(0.0, yMin - pad) : yMin - pad, yMax + pad, headroom);
    }
    return {xMin, xMax};
}

void RunCharts::handOver(QLineSeries* series, QList<QPointF> points) {
    for (auto& waiting : pending_)
        if (waiting.series == series) {
            waiting.points = std::move(points);  // newer points replace those still waiting
            return;
        }
    pending_.append({series, std::move(points)});
    // The charts are painted once, when every series has its points, not after each.
    training_.view->setUpdatesEnabled(false);
    eval_.view->setUpdatesEnabled(false);
    handOverTimer_->start();
}

void RunCharts::handOverNext() {
    while (!pending_.isEmpty()) {
        auto next = pending_.takeFirst();
        if (!next.series) continue;  // removed meanwhile
        next.series->replace(next.points);
        break;
    }
    if (!pending_.isEmpty()) {
        handOverTimer_->start();
        return;
    }
    training_.view->setUpdatesEnabled(true);
    eval_.view->setUpdatesEnabled(true);
}

void RunCharts::showStageStarts(const RunEntry* run) {
    // Where each stage after the first starts: the trainer logs the last step of every
    // stage, so the line is at the record before the new stage's first one.
    QList<QPair<double, QString>> starts;
    if (run && !training_.series.isEmpty()) {
        const auto loss = run->metrics.train().constFind(QStringLiteral("loss"));
        for (const auto& [first, stage] : run->metrics.stageStarts()) {
            double x = first;
            if (loss != run->metrics.train().cend()) {
                const auto next = std::lower_bound(loss->cbegin(), loss->cend(), x, [](const QPointF& p, double at) { return p.x() < at; });
                if (next != loss->cbegin()) x = std::prev(next)->x();
            }
            starts.append({x, stage});
        }
        if (starts.size() < 2) starts.clear();
    }
    const auto* y = training_.y;
    const bool log = y->type() == QAbstractAxis::AxisTypeLogValue;
    const double low = log ? static_cast<const QLogValueAxis*>(y)->min() : static_cast<const QValueAxis*>(y)->min();
    const double high = log ? static_cast<const QLogValueAxis*>(y)->max() : static_cast<const QValueAxis*>(y)->max();
    if (starts != stageStarts_) {  // other stages: made again; else only their height follows the axis
        for (auto* line : stageLines_) {
            training_.chart->removeSeries(line);
            delete line;
        }
        stageLines_.clear();
        for (const auto& label : stageLabels_) delete label.second;
        stageLabels_.clear();
        stageStarts_ = starts;
        const QFont font = training_.chart->legend()->font();
        for (int i = 0; i < starts.size(); ++i) {
            auto* label = new QGraphicsSimpleTextItem(starts[i].second, training_.chart);
            label->setFont(font);
            label->setBrush(QColor(0x78, 0x78, 0x78));
            stageLabels_.append({i == 0 ? -1.0 : starts[i].first, label});  // -1: the chart's left edge
            if (i == 0) continue;
            auto* line = new QLineSeries;
            line->setName(stageStartName(starts[i].second));
            line->setPen(QPen(QColor(0x90, 0x90, 0x90), 1, Qt::DotLine));
            training_.chart->addSeries(line);
            line->attachAxis(training_.x);
            line->attachAxis(training_.y);
            for (auto* marker : training_.chart->legend()->markers(line)) marker->setVisible(false);
            connect(line, &QLineSeries::hovered, this, [line](const QPointF&, bool entered) {
                if (entered) QToolTip::showText(QCursor::pos(), line->name());
            });
            stageLines_.append(line);
        }
    }
    for (int i = 0; i < stageLines_.size(); ++i) {
        const double x = starts[i + 1].first;
        const QList<QPointF> span{QPointF(x, low), QPointF(x, high)};
        if (stageLines_[i]->points() != span) stageLines_[i]->replace(span);
    }
    placeStageLabels();
}

void RunCharts::placeStageLabels() {
    const QRectF plot = training_.chart->plotArea();
    const double low = training_.x->min(), span = training_.x->max() - training_.x->min();
    if (span <= 0) return;
    for (const auto& [step, label] : stageLabels_)
        label->setPos(plot.left() + (step < 0 ? 0.0 : (step - low) / span * plot.width()) + 6, plot.top() + 2);
}

}  // namespace vitask::ui
