#pragma once
// A dataset sample (CHW values in [0, 1]) as the viewer's volume: 8-bit grey levels (or
// RGB) with an 8-bit window, so the viewer shows it as the dataset holds it.

#include "vitask/imaging/volume.h"
#include "vitask/service/model_image.h"

#include <memory>

namespace vitask::ui {

std::shared_ptr<const imaging::Volume> sampleVolume(const service::ModelImage& image);

}  // namespace vitask::ui
