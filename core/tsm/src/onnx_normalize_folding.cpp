#include "onnx_normalize_folding.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace vitask::tsm::normalize {
namespace {

using onnx::TensorProto;
using Dims = std::vector<int64_t>;

// Folded values stay small (shape vectors, a class token); bigger results are left to
// the graph so that the model does not grow.
constexpr int64_t kMaxFoldedValues = 1 << 16;

bool isInteger(int32_t type) {
    return type == TensorProto::INT64 || type == TensorProto::INT32 || type == TensorProto::BOOL;
}

double castTo(double v, int32_t type) {
    if (type == TensorProto::BOOL) return v != 0.0;
    if (isInteger(type)) return std::trunc(v);
    if (type == TensorProto::FLOAT) return static_cast<float>(v);
    return v;
}

int64_t normalizedAxis(int64_t axis, size_t rank) { return axis < 0 ? axis + static_cast<int64_t>(rank) : axis; }

// Folded values come from the graph, which may be damaged: one that is no integer an
// int64 can hold (NaN, 1e30) makes the fold give up instead of converting undefinedly.
std::optional<int64_t> integerOf(double v) {
    if (!(v > -9.0e18 && v < 9.0e18)) return std::nullopt;
    return static_cast<int64_t>(v);
}

std::optional<Dims> integersOf(const std::vector<double>& values) {
    Dims out;
    for (const auto v : values) {
        const auto i = integerOf(v);
        if (!i) return std::nullopt;
        out.push_back(*i);
    }
    return out;
}

Dims stridesOf(const Dims& dims) {
    Dims strides(dims.size(), 1);
    for (int i = static_cast<int>(dims.size()) - 2; i >= 0; --i) strides[i] = strides[i + 1] * dims[i + 1];
    return strides;
}

std::optional<Dims> broadcastDims(const std::vector<const Numbers*>& inputs) {
    size_t rank = 0;
    for (const auto* in : inputs) rank = std::max(rank, in->dims.size());
    Dims out(rank, 1);
    for (const auto* in : inputs)
        for (size_t i = 0; i < in->dims.size(); ++i) {
            auto& o = out[rank - in->dims.size() + i];
            const auto d = in->dims[i];
            if (d == o || d == 1) continue;
            if (o != 1) return std::nullopt;
            o = d;
        }
    return out;
}

// Applies `f` element by element with numpy broadcasting.
std::optional<Numbers> elementwise(const std::vector<const Numbers*>& inputs, int32_t type,
                                   const std::function<double(const std::vector<double>&)>& f,
                                   int64_t maxCount = kMaxFoldedValues) {
    const auto dims = broadcastDims(inputs);
    if (!dims) return std::nullopt;
    Numbers out;
    out.type = type;
    out.dims = *dims;
    const auto count = out.count();
    if (count > maxCount || count < 0) return std::nullopt;
    const auto outStrides = stridesOf(out.dims);
    std::vector<Dims> inStrides;  // per input, aligned to the output rank, 0 where broadcast
    for (const auto* in : inputs) {
        const auto own = stridesOf(in->dims);
        Dims aligned(out.dims.size(), 0);
        for (size_t i = 0; i < in->dims.size(); ++i)
            if (in->dims[i] != 1) aligned[out.dims.size() - in->dims.size() + i] = own[i];
        inStrides.push_back(std::move(aligned));
    }
    out.values.resize(static_cast<size_t>(count));
    std::vector<double> args(inputs.size());
    for (int64_t flat = 0; flat < count; ++flat) {
        for (size_t k = 0; k < inputs.size(); ++k) {
            int64_t offset = 0, rest = flat;
            for (size_t d = 0; d < out.dims.size(); ++d) {
                offset += (rest / outStrides[d]) * inStrides[k][d];
                rest %= outStrides[d];
            }
            args[k] = inputs[k]->values[static_cast<size_t>(offset)];
        }
        out.values[static_cast<size_t>(flat)] = castTo(f(args), type);
    }
    return out;
}

std::optional<Numbers> gather(const Numbers& data, const Numbers& indices, int64_t axis) {
    axis = normalizedAxis(axis, data.dims.size());
    if (axis < 0 || axis >= static_cast<int64_t>(data.dims.size())) return std::nullopt;
    Numbers out;
    out.type = data.type;
    out.dims.assign(data.dims.begin(), data.dims.begin() + axis);
    out.dims.insert(out.dims.end(), indices.dims.begin(), indices.dims.end());
    out.dims.insert(out.dims.end(), data.dims.begin() + axis + 1, data.dims.end());
    int64_t outer = 1, inner = 1;
    for (int64_t i = 0; i < axis; ++i) outer *= data.dims[i];
    for (size_t i = axis + 1; i < data.dims.size(); ++i) inner *= data.dims[i];
    const auto extent = data.dims[axis];
    for (int64_t o = 0; o < outer; ++o)
        for (const auto raw : indices.values) {
            const auto integer = integerOf(raw);
            if (!integer) return std::nullopt;
            const auto index = *integer < 0 ? *integer + extent : *integer;
            if (index < 0 || index >= extent) return std::nullopt;
            for (int64_t i = 0; i < inner; ++i)
                out.values.push_back(data.values[static_cast<size_t>((o * extent + index) * inner + i)]);
        }
    return out;
}

std::optional<Numbers> concat(const std::vector<std::optional<Numbers>>& inputs, int64_t axis) {
    const auto& first = *inputs.at(0);
    axis = normalizedAxis(axis, first.dims.size());
    Numbers out;
    out.type = first.type;
    out.dims = first.dims;
    out.dims[axis] = 0;
    int64_t outer = 1;
    for (int64_t i = 0; i < axis; ++i) outer *= first.dims[i];
    for (const auto& in : inputs) {
        if (in->dims.size() != first.dims.size()) return std::nullopt;
        out.dims[axis] += in->dims[axis];
    }
    for (int64_t o = 0; o < outer; ++o)
        for (const auto& in : inputs) {
            const auto block = in->count() / std::max<int64_t>(outer, 1);
            out.values.insert(out.values.end(), in->values.begin() + o * block, in->values.begin() + (o + 1) * block);
        }
    return out;
}

// Axes from the attribute (before opset 13) or the second input (from opset 13).
std::optional<Dims> axesOf(const onnx::NodeProto& node, const std::vector<std::optional<Numbers>>& inputs) {
    if (const auto attr = intsAttribute(node, "axes")) return attr;
    if (inputs.size() > 1 && inputs[1]) return integersOf(inputs[1]->values);
    return std::nullopt;
}

std::optional<Numbers> reshaped(Numbers data, const Numbers& shape) {
    auto wanted = integersOf(shape.values);
    if (!wanted) return std::nullopt;
    Dims dims = *wanted;
    int64_t known = 1, unknown = -1;
    for (size_t i = 0; i < dims.size(); ++i) {
        if (dims[i] == 0 && i < data.dims.size()) dims[i] = data.dims[i];
        if (dims[i] == -1) unknown = static_cast<int64_t>(i);
        else if (dims[i] < 0 || __builtin_mul_overflow(known, dims[i], &known)) return std::nullopt;
    }
    if (unknown >= 0) dims[unknown] = known ? data.count() / known : 0;
    data.dims = dims;
    if (data.count() != static_cast<int64_t>(data.values.size())) return std::nullopt;
    return data;
}

std::optional<Numbers> slice(const Numbers& data, const std::vector<std::optional<Numbers>>& in) {
    const auto rank = data.dims.size();
    Dims starts(rank, 0), ends(data.dims), steps(rank, 1);
    if (in.size() < 3 || !in[1] || !in[2]) return std::nullopt;
    Dims axes;
    if (in.size() > 3 && in[3]) {
        const auto given = integersOf(in[3]->values);
        if (!given) return std::nullopt;
        axes = *given;
    } else {
        for (size_t i = 0; i < in[1]->values.size(); ++i) axes.push_back(static_cast<int64_t>(i));
    }
    const bool hasSteps = in.size() > 4 && in[4];
    if (in[1]->values.size() < axes.size() || in[2]->values.size() < axes.size() ||
        (hasSteps && in[4]->values.size() < axes.size()))
        return std::nullopt;
    for (size_t k = 0; k < axes.size(); ++k) {
        const auto axis = normalizedAxis(axes[k], rank);
        if (axis < 0 || axis >= static_cast<int64_t>(rank)) return std::nullopt;
        const auto extent = data.dims[axis];
        const auto givenStep = hasSteps ? integerOf(in[4]->values[k]) : std::optional<int64_t>(1);
        if (!givenStep) return std::nullopt;
        const auto step = *givenStep;
        auto clampIndex = [&](double v, bool isEnd) {
            auto i = std::isnan(v) ? 0 : static_cast<int64_t>(std::max(std::min(v, 9.0e18), -9.0e18));
            if (i < 0) i += extent;
            const int64_t low = step > 0 ? 0 : -1, high = step > 0 ? extent : extent - 1;
            return std::clamp<int64_t>(i, isEnd ? low : std::max<int64_t>(low, 0), high);
        };
        starts[axis] = clampIndex(in[1]->values[k], false);
        ends[axis] = clampIndex(in[2]->values[k], true);
        steps[axis] = step;
        if (step == 0) return std::nullopt;
    }
    Numbers out;
    out.type = data.type;
    for (size_t d = 0; d < rank; ++d) {
        const auto span = ends[d] - starts[d];
        out.dims.push_back(std::max<int64_t>(0, (span + steps[d] + (steps[d] > 0 ? -1 : 1)) / steps[d]));
    }
    const auto strides = stridesOf(data.dims), outStrides = stridesOf(out.dims);
    for (int64_t flat = 0; flat < out.count(); ++flat) {
        int64_t offset = 0, rest = flat;
        for (size_t d = 0; d < rank; ++d) {
            offset += (starts[d] + (rest / outStrides[d]) * steps[d]) * strides[d];
            rest %= outStrides[d];
        }
        out.values.push_back(data.values[static_cast<size_t>(offset)]);
    }
    return out;
}

std::optional<Numbers> binary(const std::string& op, const Numbers& a, const Numbers& b) {
    const auto type = a.type;
    const bool ints = isInteger(type);
    if (op == "Add") return elementwise({&a, &b}, type, [](auto& v) { return v[0] + v[1]; });
    if (op == "Sub") return elementwise({&a, &b}, type, [](auto& v) { return v[0] - v[1]; });
    if (op == "Mul") return elementwise({&a, &b}, type, [](auto& v) { return v[0] * v[1]; });
    if (op == "Div")
        return elementwise({&a, &b}, type, [ints](auto& v) {
            return ints ? (v[1] == 0 ? 0.0 : std::trunc(v[0] / v[1])) : v[0] / v[1];
        });
    if (op == "Equal") return elementwise({&a, &b}, TensorProto::BOOL, [](auto& v) { return v[0] == v[1]; });
    if (op == "Less") return elementwise({&a, &b}, TensorProto::BOOL, [](auto& v) { return v[0] < v[1]; });
    if (op == "Greater") return elementwise({&a, &b}, TensorProto::BOOL, [](auto& v) { return v[0] > v[1]; });
    return std::nullopt;
}

}  // namespace

