#include "image_input.h"

#include "vitask/service/model_image.h"

namespace vitask::cli {

torch::Tensor readImageForModel(const std::filesystem::path& path) {
    auto image = service::modelImageFromFile(path);
    return torch::from_blob(image.values.data(), {image.channels, image.height, image.width}, torch::kFloat32).clone();
}

}  // namespace vitask::cli
