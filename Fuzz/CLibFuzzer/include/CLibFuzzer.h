#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (flags, corpus, mutation loop) over `LLVMFuzzerTestOneInput`, which the Swift
/// harness exports. SwiftPM links executables with `main` aliased to `<module>_main`, so libFuzzer's own
/// `main` cannot be used; the executable's entry point calls this instead.
int CLibFuzzer_runDriver(int argc, char **argv);

#endif
