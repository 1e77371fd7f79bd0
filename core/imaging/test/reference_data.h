#pragma once
// Test helper: runs reference_decode.py (pydicom + GDCM, nibabel) with /usr/bin/python3
// on a list of files and reads back its manifest and raw float32 arrays.

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

struct ReferenceData {
    QString directory;      // where the script wrote manifest.json and the .raw files
    nlohmann::json manifest;

    // kind: "dicom" or "nifti". Returns an empty manifest and sets `error` on failure.
    static ReferenceData decode(const QString& outDir, const QString& kind,
                                const QStringList& files, QString* error);
    std::vector<float> values(const nlohmann::json& entry) const;
};

// Every regular file under a folder, sorted.
QStringList filesUnder(const QString& folder);