std::optional<Numbers> broadcastTo(const Numbers& numbers, const std::vector<int64_t>& dims, int64_t maxCount) {
    Numbers shape;
    shape.dims = dims;
    if (shape.count() > maxCount || shape.count() < 0) return std::nullopt;
    shape.values.assign(static_cast<size_t>(shape.count()), 0.0);
    return elementwise({&numbers, &shape}, numbers.type, [](auto& v) { return v[0]; }, maxCount);
}

std::optional<std::vector<Numbers>> evaluate(const onnx::NodeProto& node,
                                             const std::vector<std::optional<Numbers>>& in) {
    const auto& op = node.op_type();
    auto one = [](std::optional<Numbers> n) -> std::optional<std::vector<Numbers>> {
        if (!n || n->count() > kMaxFoldedValues) return std::nullopt;
        return std::vector<Numbers>{std::move(*n)};
    };
    if (in.empty() && op != "ConstantOfShape") return std::nullopt;
    for (size_t i = 0; i < in.size(); ++i)
        if (!in[i] && !(op == "Slice" && i >= 3)) return std::nullopt;  // only Slice's axes and steps are optional here

    if (op == "Identity") return one(in[0]);
    if (op == "Add" || op == "Sub" || op == "Mul" || op == "Div" || op == "Equal" || op == "Less" || op == "Greater")
        return in.size() == 2 ? one(binary(op, *in[0], *in[1])) : std::nullopt;
    if (op == "Neg") return one(elementwise({&*in[0]}, in[0]->type, [](auto& v) { return -v[0]; }));
    if (op == "Sqrt") return one(elementwise({&*in[0]}, in[0]->type, [](auto& v) { return std::sqrt(v[0]); }));
    if (op == "Floor") return one(elementwise({&*in[0]}, in[0]->type, [](auto& v) { return std::floor(v[0]); }));
    if (op == "Where")
        return one(elementwise({&*in[0], &*in[1], &*in[2]}, in[1]->type,
                               [](auto& v) { return v[0] != 0.0 ? v[1] : v[2]; }));
    if (op == "Cast") {
        const auto to = intAttribute(node, "to");
        if (!to) return std::nullopt;
        Numbers out = *in[0];
        out.type = static_cast<int32_t>(*to);
        for (auto& v : out.values) v = castTo(v, out.type);
        return one(out);
    }
    if (op == "Gather") return one(gather(*in[0], *in[1], intAttribute(node, "axis").value_or(0)));
    if (op == "Concat") return one(concat(in, intAttribute(node, "axis").value_or(0)));
    if (op == "Unsqueeze") {
        const auto axes = axesOf(node, in);
        if (!axes) return std::nullopt;
        Numbers out = *in[0];
        const auto rank = out.dims.size() + axes->size();
        std::set<int64_t> at;
        for (const auto a : *axes) at.insert(normalizedAxis(a, rank));
        Dims dims;
        for (size_t d = 0, from = 0; d < rank; ++d) dims.push_back(at.count(d) ? 1 : out.dims[from++]);
        out.dims = dims;
        return one(out);
    }
    if (op == "Squeeze") {
        const auto axes = axesOf(node, in);
        Numbers out = *in[0];
        std::set<int64_t> at;
        if (axes) for (const auto a : *axes) at.insert(normalizedAxis(a, out.dims.size()));
        Dims dims;
        for (size_t d = 0; d < out.dims.size(); ++d)
            if (!(out.dims[d] == 1 && (at.empty() || at.count(d)))) dims.push_back(out.dims[d]);
        out.dims = dims;
        return one(out);
    }
    if (op == "Reshape") return in.size() == 2 ? one(reshaped(*in[0], *in[1])) : std::nullopt;
    if (op == "Expand") {
        const auto shape = in.size() == 2 ? integersOf(in[1]->values) : std::nullopt;
        return shape ? one(broadcastTo(*in[0], *shape, kMaxFoldedValues)) : std::nullopt;
    }
    if (op == "ConstantOfShape") {
        Numbers out;
        out.type = TensorProto::FLOAT;
        double value = 0.0;
        for (const auto& a : node.attribute())
            if (a.name() == "value" && a.has_t()) {
                const auto v = numbersOf(a.t());
                if (!v || v->values.size() != 1) return std::nullopt;
                out.type = v->type;
                value = v->values[0];
            }
        if (in.empty() || !in[0]) return std::nullopt;
        const auto dims = integersOf(in[0]->values);
        if (!dims) return std::nullopt;
        out.dims = *dims;
        if (out.count() > kMaxFoldedValues || out.count() < 0) return std::nullopt;
        out.values.assign(static_cast<size_t>(out.count()), value);
        return one(out);
    }
    if (op == "Slice") return in[0] ? one(slice(*in[0], in)) : std::nullopt;
    if (op == "Range") {
        if (in.size() != 3) return std::nullopt;
        const double start = in[0]->values.at(0), limit = in[1]->values.at(0), delta = in[2]->values.at(0);
        if (delta == 0.0) return std::nullopt;
        Numbers out;
        out.type = in[0]->type;
        for (double v = start; delta > 0 ? v < limit : v > limit; v += delta) {
            out.values.push_back(v);
            if (static_cast<int64_t>(out.values.size()) > kMaxFoldedValues) return std::nullopt;
        }
        out.dims = {static_cast<int64_t>(out.values.size())};
        return one(out);
    }
    return std::nullopt;
}

