# The native SentencePiece BPE tokenizer (included by CMakeLists.txt).
target_sources(vitask_model PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src/sentencepiece_model_reader.cpp)

if(VITASK_BUILD_TESTS)
  vitask_add_qtest(test_model_tokenizer
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/test/test_tokenizer.cpp
    LIBS vitask::model TORCH)
endif()
