#ifndef CONCIERGE_CBLAS_CORE_SELECTION_H
#define CONCIERGE_CBLAS_CORE_SELECTION_H

/// The OpenBLAS kernel set in use ("SkylakeX", "Haswell", "Prescott"…), after the load-time correction in
/// core_selection.c. For logs and benchmarks.
const char *concierge_openblas_core(void);

#endif
