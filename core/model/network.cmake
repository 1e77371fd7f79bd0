# The neural network: CLIP vision tower, projector, Llama, LLaVA, generation (included by CMakeLists.txt).
if(VITASK_BUILD_TESTS)
endif()
