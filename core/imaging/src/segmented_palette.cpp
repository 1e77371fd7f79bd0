#include "segmented_palette.h"

#include "dcmtk_support.h"
#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <spdlog/spdlog.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace vitask::imaging::detail {
namespace {

// A palette has at most 65536 entries; indirect segments that copy beyond that (or
// refer to themselves) describe no valid LUT. The segment and depth limits stop loops
// of empty or self-referring segments before they add entries.
constexpr std::size_t kMaxEntries = 65536;
constexpr std::size_t kMaxSegments = 1u << 20;
constexpr int kMaxIndirectDepth = 16;

// num / den (den > 0) rounded to the nearest integer, ties to even: the rounding pydicom's
// np.around gives linear segments, done exactly in integers.
long long roundHalfEven(long long num, long long den) {
    long long q = num / den;
    long long r = num % den;
    if (r < 0) {
        q -= 1;
        r += den;
    }
    if (2 * r > den || (2 * r == den && (q & 1) != 0)) ++q;
    return q;
}

class SegmentExpander {
public:
    SegmentExpander(const std::vector<std::uint16_t>& units, int bitsPerEntry)
        : units_(units), eightBit_(bitsPerEntry <= 8) {}

    std::vector<std::uint16_t> expand() {
        read(0, kMaxSegments, 0);
        return std::move(lut_);
    }

private:
    // Reads at most `segments` segments from unit `pos` on, appending to the LUT. A
    // trailing unit too short for a segment (a pad to the even length of OW) ends the data.
    void read(std::size_t pos, std::size_t segments, int depth) {
        for (std::size_t done = 0; done < segments && pos + 1 < units_.size(); ++done) {
            if (++segmentsRead_ > kMaxSegments) throw std::invalid_argument("too many segments (a loop of indirect segments)");
            const unsigned opcode = units_[pos];
            const std::size_t length = units_[pos + 1];
            pos += 2;
            switch (opcode) {
                case 0:  // C.7.9.2.1 discrete: `length` values follow
                    need(pos, length, "discrete");
                    lut_.insert(lut_.end(), units_.begin() + long(pos), units_.begin() + long(pos + length));
                    pos += length;
                    break;
                case 1: {  // C.7.9.2.2 linear: from the previous entry to the value that follows
                    need(pos, 1, "linear");
                    if (lut_.empty()) throw std::invalid_argument("the first segment is linear (no value to start from)");
                    const long long y0 = lut_.back();
                    const long long y1 = units_[pos++];
                    const auto steps = static_cast<long long>(length);
                    for (long long i = 1; i <= steps; ++i) {
                        lut_.push_back(static_cast<std::uint16_t>(y0 + roundHalfEven((y1 - y0) * i, steps)));
                    }
                    break;
                }
                case 2: {  // C.7.9.2.3 indirect: copy `length` segments found at a byte offset
                    if (lut_.empty()) throw std::invalid_argument("the first segment is indirect");
                    // A 32-bit byte offset, least significant 16 bits first: two units of
                    // 16-bit data, four (little endian) of 8-bit data.
                    const std::size_t offsetUnits = eightBit_ ? 4 : 2;
                    need(pos, offsetUnits, "indirect");
                    std::uint32_t byteOffset = 0;
                    for (std::size_t i = offsetUnits; i-- > 0;) byteOffset = (byteOffset << (eightBit_ ? 8 : 16)) | units_[pos + i];
                    pos += offsetUnits;
                    if (depth >= kMaxIndirectDepth) throw std::invalid_argument("indirect segments nest too deeply (a loop)");
                    const std::size_t target = eightBit_ ? byteOffset : byteOffset / 2;
                    if (target >= units_.size()) throw std::invalid_argument("an indirect segment points past the data");
                    read(target, length, depth + 1);
                    break;
                }
                default:
                    throw std::invalid_argument("unknown segment type " + std::to_string(opcode));
            }
            if (lut_.size() > kMaxEntries) throw std::invalid_argument("the segments expand to more than 65536 entries");
        }
    }

