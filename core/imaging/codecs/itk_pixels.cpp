#include "itk_pixels.h"

#include "vitask/common/error.h"

#include <itkImageIOBase.h>

#include <cstdint>
#include <cstring>

namespace vitask::imaging::detail {
namespace {

template <typename T>
void convert(const std::vector<char>& raw, std::vector<float>& out) {
    const std::size_t count = raw.size() / sizeof(T);
    out.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        T value;
        std::memcpy(&value, raw.data() + i * sizeof(T), sizeof(T));
        out[i] = static_cast<float>(value);
    }
}

}  // namespace

std::vector<float> readItkPixels(itk::ImageIOBase& io) {
    // Without an explicit region some IOs (NIfTI) read nothing: ask for all of it.
    const unsigned dimensions = io.GetNumberOfDimensions();
    itk::ImageIORegion region(dimensions);
    for (unsigned d = 0; d < dimensions; ++d) {
        region.SetIndex(d, 0);
        region.SetSize(d, io.GetDimensions(d));
    }
    io.SetIORegion(region);

    std::vector<char> raw(io.GetImageSizeInBytes());
    io.Read(raw.data());
    std::vector<float> out;
    using C = itk::IOComponentEnum;
    switch (io.GetComponentType()) {
        case C::UCHAR: convert<std::uint8_t>(raw, out); break;
        case C::CHAR: convert<std::int8_t>(raw, out); break;
        case C::USHORT: convert<std::uint16_t>(raw, out); break;
        case C::SHORT: convert<std::int16_t>(raw, out); break;
        case C::UINT: convert<std::uint32_t>(raw, out); break;
        case C::INT: convert<std::int32_t>(raw, out); break;
        case C::ULONG: convert<unsigned long>(raw, out); break;
        case C::LONG: convert<long>(raw, out); break;
        case C::ULONGLONG: convert<unsigned long long>(raw, out); break;
        case C::LONGLONG: convert<long long>(raw, out); break;
        case C::FLOAT: convert<float>(raw, out); break;
        case C::DOUBLE: convert<double>(raw, out); break;
        default:
            throw Error("unsupported pixel component type " +
                            itk::ImageIOBase::GetComponentTypeAsString(io.GetComponentType()),
                        io.GetFileName(), "Convert the image to an integer or float type.");
    }
    return out;
}

}  // namespace vitask::imaging::detail