namespace {

bool readsShapes(const onnx::GraphProto& graph) {
    return std::any_of(graph.node().begin(), graph.node().end(),
                       [](const onnx::NodeProto& n) { return n.op_type() == "Shape" || n.op_type() == "Size"; });
}

void fixInputShape(onnx::GraphProto& graph, const std::set<std::string>& weights, const Dims& imageShape) {
    for (auto& input : *graph.mutable_input()) {
        if (weights.count(input.name())) continue;
        auto* shape = input.mutable_type()->mutable_tensor_type()->mutable_shape();
        shape->clear_dim();
        for (const auto d : imageShape) shape->add_dim()->set_dim_value(d);
    }
}

std::optional<Numbers> shapeOf(const onnx::NodeProto& node, const std::map<std::string, Dims>& shapes) {
    const auto found = shapes.find(node.input(0));
    if (found == shapes.end()) return std::nullopt;
    const auto& dims = found->second;
    const auto rank = static_cast<int64_t>(dims.size());
    auto start = intAttribute(node, "start").value_or(0), end = intAttribute(node, "end").value_or(rank);
    if (start < 0) start += rank;
    if (end < 0) end += rank;
    start = std::clamp<int64_t>(start, 0, rank);
    end = std::clamp<int64_t>(end, start, rank);
    if (std::any_of(dims.begin() + start, dims.begin() + end, [](int64_t d) { return d < 0; })) return std::nullopt;
    if (node.op_type() == "Size" && std::any_of(dims.begin(), dims.end(), [](int64_t d) { return d < 0; }))
        return std::nullopt;
    Numbers out;
    out.type = TensorProto::INT64;
    out.values.assign(dims.begin() + start, dims.begin() + end);
    out.dims = {end - start};
    if (node.op_type() == "Size") {
        out.values = {static_cast<double>(Numbers{dims, {}, TensorProto::INT64}.count())};
        out.dims = {};
    }
    return out;
}

}  // namespace

