#include "vitask/tsm/builtin_network.h"

#include "builtin_resnet.h"
#include "builtin_vit.h"

namespace vitask::tsm {

std::shared_ptr<BuiltinNetwork> makeBuiltinNetwork(const BuiltinArchitecture& architecture, int channels, int height,
                                                   int width, int classes) {
    if (architecture.type == BuiltinNetworkType::ResNet)
        return std::make_shared<BuiltinResNet>(architecture, channels, classes);
    return std::make_shared<BuiltinVit>(architecture, channels, height, width, classes);
}

}  // namespace vitask::tsm
