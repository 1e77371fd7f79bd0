# The native SentencePiece BPE tokenizer (included by CMakeLists.txt).
if(VITASK_BUILD_TESTS)
endif()
