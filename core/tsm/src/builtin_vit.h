#pragma once
// A small Vision Transformer with timm's parameter names (patch_embed.proj, cls_token,
// pos_embed, blocks.N.{norm1, attn.qkv, attn.proj, norm2, mlp.fc1, mlp.fc2}, norm, head).

#include "vitask/tsm/builtin_network.h"

namespace vitask::tsm {

class BuiltinVit final : public BuiltinNetwork {
public:
    BuiltinVit(const BuiltinArchitecture& architecture, int channels, int height, int width, int classes);
    BuiltinNetworkOutput forward(const torch::Tensor& images) override;
    int64_t featureWidth() const override { return embedDim_; }

private:
    int64_t embedDim_;
    torch::nn::Conv2d patchEmbed_{nullptr};
    torch::Tensor clsToken_, posEmbed_;
    torch::nn::Sequential blocks_{nullptr};
    torch::nn::LayerNorm norm_{nullptr};
    torch::nn::Linear head_{nullptr};
};

}  // namespace vitask::tsm
