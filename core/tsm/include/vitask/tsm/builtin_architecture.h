#pragma once
// The hyper-parameters of a built-in LibTorch TSM, in plain types (the studio shows them,
// the manifest stores them): a ResNet of BasicBlocks or a small pre-LN Vision Transformer.

#include <string>
#include <vector>

namespace vitask::tsm {

enum class BuiltinNetworkType { ResNet, Vit };

struct BuiltinArchitecture {
    BuiltinNetworkType type = BuiltinNetworkType::ResNet;

    // ResNet (He et al. 2016, torchvision's layout and parameter names). Stage s has
    // stageBlocks[s] BasicBlocks of width * 2^s channels; the first block of every stage
    // after the first halves the resolution. {2, 2, 2, 2} with width 64 is ResNet-18.
    std::vector<int> stageBlocks{2, 2, 2, 2};
    int width = 64;
    // A 3x3 stride-1 stem without max-pooling instead of the 7x7 stride-2 stem and pool:
    // for 28-64 px images, where the ImageNet stem would leave a 1x1 map after stage 4.
    bool smallInputStem = false;

    // ViT (Dosovitskiy et al. 2021, timm's parameter names): patch embedding, CLS token,
    // learned position embeddings, pre-LN blocks, classification from the CLS token.
    int patchSize = 4;
    int embedDim = 192;
    int depth = 6;
    int heads = 3;
    int mlpRatio = 4;

    std::string typeName() const;  // "resnet" or "vit"
    // "resnet" / "vit"; throws vitask::Error naming `subject` for anything else.
    static BuiltinNetworkType parseType(const std::string& name, const std::string& subject);
    // ResNet stage blocks for a depth users know: 10 {1,1,1,1}, 18 {2,2,2,2}, 34 {3,4,6,3}.
    static std::vector<int> resnetStages(int depth);
    // "resnet [2, 2, 2, 2] width 64 (small-input stem)", "vit patch 4, 192 wide, 6 blocks, 3 heads"
    std::string describe() const;
};

}  // namespace vitask::tsm
