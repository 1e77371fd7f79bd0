// tokenizer_config.json and added_tokens.json (the input, cut in two by splitInTwo) beside
// the tiny LLaVA fixture's valid tokenizer.model: added tokens, special tokens and the
// added_tokens_decoder of newer checkpoints, then a prompt that uses them.
#include "fuzz_support.h"

#include "vitask/model/tokenizer.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const bool model = [] {
        const char* shared = std::getenv("VITASK_SHARED_DIR");
        const std::filesystem::path source = std::filesystem::path(shared ? shared : "../shared") / "fixtures/tiny-llava/tokenizer.model";
        std::filesystem::copy_file(source, vitask::fuzz::scratchFolder() / "tokenizer.model",
                                   std::filesystem::copy_options::overwrite_existing);
        return true;
    }();
    (void)model;
    const auto [config, added] = vitask::fuzz::splitInTwo(data, size);
    vitask::fuzz::writeScratch("tokenizer_config.json", config);
    vitask::fuzz::writeScratch("added_tokens.json", added);
    return vitask::fuzz::guarded([&] {
        const auto tokenizer = vitask::model::Tokenizer::fromDirectory(vitask::fuzz::scratchFolder());
        tokenizer.decode(tokenizer.encodePrompt("USER: <image>\nWhich class? ASSISTANT: <s></s><pad>"));
    });
}