int foldShapeComputations(GraphEdit& edit) {
    auto& graph = edit.graph();
    if (!readsShapes(graph)) return 0;
    std::set<std::string> weights;
    for (const auto& init : graph.initializer()) weights.insert(init.name());
    fixInputShape(graph, weights, edit.imageShape());

    int folded = 0;
    // Folding a Reshape's shape lets inference follow past it, which can fold further Shapes.
    for (bool progress = true; progress;) {
        progress = false;
        const auto shapes = edit.inferredShapes();
        std::set<std::string> replaced;  // by first output
        for (const auto& node : graph.node()) {
            if (node.op_type() == "Constant" || node.output_size() == 0) continue;
            if (std::any_of(node.output().begin(), node.output().end(),
                            [&](const std::string& o) { return edit.isGraphOutput(o); }))
                continue;
            std::optional<std::vector<Numbers>> results;
            if ((node.op_type() == "Shape" || node.op_type() == "Size") && node.input_size() == 1) {
                if (auto s = shapeOf(node, shapes)) results = std::vector<Numbers>{*s};
            } else {
                std::vector<std::optional<Numbers>> inputs;
                bool known = true;
                for (const auto& name : node.input()) {
                    if (name.empty()) inputs.emplace_back(std::nullopt);
                    else if (auto n = edit.numbers(name)) inputs.emplace_back(std::move(n));
                    else known = false;
                }
                if (known) results = evaluate(node, inputs);
            }
            if (!results || static_cast<int>(results->size()) != node.output_size()) continue;
            for (int i = 0; i < node.output_size(); ++i) edit.setConstant(node.output(i), (*results)[i]);
            replaced.insert(node.output(0));
        }
        if (replaced.empty()) break;
        folded += static_cast<int>(replaced.size());
        edit.removeNodes(
            [&](const onnx::NodeProto& n) { return n.output_size() > 0 && replaced.count(n.output(0)) > 0; });
        progress = true;
    }
    return folded;
}

}  // namespace vitask::tsm::normalize
