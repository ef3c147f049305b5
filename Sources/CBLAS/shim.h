#ifndef CONCIERGE_CBLAS_SHIM_H
#define CONCIERGE_CBLAS_SHIM_H

// OpenBLAS's CBLAS interface. Debian keeps cblas.h under /usr/include/x86_64-linux-gnu/openblas-pthread/, which
// pkg-config's `openblas` adds to the include path (Package.swift names it), so no path is written here.
// It also declares openblas_set_num_threads and openblas_get_corename.
#include <cblas.h>

#endif
