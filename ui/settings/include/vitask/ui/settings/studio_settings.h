#pragma once
// The studio's preferences and recent lists, kept in userConfigDir()/studio.ini (so
// VITASK_CONFIG_DIR moves them, as it moves the rest of the user's files).

#include "vitask/service/device.h"

#include "vitask/pacs/pacs_node.h"

#include <QSettings>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace vitask::ui {

class StudioSettings {
public:
    static QSettings open();

    static service::DeviceChoice device();            // default auto
    static void setDevice(service::DeviceChoice device);
    static int cpuThreads();                          // 0: one per core
    static void setCpuThreads(int threads);
    static QString studyFolder();                     // where Open starts
    static void setStudyFolder(const QString& folder);
    static QString modelFolder();
    static void setModelFolder(const QString& folder);
    // The name reviews are saved under; default: the login name.
    static QString reviewer();
    static void setReviewer(const QString& name);
    // Whether the built-in demo was opened on a first start (it is, once).
    static bool demoShown();
    static void setDemoShown(bool shown);
    static QString language();                        // "" (the system's), "en", "de", "zh_CN"
    static void setLanguage(const QString& language);
    static int64_t maxNewTokens();                    // longest answer, default 64
    static void setMaxNewTokens(int64_t tokens);

    // Most recent first, at most 10, without duplicates.
    static QStringList recentStudies();
    static void addRecentStudy(const QString& path);
    static QStringList recentModels();
    static void addRecentModel(const QString& folder);

    // The PACS archives (studio.ini pacs/archives), without their secrets: those live in
    // the CredentialStore (a file only the user may read), under the archive's name.
    static std::vector<pacs::PacsNode> pacsArchives();
    // Writes the list and each archive's secret; the secrets of archives no longer listed
    // are removed. Throws vitask::Error when the secrets file cannot be used.
    static void setPacsArchives(const std::vector<pacs::PacsNode>& archives);
    // The archive in use (the chosen one, else the first), without its secret; neither a
    // host nor a URL when there is none.
    static pacs::PacsNode currentPacsArchive();
    static void setCurrentPacsArchive(const QString& name);
    // `node` with its secret. Throws vitask::Error naming the secrets file when others may read it.
    static pacs::PacsNode withSecret(pacs::PacsNode node);
    // The archives with their secrets, the secrets file read once.
    static std::vector<pacs::PacsNode> withSecrets(std::vector<pacs::PacsNode> archives);
    // Adds (or replaces) the archive named node.name ("PACS" when unnamed) and makes it the one in use.
    static void setPacsNode(pacs::PacsNode node);
};

}  // namespace vitask::ui
