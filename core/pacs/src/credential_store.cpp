#include "vitask/pacs/credential_store.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/common/user_paths.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

#include <sys/stat.h>

namespace vitask::pacs {
namespace fs = std::filesystem;
namespace {

// Archive name -> secret. A file others may read is refused (see the header).
std::map<std::string, std::string> readSecrets(const fs::path& file) {
    struct stat status {};
    if (::stat(file.c_str(), &status) != 0) return {};  // none saved yet
    if (status.st_mode & (S_IRWXG | S_IRWXO))
        throw Error("others may read this file of passwords and tokens", file.string(),
                    "Run chmod 600 on it, and change the secrets it holds if others could have read them.");
    std::ifstream in(file);
    const auto json = nlohmann::json::parse(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), nullptr, false);
    std::map<std::string, std::string> secrets;
    if (json.is_object())
        for (const auto& [archive, secret] : json.items())
            if (secret.is_string()) secrets[archive] = secret.get<std::string>();
    if (!json.is_object() || secrets.size() != json.size())
        throw Error("is not a JSON object of archive secrets", file.string(),
                    "Remove it and enter the archives' passwords again.");
    return secrets;
}

}  // namespace

CredentialStore::CredentialStore(fs::path file) : file_(std::move(file)) {}

fs::path CredentialStore::defaultFile() { return userConfigDir() / "pacs-credentials.json"; }

std::string CredentialStore::load(const std::string& archive) const {
    const auto secrets = readSecrets(file_);
    const auto entry = secrets.find(archive);
    return entry != secrets.end() ? entry->second : std::string{};
}

std::map<std::string, std::string> CredentialStore::loadAll() const { return readSecrets(file_); }

void CredentialStore::save(const std::string& archive, const std::string& secret) const {
    auto secrets = readSecrets(file_);
    secrets[archive] = secret;
    writeSecrets(secrets);
}

void CredentialStore::replaceAll(const std::map<std::string, std::string>& secrets) const {
    readSecrets(file_);  // refuses a file others may read before replacing it
    writeSecrets(secrets);
}

void CredentialStore::writeSecrets(const std::map<std::string, std::string>& all) const {
    auto secrets = nlohmann::json::object();
    for (const auto& [archive, secret] : all)
        if (!secret.empty()) secrets[archive] = secret;
    std::error_code error;
    fs::create_directories(file_.parent_path(), error);
    AtomicFile out(file_, 0600);
    out.write(secrets.dump(2));
    out.commit();
}

}  // namespace vitask::pacs
