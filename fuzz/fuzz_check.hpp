#pragma once
// Property checks inside fuzz targets. A broken property aborts, which
// libFuzzer reports as a crash (with the input saved) and the corpus replay
// as a failed test.
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, what)                                                   \
  do {                                                                                \
    if (!(condition)) {                                                               \
      std::fprintf(stderr, "%s:%d: property broken: %s\n", __FILE__, __LINE__, what); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (false)
