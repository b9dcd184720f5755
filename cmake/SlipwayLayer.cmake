# slipway_layer(NAME DIR DEPS...): a static library from every .cpp in src/DIR
# (recursively) except *_test.cpp, which belong to test binaries.
function(slipway_layer name dir)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${dir}/*.cpp")
  list(FILTER sources EXCLUDE REGEX "_test\\.cpp$")
  add_library(${name} STATIC ${sources} "${PROJECT_SOURCE_DIR}/src/embedded_file.hpp")
  set_target_properties(${name} PROPERTIES LINKER_LANGUAGE CXX)
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(${name} PUBLIC ${ARGN})
endfunction()

# slipway_tests_in(OUT DIRS...): every *_test.cpp under the given src/ folders.
function(slipway_tests_in out)
  set(all)
  foreach(dir ${ARGN})
    file(GLOB_RECURSE found CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${dir}/*_test.cpp")
    list(APPEND all ${found})
  endforeach()
  set(${out} ${all} PARENT_SCOPE)
endfunction()
