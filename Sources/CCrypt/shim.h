#ifndef CONCIERGE_CCRYPT_SHIM_H
#define CONCIERGE_CCRYPT_SHIM_H

#include <crypt.h>
#include <stdlib.h>
#include <string.h>

/// `struct crypt_data` is ~32 KiB and must start zeroed; allocate it in C so Swift never sizes it.
static inline void *concierge_crypt_data_new(void) {
    return calloc(1, sizeof(struct crypt_data));
}

static inline void concierge_crypt_data_free(void *data) {
    if (data != NULL) {
        explicit_bzero(data, sizeof(struct crypt_data));
        free(data);
    }
}

/// `crypt_r` writing into heap state owned by the caller (thread-safe, unlike `crypt`).
static inline const char *concierge_crypt_r(const char *phrase, const char *setting, void *data) {
    return crypt_r(phrase, setting, (struct crypt_data *)data);
}

/// Buffer size for a setting string from `crypt_gensalt_rn`.
static inline int concierge_crypt_gensalt_output_size(void) {
    return CRYPT_GENSALT_OUTPUT_SIZE;
}

#endif
