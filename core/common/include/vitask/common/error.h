#pragma once
// The one error type of the engine. Every failure a user can cause (a bad file, a bad
// config key, a missing dependency) is reported as a vitask::Error whose message says
// what failed, on which file or field, and what to do about it. The CLI prints it and
// exits non-zero; the studio shows it in a dialog. Nothing in core aborts on bad input.

#include <stdexcept>
#include <string>

namespace vitask {

class Error : public std::runtime_error {
public:
    // problem: what went wrong ("tensor has shape [4,64], expected [520,64]").
    // subject: the file, key or field concerned ("model.safetensors: lm_head.weight").
    // remedy:  what the user can do ("re-export the checkpoint with ...").
    explicit Error(std::string problem, std::string subject = {}, std::string remedy = {});

    const std::string& problem() const noexcept { return problem_; }
    const std::string& subject() const noexcept { return subject_; }
    const std::string& remedy() const noexcept { return remedy_; }

private:
    std::string problem_;
    std::string subject_;
    std::string remedy_;
};

}  // namespace vitask
