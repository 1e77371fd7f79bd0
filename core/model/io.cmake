# Safetensors reading/writing and Hugging Face config parsing (included by CMakeLists.txt).
if(VITASK_BUILD_TESTS)
  vitask_add_qtest(test_model_safetensors
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test/test_safetensors.cpp
    LIBS vitask::model vitask::test_support TORCH)
  vitask_add_qtest(test_model_llava_config
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test/test_llava_config.cpp
    LIBS vitask::model vitask::test_support TORCH)
endif()
