#include "vitask/tsm/manifest_writer.h"
#include "vitask/common/json_file.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdlib>

namespace vitask::tsm {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

// A float as the double with the same shortest decimal form, so that 0.485f is written
// "0.485" and reads back as the same float.
double shortest(float value) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text - 1, value).ptr;
    *end = '\0';
    return std::strtod(text, nullptr);
}

ordered_json channelValues(const std::vector<float>& values) {
    auto out = ordered_json::array();
    for (const float v : values) out.push_back(shortest(v));
    return out;
}

// Relative when the model lies in the manifest's folder or below, so the two move together.
std::string onnxField(const TsmManifest& m) {
    const auto folder = fs::absolute(m.path).parent_path().lexically_normal();
    const auto model = fs::absolute(m.onnx).lexically_normal();
    const auto relative = model.lexically_relative(folder);
    const bool inside = !relative.empty() && *relative.begin() != "..";
    return inside ? relative.generic_string() : model.string();
}

// `error` as the reader reported it about `temporary`, but naming `target`: the user
// knows the manifest by its real name.
Error naming(const Error& error, const fs::path& temporary, const fs::path& target) {
    auto subject = error.subject();
    const auto from = temporary.string();
    if (const auto at = subject.find(from); at != std::string::npos) subject.replace(at, from.size(), target.string());
    if (subject.empty()) subject = target.string();
    return Error(error.problem(), subject, error.remedy());
}

}  // namespace

std::string manifestJson(const TsmManifest& m) {
    ordered_json doc;
    doc["format_version"] = TsmManifest::kFormatVersion;
    doc["name"] = m.name;
    doc["version"] = m.version;
    if (!m.description.empty()) doc["description"] = m.description;
    doc["onnx"] = onnxField(m);
    doc["input"] = {{"name", m.inputName},
                    {"size", {m.input.height, m.input.width}},
                    {"channels", m.input.channels},
                    {"mean", channelValues(m.input.mean)},
                    {"std", channelValues(m.input.std)}};
    doc["outputs"] = {{"logits", m.logitsOutput}, {"features", m.featuresOutput}};
    if (!m.patchFeaturesOutput.empty()) doc["outputs"]["patch_features"] = m.patchFeaturesOutput;
    doc["labels"] = m.labels;
    doc["activation"] = m.multiLabel ? "sigmoid" : "softmax";
    return jsonText(doc, 2) + "\n";
}

void writeManifest(const TsmManifest& manifest) {
    AtomicFile file(manifest.path);
    file.write(manifestJson(manifest));
    try {
        TsmManifest::read(file.temporaryPath());
    } catch (const Error& e) {
        throw naming(e, file.temporaryPath(), manifest.path);
    }
    file.commit();
}

}  // namespace vitask::tsm
