#ifndef TRAILTRIAGE_CFUZZERDRIVER_H
#define TRAILTRIAGE_CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

typedef int (*trailtriage_fuzz_callback)(const uint8_t *data, size_t size);

/* Runs libFuzzer's driver (command-line flags, corpus, mutation loop) on `callback`. The fuzz
   targets call this from their own main: SwiftPM points an executable's `main` at the module's
   entry point, so libFuzzer's own main is never linked. */
int trailtriage_run_fuzzer(int argc, char **argv, trailtriage_fuzz_callback callback);
#endif
