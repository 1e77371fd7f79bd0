#include "vitask/tsm/input_spec.h"

#include <sstream>

namespace vitask::tsm {
namespace {

std::string list(const std::vector<float>& values) {
    std::ostringstream out;
    out << '[';
    for (size_t i = 0; i < values.size(); ++i) out << (i ? ", " : "") << values[i];
    out << ']';
    return out.str();
}

}  // namespace

std::string InputSpec::describe() const {
    std::ostringstream out;
    out << channels << 'x' << height << 'x' << width << ", mean " << list(mean) << ", std " << list(std);
    return out.str();
}

}  // namespace vitask::tsm
