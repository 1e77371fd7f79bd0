#pragma once
// Forced into ITK-using translation units when the compiler is clang (the sanitizer and
// fuzzing builds, cmake/VitaskSanitizers.cmake). Debian's ITK 5.2 generated its
// itk_compiler_detection.h for GCC alone and stops any other compiler with "#error
// Unsupported compiler". Clang implements every GCC feature that header asks about, so
// it is read once here as GCC 12 would see it; its include guard then keeps it so.
#if defined(__clang__)
#pragma push_macro("__clang__")
#pragma push_macro("__GNUC__")
#pragma push_macro("__GNUC_MINOR__")
#undef __clang__
#undef __GNUC__
#undef __GNUC_MINOR__
#define __GNUC__ 12
#define __GNUC_MINOR__ 2
#include <itk_compiler_detection.h>
#pragma pop_macro("__GNUC_MINOR__")
#pragma pop_macro("__GNUC__")
#pragma pop_macro("__clang__")
#endif
