#include "CFuzzerDriver.h"

/* Provided by libFuzzer (-sanitize=fuzzer). */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int trailtriage_run_fuzzer(int argc, char **argv, trailtriage_fuzz_callback callback) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
