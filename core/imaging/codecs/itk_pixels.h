#pragma once
// Internal: reads the whole image of an ITK ImageIO (after ReadImageInformation) as
// float32, components interleaved, whatever the stored component type.

#include <vector>

namespace itk {
class ImageIOBase;
}

namespace vitask::imaging::detail {

std::vector<float> readItkPixels(itk::ImageIOBase& io);

}  // namespace vitask::imaging::detail
