#pragma once
// pydicom, not us, says whether retrieved instances are those sent: every <SOP Instance
// UID>.dcm in `received` has the pixel data, study, series and SOP class of the file with
// its UID in `sent`. Returns how many were checked, or -1 with why in `problem`.
#include <QProcess>
#include <QString>

inline int pydicomConfirmsSameInstances(const QString& sent, const QString& received, QString* problem) {
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(R"(
import glob, os, sys, pydicom
sent = {}
for f in glob.glob(sys.argv[1] + '/**/*.dcm', recursive=True):
    d = pydicom.dcmread(f)
    sent[d.SOPInstanceUID] = d
n = 0
for f in glob.glob(sys.argv[2] + '/*.dcm'):
    d = pydicom.dcmread(f)
    o = sent[d.SOPInstanceUID]
    assert os.path.basename(f) == d.SOPInstanceUID + '.dcm', f
    assert d.PixelData == o.PixelData, f
    assert (d.StudyInstanceUID, d.SeriesInstanceUID, d.SOPClassUID) == (o.StudyInstanceUID, o.SeriesInstanceUID, o.SOPClassUID), f
    n += 1
print(n)
)"), sent, received});
    python.waitForFinished(120000);
    if (python.exitCode() != 0) {
        *problem = QString::fromUtf8(python.readAllStandardError());
        return -1;
    }
    return QString::fromUtf8(python.readAllStandardOutput()).trimmed().toInt();
}
