# Project-wide warning set: every target links ibtrade_warnings, warnings are errors.
add_library(ibtrade_warnings INTERFACE)
target_compile_options(ibtrade_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror
  -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wconversion -Wsign-conversion -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false positives from libstdc++'s own string code at -O2 (GCC bug 105651,
  # -Wrestrict) and from inlined standard containers (-Wnull-dereference, not enabled here).
  target_compile_options(ibtrade_warnings INTERFACE -Wno-restrict)
endif()
