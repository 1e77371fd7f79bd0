#include "vitask/model/safetensors.h"

#include "vitask/common/input_file.h"
#include "vitask/common/json_file.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <set>

// safetensors stores little-endian data and we hand out views of the mapping as-is.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "safetensors I/O assumes a little-endian host");

namespace vitask::model {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr const char* kIndexFileName = "model.safetensors.index.json";
constexpr const char* kSingleFileName = "model.safetensors";
constexpr const char* kMetadataKey = "__metadata__";
// The reference implementation refuses headers above 100 MB; a larger length field is
// corruption, not a real header, and must not make us parse gigabytes.
constexpr uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;
constexpr const char* kReexport =
    "The file is damaged or not a safetensors file; download or export it again.";

struct DtypeName {
    const char* name;
    torch::ScalarType dtype;
};

constexpr DtypeName kDtypes[] = {
    {"F64", torch::kFloat64}, {"F32", torch::kFloat32}, {"F16", torch::kFloat16},
    {"BF16", torch::kBFloat16}, {"I64", torch::kInt64},  {"I32", torch::kInt32},
    {"I16", torch::kInt16},    {"I8", torch::kInt8},     {"U8", torch::kUInt8},
    {"BOOL", torch::kBool},
};

std::string supportedDtypeList() {
    std::string list;
    for (const auto& d : kDtypes) list += (list.empty() ? "" : ", ") + std::string(d.name);
    return list;
}

std::optional<torch::ScalarType> dtypeFromName(const std::string& name) {
    for (const auto& d : kDtypes)
        if (name == d.name) return d.dtype;
    return std::nullopt;
}

std::string dtypeName(torch::ScalarType dtype, const std::string& subject) {
    for (const auto& d : kDtypes)
        if (dtype == d.dtype) return d.name;
    throw Error(std::string("dtype ") + c10::toString(dtype) + " cannot be stored in safetensors",
                subject, "Convert the tensor to one of " + supportedDtypeList() + ".");
}

std::string systemError(const std::string& what) {
    return what + " (" + std::strerror(errno) + ")";
}

// A read-only memory map of a whole file, unmapped when the last tensor viewing it dies.
class Mapping {
public:
    static std::shared_ptr<Mapping> open(const fs::path& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw Error(systemError("cannot open the file"), path.string(),
                                "Check that the file exists and is readable.");
        struct stat info {};
        if (::fstat(fd, &info) != 0) {
            const std::string message = systemError("cannot read the file size");
            ::close(fd);
            throw Error(message, path.string());
        }
        const auto size = static_cast<size_t>(info.st_size);
        void* data = nullptr;
        // mmap rejects a zero length; an empty file is reported as too short later.
        if (size > 0) {
            data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
            if (data == MAP_FAILED) {
                const std::string message = systemError("cannot memory-map the file");
                ::close(fd);
                throw Error(message, path.string());
            }
        }
        ::close(fd);  // the mapping stays valid without the descriptor
        return std::shared_ptr<Mapping>(new Mapping(static_cast<const uint8_t*>(data), size));
    }

    ~Mapping() {
        if (data_) ::munmap(const_cast<uint8_t*>(data_), size_);
    }
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;

