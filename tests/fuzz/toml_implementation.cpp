// The fuzz build compiles toml++ from its headers, instrumented like our own
// code, instead of linking Debian's shared library: its parser is then
// covered and sanitized too. The implementation is compiled here, once
// (TOML_HEADER_ONLY=0 everywhere else), to keep the fuzz build short.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
