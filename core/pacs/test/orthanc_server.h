#pragma once
// A real Orthanc (Debian's orthanc package) for the PACS tests: started on free localhost
// ports with its own storage in `folder`, knowing our AE title VITASK as a PACS
// administrator registers a workstation (Orthanc serves C-GET to known modalities only),
// and stopped with the object. Ready when it answers C-ECHO.
#include "vitask/common/local_port.h"
#include "vitask/pacs/dimse_client.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>

class OrthancServer {
public:
    static constexpr const char* kProgram = "/usr/sbin/Orthanc";

    // "" when it answers C-ECHO, else why not.
    QString start(const QString& folder) {
        if (!QFile::exists(QString::fromLatin1(kProgram)))
            return QStringLiteral("Orthanc is not installed (Debian: orthanc; scripts/install-deps.sh installs it)");
        dicomPort_ = vitask::freeLocalPort();
        const int httpPort = vitask::freeLocalPort();
        const QString config = QDir(folder).filePath(QStringLiteral("orthanc.json"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly)) return QStringLiteral("cannot write ") + config;
        file.write(QStringLiteral(R"({"Name": "vitask-test", "StorageDirectory": "%1", "IndexDirectory": "%1",
  "HttpPort": %2, "DicomPort": %3, "DicomAet": "ORTHANC", "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "DicomCheckCalledAet": true, "Plugins": [],
  "DicomModalities": {"studio": ["VITASK", "127.0.0.1", 104]}})")
                       .arg(QDir(folder).filePath(QStringLiteral("storage")))
                       .arg(httpPort)
                       .arg(dicomPort_)
                       .toUtf8());
        file.close();
        process_.setProcessChannelMode(QProcess::MergedChannels);
        process_.start(QString::fromLatin1(kProgram), {config});
        if (!process_.waitForStarted()) return QStringLiteral("Orthanc did not start");
        QString last;
        for (int attempt = 0; attempt < 100; ++attempt) {
            QThread::msleep(100);
            try {
                vitask::pacs::DimseClient(node()).echo();
                return {};
            } catch (const std::exception& e) {
                last = QString::fromUtf8(e.what());
            }
        }
        return QStringLiteral("Orthanc does not answer C-ECHO: ") + last + QString::fromUtf8(process_.readAll());
    }

    ~OrthancServer() {
        process_.terminate();
        process_.waitForFinished(10000);
    }

    int dicomPort() const { return dicomPort_; }
    vitask::pacs::PacsNode node(const std::string& calledAe = "ORTHANC") const {
        vitask::pacs::PacsNode node;
        node.host = "127.0.0.1";
        node.port = dicomPort_;
        node.calledAe = calledAe;
        return node;
    }

private:
    QProcess process_;
    int dicomPort_ = 0;
};
