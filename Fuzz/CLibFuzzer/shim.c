#include "CLibFuzzer.h"

// Provided by libclang_rt.fuzzer (linked by -sanitize=fuzzer) and by the Swift harness.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int CLibFuzzer_runDriver(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
