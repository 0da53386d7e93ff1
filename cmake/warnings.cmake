# Project-wide warning set: every target links ibtrade_warnings, warnings are errors.
add_library(ibtrade_warnings INTERFACE)
target_compile_options(ibtrade_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror
  -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wconversion -Wsign-conversion -Wnull-dereference -Wdouble-promotion -Wformat=2
  -Wimplicit-fallthrough)
