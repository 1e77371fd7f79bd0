# The neural network: CLIP vision tower, projector, Llama, LLaVA, weights, generation
# (included by CMakeLists.txt).
target_sources(vitask_model PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/src/activation.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/attention.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/clip_image_processor.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/clip_vision.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/generation.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/kv_cache.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/llama.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/linear_product.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/llava_model.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/llava_pipeline.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/llava_weights.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/lora.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/lora_linear.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/mlp_projector.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/text_stream.cpp)

if(VITASK_BUILD_TESTS)
  vitask_add_qtest(test_model_llava_parity SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test/test_llava_parity.cpp
                   LIBS vitask::model TORCH)
  # Skipped (not passed) on a machine without CUDA.
  vitask_add_qtest(test_model_llava_parity_cuda SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test/test_llava_parity_cuda.cpp
                   LIBS vitask::model TORCH LABELS gpu)
  vitask_add_qtest(test_model_lora SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test/test_lora.cpp
                   LIBS vitask::model TORCH)
  vitask_add_qtest(test_model_llava_pipeline SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test/test_llava_pipeline.cpp
                   LIBS vitask::model TORCH)
  vitask_add_qtest(test_model_generation SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test/test_generation.cpp
                   LIBS vitask::model TORCH)
endif()
