// Debian 12's OpenBLAS (0.3.21, built with DYNAMIC_ARCH) picks its kernels by CPU model number while it loads and
// falls back to the SSE3 "Prescott" kernels for a CPU it does not know, such as the Xeon (Emerald Rapids, model
// 0xCF) this project is measured on: sgemm then runs 2-5x slower than the CPU allows. OPENBLAS_CORETYPE overrides
// the choice but is read only during that load, before main. gotoblas_dynamic_quit/init, exported by dynamic
// builds, redo the choice; they are declared weak so that an OpenBLAS built for one CPU, which lacks them, still
// links and is left alone.
//
// This runs as a constructor: after OpenBLAS's own (shared-library dependencies initialise first) and before
// main, while the process has one thread, the only time setenv is safe.
#include "CBLASCoreSelection.h"

#include <cblas.h>
#include <stdlib.h>
#include <string.h>

extern void gotoblas_dynamic_init(void) __attribute__((weak));
extern void gotoblas_dynamic_quit(void) __attribute__((weak));

/// The SkylakeX kernels need AVX-512 F/CD/BW/DQ/VL; the Haswell ones AVX2 and FMA. Checked by the compiler's CPU
/// probe, which also checks that the OS saves the wider registers. Other architectures keep OpenBLAS's choice.
static const char *best_known_core(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl")) {
        return "SkylakeX";
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        return "Haswell";
    }
#endif
    return NULL;
}

/// Only a Prescott fallback on a CPU with wider vectors is corrected; an explicit OPENBLAS_CORETYPE wins.
__attribute__((constructor)) static void concierge_select_openblas_core(void) {
    const char *core = openblas_get_corename();
    if (getenv("OPENBLAS_CORETYPE") != NULL || gotoblas_dynamic_init == NULL || gotoblas_dynamic_quit == NULL
        || core == NULL || strcmp(core, "Prescott") != 0) {
        return;
    }
    const char *better = best_known_core();
    if (better == NULL) {
        return;
    }
    setenv("OPENBLAS_CORETYPE", better, 1);
    gotoblas_dynamic_quit();
    gotoblas_dynamic_init();
    unsetenv("OPENBLAS_CORETYPE");  // leave the environment as it was, for child processes
}

const char *concierge_openblas_core(void) {
    const char *core = openblas_get_corename();
    return core != NULL ? core : "unknown";
}
