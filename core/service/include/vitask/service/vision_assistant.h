#pragma once
// The engine's question-answering, synchronous and in plain types: a loaded model (a
// VITask run's final/ or a Hugging Face LLaVA folder) and an optional TSM asked about one
// image. `vitask infer` calls it directly; the studio calls it through EngineService on
// a worker thread. Not safe for use from several threads at once.

#include "vitask/service/ask.h"
#include "vitask/service/device.h"
#include "vitask/service/model_image.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vitask::recipe {
class VitaskModel;
}
namespace vitask::tsm {
class Tsm;
}

namespace vitask::service {

struct AskCallbacks {
    // The answer's text as it grows (only the new part); called once per token that
    // completes text. Return false to stop generating.
    std::function<bool(const std::string& added)> onText;
    // Tokens generated so far, for a progress indicator.
    std::function<void(int64_t tokens, int64_t maxTokens)> onProgress;
    // The TSM's prediction, as soon as it is known (before the VLM answers).
    std::function<void(const TsmPrediction&)> onTsm;
};

class VisionAssistant {
public:
    explicit VisionAssistant(DeviceChoice device = DeviceChoice::Auto);
    ~VisionAssistant();
    VisionAssistant(VisionAssistant&&) noexcept;
    VisionAssistant& operator=(VisionAssistant&&) noexcept;

    // Loads a model folder, replacing the one loaded, and hashes its weights (ModelInfo).
    // Throws vitask::Error naming the file at fault; the previous model stays loaded then.
    const ModelInfo& loadModel(const std::filesystem::path& folder);
    bool hasModel() const;
    const ModelInfo& model() const;  // throws when none is loaded

    // Opens a TSM: a registry name (searched in `folders`, then the default folders) or a
    // manifest / plug-in path, and hashes its weights (TsmEntry::weightsHash). Throws
    // vitask::Error listing the names there are, or with a broken TSM's error. An EP
    // model's connector must match the TSM's feature width: that is checked when asking
    // with the exemplar, not here, so a TSM can still be compared with the model.
    TsmEntry loadTsm(const std::string& nameOrPath, const std::vector<std::filesystem::path>& folders = {});
    void unloadTsm();
    bool hasTsm() const;
    // Whether ask() can answer with the exemplar: the model has an EP connector and the
    // loaded TSM's features have its width.
    bool canAnswerWithExemplar() const;

    // The device models are loaded to; changing it reloads the model and TSM there.
    std::string device() const;
    void setDevice(DeviceChoice device);

    // Asks about `image`. `cancel` (may be null) is checked before each step and after
    // every token: a cancelled answer comes back with finish "cancelled" and no scores.
    // Throws vitask::Error for a request that cannot work (no model, nothing to ask, EP
    // without a TSM or with a TSM of another feature width, an empty image).
    AskResult ask(const ModelImage& image, const AskRequest& request, const AskCallbacks& callbacks = {},
                  const std::atomic<bool>* cancel = nullptr);

    // The loaded model and TSM themselves (null when none), for batch work on the thread
    // that uses this assistant (EngineService's dataset evaluation), so that it needs no
    // second copy of the weights. Valid until the next load, unload or device change.
    recipe::VitaskModel* loadedModel();
    tsm::Tsm* loadedTsm();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Every TSM in `folders` and the default folders, ready or broken. Loads the engine
// (LibTorch) the first time unless it is loaded already: call it off the UI thread.
std::vector<TsmEntry> listTsms(const std::vector<std::filesystem::path>& folders = {});

}  // namespace vitask::service
