#include "builtin_vit.h"

#include "vitask/common/error.h"

#include <cmath>

namespace vitask::tsm {
namespace {

namespace nn = torch::nn;

// Multi-head self-attention. The explicit formula: LibTorch 1.13 has no fused kernel, and
// these sequences (tens of tokens) are too short for one to matter.
class AttentionImpl : public nn::Module {
public:
    AttentionImpl(int64_t dim, int64_t heads)
        : heads_(heads), qkv(register_module("qkv", nn::Linear(dim, 3 * dim))),
          proj(register_module("proj", nn::Linear(dim, dim))) {}

    torch::Tensor forward(const torch::Tensor& x) {
        const auto n = x.size(0), t = x.size(1), d = x.size(2);
        const auto qkvs = qkv(x).view({n, t, 3, heads_, d / heads_}).permute({2, 0, 3, 1, 4});
        const auto q = qkvs[0], k = qkvs[1], v = qkvs[2];
        const auto scores = torch::matmul(q, k.transpose(-2, -1)) / std::sqrt(double(d / heads_));
        return proj(torch::matmul(scores.softmax(-1), v).transpose(1, 2).reshape({n, t, d}));
    }

    int64_t heads_;
    nn::Linear qkv, proj;
};
TORCH_MODULE(Attention);

class MlpImpl : public nn::Module {
public:
    MlpImpl(int64_t dim, int64_t hidden)
        : fc1(register_module("fc1", nn::Linear(dim, hidden))), fc2(register_module("fc2", nn::Linear(hidden, dim))) {}
    torch::Tensor forward(const torch::Tensor& x) { return fc2(torch::gelu(fc1(x))); }
    nn::Linear fc1, fc2;
};
TORCH_MODULE(Mlp);

// Pre-LN: x + attn(norm1(x)), then x + mlp(norm2(x)).
class BlockImpl : public nn::Module {
public:
    BlockImpl(int64_t dim, int64_t heads, int64_t hidden)
        : norm1(register_module("norm1", nn::LayerNorm(nn::LayerNormOptions({dim}).eps(1e-6)))),
          attn(register_module("attn", Attention(dim, heads))),
          norm2(register_module("norm2", nn::LayerNorm(nn::LayerNormOptions({dim}).eps(1e-6)))),
          mlp(register_module("mlp", Mlp(dim, hidden))) {}
    torch::Tensor forward(torch::Tensor x) {
        x = x + attn(norm1(x));
        return x + mlp(norm2(x));
    }
    nn::LayerNorm norm1;
    Attention attn;
    nn::LayerNorm norm2;
    Mlp mlp;
};
TORCH_MODULE(Block);

}  // namespace

BuiltinVit::BuiltinVit(const BuiltinArchitecture& a, int channels, int height, int width, int classes)
    : embedDim_(a.embedDim) {
    if (a.patchSize < 1 || height % a.patchSize != 0 || width % a.patchSize != 0)
        throw Error("the patch size " + std::to_string(a.patchSize) + " does not divide the image size " +
                        std::to_string(height) + "x" + std::to_string(width),
                    "architecture.patch_size", "Choose a patch size that divides the image height and width.");
    if (a.heads < 1 || a.embedDim % a.heads != 0 || a.depth < 1 || a.mlpRatio < 1)
        throw Error("the ViT needs a width divisible by its head count and at least one block (width " +
                        std::to_string(a.embedDim) + ", heads " + std::to_string(a.heads) + ", depth " +
                        std::to_string(a.depth) + ")",
                    "architecture");
    const int64_t patches = int64_t(height / a.patchSize) * (width / a.patchSize);
    // An empty parent module, so the parameter is named patch_embed.proj.weight as in timm.
    patchEmbed_ = register_module("patch_embed", std::make_shared<nn::Module>())
                      ->register_module("proj", nn::Conv2d(nn::Conv2dOptions(channels, a.embedDim, a.patchSize)
                                                               .stride(a.patchSize)));
    clsToken_ = register_parameter("cls_token", torch::randn({1, 1, a.embedDim}) * 0.02);
    posEmbed_ = register_parameter("pos_embed", torch::randn({1, patches + 1, a.embedDim}) * 0.02);
    blocks_ = register_module("blocks", nn::Sequential());
    for (int i = 0; i < a.depth; ++i) blocks_->push_back(Block(a.embedDim, a.heads, int64_t(a.embedDim) * a.mlpRatio));
    norm_ = register_module("norm", nn::LayerNorm(nn::LayerNormOptions({a.embedDim}).eps(1e-6)));
    head_ = register_module("head", nn::Linear(a.embedDim, classes));
}

BuiltinNetworkOutput BuiltinVit::forward(const torch::Tensor& images) {
    auto x = patchEmbed_(images).flatten(2).transpose(1, 2);  // [N, P, D]
    x = torch::cat({clsToken_.expand({x.size(0), -1, -1}), x}, 1) + posEmbed_;
    x = norm_(blocks_->forward(x));
    BuiltinNetworkOutput out;
    out.features = x.select(1, 0);
    out.patchFeatures = x.slice(1, 1);
    out.logits = head_(out.features);
    return out;
}

}  // namespace vitask::tsm