    const uint8_t* data() const { return data_; }
    size_t size() const { return size_; }

private:
    Mapping(const uint8_t* data, size_t size) : data_(data), size_(size) {}
    const uint8_t* data_;
    size_t size_;
};

struct StoredTensor {
    TensorEntry entry;
    std::shared_ptr<Mapping> mapping;
    size_t begin = 0;  // absolute byte offsets into the mapping
    size_t end = 0;
};

// One parsed .safetensors file.
struct ParsedFile {
    std::map<std::string, StoredTensor> tensors;
    std::map<std::string, std::string> metadata;
};

uint64_t readLittleEndian64(const uint8_t* bytes) {
    uint64_t value = 0;
    for (int i = 7; i >= 0; --i) value = (value << 8) | bytes[i];
    return value;
}

std::map<std::string, std::string> parseMetadata(const json& value, const std::string& file) {
    const std::string subject = file + ": " + kMetadataKey;
    if (!value.is_object()) throw Error("metadata is not a JSON object", subject, kReexport);
    std::map<std::string, std::string> metadata;
    for (const auto& [key, item] : value.items()) {
        if (!item.is_string())
            throw Error("metadata value '" + key + "' is not a string", subject, kReexport);
        metadata[key] = item.get<std::string>();
    }
    return metadata;
}

std::vector<int64_t> parseShape(const json& value, const std::string& subject) {
    if (!value.is_array()) throw Error("\"shape\" is not a list", subject, kReexport);
    std::vector<int64_t> shape;
    for (const auto& dim : value) {
        if (!dim.is_number_unsigned())
            throw Error("\"shape\" holds a value that is not a non-negative integer", subject,
                        kReexport);
        shape.push_back(static_cast<int64_t>(dim.get<uint64_t>()));
    }
    return shape;
}

// Byte count of a tensor, or nullopt when it overflows (a corrupt shape).
std::optional<uint64_t> byteSize(const std::vector<int64_t>& shape, size_t itemSize) {
    uint64_t bytes = itemSize;
    for (const int64_t dim : shape) {
        const auto d = static_cast<uint64_t>(dim);
        if (d != 0 && bytes > UINT64_MAX / d) return std::nullopt;
        bytes *= d;
    }
    return bytes;
}

StoredTensor parseTensor(const std::string& name, const json& value, const std::string& file,
                         uint64_t dataSize) {
    const std::string subject = file + ": " + name;
    if (!value.is_object()) throw Error("tensor entry is not a JSON object", subject, kReexport);
    const auto dtypeIt = value.find("dtype");
    if (dtypeIt == value.end() || !dtypeIt->is_string())
        throw Error("\"dtype\" is missing or not a string", subject, kReexport);
    const auto dtype = dtypeFromName(dtypeIt->get<std::string>());
    if (!dtype)
        throw Error("unknown dtype \"" + dtypeIt->get<std::string>() + "\"", subject,
                    "Supported dtypes are " + supportedDtypeList() +
                        "; convert the checkpoint to one of them.");
    const auto shapeIt = value.find("shape");
    if (shapeIt == value.end()) throw Error("\"shape\" is missing", subject, kReexport);
    std::vector<int64_t> shape = parseShape(*shapeIt, subject);

    const auto offsetsIt = value.find("data_offsets");
    if (offsetsIt == value.end() || !offsetsIt->is_array() || offsetsIt->size() != 2 ||
        !(*offsetsIt)[0].is_number_unsigned() || !(*offsetsIt)[1].is_number_unsigned())
        throw Error("\"data_offsets\" is not a pair of non-negative integers", subject, kReexport);
    const auto begin = (*offsetsIt)[0].get<uint64_t>();
    const auto end = (*offsetsIt)[1].get<uint64_t>();
    const std::string offsets =
        "data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) + "]";
    if (begin > end) throw Error(offsets + " end before they begin", subject, kReexport);
    if (end > dataSize)
        throw Error(offsets + " reach beyond the " + std::to_string(dataSize) +
                        " data bytes in the file (truncated file?)",
                    subject, kReexport);
    const auto expected = byteSize(shape, c10::elementSize(*dtype));
    if (!expected || *expected != end - begin)
        throw Error("data_offsets span " + std::to_string(end - begin) +
                        " bytes but the shape and dtype need " +
                        (expected ? std::to_string(*expected)
                                  : std::string("an overflowing count of")),
                    subject, kReexport);

    StoredTensor tensor;
    tensor.entry = TensorEntry{name, *dtype, std::move(shape), fs::path(file)};
    tensor.begin = static_cast<size_t>(begin);
    tensor.end = static_cast<size_t>(end);
    return tensor;
}

