#pragma once
// The curves of the selected runs against the step, as TensorBoard and W&B draw them:
// training (the loss terms, or the learning rate, gradient norm, throughput; smoothing
// and a log scale on request) and evaluation (validation and test macro-F1 or accuracy,
// without and with the exemplar). One run: a colour per curve and its stage starts as
// dotted lines; several: a colour per run, the curve told by its dash. A series longer
// than kMaxPoints is drawn as the minimum and maximum of each of kMaxPoints / 2 buckets,
// so spikes stay visible and painting stays fast.

#include "run_entry.h"

#include <QHash>
#include <QPointer>
#include <QRectF>
#include <QWidget>

class QAbstractAxis;
class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QGraphicsSimpleTextItem;
class QLabel;
class QLineSeries;
class QSlider;
class QTimer;
class QValueAxis;

namespace vitask::ui {

class RunCharts : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxPoints = 1000;  // about one per pixel column of a chart

    explicit RunCharts(QWidget* parent = nullptr);

    // Shows `runs` (in selection order). Series are updated in place; a run whose metrics
    // and the options have not changed since the last call is not redrawn.
    void setRuns(const QList<const RunEntry*>& runs);

    // Every series shows its latest points (the hand-over below is done) and the charts
    // paint again.
    bool settled() const { return pending_.isEmpty(); }

    QChartView* trainingView() const { return training_.view; }
    QChartView* evalView() const { return eval_.view; }
    // The series drawn for `folder` and a series key ("loss", "l_van", "val/macro_f1/ep"), or null.
    QLineSeries* series(const QString& folder, const QString& key) const;

Q_SIGNALS:
    // An option or the language changed: the panel shows its runs again (the titles and
    // the curves' names are made from them).
    void optionsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Chart {
        QChart* chart = nullptr;
        QChartView* view = nullptr;
        QValueAxis* x = nullptr;
        QAbstractAxis* y = nullptr;
        QHash<QString, QLineSeries*> series;  // by id: folder|key[|smoothed]
        QHash<QString, QString> stamps;       // by id: what the points were made from
        QHash<QString, QRectF> bounds;        // by id: the points' extent
    };
    struct Curve {
        QString id, name, stamp;
        const QList<QPointF>* points;
        QColor colour;
        Qt::PenStyle style;
        qreal width;
        double smoothing;  // 0: raw
        bool markers;
        bool inLegend;
        bool dropZeros;    // a loss term logged as 0 where its stage does not compute it
    };

    Chart makeChart(const QString& objectName);
    void retranslateUi();
    QStringList trainingKeys(const RunEntry& run) const;
    QStringList evalKeys(const RunEntry& run) const;
    // Updates the chart's series and its y range (within [0, 1] for `unitRange`: metrics);
    // returns the steps the curves span.
    // `growing`: a shown run is training, its curves grow (the axes keep room ahead).
    QPair<double, double> show(Chart& chart, const QList<Curve>& curves, bool unitRange, bool growing);
    void showStageStarts(const RunEntry* run);
    void placeStageLabels();
    void useLogScale(bool log);
    QLineSeries* makeSeries(Chart& chart, const QString& id);
    void handOver(QLineSeries* series, QList<QPointF> points);
    void handOverNext();

    Chart training_, eval_;
    QComboBox* trainingMetric_;
    QComboBox* evalMetric_;
    QSlider* smoothing_;
    QLabel* smoothingValue_;
    QCheckBox* logScale_;
    QLabel* trainingLabel_;
    QLabel* smoothingLabel_;
    QLabel* evalLabel_;
    QLabel* styleNote_;                                  // how curves are told apart when several runs are shown
    // Points reach Qt Charts one series per turn of the event loop: each replace() lays
    // the whole line out again (several ms for 2,000 points), so a followed run's update
    // never holds the UI thread for all its curves at once.
    struct PendingPoints {
        QPointer<QLineSeries> series;
        QList<QPointF> points;
    };
    QList<PendingPoints> pending_;
    QTimer* handOverTimer_;
    QList<QPair<double, QString>> stageStarts_;                   // the stages the lines and labels show
    QList<QLineSeries*> stageLines_;                              // one per stage after the first
    QList<QPair<double, QGraphicsSimpleTextItem*>> stageLabels_;  // (step where the stage starts, its name)
};

}  // namespace vitask::ui
