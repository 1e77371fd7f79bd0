#include "builtin_manifest.h"

#include "vitask/common/error.h"
#include "vitask/common/json_file.h"

#include <fstream>

namespace vitask::tsm {
namespace {

using nlohmann::json;

// One JSON object of the manifest, read field by field with errors naming "file: field".
class Fields {
public:
    Fields(const std::filesystem::path& file, const json& object, std::string prefix)
        : file_(file), object_(object), prefix_(std::move(prefix)) {}

    std::string subject(const std::string& key) const {
        return file_.string() + ": " + (prefix_.empty() ? key : prefix_ + "." + key);
    }

    const json& at(const std::string& key) const {
        if (!object_.is_object() || !object_.contains(key))
            throw Error("is missing", subject(key), "Write the checkpoint again with `vitask tsm train`, or add the field.");
        return object_.at(key);
    }

    template <typename T>
    T get(const std::string& key) const {
        try {
            return at(key).get<T>();
        } catch (const json::exception&) {
            throw Error("has the wrong type: " + jsonText(at(key)), subject(key));
        }
    }

    template <typename T>
    T get(const std::string& key, T fallback) const {
        return object_.contains(key) ? get<T>(key) : fallback;
    }

    int positive(const std::string& key) const {
        const auto value = get<int>(key);
        if (value < 1) throw Error("must be positive, got " + std::to_string(value), subject(key));
        return value;
    }

    Fields object(const std::string& key) const {
        if (!at(key).is_object()) throw Error("must be an object", subject(key));
        return Fields(file_, at(key), prefix_.empty() ? key : prefix_ + "." + key);
    }

private:
    const std::filesystem::path& file_;
    const json& object_;
    std::string prefix_;
};

json architectureJson(const BuiltinArchitecture& a) {
    json out = {{"type", a.typeName()}};
    if (a.type == BuiltinNetworkType::ResNet) {
        out["stage_blocks"] = a.stageBlocks;
        out["width"] = a.width;
        out["small_input_stem"] = a.smallInputStem;
    } else {
        out["patch_size"] = a.patchSize;
        out["embed_dim"] = a.embedDim;
        out["depth"] = a.depth;
        out["heads"] = a.heads;
        out["mlp_ratio"] = a.mlpRatio;
    }
    return out;
}

BuiltinArchitecture readArchitecture(const Fields& f) {
    BuiltinArchitecture a;
    a.type = BuiltinArchitecture::parseType(f.get<std::string>("type"), f.subject("type"));
    if (a.type == BuiltinNetworkType::ResNet) {
        a.stageBlocks = f.get<std::vector<int>>("stage_blocks");
        a.width = f.positive("width");
        a.smallInputStem = f.get<bool>("small_input_stem");
    } else {
        a.patchSize = f.positive("patch_size");
        a.embedDim = f.positive("embed_dim");
        a.depth = f.positive("depth");
        a.heads = f.positive("heads");
        a.mlpRatio = f.positive("mlp_ratio");
    }
    return a;
}

}  // namespace

std::string manifestKind(const std::filesystem::path& manifest) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(manifest, ec)) return "onnx";  // reading it reports what is wrong
    std::ifstream in(manifest);
    const auto doc = json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (doc.is_object() && doc.contains("kind") && doc["kind"].is_string()) return doc["kind"].get<std::string>();
    return "onnx";
}

json builtinManifestJson(const BuiltinTsmSpec& spec, const std::string& weightsFile) {
    json groups = json::array();
    for (const auto& g : spec.groups)
        groups.push_back({{"dataset", g.dataset}, {"offset", g.offset}, {"count", g.count}, {"multi_label", g.multiLabel}});
    const bool sigmoid = spec.groups.size() == 1 && spec.groups.front().multiLabel;
    return {{"format_version", 1},
            {"kind", BuiltinTsm::kKind},
            {"name", spec.name},
            {"version", spec.version},
            {"description", spec.description},
            {"weights", weightsFile},
            {"architecture", architectureJson(spec.architecture)},
            {"input",
             {{"size", {spec.input.height, spec.input.width}},
              {"channels", spec.input.channels},
              {"mean", spec.input.mean},
              {"std", spec.input.std}}},
            {"labels", spec.labels},
            {"activation", sigmoid ? "sigmoid" : "softmax"},
            {"label_groups", groups}};
}

BuiltinManifest readBuiltinManifest(const std::filesystem::path& path) {
    const json doc = readJsonFile(path, "the TSM manifest");
    const Fields top(path, doc, "");
    if (top.get<int>("format_version", 1) > 1)
        throw Error("is newer than this VITask reads (version 1)", top.subject("format_version"), "Update VITask Studio.");
    BuiltinManifest m;
    auto& s = m.spec;
    s.name = top.get<std::string>("name");
    if (s.name.empty()) throw Error("is empty", top.subject("name"));
    s.version = top.get<std::string>("version");
    s.description = top.get<std::string>("description", std::string());
    m.weights = path.parent_path() / top.get<std::string>("weights");
    s.architecture = readArchitecture(top.object("architecture"));

    const auto input = top.object("input");
    const auto size = input.get<std::vector<int>>("size");
    if (size.size() != 2 || size[0] < 1 || size[1] < 1)
        throw Error("must be [height, width] in pixels", input.subject("size"));
    s.input.height = size[0];
    s.input.width = size[1];
    s.input.channels = input.positive("channels");
    s.input.mean = input.get<std::vector<float>>("mean");
    s.input.std = input.get<std::vector<float>>("std");
    if (s.input.mean.size() != size_t(s.input.channels) || s.input.std.size() != size_t(s.input.channels))
        throw Error("mean and std need one value per channel (" + std::to_string(s.input.channels) + ")",
                    input.subject("mean"));
    for (float v : s.input.std)
        if (!(v > 0)) throw Error("must be positive", input.subject("std"));

    s.labels = top.get<std::vector<std::string>>("labels");
    for (const auto& g : top.get<json>("label_groups", json::array())) {
        const Fields group(path, g, "label_groups[" + std::to_string(s.groups.size()) + "]");
        s.groups.push_back({group.get<std::string>("dataset"), group.get<int64_t>("offset"), group.get<int64_t>("count"),
                            group.get<bool>("multi_label", false)});
    }
    return m;
}

}  // namespace vitask::tsm
