#pragma once
// The review exports (docs/formats.md, "Review database"): CSV with one row per review
// and JSON as an array of objects. Pure functions of the reviews: ReviewStore writes the
// stored reviews atomically, and a worklist export writes them de-identified beside its
// reports (ui/review_panel's worklist_export).

#include "vitask/ui/review_store/review_types.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vitask::ui {

// The CSV columns, in order.
QStringList reviewCsvColumns();
// RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled.
QString csvField(const QString& value);
// Header row and one row per review, CRLF line ends, UTF-8 without BOM.
QByteArray reviewsToCsv(const Worklist& worklist, const QList<Review>& reviews);
// An indented JSON array, one object per review.
QByteArray reviewsToJson(const Worklist& worklist, const QList<Review>& reviews);

}  // namespace vitask::ui
