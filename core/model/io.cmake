# Safetensors reading/writing and Hugging Face config parsing (included by CMakeLists.txt).
if(VITASK_BUILD_TESTS)
endif()
