#pragma once
// DICOM strings as people read them, shared by the study browser and the viewer's corner
// text: person names "Family, Given Middle" and dates yyyy-MM-dd.

#include <QString>

#include <string>

namespace vitask::ui {

// Padded DICOM strings; runs of spaces inside descriptions too ("ANGIO Projected from   C").
QString displayText(const std::string& stored);

// DICOM person name "Family^Given^Middle^Prefix^Suffix", up to three '='-separated
// representations (alphabetic first): shown as "Family, Prefix Given Middle, Suffix".
QString displayPersonName(const std::string& stored);

// DICOM dates (YYYYMMDD) in ISO form; anything else as stored.
QString displayDate(const std::string& stored);

}  // namespace vitask::ui
