// A tokenizer.model (SentencePiece ModelProto, decoded by our own wire-format reader)
// loaded as Tokenizer::fromDirectory does, then a prompt encoded and decoded with it.
#include "fuzz_support.h"

#include "vitask/model/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    vitask::fuzz::writeScratch("tokenizer.model", vitask::fuzz::asText(data, size));
    return vitask::fuzz::guarded([&] {
        const auto tokenizer = vitask::model::Tokenizer::fromDirectory(vitask::fuzz::scratchFolder());
        const auto ids = tokenizer.encodePrompt("USER: <image>\nIs there pleural effusion? Ünïcode 肺 ASSISTANT:");
        tokenizer.decode(ids);
        for (auto id : ids)
            tokenizer.idToPiece(id);
    });
}