    void need(std::size_t pos, std::size_t count, const char* segment) const {
        if (pos + count > units_.size()) {
            throw std::invalid_argument(std::string("a ") + segment + " segment runs past the end of the data");
        }
    }

    const std::vector<std::uint16_t>& units_;
    const bool eightBit_;
    std::vector<std::uint16_t> lut_;
    std::size_t segmentsRead_ = 0;
};

struct Channel {
    const char* name;
    DcmTagKey descriptor, segmented, normal;
};

const std::array<Channel, 3> kChannels{{
    {"Red", DCM_RedPaletteColorLookupTableDescriptor, DCM_SegmentedRedPaletteColorLookupTableData,
     DCM_RedPaletteColorLookupTableData},
    {"Green", DCM_GreenPaletteColorLookupTableDescriptor, DCM_SegmentedGreenPaletteColorLookupTableData,
     DCM_GreenPaletteColorLookupTableData},
    {"Blue", DCM_BluePaletteColorLookupTableDescriptor, DCM_SegmentedBluePaletteColorLookupTableData,
     DCM_BluePaletteColorLookupTableData},
}};

}  // namespace

void expandSegmentedPalette(DcmDataset& ds, const std::string& file) {
    for (const Channel& channel : kChannels) {
        if (!ds.tagExists(channel.segmented) || ds.tagExists(channel.normal)) return;
    }
    for (const Channel& channel : kChannels) {
        const std::string what = std::string("Segmented ") + channel.name + " Palette Color Lookup Table Data";
        auto fail = [&](const std::string& why) {
            return Error(what + ": " + why, file, "The palette is malformed; ask the file's sender for a corrected copy.");
        };
        const auto descriptor = getLutDescriptor(ds, channel.descriptor);
        if (!descriptor) throw fail("its LUT Descriptor does not hold 3 values");
        const std::size_t entries = (*descriptor)[0] == 0 ? kMaxEntries : (*descriptor)[0];
        const int bits = (*descriptor)[2];
        if (bits != 8 && bits != 16) throw fail("bits per entry must be 8 or 16, not " + std::to_string(bits));

        DcmElement* element = nullptr;
        Uint16* words = nullptr;
        if (ds.findAndGetElement(channel.segmented, element).bad() || element == nullptr ||
            element->getUint16Array(words).bad() || words == nullptr) {
            throw fail("unreadable (expected OW data)");
        }
        // DCMTK holds OW in host order; 8-bit units are the bytes of each word, low first.
        const std::size_t wordCount = element->getLength() / 2;
        std::vector<std::uint16_t> units;
        units.reserve(bits == 8 ? wordCount * 2 : wordCount);
        for (std::size_t i = 0; i < wordCount; ++i) {
            if (bits == 8) {
                units.push_back(words[i] & 0xff);
                units.push_back(words[i] >> 8);
            } else {
                units.push_back(words[i]);
            }
        }
        std::vector<std::uint16_t> lut;
        try {
            lut = SegmentExpander(units, bits).expand();
        } catch (const std::invalid_argument& e) {
            throw fail(e.what());
        }
        if (lut.size() < entries) {
            throw fail("expands to " + std::to_string(lut.size()) + " entries, the descriptor says " +
                       std::to_string(entries));
        }
        if (lut.size() > entries) {
            // No stored value reaches the surplus entries (indices clip to the last one).
            spdlog::warn("{}: {} expands to {} entries, {} used", file, what, lut.size(), entries);
            lut.resize(entries);
        }
        if (ds.putAndInsertUint16Array(channel.normal, lut.data(), static_cast<unsigned long>(lut.size())).bad()) {
            throw fail("the expanded table could not be stored");
        }
        ds.findAndDeleteElement(channel.segmented);
    }
}

}  // namespace vitask::imaging::detail
