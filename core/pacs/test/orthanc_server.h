#pragma once
// A real Orthanc (Debian's orthanc and orthanc-dicomweb packages) for the PACS tests:
// started on free localhost ports with its own storage in `folder`, knowing our AE title
// VITASK as a PACS administrator registers a workstation (Orthanc serves C-GET and C-MOVE
// to known modalities only; C-MOVE goes to `receivePort`), and stopped with the object.
// Options: the DICOMweb plugin behind Basic authentication, DICOM TLS, HTTPS (through
// tls_proxy.py). Ready when it answers C-ECHO.
#include "vitask/common/local_port.h"
#include "vitask/pacs/dimse_client.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QThread>

class OrthancServer {
public:
    static constexpr const char* kProgram = "/usr/sbin/Orthanc";
    static constexpr const char* kDicomWebPlugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";
    static constexpr const char* kUser = "radiologist";
    static constexpr const char* kPassword = "s3cret-for-tests";

    struct Options {
        int receivePort = 104;       // where C-MOVE sends VITASK's instances
        bool dicomWeb = false;       // the DICOMweb plugin at /dicom-web, Basic authentication
        QString tlsCertificate;      // DICOM TLS with this certificate and key (PEM) when set
        QString tlsKey;
        QString httpsCertificate;    // HTTPS with this certificate and key (PEM) when set, through
        QString httpsKey;            // tls_proxy.py (Debian's Orthanc resets its own HTTPS under OpenSSL 3)

        // What most tests want: DICOMweb too, and C-MOVE to `receivePort`.
        static Options everyService(int receivePort) {
            Options options;
            options.dicomWeb = true;
            options.receivePort = receivePort;
            return options;
        }
    };

    // "" when it answers C-ECHO, else why not.
    QString start(const QString& folder) { return start(folder, Options{}); }
    QString start(const QString& folder, const Options& options) {
        if (!QFile::exists(QString::fromLatin1(kProgram)))
            return QStringLiteral("Orthanc is not installed (Debian: orthanc; scripts/install-deps.sh installs it)");
        if (options.dicomWeb && !QFile::exists(QString::fromLatin1(kDicomWebPlugin)))
            return QStringLiteral("Orthanc's DICOMweb plugin is not installed (Debian: orthanc-dicomweb)");
        options_ = options;
        dicomPort_ = vitask::freeLocalPort();
        httpPort_ = vitask::freeLocalPort();
        const QString config = QDir(folder).filePath(QStringLiteral("orthanc.json"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly)) return QStringLiteral("cannot write ") + config;
        QString extra;
        if (options.dicomWeb)
            extra += QStringLiteral(R"(, "Plugins": ["%1"], "DicomWeb": {"Enable": true, "Root": "/dicom-web/"},
  "AuthenticationEnabled": true, "RegisteredUsers": {"%2": "%3"})")
                         .arg(QString::fromLatin1(kDicomWebPlugin), QString::fromLatin1(kUser), QString::fromLatin1(kPassword));
        else
            extra += QStringLiteral(R"(, "Plugins": [], "AuthenticationEnabled": false)");
        if (!options.tlsCertificate.isEmpty())
            extra += QStringLiteral(R"(, "DicomTlsEnabled": true, "DicomTlsCertificate": "%1", "DicomTlsPrivateKey": "%2",
  "DicomTlsTrustedCertificates": "%1", "DicomTlsRemoteCertificateRequired": false)")
                         .arg(options.tlsCertificate, options.tlsKey);
        file.write(QStringLiteral(R"({"Name": "vitask-test", "StorageDirectory": "%1", "IndexDirectory": "%1",
  "HttpPort": %2, "DicomPort": %3, "DicomAet": "ORTHANC", "RemoteAccessAllowed": false,
  "DicomCheckCalledAet": true, "DicomModalities": {"studio": ["VITASK", "127.0.0.1", %4]}%5})")
                       .arg(QDir(folder).filePath(QStringLiteral("storage")))
                       .arg(httpPort_)
                       .arg(dicomPort_)
                       .arg(options.receivePort)
                       .arg(extra)
                       .toUtf8());
        file.close();
        process_.setProcessChannelMode(QProcess::MergedChannels);
        process_.start(QString::fromLatin1(kProgram), {config});
        if (!process_.waitForStarted()) return QStringLiteral("Orthanc did not start");
        if (!options.httpsCertificate.isEmpty()) {
            httpsPort_ = vitask::freeLocalPort();
            proxy_.start(QStringLiteral("/usr/bin/python3"),
                         {QStringLiteral(VITASK_PACS_TEST_DIR "/tls_proxy.py"), QString::number(httpsPort_),
                          QString::number(httpPort_), options.httpsCertificate, options.httpsKey});
            if (!proxy_.waitForReadyRead(10000)) return QStringLiteral("the TLS proxy did not start: ") + proxy_.readAllStandardError();
        }
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
        proxy_.kill();
        proxy_.waitForFinished(10000);
        process_.terminate();
        process_.waitForFinished(10000);
    }

    int dicomPort() const { return dicomPort_; }
    vitask::pacs::PacsNode node(const std::string& calledAe = "ORTHANC") const {
        vitask::pacs::PacsNode node;
        node.host = "127.0.0.1";
        node.port = dicomPort_;
        node.calledAe = calledAe;
        node.receivePort = options_.receivePort;
        node.tls = !options_.tlsCertificate.isEmpty();
        node.caFile = options_.tlsCertificate.toStdString();
        return node;
    }
    // The DICOMweb side, logged in.
    vitask::pacs::PacsNode webNode() const {
        vitask::pacs::PacsNode node;
        node.protocol = vitask::pacs::Protocol::DicomWeb;
        node.url = options_.httpsCertificate.isEmpty()
                       ? "http://127.0.0.1:" + std::to_string(httpPort_) + "/dicom-web"
                       : "https://127.0.0.1:" + std::to_string(httpsPort_) + "/dicom-web";
        node.caFile = options_.httpsCertificate.toStdString();
        node.auth = vitask::pacs::WebAuth::Basic;
        node.user = kUser;
        node.secret = kPassword;
        return node;
    }

    // Deletes a study through Orthanc's REST API (as another user of the archive would):
    // "" when done, else why not.
    QString deleteStudy(const QString& studyUid) {
        const auto lookup = QJsonDocument::fromJson(rest(QStringLiteral("POST"), QStringLiteral("/tools/lookup"), studyUid.toUtf8()));
        const auto path = lookup.array().first().toObject().value(QStringLiteral("Path")).toString();
        if (!path.startsWith(QStringLiteral("/studies/"))) return QStringLiteral("Orthanc does not know the study ") + studyUid;
        rest(QStringLiteral("DELETE"), path, {});
        return {};
    }

private:
    QByteArray rest(const QString& verb, const QString& path, const QByteArray& body) {
        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(httpPort_).arg(path)));
        if (options_.dicomWeb)
            request.setRawHeader("Authorization", "Basic " + (QByteArray(kUser) + ":" + kPassword).toBase64());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
        auto* reply = manager.sendCustomRequest(request, verb.toLatin1(), body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const auto answer = reply->readAll();
        reply->deleteLater();
        return answer;
    }

    Options options_;
    QProcess process_;
    QProcess proxy_;
    int dicomPort_ = 0;
    int httpPort_ = 0;
    int httpsPort_ = 0;
};
