#include "nifti_header.h"

#include <cmath>
#include <cstring>

namespace vitask::imaging::detail {
namespace {

template <typename T>
void put(std::array<unsigned char, 352>& bytes, std::size_t offset, T value) {
    std::memcpy(bytes.data() + offset, &value, sizeof value);
}

}  // namespace

std::array<unsigned char, 352> niftiHeader(const Volume& volume, std::int16_t datatype, double slope, double intercept) {
    std::array<unsigned char, 352> h{};
    const bool fourD = volume.dims[3] > 1;
    put<std::int32_t>(h, 0, 348);                       // sizeof_hdr
    h[38] = 'r';                                        // regular
    put<std::int16_t>(h, 40, fourD ? 4 : 3);           // dim[0]
    for (int d = 0; d < 4; ++d) put<std::int16_t>(h, 42 + 2 * d, static_cast<std::int16_t>(d < 3 || fourD ? volume.dims[d] : 1));
    for (int d = 4; d < 7; ++d) put<std::int16_t>(h, 42 + 2 * d, 1);
    put<std::int16_t>(h, 70, datatype);
    put<std::int16_t>(h, 72, datatype == kNiftiFloat32 ? 32 : 16);  // bitpix
    put<float>(h, 108, 352.0f);                         // vox_offset
    put<float>(h, 112, static_cast<float>(slope));      // scl_slope
    put<float>(h, 116, static_cast<float>(intercept));  // scl_inter
    h[123] = 2 | 8;                                     // xyzt_units: mm, s
    std::memcpy(h.data() + 148, "VITask", 6);           // descrip
    put<std::int16_t>(h, 252, 1);                       // qform_code: scanner anatomical
    put<std::int16_t>(h, 254, 1);                       // sform_code

    // RAS from LPS: x and y change sign. Column j of r is axis j's direction.
    double r[3][3];
    for (int row = 0; row < 3; ++row)
        for (int column = 0; column < 3; ++column)
            r[row][column] = (row < 2 ? -1.0 : 1.0) * volume.direction[static_cast<std::size_t>(row * 3 + column)];
    const double origin[3] = {-volume.origin[0], -volume.origin[1], volume.origin[2]};
    for (int row = 0; row < 3; ++row) {
        for (int column = 0; column < 3; ++column)
            put<float>(h, 280 + 16 * row + 4 * column, static_cast<float>(r[row][column] * volume.spacing[column]));
        put<float>(h, 280 + 16 * row + 12, static_cast<float>(origin[row]));
    }

    // The quaternion of the rotation; a left-handed frame flips the third axis (qfac -1).
    const double determinant = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) -
                               r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0]) +
                               r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
    const float qfac = determinant < 0 ? -1.0f : 1.0f;
    if (determinant < 0)
        for (auto& row : r) row[2] = -row[2];
    double a = r[0][0] + r[1][1] + r[2][2] + 1.0, b, c, d;
    if (a > 0.5) {
        a = 0.5 * std::sqrt(a);
        b = 0.25 * (r[2][1] - r[1][2]) / a;
        c = 0.25 * (r[0][2] - r[2][0]) / a;
        d = 0.25 * (r[1][0] - r[0][1]) / a;
    } else {
        const double xd = 1.0 + r[0][0] - (r[1][1] + r[2][2]);
        const double yd = 1.0 + r[1][1] - (r[0][0] + r[2][2]);
        const double zd = 1.0 + r[2][2] - (r[0][0] + r[1][1]);
        if (xd > 1.0) {
            b = 0.5 * std::sqrt(xd);
            c = 0.25 * (r[0][1] + r[1][0]) / b;
            d = 0.25 * (r[0][2] + r[2][0]) / b;
            a = 0.25 * (r[2][1] - r[1][2]) / b;
        } else if (yd > 1.0) {
            c = 0.5 * std::sqrt(yd);
            b = 0.25 * (r[0][1] + r[1][0]) / c;
            d = 0.25 * (r[1][2] + r[2][1]) / c;
            a = 0.25 * (r[0][2] - r[2][0]) / c;
        } else {
            d = 0.5 * std::sqrt(zd);
            b = 0.25 * (r[0][2] + r[2][0]) / d;
            c = 0.25 * (r[1][2] + r[2][1]) / d;
            a = 0.25 * (r[1][0] - r[0][1]) / d;
        }
        if (a < 0.0) b = -b, c = -c, d = -d;
    }
    put<float>(h, 76, qfac);  // pixdim[0]
    for (int axis = 0; axis < 3; ++axis) put<float>(h, 80 + 4 * axis, static_cast<float>(volume.spacing[axis]));
    put<float>(h, 92, 1.0f);  // pixdim[4]: the time step
    put<float>(h, 256, static_cast<float>(b));
    put<float>(h, 260, static_cast<float>(c));
    put<float>(h, 264, static_cast<float>(d));
    for (int axis = 0; axis < 3; ++axis) put<float>(h, 268 + 4 * axis, static_cast<float>(origin[axis]));
    std::memcpy(h.data() + 344, "n+1", 4);
    return h;
}

}  // namespace vitask::imaging::detail
