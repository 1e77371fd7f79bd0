#include "vitask/tsm/tsm_manifest.h"

#include "vitask/common/error.h"
#include "vitask/common/json_file.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <cmath>
#include <set>

namespace vitask::tsm {
namespace {

using nlohmann::json;

const char* typeName(const json& value) { return value.type_name(); }

// Reads fields of one JSON object, naming the manifest and the dotted field in errors.
class FieldReader {
public:
    FieldReader(const TsmManifest& manifest, const json& object, std::string prefix)
        : manifest_(manifest), object_(object), prefix_(std::move(prefix)) {}

    bool has(const char* key) const { return object_.contains(key); }

    const json& require(const char* key, const char* what) const {
        if (!object_.contains(key))
            throw Error("the manifest has no \"" + field(key) + "\" field (" + what + ")", manifest_.subject(field(key)),
                        "Add it; docs/formats.md describes the TSM manifest.");
        return object_.at(key);
    }

    std::string string(const char* key, const char* what, bool required = true) const {
        if (!required && !has(key)) return {};
        const auto& value = require(key, what);
        if (!value.is_string()) wrongType(key, "a string", value);
        auto text = value.get<std::string>();
        if (text.empty()) throw Error("is empty", manifest_.subject(field(key)), std::string("Give ") + what + ".");
        return text;
    }

    int positiveInt(const json& value, const std::string& name) const {
        if (!value.is_number_integer() || value.get<int64_t>() < 1 || value.get<int64_t>() > 1 << 20)
            throw Error(std::string("must be a positive integer, got ") + jsonText(value), manifest_.subject(name));
        return value.get<int>();
    }

    const json& object(const char* key, const char* what) const {
        const auto& value = require(key, what);
        if (!value.is_object()) wrongType(key, "an object", value);
        return value;
    }

    const json& array(const char* key, const char* what) const {
        const auto& value = require(key, what);
        if (!value.is_array()) wrongType(key, "an array", value);
        return value;
    }

    std::string field(const char* key) const { return prefix_.empty() ? key : prefix_ + "." + key; }

    [[noreturn]] void wrongType(const char* key, const char* expected, const json& value) const {
        throw Error(std::string("must be ") + expected + ", got " + typeName(value) + " " + jsonText(value),
                    manifest_.subject(field(key)), "Fix the field's type; docs/formats.md has an example.");
    }

private:
    const TsmManifest& manifest_;
    const json& object_;
    std::string prefix_;
};

std::vector<float> channelValues(const TsmManifest& m, const FieldReader& input, const char* key, bool positive) {
    const auto& values = input.array(key, "one value per channel");
    const std::string field = input.field(key);
    if (static_cast<int>(values.size()) != m.input.channels)
        throw Error("has " + std::to_string(values.size()) + " values but input.channels is " +
                        std::to_string(m.input.channels),
                    m.subject(field), "Give one value per channel.");
    std::vector<float> out;
    for (const auto& v : values) {
        if (!v.is_number()) throw Error(std::string("must hold numbers, got ") + jsonText(v), m.subject(field));
        const double x = v.get<double>();
        if (!std::isfinite(x) || (positive && x <= 0))
            throw Error("holds " + jsonText(v) + (positive ? "; it must be positive" : "; it must be finite"), m.subject(field));
        out.push_back(static_cast<float>(x));
    }
    return out;
}

void readInput(TsmManifest& m, const FieldReader& top) {
    const FieldReader input(m, top.object("input", "the model input: name, size, channels, mean, std"), "input");
    m.inputName = input.string("name", "the ONNX graph input to feed");
    const auto& size = input.array("size", "[height, width] in pixels");
    if (size.size() != 2)
        throw Error("must be [height, width], got " + jsonText(size), m.subject("input.size"));
    m.input.height = input.positiveInt(size[0], "input.size");
    m.input.width = input.positiveInt(size[1], "input.size");
    m.input.channels = input.positiveInt(input.require("channels", "1 (grey) or 3 (RGB)"), "input.channels");
    m.input.mean = channelValues(m, input, "mean", false);
    m.input.std = channelValues(m, input, "std", true);
}

void readOutputs(TsmManifest& m, const FieldReader& top) {
    const FieldReader outputs(m, top.object("outputs", "names of the logits and features outputs"), "outputs");
    m.logitsOutput = outputs.string("logits", "the ONNX output holding class logits [N, K]");
    m.featuresOutput = outputs.string("features", "the ONNX output holding the pooled feature vector [N, F]");
    m.patchFeaturesOutput = outputs.string("patch_features", "the ONNX output holding patch features [N, P, F]", false);
}

void readLabels(TsmManifest& m, const FieldReader& top) {
    const auto& labels = top.array("labels", "the class names, in logit order");
    if (labels.empty()) throw Error("is empty", m.subject("labels"), "List the class names in logit order.");
    std::set<std::string> seen;
    for (size_t i = 0; i < labels.size(); ++i) {
        const std::string field = "labels[" + std::to_string(i) + "]";
        if (!labels[i].is_string() || labels[i].get<std::string>().empty())
            throw Error("must be a non-empty string, got " + jsonText(labels[i]), m.subject(field));
        const auto label = labels[i].get<std::string>();
        if (!seen.insert(label).second) throw Error("repeats the label \"" + label + "\"", m.subject(field));
        m.labels.push_back(label);
    }
}

}  // namespace

std::string TsmManifest::subject(const std::string& field) const {
    return field.empty() ? path.string() : path.string() + ": " + field;
}

TsmManifest TsmManifest::read(const std::filesystem::path& path) {
    TsmManifest m;
    m.path = path;
    const json doc = readJsonFile(path, "the TSM manifest");
    if (!doc.is_object()) throw Error(std::string("must be a JSON object, got ") + doc.type_name(), path.string());

    const FieldReader top(m, doc, "");
    if (top.has("format_version")) {
        m.formatVersion = top.positiveInt(doc.at("format_version"), "format_version");
        if (m.formatVersion > kFormatVersion)
            throw Error("is version " + std::to_string(m.formatVersion) + "; this VITask reads version " +
                            std::to_string(kFormatVersion),
                        m.subject("format_version"), "Update VITask Studio.");
    }
    m.name = top.string("name", "the name users select the TSM by");
    m.version = top.string("version", "the model's version, e.g. \"1.0\"");
    m.description = top.string("description", "a one-line description", false);
    m.onnx = path.parent_path() / top.string("onnx", "the .onnx file, relative to the manifest");
    readInput(m, top);
    readOutputs(m, top);
    readLabels(m, top);
    const auto activation = top.string("activation", "softmax or sigmoid", false);
    if (activation == "sigmoid") {
        m.multiLabel = true;
    } else if (!activation.empty() && activation != "softmax") {
        throw Error("must be \"softmax\" (one class per image) or \"sigmoid\" (multi-label), got \"" + activation + "\"",
                    m.subject("activation"));
    }
    for (const auto& [key, value] : doc.items()) {
        static const std::set<std::string> known{"format_version", "name", "version", "description", "onnx",
                                                 "input", "outputs", "labels", "activation"};
        if (!known.count(key)) spdlog::warn("{}: unknown field \"{}\" ignored", path.string(), key);
    }
    return m;
}

}  // namespace vitask::tsm
