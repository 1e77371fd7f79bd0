#pragma once
// For the tests of every module: the message of the vitask::Error `work` throws, or an
// empty string when it throws none (tests of bad input check what the user is told).

#include "vitask/common/error.h"

#include <QString>

#include <functional>

namespace vitask::test {

inline QString errorOf(const std::function<void()>& work) {
    try {
        work();
    } catch (const Error& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

}  // namespace vitask::test
