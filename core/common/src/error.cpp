#include "vitask/common/error.h"

namespace vitask {
namespace {

// "subject: problem. Remedy." — each part only where present.
std::string composeMessage(const std::string& problem, const std::string& subject,
                           const std::string& remedy) {
    std::string message;
    if (!subject.empty()) message += subject + ": ";
    message += problem;
    if (!remedy.empty()) {
        if (!message.empty() && message.back() != '.') message += '.';
        message += ' ' + remedy;
    }
    return message;
}

}  // namespace

Error::Error(std::string problem, std::string subject, std::string remedy)
    : std::runtime_error(composeMessage(problem, subject, remedy)),
      problem_(std::move(problem)),
      subject_(std::move(subject)),
      remedy_(std::move(remedy)) {}

}  // namespace vitask
