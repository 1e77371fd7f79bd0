#pragma once
// Reading and writing the safetensors format (https://github.com/huggingface/safetensors):
// an 8-byte little-endian header length, a JSON header {name: {dtype, shape,
// data_offsets}, "__metadata__": {...}}, then raw little-endian tensor data.
//
// Reading memory-maps the file(s): opening a 14 GB checkpoint costs nothing until a
// tensor is used, and tensors come back as CPU views of the mapping (copied only when
// the data is misaligned for its type).

#include <torch/torch.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vitask::model {

struct TensorEntry {
    std::string name;
    torch::ScalarType dtype;          // F32, F16, BF16, F64, I64, I32, I16, I8, U8, BOOL
    std::vector<int64_t> shape;
    std::filesystem::path file;       // the shard holding it
};

class SafetensorsReader {
public:
    // `path` is a .safetensors file, a `model.safetensors.index.json` (sharded), or a
    // folder holding either. Throws vitask::Error naming the file for anything that is
    // not valid safetensors (truncated file, bad header JSON, offsets out of range,
    // overlapping tensors, unknown dtype, missing shard).
    static SafetensorsReader open(const std::filesystem::path& path);

    std::vector<std::string> names() const;                 // sorted
    bool contains(const std::string& name) const;
    const TensorEntry& entry(const std::string& name) const;  // throws naming `name`
    // The tensor, in its stored dtype, as a CPU tensor sharing the mapping (read-only:
    // clone before writing into it). Throws vitask::Error naming a missing tensor.
    torch::Tensor tensor(const std::string& name) const;
    const std::map<std::string, std::string>& metadata() const;  // "__metadata__" of the first file

    SafetensorsReader(SafetensorsReader&&) noexcept;
    SafetensorsReader& operator=(SafetensorsReader&&) noexcept;
    ~SafetensorsReader();

private:
    struct Impl;
    explicit SafetensorsReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Writes tensors (any device; contiguous copies are made as needed) to `path`
// atomically: a temporary file in the same folder, fsync, then rename, so a crash never
// leaves a half-written checkpoint. Names must be unique. Throws vitask::Error on I/O
// failure, naming the file.
void writeSafetensors(const std::filesystem::path& path,
                      const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

}  // namespace vitask::model
