#pragma once
// A text that depends on state ("12 samples in 3 s", an error) kept as how to make it, so
// that a language switched at run time makes it again in the new language.

#include <QString>

#include <functional>

namespace vitask::ui {

using TextSource = std::function<QString()>;

}  // namespace vitask::ui