void rejectOverlaps(const std::map<std::string, StoredTensor>& tensors, const std::string& file) {
    std::vector<const StoredTensor*> byOffset;
    for (const auto& [name, tensor] : tensors) byOffset.push_back(&tensor);
    std::sort(byOffset.begin(), byOffset.end(), [](const auto* a, const auto* b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    for (size_t i = 1; i < byOffset.size(); ++i) {
        const StoredTensor& previous = *byOffset[i - 1];
        const StoredTensor& current = *byOffset[i];
        // Empty tensors occupy no bytes and cannot overlap anything.
        if (current.begin == current.end || previous.begin == previous.end) continue;
        if (current.begin < previous.end)
            throw Error("data of tensors '" + previous.entry.name + "' and '" +
                            current.entry.name + "' overlap",
                        file, kReexport);
    }
}

ParsedFile parseFile(const fs::path& path) {
    const std::string file = path.string();
    auto mapping = Mapping::open(path);
    if (mapping->size() < 8)
        throw Error("file is too short to hold a safetensors header (" +
                        std::to_string(mapping->size()) + " bytes)",
                    file, kReexport);
    const uint64_t headerSize = readLittleEndian64(mapping->data());
    if (headerSize > mapping->size() - 8 || headerSize > kMaxHeaderBytes)
        throw Error("header length " + std::to_string(headerSize) +
                        " is larger than the file allows (" + std::to_string(mapping->size()) +
                        " bytes)",
                    file, kReexport);

    const auto* headerBegin = reinterpret_cast<const char*>(mapping->data() + 8);
    const json header = json::parse(headerBegin, headerBegin + headerSize, nullptr, false);
    if (header.is_discarded()) throw Error("header is not valid JSON", file, kReexport);
    if (!header.is_object()) throw Error("header is not a JSON object", file, kReexport);

    const size_t dataStart = 8 + static_cast<size_t>(headerSize);
    const uint64_t dataSize = mapping->size() - dataStart;
    ParsedFile parsed;
    for (const auto& [name, value] : header.items()) {
        if (name == kMetadataKey) {
            parsed.metadata = parseMetadata(value, file);
            continue;
        }
        StoredTensor tensor = parseTensor(name, value, file, dataSize);
        tensor.mapping = mapping;
        tensor.begin += dataStart;
        tensor.end += dataStart;
        parsed.tensors.emplace(name, std::move(tensor));
    }
    rejectOverlaps(parsed.tensors, file);
    return parsed;
}

// weight_map of a sharded checkpoint's index: tensor name -> shard path.
std::map<std::string, fs::path> readWeightMap(const fs::path& indexPath) {
    const std::string file = indexPath.string();
    std::ifstream stream = openInputFile(indexPath, "the index file");
    const json index = json::parse(stream, nullptr, false);
    if (index.is_discarded() || !index.is_object())
        throw Error("index is not a valid JSON object", file, kReexport);
    const auto weightMap = index.find("weight_map");
    if (weightMap == index.end() || !weightMap->is_object())
        throw Error("\"weight_map\" is missing or not an object", file, kReexport);
    std::map<std::string, fs::path> shards;
    for (const auto& [name, shard] : weightMap->items()) {
        if (!shard.is_string())
            throw Error("weight_map entry '" + name + "' is not a file name", file, kReexport);
        shards[name] = indexPath.parent_path() / shard.get<std::string>();
    }
    return shards;
}

ParsedFile parseSharded(const fs::path& indexPath) {
    const auto weightMap = readWeightMap(indexPath);
    std::set<fs::path> shardPaths;
    for (const auto& [name, shard] : weightMap) shardPaths.insert(shard);

    std::map<fs::path, ParsedFile> shards;
    for (const auto& shard : shardPaths) {
        if (!fs::exists(shard))
            throw Error("shard file '" + shard.filename().string() +
                            "' listed in the index does not exist",
                        shard.string(), "Download the missing shard next to the index.");
        shards.emplace(shard, parseFile(shard));
    }

    ParsedFile merged;
    // "first file" = first shard in name order, so the choice does not depend on the map.
    if (!shards.empty()) merged.metadata = shards.begin()->second.metadata;
    for (const auto& [name, shard] : weightMap) {
        auto& tensors = shards.at(shard).tensors;
        const auto found = tensors.find(name);
        if (found == tensors.end())
            throw Error("tensor '" + name + "' is listed in the index but not stored in the shard",
                        shard.string(), kReexport);
        merged.tensors.emplace(name, found->second);
    }
    return merged;
}

fs::path resolveFolder(const fs::path& folder) {
    if (fs::exists(folder / kSingleFileName)) return folder / kSingleFileName;
    if (fs::exists(folder / kIndexFileName)) return folder / kIndexFileName;
    throw Error(std::string("folder holds neither ") + kSingleFileName + " nor " + kIndexFileName,
                folder.string(), "Point to the checkpoint file or to the folder that holds it.");
}

}  // namespace

struct SafetensorsReader::Impl {
    std::map<std::string, StoredTensor> tensors;
    std::map<std::string, std::string> metadata;

    const StoredTensor& find(const std::string& name) const {
        const auto found = tensors.find(name);
        if (found == tensors.end())
            throw Error("tensor is not in the checkpoint", name,
                        "Check that the checkpoint matches the model architecture.");
        return found->second;
    }
};

SafetensorsReader::SafetensorsReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SafetensorsReader::SafetensorsReader(SafetensorsReader&&) noexcept = default;
SafetensorsReader& SafetensorsReader::operator=(SafetensorsReader&&) noexcept = default;
SafetensorsReader::~SafetensorsReader() = default;

SafetensorsReader SafetensorsReader::open(const fs::path& path) {
    if (!fs::exists(path))
        throw Error("checkpoint does not exist", path.string(), "Check the path.");
    const fs::path file = fs::is_directory(path) ? resolveFolder(path) : path;
    // Any *.json is read as a shard index (the usual name is model.safetensors.index.json).
    ParsedFile parsed = file.extension() == ".json" ? parseSharded(file) : parseFile(file);
    auto impl = std::make_unique<Impl>();
    impl->tensors = std::move(parsed.tensors);
    impl->metadata = std::move(parsed.metadata);
    return SafetensorsReader(std::move(impl));
}

std::vector<std::string> SafetensorsReader::names() const {
    std::vector<std::string> names;
    names.reserve(impl_->tensors.size());
    for (const auto& [name, tensor] : impl_->tensors) names.push_back(name);
    return names;
}

bool SafetensorsReader::contains(const std::string& name) const {
    return impl_->tensors.count(name) > 0;
}

const TensorEntry& SafetensorsReader::entry(const std::string& name) const {
    return impl_->find(name).entry;
}

torch::Tensor SafetensorsReader::tensor(const std::string& name) const {
    const StoredTensor& stored = impl_->find(name);
    const auto options = torch::TensorOptions().dtype(stored.entry.dtype).device(torch::kCPU);
    const auto& shape = stored.entry.shape;
    if (stored.begin == stored.end) return torch::empty(shape, options);

    const uint8_t* data = stored.mapping->data() + stored.begin;
    const size_t itemSize = c10::elementSize(stored.entry.dtype);
    if (reinterpret_cast<uintptr_t>(data) % itemSize != 0) {
        // Unaligned loads are undefined for most types; copy into an aligned buffer.
        torch::Tensor copy = torch::empty(shape, options);
        std::memcpy(copy.data_ptr(), data, stored.end - stored.begin);
        return copy;
    }
    // The deleter owns a reference to the mapping so the view outlives this reader.
    std::shared_ptr<Mapping> keepAlive = stored.mapping;
    return torch::from_blob(const_cast<uint8_t*>(data), shape,
                            [keepAlive](void*) mutable { keepAlive.reset(); }, options);
}

const std::map<std::string, std::string>& SafetensorsReader::metadata() const {
    return impl_->metadata;
}

namespace {

struct PlannedTensor {
    const torch::Tensor* tensor;
    uint64_t begin;
    uint64_t end;
};

// Validates names and dtypes and lays the tensors out in name order, all before any
// file is touched, so a bad call never leaves a partial file behind.
std::map<std::string, PlannedTensor> planLayout(
    const fs::path& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors) {
    std::map<std::string, PlannedTensor> plan;
    for (const auto& [name, tensor] : tensors) {
        const std::string subject = path.string() + ": " + name;
        if (name.empty() || name == kMetadataKey)
            throw Error("invalid tensor name", subject, "Give every tensor a regular name.");
        if (!tensor.defined()) throw Error("tensor is undefined", subject);
        dtypeName(tensor.scalar_type(), subject);
        if (!plan.emplace(name, PlannedTensor{&tensor, 0, 0}).second)
            throw Error("tensor name is used twice", subject, "Give every tensor a unique name.");
    }
    uint64_t offset = 0;
    for (auto& [name, planned] : plan) {
        planned.begin = offset;
        offset += static_cast<uint64_t>(planned.tensor->numel()) * planned.tensor->element_size();
        planned.end = offset;
    }
    return plan;
}

std::string headerBytes(const fs::path& path, const std::map<std::string, PlannedTensor>& plan,
                        const std::map<std::string, std::string>& metadata) {
    json header = json::object();  // std::map-backed: keys come out sorted
    if (!metadata.empty()) header[kMetadataKey] = metadata;
    for (const auto& [name, planned] : plan) {
        header[name] = {
            {"dtype", dtypeName(planned.tensor->scalar_type(), path.string() + ": " + name)},
            {"shape", planned.tensor->sizes().vec()},
            {"data_offsets", {planned.begin, planned.end}},
        };
    }
    std::string text = jsonText(header);
    // Pad with spaces (allowed by the spec) so the data starts 8-byte aligned, which lets
    // readers hand out zero-copy views for every dtype.
    text.append((8 - text.size() % 8) % 8, ' ');
    return text;
}

}  // namespace

void writeSafetensors(const fs::path& path,
                      const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata) {
    const auto plan = planLayout(path, tensors);
    const std::string header = headerBytes(path, plan, metadata);

    AtomicFile file(path);
    uint8_t length[8];
    for (int i = 0; i < 8; ++i)
        length[i] = static_cast<uint8_t>(uint64_t(header.size()) >> (8 * i));
    file.write(length, sizeof length);
    file.write(header);
    // One tensor at a time, so a device or strided tensor costs one extra copy at most.
    for (const auto& [name, planned] : plan) {
        const torch::Tensor data = planned.tensor->to(torch::kCPU).contiguous();
        file.write(data.data_ptr(), planned.end - planned.begin);
    }
    file.commit();
}

}  // namespace vitask::model
