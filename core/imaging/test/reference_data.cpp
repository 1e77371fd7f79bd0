#include "reference_data.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

#include <algorithm>
#include <cstring>

ReferenceData ReferenceData::decode(const QString& outDir, const QString& kind,
                                    const QStringList& files, QString* error) {
    ReferenceData data;
    data.directory = outDir;
    const QString script = qEnvironmentVariable("VITASK_SOURCE_DIR") +
                           "/core/imaging/test/reference_decode.py";
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // Debian's pydicom/nibabel/gdcm live with the system interpreter only.
    process.start("/usr/bin/python3", QStringList{script, outDir, kind} + files);
    if (!process.waitForFinished(240000) || process.exitCode() != 0) {
        *error = "reference_decode.py failed: " + process.errorString() + " " +
                 QString::fromUtf8(process.readAllStandardOutput());
        return data;
    }
    QFile manifest(outDir + "/manifest.json");
    if (!manifest.open(QIODevice::ReadOnly)) {
        *error = "no manifest.json from reference_decode.py";
        return data;
    }
    data.manifest = nlohmann::json::parse(manifest.readAll().toStdString());
    return data;
}

std::vector<float> ReferenceData::values(const nlohmann::json& entry) const {
    QFile raw(directory + "/" + QString::fromStdString(entry.at("raw").get<std::string>()));
    if (!raw.open(QIODevice::ReadOnly)) return {};
    const QByteArray bytes = raw.readAll();
    std::vector<float> out(static_cast<std::size_t>(bytes.size()) / sizeof(float));
    std::memcpy(out.data(), bytes.constData(), out.size() * sizeof(float));
    return out;
}

QStringList filesUnder(const QString& folder) {
    QStringList files;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) files << it.next();
    std::sort(files.begin(), files.end());
    return files;
}
