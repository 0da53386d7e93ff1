# ibtrade_module(<name> [DEPS ...] [TEST_DEPS ...])
#
# One call per folder under src/: builds every *.cpp of the folder (recursively) into the static
# library ibtrade_<name>, and every *_test.cpp beside them into the test binary <name>_tests,
# registered with CTest one GoogleTest case at a time.
function(ibtrade_module name)
  cmake_parse_arguments(M "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB_RECURSE all_sources CONFIGURE_DEPENDS
       "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  set(sources "")
  set(tests "")
  foreach(f IN LISTS all_sources)
    if(f MATCHES "_test\\.cpp$")
      list(APPEND tests "${f}")
    elseif(NOT f MATCHES "(_bench|_fuzz|/main)\\.cpp$")
      list(APPEND sources "${f}")
    endif()
  endforeach()

  add_library(ibtrade_${name} STATIC ${sources})
  target_include_directories(ibtrade_${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(ibtrade_${name} PUBLIC ${M_DEPS} PRIVATE ibtrade_warnings)

  if(IBTRADE_BUILD_TESTS AND tests)
    add_executable(${name}_tests ${tests})
    target_link_libraries(${name}_tests PRIVATE ibtrade_${name} ${M_TEST_DEPS}
                          GTest::gtest GTest::gmock GTest::gtest_main ibtrade_warnings)
    target_compile_definitions(${name}_tests PRIVATE
      IBTRADE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
      IBTRADE_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    # One label, the module's name (`ctest -L core`): a list value would be split into
    # separate properties by gtest_discover_tests.
    gtest_discover_tests(${name}_tests DISCOVERY_MODE PRE_TEST PROPERTIES LABELS ${name})
  endif()
endfunction()
