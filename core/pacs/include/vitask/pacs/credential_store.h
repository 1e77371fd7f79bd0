#pragma once
// The archives' secrets (DICOMweb passwords and tokens), kept out of the settings file and
// the logs: in a JSON file only the user may read (mode 0600, written atomically), by
// default <user config>/pacs-credentials.json. The settings keep the archive's name; the
// secret is looked up by it when the archive is used.
// Not yet: the desktop keyring (Secret Service through libsecret).

#include <filesystem>
#include <map>
#include <string>

namespace vitask::pacs {

class CredentialStore {
public:
    explicit CredentialStore(std::filesystem::path file = defaultFile());

    // "" for none. A file others may read is refused (vitask::Error naming it) rather than
    // trusted: its secrets may have leaked, and the user should know.
    std::string load(const std::string& archive) const;
    // Every archive's secret (archive name -> secret), in one read.
    std::map<std::string, std::string> loadAll() const;
    // An empty secret removes the archive's entry.
    void save(const std::string& archive, const std::string& secret) const;
    // Every archive's secret at once, in one write: the file then holds exactly the
    // non-empty ones of `secrets` (archive name -> secret).
    void replaceAll(const std::map<std::string, std::string>& secrets) const;

    const std::filesystem::path& file() const { return file_; }
    static std::filesystem::path defaultFile();

private:
    void writeSecrets(const std::map<std::string, std::string>& secrets) const;  // atomically, mode 0600

    std::filesystem::path file_;
};

}  // namespace vitask::pacs
