#include "sentencepiece_model_reader.h"

#include "vitask/common/input_file.h"

#include "vitask/common/error.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <string_view>

namespace vitask::model {
namespace {

const char* const kRemedy =
    "Copy the tokenizer.model of the checkpoint again (it must be the SentencePiece "
    "model the checkpoint was published with).";

// Protobuf wire types (https://protobuf.dev/programming-guides/encoding/).
enum class WireType : uint32_t {
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
};

// Sequential reader of one protobuf message. Every read is bounds-checked: a truncated
// or corrupt file must end in a vitask::Error, never in a read past the buffer.
class WireReader {
public:
    WireReader(std::string_view data, size_t fileOffset, const std::filesystem::path& file)
        : data_(data), fileOffset_(fileOffset), file_(file) {}

    bool atEnd() const { return position_ == data_.size(); }

    // Reads the next tag and returns its field number; the value must be read (or
    // skipped) before the next call.
    uint32_t nextField() {
        const uint64_t tag = varint();
        const uint64_t field = tag >> 3;
        wireType_ = static_cast<WireType>(tag & 7);
        if (field == 0 || field > 0x1FFFFFFF) fail("invalid field number");
        return static_cast<uint32_t>(field);
    }

    bool readBool() { return readVarint() != 0; }

    // int32 and enum fields: negative values are sign-extended to 10-byte varints.
    int32_t readInt32() { return static_cast<int32_t>(static_cast<uint32_t>(readVarint())); }

    float readFloat() {
        expect(WireType::Fixed32);
        const std::string_view bytes = take(4);
        // The wire format is little-endian whatever the host's byte order.
        uint32_t bits = 0;
        for (int i = 3; i >= 0; --i) bits = (bits << 8) | static_cast<uint8_t>(bytes[i]);
        float value = 0.0F;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }

    std::string readString() { return std::string(readBytes()); }

    WireReader readMessage() {
        const std::string_view bytes = readBytes();
        return WireReader(bytes, fileOffset_ + position_ - bytes.size(), file_);
    }

    void skipValue() {
        switch (wireType_) {
        case WireType::Varint: varint(); break;
        case WireType::Fixed64: take(8); break;
        case WireType::LengthDelimited: readBytes(); break;
        case WireType::Fixed32: take(4); break;
        default: fail("unsupported wire type " + std::to_string(static_cast<uint32_t>(wireType_)));
        }
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw Error("not a valid SentencePiece model (truncated or corrupt: " + what + " at byte " +
                        std::to_string(fileOffset_ + position_) + ")",
                    file_.string(), kRemedy);
    }

private:
    uint64_t readVarint() {
        expect(WireType::Varint);
        return varint();
    }

    std::string_view readBytes() {
        expect(WireType::LengthDelimited);
        const uint64_t length = varint();
        if (length > data_.size() - position_) fail("field length runs past the end");
        return take(static_cast<size_t>(length));
    }

    uint64_t varint() {
        uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (atEnd()) fail("value runs past the end");
            const auto byte = static_cast<uint8_t>(data_[position_++]);
            value |= static_cast<uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) return value;
        }
        fail("varint longer than 10 bytes");
    }

    std::string_view take(size_t count) {
        if (count > data_.size() - position_) fail("value runs past the end");
        const std::string_view bytes = data_.substr(position_, count);
        position_ += count;
        return bytes;
    }

    void expect(WireType type) const {
        if (wireType_ != type) fail("unexpected wire type for a known field");
    }

    std::string_view data_;
    size_t fileOffset_;
    const std::filesystem::path& file_;
    size_t position_ = 0;
    WireType wireType_ = WireType::Varint;
};

PieceType readPieceType(WireReader& reader) {
    const int32_t value = reader.readInt32();
    if (value < static_cast<int32_t>(PieceType::Normal) ||
        value > static_cast<int32_t>(PieceType::Byte))
        reader.fail("unknown piece type " + std::to_string(value));
    return static_cast<PieceType>(value);
}

SentencePiece readPiece(WireReader reader) {
    SentencePiece piece;
    while (!reader.atEnd()) {
        switch (reader.nextField()) {
        case 1: piece.text = reader.readString(); break;
        case 2: piece.score = reader.readFloat(); break;
        case 3: piece.type = readPieceType(reader); break;
        default: reader.skipValue();
        }
    }
    return piece;
}

void readTrainerSpec(WireReader reader, SentencePieceModelProto& model) {
    model.hasTrainerSpec = true;
    while (!reader.atEnd()) {
        switch (reader.nextField()) {
        case 3: model.modelType = reader.readInt32(); break;
        case 24: model.treatWhitespaceAsSuffix = reader.readBool(); break;
        case 35: model.byteFallback = reader.readBool(); break;
        case 44: model.unkSurface = reader.readString(); break;
        case 46: model.bosPiece = reader.readString(); break;
        case 47: model.eosPiece = reader.readString(); break;
        default: reader.skipValue();
        }
    }
}

void readNormalizerSpec(WireReader reader, SentencePieceModelProto& model) {
    model.hasNormalizerSpec = true;
    while (!reader.atEnd()) {
        switch (reader.nextField()) {
        case 1: model.normalizerName = reader.readString(); break;
        case 2: model.precompiledCharsmap = reader.readString(); break;
        case 3: model.addDummyPrefix = reader.readBool(); break;
        case 4: model.removeExtraWhitespaces = reader.readBool(); break;
        case 5: model.escapeWhitespaces = reader.readBool(); break;
        default: reader.skipValue();
        }
    }
}

void readDenormalizerSpec(WireReader reader, SentencePieceModelProto& model) {
    while (!reader.atEnd()) {
        if (reader.nextField() == 2)
            model.denormalizerCharsmap = reader.readString();
        else
            reader.skipValue();
    }
}

std::string readFile(const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error))
        throw Error("file not found", file.string(),
                    "The model folder must contain the checkpoint's tokenizer.model.");
    std::ifstream stream = openInputFile(file, "the tokenizer model", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    if (stream.bad() || !stream.is_open())
        throw Error("cannot be read", file.string(), "Check the file's permissions.");
    return bytes;
}

}  // namespace

SentencePieceModelProto readSentencePieceModel(const std::filesystem::path& file) {
    const std::string bytes = readFile(file);
    SentencePieceModelProto model;
    WireReader reader(bytes, 0, file);
    while (!reader.atEnd()) {
        switch (reader.nextField()) {
        case 1: model.pieces.push_back(readPiece(reader.readMessage())); break;
        case 2: readTrainerSpec(reader.readMessage(), model); break;
        case 3: readNormalizerSpec(reader.readMessage(), model); break;
        case 5: readDenormalizerSpec(reader.readMessage(), model); break;
        default: reader.skipValue();
        }
    }
    return model;
}

}  // namespace vitask::model
