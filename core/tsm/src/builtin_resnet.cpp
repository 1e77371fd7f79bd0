#include "builtin_resnet.h"

#include "vitask/common/error.h"

namespace vitask::tsm {
namespace {

namespace nn = torch::nn;

nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).bias(false));
}

// Two 3x3 convolutions with a residual connection (a 1x1 projection where the shape changes).
class BasicBlockImpl : public nn::Module {
public:
    BasicBlockImpl(int64_t in, int64_t out, int64_t stride)
        : conv1(register_module("conv1", conv(in, out, 3, stride))),
          bn1(register_module("bn1", nn::BatchNorm2d(out))),
          conv2(register_module("conv2", conv(out, out, 3, 1))),
          bn2(register_module("bn2", nn::BatchNorm2d(out))) {
        if (stride != 1 || in != out)
            downsample = register_module("downsample", nn::Sequential(conv(in, out, 1, stride), nn::BatchNorm2d(out)));
    }

    torch::Tensor forward(const torch::Tensor& x) {
        auto y = torch::relu(bn1(conv1(x)));
        y = bn2(conv2(y));
        return torch::relu(y + (downsample.is_empty() ? x : downsample->forward(x)));
    }

    nn::Conv2d conv1;
    nn::BatchNorm2d bn1;
    nn::Conv2d conv2;
    nn::BatchNorm2d bn2;
    nn::Sequential downsample{nullptr};
};
TORCH_MODULE(BasicBlock);

}  // namespace

BuiltinResNet::BuiltinResNet(const BuiltinArchitecture& a, int channels, int classes)
    : smallInputStem_(a.smallInputStem) {
    if (a.stageBlocks.empty() || a.width < 1)
        throw Error("a ResNet needs at least one stage and a positive width", "architecture");
    conv1_ = register_module("conv1", smallInputStem_ ? conv(channels, a.width, 3, 1) : conv(channels, a.width, 7, 2));
    bn1_ = register_module("bn1", nn::BatchNorm2d(a.width));
    int64_t in = a.width;
    for (size_t s = 0; s < a.stageBlocks.size(); ++s) {
        if (a.stageBlocks[s] < 1) throw Error("every ResNet stage needs at least one block", "architecture");
        const int64_t out = int64_t(a.width) << s;
        nn::Sequential stage;
        for (int b = 0; b < a.stageBlocks[s]; ++b) {
            stage->push_back(BasicBlock(in, out, (b == 0 && s > 0) ? 2 : 1));
            in = out;
        }
        stages_.push_back(register_module("layer" + std::to_string(s + 1), stage));
    }
    featureWidth_ = in;
    fc_ = register_module("fc", nn::Linear(in, classes));
    // torchvision's initialisation: He-normal convolutions (fan-out), unit BatchNorm.
    for (auto& module : modules(/*include_self=*/false)) {
        if (auto* c = module->as<nn::Conv2d>()) nn::init::kaiming_normal_(c->weight, 0, torch::kFanOut, torch::kReLU);
    }
}

BuiltinNetworkOutput BuiltinResNet::forward(const torch::Tensor& images) {
    auto x = torch::relu(bn1_(conv1_(images)));
    if (!smallInputStem_) x = torch::max_pool2d(x, 3, 2, 1);
    for (auto& stage : stages_) x = stage->forward(x);
    BuiltinNetworkOutput out;
    out.featureMap = x;
    out.features = x.mean({2, 3});
    out.patchFeatures = x.flatten(2).transpose(1, 2);
    out.logits = fc_(out.features);
    return out;
}

}  // namespace vitask::tsm
